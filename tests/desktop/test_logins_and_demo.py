"""Failed logins that a restart cannot forget, where a password may come from, and a demo
that stays a demo."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app as desktop_app
from desktop.app import login_message
from desktop.attempts import UNKNOWN, attempts_path
from desktop.cli import ENV_LOGIN, ENV_PASSWORD, main
from desktop.controller import MainController
from desktop.demo import create_demo_database
from desktop.keyring import Keyring, keyring_path
from desktop.session import Throttle, Unlocked, create_database, unlock
from desktop.usecases.backup import BackupProblem, BadBackup, make_backup, restore_backup
from models import households as service
from models.access import search_log
from models.permissions import AccessAction
from models.validation import Problem
from models.wording import DEMO_BANNER, DEMO_BSN_QUESTION, PROBLEM
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, register
from views.dialogs import PersonDialog


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    path = tmp_path / "team" / "teamtafel.sqlite"
    opened, _code = create_database(
        path, name="Tessa Tester", login=TEST_LOGIN, password=TEST_PASSWORD, cost=FAST_KDF
    )
    opened.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo" / "demo.sqlite"
    create_demo_database(path, 5, cost=FAST_KDF).close()
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, password: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))


# -- failed logins -------------------------------------------------------------------------


def test_the_throttle_survives_a_restart_and_covers_the_command_line_and_lock_screen(
    qtbot: QtBot,
    real_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, each start (and each command) began counting again in memory, and the lock
    screen was not counted at all: wrong passwords could be tried without end."""
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    for _ in range(2):  # two on the command line
        _stdin(monkeypatch, "fout-wachtwoord")
        assert main(["--db", str(real_db), "--wachtwoord-stdin", "toegangslog"]) == 2
    unlocked = unlock(real_db, TEST_LOGIN, TEST_PASSWORD)
    controller = MainController(unlocked)  # one on the lock screen
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.autolock.lock()
    assert not controller.autolock.try_unlock("fout-wachtwoord")
    overlay = controller.autolock.password_overlay()
    assert overlay is not None and overlay.error.text() == "Dit wachtwoord klopt niet."
    # The fourth, on a fresh login screen (a restart), has to wait, and so does the lock screen.
    message = login_message(real_db, Throttle.beside(real_db), TEST_LOGIN, "fout", [])
    assert message is not None and message.startswith("Te veel mislukte pogingen")
    assert not controller.autolock.try_unlock(TEST_PASSWORD)
    assert overlay.error.text().startswith("Te veel mislukte pogingen")
    _stdin(monkeypatch, TEST_PASSWORD)
    assert main(["--db", str(real_db), "--wachtwoord-stdin", "toegangslog"]) == 2
    assert "te veel mislukte pogingen" in capsys.readouterr().err
    # Deleting the file resets the count (the README says so, and what really protects).
    attempts_path(real_db).unlink()
    assert controller.autolock.try_unlock(TEST_PASSWORD)
    unlocked.close()


def test_failed_logins_move_into_the_access_log_at_the_next_login(
    real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Login, time and where, for logins that exist; a typed text that is no login (a
    password in the wrong field) is kept as '(onbekend)'."""
    throttle = Throttle.beside(real_db)
    before = datetime.now(UTC)
    assert login_message(real_db, throttle, "Tester", "fout-1", []) is not None
    assert login_message(real_db, throttle, "mijn-geheime-wachtwoord", "x", []) is not None
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    _stdin(monkeypatch, "fout-2")
    assert main(["--db", str(real_db), "--wachtwoord-stdin", "toegangslog"]) == 2
    kept = attempts_path(real_db).read_text(encoding="utf-8")
    assert "mijn-geheime-wachtwoord" not in kept and UNKNOWN in kept

    opened: list[Unlocked] = []
    assert login_message(real_db, throttle, TEST_LOGIN, TEST_PASSWORD, opened) is None
    with opened[0].store.sessions() as session:
        failed = [line for line in search_log(session) if line.action is AccessAction.LOGIN_FAILED]
    opened[0].close()
    assert sorted((line.login, line.detail.split(";")[0]) for line in failed) == [
        (UNKNOWN, "mislukte inlogpoging (inlogscherm)"),
        (TEST_LOGIN, "mislukte inlogpoging (inlogscherm)"),
        (TEST_LOGIN, "mislukte inlogpoging (opdrachtregel)"),
    ]
    assert all(before <= line.at <= datetime.now(UTC) for line in failed)
    left = json.loads(attempts_path(real_db).read_text(encoding="utf-8"))
    assert left["pogingen"] == [] and TEST_LOGIN not in left["tellingen"]  # reset by the login
    assert left["tellingen"][UNKNOWN]["aantal"] == 1  # others keep their count


# -- where the password comes from -------------------------------------------------------


def test_on_a_real_database_the_environment_password_is_refused_and_stdin_works(
    real_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, TEAMTAFEL_WACHTWOORD opened any database: a password in the environment
    is readable by other programs of the same user (/proc/…/environ)."""
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    monkeypatch.setenv(ENV_PASSWORD, TEST_PASSWORD)
    assert main(["--db", str(real_db), "toegangslog"]) == 2
    err = capsys.readouterr().err
    assert ENV_PASSWORD in err and "--wachtwoord-stdin" in err
    with pytest.raises(SystemExit) as window:  # the window refuses it just as well
        main(["--db", str(real_db), "--quit-after-load"])
    assert "--wachtwoord-stdin" in str(window.value.code)

    monkeypatch.delenv(ENV_PASSWORD)
    _stdin(monkeypatch, TEST_PASSWORD)
    assert main(["--db", str(real_db), "toegangslog", "--wachtwoord-stdin"]) == 0
    assert "Ingelogd" in capsys.readouterr().out
    monkeypatch.delenv(ENV_LOGIN)
    _stdin(monkeypatch, TEST_PASSWORD)
    assert main(["--db", str(real_db), "--wachtwoord-stdin", "toegangslog"]) == 2
    assert ENV_LOGIN in capsys.readouterr().err


def test_a_real_database_marked_demo_by_hand_still_refuses_the_environment_password(
    real_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key file's demo mark can be written by anyone; the store's own mark decides."""
    keys = Keyring.load(keyring_path(real_db))
    keys.meta["demo"] = True
    keys.save()
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    monkeypatch.setenv(ENV_PASSWORD, TEST_PASSWORD)
    assert main(["--db", str(real_db), "toegangslog"]) == 2
    assert "--wachtwoord-stdin" in capsys.readouterr().err


def test_a_demo_keeps_its_documented_logins(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "toegangslog"]) == 0  # as the demo beheerder
    monkeypatch.setenv(ENV_LOGIN, "beheer")
    monkeypatch.setenv(ENV_PASSWORD, "demo-beheer-2026")
    assert main(["--db", str(demo_db), "toegangslog", "--gebruiker", "beheer"]) == 0
    assert "Ingelogd" in capsys.readouterr().out


# -- a demo stays a demo ---------------------------------------------------------------


def test_a_demo_window_says_so_and_a_real_one_does_not(
    qtbot: QtBot, demo_db: Path, real_db: Path
) -> None:
    for path, login, password, banner in (
        (demo_db, "anouk", "demo-medewerker-2026", True),
        (real_db, TEST_LOGIN, TEST_PASSWORD, False),
    ):
        unlocked = unlock(path, login, password)
        controller = MainController(unlocked)
        qtbot.addWidget(controller.window)
        controller.window.show()
        assert controller.window.banner.isVisible() is banner
        assert (DEMO_BANNER in controller.window.windowTitle()) is banner
        unlocked.close()
    assert controller.window.banner.text() == ""


def test_a_demo_asks_before_it_takes_a_bsn_outside_the_test_range(
    qtbot: QtBot, demo_db: Path, message_boxes: MessageBoxes
) -> None:
    unlocked = unlock(demo_db, "anouk", "demo-medewerker-2026")
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Voorbeeld")
    widget = controller.open_household(household_id)
    assert widget is not None
    members = controller.dossiers[household_id].sections["members"]
    comeback: list[str] = []

    def second(dialog: PersonDialog) -> None:  # after Nee: the form as typed, the BSN marked
        comeback.append(dialog.error_text("bsn"))
        message_boxes.answer = QMessageBox.StandardButton.Yes
        press_save(qtbot, dialog)

    def first(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Sanne")
        qtbot.keyClicks(dialog.field("last_name"), "Voorbeeld")
        qtbot.keyClicks(dialog.field("bsn"), "111222333")  # passes the elfproef: real-looking
        on_modal(PersonDialog, second)
        press_save(qtbot, dialog)  # the fake box answers Cancel: not Ja

    on_modal(PersonDialog, first)
    members.add()
    assert message_boxes.texts() == [DEMO_BSN_QUESTION, DEMO_BSN_QUESTION]
    assert comeback == [PROBLEM[Problem.BSN_NOT_TEST]]

    def test_range(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Daan")
        qtbot.keyClicks(dialog.field("last_name"), "Voorbeeld")
        dialog.field("bsn").setText("999990019")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, test_range)
    members.add()
    assert len(message_boxes.texts()) == 2  # a test BSN asks nothing
    with unlocked.store.sessions() as session:
        bsns = {p.first_name: p.bsn for p in service.load_dossier(session, household_id).members}
    assert bsns == {"Sanne": "111222333", "Daan": "999990019"}
    unlocked.close()


def test_a_demo_never_replaces_a_real_database_nor_the_other_way_round(
    real_db: Path,
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, `demo --replace` deleted any database and key file at the path."""
    before = (real_db.read_bytes(), keyring_path(real_db).read_bytes())
    assert main(["--db", str(real_db), "demo", "--households", "3", "--replace"]) == 2
    assert "geen demo-database" in capsys.readouterr().err
    assert (real_db.read_bytes(), keyring_path(real_db).read_bytes()) == before
    assert main(["--db", str(demo_db), "demo", "--households", "3", "--replace"]) == 0

    # A real team whose beheerder happens to have the demo beheerder's login and password.
    real, _code = create_database(
        tmp_path / "echt" / "team.sqlite",
        name="Olga",
        login="beheer",
        password="demo-beheer-2026",
        cost=FAST_KDF,
    )
    demo = unlock(demo_db, "beheer", "demo-beheer-2026")
    for source, target, problem in (
        (demo, real, BackupProblem.DEMO_OVER_REAL),
        (real, demo, BackupProblem.REAL_OVER_DEMO),
    ):
        backup = make_backup(source, tmp_path / f"van-{source.store.path.stem}")
        with pytest.raises(BadBackup) as refused:
            restore_backup(target, backup, "demo-beheer-2026")
        assert refused.value.problem is problem
    demo.close()
    real.close()


def test_the_first_start_of_a_demo_still_logs_in_without_a_dialog(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`make run --demo` and the bench: a demo with its documented login in the environment."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(desktop_app, "FIRST_START_DEMO_HOUSEHOLDS", 5)
    monkeypatch.setenv(ENV_LOGIN, "karin")
    monkeypatch.setenv(ENV_PASSWORD, "demo-coordinator-2026")
    db = tmp_path / "eerste.sqlite"
    assert main(["--db", str(db), "--demo", "--quit-after-load"]) == 0
    assert main(["--db", str(db), "toegangslog"]) == 2  # logged in, but karin is no beheerder
    assert "alleen een beheerder" in capsys.readouterr().err
