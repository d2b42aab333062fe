"""Meetings (overleggen): plan one, bring cases in, run it case by case, close it.

A meeting is numbered (1, 2, …) and has a kind, a date and time, a chair and a
minute-taker. Attendees are team members or external participants (a name, the
organisation record, a discipline); they are needed to start or close a meeting, not to
plan one. Every medewerker brings in (*inbrengen*) a household with a casusvraag and an
urgency; the chair orders the agenda and closes it.

In the meeting each case gets its notes, "veiligheid besproken" (needed to end it as
*besproken*; otherwise it ends *niet besproken, doorgeschoven*), "netwerk besproken",
decisions and actions. A decision never changes the dossier by itself: it is carried out
afterwards through the dossier's own use case (:func:`mark_carried_out` records that).
One user's edits of a case while the meeting runs count as one change in the correction
history (:meth:`AgendaItem.history_since`).

The agenda items, their decisions and their notes belong to the household: they go with
its dossier (the minutes then no longer hold that case) and are in its inzage.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Uuid,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, backref, mapped_column, relationship, selectinload

from models import actions as action_service
from models.actions import Action
from models.base import Base, Tracked, UtcDateTime, get_or_raise, utc_now
from models.codelists import load_codelists
from models.entities import Household, Medewerker, Organisation, _enum
from models.enums import ActionOrigin, Phase
from models.errors import Rule, RuleViolation
from models.meeting_records import (
    AgendaItemDraft,
    AgendaItemRecord,
    AttendeeDraft,
    AttendeeRecord,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    DecisionRecord,
    FamilyAttendance,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    MeetingSummary,
)
from models.records import ActionDraft, ActionRecord
from models.rules import AGENDA_ITEM, ATTENDEE, CASE_NOTES, DECISION, MEETING, check_draft
from models.validation import Problem, ValidationError, check_date
from models.verwijzing import HULPVORM, referral_problems

URGENCY = "urgentie"  # the code list
TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")

# --- tables ----------------------------------------------------------------------------


class Meeting(Tracked, Base):
    __tablename__ = "meeting"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[MeetingKind] = mapped_column(_enum(MeetingKind))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[str] = mapped_column(String(5), default="")
    location: Mapped[str] = mapped_column(String(120), default="")
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    minute_taker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    status: Mapped[MeetingStatus] = mapped_column(
        _enum(MeetingStatus), default=MeetingStatus.GEPLAND
    )
    agenda_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    chair: Mapped[Medewerker | None] = relationship(foreign_keys=[chair_id])
    minute_taker: Mapped[Medewerker | None] = relationship(foreign_keys=[minute_taker_id])
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingAttendee.created_at",
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class MeetingAttendee(Tracked, Base):
    """A team member (``medewerker_id``) or an external participant."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    name: Mapped[str] = mapped_column(String(120), default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    discipline: Mapped[str] = mapped_column(String(80), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    medewerker: Mapped[Medewerker | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class AgendaItem(Tracked, Base):
    """One case on a meeting's agenda, with what the meeting wrote about it."""

    __tablename__ = "agenda_item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text, default="")  # casusvraag
    urgency: Mapped[str] = mapped_column(String(20), default="normaal")
    brought_in_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    proposed: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[ItemOutcome] = mapped_column(_enum(ItemOutcome), default=ItemOutcome.OPEN)
    information: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    internal_note: Mapped[str] = mapped_column(Text, default="")
    safety_discussed: Mapped[bool] = mapped_column(Boolean, default=False)
    network_discussed: Mapped[bool | None] = mapped_column(Boolean)
    family_attendance: Mapped[FamilyAttendance | None] = mapped_column(_enum(FamilyAttendance))
    family_reason: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    # Destroyed with the household: the minutes then no longer hold this case.
    household: Mapped[Household] = relationship(
        backref=backref("agenda_items", cascade="all, delete-orphan")
    )
    brought_in_by: Mapped[Medewerker | None] = relationship()
    decisions: Mapped[list[MeetingDecision]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="MeetingDecision.created_at"
    )

    def history_since(self) -> datetime | None:
        """While the meeting runs, one user's edits of this case are one change in the
        correction history (per field): from when the meeting started."""
        meeting = self.meeting
        return meeting.started_at if meeting.status is MeetingStatus.BEZIG else None


class MeetingDecision(Tracked, Base):
    """A decision on a case; ``carried_out_on`` once the dossier's use case did it."""

    __tablename__ = "meeting_decision"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind))
    text: Mapped[str] = mapped_column(Text, default="")
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    phase: Mapped[str] = mapped_column(String(20), default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    hulpvorm: Mapped[str] = mapped_column(String(40), default="")
    decider_1_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    decider_2_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))
    carried_out_on: Mapped[date | None] = mapped_column(Date)

    item: Mapped[AgendaItem] = relationship(back_populates="decisions")
    medewerker: Mapped[Medewerker | None] = relationship(foreign_keys=[medewerker_id])
    organisation: Mapped[Organisation | None] = relationship()
    decider_1: Mapped[Medewerker | None] = relationship(foreign_keys=[decider_1_id])
    decider_2: Mapped[Medewerker | None] = relationship(foreign_keys=[decider_2_id])


# --- checks ----------------------------------------------------------------------------


def _raise(problems: dict[str, Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _medewerker_problem(session: Session, medewerker_id: uuid.UUID | None) -> Problem | None:
    if medewerker_id is None:
        return None
    medewerker = session.get(Medewerker, medewerker_id)
    if medewerker is None:
        return Problem.UNKNOWN_CODE
    return None if medewerker.active else Problem.INACTIVE_MEDEWERKER


def check_meeting(session: Session, draft: MeetingDraft) -> dict[str, Problem]:
    problems = check_draft(MEETING, draft)
    if draft.held_on is None:
        problems["held_on"] = Problem.REQUIRED
    elif problem := check_date(draft.held_on, not_after=date.max):
        problems["held_on"] = problem
    if draft.starts_at.strip() and not TIME.match(draft.starts_at.strip()):
        problems["starts_at"] = Problem.TIME_FORMAT
    for key in ("chair_id", "minute_taker_id"):
        if problem := _medewerker_problem(session, getattr(draft, key)):
            problems[key] = problem
    return problems


def _time(text: str) -> str:
    found = TIME.match(text.strip())
    return f"{int(found.group(1)):02d}:{found.group(2)}" if found else ""


def _editable(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.GESLOTEN:
        raise RuleViolation(Rule.MEETING_CLOSED)


def _running(meeting: Meeting) -> None:
    if meeting.status is not MeetingStatus.BEZIG:
        raise RuleViolation(
            Rule.MEETING_CLOSED
            if meeting.status is MeetingStatus.GESLOTEN
            else Rule.MEETING_NOT_STARTED
        )


# --- the meeting ------------------------------------------------------------------------


def plan_meeting(session: Session, draft: MeetingDraft) -> uuid.UUID:
    """A new meeting, numbered after the last one."""
    _raise(check_meeting(session, draft))
    assert draft.held_on is not None
    number = (session.scalar(select(func.max(Meeting.number))) or 0) + 1
    meeting = Meeting(
        number=number,
        kind=draft.kind,
        held_on=draft.held_on,
        starts_at=_time(draft.starts_at),
        location=draft.location.strip(),
        chair_id=draft.chair_id,
        minute_taker_id=draft.minute_taker_id,
        status=MeetingStatus.GEPLAND,
        agenda_closed=False,
    )
    session.add(meeting)
    session.flush()
    return meeting.id


def update_meeting(session: Session, meeting_id: uuid.UUID, draft: MeetingDraft) -> None:
    meeting = get_or_raise(session, Meeting, meeting_id)
    _editable(meeting)
    _raise(check_meeting(session, draft))
    assert draft.held_on is not None
    meeting.kind = draft.kind
    meeting.held_on = draft.held_on
    meeting.starts_at = _time(draft.starts_at)
    meeting.location = draft.location.strip()
    meeting.chair_id = draft.chair_id
    meeting.minute_taker_id = draft.minute_taker_id


def set_attendees(session: Session, meeting_id: uuid.UUID, attendees: list[AttendeeDraft]) -> None:
    """The meeting's attendees as a whole (the form edits the list)."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    _editable(meeting)
    problems: dict[str, Problem] = {}
    seen: set[uuid.UUID] = set()
    for index, draft in enumerate(attendees):
        if draft.medewerker_id is not None:
            if problem := _medewerker_problem(session, draft.medewerker_id):
                problems[f"attendee_{index}"] = problem
            elif draft.medewerker_id in seen:
                problems[f"attendee_{index}"] = Problem.DUPLICATE
            seen.add(draft.medewerker_id)
            continue
        found = check_draft(ATTENDEE, draft)
        if found:
            problems[f"attendee_{index}"] = next(iter(found.values()))
        if (
            draft.organisation_id is not None
            and session.get(Organisation, draft.organisation_id) is None
        ):
            problems[f"attendee_{index}"] = Problem.UNKNOWN_CODE
    _raise(problems)
    meeting.attendees = [
        MeetingAttendee(
            medewerker_id=d.medewerker_id,
            name="" if d.medewerker_id else d.name.strip(),
            organisation_id=None if d.medewerker_id else d.organisation_id,
            discipline=d.discipline.strip(),
        )
        for d in attendees
    ]


def _needs_attendees(meeting: Meeting) -> None:
    if not meeting.attendees:
        raise RuleViolation(Rule.MEETING_WITHOUT_ATTENDEES)
    if meeting.chair_id is None or meeting.minute_taker_id is None:
        raise RuleViolation(Rule.MEETING_WITHOUT_CHAIR)


def start_meeting(session: Session, meeting_id: uuid.UUID, now: datetime | None = None) -> None:
    """Gepland → bezig: needs attendees, a chair and a minute-taker. Starting closes the
    agenda (the chair may still add a case)."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    if meeting.status is not MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_STARTED)
    _needs_attendees(meeting)
    if not meeting.items:
        raise RuleViolation(Rule.AGENDA_EMPTY)
    meeting.status = MeetingStatus.BEZIG
    meeting.agenda_closed = True
    meeting.started_at = now or utc_now()


def close_meeting(session: Session, meeting_id: uuid.UUID, now: datetime | None = None) -> None:
    """Bezig → gesloten: every case has ended (besproken or doorgeschoven)."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    _running(meeting)
    _needs_attendees(meeting)
    if any(item.outcome is ItemOutcome.OPEN for item in meeting.items):
        raise RuleViolation(Rule.CASES_STILL_OPEN)
    meeting.status = MeetingStatus.GESLOTEN
    meeting.closed_at = now or utc_now()


def set_agenda_closed(session: Session, meeting_id: uuid.UUID, closed: bool) -> None:
    """The chair closes the agenda (nobody brings in any more) or opens it again."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    if meeting.status is not MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_STARTED)
    meeting.agenda_closed = closed


def remove_meeting(session: Session, meeting_id: uuid.UUID) -> None:
    """A planned meeting that will not take place (nothing has been written in it)."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    if meeting.status is not MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_STARTED)
    session.delete(meeting)


# --- the agenda ---------------------------------------------------------------------------


def _check_item(
    session: Session, meeting: Meeting, draft: AgendaItemDraft, item_id: uuid.UUID | None
) -> None:
    problems = check_draft(AGENDA_ITEM, draft)
    if draft.household_id is None:
        problems["household"] = Problem.REQUIRED
    elif session.get(Household, draft.household_id) is None:
        problems["household"] = Problem.UNKNOWN_CODE
    elif any(i.household_id == draft.household_id and i.id != item_id for i in meeting.items):
        problems["household"] = Problem.ON_AGENDA
    if not load_codelists().has(URGENCY, draft.urgency):
        problems["urgency"] = Problem.UNKNOWN_CODE
    if problem := _medewerker_problem(session, draft.brought_in_by):
        problems["brought_in_by"] = problem
    _raise(problems)


def bring_in(
    session: Session, meeting_id: uuid.UUID, draft: AgendaItemDraft, *, chair: bool = False
) -> uuid.UUID:
    """A case on the agenda, last. Refused once the agenda is closed, except for the chair
    (who may also add one while the meeting runs)."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    _editable(meeting)
    if meeting.agenda_closed and not chair:
        raise RuleViolation(Rule.AGENDA_CLOSED)
    _check_item(session, meeting, draft, None)
    assert draft.household_id is not None
    item = AgendaItem(
        household_id=draft.household_id,
        position=max((i.position for i in meeting.items), default=0) + 1,
        question=draft.question.strip(),
        urgency=draft.urgency,
        brought_in_by_id=draft.brought_in_by,
        proposed=draft.proposed,
        outcome=ItemOutcome.OPEN,
    )
    meeting.items.append(item)
    session.flush()
    return item.id


def update_item(session: Session, item_id: uuid.UUID, draft: AgendaItemDraft) -> uuid.UUID:
    """Change a case's question or urgency (not its household once notes exist). Returns
    its household."""
    item = get_or_raise(session, AgendaItem, item_id)
    _editable(item.meeting)
    if draft.household_id != item.household_id and item.meeting.status is not (
        MeetingStatus.GEPLAND
    ):
        # what was written about this case is about its household: it never moves
        raise RuleViolation(Rule.CASE_HOUSEHOLD_FIXED)
    _check_item(session, item.meeting, draft, item.id)
    assert draft.household_id is not None
    item.household_id = draft.household_id
    item.question = draft.question.strip()
    item.urgency = draft.urgency
    item.brought_in_by_id = draft.brought_in_by
    return item.household_id


def remove_item(session: Session, item_id: uuid.UUID) -> uuid.UUID:
    """Take a case off the agenda before the meeting starts. Returns its household."""
    item = get_or_raise(session, AgendaItem, item_id)
    if item.meeting.status is not MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_STARTED)
    household_id = item.household_id
    item.meeting.items.remove(item)
    session.flush()
    return household_id


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """With the dossier: its cases leave the minutes (their decisions with them), also from
    a meeting already in this session, so the minutes read right after no longer hold them.
    Not flushed: the household's deletion goes in the same flush (no history is written)."""
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.household_id == household_id)
        .options(selectinload(AgendaItem.meeting))
    )
    for item in list(items):
        item.meeting.items.remove(item)


def order_agenda(session: Session, meeting_id: uuid.UUID, item_ids: list[uuid.UUID]) -> None:
    """The chair's order: ``item_ids`` holds every case of the agenda once."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    _editable(meeting)
    by_id = {i.id: i for i in meeting.items}
    if sorted(map(str, item_ids)) != sorted(map(str, by_id)):
        raise ValueError("the order names every agenda item once")
    for position, item_id in enumerate(item_ids, start=1):
        by_id[item_id].position = position
    meeting.items.sort(key=lambda i: i.position)


# --- in the meeting -----------------------------------------------------------------------


def record_notes(
    session: Session, item_id: uuid.UUID, notes: CaseNotes, *, base: CaseNotes | None = None
) -> uuid.UUID:
    """What the minute-taker wrote for a case (while the meeting runs, or a correction
    afterwards). Returns its household.

    ``base`` is what the writer's screen showed when they started: a field they left as it
    was keeps what a colleague recorded meanwhile (in another window or on another laptop);
    a field both changed takes this writer's text, and the colleague's stays in the history.
    """
    item = get_or_raise(session, AgendaItem, item_id)
    if item.meeting.status is MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_NOT_STARTED)
    if base is not None:
        stored = notes_of(item)
        notes = replace(
            notes,
            **{
                f.name: getattr(stored, f.name)
                for f in dataclass_fields(CaseNotes)
                if getattr(notes, f.name) == getattr(base, f.name)
            },
        )
    problems = check_draft(CASE_NOTES, notes)
    if notes.family_attendance in (FamilyAttendance.NIET, FamilyAttendance.DEELS) and not (
        notes.family_reason.strip()
    ):
        problems["family_reason"] = Problem.REQUIRED
    _raise(problems)
    item.information = notes.information.strip()
    item.analysis = notes.analysis.strip()
    item.conclusion = notes.conclusion.strip()
    item.internal_note = notes.internal_note.strip()
    if item.outcome is ItemOutcome.BESPROKEN and not notes.safety_discussed:
        raise RuleViolation(Rule.SAFETY_NOT_DISCUSSED)
    item.safety_discussed = notes.safety_discussed
    item.network_discussed = notes.network_discussed
    item.family_attendance = notes.family_attendance
    item.family_reason = (
        notes.family_reason.strip() if notes.family_attendance is not FamilyAttendance.HEEL else ""
    )
    return item.household_id


def end_case(session: Session, item_id: uuid.UUID, outcome: ItemOutcome) -> uuid.UUID:
    """A case ends as besproken (only once "veiligheid besproken" is confirmed: the
    inspectorate's norm) or as niet besproken, doorgeschoven; OPEN reopens it while the
    meeting runs. Returns its household."""
    item = get_or_raise(session, AgendaItem, item_id)
    _running(item.meeting)
    if outcome is ItemOutcome.BESPROKEN and not item.safety_discussed:
        raise RuleViolation(Rule.SAFETY_NOT_DISCUSSED)
    item.outcome = outcome
    return item.household_id


def _check_decision(session: Session, draft: DecisionDraft) -> None:
    problems = check_draft(DECISION, draft)
    kind = draft.kind
    if kind is DecisionKind.REGISSEUR:
        if draft.medewerker_id is None:
            problems["medewerker"] = Problem.REQUIRED
        elif problem := _medewerker_problem(session, draft.medewerker_id):
            problems["medewerker"] = problem
    if kind is DecisionKind.FASE and draft.phase not in {p.value for p in Phase}:
        problems["phase"] = Problem.REQUIRED if not draft.phase else Problem.UNKNOWN_CODE
    if kind is DecisionKind.VERWIJZEN:
        problems.update(
            referral_problems(session, draft.organisation_id, draft.decider_1, draft.decider_2)
        )
        if draft.hulpvorm and not load_codelists().has(HULPVORM, draft.hulpvorm):
            problems["hulpvorm"] = Problem.UNKNOWN_CODE
    if kind is DecisionKind.ANDERS and not draft.text.strip():
        problems["text"] = Problem.REQUIRED
    _raise(problems)


def add_decision(session: Session, item_id: uuid.UUID, draft: DecisionDraft) -> uuid.UUID:
    """A decision on a case (in the meeting, or a correction afterwards). Returns the
    household."""
    item = get_or_raise(session, AgendaItem, item_id)
    if item.meeting.status is MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_NOT_STARTED)
    _check_decision(session, draft)
    decision = MeetingDecision(household_id=item.household_id)
    _apply_decision(decision, draft)
    item.decisions.append(decision)
    session.flush()
    return item.household_id


def _apply_decision(decision: MeetingDecision, draft: DecisionDraft) -> None:
    kind = draft.kind
    decision.kind = kind
    decision.text = draft.text.strip()
    decision.medewerker_id = draft.medewerker_id if kind is DecisionKind.REGISSEUR else None
    decision.phase = draft.phase if kind is DecisionKind.FASE else ""
    verwijzen = kind is DecisionKind.VERWIJZEN
    decision.organisation_id = draft.organisation_id if verwijzen else None
    decision.hulpvorm = draft.hulpvorm if verwijzen else ""
    decision.decider_1_id = draft.decider_1 if verwijzen else None
    decision.decider_2_id = draft.decider_2 if verwijzen else None


def update_decision(session: Session, decision_id: uuid.UUID, draft: DecisionDraft) -> uuid.UUID:
    decision = get_or_raise(session, MeetingDecision, decision_id)
    if decision.carried_out_on is not None:
        raise RuleViolation(Rule.DECISION_CARRIED_OUT)
    _check_decision(session, draft)
    _apply_decision(decision, draft)
    return decision.household_id


def remove_decision(session: Session, decision_id: uuid.UUID) -> uuid.UUID:
    decision = get_or_raise(session, MeetingDecision, decision_id)
    if decision.carried_out_on is not None:
        raise RuleViolation(Rule.DECISION_CARRIED_OUT)
    household_id = decision.household_id
    decision.item.decisions.remove(decision)
    session.flush()
    return household_id


def mark_carried_out(session: Session, decision_id: uuid.UUID, on: date) -> uuid.UUID:
    """The dossier's use case did what the decision says (in the same transaction)."""
    decision = get_or_raise(session, MeetingDecision, decision_id)
    if decision.carried_out_on is not None:
        raise RuleViolation(Rule.DECISION_CARRIED_OUT)
    decision.carried_out_on = on
    return decision.household_id


def add_action(
    session: Session, item_id: uuid.UUID, draft: ActionDraft, *, today: date
) -> uuid.UUID:
    """An action agreed on a case: due on the meeting's date or later (and not before
    today). Returns the household."""
    item = get_or_raise(session, AgendaItem, item_id)
    if item.meeting.status is MeetingStatus.GEPLAND:
        raise RuleViolation(Rule.MEETING_NOT_STARTED)
    not_before = max(item.meeting.held_on, today)
    agreed = ActionDraft(**{**draft.__dict__, "origin": ActionOrigin.OVERLEG, "origin_id": item.id})
    try:
        action_service.add_action(session, item.household_id, agreed, not_before=not_before)
    except ValidationError as error:
        if error.problems.get("due_on") is Problem.DATE_IN_PAST and (
            not_before == item.meeting.held_on
        ):
            error.problems["due_on"] = Problem.BEFORE_MEETING
        raise
    return item.household_id


# --- reading ------------------------------------------------------------------------------


def _attendee(a: MeetingAttendee) -> AttendeeRecord:
    return AttendeeRecord(
        id=a.id,
        draft=AttendeeDraft(a.medewerker_id, a.name, a.organisation_id, a.discipline),
        name=a.medewerker.name if a.medewerker else a.name,
        organisation=a.organisation.name if a.organisation else "",
        external=a.medewerker_id is None,
    )


def _decision(d: MeetingDecision) -> DecisionRecord:
    return DecisionRecord(
        id=d.id,
        item_id=d.item_id,
        household_id=d.household_id,
        draft=DecisionDraft(
            d.kind,
            d.text,
            d.medewerker_id,
            d.phase,
            d.organisation_id,
            d.hulpvorm,
            d.decider_1_id,
            d.decider_2_id,
        ),
        medewerker=d.medewerker.name if d.medewerker else "",
        organisation=d.organisation.name if d.organisation else "",
        deciders=tuple(m.name for m in (d.decider_1, d.decider_2) if m is not None),
        carried_out_on=d.carried_out_on,
        meeting_number=d.item.meeting.number,
        meeting_on=d.item.meeting.held_on,
    )


def notes_of(item: AgendaItem) -> CaseNotes:
    return CaseNotes(
        item.information,
        item.analysis,
        item.conclusion,
        item.internal_note,
        item.safety_discussed,
        item.network_discussed,
        item.family_attendance,
        item.family_reason,
    )


def _items(session: Session, items: list[AgendaItem]) -> list[AgendaItemRecord]:
    ids = [i.id for i in items]
    actions = (
        list(
            session.scalars(
                select(Action)
                .where(Action.origin == ActionOrigin.OVERLEG, Action.origin_id.in_(ids))
                .order_by(Action.due_on, Action.description)
            )
        )
        if ids
        else []
    )
    action_records = action_service.action_records(session, actions)
    households = {i.id: i.household_id for i in items}
    by_item: dict[uuid.UUID, list[ActionRecord]] = {}
    for action, record in zip(actions, action_records, strict=True):
        assert action.origin_id is not None
        if households[action.origin_id] == action.household_id:  # never another's action
            by_item.setdefault(action.origin_id, []).append(record)
    return [
        AgendaItemRecord(
            id=i.id,
            meeting_id=i.meeting_id,
            position=i.position,
            household_id=i.household_id,
            dossier_number=i.household.dossier_number,
            household_name=i.household.name,
            draft=AgendaItemDraft(
                i.household_id, i.question, i.urgency, i.brought_in_by_id, i.proposed
            ),
            brought_in_by=i.brought_in_by.name if i.brought_in_by else "",
            outcome=i.outcome,
            notes=notes_of(i),
            decisions=tuple(_decision(d) for d in i.decisions),
            actions=tuple(by_item.get(i.id, ())),
        )
        for i in items
    ]


def _load(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = session.scalars(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.attendees).selectinload(MeetingAttendee.medewerker),
            selectinload(Meeting.attendees).selectinload(MeetingAttendee.organisation),
            selectinload(Meeting.items).selectinload(AgendaItem.household),
            selectinload(Meeting.items).selectinload(AgendaItem.brought_in_by),
            selectinload(Meeting.items).selectinload(AgendaItem.decisions),
        )
    ).first()
    if meeting is None:
        return get_or_raise(session, Meeting, meeting_id)
    return meeting


def get_meeting(session: Session, meeting_id: uuid.UUID) -> MeetingRecord:
    meeting = _load(session, meeting_id)
    return MeetingRecord(
        id=meeting.id,
        number=meeting.number,
        draft=MeetingDraft(
            meeting.kind,
            meeting.held_on,
            meeting.starts_at,
            meeting.location,
            meeting.chair_id,
            meeting.minute_taker_id,
        ),
        status=meeting.status,
        agenda_closed=meeting.agenda_closed,
        chair=meeting.chair.name if meeting.chair else "",
        minute_taker=meeting.minute_taker.name if meeting.minute_taker else "",
        attendees=tuple(_attendee(a) for a in meeting.attendees),
        items=tuple(_items(session, list(meeting.items))),
        started_at=meeting.started_at,
        closed_at=meeting.closed_at,
    )


def list_meetings(session: Session) -> list[MeetingSummary]:
    """Every meeting, the latest first."""
    counts = (
        select(AgendaItem.meeting_id, func.count().label("n"))
        .group_by(AgendaItem.meeting_id)
        .subquery()
    )
    rows = session.execute(
        select(Meeting, Medewerker.name, counts.c.n)
        .outerjoin(Medewerker, Medewerker.id == Meeting.chair_id)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .order_by(Meeting.held_on.desc(), Meeting.number.desc())
    )
    return [
        MeetingSummary(
            m.id,
            m.number,
            m.kind,
            m.held_on,
            m.starts_at,
            chair or "",
            m.status,
            n or 0,
            m.agenda_closed,
        )
        for m, chair, n in rows
    ]


def meeting_by_number(session: Session, number: int) -> uuid.UUID | None:
    return session.scalar(select(Meeting.id).where(Meeting.number == number))


def latest_held(session: Session) -> uuid.UUID | None:
    """The most recent closed meeting (the minutes printed by default)."""
    return session.scalar(
        select(Meeting.id)
        .where(Meeting.status == MeetingStatus.GESLOTEN)
        .order_by(Meeting.held_on.desc(), Meeting.number.desc())
        .limit(1)
    )


def previous_meeting_date(session: Session, meeting_id: uuid.UUID) -> date | None:
    """The date of the meeting of the same kind before this one (for 'since the last')."""
    meeting = get_or_raise(session, Meeting, meeting_id)
    return session.scalar(
        select(func.max(Meeting.held_on)).where(
            Meeting.kind == meeting.kind,
            Meeting.held_on < meeting.held_on,
            Meeting.id != meeting.id,
        )
    )


def household_items(session: Session, household_id: uuid.UUID) -> list[AgendaItemRecord]:
    """Every case of the household in any meeting, the latest meeting first (the inzage, the
    dossier's open decisions)."""
    items = list(
        session.scalars(
            select(AgendaItem)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.household_id == household_id)
            .order_by(Meeting.held_on.desc())
            .options(selectinload(AgendaItem.decisions), selectinload(AgendaItem.household))
        )
    )
    return _items(session, items)


def open_decisions(session: Session, household_id: uuid.UUID) -> list[DecisionRecord]:
    """The decisions on this household not yet carried out (not ANDERS: nothing does it)."""
    decisions = session.scalars(
        select(MeetingDecision)
        .join(AgendaItem, AgendaItem.id == MeetingDecision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            MeetingDecision.household_id == household_id,
            MeetingDecision.carried_out_on.is_(None),
            MeetingDecision.kind != DecisionKind.ANDERS,
        )
        .order_by(Meeting.held_on, MeetingDecision.created_at)
    )
    return [_decision(d) for d in decisions]
