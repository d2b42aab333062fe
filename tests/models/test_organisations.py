"""Organisations as records: the service keeps names unique and consents pointing at them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from models import organisations as service
from models.consents import add_consent, list_consents, update_consent
from models.records import ConsentDraft, OrganisationContactDraft, OrganisationDraft
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, organisation, register


def test_add_update_and_switch_off(session: Session) -> None:
    school = organisation(session, "Basisschool De Linde", "school")
    service.update_organisation(session, school, OrganisationDraft("  OBS De Linde ", "school"))
    service.deactivate_organisation(session, school)
    assert [(o.name, o.kind, o.active) for o in service.list_organisations(session)] == [
        ("OBS De Linde", "school", False)
    ]
    assert service.list_organisations(session, active_only=True) == []
    service.reactivate_organisation(session, school)
    assert service.get_organisation(session, school).active


def test_organisation_rules(session: Session) -> None:
    organisation(session, "GGZ Voorbeeldstad", "ggz")
    with pytest.raises(ValidationError) as duplicate:
        service.add_organisation(session, OrganisationDraft("  ggz   VOORBEELDSTAD", "ggz"))
    assert duplicate.value.problems == {"name": Problem.DUPLICATE}
    with pytest.raises(ValidationError) as bad:
        service.add_organisation(session, OrganisationDraft("x" * 121, "bakkerij"))
    assert bad.value.problems == {"name": Problem.TOO_LONG, "kind": Problem.UNKNOWN_CODE}
    with pytest.raises(ValidationError) as empty:
        service.add_organisation(session, OrganisationDraft(" ", ""))
    assert empty.value.problems == {"name": Problem.REQUIRED, "kind": Problem.REQUIRED}


def test_contact_persons(session: Session) -> None:
    school = organisation(session, "Basisschool De Linde", "school")
    ib = service.add_contact_person(
        session, school, OrganisationContactDraft("Marco de Wit", "intern begeleider")
    )
    service.add_contact_person(session, school, OrganisationContactDraft("Anna Bos"))
    with pytest.raises(ValidationError) as bad:
        service.add_contact_person(
            session, school, OrganisationContactDraft("", phone="0" * 31, email="geen-adres")
        )
    assert bad.value.problems == {
        "name": Problem.REQUIRED,
        "phone": Problem.TOO_LONG,
        "email": Problem.EMAIL,
    }
    service.update_contact_person(
        session, ib, OrganisationContactDraft("Marco de Wit", "ib", email="ib@linde.example.org")
    )
    contacts = service.get_organisation(session, school).contacts
    assert [(c.name, c.role, c.email) for c in contacts] == [
        ("Anna Bos", "", ""),
        ("Marco de Wit", "ib", "ib@linde.example.org"),
    ]
    service.remove_contact_person(session, ib)
    assert [c.name for c in service.get_organisation(session, school).contacts] == ["Anna Bos"]


def test_consent_needs_an_active_organisation_from_the_list(session: Session) -> None:
    household_id = register(session)
    ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
    with pytest.raises(ValidationError) as none:
        add_consent(session, household_id, ConsentDraft(None, TODAY), today=TODAY)
    assert none.value.problems == {"organisation": Problem.REQUIRED}
    consent_id = add_consent(
        session, household_id, ConsentDraft(ggz, TODAY, given_by="moeder"), today=TODAY
    )
    service.deactivate_organisation(session, ggz)
    with pytest.raises(ValidationError) as inactive:
        add_consent(session, household_id, ConsentDraft(ggz, TODAY), today=TODAY)
    assert inactive.value.problems == {"organisation": Problem.INACTIVE}
    # the consent that already points at it may be corrected and keep it
    update_consent(
        session, consent_id, ConsentDraft(ggz, date(2026, 1, 2), given_by="vader"), today=TODAY
    )
    with pytest.raises(ValidationError) as long_name:
        update_consent(session, consent_id, ConsentDraft(ggz, TODAY, given_by="v" * 121))
    assert long_name.value.problems == {"given_by": Problem.TOO_LONG}
    [record] = list_consents(session, household_id)
    assert (record.organisation_id, record.organisation, record.given_by) == (
        ggz,
        "GGZ Voorbeeldstad",
        "vader",
    )
