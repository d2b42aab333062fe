from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import households as service
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
