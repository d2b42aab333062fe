"""One of two processes that save on the same database at once (tests/desktop/test_two_processes)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop.session import unlock
from desktop.usecases import contacts
from models.enums import ContactKind
from models.records import ContactDraft
from tests.helpers import TEST_LOGIN, TEST_PASSWORD


def main(db: str, household: str, name: str, saves: int) -> int:
    import uuid

    unlocked = unlock(Path(db), TEST_LOGIN, TEST_PASSWORD)
    failures = 0
    try:
        for i in range(saves):
            draft = ContactDraft(date(2026, 11, 20), ContactKind.TELEFOON, f"{name}-{i}")
            try:
                contacts.add_contact(unlocked, uuid.UUID(household), draft)
            except Exception as exc:  # noqa: BLE001  (counted and reported, not hidden)
                failures += 1
                print(type(exc).__name__, file=sys.stderr)  # noqa: T201  (the parent reads it)
    finally:
        unlocked.close()
    print(failures)  # noqa: T201  (the parent reads it)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
