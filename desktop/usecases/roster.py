"""Reviewing the signed account list: for whoever holds the team key, beheerder or not.

When the list does not verify, every account works with medewerker rights — its
beheerders too. So the review is open to the team key, not to a role: the holder sees what
differs, and either puts the accounts back as the list signed them, or signs them as they
are now (which also confirms new signing keys after a password change).
"""

from __future__ import annotations

import dataclasses

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop import epochs, teamlist
from desktop.keyring import Keyring, public_bytes, user_slot
from desktop.session import Unlocked
from models import roster
from models.permissions import Role
from models.roster import NoTeamKey, RosterCheck, RosterEntry, RosterState
from models.security import Account


def _team(unlocked: Unlocked) -> Ed25519PrivateKey:
    if unlocked.team_signing_key is None:
        raise NoTeamKey(unlocked.actor.login)
    return unlocked.team_signing_key


def review(unlocked: Unlocked) -> RosterCheck:
    """The list as it stands now, against the team key this login holds."""
    team = _team(unlocked)
    with unlocked.store.sessions() as session:
        return teamlist.check(session, unlocked.keyring, public_bytes(team))


def may_review(unlocked: Unlocked) -> bool:
    return unlocked.team_signing_key is not None


def refresh_rights(unlocked: Unlocked) -> Role:
    """The logged-in account's rights after the list changed; returns the role now held."""
    with unlocked.store.sessions() as session:
        result = teamlist.check(session, unlocked.keyring, unlocked.team_pin)
        account = session.get_one(Account, unlocked.actor.account_id)
        role = teamlist.rights(
            result,
            account.id,
            account.role,
            account.active,
            holds_team_key=unlocked.team_signing_key is not None,
        )
    unlocked.roster = result
    unlocked.actor = dataclasses.replace(unlocked.actor, role=role or Role.MEDEWERKER)
    return unlocked.actor.role


def sign_as_is(unlocked: Unlocked) -> Role:
    """Sign the accounts as the table has them now, with the signing keys a reviewer can
    vouch for (:func:`desktop.teamlist.vouched_entries`)."""
    team = _team(unlocked)
    keyring = Keyring.load(unlocked.keyring.path)  # the slots as they are now
    with unlocked.store.sessions.begin() as session:
        result = teamlist.check(session, keyring, public_bytes(team))
        entries = teamlist.vouched_entries(session, keyring, result)
        teamlist.sign(session, keyring, team, unlocked.actor, "gecontroleerd", entries)
    return refresh_rights(unlocked)


def restore_signed(unlocked: Unlocked) -> Role:
    """Put roles and switched-off accounts back as the signed list has them, and sign it
    again as it was (new signing keys stay unconfirmed). An account the list does not
    know is switched off, and a new key epoch shuts it out of the file."""
    team = _team(unlocked)
    with unlocked.store.sessions.begin() as session:
        result = teamlist.check(session, unlocked.keyring, public_bytes(team))
        if result.state is not RosterState.VERIFIED or result.roster is None:
            raise roster.ListNotClean(unlocked.actor.login)
        off = roster.restore_listed(session, result.roster)
        listed = {e.account_id for e in result.roster.entries}
        unknown = tuple(
            RosterEntry(e.account_id, e.login, Role.MEDEWERKER, False, ())
            for e in roster.current_entries(session)
            if e.account_id not in listed
        )
        teamlist.sign(
            session,
            unlocked.keyring,
            team,
            unlocked.actor,
            "teruggezet zoals ondertekend",
            entries=result.roster.entries + unknown,
        )
    if off:

        def forget(keyring: Keyring) -> None:
            for login in off:
                keyring.forget(user_slot(login))

        epochs.start(unlocked, forget, reason="accounts buiten de accountlijst uitgeschakeld")
    return refresh_rights(unlocked)
