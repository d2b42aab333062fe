"""Account management for the beheerder: every account is a login and a key-file slot."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from desktop.keyring import DEFAULT_COST, KdfCost, WrongSecret, user_slot
from desktop.session import Unlocked, check_account, check_password
from models.access import log_access
from models.permissions import AccessAction, Permission, Role, require
from models.records import AccountRecord
from models.security import Account


class LoginTaken(ValueError):
    pass


def list_accounts(unlocked: Unlocked) -> list[AccountRecord]:
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    with unlocked.store.sessions() as session:
        accounts = session.scalars(select(Account).order_by(Account.display_name))
        return [AccountRecord(a.id, a.login, a.display_name, a.role, a.active) for a in accounts]


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
        unlocked.keyring.add(user_slot(login), password, unlocked.key, cost)
        unlocked.keyring.save()
        return account.id


def deactivate_account(unlocked: Unlocked, account_id: uuid.UUID) -> None:
    """The account stays for the history, but its slot goes: it can no longer unlock."""
    require(unlocked.actor, Permission.MANAGE_ACCOUNTS)
    with unlocked.store.sessions.begin() as session:
        account = session.get(Account, account_id)
        if account is None or account.id == unlocked.actor.account_id:
            raise LookupError("account")
        account.active = False
        log_access(
            session,
            unlocked.actor,
            AccessAction.ACCOUNT,
            detail=f"account uitgeschakeld: {account.login}",
        )
        unlocked.keyring.remove(user_slot(account.login))
        unlocked.keyring.save()


def change_own_password(unlocked: Unlocked, old: str, new: str) -> None:
    if not unlocked.verify_password(old):
        raise WrongSecret(unlocked.actor.login)
    check_password(new)
    unlocked.keyring.add(user_slot(unlocked.actor.login), new, unlocked.key)
    unlocked.keyring.save()
