"""Speed of the dossier as sections on the 20,000-household store, and of the print path.

Each figure is set against a baseline measured in the same run:
- opening a dossier tab (use case: permission, OPEN line, every registered section,
  the ZRM section's own read, laid out and painted)  vs  load_dossier alone, read-only
- a save through the use-case layer (permission, one transaction with its CHANGE line,
  the sections refreshed)                            vs  the same service call, committed alone
- the inzage PDF built in memory (typed report, platypus, shipped font)
                                                     vs  a one-paragraph PDF on the same template
Targets: opening < 150 ms, a save with refresh < 100 ms, the PDF < 1 s.

Run with `.venv/bin/python bench/bench_dossier.py [--db PATH]` (builds a store when none is given).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_households import DEMO_LOGIN, build, timed  # noqa: E402


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
    from desktop.reports.pdf import body, build_pdf, title
    from desktop.session import unlock
    from desktop.usecases import avg, contacts
    from models import households as service
    from models.entities import Household, Person
    from models.enums import ContactKind
    from models.records import ContactDraft

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="teamtafel-dossier-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households)
            print(f"built {args.households:,} households in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        with unlocked.store.sessions() as session:
            # The fullest households: the slowest to show.
            ids = list(
                session.scalars(
                    select(Household.id)
                    .join(Person, Person.household_id == Household.id)
                    .group_by(Household.id)
                    .order_by(func.count(Person.id).desc(), Household.id)
                    .limit(args.repeat * 2)
                )
            )
            person_id = session.scalar(select(Person.id).where(Person.household_id == ids[0]))
        controller = MainController(unlocked)
        controller.window.resize(1280, 800)
        controller.window.show()
        app.processEvents()

        opened = iter(ids)

        def open_tab() -> None:
            household_id = next(opened)
            controller.open_household(household_id)
            app.processEvents()
            controller.window.close_tab(controller.window.tabs.currentIndex())

        def load_only() -> None:
            with unlocked.store.sessions() as session:
                service.load_dossier(session, ids[0])

        open_ms = timed(open_tab, args.repeat) * 1000
        load_ms = timed(load_only, args.repeat) * 1000

        target = ids[-1]
        controller.open_household(target)
        app.processEvents()
        draft = ContactDraft(date.today(), ContactKind.TELEFOON, "bench")

        def save_through_use_case() -> None:
            controller.ui.attempt(lambda: contacts.add_contact(unlocked, target, draft))
            app.processEvents()

        def save_service_only() -> None:
            with unlocked.store.sessions.begin() as session:
                service.add_contact(session, target, draft)

        save_ms = timed(save_through_use_case, args.repeat) * 1000
        service_ms = timed(save_service_only, args.repeat) * 1000

        def inzage_pdf() -> None:
            avg.inzage_document(unlocked, person_id)

        def small_pdf() -> None:
            build_pdf(
                [title("Inzage"), body("Eén alinea.")],
                document_title="Inzage",
                header="bench",
                made_on=date.today(),
            )

        small_pdf()  # fonts registered once, as in the app
        pdf_ms = timed(inzage_pdf, max(3, args.repeat // 3)) * 1000
        small_ms = timed(small_pdf, max(3, args.repeat // 3)) * 1000
        controller.window.close()
        unlocked.close()

    print(
        f"open a dossier tab (sections, OPEN line, paint): {open_ms:7.1f} ms"
        f"   vs load_dossier alone {load_ms:6.1f} ms  = {open_ms / load_ms:5.1f}x  (target < 150 ms)"
    )
    print(
        f"save a contact through the use case + refresh:   {save_ms:7.1f} ms"
        f"   vs the service call alone {service_ms:6.1f} ms  = {save_ms / service_ms:5.1f}x  (target < 100 ms)"
    )
    print(
        f"inzage PDF in memory:                            {pdf_ms:7.1f} ms"
        f"   vs a one-paragraph PDF {small_ms:6.1f} ms  = {pdf_ms / small_ms:5.1f}x  (target < 1 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
