"""The signed account list: who may do what, as the team's signing key says.

Every account holds the database key, so anyone can open the file with their own code and
``UPDATE account SET role='beheerder'``. The rows in ``account`` are therefore not what
counts. What counts is the *account list* signed with the team's Ed25519 key, which only
beheerders and the recovery code hold: per account its login, role, whether it is active,
and the public keys its access-log lines are signed with; for the whole list the database
it belongs to and the first access-log entry that had to be signed.

:func:`verify` compares it with the table. The rights that follow are the lesser of the two
(:meth:`RosterCheck.role_of`): a role raised in the table alone gives nothing, an account
switched off in the table alone is off. A list whose signature does not verify gives every
account medewerker rights until a holder of the team key reviews it and signs it again —
least privilege, and the team keeps its dossiers.

No Qt and no key file here: the caller brings the team's public key it trusts (pinned in
its own password-wrapped slot, :mod:`desktop.keyring`) and, to sign, the team's private key.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.logchain import signing_keys
from models.permissions import Role
from models.security import AccessLogEntry, Account, AppSetting

ROSTER_SETTING = "accountlijst"
FORMAT = 1

# What reading a damaged or hostile list can raise: json.loads raises RecursionError on deep
# nesting, int() of JSON's 1e999 (a float infinity) an OverflowError.
DAMAGED = (KeyError, TypeError, ValueError, ArithmeticError, RecursionError)

# The lower the index, the fewer the rights.
_RANK = {Role.MEDEWERKER: 0, Role.COORDINATOR: 1, Role.BEHEERDER: 2}


class NoTeamKey(DomainError, PermissionError):
    """Changing accounts needs the team key (to sign the account list); this login lacks it."""


class ListNotClean(DomainError):
    """The account list does not verify, or the table says more than it: a holder of the
    team key reviews it (Beheer → Accountlijst controleren…) before accounts change, so no
    change signs a tampered table into the list unseen."""


class RosterState(enum.StrEnum):
    ABSENT = "absent"  # never signed: a database from before signed lists, without a team key
    VERIFIED = "verified"
    UNVERIFIED = "unverified"  # a signature that does not verify, or a damaged list


class Difference(enum.StrEnum):
    ROLE = "role"  # the table gives another role than the list
    ACTIVE = "active"  # the table says (in)active, the list the other
    NEW = "new"  # in the table, not in the list
    GONE = "gone"  # in the list, not in the table
    KEY = "key"  # a signing key remembered in the database that the list does not hold


@dataclass(frozen=True)
class RosterEntry:
    account_id: uuid.UUID
    login: str
    role: Role
    active: bool
    signing_keys: tuple[str, ...]  # base64 of every public Ed25519 key the account signed with

    def to_json(self) -> dict[str, object]:
        return {
            "id": str(self.account_id),
            "login": self.login,
            "role": self.role.value,
            "active": self.active,
            "signing_keys": list(self.signing_keys),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> RosterEntry:
        keys = data["signing_keys"]
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise TypeError("signing keys")
        active = data["active"]
        if not isinstance(active, bool):
            raise TypeError("active")
        return cls(
            uuid.UUID(str(data["id"])),
            str(data["login"]),
            Role(str(data["role"])),
            active,
            tuple(keys),
        )


@dataclass(frozen=True)
class Roster:
    database_id: str
    version: int
    signed_at: str
    signed_by: str
    log_signed_from: int | None  # the first access-log entry that must carry a signature
    entries: tuple[RosterEntry, ...]

    def body(self) -> bytes:
        data = {
            "format": FORMAT,
            "database_id": self.database_id,
            "version": self.version,
            "signed_at": self.signed_at,
            "signed_by": self.signed_by,
            "log_signed_from": self.log_signed_from,
            "accounts": [e.to_json() for e in sorted(self.entries, key=lambda e: e.login)],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
            "utf-8"
        )

    @classmethod
    def from_body(cls, body: bytes) -> Roster:
        data = json.loads(body.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TypeError("format")
        accounts = data["accounts"]
        if not isinstance(accounts, list):
            raise TypeError("accounts")
        boundary = data["log_signed_from"]
        if boundary is not None and not isinstance(boundary, int):
            raise TypeError("boundary")
        return cls(
            str(data["database_id"]),
            int(data["version"]),
            str(data["signed_at"]),
            str(data["signed_by"]),
            boundary,
            tuple(RosterEntry.from_json(a) for a in accounts),
        )

    def entry(self, account_id: uuid.UUID) -> RosterEntry | None:
        return next((e for e in self.entries if e.account_id == account_id), None)


@dataclass(frozen=True)
class Finding:
    """One place where the table (or the remembered keys) says more than the signed list."""

    kind: Difference
    login: str
    listed: str = ""  # what the signed list says (a role, 'actief'), empty when absent
    found: str = ""  # what the table says


@dataclass(frozen=True)
class RosterCheck:
    state: RosterState
    roster: Roster | None = None  # the list, when its signature verifies
    findings: tuple[Finding, ...] = ()
    current: tuple[RosterEntry, ...] = field(default=(), repr=False)  # the table as it is

    @property
    def clean(self) -> bool:
        return self.state is RosterState.VERIFIED and not self.findings

    @property
    def tampered(self) -> bool:
        """Something beyond new signing keys: a role, an account, or the list itself."""
        return self.state is RosterState.UNVERIFIED or any(
            f.kind is not Difference.KEY for f in self.findings
        )

    def role_of(self, account_id: uuid.UUID, table_role: Role, table_active: bool) -> Role | None:
        """The rights this account gets: None when it is switched off (in either)."""
        if self.state is RosterState.ABSENT:
            return table_role if table_active else None
        if not table_active:
            return None
        if self.roster is None:
            return Role.MEDEWERKER
        listed = self.roster.entry(account_id)
        if listed is None:
            return Role.MEDEWERKER
        if not listed.active:
            return None
        return min(listed.role, table_role, key=_RANK.__getitem__)

    def confirmed_keys(self) -> dict[uuid.UUID, list[bytes]]:
        """The signing keys the list vouches for (with no list: every remembered one)."""
        source = self.roster.entries if self.roster is not None else ()
        if self.state is RosterState.ABSENT:
            source = self.current
        return {e.account_id: [base64.b64decode(k) for k in e.signing_keys] for e in source}

    def log_signed_from(self) -> int | None:
        return self.roster.log_signed_from if self.roster is not None else None


def current_entries(session: Session) -> tuple[RosterEntry, ...]:
    """The account table and the remembered signing keys, as a list would hold them."""
    keys = signing_keys(session)
    return tuple(
        RosterEntry(
            account.id,
            account.login,
            account.role,
            account.active,
            tuple(base64.b64encode(k).decode("ascii") for k in keys.get(account.id, [])),
        )
        for account in session.scalars(select(Account).order_by(Account.login))
    )


def _stored(session: Session) -> tuple[bytes, bytes] | None:
    row = session.get(AppSetting, ROSTER_SETTING)
    if row is None:
        return None
    data = json.loads(row.value)
    return base64.b64decode(data["body"]), base64.b64decode(data["signature"])


def is_signed(session: Session) -> bool:
    return session.get(AppSetting, ROSTER_SETTING) is not None


def _findings(roster: Roster, current: Sequence[RosterEntry]) -> list[Finding]:
    found: list[Finding] = []
    listed = {e.account_id: e for e in roster.entries}
    for now in current:
        was = listed.pop(now.account_id, None)
        if was is None:
            found.append(Finding(Difference.NEW, now.login, "", now.role.value))
            continue
        if was.role is not now.role:
            found.append(Finding(Difference.ROLE, now.login, was.role.value, now.role.value))
        if was.active != now.active:
            found.append(Finding(Difference.ACTIVE, now.login, str(was.active), str(now.active)))
        if extra := set(now.signing_keys) - set(was.signing_keys):
            found.append(Finding(Difference.KEY, now.login, "", str(len(extra))))
    found.extend(Finding(Difference.GONE, was.login, was.role.value) for was in listed.values())
    return found


def verify(
    session: Session, team_public: Ed25519PublicKey | None, database_id: str | None
) -> RosterCheck:
    """The stored list against the team key this account trusts, and against the table."""
    current = current_entries(session)
    try:
        stored = _stored(session)
    except DAMAGED:
        return RosterCheck(RosterState.UNVERIFIED, current=current)
    if stored is None:
        # Never signed. Without a team key anywhere that is a database from before signed
        # lists; with one, someone removed the list.
        state = RosterState.ABSENT if team_public is None else RosterState.UNVERIFIED
        return RosterCheck(state, current=current)
    body, signature = stored
    if team_public is None:
        return RosterCheck(RosterState.UNVERIFIED, current=current)
    try:
        team_public.verify(signature, body)
        roster = Roster.from_body(body)
    except (InvalidSignature, *DAMAGED):
        return RosterCheck(RosterState.UNVERIFIED, current=current)
    if roster.database_id != database_id:
        return RosterCheck(RosterState.UNVERIFIED, current=current)
    return RosterCheck(RosterState.VERIFIED, roster, tuple(_findings(roster, current)), current)


def sign(
    session: Session,
    team: Ed25519PrivateKey,
    *,
    database_id: str,
    signed_by: str,
    entries: Sequence[RosterEntry] | None = None,
    previous: Ed25519PublicKey | None = None,
) -> Roster:
    """Sign ``entries`` (default: the table as it is now) as the team's account list.

    The boundary of signed log entries is fixed the first time and kept after that: from
    then on stripping every signature shows as a break (models.logchain.check). Version and
    boundary are taken over only from a list signed with this team key (or ``previous``, the
    key it renews): a list of an insider's making would otherwise move the boundary."""
    earlier: Roster | None = None
    try:
        stored = _stored(session)
        if stored is not None:
            body, signature = stored
            for key in (team.public_key(), previous):
                try:
                    if key is not None:
                        key.verify(signature, body)
                        earlier = Roster.from_body(body)
                        break
                except InvalidSignature:
                    continue
    except DAMAGED:
        earlier = None
    if earlier is not None and earlier.database_id == database_id:
        version, boundary = earlier.version + 1, earlier.log_signed_from
    else:
        version = 1
        boundary = session.scalar(
            select(func.min(AccessLogEntry.seq)).where(AccessLogEntry.signature != "")
        )
        if boundary is None:  # nothing signed yet: the next entry is the first
            last = session.scalar(select(func.max(AccessLogEntry.seq)))
            boundary = (last or 0) + 1
    roster = Roster(
        database_id,
        version,
        datetime.now(UTC).replace(microsecond=0).isoformat(),
        signed_by,
        boundary,
        tuple(entries if entries is not None else current_entries(session)),
    )
    body = roster.body()
    value = json.dumps(
        {
            "body": base64.b64encode(body).decode("ascii"),
            "signature": base64.b64encode(team.sign(body)).decode("ascii"),
        }
    )
    row = session.get(AppSetting, ROSTER_SETTING)
    if row is None:
        session.add(AppSetting(key=ROSTER_SETTING, value=value))
    else:
        row.value = value
    session.flush()
    return roster


def with_own_key(roster: Roster, account_id: uuid.UUID, key: bytes) -> tuple[RosterEntry, ...]:
    """The list's entries with one more signing key for one account: a holder of the team
    key vouches for the key it holds itself (and for nothing else remembered under it)."""
    text = base64.b64encode(key).decode("ascii")
    return tuple(
        dataclasses.replace(e, signing_keys=(*e.signing_keys, text))
        if e.account_id == account_id and text not in e.signing_keys
        else e
        for e in roster.entries
    )


def restore_listed(session: Session, roster: Roster) -> list[str]:
    """Put the table back as the signed list has it: roles and active flags; an account the
    list does not know is switched off. Returns the logins switched off by this."""
    listed = {e.account_id: e for e in roster.entries}
    off: list[str] = []
    for account in session.scalars(select(Account)):
        entry = listed.get(account.id)
        if entry is None:
            if account.active:
                account.active = False
                off.append(account.login)
            continue
        account.role = entry.role
        if account.active and not entry.active:
            off.append(account.login)
        account.active = entry.active
    return off
