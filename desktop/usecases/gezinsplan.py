"""The gezinsplan: write a concept, agree it, vaststellen, evaluate, and start a new version.

One function per action, each a permission check, one transaction and a CHANGE line (see
:mod:`desktop.usecases.base`); reads are not logged. The printout is in
:mod:`desktop.usecases.gezinsplan_print`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.actions import ACTIONS  # vaststellen changes the live actions too
from desktop.usecases.base import Changed, change, household_of, read
from models import gezinsplan as service
from models import zrm
from models.gezinsplan import (
    Gezinsplan,
    PlanAction,
    PlanEvaluation,
    PlanGoal,
    PlanNetwork,
    PlanPartner,
)
from models.gezinsplan_records import (
    AdulthoodDraft,
    EvaluationDraft,
    GezinsplanDraft,
    Gezinsplannen,
    GoalDraft,
    NetworkDraft,
    PartnerDraft,
    PartyDraft,
    RequiredParty,
)
from models.instruments import Instrument
from models.permissions import Permission
from models.records import ActionDraft

KIND = "gezinsplan"  # the dossier section that shows it (and what a change refreshes)


def _today() -> date:
    return date.today()


def _on(
    unlocked: Unlocked,
    find: Callable[[Session], uuid.UUID],
    work: Callable[[Session], object],
    detail: str,
    kinds: tuple[str, ...] = (KIND,),
) -> Changed:
    def run(session: Session) -> uuid.UUID:
        household_id = find(session)
        work(session)
        return household_id

    return change(unlocked, run, kinds=kinds, detail=detail)


def _plan(plan_id: uuid.UUID) -> Callable[[Session], uuid.UUID]:
    return lambda s: household_of(s, Gezinsplan, plan_id)


# --- reading --------------------------------------------------------------------------------


def plans(unlocked: Unlocked, household_id: uuid.UUID) -> Gezinsplannen:
    return read(unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.plans(s, household_id))


def plan_start(unlocked: Unlocked, household_id: uuid.UUID) -> GezinsplanDraft:
    """What the first version's form opens with (today, the aanmelding's question)."""
    return read(
        unlocked,
        Permission.WORK_ON_DOSSIERS,
        lambda s: service.plan_start(s, household_id, today=_today()),
    )


def required_parties(unlocked: Unlocked, plan_id: uuid.UUID, on: date) -> list[RequiredParty]:
    return read(
        unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.required_parties(s, plan_id, on)
    )


def turning_18(unlocked: Unlocked, plan_id: uuid.UUID) -> list[tuple[uuid.UUID, str, date]]:
    return read(unlocked, Permission.WORK_ON_DOSSIERS, lambda s: service.turning_18(s, plan_id))


def goal_instruments(unlocked: Unlocked) -> list[Instrument]:
    """The instruments a goal may be tied to (every one Teamtafel knows, the loaded ones
    too), by name and version."""
    return read(
        unlocked,
        Permission.WORK_ON_DOSSIERS,
        lambda s: sorted(zrm.instruments(s).values(), key=lambda i: (i.name, i.version)),
    )


def goal_targets(
    unlocked: Unlocked, person_id: uuid.UUID, instrument_code: str, instrument_version: str
) -> dict[str, int]:
    """The plan's targets for a member on an instrument: a new measurement's pre-fill."""
    return read(
        unlocked,
        Permission.WORK_ON_DOSSIERS,
        lambda s: service.goal_targets(s, person_id, instrument_code, instrument_version),
    )


# --- versions -------------------------------------------------------------------------------


def new_version(
    unlocked: Unlocked, household_id: uuid.UUID, draft: GezinsplanDraft | None = None
) -> Changed:
    """The first version (from ``draft``), or a new one as a copy of the vastgestelde."""
    return _on(
        unlocked,
        lambda _s: household_id,
        lambda s: service.new_version(s, household_id, draft, today=_today()),
        "nieuwe versie gezinsplan",
    )


def update_plan(unlocked: Unlocked, plan_id: uuid.UUID, draft: GezinsplanDraft) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.update_plan(s, plan_id, draft, today=_today()),
        "gezinsplan gewijzigd",
    )


def remove_concept(unlocked: Unlocked, plan_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.remove_concept(s, plan_id),
        "concept gezinsplan verwijderd",
    )


# --- goals and their actions ------------------------------------------------------------------


def add_goal(unlocked: Unlocked, plan_id: uuid.UUID, draft: GoalDraft) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.add_goal(s, plan_id, draft),
        "doel gezinsplan toegevoegd",
    )


def update_goal(unlocked: Unlocked, goal_id: uuid.UUID, draft: GoalDraft) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanGoal, goal_id),
        lambda s: service.update_goal(s, goal_id, draft),
        "doel gezinsplan gewijzigd",
    )


def remove_goal(unlocked: Unlocked, goal_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanGoal, goal_id),
        lambda s: service.remove_goal(s, goal_id),
        "doel gezinsplan verwijderd",
    )


def move_goal(unlocked: Unlocked, goal_id: uuid.UUID, step: int) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanGoal, goal_id),
        lambda s: service.move_goal(s, goal_id, step),
        "volgorde doelen gezinsplan",
    )


def add_goal_action(unlocked: Unlocked, goal_id: uuid.UUID, draft: ActionDraft) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanGoal, goal_id),
        lambda s: service.add_goal_action(s, goal_id, draft, today=_today()),
        "actie gezinsplan toegevoegd",
    )


def update_goal_action(
    unlocked: Unlocked, plan_action_id: uuid.UUID, draft: ActionDraft
) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanAction, plan_action_id),
        lambda s: service.update_goal_action(s, plan_action_id, draft, today=_today()),
        "actie gezinsplan gewijzigd",
    )


def remove_goal_action(unlocked: Unlocked, plan_action_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanAction, plan_action_id),
        lambda s: service.remove_goal_action(s, plan_action_id),
        "actie gezinsplan verwijderd",
    )


# --- network, organisations, 'na je 18e', evaluation dates -------------------------------------


def add_network(unlocked: Unlocked, plan_id: uuid.UUID, draft: NetworkDraft) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.add_network(s, plan_id, draft),
        "netwerk gezinsplan toegevoegd",
    )


def update_network(unlocked: Unlocked, network_id: uuid.UUID, draft: NetworkDraft) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanNetwork, network_id),
        lambda s: service.update_network(s, network_id, draft),
        "netwerk gezinsplan gewijzigd",
    )


def remove_network(unlocked: Unlocked, network_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanNetwork, network_id),
        lambda s: service.remove_network(s, network_id),
        "netwerk gezinsplan verwijderd",
    )


def add_partner(unlocked: Unlocked, plan_id: uuid.UUID, draft: PartnerDraft) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.add_partner(s, plan_id, draft),
        "organisatie gezinsplan toegevoegd",
    )


def update_partner(unlocked: Unlocked, partner_id: uuid.UUID, draft: PartnerDraft) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanPartner, partner_id),
        lambda s: service.update_partner(s, partner_id, draft),
        "organisatie gezinsplan gewijzigd",
    )


def remove_partner(unlocked: Unlocked, partner_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanPartner, partner_id),
        lambda s: service.remove_partner(s, partner_id),
        "organisatie gezinsplan verwijderd",
    )


def set_adulthood(unlocked: Unlocked, plan_id: uuid.UUID, draft: AdulthoodDraft) -> Changed:
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.set_adulthood(s, plan_id, draft),
        "na je 18e gezinsplan",
    )


def add_evaluation_date(unlocked: Unlocked, plan_id: uuid.UUID, planned_on: date) -> Changed:
    """An evaluation date of a concept; of a vastgestelde version an extra one (progress)."""

    def work(s: Session) -> object:
        plan = s.get(Gezinsplan, plan_id)
        if plan is not None and plan.settled_on is not None:
            return service.add_settled_evaluation_date(s, plan_id, planned_on, today=_today())
        return service.add_evaluation_date(s, plan_id, planned_on, today=_today())

    return _on(unlocked, _plan(plan_id), work, "evaluatiedatum gezinsplan")


def remove_evaluation_date(unlocked: Unlocked, evaluation_id: uuid.UUID) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanEvaluation, evaluation_id),
        lambda s: service.remove_evaluation_date(s, evaluation_id),
        "evaluatiedatum gezinsplan verwijderd",
    )


# --- agreeing, vaststellen, evaluating ----------------------------------------------------------


def set_parties(unlocked: Unlocked, plan_id: uuid.UUID, drafts: Sequence[PartyDraft]) -> Changed:
    """Record the agreements gathered so far (kept also when vaststellen is refused)."""
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.set_parties(s, plan_id, drafts, today=_today()),
        "akkoord gezinsplan vastgelegd",
    )


def settle(unlocked: Unlocked, plan_id: uuid.UUID, on: date) -> Changed:
    """Vaststellen: the version becomes read-only and its actions live."""
    return _on(
        unlocked,
        _plan(plan_id),
        lambda s: service.settle(s, plan_id, on, today=_today(), by=unlocked.actor.name),
        "gezinsplan vastgesteld",
        kinds=(KIND, ACTIONS),
    )


def record_evaluation(
    unlocked: Unlocked, evaluation_id: uuid.UUID, draft: EvaluationDraft
) -> Changed:
    return _on(
        unlocked,
        lambda s: household_of(s, PlanEvaluation, evaluation_id),
        lambda s: service.record_evaluation(
            s, evaluation_id, draft, today=_today(), by=unlocked.actor.name
        ),
        "evaluatie gezinsplan vastgelegd",
    )
