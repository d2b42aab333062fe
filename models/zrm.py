"""Measurements with any instrument (the ZRM, its variants, a team's own): record, correct,
remove, compare, and follow them over time. The module keeps its old name: the ZRM came first.

An instrument's subject says whom a measurement is about: one person, or (``person_id``
None) the whole household. Its conclusions are chosen by the professional and stored as
chosen; nothing here derives a verdict from the item answers.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from statistics import mean

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from models.base import get_or_raise
from models.entities import Household, Measurement, MeasurementConclusion, MeasurementScore, Person
from models.instruments import (
    Direction,
    Instrument,
    InstrumentError,
    InstrumentProblem,
    Subject,
    parse_instrument,
    parse_texts,
    shipped_instruments,
)
from models.records import (
    ConclusionDraft,
    MeasurementDraft,
    MeasurementRecord,
    ScoreDraft,
    Trend,
)
from models.rules import MEASUREMENT, check_fields
from models.security import AppSetting
from models.validation import Problem, ValidationError, check_date

ZRM = "zrm"
TEXTS = "texts:"  # an AppSetting key prefix: a team's cell texts, per code and version
LOADED = "instrument:"  # an AppSetting key prefix: an instrument file a beheerder loaded
MAX_FILE = 1_000_000  # characters: an instrument file is a few kilobytes


def _loaded(session: Session) -> dict[tuple[str, str], Instrument]:
    """The instruments a beheerder loaded, as their files were checked then."""
    found = {}
    for row in session.scalars(select(AppSetting).where(AppSetting.key.like(f"{LOADED}%"))):
        instrument = replace(parse_instrument(row.value), shipped=False)
        found[instrument.key] = instrument
    return found


def instruments(session: Session | None = None) -> dict[tuple[str, str], Instrument]:
    """The shipped instruments and those a beheerder loaded, with the team's cell texts
    where they were loaded."""
    found = dict(shipped_instruments())
    if session is not None:
        found.update(_loaded(session))
        for row in session.scalars(select(AppSetting).where(AppSetting.key.like(f"{TEXTS}%"))):
            _prefix, code, version = row.key.split(":", 2)
            if (code, version) in found:
                texts = {
                    item: {int(k): v for k, v in levels.items()}
                    for item, levels in json.loads(row.value).items()
                }
                found[(code, version)] = found[(code, version)].with_texts(texts)
    return found


def load_instrument(session: Session, text: str) -> Instrument:
    """Check a team's instrument file and keep it (the store is encrypted). A version that
    ships with Teamtafel, or another file under a loaded code and version, is refused: a
    measurement is always shown with the questions it was taken with."""
    if len(text) > MAX_FILE:
        raise InstrumentError(InstrumentProblem.TOO_LARGE)
    instrument = parse_instrument(text)
    if instrument.key in shipped_instruments():
        raise InstrumentError(InstrumentProblem.SHIPPED, " ".join(instrument.key))
    key = f"{LOADED}{instrument.code}:{instrument.version}"
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=text))
    elif parse_instrument(row.value) != instrument:
        raise InstrumentError(InstrumentProblem.ALREADY_LOADED, " ".join(instrument.key))
    return replace(instrument, shipped=False)


def load_team_texts(session: Session, text: str) -> tuple[str, str]:
    """Store a team's cell texts after checking them against their instrument."""
    key, texts = parse_texts(text, instruments(session))
    setting_key = f"{TEXTS}{key[0]}:{key[1]}"
    row = session.get(AppSetting, setting_key)
    value = json.dumps(texts, ensure_ascii=False)
    if row is None:
        session.add(AppSetting(key=setting_key, value=value))
    else:
        row.value = value
    return key


@dataclass(frozen=True)
class Choices:
    """The instrument versions that fit one subject, newest version of each first, and the
    one to propose (by the person's age)."""

    options: tuple[Instrument, ...]
    suggested: Instrument | None


def choices(
    known: Mapping[tuple[str, str], Instrument], subject: Subject, age: int | None = None
) -> Choices:
    fitting = [i for i in known.values() if i.subject is subject]
    newest: dict[str, Instrument] = {}
    for instrument in fitting:
        if instrument.code not in newest or instrument.version > newest[instrument.code].version:
            newest[instrument.code] = instrument
    by_age = sorted((i for i in newest.values() if i.suits_age(age)), key=_name)
    suggested = by_age[0] if by_age else newest.get(ZRM)
    if suggested is None and newest:
        suggested = min(newest.values(), key=_name)
    first = suggested.code if suggested else ""
    codes = sorted(newest, key=lambda code: (code != first, _name(newest[code])))
    ordered = [
        version
        for code in codes
        for version in sorted(
            (i for i in fitting if i.code == code), key=lambda i: i.version, reverse=True
        )
    ]
    return Choices(tuple(ordered), suggested)


def _name(instrument: Instrument) -> str:
    return instrument.name.casefold()


def _instrument(draft: MeasurementDraft, known: Mapping[tuple[str, str], Instrument]) -> Instrument:
    instrument = known.get((draft.instrument_code, draft.instrument_version))
    if instrument is None:
        raise InstrumentError(
            InstrumentProblem.UNKNOWN_INSTRUMENT,
            f"{draft.instrument_code} {draft.instrument_version}",
        )
    return instrument


def scored_items(instrument: Instrument, draft: MeasurementDraft) -> int:
    """How many of the instrument's items are scored (or explicitly marked not assessed) and
    how many of its conclusions are chosen."""
    items = sum(
        1 for item in instrument.items if (s := draft.score(item.code)) is not None and s.scored
    )
    return items + sum(1 for c in instrument.conclusions if draft.conclusion(c.code))


def total_parts(instrument: Instrument) -> int:
    return len(instrument.items) + len(instrument.conclusions)


def validate(draft: MeasurementDraft, instrument: Instrument, today: date) -> None:
    problems: dict[str, Problem] = {}
    if problem := check_date(draft.measured_on, not_after=today):
        problems["measured_on"] = problem
    if problem := check_fields(MEASUREMENT, {"assessor": draft.assessor}).get("assessor"):
        problems["assessor"] = problem
    if not any(score.level is not None or score.not_assessed for score in draft.scores) and not any(
        c.option for c in draft.conclusions
    ):
        problems["scores"] = Problem.NOTHING_SCORED  # an empty measurement would blank the overview
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
    for chosen in draft.conclusions:
        conclusion = instrument.conclusion(chosen.code)
        if conclusion is None or (
            chosen.option and chosen.option not in {o.code for o in conclusion.options}
        ):
            problems[f"conclusion:{chosen.code}"] = Problem.UNKNOWN_CODE
    if problems:
        raise ValidationError(problems)


def _apply_scores(measurement: Measurement, draft: MeasurementDraft) -> None:
    """Update score rows in place (so corrections keep their history), add and drop the rest;
    the same for the chosen conclusions."""
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
    chosen_rows = {c.conclusion_code: c for c in measurement.conclusions}
    chosen = {c.code: c.option for c in draft.conclusions if c.option}
    for code, chosen_row in list(chosen_rows.items()):
        if code not in chosen:
            measurement.conclusions.remove(chosen_row)
    for code, option in chosen.items():
        chosen_row = chosen_rows.get(code) or MeasurementConclusion(conclusion_code=code)
        chosen_row.option_code = option
        if code not in chosen_rows:
            measurement.conclusions.append(chosen_row)


def save_measurement(
    session: Session, subject_id: uuid.UUID, draft: MeasurementDraft, *, today: date | None = None
) -> uuid.UUID:
    """A new measurement about ``subject_id``: a person, or for an instrument whose subject is
    the household, the household."""
    instrument = _instrument(draft, instruments(session))
    validate(draft, instrument, today or date.today())
    person: Person | None = None
    if instrument.subject is Subject.PERSON:
        person = session.get(Person, subject_id)
        household_id = person.household_id if person else None
    else:
        household_id = subject_id if session.get(Household, subject_id) else None
    if household_id is None:
        raise ValidationError({"subject": Problem.WRONG_SUBJECT})
    measurement = Measurement(
        household_id=household_id,
        instrument_code=draft.instrument_code,
        instrument_version=draft.instrument_version,
        measured_on=draft.measured_on,
        assessor=draft.assessor.strip(),
        note=draft.note.strip(),
    )
    _apply_scores(measurement, draft)
    if person is not None:
        person.measurements.append(measurement)
    else:
        session.add(measurement)
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
    draft = replace(
        draft,
        instrument_code=measurement.instrument_code,
        instrument_version=measurement.instrument_version,
    )
    validate(draft, _instrument(draft, instruments(session)), today or date.today())
    measurement.measured_on = draft.measured_on
    measurement.assessor = draft.assessor.strip()
    measurement.note = draft.note.strip()
    _apply_scores(measurement, draft)


def remove_measurement(session: Session, measurement_id: uuid.UUID) -> None:
    """For a measurement made in error; the removal is kept in the correction history."""
    measurement = get_or_raise(session, Measurement, measurement_id)
    if measurement.person is not None:
        measurement.person.measurements.remove(measurement)
    else:
        session.delete(measurement)


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
        tuple(
            ConclusionDraft(c.conclusion_code, c.option_code)
            for c in sorted(measurement.conclusions, key=lambda c: c.conclusion_code)
        ),
    )
    instrument = known.get((draft.instrument_code, draft.instrument_version))
    return MeasurementRecord(
        measurement.id,
        measurement.person_id,
        draft,
        scored=scored_items(instrument, draft) if instrument else 0,
        total=total_parts(instrument) if instrument else 0,
    )


def _measurements(session: Session, *where: ColumnElement[bool]) -> list[MeasurementRecord]:
    """Matching measurements with their scores and conclusions, oldest first."""
    rows = session.scalars(
        select(Measurement)
        .where(*where)
        .options(selectinload(Measurement.scores), selectinload(Measurement.conclusions))
        .order_by(Measurement.measured_on, Measurement.created_at)
    )
    known = instruments(session)
    return [_record(m, known) for m in rows]


def person_measurements(
    session: Session, person_id: uuid.UUID, code: str | None = ZRM
) -> list[MeasurementRecord]:
    """Oldest first; of one instrument, or (``code`` None) of every instrument."""
    where = [Measurement.person_id == person_id]
    if code is not None:
        where.append(Measurement.instrument_code == code)
    return _measurements(session, *where)


def household_measurements(session: Session, household_id: uuid.UUID) -> list[MeasurementRecord]:
    """The measurements about the whole household (not about one member), oldest first."""
    return _measurements(
        session, Measurement.household_id == household_id, Measurement.person_id.is_(None)
    )


def subject_measurements(
    session: Session, household_id: uuid.UUID, person_id: uuid.UUID | None
) -> list[MeasurementRecord]:
    """Every measurement of one member, or (None) of the whole household, oldest first."""
    if person_id is None:
        return household_measurements(session, household_id)
    return person_measurements(session, person_id, None)


def latest_per_member(
    session: Session, household_id: uuid.UUID, code: str = ZRM
) -> dict[uuid.UUID, MeasurementRecord]:
    records = _measurements(
        session, Measurement.household_id == household_id, Measurement.instrument_code == code
    )
    return {r.person_id: r for r in records if r.person_id is not None}  # later overwrite earlier


@dataclass(frozen=True)
class LatestGroup:
    """The latest measurement per subject (a member, or None: the household) with one
    instrument, and the version to show them with (the newest one among them)."""

    instrument: Instrument | None
    code: str
    per_subject: dict[uuid.UUID | None, MeasurementRecord]


def latest(session: Session, household_id: uuid.UUID) -> list[LatestGroup]:
    """Per instrument used in the household: its latest measurement per member and of the
    household; the ZRM first, then in the order of the latest measurement."""
    records = _measurements(session, Measurement.household_id == household_id)
    known = instruments(session)
    groups: dict[str, dict[uuid.UUID | None, MeasurementRecord]] = {}
    for record in records:
        groups.setdefault(record.draft.instrument_code, {})[record.person_id] = record
    result = []
    for code, per_subject in groups.items():
        versions = sorted({r.draft.instrument_version for r in per_subject.values()})
        instrument = next(
            (known[(code, v)] for v in reversed(versions) if (code, v) in known), None
        )
        result.append(LatestGroup(instrument, code, per_subject))
    return sorted(
        result,
        key=lambda g: (
            g.code != ZRM,
            -max(r.measured_on.toordinal() for r in g.per_subject.values()),
        ),
    )


def trend(
    old: int | None, new: int | None, direction: Direction = Direction.HIGHER_IS_BETTER
) -> Trend:
    if old is None or new is None:
        return Trend.UNKNOWN
    if new == old:
        return Trend.SAME
    if direction is Direction.NONE:
        return Trend.CHANGED
    higher = new > old
    return Trend.BETTER if higher == (direction is Direction.HIGHER_IS_BETTER) else Trend.WORSE


def compare(
    instrument: Instrument, old: MeasurementRecord, new: MeasurementRecord
) -> list[tuple[str, int | None, int | None, Trend]]:
    """Per item of ``instrument``: the old level, the new level and which way it went
    (the direction of the instrument's scale says which way is better)."""
    return [
        (
            item.code,
            old.level(item.code),
            new.level(item.code),
            trend(old.level(item.code), new.level(item.code), instrument.direction),
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
