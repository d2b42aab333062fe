"""One window per database: the lock, the front door a second start knocks on, and the
rewrites (migrations) that must not run under a window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop import app as desktop_app
from desktop import network_share
from desktop.cli import main, unlock_for_verb
from desktop.controller import MainController
from desktop.database import make_engine
from desktop.demo import DEMO_ACCOUNTS
from desktop.lock import DatabaseLock, held_here, lock_path, refusal, server_name
from desktop.session import Unlocked, unlock
from models import migrations
from tests.conftest import MessageBoxes
from tests.helpers import TEST_PASSWORD, downgrade

ROOT = Path(__file__).resolve().parents[2]


def test_each_database_and_user_has_its_own_front_door(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "team" / "teamtafel.sqlite"
    db.parent.mkdir()
    monkeypatch.chdir(tmp_path)
    name = server_name(db, "anna")
    assert server_name(Path("team/../team/teamtafel.sqlite"), "anna") == name  # same file
    assert server_name(tmp_path / "team" / "ander.sqlite", "anna") != name
    assert server_name(db, "bram") != name  # another user on this computer
    assert name.startswith("teamtafel-") and len(name) < 50  # a short socket path
    assert "anna" not in name and "team" not in name.removeprefix("teamtafel")


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform has no stack
def test_a_window_comes_forward_to_its_lock_screen_and_shows_nothing_more(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.showMaximized()
    qtbot.waitExposed(controller.window)
    controller.autolock.lock()
    controller.window.setWindowState(
        controller.window.windowState() | Qt.WindowState.WindowMinimized
    )
    assert controller.window.isMinimized()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desktop_app.come_forward(app)
    assert not controller.window.isMinimized()
    assert controller.window.windowState() & Qt.WindowState.WindowMaximized  # as it was
    assert controller.autolock.locked  # still locked: the lock screen is what comes forward
    overlay = controller.autolock.password_overlay()
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == controller.window.rect()
    assert controller.autolock.try_unlock(TEST_PASSWORD)


def test_a_lock_held_on_another_computer_is_never_taken_over_for_its_age(
    tmp_path: Path,
) -> None:
    """A database on a shared folder, open on another computer for an hour: still open."""
    db = tmp_path / "teamtafel.sqlite"
    lock_file = lock_path(db)
    lock_file.write_text(
        "4242\nteamtafel\nkantoor-pc-7\nandere-machine-id\nandere-boot-id\n", encoding="utf-8"
    )
    an_hour_ago = time.time() - 3600
    os.utime(lock_file, (an_hour_ago, an_hour_ago))
    assert QSysInfo.machineHostName() != "kantoor-pc-7"
    lock = DatabaseLock(db)
    assert not lock.acquire()
    message = refusal(db)
    assert "kantoor-pc-7" in message and str(lock_file) in message


def _demo_one_revision_back(tmp_path: Path) -> tuple[Path, str]:
    """A demo database as the previous version of Teamtafel left it."""
    from alembic.script import ScriptDirectory

    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--households", "3", "--db", str(db)]) == 0
    login, password, _role, _name = DEMO_ACCOUNTS[0]
    opened = unlock(db, login, password)
    key = opened.key
    opened.close()
    script = ScriptDirectory(str(migrations.LOCATION))
    previous = script.get_revision(migrations.HEAD).down_revision
    assert isinstance(previous, str)
    engine = make_engine(db, key)
    downgrade(engine, previous)
    engine.dispose()
    return db, previous


def _revision(db: Path) -> str:
    from desktop.keyring import Keyring, keyring_path
    from desktop.session import database_key

    login, password, _role, _name = DEMO_ACCOUNTS[0]
    key = database_key(Keyring.load(keyring_path(db)), login, password)
    engine = make_engine(db, key)
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


def test_a_verb_does_not_migrate_a_database_a_window_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older window holds the database, a newer command line opens it: no migration under
    the window's feet. Once the window is gone, the verb migrates it (and lets go again)."""
    db, previous = _demo_one_revision_back(tmp_path)
    backup = tmp_path / "kopie.ttbackup"
    window = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.hung_window", str(db)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "locked"
        capsys.readouterr()
        assert main(["backup", "--out", str(backup), "--db", str(db)]) == 2
        assert "geopend in een Teamtafel-venster" in capsys.readouterr().err
        assert not backup.exists()
        assert not list(tmp_path.glob("demo.sqlite.voor-migratie-*"))  # not even the copy
    finally:
        window.send_signal(signal.SIGKILL)
        window.communicate()
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(server_name(db))  # the socket the killed window left
    assert _revision(db) == previous
    assert main(["backup", "--out", str(backup), "--db", str(db)]) == 0
    assert backup.exists() and _revision(db) == migrations.HEAD
    lock = DatabaseLock(db)
    assert lock.acquire(), "the verb let go of the database after migrating"
    lock.release()


def test_the_process_holding_the_database_migrates_it(tmp_path: Path) -> None:
    db, previous = _demo_one_revision_back(tmp_path)
    lock = DatabaseLock(db)
    assert lock.acquire() and held_here(db)
    try:
        opened = unlock_for_verb(db)
        opened.close()
    finally:
        lock.release()
    assert not held_here(db)
    assert _revision(db) == migrations.HEAD != previous


def test_a_database_on_a_network_share_is_warned_about_once_per_start(
    qtbot: QtBot,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--households", "3", "--db", str(db)]) == 0
    monkeypatch.setattr(network_share, "network_filesystem", lambda _db: "cifs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "anouk")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-medewerker-2026")
    assert main(["--db", str(db), "--quit-after-load"]) == 0
    assert message_boxes.texts() == [network_share.WARNING.format(kind="cifs", path=db)]
    capsys.readouterr()
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "beheer")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-beheer-2026")
    assert main(["toegangslog", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert err.count("netwerkschijf (cifs)") == 1 and err.startswith("teamtafel: let op:")
