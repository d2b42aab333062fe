"""Speed of the access log's chain (models.logchain) on a log of many lines.

Each figure is set against a baseline measured in the same run:
- writing a log line (number, link, hash, Ed25519 signature) in its own transaction
                                        vs  the same line inserted without the chain
- checking the whole chain (read, re-hash, verify every signature: the log screen)
                                        vs  reading the same lines (the log screen without it)
Targets: a line < 10 ms; the whole check of 20,000 lines < 5 s (the start-up check reads
only what came after this computer's last check).

Run with `.venv/bin/python bench/bench_logchain.py [--lines N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()

    from sqlalchemy import select, text

    from desktop.keyring import KdfCost
    from desktop.session import create_database
    from desktop.usecases import access
    from models.access import log_access
    from models.permissions import AccessAction
    from models.security import AccessLogEntry

    with tempfile.TemporaryDirectory() as folder:
        unlocked, _code = create_database(
            Path(folder) / "log.sqlite",
            name="Bench Beheer",
            login="bench",
            password="bench-wachtwoord-2026",
            cost=KdfCost(time_cost=1, memory_cost=8192, parallelism=1),
        )
        actor, sessions = unlocked.actor, unlocked.store.sessions
        started = time.perf_counter()
        with sessions.begin() as session:  # the bulk of the log, in batches
            for i in range(args.lines):
                log_access(session, actor, AccessAction.OPEN, detail=f"regel {i}")
                if i % 1000 == 999:
                    session.flush()
        print(
            f"wrote {args.lines:,} chained, signed lines in {time.perf_counter() - started:.1f} s"
        )

        with sessions.begin() as session:  # the baseline's table: the same columns, no chain
            session.execute(text("CREATE TABLE plain_log AS SELECT * FROM access_log WHERE 0"))
        insert = text(
            "INSERT INTO plain_log (id, at, account_id, login, action, dossier_number, detail,"
            " prev_hash, entry_hash, signature) VALUES (:id, :at, :account, :login, 'open', '',"
            " 'zonder keten', '', '', '')"
        )
        chained, plain = [], []
        for _ in range(15):
            t = time.perf_counter()
            with sessions.begin() as session:
                log_access(session, actor, AccessAction.OPEN, detail="nog een regel")
            chained.append(time.perf_counter() - t)
            t = time.perf_counter()
            with sessions.begin() as session:
                session.execute(
                    insert,
                    {
                        "id": uuid.uuid4().hex,
                        "at": "2026-11-25 12:00:00.000000",
                        "account": actor.account_id.hex,
                        "login": actor.login,
                    },
                )
            plain.append(time.perf_counter() - t)
        ours, base = statistics.median(chained) * 1000, statistics.median(plain) * 1000
        print(
            f"one log line, own transaction (median of 15): chained {ours:.1f} ms   "
            f"plain insert {base:.1f} ms   ratio {ours / base:.2f} x   (target < 10 ms)"
        )

        t = time.perf_counter()
        with sessions() as session:
            rows = len(list(session.scalars(select(AccessLogEntry))))
        read = time.perf_counter() - t
        t = time.perf_counter()
        result = access.check_chain(unlocked)
        checked = time.perf_counter() - t
        print(
            f"whole chain of {rows:,} lines: check {checked:.2f} s   read alone {read:.2f} s   "
            f"ratio {checked / read:.1f} x   (target < 5 s; "
            f"{'intact' if result.broken is None else 'broken at ' + str(result.broken.seq)})"
        )
        unlocked.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
