"""Correction history: every changed or removed field of a dossier record, kept.

A flush hook writes a :class:`ChangeRecord` for each column that changed on an
existing record, and one for each removed record, so a correction never wipes
what was there before.  The history lives in the encrypted store and goes with
the dossier when it is destroyed.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm import attributes as orm_attributes

from models.base import Tracked, current_user
from models.entities import Household, MeasurementScore, RegisseurAssignment, TrajectEvent
from models.security import ChangeRecord

SKIPPED = {
    "id",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "search_text",
    "sort_name",
    "is_current",
}


def _household_of(obj: object) -> uuid.UUID | None:
    if isinstance(obj, Household):
        return obj.id
    if isinstance(obj, TrajectEvent | RegisseurAssignment):
        return obj.traject.household_id if obj.traject else None
    if isinstance(obj, MeasurementScore):
        return obj.measurement.household_id if obj.measurement else None
    value = getattr(obj, "household_id", None)
    return value if isinstance(value, uuid.UUID) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value.value if hasattr(value, "value") else value)


def _record(login: str, obj: Tracked, field: str, old: str, new: str = "") -> ChangeRecord:
    return ChangeRecord(
        login=login,
        table_name=inspect(obj).mapper.local_table.name,
        record_id=obj.id,
        household_id=_household_of(obj),
        field=field,
        old_value=old,
        new_value=new,
    )


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _context: object, _instances: object) -> None:
    login = current_user(session)
    records: list[ChangeRecord] = []
    for obj in session.dirty:
        if not isinstance(obj, Tracked) or not session.is_modified(obj, include_collections=False):
            continue
        for column in inspect(obj).mapper.column_attrs:
            if column.key in SKIPPED:
                continue
            history = orm_attributes.get_history(obj, column.key)
            if history.deleted and history.added and history.deleted[0] != history.added[0]:
                old, new = _text(history.deleted[0]), _text(history.added[0])
                records.append(_record(login, obj, column.key, old, new))
    for obj in session.deleted:
        if isinstance(obj, Tracked) and not isinstance(obj, Household):
            summary = "; ".join(
                f"{c.key}={_text(getattr(obj, c.key))}"
                for c in inspect(obj).mapper.column_attrs
                if c.key not in SKIPPED
            )
            records.append(_record(login, obj, "(verwijderd)", summary))
    session.add_all(records)
