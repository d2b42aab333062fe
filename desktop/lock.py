"""One window per database: a lock file beside it, held while the window is open.

Verbs that replace or rewrite the file (``demo --replace``, a migration) take the same lock or
refuse; printing, exports and back-ups may run beside the window (writes wait their turn in
SQLite). A lock left by a process that died (a crash, kill -9, power loss) is recognised as
stale. While it holds the lock, the window listens on a local socket named after the
database: a second start asks it to come forward (:func:`knock`) instead of opening another.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSysInfo, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.database import StoreError, StoreProblem
from desktop.private import private_folder

log = logging.getLogger(__name__)

ALREADY_OPEN = (
    "Teamtafel is al geopend op deze database, in een ander venster op deze computer. "
    "Ga naar dat venster, of sluit het eerst."
)
OPEN_ELSEWHERE = (
    "Teamtafel is al geopend op deze database, op de computer {host}. Sluit het daar eerst. "
    "Is Teamtafel daar niet meer open (na een storing), verwijder dan dit bestand:\n{lock}"
)
BROUGHT_FORWARD = "Teamtafel is al geopend op deze database; dat venster staat nu vooraan."

# Lock files this process holds (by path), so a migration in the window's own process
# knows the database is already its own.
_HELD: set[Path] = set()


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".in-gebruik")


class DatabaseLock:
    def __init__(self, db: Path) -> None:
        self._path = lock_path(db).absolute()
        self._file = QLockFile(str(self._path))
        # A lock is stale only when its process is gone (checked on this computer) — never
        # because of its age: Qt's default would take over a window open for 30 seconds on
        # another computer sharing the folder.
        self._file.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when this process now holds the database (a stale lock is taken over)."""
        private_folder(self._path.parent)  # a first start creates the data folder here
        if not self._file.tryLock(200):
            return False
        _HELD.add(self._path)
        return True

    def release(self) -> None:
        self._file.unlock()
        _HELD.discard(self._path)

    def holder(self) -> str | None:
        """The name of the other computer holding the lock; None when it is this one."""
        _pid, host, _app = self._file.getLockInfo()
        if not host or host == QSysInfo.machineHostName():
            return None
        return str(host)


def held_here(db: Path) -> bool:
    return lock_path(db).absolute() in _HELD


def refusal(db: Path) -> str:
    """Why a second window may not open this database, in Dutch."""
    host = DatabaseLock(db).holder()
    if host is None:
        return ALREADY_OPEN
    return OPEN_ELSEWHERE.format(host=host, lock=lock_path(db))


@contextmanager
def hold_for_rewrite(db: Path) -> Iterator[None]:
    """Hold the database while a verb rewrites it (a migration): at once when this process
    already holds it, else by taking the lock; a window holding it refuses the rewrite."""
    if held_here(db):
        yield
        return
    lock = DatabaseLock(db)
    if not lock.acquire():
        raise StoreError(StoreProblem.IN_USE, db)
    try:
        yield
    finally:
        lock.release()


def server_name(db: Path, user: str | None = None) -> str:
    """The local socket's name: one per database file and user, so windows on other
    databases, or of other users on this computer, never answer each other."""
    if user is None:
        try:
            user = getpass.getuser()
        except (OSError, KeyError):  # no user name in the environment or the password file
            user = str(os.getuid()) if hasattr(os, "getuid") else ""
    where = os.path.normcase(str(db.absolute().resolve()))
    digest = hashlib.sha256(f"{user}\n{where}".encode()).hexdigest()[:24]
    return f"teamtafel-{digest}"


KNOCK, ANSWER = b"naar-voren", b"ja"
CONNECT_MS, ANSWER_MS = 1000, 2000


class FrontDoor(QObject):
    """Where a second start on the same database knocks; ``knocked`` asks the window forward."""

    knocked = Signal()

    def __init__(self, db: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._let_in)

    def open(self) -> bool:
        """Listen; call only while holding the database's lock."""
        # A socket left by a window that was killed: ours to clear, since we hold the lock.
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            log.warning("cannot listen for a second start: %s", self._server.errorString())
            return False
        log.info("listening for a second start on this database")
        return True

    def close(self) -> None:
        self._server.close()

    def _let_in(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._hear(socket))
            socket.disconnected.connect(socket.deleteLater)
            self._hear(socket)

    def _hear(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()).strip() == KNOCK:
            log.info("a second start asked this window to come forward")
            self.knocked.emit()
            socket.write(ANSWER + b"\n")
            socket.flush()
        socket.disconnectFromServer()


def knock(db: Path) -> bool:
    """Ask the window holding ``db`` to come forward; True when it answered (False when no
    window listens, or it hangs)."""
    _allow_foreground(db)
    socket = QLocalSocket()
    socket.connectToServer(server_name(db))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(KNOCK + b"\n")
        socket.waitForBytesWritten(CONNECT_MS)
        while not socket.canReadLine() and socket.waitForReadyRead(ANSWER_MS):
            pass
        return socket.canReadLine() and bytes(socket.readLine().data()).strip() == ANSWER
    finally:
        socket.abort()


def _allow_foreground(db: Path) -> None:
    """Windows lets only the process the user just started bring a window to the front:
    hand that right to the window's process."""
    if sys.platform == "win32":
        import ctypes

        pid, _host, _app = QLockFile(str(lock_path(db))).getLockInfo()
        if pid > 0:
            ctypes.windll.user32.AllowSetForegroundWindow(int(pid))
