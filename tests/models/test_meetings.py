"""Meetings: the service is the lock — attendees to start and close, the agenda's rules, the
safety check before a case ends as besproken, four eyes on a verwijzing decision, actions not
due before the meeting, one history change per user and field while the meeting runs, the
proposals, and the cases going with their dossier."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import households as service
from models import meetings
from models.actions import Action
from models.avg import destroy_household
from models.enums import ActionOwner, MemberRole
from models.errors import Rule, RuleViolation
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
    MeetingStatus,
)
from models.proposals import ProposalContext, proposals
from models.records import ActionDraft, PersonDraft
from models.security import ChangeRecord
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, organisation, register

MEETING_DAY = TODAY + timedelta(days=7)


@pytest.fixture
def team(session: Session) -> dict[str, uuid.UUID]:
    return {
        "anouk": service.add_medewerker(session, "Anouk Verbeek", "generalist"),
        "lan": service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper"),
        "zoe": service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach"),
    }


def _planned(session: Session, team: dict[str, uuid.UUID], **kwargs: object) -> uuid.UUID:
    draft = MeetingDraft(
        MeetingKind.CASUISTIEK, MEETING_DAY, "09:30", "", team["anouk"], team["zoe"]
    )
    return meetings.plan_meeting(session, draft)


def _running(
    session: Session, team: dict[str, uuid.UUID], households: list[uuid.UUID]
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    meeting_id = _planned(session, team)
    items = [
        meetings.bring_in(
            session, meeting_id, AgendaItemDraft(h, f"Vraag {n}", "normaal", team["anouk"])
        )
        for n, h in enumerate(households, 1)
    ]
    meetings.set_attendees(
        session, meeting_id, [AttendeeDraft(team["anouk"]), AttendeeDraft(team["zoe"])]
    )
    meetings.start_meeting(session, meeting_id)
    return meeting_id, items


def test_meetings_are_numbered_and_need_attendees_to_start(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    household = register(session, "Yılmaz")
    first = _planned(session, team)
    second = _planned(session, team)
    assert [meetings.get_meeting(session, m).number for m in (first, second)] == [1, 2]
    meetings.bring_in(session, first, AgendaItemDraft(household, "Wat is nodig?"))
    with pytest.raises(RuleViolation) as refused:
        meetings.start_meeting(session, first)
    assert refused.value.rule is Rule.MEETING_WITHOUT_ATTENDEES
    meetings.set_attendees(
        session,
        first,
        [AttendeeDraft(team["anouk"]), AttendeeDraft(name="Jan de Wit", discipline="huisarts")],
    )
    meetings.start_meeting(session, first)
    record = meetings.get_meeting(session, first)
    assert record.status is MeetingStatus.BEZIG and record.agenda_closed
    assert [a.name for a in record.attendees] == ["Anouk Verbeek", "Jan de Wit"]
    assert record.guarded  # an external participant is there


def test_bad_agenda_items_are_refused_with_a_problem_per_field(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    household = register(session, "Nguyễn")
    meeting_id = _planned(session, team)
    with pytest.raises(ValidationError) as refused:
        meetings.bring_in(session, meeting_id, AgendaItemDraft(None, "  "))
    assert refused.value.problems == {"household": Problem.REQUIRED, "question": Problem.REQUIRED}
    meetings.bring_in(session, meeting_id, AgendaItemDraft(household, "Vraag"))
    with pytest.raises(ValidationError) as twice:
        meetings.bring_in(session, meeting_id, AgendaItemDraft(household, "Nog een vraag"))
    assert twice.value.problems == {"household": Problem.ON_AGENDA}
    with pytest.raises(ValidationError) as bad_time:
        meetings.plan_meeting(session, MeetingDraft(MeetingKind.MDO, MEETING_DAY, "25:00"))
    assert bad_time.value.problems == {"starts_at": Problem.TIME_FORMAT}


def test_a_closed_agenda_takes_cases_only_from_the_chair(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    first, second = register(session, "Yılmaz"), register(session, "Van 't Hart")
    meeting_id = _planned(session, team)
    a = meetings.bring_in(session, meeting_id, AgendaItemDraft(first, "Eerste"))
    meetings.set_agenda_closed(session, meeting_id, True)
    with pytest.raises(RuleViolation) as refused:
        meetings.bring_in(session, meeting_id, AgendaItemDraft(second, "Tweede"))
    assert refused.value.rule is Rule.AGENDA_CLOSED
    b = meetings.bring_in(session, meeting_id, AgendaItemDraft(second, "Tweede"), chair=True)
    meetings.order_agenda(session, meeting_id, [b, a])
    assert [i.question for i in meetings.get_meeting(session, meeting_id).items] == [
        "Tweede",
        "Eerste",
    ]


def test_a_case_ends_as_besproken_only_once_safety_was_discussed(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    first, second = register(session, "Yılmaz"), register(session, "Nguyễn")
    meeting_id, (a, b) = _running(session, team, [first, second])
    meetings.record_notes(session, a, CaseNotes(information="School meldt verzuim."))
    with pytest.raises(RuleViolation) as refused:
        meetings.end_case(session, a, ItemOutcome.BESPROKEN)
    assert refused.value.rule is Rule.SAFETY_NOT_DISCUSSED
    meetings.record_notes(
        session, a, CaseNotes(information="School meldt verzuim.", safety_discussed=True)
    )
    meetings.end_case(session, a, ItemOutcome.BESPROKEN)
    with pytest.raises(RuleViolation) as still_open:
        meetings.close_meeting(session, meeting_id)
    assert still_open.value.rule is Rule.CASES_STILL_OPEN
    meetings.end_case(session, b, ItemOutcome.DOORGESCHOVEN)
    meetings.close_meeting(session, meeting_id)
    assert meetings.latest_held(session) == meeting_id
    # the next meeting proposes the case that was carried over
    nxt = meetings.plan_meeting(
        session, MeetingDraft(MeetingKind.CASUISTIEK, MEETING_DAY + timedelta(days=7))
    )
    found = proposals(
        session,
        ProposalContext(
            nxt, MeetingKind.CASUISTIEK, MEETING_DAY + timedelta(days=7), MEETING_DAY, frozenset()
        ),
    )
    assert [(p.kind, p.household_id) for p in found if p.kind == "doorgeschoven"] == [
        ("doorgeschoven", second)
    ]


def test_a_verwijzing_decision_names_two_different_deciders(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    household = register(session, "Yılmaz")
    ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
    _meeting, (item,) = _running(session, team, [household])
    one = DecisionDraft(
        DecisionKind.VERWIJZEN, "Naar jeugd-GGZ", organisation_id=ggz, decider_1=team["anouk"]
    )
    with pytest.raises(ValidationError) as refused:
        meetings.add_decision(session, item, one)
    assert refused.value.problems == {"decider_2": Problem.REQUIRED}
    with pytest.raises(ValidationError) as same:
        meetings.add_decision(
            session, item, DecisionDraft(**{**one.__dict__, "decider_2": team["anouk"]})
        )
    assert same.value.problems == {"decider_2": Problem.SAME_DECIDER}
    meetings.add_decision(
        session, item, DecisionDraft(**{**one.__dict__, "decider_2": team["lan"]})
    )
    (decision,) = meetings.open_decisions(session, household)
    assert decision.deciders == ("Anouk Verbeek", "Nguyễn Thị Lan")
    assert decision.organisation == "GGZ Voorbeeldstad"
    meetings.mark_carried_out(session, decision.id, MEETING_DAY)
    assert meetings.open_decisions(session, household) == []
    with pytest.raises(RuleViolation):
        meetings.remove_decision(session, decision.id)


def test_a_meetings_new_action_is_not_due_before_the_meeting(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    household = register(session, "Yılmaz")
    _meeting, (item,) = _running(session, team, [household])
    early = ActionDraft(
        "Huisbezoek", ActionOwner.MEDEWERKER, MEETING_DAY - timedelta(days=1), team["zoe"]
    )
    with pytest.raises(ValidationError) as refused:
        meetings.add_action(session, item, early, today=TODAY)
    assert refused.value.problems == {"due_on": Problem.BEFORE_MEETING}
    without_owner = ActionDraft("Huisbezoek", ActionOwner.MEDEWERKER, MEETING_DAY)
    with pytest.raises(ValidationError) as no_owner:
        meetings.add_action(session, item, without_owner, today=TODAY)
    assert no_owner.value.problems == {"owner": Problem.REQUIRED}
    meetings.add_action(
        session,
        item,
        ActionDraft("Huisbezoek", ActionOwner.MEDEWERKER, MEETING_DAY, team["zoe"]),
        today=TODAY,
    )
    (case,) = meetings.get_meeting(session, _meeting).items
    assert [(a.description, a.owner) for a in case.actions] == [("Huisbezoek", "Zoë van 't Hart")]


def test_one_user_edits_of_a_case_in_a_running_meeting_are_one_change(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    household = register(session, "Yılmaz")
    _meeting_id, (item,) = _running(session, team, [household])
    session.info["user"] = "karin"
    for text in ("Sch", "School meldt", "School meldt verzuim."):
        meetings.record_notes(session, item, CaseNotes(information=text))
        session.flush()
    rows = session.scalars(
        select(ChangeRecord).where(
            ChangeRecord.record_id == item, ChangeRecord.field == "information"
        )
    ).all()
    assert [(r.login, r.old_value, r.new_value) for r in rows] == [
        ("karin", "", "School meldt verzuim.")
    ]
    session.info["user"] = "anouk"
    meetings.record_notes(session, item, CaseNotes(information="School meldt verzuim sinds mei."))
    session.flush()
    assert (
        session.scalar(
            select(func.count()).select_from(ChangeRecord).where(ChangeRecord.record_id == item)
        )
        == 2
    )  # another user's edit is a change of its own


def test_proposals_name_due_actions_new_aanmeldingen_and_members_turning_18(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    with_action = register(session, "Yılmaz", registered_on=TODAY - timedelta(days=40))
    from models import actions

    actions.add_action(
        session,
        with_action,
        ActionDraft(
            "Schuldhulp bellen", ActionOwner.MEDEWERKER, TODAY + timedelta(days=3), team["zoe"]
        ),
        not_before=TODAY,
    )
    new = register(session, "Nguyễn", registered_on=TODAY - timedelta(days=2))
    adult = register(session, "Van 't Hart", registered_on=TODAY - timedelta(days=100))
    born = date(MEETING_DAY.year - 18, MEETING_DAY.month, MEETING_DAY.day) + timedelta(days=20)
    service.add_member(
        session,
        adult,
        PersonDraft("Zoë", "Hart", MemberRole.KIND, infix="van 't", date_of_birth=born),
        today=TODAY,
    )
    werk = meetings.plan_meeting(session, MeetingDraft(MeetingKind.WERKVERDELING, MEETING_DAY))
    context = ProposalContext(
        werk, MeetingKind.WERKVERDELING, MEETING_DAY, TODAY - timedelta(days=7), frozenset()
    )
    found = {(p.kind, p.household_id) for p in proposals(session, context)}
    assert ("actie", with_action) in found
    assert ("aanmelding", new) in found
    assert ("18", adult) in found
    assert ("aanmelding", with_action) not in found  # registered before the last one
    on_agenda = ProposalContext(
        werk, MeetingKind.WERKVERDELING, MEETING_DAY, None, frozenset({new})
    )
    assert all(p.household_id != new for p in proposals(session, on_agenda))


def test_a_destroyed_dossier_leaves_the_minutes(
    session: Session, team: dict[str, uuid.UUID]
) -> None:
    kept, destroyed = register(session, "Yılmaz"), register(session, "Nguyễn")
    meeting_id, (_a, b) = _running(session, team, [kept, destroyed])
    meetings.add_decision(session, b, DecisionDraft(DecisionKind.ZRM, "ZRM afnemen"))
    meetings.add_action(
        session,
        b,
        ActionDraft("Bellen", ActionOwner.MEDEWERKER, MEETING_DAY, team["zoe"]),
        today=TODAY,
    )
    session.flush()
    held = session.get(meetings.Meeting, meeting_id)  # the minutes are open meanwhile
    assert held is not None and len(held.items) == 2
    destroy_household(session, destroyed)
    session.flush()
    record = meetings.get_meeting(session, meeting_id)
    assert [i.household_id for i in record.items] == [kept]
    assert [i.household_id for i in meetings.household_items(session, destroyed)] == []
    left = select(func.count()).select_from(ChangeRecord)
    assert session.scalar(left.where(ChangeRecord.household_id == destroyed)) == 0
    assert session.scalar(select(func.count()).select_from(meetings.MeetingDecision)) == 0
    assert session.scalar(select(func.count()).select_from(Action)) == 0
