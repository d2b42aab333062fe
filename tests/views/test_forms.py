"""The dossier's forms, driven with the keyboard and mouse as a user would."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from models.codelists import load_codelists
from models.enums import MemberRole
from models.records import MedewerkerRecord, OrganisationRecord, PersonDraft
from models.validation import Problem
from models.wording import PROBLEM
from tests.helpers import leave
from views.dialogs import CloseDialog, PersonDialog, RegistrationDialog

TODAY = date(2026, 11, 25)


def _save(dialog: QDialogButtonBox | object, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bad_bsn_gets_a_dutch_message_and_keeps_the_other_fields(qtbot: QtBot) -> None:
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field("first_name"), "Sanne")
    qtbot.keyClicks(dialog.field("infix"), "van")
    qtbot.keyClicks(dialog.field("last_name"), "Dijk")
    qtbot.keyClicks(dialog.field("date_of_birth"), "03-09-2012")
    qtbot.keyClicks(dialog.field("bsn"), "123456789")

    # The message shows when the field is left, next to the field.
    leave(qtbot, dialog.field("bsn"))
    assert dialog.error_text("bsn") == PROBLEM[Problem.BSN_ELFPROEF]
    assert "elfproef" in dialog.error_text("bsn")
    _save(dialog, qtbot)
    assert dialog.isVisible(), "Opslaan must not close the form with a wrong BSN"
    assert dialog.field("first_name").text() == "Sanne"
    assert dialog.field("infix").text() == "van"
    assert dialog.field("last_name").text() == "Dijk"
    assert dialog.field("date_of_birth").text() == "03-09-2012"
    assert dialog.field("bsn").text() == "123456789"
    assert dialog.focusWidget() is dialog.field("bsn") or not dialog.isActiveWindow()

    dialog.field("bsn").clear()
    qtbot.keyClicks(dialog.field("bsn"), "111222333")
    assert dialog.error_text("bsn") == ""
    _save(dialog, qtbot)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert dialog.value() == PersonDraft(
        first_name="Sanne",
        infix="van",
        last_name="Dijk",
        date_of_birth=date(2012, 9, 3),
        role=MemberRole.KIND,
        bsn="111222333",
    )


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("31-02-2012", Problem.DATE_NOT_REAL),
        ("01-01-2027", Problem.DATE_IN_FUTURE),
        ("2012-01-01", Problem.DATE_FORMAT),
    ],
)
def test_impossible_birth_dates_are_explained(qtbot: QtBot, typed: str, problem: Problem) -> None:
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field("date_of_birth"), typed)
    leave(qtbot, dialog.field("date_of_birth"))
    assert dialog.error_text("date_of_birth") == PROBLEM[problem]


def test_required_fields_are_named_on_save(qtbot: QtBot) -> None:
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.error_text("first_name") == PROBLEM[Problem.REQUIRED]
    assert dialog.error_text("last_name") == PROBLEM[Problem.REQUIRED]
    assert dialog.error_text("bsn") == ""


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field("first_name"), "Sanne")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Wijzigingen niet opgeslagen"]
    assert dialog.isVisible() and dialog.field("first_name").text() == "Sanne"
    dialog.close()
    assert len(asked) == 2
    assert not dialog.isVisible()


def test_closing_an_untouched_form_does_not_ask(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def question(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nothing was typed, so nothing to ask")

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = PersonDialog(initial=PersonDraft("Sem", "Bos", MemberRole.KIND), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_registration_form_needs_only_a_name(qtbot: QtBot) -> None:
    anouk = MedewerkerRecord(
        id=__import__("uuid").uuid4(), name="Anouk", discipline="generalist", active=True
    )
    dialog = RegistrationDialog(load_codelists(), [anouk], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field("name"), "De Vries")
    qtbot.keyClicks(dialog.field("postcode"), "1234ab")
    dialog.field("herkomst").setCurrentIndex(dialog.field("herkomst").findData("school"))
    dialog.field("regisseur").setCurrentIndex(dialog.field("regisseur").findData(str(anouk.id)))
    qtbot.keyClicks(dialog.field("question"), "Onze zoon gaat niet naar school.")
    _save(dialog, qtbot)
    assert dialog.result() == RegistrationDialog.DialogCode.Accepted
    value = dialog.value()
    assert value.household.name == "De Vries" and value.household.postcode == "1234ab"
    assert value.traject.registered_on == TODAY
    assert value.traject.herkomst == "school" and value.traject.regisseur_id == anouk.id
    assert value.traject.question == "Onze zoon gaat niet naar school."


def test_bad_postcode_and_future_aanmelding_are_explained(qtbot: QtBot) -> None:
    dialog = RegistrationDialog(load_codelists(), [], today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field("postcode"), "12 AB")
    dialog.field("registered_on").clear()
    qtbot.keyClicks(dialog.field("registered_on"), "01-12-2026")
    leave(qtbot, dialog.field("postcode"))
    leave(qtbot, dialog.field("registered_on"))
    assert dialog.error_text("postcode") == PROBLEM[Problem.POSTCODE]
    assert dialog.error_text("registered_on") == PROBLEM[Problem.DATE_IN_FUTURE]


def test_closing_needs_a_reason_and_a_date_not_before_the_last_change(qtbot: QtBot) -> None:
    dialog = CloseDialog(load_codelists(), earliest=date(2026, 6, 1), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field("on").clear()
    qtbot.keyClicks(dialog.field("on"), "01-05-2026")
    _save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.error_text("reason") == PROBLEM[Problem.REQUIRED]
    assert dialog.error_text("on") == PROBLEM[Problem.DATE_BEFORE_REGISTRATION]


def test_consent_form_explains_an_end_before_its_start(qtbot: QtBot) -> None:
    from views.dialogs import ConsentDialog

    ggz = OrganisationRecord(uuid.uuid4(), "GGZ Voorbeeldstad", "ggz", True)
    dialog = ConsentDialog([], today=TODAY, organisations=[ggz])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field("organisation"), "GGZ")  # a combo finds by typing
    qtbot.keyClicks(dialog.field("valid_until"), "01-01-2020")
    leave(qtbot, dialog.field("valid_until"))
    assert dialog.error_text("valid_until") == PROBLEM[Problem.END_BEFORE_START]
    dialog.field("valid_until").clear()
    qtbot.keyClicks(dialog.field("valid_until"), "01-01-2027")
    dialog.field("answer").setCurrentIndex(dialog.field("answer").findData("nee"))
    _save(dialog, qtbot)
    value = dialog.value()
    assert (
        value.refused and value.organisation_id == ggz.id and value.valid_until == date(2027, 1, 1)
    )
    assert value.person_id is None and value.given_on == TODAY


def _activate(qtbot: QtBot, dialog: QWidget) -> None:
    """Focus moves (and a field is left) only in the active window."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_a_mistake_is_explained_when_the_field_is_left_not_while_typing(qtbot: QtBot) -> None:
    """No message after the first keystroke: it shows when the field is left (or on Opslaan),
    and goes as soon as the text is right."""
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    _activate(qtbot, dialog)
    bsn = dialog.field("bsn")
    bsn.setFocus()
    qtbot.keyClicks(bsn, "1234")
    assert dialog.error_text("bsn") == ""  # still typing
    qtbot.keyClick(bsn, Qt.Key.Key_Tab)  # leaves the field
    assert not bsn.hasFocus()
    assert dialog.error_text("bsn") == PROBLEM[Problem.BSN_LENGTH]
    bsn.setFocus()
    qtbot.keyClicks(bsn, "5678")  # 12345678: eight digits, still wrong
    assert dialog.error_text("bsn") == PROBLEM[Problem.BSN_LENGTH]  # not replaced while typing
    bsn.clear()
    qtbot.keyClicks(bsn, "111222333")
    assert dialog.error_text("bsn") == ""  # right: gone at once


def test_a_field_passed_through_without_typing_says_nothing(qtbot: QtBot) -> None:
    dialog = PersonDialog(today=TODAY)
    qtbot.addWidget(dialog)
    _activate(qtbot, dialog)
    first = dialog.field("first_name")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert dialog.error_text("first_name") == ""
    _save(dialog, qtbot)
    assert dialog.error_text("first_name") == PROBLEM[Problem.REQUIRED]


def test_a_repeated_password_error_goes_when_the_first_is_made_equal(qtbot: QtBot) -> None:
    from views.login import PasswordDialog

    dialog = PasswordDialog()
    qtbot.addWidget(dialog)
    dialog.field("new").setText("lang-genoeg-1")
    dialog.field("again").setText("lang-genoeg-2")
    _save(dialog, qtbot)
    assert dialog.error_text("again") == PROBLEM[Problem.PASSWORD_MISMATCH]
    dialog.field("new").setText("lang-genoeg-2")
    assert dialog.error_text("again") == ""
