"""Team settings kept in the encrypted store: the auto-lock time, the retention period, and the
risicotaxatie's re-assessment intervals and who reviews."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import read, write
from models import settings
from models.permissions import Permission
from models.rules import (
    REASSESS_ACUUT_WEEKS,
    REASSESS_ONVEILIG_WEEKS,
    REASSESS_VEILIG_WEEKS,
    REASSESS_ZORGELIJK_WEEKS,
    REVIEW_BY_GEDRAGSWETENSCHAPPER,
)
from models.rules import (
    SETTING_DEFAULTS as DEFAULTS,
)

# The re-assessment settings in the order the settings form shows them.
REASSESS_KEYS = (
    REASSESS_VEILIG_WEEKS,
    REASSESS_ZORGELIJK_WEEKS,
    REASSESS_ONVEILIG_WEEKS,
    REASSESS_ACUUT_WEEKS,
)


@dataclass(frozen=True)
class TeamSettings:
    autolock_minutes: int
    retention_years: int
    # weeks to the next risicotaxatie after veilig, zorgelijk, onveilig, acuut onveilig
    reassess_weeks: tuple[int, ...] = tuple(DEFAULTS[k] for k in REASSESS_KEYS)
    review_by_gedragswetenschapper: bool = False


def _current(session: Session) -> TeamSettings:
    return TeamSettings(
        settings.get_int(session, settings.AUTOLOCK_MINUTES),
        settings.get_int(session, settings.RETENTION_YEARS),
        tuple(settings.get_int(session, key) for key in REASSESS_KEYS),
        settings.get_int(session, REVIEW_BY_GEDRAGSWETENSCHAPPER) == 1,
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
    """Store the settings (each checked against its limits); returns what is stored now."""

    def work(session: Session) -> TeamSettings:
        settings.set_int(session, settings.AUTOLOCK_MINUTES, chosen.autolock_minutes)
        settings.set_int(session, settings.RETENTION_YEARS, chosen.retention_years)
        for key, weeks in zip(REASSESS_KEYS, chosen.reassess_weeks, strict=True):
            settings.set_int(session, key, weeks)
        settings.set_int(
            session, REVIEW_BY_GEDRAGSWETENSCHAPPER, int(chosen.review_by_gedragswetenschapper)
        )
        return _current(session)

    return write(unlocked, Permission.CHANGE_SETTINGS, work)
