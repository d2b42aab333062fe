"""Declarative base, naming convention and the columns every record carries.

Every record has a UUID key and its creation and last-change time and author, so
records can later be synced between laptops and a team server.  The author is
taken from ``session.info["user"]`` by a flush hook, so services never pass it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import DateTime, Dialect, MetaData, String, TypeDecorator, Uuid, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from models.errors import NotFound

T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SYSTEM_USER = "systeem"


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored as UTC and handed back aware (UTC), on every database.

    SQLite keeps ``DateTime(timezone=True)`` as text without its zone and returns it
    naive. This stores the same text as before (the UTC wall clock), so existing
    files read unchanged, and hands it back with ``tzinfo=UTC``. A naive value
    cannot say which zone it meant and is refused.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a moment with its time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Mixin: UUID key plus who created and last changed the record, and when."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(64), default=SYSTEM_USER)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64), default=SYSTEM_USER)


def get_or_raise(session: Session, cls: type[T], record_id: uuid.UUID) -> T:
    """The record, or NotFound (it may have been removed on another screen)."""
    record = session.get(cls, record_id)
    if record is None:
        raise NotFound(f"{cls.__name__} not found")
    return record


def current_user(session: Session) -> str:
    return str(session.info.get("user", SYSTEM_USER))


@event.listens_for(Session, "before_flush")
def _stamp_authorship(session: Session, _flush_context: object, _instances: object) -> None:
    user = current_user(session)
    now = utc_now()
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.created_by = obj.updated_by = user
            obj.created_at = obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            obj.updated_by = user
            obj.updated_at = now
