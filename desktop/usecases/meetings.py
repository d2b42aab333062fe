"""Meetings: plan, bring cases in, run the meeting case by case, and carry decisions out.

Changes to the meeting itself (plan, attendees, the agenda's order) are about no household
and log no line; everything written about a case is a CHANGE line of its household. Showing
a case in meeting mode logs one OPEN line for its household (it shows the household's
summary). The chair — or a coordinator preparing the meeting — orders and closes the agenda.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

import models.actions
import models.meldcode
import models.taxatie  # noqa: F401
from desktop.session import Unlocked
from desktop.usecases.base import (
    Changed,
    along_with_next_change,
    change,
    open_household,
    read,
    write,
)
from models import meetings as service
from models import werkkopie
from models.base import get_or_raise
from models.errors import Rule, RuleViolation
from models.households import own_medewerker
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionDraft,
    DecisionRecord,
    HouseholdSummary,
    ItemOutcome,
    MeetingDraft,
    MeetingRecord,
    MeetingSummary,
    Proposal,
)
from models.permissions import Permission
from models.proposals import ProposalContext, proposals
from models.records import ActionDraft
from models.summary import household_summary

MEETINGS = "meetings"  # what a change to a meeting refreshes (the Overleggen tab)
DECISIONS = "decisions"  # the dossier's open decisions
WORK = Permission.WORK_ON_DOSSIERS

# Where meeting notes wait in the werkkopie store while they are typed.
NOTES_OWNER = "overleg"
NOTES_ACTION = "notities"


def notes_place(household_id: uuid.UUID, item_id: uuid.UUID) -> werkkopie.Place:
    return werkkopie.Place(NOTES_OWNER, NOTES_ACTION, household_id, str(item_id))


# --- reading ---------------------------------------------------------------------------------


def list_meetings(unlocked: Unlocked) -> list[MeetingSummary]:
    return read(unlocked, WORK, service.list_meetings)


def get_meeting(unlocked: Unlocked, meeting_id: uuid.UUID) -> MeetingRecord:
    return read(unlocked, WORK, lambda s: service.get_meeting(s, meeting_id))


def meeting_of_item(unlocked: Unlocked, item_id: uuid.UUID) -> uuid.UUID:
    """The meeting an agenda item is on (a werkkopie of its notes names only the item)."""
    return read(unlocked, WORK, lambda s: get_or_raise(s, service.AgendaItem, item_id).meeting_id)


def by_number(unlocked: Unlocked, number: int) -> uuid.UUID | None:
    return read(unlocked, WORK, lambda s: service.meeting_by_number(s, number))


def latest_held(unlocked: Unlocked) -> uuid.UUID | None:
    return read(unlocked, WORK, service.latest_held)


def proposals_for(unlocked: Unlocked, meeting_id: uuid.UUID) -> list[Proposal]:
    """What the app proposes for this meeting's agenda (not what is on it already)."""

    def work(session: Session) -> list[Proposal]:
        meeting = get_or_raise(session, service.Meeting, meeting_id)
        context = ProposalContext(
            meeting.id,
            meeting.kind,
            meeting.held_on,
            service.previous_meeting_date(session, meeting.id),
            frozenset(i.household_id for i in meeting.items),
        )
        return proposals(session, context)

    return read(unlocked, WORK, work)


def case_summary(
    unlocked: Unlocked, household_id: uuid.UUID, *, today: date | None = None
) -> HouseholdSummary:
    """The household summary beside the notes; logs one OPEN line (the screen shows it)."""
    return open_household(
        unlocked,
        household_id,
        lambda s: household_summary(s, household_id, today or date.today()),
    )


def open_decisions(unlocked: Unlocked, household_id: uuid.UUID) -> list[DecisionRecord]:
    return read(unlocked, WORK, lambda s: service.open_decisions(s, household_id))


@dataclass(frozen=True)
class Me:
    """The account's team member and whether it may act as chair of a meeting."""

    medewerker_id: uuid.UUID | None
    chairs: bool


def me_in(unlocked: Unlocked, meeting_id: uuid.UUID) -> Me:
    return read(unlocked, WORK, lambda s: _me(unlocked, s, meeting_id))


def _me(unlocked: Unlocked, session: Session, meeting_id: uuid.UUID) -> Me:
    actor = unlocked.actor
    medewerker = own_medewerker(session, actor.account_id, actor.name)
    meeting = get_or_raise(session, service.Meeting, meeting_id)
    chairs = actor.may(Permission.MANAGE_TEAM) or (
        medewerker is not None and medewerker == meeting.chair_id
    )
    return Me(medewerker, chairs)


def _as_chair(unlocked: Unlocked, session: Session, meeting_id: uuid.UUID) -> None:
    if not _me(unlocked, session, meeting_id).chairs:
        raise RuleViolation(Rule.NOT_THE_CHAIR)


# --- the meeting -------------------------------------------------------------------------------


def plan_meeting(unlocked: Unlocked, draft: MeetingDraft) -> uuid.UUID:
    return write(unlocked, WORK, lambda s: service.plan_meeting(s, draft))


def _chair_does(
    unlocked: Unlocked, meeting_id: uuid.UUID, work: Callable[[Session], None]
) -> Changed:
    """What only the chair (or a coördinator) may do to a meeting."""

    def guarded(session: Session) -> None:
        _as_chair(unlocked, session, meeting_id)
        work(session)

    write(unlocked, WORK, guarded)
    return Changed(None, frozenset({MEETINGS}))


def update_meeting(unlocked: Unlocked, meeting_id: uuid.UUID, draft: MeetingDraft) -> Changed:
    """The chair changes kind, date, time, place, chair or minute-taker."""
    return _chair_does(unlocked, meeting_id, lambda s: service.update_meeting(s, meeting_id, draft))


def set_attendees(
    unlocked: Unlocked, meeting_id: uuid.UUID, attendees: list[AttendeeDraft]
) -> Changed:
    """The chair or the minute-taker names who attend."""

    def work(session: Session) -> None:
        me = _me(unlocked, session, meeting_id)
        meeting = get_or_raise(session, service.Meeting, meeting_id)
        if not me.chairs and (
            me.medewerker_id is None or me.medewerker_id != meeting.minute_taker_id
        ):
            raise RuleViolation(Rule.NOT_THE_CHAIR)
        service.set_attendees(session, meeting_id, attendees)

    write(unlocked, WORK, work)
    return Changed(None, frozenset({MEETINGS}))


def remove_meeting(unlocked: Unlocked, meeting_id: uuid.UUID) -> Changed:
    def work(session: Session) -> None:
        _as_chair(unlocked, session, meeting_id)
        service.remove_meeting(session, meeting_id)

    write(unlocked, WORK, work)
    return Changed(None, frozenset({MEETINGS}))


def start_meeting(unlocked: Unlocked, meeting_id: uuid.UUID) -> Changed:
    return _chair_does(unlocked, meeting_id, lambda s: service.start_meeting(s, meeting_id))


def close_meeting(unlocked: Unlocked, meeting_id: uuid.UUID) -> Changed:
    return _chair_does(unlocked, meeting_id, lambda s: service.close_meeting(s, meeting_id))


def set_agenda_closed(unlocked: Unlocked, meeting_id: uuid.UUID, closed: bool) -> Changed:
    return _chair_does(
        unlocked, meeting_id, lambda s: service.set_agenda_closed(s, meeting_id, closed)
    )


def order_agenda(unlocked: Unlocked, meeting_id: uuid.UUID, item_ids: list[uuid.UUID]) -> Changed:
    return _chair_does(
        unlocked, meeting_id, lambda s: service.order_agenda(s, meeting_id, item_ids)
    )


# --- the agenda's cases -------------------------------------------------------------------------


def bring_in(unlocked: Unlocked, meeting_id: uuid.UUID, draft: AgendaItemDraft) -> Changed:
    """A case on the agenda, brought in by the account's team member (unless the draft
    names another); the chair may add one to a closed agenda."""

    def work(session: Session) -> uuid.UUID:
        me = _me(unlocked, session, meeting_id)
        filled = draft
        if draft.brought_in_by is None and me.medewerker_id is not None:
            filled = AgendaItemDraft(
                draft.household_id, draft.question, draft.urgency, me.medewerker_id, draft.proposed
            )
        item_id = service.bring_in(session, meeting_id, filled, chair=me.chairs)
        return get_or_raise(session, service.AgendaItem, item_id).household_id

    return change(unlocked, work, kinds=(MEETINGS,), detail="casus ingebracht voor overleg")


def _own_case(unlocked: Unlocked, session: Session, item_id: uuid.UUID) -> None:
    """Who brought a case in changes it while the agenda is open; the chair (or a
    coördinator) always."""
    item = get_or_raise(session, service.AgendaItem, item_id)
    me = _me(unlocked, session, item.meeting_id)
    own = me.medewerker_id is not None and me.medewerker_id == item.brought_in_by_id
    if not me.chairs and not (own and not item.meeting.agenda_closed):
        raise RuleViolation(Rule.NOT_YOUR_CASE)


def update_item(unlocked: Unlocked, item_id: uuid.UUID, draft: AgendaItemDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        _own_case(unlocked, session, item_id)
        return service.update_item(session, item_id, draft)

    return change(unlocked, work, kinds=(MEETINGS,), detail="agendapunt gewijzigd")


def remove_item(unlocked: Unlocked, item_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        _own_case(unlocked, session, item_id)
        return service.remove_item(session, item_id)

    return change(unlocked, work, kinds=(MEETINGS,), detail="casus van de agenda gehaald")


def record_notes(
    unlocked: Unlocked,
    item_id: uuid.UUID,
    notes: CaseNotes,
    *,
    copy_id: uuid.UUID | None = None,
    base: CaseNotes | None = None,
) -> Changed:
    """The notes as typed become the record; the werkkopie they waited in goes in the same
    transaction (so they are in one place only, whatever happens). ``base``: the notes as
    they were shown; only what the user changed since is written over a colleague's."""
    account_id = unlocked.actor.account_id

    def work(session: Session) -> uuid.UUID:
        household_id = service.record_notes(session, item_id, notes, base=base)
        if copy_id is not None:
            werkkopie.discard(session, account_id, copy_id)
        return household_id

    return change(unlocked, work, kinds=(MEETINGS,), detail="verslag van een casus in overleg")


def end_case(unlocked: Unlocked, item_id: uuid.UUID, outcome: ItemOutcome) -> Changed:
    detail = {
        ItemOutcome.BESPROKEN: "casus besproken in overleg",
        ItemOutcome.DOORGESCHOVEN: "casus niet besproken, doorgeschoven",
        ItemOutcome.OPEN: "casus in overleg heropend",
    }[outcome]
    return change(
        unlocked, lambda s: service.end_case(s, item_id, outcome), kinds=(MEETINGS,), detail=detail
    )


def add_decision(unlocked: Unlocked, item_id: uuid.UUID, draft: DecisionDraft) -> Changed:
    return change(
        unlocked,
        lambda s: service.add_decision(s, item_id, draft),
        kinds=(MEETINGS, DECISIONS),
        detail="besluit in overleg vastgelegd",
    )


def update_decision(unlocked: Unlocked, decision_id: uuid.UUID, draft: DecisionDraft) -> Changed:
    return change(
        unlocked,
        lambda s: service.update_decision(s, decision_id, draft),
        kinds=(MEETINGS, DECISIONS),
        detail="besluit van overleg gewijzigd",
    )


def remove_decision(unlocked: Unlocked, decision_id: uuid.UUID) -> Changed:
    return change(
        unlocked,
        lambda s: service.remove_decision(s, decision_id),
        kinds=(MEETINGS, DECISIONS),
        detail="besluit van overleg verwijderd",
    )


def add_action(
    unlocked: Unlocked, item_id: uuid.UUID, draft: ActionDraft, *, today: date | None = None
) -> Changed:
    """An action agreed on a case: due on the meeting's date or later."""
    return change(
        unlocked,
        lambda s: service.add_action(s, item_id, draft, today=today or date.today()),
        kinds=(MEETINGS, "actions"),
        detail="actie vastgelegd in overleg",
    )


def mark_carried_out(
    unlocked: Unlocked, decision_id: uuid.UUID, *, today: date | None = None
) -> Changed:
    """For a decision the dossier's own use case carried out (called right after it) or that
    the user says is done another way."""
    return change(
        unlocked,
        lambda s: service.mark_carried_out(s, decision_id, today or date.today()),
        kinds=(MEETINGS, DECISIONS),
        detail="besluit van overleg uitgevoerd",
    )


@contextmanager
def carrying_out(
    unlocked: Unlocked, decision_id: uuid.UUID, *, today: date | None = None
) -> Iterator[None]:
    """Inside this block, the next dossier change (the verwijzing, the new regisseur, the
    phase) also marks the decision carried out, in its transaction."""

    def mark(session: Session, household_id: uuid.UUID) -> None:
        if service.mark_carried_out(session, decision_id, today or date.today()) != household_id:
            raise RuleViolation(Rule.DECISION_ELSEWHERE)

    with along_with_next_change(mark):
        yield
