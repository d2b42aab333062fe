"""Speed of the minutes: a closed 30-case meeting printed as PDF, on the large demo store.

The meeting is built through the meeting use cases (plan, bring in, attendees, start, notes,
decisions, actions, end each case, close), with notes of a realistic length. The figure is set
against a baseline measured in the same run:
- the minutes (read the meeting, lay out header, attendees, 30 cases with their tables and
  the action list, build the PDF)  vs  the same words as plain paragraphs in a PDF of the
  same page template (no tables, no reading)
Target (issue 11): minutes of a 30-case meeting < 1 s.

Run with `.venv/bin/python bench/bench_minutes.py [--db PATH] [--households N]` (builds a
store when none is given).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_households import DEMO_LOGIN, build, timed  # noqa: E402

CASES = 30
INFORMATION = (
    "School meldt sinds mei regelmatig verzuim; moeder geeft aan dat de ochtenden niet lukken. "
    "De huisarts heeft angstklachten bij de oudste gezien. Vader werkt in ploegendienst."
)
ANALYSIS = (
    "De spanning in huis neemt toe door schulden en de verhuizing. De kinderen missen "
    "structuur; het netwerk is klein maar oma is betrokken en bereid te helpen."
)
CONCLUSION = (
    "Inzetten op structuur in de ochtend, schuldhulp aanvragen en een verwijzing naar "
    "jeugd-GGZ voor de oudste. Over zes weken terug in het overleg."
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    from reportlab.platypus import Flowable

    from desktop.reports.pdf import body, build_pdf, title
    from desktop.session import unlock
    from desktop.usecases import households, meetings, minutes
    from models.enums import ActionOwner
    from models.meeting_records import (
        AgendaItemDraft,
        AttendeeDraft,
        CaseNotes,
        DecisionDraft,
        DecisionKind,
        ItemOutcome,
        MeetingDraft,
        MeetingKind,
    )
    from models.records import ActionDraft, HouseholdSort
    from models.validation import ValidationError

    with tempfile.TemporaryDirectory(prefix="teamtafel-minutes-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households)
            print(f"built {args.households:,} households in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        team = [m.id for m in households.medewerkers(unlocked)][:6]
        rows = households.page(
            unlocked,
            "",
            open_only=True,
            sort=HouseholdSort.DOSSIER,
            descending=True,
            offset=0,
            limit=CASES * 4,
        )
        today = date.today()
        meeting_id = meetings.plan_meeting(
            unlocked,
            MeetingDraft(MeetingKind.CASUISTIEK, today, "09:00", "Wijkcentrum", team[0], team[1]),
        )
        brought = 0
        for row in rows:
            if brought == CASES:
                break
            try:
                meetings.bring_in(
                    unlocked,
                    meeting_id,
                    AgendaItemDraft(row.id, "Wat is nodig om verzuim te stoppen?", "hoog", team[2]),
                )
                brought += 1
            except ValidationError:  # already on another agenda of the demo
                continue
        meetings.set_attendees(
            unlocked,
            meeting_id,
            [AttendeeDraft(m) for m in team] + [AttendeeDraft(name="J. de Wit", discipline="GZ")],
        )
        meetings.start_meeting(unlocked, meeting_id)
        for n, item in enumerate(meetings.get_meeting(unlocked, meeting_id).items):
            meetings.record_notes(
                unlocked,
                item.id,
                CaseNotes(
                    INFORMATION,
                    ANALYSIS,
                    CONCLUSION,
                    "Interne notitie.",
                    safety_discussed=True,
                    network_discussed=n % 2 == 0,
                ),
            )
            meetings.add_decision(
                unlocked,
                item.id,
                DecisionDraft(DecisionKind.REGISSEUR, "Regie blijft", medewerker_id=team[n % 6]),
            )
            meetings.add_decision(unlocked, item.id, DecisionDraft(DecisionKind.ZRM, "ZRM afnemen"))
            for k in range(3):
                meetings.add_action(
                    unlocked,
                    item.id,
                    ActionDraft(
                        f"Actie {k + 1}: huisbezoek en terugkoppeling",
                        ActionOwner.MEDEWERKER,
                        today + timedelta(days=7 * (k + 1)),
                        team[(n + k) % 6],
                    ),
                    today=today,
                )
            meetings.end_case(unlocked, item.id, ItemOutcome.BESPROKEN)
        meetings.close_meeting(unlocked, meeting_id)
        record = meetings.get_meeting(unlocked, meeting_id)
        print(
            f"meeting nr. {record.number}: {len(record.items)} cases, "
            f"{sum(len(i.decisions) for i in record.items)} decisions, "
            f"{sum(len(i.actions) for i in record.items)} actions"
        )

        def ours() -> None:
            made = minutes.minutes_document(unlocked, meeting_id)
            assert made.document is not None

        words = [
            text
            for item in record.items
            for text in (
                item.question,
                item.notes.information,
                item.notes.analysis,
                item.notes.conclusion,
                *(d.draft.text for d in item.decisions),
                *(a.description for a in item.actions),
            )
        ]

        def plain() -> None:
            story: list[Flowable] = [title("Notulen")] + [body(w) for w in words]
            build_pdf(story, document_title="Notulen", header="Notulen", made_on=today)

        ours()  # fonts and imports loaded once, as in the app after the first printout
        plain()
        made = timed(ours, args.repeat)
        baseline = timed(plain, args.repeat)
        pages = minutes.minutes_document(unlocked, meeting_id).document
        assert pages is not None
        print(f"\nminutes of a {len(record.items)}-case meeting as PDF, median of {args.repeat}")
        print(
            f"  Teamtafel {made * 1000:6.1f} ms   plain paragraphs {baseline * 1000:6.1f} ms   "
            f"ratio {made / baseline:5.2f} x   (target < 1000 ms)   "
            f"{len(pages.pdf) // 1024} KiB"
        )
        unlocked.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
