"""Reading the access log: the beheerder's whole log (the household's own is in households)."""

from __future__ import annotations

from datetime import date

from desktop import teamlist
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
    checked on the beheerder's log screen. Signatures count when made with a key the signed
    account list vouches for (models.roster); a key remembered in the database but not in
    the list is reported as unconfirmed, and the list fixes where signing began, so
    stripping every signature shows too. A team without a signed list yet (no team key)
    checks against the keys remembered at logins, as before.
    """
    with unlocked.store.sessions() as session:
        result = teamlist.check(session, unlocked.keyring, unlocked.team_pin)
        confirmed = result.confirmed_keys()
        remembered = signing_keys(session)
        return check(
            session,
            lambda account: confirmed.get(account, []) if account else [],
            since,
            unconfirmed_keys=lambda account: remembered.get(account, []) if account else [],
            signed_from=result.log_signed_from(),
        )
