"""Every rule a form checks is refused by its service too (models.rules is their one home)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import String
from sqlalchemy.orm import Session

from models import households as service
from models import rules, settings
from models.entities import Household, Medewerker, Person
from models.enums import ContactKind, MemberRole
from models.records import Closure, ContactDraft, HouseholdDraft, PersonDraft
from models.security import Account
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, register

# Fields holding a code are checked against their code list, not on length; a postcode and a
# BSN are stored normalised and bounded by their own format checks.
CODES = {"role", "discipline", "kind", "postcode", "bsn"}


@pytest.mark.parametrize(
    ("spec", "entity", "columns"),
    [
        (rules.HOUSEHOLD, Household, {}),
        (rules.PERSON, Person, {}),
        (rules.MEDEWERKER, Medewerker, {}),
        (rules.ACCOUNT, Account, {"name": "display_name"}),
    ],
)
def test_maximum_lengths_are_those_of_the_columns(
    spec: rules.Spec, entity: type, columns: dict[str, str]
) -> None:
    for name, rule in spec.items():
        column = entity.__table__.columns.get(columns.get(name, name))
        if column is not None and isinstance(column.type, String) and name not in CODES:
            assert rule.max_length == column.type.length, f"{entity.__name__}.{name}"


def test_organisation_lengths_are_those_of_the_columns() -> None:
    from models.entities import Consent, Organisation, OrganisationContact

    for spec, entity in (
        (rules.ORGANISATION, Organisation),
        (rules.ORGANISATION_CONTACT, OrganisationContact),
    ):
        for name, rule in spec.items():
            column = entity.__table__.columns[name]
            if isinstance(column.type, String) and name not in CODES:
                assert rule.max_length == column.type.length, f"{entity.__name__}.{name}"
    assert rules.CONSENT["given_by"].max_length == Consent.__table__.columns["given_by"].type.length


def test_household_name_too_long_is_refused(session: Session) -> None:
    household_id = register(session)
    with pytest.raises(ValidationError) as raised:
        service.update_household(session, household_id, HouseholdDraft("x" * 121, city="y" * 81))
    assert raised.value.problems == {"name": Problem.TOO_LONG, "city": Problem.TOO_LONG}
    service.update_household(session, household_id, HouseholdDraft(" " + "x" * 120 + " "))


def test_person_rules_are_enforced_by_the_service(session: Session) -> None:
    household_id = register(session)
    draft = PersonDraft("", "y" * 121, MemberRole.KIND, infix="van der " * 3)
    with pytest.raises(ValidationError) as raised:
        service.add_member(session, household_id, draft, today=TODAY)
    assert raised.value.problems == {
        "first_name": Problem.REQUIRED,
        "last_name": Problem.TOO_LONG,
        "infix": Problem.TOO_LONG,
    }


def test_medewerker_name_length_is_enforced(session: Session) -> None:
    with pytest.raises(ValidationError) as raised:
        service.add_medewerker(session, "z" * 121, "generalist")
    assert raised.value.problems == {"name": Problem.TOO_LONG}


def test_contact_and_closure_keep_their_rules(session: Session) -> None:
    household_id = register(session)
    with pytest.raises(ValidationError) as raised:
        service.add_contact(
            session, household_id, ContactDraft(date(2027, 1, 1), ContactKind.OVERLEG), today=TODAY
        )
    assert raised.value.problems == {"contact_date": Problem.DATE_IN_FUTURE}
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    with pytest.raises(ValidationError) as closure:
        service.close_traject(session, traject.id, Closure(TODAY, "  "), today=TODAY)
    assert closure.value.problems == {"reason": Problem.REQUIRED}


def test_settings_outside_their_limits_are_refused(session: Session) -> None:
    low, high = rules.SETTING_LIMITS[rules.AUTOLOCK_MINUTES]
    for wrong in (low - 1, high + 1):
        with pytest.raises(ValidationError) as raised:
            settings.set_int(session, settings.AUTOLOCK_MINUTES, wrong)
        assert raised.value.problems == {settings.AUTOLOCK_MINUTES: Problem.OUT_OF_RANGE}
    settings.set_int(session, settings.AUTOLOCK_MINUTES, high)
    assert settings.get_int(session, settings.AUTOLOCK_MINUTES) == high


def test_password_policy_has_one_home() -> None:
    from desktop.session import WeakPassword, check_password

    short = "x" * (rules.MIN_PASSWORD_LENGTH - 1)
    assert rules.check_password(short) is Problem.PASSWORD_SHORT
    assert rules.check_password(short + "x") is None
    with pytest.raises(WeakPassword):
        check_password(short)
    check_password(short + "x")


def test_earliest_event_date_is_the_latest_of_aanmelding_and_events() -> None:
    assert rules.earliest_event_date(date(2026, 1, 5), []) == date(2026, 1, 5)
    assert rules.earliest_event_date(
        date(2026, 1, 5), [date(2026, 3, 1), date(2026, 2, 1)]
    ) == date(2026, 3, 1)


def test_a_phone_number_with_words_is_refused_by_the_services(session: Session) -> None:
    from models import organisations
    from models.records import OrganisationContactDraft
    from tests.helpers import organisation

    household_id = register(session)
    with pytest.raises(ValidationError) as raised:
        service.update_household(session, household_id, HouseholdDraft("Bakker", phone="bel mij"))
    assert raised.value.problems == {"phone": Problem.PHONE}
    school = organisation(session, "Basisschool De Linde", "school")
    with pytest.raises(ValidationError) as raised:
        organisations.add_contact_person(
            session, school, OrganisationContactDraft("Anna Bos", phone="via de balie")
        )
    assert raised.value.problems == {"phone": Problem.PHONE}
