"""What a new record's form proposes: a member's surname and role, a contact's medewerker."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from models import households as service
from models.enums import MemberRole
from models.permissions import Role
from models.records import PersonDraft, proposed_role
from models.search import split_surname
from models.security import Account
from tests.helpers import TODAY, register


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("De Vries", ("de", "Vries")),
        ("van der Meer", ("van der", "Meer")),
        ("Van 't Hek", ("van 't", "Hek")),
        ("Familie  de Jong", ("de", "Jong")),
        ("Yılmaz", ("", "Yılmaz")),
        ("Jansen-de Boer", ("", "Jansen-de Boer")),
        ("de", ("", "de")),
    ],
)
def test_a_household_name_splits_into_tussenvoegsel_and_surname(
    name: str, expected: tuple[str, str]
) -> None:
    assert split_surname(name) == expected


@pytest.mark.parametrize(
    ("born", "role"),
    [
        (date(2026, 11, 25), MemberRole.KIND),
        (date(2008, 11, 26), MemberRole.KIND),  # 18 tomorrow
        (date(2008, 11, 25), MemberRole.JONGVOLWASSENE),  # 18 today
        (date(2003, 11, 26), MemberRole.JONGVOLWASSENE),  # 22
        (date(2003, 11, 25), MemberRole.OUDER),  # 23 today
        (date(1950, 1, 1), MemberRole.OUDER),
    ],
)
def test_the_role_proposed_follows_the_age(born: date, role: MemberRole) -> None:
    assert proposed_role(born, TODAY) is role


def test_a_new_member_gets_the_oldest_members_surname_or_the_households(
    session: Session,
) -> None:
    household_id = register(session, "Van den Berg")
    dossier = service.load_dossier(session, household_id, today=TODAY)
    assert service.proposed_surname(dossier) == ("van den", "Berg")
    for first, last, born in (("Sem", "Berg", date(2015, 1, 1)), ("Fatma", "Öztürk", None)):
        service.add_member(
            session,
            household_id,
            PersonDraft(first, last, MemberRole.KIND, infix="", date_of_birth=born),
            today=TODAY,
        )
    service.add_member(
        session,
        household_id,
        PersonDraft(
            "Eva", "Berg", MemberRole.OUDER, infix="van den", date_of_birth=date(1980, 5, 1)
        ),
        today=TODAY,
    )
    dossier = service.load_dossier(session, household_id, today=TODAY)
    assert service.proposed_surname(dossier) == ("van den", "Berg")  # Eva, the oldest


def test_own_medewerker_is_the_linked_one_or_else_the_one_with_the_name(
    session: Session,
) -> None:
    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    bas = service.add_medewerker(session, "Bas  Hoekstra", "generalist")
    linked = Account(
        login="anouk", display_name="A. Verbeek", role=Role.MEDEWERKER, medewerker_id=anouk
    )
    named = Account(login="bas", display_name="bas hoekstra", role=Role.MEDEWERKER)
    stranger = Account(login="olga", display_name="Olga Timmer", role=Role.BEHEERDER)
    session.add_all([linked, named, stranger])
    session.flush()
    assert service.own_medewerker(session, linked.id, linked.display_name) == anouk
    assert service.own_medewerker(session, named.id, named.display_name) == bas
    assert service.own_medewerker(session, stranger.id, stranger.display_name) is None
    service.add_medewerker(session, "Bas Hoekstra", "consulent")  # two by that name: no guess
    assert service.own_medewerker(session, named.id, named.display_name) is None
