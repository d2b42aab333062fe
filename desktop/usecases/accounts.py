"""Account management: every account is a login and a key-file slot with key pairs of its own.

Switching an account off, reporting a password leaked, a new recovery code and the reset
after a lost laptop each start a new key epoch (:mod:`desktop.epochs`): a new database key
for everyone who remains, so no older copy of the key file opens the database any more.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import epochs, teamlist
from desktop.epochs import KeyChange
from desktop.keyring import (
    DEFAULT_COST,
    AccountKeys,
    KdfCost,
    Keyring,
    WrongSecret,
    public_bytes,
    slot_login,
    user_slot,
)
from desktop.session import Unlocked, check_account, check_password, sign_log_as
from models.access import log_access
from models.enums import KeyState
from models.logchain import remember_signing_key
from models.permissions import AccessAction, Permission, Role, require
from models.records import AccountRecord
from models.security import Account


class LoginTaken(ValueError):
    pass


def _key_state(keyring: Keyring, login: str) -> KeyState:
    name = user_slot(login)
    if name in keyring.accounts:
        return KeyState.TEMPORARY if keyring.accounts[name].temporary else KeyState.OK
    if name in keyring.legacy:
        return KeyState.OLD_FORMAT
    return KeyState.BLOCKED


def list_accounts(unlocked: Unlocked) -> list[AccountRecord]:
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    keyring = Keyring.load(unlocked.keyring.path)
    with unlocked.store.sessions() as session:
        accounts = session.scalars(select(Account).order_by(Account.display_name))
        return [
            AccountRecord(
                a.id, a.login, a.display_name, a.role, a.active, _key_state(keyring, a.login)
            )
            for a in accounts
        ]


def waiting_for_conversion(unlocked: Unlocked) -> list[str]:
    """Logins whose slot is still format 1: a new epoch blocks them until a beheerder sets a
    temporary password (their password is needed to convert, and nobody here knows it)."""
    return [
        login
        for name in Keyring.load(unlocked.keyring.path).legacy_logins()
        if (login := slot_login(name)) and login != unlocked.actor.login
    ]


def _new_slot(
    unlocked: Unlocked,
    keyring: Keyring,
    login: str,
    role: Role,
    password: str,
    cost: KdfCost,
    *,
    temporary: bool,
) -> AccountKeys:
    """Fresh key pairs for ``login``, wrapped under ``password``, with the database key of
    this epoch and, for a beheerder, the team key (when the one who does this holds it)."""
    name = user_slot(login)
    keys = AccountKeys.generate(unlocked.team_pin or keyring.team_public)
    keyring.set_account(name, password, keys, cost, temporary=temporary)
    keyring.seal_database_key(keyring.epoch, name, unlocked.key)
    if role is Role.BEHEERDER and unlocked.team_signing_key is not None:
        keyring.give_team_key(name, unlocked.team_signing_key)
    return keys


def _resign(unlocked: Unlocked, session: Session, keyring: Keyring, reason: str) -> None:
    """The account list signed again after a change (a team with a team key)."""
    if unlocked.team_signing_key is not None:
        teamlist.sign(session, keyring, unlocked.team_signing_key, unlocked.actor, reason)


def add_account(
    unlocked: Unlocked,
    *,
    login: str,
    name: str,
    role: Role,
    password: str,
    medewerker_id: uuid.UUID | None = None,
    cost: KdfCost = DEFAULT_COST,
) -> uuid.UUID:
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    check_account(name, login)
    check_password(password)
    login = login.strip().casefold()
    with unlocked.store.sessions.begin() as session:
        keyring = Keyring.load(unlocked.keyring.path)
        teamlist.before_change(session, keyring, unlocked.team_signing_key, unlocked.actor)
        if session.scalars(select(Account).where(Account.login == login)).first() is not None:
            raise LoginTaken(login)
        account = Account(
            login=login, display_name=name.strip(), role=role, medewerker_id=medewerker_id
        )
        session.add(account)
        session.flush()
        log_access(
            session, unlocked.actor, AccessAction.ACCOUNT, detail=f"account toegevoegd: {login}"
        )
        keys = _new_slot(unlocked, keyring, login, role, password, cost, temporary=False)
        remember_signing_key(session, account.id, public_bytes(keys.signing))
        _resign(unlocked, session, keyring, f"account toegevoegd: {login}")
        keyring.save()
        unlocked.keyring = keyring
        return account.id


def _other_account(unlocked: Unlocked, account_id: uuid.UUID) -> Account:
    with unlocked.store.sessions() as session:
        account = session.get(Account, account_id)
    if account is None or account.id == unlocked.actor.account_id:
        raise LookupError("account")
    return account


def deactivate_account(unlocked: Unlocked, account_id: uuid.UUID) -> KeyChange:
    """The account stays for the history; its slot goes, and a new epoch begins, so no copy of
    the key file it might have kept opens the database any more.

    The switch-off is stored first: a crash before the key change is finished at the next
    login (:func:`desktop.epochs.stale_slots`)."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    with unlocked.store.sessions.begin() as session:
        keyring = Keyring.load(unlocked.keyring.path)
        teamlist.before_change(session, keyring, unlocked.team_signing_key, unlocked.actor)
        account = session.get(Account, account_id)
        if account is None or account.id == unlocked.actor.account_id:
            raise LookupError("account")
        login = account.login
        account.active = False
        log_access(
            session, unlocked.actor, AccessAction.ACCOUNT, detail=f"account uitgeschakeld: {login}"
        )
        _resign(unlocked, session, keyring, f"account uitgeschakeld: {login}")
    epochs.step("switched-off")
    # A colleague who held the team key takes nothing away: the team key is renewed too.
    held_team_key = user_slot(login) in keyring.team_holders()
    return epochs.start(
        unlocked,
        lambda keyring: keyring.forget(user_slot(login)),
        reason=f"account uitgeschakeld: {login}",
        renew_team_key=held_team_key,
    )


def mark_password_leaked(unlocked: Unlocked, account_id: uuid.UUID) -> KeyChange:
    """A colleague's password is known to someone else: their slot is blocked (they cannot log
    in until a beheerder sets a temporary password) and a new epoch begins."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    account = _other_account(unlocked, account_id)
    if not account.active:
        raise LookupError("account")
    # Whoever knows the password opens the old slot in any copy of the key file: when it
    # held the team key, the team key is renewed too.
    held_team_key = user_slot(account.login) in Keyring.load(unlocked.keyring.path).team_holders()
    return epochs.start(
        unlocked,
        lambda keyring: keyring.block(user_slot(account.login)),
        reason=f"wachtwoord gelekt: {account.login}",
        renew_team_key=held_team_key,
    )


def set_temporary_password(
    unlocked: Unlocked, account_id: uuid.UUID, password: str, cost: KdfCost = DEFAULT_COST
) -> None:
    """New key pairs for a colleague under a password the beheerder chooses; they choose their
    own at their next login. Unblocks a blocked account; needs no new epoch (their old
    key pairs can open nothing that is sealed from now on)."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    check_password(password)
    account = _other_account(unlocked, account_id)
    if not account.active:
        raise LookupError("account")
    with unlocked.store.sessions.begin() as session:
        keyring = Keyring.load(unlocked.keyring.path)
        teamlist.before_change(session, keyring, unlocked.team_signing_key, unlocked.actor)
        keys = _new_slot(
            unlocked, keyring, account.login, account.role, password, cost, temporary=True
        )
        remember_signing_key(session, account.id, public_bytes(keys.signing))
        log_access(
            session,
            unlocked.actor,
            AccessAction.ACCOUNT,
            detail=f"tijdelijk wachtwoord ingesteld: {account.login}",
        )
        _resign(unlocked, session, keyring, f"nieuwe sleutels voor {account.login}")
        keyring.save()
    unlocked.keyring = keyring


def change_own_password(unlocked: Unlocked, old: str, new: str) -> None:
    """The same key pairs, wrapped under the new password; a temporary password ends here."""
    if not unlocked.verify_password(old):
        raise WrongSecret(unlocked.actor.login)
    check_password(new)
    name = user_slot(unlocked.actor.login)
    keyring = Keyring.load(unlocked.keyring.path)
    keys = keyring.open_account(name, old)
    keyring.set_account(name, new, keys)
    keyring.save()
    unlocked.keyring = keyring
    unlocked.temporary_password = False


def report_own_password_leaked(unlocked: Unlocked, old: str, new: str) -> KeyChange:
    """My password is known to someone else: new key pairs under a new password, and a new
    epoch, so what the old password opens (in any copy of the key file) opens nothing now."""
    if not unlocked.verify_password(old):
        raise WrongSecret(unlocked.actor.login)
    check_password(new)
    name = user_slot(unlocked.actor.login)
    keys = AccountKeys.generate(unlocked.team_pin)

    def replace(keyring: Keyring) -> None:
        keyring.set_account(name, new, keys)
        keyring.seal_database_key(keyring.epoch, name, unlocked.key)
        if unlocked.team_signing_key is not None:
            keyring.give_team_key(name, unlocked.team_signing_key)

    with unlocked.store.sessions() as session:
        was_clean = teamlist.check(session, unlocked.keyring, unlocked.team_pin).clean
    done = epochs.start(
        unlocked,
        replace,
        reason=f"eigen wachtwoord gelekt: {unlocked.actor.login}",
        renew_team_key=unlocked.team_signing_key is not None,  # the old slot held it
    )
    unlocked.signing_key = keys.signing
    unlocked.temporary_password = False
    sign_log_as(unlocked)  # from now on with the new key, which the list must vouch for
    if unlocked.team_signing_key is not None and was_clean:
        with unlocked.store.sessions.begin() as session:
            _resign(unlocked, session, unlocked.keyring, "eigen wachtwoord gelekt")
    return done


def make_new_recovery_code(unlocked: Unlocked) -> KeyChange:
    """A new recovery code (shown once) and a new epoch: the old code opens nothing now."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    # The old code still opens the team key in any older copy of the key file: renewed too.
    return epochs.start(
        unlocked,
        lambda _keyring: None,
        reason="nieuwe herstelcode",
        new_recovery=True,
        renew_team_key=True,
    )


def reset_after_lost_laptop(unlocked: Unlocked) -> KeyChange:
    """A laptop with the database on it is lost or stolen: a new epoch and a new recovery
    code, so the copy on it (with any password or code found later) opens only itself."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    return epochs.start(
        unlocked,
        lambda _keyring: None,
        reason="laptop kwijt: nieuwe sleutel en herstelcode",
        new_recovery=True,
        renew_team_key=True,
    )
