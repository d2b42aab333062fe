from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import households as service
from models.actions import Action
from models.demo import DEMO_CITY, generate_demo
from models.entities import Household, Medewerker, Person, Traject
from models.enums import EventKind, MemberRole
from models.validation import check_bsn
from tests.helpers import TODAY


def test_demo_makes_a_team_and_fictional_households(session: Session) -> None:
    generate_demo(session, 200, seed=7, today=TODAY)
    assert session.scalar(select(func.count()).select_from(Medewerker)) == 15
    assert session.scalar(select(func.count()).select_from(Household)) == 200
    persons = session.scalars(select(Person)).all()
    assert 400 <= len(persons) <= 900
    bsns = [p.bsn for p in persons if p.bsn]
    assert bsns and all(check_bsn(b) is None and b.startswith("9999") for b in bsns)
    assert set(session.scalars(select(Household.city))) == {DEMO_CITY}
    # A parent is always at least 18 years older than the children.
    for household in session.scalars(select(Household)).all()[:100]:
        parents = [p.date_of_birth for p in household.members if p.role is MemberRole.OUDER]
        kids = [p.date_of_birth for p in household.members if p.role is MemberRole.KIND]
        if parents and kids:
            assert (min(kids) - max(parents)).days >= 17 * 365


def test_demo_history_spans_the_years_asked(session: Session) -> None:
    """Five years of aanmeldingen (the overview's bench store): spread over all five, none
    older; the default demo keeps its three."""
    from datetime import timedelta

    generate_demo(session, 300, seed=11, today=TODAY, years=5)
    registered = list(session.scalars(select(Traject.registered_on)))
    assert min(registered) >= TODAY - timedelta(days=5 * 365)
    assert sum(day < TODAY - timedelta(days=4 * 365) for day in registered) >= 30  # ~60 of 300


def test_demo_households_are_searchable_and_open_whole(session: Session) -> None:
    generate_demo(session, 50, seed=3, today=TODAY)
    rows = service.search_households(session)
    assert len(rows) == 50
    assert len({r.dossier_number for r in rows}) == 50
    first = service.load_dossier(session, rows[0].id, today=TODAY)
    assert first.members and first.traject is not None
    name = first.members[0].first_name
    assert first.id in {r.id for r in service.search_households(session, name)}


def test_demo_consents_point_at_organisation_records(session: Session) -> None:
    from models.consents import list_consents
    from models.organisations import list_organisations

    generate_demo(session, 60, seed=5, today=TODAY)
    organisations = {o.id: o for o in list_organisations(session)}
    assert len(organisations) >= 5
    assert any(o.contacts for o in organisations.values())
    consents = [c for r in service.search_households(session) for c in list_consents(session, r.id)]
    assert consents
    assert all(organisations[c.organisation_id].name == c.organisation for c in consents)


def test_demo_trajecten_read_in_order(session: Session) -> None:
    """Every step lies on or after the one before it, and a closure is the last step."""
    generate_demo(session, 300, seed=11, today=TODAY)
    for traject in session.scalars(select(Traject)):
        steps = sorted(traject.events, key=lambda e: (e.event_date, e.created_at))
        kinds_in_order = [e.kind for e in steps]
        assert kinds_in_order[0] is EventKind.AANGEMELD
        assert steps[0].event_date == traject.registered_on
        if traject.closed_on is not None:
            [closure] = [e for e in steps if e.kind is EventKind.AFGESLOTEN]
            assert closure.event_date == traject.closed_on
            assert max(e.event_date for e in steps) == traject.closed_on, "a step after closing"


def test_demo_holds_a_year_of_meetings(session: Session) -> None:
    """Weekly casuïstiekoverleggen, werkverdelingen and MDOs, closed; the next one planned
    with cases; decisions carried out and open; meeting actions in every state."""
    from datetime import timedelta

    from models.actions import Action
    from models.enums import ActionOrigin, ActionStatus
    from models.meeting_records import DecisionKind, ItemOutcome, MeetingKind, MeetingStatus
    from models.meetings import AgendaItem, Meeting, MeetingDecision
    from models.security import ChangeRecord
    from models.verwijzing import Verwijzing

    generate_demo(session, 200, seed=13, today=TODAY)
    meetings = session.scalars(select(Meeting)).all()
    closed = [m for m in meetings if m.status is MeetingStatus.GESLOTEN]
    assert sum(m.kind is MeetingKind.CASUISTIEK for m in closed) >= 50
    assert any(m.kind is MeetingKind.WERKVERDELING for m in closed)
    assert sum(m.kind is MeetingKind.MDO for m in closed) >= 10
    assert all(m.held_on < TODAY for m in closed)
    assert not [m for m in meetings if m.status is MeetingStatus.BEZIG]
    [planned] = [m for m in meetings if m.status is MeetingStatus.GEPLAND]
    assert TODAY < planned.held_on <= TODAY + timedelta(days=7)
    assert 4 <= len(planned.items) <= 6 and not planned.agenda_closed
    assert len({i.brought_in_by_id for i in planned.items}) == len(planned.items)
    for mdo in (m for m in closed if m.kind is MeetingKind.MDO):
        externals = [a for a in mdo.attendees if a.medewerker_id is None]
        assert externals and all(a.organisation_id and a.discipline for a in externals)
        assert all(i.family_attendance is not None for i in mdo.items)

    items = session.scalars(select(AgendaItem)).all()
    besproken = [i for i in items if i.outcome is ItemOutcome.BESPROKEN]
    assert besproken and all(i.safety_discussed for i in besproken)
    assert all(i.conclusion for i in besproken)
    assert any(i.outcome is ItemOutcome.DOORGESCHOVEN for i in items)

    decisions = session.scalars(select(MeetingDecision)).all()
    done = {d.kind for d in decisions if d.carried_out_on is not None}
    still_open = {
        d.kind for d in decisions if d.carried_out_on is None and d.kind is not DecisionKind.ANDERS
    }
    assert len(done) >= 6 and len(still_open) >= 3
    verwijzingen = session.scalars(select(Verwijzing)).all()
    for decision in (d for d in decisions if d.kind is DecisionKind.VERWIJZEN):
        if decision.carried_out_on is None:
            continue
        assert any(
            v.household_id == decision.household_id
            and v.organisation_id == decision.organisation_id
            and v.referred_on == decision.carried_out_on
            and {v.decider_1_id, v.decider_2_id} == {decision.decider_1_id, decision.decider_2_id}
            for v in verwijzingen
        )

    item_ids = {i.id for i in items}
    actions = [
        a
        for a in session.scalars(select(Action).where(Action.origin == ActionOrigin.OVERLEG))
        if a.origin_id in item_ids
    ]
    # every action said to come from a meeting belongs to a case of one
    overleg = session.scalars(select(Action).where(Action.origin == ActionOrigin.OVERLEG)).all()
    assert len(overleg) == len(actions)
    states = {(a.status, a.status is ActionStatus.OPEN and a.due_on < TODAY) for a in actions}
    assert {
        (ActionStatus.GEDAAN, False),
        (ActionStatus.VERVALLEN, False),
        (ActionStatus.OPEN, False),
        (ActionStatus.OPEN, True),
    } <= states
    leader = session.scalar(select(Medewerker.id).where(Medewerker.discipline == "teamleider"))
    assert any(a.medewerker_id == leader and a.status is ActionStatus.OPEN for a in actions)
    # Made, not corrected: the demo writes no correction history.
    assert session.scalar(select(func.count()).select_from(ChangeRecord)) == 0


def test_demo_meetings_fit_a_tiny_demo(session: Session) -> None:
    from models.meetings import Meeting

    generate_demo(session, 3, seed=2, today=TODAY)
    assert all(m.items for m in session.scalars(select(Meeting)))


def test_demo_households_in_plan_and_uitvoering_have_a_gezinsplan(session: Session) -> None:
    """Concepts and vastgestelde plans, evaluated ones with a second version, an overdue
    evaluation on Te doen; parents with gezag, one living elsewhere, one address shielded;
    and no correction history (the demo corrected nothing)."""
    from models import gezinsplan as plans
    from models.enums import ActionOrigin, Phase
    from models.security import ChangeRecord
    from models.todo import todo_list

    generate_demo(session, 60, seed=2026, today=TODAY)
    session.flush()
    running = set(
        session.scalars(
            select(Traject.household_id).where(
                Traject.is_current.is_(True),
                Traject.phase.in_((Phase.PLAN, Phase.UITVOERING)),
            )
        )
    )
    assert running
    found = {h: plans.plans(session, h) for h in running}
    with_plan = {h: p for h, p in found.items() if p.versions}
    assert len(with_plan) >= len(running) - 3  # those without a regisseur may have none
    versions = [v for p in with_plan.values() for v in p.versions]
    assert any(not v.settled for v in versions) and any(v.settled for v in versions)
    assert any(v.version == 2 for v in versions)
    assert any(e.held and e.results for v in versions for e in v.evaluations)
    goals = [g for v in versions for g in v.goals]
    assert any(g.draft.item_code and g.draft.target_level for g in goals)
    owners = {a.draft.owner_kind for g in goals for a in g.actions}
    assert len(owners) >= 3
    assert any(v.network for v in versions) and any(v.partners for v in versions)
    assert all(v.parties for v in versions if v.settled)
    assert any(p.draft.chart_ok for v in versions for p in v.parties)
    live = session.scalars(
        select(func.count()).select_from(Action).where(Action.origin == ActionOrigin.GEZINSPLAN)
    ).one()
    assert live > 0
    assert any(i.kind == plans.OVERDUE for i in todo_list(session, TODAY, None))
    people = session.scalars(select(Person)).all()
    assert all(p.gezag for p in people if p.role is MemberRole.OUDER)
    elsewhere = [p for p in people if p.lives_elsewhere]
    assert len(elsewhere) == 1 and elsewhere[0].gezag and elsewhere[0].address
    assert sum(p.address_shielded for p in people) == 1
    assert not session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(ChangeRecord.table_name.like("gezinsplan%"))
    )
