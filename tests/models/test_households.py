from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import households as service
from models.entities import Household, Person, Traject
from models.enums import ContactKind, EventKind, MemberRole, Phase
from models.errors import NotFound, Rule, RuleViolation
from models.records import (
    Closure,
    ContactDraft,
    HouseholdDraft,
    PersonDraft,
    PhaseChange,
    RegisseurChange,
    ScaleEvent,
    TrajectDraft,
    WarningKind,
)
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, register


def _child(first: str = "Daan", born: date = date(2015, 3, 1), bsn: str = "") -> PersonDraft:
    return PersonDraft(
        first_name=first,
        last_name="Vries",
        infix="de",
        role=MemberRole.KIND,
        date_of_birth=born,
        bsn=bsn,
    )


def test_register_gives_numbered_dossier_with_aanmelding(session: Session) -> None:
    anouk = service.add_medewerker(session, "Anouk Verbeek", "jeugd_gezinscoach")
    first = register(session, "De Vries", regisseur_id=anouk)
    second = register(session, "Jansen")
    dossier = service.load_dossier(session, first, today=TODAY)
    assert dossier.dossier_number == "2026-00001"
    assert service.load_dossier(session, second, today=TODAY).dossier_number == "2026-00002"
    assert dossier.household.postcode == "1234 AB"
    assert dossier.traject is not None
    assert dossier.traject.phase is Phase.AANGEMELD
    assert (
        dossier.traject.regisseur is not None and dossier.traject.regisseur.name == "Anouk Verbeek"
    )
    assert [e.kind for e in dossier.traject.events] == [EventKind.AANGEMELD]


def test_records_carry_author_and_times(session: Session) -> None:
    household_id = register(session)
    session.flush()
    household = session.get(Household, household_id)
    assert household is not None
    assert household.created_by == "tester" and household.updated_by == "tester"
    assert household.created_at is not None and isinstance(household.id.hex, str)


def test_register_refuses_bad_input(session: Session) -> None:
    with pytest.raises(ValidationError) as raised:
        service.register_household(
            session,
            service.RegistrationDraft(
                HouseholdDraft(name=" ", postcode="12 AB"),
                TrajectDraft(registered_on=TODAY + timedelta(days=1)),
            ),
            today=TODAY,
        )
    assert raised.value.problems == {"name": Problem.REQUIRED, "postcode": Problem.POSTCODE}


def test_future_aanmelding_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as raised:
        register(session, registered_on=TODAY + timedelta(days=1))
    assert raised.value.problems == {"registered_on": Problem.DATE_IN_FUTURE}


def test_search_finds_by_name_bsn_postcode_and_dossier_number(session: Session) -> None:
    vries = register(session, "De Vries", postcode="1234 AB")
    service.add_member(session, vries, _child(bsn="111222333"), today=TODAY)
    ozdemir = register(session, "Özdemir", postcode="5678 CD")
    service.add_member(
        session, ozdemir, PersonDraft("Elif", "Özdemir", MemberRole.OUDER), today=TODAY
    )

    def ids(query: str) -> set[object]:
        return {row.id for row in service.search_households(session, query)}

    assert ids("vries") == {vries}
    assert ids("daan") == {vries}
    assert ids("111222333") == {vries}
    assert ids("1234ab") == {vries}
    assert ids("1234 ab") == {vries}
    assert ids("2026-00002") == {ozdemir}
    assert ids("ozdemir elif") == {ozdemir}
    assert ids("ÖZDEMİR") == {ozdemir}
    assert ids("vries elif") == set()
    assert ids("") == {vries, ozdemir}
    assert ids("50%") == set()


def test_search_open_only_hides_closed_trajecten(session: Session) -> None:
    open_id = register(session, "Open", registered_on=TODAY - timedelta(days=30))
    closed_id = register(session, "Dicht", registered_on=TODAY - timedelta(days=30))
    traject = service.load_dossier(session, closed_id).traject
    assert traject is not None
    service.close_traject(session, traject.id, Closure(TODAY, "doelen_bereikt"), today=TODAY)
    rows = service.search_households(session, open_only=True)
    assert [r.id for r in rows] == [open_id]
    everything = {r.id: r for r in service.search_households(session)}
    assert everything[closed_id].phase is Phase.AFGESLOTEN


def test_member_edits_update_search_and_can_be_removed(session: Session) -> None:
    household_id = register(session)
    person_id = service.add_member(session, household_id, _child("Daan"), today=TODAY)
    service.update_member(session, person_id, _child("Sem"), today=TODAY)
    assert service.search_households(session, "sem")
    assert not service.search_households(session, "daan")
    service.remove_member(session, person_id)
    session.flush()
    assert session.scalars(select(Person)).all() == []
    assert not service.search_households(session, "sem")


def test_member_with_bad_bsn_or_future_birth_is_refused(session: Session) -> None:
    household_id = register(session)
    with pytest.raises(ValidationError) as raised:
        service.add_member(
            session,
            household_id,
            _child(bsn="123456789", born=TODAY + timedelta(days=3)),
            today=TODAY,
        )
    assert raised.value.problems == {
        "bsn": Problem.BSN_ELFPROEF,
        "date_of_birth": Problem.DATE_IN_FUTURE,
    }


def test_regisseur_history_is_kept(session: Session) -> None:
    anouk = service.add_medewerker(session, "Anouk", "generalist")
    bas = service.add_medewerker(session, "Bas", "generalist")
    household_id = register(session, registered_on=date(2026, 1, 5), regisseur_id=anouk)
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    service.change_regisseur(
        session, traject.id, RegisseurChange(bas, date(2026, 6, 1)), today=TODAY
    )
    with pytest.raises(RuleViolation) as raised:
        service.change_regisseur(session, traject.id, RegisseurChange(bas, TODAY), today=TODAY)
    assert raised.value.rule is Rule.SAME_REGISSEUR
    with pytest.raises(ValidationError):
        service.change_regisseur(
            session, traject.id, RegisseurChange(anouk, date(2026, 5, 1)), today=TODAY
        )

    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    assert [(r.name, r.start_on, r.end_on) for r in traject.regisseurs] == [
        ("Anouk", date(2026, 1, 5), date(2026, 6, 1)),
        ("Bas", date(2026, 6, 1), None),
    ]
    assert service.search_households(session, "vries")[0].regisseur == "Bas"


def test_phases_scale_events_and_closure(session: Session) -> None:
    household_id = register(session, registered_on=date(2026, 1, 5))
    dossier = service.load_dossier(session, household_id)
    assert dossier.traject is not None
    traject_id = dossier.traject.id
    service.change_phase(
        session, traject_id, PhaseChange(Phase.VRAAGVERHELDERING, date(2026, 1, 20)), today=TODAY
    )
    service.change_phase(
        session,
        traject_id,
        PhaseChange(Phase.PLAN, date(2026, 3, 1), "plan besproken"),
        today=TODAY,
    )
    service.record_scale_event(
        session,
        traject_id,
        ScaleEvent(
            EventKind.OPSCHALEN,
            date(2026, 4, 1),
            "Veilig Thuis",
            target="veilig_thuis",
            reason="Zorgen over de veiligheid blijven",
            responsible="Zoë van 't Hart",
        ),
        today=TODAY,
    )
    with pytest.raises(RuleViolation) as raised:
        service.change_phase(
            session, traject_id, PhaseChange(Phase.PLAN, date(2026, 4, 2)), today=TODAY
        )
    assert raised.value.rule is Rule.SAME_PHASE
    with pytest.raises(ValidationError):
        service.change_phase(
            session, traject_id, PhaseChange(Phase.UITVOERING, date(2025, 12, 1)), today=TODAY
        )
    with pytest.raises(ValidationError) as no_reason:
        service.close_traject(session, traject_id, Closure(TODAY, ""), today=TODAY)
    assert no_reason.value.problems == {"reason": Problem.REQUIRED}

    service.close_traject(
        session, traject_id, Closure(date(2026, 10, 1), "afgeschaald"), today=TODAY
    )
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    assert traject.phase is Phase.AFGESLOTEN and traject.closed_on == date(2026, 10, 1)
    assert traject.close_reason == "afgeschaald"
    assert [e.kind for e in traject.events] == [
        EventKind.AANGEMELD,
        EventKind.FASE,
        EventKind.FASE,
        EventKind.OPSCHALEN,
        EventKind.AFGESLOTEN,
    ]
    assert traject.events[2].from_phase is Phase.VRAAGVERHELDERING
    assert traject.events[2].note == "plan besproken"
    with pytest.raises(RuleViolation) as closed:
        service.change_phase(session, traject_id, PhaseChange(Phase.UITVOERING, TODAY), today=TODAY)
    assert closed.value.rule is Rule.TRAJECT_CLOSED


def test_new_traject_only_after_closure(session: Session) -> None:
    household_id = register(session, registered_on=date(2026, 1, 5))
    draft = TrajectDraft(registered_on=TODAY, herkomst="zelf", question="Weer hulp nodig")
    with pytest.raises(RuleViolation) as raised:
        service.start_traject(session, household_id, draft, today=TODAY)
    assert raised.value.rule is Rule.OPEN_TRAJECT_EXISTS
    first = service.load_dossier(session, household_id).traject
    assert first is not None
    service.close_traject(
        session, first.id, Closure(date(2026, 6, 1), "doelen_bereikt"), today=TODAY
    )
    service.start_traject(session, household_id, draft, today=TODAY)
    dossier = service.load_dossier(session, household_id)
    assert dossier.traject is not None and dossier.traject.question == "Weer hulp nodig"
    assert [t.id for t in dossier.earlier_trajecten] == [first.id]
    assert [r.phase for r in service.search_households(session)] == [Phase.AANGEMELD]


def test_warnings_for_turning_18_and_missing_regisseur(session: Session) -> None:
    household_id = register(session)
    service.add_member(session, household_id, _child("Sem", born=date(2009, 3, 1)), today=TODAY)
    service.add_member(session, household_id, _child("Lot", born=date(2009, 7, 1)), today=TODAY)
    service.add_member(session, household_id, _child("Ada", born=date(2008, 11, 1)), today=TODAY)
    warnings = service.load_dossier(session, household_id, today=TODAY).warnings
    assert [(w.kind, w.person, w.on) for w in warnings] == [
        (WarningKind.TURNS_18, "Sem de Vries", date(2027, 3, 1)),
        (WarningKind.NO_REGISSEUR, "", None),
    ]


def test_contacts_are_logged_newest_first(session: Session) -> None:
    household_id = register(session)
    service.add_contact(
        session,
        household_id,
        ContactDraft(date(2026, 11, 1), ContactKind.HUISBEZOEK, "Kennismaking"),
        today=TODAY,
    )
    later = service.add_contact(
        session, household_id, ContactDraft(date(2026, 11, 20), ContactKind.TELEFOON), today=TODAY
    )
    with pytest.raises(ValidationError):
        service.add_contact(
            session,
            household_id,
            ContactDraft(TODAY + timedelta(days=1), ContactKind.SCHOOL),
            today=TODAY,
        )
    service.update_contact(
        session, later, ContactDraft(date(2026, 11, 21), ContactKind.SCHOOL, "Mentor"), today=TODAY
    )
    contacts = service.load_dossier(session, household_id).contacts
    assert [(c.contact_date, c.kind, c.note) for c in contacts] == [
        (date(2026, 11, 21), ContactKind.SCHOOL, "Mentor"),
        (date(2026, 11, 1), ContactKind.HUISBEZOEK, "Kennismaking"),
    ]
    service.remove_contact(session, later)
    session.flush()
    assert len(service.load_dossier(session, household_id).contacts) == 1


def test_missing_household_is_not_found(session: Session) -> None:
    import uuid

    with pytest.raises(NotFound):
        service.load_dossier(session, uuid.uuid4())


def test_search_folds_letters_without_accents_marks(session: Session) -> None:
    yilmaz = register(session, "Yılmaz")
    kowalski = register(session, "Łukasz Søren")
    assert [r.id for r in service.search_households(session, "yilmaz")] == [yilmaz]
    assert [r.id for r in service.search_households(session, "lukasz soren")] == [kowalski]


def test_list_sorts_and_pages_in_the_database(session: Session) -> None:
    anouk = service.add_medewerker(session, "Anouk", "generalist")
    names = ["Smit", "Bakker", "Visser", "De Boer", "Jansen"]
    for index, name in enumerate(names):
        register(
            session,
            name,
            registered_on=date(2026, 1, 1 + index),
            regisseur_id=anouk if index % 2 else None,
        )
    from models.records import HouseholdSort

    def listed(sort: HouseholdSort, descending: bool = False, **page: int) -> list[str]:
        return [
            r.name
            for r in service.search_households(session, sort=sort, descending=descending, **page)
        ]

    assert listed(HouseholdSort.NAME) == sorted(names)
    assert listed(HouseholdSort.NAME, True) == sorted(names, reverse=True)
    assert listed(HouseholdSort.REGISTERED) == names
    assert listed(HouseholdSort.DOSSIER, True) == list(reversed(names))
    assert listed(HouseholdSort.REGISSEUR)[:2] == ["Bakker", "De Boer"]  # with a regisseur first
    pages = (
        listed(HouseholdSort.NAME, limit=2)
        + listed(HouseholdSort.NAME, offset=2, limit=2)
        + listed(HouseholdSort.NAME, offset=4, limit=2)
    )
    assert pages == sorted(names)
    assert service.count_matching(session) == 5
    assert service.count_matching(session, "bakker") == 1
    assert service.count_matching(session, "", open_only=True) == 5


def test_names_sort_the_dutch_way(session: Session) -> None:
    from models.records import HouseholdSort
    from models.search import sort_name

    assert sort_name("De Vries") == "vries" and sort_name("van der Meer") == "meer"
    assert sort_name("Öztürk") == "ozturk" and sort_name("De") == "de"
    for name in ("Zijlstra", "van der Meer", "Öztürk", "De Vries", "Bakker", "de Boer"):
        register(session, name)
    names = [r.name for r in service.search_households(session, sort=HouseholdSort.NAME)]
    assert names == ["Bakker", "de Boer", "van der Meer", "Öztürk", "De Vries", "Zijlstra"]


def _traject_with_phase_on(session: Session, on: date) -> uuid.UUID:
    household_id = register(session, registered_on=date(2026, 1, 5))
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    service.change_phase(session, traject.id, PhaseChange(Phase.PLAN, on), today=TODAY)
    return traject.id


@pytest.mark.parametrize(
    "move",
    [
        lambda s, t, on: service.change_phase(s, t, PhaseChange(Phase.UITVOERING, on), today=TODAY),
        lambda s, t, on: service.close_traject(s, t, Closure(on, "afgeschaald"), today=TODAY),
        lambda s, t, on: service.record_scale_event(
            s, t, ScaleEvent(EventKind.AFSCHALEN, on, target="waakvlam"), today=TODAY
        ),
    ],
    ids=["phase", "closure", "scale"],
)
def test_traject_event_before_the_previous_event_is_refused(
    session: Session, move: Callable[[Session, uuid.UUID, date], object]
) -> None:
    """Regression: after the aanmelding but before the last event was accepted."""
    traject_id = _traject_with_phase_on(session, date(2026, 3, 1))
    with pytest.raises(ValidationError) as raised:
        move(session, traject_id, date(2026, 2, 1))
    assert raised.value.problems == {"on": Problem.DATE_BEFORE_REGISTRATION}
    move(session, traject_id, date(2026, 3, 1))  # the same day is fine


def test_the_aanmelddatum_cannot_move_past_a_later_step(session: Session) -> None:
    """Regression: correcting the aanmelding could put it after the traject's own events."""
    traject_id = _traject_with_phase_on(session, date(2026, 3, 1))
    traject = session.get(Traject, traject_id)
    assert traject is not None
    draft = TrajectDraft(registered_on=date(2026, 6, 1), herkomst="school")
    with pytest.raises(ValidationError) as raised:
        service.update_traject(session, traject_id, draft, today=TODAY)
    assert raised.value.problems == {"registered_on": Problem.DATE_AFTER_EVENTS}
    earlier = TrajectDraft(registered_on=date(2026, 1, 2), herkomst="school")
    service.update_traject(session, traject_id, earlier, today=TODAY)
    record = service.load_dossier(session, traject.household_id).traject
    assert record is not None and record.registered_on == date(2026, 1, 2)
    assert record.events[0].kind is EventKind.AANGEMELD
    assert record.events[0].event_date == date(2026, 1, 2)  # the course still reads in order


def test_a_closure_cannot_end_a_regisseur_before_they_began(session: Session) -> None:
    """Regression: closing before the latest regisseur change gave 'from 16-11 to 10-11'."""
    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    household_id = register(session, registered_on=date(2026, 1, 5))
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    service.change_regisseur(
        session, traject.id, RegisseurChange(anouk, date(2026, 11, 16)), today=TODAY
    )
    with pytest.raises(ValidationError) as raised:
        service.close_traject(session, traject.id, Closure(date(2026, 11, 10), "afgeschaald"))
    assert raised.value.problems == {"on": Problem.DATE_BEFORE_REGISTRATION}
    record = service.load_dossier(session, household_id).traject
    assert record is not None and record.earliest_event_date == date(2026, 11, 16)


def test_where_a_bsn_already_is_names_only_dossier_numbers(session: Session) -> None:
    first = register(session, "De Vries")
    second = register(session, "Bakker")
    daan = service.add_member(session, first, _child(bsn="111222333"), today=TODAY)
    numbers = {
        household_id: service.load_dossier(session, household_id).dossier_number
        for household_id in (first, second)
    }
    assert service.dossiers_with_bsn(session, "111 222 333") == [numbers[first]]
    assert service.dossiers_with_bsn(session, "111222333", except_person=daan) == []
    service.add_member(session, second, _child("Noor", bsn="111.22.2333"), today=TODAY)
    assert service.dossiers_with_bsn(session, "111222333", except_person=daan) == [numbers[second]]
    assert service.dossiers_with_bsn(session, "111222333") == sorted(numbers.values())
    assert service.dossiers_with_bsn(session, "") == []
    assert service.dossiers_with_bsn(session, "123456789") == []  # not a BSN: nothing to find
