"""Files and logins, tried as an attacker or an unlucky user would: files that are not a
Teamtafel database, file modes, the back-up manifest, SQLCipher's own noise on stderr."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import app as desktop_app
from desktop.cli import main
from desktop.demo import create_demo_database
from desktop.keyring import keyring_path
from tests.helpers import FAST_KDF
from views.login import LoginDialog

ROOT = Path(__file__).resolve().parents[2]


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A demo database (whose key file is valid) and its key file, closed."""
    path = tmp_path / "team" / "demo.sqlite"
    create_demo_database(path, 5, cost=FAST_KDF).close()
    return path


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recepten (naam TEXT)")
        raw.execute("INSERT INTO recepten VALUES ('appeltaart')")


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


NOT_OURS: dict[str, tuple[Callable[[Path], None], str]] = {
    "leeg": (_empty, "is leeg (0 bytes)"),
    "ander-programma": (_foreign_sqlite, "onversleutelde database"),
    "willekeurig": (_random_bytes, "geen (leesbare) Teamtafel-database"),
    "afgekapt": (_truncated, "geen (leesbare) Teamtafel-database"),
}


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_a_file_that_is_not_our_database_is_never_written_to_command_line(
    kind: str,
    demo_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A valid key file beside it: before, a 0-byte file became a new, empty database and
    the login crashed with a traceback."""
    spoil, message = NOT_OURS[kind]
    spoil(demo_db)
    before = (_hash(demo_db), _hash(keyring_path(demo_db)))
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "beheer")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-beheer-2026")
    assert main(["--db", str(demo_db), "toegangslog"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert (_hash(demo_db), _hash(keyring_path(demo_db))) == before


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_a_file_that_is_not_our_database_is_never_written_to_window(
    kind: str,
    demo_db: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
) -> None:
    """The window says it in Dutch, before or at the login, and changes no byte."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    spoil, message = NOT_OURS[kind]
    spoil(demo_db)
    before = (_hash(demo_db), _hash(keyring_path(demo_db)))
    answers: list[str | None] = []

    def log_in(cls, verify, hint="", parent=None, recover=None):  # type: ignore[no-untyped-def]
        answers.append(verify("beheer", "demo-beheer-2026"))
        return False

    monkeypatch.setattr(LoginDialog, "ask", classmethod(log_in))
    main(["--db", str(demo_db)])
    said = answers + message_boxes.texts()  # type: ignore[attr-defined]
    assert any(text and message in text for text in said), said
    assert (_hash(demo_db), _hash(keyring_path(demo_db))) == before


def test_a_wrong_key_leaves_no_sqlcipher_lines_on_stderr(demo_db: Path) -> None:
    """SQLCipher printed 'ERROR CORE … hmac check failed' for every wrong key; in a fresh
    process, since its log level is one setting for the whole process."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.database import StoreError, open_store\n"
        "try:\n"
        f"    open_store(Path({str(demo_db)!r}), bytes(32))\n"
        "except StoreError as exc:\n"
        "    print(exc.problem.value)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "not_a_database"
    assert "hmac" not in done.stderr and "ERROR" not in done.stderr, done.stderr
