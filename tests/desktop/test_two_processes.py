"""Two processes on one database: every save lands once, with exactly one log line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from desktop.database import StoreBusy
from desktop.session import Unlocked
from models.entities import Contact
from models.permissions import AccessAction
from models.security import AccessLogEntry
from tests.conftest import MessageBoxes
from tests.helpers import register

ROOT = Path(__file__).resolve().parents[2]
SAVES = 200


def test_two_processes_saving_at_once_lose_nothing_and_log_each_save_once(
    db_path: Path, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.desktop.two_writers",
                str(db_path),
                str(household_id),
                name,
                str(SAVES),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("venster", "tweede")
    ]
    results = [writer.communicate(timeout=300) for writer in writers]
    assert [out.strip() for out, _err in results] == ["0", "0"], [e for _o, e in results]
    with unlocked.store.sessions() as session:
        notes = list(
            session.scalars(select(Contact.note).where(Contact.household_id == household_id))
        )
        lines = session.scalar(
            select(func.count())
            .select_from(AccessLogEntry)
            .where(
                AccessLogEntry.household_id == household_id,
                AccessLogEntry.action == AccessAction.CHANGE,
                AccessLogEntry.detail == "contactmoment toegevoegd",
            )
        )
    assert len(notes) == len(set(notes)) == 2 * SAVES  # none failed, none doubled
    assert lines == 2 * SAVES  # exactly one log line per save


def test_a_lock_that_does_not_clear_says_bezet_and_keeps_the_form(
    qtbot: object, message_boxes: MessageBoxes
) -> None:
    """When the busy timeout runs out, nothing was written: say so, and ask again as typed."""
    from PySide6.QtWidgets import QWidget

    from desktop.errors import BUSY
    from desktop.presenters.ui import ask_until_stored

    asked: list[str | None] = []

    def ask(draft: str | None, _problems: object) -> str | None:
        asked.append(draft)
        return "typed" if len(asked) < 3 else None

    def locked(_draft: str) -> str:
        raise StoreBusy from OperationalError("BEGIN IMMEDIATE", {}, Exception("locked"))

    parent = QWidget()
    assert ask_until_stored(parent, ask, locked) is None
    assert asked == [None, "typed", "typed"]  # asked again with what was typed
    assert message_boxes.texts() == [BUSY, BUSY]
    parent.deleteLater()


def test_a_write_lock_held_past_the_timeout_raises_store_busy_before_writing(
    store: object, db_path: Path
) -> None:
    from desktop.database import Store
    from tests.helpers import raw_connect

    assert isinstance(store, Store)
    holder = raw_connect(db_path)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # a colleague's back-up, say, holding the lock
    try:
        with pytest.raises(StoreBusy), store.sessions.begin() as session:
            session.add(AccessLogEntry(login="x", action=AccessAction.LOGIN))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AccessLogEntry)) == 0
    with store.sessions() as session:  # reads were never blocked
        session.scalar(select(func.count()).select_from(Contact))


def _start(*args: str) -> subprocess.Popen[str]:
    """A Teamtafel process (offscreen, like this one) that reports on stdout and stderr."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_window_on_a_hung_window_is_refused_until_the_first_is_gone(
    qtbot: object, tmp_path: Path, message_boxes: MessageBoxes, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first window holds the database but does not answer (hung): say it is open."""
    import signal

    from PySide6.QtNetwork import QLocalServer

    from desktop import app as desktop_app
    from desktop.cli import main
    from desktop.lock import ALREADY_OPEN, server_name

    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--households", "3", "--db", str(db)]) == 0
    first = _start("-m", "tests.desktop.hung_window", str(db))
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "locked"
        assert desktop_app.run_gui(db, demo=False, quit_after_load=True) == 2
        assert message_boxes.texts() == [ALREADY_OPEN]
        assert main(["demo", "--households", "3", "--db", str(db), "--replace"]) == 2
        assert "geopend in Teamtafel" in capsys.readouterr().err
    finally:
        first.send_signal(signal.SIGKILL)  # the first window dies without unlocking
        first.communicate()
    # Its lock is stale now: the database opens again.
    assert main(["demo", "--households", "4", "--db", str(db), "--replace"]) == 0
    QLocalServer.removeServer(server_name(db))  # the socket the killed window left in /tmp


def _wait_for_line(stream: IO[str] | None, part: str) -> list[str]:
    """Read ``stream`` until a line holds ``part``; the lines read (fails if the stream ends)."""
    assert stream is not None
    lines: list[str] = []
    while part not in (lines[-1] if lines else ""):
        line = stream.readline()
        assert line, f"ended before {part!r}:\n" + "".join(lines)
        lines.append(line)
    return lines


def test_a_second_start_brings_the_first_window_forward_and_leaves_other_databases_alone(
    qtbot: object,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import signal

    from desktop import app as desktop_app
    from desktop.cli import main
    from desktop.lock import BROUGHT_FORWARD

    db, other = tmp_path / "team.sqlite", tmp_path / "ander-team.sqlite"
    for path in (db, other):
        assert main(["demo", "--households", "3", "--db", str(path)]) == 0
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "anouk")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-medewerker-2026")
    window = _start("main.py", "-v", "--db", str(db))  # logged in through the same variables
    try:
        _wait_for_line(window.stderr, "listening for a second start")
        second = subprocess.run(
            [sys.executable, "main.py", "--db", str(db)],
            check=False,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (second.returncode, second.stderr.strip()) == (0, f"teamtafel: {BROUGHT_FORWARD}")
        _wait_for_line(window.stderr, "a second start asked this window to come forward")
        # A window on another database is no second start: it opens, and knocks nowhere.
        assert main(["--db", str(other), "--quit-after-load"]) == 0
        assert message_boxes.texts() == [] and capsys.readouterr().err == ""
    finally:
        window.send_signal(signal.SIGKILL)  # kill -9: its lock and its socket stay behind
        _out, rest = window.communicate()
    assert "come forward" not in rest  # asked once, by the second start only
    # The lock and the socket it left are taken over by the next window.
    assert main(["--db", str(db), "--quit-after-load"]) == 0
    assert message_boxes.texts() == []
