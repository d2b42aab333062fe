"""Speed of meeting mode on the 20,000-household store: opening it for a 30-case agenda, and
moving on to the next case.

A running casuïstiekoverleg of 30 cases is made through the meeting use cases (plan, bring in
the 30 fullest households — the slowest summaries —, attendees, start). Each figure is set
against baselines measured in the same run:
- opening meeting mode (the use case's read of the meeting, the first case's household
  summary — ``meetings.case_summary``, which logs OPEN —, the window built, filled, shown and
  painted, offscreen)  vs  ``get_meeting`` alone, read-only; and an empty meeting-mode window
  shown and painted
- moving to the next case (the notes typed become the record — one transaction with its CHANGE
  line —, the meeting read again, the next summary with its OPEN line, shown and painted; and
  the main window following the change: the Overleggen tab behind re-reads the meeting and
  the team's proposals)  vs  the same ``record_notes`` service call, committed alone; also
  timed with the tab not listening (meeting mode's own share)
The open figure is also split into its parts (use case read, summary, window).
Target (issue 11): opening meeting mode for a 30-case agenda < 300 ms.

Run with `.venv/bin/python bench/bench_meetings.py [--db PATH] [--households N]` (builds a store
when none is given; also part of `make bench`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_households import DEMO_LOGIN, build, median_of, timed  # noqa: E402

CASES = 30
QUESTION = "Wat is nodig om het verzuim te stoppen, en wie neemt contact op met school?"
NOTES = (
    "School meldt sinds mei regelmatig verzuim; moeder geeft aan dat de ochtenden niet lukken. "
    "De huisarts heeft angstklachten bij de oudste gezien."
)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    from sqlalchemy import func, select

    from desktop.app import make_application
    from desktop.controller import MainController
    from desktop.presenters.meeting_mode import MeetingModePresenter
    from desktop.session import unlock
    from desktop.usecases import households, meetings
    from models import meetings as service
    from models.entities import Household, Person, Traject
    from models.enums import Phase
    from models.meeting_records import (
        AgendaItemDraft,
        AttendeeDraft,
        CaseNotes,
        MeetingDraft,
        MeetingKind,
    )
    from models.validation import ValidationError
    from views.meeting_mode import MeetingModeWindow

    app = make_application()
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="teamtafel-meetings-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households)
            print(f"built {args.households:,} households in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        team = [m.id for m in households.medewerkers(unlocked) if m.active][:6]
        with unlocked.store.sessions() as session:
            # The fullest households in a running traject: the slowest summaries.
            fullest = list(
                session.scalars(
                    select(Household.id)
                    .join(Person, Person.household_id == Household.id)
                    .join(Traject, Traject.household_id == Household.id)
                    .where(Traject.is_current.is_(True), Traject.phase != Phase.AFGESLOTEN)
                    .group_by(Household.id)
                    .order_by(func.count(Person.id).desc(), Household.id)
                    .limit(CASES * 3)
                )
            )
        meeting_id = meetings.plan_meeting(
            unlocked,
            MeetingDraft(MeetingKind.CASUISTIEK, today, "09:00", "Wijkcentrum", team[0], team[1]),
        )
        brought = 0
        for n, household_id in enumerate(fullest):
            if brought == CASES:
                break
            try:
                meetings.bring_in(
                    unlocked,
                    meeting_id,
                    AgendaItemDraft(household_id, QUESTION, "hoog", team[n % len(team)]),
                )
                brought += 1
            except ValidationError:  # already on another open agenda of the demo
                continue
        meetings.set_attendees(unlocked, meeting_id, [AttendeeDraft(m) for m in team])
        meetings.start_meeting(unlocked, meeting_id)
        record = meetings.get_meeting(unlocked, meeting_id)
        first = record.items[0]
        print(f"running meeting nr. {record.number}: {len(record.items)} cases")

        controller = MainController(unlocked)
        controller.window.resize(1280, 800)
        controller.window.show()
        app.processEvents()
        ui = controller.ui

        # --- opening meeting mode ----------------------------------------------------------
        def open_mode() -> MeetingModePresenter:
            presenter = MeetingModePresenter(ui, meeting_id, today=today)
            assert presenter.open()
            app.processEvents()  # laid out and painted
            return presenter

        def close_mode(presenter: MeetingModePresenter) -> None:
            presenter.window.close()
            app.processEvents()

        def samples(work: Callable[[], object], after: Callable[[object], None]) -> float:
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                made = work()
                times.append(time.perf_counter() - start)
                after(made)
            return median_of(times)

        close_mode(open_mode())  # imports and fonts loaded once, as in the app
        open_s = samples(open_mode, lambda p: close_mode(p))  # type: ignore[arg-type]

        def read_only() -> None:
            with unlocked.store.sessions() as session:
                service.get_meeting(session, meeting_id)

        def use_case_read() -> None:
            meetings.get_meeting(unlocked, meeting_id)

        def summary() -> None:
            meetings.case_summary(unlocked, first.household_id, today=today)

        found = meetings.case_summary(unlocked, first.household_id, today=today)

        def window_only() -> MeetingModeWindow:
            window = MeetingModeWindow(ui.window)
            window.show_meeting(record)
            window.show_agenda(record.items, 0, guarded=record.guarded)
            window.show_case(first, first.notes)
            window.show_lists(first.decisions, first.actions)
            window.set_running(True)
            window.show_summary(found)
            window.show()
            app.processEvents()
            return window

        def empty_window() -> MeetingModeWindow:
            window = MeetingModeWindow(ui.window)
            window.show()
            app.processEvents()
            return window

        def drop(window: object) -> None:
            assert isinstance(window, MeetingModeWindow)
            window.close()
            window.deleteLater()
            app.processEvents()

        read_s = timed(read_only, args.repeat)
        use_case_s = timed(use_case_read, args.repeat)
        summary_s = timed(summary, args.repeat)
        drop(window_only())
        window_s = samples(window_only, drop)
        empty_s = samples(empty_window, drop)

        # --- moving to the next case ---------------------------------------------------------
        presenter = open_mode()
        moves: list[float] = []
        for n in range(len(record.items) - 1):
            presenter.window.edits["information"].setPlainText(f"{NOTES} ({n + 1})")
            start = time.perf_counter()
            presenter.go(presenter.index + 1)
            app.processEvents()
            moves.append(time.perf_counter() - start)
        assert presenter.index == len(record.items) - 1
        close_mode(presenter)
        # The same walk with the Overleggen tab not listening: meeting mode's own share.
        tab = controller.tabs["overleggen"]
        ui.changed.disconnect(tab._on_changed)  # type: ignore[attr-defined]
        presenter = open_mode()
        alone: list[float] = []
        for n in range(len(record.items) - 1):
            presenter.window.edits["information"].setPlainText(f"{NOTES} [{n + 1}]")
            start = time.perf_counter()
            presenter.go(presenter.index + 1)
            app.processEvents()
            alone.append(time.perf_counter() - start)
        close_mode(presenter)
        item_ids = [i.id for i in record.items]
        written = iter(range(10_000))

        def record_only() -> None:
            with unlocked.store.sessions.begin() as session:
                service.record_notes(
                    session, item_ids[0], CaseNotes(information=f"{NOTES} [{next(written)}]")
                )

        record_s = timed(record_only, args.repeat)
        controller.window.close()
        unlocked.close()

    print(f"\nmeeting mode for a {CASES}-case agenda, median of {args.repeat}")
    print(
        f"  open (use case read, summary + OPEN line, window shown): {_ms(open_s)}"
        f"   vs get_meeting alone, read-only {_ms(read_s)} = {open_s / read_s:5.1f}x"
        f"   vs an empty window {_ms(empty_s)} = {open_s / empty_s:5.1f}x   (target < 300 ms)"
    )
    print(
        f"    of which: use case read {_ms(use_case_s)}, summary {_ms(summary_s)}, "
        f"window filled and shown {_ms(window_s)}"
    )
    print(
        f"  next case (notes recorded, read, summary, shown): median {_ms(median_of(moves))}, "
        f"worst {_ms(max(moves))} of {len(moves)}"
        f"   vs record_notes alone {_ms(record_s)} = {median_of(moves) / record_s:5.1f}x"
    )
    print(
        f"    of which meeting mode itself (the Overleggen tab not refreshing): median "
        f"{_ms(median_of(alone))}, worst {_ms(max(alone))}"
        f" = {median_of(alone) / record_s:5.1f}x record_notes alone"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
