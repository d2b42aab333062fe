"""Actions: one concept for the whole app (dossier, overleg, gezinsplan).

An action is what someone agreed to do for a household, by a date: a description, exactly
one owner (a team member, a household member, someone of the family's network, or an
organisation with optionally one of its contacts), a due date, a status (open, gedaan,
vervallen) with the date it got it, and where it was agreed (its origin).

A new action is not due before today (or the ``not_before`` date the caller gives); an
existing action may always be edited and closed, also when it is overdue. Open actions past
their due date are on the Te doen list (:func:`due_actions`). The rows go with the dossier
(:func:`forget_household`) and are in every member's inzage (the household's actions).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Protocol

from sqlalchemy import Date, ForeignKey, String, Uuid, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, Tracked, get_or_raise
from models.entities import (
    Household,
    Medewerker,
    Organisation,
    OrganisationContact,
    Person,
    _enum,
)
from models.enums import ActionOrigin, ActionOwner, ActionStatus
from models.records import ActionDraft, ActionRecord, TodoItem, full_name
from models.rules import ACTION, check_draft
from models.todo import counted_households, households_of, regisseur_name, register_provider
from models.validation import Problem, ValidationError

RULES = ACTION  # the form applies the same rules


class OwnedRow(Protocol):
    """A row that names an action's owner the way :class:`Action` does (the gezinsplan's
    actions as agreed on a version)."""

    owner_kind: ActionOwner
    medewerker_id: uuid.UUID | None
    person_id: uuid.UUID | None
    organisation_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    network_name: str
    network_relation: str


# What may refuse a change of an action's what, who or by when, by where it was agreed: the
# gezinsplan keeps those of its actions in the plan (models.gezinsplan). Status is never locked.
Lock = Callable[[Session, "Action"], None]
_LOCKS: dict[ActionOrigin, Lock] = {}


def register_lock(origin: ActionOrigin, lock: Lock) -> None:
    _LOCKS[origin] = lock


class Action(Tracked, Base):
    """One action of a household. Owner references are ids without a foreign key: an
    action outlives a member's removal or a contact's, and goes with the dossier."""

    __tablename__ = "action"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    description: Mapped[str] = mapped_column(String(500))
    owner_kind: Mapped[ActionOwner] = mapped_column(_enum(ActionOwner))
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    network_name: Mapped[str] = mapped_column(String(120), default="")
    network_relation: Mapped[str] = mapped_column(String(80), default="")
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus), default=ActionStatus.OPEN)
    status_on: Mapped[date] = mapped_column(Date)
    origin: Mapped[ActionOrigin] = mapped_column(_enum(ActionOrigin))
    origin_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


# --- validation -----------------------------------------------------------------------------


def _owner_problems(
    session: Session, household_id: uuid.UUID, draft: ActionDraft, *, new: bool
) -> dict[str, Problem]:
    """Exactly one owner: the reference of ``owner_kind`` is given and is real."""
    kind = draft.owner_kind
    if kind is ActionOwner.MEDEWERKER:
        medewerker = session.get(Medewerker, draft.medewerker_id) if draft.medewerker_id else None
        if medewerker is None:
            return {"owner": Problem.REQUIRED}
        if new and not medewerker.active:
            return {"owner": Problem.INACTIVE}
    elif kind is ActionOwner.GEZINSLID:
        person = session.get(Person, draft.person_id) if draft.person_id else None
        if person is None or person.household_id != household_id:
            return {"owner": Problem.REQUIRED}
    elif kind is ActionOwner.ORGANISATIE:
        organisation = (
            session.get(Organisation, draft.organisation_id) if draft.organisation_id else None
        )
        if organisation is None:
            return {"owner": Problem.REQUIRED}
        if new and not organisation.active:
            return {"owner": Problem.INACTIVE}
        if draft.contact_id is not None:
            contact = session.get(OrganisationContact, draft.contact_id)
            if contact is None or contact.organisation_id != organisation.id:
                return {"contact": Problem.UNKNOWN_CODE}
    elif not draft.network_name.strip():
        return {"network_name": Problem.REQUIRED}
    return {}


def check_action(
    session: Session,
    household_id: uuid.UUID,
    draft: ActionDraft,
    *,
    not_before: date | None,
) -> dict[str, Problem]:
    """The problems of a draft; ``not_before`` (a new action): the earliest due date."""
    problems = check_draft(RULES, draft)
    problems.update(_owner_problems(session, household_id, draft, new=not_before is not None))
    if draft.due_on is None:
        problems["due_on"] = Problem.REQUIRED
    elif not_before is not None and draft.due_on < not_before:
        problems["due_on"] = Problem.DATE_IN_PAST
    return problems


def only_the_owner(action: Action | OwnedRow, draft: ActionDraft) -> None:
    """Store the owner of ``owner_kind`` and clear every other reference: one owner."""
    kind = draft.owner_kind
    action.owner_kind = kind
    action.medewerker_id = draft.medewerker_id if kind is ActionOwner.MEDEWERKER else None
    action.person_id = draft.person_id if kind is ActionOwner.GEZINSLID else None
    organisation = kind is ActionOwner.ORGANISATIE
    action.organisation_id = draft.organisation_id if organisation else None
    action.contact_id = draft.contact_id if organisation else None
    network = kind is ActionOwner.NETWERK
    action.network_name = draft.network_name.strip() if network else ""
    action.network_relation = draft.network_relation.strip() if network else ""


# --- changes --------------------------------------------------------------------------------


def add_action(
    session: Session, household_id: uuid.UUID, draft: ActionDraft, *, not_before: date
) -> uuid.UUID:
    """A new open action; its due date is not before ``not_before`` (normally today)."""
    get_or_raise(session, Household, household_id)
    problems = check_action(session, household_id, draft, not_before=not_before)
    if problems:
        raise ValidationError(problems)
    assert draft.due_on is not None
    action = Action(
        household_id=household_id,
        description=draft.description.strip(),
        due_on=draft.due_on,
        status=ActionStatus.OPEN,
        status_on=not_before,
        origin=draft.origin,
        origin_id=draft.origin_id,
    )
    only_the_owner(action, draft)
    session.add(action)
    session.flush()
    return action.id


def update_action(session: Session, action_id: uuid.UUID, draft: ActionDraft) -> None:
    """Change what, who or by when: an existing action may be due in the past."""
    action = get_or_raise(session, Action, action_id)
    if lock := _LOCKS.get(action.origin):
        lock(session, action)
    problems = check_action(session, action.household_id, draft, not_before=None)
    if problems:
        raise ValidationError(problems)
    assert draft.due_on is not None
    action.description = draft.description.strip()
    action.due_on = draft.due_on
    only_the_owner(action, draft)


def set_status(session: Session, action_id: uuid.UUID, status: ActionStatus, on: date) -> None:
    """Gedaan, vervallen, or open again; ``on`` is the date it got this status."""
    action = get_or_raise(session, Action, action_id)
    if action.status is not status:
        action.status = status
        action.status_on = on


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """The household's actions go with its dossier."""
    session.execute(delete(Action).where(Action.household_id == household_id))


# --- reading --------------------------------------------------------------------------------


def _owner_names(session: Session, actions: list[Action]) -> dict[uuid.UUID, str]:
    """Each action's owner as shown: a name, 'naam (relatie)', 'organisatie — contact'."""

    def names(
        cls: type[Medewerker] | type[Organisation] | type[OrganisationContact], ids: set[uuid.UUID]
    ) -> dict[uuid.UUID, str]:
        if not ids:
            return {}
        rows = session.execute(select(cls.id, cls.name).where(cls.id.in_(ids)))
        return {row_id: name for row_id, name in rows}

    medewerkers = names(Medewerker, {a.medewerker_id for a in actions if a.medewerker_id})
    organisations = names(Organisation, {a.organisation_id for a in actions if a.organisation_id})
    contacts = names(OrganisationContact, {a.contact_id for a in actions if a.contact_id})
    person_ids = {a.person_id for a in actions if a.person_id}
    people = {
        p.id: full_name(p.first_name, p.infix, p.last_name)
        for p in (
            session.scalars(select(Person).where(Person.id.in_(person_ids))) if person_ids else []
        )
    }
    result = {}
    for a in actions:
        if a.owner_kind is ActionOwner.MEDEWERKER:
            text = medewerkers.get(a.medewerker_id, "") if a.medewerker_id else ""
        elif a.owner_kind is ActionOwner.GEZINSLID:
            text = people.get(a.person_id, "") if a.person_id else ""
        elif a.owner_kind is ActionOwner.ORGANISATIE:
            text = organisations.get(a.organisation_id, "") if a.organisation_id else ""
            contact = contacts.get(a.contact_id, "") if a.contact_id else ""
            text = f"{text} — {contact}" if contact else text
        else:
            relation = f" ({a.network_relation})" if a.network_relation else ""
            text = f"{a.network_name}{relation}"
        result[a.id] = text
    return result


def action_records(session: Session, actions: list[Action]) -> list[ActionRecord]:
    owners = _owner_names(session, actions)
    household_ids = {a.household_id for a in actions}
    households = (
        {
            h.id: (h.dossier_number, h.name)
            for h in session.scalars(select(Household).where(Household.id.in_(household_ids)))
        }
        if household_ids
        else {}
    )
    return [
        ActionRecord(
            id=a.id,
            household_id=a.household_id,
            dossier_number=households[a.household_id][0],
            household_name=households[a.household_id][1],
            draft=ActionDraft(
                description=a.description,
                owner_kind=a.owner_kind,
                due_on=a.due_on,
                medewerker_id=a.medewerker_id,
                person_id=a.person_id,
                organisation_id=a.organisation_id,
                contact_id=a.contact_id,
                network_name=a.network_name,
                network_relation=a.network_relation,
                origin=a.origin,
                origin_id=a.origin_id,
            ),
            owner=owners[a.id],
            status=a.status,
            status_on=a.status_on,
        )
        for a in actions
    ]


def list_actions(session: Session, household_id: uuid.UUID) -> list[ActionRecord]:
    """The household's actions: open ones first (the earliest due first), then the closed
    ones (the most recently closed first)."""
    actions = list(session.scalars(select(Action).where(Action.household_id == household_id)))
    records = action_records(session, actions)
    open_ = sorted(
        (r for r in records if r.status is ActionStatus.OPEN),
        key=lambda r: (r.draft.due_on or date.max, r.description),
    )
    closed = sorted(
        (r for r in records if r.status is not ActionStatus.OPEN),
        key=lambda r: (r.status_on, r.description),
        reverse=True,
    )
    return [*open_, *closed]


def my_actions(session: Session, medewerker_id: uuid.UUID) -> list[ActionRecord]:
    """The open actions this team member owns, in every household: the earliest due (so the
    overdue ones) first."""
    actions = list(
        session.scalars(
            select(Action)
            .where(
                Action.status == ActionStatus.OPEN,
                Action.owner_kind == ActionOwner.MEDEWERKER,
                Action.medewerker_id == medewerker_id,
            )
            .order_by(Action.due_on, Action.description)
        )
    )
    return action_records(session, actions)


def followed_actions(session: Session, medewerker_id: uuid.UUID) -> list[ActionRecord]:
    """Te volgen: the open actions of other owners in the households where this team member
    is the current casusregisseur, the earliest due first."""
    households = households_of(session, medewerker_id)
    if not households:
        return []
    actions = [
        a
        for a in session.scalars(
            select(Action)
            .where(Action.status == ActionStatus.OPEN, Action.household_id.in_(households))
            .order_by(Action.due_on, Action.description)
        )
        if not (a.owner_kind is ActionOwner.MEDEWERKER and a.medewerker_id == medewerker_id)
    ]
    return action_records(session, actions)


# --- the Te doen list -----------------------------------------------------------------------

OVERDUE = "actie"  # the Te doen kind (models.wording.TODO_KIND)


def due_actions(session: Session, today: date, households: set[uuid.UUID] | None) -> list[TodoItem]:
    """Each open action past its due date, in any household of ``households`` (None: the
    whole team); the subject is who should do it."""
    regisseur = regisseur_name(Action.household_id)
    stmt = select(Action, regisseur).where(
        Action.status == ActionStatus.OPEN, Action.due_on < today
    )
    if households is not None:
        stmt = stmt.where(Action.household_id.in_(households))
    rows = [(action, name) for action, name in session.execute(stmt)]
    records = {r.id: r for r in action_records(session, [a for a, _ in rows])}
    return [
        TodoItem(
            OVERDUE,
            action.household_id,
            records[action.id].dossier_number,
            records[action.id].household_name,
            records[action.id].owner,
            action.due_on,
            regisseur_text or "",
        )
        for action, regisseur_text in rows
    ]


def overdue_households(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> list[uuid.UUID]:
    """The household of each line :func:`due_actions` gives (each open action past its due
    date), without building the lines: plain SQL on the cursor, for the coordinator's overview."""
    params: dict[str, object] = {"open": ActionStatus.OPEN.value, "today": today.isoformat()}
    return counted_households(session, _OVERDUE, _OVERDUE_OF_SOME, params, households)


# A Date is stored as 'YYYY-MM-DD': text order is date order.
_OVERDUE = "SELECT household_id FROM action WHERE status = :open AND due_on < :today"
_OVERDUE_OF_SOME = (
    "SELECT household_id FROM action WHERE status = :open AND due_on < :today "
    "AND household_id IN (SELECT value FROM json_each(:households))"
)


register_provider(OVERDUE, due_actions, overdue_households)


# --- the account's team member ------------------------------------------------------------


def link_account(session: Session, account_id: uuid.UUID, medewerker_id: uuid.UUID) -> None:
    """Link an account to the team member it is (Mijn acties, Te doen): an active one."""
    from models.security import Account  # the accounts' module is not needed elsewhere here

    account = get_or_raise(session, Account, account_id)
    medewerker = session.get(Medewerker, medewerker_id)
    if medewerker is None or not medewerker.active:
        raise ValidationError({"medewerker": Problem.INACTIVE})
    account.medewerker_id = medewerker_id
