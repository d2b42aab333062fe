"""Speed of the printed gezinsplan: a plan of 10 goals, 30 actions and one ZRM chart as PDF,
on the large demo store.

The plan is written through the service in a household of the store (goals with a ZRM
domain, actions for a team member, network, an evaluation date), with a measurement and the
member's agreement to the chart, and vastgesteld. The figure is set against a baseline
measured in the same run:
- the plan (read every version, the household and the chart, lay out the first page, the
  goals with their "wie doet wat, wanneer" tables, the chart and the signature page, build
  the PDF)  vs  the same words as plain paragraphs in a PDF of the same page template (no
  tables, no reading)
Target (issue 12): the plan PDF < 0.5 s.

Run with `.venv/bin/python bench/bench_gezinsplan.py [--db PATH] [--households N]` (builds
a store when none is given).
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

GOALS = 10
ACTIONS = 3  # per goal
DOMAINS = (
    "financien",
    "huisvesting",
    "werk_opleiding",
    "sociaal_netwerk",
    "lichamelijke_gezondheid",
)
SITUATION = (
    "Moeder woont met drie kinderen in een flat. Er zijn schulden bij drie schuldeisers en de "
    "oudste gaat niet elke dag naar school. Oma helpt met de post; vader woont in Zwolle."
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
    from desktop.usecases import households
    from desktop.usecases.gezinsplan_print import plan_document
    from models import gezinsplan as plans
    from models import households as household_service
    from models import zrm
    from models.enums import ActionOwner, MemberRole
    from models.gezinsplan_records import GezinsplanDraft, GoalDraft, NetworkDraft, PartyDraft
    from models.records import ActionDraft, HouseholdSort, MeasurementDraft, PersonDraft, ScoreDraft

    with tempfile.TemporaryDirectory(prefix="teamtafel-gezinsplan-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households)
            print(f"built {args.households:,} households in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        team = [m.id for m in households.medewerkers(unlocked)][:3]
        today = date.today()
        rows = households.page(
            unlocked,
            "",
            open_only=True,
            sort=HouseholdSort.DOSSIER,
            descending=True,
            offset=0,
            limit=50,
        )
        with unlocked.store.sessions.begin() as session:
            # a household of the store without a plan yet
            household_id = next(r.id for r in rows if not plans.plans(session, r.id).versions)
            mother = household_service.add_member(
                session,
                household_id,
                PersonDraft(
                    "Elif", "Yılmaz", MemberRole.OUDER, date_of_birth=date(1988, 3, 1), gezag=True
                ),
                today=today,
            )
            zrm.save_measurement(
                session,
                mother,
                MeasurementDraft(
                    "zrm",
                    "2017",
                    today - timedelta(days=20),
                    "Bench",
                    scores=tuple(ScoreDraft(code, 2) for code in DOMAINS),
                ),
                today=today,
            )
            plan_id = plans.new_version(
                session,
                household_id,
                GezinsplanDraft(
                    today,
                    situation=SITUATION,
                    question="Rust in huis en de schulden op een rij.",
                    strengths="Oma helpt veel.",
                    concerns="Ruzie over geld.",
                    reach="06-12345678, maandag tot en met donderdag",
                ),
                today=today,
            )
            for n in range(GOALS):
                domain = DOMAINS[n % len(DOMAINS)] if n < len(DOMAINS) else ""
                goal = plans.add_goal(
                    session,
                    plan_id,
                    GoalDraft(
                        f"Doel {n + 1}: de schulden op een rij en elke week de post open",
                        (mother,),
                        "zrm" if domain else "",
                        "2017" if domain else "",
                        domain,
                        4 if domain else None,
                    ),
                )
                for k in range(ACTIONS):
                    plans.add_goal_action(
                        session,
                        goal,
                        ActionDraft(
                            f"Actie {k + 1}: samen met moeder bellen en terugkoppelen",
                            ActionOwner.MEDEWERKER,
                            today + timedelta(days=7 * (k + 1)),
                            medewerker_id=team[(n + k) % len(team)],
                        ),
                        today=today,
                    )
            plans.add_network(session, plan_id, NetworkDraft("Ayşe", "oma", "Helpt met de post"))
            plans.add_evaluation_date(session, plan_id, today + timedelta(days=90), today=today)
            plans.set_parties(
                session,
                plan_id,
                [
                    PartyDraft(r.person_id, today, "huisbezoek", chart_ok=r.person_id == mother)
                    for r in plans.required_parties(session, plan_id, today)
                ],
                today=today,
            )
            plans.settle(session, plan_id, today, today=today, by="bench")
            record = plans.plans(session, household_id).current
            assert record is not None
            charts = plans.chart_series(session, record)
        print(
            f"plan: {len(record.goals)} goals, {sum(len(g.actions) for g in record.goals)} "
            f"actions, {len(charts)} chart"
        )

        def ours() -> None:
            plan_document(unlocked, household_id, today=today)

        words = [
            record.draft.situation,
            record.draft.question,
            record.draft.strengths,
            record.draft.concerns,
            *(g.description for g in record.goals),
            *(f"{a.description} {a.owner}" for g in record.goals for a in g.actions),
        ]

        def plain() -> None:
            story: list[Flowable] = [title("Gezinsplan")] + [body(w) for w in words]
            build_pdf(story, document_title="Gezinsplan", header="Gezinsplan", made_on=today)

        ours()  # fonts and imports loaded once, as in the app after the first printout
        plain()
        made = timed(ours, args.repeat)
        baseline = timed(plain, args.repeat)
        pdf = plan_document(unlocked, household_id, today=today).pdf
        print(f"\nthe gezinsplan as PDF, median of {args.repeat}")
        print(
            f"  Teamtafel {made * 1000:6.1f} ms   plain paragraphs {baseline * 1000:6.1f} ms   "
            f"ratio {made / baseline:5.2f} x   (target < 500 ms)   {len(pdf) // 1024} KiB"
        )
        unlocked.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
