"""Encrypted backups a beheerder makes while the app runs, and restoring them after a check.

A backup is one zip file (0600): the database exported by SQLCipher (encrypted with the
same key, consistent because it is one read transaction), the key file, and a small
manifest. Nothing in it is readable without an account's password. The manifest names the
SHA-256 of the other two and is sealed with an HMAC under a key derived from the database
key, so it is checked like the rest: a changed manifest, or a database or key file that
is not the one it names, is refused. Every back-up is entered in the back-up register
(:mod:`desktop.register`) with the households it holds, for the destruction dialog.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from desktop import register
from desktop.database import (
    StoreError,
    StoreProblem,
    backup_copy,
    check_file,
    make_engine,
    open_store,
    stored_revision,
)
from desktop.keyring import Keyring, keyring_path
from desktop.private import (
    copy_private,
    create_private,
    private_folder,
    write_private,
)
from desktop.session import Unlocked, open_keys
from models import migrations, settings
from models.access import log_access
from models.permissions import AccessAction, Permission, require
from models.register import Backup, Register, pack_ids, store_register

DB_NAME, KEYS_NAME, MANIFEST = "teamtafel.sqlite", "teamtafel.sqlite.sleutels", "manifest.json"
SUFFIX = ".ttbackup"
MANIFEST_FORMAT = 2  # 1: unsealed (revision 0009 and older)
SEALED_SINCE = "0010"  # a back-up of a database at this revision or newer must be sealed


class BackupProblem(enum.StrEnum):
    NOT_A_BACKUP = "not_a_backup"  # not a zip, or without the three files
    MANIFEST = "manifest"  # changed, or not about the database and key file beside it
    DAMAGED = "damaged"  # the database inside does not open or does not pass its check
    DEMO_OVER_REAL = "demo_over_real"  # a demo's back-up over a real database
    REAL_OVER_DEMO = "real_over_demo"  # a real back-up over a demo database


class BadBackup(Exception):
    """Not a Teamtafel backup, damaged or changed; or of the other kind (demo or real)."""

    def __init__(self, problem: BackupProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value} {detail}".strip())
        self.problem = problem


@dataclass(frozen=True)
class CheckedBackup:
    households: int
    demo: bool


def _seal(key: bytes, manifest: dict[str, object]) -> str:
    """HMAC-SHA256 of the manifest's canonical JSON, under a key derived from the database
    key (never the key itself), so only someone who can open the database can seal one."""
    sealing_key = hmac.new(key, b"teamtafel back-up manifest", hashlib.sha256).digest()
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(sealing_key, body, hashlib.sha256).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_backup(unlocked: Unlocked, target: Path) -> Path:
    require(unlocked.actor, Permission.BACKUP)
    target = target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)
    work = target.with_name(target.name + ".deel")
    private_folder(work)
    try:
        exported = work / DB_NAME
        create_private(exported)
        raw = unlocked.store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            quoted = str(exported).replace("'", "''")
            cursor.execute(f"ATTACH DATABASE '{quoted}' AS backup KEY \"x'{unlocked.key.hex()}'\"")
            cursor.execute("SELECT sqlcipher_export('backup')")
            # The households in the copy itself: exactly what this back-up holds.
            held = [
                uuid.UUID(hex=str(row[0]))
                for row in cursor.execute("SELECT id FROM backup.household")
            ]
            cursor.execute("DETACH DATABASE backup")
        finally:
            raw.close()
        keys = work / KEYS_NAME
        copy_private(unlocked.keyring.path, keys)
        entry = Backup(
            uuid.uuid4(),
            datetime.now(UTC).replace(microsecond=0),
            str(target.absolute()),
            pack_ids(held),
        )
        manifest: dict[str, object] = {
            "format": MANIFEST_FORMAT,
            "id": str(entry.id),
            "made_at": entry.made_at.isoformat(),
            "revision": migrations.HEAD,
            "made_by": unlocked.actor.login,
            "households": len(held),
            "database_sha256": _sha256(exported),
            "keys_sha256": _sha256(keys),
        }
        manifest["seal"] = _seal(unlocked.key, manifest)
        write_private(target, b"")  # 0600 before the zip writes a byte
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as bundle:
            bundle.write(exported, DB_NAME)
            bundle.write(keys, KEYS_NAME)
            bundle.writestr(MANIFEST, json.dumps(manifest, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with unlocked.store.sessions.begin() as session:
        log_access(session, unlocked.actor, AccessAction.BACKUP, detail=target.name[:150])
        store_register(session, Register({}, {entry.id: entry}))
    register.note_backup(unlocked.store.path, entry)
    return target


def _check_manifest(manifest: object, key: bytes, work: Path, revision: str | None) -> None:
    """The manifest is about this database and key file, and (from 0010 on) sealed."""
    if not isinstance(manifest, dict) or manifest.get("revision") != revision:
        raise BadBackup(BackupProblem.MANIFEST, "revision")
    if manifest.get("format") == 1 and revision is not None and revision < SEALED_SINCE:
        return  # made before manifests were sealed; its revision matches the database's
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BadBackup(BackupProblem.MANIFEST, "format")
    body = {k: v for k, v in manifest.items() if k != "seal"}
    seal = manifest.get("seal")
    if not isinstance(seal, str) or not hmac.compare_digest(seal, _seal(key, body)):
        raise BadBackup(BackupProblem.MANIFEST, "seal")
    if manifest.get("database_sha256") != _sha256(work / DB_NAME) or manifest.get(
        "keys_sha256"
    ) != _sha256(work / KEYS_NAME):
        raise BadBackup(BackupProblem.MANIFEST, "contents")


def _opening_key(path: Path, keys: list[bytes]) -> tuple[bytes, str | None]:
    """The key (of those the password opens: this epoch's, a pending one's) that opens the
    unpacked database, and its schema revision — read before anything migrates it."""
    for key in keys:
        engine = make_engine(path, key)
        try:
            return key, stored_revision(engine, path)
        except SQLAlchemyDatabaseError:
            continue  # another epoch's key
        finally:
            engine.dispose()
    raise StoreError(StoreProblem.WRONG_KEY_FILE, path)


def check_backup(backup: Path, login: str, password: str, work: Path) -> CheckedBackup:
    """Unpack into ``work`` (0700) and open it with this login; its household count, and
    whether it is a demo. Raises BadBackup, WrongSecret or KeyringError."""
    private_folder(work)
    try:
        with zipfile.ZipFile(backup) as bundle:
            names = set(bundle.namelist())
            if not {DB_NAME, KEYS_NAME, MANIFEST} <= names:
                raise BadBackup(BackupProblem.NOT_A_BACKUP, "incomplete")
            for name in (DB_NAME, KEYS_NAME):
                create_private(work / name)  # 0600 before a byte is unpacked
                with bundle.open(name) as packed, (work / name).open("wb") as unpacked:
                    shutil.copyfileobj(packed, unpacked)
            manifest = json.loads(bundle.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadBackup(BackupProblem.NOT_A_BACKUP) from exc
    except ValueError as exc:  # not JSON, not UTF-8
        raise BadBackup(BackupProblem.MANIFEST, "json") from exc
    keyring = Keyring.load(work / KEYS_NAME)
    _own, keys = open_keys(keyring, login, password)  # WrongSecret when it does not open
    try:
        check_file(work / DB_NAME)
        key, revision = _opening_key(work / DB_NAME, [k for _number, k in keys])
    except (StoreError, SQLAlchemyDatabaseError) as exc:
        raise BadBackup(BackupProblem.DAMAGED) from exc
    _check_manifest(manifest, key, work, revision)
    try:
        store = open_store(work / DB_NAME, key)  # migrates the unpacked copy if it is older
    except StoreError as exc:
        raise BadBackup(BackupProblem.DAMAGED, exc.problem.value) from exc
    try:
        with store.engine.connect() as connection:
            if connection.execute(text("PRAGMA quick_check")).scalar() != "ok":
                raise BadBackup(BackupProblem.DAMAGED, "quick_check")
            households = int(
                connection.execute(text("SELECT count(*) FROM household")).scalar() or 0
            )
        with store.sessions() as session:
            demo = settings.is_demo(session)
        return CheckedBackup(households, demo)
    finally:
        store.close()


def restore_backup(unlocked: Unlocked, backup: Path, password: str) -> int:
    """Replace the open database with a checked backup; the current one is kept aside.

    A demo's back-up is never put over a real database, nor a real one over a demo. Before
    the store is replaced, the registers beside it get all the store knew, so the next
    login destroys again what the back-up still holds. The caller closes the app
    afterwards: the restored key file may hold other accounts.
    """
    require(unlocked.actor, Permission.BACKUP)
    db_path = unlocked.store.path
    work = db_path.with_name(db_path.name + ".herstel")
    shutil.rmtree(work, ignore_errors=True)
    try:
        checked = check_backup(backup, unlocked.actor.login, password, work)
        with unlocked.store.sessions() as session:
            here_demo = settings.is_demo(session)
        if checked.demo and not here_demo:
            raise BadBackup(BackupProblem.DEMO_OVER_REAL)
        if here_demo and not checked.demo:
            raise BadBackup(BackupProblem.REAL_OVER_DEMO)
        register.write_files(unlocked.store)
        with unlocked.store.sessions.begin() as session:
            log_access(session, unlocked.actor, AccessAction.RESTORE, detail=backup.name[:150])
        unlocked.close()
        kept = backup_copy(db_path, "voor-herstel")
        copy_private(keyring_path(db_path), kept.with_name(kept.name + ".sleutels"))
        os.replace(work / DB_NAME, db_path)
        os.replace(work / KEYS_NAME, keyring_path(db_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return checked.households
