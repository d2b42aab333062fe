"""Actions: exactly one owner, a new one not due in the past, Te doen, inzage, destruction."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import households as service
from models import organisations
from models.actions import (
    OVERDUE,
    Action,
    add_action,
    followed_actions,
    list_actions,
    my_actions,
    set_status,
    update_action,
)
from models.avg import destroy_household
from models.entities import OrganisationContact
from models.enums import ActionOrigin, ActionOwner, ActionStatus, MemberRole
from models.inzage import inzage_report
from models.records import ActionDraft, OrganisationContactDraft, PersonDraft
from models.todo import todo_list
from models.validation import Problem, ValidationError
from models.wording import TODO_KIND
from tests.helpers import TODAY, organisation, register


def _draft(**changes: object) -> ActionDraft:
    values: dict[str, object] = {
        "description": "Afspraak maken met de schoolmaatschappelijk werker",
        "owner_kind": ActionOwner.NETWERK,
        "due_on": TODAY + timedelta(days=7),
        "network_name": "Zoë van 't Hart",
        "network_relation": "buurvrouw",
    }
    values.update(changes)
    return ActionDraft(**values)  # type: ignore[arg-type]


def _member(session: Session, household_id: uuid.UUID, first: str, last: str) -> uuid.UUID:
    draft = PersonDraft(first, last, MemberRole.OUDER, date_of_birth=date(1985, 3, 1))
    return service.add_member(session, household_id, draft, today=TODAY)


def test_each_kind_of_owner_is_stored_and_shown(session: Session) -> None:
    household_id = register(session, "Yılmaz")
    anouk = service.add_medewerker(session, "Anouk Nguyễn", "generalist")
    mother = _member(session, household_id, "Ayşe", "Yılmaz")
    school = organisation(session, "OBS De Klimop", "school")
    contact = organisations.add_contact_person(
        session, school, OrganisationContactDraft("Nguyễn Thị Lan", "intern begeleider")
    )
    drafts = [
        _draft(owner_kind=ActionOwner.MEDEWERKER, medewerker_id=anouk, description="a"),
        _draft(owner_kind=ActionOwner.GEZINSLID, person_id=mother, description="b"),
        _draft(owner_kind=ActionOwner.NETWERK, description="c"),
        _draft(
            owner_kind=ActionOwner.ORGANISATIE,
            organisation_id=school,
            contact_id=contact,
            description="d",
        ),
    ]
    for draft in drafts:
        add_action(session, household_id, draft, not_before=TODAY)
    owners = {a.description: a.owner for a in list_actions(session, household_id)}
    assert owners == {
        "a": "Anouk Nguyễn",
        "b": "Ayşe Yılmaz",
        "c": "Zoë van 't Hart (buurvrouw)",
        "d": "OBS De Klimop — Nguyễn Thị Lan",
    }


def test_only_the_reference_of_the_owner_kind_is_kept(session: Session) -> None:
    """A form that kept a member chosen before switching to 'netwerk' still stores one owner."""
    household_id = register(session)
    mother = _member(session, household_id, "Ayşe", "Yılmaz")
    action_id = add_action(session, household_id, _draft(person_id=mother), not_before=TODAY)
    action = session.get(Action, action_id)
    assert action is not None
    assert (action.owner_kind, action.person_id, action.network_name) == (
        ActionOwner.NETWERK,
        None,
        "Zoë van 't Hart",
    )


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"owner_kind": ActionOwner.MEDEWERKER}, "owner", Problem.REQUIRED),
        ({"owner_kind": ActionOwner.GEZINSLID}, "owner", Problem.REQUIRED),
        ({"owner_kind": ActionOwner.ORGANISATIE}, "owner", Problem.REQUIRED),
        ({"network_name": "  "}, "network_name", Problem.REQUIRED),
        ({"description": ""}, "description", Problem.REQUIRED),
        ({"description": "x" * 501}, "description", Problem.TOO_LONG),
        ({"due_on": None}, "due_on", Problem.REQUIRED),
        ({"due_on": TODAY - timedelta(days=1)}, "due_on", Problem.DATE_IN_PAST),
    ],
)
def test_a_new_action_needs_one_owner_and_a_due_date_from_today(
    session: Session, changes: dict[str, object], field: str, problem: Problem
) -> None:
    household_id = register(session)
    with pytest.raises(ValidationError) as refused:
        add_action(session, household_id, _draft(**changes), not_before=TODAY)
    assert refused.value.problems[field] is problem
    assert list_actions(session, household_id) == []


def test_a_member_of_another_household_is_no_owner(session: Session) -> None:
    household_id = register(session, "Bakker")
    other = register(session, "Yılmaz")
    stranger = _member(session, other, "Ayşe", "Yılmaz")
    with pytest.raises(ValidationError) as refused:
        add_action(
            session,
            household_id,
            _draft(owner_kind=ActionOwner.GEZINSLID, person_id=stranger),
            not_before=TODAY,
        )
    assert refused.value.problems == {"owner": Problem.REQUIRED}


def test_a_contact_of_another_organisation_is_refused(session: Session) -> None:
    household_id = register(session)
    school = organisation(session, "OBS De Klimop", "school")
    ggz = organisation(session, "GGZ Oost")
    contact = organisations.add_contact_person(session, ggz, OrganisationContactDraft("Lan"))
    with pytest.raises(ValidationError) as refused:
        add_action(
            session,
            household_id,
            _draft(owner_kind=ActionOwner.ORGANISATIE, organisation_id=school, contact_id=contact),
            not_before=TODAY,
        )
    assert refused.value.problems == {"contact": Problem.UNKNOWN_CODE}
    assert session.scalars(select(OrganisationContact)).all()


def test_an_existing_action_may_be_edited_and_closed_when_overdue(session: Session) -> None:
    household_id = register(session)
    earlier = TODAY - timedelta(days=30)
    action_id = add_action(
        session, household_id, _draft(due_on=earlier + timedelta(days=5)), not_before=earlier
    )
    update_action(
        session,
        action_id,
        _draft(description="Gesprek met oma", due_on=earlier + timedelta(days=6)),
    )
    (record,) = list_actions(session, household_id)
    assert (record.description, record.overdue(TODAY)) == ("Gesprek met oma", True)
    set_status(session, action_id, ActionStatus.GEDAAN, TODAY)
    (record,) = list_actions(session, household_id)
    assert (record.status, record.status_on, record.overdue(TODAY)) == (
        ActionStatus.GEDAAN,
        TODAY,
        False,
    )


def test_mine_lists_my_open_actions_overdue_first_and_te_volgen_the_others(
    session: Session,
) -> None:
    anouk = service.add_medewerker(session, "Anouk", "generalist")
    bram = service.add_medewerker(session, "Bram", "generalist")
    mine = register(session, "Yılmaz", regisseur_id=anouk)
    bram_s = register(session, "Bakker", regisseur_id=bram)
    earlier = TODAY - timedelta(days=20)

    def add(household: uuid.UUID, text: str, due: date, **owner: object) -> uuid.UUID:
        return add_action(
            session, household, _draft(description=text, due_on=due, **owner), not_before=earlier
        )

    mw = {"owner_kind": ActionOwner.MEDEWERKER}
    add(mine, "later", TODAY + timedelta(days=9), medewerker_id=anouk, **mw)
    add(bram_s, "te laat", TODAY - timedelta(days=3), medewerker_id=anouk, **mw)
    done = add(mine, "gedaan", TODAY - timedelta(days=4), medewerker_id=anouk, **mw)
    set_status(session, done, ActionStatus.GEDAAN, TODAY)
    add(mine, "van Bram", TODAY + timedelta(days=2), medewerker_id=bram, **mw)
    add(mine, "van de buurvrouw", TODAY - timedelta(days=1))
    add(bram_s, "niet mijn huishouden", TODAY + timedelta(days=1))

    assert [a.description for a in my_actions(session, anouk)] == ["te laat", "later"]
    assert [a.description for a in followed_actions(session, anouk)] == [
        "van de buurvrouw",
        "van Bram",
    ]
    assert [a.description for a in followed_actions(session, bram)] == [
        "te laat",
        "niet mijn huishouden",
    ]


def test_open_actions_past_their_date_are_on_the_te_doen_list(session: Session) -> None:
    anouk = service.add_medewerker(session, "Anouk", "generalist")
    household_id = register(session, "Yılmaz", regisseur_id=anouk)
    other = register(session, "Bakker")
    earlier = TODAY - timedelta(days=20)
    late = add_action(
        session, household_id, _draft(due_on=TODAY - timedelta(days=2)), not_before=earlier
    )
    add_action(session, household_id, _draft(due_on=TODAY), not_before=earlier)
    closed = add_action(
        session, other, _draft(due_on=TODAY - timedelta(days=5)), not_before=earlier
    )
    set_status(session, closed, ActionStatus.VERVALLEN, TODAY)

    items = [i for i in todo_list(session, TODAY, None) if i.kind == OVERDUE]
    assert [(i.household_id, i.subject, i.due, i.regisseur) for i in items] == [
        (household_id, "Zoë van 't Hart (buurvrouw)", TODAY - timedelta(days=2), "Anouk")
    ]
    assert [i for i in todo_list(session, TODAY, {other}) if i.kind == OVERDUE] == []
    assert TODO_KIND[OVERDUE]
    set_status(session, late, ActionStatus.GEDAAN, TODAY)
    assert [i for i in todo_list(session, TODAY, None) if i.kind == OVERDUE] == []


def test_the_household_s_actions_are_in_the_inzage_and_go_with_the_dossier(
    session: Session,
) -> None:
    household_id = register(session, "Yılmaz")
    other = register(session, "Bakker")
    child = _member(session, household_id, "Zoë", "Yılmaz")
    add_action(
        session,
        household_id,
        _draft(origin=ActionOrigin.OVERLEG, origin_id=uuid.uuid4()),
        not_before=TODAY,
    )
    add_action(session, other, _draft(description="elders"), not_before=TODAY)
    report = inzage_report(session, child)
    assert [(a.description, a.draft.origin) for a in report.actions] == [
        (_draft().description, ActionOrigin.OVERLEG)
    ]
    destroy_household(session, household_id)
    assert list_actions(session, household_id) == []
    assert [a.description for a in list_actions(session, other)] == ["elders"]
