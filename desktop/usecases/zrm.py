"""Measurements (the ZRM and any other instrument): choosing the instrument, scoring, the
history, corrections, and the files a beheerder loads (instruments and cell texts)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, read, write
from models import zrm
from models.base import get_or_raise
from models.entities import Measurement, Person
from models.instruments import Instrument, Subject, current_version
from models.permissions import Permission
from models.records import MeasurementDraft, MeasurementRecord, age_on
from models.zrm import Choices, LatestGroup

MEASUREMENTS = "measurements"

WORK = Permission.WORK_ON_DOSSIERS


def _current(session: Session) -> Instrument:
    return current_version(zrm.ZRM, zrm.instruments(session))


def instrument(unlocked: Unlocked) -> Instrument:
    """The ZRM version new measurements use, with the team's texts where loaded."""
    return read(unlocked, WORK, _current)


def choices(unlocked: Unlocked, person_id: uuid.UUID | None, today: date | None = None) -> Choices:
    """The instrument versions to offer for a member (by subject; their age proposes one), or
    (``person_id`` None) for the whole household."""

    def work(session: Session) -> Choices:
        known = zrm.instruments(session)
        if person_id is None:
            return zrm.choices(known, Subject.HOUSEHOLD)
        person = get_or_raise(session, Person, person_id)
        born = person.date_of_birth
        age = age_on(born, today or date.today()) if born else None
        return zrm.choices(known, Subject.PERSON, age)

    return read(unlocked, WORK, work)


def latest(unlocked: Unlocked, household_id: uuid.UUID) -> list[LatestGroup]:
    """Per instrument: each member's latest measurement, and the household's."""
    return read(unlocked, WORK, lambda s: zrm.latest(s, household_id))


@dataclass(frozen=True)
class History:
    """Every measurement of one member (or of the whole household), oldest first, and every
    instrument version they were taken with."""

    records: list[MeasurementRecord]
    known: dict[tuple[str, str], Instrument]

    def instrument_of(self, record: MeasurementRecord) -> Instrument | None:
        return self.known.get((record.draft.instrument_code, record.draft.instrument_version))


def history(unlocked: Unlocked, subject_id: uuid.UUID) -> History:
    """The history of a member, or (``subject_id`` a household's) of the whole household."""

    def work(session: Session) -> History:
        person = session.get(Person, subject_id)
        if person is not None:
            records = zrm.subject_measurements(session, person.household_id, person.id)
        else:
            records = zrm.household_measurements(session, subject_id)
        return History(records, zrm.instruments(session))

    return read(unlocked, WORK, work)


def measurement(
    unlocked: Unlocked, measurement_id: uuid.UUID
) -> tuple[MeasurementRecord, Instrument | None]:
    """One measurement with the instrument version it was taken with (NotFound when gone)."""

    def work(session: Session) -> tuple[MeasurementRecord, Instrument | None]:
        row = get_or_raise(session, Measurement, measurement_id)
        found = History(
            zrm.subject_measurements(session, row.household_id, row.person_id),
            zrm.instruments(session),
        )
        record = next(r for r in found.records if r.id == measurement_id)
        return record, found.instrument_of(record)

    return read(unlocked, WORK, work)


def _detail(action: str, draft: MeasurementDraft) -> str:
    """The log line names the instrument and version, never a score or a name."""
    return f"Meting {action} ({draft.instrument_code} {draft.instrument_version})"


def score(unlocked: Unlocked, subject_id: uuid.UUID, draft: MeasurementDraft) -> Changed:
    """A new measurement about a member, or (an instrument about the household) the household."""

    def work(session: Session) -> uuid.UUID:
        measurement_id = zrm.save_measurement(session, subject_id, draft)
        return household_of(session, Measurement, measurement_id)

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail=_detail("vastgelegd", draft))


def correct(unlocked: Unlocked, measurement_id: uuid.UUID, draft: MeasurementDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        zrm.update_measurement(session, measurement_id, draft)
        return household_of(session, Measurement, measurement_id)

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail=_detail("gecorrigeerd", draft))


def remove(unlocked: Unlocked, measurement_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, Measurement, measurement_id)
        zrm.remove_measurement(session, measurement_id)
        return household_id

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail="Meting verwijderd")


def load_instrument(unlocked: Unlocked, text: str) -> Instrument:
    """A beheerder loads the team's own instrument file (e.g. a licensed one); raises
    InstrumentError, with nothing stored, on a file that does not pass."""
    return write(unlocked, Permission.CHANGE_SETTINGS, lambda s: zrm.load_instrument(s, text))


def load_team_texts(unlocked: Unlocked, text: str) -> tuple[str, str]:
    """A beheerder loads the team's licensed cell texts; raises InstrumentError on a bad file."""
    return write(unlocked, Permission.CHANGE_SETTINGS, lambda s: zrm.load_team_texts(s, text))
