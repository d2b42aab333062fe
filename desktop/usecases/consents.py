"""Consent to share information with an organisation, per household or person."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of
from models import consents as service
from models.entities import Consent
from models.records import ConsentDraft

CONSENTS = "consents"


def add_consent(unlocked: Unlocked, household_id: uuid.UUID, draft: ConsentDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.add_consent(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(CONSENTS,), detail="toestemming vastgelegd")


def update_consent(unlocked: Unlocked, consent_id: uuid.UUID, draft: ConsentDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.update_consent(session, consent_id, draft)
        return household_of(session, Consent, consent_id)

    return change(unlocked, work, kinds=(CONSENTS,), detail="toestemming gewijzigd")


def remove_consent(unlocked: Unlocked, consent_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, Consent, consent_id)
        service.remove_consent(session, consent_id)
        return household_id

    return change(unlocked, work, kinds=(CONSENTS,), detail="toestemming verwijderd")
