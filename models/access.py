"""Writing and reading the access log (who opened, changed, printed or exported what)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.permissions import AccessAction, Actor
from models.records import LogLine
from models.security import AccessLogEntry


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
    """Add a log line in the caller's transaction. ``detail`` must hold no personal data."""
    session.add(
        AccessLogEntry(
            account_id=actor.account_id,
            login=actor.login,
            action=action,
            household_id=household_id,
            person_id=person_id,
            dossier_number=dossier_number,
            detail=detail[:200],
        )
    )


def _lines(entries: list[AccessLogEntry]) -> list[LogLine]:
    return [
        LogLine(e.at, e.login, e.action, e.household_id, e.dossier_number, e.detail)
        for e in entries
    ]


def household_log(session: Session, household_id: uuid.UUID) -> list[LogLine]:
    """'Wie heeft dit dossier ingezien?': every line about one household, newest first."""
    stmt = select(AccessLogEntry).where(AccessLogEntry.household_id == household_id)
    return _lines(list(session.scalars(stmt.order_by(AccessLogEntry.at.desc()))))


def search_log(
    session: Session,
    *,
    login: str = "",
    dossier_number: str = "",
    start: date | None = None,
    end: date | None = None,
    limit: int = 5000,
) -> list[LogLine]:
    """The whole log for a beheerder, filtered by user, dossier and period (inclusive)."""
    stmt = select(AccessLogEntry)
    if login:
        stmt = stmt.where(AccessLogEntry.login == login.strip().casefold())
    if dossier_number:
        stmt = stmt.where(AccessLogEntry.dossier_number == dossier_number.strip())
    if start:
        stmt = stmt.where(AccessLogEntry.at >= datetime.combine(start, time.min, UTC))
    if end:
        stmt = stmt.where(
            AccessLogEntry.at < datetime.combine(end + timedelta(days=1), time.min, UTC)
        )
    return _lines(list(session.scalars(stmt.order_by(AccessLogEntry.at.desc()).limit(limit))))
