"""Key epochs: a new database key for the whole team, needing nobody's password.

An epoch is one database key, numbered from 1. A new one starts when an account is switched
off, a password is reported leaked, a new recovery code is made, and after a lost laptop: a
new random key is sealed to every remaining account and to the recovery key
(:mod:`desktop.keyring`), and the file is re-encrypted with it (``PRAGMA rekey``). Every older
copy of the key file — in a back-up, a ``.voor-herstel`` or ``.voor-migratie`` copy, on a
stolen laptop — then holds only keys that no longer open the database.

A format-1 slot (an account not yet converted, or the old recovery slot) cannot follow: it
wraps the old key under a password nobody here knows. Its account is *blocked* until a
beheerder sets a temporary password; a beheerder who starts the epoch gets a new recovery
code at once when the old one was still format 1.

The change survives a crash at every point. In order:

1. the database lock is taken (the window already holds it; a verb beside a window is
   refused here, before anything is written);
2. the new key, sealed, is written as *pending* in the key file (atomically, fsync'd);
3. the store's connections are closed;
4. ``PRAGMA rekey`` (one transaction: all pages under the old key or all under the new);
5. the epoch number is stored in the database;
6. pending becomes current in the key file.

Opening tries the current key, then the pending one, and finishes what was begun
(:func:`settle`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import teamlist
from desktop.database import Hold, Store, StoreError, StoreProblem
from desktop.keyring import (
    DEFAULT_COST,
    RECOVERY_SLOT,
    KdfCost,
    Keyring,
    new_database_id,
    new_database_key,
    new_recovery_code,
    slot_login,
    user_slot,
)
from models import roster
from models.access import log_access
from models.permissions import AccessAction, Permission, Role
from models.roster import RosterEntry
from models.security import Account, AppSetting

if TYPE_CHECKING:
    from desktop.session import Unlocked

log = logging.getLogger(__name__)

# Rows in app_setting: which database this is, and its current key epoch.
DATABASE_ID, KEY_EPOCH = "database_id", "key_epoch"


def step(name: str) -> None:
    """A named point in a key change. The crash test replaces this to stop the process there."""
    log.debug("key change: %s", name)


@dataclass(frozen=True)
class KeyChange:
    """What a new epoch brought: its number, a new recovery code to show once (or None), and
    the logins whose format-1 slot could not follow (a beheerder sets a temporary password)."""

    epoch: int
    recovery_code: str | None
    blocked: tuple[str, ...]


class NoWayIn(Exception):
    """After this key change no beheerder could get in: no active beheerder would have a
    format-2 slot, and no recovery key would be left. Refused before anything is written."""


def _beheerder_left(store: Store, keyring: Keyring, new_recovery: bool) -> bool:
    if new_recovery or keyring.recovery is not None:
        return True
    if keyring.team_public is not None:  # beheerders are who hold the team key
        return any(name in keyring.accounts for name in keyring.team_holders())
    with store.sessions() as session:
        beheerders = set(
            session.scalars(
                select(Account.login).where(
                    Account.active.is_(True), Account.role == Role.BEHEERDER
                )
            )
        )
    return any(slot_login(name) in beheerders for name in keyring.accounts)


def read_identity(session: Session) -> tuple[str | None, int | None]:
    database_id = session.get(AppSetting, DATABASE_ID)
    epoch = session.get(AppSetting, KEY_EPOCH)
    try:
        number = int(epoch.value) if epoch else None
    except ValueError:
        number = None
    return (database_id.value if database_id else None), number


def write_identity(session: Session, database_id: str, epoch: int) -> None:
    for key, value in ((DATABASE_ID, database_id), (KEY_EPOCH, str(epoch))):
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=value))
        elif row.value != value:
            row.value = value


def check_identity(store: Store, keyring: Keyring, epoch: int) -> bool:
    """Does this key file belong to this database? A key file from before format 2 takes the
    database's id (or gives it one). True when the key file changed and must be saved."""
    with store.sessions.begin() as session:
        database_id, _epoch = read_identity(session)
        if keyring.database_id is None:
            keyring.database_id = database_id or new_database_id()
            write_identity(session, keyring.database_id, epoch)
            return True
        if database_id is not None and database_id != keyring.database_id:
            raise StoreError(StoreProblem.WRONG_KEY_FILE, store.path)
        write_identity(session, keyring.database_id, epoch)
        return False


def stale_slots(store: Store, keyring: Keyring) -> list[str]:
    """Slots of accounts that are switched off: left when a switch-off was interrupted."""
    with store.sessions() as session:
        off = set(session.scalars(select(Account.login).where(Account.active.is_(False))))
    return sorted(name for name in keyring.slot_names() if slot_login(name) in off)


def _promote(store: Store, keyring: Keyring) -> None:
    pending = keyring.pending
    assert pending is not None and keyring.database_id is not None
    with store.sessions.begin() as session:
        write_identity(session, keyring.database_id, pending.number)
    step("epoch-stored")
    keyring.epoch, keyring.pending = pending, None
    keyring.save()
    step("done")


def _rekey(store: Store, keyring: Keyring, new_key: bytes) -> None:
    """From a written pending epoch to the current one: the caller holds the lock."""
    store.close()
    step("closed")
    store.rekey(new_key)
    step("rekeyed")
    _promote(store, keyring)


def change_key(
    store: Store,
    keyring: Keyring,
    current_key: bytes,
    hold: Hold,
    *,
    new_recovery: bool = False,
    recovery_pin: bytes | None = None,
    team: Ed25519PrivateKey | None = None,
    cost: KdfCost = DEFAULT_COST,
) -> tuple[bytes, KeyChange]:
    """A new epoch for ``keyring`` as it stands (slots already forgotten or replaced)."""
    code = None
    if new_recovery:
        code = new_recovery_code()
        keyring.set_recovery(code, recovery_pin, cost)
        keyring.seal_database_key(keyring.epoch, RECOVERY_SLOT, current_key)
        if team is not None:
            keyring.give_team_key(RECOVERY_SLOT, team)
    blocked = keyring.legacy_logins()
    for name in blocked:
        keyring.block(name)
    keyring.legacy.pop(RECOVERY_SLOT, None)
    new_key = new_database_key()
    # The lock first: a process that may not rewrite the file now (a verb beside the window)
    # leaves no pending key behind.
    with hold(store.path):
        step("locked")
        keyring.pending = keyring.sealed_epoch(keyring.epoch.number + 1, new_key)
        keyring.save()
        step("pending-written")
        _rekey(store, keyring, new_key)
    logins = tuple(login for name in blocked if (login := slot_login(name)) is not None)
    return new_key, KeyChange(keyring.epoch.number, code, logins)


def settle(
    store: Store, keyring: Keyring, opened: int, keys: dict[int, bytes], hold: Hold
) -> bytes | None:
    """Finish a key change a crash interrupted. ``opened``: the epoch whose key opened the
    store; ``keys``: the keys this slot can open. Returns the key now in use when it changed."""
    pending = keyring.pending
    if pending is None:
        return None
    if opened == pending.number:  # rekeyed, but the key file was not yet told
        _promote(store, keyring)
        return None
    new_key = keys.get(pending.number)
    if new_key is None:  # a format-1 slot cannot open the new key: someone else finishes
        return None
    try:
        with hold(store.path):
            step("locked")
            _rekey(store, keyring, new_key)
    except StoreError as exc:
        if exc.problem is not StoreProblem.IN_USE:
            raise
        log.info("a key change is pending while a window holds the database; it finishes there")
        return None
    return new_key


def _team_key(
    unlocked: Unlocked, keyring: Keyring, new_recovery: bool, renew: bool
) -> tuple[Ed25519PrivateKey | None, bytes | None, bool]:
    """The team key after this change, the key the recovery slot pins, and whether it is new."""
    team = unlocked.team_signing_key
    if new_recovery and keyring.team_public is None:
        # A database from before format 2 gets its team key with its first format-2
        # recovery code, so the recovery key holds it from the start. The actor's own slot
        # pins it at their next login. Until now the table said who is beheerder: every
        # beheerder with a format-2 slot gets it, or they would work as medewerkers.
        team = keyring.new_team_key()
        keyring.give_team_key(user_slot(unlocked.actor.login), team)
        with unlocked.store.sessions() as session:
            beheerders = session.scalars(
                select(Account.login).where(
                    Account.active.is_(True), Account.role == Role.BEHEERDER
                )
            ).all()
        for login in beheerders:
            if user_slot(login) in keyring.accounts:
                keyring.give_team_key(user_slot(login), team)
        return team, keyring.team_public, True
    if renew and team is not None:
        # A holder of the team key leaves: a new one, endorsed by the old, sealed to those
        # who held it and remain (the recovery key included).
        holders = keyring.team_holders() & set(keyring.recipients())
        team = keyring.rotate_team_key(team)
        for name in sorted(holders):
            keyring.give_team_key(name, team)
        return team, keyring.team_public, True
    return team, unlocked.team_pin, False


def _signed_entries(unlocked: Unlocked, keyring: Keyring) -> tuple[RosterEntry, ...] | None:
    """The accounts as the current team key signed them; None when that list does not hold."""
    team = unlocked.team_signing_key
    if team is None:
        return None
    with unlocked.store.sessions() as session:
        result = roster.verify(session, team.public_key(), keyring.database_id)
    return result.roster.entries if result.roster is not None else None


def start(
    unlocked: Unlocked,
    change: Callable[[Keyring], None],
    *,
    reason: str,
    new_recovery: bool = False,
    renew_team_key: bool = False,
    shown: bool = True,
) -> KeyChange:
    """A new epoch started by the one who is logged in: ``change`` edits the freshly read key
    file first (forget a slot, replace one's key pairs); the line in the access log says why.

    A beheerder whose team still has a format-1 recovery code gets a new one now, since the
    old one cannot follow the new key; unless nobody would see it (``shown=False``: a key
    change finished at a login), then the old code simply stops and a beheerder is told."""
    keyring = Keyring.load(unlocked.keyring.path)  # what another process wrote meanwhile
    change(keyring)
    if shown and RECOVERY_SLOT in keyring.legacy and unlocked.actor.may(Permission.MANAGE_ACCOUNTS):
        new_recovery = True
    if not _beheerder_left(unlocked.store, keyring, new_recovery):
        raise NoWayIn(reason)
    previous = unlocked.team_signing_key
    carried = _signed_entries(unlocked, keyring) if renew_team_key else None
    first_team_key = keyring.team_public is None
    team, pin, new_team = _team_key(unlocked, keyring, new_recovery, renew_team_key)
    if keyring.recovery is not None:
        cost = keyring.recovery.cost
    elif RECOVERY_SLOT in keyring.legacy:
        cost = keyring.legacy[RECOVERY_SLOT].cost
    else:
        cost = DEFAULT_COST
    new_key, done = change_key(
        unlocked.store,
        keyring,
        unlocked.key,
        unlocked.hold,
        new_recovery=new_recovery,
        recovery_pin=pin,
        team=team,
        cost=cost,
    )
    unlocked.key, unlocked.keyring = new_key, keyring
    if team is not None and new_team:
        unlocked.team_signing_key, unlocked.pinned_team_public = team, team.public_key()
    with unlocked.store.sessions.begin() as session:
        log_access(
            session,
            unlocked.actor,
            AccessAction.ACCOUNT,
            detail=f"nieuwe databasesleutel ({done.epoch}): {reason}"[:200],
        )
        if team is not None and new_team and (first_team_key or carried is not None):
            # The list is signed with the new team key: the first one signs the table (which
            # counted until now); a renewed one signs again what the old one had signed, so
            # no change made outside the app rides along. (A list that did not hold stays
            # unsigned: the review signs it.)
            teamlist.sign(
                session,
                keyring,
                team,
                unlocked.actor,
                "nieuwe teamsleutel",
                entries=None if first_team_key else carried,
                previous=previous.public_key() if previous is not None else None,
            )
    return done
