"""Opening the store: where it lives, checking it is ours, migrating it safely.

Expected problems (the file is missing, locked, not a database, from a newer
Teamtafel) raise :class:`StoreError` with a code; desktop.errors words them.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.private import copy_private, create_private, make_private, private_folder
from models import migrations
from models.errors import DomainError
from models.logchain import SIGN

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_ENCRYPTED_SIZE = 1024  # one SQLCipher page; anything shorter is not (or no longer) a database
APP_NAME = "Teamtafel"


class StoreProblem(enum.StrEnum):
    MISSING = "missing"
    EMPTY = "empty"  # 0 bytes: a failed copy or a file made by mistake, never a new database
    NOT_A_DATABASE = "not_a_database"
    PLAIN = "plain"
    FOREIGN = "foreign"
    TOO_NEW = "too_new"
    UNREADABLE = "unreadable"
    MIGRATION_FAILED = "migration_failed"
    IN_USE = "in_use"  # it needs a migration, but a window (of an older version) holds it
    # The key file's key does not open this file, or names another database: the key file is
    # older than the database's last key change (a copy from a back-up), or of another one.
    WRONG_KEY_FILE = "wrong_key_file"


class MigrationError(RuntimeError):
    """A migration left the data inconsistent; its transaction is rolled back."""


class StoreError(Exception):
    def __init__(self, problem: StoreProblem, path: Path) -> None:
        super().__init__(f"{problem.value}: {path}")
        self.problem = problem
        self.path = path


def default_db_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "teamtafel.sqlite"


class KeyedFile:
    """The file and the key its connections are opened with; the key changes at a rekey."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self.key = key

    def connect(self) -> sqlcipher.Connection:
        return keyed_connection(self.path, self.key)


class RekeyFailed(RuntimeError):
    """PRAGMA rekey did not leave the file readable with the new key."""


@dataclass
class Store:
    """An open database: its file, engine and the session factory (one session per action)."""

    path: Path
    engine: Engine
    sessions: Sessions
    keyed: KeyedFile

    def close(self) -> None:
        """Close every pooled connection; the next session opens a new one."""
        self.engine.dispose()

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under ``new_key`` (``PRAGMA rekey``, one transaction of its
        own, so a crash halfway rolls back to the old key). The caller holds the database
        lock; this closes the store's own connections first and checks the result."""
        self.close()
        raw = self.keyed.connect()
        try:
            raw.execute(f"PRAGMA busy_timeout = {DEFAULT_WAIT_MS}")
            raw.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        finally:
            raw.close()
        check = keyed_connection(self.path, new_key)
        try:
            check.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise RekeyFailed(self.path.name) from exc
        finally:
            check.close()
        self.keyed.key = new_key


def keyed_connection(path: Path, key: bytes) -> sqlcipher.Connection:
    """A DB-API connection to the encrypted file, keyed before anything else is read."""
    connection = sqlcipher.connect(str(path), check_same_thread=False)
    # SQLCipher writes "ERROR CORE … hmac check failed" to stderr for every wrong key or
    # damaged page; Teamtafel says what went wrong itself, in Dutch.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


def _on_connect(dbapi_connection: sqlcipher.Connection, _record: object) -> None:
    # SQLAlchemy's recipe for real SQLite transactions: the driver stops issuing
    # its own BEGIN (which skips DDL), and _on_begin emits one for every transaction,
    # so a failed migration rolls back whole.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    # Deleted content is overwritten, so a destroyed dossier leaves no decryptable trace.
    dbapi_connection.execute("PRAGMA secure_delete = ON")
    # Decrypted pages stay in memory between queries; SQLCipher's default cache is
    # small enough that every search decrypted the household pages again, and 16 MiB
    # still let the coordinator's overview push out its own pages on 20,000 households
    # (64 MiB: a tenth off a second look). Memory is taken only as pages are read.
    dbapi_connection.execute("PRAGMA cache_size = -65536")  # KiB, so 64 MiB
    # A row that INSERT OR REPLACE pushes out fires its delete triggers only with this on:
    # the summaries the overview reads (migration 0021) stay right under an upsert too.
    dbapi_connection.execute("PRAGMA recursive_triggers = ON")


IMMEDIATE = "teamtafel_immediate"  # an execution option: this transaction will write
WAIT_MS = "teamtafel_wait_ms"  # an execution option: how long to wait for the write lock
# A save waits this long behind a colleague's save or a back-up before it says "bezet";
# long enough for a loaded laptop, short enough that a hung process is reported.
DEFAULT_WAIT_MS = 10_000


def _on_begin(connection: Connection) -> None:
    # A write takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so two windows or a
    # back-up beside the window wait their turn (busy timeout) instead of failing halfway,
    # after the data was written but before its log line. Reads stay deferred: a long
    # export does not block a colleague's save.
    options = connection.get_execution_options()
    wait_ms = int(options.get(WAIT_MS, DEFAULT_WAIT_MS))
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {wait_ms}")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(IMMEDIATE, False) else "BEGIN")


class Sessions:
    """One session per user action: ``sessions()`` to read, ``sessions.begin()`` to write.

    Shaped like a ``sessionmaker`` (``with sessions() as s``, ``with sessions.begin() as s``);
    a write session's transaction begins IMMEDIATE.
    """

    def __init__(self, engine: Engine, user: str) -> None:
        self._info: dict[str, object] = {"user": user}  # the author of every change
        self._read = sessionmaker(engine, expire_on_commit=False, info=self._info)
        self._writer = engine.execution_options(**{IMMEDIATE: True})
        self._write = sessionmaker(self._writer, expire_on_commit=False, info=self._info)

    def __call__(self) -> Session:
        return self._read()

    def sign_with(self, sign: Callable[[bytes], bytes] | None) -> None:
        """Sign every access-log entry written from now on (models.logchain) with ``sign``:
        the logged-in account's own key."""
        if sign is None:
            self._info.pop(SIGN, None)
        else:
            self._info[SIGN] = sign  # every session copies this dict when it is made

    @contextmanager
    def begin(self, *, wait_ms: int | None = None) -> Iterator[Session]:
        """A write transaction; a lock that does not clear in time raises :class:`StoreBusy`
        (with BEGIN IMMEDIATE that happens before anything was written).

        ``wait_ms``: wait shorter than a save does, for a write that may simply be tried
        again later without the user noticing (the werkkopie while typing).
        """
        maker = self._write
        if wait_ms is not None:
            maker = sessionmaker(
                self._writer.execution_options(**{WAIT_MS: wait_ms}),
                expire_on_commit=False,
                info=self._info,
            )
        try:
            with maker.begin() as session:
                yield session
        except OperationalError as exc:
            if any(word in str(exc.orig).lower() for word in ("locked", "busy")):
                raise StoreBusy from exc
            raise


class StoreBusy(DomainError):
    """Another process held the database's write lock past the busy timeout."""


def make_engine(path: Path, key: bytes | KeyedFile) -> Engine:
    """An engine on the SQLCipher file; ``hide_parameters`` keeps names and BSNs out of errors.

    A session takes a connection of its own from a queue pool and gives it back when it
    closes, whatever thread it runs on. (The URL names no file, so SQLAlchemy would pick its
    pool for an in-memory database: one connection per thread, of which it closes an
    arbitrary one, also one in use, once a sixth thread has asked; the window's background
    reads run on Qt's pool threads, which come and go.)"""
    keyed = key if isinstance(key, KeyedFile) else KeyedFile(path, key)
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=keyed.connect,
        module=sqlcipher,
        hide_parameters=True,
        poolclass=QueuePool,
        pool_use_lifo=True,  # the connection used last, with its cache of decrypted pages
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def check_file(path: Path) -> None:
    """Refuse what is plainly not an encrypted Teamtafel store, before using a key on it."""
    if not path.exists():
        raise StoreError(StoreProblem.MISSING, path)
    try:
        with path.open("rb") as handle:
            header = handle.read(MIN_ENCRYPTED_SIZE)
    except OSError as exc:
        raise StoreError(StoreProblem.UNREADABLE, path) from exc
    if not header:
        raise StoreError(StoreProblem.EMPTY, path)
    if header.startswith(SQLITE_MAGIC):
        raise StoreError(StoreProblem.PLAIN, path)
    if 0 < len(header) < MIN_ENCRYPTED_SIZE:
        raise StoreError(StoreProblem.NOT_A_DATABASE, path)


def stored_revision(engine: Engine, path: Path) -> str | None:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(StoreProblem.FOREIGN, path)
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_copy(path: Path, label: str) -> Path:
    """A copy of the (encrypted) file beside it, made while nothing writes to it."""
    stamp = (
        datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    )  # local time, as the user reads it
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    copy_private(path, target)
    return target


def vacuum(engine: Engine) -> None:
    """Rewrite the file compactly; VACUUM cannot run inside a transaction, so on the raw connection."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("VACUUM")
    finally:
        raw.close()


def migrate(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations.LOCATION))
    with engine.connect() as connection:
        # Batch migrations rebuild tables (copy, drop, rename); with foreign keys
        # enforced the drop fails.  The pragma only works outside a transaction.
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"{len(broken)} broken references after migrating")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory(str(migrations.LOCATION)).walk_revisions()}


Hold = Callable[[Path], AbstractContextManager[object]]


def held_by_caller(_path: Path) -> AbstractContextManager[object]:
    """The caller already holds the database (the window, ``demo``), or the file is its own
    (a back-up being checked): nothing to take before migrating."""
    return nullcontext()


def _migrate_with_copy(engine: Engine, path: Path, revision: str | None) -> None:
    if revision is not None:
        copy = backup_copy(path, f"voor-migratie-{revision}")
        log.info("copied the database aside before migrating: %s", copy.name)
    try:
        migrate(engine)
    except (SQLAlchemyDatabaseError, MigrationError) as exc:
        log.error("migration from %s failed: %s", revision, type(exc).__name__)
        raise StoreError(StoreProblem.MIGRATION_FAILED, path) from exc
    log.info("database migrated from %s to %s", revision, migrations.HEAD)
    if revision is not None:
        vacuum(engine)  # batch migrations rebuild tables: lay the file out afresh, once


def open_store(
    path: Path,
    key: bytes,
    *,
    create: bool = False,
    user: str = "systeem",
    hold: Hold = held_by_caller,
) -> Store:
    """Open (and if needed create or migrate) the encrypted database at ``path``.

    A migration rewrites the file, so it runs inside ``hold(path)``: a verb passes
    ``desktop.lock.hold_for_rewrite``, which refuses (:attr:`StoreProblem.IN_USE`) while a
    window holds the database.
    """
    created = False
    if not path.exists():
        if not create:
            raise StoreError(StoreProblem.MISSING, path)
        private_folder(path.parent)
        create_private(path)  # 0600 before SQLCipher writes its first page
        created = True
    else:
        check_file(path)
    keyed = KeyedFile(path, key)
    engine = make_engine(path, keyed)
    try:
        try:
            revision = stored_revision(engine, path)
        except SQLAlchemyDatabaseError as exc:
            problem = (
                StoreProblem.UNREADABLE if "locked" in str(exc) else StoreProblem.NOT_A_DATABASE
            )
            raise StoreError(problem, path) from exc
        if revision is None and not created:
            # A file that was there before but holds no Teamtafel schema is someone else's
            # (or an accident): it is never turned into a new, empty database.
            raise StoreError(StoreProblem.NOT_A_DATABASE, path)
        make_private(path)  # a store made by an older version may still be 0644
        if revision != migrations.HEAD:
            if revision is not None and revision not in known_revisions():
                raise StoreError(StoreProblem.TOO_NEW, path)
            with hold(path):
                _migrate_with_copy(engine, path, revision)
    except StoreError:
        engine.dispose()
        raise
    return Store(path=path, engine=engine, sessions=Sessions(engine, user), keyed=keyed)
