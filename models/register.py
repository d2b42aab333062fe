"""The destruction register and the register of the app's own back-ups, inside the store.

Both hold ids and dates only, no names. The destruction register says which households were
destroyed (and on which day), so a restore of an older back-up destroys them again before
any dossier opens. The back-up register says which back-ups this app wrote, where, when,
and which households each held, so the destruction dialog can name the back-ups that still
hold a dossier. The same two lists are kept in a file beside the database
(:mod:`desktop.register`); the two are merged at every login, because a restore replaces
the store (and its lists) with an older one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, LargeBinary, Text, Uuid, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, UtcDateTime

ID_BYTES = 16


class DestroyedHousehold(Base):
    """A destroyed household: its id and the day. Nothing else about it is kept."""

    __tablename__ = "destroyed_household"

    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    destroyed_on: Mapped[date] = mapped_column(Date)


class BackupMade(Base):
    """A back-up this app wrote, and the ids of the households in it (16 bytes each, sorted:
    20,000 households take 320 kB, against tens of MB for the back-up itself)."""

    __tablename__ = "backup_made"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    location: Mapped[str] = mapped_column(Text)  # the path it was written to
    household_ids: Mapped[bytes] = mapped_column(LargeBinary)


@dataclass(frozen=True)
class Backup:
    """One entry of the back-up register."""

    id: uuid.UUID
    made_at: datetime
    location: str
    household_ids: bytes  # sorted 16-byte ids

    def holds(self, household_id: uuid.UUID) -> bool:
        """Binary search in the sorted ids."""
        wanted = household_id.bytes
        low, high = 0, len(self.household_ids) // ID_BYTES
        while low < high:
            middle = (low + high) // 2
            found = self.household_ids[middle * ID_BYTES : (middle + 1) * ID_BYTES]
            if found == wanted:
                return True
            if found < wanted:
                low = middle + 1
            else:
                high = middle
        return False

    @property
    def household_count(self) -> int:
        return len(self.household_ids) // ID_BYTES


def pack_ids(ids: list[uuid.UUID]) -> bytes:
    return b"".join(sorted(i.bytes for i in ids))


@dataclass
class Register:
    """Both lists, as the store or the file beside it holds them."""

    destroyed: dict[uuid.UUID, date]
    backups: dict[uuid.UUID, Backup]

    def missing_from(self, other: Register) -> Register:
        """What this register has that ``other`` lacks."""
        return Register(
            {k: v for k, v in self.destroyed.items() if k not in other.destroyed},
            {k: v for k, v in self.backups.items() if k not in other.backups},
        )

    def __bool__(self) -> bool:
        return bool(self.destroyed or self.backups)

    def add(self, other: Register) -> None:
        for household_id, on in other.destroyed.items():
            self.destroyed.setdefault(household_id, on)
        for backup_id, backup in other.backups.items():
            self.backups.setdefault(backup_id, backup)


def stored_register(session: Session, *, backups: bool = True) -> Register:
    """The store's lists; ``backups=False`` skips the back-ups (a login needs only the
    destructions)."""
    destroyed = {
        row.household_id: row.destroyed_on for row in session.scalars(select(DestroyedHousehold))
    }
    made = (
        {
            row.id: Backup(row.id, row.made_at, row.location, row.household_ids)
            for row in session.scalars(select(BackupMade))
        }
        if backups
        else {}
    )
    return Register(destroyed, made)


def store_register(session: Session, register: Register) -> None:
    """Add these entries to the store (entries it holds already are left alone)."""
    have_destroyed = set(session.scalars(select(DestroyedHousehold.household_id)))
    have_backups = set(session.scalars(select(BackupMade.id)))
    new = Register(
        {k: v for k, v in register.destroyed.items() if k not in have_destroyed},
        {k: v for k, v in register.backups.items() if k not in have_backups},
    )
    session.add_all(
        DestroyedHousehold(household_id=household_id, destroyed_on=on)
        for household_id, on in new.destroyed.items()
    )
    session.add_all(
        BackupMade(id=b.id, made_at=b.made_at, location=b.location, household_ids=b.household_ids)
        for b in new.backups.values()
    )


def backups_holding(register: Register, household_id: uuid.UUID) -> list[Backup]:
    """The back-ups that hold this household, oldest first."""
    return sorted(
        (b for b in register.backups.values() if b.holds(household_id)), key=lambda b: b.made_at
    )
