"""Every back-up holds a checkpoint of the access log signed by its maker: a restore checks
the copy's log against it, refuses a copy whose log was changed after it was made, and
records in the restored log what the restore dropped (desktop.usecases.backup)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.controller import MainController
from desktop.database import open_store
from desktop.keyring import keyring_path, public_bytes
from desktop.presenters.logcheck import _settings_key
from desktop.session import Unlocked, unlock
from desktop.usecases import access, households
from desktop.usecases.backup import (
    DB_NAME,
    KEYS_NAME,
    MANIFEST,
    BackupProblem,
    BadBackup,
    _seal,
    check_backup,
    make_backup,
)
from models.access import log_access, search_log
from models.logchain import remember_signing_key
from models.permissions import AccessAction, Actor, Role
from models.security import AccessLogEntry
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, edit_outside, raw_connect, register
from views import files

Manifest = dict[str, object]
Edit = Callable[[Path, bytes, Manifest], Manifest]  # (unpacked database, key, manifest)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _work(unlocked: Unlocked, opened: int = 3) -> None:
    """Some ordinary work that writes log lines: registrations, and dossiers opened."""
    with unlocked.store.sessions.begin() as session:
        ids = [register(session, f"Gezin {i}") for i in range(opened)]
    for household_id in ids:
        households.open_dossier(unlocked, household_id)


def _newest_seq(unlocked: Unlocked) -> int:
    with unlocked.store.sessions() as session:
        return int(session.scalar(select(func.max(AccessLogEntry.seq))) or 0)


def _manifest(backup: Path) -> Manifest:
    with zipfile.ZipFile(backup) as bundle:
        manifest: Manifest = json.loads(bundle.read(MANIFEST))
    return manifest


def _rewritten(backup: Path, key: bytes, target: Path, edit: Edit) -> Path:
    """What an insider who holds the database key can make of a back-up: the unpacked
    database and the manifest changed, the manifest's hashes and seal made again."""
    work = target.with_name(target.name + ".uitgepakt")
    with zipfile.ZipFile(backup) as bundle:
        bundle.extractall(work)
    manifest = edit(work / DB_NAME, key, _manifest(backup))
    manifest["database_sha256"] = _hash(work / DB_NAME)
    body = {k: v for k, v in manifest.items() if k != "seal"}
    manifest["seal"] = _seal(key, body)
    with zipfile.ZipFile(target, "w") as bundle:
        bundle.write(work / DB_NAME, DB_NAME)
        bundle.write(work / KEYS_NAME, KEYS_NAME)
        bundle.writestr(MANIFEST, json.dumps(manifest))
    return target


def _restore_in_window(
    qtbot: QtBot, unlocked: Unlocked, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainController, bool]:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    monkeypatch.setattr(files, "open_path", lambda *_a: backup)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: (TEST_PASSWORD, True))
    )
    return controller, controller.admin.restore_backup()


def _restore_lines(unlocked: Unlocked) -> list[str]:
    with unlocked.store.sessions() as session:
        return [
            line.detail
            for line in search_log(session)
            if line.action is AccessAction.RESTORE and "teruggezet" in line.detail
        ]


def _position(db_path: Path) -> object:
    return QSettings("Teamtafel", "Teamtafel").value(f"{_settings_key(db_path)}/geverifieerd")


def test_the_backup_holds_a_checkpoint_signed_by_its_maker(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    _work(unlocked)
    newest = _newest_seq(unlocked)
    backup = make_backup(unlocked, tmp_path / "kopie")
    manifest = _manifest(backup)
    assert manifest["format"] == 3
    checkpoint = manifest["checkpoint"]
    assert isinstance(checkpoint, dict)
    # The newest line of the copy: the BACKUP line is written after it, in this file only.
    assert checkpoint["seq"] == newest and _newest_seq(unlocked) == newest + 1
    assert checkpoint["login"] == TEST_LOGIN
    assert checkpoint["account_id"] == str(unlocked.actor.account_id)
    assert checkpoint["database_id"] == unlocked.keyring.database_id
    assert checkpoint["epoch"] == unlocked.epoch
    signed = json.dumps(checkpoint, sort_keys=True, separators=(",", ":")).encode()
    signature = base64.b64decode(str(manifest["checkpoint_signature"]))
    unlocked.signing_key.public_key().verify(signature, signed)  # raises when it is not
    checked = check_backup(backup, TEST_LOGIN, TEST_PASSWORD, tmp_path / "werk")
    assert checked.checkpoint is not None and checked.checkpoint.seq == newest
    assert checked.newest == checked.checkpoint.position


def test_restoring_an_older_backup_is_recorded_and_raises_no_false_alarm(
    qtbot: QtBot,
    unlocked: Unlocked,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
) -> None:
    """The log put back ends before lines this computer verified: without the restore's
    position that reads as a rewrite of the log at the next start."""
    _work(unlocked)
    backup = make_backup(unlocked, tmp_path / "kopie")
    checkpoint = _manifest(backup)["checkpoint"]
    assert isinstance(checkpoint, dict)
    _work(unlocked, opened=4)  # log lines after the back-up, which the restore drops
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.check_log()  # this computer verifies the newest line
    verified = _position(db_path)
    assert verified == f"{_newest_seq(unlocked)}:{access.check_chain(unlocked).last.entry_hash}"
    dropped = _newest_seq(unlocked) - int(str(checkpoint["seq"]))
    assert dropped == 5  # BACKUP and four OPEN lines: more than the restore and login write

    _controller, restored = _restore_in_window(qtbot, unlocked, backup, monkeypatch)
    assert restored
    [told] = message_boxes.texts()  # type: ignore[attr-defined]
    assert "is teruggezet" in told and "controlepunt" not in told
    assert _position(db_path) == f"{checkpoint['seq']}:{checkpoint['entry_hash']}"

    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        after = MainController(again)
        qtbot.addWidget(after.window)
        after.check_log()
        assert message_boxes.texts() == [told]  # type: ignore[attr-defined]
        [line] = _restore_lines(again)
        assert f"tot regel {checkpoint['seq']} (ondertekend controlepunt)" in line
        assert f"het vorige log ging {dropped} regels verder" in line
        assert f"door {TEST_LOGIN}" in line
        chain = access.check_chain(again)  # the RESTORE line is chained and signed
        assert chain.intact and chain.last.seq == int(str(checkpoint["seq"])) + 2  # and LOGIN

        # The position from before the restore would have told a rewrite.
        QSettings("Teamtafel", "Teamtafel").setValue(
            f"{_settings_key(db_path)}/geverifieerd", verified
        )
        after.check_log()
        assert "is niet meer dezelfde" in message_boxes.texts()[-1]  # type: ignore[attr-defined]
    finally:
        again.close()


def _line_changed(db: Path, key: bytes, manifest: Manifest) -> Manifest:
    edit_outside(db, key, "UPDATE access_log SET detail = 'niets bijzonders' WHERE seq = 2")
    return manifest


def _newest_dropped(db: Path, key: bytes, manifest: Manifest) -> Manifest:
    edit_outside(db, key, "DELETE FROM access_log WHERE seq > 3")
    return manifest


def _line_added(db: Path, key: bytes, manifest: Manifest) -> Manifest:
    """A line after the checkpoint, chained and signed with a key of the insider's own
    (remembered under an account of theirs): the chain holds, the checkpoint does not."""
    insider = Ed25519PrivateKey.generate()
    store = open_store(db, key)
    try:
        store.sessions.sign_with(insider.sign)
        actor = Actor(uuid.uuid4(), "iemand", "Iemand", Role.BEHEERDER)
        with store.sessions.begin() as session:
            remember_signing_key(session, actor.account_id, public_bytes(insider))
            log_access(session, actor, AccessAction.LOGIN)
    finally:
        store.close()
    return manifest


def _signed_by_another(db: Path, key: bytes, manifest: Manifest) -> Manifest:
    insider = Ed25519PrivateKey.generate()
    body = json.dumps(manifest["checkpoint"], sort_keys=True, separators=(",", ":")).encode()
    return manifest | {"checkpoint_signature": base64.b64encode(insider.sign(body)).decode()}


def _checkpoint_moved(db: Path, key: bytes, manifest: Manifest) -> Manifest:
    """The newest lines dropped and the checkpoint moved to the new end; only its maker
    can sign that."""
    _newest_dropped(db, key, manifest)
    raw = raw_connect(db, key)
    [entry_hash] = raw.execute("SELECT entry_hash FROM access_log WHERE seq = 3").fetchone()
    raw.close()
    moved = {**manifest["checkpoint"], "seq": 3, "entry_hash": entry_hash}  # type: ignore[dict-item]
    return manifest | {"checkpoint": moved}


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_line_changed, BackupProblem.LOG_CHANGED),
        (_newest_dropped, BackupProblem.LOG_CHANGED),
        (_line_added, BackupProblem.LOG_CHANGED),
        (_signed_by_another, BackupProblem.UNSIGNED_CHECKPOINT),
        (_checkpoint_moved, BackupProblem.UNSIGNED_CHECKPOINT),
    ],
    ids=["line-changed", "newest-dropped", "line-added", "other-signer", "checkpoint-moved"],
)
def test_a_backup_changed_after_it_was_made_is_refused_and_nothing_is_replaced(
    qtbot: QtBot,
    unlocked: Unlocked,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
    edit: Edit,
    problem: BackupProblem,
) -> None:
    _work(unlocked)
    backup = make_backup(unlocked, tmp_path / "kopie")
    tampered = _rewritten(backup, unlocked.key, tmp_path / "bewerkt.ttbackup", edit)
    with pytest.raises(BadBackup) as refused:
        check_backup(tampered, TEST_LOGIN, TEST_PASSWORD, tmp_path / "werk")
    assert refused.value.problem is problem

    before = (_hash(db_path), _hash(keyring_path(db_path)))
    _controller, restored = _restore_in_window(qtbot, unlocked, tampered, monkeypatch)
    assert not restored
    [told] = message_boxes.texts()  # type: ignore[attr-defined]
    expected = "veranderd nadat" if problem is BackupProblem.LOG_CHANGED else "niet ondertekend"
    assert expected in told and "niets veranderd" in told
    assert (_hash(db_path), _hash(keyring_path(db_path))) == before
    assert not list(tmp_path.glob("*.voor-herstel-*"))
    assert not (tmp_path / f"{db_path.name}.herstel").exists()


def test_a_backup_of_an_older_version_restores_and_says_it_has_no_checkpoint(
    qtbot: QtBot,
    unlocked: Unlocked,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
) -> None:
    """Manifest format 2 (sealed, no checkpoint) is not refused; the restore says so, in
    the message and in the restored log, and the next start checks the whole chain."""
    _work(unlocked)
    backup = make_backup(unlocked, tmp_path / "kopie")

    def older(_db: Path, _key: bytes, manifest: Manifest) -> Manifest:
        kept = {k: v for k, v in manifest.items() if not k.startswith("checkpoint")}
        return kept | {"format": 2}

    old = _rewritten(backup, unlocked.key, tmp_path / "oud.ttbackup", older)
    newest = _newest_seq(unlocked) - 1  # the copy's: the BACKUP line came after it
    _work(unlocked, opened=2)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.check_log()
    dropped = _newest_seq(unlocked) - newest
    _controller, restored = _restore_in_window(qtbot, unlocked, old, monkeypatch)
    assert restored
    [told] = message_boxes.texts()  # type: ignore[attr-defined]
    assert "geen ondertekend controlepunt" in told and "oudere versie" in told
    assert _position(db_path) is None

    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        after = MainController(again)
        qtbot.addWidget(after.window)
        after.check_log()
        assert message_boxes.texts() == [told]  # type: ignore[attr-defined]
        [line] = _restore_lines(again)
        assert f"tot regel {newest} (zonder ondertekend controlepunt)" in line
        assert f"het vorige log ging {dropped} regels verder" in line
    finally:
        again.close()
