"""ZRM measurements: record, correct, remove, compare, and follow them over time."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from statistics import mean

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from models.base import get_or_raise
from models.entities import Measurement, MeasurementScore, Person
from models.instruments import (
    Instrument,
    InstrumentError,
    InstrumentProblem,
    parse_texts,
    shipped_instruments,
)
from models.records import MeasurementDraft, MeasurementRecord, ScoreDraft, Trend
from models.rules import MEASUREMENT, check_fields
from models.security import AppSetting
from models.validation import Problem, ValidationError, check_date

ZRM = "zrm"


def instruments(session: Session | None = None) -> dict[tuple[str, str], Instrument]:
    """The shipped instruments, with the team's cell texts where a beheerder loaded them."""
    found = dict(shipped_instruments())
    if session is not None:
        for row in session.scalars(select(AppSetting).where(AppSetting.key.like("texts:%"))):
            _prefix, code, version = row.key.split(":", 2)
            if (code, version) in found:
                texts = {
                    item: {int(k): v for k, v in levels.items()}
                    for item, levels in json.loads(row.value).items()
                }
                found[(code, version)] = found[(code, version)].with_texts(texts)
    return found


def load_team_texts(session: Session, text: str) -> tuple[str, str]:
    """Store a team's cell texts after checking them against their instrument."""
    key, texts = parse_texts(text, shipped_instruments())
    setting_key = f"texts:{key[0]}:{key[1]}"
    row = session.get(AppSetting, setting_key)
    value = json.dumps(texts, ensure_ascii=False)
    if row is None:
        session.add(AppSetting(key=setting_key, value=value))
    else:
        row.value = value
    return key


def _instrument(draft: MeasurementDraft, known: Mapping[tuple[str, str], Instrument]) -> Instrument:
    instrument = known.get((draft.instrument_code, draft.instrument_version))
    if instrument is None:
        raise InstrumentError(
            InstrumentProblem.UNKNOWN_INSTRUMENT,
            f"{draft.instrument_code} {draft.instrument_version}",
        )
    return instrument


def scored_items(instrument: Instrument, draft: MeasurementDraft) -> int:
    """How many of the instrument's items are scored, or explicitly marked not assessed."""
    return sum(
        1 for item in instrument.items if (s := draft.score(item.code)) is not None and s.scored
    )


def validate(draft: MeasurementDraft, instrument: Instrument, today: date) -> None:
    problems: dict[str, Problem] = {}
    if problem := check_date(draft.measured_on, not_after=today):
        problems["measured_on"] = problem
    if problem := check_fields(MEASUREMENT, {"assessor": draft.assessor}).get("assessor"):
        problems["assessor"] = problem
    if not any(score.level is not None or score.not_assessed for score in draft.scores):
        problems["scores"] = Problem.NOTHING_SCORED  # an empty ZRM would blank the overview
    values = instrument.values()
    for score in draft.scores:
        if instrument.item(score.item_code) is None:
            problems[f"score:{score.item_code}"] = Problem.UNKNOWN_CODE
        elif (score.level is not None and score.level not in values) or (
            score.target is not None and score.target not in values
        ):
            problems[f"score:{score.item_code}"] = Problem.LEVEL_OUT_OF_RANGE
        elif score.not_assessed and (score.level is not None or not instrument.allow_not_assessed):
            problems[f"score:{score.item_code}"] = Problem.LEVEL_OUT_OF_RANGE
    if problems:
        raise ValidationError(problems)


def _apply_scores(measurement: Measurement, draft: MeasurementDraft) -> None:
    """Update score rows in place (so corrections keep their history), add and drop the rest."""
    existing = {s.item_code: s for s in measurement.scores}
    wanted = {
        s.item_code: s for s in draft.scores if s.scored or s.target is not None or s.remark.strip()
    }
    for code, row in list(existing.items()):
        if code not in wanted:
            measurement.scores.remove(row)
    for code, score in wanted.items():
        row = existing.get(code) or MeasurementScore(item_code=code)
        row.level, row.not_assessed = score.level, score.not_assessed
        row.target, row.remark = score.target, score.remark.strip()
        if code not in existing:
            measurement.scores.append(row)


def save_measurement(
    session: Session, person_id: uuid.UUID, draft: MeasurementDraft, *, today: date | None = None
) -> uuid.UUID:
    instrument = _instrument(draft, shipped_instruments())
    validate(draft, instrument, today or date.today())
    person = get_or_raise(session, Person, person_id)
    measurement = Measurement(
        household_id=person.household_id,
        instrument_code=draft.instrument_code,
        instrument_version=draft.instrument_version,
        measured_on=draft.measured_on,
        assessor=draft.assessor.strip(),
        note=draft.note.strip(),
    )
    _apply_scores(measurement, draft)
    person.measurements.append(measurement)
    session.flush()
    return measurement.id


def update_measurement(
    session: Session,
    measurement_id: uuid.UUID,
    draft: MeasurementDraft,
    *,
    today: date | None = None,
) -> None:
    """A correction: same instrument version, new values; the old ones stay in the history."""
    measurement = get_or_raise(session, Measurement, measurement_id)
    draft = MeasurementDraft(
        measurement.instrument_code,
        measurement.instrument_version,
        draft.measured_on,
        draft.assessor,
        draft.scores,
        draft.note,
    )
    validate(draft, _instrument(draft, shipped_instruments()), today or date.today())
    measurement.measured_on = draft.measured_on
    measurement.assessor = draft.assessor.strip()
    measurement.note = draft.note.strip()
    _apply_scores(measurement, draft)


def remove_measurement(session: Session, measurement_id: uuid.UUID) -> None:
    """For a measurement made in error; the removal is kept in the correction history."""
    measurement = get_or_raise(session, Measurement, measurement_id)
    measurement.person.measurements.remove(measurement)


def _record(
    measurement: Measurement, known: Mapping[tuple[str, str], Instrument]
) -> MeasurementRecord:
    draft = MeasurementDraft(
        measurement.instrument_code,
        measurement.instrument_version,
        measurement.measured_on,
        measurement.assessor,
        tuple(
            ScoreDraft(s.item_code, s.level, s.not_assessed, s.target, s.remark)
            for s in sorted(measurement.scores, key=lambda s: s.item_code)
        ),
        measurement.note,
    )
    instrument = known.get((draft.instrument_code, draft.instrument_version))
    return MeasurementRecord(
        measurement.id,
        measurement.person_id,
        draft,
        scored=scored_items(instrument, draft) if instrument else 0,
        total=len(instrument.items) if instrument else 0,
    )


def _measurements(session: Session, *where: ColumnElement[bool]) -> list[MeasurementRecord]:
    """Matching measurements with their scores, oldest first."""
    rows = session.scalars(
        select(Measurement)
        .where(*where)
        .options(selectinload(Measurement.scores))
        .order_by(Measurement.measured_on, Measurement.created_at)
    )
    known = shipped_instruments()
    return [_record(m, known) for m in rows]


def person_measurements(
    session: Session, person_id: uuid.UUID, code: str = ZRM
) -> list[MeasurementRecord]:
    """Oldest first."""
    return _measurements(
        session, Measurement.person_id == person_id, Measurement.instrument_code == code
    )


def latest_per_member(
    session: Session, household_id: uuid.UUID, code: str = ZRM
) -> dict[uuid.UUID, MeasurementRecord]:
    records = _measurements(
        session, Measurement.household_id == household_id, Measurement.instrument_code == code
    )
    return {r.person_id: r for r in records}  # later ones overwrite earlier


def trend(old: int | None, new: int | None) -> Trend:
    if old is None or new is None:
        return Trend.UNKNOWN
    return Trend.BETTER if new > old else Trend.WORSE if new < old else Trend.SAME


def compare(
    instrument: Instrument, old: MeasurementRecord, new: MeasurementRecord
) -> list[tuple[str, int | None, int | None, Trend]]:
    """Per item of ``instrument``: the old level, the new level and which way it went."""
    return [
        (
            item.code,
            old.level(item.code),
            new.level(item.code),
            trend(old.level(item.code), new.level(item.code)),
        )
        for item in instrument.items
    ]


def series(records: Sequence[MeasurementRecord], item_code: str | None) -> list[tuple[date, float]]:
    """Points for a trend line: one item's level, or (None) the mean of all assessed levels."""
    points: list[tuple[date, float]] = []
    for record in records:
        if item_code is None:
            levels = [s.level for s in record.draft.scores if s.level is not None]
            if levels:
                points.append((record.measured_on, mean(levels)))
        elif (level := record.level(item_code)) is not None:
            points.append((record.measured_on, float(level)))
    return points
