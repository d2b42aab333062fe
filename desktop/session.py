"""Unlocking: from a login name and password to an open, encrypted store and an actor.

The password opens the account's own keys in the key file (desktop.keyring); they unseal the
database key; the key opens the SQLCipher store; the account row says who the actor is and
what they may do. On the way, a key change a crash interrupted is finished
(desktop.epochs) and a format-1 slot is converted. Nothing here shows a dialog.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from desktop import epochs, teamlist
from desktop.after_login import after_login
from desktop.attempts import (
    LOGIN_SCREEN,
    Attempt,
    Attempts,
    attempts_path,
    counted_login,
)
from desktop.database import (
    Hold,
    Store,
    StoreError,
    StoreProblem,
    check_file,
    held_by_caller,
    open_store,
)
from desktop.keyring import (
    DEFAULT_COST,
    RECOVERY_SLOT,
    AccountBlocked,
    AccountKeys,
    KdfCost,
    Keyring,
    KeyringError,
    WrongSecret,
    keyring_path,
    new_database_id,
    new_database_key,
    new_recovery_code,
    normalize_recovery_code,
    public_bytes,
    user_slot,
)
from models import roster
from models.access import log_access
from models.logchain import remember_signing_key
from models.permissions import AccessAction, Actor, Role
from models.roster import RosterCheck, RosterState
from models.rules import ACCOUNT, check_fields
from models.rules import check_password as password_problem
from models.security import Account
from models.validation import ValidationError

log = logging.getLogger(__name__)

__all__ = ["AccountBlocked", "AccountDisabled", "Unlocked", "create_database", "unlock"]


class AccountDisabled(Exception):
    """The password is right, but the account was switched off."""


class WeakPassword(ValueError):
    pass


@dataclass
class Unlocked:
    """An open store with the person who unlocked it, and the keys their password opened."""

    store: Store
    actor: Actor
    keyring: Keyring
    key: bytes = field(repr=False)
    signing_key: Ed25519PrivateKey = field(repr=False)  # this account's own Ed25519 key
    # The team's signing key, when this account holds it (beheerders, and the recovery key).
    team_signing_key: Ed25519PrivateKey | None = field(default=None, repr=False)
    # The team's public signing key as this account's own wrapped slot pins it.
    pinned_team_public: Ed25519PublicKey | None = None
    hold: Hold = held_by_caller  # how to hold the database while its key changes
    temporary_password: bool = False  # set by a beheerder: choose your own now
    # The signed account list as found at login (models.roster): where the rights came from.
    roster: RosterCheck | None = None

    @property
    def team_pin(self) -> bytes | None:
        if self.pinned_team_public is None:
            return None
        return self.pinned_team_public.public_bytes_raw()

    @property
    def epoch(self) -> int:
        return self.keyring.epoch.number

    def close(self) -> None:
        self.store.close()

    def verify_password(self, password: str) -> bool:
        """For the lock screen: does this password still open the store for this actor?"""
        name = user_slot(self.actor.login)
        try:
            if self.keyring.is_legacy(name):
                return self.keyring.open_legacy(name, password) == self.key
            keys = self.keyring.open_account(name, password)
            return any(
                key == self.key for _n, key in self.keyring.database_keys(name, keys.sealing)
            )
        except (WrongSecret, KeyringError, AccountBlocked):
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


def _public(raw: bytes | None) -> Ed25519PublicKey | None:
    return Ed25519PublicKey.from_public_bytes(raw) if raw else None


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
    keyring = Keyring(keyring_path(path), new_database_id())
    team = keyring.new_team_key()
    slot = user_slot(login)
    keys = AccountKeys.generate(keyring.team_public)
    keyring.set_account(slot, password, keys, cost)
    keyring.set_recovery(code, keyring.team_public, cost)
    keyring.epoch = keyring.sealed_epoch(1, key)
    keyring.give_team_key(slot, team)
    keyring.give_team_key(RECOVERY_SLOT, team)
    if demo:
        keyring.meta["demo"] = True
    store = open_store(path, key, create=True, user=login)
    store.sessions.sign_with(keys.signing.sign)  # the very first log line is signed too
    with store.sessions.begin() as session:
        account = Account(
            login=login.strip().casefold(), display_name=name.strip(), role=Role.BEHEERDER
        )
        session.add(account)
        session.flush()
        actor = _actor(account)
        remember_signing_key(session, account.id, public_bytes(keys.signing))
        assert keyring.database_id is not None
        epochs.write_identity(session, keyring.database_id, keyring.epoch.number)
        log_access(
            session,
            actor,
            AccessAction.ACCOUNT,
            detail=f"database aangemaakt, eerste beheerder: {actor.login}",
        )
        teamlist.sign(session, keyring, team, actor, "database aangemaakt")
        result = teamlist.check(session, keyring, keyring.team_public)
    keyring.save()
    unlocked = Unlocked(
        store, actor, keyring, key, keys.signing, team, _public(keyring.team_public)
    )
    unlocked.roster = result
    return unlocked, code


def open_first(
    path: Path, keys: list[tuple[int, bytes]], *, user: str, hold: Hold
) -> tuple[Store, int, bytes]:
    """The store opened with the first key that fits (the current epoch's, then a pending
    one's); none fits: the key file is older than the database, or of another one."""
    check_file(path)
    for number, key in keys:
        try:
            return open_store(path, key, user=user, hold=hold), number, key
        except StoreError as exc:
            if exc.problem is not StoreProblem.NOT_A_DATABASE:
                raise
    raise StoreError(StoreProblem.WRONG_KEY_FILE, path)


def _active_account(store: Store, login: str) -> Account:
    with store.sessions() as session:
        account = session.scalars(select(Account).where(Account.login == login)).one_or_none()
        if account is None or not account.active:
            raise AccountDisabled(login)
        return account


def _pin(keyring: Keyring, name: str, password: str, keys: AccountKeys) -> bytes | None:
    """The team key this account trusts, its slot re-pinned when the team key was renewed
    (followed through endorsements) or when it never pinned one (a converted slot)."""
    trusted = keyring.trusted_team_key(keys.team_public) or keyring.team_public
    if trusted is not None and trusted != keys.team_public:
        slot = keyring.accounts[name]
        keys.team_public = trusted
        keyring.set_account(name, password, keys, slot.wrap.cost, temporary=slot.temporary)
        keyring.save()
    return trusted


def _settle(
    store: Store, keyring: Keyring, opened: int, key: bytes, keys: dict[int, bytes], hold: Hold
) -> bytes:
    """Finish a key change a crash interrupted; returns the key the store is open with."""
    return epochs.settle(store, keyring, opened, keys, hold) or key


def _check_identity(store: Store, keyring: Keyring, opened: int) -> None:
    """Refuse the key file of another database; a format-1 key file takes the id now."""
    if epochs.check_identity(store, keyring, opened):
        keyring.save()


def _convert(keyring: Keyring, name: str, password: str, key: bytes) -> AccountKeys:
    """A format-1 slot becomes a format-2 one, now that its password is known. (The team's
    signing key is made when the recovery code is renewed: the recovery key must hold it.)"""
    keys = AccountKeys.generate(keyring.team_public)
    keyring.set_account(name, password, keys, keyring.legacy[name].cost)
    keyring.seal_database_key(keyring.epoch, name, key)
    keyring.save()
    log.info("a format-1 slot was converted to format 2")
    return keys


def _shut_out(unlocked: Unlocked, names: list[str]) -> None:
    """A switch-off was interrupted before its key change: finish it now (unless a window
    holds the database: its next login does)."""

    def forget(keyring: Keyring) -> None:
        for name in names:
            keyring.forget(name)

    try:
        epochs.start(
            unlocked, forget, reason="sleutels van uitgeschakelde accounts verwijderd", shown=False
        )
    except StoreError as exc:
        if exc.problem is not StoreProblem.IN_USE:
            raise
        log.info("switched-off accounts still have slots; a window holds the database")
    except epochs.NoWayIn:
        log.info("switched-off accounts still have slots; a beheerder's login finishes it")


def open_keys(
    keyring: Keyring, login: str, password: str
) -> tuple[AccountKeys | None, list[tuple[int, bytes]]]:
    """What this login's password opens: its own keys (None for a format-1 slot) and the
    database keys, by epoch (the current one, then a pending one)."""
    name = user_slot(login)
    if keyring.is_legacy(name):
        return None, [(keyring.epoch.number, keyring.open_legacy(name, password))]
    account_keys = keyring.open_account(name, password)
    keys = keyring.database_keys(name, account_keys.sealing)
    if not keys:
        raise AccountBlocked(name)
    return account_keys, keys


def database_key(keyring: Keyring, login: str, password: str) -> bytes:
    """The current epoch's database key, as this login's password opens it (bench, tests)."""
    return open_keys(keyring, login, password)[1][0][1]


def unlock(path: Path, login: str, password: str, *, hold: Hold = held_by_caller) -> Unlocked:
    """Raises WrongSecret, AccountBlocked, KeyringError, StoreError or AccountDisabled.

    ``hold`` takes the database while a migration or a key change rewrites it (see
    ``open_store``)."""
    if not path.exists():
        raise StoreError(StoreProblem.MISSING, path)
    keyring = Keyring.load(keyring_path(path))
    login = login.strip().casefold()
    name = user_slot(login)
    account_keys, keys = open_keys(keyring, login, password)
    store, opened, key = open_first(path, keys, user=login, hold=hold)
    try:
        _check_identity(store, keyring, opened)
        account = _active_account(store, login)
        key = _settle(store, keyring, opened, key, dict(keys), hold)
        if account_keys is None:
            account_keys = _convert(keyring, name, password, key)
        # (a converted slot keeps the first team key it sees; a renewed one is followed)
        trusted = _pin(keyring, name, password, account_keys)
        team = keyring.team_key(name, account_keys.sealing)
        conflict = team is not None and public_bytes(team) != trusted
        if conflict:
            log.warning("the team key in the key file is not the one this account trusts")
            team = None
        with store.sessions() as session:
            result = teamlist.check(session, keyring, trusted)
        if conflict:  # two team keys: neither is believed, and everyone sees it
            result = RosterCheck(RosterState.UNVERIFIED, current=result.current)
        role = teamlist.rights(
            result, account.id, account.role, account.active, holds_team_key=team is not None
        )
        if role is None:
            raise AccountDisabled(login)
        actor = Actor(account.id, account.login, account.display_name, role)
        unlocked = Unlocked(
            store,
            actor,
            keyring,
            key,
            account_keys.signing,
            team,
            _public(trusted),
            hold,
            keyring.accounts[name].temporary,
            result,
        )
        sign_log_as(unlocked)
        if stale := epochs.stale_slots(store, keyring):
            _shut_out(unlocked, stale)
        with store.sessions.begin() as session:
            log_access(session, actor, AccessAction.LOGIN)
            teamlist.log_findings(session, actor, result)
            if team is not None:
                result = teamlist.confirm_own_key(
                    session, keyring, team, actor, result, account_keys
                )
        unlocked.roster = result
        if team is not None and teamlist.share_team_key(keyring, result, team):
            keyring.save()
        after_login(store, actor)  # before any dossier opens: the destruction register first
    except BaseException:
        store.close()
        raise
    return unlocked


def sign_log_as(unlocked: Unlocked) -> None:
    """From now on every access-log line this session writes is signed with the account's
    own key (models.logchain), whose public half is remembered for verifying them."""
    unlocked.store.sessions.sign_with(unlocked.signing_key.sign)
    with unlocked.store.sessions.begin() as session:
        remember_signing_key(session, unlocked.actor.account_id, public_bytes(unlocked.signing_key))


def _convert_recovery(
    keyring: Keyring, code: str, key: bytes
) -> tuple[X25519PrivateKey, bytes | None, bool]:
    """A format-1 recovery slot becomes a recovery key, now that the code is known; a team
    without a team key gets one, held by it. Returns the key, its pin, and whether the
    team key is new."""
    cost = keyring.legacy[RECOVERY_SLOT].cost
    team = keyring.new_team_key() if keyring.team_public is None else None
    recovery = keyring.set_recovery(code, keyring.team_public, cost)
    keyring.seal_database_key(keyring.epoch, RECOVERY_SLOT, key)
    if team is not None:
        keyring.give_team_key(RECOVERY_SLOT, team)
    return recovery, keyring.team_public, team is not None


def reset_password_with_recovery(
    path: Path, code: str, login: str, new_password: str, *, hold: Hold = held_by_caller
) -> None:
    """The recovery code lets a beheerder set a new password for an existing beheerder account:
    new key pairs, the database key and (when the recovery key holds it) the team key."""
    check_password(new_password)
    if not path.exists():
        raise StoreError(StoreProblem.MISSING, path)
    keyring = Keyring.load(keyring_path(path))
    code = normalize_recovery_code(code)
    login = login.strip().casefold()
    name = user_slot(login)
    recovery = pinned = None
    if keyring.recovery is None and RECOVERY_SLOT in keyring.legacy:
        keys = [(keyring.epoch.number, keyring.open_legacy(RECOVERY_SLOT, code))]
    else:
        recovery, pinned = keyring.open_recovery(code)
        keys = keyring.database_keys(RECOVERY_SLOT, recovery)
        if not keys:
            raise WrongSecret(RECOVERY_SLOT)
    store, opened, key = open_first(path, keys, user=login, hold=hold)
    try:
        _check_identity(store, keyring, opened)
        actor = _actor(account := _active_account(store, login))
        key = _settle(store, keyring, opened, key, dict(keys), hold)
        created = False
        if recovery is None:  # a format-1 recovery slot: converted now that the code is known
            recovery, pinned, created = _convert_recovery(keyring, code, key)
        team = keyring.team_key(RECOVERY_SLOT, recovery)
        pinned = keyring.trusted_team_key(pinned) or keyring.team_public
        if team is not None and public_bytes(team) != pinned:
            log.warning("the team key in the key file is not the one the recovery code pinned")
            team = None
        with store.sessions() as session:
            result = teamlist.check(session, keyring, pinned)
            first_list = created and not roster.is_signed(session)
        # Only a beheerder's password is reset this way: as the signed list says, or, when
        # the list does not verify, as the table says (the recovery code holds the team key
        # to review the list afterwards).
        listed = result.roster.entry(account.id) if result.roster is not None else None
        if (listed.role if listed is not None else account.role) is not Role.BEHEERDER:
            raise AccountDisabled(login)
        account_keys = AccountKeys.generate(pinned)
        keyring.set_account(name, new_password, account_keys)
        keyring.seal_database_key(keyring.epoch, name, key)
        if team is not None:
            keyring.give_team_key(name, team)
        keyring.save()
        store.sessions.sign_with(account_keys.signing.sign)
        with store.sessions.begin() as session:
            remember_signing_key(session, account.id, public_bytes(account_keys.signing))
            log_access(
                session,
                actor,
                AccessAction.ACCOUNT,
                detail="wachtwoord hersteld met de herstelcode",
            )
            if team is not None and (result.clean or first_list):
                # the list held (or there was none before this team key): sign it
                teamlist.sign(session, keyring, team, actor, "wachtwoord hersteld")
    finally:
        store.close()


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
