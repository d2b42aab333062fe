"""Team-wide settings stored in the encrypted database, with their defaults."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.security import AppSetting

AUTOLOCK_MINUTES = "autolock_minutes"
RETENTION_YEARS = "retention_years"

DEFAULTS = {AUTOLOCK_MINUTES: 5, RETENTION_YEARS: 20}  # Jeugdwet: 20 years after the last entry
LIMITS = {AUTOLOCK_MINUTES: (1, 240), RETENTION_YEARS: (1, 100)}


def get_int(session: Session, key: str) -> int:
    row = session.get(AppSetting, key)
    try:
        return int(row.value) if row else DEFAULTS[key]
    except ValueError:
        return DEFAULTS[key]


def set_int(session: Session, key: str, value: int) -> None:
    low, high = LIMITS[key]
    if not low <= value <= high:
        raise ValueError(f"{key} must lie between {low} and {high}")
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=str(value)))
    else:
        row.value = str(value)
