"""What the printed gezinsplan holds: one version of the plan with the household around it.

Gathered in one read for the printout (``desktop.reports.gezinsplan``): the household's name
and address, the members (no BSN), the version asked for (or the current one: the latest
vastgestelde, else the concept), the ZRM charts of the members who agreed to them, and who
signs. Addresses follow the shielding rule: a member marked *adres afgeschermd* never has an
address printed, and while such a member lives in the household neither has the household.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import gezinsplan as service
from models.base import get_or_raise
from models.entities import Household, Organisation, Person
from models.enums import ActionOwner, MemberRole
from models.gezinsplan_records import ChartSeries, GezinsplanRecord
from models.records import age_on, birthday, full_name


class PlanMissing(LookupError):
    """The household has no gezinsplan, or not the version asked for."""

    def __init__(self, versions: tuple[int, ...], asked: int | None) -> None:
        super().__init__(asked)
        self.versions = versions  # the versions there are, oldest first
        self.asked = asked


@dataclass(frozen=True)
class PrintedMember:
    """A member as the family's plan lists them."""

    id: uuid.UUID
    name: str
    role: MemberRole
    born: date | None
    age: int | None
    gezag: bool
    lives_elsewhere: bool
    address: str  # only for a member living elsewhere, never when shielded
    address_shielded: bool


@dataclass(frozen=True)
class Signer:
    """Someone who signs the plan: a member who must agree, or the regisseur."""

    name: str
    regisseur: bool = False
    agreed_on: date | None = None
    agreed_how: str = ""  # codelist afspraakwijze


@dataclass(frozen=True)
class TurningEighteen:
    person_id: uuid.UUID
    on: date


@dataclass(frozen=True)
class PlanPrint:
    household: str
    address: str  # '' when there is none or it is shielded
    address_shielded: bool
    members: tuple[PrintedMember, ...]
    plan: GezinsplanRecord
    versions: tuple[int, ...]  # every version there is, oldest first
    charts: tuple[ChartSeries, ...]
    signers: tuple[Signer, ...]
    eighteen: tuple[TurningEighteen, ...]  # members of the 'na je 18e' parts
    today: date


def _household_address(household: Household) -> str:
    street = " ".join(p for p in (household.street, household.house_number) if p)
    place = " ".join(p for p in (household.postcode, household.city) if p)
    return ", ".join(p for p in (street, place) if p)


def _listed(person: Person) -> bool:
    """A member living elsewhere is in the family's plan only as a parent with gezag."""
    return not person.lives_elsewhere or person.gezag


def family_print(
    session: Session, household_id: uuid.UUID, version: int | None, today: date
) -> PlanPrint:
    """The printout's content: ``version`` of the plan, or the current one (the latest
    vastgestelde, else the concept). Raises :class:`PlanMissing`."""
    household = get_or_raise(session, Household, household_id)
    plans = service.plans(session, household_id)
    numbers = tuple(sorted(v.version for v in plans.versions))
    plan = plans.version(version) if version is not None else (plans.current or plans.concept)
    if plan is None:
        raise PlanMissing(numbers, version)
    plan = _without_veilig_thuis(session, plan)
    people = list(session.scalars(select(Person).where(Person.household_id == household_id)))
    shielded_home = any(p.address_shielded and not p.lives_elsewhere for p in people)
    members = tuple(
        PrintedMember(
            id=p.id,
            name=full_name(p.first_name, p.infix, p.last_name),
            role=p.role,
            born=p.date_of_birth,
            age=age_on(p.date_of_birth, today) if p.date_of_birth else None,
            gezag=p.gezag,
            lives_elsewhere=p.lives_elsewhere,
            address=p.address if p.lives_elsewhere and not p.address_shielded else "",
            address_shielded=p.address_shielded,
        )
        for p in sorted(
            (p for p in people if _listed(p)),
            key=lambda p: (p.lives_elsewhere, p.date_of_birth or date.max, p.first_name),
        )
    )
    born = {p.id: p.date_of_birth for p in people}
    eighteen = tuple(
        TurningEighteen(a.draft.person_id, birthday(dob, 18))
        for a in plan.adulthood
        if (dob := born.get(a.draft.person_id)) is not None
    )
    return PlanPrint(
        household=household.name,
        address="" if shielded_home else _household_address(household),
        address_shielded=shielded_home,
        members=members,
        plan=plan,
        versions=numbers,
        charts=tuple(service.chart_series(session, plan)),
        signers=tuple(_signers(session, plan, today)),
        eighteen=eighteen,
        today=today,
    )


VEILIG_THUIS = "veilig_thuis"  # the organisatiesoort code


def _without_veilig_thuis(session: Session, plan: GezinsplanRecord) -> GezinsplanRecord:
    """The plan as it is printed: never a Veilig Thuis contact — neither among the
    organisations nor as the one who does an action (that stays in the team's dossier)."""
    hidden = set(session.scalars(select(Organisation.id).where(Organisation.kind == VEILIG_THUIS)))
    if not hidden:
        return plan
    goals = tuple(
        replace(
            goal,
            actions=tuple(
                a
                for a in goal.actions
                if not (
                    a.draft.owner_kind is ActionOwner.ORGANISATIE
                    and a.draft.organisation_id in hidden
                )
            ),
        )
        for goal in plan.goals
    )
    partners = tuple(p for p in plan.partners if p.draft.organisation_id not in hidden)
    return replace(plan, goals=goals, partners=partners)


def _signers(session: Session, plan: GezinsplanRecord, today: date) -> list[Signer]:
    """Who signs: a vastgestelde version's required parties as recorded then (with when and
    how they agreed); a concept's as proposed today. Then the regisseur."""
    if plan.settled:
        signers = [
            Signer(p.name, False, p.draft.agreed_on, p.draft.agreed_how)
            for p in plan.parties
            if p.required
        ]
    else:
        recorded = {p.draft.person_id: p.draft for p in plan.parties}
        signers = []
        for r in service.required_parties(session, plan.id, today):
            party = recorded.get(r.person_id)
            signers.append(
                Signer(r.name, False, party.agreed_on, party.agreed_how)
                if party
                else Signer(r.name)
            )
    # the team signs too: by name, or (no regisseur yet) on a line for whoever will be
    signers.append(Signer(plan.regisseur, regisseur=True))
    return signers
