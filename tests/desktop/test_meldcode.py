"""The meldcode through its use cases: steps in order, finishing, corrections with a reason,
a restart, destruction with the dossier and the inzage."""

from __future__ import annotations

import io
import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.session import Unlocked, unlock
from desktop.usecases import avg, meldcode
from desktop.usecases.avg import inzage_document
from models import households as service
from models.access import household_log
from models.afwegingskader import (
    ConsultationDraft,
    ConsultationKind,
    ConversationDraft,
    DecisionDraft,
    MeldcodeRefused,
    MeldcodeRule,
    Outcome,
    OutOfOrder,
    StartDraft,
    Status,
    VictimKind,
    ViolenceForm,
    WeighingDraft,
)
from models.entities import MeldcodeConsultation, MeldcodeCorrection, MeldcodeProcedure
from models.enums import MemberRole
from models.permissions import AccessAction
from models.records import LogLine, PersonDraft
from models.security import ChangeRecord
from models.validation import Problem, ValidationError
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, register
from views.meldcode import MeldcodeDialog

TODAY = date.today()  # the service checks dates against the real today
J, N = True, False


def _household(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Yılmaz")
        child = service.add_member(
            session,
            household_id,
            PersonDraft(
                "Zoë", "Hart", MemberRole.KIND, infix="van 't", date_of_birth=date(2015, 2, 28)
            ),
        )
    return household_id, child


def _start(unlocked: Unlocked, household_id: uuid.UUID, child: uuid.UUID | None) -> uuid.UUID:
    meldcode.start(
        unlocked,
        household_id,
        StartDraft(
            ViolenceForm.KINDERMISHANDELING,
            VictimKind.KIND,
            TODAY - timedelta(days=20),
            "Anouk Verbeek",
            "Blauwe plekken op de bovenarm; Zoë schrikt bij harde geluiden.",
            child,
            injury=True,
        ),
    )
    (record,) = meldcode.procedures(unlocked, household_id)
    return record.id


def _walk_to_weighing(unlocked: Unlocked, procedure_id: uuid.UUID) -> None:
    meldcode.add_consultation(
        unlocked,
        procedure_id,
        ConsultationDraft(
            ConsultationKind.VEILIG_THUIS,
            TODAY - timedelta(days=18),
            "Anouk Verbeek",
            "Veilig Thuis advieslijn",
            anonymous=True,
            advice="Gesprek met moeder aangaan, letselduiding overwegen.",
        ),
    )
    meldcode.record_conversation(
        unlocked,
        procedure_id,
        ConversationDraft(True, TODAY - timedelta(days=15), "Anouk Verbeek", "Moeder herkent het."),
    )


def test_answers_out_of_order_are_refused_by_the_service_and_nothing_is_stored(
    unlocked: Unlocked,
) -> None:
    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    for answers in [(None, J), (J, None, J), (N, J), (J, J, J), (J, N, J, N, J)]:
        with pytest.raises(OutOfOrder):
            meldcode.record_weighing(
                unlocked, procedure_id, WeighingDraft(answers, TODAY, "Anouk Verbeek")
            )
    assert meldcode.procedure(unlocked, procedure_id).weighing is None
    # Nor can step 5 come before the afwegingskader has a conclusion.
    with pytest.raises(MeldcodeRefused) as refused:
        meldcode.record_decision(
            unlocked, procedure_id, DecisionDraft(TODAY, "Anouk Verbeek", help=True, agreements="x")
        )
    assert refused.value.rule is MeldcodeRule.NOT_WEIGHED


def test_a_procedure_walked_through_help_followed_then_a_melding(unlocked: Unlocked) -> None:
    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    record = meldcode.procedure(unlocked, procedure_id)
    assert (record.status, record.step, record.victim) == (Status.OPEN, 2, "Zoë van 't Hart")
    assert record.expects_letselduiding and not record.expects_veilig_thuis
    _walk_to_weighing(unlocked, procedure_id)

    # Help organised and accepted: an evaluation date is required, the procedure is followed.
    with pytest.raises(ValidationError) as invalid:
        meldcode.record_weighing(
            unlocked, procedure_id, WeighingDraft((J, N, J, J), TODAY, "Anouk Verbeek")
        )
    assert invalid.value.problems == {"evaluation_on": Problem.REQUIRED}
    evaluation = TODAY + timedelta(days=42)
    meldcode.record_weighing(
        unlocked, procedure_id, WeighingDraft((J, N, J, J), TODAY, "Anouk Verbeek", "", evaluation)
    )
    meldcode.record_decision(
        unlocked,
        procedure_id,
        DecisionDraft(TODAY, "Anouk Verbeek", help=True, agreements="Wekelijks huisbezoek."),
    )
    (header,) = meldcode.open_procedures(unlocked, household_id)
    assert (header.status, header.step, header.evaluation_on) == (Status.VOLGEN, 4, evaluation)
    with pytest.raises(MeldcodeRefused) as refused:
        meldcode.finish(unlocked, procedure_id, TODAY)
    assert refused.value.rule is MeldcodeRule.VOLGEN

    # At the evaluation: no lasting safety, so the framework says melden.
    meldcode.record_weighing(
        unlocked,
        procedure_id,
        WeighingDraft((J, N, J, J, N), TODAY, "Anouk Verbeek", "", evaluation),
    )
    record = meldcode.procedure(unlocked, procedure_id)
    assert record.conclusion.outcome is Outcome.MELDEN_NIET_DUURZAAM and record.step == 5
    melding = DecisionDraft(
        TODAY,
        "Anouk Verbeek",
        melding=True,
        melding_on=TODAY,
        vt_reference="VT-2026-0412",
        parents_told=False,
        help=True,
        agreements="Wekelijks huisbezoek.",
    )
    with pytest.raises(ValidationError) as invalid:
        meldcode.record_decision(unlocked, procedure_id, melding)
    assert invalid.value.problems == {"parents_not_told_why": Problem.REQUIRED}
    told = DecisionDraft(**{**melding.__dict__, "parents_not_told_why": "Vrees voor escalatie."})
    meldcode.record_decision(unlocked, procedure_id, told)
    meldcode.finish(unlocked, procedure_id, TODAY)
    assert meldcode.open_procedures(unlocked, household_id) == []
    record = meldcode.procedure(unlocked, procedure_id)
    assert record.status is Status.AFGEROND and record.decision == told
    details = [line.detail for line in household_log_lines(unlocked, household_id)]
    assert "meldcode: afgerond" in details and "meldcodeprocedure gestart" in details


def household_log_lines(unlocked: Unlocked, household_id: uuid.UUID) -> list[LogLine]:
    with unlocked.store.sessions() as session:
        return [
            line
            for line in household_log(session, household_id)
            if line.action is AccessAction.CHANGE
        ]


def _finished(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    _walk_to_weighing(unlocked, procedure_id)
    meldcode.record_weighing(unlocked, procedure_id, WeighingDraft((J, J), TODAY, "Anouk Verbeek"))
    meldcode.record_decision(
        unlocked,
        procedure_id,
        DecisionDraft(
            TODAY,
            "Anouk Verbeek",
            melding=True,
            melding_on=TODAY - timedelta(days=1),
            vt_reference="VT-2026-0099",
            parents_told=True,
        ),
    )
    meldcode.finish(unlocked, procedure_id, TODAY)
    return household_id, procedure_id


def test_a_finished_procedure_is_read_only_and_a_correction_keeps_the_original(
    unlocked: Unlocked,
) -> None:
    household_id, procedure_id = _finished(unlocked)
    original = meldcode.procedure(unlocked, procedure_id).decision
    assert original is not None
    corrected = DecisionDraft(**{**original.__dict__, "vt_reference": "VT-2026-0100"})
    with pytest.raises(MeldcodeRefused) as refused:
        meldcode.record_decision(unlocked, procedure_id, corrected)
    assert refused.value.rule is MeldcodeRule.FINISHED
    with pytest.raises(MeldcodeRefused):  # nor a consultation added afterwards, without reason
        meldcode.add_consultation(
            unlocked,
            procedure_id,
            ConsultationDraft(ConsultationKind.COLLEGA, TODAY, "Anouk Verbeek"),
        )
    with pytest.raises(MeldcodeRefused) as refused:  # a reason for nothing is refused too
        meldcode.record_decision(unlocked, procedure_id, original, reason="even kijken")
    assert refused.value.rule is MeldcodeRule.NOTHING_CHANGED

    meldcode.record_decision(unlocked, procedure_id, corrected, reason="Typefout in het kenmerk")
    record = meldcode.procedure(unlocked, procedure_id)
    assert record.decision is not None and record.decision.vt_reference == "VT-2026-0100"
    (correction,) = record.corrections
    assert (correction.reason, correction.fields, correction.login) == (
        "Typefout in het kenmerk",
        ("vt_reference",),
        TEST_LOGIN,
    )
    with unlocked.store.sessions() as session:
        kept = session.scalars(
            select(ChangeRecord).where(
                ChangeRecord.record_id == procedure_id,
                ChangeRecord.field == "vt_reference",
                ChangeRecord.new_value == "VT-2026-0100",
            )
        ).one()
    assert (kept.old_value, kept.new_value) == ("VT-2026-0099", "VT-2026-0100")
    assert any(
        line.detail == "meldcode gecorrigeerd (beslissing)"
        for line in household_log_lines(unlocked, household_id)
    )


def test_a_meldcode_procedure_survives_a_restart(unlocked: Unlocked, db_path: Path) -> None:
    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    _walk_to_weighing(unlocked, procedure_id)
    meldcode.record_weighing(
        unlocked, procedure_id, WeighingDraft((J, N, J), TODAY, "Anouk Verbeek", "Twijfel.")
    )
    before = meldcode.procedure(unlocked, procedure_id)
    unlocked.close()

    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        after = meldcode.procedure(again, procedure_id)
        assert after == before
        assert after.weighing is not None and after.weighing.answers == (J, N, J)
        assert after.conclusion.next_question == 4
        (header,) = meldcode.open_procedures(again, household_id)
        assert (header.form, header.step, header.since) == (
            ViolenceForm.KINDERMISHANDELING,
            4,
            TODAY - timedelta(days=20),
        )
    finally:
        again.close()


def test_the_meldcode_is_destroyed_with_the_dossier(unlocked: Unlocked) -> None:
    household_id, procedure_id = _finished(unlocked)
    meldcode.record_conversation(
        unlocked,
        procedure_id,
        ConversationDraft(False, TODAY, "Anouk Verbeek", why_not="Onveilig voor Zoë."),
        reason="Het gesprek vond toch niet plaats",
    )
    other_household, other_child = _household(unlocked)
    _start(unlocked, other_household, other_child)
    avg.destroy(unlocked, household_id)
    with unlocked.store.sessions() as session:
        for table in (MeldcodeProcedure, MeldcodeConsultation, MeldcodeCorrection):
            left = session.scalar(
                select(func.count()).select_from(table).where(table.household_id == household_id)
            )
            assert left == 0, table.__tablename__
        assert session.scalar(select(func.count()).select_from(MeldcodeProcedure)) == 1


def test_the_meldcode_is_in_every_members_inzage_with_its_corrections(
    unlocked: Unlocked,
) -> None:
    household_id, procedure_id = _finished(unlocked)
    original = meldcode.procedure(unlocked, procedure_id).decision
    assert original is not None
    meldcode.record_decision(
        unlocked,
        procedure_id,
        DecisionDraft(**{**original.__dict__, "vt_feedback": "Veilig Thuis start onderzoek."}),
        reason="Terugkoppeling ontvangen",
    )
    with unlocked.store.sessions.begin() as session:
        parent = service.add_member(
            session, household_id, PersonDraft("Lan", "Nguyễn Thị", MemberRole.OUDER)
        )
    document = inzage_document(unlocked, parent)
    data = json.loads(document.attachments[0].data.decode("utf-8"))
    (procedure,) = data["meldcode"]
    assert procedure["vorm"] == "kindermishandeling" and procedure["status"] == "afgerond"
    assert procedure["afwegingskader"]["conclusie"] == "melden_onveilig"
    assert procedure["beslissing"]["terugkoppeling_veilig_thuis"] == "Veilig Thuis start onderzoek."
    assert [c["reden"] for c in procedure["correcties"]] == ["Terugkoppeling ontvangen"]
    assert any(w["gegeven"] == "meldcode_procedure.vt_feedback" for w in data["wijzigingen"])

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(document.pdf)).pages)
    assert "Meldcode huiselijk geweld en kindermishandeling" in text
    assert "VT-2026-0099" in text and "Reden: Terugkoppeling ontvangen" in text


def test_a_help_decision_taken_while_following_does_not_finish_a_procedure_that_says_melden(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    """Help organised and followed, with its decision (help) recorded; at the evaluation the
    help brings no lasting safety: the framework now says melden, so the old decision (help
    only, no reason to deviate) may not close the procedure."""
    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    _walk_to_weighing(unlocked, procedure_id)
    evaluation = TODAY + timedelta(days=42)
    meldcode.record_weighing(
        unlocked, procedure_id, WeighingDraft((J, N, J, J), TODAY, "Anouk Verbeek", "", evaluation)
    )
    meldcode.record_decision(
        unlocked,
        procedure_id,
        DecisionDraft(TODAY, "Anouk Verbeek", help=True, agreements="Wekelijks huisbezoek."),
    )
    meldcode.record_weighing(
        unlocked,
        procedure_id,
        WeighingDraft((J, N, J, J, N), TODAY, "Anouk Verbeek", "", evaluation),
    )
    record = meldcode.procedure(unlocked, procedure_id)
    assert record.conclusion.melden and record.decision_outdated
    walk = MeldcodeDialog(record)
    qtbot.addWidget(walk)
    assert not walk.finish.isEnabled() and "past niet meer" in walk.conclusion.text()
    assert walk.steps.item(4).text().startswith("→")
    with pytest.raises(MeldcodeRefused) as refused:
        meldcode.finish(unlocked, procedure_id, TODAY)
    assert refused.value.rule is MeldcodeRule.DECISION_OUTDATED
    assert meldcode.procedure(unlocked, procedure_id).finished_on is None
    # step 5 recorded again, now with the melding: the procedure can finish
    meldcode.record_decision(
        unlocked,
        procedure_id,
        DecisionDraft(
            TODAY,
            "Anouk Verbeek",
            melding=True,
            melding_on=TODAY,
            parents_told=True,
            help=True,
            agreements="Wekelijks huisbezoek.",
        ),
    )
    meldcode.finish(unlocked, procedure_id, TODAY)
    assert meldcode.procedure(unlocked, procedure_id).status is Status.AFGEROND


def test_a_due_evaluation_of_followed_help_is_in_te_doen_until_question_5_is_answered(
    unlocked: Unlocked,
) -> None:
    from models.meldcode import EVALUATION
    from models.todo import todo_list

    household_id, child = _household(unlocked)
    procedure_id = _start(unlocked, household_id, child)
    _walk_to_weighing(unlocked, procedure_id)
    evaluation = TODAY + timedelta(days=42)
    meldcode.record_weighing(
        unlocked, procedure_id, WeighingDraft((J, N, J, J), TODAY, "Anouk Verbeek", "", evaluation)
    )
    with unlocked.store.sessions() as session:
        assert todo_list(session, evaluation - timedelta(days=1), None) == []
        (due,) = todo_list(session, evaluation, None)
        assert (due.kind, due.household_id, due.due) == (EVALUATION, household_id, evaluation)
        assert todo_list(session, evaluation, set()) == []  # not one of my households
    meldcode.record_weighing(
        unlocked,
        procedure_id,
        WeighingDraft((J, N, J, J, J), TODAY, "Anouk Verbeek", "", evaluation),
    )
    with unlocked.store.sessions() as session:
        assert todo_list(session, evaluation, None) == []  # evaluated: off the list
