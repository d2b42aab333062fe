"""The Te doen list: one list of what is due, fed by providers that register themselves.

Re-assessments of risicotaxaties are the first (:mod:`models.taxatie`); actions and plan
evaluations add theirs with :func:`register_provider` instead of building a list of their own.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from models.entities import RegisseurAssignment, Traject
from models.records import TodoItem

# provider(session, today, households) -> items; ``households`` None means the whole team.
Provider = Callable[[Session, date, "set[uuid.UUID] | None"], list[TodoItem]]

_PROVIDERS: dict[str, Provider] = {}


def register_provider(kind: str, provider: Provider) -> None:
    """A kind of line for the list (its Dutch name in ``models.wording.TODO_KIND``)."""
    _PROVIDERS[kind] = provider


def unregister_provider(kind: str) -> None:
    """For tests that register a throwaway provider."""
    _PROVIDERS.pop(kind, None)


def provider_kinds() -> list[str]:
    return sorted(_PROVIDERS)


def households_of(session: Session, medewerker_id: uuid.UUID) -> set[uuid.UUID]:
    """The households whose current traject has this medewerker as casusregisseur now."""
    stmt = (
        select(Traject.household_id)
        .join(
            RegisseurAssignment,
            and_(
                RegisseurAssignment.traject_id == Traject.id,
                RegisseurAssignment.end_on.is_(None),
            ),
        )
        .where(Traject.is_current.is_(True), RegisseurAssignment.medewerker_id == medewerker_id)
    )
    return set(session.scalars(stmt))


def todo_list(session: Session, today: date, households: set[uuid.UUID] | None) -> list[TodoItem]:
    """Everything due by ``today``, the longest overdue first."""
    items = [
        item for provider in _PROVIDERS.values() for item in provider(session, today, households)
    ]
    return sorted(items, key=lambda i: (i.due, i.dossier_number, i.kind, i.subject))
