"""Small helpers the tests share."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from models import households as service
from models.records import HouseholdDraft, RegistrationDraft, TrajectDraft

TODAY = date(2026, 11, 25)


def register(
    session: Session,
    name: str = "De Vries",
    *,
    registered_on: date = TODAY,
    regisseur_id: uuid.UUID | None = None,
    postcode: str = "1234 AB",
) -> uuid.UUID:
    """Register a household with an aanmelding, as the registration form would."""
    draft = RegistrationDraft(
        HouseholdDraft(name=name, street="Kastanjelaan", house_number="12", postcode=postcode),
        TrajectDraft(registered_on=registered_on, herkomst="school", regisseur_id=regisseur_id),
    )
    return service.register_household(session, draft, today=TODAY)
