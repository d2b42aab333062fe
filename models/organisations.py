"""Organisations the team works with, and their contact persons.

Wherever an organisation is meant (a consent today; meeting attendees, plan partners,
escalations and referrals later) it is one of these records, picked from a list.
Names are unique once trimmed and case-folded, the way migration 0007 matched the
organisation texts of existing consents.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.base import get_or_raise
from models.codelists import load_codelists
from models.entities import Organisation, OrganisationContact
from models.records import (
    OrganisationContactDraft,
    OrganisationContactRecord,
    OrganisationDraft,
    OrganisationRecord,
)
from models.rules import ORGANISATION, ORGANISATION_CONTACT, check_draft
from models.validation import Problem, ValidationError, check_email

KIND_LIST = "organisatiesoort"


def match_key(name: str) -> str:
    """What two organisation names are compared on: trimmed, spaces collapsed, case-folded."""
    return " ".join(name.split()).casefold()


def _validate(session: Session, draft: OrganisationDraft, same: uuid.UUID | None = None) -> None:
    problems = check_draft(ORGANISATION, draft)
    if "kind" not in problems and not load_codelists().has(KIND_LIST, draft.kind):
        problems["kind"] = Problem.UNKNOWN_CODE
    if "name" not in problems:
        wanted = match_key(draft.name)
        for other_id, other_name in session.execute(select(Organisation.id, Organisation.name)):
            if other_id != same and match_key(other_name) == wanted:
                problems["name"] = Problem.DUPLICATE
                break
    if problems:
        raise ValidationError(problems)


def _validate_contact(draft: OrganisationContactDraft) -> None:
    problems = check_draft(ORGANISATION_CONTACT, draft)
    if "email" not in problems and (problem := check_email(draft.email)):
        problems["email"] = problem
    if problems:
        raise ValidationError(problems)


def _contact_record(contact: OrganisationContact) -> OrganisationContactRecord:
    return OrganisationContactRecord(
        contact.id, contact.name, contact.role, contact.phone, contact.email
    )


def organisation_record(organisation: Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        organisation.id,
        organisation.name,
        organisation.kind,
        organisation.active,
        tuple(
            _contact_record(c)
            for c in sorted(organisation.contacts, key=lambda c: c.name.casefold())
        ),
    )


def list_organisations(session: Session, *, active_only: bool = False) -> list[OrganisationRecord]:
    """Every organisation by name, with its contact persons; active ones only for a picker."""
    stmt = (
        select(Organisation)
        .options(selectinload(Organisation.contacts))
        .order_by(Organisation.name)
    )
    if active_only:
        stmt = stmt.where(Organisation.active.is_(True))
    return [organisation_record(o) for o in session.scalars(stmt)]


def get_organisation(session: Session, organisation_id: uuid.UUID) -> OrganisationRecord:
    return organisation_record(get_or_raise(session, Organisation, organisation_id))


def add_organisation(session: Session, draft: OrganisationDraft) -> uuid.UUID:
    _validate(session, draft)
    organisation = Organisation(name=draft.name.strip(), kind=draft.kind, active=True)
    session.add(organisation)
    session.flush()
    return organisation.id


def update_organisation(
    session: Session, organisation_id: uuid.UUID, draft: OrganisationDraft
) -> None:
    organisation = get_or_raise(session, Organisation, organisation_id)
    _validate(session, draft, same=organisation_id)
    organisation.name = draft.name.strip()
    organisation.kind = draft.kind


def deactivate_organisation(session: Session, organisation_id: uuid.UUID) -> None:
    """Off the pickers; consents that point at it keep it (and its name)."""
    get_or_raise(session, Organisation, organisation_id).active = False


def reactivate_organisation(session: Session, organisation_id: uuid.UUID) -> None:
    get_or_raise(session, Organisation, organisation_id).active = True


def add_contact_person(
    session: Session, organisation_id: uuid.UUID, draft: OrganisationContactDraft
) -> uuid.UUID:
    _validate_contact(draft)
    organisation = get_or_raise(session, Organisation, organisation_id)
    contact = OrganisationContact()
    _apply_contact(contact, draft)
    organisation.contacts.append(contact)
    session.flush()
    return contact.id


def update_contact_person(
    session: Session, contact_id: uuid.UUID, draft: OrganisationContactDraft
) -> None:
    _validate_contact(draft)
    _apply_contact(get_or_raise(session, OrganisationContact, contact_id), draft)


def remove_contact_person(session: Session, contact_id: uuid.UUID) -> None:
    contact = get_or_raise(session, OrganisationContact, contact_id)
    contact.organisation.contacts.remove(contact)  # delete-orphan removes the row


def _apply_contact(contact: OrganisationContact, draft: OrganisationContactDraft) -> None:
    contact.name = draft.name.strip()
    contact.role = draft.role.strip()
    contact.phone = draft.phone.strip()
    contact.email = draft.email.strip()
