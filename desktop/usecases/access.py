"""Reading the access log: the beheerder's whole log (the household's own is in households)."""

from __future__ import annotations

from datetime import date

from desktop.session import Unlocked
from desktop.usecases.base import read
from models.access import search_log
from models.logchain import ChainCheck, Checkpoint, check, signing_keys
from models.permissions import Permission
from models.records import LogLine


def search(
    unlocked: Unlocked,
    *,
    login: str = "",
    dossier_number: str = "",
    start: date | None = None,
    end: date | None = None,
) -> list[LogLine]:
    return read(
        unlocked,
        Permission.READ_FULL_LOG,
        lambda s: search_log(s, login=login, dossier_number=dossier_number, start=start, end=end),
    )


def check_chain(unlocked: Unlocked, since: Checkpoint | None = None) -> ChainCheck:
    """Verify the access log's chain (from a position verified before on this computer).

    Every account may run it from its last checkpoint at start-up; the whole chain is
    checked on the beheerder's log screen. Signatures are checked against the signing keys
    each account used (remembered at its logins).
    """
    with unlocked.store.sessions() as session:
        known = signing_keys(session)
        return check(session, lambda account: known.get(account, []) if account else [], since)
