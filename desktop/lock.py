"""One window per database: a lock file beside it, held while the window is open.

Verbs that replace the file (``demo --replace``) take the same lock or refuse; printing,
exports and back-ups may run beside the window (writes wait their turn in SQLite). A
lock left by a process that died (a crash, kill -9, power loss) is recognised as stale.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

ALREADY_OPEN = (
    "Teamtafel is al geopend op deze database, in een ander venster op deze computer. "
    "Ga naar dat venster, of sluit het eerst."
)


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".in-gebruik")


class DatabaseLock:
    def __init__(self, db: Path) -> None:
        self._file = QLockFile(str(lock_path(db)))

    def acquire(self) -> bool:
        """True when this process now holds the database (a stale lock is taken over)."""
        Path(self._file.fileName()).parent.mkdir(parents=True, exist_ok=True)
        return bool(self._file.tryLock(200))

    def release(self) -> None:
        self._file.unlock()
