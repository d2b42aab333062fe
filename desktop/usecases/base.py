"""What every use case needs: the permission check, one transaction, the log line, what changed.

Logging rules live here and in :mod:`models.access`, nowhere else:

- a change to a household is one CHANGE line with its dossier number, in the same
  transaction as the change (a registration is logged once it has its number);
- opening a dossier is one OPEN line per opened view (:func:`open_household`), never a
  refresh;
- an output about several households (a list export, meeting minutes, a delivery to the
  municipality) is one line with a subject row per household (:func:`output`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from models.access import log_access, log_households
from models.base import get_or_raise
from models.permissions import AccessAction, Permission, require

R = TypeVar("R")


class InHousehold(Protocol):
    """A record that belongs to one household (a person, traject, contact, consent, …)."""

    @property
    def household_id(self) -> uuid.UUID: ...


@dataclass(frozen=True)
class Changed:
    """What a use case changed: a household and the section kinds to refresh ('members', …).

    An empty ``kinds`` with a household means "anything in that dossier may have changed".
    """

    household_id: uuid.UUID | None = None
    kinds: frozenset[str] = frozenset()

    def touches(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


def read(unlocked: Unlocked, permission: Permission, work: Callable[[Session], R]) -> R:
    """A read in its own session, after the permission check. Reads are not logged."""
    require(unlocked.actor, permission)
    with unlocked.store.sessions() as session:
        return work(session)


def write(unlocked: Unlocked, permission: Permission, work: Callable[[Session], R]) -> R:
    """A write in one transaction, after the permission check, with no household log line."""
    require(unlocked.actor, permission)
    with unlocked.store.sessions.begin() as session:
        return work(session)


def change(
    unlocked: Unlocked,
    work: Callable[[Session], uuid.UUID],
    *,
    kinds: Iterable[str],
    detail: str,
    permission: Permission = Permission.WORK_ON_DOSSIERS,
) -> Changed:
    """A change to one household and its CHANGE line, in one transaction.

    ``work`` does the change and returns the household it was about; the log line
    carries that household's dossier number (also for a household it just registered).
    """
    require(unlocked.actor, permission)
    along = _ALONG.get()
    with unlocked.store.sessions.begin() as session:
        household_id = work(session)
        for extra in along:
            extra(session, household_id)
        session.flush()
        log_access(
            session, unlocked.actor, AccessAction.CHANGE, household_id=household_id, detail=detail
        )
    _ALONG.set(())
    return Changed(household_id, frozenset(kinds))


# What the next change() also does in its transaction (see along_with_next_change).
_ALONG: ContextVar[tuple[Callable[[Session, uuid.UUID], None], ...]] = ContextVar(
    "along", default=()
)


@contextmanager
def along_with_next_change(work: Callable[[Session, uuid.UUID], None]) -> Iterator[None]:
    """Do ``work`` in the transaction of the next :func:`change` inside this block: a
    meeting's decision is marked carried out together with the dossier's own change (the
    verwijzing, the new regisseur), so the two never part. ``work`` gets the household the
    change was about and may refuse it (raise), which undoes both."""
    token = _ALONG.set((*_ALONG.get(), work))
    try:
        yield
    finally:
        _ALONG.reset(token)


def open_household(unlocked: Unlocked, household_id: uuid.UUID, work: Callable[[Session], R]) -> R:
    """Read what an opened view shows, and log one OPEN line for it."""
    require(unlocked.actor, Permission.WORK_ON_DOSSIERS)
    with unlocked.store.sessions.begin() as session:
        result = work(session)
        log_access(session, unlocked.actor, AccessAction.OPEN, household_id=household_id)
    return result


def output(
    unlocked: Unlocked,
    action: AccessAction,
    household_ids: list[uuid.UUID],
    *,
    detail: str,
    person_id: uuid.UUID | None = None,
    keep: Callable[[Session], None] | None = None,
) -> None:
    """Log that a document or export left the screen: PRINT or EXPORT.

    ``keep`` stores what goes with it (what an inzage withheld) in the same transaction.

    One household: one ordinary line. Several: one line with a subject row each, so every
    family's "Wie heeft dit dossier ingezien?" shows it. An output about no household at all
    is a mistake in the caller, never a line without a subject.
    """
    if not household_ids:
        raise ValueError("an output is about at least one household")
    with unlocked.store.sessions.begin() as session:
        if keep is not None:
            keep(session)
        if len(household_ids) == 1:
            log_access(
                session,
                unlocked.actor,
                action,
                household_id=household_ids[0],
                person_id=person_id,
                detail=detail,
            )
        else:
            log_households(session, unlocked.actor, action, household_ids, detail=detail)


def household_of(session: Session, cls: type[InHousehold], record_id: uuid.UUID) -> uuid.UUID:
    """The household a record belongs to (NotFound when it was removed meanwhile)."""
    return get_or_raise(session, cls, record_id).household_id
