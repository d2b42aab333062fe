"""Unlocking: from a login name and password to an open, encrypted store and an actor.

The password unwraps the database key from the key file (desktop.keyring); the key
opens the SQLCipher store; the account row says who the actor is and what they
may do.  Nothing here shows a dialog.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.after_login import after_login
from desktop.attempts import (
    LOGIN_SCREEN,
    Attempt,
    Attempts,
    attempts_path,
    counted_login,
)
from desktop.database import Hold, Store, StoreError, StoreProblem, held_by_caller, open_store
from desktop.keyring import (
    DEFAULT_COST,
    RECOVERY_SLOT,
    KdfCost,
    Keyring,
    KeyringError,
    WrongSecret,
    keyring_path,
    new_database_key,
    new_recovery_code,
    normalize_recovery_code,
    user_slot,
)
from models.access import log_access
from models.permissions import AccessAction, Actor, Role
from models.rules import ACCOUNT, check_fields
from models.rules import check_password as password_problem
from models.security import Account
from models.validation import ValidationError

log = logging.getLogger(__name__)


class AccountDisabled(Exception):
    """The password is right, but the account was switched off."""


class WeakPassword(ValueError):
    pass


@dataclass
class Unlocked:
    """An open store with the person who unlocked it."""

    store: Store
    actor: Actor
    keyring: Keyring
    key: bytes = field(repr=False)

    def close(self) -> None:
        self.store.close()

    def verify_password(self, password: str) -> bool:
        """For the lock screen: does this password still open the store for this actor?"""
        try:
            return self.keyring.unwrap(user_slot(self.actor.login), password) == self.key
        except (WrongSecret, KeyringError):
            return False


def check_password(password: str) -> None:
    """The password policy of :mod:`models.rules`; raises WeakPassword."""
    if password_problem(password) is not None:
        raise WeakPassword("short")


def check_account(name: str, login: str) -> None:
    """The account form's rules (name and login required, their lengths); ValidationError."""
    if problems := check_fields(ACCOUNT, {"name": name, "login": login}):
        raise ValidationError(problems)


def _actor(account: Account) -> Actor:
    return Actor(account.id, account.login, account.display_name, account.role)


def create_database(
    path: Path,
    *,
    name: str,
    login: str,
    password: str,
    cost: KdfCost = DEFAULT_COST,
    demo: bool = False,
) -> tuple[Unlocked, str]:
    """A new encrypted store with its first beheerder; returns it and the recovery code."""
    check_account(name, login)
    check_password(password)
    if path.exists() or keyring_path(path).exists():
        raise StoreError(StoreProblem.FOREIGN, path)
    key = new_database_key()
    code = new_recovery_code()
    keyring = Keyring(keyring_path(path))
    keyring.add(user_slot(login), password, key, cost)
    keyring.add(RECOVERY_SLOT, code, key, cost)
    if demo:
        keyring.meta["demo"] = True
    store = open_store(path, key, create=True, user=login)
    with store.sessions.begin() as session:
        account = Account(
            login=login.strip().casefold(), display_name=name.strip(), role=Role.BEHEERDER
        )
        session.add(account)
        session.flush()
        actor = _actor(account)
        log_access(
            session,
            actor,
            AccessAction.ACCOUNT,
            detail=f"database aangemaakt, eerste beheerder: {actor.login}",
        )
    keyring.save()
    return Unlocked(store, actor, keyring, key), code


def unlock(path: Path, login: str, password: str, *, hold: Hold = held_by_caller) -> Unlocked:
    """Raises WrongSecret, KeyringError, StoreError or AccountDisabled.

    ``hold`` takes the database while a migration rewrites it (see ``open_store``)."""
    if not path.exists():
        raise StoreError(StoreProblem.MISSING, path)
    keyring = Keyring.load(keyring_path(path))
    key = keyring.unwrap(user_slot(login), password)
    store = open_store(path, key, user=login.strip().casefold(), hold=hold)
    with store.sessions.begin() as session:
        account = session.scalars(
            select(Account).where(Account.login == login.strip().casefold())
        ).one_or_none()
        if account is None or not account.active:
            store.close()
            raise AccountDisabled(login)
        actor = _actor(account)
        log_access(session, actor, AccessAction.LOGIN)
    after_login(store, actor)  # before any dossier opens: the destruction register first
    return Unlocked(store, actor, keyring, key)


def reset_password_with_recovery(path: Path, code: str, login: str, new_password: str) -> None:
    """The recovery code lets a beheerder set a new password for an existing beheerder account."""
    check_password(new_password)
    keyring = Keyring.load(keyring_path(path))
    key = keyring.unwrap(RECOVERY_SLOT, normalize_recovery_code(code))
    store = open_store(path, key, user=login)
    try:
        with store.sessions.begin() as session:
            account = session.scalars(
                select(Account).where(Account.login == login.strip().casefold())
            ).one_or_none()
            if account is None or not account.active or account.role is not Role.BEHEERDER:
                raise AccountDisabled(login)
            log_access(
                session,
                _actor(account),
                AccessAction.ACCOUNT,
                detail="wachtwoord hersteld met de herstelcode",
            )
    finally:
        store.close()
    keyring.add(user_slot(login), new_password, key)
    keyring.save()


@dataclass
class Throttle:
    """Slows down repeated wrong passwords: after three, each try waits twice as long.

    :meth:`beside` keeps the count in the failed-logins file beside the key file
    (:mod:`desktop.attempts`), shared by the login screen, the lock screen and the command
    line, and kept over a restart; without a ``path`` it lives in memory (tests).
    """

    clock: Callable[[], float] = time.time
    free_tries: int = 3
    longest_wait: float = 60.0
    path: Path | None = None
    _db: Path | None = None
    _memory: Attempts = field(default_factory=lambda: Attempts({}, []))

    @classmethod
    def beside(cls, db: Path, clock: Callable[[], float] = time.time) -> Throttle:
        return cls(clock=clock, path=attempts_path(db), _db=db)

    def _load(self) -> Attempts:
        return self._memory if self.path is None else Attempts.load(self.path)

    def _save(self, recorded: Attempts) -> None:
        if self.path is not None:
            recorded.save(self.path)

    def _key(self, login: str) -> str:
        return login.casefold() if self._db is None else counted_login(self._db, login)

    def wait_for(self, login: str) -> float:
        failures, last = self._load().counts.get(self._key(login), (0, 0.0))
        if failures < self.free_tries:
            return 0.0
        wait = min(self.longest_wait, 2.0 ** (failures - self.free_tries))
        # A clock set back must not make the wait longer than the wait itself.
        return min(wait, max(0.0, last + wait - self.clock()))

    def failed(self, login: str, where: str = LOGIN_SCREEN) -> None:
        key = self._key(login)
        recorded = self._load()
        failures, _last = recorded.counts.get(key, (0, 0.0))
        now = self.clock()
        recorded.counts[key] = (failures + 1, now)
        recorded.attempts.append(Attempt(key, datetime.fromtimestamp(now, UTC), where))
        self._save(recorded)

    def succeeded(self, login: str) -> None:
        key = self._key(login)
        recorded = self._load()
        if recorded.counts.pop(key, None) is not None:
            self._save(recorded)
