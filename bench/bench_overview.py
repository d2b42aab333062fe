"""Speed of the coordinator's overview and its Excel export, on the large demo store
(20,000 households registered over five years, as issue 13 asks).

Each figure is set against a baseline measured in the same run:
- the full overview (every figure, the team, a year up to today, through the use case)  vs
  reading the columns it uses of every table it reads as plain rows, computing nothing (a
  count(*) was the baseline before; with a page cache that holds these tables it takes
  2 ms and says nothing)
- the Excel export (every table as a sheet, through the use case)  vs  one sheet of the
  same number of cells written by pandas with openpyxl
- the export saved (written 0600 and logged: EXPORT under every household it names)
Targets (issue 13): the overview < 1 s, the Excel export < 2 s.

Run with `.venv/bin/python bench/bench_overview.py [--db PATH] [--households N]` (builds a
store when none is given); `--profile` prints where the overview's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_households import DEMO_LOGIN, build, timed  # noqa: E402

# the tables the overview reads, and the columns it uses of each
TABLES = {
    "traject": (
        "id, household_id, registered_on, closed_on, close_reason, herkomst, plan_on,"
        " last_event_on, first_contact_on, last_contact_on"
    ),
    "regisseur_assignment": "traject_id, medewerker_id, start_on, end_on",
    "household": "id, dossier_number, name",
    "person": "household_id, date_of_birth, bsn, gezag",
    "verwijzing": "traject_id, household_id, referred_on, hulpvorm, status, organisation_id",
    "measurement": (
        "id, person_id, household_id, instrument_code, instrument_version, measured_on,"
        " answered, levels"
    ),
    "action": "household_id, due_on, status",
    "taxatie": "household_id, person_id, assessed_on, next_due, state",
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    import pandas as pd
    from sqlalchemy import text

    from desktop.session import unlock
    from desktop.usecases import overview as usecase
    from models.overview import OverviewFilter

    with tempfile.TemporaryDirectory(prefix="teamtafel-overview-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households, years=5)
            print(f"built {args.households:,} households over five years in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        today = date.today()
        f = OverviewFilter(date(today.year - 1, today.month, 1), today)

        def figures() -> object:
            return usecase.overview(unlocked, f)

        def counts() -> None:
            with unlocked.store.sessions() as session:
                cursor = session.connection().connection.cursor()
                for table, columns in TABLES.items():
                    cursor.execute(f'SELECT {columns} FROM "{table}"').fetchall()  # noqa: S608

        made = usecase.overview(unlocked, f)  # imports, code lists and instruments loaded once
        counts()
        with unlocked.store.sessions() as session:
            rows = {
                t: session.execute(text(f'SELECT count(*) FROM "{t}"')).scalar()  # noqa: S608
                for t in ("household", "traject", "contact", "measurement")
            }
        print(", ".join(f"{n:,} {t}" for t, n in rows.items()))
        overview_s = timed(figures, args.repeat)
        count_s = timed(counts, args.repeat)
        cells = sum(len(t.rows) * len(t.columns) for t in made.tables)
        print(
            f"{len(made.tables)} tables, {sum(len(t.rows) for t in made.tables):,} rows, "
            f"{cells:,} cells; werkvoorraad {len(made.table('werkvoorraad').rows):,} lines"
        )

        def workbook() -> None:
            usecase.workbook(unlocked, made)

        width = 8
        plain_frame = pd.DataFrame(
            [[n * width + k for k in range(width)] for n in range(max(1, cells // width))],
            columns=[f"kolom {k}" for k in range(width)],
        )

        def one_sheet() -> None:
            with pd.ExcelWriter(io.BytesIO(), engine="openpyxl") as writer:
                plain_frame.to_excel(writer, sheet_name="Blad1", index=False)

        target = Path(folder) / "overzicht.xlsx"

        def saved() -> None:
            usecase.save(unlocked, usecase.workbook(unlocked, made), target, detail="bench")

        workbook()
        one_sheet()
        export_s = timed(workbook, args.repeat)
        sheet_s = timed(one_sheet, args.repeat)
        saved_s = timed(saved, max(1, args.repeat // 2))

        print(f"\noverview and export, median of {args.repeat}")
        print(
            f"  overview   {overview_s * 1000:7.1f} ms   reading its columns plainly "
            f"{count_s * 1000:6.1f} ms   ratio {overview_s / count_s:6.2f} x   (target < 1000 ms)"
        )
        print(
            f"  Excel      {export_s * 1000:7.1f} ms   one sheet, same cells "
            f"{sheet_s * 1000:7.1f} ms   ratio {export_s / sheet_s:5.2f} x   (target < 2000 ms)"
        )
        print(f"  Excel saved and logged {saved_s * 1000:7.1f} ms")

        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            usecase.overview(unlocked, f)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue())
        unlocked.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
