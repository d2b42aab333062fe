"""Team-wide settings stored in the encrypted database, with their defaults.

Their keys, defaults and limits live in :mod:`models.rules`, which the settings form reads too.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.rules import (
    AUTOLOCK_MINUTES,
    RETENTION_YEARS,
    SETTING_DEFAULTS,
    SETTING_LIMITS,
    check_setting,
)
from models.security import AppSetting
from models.validation import ValidationError

DEFAULTS = SETTING_DEFAULTS
LIMITS = SETTING_LIMITS

__all__ = [
    "AUTOLOCK_MINUTES",
    "DEFAULTS",
    "LIMITS",
    "RETENTION_YEARS",
    "get_int",
    "is_demo",
    "mark_demo",
    "set_int",
]

# Set once when a demo is built, never cleared: the store itself says it holds no real data
# (the key file's mark is readable without a password, but anyone can write it).
DEMO = "demo"


def get_int(session: Session, key: str) -> int:
    row = session.get(AppSetting, key)
    try:
        return int(row.value) if row else DEFAULTS[key]
    except ValueError:
        return DEFAULTS[key]


def set_int(session: Session, key: str, value: int) -> None:
    """Refuses (ValidationError, a ValueError) a value outside the key's limits."""
    if problem := check_setting(key, value):
        raise ValidationError({key: problem})
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=str(value)))
    else:
        row.value = str(value)


def is_demo(session: Session) -> bool:
    row = session.get(AppSetting, DEMO)
    return row is not None and row.value == "1"


def mark_demo(session: Session) -> None:
    if session.get(AppSetting, DEMO) is None:
        session.add(AppSetting(key=DEMO, value="1"))
