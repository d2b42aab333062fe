"""Risicotaxatie: a child's or a household's safety assessed on the built-in factor list,
concluded, and checked by a second pair of eyes.

A taxatie is a *concept* while it is typed in (anything may stay open); *ter toetsing* once
its author concludes it (every factor answered, safety, risk and onderbouwing given; from
then on it is locked); *getoetst* once a colleague — never the author — agreed or recorded a
view of their own. The conclusion sets the next re-assessment date, by the team's settings.

The safety the household list shows is kept in :class:`HouseholdSafety`, one row per
household, refreshed by a flush hook whenever a taxatie (or a member) changes: the list
joins it on its primary key instead of working it out for every row.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    and_,
    event,
    select,
)
from sqlalchemy.orm import Mapped, Session, backref, mapped_column, relationship

from models import settings
from models.base import Base, Tracked, UtcDateTime, get_or_raise, utc_now
from models.entities import (
    Household,
    Medewerker,
    Person,
    RegisseurAssignment,
    Traject,
    _enum,
)
from models.enums import (
    OPEN_PHASES,
    FactorAnswer,
    MemberRole,
    Risk,
    Safety,
    TaxatieState,
    Verdict,
)
from models.errors import Rule, RuleViolation
from models.permissions import Actor
from models.records import (
    FactorDraft,
    ReviewDraft,
    RiskFactor,
    RiskGroup,
    RiskInstrument,
    SafetyOverview,
    SafetyStatus,
    TaxatieDraft,
    TaxatieRecord,
    TodoItem,
    full_name,
)
from models.rules import (
    FACTOR_REMARK,
    REASSESS_ACUUT_WEEKS,
    REASSESS_ONVEILIG_WEEKS,
    REASSESS_VEILIG_WEEKS,
    REASSESS_ZORGELIJK_WEEKS,
    REVIEW,
    REVIEW_BY_GEDRAGSWETENSCHAPPER,
    TAXATIE,
    check_draft,
)
from models.todo import counted_households, register_provider
from models.validation import Problem, ValidationError, check_date

GEDRAGSWETENSCHAPPER = "gedragswetenschapper"  # codelists: discipline
REASSESSMENT = "hertaxatie"  # the Te doen kind (models.wording.TODO_KIND)

REASSESS_SETTING = {
    Safety.ACUUT_ONVEILIG: REASSESS_ACUUT_WEEKS,
    Safety.ONVEILIG: REASSESS_ONVEILIG_WEEKS,
    Safety.ZORGELIJK: REASSESS_ZORGELIJK_WEEKS,
    Safety.VEILIG: REASSESS_VEILIG_WEEKS,
}


# --- tables ----------------------------------------------------------------------------


class Taxatie(Tracked, Base):
    """One risicotaxatie of a child (``person_id``) or of the whole household (None)."""

    __tablename__ = "taxatie"
    __table_args__ = (
        Index("ix_taxatie_household_assessed", "household_id", "assessed_on"),
        # every column the Te doen counter reads, in its grouping order (migration 0021)
        Index(
            "ix_taxatie_latest",
            "household_id",
            "person_id",
            "state",
            "assessed_on",
            "created_at",
            "id",
            "next_due",
        ),
    )

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    instrument_code: Mapped[str] = mapped_column(String(40))
    instrument_version: Mapped[str] = mapped_column(String(20))
    assessed_on: Mapped[date] = mapped_column(Date)
    state: Mapped[TaxatieState] = mapped_column(_enum(TaxatieState))
    safety: Mapped[Safety | None] = mapped_column(_enum(Safety))
    risk: Mapped[Risk | None] = mapped_column(_enum(Risk))
    onderbouwing: Mapped[str] = mapped_column(Text, default="")
    author_account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    author_login: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(120))
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    submitted_account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    submitted_by: Mapped[str] = mapped_column(String(64), default="")
    reviewer_account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reviewer_login: Mapped[str] = mapped_column(String(64), default="")
    reviewer_name: Mapped[str] = mapped_column(String(120), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    verdict: Mapped[Verdict | None] = mapped_column(_enum(Verdict))
    reviewer_view: Mapped[str] = mapped_column(Text, default="")
    reviewer_safety: Mapped[Safety | None] = mapped_column(_enum(Safety))
    next_due: Mapped[date | None] = mapped_column(Date)

    # Destroyed with the household, removed with the member (as a member's ZRMs are).
    household: Mapped[Household] = relationship(
        backref=backref("taxaties", cascade="all, delete-orphan")
    )
    person: Mapped[Person | None] = relationship(
        backref=backref("taxaties", cascade="all, delete-orphan")
    )
    factors: Mapped[list[TaxatieFactor]] = relationship(
        back_populates="taxatie", cascade="all, delete-orphan"
    )


class TaxatieFactor(Tracked, Base):
    """One factor's answer; carries its household, so its correction history goes with it."""

    __tablename__ = "taxatie_factor"

    taxatie_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("taxatie.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    item_code: Mapped[str] = mapped_column(String(40))
    answer: Mapped[FactorAnswer | None] = mapped_column(_enum(FactorAnswer))
    remark: Mapped[str] = mapped_column(Text, default="")

    taxatie: Mapped[Taxatie] = relationship(back_populates="factors")


class HouseholdSafety(Base):
    """The household list's safety column, kept up to date (see :func:`_refresh_statuses`)."""

    __tablename__ = "household_safety"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), primary_key=True)
    safety: Mapped[Safety | None] = mapped_column(_enum(Safety))
    concept: Mapped[bool] = mapped_column(Boolean, default=False)
    last_on: Mapped[date | None] = mapped_column(Date)
    next_due: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household] = relationship(
        backref=backref("safety_row", cascade="all, delete-orphan", uselist=False)
    )


# --- the built-in instrument -------------------------------------------------------------


@cache
def instrument() -> RiskInstrument:
    """The shipped factor list (our own wording), ``resources/risicotaxatie.json``."""
    text = resources.files("resources").joinpath("risicotaxatie.json").read_text("utf-8")
    data = json.loads(text)
    groups = tuple(
        RiskGroup(
            group["code"],
            group["title"],
            tuple(
                RiskFactor(f["code"], group["code"], f["kind"] == "beschermend", f["text"])
                for f in group["factors"]
            ),
        )
        for group in data["groups"]
    )
    return RiskInstrument(data["code"], str(data["version"]), data["name"], groups)


# --- reading --------------------------------------------------------------------------------


def _record(taxatie: Taxatie) -> TaxatieRecord:
    person = taxatie.person
    return TaxatieRecord(
        id=taxatie.id,
        household_id=taxatie.household_id,
        person_id=taxatie.person_id,
        subject=full_name(person.first_name, person.infix, person.last_name) if person else "",
        instrument_code=taxatie.instrument_code,
        instrument_version=taxatie.instrument_version,
        state=taxatie.state,
        draft=TaxatieDraft(
            taxatie.person_id,
            taxatie.assessed_on,
            tuple(
                FactorDraft(f.item_code, f.answer, f.remark)
                for f in sorted(taxatie.factors, key=lambda f: _factor_order(f.item_code))
            ),
            taxatie.safety,
            taxatie.risk,
            taxatie.onderbouwing,
        ),
        author_login=taxatie.author_login,
        author_name=taxatie.author_name,
        submitted_at=taxatie.submitted_at,
        submitted_by=taxatie.submitted_by,
        reviewer_login=taxatie.reviewer_login,
        reviewer_name=taxatie.reviewer_name,
        reviewed_at=taxatie.reviewed_at,
        verdict=taxatie.verdict,
        reviewer_view=taxatie.reviewer_view,
        reviewer_safety=taxatie.reviewer_safety,
        next_due=taxatie.next_due,
    )


def _factor_order(code: str) -> int:
    codes = [f.code for f in instrument().factors]
    return codes.index(code) if code in codes else len(codes)


def list_taxaties(session: Session, household_id: uuid.UUID) -> list[TaxatieRecord]:
    """Every taxatie of the household, newest first."""
    stmt = (
        select(Taxatie)
        .where(Taxatie.household_id == household_id)
        .order_by(Taxatie.assessed_on.desc(), Taxatie.created_at.desc())
    )
    return [_record(t) for t in session.scalars(stmt)]


def get_taxatie(session: Session, taxatie_id: uuid.UUID) -> TaxatieRecord:
    return _record(get_or_raise(session, Taxatie, taxatie_id))


# --- checking ---------------------------------------------------------------------------------


def _validate(session: Session, household_id: uuid.UUID, draft: TaxatieDraft, today: date) -> None:
    """What every save checks, a concept too: the shape of what was typed."""
    problems = check_draft(TAXATIE, draft)
    if draft.assessed_on is None:
        problems["assessed_on"] = Problem.REQUIRED
    elif problem := check_date(draft.assessed_on, not_after=today):
        problems["assessed_on"] = problem
    known = instrument()
    for factor in draft.factors:
        if known.factor(factor.code) is None:
            problems[f"factor:{factor.code}"] = Problem.UNKNOWN_CODE
        elif problem := FACTOR_REMARK.check(factor.remark):
            problems[f"remark:{factor.code}"] = problem
    if problems:
        raise ValidationError(problems)
    if draft.person_id is not None:
        person = get_or_raise(session, Person, draft.person_id)
        if person.household_id != household_id or person.role is not MemberRole.KIND:
            raise RuleViolation(Rule.TAXATIE_SUBJECT)


def missing(draft: TaxatieDraft) -> list[str]:
    """What a taxatie still lacks before it can be concluded (field keys; empty: complete)."""
    lacking = [
        f"factor:{f.code}"
        for f in instrument().factors
        if (answer := draft.answer(f.code)) is None or answer.answer is None
    ]
    if draft.safety is None:
        lacking.append("safety")
    if draft.risk is None:
        lacking.append("risk")
    if not draft.onderbouwing.strip():
        lacking.append("onderbouwing")
    return lacking


# --- writing ----------------------------------------------------------------------------------


def _apply(taxatie: Taxatie, draft: TaxatieDraft) -> None:
    assert draft.assessed_on is not None
    taxatie.person_id = draft.person_id
    taxatie.assessed_on = draft.assessed_on
    taxatie.safety = draft.safety
    taxatie.risk = draft.risk
    taxatie.onderbouwing = draft.onderbouwing.strip()
    existing = {f.item_code: f for f in taxatie.factors}
    wanted = {f.code: f for f in draft.factors if f.answer is not None or f.remark.strip()}
    for code, row in existing.items():
        if code not in wanted:
            taxatie.factors.remove(row)
    for code, factor in wanted.items():
        found = existing.get(code)
        if found is None:
            found = TaxatieFactor(item_code=code, household_id=taxatie.household_id)
            taxatie.factors.append(found)
        found.answer, found.remark = factor.answer, factor.remark.strip()


def _concept(session: Session, taxatie_id: uuid.UUID) -> Taxatie:
    taxatie = get_or_raise(session, Taxatie, taxatie_id)
    if taxatie.state is not TaxatieState.CONCEPT:
        raise RuleViolation(Rule.TAXATIE_LOCKED)
    return taxatie


def save_concept(
    session: Session,
    household_id: uuid.UUID,
    draft: TaxatieDraft,
    author: Actor,
    *,
    taxatie_id: uuid.UUID | None = None,
    today: date | None = None,
) -> uuid.UUID:
    """A new concept, or a concept changed; returns its id. Incomplete is fine here."""
    _validate(session, household_id, draft, today or date.today())
    if taxatie_id is None:
        get_or_raise(session, Household, household_id)
        code = instrument()
        taxatie = Taxatie(
            household_id=household_id,
            instrument_code=code.code,
            instrument_version=code.version,
            state=TaxatieState.CONCEPT,
            author_account_id=author.account_id,
            author_login=author.login,
            author_name=author.name,
        )
        session.add(taxatie)
    else:
        taxatie = _concept(session, taxatie_id)
        if taxatie.household_id != household_id:
            raise RuleViolation(Rule.TAXATIE_SUBJECT)
    _apply(taxatie, draft)
    session.flush()
    return taxatie.id


def reassess_weeks(session: Session, safety: Safety) -> int:
    return settings.get_int(session, REASSESS_SETTING[safety])


def next_due(session: Session, assessed_on: date, safety: Safety) -> date:
    return assessed_on + timedelta(weeks=reassess_weeks(session, safety))


def submit(
    session: Session,
    household_id: uuid.UUID,
    draft: TaxatieDraft,
    actor: Actor,
    *,
    taxatie_id: uuid.UUID | None = None,
    today: date | None = None,
) -> uuid.UUID:
    """Conclude a taxatie and offer it for review: it is stored as typed, must be complete,
    and is locked from now on. The next re-assessment follows from its conclusion."""
    if missing(draft):
        raise RuleViolation(Rule.TAXATIE_INCOMPLETE)
    taxatie_id = save_concept(
        session, household_id, draft, actor, taxatie_id=taxatie_id, today=today
    )
    taxatie = get_or_raise(session, Taxatie, taxatie_id)
    assert taxatie.safety is not None
    taxatie.state = TaxatieState.TER_TOETSING
    taxatie.submitted_at = utc_now()
    taxatie.submitted_account_id = actor.account_id
    taxatie.submitted_by = actor.login
    taxatie.next_due = next_due(session, taxatie.assessed_on, taxatie.safety)
    return taxatie_id


def remove_concept(session: Session, taxatie_id: uuid.UUID) -> uuid.UUID:
    """A concept begun by mistake goes (its history keeps it); a concluded one stays."""
    taxatie = _concept(session, taxatie_id)
    household_id = taxatie.household_id
    session.delete(taxatie)
    return household_id


def review_by_gedragswetenschapper(session: Session) -> bool:
    return settings.get_int(session, REVIEW_BY_GEDRAGSWETENSCHAPPER) == 1


def check_reviewer(session: Session, taxatie: Taxatie, reviewer: Actor) -> None:
    """Nobody reviews their own taxatie (as its author, or as whoever concluded it); with the
    team setting, only a gedragswetenschapper reviews."""
    if taxatie.state is not TaxatieState.TER_TOETSING:
        raise RuleViolation(Rule.TAXATIE_NOT_FOR_REVIEW)
    if reviewer.account_id in (taxatie.author_account_id, taxatie.submitted_account_id):
        raise RuleViolation(Rule.OWN_TAXATIE)
    if review_by_gedragswetenschapper(session):
        from models.households import own_medewerker  # (households imports this module)

        medewerker_id = own_medewerker(session, reviewer.account_id, reviewer.name)
        medewerker = session.get(Medewerker, medewerker_id) if medewerker_id else None
        if medewerker is None or medewerker.discipline != GEDRAGSWETENSCHAPPER:
            raise RuleViolation(Rule.REVIEWER_NOT_GEDRAGSWETENSCHAPPER)


def review(
    session: Session, taxatie_id: uuid.UUID, answer: ReviewDraft, reviewer: Actor
) -> uuid.UUID:
    """The second pair of eyes: akkoord, or a view of their own (written, and optionally a
    more serious safety, which then counts and sets the re-assessment). Returns the household."""
    taxatie = get_or_raise(session, Taxatie, taxatie_id)
    check_reviewer(session, taxatie, reviewer)
    problems = check_draft(REVIEW, answer)
    if answer.verdict is Verdict.AFWIJKEND and not answer.view.strip():
        problems["view"] = Problem.REQUIRED
    if problems:
        raise ValidationError(problems)
    taxatie.state = TaxatieState.GETOETST
    taxatie.verdict = answer.verdict
    taxatie.reviewer_view = answer.view.strip()
    taxatie.reviewer_safety = answer.safety if answer.verdict is Verdict.AFWIJKEND else None
    taxatie.reviewer_account_id = reviewer.account_id
    taxatie.reviewer_login = reviewer.login
    taxatie.reviewer_name = reviewer.name
    taxatie.reviewed_at = utc_now()
    record = _record(taxatie)
    if record.conclusion is not None:
        taxatie.next_due = next_due(session, taxatie.assessed_on, record.conclusion)
    return taxatie.household_id


# --- the current status ----------------------------------------------------------------------

_Row = tuple[
    uuid.UUID | None, date, datetime, TaxatieState, Safety | None, Safety | None, date | None
]


def _conclusion(row: _Row) -> Safety | None:
    safety, reviewer = row[4], row[5]
    if safety is None or reviewer is None:
        return safety or reviewer
    return max(safety, reviewer, key=lambda s: s.rank)


def _subject_status(rows: Sequence[_Row]) -> SafetyStatus:
    """One subject's status from its taxaties, oldest first: the last concluded one counts;
    a newer concept shows only when it says acuut onveilig (that cannot wait for review);
    with nothing concluded, the newest concept with a safety shows, marked as concept."""
    concluded = [r for r in rows if r[3] is not TaxatieState.CONCEPT]
    last = concluded[-1] if concluded else None
    newer = [
        r
        for r in rows
        if r[3] is TaxatieState.CONCEPT
        and r[4] is not None
        and (last is None or r[1:3] > last[1:3])
    ]
    if last is not None:
        status = SafetyStatus(_conclusion(last), False, last[1], last[6])
        if any(r[4] is Safety.ACUUT_ONVEILIG for r in newer) and status.safety is not (
            Safety.ACUUT_ONVEILIG
        ):
            return SafetyStatus(Safety.ACUUT_ONVEILIG, True, status.last_on, status.next_due)
        return status
    if newer:
        return SafetyStatus(newer[-1][4], True)
    return SafetyStatus()


def _most_serious(statuses: Iterable[SafetyStatus]) -> SafetyStatus:
    found = [s for s in statuses if s.safety is not None or s.last_on is not None]
    if not found:
        return SafetyStatus()
    worst = max(
        (s for s in found if s.safety is not None),
        key=lambda s: (s.safety.rank if s.safety else -1, not s.concept),
        default=SafetyStatus(),
    )
    dates = [s.last_on for s in found if s.last_on]
    dues = [s.next_due for s in found if s.next_due]
    return SafetyStatus(
        worst.safety, worst.concept, max(dates) if dates else None, min(dues) if dues else None
    )


def _rows(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID | None, list[_Row]]:
    stmt = (
        select(
            Taxatie.person_id,
            Taxatie.assessed_on,
            Taxatie.created_at,
            Taxatie.state,
            Taxatie.safety,
            Taxatie.reviewer_safety,
            Taxatie.next_due,
        )
        .where(Taxatie.household_id == household_id)
        .order_by(Taxatie.assessed_on, Taxatie.created_at, Taxatie.id)  # as the Te doen list
    )
    found: dict[uuid.UUID | None, list[_Row]] = {}
    for row in session.execute(stmt):
        found.setdefault(row[0], []).append(tuple(row))  # type: ignore[arg-type]
    return found


def household_status(rows: dict[uuid.UUID | None, list[_Row]]) -> SafetyStatus:
    """The status from each subject's taxatie rows, oldest first (the demo builds them)."""
    return _most_serious(_subject_status(r) for r in rows.values())


def safety_overview(session: Session, household_id: uuid.UUID) -> SafetyOverview:
    """The household's status (most serious across itself and its children) and each child's."""
    by_subject = {
        subject: _subject_status(rows) for subject, rows in _rows(session, household_id).items()
    }
    persons = {p: s for p, s in by_subject.items() if p is not None}
    return SafetyOverview(_most_serious(by_subject.values()), persons)


def refresh_status(session: Session, household_id: uuid.UUID) -> None:
    """Bring the household's list row up to date with its taxaties."""
    status = safety_overview(session, household_id).household
    row = session.get(HouseholdSafety, household_id)
    if status == SafetyStatus():
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = HouseholdSafety(household_id=household_id)
        session.add(row)
    row.safety, row.concept = status.safety, status.concept
    row.last_on, row.next_due = status.last_on, status.next_due


PENDING = "taxatie:refresh"  # session.info: households whose status a flush must refresh


@event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _context: object) -> None:
    touched: set[uuid.UUID] = session.info.setdefault(PENDING, set())
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Taxatie | TaxatieFactor):
            touched.add(obj.household_id)
        elif isinstance(obj, Person) and obj in session.deleted:
            touched.add(obj.household_id)
        elif isinstance(obj, Household) and obj in session.dirty:
            touched.add(obj.id)  # a member taken out of its list


@event.listens_for(Session, "after_flush_postexec")
def _refresh_statuses(session: Session, _context: object) -> None:
    touched: set[uuid.UUID] = session.info.pop(PENDING, set())
    for household_id in touched:
        if session.scalar(select(Household.id).where(Household.id == household_id)) is None:
            continue  # destroyed: its status row went with it
        refresh_status(session, household_id)


# --- the Te doen list --------------------------------------------------------------------------


def due_reassessments(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> list[TodoItem]:
    """A new taxatie for each child or household whose last conclusion's date has come, in a
    household with an open traject (``households``: only these; None: the whole team). The
    last: the later assessed; on one day the later created; then the larger id (two saved in
    one flush share their moment), so the status and :func:`due_households` agree."""
    regisseur = (
        select(Medewerker.name)
        .join(RegisseurAssignment, RegisseurAssignment.medewerker_id == Medewerker.id)
        .where(RegisseurAssignment.traject_id == Traject.id, RegisseurAssignment.end_on.is_(None))
        .limit(1)
        .scalar_subquery()
    )
    # Only the columns the list needs: the whole taxatie (its texts) and a lazy load of each
    # child's name made the team's list take seconds on 20,000 households.
    stmt = (
        select(
            Taxatie.household_id,
            Taxatie.person_id,
            Taxatie.next_due,
            Household.dossier_number,
            Household.name,
            regisseur,
        )
        .join(Household, Household.id == Taxatie.household_id)
        .join(
            Traject,
            and_(Traject.household_id == Household.id, Traject.is_current.is_(True)),
        )
        .where(Traject.phase.in_(OPEN_PHASES), Taxatie.state != TaxatieState.CONCEPT)
        .order_by(Taxatie.assessed_on, Taxatie.created_at, Taxatie.id)
    )
    if households is not None:
        stmt = stmt.where(Taxatie.household_id.in_(households))
    latest: dict[tuple[uuid.UUID, uuid.UUID | None], tuple[date | None, str, str, str | None]] = {}
    for household_id, person_id, due, number, name, regisseur_name in session.execute(stmt):
        latest[(household_id, person_id)] = (due, number, name, regisseur_name)
    due_now = {key: found for key, found in latest.items() if found[0] and found[0] <= today}
    person_ids = {person_id for _household, person_id in due_now if person_id}
    names = {
        person_id: full_name(first, infix, last)
        for person_id, first, infix, last in (
            session.execute(
                select(Person.id, Person.first_name, Person.infix, Person.last_name).where(
                    Person.id.in_(person_ids)
                )
            )
            if person_ids
            else []
        )
    }
    return [
        TodoItem(
            REASSESSMENT,
            household_id,
            number,
            name,
            names.get(person_id, "") if person_id else "",
            due,
            regisseur_name or "",
        )
        for (household_id, person_id), (due, number, name, regisseur_name) in due_now.items()
        if due is not None
    ]


def due_households(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> list[uuid.UUID]:
    """The household of each line :func:`due_reassessments` gives, counted in SQL: per child
    (or household) the latest non-concept taxatie (the later assessed; on one day the later
    created; then the larger id), in a household whose current traject is open, whose next
    date has come."""
    params: dict[str, object] = {
        "concept": TaxatieState.CONCEPT.value,
        "today": today.isoformat(),
        "open_phases": json.dumps([phase.value for phase in OPEN_PHASES]),
    }
    return counted_households(session, _DUE, _DUE_OF_SOME, params, households)


# SQLite takes the bare columns of a max() aggregate from the row that holds the maximum.
# A Date is stored as 'YYYY-MM-DD', a moment always with its microseconds
# ('YYYY-MM-DD HH:MM:SS.ffffff') and an id as 32 hex digits: fixed widths, so the joined text
# orders as (assessed_on, created_at, id), the list's order. ix_taxatie_latest holds every
# column read here in the grouping's order: no table pages and no sort, for the whole team
# as for some households. The traject is looked up only for the latest taxaties that are due.
_LATEST_DUE = """
SELECT latest.household_id FROM (
    SELECT household_id, next_due, max(assessed_on || created_at || id)
    FROM taxatie {rows} GROUP BY household_id, person_id
) AS latest
WHERE latest.next_due <= :today AND EXISTS (
    SELECT 1 FROM traject
    WHERE traject.household_id = latest.household_id AND traject.is_current = 1
    AND traject.phase IN (SELECT value FROM json_each(:open_phases))
)"""
_DUE = _LATEST_DUE.format(rows="WHERE state != :concept")
_DUE_OF_SOME = _LATEST_DUE.format(
    rows="WHERE household_id IN (SELECT value FROM json_each(:households)) AND state != :concept"
)


register_provider(REASSESSMENT, due_reassessments, due_households)
