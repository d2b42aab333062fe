"""Correction history: every changed field of a dossier record, and every removal, kept.

A flush hook writes a :class:`ChangeRecord` for each column that changed on an
existing record, and one for each removed record, so a correction never wipes
what was there before.  The history lives in the encrypted store and goes with
the dossier when it is destroyed.

A removal is one record (field :data:`REMOVED`) for what was removed — a member, a
contact, a consent, a ZRM, a score dropped in a correction — whether it was deleted or
taken out of its parent's list; what went with it (a member's ZRMs, a ZRM's scores) is
not copied again.  Its old value is a JSON object of the removed record's columns, so it
says what was there without being a copy of everything: a removed member keeps only
their name and role, never their BSN or date of birth.  Nothing is written while a whole
dossier is destroyed: its history goes with it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm import attributes as orm_attributes

from models.base import Tracked, current_user
from models.entities import (
    Household,
    MeasurementConclusion,
    MeasurementScore,
    RegisseurAssignment,
    TrajectEvent,
)
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
    # kept by triggers for the overview (migration 0021): nothing anyone entered, and the
    # levels would copy every score of a removed measurement
    "plan_on",
    "last_event_on",
    "first_contact_on",
    "last_contact_on",
    "answered",
    "levels",
}

# ``session.info[NO_HISTORY] = True``: the session writes no correction history (the demo,
# whose rows were never corrected by anyone).
NO_HISTORY = "no_history"

# The field of a removal's record.
REMOVED = "(verwijderd)"

# What a removal does not keep of a record: it records who was removed, not how to find
# them elsewhere (a member may have been entered in the wrong household by mistake).
NOT_KEPT_ON_REMOVAL = {"person": {"bsn", "date_of_birth"}}


def _parent(obj: object, key: str) -> object | None:
    """A many-to-one parent, also of a record just taken out of that parent's list."""
    value: object | None = getattr(obj, key)
    if value is None:
        value = next(iter(orm_attributes.get_history(obj, key).deleted), None)
    return value


def _household_of(obj: object) -> uuid.UUID | None:
    if isinstance(obj, Household):
        return obj.id
    parent: object | None = obj
    if isinstance(obj, TrajectEvent | RegisseurAssignment):
        parent = _parent(obj, "traject")
    elif isinstance(obj, MeasurementScore | MeasurementConclusion):
        parent = _parent(obj, "measurement")
    value = getattr(parent, "household_id", None)
    return value if isinstance(value, uuid.UUID) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value.value if hasattr(value, "value") else value)


def _table(obj: object) -> str:
    return str(inspect(obj).mapper.local_table.name)


def _record(login: str, obj: Tracked, field: str, old: str, new: str = "") -> ChangeRecord:
    return ChangeRecord(
        login=login,
        table_name=_table(obj),
        record_id=obj.id,
        household_id=_household_of(obj),
        field=field,
        old_value=old,
        new_value=new,
    )


def removal_summary(obj: Tracked) -> str:
    """What a removal keeps of a record: its columns as JSON, less what is not kept."""
    dropped = SKIPPED | {"household_id"} | NOT_KEPT_ON_REMOVAL.get(_table(obj), set())
    values = {
        c.key: _text(getattr(obj, c.key))
        for c in inspect(obj).mapper.column_attrs
        if c.key not in dropped
    }
    return json.dumps(values, ensure_ascii=False)


def removed_values(old_value: str) -> dict[str, str]:
    """A removal's old value read back; an unreadable one as nothing."""
    try:
        values = json.loads(old_value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}


def _taken_out(session: Session) -> Iterable[Tracked]:
    """Records taken out of a parent's list that deletes its orphans: the flush deletes them."""
    for parent in session.dirty:
        for relationship in inspect(parent).mapper.relationships:
            if not relationship.cascade.delete_orphan:
                continue
            history = inspect(parent).attrs[relationship.key].history
            for child in history.deleted:
                back = relationship.back_populates
                if isinstance(child, Tracked) and (not back or getattr(child, back) is None):
                    yield child


def _removals(session: Session) -> list[Tracked]:
    """What this flush removes, less what goes along with something else that it removes."""
    removed = [obj for obj in session.deleted if isinstance(obj, Tracked)]
    removed += [obj for obj in _taken_out(session) if obj not in removed]
    along = {
        id(child)
        for obj in removed
        for child, *_ in inspect(obj).mapper.cascade_iterator("delete", inspect(obj))
    }
    return [obj for obj in removed if id(obj) not in along]


def _merged(session: Session, login: str, obj: Tracked, field: str, new: str) -> bool:
    """A record with ``history_since()`` (a meeting's case while the meeting runs) keeps one
    change per user and field from that moment: a later edit updates that change's new value
    instead of adding one. True when it did."""
    since_of = getattr(obj, "history_since", None)
    since = since_of() if since_of is not None else None
    if since is None:
        return False
    with session.no_autoflush:
        earlier = session.scalars(
            select(ChangeRecord)
            .where(
                ChangeRecord.record_id == obj.id,
                ChangeRecord.field == field,
                ChangeRecord.login == login,
                ChangeRecord.at >= since,
            )
            .order_by(ChangeRecord.at.desc())
            .limit(1)
        ).first()
    if earlier is None:
        return False
    earlier.new_value = new
    return True


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(NO_HISTORY):
        return
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
                if not _merged(session, login, obj, column.key, new):
                    records.append(_record(login, obj, column.key, old, new))
    destroyed = {obj.id for obj in session.deleted if isinstance(obj, Household)}
    for obj in _removals(session):
        if isinstance(obj, Household) or _household_of(obj) in destroyed:
            continue
        records.append(_record(login, obj, REMOVED, removal_summary(obj)))
    session.add_all(records)
