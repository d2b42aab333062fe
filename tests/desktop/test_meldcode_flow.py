"""The meldcode walked on screen: start, the afwegingskader form in order, the walk-through,
finishing and a correction with its reason, all against a database file."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters.meldcode import MeldcodePresenter
from desktop.session import Unlocked
from desktop.usecases import meldcode
from desktop.usecases.meldcode import MELDCODE
from models import households as service
from models.afwegingskader import Outcome, Status, ViolenceForm
from models.enums import MemberRole
from models.records import PersonDraft
from models.validation import format_date
from models.wording import OUTCOME
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import register
from views.dossier.meldcode import MeldcodeSection
from views.meldcode import (
    ConsultationDialog,
    ConversationDialog,
    DecisionDialog,
    FinishDialog,
    MeldcodeDialog,
    StartDialog,
    WeighingDialog,
)

TODAY = date.today()


@pytest.fixture
def opened(
    qtbot: QtBot, unlocked: Unlocked
) -> Iterator[tuple[MainController, MeldcodePresenter, uuid.UUID]]:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
        service.add_member(
            session,
            household_id,
            PersonDraft(
                "Zoë", "Hart", MemberRole.KIND, infix="van 't", date_of_birth=date(2016, 5, 2)
            ),
        )
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    assert controller.open_household(household_id) is not None
    presenter = controller.dossiers[household_id].sections[MELDCODE]
    assert isinstance(presenter, MeldcodePresenter)
    yield controller, presenter, household_id


def _choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def _type(qtbot: QtBot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Type as a user does; QTest types ASCII only, so the rest is pasted in."""
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    elif isinstance(field, QPlainTextEdit):
        field.insertPlainText(text)
    else:
        field.insert(text)


def _in_walk(  # type: ignore[no-untyped-def]
    qtbot: QtBot, presenter: MeldcodePresenter, procedure_id: uuid.UUID, step: int, form, act
) -> None:
    """Open the walk-through, press a step's button, fill its form, and see it shown."""
    done: list[bool] = []

    def walk(dialog: MeldcodeDialog) -> None:
        on_modal(form, act)
        dialog.steps.setCurrentRow(step - 1)
        qtbot.mouseClick(dialog.buttons[step], Qt.MouseButton.LeftButton)
        if step != 2:
            assert dialog.contents[step].text() != "Nog niet vastgelegd."  # shown at once
        done.append(True)
        dialog.reject()

    on_modal(MeldcodeDialog, walk)
    presenter.open(procedure_id)
    assert done == [True]


def test_a_meldcode_walked_on_screen(
    qtbot: QtBot,
    opened,
    message_boxes: MessageBoxes,  # type: ignore[no-untyped-def]
) -> None:
    controller, presenter, household_id = opened
    section = presenter.widget
    assert isinstance(section, MeldcodeSection) and section.empty.isVisible()

    def start(dialog: StartDialog) -> None:
        _choose(dialog.field("form"), ViolenceForm.KINDERMISHANDELING.value)
        _choose(dialog.field("victim_kind"), "kind")
        _choose(dialog.field("victim_id"), dialog.field("victim_id").itemData(1))
        _choose(dialog.field("injury"), "ja")
        _type(qtbot, dialog.field("signals"), "Blauwe plek op de wang; Zoë is stil op school.")
        press_save(qtbot, dialog)

    on_modal(StartDialog, start)
    on_modal(MeldcodeDialog, lambda dialog: dialog.reject())  # it opens on the new procedure
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    (record,) = meldcode.procedures(controller.unlocked, household_id)
    assert record.victim == "Zoë van 't Hart" and record.start.injury
    assert section.table.rowCount() == 1 and section.table.item(0, 3).text() == "Lopend: stap 2"
    header = presenter.header_widget  # the dossier header names the open procedure
    assert header.isVisibleTo(controller.window)
    assert header.text().startswith("Meldcode kindermishandeling: stap 2 van 5, sinds")

    def consult(dialog: ConsultationDialog) -> None:
        _choose(dialog.field("kind"), "letselduiding")
        _type(qtbot, dialog.field("advice"), "Letsel past niet bij de uitleg.")
        press_save(qtbot, dialog)

    _in_walk(qtbot, presenter, record.id, 2, ConsultationDialog, consult)
    assert not meldcode.procedure(controller.unlocked, record.id).expects_letselduiding

    def converse(dialog: ConversationDialog) -> None:
        _choose(dialog.field("held"), "nee")
        assert not dialog.field("note").isEnabled() and dialog.field("why_not").isEnabled()
        _type(qtbot, dialog.field("why_not"), "Vader was aanwezig; niet veilig voor Zoë.")
        press_save(qtbot, dialog)

    def weigh(dialog: WeighingDialog) -> None:
        # Only question 1 is open; a 'nee' to question 2 opens question 3, a 'ja' concludes.
        assert [dialog.field(f"answer_{n}").isEnabled() for n in range(1, 6)] == [
            True,
            False,
            False,
            False,
            False,
        ]
        _choose(dialog.field("answer_1"), "ja")
        _choose(dialog.field("answer_2"), "nee")
        _choose(dialog.field("answer_3"), "ja")
        assert dialog.field("answer_4").isEnabled() and not dialog.field("answer_5").isEnabled()
        _choose(dialog.field("answer_2"), "ja")  # acute unsafety: 3 is cleared and closed
        assert (
            dialog.field("answer_3").currentData() == ""
            and not dialog.field("answer_3").isEnabled()
        )
        assert OUTCOME[Outcome.MELDEN_ONVEILIG] in dialog.conclusion.text()
        press_save(qtbot, dialog)

    def decide(dialog: DecisionDialog) -> None:
        assert dialog.field("melding").currentData() == "ja"  # the conclusion is proposed
        _type(qtbot, dialog.field("vt_reference"), "VT-2026-1234")
        _choose(dialog.field("parents_told"), "nee")
        press_save(qtbot, dialog)  # refused: why the parents were not told
        assert dialog.isVisible() and dialog.error_text("parents_not_told_why")
        _type(qtbot, dialog.field("parents_not_told_why"), "Vrees voor de veiligheid van Zoë.")
        press_save(qtbot, dialog)

    _in_walk(qtbot, presenter, record.id, 3, ConversationDialog, converse)
    _in_walk(qtbot, presenter, record.id, 4, WeighingDialog, weigh)
    _in_walk(qtbot, presenter, record.id, 5, DecisionDialog, decide)

    record = meldcode.procedure(controller.unlocked, record.id)
    assert record.conclusion.outcome is Outcome.MELDEN_ONVEILIG
    assert record.decision is not None and record.decision.vt_reference == "VT-2026-1234"
    assert record.conversation is not None and not record.conversation.held

    def finish(dialog: MeldcodeDialog) -> None:
        def on(form: FinishDialog) -> None:
            press_save(qtbot, form)

        on_modal(FinishDialog, on)
        assert dialog.finish.isEnabled()
        qtbot.mouseClick(dialog.finish, Qt.MouseButton.LeftButton)
        assert not dialog.finish.isVisible()  # finished: the walk-through is read-only
        assert dialog.buttons[5].text() == "Corrigeren…"
        dialog.reject()

    on_modal(MeldcodeDialog, finish)
    presenter.open(record.id)
    assert meldcode.procedure(controller.unlocked, record.id).status is Status.AFGEROND

    def correct(dialog: DecisionDialog) -> None:
        assert dialog.windowTitle().endswith("corrigeren")
        _type(qtbot, dialog.field("vt_reference"), "VT-2026-1243")
        press_save(qtbot, dialog)  # refused: a correction needs its reason
        assert dialog.isVisible() and dialog.error_text("reason")
        _type(qtbot, dialog.field("reason"), "Cijfers van het kenmerk omgedraaid.")
        press_save(qtbot, dialog)

    def walk(dialog: MeldcodeDialog) -> None:
        on_modal(DecisionDialog, correct)
        dialog.steps.setCurrentRow(4)
        qtbot.mouseClick(dialog.buttons[5], Qt.MouseButton.LeftButton)
        assert "Cijfers van het kenmerk omgedraaid." in dialog.conclusion.text()
        dialog.reject()

    on_modal(MeldcodeDialog, walk)
    presenter.open(record.id)
    record = meldcode.procedure(controller.unlocked, record.id)
    assert record.decision is not None and record.decision.vt_reference == "VT-2026-1243"
    assert [c.reason for c in record.corrections] == ["Cijfers van het kenmerk omgedraaid."]
    assert section.table.item(0, 3).text() == f"Afgerond {format_date(TODAY)} · gemeld"
    assert not header.isVisibleTo(controller.window)  # finished: no longer in the header
    assert message_boxes.texts() == []


def test_the_afwegingskader_form_restores_a_werkkopie_in_order(qtbot: QtBot) -> None:
    dialog = WeighingDialog(None, "Anouk Verbeek")
    qtbot.addWidget(dialog)
    dialog.restore(
        {
            "answer_1": "ja",
            "answer_2": "nee",
            "answer_3": "ja",
            "answer_4": "ja",
            "evaluation_on": format_date(TODAY + timedelta(days=30)),
        }
    )
    assert dialog.answers() == (True, False, True, True, None)
    assert OUTCOME[Outcome.HULP_ORGANISEREN] in dialog.conclusion.text()
    assert dialog.field("evaluation_on").isEnabled()
