"""The ZRM as data: save and load, compare, instrument files, versions side by side."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from models import households as service
from models import zrm
from models.entities import Person
from models.enums import MemberRole
from models.instruments import (
    InstrumentError,
    InstrumentProblem,
    current_version,
    parse_instrument,
    shipped_instruments,
)
from models.records import MeasurementDraft, PersonDraft, ScoreDraft, Trend
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, register


@pytest.fixture
def person_id(session: Session):  # type: ignore[no-untyped-def]
    household_id = register(session)
    return service.add_member(
        session,
        household_id,
        PersonDraft("Maud", "Vries", MemberRole.OUDER, infix="de"),
        today=TODAY,
    )


def _draft(
    levels: dict[str, int | None], on: date = TODAY, version: str = "2017", **extra: object
) -> MeasurementDraft:
    scores = tuple(
        ScoreDraft(code, level, not_assessed=level is None) for code, level in levels.items()
    )
    return MeasurementDraft("zrm", version, on, "Anouk Verbeek", scores, **extra)  # type: ignore[arg-type]


ALL_THREE = {item.code: 3 for item in current_version("zrm").items}


def test_shipped_zrm_has_thirteen_domains_and_five_levels() -> None:
    zrm2017 = current_version("zrm")
    assert zrm2017.version == "2017" and len(zrm2017.items) == 13
    assert zrm2017.scale[0].name == "Acute problematiek"
    assert zrm2017.item("middelengebruik").client_name == "Verslaving"
    assert len(shipped_instruments()[("zrm", "2013")].items) == 11


def test_save_and_load_a_complete_and_a_partial_measurement(session: Session, person_id) -> None:  # type: ignore[no-untyped-def]
    levels = {**ALL_THREE, "financien": 1, "justitie": None}
    zrm.save_measurement(
        session, person_id, _draft(levels, TODAY - timedelta(days=40)), today=TODAY
    )
    zrm.save_measurement(
        session, person_id, _draft({"financien": 2, "huisvesting": 4}), today=TODAY
    )
    first, second = zrm.person_measurements(session, person_id)
    assert first.complete and not second.complete
    assert first.level("financien") == 1 and first.draft.score("justitie").not_assessed  # type: ignore[union-attr]
    assert second.level("huisvesting") == 4 and second.level("werk_opleiding") is None
    household_id = session.get(Person, person_id).household_id  # type: ignore[union-attr]
    assert zrm.latest_per_member(session, household_id)[person_id].id == second.id


def test_bad_input_is_named_per_field(session: Session, person_id) -> None:  # type: ignore[no-untyped-def]
    bad = MeasurementDraft(
        "zrm",
        "2017",
        TODAY + timedelta(days=1),
        " ",
        (
            ScoreDraft("financien", 6),
            ScoreDraft("bestaat_niet", 3),
            ScoreDraft("justitie", 3, target=0),
        ),
    )
    with pytest.raises(ValidationError) as raised:
        zrm.save_measurement(session, person_id, bad, today=TODAY)
    assert raised.value.problems == {
        "measured_on": Problem.DATE_IN_FUTURE,
        "assessor": Problem.REQUIRED,
        "score:financien": Problem.LEVEL_OUT_OF_RANGE,
        "score:bestaat_niet": Problem.UNKNOWN_CODE,
        "score:justitie": Problem.LEVEL_OUT_OF_RANGE,
    }


def test_compare_two_measurements(session: Session, person_id) -> None:  # type: ignore[no-untyped-def]
    zrm.save_measurement(
        session,
        person_id,
        _draft({**ALL_THREE, "financien": 1, "huisvesting": 4}, TODAY - timedelta(days=90)),
        today=TODAY,
    )
    zrm.save_measurement(
        session,
        person_id,
        _draft({**ALL_THREE, "financien": 3, "huisvesting": 2, "justitie": None}),
        today=TODAY,
    )
    old, new = zrm.person_measurements(session, person_id)
    changes = {code: (a, b, t) for code, a, b, t in zrm.compare(current_version("zrm"), old, new)}
    assert changes["financien"] == (1, 3, Trend.BETTER)
    assert changes["huisvesting"] == (4, 2, Trend.WORSE)
    assert changes["werk_opleiding"] == (3, 3, Trend.SAME)
    assert changes["justitie"] == (3, None, Trend.UNKNOWN)
    assert zrm.series([old, new], "financien") == [(old.measured_on, 1.0), (new.measured_on, 3.0)]
    assert zrm.series([old, new], None)[0][1] == pytest.approx((3 * 11 + 1 + 4) / 13)


def test_correction_keeps_history_and_removal_works(session: Session, person_id) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from models.security import ChangeRecord

    measurement_id = zrm.save_measurement(session, person_id, _draft({"financien": 2}), today=TODAY)
    session.flush()
    zrm.update_measurement(
        session, measurement_id, _draft({"financien": 3, "huisvesting": 4}), today=TODAY
    )
    session.flush()
    assert zrm.person_measurements(session, person_id)[0].level("financien") == 3
    changes = [(c.field, c.old_value, c.new_value) for c in session.scalars(select(ChangeRecord))]
    assert ("level", "2", "3") in changes
    zrm.remove_measurement(session, measurement_id)
    session.flush()
    assert zrm.person_measurements(session, person_id) == []


def test_a_measurement_keeps_its_instrument_version(session: Session, person_id) -> None:  # type: ignore[no-untyped-def]
    old_items = {item.code: 2 for item in shipped_instruments()[("zrm", "2013")].items}
    zrm.save_measurement(
        session,
        person_id,
        _draft(old_items, TODAY - timedelta(days=700), version="2013"),
        today=TODAY,
    )
    zrm.save_measurement(session, person_id, _draft(ALL_THREE), today=TODAY)
    old, new = zrm.person_measurements(session, person_id)
    assert (old.draft.instrument_version, new.draft.instrument_version) == ("2013", "2017")
    assert old.complete and new.complete
    assert old.level("dagbesteding") == 2  # a 2013 domain, still shown with its own instrument
    assert shipped_instruments()[("zrm", "2013")].item("dagbesteding").name == "Dagbesteding"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("geen json", InstrumentProblem.NOT_JSON),
        (json.dumps({"schema": "iets-anders"}), InstrumentProblem.WRONG_SCHEMA),
        (
            json.dumps(
                {
                    "schema": "teamtafel-instrument/1",
                    "code": "x",
                    "version": "1",
                    "name": "X",
                    "scale": [{"value": 2, "name": "b"}, {"value": 1, "name": "a"}],
                    "sections": [],
                }
            ),
            InstrumentProblem.BAD_SCALE,
        ),
        (
            json.dumps(
                {
                    "schema": "teamtafel-instrument/1",
                    "code": "x",
                    "version": "1",
                    "name": "X",
                    "scale": [{"value": 1, "name": "a"}],
                    "sections": [
                        {
                            "code": "s",
                            "name": "S",
                            "items": [{"code": "a", "name": "A"}, {"code": "a", "name": "B"}],
                        }
                    ],
                }
            ),
            InstrumentProblem.DUPLICATE_CODE,
        ),
        (
            json.dumps(
                {
                    "schema": "teamtafel-instrument/1",
                    "code": "x",
                    "version": "1",
                    "scale": [{"value": 1, "name": "a"}],
                    "sections": [{"code": "s", "name": "S", "items": [{"code": "a", "name": "A"}]}],
                }
            ),
            InstrumentProblem.MISSING_FIELD,
        ),
    ],
)
def test_bad_instrument_files_are_refused(text: str, problem: InstrumentProblem) -> None:
    with pytest.raises(InstrumentError) as raised:
        parse_instrument(text)
    assert raised.value.problem is problem


def test_team_texts_are_checked_and_then_shown(session: Session) -> None:
    good = {
        "schema": "teamtafel-instrument-texts/1",
        "instrument": "zrm",
        "version": "2017",
        "cells": {
            "financien": {"1": "Groeiende complexe schulden.", "5": "Vrij besteedbaar inkomen."}
        },
    }
    for cells, problem in (
        ({"geldzaken": {"1": "x"}}, InstrumentProblem.UNKNOWN_ITEM),
        ({"financien": {"6": "x"}}, InstrumentProblem.UNKNOWN_LEVEL),
        ({"financien": {"1": " "}}, InstrumentProblem.EMPTY_TEXT),
    ):
        with pytest.raises(InstrumentError) as raised:
            zrm.load_team_texts(session, json.dumps({**good, "cells": cells}))
        assert raised.value.problem is problem
    with pytest.raises(InstrumentError) as unknown:
        zrm.load_team_texts(session, json.dumps({**good, "version": "1999"}))
    assert unknown.value.problem is InstrumentProblem.UNKNOWN_INSTRUMENT
    assert zrm.instruments(session)[("zrm", "2017")].texts == {}
    assert zrm.load_team_texts(session, json.dumps(good)) == ("zrm", "2017")
    session.flush()
    assert (
        zrm.instruments(session)[("zrm", "2017")].texts["financien"][1]
        == "Groeiende complexe schulden."
    )


def test_an_assessor_name_longer_than_its_column_is_refused(session: Session) -> None:
    """Regression: a 300-character Beoordelaar was stored in a String(120) column."""
    household_id = register(session)
    person_id = service.add_member(
        session, household_id, PersonDraft("Sem", "Bakker", MemberRole.KIND), today=TODAY
    )
    instrument = shipped_instruments()[("zrm", "2017")]
    scores = tuple(ScoreDraft(item.code, 3) for item in instrument.items)
    draft = MeasurementDraft(instrument.code, instrument.version, TODAY, "x" * 121, scores)
    with pytest.raises(ValidationError) as raised:
        zrm.save_measurement(session, person_id, draft, today=TODAY)
    assert raised.value.problems == {"assessor": Problem.TOO_LONG}


def test_an_empty_zrm_cannot_be_saved(session: Session) -> None:
    """Regression: one Return in a fresh grid stored 0 of 13 and blanked the overview."""
    household_id = register(session)
    person_id = service.add_member(
        session, household_id, PersonDraft("Sem", "Bakker", MemberRole.KIND), today=TODAY
    )
    instrument = shipped_instruments()[("zrm", "2017")]
    empty = tuple(ScoreDraft(item.code, None) for item in instrument.items)
    draft = MeasurementDraft(instrument.code, instrument.version, TODAY, "Anouk", empty)
    with pytest.raises(ValidationError) as raised:
        zrm.save_measurement(session, person_id, draft, today=TODAY)
    assert raised.value.problems == {"scores": Problem.NOTHING_SCORED}
    one = (ScoreDraft(instrument.items[0].code, 2), *empty[1:])
    partial = MeasurementDraft(instrument.code, instrument.version, TODAY, "Anouk", one)
    zrm.save_measurement(session, person_id, partial, today=TODAY)  # one domain is enough
