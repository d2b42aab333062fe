"""Failed logins, kept in a file beside the key file until the next successful login.

``….pogingen`` (0600) holds, per login, how many wrong passwords in a row and when the last
one was (what :class:`desktop.session.Throttle` waits on), and each attempt: which login,
when, and where (login screen, lock screen, command line, recovery code). A file, not the
database: it must be written without the key, and it must survive a restart, so that
neither quitting the app nor the command line starts the count again. At the next
successful login the attempts move into the access log.

Deleting the file resets the count; so does copying the database and key file elsewhere.
Against someone with a copy of the files only the cost of argon2id and the length of the
password count: they try passwords on their own computer, never through this throttle.

A login that has no account is kept as ``(onbekend)``: someone who types a password into
the login field must not find it in a file or the log.
"""

from __future__ import annotations

import json
import logging
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.database import Store
from desktop.keyring import Keyring, KeyringError, keyring_path, user_slot
from desktop.private import replace_private
from models.logchain import seal
from models.permissions import AccessAction, Actor
from models.security import AccessLogEntry
from models.wording import seconds_text

log = logging.getLogger(__name__)

FORMAT = 1
UNKNOWN = "(onbekend)"
KEEP_ATTEMPTS = 1000  # the newest; an attacker's loop must not grow the file without end

# Where an attempt was made, as the access log says it.
LOGIN_SCREEN = "inlogscherm"
LOCK_SCREEN = "vergrendelscherm"
COMMAND_LINE = "opdrachtregel"
RECOVERY = "herstelcode"
CHANGE_PASSWORD = "wachtwoord wijzigen"
REVIEW = "meekijken"  # a colleague confirming a risicotaxatie with their own password
PLACES = (LOGIN_SCREEN, LOCK_SCREEN, COMMAND_LINE, RECOVERY, CHANGE_PASSWORD, REVIEW)


def attempts_path(db: Path) -> Path:
    """Beside the key file (which stands beside the database)."""
    return keyring_path(db).with_name(db.name + ".pogingen")


def wait_message(wait: float) -> str:
    return f"Te veel mislukte pogingen. Probeer het over {seconds_text(math.ceil(wait))} opnieuw."


def counted_login(db: Path, login: str) -> str:
    """The login as the file keeps it: an account's login, or :data:`UNKNOWN`."""
    login = login.strip().casefold()
    if login == RECOVERY:
        return RECOVERY
    try:
        keyring = Keyring.load(keyring_path(db))
        known = user_slot(login) in keyring.accounts or user_slot(login) in keyring.legacy
    except KeyringError:
        known = False
    return login if known else UNKNOWN


@dataclass(frozen=True)
class Attempt:
    login: str
    at: datetime
    where: str


@dataclass
class Attempts:
    """The file's contents: per login (count, time of the last failure), and the attempts."""

    counts: dict[str, tuple[int, float]]
    attempts: list[Attempt]

    @classmethod
    def load(cls, path: Path) -> Attempts:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls({}, [])
        except (OSError, ValueError):
            log.warning("the failed-logins file is unreadable; counting starts again")
            return cls({}, [])
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls({}, [])
        counts: dict[str, tuple[int, float]] = {}
        raw_counts = data.get("tellingen")
        for login, entry in raw_counts.items() if isinstance(raw_counts, dict) else []:
            try:
                counts[str(login)[:64]] = (int(entry["aantal"]), float(entry["laatste"]))
            except (KeyError, TypeError, ValueError):
                continue
        attempts: list[Attempt] = []
        raw_attempts = data.get("pogingen")
        for entry in raw_attempts if isinstance(raw_attempts, list) else []:
            try:
                at = datetime.fromisoformat(str(entry["tijd"]))
                where = str(entry["waar"])
                login = str(entry["inlognaam"])[:64]
            except (KeyError, TypeError, ValueError):
                continue
            if at.tzinfo is not None and where in PLACES:
                attempts.append(Attempt(login, at.astimezone(UTC), where))
        return cls(counts, attempts[-KEEP_ATTEMPTS:])

    def save(self, path: Path) -> None:
        data = {
            "format": FORMAT,
            "tellingen": {
                login: {"aantal": count, "laatste": last}
                for login, (count, last) in sorted(self.counts.items())
            },
            "pogingen": [
                {"inlognaam": a.login, "tijd": a.at.isoformat(), "waar": a.where}
                for a in self.attempts[-KEEP_ATTEMPTS:]
            ],
        }
        try:
            replace_private(path, json.dumps(data, indent=1).encode("utf-8"))
        except OSError:
            # A read-only folder must not stop a login; the count then lasts this process.
            log.warning("the failed-logins file cannot be written")


def move_to_log(store: Store, actor: Actor) -> int:
    """After a successful login: every attempt since the last one goes into the access log,
    at the time it was made. Returns how many."""
    path = attempts_path(store.path)
    recorded = Attempts.load(path)
    if not recorded.attempts:
        return 0
    with store.sessions.begin() as session:
        for attempt in sorted(recorded.attempts, key=lambda a: a.at):
            # Written, chained and signed by the one who logs in now (whose key verifies
            # it); ``login`` names the account that was tried.
            entry = AccessLogEntry(
                id=uuid.uuid4(),
                at=attempt.at,
                account_id=actor.account_id,
                login=attempt.login,
                action=AccessAction.LOGIN_FAILED,
                detail=f"mislukte inlogpoging ({attempt.where}); gemeld bij het inloggen "
                f"van {actor.login}",
            )
            seal(session, entry)
            session.add(entry)
    logged = set(recorded.attempts)
    now = Attempts.load(path)  # another process may have added one meanwhile: it stays
    now.attempts = [a for a in now.attempts if a not in logged]
    now.save(path)
    return len(logged)
