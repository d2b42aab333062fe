"""Instruments as data beyond the ZRM: subject, direction, critical levels, conclusions the
professional chooses, the team's own instrument file kept in the store, the age proposal."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import avg, inzage, zrm
from models import households as service
from models.entities import Measurement, MeasurementConclusion
from models.enums import MemberRole
from models.instruments import (
    Direction,
    InstrumentError,
    InstrumentProblem,
    Subject,
    parse_instrument,
    shipped_instruments,
)
from models.records import ConclusionDraft, MeasurementDraft, PersonDraft, ScoreDraft, Trend
from models.security import AppSetting, ChangeRecord
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, register

TEST_INSTRUMENT = (
    Path(__file__).resolve().parent.parent / "instruments" / "veiligheidstaxatie-test.json"
)
JA, NEE, ONBEKEND = 1, 2, 3


def _test_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TEST_INSTRUMENT.read_text(encoding="utf-8"))
    return data


def test_the_shipped_files_say_whom_they_are_about_and_which_way_is_better() -> None:
    shipped = shipped_instruments()
    assert set(shipped) == {
        ("zrm", "2013"),
        ("zrm", "2017"),
        ("zrm-jongeren", "2017"),
        ("zrm-huishoudens", "2017"),
    }
    jongeren, huishoudens = shipped[("zrm-jongeren", "2017")], shipped[("zrm-huishoudens", "2017")]
    assert [i.code for i in jongeren.items] == [i.code for i in shipped[("zrm", "2017")].items]
    assert jongeren.ages == (12, 17) and jongeren.subject is Subject.PERSON
    assert huishoudens.subject is Subject.HOUSEHOLD
    assert [i.name for i in huishoudens.items] == [
        "Financiën op huishoudniveau",
        "Huisvesting",
        "Organisatie van het huishouden",
        "Huiselijke relaties",
        "Sociale omgeving",
    ]
    for instrument in shipped.values():
        assert instrument.direction is Direction.HIGHER_IS_BETTER
        assert instrument.critical == {1, 2}
        assert not instrument.texts  # licensed cell texts never ship


def test_resources_hold_no_licensed_instrument() -> None:
    """What ships is ours to ship: the ZRM family's structure, nothing of LIRIK, ARIJ, CARE-NL."""
    folder = Path(__file__).resolve().parent.parent.parent / "resources" / "instruments"
    text = " ".join(p.read_text(encoding="utf-8").lower() for p in folder.glob("*.json"))
    for name in ("lirik", "arij", "care-nl", "veiligheid-test"):
        assert name not in text
    assert not (folder / TEST_INSTRUMENT.name).exists()


def test_direction_decides_what_better_means() -> None:
    assert zrm.trend(2, 4) is Trend.BETTER
    assert zrm.trend(2, 4, Direction.LOWER_IS_BETTER) is Trend.WORSE
    assert zrm.trend(4, 2, Direction.LOWER_IS_BETTER) is Trend.BETTER
    assert zrm.trend(JA, NEE, Direction.NONE) is Trend.CHANGED
    assert zrm.trend(JA, JA, Direction.NONE) is Trend.SAME
    test = parse_instrument(TEST_INSTRUMENT.read_text(encoding="utf-8"))
    assert test.goodness(JA) is None  # ja / nee / onbekend: no better end
    zrm_2017 = shipped_instruments()[("zrm", "2017")]
    assert (zrm_2017.goodness(1), zrm_2017.goodness(5)) == (0.0, 1.0)


def _with(**changes: Any) -> str:
    data = _test_file()
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_with(subject="gezin"), InstrumentProblem.BAD_SUBJECT),
        (_with(direction="omhoog"), InstrumentProblem.BAD_DIRECTION),
        (_with(critical=[7]), InstrumentProblem.BAD_CRITICAL),
        (_with(ages={"from": 18, "to": 12}), InstrumentProblem.BAD_AGES),
        (
            _with(conclusions=[{"code": "veiligheid_nu", "name": "Nu"}]),
            InstrumentProblem.MISSING_FIELD,
        ),
        (_with(conclusions=["veilig", "onveilig"]), InstrumentProblem.BAD_CONCLUSION),
        (
            _with(
                conclusions=[
                    {"code": "s_letsel", "name": "X", "options": [{"code": "a", "name": "A"}]}
                ]
            ),
            InstrumentProblem.DUPLICATE_CODE,
        ),
        (_with(code="x" * 41), InstrumentProblem.MISSING_FIELD),
        ("{niet af", InstrumentProblem.NOT_JSON),
    ],
)
def test_a_bad_instrument_file_names_its_problem(text: str, problem: InstrumentProblem) -> None:
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(text)
    assert caught.value.problem is problem


@pytest.fixture
def family(session: Session) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A household with an adult without a date of birth and a child of 15."""
    household_id = register(session, "Yılmaz")
    ayse = service.add_member(
        session, household_id, PersonDraft("Ayşe", "Yılmaz", MemberRole.OUDER), today=TODAY
    )
    zoe = service.add_member(
        session,
        household_id,
        PersonDraft("Zoë", "Yılmaz", MemberRole.KIND, date_of_birth=date(TODAY.year - 15, 1, 2)),
        today=TODAY,
    )
    return household_id, ayse, zoe


def test_the_instruments_offered_fit_the_subject_and_the_age_proposes_one(session: Session) -> None:
    known = zrm.instruments(session)
    child = zrm.choices(known, Subject.PERSON, 15)
    assert child.suggested is not None and child.suggested.key == ("zrm-jongeren", "2017")
    assert [i.key for i in child.options][:1] == [("zrm-jongeren", "2017")]
    assert ("zrm-huishoudens", "2017") not in [i.key for i in child.options]
    adult = zrm.choices(known, Subject.PERSON, 40)
    assert adult.suggested is not None and adult.suggested.key == ("zrm", "2017")
    assert [i.key for i in adult.options][:2] == [("zrm", "2017"), ("zrm", "2013")]
    unknown_age = zrm.choices(known, Subject.PERSON, None)
    assert unknown_age.suggested is not None and unknown_age.suggested.code == "zrm"
    household = zrm.choices(known, Subject.HOUSEHOLD)
    assert [i.key for i in household.options] == [("zrm-huishoudens", "2017")]


def test_a_loaded_instrument_is_kept_in_the_store_and_offered(session: Session) -> None:
    text = TEST_INSTRUMENT.read_text(encoding="utf-8")
    loaded = zrm.load_instrument(session, text)
    assert loaded.key == ("veiligheid-test", "1") and not loaded.shipped
    assert zrm.load_instrument(session, text) == loaded  # the same file again: nothing changes
    assert session.get(AppSetting, "instrument:veiligheid-test:1") is not None
    offered = zrm.choices(zrm.instruments(session), Subject.PERSON, 15)
    assert ("veiligheid-test", "1") in [i.key for i in offered.options]
    assert offered.suggested is not None and offered.suggested.code == "zrm-jongeren"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"code": "zrm", "version": "2017"}, InstrumentProblem.SHIPPED),
        ({"name": "Andere vragen, zelfde versie"}, InstrumentProblem.ALREADY_LOADED),
        ({"schema": "teamtafel-instrument/2"}, InstrumentProblem.WRONG_SCHEMA),
        (
            {"scale": [{"value": 1, "name": "Ja"}, {"value": 1, "name": "Nee"}]},
            InstrumentProblem.BAD_SCALE,
        ),
    ],
)
def test_a_refused_instrument_file_changes_nothing(
    session: Session, change: dict[str, Any], problem: InstrumentProblem
) -> None:
    zrm.load_instrument(session, TEST_INSTRUMENT.read_text(encoding="utf-8"))
    session.flush()
    before = {(s.key, s.value) for s in session.scalars(select(AppSetting))}
    with pytest.raises(InstrumentError) as caught:
        zrm.load_instrument(session, _with(**change))
    assert caught.value.problem is problem
    session.flush()
    assert {(s.key, s.value) for s in session.scalars(select(AppSetting))} == before
    with pytest.raises(InstrumentError) as too_large:
        zrm.load_instrument(session, " " * (zrm.MAX_FILE + 1))
    assert too_large.value.problem is InstrumentProblem.TOO_LARGE


def _answers(levels: dict[str, int]) -> tuple[ScoreDraft, ...]:
    return tuple(ScoreDraft(code, level) for code, level in levels.items())


def test_conclusions_are_stored_as_chosen_never_computed(
    session: Session, family: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    _household, _ayse, zoe = family
    instrument = zrm.load_instrument(session, TEST_INSTRUMENT.read_text(encoding="utf-8"))
    # Every signal and risk factor 'ja', no protective factor: still the professional's call.
    answers = {i.code: (NEE if i.code.startswith("b_") else JA) for i in instrument.items}
    draft = MeasurementDraft(
        "veiligheid-test",
        "1",
        TODAY,
        "Anouk Verbeek",
        _answers(answers),
        "Oma woont in en grijpt in; afspraken zijn gemaakt.",
        (
            ConclusionDraft("veiligheid_nu", "veilig"),
            ConclusionDraft("risico_komende_periode", "verhoogd"),
        ),
    )
    measurement_id = zrm.save_measurement(session, zoe, draft, today=TODAY)
    (stored,) = zrm.person_measurements(session, zoe, "veiligheid-test")
    assert stored.id == measurement_id
    assert stored.draft.conclusion("veiligheid_nu") == "veilig"
    assert stored.draft.conclusion("risico_komende_periode") == "verhoogd"
    assert stored.complete and (stored.scored, stored.total) == (16, 16)
    # Without conclusions it is saved, and marked incomplete (two of sixteen parts missing).
    zrm.update_measurement(
        session,
        measurement_id,
        draft.__class__(**{**draft.__dict__, "conclusions": ()}),
        today=TODAY,
    )
    (again,) = zrm.person_measurements(session, zoe, "veiligheid-test")
    assert (again.scored, again.total) == (14, 16) and not again.complete
    assert session.scalar(select(func.count()).select_from(MeasurementConclusion)) == 0
    fields = {
        r.field
        for r in session.scalars(
            select(ChangeRecord).where(ChangeRecord.table_name == "measurement_conclusion")
        )
    }
    assert fields == {"(verwijderd)"}  # the chosen conclusions stay in the correction history


@pytest.mark.parametrize(
    ("conclusion", "problem_key"),
    [
        (ConclusionDraft("veiligheid_nu", "een_beetje_veilig"), "conclusion:veiligheid_nu"),
        (ConclusionDraft("oordeel_van_de_app", "veilig"), "conclusion:oordeel_van_de_app"),
    ],
)
def test_a_conclusion_outside_the_instrument_is_refused(
    session: Session,
    family: tuple[uuid.UUID, uuid.UUID, uuid.UUID],
    conclusion: ConclusionDraft,
    problem_key: str,
) -> None:
    zrm.load_instrument(session, TEST_INSTRUMENT.read_text(encoding="utf-8"))
    draft = MeasurementDraft(
        "veiligheid-test", "1", TODAY, "Anouk", _answers({"s_letsel": NEE}), "", (conclusion,)
    )
    with pytest.raises(ValidationError) as caught:
        zrm.save_measurement(session, family[2], draft, today=TODAY)
    assert caught.value.problems == {problem_key: Problem.UNKNOWN_CODE}


def _household_draft() -> MeasurementDraft:
    levels = {"financien_huishouden": 2, "huisvesting": 4, "organisatie_huishouden": 3}
    return MeasurementDraft("zrm-huishoudens", "2017", TODAY, "Anouk", _answers(levels))


def test_a_household_measurement_belongs_to_no_member(
    session: Session, family: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    household_id, ayse, zoe = family
    zrm.save_measurement(session, household_id, _household_draft(), today=TODAY)
    (stored,) = zrm.household_measurements(session, household_id)
    assert stored.person_id is None and stored.level("financien_huishouden") == 2
    assert zrm.person_measurements(session, ayse, None) == []
    # Every member's inzage holds it: it is about the whole household.
    for member in (ayse, zoe):
        assert [m.id for m in inzage.inzage_report(session, member).measurements] == [stored.id]
    groups = zrm.latest(session, household_id)
    assert [(g.code, list(g.per_subject)) for g in groups] == [("zrm-huishoudens", [None])]


@pytest.mark.parametrize("household_instrument", [True, False])
def test_a_measurement_for_the_wrong_subject_is_refused(
    session: Session, family: tuple[uuid.UUID, uuid.UUID, uuid.UUID], household_instrument: bool
) -> None:
    household_id, ayse, _zoe = family
    if household_instrument:  # a household instrument for a member
        draft, subject = _household_draft(), ayse
    else:  # a person's instrument for the household
        draft = MeasurementDraft("zrm", "2017", TODAY, "Anouk", _answers({"financien": 3}))
        subject = household_id
    with pytest.raises(ValidationError) as caught:
        zrm.save_measurement(session, subject, draft, today=TODAY)
    assert caught.value.problems == {"subject": Problem.WRONG_SUBJECT}
    assert session.scalar(select(func.count()).select_from(Measurement)) == 0


def test_a_household_measurement_is_removed_and_destroyed_with_the_dossier(
    session: Session, family: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    household_id, ayse, _zoe = family
    first = zrm.save_measurement(session, household_id, _household_draft(), today=TODAY)
    zrm.save_measurement(session, household_id, _household_draft(), today=TODAY)
    zrm.save_measurement(
        session,
        ayse,
        MeasurementDraft("zrm", "2017", TODAY, "Anouk", _answers({"financien": 3})),
        today=TODAY,
    )
    session.flush()
    zrm.remove_measurement(session, first)
    session.flush()
    assert len(zrm.household_measurements(session, household_id)) == 1
    removal = session.scalars(
        select(ChangeRecord).where(
            ChangeRecord.record_id == first, ChangeRecord.field == "(verwijderd)"
        )
    ).one()
    assert removal.household_id == household_id
    avg.destroy_household(session, household_id)
    session.flush()
    assert session.scalar(select(func.count()).select_from(Measurement)) == 0
