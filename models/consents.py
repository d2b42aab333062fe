"""Toestemming: with which organisations a household's information may be shared."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import get_or_raise
from models.entities import Consent, Household, Organisation, Person
from models.organisations import match_key
from models.records import ConsentDraft, ConsentRecord, full_name
from models.rules import CONSENT, check_fields
from models.search import fold
from models.validation import Problem, ValidationError, check_date


def _organisation(
    session: Session, draft: ConsentDraft, today: date, current: uuid.UUID | None = None
) -> Organisation:
    """The draft's organisation, after every check of the draft (ValidationError).

    A switched-off organisation cannot be picked for a new consent; a consent that
    already points at it may keep it.
    """
    problems = check_fields(
        CONSENT,
        {
            "organisation": draft.organisation_id,
            "given_by": draft.given_by,
            "given_on": draft.given_on,
        },
    )
    organisation = None
    if draft.organisation_id is not None:
        organisation = session.get(Organisation, draft.organisation_id)
        if organisation is None:
            problems["organisation"] = Problem.UNKNOWN_CODE
        elif not organisation.active and organisation.id != current:
            problems["organisation"] = Problem.INACTIVE
    if problem := check_date(draft.given_on, not_after=today):
        problems["given_on"] = problem
    if draft.valid_until is not None and draft.valid_until < draft.given_on:
        problems["valid_until"] = Problem.END_BEFORE_START
    if problems:
        raise ValidationError(problems)
    assert organisation is not None
    return organisation


def _apply(consent: Consent, draft: ConsentDraft, organisation: Organisation) -> None:
    consent.organisation_id = organisation.id
    consent.organisation = organisation.name  # as the family agreed to it, kept verbatim
    consent.purpose = draft.purpose.strip()
    consent.given_by = draft.given_by.strip()
    consent.given_on = draft.given_on
    consent.valid_until = draft.valid_until
    consent.refused = draft.refused
    consent.person_id = draft.person_id


def add_consent(
    session: Session, household_id: uuid.UUID, draft: ConsentDraft, *, today: date | None = None
) -> uuid.UUID:
    organisation = _organisation(session, draft, today or date.today())
    household = get_or_raise(session, Household, household_id)
    consent = Consent()
    _apply(consent, draft, organisation)
    household.consents.append(consent)
    session.flush()
    return consent.id


def update_consent(
    session: Session, consent_id: uuid.UUID, draft: ConsentDraft, *, today: date | None = None
) -> None:
    consent = get_or_raise(session, Consent, consent_id)
    organisation = _organisation(session, draft, today or date.today(), consent.organisation_id)
    _apply(consent, draft, organisation)


def remove_consent(session: Session, consent_id: uuid.UUID) -> None:
    consent = get_or_raise(session, Consent, consent_id)
    consent.household.consents.remove(consent)


def consent_record(consent: Consent, person: str) -> ConsentRecord:
    c = consent
    return ConsentRecord(
        c.id,
        c.organisation_record.name,
        c.organisation_id,
        c.purpose,
        c.given_by,
        c.given_on,
        c.valid_until,
        c.refused,
        c.person_id,
        person,
    )


def list_consents(session: Session, household_id: uuid.UUID) -> list[ConsentRecord]:
    rows = session.execute(
        select(Consent, Person)
        .outerjoin(Person, Person.id == Consent.person_id)
        .where(Consent.household_id == household_id)
        .order_by(Consent.given_on.desc())
    )
    return [
        consent_record(c, full_name(p.first_name, p.infix, p.last_name) if p else "")
        for c, p in rows
    ]


def uncovered(consents: list[ConsentRecord], organisation: str | uuid.UUID, on: date) -> bool:
    """True when nothing valid on ``on`` allows sharing with ``organisation`` (or it was refused).

    ``organisation`` is the organisation's id, or (as before organisations were records)
    its name, matched trimmed and case- and accent-insensitively.
    Printing or exporting for an organisation warns when this is true.
    """
    if isinstance(organisation, uuid.UUID):
        matching = [c for c in consents if c.organisation_id == organisation and c.valid_on(on)]
    else:
        wanted = fold(match_key(organisation))
        matching = [
            c for c in consents if fold(match_key(c.organisation)) == wanted and c.valid_on(on)
        ]
    return not matching or any(c.refused for c in matching)
