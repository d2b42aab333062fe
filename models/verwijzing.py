"""Verwijzing: a record of the traject that one or more members were referred to help
elsewhere — when, to which organisation, for which hulpvorm, why, decided by whom (two
different team members), and how it went (aangevraagd, gestart, afgewezen, beëindigd, each
with its date; the history is kept).

A verwijzing does not close the traject: the team keeps regie. It is made in the dossier or
from a meeting's decision, through the same :func:`make_verwijzing`.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text, Uuid, select
from sqlalchemy.orm import Mapped, Session, backref, mapped_column, relationship

from models.base import Base, Tracked, get_or_raise
from models.codelists import load_codelists
from models.entities import Household, Medewerker, Organisation, Person, Traject, _enum
from models.enums import VERWIJZING_NEXT, Phase, VerwijzingStatus
from models.errors import Rule, RuleViolation
from models.records import (
    StatusDraft,
    StatusRecord,
    VerwijzingDraft,
    VerwijzingRecord,
    full_name,
)
from models.rules import VERWIJZING, VERWIJZING_STATUS, check_draft
from models.validation import Problem, ValidationError, check_date

HULPVORM = "hulpvorm"  # the code list

# --- tables ----------------------------------------------------------------------------


class Verwijzing(Tracked, Base):
    __tablename__ = "verwijzing"
    __table_args__ = (Index("ix_verwijzing_household_referred", "household_id", "referred_on"),)

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"))
    traject_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("traject.id"), index=True)
    referred_on: Mapped[date] = mapped_column(Date)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    hulpvorm: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    decider_1_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("medewerker.id"))
    decider_2_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("medewerker.id"))
    # The current status and since when (the last row of ``statuses``), for the list.
    status: Mapped[VerwijzingStatus] = mapped_column(_enum(VerwijzingStatus))
    status_on: Mapped[date] = mapped_column(Date)

    # Destroyed with the household (and with its traject).
    household: Mapped[Household] = relationship(
        backref=backref("verwijzingen", cascade="all, delete-orphan")
    )
    traject: Mapped[Traject] = relationship(
        backref=backref("verwijzingen", cascade="all, delete-orphan")
    )
    organisation: Mapped[Organisation] = relationship()
    decider_1: Mapped[Medewerker] = relationship(foreign_keys=[decider_1_id])
    decider_2: Mapped[Medewerker] = relationship(foreign_keys=[decider_2_id])
    members: Mapped[list[VerwijzingMember]] = relationship(
        back_populates="verwijzing", cascade="all, delete-orphan"
    )
    statuses: Mapped[list[VerwijzingStatusChange]] = relationship(
        back_populates="verwijzing",
        cascade="all, delete-orphan",
        order_by="[VerwijzingStatusChange.on, VerwijzingStatusChange.created_at]",
    )


class VerwijzingMember(Tracked, Base):
    """One member a verwijzing is for; carries its household, so its history goes with it."""

    __tablename__ = "verwijzing_member"

    verwijzing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("verwijzing.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)

    verwijzing: Mapped[Verwijzing] = relationship(back_populates="members")
    # A member taken out of the household is taken out of its verwijzingen (the history
    # keeps that they were in it).
    person: Mapped[Person] = relationship(
        backref=backref("verwijzingen", cascade="all, delete-orphan")
    )


class VerwijzingStatusChange(Tracked, Base):
    """One status of a verwijzing and the date it took effect; never changed afterwards."""

    __tablename__ = "verwijzing_status"

    verwijzing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("verwijzing.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status: Mapped[VerwijzingStatus] = mapped_column(_enum(VerwijzingStatus))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    verwijzing: Mapped[Verwijzing] = relationship(back_populates="statuses")


# --- reading --------------------------------------------------------------------------------


def _record(verwijzing: Verwijzing) -> VerwijzingRecord:
    persons = sorted(
        (m.person for m in verwijzing.members), key=lambda p: p.date_of_birth or date.min
    )
    return VerwijzingRecord(
        id=verwijzing.id,
        household_id=verwijzing.household_id,
        traject_id=verwijzing.traject_id,
        draft=VerwijzingDraft(
            verwijzing.referred_on,
            tuple(p.id for p in persons),
            verwijzing.organisation_id,
            verwijzing.hulpvorm,
            verwijzing.reason,
            verwijzing.decider_1_id,
            verwijzing.decider_2_id,
        ),
        organisation=verwijzing.organisation.name,
        members=tuple(full_name(p.first_name, p.infix, p.last_name) for p in persons),
        deciders=(verwijzing.decider_1.name, verwijzing.decider_2.name),
        history=tuple(StatusRecord(s.status, s.on, s.note) for s in verwijzing.statuses),
    )


def list_verwijzingen(session: Session, household_id: uuid.UUID) -> list[VerwijzingRecord]:
    """Every verwijzing of the household (of all its trajecten), newest first."""
    stmt = (
        select(Verwijzing)
        .where(Verwijzing.household_id == household_id)
        .order_by(Verwijzing.referred_on.desc(), Verwijzing.created_at.desc())
    )
    return [_record(v) for v in session.scalars(stmt)]


def get_verwijzing(session: Session, verwijzing_id: uuid.UUID) -> VerwijzingRecord:
    return _record(get_or_raise(session, Verwijzing, verwijzing_id))


def persons_of(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, frozenset[uuid.UUID]]:
    """For the inzage: each verwijzing, member row and status row of the household, with the
    members its verwijzing is for."""
    members: dict[uuid.UUID, set[uuid.UUID]] = {}
    rows: dict[uuid.UUID, uuid.UUID] = {}  # member or status row -> its verwijzing
    for row_id, verwijzing_id, person_id in session.execute(
        select(
            VerwijzingMember.id, VerwijzingMember.verwijzing_id, VerwijzingMember.person_id
        ).where(VerwijzingMember.household_id == household_id)
    ):
        members.setdefault(verwijzing_id, set()).add(person_id)
        rows[row_id] = verwijzing_id
    statuses = select(VerwijzingStatusChange.id, VerwijzingStatusChange.verwijzing_id).where(
        VerwijzingStatusChange.household_id == household_id
    )
    rows.update({row_id: verwijzing_id for row_id, verwijzing_id in session.execute(statuses)})
    found = {v: frozenset(p) for v, p in members.items()}
    return found | {row: found.get(v, frozenset()) for row, v in rows.items()}


# --- checking ---------------------------------------------------------------------------------


def _check(session: Session, household_id: uuid.UUID, draft: VerwijzingDraft, today: date) -> None:
    """Every field at once, so the form shows each problem under its own field."""
    problems = check_draft(VERWIJZING, draft)
    if draft.referred_on is not None and (
        problem := check_date(draft.referred_on, not_after=today)
    ):
        problems["referred_on"] = problem
    if "hulpvorm" not in problems and not load_codelists().has(HULPVORM, draft.hulpvorm):
        problems["hulpvorm"] = Problem.UNKNOWN_CODE
    if not draft.member_ids:
        problems["members"] = Problem.REQUIRED
    else:
        for person_id in draft.member_ids:
            person = session.get(Person, person_id)
            if person is None or person.household_id != household_id:
                problems["members"] = Problem.UNKNOWN_CODE
    problems.update(
        referral_problems(session, draft.organisation_id, draft.decider_1, draft.decider_2)
    )
    if problems:
        raise ValidationError(problems)


def referral_problems(
    session: Session,
    organisation_id: uuid.UUID | None,
    decider_1: uuid.UUID | None,
    decider_2: uuid.UUID | None,
) -> dict[str, Problem]:
    """Where a verwijzing goes (an active organisation) and who decided it (two different
    active team members: four eyes) — also what a meeting's verwijzing decision names."""
    problems: dict[str, Problem] = {}
    if organisation_id is None:
        problems["organisation"] = Problem.REQUIRED
    else:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            problems["organisation"] = Problem.UNKNOWN_CODE
        elif not organisation.active:
            problems["organisation"] = Problem.INACTIVE
    for key, medewerker_id in (("decider_1", decider_1), ("decider_2", decider_2)):
        if medewerker_id is None:
            problems[key] = Problem.REQUIRED
        elif (medewerker := session.get(Medewerker, medewerker_id)) is None:
            problems[key] = Problem.UNKNOWN_CODE
        elif not medewerker.active:
            problems[key] = Problem.INACTIVE_MEDEWERKER
    if decider_1 is not None and decider_1 == decider_2:
        problems["decider_2"] = Problem.SAME_DECIDER
    return problems


def _open_traject(
    session: Session, traject_id: uuid.UUID | None, household_id: uuid.UUID | None
) -> Traject:
    """The traject a verwijzing is made in: the one given, or the household's current one.
    It must still run."""
    if traject_id is not None:
        traject = get_or_raise(session, Traject, traject_id)
        if household_id is not None and traject.household_id != household_id:
            raise RuleViolation(Rule.TRAJECT_CLOSED)
    elif household_id is not None:
        get_or_raise(session, Household, household_id)
        found = session.scalars(
            select(Traject).where(Traject.household_id == household_id, Traject.is_current)
        ).first()
        if found is None:
            raise RuleViolation(Rule.TRAJECT_CLOSED)
        traject = found
    else:
        raise ValueError("a verwijzing is made in a traject or a household")
    if traject.phase is Phase.AFGESLOTEN:
        raise RuleViolation(Rule.TRAJECT_CLOSED)
    return traject


# --- writing ----------------------------------------------------------------------------------


def make_verwijzing(
    session: Session,
    draft: VerwijzingDraft,
    *,
    traject_id: uuid.UUID | None = None,
    household_id: uuid.UUID | None = None,
    today: date | None = None,
) -> Verwijzing:
    """A new verwijzing, aangevraagd on its date, in the given traject or in the household's
    current one. The traject stays as it is (the team keeps regie)."""
    traject = _open_traject(session, traject_id, household_id)
    _check(session, traject.household_id, draft, today or date.today())
    assert draft.referred_on is not None and draft.organisation_id is not None
    assert draft.decider_1 is not None and draft.decider_2 is not None
    verwijzing = Verwijzing(
        household_id=traject.household_id,
        traject_id=traject.id,
        referred_on=draft.referred_on,
        organisation_id=draft.organisation_id,
        hulpvorm=draft.hulpvorm,
        reason=draft.reason.strip(),
        decider_1_id=draft.decider_1,
        decider_2_id=draft.decider_2,
        status=VerwijzingStatus.AANGEVRAAGD,
        status_on=draft.referred_on,
    )
    verwijzing.members = [
        VerwijzingMember(household_id=traject.household_id, person_id=p)
        for p in dict.fromkeys(draft.member_ids)
    ]
    verwijzing.statuses = [
        VerwijzingStatusChange(
            household_id=traject.household_id,
            status=VerwijzingStatus.AANGEVRAAGD,
            on=draft.referred_on,
        )
    ]
    session.add(verwijzing)
    session.flush()
    return verwijzing


def change_status(
    session: Session, verwijzing_id: uuid.UUID, draft: StatusDraft, today: date | None = None
) -> uuid.UUID:
    """The verwijzing's next status from a date (not in the future, not before its current
    status). Returns the household."""
    verwijzing = get_or_raise(session, Verwijzing, verwijzing_id)
    problems = check_draft(VERWIJZING_STATUS, draft)
    if draft.on is not None and (
        problem := check_date(
            draft.on, not_after=today or date.today(), not_before=verwijzing.status_on
        )
    ):
        problems["on"] = problem
    if problems:
        raise ValidationError(problems)
    assert draft.status is not None and draft.on is not None
    if draft.status not in VERWIJZING_NEXT[verwijzing.status]:
        raise RuleViolation(Rule.VERWIJZING_STATUS)
    verwijzing.statuses.append(
        VerwijzingStatusChange(
            household_id=verwijzing.household_id,
            status=draft.status,
            on=draft.on,
            note=draft.note.strip(),
        )
    )
    verwijzing.status, verwijzing.status_on = draft.status, draft.on
    return verwijzing.household_id


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """Vernietiging: every verwijzing of the household, its members and its statuses."""
    for verwijzing in session.scalars(
        select(Verwijzing).where(Verwijzing.household_id == household_id)
    ):
        session.delete(verwijzing)
    session.flush()
