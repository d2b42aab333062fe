"""The AVG inzage: everything Teamtafel holds about one person, as one typed report.

The PDF for the family and the machine-readable JSON file are both made from this
report (in ``desktop.reports.inzage``); it holds codes, enums, dates and aware UTC
moments, no Dutch wording.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from models import households as service
from models.access import household_log
from models.consents import list_consents
from models.entities import Consent, Measurement, MeasurementScore, Person
from models.enums import MemberRole
from models.errors import NotFound
from models.records import (
    ConsentRecord,
    ContactRecord,
    HouseholdDraft,
    LogLine,
    MeasurementRecord,
    TrajectRecord,
    full_name,
)
from models.security import Account, ChangeRecord
from models.zrm import person_measurements


@dataclass(frozen=True)
class InzagePerson:
    id: uuid.UUID
    household_id: uuid.UUID
    first_name: str
    infix: str
    last_name: str
    date_of_birth: date | None
    role: MemberRole
    bsn: str | None
    recorded_at: datetime
    recorded_by: str

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.infix, self.last_name)


@dataclass(frozen=True)
class InzageHousehold:
    dossier_number: str
    address: HouseholdDraft  # name, street, house number, postcode, city, phone
    members: tuple[str, ...]  # full names, in the dossier's order

    @property
    def street_line(self) -> str:
        return f"{self.address.street} {self.address.house_number}".strip()


@dataclass(frozen=True)
class ChangeLine:
    """One changed field of the correction history."""

    at: datetime
    login: str
    table_name: str
    field: str
    old_value: str
    new_value: str

    @property
    def what(self) -> str:
        return f"{self.table_name}.{self.field}"


@dataclass(frozen=True)
class InzageReport:
    person: InzagePerson
    household: InzageHousehold
    trajecten: tuple[TrajectRecord, ...]  # the current one first
    contacts: tuple[ContactRecord, ...]  # newest first
    consents: tuple[ConsentRecord, ...]  # the household's and this person's own
    measurements: tuple[MeasurementRecord, ...]  # oldest first
    changes: tuple[ChangeLine, ...]  # oldest first
    access: tuple[LogLine, ...]  # newest first
    names: dict[str, str] = field(default_factory=dict)  # login -> the colleague's name

    def name_of(self, login: str) -> str:
        """Who did it, as the family knows them: the colleague's name, not their login."""
        return self.names.get(login, login)

    @property
    def household_id(self) -> uuid.UUID:
        return self.person.household_id


# Kept for sorting and searching, derived from what the family sees: not a correction.
DERIVED_FIELDS = ("sort_name", "search_text")

# Corrections to these tables are about the household as a whole, which the person is part of.
HOUSEHOLD_TABLES = ("household", "traject", "traject_event", "regisseur_assignment", "contact")


def _about_the_person(person: Person) -> ColumnElement[bool]:
    """The corrections a person may see: their own record, their consents and ZRMs, and the
    household's own facts; never another member's record, consent or measurement."""
    measurements = select(Measurement.id).where(Measurement.person_id == person.id)
    return or_(
        ChangeRecord.table_name.in_(HOUSEHOLD_TABLES),
        and_(ChangeRecord.table_name == "person", ChangeRecord.record_id == person.id),
        and_(
            ChangeRecord.table_name == "consent",
            ChangeRecord.record_id.in_(
                select(Consent.id).where(
                    Consent.household_id == person.household_id,
                    or_(Consent.person_id.is_(None), Consent.person_id == person.id),
                )
            ),
        ),
        and_(ChangeRecord.table_name == "measurement", ChangeRecord.record_id.in_(measurements)),
        and_(
            ChangeRecord.table_name == "measurement_score",
            ChangeRecord.record_id.in_(
                select(MeasurementScore.id).where(MeasurementScore.measurement_id.in_(measurements))
            ),
        ),
    )


def inzage_report(session: Session, person_id: uuid.UUID) -> InzageReport:
    """Everything stored about one person: for the PDF and the JSON file."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    dossier = service.load_dossier(session, person.household_id)
    history = session.scalars(
        select(ChangeRecord)
        .where(ChangeRecord.household_id == person.household_id)
        .where(_about_the_person(person))
        .where(ChangeRecord.field.not_in(DERIVED_FIELDS))
        .order_by(ChangeRecord.at)
    )
    return InzageReport(
        person=InzagePerson(
            id=person.id,
            household_id=person.household_id,
            first_name=person.first_name,
            infix=person.infix,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            role=person.role,
            bsn=person.bsn,
            recorded_at=person.created_at,
            recorded_by=person.created_by,
        ),
        household=InzageHousehold(
            dossier_number=dossier.dossier_number,
            address=dossier.household,
            members=tuple(m.full_name for m in dossier.members),
        ),
        trajecten=tuple(t for t in (dossier.traject, *dossier.earlier_trajecten) if t is not None),
        contacts=dossier.contacts,
        consents=tuple(
            c
            for c in list_consents(session, person.household_id)
            if c.person_id in (None, person_id)
        ),
        measurements=tuple(person_measurements(session, person_id)),
        changes=tuple(
            ChangeLine(h.at, h.login, h.table_name, h.field, h.old_value, h.new_value)
            for h in history
        ),
        access=tuple(household_log(session, person.household_id)),
        names={
            login: name
            for login, name in session.execute(select(Account.login, Account.display_name))
        },
    )
