"""Files and logins, tried as an attacker or an unlucky user would: files that are not a
Teamtafel database, file modes, the back-up manifest, SQLCipher's own noise on stderr."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desktop import app as desktop_app
from desktop.cli import main
from desktop.controller import MainController
from desktop.database import default_db_path, make_engine, migrate, open_store
from desktop.demo import create_demo_database
from desktop.keyring import keyring_path, user_slot
from desktop.session import Throttle, create_database, unlock
from desktop.usecases.accounts import change_own_password
from desktop.usecases.avg import destroy, export_inzage
from desktop.usecases.backup import (
    DB_NAME,
    KEYS_NAME,
    MANIFEST,
    BackupProblem,
    BadBackup,
    check_backup,
    make_backup,
    restore_backup,
)
from models import households as service
from models import migrations
from models.enums import MemberRole
from models.records import PersonDraft
from tests.desktop.format_1 import _slot
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, TODAY, register
from views import files
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


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask (files 0644, folders 0755), so a file made without care shows it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(folder: Path) -> dict[str, str]:
    return {p.name: oct(_mode(p)) for p in sorted(folder.iterdir())}


@pytest.mark.usefixtures("open_umask")
def test_every_file_teamtafel_writes_is_its_owners_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data folder 0700; database, key file (also after a password change), back-ups, the
    copies before a migration and a restore, exports and the registers 0600, also after a
    restore. Before, all of them were 0644 under this umask."""
    folder = tmp_path / "data" / "Teamtafel"
    db = folder / "teamtafel.sqlite"
    unlocked, _code = create_database(
        db, name="Tessa Tester", login=TEST_LOGIN, password=TEST_PASSWORD, cost=FAST_KDF
    )
    assert _mode(folder) == 0o700 and _mode(db) == 0o600 and _mode(keyring_path(db)) == 0o600
    with unlocked.store.sessions.begin() as session:
        kept = register(session, "Bakker")
        gone = register(session, "Jansen")
        person = service.add_member(
            session, kept, PersonDraft("Sem", "Bakker", MemberRole.KIND), today=TODAY
        )
    os.chmod(keyring_path(db), 0o644)
    change_own_password(unlocked, TEST_PASSWORD, "nieuw-wachtwoord-22")  # rewrites the key file
    assert _mode(keyring_path(db)) == 0o600
    backup = make_backup(unlocked, tmp_path / "elders" / "kopie")
    assert _mode(backup) == 0o600
    exports = tmp_path / "export"
    for path in export_inzage(unlocked, person, exports):
        assert _mode(path) == 0o600, path.name
    destroy(unlocked, gone)
    Throttle.beside(db).failed("niemand")  # the failed-logins file
    unlocked.close()

    monkeypatch.setattr(migrations, "HEAD", "9000-test")  # this build pretends to be newer
    open_store(db, unlocked.key).close()
    monkeypatch.undo()

    os.chmod(db, 0o644)  # as an older version left it: a login makes it private
    again = unlock(db, TEST_LOGIN, "nieuw-wachtwoord-22")
    restore_backup(again, backup, "nieuw-wachtwoord-22")
    modes = _modes(folder)
    assert any(".voor-migratie-" in name for name in modes)
    assert any(".voor-herstel-" in name and name.endswith(".sleutels") for name in modes)
    assert {".vernietigd", ".back-ups", ".pogingen"} <= {"." + n.split(".")[-1] for n in modes}
    assert set(modes.values()) == {"0o600"}, modes
    assert _mode(folder) == 0o700
    unlock(db, TEST_LOGIN, "nieuw-wachtwoord-22").close()  # the restored store opens


@pytest.mark.usefixtures("open_umask")
def test_the_default_data_folder_is_made_private(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A data folder made by an older version (0755) is the user's alone after a start."""
    db = default_db_path()
    create_demo_database(db, 3, cost=FAST_KDF).close()
    os.chmod(db.parent, 0o755)
    assert main(["toegangslog"]) == 0
    assert _mode(db.parent) == 0o700


def _repack(source: Path, target: Path, **replace: bytes | None) -> Path:
    """A copy of a back-up with some of its files replaced (None: left out)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = replace.get(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def _manifest(backup: Path) -> dict[str, object]:
    with zipfile.ZipFile(backup) as bundle:
        return json.loads(bundle.read(MANIFEST))


def test_a_changed_manifest_is_refused_like_the_rest_of_the_backup(
    qtbot: QtBot,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
) -> None:
    """Before, the manifest was never read: any text in it was restored without a word."""
    beheer = unlock(demo_db, "beheer", "demo-beheer-2026")
    first = make_backup(beheer, tmp_path / "eerste")
    with beheer.store.sessions.begin() as session:
        register(session, "Na de eerste back-up")
    second = make_backup(beheer, tmp_path / "tweede")
    manifest = _manifest(second)
    with zipfile.ZipFile(first) as bundle:
        older_db = bundle.read(DB_NAME)
    changed = {
        "later-gedateerd": {**manifest, "made_at": "2030-01-01T00:00:00+00:00"},
        "andere-maker": {**manifest, "made_by": "karin"},
        "zonder-zegel": {k: v for k, v in manifest.items() if k != "seal"} | {"format": 1},
    }
    tampered = [
        _repack(second, tmp_path / f"{name}.ttbackup", **{MANIFEST: json.dumps(m).encode()})
        for name, m in changed.items()
    ]
    tampered.append(_repack(second, tmp_path / "geen-json.ttbackup", **{MANIFEST: b"{kapot"}))
    # The manifest of the second back-up with the database of the first.
    tampered.append(_repack(second, tmp_path / "andere-db.ttbackup", **{DB_NAME: older_db}))
    for backup in tampered:
        with pytest.raises(BadBackup) as refused:
            check_backup(backup, "beheer", "demo-beheer-2026", tmp_path / "werk" / backup.stem)
        assert refused.value.problem is BackupProblem.MANIFEST, backup.name

    controller = MainController(beheer)
    qtbot.addWidget(controller.window)
    monkeypatch.setattr(files, "open_path", lambda *_a: tampered[0])
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("demo-beheer-2026", True))
    )
    before = _hash(demo_db)
    assert controller.admin.restore_backup() is False
    said = message_boxes.texts()  # type: ignore[attr-defined]
    assert len(said) == 1 and "manifest" in said[0] and "niets veranderd" in said[0]
    assert _hash(demo_db) == before
    assert restore_backup(beheer, second, "demo-beheer-2026").households == 6  # untouched


def test_a_backup_from_before_the_sealed_manifest_still_restores(tmp_path: Path) -> None:
    """Made by the previous version: database at 0008, manifest format 1 without a seal.
    Its revision must still be the database's; a newer database cannot pose as one."""
    key = bytes(range(32))
    work = tmp_path / "oud"
    work.mkdir()
    engine = make_engine(work / DB_NAME, key)
    migrate(engine, "0008")
    engine.dispose()
    slot = user_slot("beheer")  # the previous version's key file: format 1
    (work / KEYS_NAME).write_text(
        json.dumps(
            {"format": 1, "meta": {}, "slots": {slot: _slot(slot, "demo-beheer-2026", key)}}
        ),
        encoding="utf-8",
    )
    old = {"format": 1, "made_at": "2026-11-01T10:00:00+00:00", "made_by": "beheer"}
    backups = {}
    for revision in ("0008", "0007"):
        backups[revision] = tmp_path / f"oud-{revision}.ttbackup"
        with zipfile.ZipFile(backups[revision], "w") as bundle:
            bundle.write(work / DB_NAME, DB_NAME)
            bundle.write(work / KEYS_NAME, KEYS_NAME)
            bundle.writestr(MANIFEST, json.dumps({**old, "revision": revision}))
    checked = check_backup(backups["0008"], "beheer", "demo-beheer-2026", tmp_path / "w1")
    assert checked.households == 0 and not checked.demo
    with pytest.raises(BadBackup) as refused:  # a manifest about another revision
        check_backup(backups["0007"], "beheer", "demo-beheer-2026", tmp_path / "w2")
    assert refused.value.problem is BackupProblem.MANIFEST
