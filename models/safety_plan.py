"""Signs of Safety and the veiligheidsplan of a household.

Signs of Safety is kept over time: each record is a dated look at the three columns (zorgen,
wat gaat goed, wat moet er gebeuren) with the scale answers of whoever was asked. The
veiligheidsplan is versioned: a version is a concept until it is settled (agreed with the
parents, or recorded why not); from then on it is read-only, and a change is a new version
that starts from the latest settled one.

Every row carries its household's id: the correction history finds the dossier by it, and a
destroyed dossier takes its rows with it (:func:`forget_household`).
"""

from __future__ import annotations

import uuid
from datetime import date

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
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from models.base import Base, Tracked, get_or_raise
from models.codelists import load_codelists
from models.entities import Household, Person, _enum
from models.enums import MemberRole, Respondent
from models.errors import Rule, RuleViolation
from models.records import (
    AgreementDraft,
    AgreementRecord,
    PlanDraft,
    PlanSettlement,
    SafetyPlanRecord,
    SafetyPlans,
    ScaleAnswer,
    SignsOfSafetyDraft,
    SignsOfSafetyRecord,
    full_name,
)
from models.rules import (
    PLAN_SETTLED,
    SAFETY_AGREEMENT,
    SAFETY_PLAN,
    SCALE_MAX,
    SCALE_MIN,
    SIGNS_OF_SAFETY,
    check_draft,
)
from models.validation import Problem, ValidationError, check_date

# --- tables ------------------------------------------------------------------------------


class SignsOfSafety(Tracked, Base):
    """One dated Signs of Safety look at a household."""

    __tablename__ = "sos_assessment"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    worries: Mapped[str] = mapped_column(Text, default="")
    going_well: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")

    answers: Mapped[list[SignsOfSafetyAnswer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class SignsOfSafetyAnswer(Tracked, Base):
    """One scale answer (0–10): the team's, or a parent's or young person's.

    The member is an id without a foreign key: an answer outlives the member's removal
    from the household (it shows as a former member) and never blocks it.
    """

    __tablename__ = "sos_scale_answer"

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sos_assessment.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    respondent: Mapped[Respondent] = mapped_column(_enum(Respondent))
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    score: Mapped[int] = mapped_column(Integer)

    assessment: Mapped[SignsOfSafety] = relationship(back_populates="answers")


class SafetyPlan(Tracked, Base):
    """One version of a household's veiligheidsplan; ``agreed_on`` set: settled, read-only."""

    __tablename__ = "safety_plan"
    __table_args__ = (UniqueConstraint("household_id", "version"),)

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    made_on: Mapped[date] = mapped_column(Date)
    goal: Mapped[str] = mapped_column(Text, default="")  # wat moet er gebeuren
    agreed_on: Mapped[date | None] = mapped_column(Date)
    with_parents: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_how: Mapped[str] = mapped_column(String(40), default="")  # codelist afspraakwijze
    not_agreed_reason: Mapped[str] = mapped_column(Text, default="")

    agreements: Mapped[list[SafetyAgreement]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="SafetyAgreement.position"
    )


class SafetyAgreement(Tracked, Base):
    """One agreement: who does what when it becomes unsafe, who checks, who else is in it."""

    __tablename__ = "safety_agreement"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("safety_plan.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(200), default="")
    trigger: Mapped[str] = mapped_column(String(200), default="")
    checker: Mapped[str] = mapped_column(String(200), default="")
    network: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[SafetyPlan] = relationship(back_populates="agreements")


# --- Signs of Safety ---------------------------------------------------------------------


def _raise(problems: dict[str, Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _check_signs(
    session: Session, household_id: uuid.UUID, draft: SignsOfSafetyDraft, today: date
) -> None:
    problems = check_draft(SIGNS_OF_SAFETY, draft)
    if problem := check_date(draft.assessed_on, not_after=today):
        problems.setdefault("assessed_on", problem)
    members = {
        p.id: p.role
        for p in session.scalars(select(Person).where(Person.household_id == household_id))
    }
    seen: set[str] = set()
    for answer in draft.answers:
        if not SCALE_MIN <= answer.score <= SCALE_MAX:
            problems[answer.key] = Problem.SCALE_0_10
        elif answer.key in seen:
            problems[answer.key] = Problem.DUPLICATE
        elif (answer.respondent is Respondent.TEAM) != (answer.person_id is None):
            problems[answer.key] = Problem.UNKNOWN_CODE  # the team names no member; others do
        elif answer.person_id is not None and answer.person_id not in members:
            problems[answer.key] = Problem.UNKNOWN_CODE
        seen.add(answer.key)
    _raise(problems)


def _apply_signs(record: SignsOfSafety, draft: SignsOfSafetyDraft) -> None:
    record.assessed_on = draft.assessed_on
    record.worries = draft.worries.strip()
    record.going_well = draft.going_well.strip()
    record.next_steps = draft.next_steps.strip()
    kept = {(a.person_id, a.respondent): a for a in record.answers}
    wanted = {(a.person_id, a.respondent): a for a in draft.answers}
    for key, answer in kept.items():
        if key not in wanted:
            record.answers.remove(answer)  # the history keeps it
    for key, given in wanted.items():
        if key in kept:
            kept[key].score = given.score
        else:
            record.answers.append(
                SignsOfSafetyAnswer(
                    household_id=record.household_id,
                    respondent=given.respondent,
                    person_id=given.person_id,
                    score=given.score,
                )
            )


def record_signs(
    session: Session,
    household_id: uuid.UUID,
    draft: SignsOfSafetyDraft,
    *,
    today: date | None = None,
) -> uuid.UUID:
    _check_signs(session, household_id, draft, today or date.today())
    get_or_raise(session, Household, household_id)
    record = SignsOfSafety(household_id=household_id)
    session.add(record)
    _apply_signs(record, draft)
    session.flush()
    return record.id


def correct_signs(
    session: Session, signs_id: uuid.UUID, draft: SignsOfSafetyDraft, *, today: date | None = None
) -> None:
    """A correction of what was recorded that day; the history keeps what it said."""
    record = get_or_raise(session, SignsOfSafety, signs_id)
    _check_signs(session, record.household_id, draft, today or date.today())
    _apply_signs(record, draft)


def remove_signs(session: Session, signs_id: uuid.UUID) -> None:
    session.delete(get_or_raise(session, SignsOfSafety, signs_id))


def respondent_of(role: MemberRole) -> Respondent:
    """Who a member is when asked the scale question: a parent, or else a young person."""
    return Respondent.OUDER if role is MemberRole.OUDER else Respondent.JONGERE


def _names(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, str]:
    return {
        p.id: full_name(p.first_name, p.infix, p.last_name)
        for p in session.scalars(select(Person).where(Person.household_id == household_id))
    }


def _signs_record(record: SignsOfSafety, names: dict[uuid.UUID, str]) -> SignsOfSafetyRecord:
    order = {Respondent.TEAM: 0, Respondent.OUDER: 1, Respondent.JONGERE: 2}
    answers = sorted(
        record.answers,
        key=lambda a: (order[a.respondent], names.get(a.person_id or uuid.UUID(int=0), "")),
    )
    return SignsOfSafetyRecord(
        id=record.id,
        draft=SignsOfSafetyDraft(
            assessed_on=record.assessed_on,
            worries=record.worries,
            going_well=record.going_well,
            next_steps=record.next_steps,
            answers=tuple(ScaleAnswer(a.respondent, a.score, a.person_id) for a in answers),
        ),
        recorded_by=record.created_by,
        names=names,
    )


def list_signs(session: Session, household_id: uuid.UUID) -> list[SignsOfSafetyRecord]:
    """Every Signs of Safety of the household, newest first."""
    names = _names(session, household_id)
    records = session.scalars(
        select(SignsOfSafety)
        .where(SignsOfSafety.household_id == household_id)
        .options(selectinload(SignsOfSafety.answers))
        .order_by(SignsOfSafety.assessed_on.desc(), SignsOfSafety.created_at.desc())
    )
    return [_signs_record(r, names) for r in records]


def latest_next_steps(session: Session, household_id: uuid.UUID) -> str:
    """'Wat moet er gebeuren' of the latest Signs of Safety: what a new plan version starts from."""
    text = session.scalar(
        select(SignsOfSafety.next_steps)
        .where(SignsOfSafety.household_id == household_id)
        .where(SignsOfSafety.next_steps != "")
        .order_by(SignsOfSafety.assessed_on.desc(), SignsOfSafety.created_at.desc())
        .limit(1)
    )
    return text or ""


# --- the veiligheidsplan -------------------------------------------------------------------


def _concept(session: Session, plan_id: uuid.UUID) -> SafetyPlan:
    """A version that may still change: refused once it is settled."""
    plan = get_or_raise(session, SafetyPlan, plan_id)
    if plan.agreed_on is not None:
        raise RuleViolation(Rule.PLAN_AGREED)
    return plan


def _versions(session: Session, household_id: uuid.UUID) -> list[SafetyPlan]:
    return list(
        session.scalars(
            select(SafetyPlan)
            .where(SafetyPlan.household_id == household_id)
            .options(selectinload(SafetyPlan.agreements))
            .order_by(SafetyPlan.version.desc())
        )
    )


def new_plan_version(
    session: Session, household_id: uuid.UUID, draft: PlanDraft, *, today: date | None = None
) -> uuid.UUID:
    """A concept version: a copy of the latest settled version's agreements, with the aim
    the user gave (offered from the latest 'wat moet er gebeuren', see :func:`plan_start`).
    One concept at a time."""
    problems = check_draft(SAFETY_PLAN, draft)
    if problem := check_date(draft.made_on, not_after=today or date.today()):
        problems.setdefault("made_on", problem)
    _raise(problems)
    get_or_raise(session, Household, household_id)
    versions = _versions(session, household_id)
    if any(v.agreed_on is None for v in versions):
        raise RuleViolation(Rule.PLAN_CONCEPT_EXISTS)
    settled = next((v for v in versions if v.agreed_on is not None), None)
    plan = SafetyPlan(
        household_id=household_id,
        version=(versions[0].version + 1) if versions else 1,
        made_on=draft.made_on,
        goal=draft.goal.strip(),
    )
    for agreement in settled.agreements if settled else []:
        plan.agreements.append(
            SafetyAgreement(
                household_id=household_id,
                position=agreement.position,
                what=agreement.what,
                who=agreement.who,
                trigger=agreement.trigger,
                checker=agreement.checker,
                network=agreement.network,
            )
        )
    session.add(plan)
    session.flush()
    return plan.id


def plan_start(
    session: Session, household_id: uuid.UUID, *, today: date | None = None
) -> PlanDraft:
    """What a new version's form opens with: today, and the latest 'wat moet er gebeuren'
    (or, without a Signs of Safety, the aim of the latest version)."""
    goal = latest_next_steps(session, household_id)
    if not goal:
        versions = _versions(session, household_id)
        goal = versions[0].goal if versions else ""
    return PlanDraft(made_on=today or date.today(), goal=goal)


def update_plan(
    session: Session, plan_id: uuid.UUID, draft: PlanDraft, *, today: date | None = None
) -> None:
    plan = _concept(session, plan_id)
    problems = check_draft(SAFETY_PLAN, draft)
    if problem := check_date(draft.made_on, not_after=today or date.today()):
        problems.setdefault("made_on", problem)
    _raise(problems)
    plan.made_on = draft.made_on
    plan.goal = draft.goal.strip()


def _apply_agreement(agreement: SafetyAgreement, draft: AgreementDraft) -> None:
    _raise(check_draft(SAFETY_AGREEMENT, draft))
    agreement.what = draft.what.strip()
    agreement.who = draft.who.strip()
    agreement.trigger = draft.trigger.strip()
    agreement.checker = draft.checker.strip()
    agreement.network = draft.network.strip()


def add_agreement(session: Session, plan_id: uuid.UUID, draft: AgreementDraft) -> uuid.UUID:
    plan = _concept(session, plan_id)
    agreement = SafetyAgreement(
        household_id=plan.household_id,
        position=max((a.position for a in plan.agreements), default=0) + 1,
    )
    _apply_agreement(agreement, draft)
    plan.agreements.append(agreement)
    session.flush()
    return agreement.id


def update_agreement(session: Session, agreement_id: uuid.UUID, draft: AgreementDraft) -> None:
    agreement = get_or_raise(session, SafetyAgreement, agreement_id)
    _concept(session, agreement.plan_id)
    _apply_agreement(agreement, draft)


def remove_agreement(session: Session, agreement_id: uuid.UUID) -> None:
    agreement = get_or_raise(session, SafetyAgreement, agreement_id)
    plan = _concept(session, agreement.plan_id)
    plan.agreements.remove(agreement)


def settle_plan(
    session: Session, plan_id: uuid.UUID, settlement: PlanSettlement, *, today: date | None = None
) -> None:
    """Settle a concept: agreed with the parents (on a date, in a way), or recorded why not.
    From here on the version is read-only."""
    plan = _concept(session, plan_id)
    problems = check_draft(PLAN_SETTLED, settlement)
    if problem := check_date(settlement.agreed_on, not_after=today or date.today()):
        problems.setdefault("agreed_on", problem)
    elif settlement.agreed_on < plan.made_on:
        problems.setdefault("agreed_on", Problem.END_BEFORE_START)
    if settlement.with_parents:
        if not settlement.agreed_how:
            problems["agreed_how"] = Problem.REQUIRED
        elif not load_codelists().has("afspraakwijze", settlement.agreed_how):
            problems["agreed_how"] = Problem.UNKNOWN_CODE
    elif not settlement.not_agreed_reason.strip():
        problems["not_agreed_reason"] = Problem.REQUIRED
    _raise(problems)
    if not plan.agreements:
        raise RuleViolation(Rule.PLAN_WITHOUT_AGREEMENTS)
    plan.agreed_on = settlement.agreed_on
    plan.with_parents = settlement.with_parents
    plan.agreed_how = settlement.agreed_how if settlement.with_parents else ""
    plan.not_agreed_reason = "" if settlement.with_parents else settlement.not_agreed_reason.strip()


def remove_concept(session: Session, plan_id: uuid.UUID) -> None:
    """Drop a concept version that will not be agreed; a settled version is never removed."""
    session.delete(_concept(session, plan_id))


def _plan_record(plan: SafetyPlan) -> SafetyPlanRecord:
    settlement = None
    if plan.agreed_on is not None:
        settlement = PlanSettlement(
            plan.agreed_on, plan.with_parents, plan.agreed_how, plan.not_agreed_reason
        )
    return SafetyPlanRecord(
        id=plan.id,
        version=plan.version,
        made_on=plan.made_on,
        goal=plan.goal,
        agreements=tuple(
            AgreementRecord(a.id, AgreementDraft(a.what, a.who, a.trigger, a.checker, a.network))
            for a in plan.agreements
        ),
        settlement=settlement,
        made_by=plan.created_by,
    )


def safety_plans(session: Session, household_id: uuid.UUID) -> SafetyPlans:
    """Every version of the household's veiligheidsplan, newest first."""
    return SafetyPlans(tuple(_plan_record(p) for p in _versions(session, household_id)))


def current_agreements(session: Session, household_id: uuid.UUID) -> tuple[AgreementDraft, ...]:
    """The agreements of the veiligheidsplan that holds now (the latest settled version):
    what the gezinsplan shows. Empty without one; a concept does not count yet."""
    current = safety_plans(session, household_id).current
    return tuple(a.draft for a in current.agreements) if current else ()


# --- the AVG -------------------------------------------------------------------------------


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """Delete every Signs of Safety and veiligheidsplan row of a household that is destroyed
    (before the household itself: the rows point at it). No history: it goes with the dossier."""
    for table in (SafetyAgreement, SafetyPlan, SignsOfSafetyAnswer, SignsOfSafety):
        session.execute(delete(table).where(table.household_id == household_id))


def answer_owners(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID | None]:
    """Whose each scale answer is (None: the team's): for the inzage of one member."""
    return dict(
        session.execute(
            select(SignsOfSafetyAnswer.id, SignsOfSafetyAnswer.person_id).where(
                SignsOfSafetyAnswer.household_id == household_id
            )
        ).all()
    )
