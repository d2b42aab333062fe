"""The signed account list (:mod:`models.roster`) tied to the key file: which team key an
account trusts, the rights that follow, and signing the list again after a change.

Beheerder rights come from the list *and* from holding the team's signing key: the list
must say beheerder (and the table too), and the account's slot must hold the team key the
account trusts. A database from before signed lists, whose key file has no team key yet,
keeps the roles of its table until a beheerder makes a new recovery code (which makes the
team key and signs the first list).
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from desktop.keyring import AccountKeys, Keyring, public_bytes, user_slot
from models import roster
from models.access import log_access
from models.permissions import AccessAction, Actor, Role
from models.roster import Difference, ListNotClean, NoTeamKey, RosterCheck, RosterState
from models.wording import roster_findings_text

log = logging.getLogger(__name__)

__all__ = ["ListNotClean", "NoTeamKey", "before_change", "check", "rights", "sign"]


def before_change(
    session: Session, keyring: Keyring, team: Ed25519PrivateKey | None, actor: Actor
) -> None:
    """Refuse an account change that could not be signed into a list that holds."""
    require_team_key(team, keyring, actor)
    if team is None:
        return  # a team without a team key yet: its table counts, as before
    if not check(session, keyring, public_bytes(team)).clean:
        raise ListNotClean(actor.login)


def trusted_public(keyring: Keyring, pinned: bytes | None) -> Ed25519PublicKey | None:
    trusted = keyring.trusted_team_key(pinned)
    return Ed25519PublicKey.from_public_bytes(trusted) if trusted else None


def check(session: Session, keyring: Keyring, pinned: bytes | None) -> RosterCheck:
    """The stored list against the team key this account trusts, and the table against it."""
    return roster.verify(session, trusted_public(keyring, pinned), keyring.database_id)


def rights(
    result: RosterCheck,
    account_id: uuid.UUID,
    role: Role,
    active: bool,
    *,
    holds_team_key: bool,
) -> Role | None:
    """The role a login gets (None: switched off): the lesser of list and table, and a
    beheerder only with the team key in hand (unless the team has no team key at all yet)."""
    granted = result.role_of(account_id, role, active)
    if granted is Role.BEHEERDER and result.state is not RosterState.ABSENT and not holds_team_key:
        return Role.MEDEWERKER
    return granted


def sign(
    session: Session,
    keyring: Keyring,
    team: Ed25519PrivateKey,
    actor: Actor,
    reason: str,
    entries: tuple[roster.RosterEntry, ...] | None = None,
    previous: Ed25519PublicKey | None = None,
) -> roster.Roster:
    """Sign the account list as it stands (or ``entries``) and log it, in ``session``.
    ``previous``: the team key this one renews, which signed the list until now."""
    assert keyring.database_id is not None
    if keyring.team_public is not None and public_bytes(team) != keyring.team_public:
        raise NoTeamKey(actor.login)
    signed = roster.sign(
        session,
        team,
        database_id=keyring.database_id,
        signed_by=actor.login,
        entries=entries,
        previous=previous,
    )
    log_access(
        session,
        actor,
        AccessAction.ACCOUNT,
        detail=f"accountlijst ondertekend (versie {signed.version}): {reason}"[:200],
    )
    return signed


def vouched_entries(
    session: Session, keyring: Keyring, result: RosterCheck
) -> tuple[roster.RosterEntry, ...]:
    """The accounts as the table has them, each with the signing keys a reviewer can vouch
    for: those the list held already, and the one its slot in the key file holds now (a
    renewed password, a converted slot). Any other key remembered under an account — one
    planted there outside the app — stays unconfirmed; its log lines are named as such."""
    listed = (
        {e.account_id: set(e.signing_keys) for e in result.roster.entries}
        if result.roster is not None
        else {}
    )
    vouched = []
    for entry in roster.current_entries(session):
        slot = keyring.accounts.get(user_slot(entry.login))
        own = base64.b64encode(slot.signing_public).decode("ascii") if slot else None
        keep = listed.get(entry.account_id, set()) | ({own} if own else set())
        vouched.append(
            dataclasses.replace(
                entry, signing_keys=tuple(k for k in entry.signing_keys if k in keep)
            )
        )
    return tuple(vouched)


def require_team_key(team: Ed25519PrivateKey | None, keyring: Keyring, actor: Actor) -> None:
    """A change to the accounts is signed into the list: refused without the team key (a
    team whose key file has no team key yet keeps working on its table, as before)."""
    if team is None and keyring.team_public is not None:
        raise NoTeamKey(actor.login)


def share_team_key(keyring: Keyring, result: RosterCheck, team: Ed25519PrivateKey) -> bool:
    """Seal the team key to every beheerder the signed list names who has a format-2 slot
    and lacks it (a beheerder of a database from before team keys). True if it changed."""
    if result.roster is None:
        return False
    changed = False
    for entry in result.roster.entries:
        name = user_slot(entry.login)
        if (
            entry.role is Role.BEHEERDER
            and entry.active
            and name in keyring.accounts
            and name not in keyring.team_keys
        ):
            keyring.give_team_key(name, team)
            changed = True
    return changed


def confirm_own_key(
    session: Session,
    keyring: Keyring,
    team: Ed25519PrivateKey,
    actor: Actor,
    result: RosterCheck,
    keys: AccountKeys,
) -> RosterCheck:
    """A holder of the team key whose own signing key is new (a converted slot, a password
    reset) signs that one key into the list, when the list otherwise holds. Nothing else
    remembered under its name is confirmed: a key planted there stays unconfirmed."""
    own = public_bytes(keys.signing)
    if result.roster is None or result.state is not RosterState.VERIFIED:
        return result
    if any(f.kind is not Difference.KEY for f in result.findings):
        return result
    listed = result.roster.entry(actor.account_id)
    if listed is None or base64.b64encode(own).decode("ascii") in listed.signing_keys:
        return result
    sign(
        session,
        keyring,
        team,
        actor,
        "eigen nieuwe sleutel bevestigd",
        roster.with_own_key(result.roster, actor.account_id, own),
    )
    return check(session, keyring, public_bytes(team))


def log_findings(session: Session, actor: Actor, result: RosterCheck) -> None:
    """A list that does not verify, or a table that says more than it, goes in the log."""
    if result.tampered:
        log_access(
            session,
            actor,
            AccessAction.ACCOUNT,
            detail=f"accountlijst klopt niet: {roster_findings_text(result, short=True)}"[:200],
        )
