"""The key epochs as a user meets them: the Beheer menu, the accounts dialog, the File menu,
and what a login asks first. Each key change is asked (Ja/Nee) with what it does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import reset_password_with_recovery, unlock
from tests.conftest import MessageBoxes
from tests.desktop.format_1 import make_format_1
from tests.desktop.modal import on_modal, press_save
from tests.desktop.test_key_epochs import (
    BAS,
    BAS_PASSWORD,
    FORMAT_1_ACCOUNTS,
    Team,
    make_team,
)
from tests.helpers import TEST_LOGIN, TEST_PASSWORD
from views.admin import AccountsDialog
from views.login import NewPasswordDialog, PasswordDialog, RecoveryCodeDialog


@pytest.fixture
def team(db_path: Path) -> Team:
    return make_team(db_path)


@pytest.fixture
def window(qtbot: QtBot, team: Team) -> Iterator[MainController]:
    controller = MainController(team.login())
    qtbot.addWidget(controller.window)
    yield controller
    controller.unlocked.close()


def _select(dialog: AccountsDialog, login: str) -> None:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 1).text() == login:
            dialog.table.selectRow(row)
            return
    raise AssertionError(login)


def _status(dialog: AccountsDialog, login: str) -> str:
    rows = range(dialog.table.rowCount())
    return next(
        dialog.table.item(r, 3).text() for r in rows if dialog.table.item(r, 1).text() == login
    )


def _menu_texts(controller: MainController) -> set[str]:
    return {
        action.text()
        for menu in controller.window.menuBar().actions()
        if menu.menu() is not None
        for action in menu.menu().actions()  # type: ignore[union-attr]
    }


def _type_password(qtbot: QtBot, dialog: PasswordDialog, old: str, new: str) -> None:
    dialog.field("old").setText(old)  # type: ignore[attr-defined]
    dialog.field("new").setText(new)  # type: ignore[attr-defined]
    dialog.field("again").setText(new)  # type: ignore[attr-defined]
    press_save(qtbot, dialog)


def _note_code(codes: list[str]) -> None:
    def acknowledge(dialog: RecoveryCodeDialog) -> None:
        codes.append(dialog.code.text())
        dialog.saved.setChecked(True)
        dialog.ok.click()

    on_modal(RecoveryCodeDialog, acknowledge)


def test_the_menus_offer_the_key_changes(window: MainController) -> None:
    texts = _menu_texts(window)
    assert {"Nieuwe &herstelcode…", "Laptop &kwijt of gestolen…", "Wachtwoord &gelekt…"} <= texts


def test_switching_off_in_the_accounts_dialog_asks_first_and_then_changes_the_key(
    qtbot: QtBot, window: MainController, message_boxes: MessageBoxes
) -> None:
    dialog = window.admin.manage_accounts()
    assert dialog is not None
    _select(dialog, BAS)
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.deactivate, Qt.MouseButton.LeftButton)
    question = message_boxes.texts()[-1]
    assert "bas uitschakelen" in question and "nieuwe sleutel" in question
    assert window.unlocked.epoch == 1 and _status(dialog, BAS) == "actief"

    message_boxes.answer = QMessageBox.StandardButton.Yes
    _select(dialog, BAS)
    qtbot.mouseClick(dialog.deactivate, Qt.MouseButton.LeftButton)
    assert window.unlocked.epoch == 2 and _status(dialog, BAS) == "uitgeschakeld"
    dialog.close()


def test_a_leaked_password_is_blocked_and_a_temporary_one_is_chosen_at_the_next_login(
    qtbot: QtBot, window: MainController, team: Team, message_boxes: MessageBoxes
) -> None:
    dialog = window.admin.manage_accounts()
    assert dialog is not None
    message_boxes.answer = QMessageBox.StandardButton.Yes
    _select(dialog, BAS)
    qtbot.mouseClick(dialog.leaked, Qt.MouseButton.LeftButton)
    assert "als gelekt melden" in message_boxes.texts()[-2]
    assert "is geblokkeerd" in message_boxes.texts()[-1]
    assert _status(dialog, BAS) == "geblokkeerd: tijdelijk wachtwoord nodig"
    assert window.unlocked.epoch == 2

    def type_temporary(form: NewPasswordDialog) -> None:
        assert any("<b>bas</b>" in label.text() for label in form.findChildren(QLabel))
        form.field("new").setText("tijdelijk-1234")  # type: ignore[attr-defined]
        form.field("again").setText("tijdelijk-1234")  # type: ignore[attr-defined]
        press_save(qtbot, form)

    _select(dialog, BAS)
    on_modal(NewPasswordDialog, type_temporary)
    qtbot.mouseClick(dialog.temporary, Qt.MouseButton.LeftButton)
    assert _status(dialog, BAS) == "actief, tijdelijk wachtwoord"
    dialog.close()

    bas = MainController(team.login(BAS, "tijdelijk-1234"))
    qtbot.addWidget(bas.window)
    on_modal(PasswordDialog, lambda d: _type_password(qtbot, d, "tijdelijk-1234", "eigen-bas-1"))
    bas.after_login()
    assert any("tijdelijk wachtwoord" in text for text in message_boxes.texts())
    assert "Uw wachtwoord is gewijzigd." in message_boxes.texts()
    bas.unlocked.close()
    again = team.login(BAS, "eigen-bas-1")
    assert not again.temporary_password
    again.close()


def test_own_password_reported_leaked_from_the_file_menu(
    qtbot: QtBot, window: MainController, team: Team, message_boxes: MessageBoxes
) -> None:
    on_modal(PasswordDialog, lambda d: _type_password(qtbot, d, TEST_PASSWORD, "nieuw-beheer-22"))
    assert window.account.report_leaked() is not None
    assert window.unlocked.epoch == 2
    assert "database heeft een nieuwe sleutel" in message_boxes.texts()[-1]
    assert window.unlocked.verify_password("nieuw-beheer-22")
    assert not window.unlocked.verify_password(TEST_PASSWORD)


def test_a_new_recovery_code_is_asked_first_and_shown_once(
    qtbot: QtBot, window: MainController, team: Team, message_boxes: MessageBoxes
) -> None:
    assert window.admin.new_recovery_code() is None  # Nee: nothing happens
    assert "oude herstelcode werkt daarna niet meer" in message_boxes.texts()[-1]
    assert window.unlocked.epoch == 1
    message_boxes.answer = QMessageBox.StandardButton.Yes
    codes: list[str] = []
    _note_code(codes)
    assert window.admin.new_recovery_code() is not None
    assert len(codes) == 1 and codes[0] != team.code and window.unlocked.epoch == 2
    window.unlocked.close()
    reset_password_with_recovery(team.path, codes[0], TEST_LOGIN, "na-herstel-wachtwoord")


def test_lost_laptop_gives_a_new_key_and_code(
    qtbot: QtBot, window: MainController, message_boxes: MessageBoxes
) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Yes
    codes: list[str] = []
    _note_code(codes)
    assert window.admin.lost_laptop() is not None
    assert "kwijt of gestolen" in message_boxes.texts()[0]
    assert len(codes) == 1 and window.unlocked.epoch == 2


def test_a_beheerder_hears_when_the_recovery_code_is_outdated(
    qtbot: QtBot, db_path: Path, message_boxes: MessageBoxes
) -> None:
    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    medewerker = MainController(unlock(db_path, BAS, BAS_PASSWORD))
    qtbot.addWidget(medewerker.window)
    medewerker.admin.after_login()
    medewerker.unlocked.close()
    assert message_boxes.texts() == []
    beheerder = MainController(unlock(db_path, TEST_LOGIN, TEST_PASSWORD))
    qtbot.addWidget(beheerder.window)
    beheerder.after_login()
    assert (
        "herstelcode van deze database is nog van een oudere versie" in (message_boxes.texts()[0])
    )
    beheerder.unlocked.close()


def test_a_key_change_that_would_leave_no_beheerder_a_way_in_is_refused(
    qtbot: QtBot, db_path: Path, message_boxes: MessageBoxes
) -> None:
    """A database from before format 2 whose beheerder has not logged in since: a medewerker's
    key change would block the beheerder and drop the old recovery code. Refused."""
    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    bas = MainController(unlock(db_path, BAS, BAS_PASSWORD))
    qtbot.addWidget(bas.window)
    on_modal(
        PasswordDialog, lambda d: _type_password(qtbot, d, BAS_PASSWORD, "nieuw-bas-wachtwoord")
    )
    assert bas.account.report_leaked() is None
    assert "geen beheerder meer" in message_boxes.texts()[-1]
    assert bas.unlocked.epoch == 1
    bas.unlocked.close()
    unlock(db_path, BAS, BAS_PASSWORD).close()  # nothing changed
    unlock(db_path, TEST_LOGIN, TEST_PASSWORD).close()


def test_a_beheerder_hears_when_no_recovery_code_works(
    qtbot: QtBot, db_path: Path, message_boxes: MessageBoxes
) -> None:
    from desktop.usecases.accounts import report_own_password_leaked

    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    unlock(db_path, TEST_LOGIN, TEST_PASSWORD).close()  # the beheerder converts
    bas = unlock(db_path, BAS, BAS_PASSWORD)
    report_own_password_leaked(bas, BAS_PASSWORD, "nieuw-bas-wachtwoord")  # drops the old code
    bas.close()
    beheerder = MainController(unlock(db_path, TEST_LOGIN, TEST_PASSWORD))
    qtbot.addWidget(beheerder.window)
    beheerder.after_login()
    assert "geen werkende herstelcode" in message_boxes.texts()[0]
    beheerder.unlocked.close()
