"""Signs of Safety and the veiligheidsplan: record, correct, version, settle."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, read
from models import safety_plan as service
from models.permissions import Permission
from models.records import (
    AgreementDraft,
    PlanDraft,
    PlanSettlement,
    SafetyPlans,
    SignsOfSafetyDraft,
    SignsOfSafetyRecord,
)
from models.safety_plan import SafetyAgreement, SafetyPlan, SignsOfSafety

SIGNS = "signs_of_safety"
PLAN = "safety_plan"


def _on(
    unlocked: Unlocked,
    kind: str,
    find: Callable[[Session], uuid.UUID],
    work: Callable[[Session], object],
    detail: str,
) -> Changed:
    def run(session: Session) -> uuid.UUID:
        household_id = find(session)
        work(session)
        return household_id

    return change(unlocked, run, kinds=(kind,), detail=detail)


# --- Signs of Safety ------------------------------------------------------------------------


def signs(unlocked: Unlocked, household_id: uuid.UUID) -> list[SignsOfSafetyRecord]:
    return read(
        unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.list_signs(s, household_id)
    )


def record_signs(unlocked: Unlocked, household_id: uuid.UUID, draft: SignsOfSafetyDraft) -> Changed:
    return _on(
        unlocked,
        SIGNS,
        lambda _s: household_id,
        lambda s: service.record_signs(s, household_id, draft),
        "signs of safety vastgelegd",
    )


def correct_signs(unlocked: Unlocked, signs_id: uuid.UUID, draft: SignsOfSafetyDraft) -> Changed:
    return _on(
        unlocked,
        SIGNS,
        lambda s: household_of(s, SignsOfSafety, signs_id),
        lambda s: service.correct_signs(s, signs_id, draft),
        "signs of safety gecorrigeerd",
    )


def remove_signs(unlocked: Unlocked, signs_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        SIGNS,
        lambda s: household_of(s, SignsOfSafety, signs_id),
        lambda s: service.remove_signs(s, signs_id),
        "signs of safety verwijderd",
    )


# --- the veiligheidsplan --------------------------------------------------------------------


def plans(unlocked: Unlocked, household_id: uuid.UUID) -> SafetyPlans:
    return read(
        unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.safety_plans(s, household_id)
    )


def plan_start(unlocked: Unlocked, household_id: uuid.UUID) -> PlanDraft:
    """What a new version's form opens with (the latest 'wat moet er gebeuren')."""
    return read(
        unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.plan_start(s, household_id)
    )


def new_version(unlocked: Unlocked, household_id: uuid.UUID, draft: PlanDraft) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda _s: household_id,
        lambda s: service.new_plan_version(s, household_id, draft),
        "nieuwe versie veiligheidsplan",
    )


def update_plan(unlocked: Unlocked, plan_id: uuid.UUID, draft: PlanDraft) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyPlan, plan_id),
        lambda s: service.update_plan(s, plan_id, draft),
        "veiligheidsplan gewijzigd",
    )


def add_agreement(unlocked: Unlocked, plan_id: uuid.UUID, draft: AgreementDraft) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyPlan, plan_id),
        lambda s: service.add_agreement(s, plan_id, draft),
        "afspraak veiligheidsplan toegevoegd",
    )


def update_agreement(unlocked: Unlocked, agreement_id: uuid.UUID, draft: AgreementDraft) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyAgreement, agreement_id),
        lambda s: service.update_agreement(s, agreement_id, draft),
        "afspraak veiligheidsplan gewijzigd",
    )


def remove_agreement(unlocked: Unlocked, agreement_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyAgreement, agreement_id),
        lambda s: service.remove_agreement(s, agreement_id),
        "afspraak veiligheidsplan verwijderd",
    )


def settle(unlocked: Unlocked, plan_id: uuid.UUID, settlement: PlanSettlement) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyPlan, plan_id),
        lambda s: service.settle_plan(s, plan_id, settlement),
        "veiligheidsplan vastgesteld",
    )


def remove_concept(unlocked: Unlocked, plan_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        PLAN,
        lambda s: household_of(s, SafetyPlan, plan_id),
        lambda s: service.remove_concept(s, plan_id),
        "concept veiligheidsplan verwijderd",
    )


def current_agreements(unlocked: Unlocked, household_id: uuid.UUID) -> tuple[AgreementDraft, ...]:
    """The agreements of the veiligheidsplan that holds now (for the gezinsplan)."""
    return read(
        unlocked,
        Permission.WORK_ON_DOSSIERS,
        lambda s: service.current_agreements(s, household_id),
    )
