"""A window that holds its database and opened its front door, then hangs: it never answers.

Run as ``python -m tests.desktop.hung_window DB`` (tests/desktop/test_two_processes); it
prints ``locked`` once it holds the lock and listens, then sleeps until it is killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.lock import DatabaseLock, FrontDoor


def main(db: Path) -> None:
    app = QCoreApplication(sys.argv[:1])
    lock = DatabaseLock(db)
    if not lock.acquire():
        print("refused", flush=True)  # noqa: T201  (the parent reads it)
        return
    door = FrontDoor(db, app)
    print("locked" if door.open() else "no door", flush=True)  # noqa: T201
    time.sleep(120)  # hung: no event loop runs, so a knock is never answered


if __name__ == "__main__":
    main(Path(sys.argv[1]))
