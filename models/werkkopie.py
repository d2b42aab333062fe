"""The werkkopie: what a user has typed in a form that is not saved yet.

A form keeps its field texts here while it is open (at most every few seconds), so a
crash, a kill or a power cut loses at most those seconds. The copy belongs to the account
that typed it and only that account is offered it back; saving or discarding the form
deletes it, and so do the dossier's destruction and the passing of
:data:`KEEP_DAYS`. It is not a record of the dossier: no correction history, no access
log line, not in the inzage (it is the user's unfinished typing, not something the team
has recorded about the family).

Forms that take a password or a recovery code never keep one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, Text, Uuid, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, UtcDateTime, utc_now
from models.entities import Household
from models.security import Account

KEEP_DAYS = 30


class Werkkopie(Base):
    __tablename__ = "werkkopie"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Account.id), index=True)
    # Where the form was opened, so it can be opened again: the presenter that owns the
    # action (a tab, "dossier", or a section kind), the action, its household, and the
    # action's argument as text (a record's id, a kind of event; "" for none).
    owner: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    household_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    argument: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(String(120))  # the form's window title
    fields: Mapped[str] = mapped_column(Text)  # JSON: field key to the text as typed
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


@dataclass(frozen=True)
class Place:
    """Where a form was opened: enough to open the same form again after a restart."""

    owner: str
    action: str
    household_id: uuid.UUID | None = None
    argument: str = ""


@dataclass(frozen=True)
class WerkkopieRecord:
    id: uuid.UUID
    place: Place
    title: str
    fields: dict[str, str]  # only the fields the user changed, as typed
    saved_at: datetime
    dossier_number: str  # "" for a household not registered yet
    was: dict[str, str] = field(default_factory=dict)  # those fields as the form opened


def _pack(fields: dict[str, str], was: dict[str, str]) -> str:
    return json.dumps({"typed": fields, "was": was}, ensure_ascii=False)


def _unpack(text: str) -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(text)
    typed, was = data["typed"], data["was"]
    return {str(k): str(v) for k, v in typed.items()}, {str(k): str(v) for k, v in was.items()}


def keep(
    session: Session,
    account_id: uuid.UUID,
    copy_id: uuid.UUID,
    place: Place,
    title: str,
    fields: dict[str, str],
    was: dict[str, str] | None = None,
) -> None:
    """Store or overwrite the copy ``copy_id`` with the texts as they are now.

    A copy about a household that is no longer there (destroyed while a colleague was
    typing) is not written, and an earlier one goes: nothing outlives a destruction.
    """
    if place.household_id is not None and session.get(Household, place.household_id) is None:
        discard(session, account_id, copy_id)
        return
    row = session.get(Werkkopie, copy_id)
    if row is None:
        row = Werkkopie(id=copy_id, account_id=account_id)
        session.add(row)
    elif row.account_id != account_id:
        raise PermissionError("a werkkopie belongs to the account that typed it")
    row.owner = place.owner
    row.action = place.action
    row.household_id = place.household_id
    row.argument = place.argument
    row.title = title[:120]
    row.fields = _pack(fields, was or {})
    row.saved_at = utc_now()


def discard(session: Session, account_id: uuid.UUID, copy_id: uuid.UUID) -> None:
    session.execute(
        delete(Werkkopie).where(Werkkopie.id == copy_id, Werkkopie.account_id == account_id)
    )


def waiting(session: Session, account_id: uuid.UUID) -> list[WerkkopieRecord]:
    """This account's copies, oldest first, with the dossier number they are about."""
    stmt = (
        select(Werkkopie, Household.dossier_number)
        .outerjoin(Household, Household.id == Werkkopie.household_id)
        .where(Werkkopie.account_id == account_id)
        .order_by(Werkkopie.saved_at)
    )
    found = []
    for row, number in session.execute(stmt):
        typed, was = _unpack(row.fields)
        place = Place(row.owner, row.action, row.household_id, row.argument)
        found.append(
            WerkkopieRecord(row.id, place, row.title, typed, row.saved_at, number or "", was)
        )
    return found


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Delete every copy (of any account) older than :data:`KEEP_DAYS`; how many went."""
    limit = (now or utc_now()) - timedelta(days=KEEP_DAYS)
    result = session.execute(delete(Werkkopie).where(Werkkopie.saved_at < limit))
    return int(getattr(result, "rowcount", 0) or 0)


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """The dossier is destroyed: every account's copies about it go with it."""
    session.execute(delete(Werkkopie).where(Werkkopie.household_id == household_id))
