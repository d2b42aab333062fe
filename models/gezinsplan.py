"""The gezinsplan: one plan per household, made with the family, in versions.

A version is a *concept* until it is vastgesteld (:func:`settle`): then what was agreed — the
texts, the goals, who does what by when, the network, the organisations, the safety
agreements, the evaluation dates — is read-only, and a change is a new version
(:func:`new_version`) that starts as a copy of the latest vastgestelde one. Every version
stays readable; :func:`plans` marks what changed since the version before.

Progress is live and never makes a version. A goal's actions are typed on the version (rows
of ``gezinsplan_action``); vaststellen makes each of them a live :class:`~models.actions.Action`
(origin 'gezinsplan') or brings the live one in line, and keeps the status it had then on the
version's row. From then on the status of the live action is what changes (Acties, Te doen);
its what, who and by when belong to the plan (:func:`_locked`). The results of an evaluation
are recorded on the vastgestelde version they evaluate.

Who must agree (:func:`required_parties`) follows the age of each member on the day of
vaststellen: under 12 the parents with gezag; 12 to 16 the parents with gezag and the young
person; from 16 the young person alone; adults themselves.

Every row carries its household's id: the plan goes with the dossier (:func:`forget_household`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    delete,
    func,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from models import zrm
from models.actions import Action, _owner_names, check_action, only_the_owner, register_lock
from models.base import Base, Tracked, get_or_raise
from models.codelists import load_codelists
from models.entities import (
    Household,
    Measurement,
    MeasurementScore,
    Organisation,
    OrganisationContact,
    Person,
    Traject,
    _enum,
)
from models.enums import ActionOrigin, ActionOwner, ActionStatus
from models.errors import Rule, RuleViolation
from models.gezinsplan_records import (
    AdulthoodDraft,
    AdulthoodRecord,
    ChartSeries,
    EvaluationDraft,
    EvaluationRecord,
    GezinsplanDraft,
    Gezinsplannen,
    GezinsplanRecord,
    GoalChange,
    GoalDraft,
    GoalOutcome,
    GoalRecord,
    GoalResultDraft,
    GoalResultRecord,
    MeasuredLevel,
    NetworkDraft,
    NetworkRecord,
    PartnerDraft,
    PartnerRecord,
    PartyDraft,
    PartyRecord,
    PlanActionRecord,
    PlanPart,
    RequiredParty,
)
from models.records import ActionDraft, AgreementDraft, TodoItem, age_on, birthday, full_name
from models.rules import (
    GEZINSPLAN,
    GOALS_MAX,
    PLAN_ADULTHOOD,
    PLAN_GOAL,
    PLAN_NETWORK,
    PLAN_PARTNER,
    PLAN_PARTY,
    check_draft,
)
from models.safety_plan import current_agreements
from models.todo import regisseur_name, register_provider
from models.validation import Problem, ValidationError, check_date

# --- tables ------------------------------------------------------------------------------


class Gezinsplan(Tracked, Base):
    """One version of a household's gezinsplan; ``settled_on`` set: vastgesteld, read-only."""

    __tablename__ = "gezinsplan"
    __table_args__ = (UniqueConstraint("household_id", "version"),)

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    made_on: Mapped[date] = mapped_column(Date)
    situation: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    earlier_help: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    child_view: Mapped[str] = mapped_column(Text, default="")
    reach: Mapped[str] = mapped_column(String(200), default="")
    fgp_offered_on: Mapped[date | None] = mapped_column(Date)
    fgp_accepted: Mapped[bool | None] = mapped_column(Boolean)
    fgp_made_on: Mapped[date | None] = mapped_column(Date)
    fgp_note: Mapped[str] = mapped_column(String(200), default="")
    settled_on: Mapped[date | None] = mapped_column(Date)
    settled_by: Mapped[str] = mapped_column(String(120), default="")
    # the regisseur's name when it was vastgesteld (a concept shows the current one)
    regisseur: Mapped[str] = mapped_column(String(120), default="")

    goals: Mapped[list[PlanGoal]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanGoal.position"
    )
    network: Mapped[list[PlanNetwork]] = relationship(
        cascade="all, delete-orphan", order_by="PlanNetwork.position"
    )
    partners: Mapped[list[PlanPartner]] = relationship(
        cascade="all, delete-orphan", order_by="PlanPartner.position"
    )
    adulthood: Mapped[list[PlanAdulthood]] = relationship(cascade="all, delete-orphan")
    evaluations: Mapped[list[PlanEvaluation]] = relationship(
        cascade="all, delete-orphan", order_by="PlanEvaluation.planned_on"
    )
    parties: Mapped[list[PlanParty]] = relationship(cascade="all, delete-orphan")
    safety: Mapped[list[PlanSafety]] = relationship(
        cascade="all, delete-orphan", order_by="PlanSafety.position"
    )


class PlanGoal(Tracked, Base):
    """One goal of a version. ``key`` is the same goal in every version."""

    __tablename__ = "gezinsplan_goal"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    key: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(1000))
    # members as ids without a foreign key: a goal outlives a member leaving the household
    member_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    instrument_code: Mapped[str] = mapped_column(String(40), default="")
    instrument_version: Mapped[str] = mapped_column(String(20), default="")
    item_code: Mapped[str] = mapped_column(String(40), default="")
    target_level: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[Gezinsplan] = relationship(back_populates="goals")
    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="PlanAction.position"
    )


class PlanAction(Tracked, Base):
    """An action of a goal as a version holds it; ``action_id`` the live action it became at
    vaststellen, ``status_at_settle`` its status then."""

    __tablename__ = "gezinsplan_action"

    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan_goal.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(500))
    owner_kind: Mapped[ActionOwner] = mapped_column(_enum(ActionOwner))
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    network_name: Mapped[str] = mapped_column(String(120), default="")
    network_relation: Mapped[str] = mapped_column(String(80), default="")
    due_on: Mapped[date] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(300), default="")  # the name, kept at vaststellen
    action_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    status_at_settle: Mapped[ActionStatus | None] = mapped_column(_enum(ActionStatus))
    status_on_at_settle: Mapped[date | None] = mapped_column(Date)

    goal: Mapped[PlanGoal] = relationship(back_populates="actions")


class PlanNetwork(Tracked, Base):
    __tablename__ = "gezinsplan_network"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    relation: Mapped[str] = mapped_column(String(80), default="")
    role: Mapped[str] = mapped_column(String(300), default="")


class PlanPartner(Tracked, Base):
    """An organisation involved. Names kept as they were when added or vastgesteld, so an
    older version reads as it was agreed."""

    __tablename__ = "gezinsplan_partner"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    organisation_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    organisation: Mapped[str] = mapped_column(String(120), default="")
    contact: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(300), default="")


class PlanAdulthood(Tracked, Base):
    """'Na je 18e': what changes for a member turning 18, and who takes over."""

    __tablename__ = "gezinsplan_adulthood"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    what_changes: Mapped[str] = mapped_column(Text, default="")
    who_takes_over: Mapped[str] = mapped_column(String(200), default="")


class PlanEvaluation(Tracked, Base):
    """An evaluation date of a version, and — once held — what it found."""

    __tablename__ = "gezinsplan_evaluation"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    planned_on: Mapped[date] = mapped_column(Date, index=True)
    held_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    held_by: Mapped[str] = mapped_column(String(120), default="")

    results: Mapped[list[PlanGoalResult]] = relationship(cascade="all, delete-orphan")


class PlanGoalResult(Tracked, Base):
    __tablename__ = "gezinsplan_goal_result"

    evaluation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("gezinsplan_evaluation.id"), index=True
    )
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    goal_key: Mapped[uuid.UUID] = mapped_column(Uuid)
    outcome: Mapped[GoalOutcome] = mapped_column(_enum(GoalOutcome))
    what_happened: Mapped[str] = mapped_column(Text, default="")
    continues: Mapped[bool] = mapped_column(Boolean, default=True)


class PlanParty(Tracked, Base):
    """One person's agreement with a version (or why not)."""

    __tablename__ = "gezinsplan_party"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    name: Mapped[str] = mapped_column(String(300), default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_on: Mapped[date | None] = mapped_column(Date)
    agreed_how: Mapped[str] = mapped_column(String(40), default="")
    not_agreed_reason: Mapped[str] = mapped_column(Text, default="")
    chart_ok: Mapped[bool] = mapped_column(Boolean, default=False)


class PlanSafety(Tracked, Base):
    """A veiligheidsplan agreement as it was when the version was vastgesteld."""

    __tablename__ = "gezinsplan_safety"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gezinsplan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(200), default="")
    trigger: Mapped[str] = mapped_column(String(200), default="")
    checker: Mapped[str] = mapped_column(String(200), default="")
    network: Mapped[str] = mapped_column(String(200), default="")


TABLES = (
    PlanGoalResult,
    PlanEvaluation,
    PlanAction,
    PlanGoal,
    PlanNetwork,
    PlanPartner,
    PlanAdulthood,
    PlanParty,
    PlanSafety,
    Gezinsplan,
)  # children first: what :func:`forget_household` deletes, in this order


# --- helpers -------------------------------------------------------------------------------


def _raise(problems: dict[str, Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _ids(text: str) -> tuple[uuid.UUID, ...]:
    return tuple(uuid.UUID(part) for part in text.split(",") if part)


def _concept(session: Session, plan_id: uuid.UUID) -> Gezinsplan:
    """A version that may still change: refused once vastgesteld."""
    plan = get_or_raise(session, Gezinsplan, plan_id)
    if plan.settled_on is not None:
        raise RuleViolation(Rule.GEZINSPLAN_SETTLED)
    return plan


def _settled(session: Session, plan_id: uuid.UUID) -> Gezinsplan:
    plan = get_or_raise(session, Gezinsplan, plan_id)
    if plan.settled_on is None:
        raise RuleViolation(Rule.GEZINSPLAN_NOT_SETTLED)
    return plan


def _versions(session: Session, household_id: uuid.UUID) -> list[Gezinsplan]:
    return list(
        session.scalars(
            select(Gezinsplan)
            .where(Gezinsplan.household_id == household_id)
            .options(
                selectinload(Gezinsplan.goals).selectinload(PlanGoal.actions),
                selectinload(Gezinsplan.network),
                selectinload(Gezinsplan.partners),
                selectinload(Gezinsplan.adulthood),
                selectinload(Gezinsplan.evaluations).selectinload(PlanEvaluation.results),
                selectinload(Gezinsplan.parties),
                selectinload(Gezinsplan.safety),
            )
            .order_by(Gezinsplan.version.desc())
        )
    )


def _members(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, Person]:
    return {
        p.id: p for p in session.scalars(select(Person).where(Person.household_id == household_id))
    }


def _name(person: Person) -> str:
    return full_name(person.first_name, person.infix, person.last_name)


def current_regisseur(session: Session, household_id: uuid.UUID) -> str:
    """The current casusregisseur's name ('' without one)."""
    return session.scalar(select(regisseur_name(household_id))) or ""


# --- versions -------------------------------------------------------------------------------


def _check_plan(draft: GezinsplanDraft, today: date) -> None:
    problems = check_draft(GEZINSPLAN, draft)
    if problem := check_date(draft.made_on, not_after=today):
        problems.setdefault("made_on", problem)
    if draft.fgp_offered_on is not None and (
        problem := check_date(draft.fgp_offered_on, not_after=today)
    ):
        problems["fgp_offered_on"] = problem
    if draft.fgp_accepted is not None and draft.fgp_offered_on is None:
        problems["fgp_offered_on"] = Problem.REQUIRED  # an answer to an offer never made
    if draft.fgp_made_on is not None:
        if draft.fgp_accepted is not True:
            problems["fgp_made_on"] = Problem.UNKNOWN_CODE  # made, but not accepted
        elif problem := check_date(draft.fgp_made_on, not_after=today):
            problems["fgp_made_on"] = problem
        elif draft.fgp_offered_on and draft.fgp_made_on < draft.fgp_offered_on:
            problems["fgp_made_on"] = Problem.END_BEFORE_START
    _raise(problems)


def _apply_plan(plan: Gezinsplan, draft: GezinsplanDraft) -> None:
    plan.made_on = draft.made_on
    plan.situation = draft.situation.strip()
    plan.question = draft.question.strip()
    plan.earlier_help = draft.earlier_help.strip()
    plan.strengths = draft.strengths.strip()
    plan.concerns = draft.concerns.strip()
    plan.child_view = draft.child_view.strip()
    plan.reach = draft.reach.strip()
    plan.fgp_offered_on = draft.fgp_offered_on
    plan.fgp_accepted = draft.fgp_accepted
    plan.fgp_made_on = draft.fgp_made_on
    plan.fgp_note = draft.fgp_note.strip()


def plan_start(session: Session, household_id: uuid.UUID, *, today: date) -> GezinsplanDraft:
    """What the first version's form opens with: today, and the aanmelding's question."""
    question = session.scalar(
        select(Traject.question)
        .where(Traject.household_id == household_id, Traject.is_current.is_(True))
        .limit(1)
    )
    return GezinsplanDraft(made_on=today, question=question or "")


def new_version(
    session: Session,
    household_id: uuid.UUID,
    draft: GezinsplanDraft | None = None,
    *,
    today: date,
) -> uuid.UUID:
    """A concept version. The first starts from ``draft``; a later one is a copy of the
    latest vastgestelde version (its texts, goals with their actions, network, organisations,
    'na je 18e', the evaluation dates not yet held), dated ``today``. One concept at a time."""
    get_or_raise(session, Household, household_id)
    versions = _versions(session, household_id)
    if any(v.settled_on is None for v in versions):
        raise RuleViolation(Rule.GEZINSPLAN_CONCEPT_EXISTS)
    plan = Gezinsplan(household_id=household_id, version=versions[0].version + 1 if versions else 1)
    settled = next((v for v in versions if v.settled_on is not None), None)
    if settled is None:
        start = draft or plan_start(session, household_id, today=today)
        _check_plan(start, today)
        _apply_plan(plan, start)
    else:
        _apply_plan(plan, _plan_draft(settled))
        plan.made_on = draft.made_on if draft else today
        _check_plan(_plan_draft(plan), today)
        _copy(settled, plan)
    session.add(plan)
    session.flush()
    return plan.id


R = TypeVar("R", bound=Tracked)

# what a copy of a row does not take over: its identity, its place, who made it, and what
# vaststellen recorded on the version it came from
_NOT_COPIED = frozenset(
    {
        "id",
        "plan_id",
        "goal_id",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "status_at_settle",
        "status_on_at_settle",
    }
)


def _clone(row: R) -> R:
    """A new row of the same kind with the same content (see :data:`_NOT_COPIED`)."""
    columns = inspect(type(row)).column_attrs
    return type(row)(**{c.key: getattr(row, c.key) for c in columns if c.key not in _NOT_COPIED})


def _copy(source: Gezinsplan, plan: Gezinsplan) -> None:
    """What a new version takes over from the vastgestelde one: goals with their actions (the
    same live actions), network, organisations, 'na je 18e', the evaluation dates not held."""
    for goal in source.goals:
        copy = _clone(goal)
        copy.actions.extend(_clone(action) for action in goal.actions)
        plan.goals.append(copy)
    plan.network.extend(_clone(n) for n in source.network)
    plan.partners.extend(_clone(p) for p in source.partners)
    plan.adulthood.extend(_clone(a) for a in source.adulthood)
    plan.evaluations.extend(
        PlanEvaluation(household_id=e.household_id, planned_on=e.planned_on)
        for e in source.evaluations
        if e.held_on is None
    )


def update_plan(
    session: Session, plan_id: uuid.UUID, draft: GezinsplanDraft, *, today: date
) -> None:
    plan = _concept(session, plan_id)
    _check_plan(draft, today)
    _apply_plan(plan, draft)


def remove_concept(session: Session, plan_id: uuid.UUID) -> None:
    """Drop a concept that will not be agreed; a vastgestelde version is never removed.
    Nothing live changes: the concept's actions were not agreed yet."""
    session.delete(_concept(session, plan_id))
    session.flush()


# --- goals ----------------------------------------------------------------------------------


def _check_goal(session: Session, plan: Gezinsplan, draft: GoalDraft) -> None:
    problems = check_draft(PLAN_GOAL, draft)
    members = _members(session, plan.household_id)
    if any(m not in members for m in draft.member_ids):
        problems["member_ids"] = Problem.UNKNOWN_CODE
    elif len(set(draft.member_ids)) != len(draft.member_ids):
        problems["member_ids"] = Problem.DUPLICATE
    if draft.item_code or draft.instrument_code:
        instrument = zrm.instruments(session).get((draft.instrument_code, draft.instrument_version))
        if instrument is None or instrument.item(draft.item_code) is None:
            problems["item_code"] = Problem.UNKNOWN_CODE
        elif draft.target_level is not None and draft.target_level not in instrument.values():
            problems["target_level"] = Problem.LEVEL_OUT_OF_RANGE
    elif draft.target_level is not None:
        problems["target_level"] = Problem.UNKNOWN_CODE  # a target without an item
    _raise(problems)


def _apply_goal(goal: PlanGoal, draft: GoalDraft) -> None:
    goal.description = draft.description.strip()
    goal.member_ids = ",".join(str(m) for m in draft.member_ids)
    goal.instrument_code = draft.instrument_code if draft.item_code else ""
    goal.instrument_version = draft.instrument_version if draft.item_code else ""
    goal.item_code = draft.item_code
    goal.target_level = draft.target_level if draft.item_code else None


def add_goal(session: Session, plan_id: uuid.UUID, draft: GoalDraft) -> uuid.UUID:
    plan = _concept(session, plan_id)
    if len(plan.goals) >= GOALS_MAX:
        raise RuleViolation(Rule.GEZINSPLAN_TOO_MANY_GOALS)
    _check_goal(session, plan, draft)
    goal = PlanGoal(
        household_id=plan.household_id,
        key=uuid.uuid4(),
        position=max((g.position for g in plan.goals), default=0) + 1,
    )
    _apply_goal(goal, draft)
    plan.goals.append(goal)
    session.flush()
    return goal.id


def _concept_goal(session: Session, goal_id: uuid.UUID) -> tuple[Gezinsplan, PlanGoal]:
    goal = get_or_raise(session, PlanGoal, goal_id)
    return _concept(session, goal.plan_id), goal


def update_goal(session: Session, goal_id: uuid.UUID, draft: GoalDraft) -> None:
    plan, goal = _concept_goal(session, goal_id)
    _check_goal(session, plan, draft)
    _apply_goal(goal, draft)


def remove_goal(session: Session, goal_id: uuid.UUID) -> None:
    """Drop a goal from a concept; at vaststellen its live open actions lapse."""
    plan, goal = _concept_goal(session, goal_id)
    plan.goals.remove(goal)
    session.flush()  # the goal and its actions now, before anything else is removed


def move_goal(session: Session, goal_id: uuid.UUID, step: int) -> None:
    """Move a goal up (-1) or down (+1) in the concept's order."""
    plan, goal = _concept_goal(session, goal_id)
    goals = list(plan.goals)
    index = goals.index(goal)
    other = index + step
    if 0 <= other < len(goals):
        goals[index].position, goals[other].position = goals[other].position, goals[index].position


# --- a goal's actions -----------------------------------------------------------------------


def _apply_action(row: PlanAction, draft: ActionDraft) -> None:
    row.description = draft.description.strip()
    assert draft.due_on is not None
    row.due_on = draft.due_on
    only_the_owner(row, draft)


def add_goal_action(
    session: Session, goal_id: uuid.UUID, draft: ActionDraft, *, today: date
) -> uuid.UUID:
    """A new action of a concept's goal: an owner and a due date (not before today)."""
    plan, goal = _concept_goal(session, goal_id)
    _raise(check_action(session, plan.household_id, draft, not_before=today))
    row = PlanAction(
        household_id=plan.household_id,
        position=max((a.position for a in goal.actions), default=0) + 1,
    )
    _apply_action(row, draft)
    goal.actions.append(row)
    session.flush()
    return row.id


def update_goal_action(
    session: Session, plan_action_id: uuid.UUID, draft: ActionDraft, *, today: date
) -> None:
    """Change what, who or by when in a concept. An action that is not live yet is held to
    today as its earliest due date; an agreed one may keep a date in the past."""
    row = get_or_raise(session, PlanAction, plan_action_id)
    plan, _goal = _concept_goal(session, row.goal_id)
    not_before = None if row.action_id is not None else today
    _raise(check_action(session, plan.household_id, draft, not_before=not_before))
    _apply_action(row, draft)


def remove_goal_action(session: Session, plan_action_id: uuid.UUID) -> None:
    row = get_or_raise(session, PlanAction, plan_action_id)
    _plan, goal = _concept_goal(session, row.goal_id)
    goal.actions.remove(row)


def _draft_of(row: PlanAction | Action) -> ActionDraft:
    return ActionDraft(
        description=row.description,
        owner_kind=row.owner_kind,
        due_on=row.due_on,
        medewerker_id=row.medewerker_id,
        person_id=row.person_id,
        organisation_id=row.organisation_id,
        contact_id=row.contact_id,
        network_name=row.network_name,
        network_relation=row.network_relation,
    )


def _locked(session: Session, action: Action) -> None:
    """The what, who and by when of a plan's live action belong to the plan: changed in a
    new version, not in Acties. Its status may always change."""
    raise RuleViolation(Rule.GEZINSPLAN_ACTION_AGREED)


register_lock(ActionOrigin.GEZINSPLAN, _locked)


# --- network, organisations, 'na je 18e', evaluation dates -------------------------------------


def add_network(session: Session, plan_id: uuid.UUID, draft: NetworkDraft) -> uuid.UUID:
    plan = _concept(session, plan_id)
    _raise(check_draft(PLAN_NETWORK, draft))
    row = PlanNetwork(
        household_id=plan.household_id,
        position=max((n.position for n in plan.network), default=0) + 1,
    )
    _apply_network(row, draft)
    plan.network.append(row)
    session.flush()
    return row.id


def _apply_network(row: PlanNetwork, draft: NetworkDraft) -> None:
    row.name = draft.name.strip()
    row.relation = draft.relation.strip()
    row.role = draft.role.strip()


def update_network(session: Session, network_id: uuid.UUID, draft: NetworkDraft) -> None:
    row = get_or_raise(session, PlanNetwork, network_id)
    _concept(session, row.plan_id)
    _raise(check_draft(PLAN_NETWORK, draft))
    _apply_network(row, draft)


def remove_network(session: Session, network_id: uuid.UUID) -> None:
    row = get_or_raise(session, PlanNetwork, network_id)
    _concept(session, row.plan_id).network.remove(row)


def _apply_partner(session: Session, row: PlanPartner, draft: PartnerDraft, *, new: bool) -> None:
    problems = check_draft(PLAN_PARTNER, draft)
    organisation = (
        session.get(Organisation, draft.organisation_id) if draft.organisation_id else None
    )
    if draft.organisation_id is not None and organisation is None:
        problems["organisation_id"] = Problem.UNKNOWN_CODE
    elif organisation is not None and new and not organisation.active:
        problems["organisation_id"] = Problem.INACTIVE
    contact = session.get(OrganisationContact, draft.contact_id) if draft.contact_id else None
    if draft.contact_id is not None and (
        contact is None or organisation is None or contact.organisation_id != organisation.id
    ):
        problems["contact_id"] = Problem.UNKNOWN_CODE
    _raise(problems)
    assert organisation is not None
    row.organisation_id = organisation.id
    row.organisation = organisation.name
    row.contact_id = contact.id if contact else None
    row.contact = contact.name if contact else ""
    row.phone = contact.phone if contact else ""
    row.email = contact.email if contact else ""
    row.role = draft.role.strip()


def add_partner(session: Session, plan_id: uuid.UUID, draft: PartnerDraft) -> uuid.UUID:
    plan = _concept(session, plan_id)
    row = PlanPartner(
        household_id=plan.household_id,
        position=max((p.position for p in plan.partners), default=0) + 1,
    )
    _apply_partner(session, row, draft, new=True)
    if any(p.organisation_id == row.organisation_id for p in plan.partners):
        raise ValidationError({"organisation_id": Problem.DUPLICATE})
    plan.partners.append(row)
    session.flush()
    return row.id


def update_partner(session: Session, partner_id: uuid.UUID, draft: PartnerDraft) -> None:
    row = get_or_raise(session, PlanPartner, partner_id)
    plan = _concept(session, row.plan_id)
    if any(p.organisation_id == draft.organisation_id and p.id != row.id for p in plan.partners):
        raise ValidationError({"organisation_id": Problem.DUPLICATE})
    _apply_partner(session, row, draft, new=draft.organisation_id != row.organisation_id)


def remove_partner(session: Session, partner_id: uuid.UUID) -> None:
    row = get_or_raise(session, PlanPartner, partner_id)
    _concept(session, row.plan_id).partners.remove(row)


def plan_period_end(plan: Gezinsplan | GezinsplanRecord) -> date:
    """The end of the plan period: its last evaluation date, or a year after it was made."""
    made_on = plan.made_on if isinstance(plan, Gezinsplan) else plan.draft.made_on
    dates = [e.planned_on for e in plan.evaluations]
    return max([*dates, made_on + timedelta(days=365)])


def turning_18(session: Session, plan_id: uuid.UUID) -> list[tuple[uuid.UUID, str, date]]:
    """The members turning 18 within the plan period (from when it was made): who need a
    'na je 18e' part."""
    plan = get_or_raise(session, Gezinsplan, plan_id)
    end = plan_period_end(plan)
    found = []
    for person in _members(session, plan.household_id).values():
        if person.date_of_birth is None:
            continue
        eighteen = birthday(person.date_of_birth, 18)
        if plan.made_on <= eighteen <= end:
            found.append((person.id, _name(person), eighteen))
    return sorted(found, key=lambda f: f[2])


def set_adulthood(session: Session, plan_id: uuid.UUID, draft: AdulthoodDraft) -> uuid.UUID:
    """Write (or rewrite) a member's 'na je 18e' part; empty texts remove it."""
    plan = _concept(session, plan_id)
    problems = check_draft(PLAN_ADULTHOOD, draft)
    if draft.person_id not in _members(session, plan.household_id):
        problems["person_id"] = Problem.UNKNOWN_CODE
    _raise(problems)
    row = next((a for a in plan.adulthood if a.person_id == draft.person_id), None)
    if not draft.what_changes.strip() and not draft.who_takes_over.strip():
        if row is not None:
            plan.adulthood.remove(row)
        return draft.person_id
    if row is None:
        row = PlanAdulthood(household_id=plan.household_id, person_id=draft.person_id)
        plan.adulthood.append(row)
    row.what_changes = draft.what_changes.strip()
    row.who_takes_over = draft.who_takes_over.strip()
    session.flush()
    return row.id


def add_evaluation_date(
    session: Session, plan_id: uuid.UUID, planned_on: date, *, today: date
) -> uuid.UUID:
    plan = _concept(session, plan_id)
    if planned_on < min(plan.made_on, today):
        raise ValidationError({"planned_on": Problem.DATE_IN_PAST})
    if any(e.planned_on == planned_on for e in plan.evaluations):
        raise ValidationError({"planned_on": Problem.DUPLICATE})
    row = PlanEvaluation(household_id=plan.household_id, planned_on=planned_on)
    plan.evaluations.append(row)
    session.flush()
    return row.id


def remove_evaluation_date(session: Session, evaluation_id: uuid.UUID) -> None:
    row = get_or_raise(session, PlanEvaluation, evaluation_id)
    _concept(session, row.plan_id).evaluations.remove(row)


# --- agreeing and vaststellen ---------------------------------------------------------------


def required_parties(session: Session, plan_id: uuid.UUID, on: date) -> list[RequiredParty]:
    """Who must agree with the plan on ``on``, by each member's age and who has gezag:
    under 12 the parents with gezag; 12 to 16 the parents with gezag and the young person;
    from 16 the young person alone; adults themselves. A member living elsewhere is needed
    only as a parent with gezag. A member without a date of birth counts as a child of 12
    to 16 (both asked) unless they are a parent."""
    plan = get_or_raise(session, Gezinsplan, plan_id)
    members = _members(session, plan.household_id)
    gezag = [p for p in members.values() if p.gezag]
    needed: dict[uuid.UUID, list[str]] = {}

    def need(person: Person, reason: str) -> None:
        reasons = needed.setdefault(person.id, [])
        if reason not in reasons:
            reasons.append(reason)

    for person in members.values():
        if person.lives_elsewhere:
            continue
        age = age_on(person.date_of_birth, on) if person.date_of_birth else None
        if age is None and person.gezag:
            age = 18
        if age is not None and age >= 16:
            need(person, "volwassen" if age >= 18 else "16 jaar of ouder")
            continue
        if age is None or age >= 12:
            need(person, "12 tot 16 jaar")
        for parent in gezag:
            if parent.id != person.id:
                need(parent, "gezag")
    order = {p.id: (p.date_of_birth or date.max, _name(p)) for p in members.values()}
    return [
        RequiredParty(person_id, _name(members[person_id]), ", ".join(reasons))
        for person_id, reasons in sorted(needed.items(), key=lambda kv: order[kv[0]])
    ]


def set_parties(
    session: Session, plan_id: uuid.UUID, drafts: Sequence[PartyDraft], *, today: date
) -> None:
    """Record who agreed (when, how) or why not, and whose chart may be printed; a concept's
    agreements may be gathered over days before it is vastgesteld."""
    plan = _concept(session, plan_id)
    members = _members(session, plan.household_id)
    problems: dict[str, Problem] = {}
    codes = load_codelists()
    for d in drafts:
        key = f"party:{d.person_id}"
        if d.person_id not in members:
            problems[key] = Problem.UNKNOWN_CODE
        elif problem := next(iter(check_draft(PLAN_PARTY, d).values()), None):
            problems[key] = problem
        elif d.agreed_on is not None and (problem := check_date(d.agreed_on, not_after=today)):
            problems[key] = problem
        elif d.agreed_on is not None and not d.agreed_how:
            problems[key] = Problem.REQUIRED
        elif d.agreed_how and not codes.has("afspraakwijze", d.agreed_how):
            problems[key] = Problem.UNKNOWN_CODE
        elif d.agreed_how and d.agreed_on is None:
            problems[key] = Problem.REQUIRED
    _raise(problems)
    required = {r.person_id for r in required_parties(session, plan_id, plan.made_on)}
    kept = {p.person_id: p for p in plan.parties}
    for d in drafts:
        row = kept.pop(d.person_id, None)
        if row is None:
            row = PlanParty(household_id=plan.household_id, person_id=d.person_id)
            plan.parties.append(row)
        row.name = _name(members[d.person_id])
        row.required = d.person_id in required
        row.agreed_on = d.agreed_on
        row.agreed_how = d.agreed_how if d.agreed_on else ""
        row.not_agreed_reason = "" if d.agreed_on else d.not_agreed_reason.strip()
        row.chart_ok = d.chart_ok
    for row in kept.values():
        plan.parties.remove(row)


def missing_parties(session: Session, plan_id: uuid.UUID, on: date) -> list[RequiredParty]:
    """Who must still agree (or have a reason recorded) before the plan can be vastgesteld
    on ``on``: an agreement dated after that day was not there yet."""
    plan = get_or_raise(session, Gezinsplan, plan_id)
    return _missing(plan, required_parties(session, plan_id, on), on)


def _missing(plan: Gezinsplan, required: list[RequiredParty], on: date) -> list[RequiredParty]:
    recorded = {
        p.person_id
        for p in plan.parties
        if (p.agreed_on is not None and p.agreed_on <= on and p.agreed_how) or p.not_agreed_reason
    }
    return [r for r in required if r.person_id not in recorded]


def settle(session: Session, plan_id: uuid.UUID, on: date, *, today: date, by: str) -> None:
    """Vaststellen: from here on the version is read-only. Needs at least one goal, and an
    agreement (or a reason) of everyone :func:`required_parties` names on ``on``. Each
    action becomes live (or the live one takes the plan's what, who and by when); open live
    actions of goals that left the plan lapse. The veiligheidsplan's agreements and the
    regisseur's name are kept as they are today."""
    plan = _concept(session, plan_id)
    problem = check_date(on, not_after=today)
    if problem is None and on < plan.made_on:
        problem = Problem.END_BEFORE_START
    if problem:
        raise ValidationError({"settled_on": problem})
    if not plan.goals:
        raise RuleViolation(Rule.GEZINSPLAN_WITHOUT_GOALS)
    required = required_parties(session, plan_id, on)
    if _missing(plan, required, on):
        raise RuleViolation(Rule.GEZINSPLAN_AGREEMENTS_MISSING)
    previous = next(
        (v for v in _versions(session, plan.household_id) if v.settled_on is not None), None
    )
    kept: dict[uuid.UUID, Action] = {}
    rows = [row for goal in plan.goals for row in goal.actions]
    live = {
        a.id: a
        for a in session.scalars(
            select(Action).where(Action.id.in_([r.action_id for r in rows if r.action_id]))
        )
    }
    for goal in plan.goals:
        for row in goal.actions:
            action = live.get(row.action_id) if row.action_id else None
            if action is None:
                action = Action(
                    id=uuid.uuid4(),  # known now: no flush per action
                    household_id=plan.household_id,
                    status=ActionStatus.OPEN,
                    status_on=on,
                    origin=ActionOrigin.GEZINSPLAN,
                    origin_id=goal.key,
                )
                session.add(action)
            action.description = row.description
            action.due_on = row.due_on
            only_the_owner(action, _draft_of(row))
            action.origin_id = goal.key
            row.action_id = action.id
            row.status_at_settle = action.status
            row.status_on_at_settle = action.status_on
            kept[action.id] = action
    owners = _owner_names(session, list(kept.values()))
    for row in rows:
        assert row.action_id is not None
        row.owner = owners.get(row.action_id, "")
    if previous is not None:
        for goal in previous.goals:
            for row in goal.actions:
                if row.action_id and row.action_id not in kept:
                    action = session.get(Action, row.action_id)
                    if action is not None and action.status is ActionStatus.OPEN:
                        action.status = ActionStatus.VERVALLEN
                        action.status_on = on
    for position, agreement in enumerate(current_agreements(session, plan.household_id), 1):
        plan.safety.append(
            PlanSafety(
                household_id=plan.household_id,
                position=position,
                what=agreement.what,
                who=agreement.who,
                trigger=agreement.trigger,
                checker=agreement.checker,
                network=agreement.network,
            )
        )
    needed = {r.person_id for r in required}
    for party in plan.parties:
        party.required = party.person_id in needed
    plan.regisseur = current_regisseur(session, plan.household_id)
    plan.settled_on = on
    plan.settled_by = by


# --- evaluating -----------------------------------------------------------------------------


def record_evaluation(
    session: Session, evaluation_id: uuid.UUID, draft: EvaluationDraft, *, today: date, by: str
) -> None:
    """What an evaluation of a vastgestelde version found: progress, never a version. A
    held evaluation may be corrected (the history keeps what it said)."""
    row = get_or_raise(session, PlanEvaluation, evaluation_id)
    plan = _settled(session, row.plan_id)
    problems: dict[str, Problem] = {}
    if problem := check_date(draft.held_on, not_after=today):
        problems["held_on"] = problem
    elif draft.held_on < plan.settled_on:  # type: ignore[operator]  # settled: a date
        problems["held_on"] = Problem.END_BEFORE_START
    keys = {g.key for g in plan.goals}
    seen: set[uuid.UUID] = set()
    for result in draft.results:
        if result.goal_key not in keys or result.goal_key in seen:
            problems[f"goal:{result.goal_key}"] = Problem.UNKNOWN_CODE
        seen.add(result.goal_key)
    _raise(problems)
    row.held_on = draft.held_on
    row.note = draft.note.strip()
    row.held_by = by
    kept = {r.goal_key: r for r in row.results}
    for result in draft.results:
        target = kept.pop(result.goal_key, None)
        if target is None:
            target = PlanGoalResult(household_id=row.household_id, goal_key=result.goal_key)
            row.results.append(target)
        target.outcome = result.outcome
        target.what_happened = result.what_happened.strip()
        target.continues = result.continues
    for gone in kept.values():
        row.results.remove(gone)


def add_settled_evaluation_date(
    session: Session, plan_id: uuid.UUID, planned_on: date, *, today: date
) -> uuid.UUID:
    """An extra evaluation of a vastgestelde version (an evaluation moved earlier): the
    evaluation dates agreed stay as they were; this one is added as progress."""
    plan = _settled(session, plan_id)
    if planned_on < today:
        raise ValidationError({"planned_on": Problem.DATE_IN_PAST})
    row = PlanEvaluation(household_id=plan.household_id, planned_on=planned_on)
    plan.evaluations.append(row)
    session.flush()
    return row.id


# --- reading --------------------------------------------------------------------------------


def _plan_draft(plan: Gezinsplan) -> GezinsplanDraft:
    return GezinsplanDraft(
        made_on=plan.made_on,
        situation=plan.situation,
        question=plan.question,
        earlier_help=plan.earlier_help,
        strengths=plan.strengths,
        concerns=plan.concerns,
        child_view=plan.child_view,
        reach=plan.reach,
        fgp_offered_on=plan.fgp_offered_on,
        fgp_accepted=plan.fgp_accepted,
        fgp_made_on=plan.fgp_made_on,
        fgp_note=plan.fgp_note,
    )


def _goal_draft(goal: PlanGoal) -> GoalDraft:
    return GoalDraft(
        description=goal.description,
        member_ids=_ids(goal.member_ids),
        instrument_code=goal.instrument_code,
        instrument_version=goal.instrument_version,
        item_code=goal.item_code,
        target_level=goal.target_level,
    )


def _latest_levels(
    session: Session, household_id: uuid.UUID, goals: Iterable[PlanGoal]
) -> dict[tuple[uuid.UUID, str, str], tuple[int | None, date]]:
    """(person, instrument code, item) -> the latest level measured and when. Any version of
    the instrument counts: the item code is what a domain is known by."""
    items = {(g.instrument_code, g.item_code) for g in goals if g.item_code}
    if not items:
        return {}
    rows = session.execute(
        select(
            Measurement.person_id,
            Measurement.instrument_code,
            MeasurementScore.item_code,
            MeasurementScore.level,
            MeasurementScore.not_assessed,
            Measurement.measured_on,
        )
        .join(MeasurementScore, MeasurementScore.measurement_id == Measurement.id)
        .where(
            Measurement.household_id == household_id,
            Measurement.person_id.is_not(None),
            Measurement.instrument_code.in_({code for code, _ in items}),
        )
        .order_by(Measurement.measured_on, Measurement.created_at)
    )
    found: dict[tuple[uuid.UUID, str, str], tuple[int | None, date]] = {}
    for person_id, code, item, level, not_assessed, measured_on in rows:
        if person_id is not None and (code, item) in items:
            found[(person_id, code, item)] = (None if not_assessed else level, measured_on)
    return found


def _labels(session: Session, goal: PlanGoal) -> tuple[str, str, str]:
    """The item's name, its name in the family's words, and the instrument's name."""
    if not goal.item_code:
        return "", "", ""
    instrument = zrm.instruments(session).get((goal.instrument_code, goal.instrument_version))
    if instrument is None:
        return goal.item_code, goal.item_code, f"{goal.instrument_code} {goal.instrument_version}"
    item = instrument.item(goal.item_code)
    name = item.name if item else goal.item_code
    client = (item.client_name if item else "") or name
    return name, client, f"{instrument.name} {instrument.version}"


def _record(
    session: Session,
    plan: Gezinsplan,
    previous: Gezinsplan | None,
    names: dict[uuid.UUID, str],
    live: dict[uuid.UUID, Action],
    owners: dict[uuid.UUID, str],
    levels: dict[tuple[uuid.UUID, str, str], tuple[int | None, date]],
    newest_settled: bool,
) -> GezinsplanRecord:
    before = {g.key: g for g in previous.goals} if previous else {}
    goals = []
    for goal in plan.goals:
        draft = _goal_draft(goal)
        item_label, client_label, instrument_label = _labels(session, goal)
        actions = []
        for row in goal.actions:
            status: ActionStatus | None = None
            status_on: date | None = None
            action = live.get(row.action_id) if row.action_id else None
            owner = row.owner
            if plan.settled_on is None or newest_settled:
                # the newest version shows progress as it is now
                if action is not None:
                    status, status_on = action.status, action.status_on
                owner = owners.get(row.id, owner)
            else:
                status, status_on = row.status_at_settle, row.status_on_at_settle
            actions.append(
                PlanActionRecord(row.id, _draft_of(row), owner, row.action_id, status, status_on)
            )
        measured = tuple(
            MeasuredLevel(
                m,
                names.get(m, ""),
                *levels.get((m, goal.instrument_code, goal.item_code), (None, None)),
            )
            for m in draft.member_ids
            if goal.item_code
        )
        change = None
        if previous is not None:
            old = before.get(goal.key)
            if old is None:
                change = GoalChange.NEW
            elif _goal_draft(old) != draft or [_draft_of(a) for a in old.actions] != [
                _draft_of(a) for a in goal.actions
            ]:
                change = GoalChange.CHANGED
        goals.append(
            GoalRecord(
                id=goal.id,
                key=goal.key,
                position=goal.position,
                draft=draft,
                members=tuple(names.get(m, "(oud gezinslid)") for m in draft.member_ids),
                item_label=item_label,
                client_label=client_label,
                instrument_label=instrument_label,
                measured=measured,
                actions=tuple(actions),
                change=change,
            )
        )
    goal_names = {g.key: g.description for g in plan.goals}
    safety = (
        tuple(AgreementDraft(s.what, s.who, s.trigger, s.checker, s.network) for s in plan.safety)
        if plan.settled_on is not None
        else current_agreements(session, plan.household_id)
    )
    record = GezinsplanRecord(
        id=plan.id,
        household_id=plan.household_id,
        version=plan.version,
        draft=_plan_draft(plan),
        settled_on=plan.settled_on,
        settled_by=plan.settled_by,
        made_by=plan.created_by,
        regisseur=plan.regisseur or current_regisseur(session, plan.household_id),
        goals=tuple(goals),
        network=tuple(
            NetworkRecord(n.id, NetworkDraft(n.name, n.relation, n.role)) for n in plan.network
        ),
        partners=tuple(
            PartnerRecord(
                p.id,
                PartnerDraft(p.organisation_id, p.contact_id, p.role),
                p.organisation,
                p.contact,
                p.phone,
                p.email,
            )
            for p in plan.partners
        ),
        adulthood=tuple(
            AdulthoodRecord(
                a.id,
                AdulthoodDraft(a.person_id, a.what_changes, a.who_takes_over),
                names.get(a.person_id, "(oud gezinslid)"),
                None,
            )
            for a in plan.adulthood
        ),
        evaluations=tuple(
            EvaluationRecord(
                e.id,
                e.planned_on,
                e.held_on,
                e.note,
                tuple(
                    GoalResultRecord(
                        GoalResultDraft(r.goal_key, r.outcome, r.what_happened, r.continues),
                        goal_names.get(r.goal_key, ""),
                    )
                    for r in e.results
                ),
                e.held_by,
            )
            for e in plan.evaluations
        ),
        parties=tuple(
            PartyRecord(
                p.id,
                PartyDraft(p.person_id, p.agreed_on, p.agreed_how, p.not_agreed_reason, p.chart_ok),
                # a vastgestelde version names whoever agreed as they were named then
                p.name
                if plan.settled_on is not None and p.name
                else names.get(p.person_id, p.name),
                p.required,
            )
            for p in sorted(plan.parties, key=lambda p: (not p.required, p.name))
        ),
        safety=safety,
    )
    if previous is None:
        return record
    prev = _record_parts(previous, session)
    cur = _record_parts(plan, session)
    changed = frozenset(part for part in PlanPart if prev[part] != cur[part])
    removed = tuple(g.description for g in previous.goals if g.key not in goal_names)
    return replace(record, changed=changed, removed_goals=removed)


def _record_parts(plan: Gezinsplan, session: Session) -> dict[PlanPart, object]:
    """What each part of a version holds, to compare two versions."""
    safety = (
        tuple((s.what, s.who, s.trigger, s.checker, s.network) for s in plan.safety)
        if plan.settled_on is not None
        else tuple(
            (a.what, a.who, a.trigger, a.checker, a.network)
            for a in current_agreements(session, plan.household_id)
        )
    )
    return {
        PlanPart.SITUATION: (
            plan.situation,
            plan.question,
            plan.earlier_help,
            plan.strengths,
            plan.concerns,
            plan.child_view,
            plan.reach,
        ),
        PlanPart.GOALS: tuple(
            (g.key, _goal_draft(g), tuple(_draft_of(a) for a in g.actions)) for g in plan.goals
        ),
        PlanPart.NETWORK: tuple((n.name, n.relation, n.role) for n in plan.network),
        PlanPart.PARTNERS: tuple((p.organisation_id, p.contact_id, p.role) for p in plan.partners),
        PlanPart.SAFETY: safety,
        PlanPart.FAMILIEGROEPSPLAN: (
            plan.fgp_offered_on,
            plan.fgp_accepted,
            plan.fgp_made_on,
            plan.fgp_note,
        ),
        PlanPart.ADULTHOOD: tuple(
            sorted((str(a.person_id), a.what_changes, a.who_takes_over) for a in plan.adulthood)
        ),
        PlanPart.EVALUATION_DATES: tuple(sorted(e.planned_on for e in plan.evaluations)),
    }


def plans(session: Session, household_id: uuid.UUID) -> Gezinsplannen:
    """Every version of the household's gezinsplan, newest first, each marked with what
    changed since the version before it."""
    versions = _versions(session, household_id)
    if not versions:
        return Gezinsplannen()
    names = {m.id: _name(m) for m in _members(session, household_id).values()}
    live = {
        a.id: a
        for a in session.scalars(
            select(Action).where(
                Action.household_id == household_id, Action.origin == ActionOrigin.GEZINSPLAN
            )
        )
    }
    newest = {v.id for v in versions[:1]} | {
        next((v.id for v in versions if v.settled_on is not None), uuid.UUID(int=0))
    }
    concept_rows = [row for v in versions if v.id in newest for g in v.goals for row in g.actions]
    owner_names = _plan_owner_names(session, concept_rows)
    levels = _latest_levels(session, household_id, [g for v in versions for g in v.goals])
    records = []
    for index, plan in enumerate(versions):
        previous = next((v for v in versions[index + 1 :] if v.settled_on is not None), None)
        records.append(
            _record(
                session,
                plan,
                previous,
                names,
                live,
                owner_names,
                levels,
                newest_settled=plan.id in newest,
            )
        )
    return Gezinsplannen(tuple(records))


def _plan_owner_names(session: Session, rows: list[PlanAction]) -> dict[uuid.UUID, str]:
    """The owners of a version's action rows as shown now (a concept's are not live yet)."""
    if not rows:
        return {}
    probes = [
        Action(
            id=row.id,
            household_id=row.household_id,
            owner_kind=row.owner_kind,
            medewerker_id=row.medewerker_id,
            person_id=row.person_id,
            organisation_id=row.organisation_id,
            contact_id=row.contact_id,
            network_name=row.network_name,
            network_relation=row.network_relation,
        )
        for row in rows
    ]
    return _owner_names(session, probes)


def goal_targets(
    session: Session, person_id: uuid.UUID, instrument_code: str, instrument_version: str
) -> dict[str, int]:
    """The targets the current plan's goals set for a member on an instrument's items: what
    a new measurement's form is pre-filled with (nothing rewrites a stored measurement)."""
    person = session.get(Person, person_id)
    if person is None:
        return {}
    versions = _versions(session, person.household_id)
    plan = next((v for v in versions if v.settled_on is not None), None) or (
        versions[0] if versions else None
    )
    if plan is None:
        return {}
    return {
        g.item_code: g.target_level
        for g in plan.goals
        if g.item_code
        and g.target_level is not None
        and g.instrument_code == instrument_code
        and g.instrument_version == instrument_version
        and person_id in _ids(g.member_ids)
    }


def chart_series(session: Session, plan: GezinsplanRecord) -> list[ChartSeries]:
    """Per member who agreed to it: the domains their goals use, the latest level and the
    goal's target (the printed plan's 'nu en doel' chart)."""
    allowed = {p.draft.person_id for p in plan.parties if p.draft.chart_ok}
    series: dict[uuid.UUID, dict[str, tuple[str, int | None, int | None]]] = {}
    labels: dict[uuid.UUID, str] = {}
    names: dict[uuid.UUID, str] = {}
    for goal in plan.goals:
        if not goal.draft.item_code:
            continue
        for measured in goal.measured:
            if measured.person_id not in allowed:
                continue
            points = series.setdefault(measured.person_id, {})
            points[goal.draft.item_code] = (
                goal.client_label,
                measured.level,
                goal.draft.target_level,
            )
            labels[measured.person_id] = goal.instrument_label
            names[measured.person_id] = measured.name
    return [
        ChartSeries(person_id, names[person_id], labels[person_id], tuple(points.values()))
        for person_id, points in series.items()
    ]


def safety_in_plan(plan: GezinsplanRecord) -> bool:
    """Safety is part of the plan: it holds veiligheidsplan agreements."""
    return bool(plan.safety)


# --- the Te doen list and the AVG ---------------------------------------------------------

OVERDUE = "evaluatie_gezinsplan"  # the Te doen kind (models.wording.TODO_KIND)


def due_evaluations(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> list[TodoItem]:
    """Each evaluation date of a household's current (latest vastgestelde) plan that has
    passed without the evaluation being recorded."""
    newest = (
        select(Gezinsplan.household_id, func.max(Gezinsplan.version).label("version"))
        .where(Gezinsplan.settled_on.is_not(None))
        .group_by(Gezinsplan.household_id)
        .subquery()
    )
    regisseur = regisseur_name(Gezinsplan.household_id)
    stmt = (
        select(
            PlanEvaluation.planned_on,
            Household.id,
            Household.dossier_number,
            Household.name,
            Gezinsplan.version,
            regisseur,
        )
        .join(Gezinsplan, Gezinsplan.id == PlanEvaluation.plan_id)
        .join(
            newest,
            (newest.c.household_id == Gezinsplan.household_id)
            & (newest.c.version == Gezinsplan.version),
        )
        .join(Household, Household.id == Gezinsplan.household_id)
        .where(PlanEvaluation.held_on.is_(None), PlanEvaluation.planned_on < today)
    )
    if households is not None:
        stmt = stmt.where(Gezinsplan.household_id.in_(households))
    return [
        TodoItem(
            OVERDUE,
            household_id,
            number,
            name,
            f"gezinsplan versie {version}",
            planned_on,
            regisseur_text or "",
        )
        for planned_on, household_id, number, name, version, regisseur_text in session.execute(stmt)
    ]


register_provider(OVERDUE, due_evaluations)


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """Delete every gezinsplan row of a household that is destroyed (before the household
    itself: the rows point at it). No history: it goes with the dossier."""
    for table in TABLES:
        session.execute(delete(table).where(table.household_id == household_id))
