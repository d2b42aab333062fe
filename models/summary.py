"""The household summary beside the notes in meeting mode: a registry of providers.

Each provider gives one block (members, regisseur, safety, latest ZRM, open actions; the
gezinsplan adds its goals) for one household, read in the meeting's session. A provider
that has nothing to say returns None.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from models.base import get_or_raise
from models.entities import Household
from models.meeting_records import HouseholdSummary, SummaryBlock

# provider(session, household_id, today) -> a block, or None
SummaryProvider = Callable[[Session, uuid.UUID, date], "SummaryBlock | None"]

_PROVIDERS: dict[str, SummaryProvider] = {}


def register_summary(kind: str, provider: SummaryProvider) -> None:
    _PROVIDERS[kind] = provider


def unregister_summary(kind: str) -> None:
    """For tests that register a throwaway provider."""
    _PROVIDERS.pop(kind, None)


def household_summary(session: Session, household_id: uuid.UUID, today: date) -> HouseholdSummary:
    household = get_or_raise(session, Household, household_id)
    blocks = [
        block
        for provider in _PROVIDERS.values()
        if (block := provider(session, household_id, today)) is not None
    ]
    return HouseholdSummary(
        household.id,
        household.dossier_number,
        household.name,
        tuple(sorted(blocks, key=lambda b: (b.order, b.title))),
    )


def _register_first_providers() -> None:
    from models.meeting_summaries import PROVIDERS  # it imports the domain modules

    for kind, provider in PROVIDERS.items():
        register_summary(kind, provider)


_register_first_providers()
