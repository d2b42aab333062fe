"""Toestemming: with which named organisations a household's information may be shared."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import get_or_raise
from models.entities import Consent, Household, Person
from models.records import ConsentDraft, ConsentRecord, full_name
from models.search import fold
from models.validation import Problem, ValidationError, check_date


def _validate(draft: ConsentDraft, today: date) -> None:
    problems: dict[str, Problem] = {}
    if not draft.organisation.strip():
        problems["organisation"] = Problem.REQUIRED
    if problem := check_date(draft.given_on, not_after=today):
        problems["given_on"] = problem
    if draft.valid_until is not None and draft.valid_until < draft.given_on:
        problems["valid_until"] = Problem.END_BEFORE_START
    if problems:
        raise ValidationError(problems)


def _apply(consent: Consent, draft: ConsentDraft) -> None:
    consent.organisation = draft.organisation.strip()
    consent.purpose = draft.purpose.strip()
    consent.given_by = draft.given_by.strip()
    consent.given_on = draft.given_on
    consent.valid_until = draft.valid_until
    consent.refused = draft.refused
    consent.person_id = draft.person_id


def add_consent(
    session: Session, household_id: uuid.UUID, draft: ConsentDraft, *, today: date | None = None
) -> uuid.UUID:
    _validate(draft, today or date.today())
    household = get_or_raise(session, Household, household_id)
    consent = Consent()
    _apply(consent, draft)
    household.consents.append(consent)
    session.flush()
    return consent.id


def update_consent(
    session: Session, consent_id: uuid.UUID, draft: ConsentDraft, *, today: date | None = None
) -> None:
    _validate(draft, today or date.today())
    _apply(get_or_raise(session, Consent, consent_id), draft)


def remove_consent(session: Session, consent_id: uuid.UUID) -> None:
    consent = get_or_raise(session, Consent, consent_id)
    consent.household.consents.remove(consent)


def consent_record(consent: Consent, person: str) -> ConsentRecord:
    c = consent
    return ConsentRecord(
        c.id,
        c.organisation,
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


def uncovered(consents: list[ConsentRecord], organisation: str, on: date) -> bool:
    """True when nothing valid on ``on`` allows sharing with ``organisation`` (or it was refused).

    Printing or exporting for an organisation warns when this is true.
    """
    wanted = fold(organisation).strip()
    matching = [c for c in consents if fold(c.organisation).strip() == wanted and c.valid_on(on)]
    return not matching or any(c.refused for c in matching)
