"""Households: the list, registering, opening a dossier, the household's own data and members."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, open_household, read, write
from models import households as service
from models.access import household_log as read_household_log
from models.entities import Person
from models.permissions import Permission
from models.records import (
    HouseholdDossier,
    HouseholdDraft,
    HouseholdRow,
    HouseholdSort,
    LogLine,
    MedewerkerRecord,
    PersonDraft,
    RegistrationDraft,
)

HOUSEHOLD, MEMBERS = "household", "members"

WORK = Permission.WORK_ON_DOSSIERS


def count(unlocked: Unlocked, query: str, *, open_only: bool) -> int:
    return read(unlocked, WORK, lambda s: service.count_matching(s, query, open_only=open_only))


def page(
    unlocked: Unlocked,
    query: str,
    *,
    open_only: bool,
    sort: HouseholdSort,
    descending: bool,
    offset: int,
    limit: int,
) -> list[HouseholdRow]:
    """One sorted page of the household list (the list is never read whole)."""
    return read(
        unlocked,
        WORK,
        lambda s: service.search_households(
            s,
            query,
            open_only=open_only,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        ),
    )


def find(unlocked: Unlocked, dossier_number: str) -> uuid.UUID | None:
    return read(unlocked, WORK, lambda s: service.find_household_id(s, dossier_number.strip()))


def medewerkers(unlocked: Unlocked) -> list[MedewerkerRecord]:
    return read(unlocked, WORK, service.list_medewerkers)


def own_medewerker(unlocked: Unlocked) -> uuid.UUID | None:
    """The team member who is logged in, for a form's default (a new contact's medewerker)."""
    actor = unlocked.actor
    return read(unlocked, WORK, lambda s: service.own_medewerker(s, actor.account_id, actor.name))


def add_medewerker(unlocked: Unlocked, name: str, discipline: str) -> uuid.UUID:
    """Only a coördinator or beheerder manages the team list."""
    return write(
        unlocked, Permission.MANAGE_TEAM, lambda s: service.add_medewerker(s, name, discipline)
    )


def register(unlocked: Unlocked, draft: RegistrationDraft) -> Changed:
    """A new household with its aanmelding; logged with the dossier number it was given."""
    return change(
        unlocked, lambda s: service.register_household(s, draft), kinds=(), detail="aangemeld"
    )


def open_dossier(unlocked: Unlocked, household_id: uuid.UUID) -> HouseholdDossier:
    """Opening a dossier view: the one moment an OPEN line is written."""
    return open_household(unlocked, household_id, lambda s: service.load_dossier(s, household_id))


def dossier(unlocked: Unlocked, household_id: uuid.UUID) -> HouseholdDossier:
    """Refreshing an open view after a change: not a new opening, so not logged."""
    return read(unlocked, WORK, lambda s: service.load_dossier(s, household_id))


def household_log(unlocked: Unlocked, household_id: uuid.UUID) -> list[LogLine]:
    """'Wie heeft dit dossier ingezien?'"""
    return read(unlocked, WORK, lambda s: read_household_log(s, household_id))


def update_household(unlocked: Unlocked, household_id: uuid.UUID, draft: HouseholdDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.update_household(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(HOUSEHOLD,), detail="gegevens huishouden")


def add_member(unlocked: Unlocked, household_id: uuid.UUID, draft: PersonDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.add_member(session, household_id, draft)
        return household_id

    return change(unlocked, work, kinds=(MEMBERS,), detail="gezinslid toegevoegd")


def update_member(unlocked: Unlocked, person_id: uuid.UUID, draft: PersonDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.update_member(session, person_id, draft)
        return household_of(session, Person, person_id)

    return change(unlocked, work, kinds=(MEMBERS,), detail="gezinslid gewijzigd")


def dossiers_with_bsn(
    unlocked: Unlocked, bsn: str, *, except_person: uuid.UUID | None = None
) -> list[str]:
    """Where a BSN already is, before a member is saved with it: dossier numbers only. Every
    team member may open every dossier, so the numbers tell nothing they could not see."""
    return read(
        unlocked,
        WORK,
        lambda s: service.dossiers_with_bsn(s, bsn, except_person=except_person),
    )


def remove_member(unlocked: Unlocked, person_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, Person, person_id)
        service.remove_member(session, person_id)
        return household_id

    return change(unlocked, work, kinds=(MEMBERS,), detail="gezinslid verwijderd")


def showcase(unlocked: Unlocked, dossier_number: str | None = None) -> uuid.UUID:
    """For pictures of the screens: the household with this number, or else the fullest open
    one (most ZRMs, members, contacts). LookupError when there is none.

    Only its id: choosing reads no dossier. The screen that shows it opens it
    (:func:`open_dossier`), and that is logged like any other opening.
    """

    def pick(session: Session) -> uuid.UUID:
        if dossier_number:
            household_id = service.find_household_id(session, dossier_number)
            if household_id is None:
                raise LookupError(f"geen huishouden met dossiernummer {dossier_number}")
            return household_id
        household_id = service.fullest_open_household(session)
        if household_id is None:
            raise LookupError("de database heeft geen huishoudens")
        return household_id

    return read(unlocked, WORK, pick)
