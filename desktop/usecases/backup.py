"""Encrypted backups a beheerder makes while the app runs, and restoring them after a check.

A backup is one zip file (0600): the database exported by SQLCipher (encrypted with the
same key, consistent because it is one read transaction), the key file, and a small
manifest. Nothing in it is readable without an account's password. The manifest names the
SHA-256 of the other two and is sealed with an HMAC under a key derived from the database
key, so it is checked like the rest: a changed manifest, or a database or key file that
is not the one it names, is refused. Every back-up is entered in the back-up register
(:mod:`desktop.register`) with the households it holds, for the destruction dialog.

The manifest also holds a **checkpoint** of the access log (format 3): the newest entry in
the exported copy, signed with its maker's own Ed25519 key. The seal can be remade by anyone
who holds the database key; the signature only by the maker. A restore checks the copy's
log chain against it (intact, and ending at that entry), and writes a RESTORE line into the
copy saying up to where the back-up went and how many newer lines the previous log had.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import json
import os
import shutil
import uuid
import zipfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session

from desktop import register, teamlist
from desktop.database import (
    StoreError,
    StoreProblem,
    backup_copy,
    check_file,
    make_engine,
    open_store,
    stored_revision,
)
from desktop.keyring import Keyring, keyring_path, public_bytes
from desktop.private import (
    copy_private,
    create_private,
    private_folder,
    write_private,
)
from desktop.session import Unlocked, open_keys
from models import migrations, settings
from models.access import log_access
from models.logchain import (
    GENESIS,
    Checkpoint,
    check,
    remember_signing_key,
    signed_by,
    signing_keys,
)
from models.permissions import AccessAction, Actor, Permission, require
from models.register import Backup, Register, pack_ids, store_register
from models.roster import RosterState
from models.security import AccessLogEntry, Account
from models.wording import restore_detail

DB_NAME, KEYS_NAME, MANIFEST = "teamtafel.sqlite", "teamtafel.sqlite.sleutels", "manifest.json"
SUFFIX = ".ttbackup"
MANIFEST_FORMAT = 3  # 1: unsealed (revision 0009 and older); 2: sealed, without a checkpoint
CHECKPOINT_KIND = "teamtafel back-up checkpoint"  # in what is signed: never a log line's hash
SEALED_SINCE = "0010"  # a back-up of a database at this revision or newer must be sealed


class BackupProblem(enum.StrEnum):
    NOT_A_BACKUP = "not_a_backup"  # not a zip, or without the three files
    MANIFEST = "manifest"  # changed, or not about the database and key file beside it
    DAMAGED = "damaged"  # the database inside does not open or does not pass its check
    DEMO_OVER_REAL = "demo_over_real"  # a demo's back-up over a real database
    REAL_OVER_DEMO = "real_over_demo"  # a real back-up over a demo database
    LOG_CHANGED = "log_changed"  # its access log is not the one its checkpoint names
    UNSIGNED_CHECKPOINT = "unsigned_checkpoint"  # the checkpoint is not signed by its maker


class BadBackup(Exception):
    """Not a Teamtafel backup, damaged or changed; or of the other kind (demo or real)."""

    def __init__(self, problem: BackupProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value} {detail}".strip())
        self.problem = problem


@dataclass(frozen=True)
class BackupCheckpoint:
    """The newest access-log entry in a back-up's copy, and who made it, when, of what."""

    seq: int
    entry_hash: str
    database_id: str
    epoch: int
    login: str
    account_id: uuid.UUID
    made_at: datetime

    @property
    def position(self) -> Checkpoint:
        return Checkpoint(self.seq, self.entry_hash)

    def payload(self) -> dict[str, object]:
        return {
            "kind": CHECKPOINT_KIND,
            "seq": self.seq,
            "entry_hash": self.entry_hash,
            "database_id": self.database_id,
            "epoch": self.epoch,
            "login": self.login,
            "account_id": str(self.account_id),
            "made_at": self.made_at.isoformat(),
        }

    def signed_bytes(self) -> bytes:
        """The canonical JSON its maker signs."""
        return json.dumps(self.payload(), sort_keys=True, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_payload(cls, data: object) -> BackupCheckpoint:
        """Read from a manifest; anything not shaped as :meth:`payload` writes it is refused."""
        try:
            if not isinstance(data, dict) or data.get("kind") != CHECKPOINT_KIND:
                raise ValueError("kind")
            seq, entry_hash, epoch = data["seq"], data["entry_hash"], data["epoch"]
            database_id, login = data["database_id"], data["login"]
            if not (isinstance(seq, int) and isinstance(epoch, int) and seq >= 0):
                raise ValueError("numbers")
            if not (isinstance(entry_hash, str) and len(entry_hash) == len(GENESIS)):
                raise ValueError("entry_hash")
            bytes.fromhex(entry_hash)
            if not (isinstance(database_id, str) and isinstance(login, str)):
                raise ValueError("names")
            made_at = datetime.fromisoformat(str(data["made_at"]))
            if made_at.tzinfo is None:
                raise ValueError("made_at")
            checkpoint = cls(
                seq,
                entry_hash,
                database_id,
                epoch,
                login,
                uuid.UUID(str(data["account_id"])),
                made_at,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BadBackup(BackupProblem.MANIFEST, "checkpoint") from exc
        if checkpoint.payload() != data:  # nothing beside it, nothing written another way
            raise BadBackup(BackupProblem.MANIFEST, "checkpoint")
        return checkpoint


@dataclass(frozen=True)
class CheckedBackup:
    households: int
    demo: bool
    # The verified, signed checkpoint; None for a back-up made before they were (format 1, 2).
    checkpoint: BackupCheckpoint | None
    newest: Checkpoint  # the copy's newest log entry (the checkpoint's, when it has one)
    made_at: datetime | None
    made_by: str


@dataclass(frozen=True)
class Restored:
    """What a restore put back: for the message, and this computer's log position."""

    households: int
    checkpoint: BackupCheckpoint | None  # verified; None: a back-up of an older version
    newest: Checkpoint  # the back-up's newest log entry (its checkpoint's, when it has one)
    dropped: int | None  # lines the previous log had after it; None: it did not hold it


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
    with unlocked.store.sessions.begin() as session:
        # The key that signs the checkpoint is known to the copy (a login remembers it; a
        # key renewed since, not yet).
        remember_signing_key(session, unlocked.actor.account_id, public_bytes(unlocked.signing_key))
    private_folder(work)
    try:
        exported = work / DB_NAME
        create_private(exported)
        raw = unlocked.store.engine.raw_connection()
        cursor = raw.cursor()
        try:
            quoted = str(exported).replace("'", "''")
            cursor.execute(f"ATTACH DATABASE '{quoted}' AS backup KEY \"x'{unlocked.key.hex()}'\"")
            cursor.execute("SELECT sqlcipher_export('backup')")
            # The households in the copy itself: exactly what this back-up holds.
            held = [
                uuid.UUID(hex=str(row[0]))
                for row in cursor.execute("SELECT id FROM backup.household")
            ]
            # The checkpoint: the newest log entry in the copy itself, whatever came after.
            newest = cursor.execute(
                "SELECT seq, entry_hash FROM backup.access_log WHERE seq IS NOT NULL"
                " ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        finally:
            # detached also after a failed export (a full disk), so the pooled connection
            # can attach the next back-up; not attached when the ATTACH itself failed
            with suppress(sqlcipher.OperationalError):
                cursor.execute("DETACH DATABASE backup")
            raw.close()
        keys = work / KEYS_NAME
        copy_private(unlocked.keyring.path, keys)
        entry = Backup(
            uuid.uuid4(),
            datetime.now(UTC).replace(microsecond=0),
            str(target.absolute()),
            pack_ids(held),
        )
        checkpoint = BackupCheckpoint(
            int(newest[0]) if newest else 0,
            str(newest[1]) if newest else GENESIS,
            unlocked.keyring.database_id or "",
            unlocked.epoch,
            unlocked.actor.login,
            unlocked.actor.account_id,
            entry.made_at,
        )
        signature = unlocked.signing_key.sign(checkpoint.signed_bytes())
        manifest: dict[str, object] = {
            "format": MANIFEST_FORMAT,
            "id": str(entry.id),
            "made_at": entry.made_at.isoformat(),
            "revision": migrations.HEAD,
            "made_by": unlocked.actor.login,
            "households": len(held),
            "database_sha256": _sha256(exported),
            "keys_sha256": _sha256(keys),
            "checkpoint": checkpoint.payload(),
            "checkpoint_signature": base64.b64encode(signature).decode("ascii"),
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


def _check_manifest(
    manifest: object, key: bytes, work: Path, revision: str | None
) -> dict[str, object]:
    """The manifest is about this database and key file, and (from 0010 on) sealed."""
    if not isinstance(manifest, dict) or manifest.get("revision") != revision:
        raise BadBackup(BackupProblem.MANIFEST, "revision")
    if manifest.get("format") == 1 and revision is not None and revision < SEALED_SINCE:
        return manifest  # made before manifests were sealed; its revision matches the database's
    if manifest.get("format") not in (2, MANIFEST_FORMAT):
        raise BadBackup(BackupProblem.MANIFEST, "format")
    body = {k: v for k, v in manifest.items() if k != "seal"}
    seal = manifest.get("seal")
    if not isinstance(seal, str) or not hmac.compare_digest(seal, _seal(key, body)):
        raise BadBackup(BackupProblem.MANIFEST, "seal")
    if manifest.get("database_sha256") != _sha256(work / DB_NAME) or manifest.get(
        "keys_sha256"
    ) != _sha256(work / KEYS_NAME):
        raise BadBackup(BackupProblem.MANIFEST, "contents")
    return manifest


def _signed_checkpoint(manifest: dict[str, object]) -> tuple[BackupCheckpoint, bytes] | None:
    """The checkpoint and its signature (format 3); None for an older back-up."""
    if manifest.get("format") != MANIFEST_FORMAT:
        return None
    checkpoint = BackupCheckpoint.from_payload(manifest.get("checkpoint"))
    try:
        signature = base64.b64decode(str(manifest.get("checkpoint_signature")), validate=True)
    except ValueError as exc:  # binascii.Error
        raise BadBackup(BackupProblem.UNSIGNED_CHECKPOINT, "signature") from exc
    return checkpoint, signature


def _made(manifest: dict[str, object]) -> tuple[datetime | None, str]:
    """When and by whom, as an older manifest says (format 1 is not sealed: only shown)."""
    try:
        made_at: datetime | None = datetime.fromisoformat(str(manifest.get("made_at")))
    except ValueError:
        made_at = None
    return made_at, str(manifest.get("made_by") or "")[:64]


def _trusted_keys(
    session: Session, keyring: Keyring, pinned: bytes | None
) -> tuple[dict[uuid.UUID, list[bytes]], int | None]:
    """The signing keys the copy's own signed account list vouches for (checked against the
    team key the restorer's slot in the copy pins), and where signing began. A copy without
    a list that verifies (from before signed lists, or damaged) falls back to the keys it
    remembers at logins; its login then shows the list as broken."""
    result = teamlist.check(session, keyring, pinned)
    if result.state is RosterState.VERIFIED:
        return result.confirmed_keys(), result.log_signed_from()
    return signing_keys(session), None


def _check_checkpoint(
    session: Session,
    checkpoint: BackupCheckpoint,
    signature: bytes,
    keyring: Keyring,
    pinned: bytes | None,
) -> None:
    """The checkpoint is signed by its maker, about this database; the copy's log chain is
    intact up to and including the entry it names, and has nothing after it."""
    maker = session.get(Account, checkpoint.account_id)
    if maker is None or maker.login != checkpoint.login:
        raise BadBackup(BackupProblem.UNSIGNED_CHECKPOINT, "maker")
    known, signed_from = _trusted_keys(session, keyring, pinned)
    if not signed_by(known.get(checkpoint.account_id, []), signature, checkpoint.signed_bytes()):
        raise BadBackup(BackupProblem.UNSIGNED_CHECKPOINT, "signature")
    if keyring.database_id and checkpoint.database_id != keyring.database_id:
        raise BadBackup(BackupProblem.MANIFEST, "database_id")
    remembered = signing_keys(session)  # a colleague's renewed key, not yet confirmed
    chain = check(
        session,
        lambda account: known.get(account, []) if account else [],
        unconfirmed_keys=lambda account: remembered.get(account, []) if account else [],
        signed_from=signed_from,
    )
    if chain.broken is not None:
        raise BadBackup(BackupProblem.LOG_CHANGED, f"chain {chain.broken.seq}")
    # (A migration of an older copy that wrote log lines would have to be allowed for here.)
    if chain.last != checkpoint.position:
        raise BadBackup(BackupProblem.LOG_CHANGED, f"ends at {chain.last.seq}")


def _newest(session: Session) -> Checkpoint:
    row = session.execute(
        select(AccessLogEntry.seq, AccessLogEntry.entry_hash)
        .where(AccessLogEntry.seq.is_not(None))
        .order_by(AccessLogEntry.seq.desc())
        .limit(1)
    ).first()
    return Checkpoint(row[0] or 0, row[1]) if row else Checkpoint(0, GENESIS)


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
    """Unpack into ``work`` (0700) and open it with this login; its household count, whether
    it is a demo, and its access log's checkpoint, verified. Raises BadBackup, WrongSecret or
    KeyringError."""
    return _check(backup, login, password, work)[0]


def _check(backup: Path, login: str, password: str, work: Path) -> tuple[CheckedBackup, bytes]:
    """:func:`check_backup`, and the key that opens the unpacked copy."""
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
    own, keys = open_keys(keyring, login, password)  # WrongSecret when it does not open
    try:
        check_file(work / DB_NAME)
        key, revision = _opening_key(work / DB_NAME, [k for _number, k in keys])
    except (StoreError, SQLAlchemyDatabaseError) as exc:
        raise BadBackup(BackupProblem.DAMAGED) from exc
    checked_manifest = _check_manifest(manifest, key, work, revision)
    signed = _signed_checkpoint(checked_manifest)
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
            if signed is not None:
                _check_checkpoint(session, *signed, keyring, own.team_public if own else None)
            newest = _newest(session)
    finally:
        store.close()
    checkpoint = signed[0] if signed is not None else None
    made_at, made_by = (
        (checkpoint.made_at, checkpoint.login) if checkpoint else _made(checked_manifest)
    )
    return CheckedBackup(households, demo, checkpoint, newest, made_at, made_by), key


def _dropped(session: Session, newest: Checkpoint) -> int | None:
    """How many lines this log has after the back-up's newest; None when it does not hold
    that line (it went another way: another database, or restored from another back-up)."""
    if newest.seq > 0:
        here = session.scalar(
            select(AccessLogEntry.entry_hash).where(AccessLogEntry.seq == newest.seq)
        )
        if here != newest.entry_hash:
            return None
    return max(0, _newest(session).seq - newest.seq)


def _record_restore(path: Path, key: bytes, unlocked: Unlocked, detail: str) -> None:
    """The RESTORE line in the unpacked copy, before it is put in place: chained and signed
    with the restoring account's key (remembered there too), so the restored file says so."""
    store = open_store(path, key, user=unlocked.actor.login)
    try:
        store.sessions.sign_with(unlocked.signing_key.sign)
        with store.sessions.begin() as session:
            account = session.scalars(
                select(Account).where(Account.login == unlocked.actor.login)
            ).one_or_none()
            actor = (
                Actor(account.id, account.login, account.display_name, account.role)
                if account is not None
                else unlocked.actor
            )
            remember_signing_key(session, actor.account_id, public_bytes(unlocked.signing_key))
            log_access(session, actor, AccessAction.RESTORE, detail=detail)
    finally:
        store.close()


def restore_backup(unlocked: Unlocked, backup: Path, password: str) -> Restored:
    """Replace the open database with a checked backup; the current one is kept aside.

    A demo's back-up is never put over a real database, nor a real one over a demo. Before
    the store is replaced, the registers beside it get all the store knew, so the next
    login destroys again what the back-up still holds; the restored copy gets a RESTORE
    line (which back-up, up to which log line, how many lines the previous log had after
    it). The caller closes the app afterwards: the restored key file may hold other
    accounts.
    """
    require(unlocked.actor, Permission.BACKUP)
    db_path = unlocked.store.path
    work = db_path.with_name(db_path.name + ".herstel")
    shutil.rmtree(work, ignore_errors=True)
    try:
        checked, key = _check(backup, unlocked.actor.login, password, work)
        with unlocked.store.sessions() as session:
            here_demo = settings.is_demo(session)
            dropped = _dropped(session, checked.newest)
        if checked.demo and not here_demo:
            raise BadBackup(BackupProblem.DEMO_OVER_REAL)
        if here_demo and not checked.demo:
            raise BadBackup(BackupProblem.REAL_OVER_DEMO)
        detail = restore_detail(
            checked.made_at,
            checked.made_by,
            checked.newest.seq,
            signed=checked.checkpoint is not None,
            dropped=dropped,
        )
        _record_restore(work / DB_NAME, key, unlocked, detail)
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
    return Restored(checked.households, checked.checkpoint, checked.newest, dropped)
