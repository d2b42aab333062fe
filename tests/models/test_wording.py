"""The one Dutch wording module: every code has words, dates and moments read one way."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from models import wording
from models.afwegingskader import (
    ConsultationKind,
    MeldcodeRule,
    Outcome,
    Question,
    Status,
    VictimKind,
    ViolenceForm,
)
from models.enums import ContactKind, EventKind, MemberRole, Phase
from models.errors import Rule
from models.instruments import InstrumentProblem
from models.meeting_records import (
    DecisionKind,
    FamilyAttendance,
    ItemOutcome,
    MeetingKind,
    MeetingStatus,
)
from models.permissions import AccessAction, Role
from models.validation import Problem


@pytest.mark.parametrize(
    ("enum", "words"),
    [
        (Phase, wording.PHASE),
        (MemberRole, wording.ROLE),
        (ContactKind, wording.CONTACT_KIND),
        (EventKind, wording.EVENT_KIND),
        (Role, wording.ROLE_NAMES),
        (AccessAction, wording.ACCESS_ACTION),
        (Problem, wording.PROBLEM),
        (Rule, wording.RULE),
        (InstrumentProblem, wording.INSTRUMENT_PROBLEM),
        (ViolenceForm, wording.VIOLENCE_FORM),
        (VictimKind, wording.VICTIM_KIND),
        (ConsultationKind, wording.CONSULTATION_KIND),
        (Question, wording.QUESTION),
        (Outcome, wording.OUTCOME),
        (Status, wording.MELDCODE_STATUS),
        (MeldcodeRule, wording.MELDCODE_RULE),
        (MeetingKind, wording.MEETING_KIND),
        (MeetingStatus, wording.MEETING_STATUS),
        (ItemOutcome, wording.ITEM_OUTCOME),
        (DecisionKind, wording.DECISION_KIND),
        (FamilyAttendance, wording.FAMILY_ATTENDANCE),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_every_code_has_dutch_words(enum: type, words: dict[object, str]) -> None:
    assert set(words) == set(enum)  # type: ignore[call-overload]
    assert all(text.strip() for text in words.values())


def test_dates_in_dutch() -> None:
    assert wording.date_text(date(2026, 11, 25)) == "25-11-2026"
    assert wording.date_text(date(2026, 3, 4)) == "04-03-2026"
    assert wording.date_text(None) == ""
    assert wording.long_date_text(date(2026, 11, 25)) == "25 november 2026"
    assert wording.long_date_text(date(2027, 3, 1)) == "1 maart 2027"
    assert [wording.long_date_text(date(2026, m, 1)).split()[1] for m in (1, 5, 8, 12)] == [
        "januari",
        "mei",
        "augustus",
        "december",
    ]


def test_a_moment_is_shown_in_local_time(amsterdam_time: None) -> None:
    winter = datetime(2026, 11, 25, 13, 3, 59, tzinfo=UTC)
    summer = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    assert wording.moment_text(winter) == "25-11-2026 14:03"  # CET, UTC+1
    assert wording.moment_text(summer) == "02-07-2026 00:30"  # CEST, UTC+2: the next day
    # Any zone in, the same local text out; a naive value is the stored UTC.
    assert wording.moment_text(winter.astimezone(timezone(timedelta(hours=-5)))) == (
        "25-11-2026 14:03"
    )
    assert wording.moment_text(winter.replace(tzinfo=None)) == "25-11-2026 14:03"
    assert wording.moment_text(None) == ""


def test_counts_and_warnings_in_dutch() -> None:
    from models.records import DossierWarning, WarningKind

    assert wording.number_text(20000) == "20.000"
    assert wording.number_text(7) == "7"
    warning = DossierWarning(WarningKind.TURNS_18, "Zoë van 't Hart", date(2027, 5, 1))
    assert wording.warning_text(warning) == (
        "Zoë van 't Hart wordt 18 op 1 mei 2027: bereid de overgang naar 18+ tijdig voor."
    )


def test_the_correction_history_reads_in_words_a_family_knows() -> None:
    from models.codelists import load_codelists
    from models.wording import changed_field_text, changed_value_text

    codes = load_codelists()
    assert changed_field_text("person", "date_of_birth") == "Gezinslid: geboortedatum"
    assert changed_field_text("traject", "close_reason") == "Traject: reden van afsluiten"
    assert changed_value_text("date_of_birth", "1990-03-04") == "04-03-1990"
    assert changed_value_text("phase", "uitvoering") == "Uitvoering"
    assert changed_value_text("role", "ouder") == "Ouder"
    assert changed_value_text("herkomst", "huisarts", codes) == "Huisarts"
    assert changed_value_text("refused", "True") == "ja"
    assert changed_value_text("medewerker_id", "3f2c0d9e-0000-4000-8000-000000000000") == (
        "(een ander gegeven)"
    )
    assert changed_value_text("bsn", "") == "—"


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 seconden"), (1, "1 seconde"), (2, "2 seconden"), (1200, "1.200 seconden")],
)
def test_a_count_agrees_with_its_noun(count: int, text: str) -> None:
    assert wording.seconds_text(count) == text
    assert wording.count_text(count, "regel", "regels") == text.replace(
        "seconden", "regels"
    ).replace("seconde", "regel")


def test_an_overdue_meldcode_evaluation_says_so_in_the_header() -> None:
    """The dossier header names a followed procedure's evaluation date; past it, 'te laat'."""
    import uuid

    from models.afwegingskader import OpenProcedure, Status, ViolenceForm

    since, evaluation = date(2026, 9, 1), date(2026, 10, 13)
    followed = OpenProcedure(
        uuid.uuid4(), ViolenceForm.KINDERMISHANDELING, Status.VOLGEN, 4, since, evaluation
    )
    on_time = wording.open_procedure_text(followed, date(2026, 10, 13))
    assert "evaluatie 13-10-2026" in on_time and "te laat" not in on_time
    late = wording.open_procedure_text(followed, date(2026, 10, 14))
    assert "evaluatie 13-10-2026 (te laat)" in late
