"""Speed of the ZRM on the 20,000-household store: saving a measurement, drawing a trend.

Each figure is set against a baseline measured in the same run:
- saving a ZRM (validate, 13 scores, history hook, commit)  vs  the same rows inserted raw
- drawing the trend chart of a person with 20 measurements   vs  drawing an empty chart
Targets (issue 4): save < 50 ms, chart < 100 ms.

Run with `.venv/bin/python bench/bench_zrm.py [--db PATH]` (builds a store when none is given).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
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

    from sqlalchemy import select

    from desktop.app import make_application
    from desktop.database import _on_connect, keyed_connection
    from desktop.session import unlock
    from models import zrm
    from models.entities import Person
    from models.instruments import current_version
    from models.records import MeasurementDraft, ScoreDraft
    from views.zrm_chart import TrendChart

    with tempfile.TemporaryDirectory(prefix="teamtafel-zrm-") as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            seconds = build(db, args.households)
            print(f"built {args.households:,} households in {seconds:.1f} s")
        unlocked = unlock(db, DEMO_LOGIN["TEAMTAFEL_GEBRUIKER"], DEMO_LOGIN["TEAMTAFEL_WACHTWOORD"])
        with unlocked.store.sessions() as session:
            person_ids = list(session.scalars(select(Person.id).limit(args.repeat + 1)))
        instrument = current_version("zrm")
        today = date.today()

        def draft(day: date, level: int) -> MeasurementDraft:
            return MeasurementDraft(
                "zrm",
                "2017",
                day,
                "Bench",
                tuple(ScoreDraft(i.code, level, target=5) for i in instrument.items),
            )

        people = iter(person_ids)

        def save() -> None:
            person_id = next(people)
            with unlocked.store.sessions.begin() as session:
                zrm.save_measurement(session, person_id, draft(today, 3))

        raw = keyed_connection(db, unlocked.key)
        _on_connect(raw, None)
        household_of = {}
        for pid in person_ids:
            household_of[pid] = raw.execute(
                "SELECT household_id FROM person WHERE id = ?", (pid.hex,)
            ).fetchone()[0]
        raw_people = iter(person_ids)

        def save_raw() -> None:
            person_id = next(raw_people)
            now = datetime.now(UTC).isoformat(sep=" ")
            measurement_id = uuid.uuid4().hex
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO measurement (id, person_id, household_id, instrument_code, instrument_version,"
                " measured_on, assessor, note, created_at, created_by, updated_at, updated_by)"
                " VALUES (?, ?, ?, 'zrm', '2017', ?, 'Bench', '', ?, 'b', ?, 'b')",
                (
                    measurement_id,
                    person_id.hex,
                    household_of[person_id],
                    today.isoformat(),
                    now,
                    now,
                ),
            )
            raw.executemany(
                "INSERT INTO measurement_score (id, measurement_id, item_code, level, not_assessed, target,"
                " remark, created_at, created_by, updated_at, updated_by)"
                " VALUES (?, ?, ?, 3, 0, 5, '', ?, 'b', ?, 'b')",
                [
                    (uuid.uuid4().hex, measurement_id, item.code, now, now)
                    for item in instrument.items
                ],
            )
            raw.execute("COMMIT")

        ours = timed(save, args.repeat)
        baseline = timed(save_raw, args.repeat)
        print("\nsaving a ZRM (13 domains), median of", args.repeat)
        print(
            f"  Teamtafel {ours * 1000:6.1f} ms   raw inserts {baseline * 1000:6.1f} ms   ratio {ours / baseline:5.2f} x   (target < 50 ms)"
        )

        person_id = person_ids[-1]
        for n in range(20):
            with unlocked.store.sessions.begin() as session:
                zrm.save_measurement(
                    session, person_id, draft(today - timedelta(days=30 * (20 - n)), 1 + n % 5)
                )
        make_application()
        chart = TrendChart()
        chart.resize(800, 360)
        chart.show()

        def draw() -> None:
            with unlocked.store.sessions() as session:
                records = zrm.person_measurements(session, person_id)
            chart.show_series(zrm.series(records, None), "Gemiddeld over alle domeinen")
            chart.grab()

        def draw_empty() -> None:
            chart.show_series([], "")
            chart.grab()

        drawn = timed(draw, args.repeat)
        empty = timed(draw_empty, args.repeat)
        print(
            "\ntrend chart of a person with 20 measurements (read, compute, draw), median of",
            args.repeat,
        )
        print(
            f"  Teamtafel {drawn * 1000:6.1f} ms   empty chart {empty * 1000:6.1f} ms   ratio {drawn / empty:5.2f} x   (target < 100 ms)"
        )
        raw.close()
        unlocked.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
