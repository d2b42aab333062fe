"""The meldcode procedures of a household: start, walk the steps, finish, correct with a reason."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, read
from models import meldcode as service
from models.afwegingskader import (
    ConsultationDraft,
    ConversationDraft,
    DecisionDraft,
    OpenProcedure,
    ProcedureRecord,
    StartDraft,
    WeighingDraft,
)
from models.entities import MeldcodeConsultation, MeldcodeProcedure
from models.permissions import Permission

MELDCODE = "meldcode"

WORK = Permission.WORK_ON_DOSSIERS


def procedures(unlocked: Unlocked, household_id: uuid.UUID) -> list[ProcedureRecord]:
    """The household's procedures, newest first."""
    return read(unlocked, WORK, lambda s: service.list_procedures(s, household_id))


def procedure(unlocked: Unlocked, procedure_id: uuid.UUID) -> ProcedureRecord:
    return read(unlocked, WORK, lambda s: service.procedure(s, procedure_id))


def open_procedures(unlocked: Unlocked, household_id: uuid.UUID) -> list[OpenProcedure]:
    """For the dossier header: the procedures not yet finished (form, step, since)."""
    return read(unlocked, WORK, lambda s: service.open_procedures(s, household_id))


def _on_procedure(
    unlocked: Unlocked,
    procedure_id: uuid.UUID,
    work: Callable[[Session], object],
    detail: str,
    reason: str | None,
) -> Changed:
    def run(session: Session) -> uuid.UUID:
        household_id = household_of(session, MeldcodeProcedure, procedure_id)
        work(session)
        return household_id

    detail = f"meldcode gecorrigeerd ({detail})" if reason else f"meldcode: {detail}"
    return change(unlocked, run, kinds=(MELDCODE,), detail=detail)


def start(unlocked: Unlocked, household_id: uuid.UUID, draft: StartDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.start_procedure(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(MELDCODE,), detail="meldcodeprocedure gestart")


def update_start(
    unlocked: Unlocked, procedure_id: uuid.UUID, draft: StartDraft, reason: str | None = None
) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.update_start(s, procedure_id, draft, reason=reason),
        "signalen",
        reason,
    )


def add_consultation(
    unlocked: Unlocked,
    procedure_id: uuid.UUID,
    draft: ConsultationDraft,
    reason: str | None = None,
) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.add_consultation(s, procedure_id, draft, reason=reason),
        "overleg vastgelegd",
        reason,
    )


def update_consultation(
    unlocked: Unlocked,
    consultation_id: uuid.UUID,
    draft: ConsultationDraft,
    reason: str | None = None,
) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, MeldcodeConsultation, consultation_id)
        service.update_consultation(session, consultation_id, draft, reason=reason)
        return household_id

    detail = "meldcode gecorrigeerd (overleg)" if reason else "meldcode: overleg gewijzigd"
    return change(unlocked, work, kinds=(MELDCODE,), detail=detail)


def record_conversation(
    unlocked: Unlocked,
    procedure_id: uuid.UUID,
    draft: ConversationDraft,
    reason: str | None = None,
) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.record_conversation(s, procedure_id, draft, reason=reason),
        "gesprek",
        reason,
    )


def record_weighing(
    unlocked: Unlocked, procedure_id: uuid.UUID, draft: WeighingDraft, reason: str | None = None
) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.record_weighing(s, procedure_id, draft, reason=reason),
        "afwegingskader",
        reason,
    )


def record_decision(
    unlocked: Unlocked, procedure_id: uuid.UUID, draft: DecisionDraft, reason: str | None = None
) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.record_decision(s, procedure_id, draft, reason=reason),
        "beslissing",
        reason,
    )


def finish(unlocked: Unlocked, procedure_id: uuid.UUID, on: date) -> Changed:
    return _on_procedure(
        unlocked,
        procedure_id,
        lambda s: service.finish_procedure(s, procedure_id, on),
        "afgerond",
        None,
    )
