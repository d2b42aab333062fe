"""The access log as a chain: no entry changed, reordered, removed or forged unseen.

Anyone who holds the database key can open the file outside Teamtafel and write to it;
an application cannot stop that. It can make it visible. Every entry carries

- a sequence number (1, 2, 3 … without gaps),
- the hash of the entry before it, and its own hash over its content and that link,
- a signature of its hash by the acting account's own Ed25519 key (when the session
  has one: ``session.info["sign"]``), which nobody else holds.

:func:`check` walks the chain and names the first place where it breaks. Changing an entry
breaks its hash; removing or reordering one breaks a link or the numbering; rewriting the
whole chain from some point on needs every acting colleague's signing key. What it cannot
show on its own: the newest entries dropped, or an older file put back; a checkpoint kept
elsewhere (the last verified position on this laptop, a back-up's, later the team
server's) shows those.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.records import ChainBreak, ChainProblem
from models.security import AccessLogEntry, AccessLogSubject, AppSetting

__all__ = [
    "ChainBreak",
    "ChainCheck",
    "ChainProblem",
    "Checkpoint",
    "check",
    "content_hash",
    "seal",
]

GENESIS = "0" * 64  # the link of the first entry
SIGN = "sign"  # session.info key: bytes -> signature bytes, for the acting account

Subjects = Iterable[tuple[uuid.UUID, str]]
PublicKeys = Callable[[uuid.UUID | None], Sequence[bytes]]  # an account's signing keys


@dataclass(frozen=True)
class Checkpoint:
    """A verified position: the entry number and its hash."""

    seq: int
    entry_hash: str


@dataclass(frozen=True)
class ChainCheck:
    checked: int  # entries verified by this check
    last: Checkpoint  # the newest entry verified (0 and GENESIS for an empty log)
    signed_from: int | None  # the first signed entry (older ones predate signing)
    broken: ChainBreak | None
    # Entries signed with a key the account list does not vouch for yet (a renewed
    # password, a converted slot): the first one, and how many.
    unconfirmed: ChainBreak | None = None
    unconfirmed_count: int = 0

    @property
    def intact(self) -> bool:
        return self.broken is None


def _moment(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def content_hash(entry: AccessLogEntry, subjects: Subjects) -> str:
    """The entry's hash over everything it says, its number and its link to the one before."""
    payload = [
        entry.seq,
        entry.prev_hash,
        str(entry.id),
        _moment(entry.at),
        str(entry.account_id or ""),
        entry.login,
        str(getattr(entry.action, "value", entry.action)),  # an enum, or its text in a migration
        str(entry.household_id or ""),
        str(entry.person_id or ""),
        entry.dossier_number or "",
        entry.detail or "",
        sorted([str(household), number or ""] for household, number in subjects),
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(session: Session, entry: AccessLogEntry, subjects: Subjects = ()) -> None:
    """Give a new entry its number, link, hash and (if the session can) signature.

    Writes begin ``BEGIN IMMEDIATE``, so no other process adds an entry in between; the
    unique number makes a fork fail loudly instead.
    """
    last = session.execute(
        select(AccessLogEntry.seq, AccessLogEntry.entry_hash)
        .where(AccessLogEntry.seq.is_not(None))
        .order_by(AccessLogEntry.seq.desc())
        .limit(1)
    ).first()
    # (autoflushed: this transaction's own earlier entries count too)
    seq, prev = (last[0] or 0, last[1]) if last else (0, GENESIS)
    entry.seq = seq + 1
    entry.prev_hash = prev
    entry.entry_hash = content_hash(entry, subjects)
    sign = session.info.get(SIGN)
    entry.signature = (
        base64.b64encode(sign(bytes.fromhex(entry.entry_hash))).decode("ascii") if sign else ""
    )


def _subjects(
    session: Session, ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    found: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(
            AccessLogSubject.entry_id,
            AccessLogSubject.household_id,
            AccessLogSubject.dossier_number,
        ).where(AccessLogSubject.entry_id.in_(ids))
    )
    for entry_id, household_id, number in rows:
        found.setdefault(entry_id, []).append((household_id, number))
    return found


def signed_by(keys: Iterable[bytes], signature: bytes, message: bytes) -> bool:
    """Did one of these public Ed25519 keys sign ``message``?"""
    for key in keys:
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
        except (InvalidSignature, ValueError):
            continue
        return True
    return False


def _signature_ok(entry: AccessLogEntry, public_keys: PublicKeys) -> bool:
    """Signed by one of the acting account's keys (a key is renewed when its password
    leaks; what it signed before stays verifiable)."""
    signature, digest = base64.b64decode(entry.signature), bytes.fromhex(entry.entry_hash)
    return signed_by(public_keys(entry.account_id), signature, digest)


def _keys_setting(account_id: uuid.UUID) -> str:
    return f"tekensleutels:{account_id.hex}"


def _remembered(value: str) -> list[str]:
    """The base64 keys of one setting row; a damaged row (written outside the app) counts as
    none, so it costs at most the trust in its own lines and never a login."""
    try:
        known = json.loads(value)
    except (ValueError, RecursionError):
        return []
    if not isinstance(known, list):
        return []
    valid: list[str] = []
    for text in known:
        try:
            if isinstance(text, str) and len(base64.b64decode(text, validate=True)) == 32:
                valid.append(text)
        except ValueError:
            continue
    return valid


def remember_signing_key(session: Session, account_id: uuid.UUID, public: bytes) -> None:
    """Keep an account's public signing key (every one it ever had) for verifying its lines."""
    row = session.get(AppSetting, _keys_setting(account_id))
    known = _remembered(row.value) if row is not None else []
    text = base64.b64encode(public).decode("ascii")
    if row is None:
        session.add(AppSetting(key=_keys_setting(account_id), value=json.dumps([text])))
    elif text not in known or row.value != json.dumps(known):
        row.value = json.dumps(known if text in known else [*known, text])


def signing_keys(session: Session) -> dict[uuid.UUID, list[bytes]]:
    """Every account's public signing keys, as remembered at its logins."""
    found: dict[uuid.UUID, list[bytes]] = {}
    rows = session.scalars(select(AppSetting).where(AppSetting.key.startswith("tekensleutels:")))
    for row in rows:
        try:
            account = uuid.UUID(row.key.removeprefix("tekensleutels:"))
        except ValueError:
            continue  # not a row the app wrote
        found[account] = [base64.b64decode(text) for text in _remembered(row.value)]
    return found


def check(
    session: Session,
    public_keys: PublicKeys,
    since: Checkpoint | None = None,
    *,
    unconfirmed_keys: PublicKeys | None = None,
    signed_from: int | None = None,
    batch: int = 2000,
) -> ChainCheck:
    """Walk the chain (from ``since``, a position verified before) to its newest entry.

    ``public_keys`` are the keys the signed account list vouches for; a signature that
    verifies only with one of ``unconfirmed_keys`` (remembered in the database, not yet in
    the list) is counted, not a break. ``signed_from`` is the first entry that must be
    signed as the list fixed it; without it, the first signed entry found."""
    position = since or Checkpoint(0, GENESIS)
    prev_hash, expected = position.entry_hash, position.seq + 1
    if signed_from is None:
        signed_from = session.scalar(
            select(func.min(AccessLogEntry.seq)).where(AccessLogEntry.signature != "")
        )
    checked = unconfirmed_count = 0
    unconfirmed: ChainBreak | None = None

    def broken(entry: AccessLogEntry | None, seq: int, problem: ChainProblem) -> ChainCheck:
        at, login = (entry.at, entry.login) if entry is not None else (None, "")
        return ChainCheck(
            checked,
            position,
            signed_from,
            ChainBreak(seq, problem, at, login),
            unconfirmed,
            unconfirmed_count,
        )

    if since is not None and since.seq > 0:
        anchor = session.scalar(select(AccessLogEntry).where(AccessLogEntry.seq == since.seq))
        if anchor is None or anchor.entry_hash != since.entry_hash:
            return broken(anchor, since.seq, ChainProblem.REWRITTEN)
    while True:
        entries = list(
            session.scalars(
                select(AccessLogEntry)
                .where(AccessLogEntry.seq >= expected)
                .order_by(AccessLogEntry.seq)
                .limit(batch)
            )
        )
        if not entries:
            break
        subjects = _subjects(session, [e.id for e in entries])
        for entry in entries:
            if entry.seq != expected:
                return broken(entry, expected, ChainProblem.MISSING)
            if entry.prev_hash != prev_hash:
                return broken(entry, entry.seq, ChainProblem.RELINKED)
            if content_hash(entry, subjects.get(entry.id, ())) != entry.entry_hash:
                return broken(entry, entry.seq, ChainProblem.CHANGED)
            if entry.signature:
                if not _signature_ok(entry, public_keys):
                    if unconfirmed_keys is None or not _signature_ok(entry, unconfirmed_keys):
                        return broken(entry, entry.seq, ChainProblem.FORGED)
                    unconfirmed_count += 1
                    if unconfirmed is None:
                        unconfirmed = ChainBreak(
                            entry.seq, ChainProblem.UNCONFIRMED, entry.at, entry.login
                        )
            elif signed_from is not None and entry.seq >= signed_from:
                return broken(entry, entry.seq, ChainProblem.UNSIGNED)
            checked += 1
            position = Checkpoint(entry.seq, entry.entry_hash)
            prev_hash, expected = entry.entry_hash, entry.seq + 1
    unsealed = session.scalar(
        select(func.count()).select_from(AccessLogEntry).where(AccessLogEntry.seq.is_(None))
    )
    if unsealed:  # written outside the chain
        return broken(None, expected, ChainProblem.MISSING)
    return ChainCheck(checked, position, signed_from, None, unconfirmed, unconfirmed_count)
