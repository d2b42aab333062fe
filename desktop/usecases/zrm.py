"""The Zelfredzaamheid-Matrix: scoring, the history, corrections and the team's cell texts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, read, write
from models import zrm
from models.base import get_or_raise
from models.entities import Measurement, Person
from models.instruments import Instrument, current_version
from models.permissions import Permission
from models.records import MeasurementDraft, MeasurementRecord

MEASUREMENTS = "measurements"

WORK = Permission.WORK_ON_DOSSIERS


def _current(session: Session) -> Instrument:
    return current_version(zrm.ZRM, zrm.instruments(session))


def instrument(unlocked: Unlocked) -> Instrument:
    """The ZRM version new measurements use, with the team's texts where loaded."""
    return read(unlocked, WORK, _current)


@dataclass(frozen=True)
class Latest:
    """The household's latest ZRM per member, with the instrument to show it with."""

    instrument: Instrument
    per_member: dict[uuid.UUID, MeasurementRecord]


def latest(unlocked: Unlocked, household_id: uuid.UUID) -> Latest:
    return read(
        unlocked, WORK, lambda s: Latest(_current(s), zrm.latest_per_member(s, household_id))
    )


@dataclass(frozen=True)
class History:
    """Every ZRM of one person, oldest first, and every instrument version they were taken with."""

    records: list[MeasurementRecord]
    known: dict[tuple[str, str], Instrument]

    def instrument_of(self, record: MeasurementRecord) -> Instrument | None:
        return self.known.get((record.draft.instrument_code, record.draft.instrument_version))


def history(unlocked: Unlocked, person_id: uuid.UUID) -> History:
    return read(
        unlocked,
        WORK,
        lambda s: History(zrm.person_measurements(s, person_id), zrm.instruments(s)),
    )


def measurement(
    unlocked: Unlocked, measurement_id: uuid.UUID
) -> tuple[MeasurementRecord, Instrument | None]:
    """One measurement with the instrument version it was taken with (NotFound when gone)."""

    def work(session: Session) -> tuple[MeasurementRecord, Instrument | None]:
        person_id = get_or_raise(session, Measurement, measurement_id).person_id
        found = History(zrm.person_measurements(session, person_id), zrm.instruments(session))
        record = next(r for r in found.records if r.id == measurement_id)
        return record, found.instrument_of(record)

    return read(unlocked, WORK, work)


def score(unlocked: Unlocked, person_id: uuid.UUID, draft: MeasurementDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        zrm.save_measurement(session, person_id, draft)
        return household_of(session, Person, person_id)

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail="ZRM vastgelegd")


def correct(unlocked: Unlocked, measurement_id: uuid.UUID, draft: MeasurementDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        zrm.update_measurement(session, measurement_id, draft)
        return household_of(session, Measurement, measurement_id)

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail="ZRM gecorrigeerd")


def remove(unlocked: Unlocked, measurement_id: uuid.UUID) -> Changed:
    def work(session: Session) -> uuid.UUID:
        household_id = household_of(session, Measurement, measurement_id)
        zrm.remove_measurement(session, measurement_id)
        return household_id

    return change(unlocked, work, kinds=(MEASUREMENTS,), detail="ZRM verwijderd")


def load_team_texts(unlocked: Unlocked, text: str) -> tuple[str, str]:
    """A beheerder loads the team's licensed cell texts; raises InstrumentError on a bad file."""
    return write(unlocked, Permission.CHANGE_SETTINGS, lambda s: zrm.load_team_texts(s, text))
