"""The application object: a crash report without the data it was about, from the moment the
QApplication exists, and Qt's own texts in Dutch."""

from __future__ import annotations

import faulthandler
import logging
import sys

import pytest

from desktop import app as desktop_app
from tests.conftest import MessageBoxes

SECRET_NAME, SECRET_BSN, SECRET_NOTE = "Nguyễn Thị Lan", "999969419", "vader drinkt weer"


def _crash() -> None:
    person = {"naam": SECRET_NAME, "bsn": SECRET_BSN}  # a local the report must not show
    raise ValueError(f"kan {person['naam']} ({person['bsn']}) niet opslaan: {SECRET_NOTE}")


def test_the_crash_hook_is_installed_with_the_application(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    desktop_app.make_application()
    assert sys.excepthook is desktop_app.excepthook
    assert faulthandler.is_enabled()


@pytest.mark.log_warnings
def test_a_crash_report_names_the_code_not_the_data(
    caplog: pytest.LogCaptureFixture, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a real screen the user is told; offscreen (automation) only the log has it.
    monkeypatch.setattr(desktop_app.QApplication, "platformName", staticmethod(lambda: "xcb"))
    try:
        _crash()
    except ValueError as exc:
        kind, error, tb = type(exc), exc, exc.__traceback__
    with caplog.at_level(logging.ERROR, logger="desktop.app"):
        desktop_app.excepthook(kind, error, tb)
    report = caplog.text
    assert "unexpected ValueError" in report and "_crash" in report
    for secret in (SECRET_NAME, SECRET_BSN, SECRET_NOTE, "Nguy"):
        assert secret not in report
    # The user is told, in Dutch, without the data either.
    [(box, text)] = message_boxes.shown
    assert box == "critical" and "onverwacht" in text and SECRET_NAME not in text


def test_qt_own_texts_are_dutch(qtbot: object) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    desktop_app.make_application()
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
    )
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert texts == {"Annuleren", "Sluiten"}


def test_a_confirmation_reads_ja_nee(qtbot: object) -> None:
    from PySide6.QtWidgets import QMessageBox

    desktop_app.make_application()
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Teamtafel",
        "Dit contactmoment verwijderen?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Discard,
    )
    texts = sorted(button.text().replace("&", "") for button in box.buttons())
    assert texts == ["Ja", "Nee", "Verwerpen"]
    box.deleteLater()


def test_every_rule_field_has_a_dutch_name_in_messages() -> None:
    """A refused draft names its fields in Dutch: never 'role: Vul dit veld in.'"""
    from desktop.errors import FIELD_NAMES
    from models import rules

    specs = [value for value in vars(rules).values() if isinstance(value, dict)]
    fields = {
        name for spec in specs for name, rule in spec.items() if isinstance(rule, rules.Field)
    }
    assert fields and fields <= set(FIELD_NAMES), fields - set(FIELD_NAMES)
