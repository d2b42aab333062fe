"""Tables for accounts, the access log, the change history and team settings."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Tracked, UtcDateTime, utc_now
from models.permissions import AccessAction, Role


def _enum(cls: type) -> Enum:
    return Enum(cls, native_enum=False, length=24, values_callable=lambda ms: [m.value for m in ms])


class Account(Tracked, Base):
    """A login. The password never touches the database: it unwraps the database key."""

    __tablename__ = "account"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(_enum(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))


class AccessLogEntry(Base):
    """NEN 7513-style log line: when, who, which household/person, what.

    Append-only (database triggers refuse UPDATE and DELETE). It refers to
    households and persons by id only, with no foreign key, so it outlives a
    destroyed dossier without keeping any of its personal data.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_household", "household_id", "at"),
        Index("ix_access_log_account", "account_id", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    login: Mapped[str] = mapped_column(String(64))
    action: Mapped[AccessAction] = mapped_column(_enum(AccessAction))
    household_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    dossier_number: Mapped[str] = mapped_column(String(20), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")
    # The chain (models.logchain): number, link, hash and the actor's signature.
    seq: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")
    signature: Mapped[str] = mapped_column(String(100), default="")


class AccessLogSubject(Base):
    """One household a multi-household log line is about (a list export, meeting minutes).

    The line itself names no household; each family's "Wie heeft dit dossier
    ingezien?" finds it through its subject row. Append-only like the log.
    """

    __tablename__ = "access_log_subject"
    __table_args__ = (Index("ix_access_log_subject_household", "household_id"),)

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("access_log.id"), primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    dossier_number: Mapped[str] = mapped_column(String(20), default="")


class ChangeRecord(Base):
    """One changed field: the correction history a family may ask to see."""

    __tablename__ = "change_record"
    __table_args__ = (Index("ix_change_record_household", "household_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    login: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    household_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class AppSetting(Base):
    """Team-wide settings kept in the (encrypted) store: retention, auto-lock."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
