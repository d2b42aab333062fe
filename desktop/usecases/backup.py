"""Encrypted backups a beheerder makes while the app runs, and restoring them after a check.

A backup is one zip file: the database exported by SQLCipher (encrypted with the
same key, consistent because it is one read transaction), the key file, and a
small manifest. Nothing in it is readable without an account's password.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from desktop.database import StoreError, backup_copy, held_by_caller
from desktop.keyring import Keyring, keyring_path
from desktop.session import Unlocked, open_first, open_keys
from models import migrations
from models.access import log_access
from models.permissions import AccessAction, Permission, require

DB_NAME, KEYS_NAME, MANIFEST = "teamtafel.sqlite", "teamtafel.sqlite.sleutels", "manifest.json"
SUFFIX = ".ttbackup"


class BadBackup(Exception):
    """Not a Teamtafel backup, damaged, or not openable with this password."""


def make_backup(unlocked: Unlocked, target: Path) -> Path:
    require(unlocked.actor, Permission.BACKUP)
    target = target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)
    work = target.with_name(target.name + ".deel")
    work.mkdir(parents=True, exist_ok=True)
    try:
        exported = work / DB_NAME
        raw = unlocked.store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            quoted = str(exported).replace("'", "''")
            cursor.execute(f"ATTACH DATABASE '{quoted}' AS backup KEY \"x'{unlocked.key.hex()}'\"")
            cursor.execute("SELECT sqlcipher_export('backup')")
            cursor.execute("DETACH DATABASE backup")
        finally:
            raw.close()
        manifest = {
            "format": 1,
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "revision": migrations.HEAD,
            "made_by": unlocked.actor.login,
        }
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as bundle:
            bundle.write(exported, DB_NAME)
            bundle.writestr(KEYS_NAME, unlocked.keyring.path.read_text(encoding="utf-8"))
            bundle.writestr(MANIFEST, json.dumps(manifest, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with unlocked.store.sessions.begin() as session:
        log_access(session, unlocked.actor, AccessAction.BACKUP, detail=target.name[:150])
    return target


def check_backup(backup: Path, login: str, password: str, work: Path) -> int:
    """Unpack into ``work`` and open it with this login; returns its household count."""
    try:
        with zipfile.ZipFile(backup) as bundle:
            names = set(bundle.namelist())
            if not {DB_NAME, KEYS_NAME, MANIFEST} <= names:
                raise BadBackup("incomplete")
            bundle.extract(DB_NAME, work)
            bundle.extract(KEYS_NAME, work)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadBackup("not a backup") from exc
    keyring = Keyring.load(work / KEYS_NAME)
    _own, keys = open_keys(keyring, login, password)  # WrongSecret when it does not open
    try:
        store, _epoch, _key = open_first(work / DB_NAME, keys, user=login, hold=held_by_caller)
    except StoreError as exc:
        raise BadBackup(exc.problem.value) from exc
    try:
        with store.engine.connect() as connection:
            if connection.execute(text("PRAGMA quick_check")).scalar() != "ok":
                raise BadBackup("damaged")
            return int(connection.execute(text("SELECT count(*) FROM household")).scalar() or 0)
    finally:
        store.close()


def restore_backup(unlocked: Unlocked, backup: Path, password: str) -> int:
    """Replace the open database with a checked backup; the current one is kept aside.

    The caller closes the app afterwards: the restored key file may hold other accounts.
    """
    require(unlocked.actor, Permission.BACKUP)
    db_path = unlocked.store.path
    work = db_path.with_name(db_path.name + ".herstel")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        households = check_backup(backup, unlocked.actor.login, password, work)
        with unlocked.store.sessions.begin() as session:
            log_access(session, unlocked.actor, AccessAction.RESTORE, detail=backup.name[:150])
        unlocked.close()
        kept = backup_copy(db_path, "voor-herstel")
        shutil.copyfile(keyring_path(db_path), kept.with_name(kept.name + ".sleutels"))
        os.replace(work / DB_NAME, db_path)
        os.replace(work / KEYS_NAME, keyring_path(db_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return households
