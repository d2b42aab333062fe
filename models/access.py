"""Writing and reading the access log (who opened, changed, printed or exported what)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utc_now
from models.entities import Household
from models.logchain import seal
from models.permissions import AccessAction, Actor
from models.records import LogLine
from models.security import AccessLogEntry, AccessLogSubject


def log_access(
    session: Session,
    actor: Actor,
    action: AccessAction,
    *,
    household_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    dossier_number: str = "",
    detail: str = "",
) -> None:
    """Add a log line in the caller's transaction. ``detail`` must hold no personal data.

    A line about a household always carries its dossier number, looked up here when the
    caller does not know it yet (a registration learns its number only when it is stored).
    """
    if household_id is not None and not dossier_number:
        household = session.get(Household, household_id)
        dossier_number = household.dossier_number if household is not None else ""
    entry = AccessLogEntry(
        id=uuid.uuid4(),
        at=utc_now(),
        account_id=actor.account_id,
        login=actor.login,
        action=action,
        household_id=household_id,
        person_id=person_id,
        dossier_number=dossier_number,
        detail=detail[:200],
    )
    seal(session, entry)
    session.add(entry)


def log_households(
    session: Session,
    actor: Actor,
    action: AccessAction,
    household_ids: list[uuid.UUID],
    *,
    detail: str = "",
) -> None:
    """One log line for an output about several households, with one subject row each."""
    entry = AccessLogEntry(
        id=uuid.uuid4(),
        at=utc_now(),
        account_id=actor.account_id,
        login=actor.login,
        action=action,
        detail=detail[:200],
    )
    numbers: dict[uuid.UUID, str] = {
        household_id: number
        for household_id, number in session.execute(
            select(Household.id, Household.dossier_number).where(Household.id.in_(household_ids))
        )
    }
    subjects = [(h, numbers.get(h, "")) for h in dict.fromkeys(household_ids)]
    seal(session, entry, subjects)
    session.add(entry)
    session.add_all(
        AccessLogSubject(entry_id=entry.id, household_id=household_id, dossier_number=number)
        for household_id, number in subjects
    )


def _lines(session: Session, entries: list[AccessLogEntry]) -> list[LogLine]:
    ids = [e.id for e in entries]
    subjects: dict[uuid.UUID, int] = (
        dict(
            session.execute(
                select(AccessLogSubject.entry_id, func.count())
                .where(AccessLogSubject.entry_id.in_(ids))
                .group_by(AccessLogSubject.entry_id)
            ).all()
        )
        if ids
        else {}
    )
    return [
        LogLine(
            e.at,
            e.login,
            e.action,
            e.household_id,
            e.dossier_number,
            e.detail,
            subjects.get(e.id, 0),
        )
        for e in entries
    ]


def household_log(session: Session, household_id: uuid.UUID) -> list[LogLine]:
    """'Wie heeft dit dossier ingezien?': every line about one household, newest first."""
    about = select(AccessLogSubject.entry_id).where(AccessLogSubject.household_id == household_id)
    stmt = select(AccessLogEntry).where(
        (AccessLogEntry.household_id == household_id) | AccessLogEntry.id.in_(about)
    )
    return _lines(session, list(session.scalars(stmt.order_by(AccessLogEntry.at.desc()))))


def search_log(
    session: Session,
    *,
    login: str = "",
    dossier_number: str = "",
    start: date | None = None,
    end: date | None = None,
    limit: int = 5000,
) -> list[LogLine]:
    """The whole log for a beheerder, filtered by user, dossier and period (inclusive).

    The period's days are the beheerder's local days, as the screen shows the times.
    """
    stmt = select(AccessLogEntry)
    if login:
        stmt = stmt.where(AccessLogEntry.login == login.strip().casefold())
    if dossier_number:
        number = dossier_number.strip()
        about = select(AccessLogSubject.entry_id).where(AccessLogSubject.dossier_number == number)
        stmt = stmt.where((AccessLogEntry.dossier_number == number) | AccessLogEntry.id.in_(about))
    if start:
        stmt = stmt.where(AccessLogEntry.at >= datetime.combine(start, time.min).astimezone())
    if end:
        stmt = stmt.where(
            AccessLogEntry.at < datetime.combine(end + timedelta(days=1), time.min).astimezone()
        )
    return _lines(
        session, list(session.scalars(stmt.order_by(AccessLogEntry.at.desc()).limit(limit)))
    )
