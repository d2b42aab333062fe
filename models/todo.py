"""The Te doen list: one list of what is due, fed by providers that register themselves.

Re-assessments of risicotaxaties are the first (:mod:`models.taxatie`); actions and plan
evaluations add theirs with :func:`register_provider` instead of building a list of their own.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from functools import cache

from sqlalchemy import ColumnElement, ScalarSelect, and_, select
from sqlalchemy.orm import QueryableAttribute, Session

from models.entities import Medewerker, RegisseurAssignment, Traject
from models.records import TodoItem

# provider(session, today, households) -> items; ``households`` None means the whole team.
Provider = Callable[[Session, date, "set[uuid.UUID] | None"], list[TodoItem]]

# counter(session, today, households) -> the household of each line the provider would give,
# without building the lines (the coordinator's overview counts them for the whole team).
Counter = Callable[[Session, date, "set[uuid.UUID] | None"], list[uuid.UUID]]

_PROVIDERS: dict[str, Provider] = {}
_COUNTERS: dict[str, Counter] = {}


def register_provider(kind: str, provider: Provider, counter: Counter | None = None) -> None:
    """A kind of line for the list (its Dutch name in ``models.wording.TODO_KIND``), and
    optionally a cheaper way to count its lines (tests hold the two equal)."""
    _PROVIDERS[kind] = provider
    if counter is not None:
        _COUNTERS[kind] = counter


def unregister_provider(kind: str) -> None:
    """For tests that register a throwaway provider."""
    _PROVIDERS.pop(kind, None)
    _COUNTERS.pop(kind, None)


def due_households(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> dict[str, list[uuid.UUID]]:
    """Per kind, the household of every line the list has on ``today``: its counts."""
    found = {}
    for kind, provider in _PROVIDERS.items():
        counter = _COUNTERS.get(kind)
        found[kind] = (
            counter(session, today, households)
            if counter is not None
            else [item.household_id for item in provider(session, today, households)]
        )
    return found


@cache
def stored_uuid(stored: str) -> uuid.UUID:
    """An id as SQLite stores it (32 hex digits), made once per id for every count."""
    return uuid.UUID(hex=stored)


def counted_households(
    session: Session,
    team_sql: str,
    some_sql: str,
    params: dict[str, object],
    households: set[uuid.UUID] | None,
) -> list[uuid.UUID]:
    """A counter's plain SQL, whose one column is a household id as stored, on the DBAPI
    cursor: no result row and no UUID built per row (the ids come from :func:`stored_uuid`).
    ``team_sql`` counts for the whole team; ``some_sql`` for ``households`` only, which it
    gets as ``:households``, a JSON list of stored ids (so it can read by the household's
    index instead of the whole table)."""
    if households is not None:
        params = {**params, "households": json.dumps(sorted(h.hex for h in households))}
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(team_sql if households is None else some_sql, params)
        return [stored_uuid(row[0]) for row in cursor.fetchall()]
    finally:
        cursor.close()


def provider_kinds() -> list[str]:
    return sorted(_PROVIDERS)


def regisseur_name(
    household_id: QueryableAttribute[uuid.UUID] | ColumnElement[uuid.UUID] | uuid.UUID,
) -> ScalarSelect[str]:
    """The name of the household's current casusregisseur (of its current traject): a scalar
    subquery for a list's regisseur column, or for one household."""
    return (
        select(Medewerker.name)
        .join(RegisseurAssignment, RegisseurAssignment.medewerker_id == Medewerker.id)
        .join(Traject, Traject.id == RegisseurAssignment.traject_id)
        .where(
            Traject.household_id == household_id,
            Traject.is_current.is_(True),
            RegisseurAssignment.end_on.is_(None),
        )
        .limit(1)
        .scalar_subquery()
    )


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
