"""Team settings kept in the encrypted store: the auto-lock time and the retention period."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import read, write
from models import settings
from models.permissions import Permission


@dataclass(frozen=True)
class TeamSettings:
    autolock_minutes: int
    retention_years: int


def _current(session: Session) -> TeamSettings:
    return TeamSettings(
        settings.get_int(session, settings.AUTOLOCK_MINUTES),
        settings.get_int(session, settings.RETENTION_YEARS),
    )


def autolock_minutes(unlocked: Unlocked) -> int:
    """Every logged-in user's window needs this to lock itself."""
    with unlocked.store.sessions() as session:
        return settings.get_int(session, settings.AUTOLOCK_MINUTES)


def is_demo(unlocked: Unlocked) -> bool:
    """A demo database: fictional data, its documented logins, a banner in the window."""
    with unlocked.store.sessions() as session:
        return settings.is_demo(session)


def current(unlocked: Unlocked) -> TeamSettings:
    return read(unlocked, Permission.CHANGE_SETTINGS, _current)


def save(unlocked: Unlocked, chosen: TeamSettings) -> TeamSettings:
    """Store both settings (each checked against its limits); returns what is stored now."""

    def work(session: Session) -> TeamSettings:
        settings.set_int(session, settings.AUTOLOCK_MINUTES, chosen.autolock_minutes)
        settings.set_int(session, settings.RETENTION_YEARS, chosen.retention_years)
        return _current(session)

    return write(unlocked, Permission.CHANGE_SETTINGS, work)
