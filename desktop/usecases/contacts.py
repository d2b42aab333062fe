"""The contact log of a household."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of
from models import households as service
from models.entities import Contact
from models.records import ContactDraft

CONTACTS = "contacts"


def add_contact(unlocked: Unlocked, household_id: uuid.UUID, draft: ContactDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.add_contact(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(CONTACTS,), detail="contactmoment toegevoegd")


def update_contact(unlocked: Unlocked, contact_id: uuid.UUID, draft: ContactDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.update_contact(session, contact_id, draft)
        return household_of(session, Contact, contact_id)

    return change(unlocked, work, kinds=(CONTACTS,), detail="contactmoment gewijzigd")


def remove_contact(unlocked: Unlocked, contact_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, Contact, contact_id)
        service.remove_contact(session, contact_id)
        return household_id

    return change(unlocked, work, kinds=(CONTACTS,), detail="contactmoment verwijderd")
