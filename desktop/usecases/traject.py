"""The traject: the aanmelding, phase, regisseur, op- and afschalen, closure, a new aanmelding."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of
from models import households as service
from models.entities import Traject
from models.records import Closure, PhaseChange, RegisseurChange, ScaleEvent, TrajectDraft

TRAJECT = "traject"


def _on_traject(
    unlocked: Unlocked, traject_id: uuid.UUID, work: Callable[[Session], object], detail: str
) -> Changed:
    def run(session: Session) -> uuid.UUID:
        household_id = household_of(session, Traject, traject_id)
        work(session)
        return household_id

    return change(unlocked, run, kinds=(TRAJECT,), detail=detail)


def update_traject(unlocked: Unlocked, traject_id: uuid.UUID, draft: TrajectDraft) -> Changed:
    return _on_traject(
        unlocked,
        traject_id,
        lambda s: service.update_traject(s, traject_id, draft),
        "aanmelding gewijzigd",
    )


def start_traject(unlocked: Unlocked, household_id: uuid.UUID, draft: TrajectDraft) -> Changed:
    """A new aanmelding for a household whose traject was closed."""

    def work(session: Session) -> uuid.UUID:
        service.start_traject(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(TRAJECT,), detail="nieuwe aanmelding")


def change_phase(unlocked: Unlocked, traject_id: uuid.UUID, phase: PhaseChange) -> Changed:
    return _on_traject(
        unlocked, traject_id, lambda s: service.change_phase(s, traject_id, phase), "fase gewijzigd"
    )


def change_regisseur(unlocked: Unlocked, traject_id: uuid.UUID, regie: RegisseurChange) -> Changed:
    return _on_traject(
        unlocked,
        traject_id,
        lambda s: service.change_regisseur(s, traject_id, regie),
        "regisseur gewijzigd",
    )


def record_scale_event(unlocked: Unlocked, traject_id: uuid.UUID, event: ScaleEvent) -> Changed:
    return _on_traject(
        unlocked,
        traject_id,
        lambda s: service.record_scale_event(s, traject_id, event),
        "op- of afgeschaald",
    )


def close_traject(unlocked: Unlocked, traject_id: uuid.UUID, closure: Closure) -> Changed:
    return _on_traject(
        unlocked,
        traject_id,
        lambda s: service.close_traject(s, traject_id, closure),
        "traject afgesloten",
    )
