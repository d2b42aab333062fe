"""Logging in, the lock screen and the beheerder's screens, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import demo_hint, login_message
from desktop.controller import MainController
from desktop.demo import create_demo_database
from desktop.session import Throttle, Unlocked, unlock
from desktop.usecases.households import add_medewerker, medewerkers
from models.permissions import PermissionDenied, Role
from tests.desktop.modal import on_modal
from tests.helpers import FAST_KDF, TEST_PASSWORD
from views.dialogs import MedewerkerDialog, PersonDialog
from views.login import LoginDialog


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    create_demo_database(path, 20, cost=FAST_KDF).close()
    return path


def test_login_dialog_explains_a_wrong_password_and_lets_the_right_one_in(
    qtbot: QtBot, demo_path: Path
) -> None:
    result: list[Unlocked] = []
    throttle = Throttle()
    dialog = LoginDialog(
        lambda login, pw: login_message(demo_path, throttle, login, pw, result),
        demo_hint(demo_path),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert "anouk" in dialog.findChild(type(dialog.error), "hint").text()
    qtbot.keyClicks(dialog.login, "anouk")
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Deze inlognaam en dit wachtwoord passen niet bij elkaar."
    assert dialog.login.text() == "anouk" and dialog.password.text() == ""
    for _ in range(3):
        qtbot.keyClicks(dialog.password, "fout-wachtwoord")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "Te veel mislukte pogingen" in dialog.error.text()
    assert result == []
    throttle.succeeded("anouk")  # the wait is over
    qtbot.keyClicks(dialog.password, "demo-medewerker-2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == LoginDialog.DialogCode.Accepted
    assert result[0].actor.login == "anouk"
    result[0].close()


def test_auto_lock_hides_everything_and_keeps_what_was_typed(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.autolock.set_minutes(0.002)  # 120 ms
    controller.autolock.timer.start()
    typed: dict[str, str] = {}

    def type_then_wait_for_the_lock(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Sanne")
        qtbot.keyClicks(dialog.field("bsn"), "11122233")
        qtbot.waitUntil(lambda: controller.autolock.locked, timeout=3000)
        overlay = controller.autolock.password_overlay()
        assert overlay is not None and overlay.parent() is dialog  # the password goes on top
        # Typing into the covered form does nothing while locked.
        qtbot.keyClicks(dialog.field("bsn"), "3")
        assert dialog.field("bsn").text() == "11122233"
        assert overlay.password is not None
        qtbot.keyClicks(overlay.password, "verkeerd")
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
        assert controller.autolock.locked and overlay.error.text() == "Dit wachtwoord klopt niet."
        qtbot.keyClicks(overlay.password, TEST_PASSWORD)
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
        assert not controller.autolock.locked
        typed.update(first=dialog.field("first_name").text(), bsn=dialog.field("bsn").text())
        controller.autolock.set_minutes(60)
        dialog.done(0)

    on_modal(PersonDialog, type_then_wait_for_the_lock)
    PersonDialog.ask(controller.window)
    assert typed == {"first": "Sanne", "bsn": "11122233"}


def test_lock_covers_the_main_window_and_the_menu_shortcut_locks(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    lock = next(a for a in controller.window.file_menu.actions() if a.text() == "&Vergrendelen")
    assert lock.shortcut().toString() == "Ctrl+L"
    lock.trigger()
    assert controller.autolock.locked
    overlay = controller.autolock.password_overlay()
    assert overlay is not None and overlay.geometry() == controller.window.rect()
    image = controller.window.grab().toImage()
    samples = [
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 20)
        for y in range(0, image.height(), 20)
    ]
    covered = samples.count("#2f3b4c") / len(samples)
    assert covered > 0.95, "the lock screen must cover the window's contents"
    assert controller.autolock.try_unlock(TEST_PASSWORD)


def test_medewerker_sees_no_beheer_menu_and_is_refused_anyway(
    qtbot: QtBot, demo_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    anouk = unlock(demo_path, "anouk", "demo-medewerker-2026")
    controller = MainController(anouk)
    qtbot.addWidget(controller.window)
    menus = [a.text() for a in controller.window.menuBar().actions()]
    assert "B&eheer" not in menus
    team = next(a.menu() for a in controller.window.menuBar().actions() if a.text() == "&Team")
    assert [a.text() for a in team.actions()] == ["&Organisaties…"]  # not the team list
    assert controller.admin.show_access_log() is None
    assert controller.admin.manage_accounts() is None
    assert controller.admin.review_retention() is None
    assert message_boxes.texts() == ["Dit mag alleen een beheerder."] * 3
    anouk.close()


def test_only_a_coordinator_or_beheerder_adds_a_team_member(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    """The use case checks the permission itself: a hidden menu item is not a lock."""
    anouk = unlock(demo_path, "anouk", "demo-medewerker-2026")
    before = len(medewerkers(anouk))
    with pytest.raises(PermissionDenied):
        add_medewerker(anouk, "Bas Hoekstra", "generalist")
    controller = MainController(anouk)
    qtbot.addWidget(controller.window)
    monkeypatch.setattr(
        MedewerkerDialog, "ask", lambda _parent, _codes, *_retry: ("Bas", "generalist")
    )
    controller.team.add_medewerker()
    assert message_boxes.texts() == ["Dit mag alleen een coördinator of een beheerder."]
    assert len(medewerkers(anouk)) == before
    anouk.close()
    karin = unlock(demo_path, "karin", "demo-coordinator-2026")
    add_medewerker(karin, "Bas Hoekstra", "generalist")
    assert len(medewerkers(karin)) == before + 1
    karin.close()


def test_beheerder_reads_the_log_and_adds_an_account(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beheer = unlock(demo_path, "beheer", "demo-beheer-2026")
    controller = MainController(beheer)
    qtbot.addWidget(controller.window)
    menus = [a.text() for a in controller.window.menuBar().actions()]
    assert "B&eheer" in menus
    log = controller.admin.show_access_log()
    assert log is not None  # a child of the window: released when it closes
    whats = {log.table.item(r, 2).text() for r in range(log.table.rowCount())}
    assert {"Ingelogd", "Accountbeheer"} <= whats
    log.login.setCurrentIndex(log.login.findData("anouk"))
    log.request()
    assert log.table.rowCount() == 0  # anouk never logged in
    log.close()

    from views.admin import AccountDialog

    monkeypatch.setattr(
        AccountDialog,
        "ask",
        classmethod(
            lambda cls, parent=None, *_retry: (
                "Bas Hoekstra",
                "bas",
                Role.COORDINATOR,
                "bas-wachtwoord-1",
            )
        ),
    )
    accounts = controller.admin.manage_accounts()
    assert accounts is not None
    accounts.addRequested.emit()
    logins = [accounts.table.item(r, 1).text() for r in range(accounts.table.rowCount())]
    assert "bas" in logins
    beheer.close()
    bas = unlock(demo_path, "bas", "bas-wachtwoord-1")
    assert bas.actor.role is Role.COORDINATOR
    bas.close()


def test_password_fields_hide_what_is_typed(qtbot: QtBot) -> None:
    dialog = LoginDialog(lambda _l, _p: None)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password


def test_recovery_code_sets_a_new_beheerder_password_from_the_login_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.app import recovery_message
    from desktop.session import create_database
    from views.login import RecoveryDialog

    path = tmp_path / "team.sqlite"
    opened, code = create_database(
        path, name="Olga Timmer", login="olga", password="eerste-wachtwoord", cost=FAST_KDF
    )
    opened.close()
    throttle = Throttle()
    answers = iter(
        [
            ("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "olga", "nieuw-wachtwoord-1"),
            (code, "olga", "nieuw-wachtwoord-1"),
        ]
    )
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent=None: next(answers)))
    dialog = LoginDialog(
        lambda _l, _p: None,
        recover=lambda c, login, pw: recovery_message(path, throttle, c, login, pw),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.findChild(type(dialog.buttons.buttons()[0]), "recover")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Deze herstelcode klopt niet."
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Het nieuwe wachtwoord is ingesteld. Log nu in."
    assert dialog.login.text() == "olga"
    again = unlock(path, "olga", "nieuw-wachtwoord-1")
    with again.store.sessions() as session:
        from models.access import search_log

        assert "wachtwoord hersteld met de herstelcode" in [
            line.detail for line in search_log(session)
        ]
    again.close()


def test_the_wait_after_wrong_passwords_reads_singular_and_plural(demo_path: Path) -> None:
    """'over 1 seconde', never 'over 1 seconden'."""
    now = [1000.0]
    throttle = Throttle(clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("anouk")  # the fourth waits two seconds
    message = login_message(demo_path, throttle, "anouk", "x", [])
    assert message == "Te veel mislukte pogingen. Probeer het over 2 seconden opnieuw."
    now[0] += 1.5
    message = login_message(demo_path, throttle, "anouk", "x", [])
    assert message == "Te veel mislukte pogingen. Probeer het over 1 seconde opnieuw."


def test_the_password_goes_on_a_covered_window_when_the_active_one_is_gone(
    qtbot: QtBot, unlocked: Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt may still name a window that is hidden (or closed by now) as the active one: the
    lock screen then had no password field anywhere, and nobody could unlock (seen when the
    suite ran on two cores)."""
    from PySide6.QtWidgets import QApplication, QWidget

    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    gone = QWidget()  # not shown: not among the windows the lock covers
    qtbot.addWidget(gone)
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: gone))
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: None))
    controller.autolock.lock()
    overlay = controller.autolock.password_overlay()
    assert overlay is not None and overlay.parentWidget().isVisible()  # a covered window
    assert not controller.autolock.try_unlock("fout-wachtwoord")
    assert overlay.error.text() == "Dit wachtwoord klopt niet."
    assert controller.autolock.try_unlock(TEST_PASSWORD)
