"""The key file beside the database: who can open it, and the key pairs each account holds.

Format 2. Every account has two key pairs of its own: X25519 (sealing) and Ed25519
(signing). Their private halves, with the team's public signing key pinned beside them, are
wrapped (AES-GCM) under a key that argon2id derives from the account's password; a wrong
password fails the GCM tag. The database key is then *sealed* to every account's X25519
public key (an ephemeral X25519 exchange, HKDF-SHA256, AES-GCM) and to the recovery key,
an X25519 key derived from the recovery code of which only the public half is stored. So
whoever holds the database key can seal a new one for the whole team without knowing
anyone's password: that is what a key epoch (:mod:`desktop.epochs`) needs.

The team's Ed25519 signing key is sealed only to beheerder accounts and to the recovery key.
Every sealed copy names its slot, the epoch and the database id in its associated data, so
it cannot be moved to another slot, epoch or database.

A format-1 file (the database key wrapped per slot under argon2id(password)) still opens:
its slots stay as ``legacy`` until their password or the recovery code is next used.

The file holds no personal data: slot names are login names of team members.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT = 2
LEGACY_FORMAT = 1
KEY_BYTES = 32
RECOVERY_SLOT = "herstelcode"
FILE_MODE = 0o600

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


@dataclass(frozen=True)
class KdfCost:
    """argon2id cost, stored with each slot so it can be raised later without breaking old slots."""

    # 32 MiB and six passes: above OWASP's argon2id minimums, about 80 ms here, and
    # small enough that logging in keeps the start under its memory budget.
    time_cost: int = 6
    memory_cost: int = 32768  # KiB
    parallelism: int = 2


DEFAULT_COST = KdfCost()


class KeyringError(Exception):
    """The key file is missing, unreadable or damaged."""


class WrongSecret(Exception):
    """The password or recovery code does not unlock this slot (or there is no such slot)."""


class AccountBlocked(Exception):
    """This account's password opens nothing any more: it was reported leaked, or it had not
    been converted to format 2 when the key changed. A beheerder sets a temporary password."""


def keyring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sleutels")


def user_slot(login: str) -> str:
    return f"gebruiker:{login.strip().casefold()}"


def slot_login(name: str) -> str | None:
    """The login of an account slot; None for the recovery slot."""
    prefix = "gebruiker:"
    return name[len(prefix) :] if name.startswith(prefix) else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _unb64_key(text: object, length: int = KEY_BYTES) -> bytes:
    """A public key or signature of a fixed length (a team key: 32 bytes, a signature: 64)."""
    raw = _unb64(text)
    if len(raw) != length:
        raise ValueError("wrong length")
    return raw


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_cost,
        parallelism=cost.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_database_id() -> str:
    return secrets.token_hex(16)


def new_recovery_code() -> str:
    """Six groups of five characters, easy to write down: 'K7QX2-…'."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(30))
    return "-".join(raw[i : i + 5] for i in range(0, 30, 5))


def normalize_recovery_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 5] for i in range(0, len(compact), 5))


def public_bytes(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(_RAW, _RAW_PUBLIC)


def _private_bytes(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)


# ----------------------------------------------------------------------------- pieces


def _cost_of(data: object) -> KdfCost:
    if not isinstance(data, dict):
        raise TypeError("cost is not a mapping")
    return KdfCost(**data)


@dataclass(frozen=True)
class PasswordWrap:
    """Something encrypted under argon2id(secret): an account's private keys (format 2), or
    the database key itself (a format-1 slot)."""

    cost: KdfCost
    salt: bytes
    nonce: bytes
    wrapped: bytes

    @classmethod
    def make(cls, secret: str, plain: bytes, aad: bytes, cost: KdfCost) -> PasswordWrap:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        return cls(
            cost, salt, nonce, AESGCM(_derive(secret, salt, cost)).encrypt(nonce, plain, aad)
        )

    def open(self, secret: str, aad: bytes) -> bytes:
        try:
            return AESGCM(_derive(secret, self.salt, self.cost)).decrypt(
                self.nonce, self.wrapped, aad
            )
        except InvalidTag as exc:
            raise WrongSecret from exc

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "cost": asdict(self.cost),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PasswordWrap:
        return cls(
            _cost_of(data["cost"]),
            _unb64(data["salt"]),
            _unb64(data["nonce"]),
            _unb64(data["wrapped"]),
        )


@dataclass(frozen=True)
class Sealed:
    """A secret sealed to one X25519 public key: only its private half opens it."""

    ephemeral: bytes
    nonce: bytes
    box: bytes

    @staticmethod
    def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_BYTES,
            salt=ephemeral + recipient,
            info=b"teamtafel/verzegeld/1",
        ).derive(shared)

    @classmethod
    def seal(cls, recipient: X25519PublicKey, plain: bytes, aad: bytes) -> Sealed:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = public_bytes(ephemeral)
        recipient_public = recipient.public_bytes(_RAW, _RAW_PUBLIC)
        key = cls._box_key(ephemeral.exchange(recipient), ephemeral_public, recipient_public)
        nonce = secrets.token_bytes(12)
        return cls(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plain, aad))

    def open(self, private: X25519PrivateKey, aad: bytes) -> bytes:
        try:
            shared = private.exchange(X25519PublicKey.from_public_bytes(self.ephemeral))
            key = self._box_key(shared, self.ephemeral, public_bytes(private))
            return AESGCM(key).decrypt(self.nonce, self.box, aad)
        except (InvalidTag, ValueError) as exc:
            raise WrongSecret from exc

    def to_json(self) -> dict[str, str]:
        return {"ephemeral": _b64(self.ephemeral), "nonce": _b64(self.nonce), "box": _b64(self.box)}

    @classmethod
    def from_json(cls, data: object) -> Sealed:
        if not isinstance(data, dict):
            raise TypeError("sealed is not a mapping")
        return cls(_unb64(data["ephemeral"]), _unb64(data["nonce"]), _unb64(data["box"]))


@dataclass
class AccountKeys:
    """What an account's password opens: its own two private keys and the pinned team key."""

    sealing: X25519PrivateKey
    signing: Ed25519PrivateKey
    team_public: bytes | None  # the team's signing key as this account last confirmed it

    @classmethod
    def generate(cls, team_public: bytes | None) -> AccountKeys:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate(), team_public)

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "sealing": _b64(_private_bytes(self.sealing)),
                "signing": _b64(_private_bytes(self.signing)),
                "team_public": _b64(self.team_public) if self.team_public else None,
            }
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> AccountKeys:
        parsed = json.loads(data.decode("utf-8"))
        team = parsed.get("team_public")
        return cls(
            X25519PrivateKey.from_private_bytes(_unb64(parsed["sealing"])),
            Ed25519PrivateKey.from_private_bytes(_unb64(parsed["signing"])),
            _unb64(team) if team else None,
        )


@dataclass
class AccountSlot:
    wrap: PasswordWrap
    sealing_public: bytes
    signing_public: bytes
    temporary: bool = False  # set by a beheerder: the account chooses its own at next login

    def to_json(self) -> dict[str, object]:
        data = self.wrap.to_json()
        data["sealing_public"] = _b64(self.sealing_public)
        data["signing_public"] = _b64(self.signing_public)
        if self.temporary:
            data["temporary"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> AccountSlot:
        return cls(
            PasswordWrap.from_json(data),
            _unb64(data["sealing_public"]),
            _unb64(data["signing_public"]),
            bool(data.get("temporary", False)),
        )


def _derive_recovery(code: str, salt: bytes, cost: KdfCost) -> tuple[X25519PrivateKey, bytes]:
    """argon2id(code) gives two keys: the recovery X25519 private key, and the key that
    wraps the team key the recovery code confirms (its pin)."""
    raw = hash_secret_raw(
        normalize_recovery_code(code).encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_cost,
        parallelism=cost.parallelism,
        hash_len=2 * KEY_BYTES,
        type=Type.ID,
    )
    return X25519PrivateKey.from_private_bytes(raw[:KEY_BYTES]), raw[KEY_BYTES:]


@dataclass(frozen=True)
class RecoverySlot:
    """The recovery key: argon2id(code, salt) is its X25519 private key; only the public
    half is stored, so a wrong code is told by the public key it gives. Like an account's
    slot it pins the team's public signing key, wrapped under the code."""

    cost: KdfCost
    salt: bytes
    public: bytes
    pin_nonce: bytes
    pin: bytes

    @classmethod
    def make(
        cls, code: str, cost: KdfCost, team_public: bytes | None, aad: bytes
    ) -> tuple[RecoverySlot, X25519PrivateKey]:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        private, pin_key = _derive_recovery(code, salt, cost)
        pin = AESGCM(pin_key).encrypt(nonce, team_public or b"", aad)
        return cls(cost, salt, public_bytes(private), nonce, pin), private

    def open(self, code: str, aad: bytes) -> tuple[X25519PrivateKey, bytes | None]:
        private, pin_key = _derive_recovery(code, self.salt, self.cost)
        if public_bytes(private) != self.public:
            raise WrongSecret(RECOVERY_SLOT)
        try:
            team_public = AESGCM(pin_key).decrypt(self.pin_nonce, self.pin, aad)
        except InvalidTag as exc:
            raise KeyringError("the recovery slot was changed") from exc
        return private, team_public or None

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "cost": asdict(self.cost),
            "salt": _b64(self.salt),
            "public": _b64(self.public),
            "pin_nonce": _b64(self.pin_nonce),
            "pin": _b64(self.pin),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> RecoverySlot:
        return cls(
            _cost_of(data["cost"]),
            _unb64(data["salt"]),
            _unb64(data["public"]),
            _unb64(data["pin_nonce"]),
            _unb64(data["pin"]),
        )


@dataclass
class Epoch:
    """One database key, sealed to each slot that may open the database in this epoch."""

    number: int
    keys: dict[str, Sealed] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"number": self.number, "keys": {n: s.to_json() for n, s in self.keys.items()}}

    @classmethod
    def from_json(cls, data: object) -> Epoch:
        if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
            raise TypeError("epoch is not a mapping")
        return cls(int(data["number"]), {n: Sealed.from_json(s) for n, s in data["keys"].items()})


def _mapping(data: object) -> dict[str, dict[str, object]]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise TypeError("not a mapping of slots")
    return data


# ----------------------------------------------------------------------------- the file


class Keyring:
    def __init__(self, path: Path, database_id: str | None = None) -> None:
        self.path = path
        self.database_id = database_id  # None only in a format-1 file not yet converted
        self.meta: dict[str, object] = {}  # not secret: e.g. {"demo": true}
        self.accounts: dict[str, AccountSlot] = {}
        self.blocked: set[str] = set()
        self.legacy: dict[str, PasswordWrap] = {}  # format-1 slots, converted at next use
        self.recovery: RecoverySlot | None = None
        self.team_public: bytes | None = None
        self.team_keys: dict[str, Sealed] = {}
        # Each team key after the first, endorsed by the one before: (public, signature).
        self.team_history: list[tuple[bytes, bytes]] = []
        self.epoch = Epoch(1)
        self.pending: Epoch | None = None  # a key change under way (desktop.epochs)

    # -- reading and writing

    @classmethod
    def load(cls, path: Path) -> Keyring:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeyringError(f"no key file: {path.name}") from exc
        except (OSError, ValueError) as exc:
            raise KeyringError(f"unreadable key file: {path.name}") from exc
        if not isinstance(data, dict) or data.get("format") not in (FORMAT, LEGACY_FORMAT):
            raise KeyringError(f"not a Teamtafel key file: {path.name}")
        try:
            if data["format"] == LEGACY_FORMAT:
                return cls._load_legacy(path, data)
            return cls._load(path, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyringError(f"damaged key file: {path.name}") from exc

    @classmethod
    def _load_legacy(cls, path: Path, data: dict[str, object]) -> Keyring:
        keyring = cls(path)
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise TypeError("meta")
        keyring.meta = meta
        keyring.legacy = {
            name: PasswordWrap.from_json(slot) for name, slot in _mapping(data["slots"]).items()
        }
        return keyring

    @classmethod
    def _load(cls, path: Path, data: dict[str, object]) -> Keyring:
        database_id = data["database_id"]
        if not isinstance(database_id, str) or not database_id:
            raise TypeError("database id")
        keyring = cls(path, database_id)
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise TypeError("meta")
        keyring.meta = meta
        keyring.accounts = {
            name: AccountSlot.from_json(slot) for name, slot in _mapping(data["accounts"]).items()
        }
        blocked = data.get("blocked") or []
        if not isinstance(blocked, list):
            raise TypeError("blocked")
        keyring.blocked = {str(name) for name in blocked}
        keyring.legacy = {
            name: PasswordWrap.from_json(slot)
            for name, slot in _mapping(data.get("legacy")).items()
        }
        recovery = data.get("recovery")
        if recovery is not None:
            if not isinstance(recovery, dict):
                raise TypeError("recovery")
            keyring.recovery = RecoverySlot.from_json(recovery)
        team_public = data.get("team_public")
        keyring.team_public = _unb64_key(team_public) if team_public else None
        keyring.team_keys = {
            name: Sealed.from_json(sealed)
            for name, sealed in _mapping(data.get("team_keys")).items()
        }
        history = data.get("team_history") or []
        if not isinstance(history, list):
            raise TypeError("team history")
        keyring.team_history = [
            (_unb64_key(h["public"]), _unb64_key(h["endorsement"], 2 * KEY_BYTES)) for h in history
        ]
        keyring.epoch = Epoch.from_json(data["epoch"])
        pending = data.get("pending")
        keyring.pending = Epoch.from_json(pending) if pending is not None else None
        return keyring

    def to_json(self) -> dict[str, object]:
        if self.database_id is None:
            raise KeyringError("a key file is written only once it knows its database")
        return {
            "format": FORMAT,
            "database_id": self.database_id,
            "meta": self.meta,
            "team_public": _b64(self.team_public) if self.team_public else None,
            "recovery": self.recovery.to_json() if self.recovery else None,
            "accounts": {name: slot.to_json() for name, slot in sorted(self.accounts.items())},
            "blocked": sorted(self.blocked),
            "legacy": {name: wrap.to_json() for name, wrap in sorted(self.legacy.items())},
            "team_keys": {name: s.to_json() for name, s in sorted(self.team_keys.items())},
            "team_history": [
                {"public": _b64(public), "endorsement": _b64(endorsement)}
                for public, endorsement in self.team_history
            ],
            "epoch": self.epoch.to_json(),
            "pending": self.pending.to_json() if self.pending else None,
        }

    def save(self) -> None:
        """Write atomically and durably, readable by its owner only (0600, the temporary file
        too): a crash never leaves half a key file, and a key file once written stays."""
        text = json.dumps(self.to_json(), indent=1).encode("utf-8")
        temporary = self.path.with_name(self.path.name + ".nieuw")
        temporary.unlink(missing_ok=True)  # an old one may carry another mode
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            os.write(handle, text)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, self.path)
        _sync_folder(self.path.parent)

    # -- the slots

    def _aad(self, kind: str, name: str, epoch: int | None = None) -> bytes:
        if self.database_id is None:
            raise KeyringError("no database id yet")
        parts = ["teamtafel", kind, self.database_id, name]
        if epoch is not None:
            parts.append(str(epoch))
        return "/".join(parts).encode("utf-8")

    def is_legacy(self, name: str) -> bool:
        return name in self.legacy and name not in self.accounts

    def open_legacy(self, name: str, secret: str) -> bytes:
        """The database key from a format-1 slot."""
        try:
            return self.legacy[name].open(secret, name.encode("utf-8"))
        except WrongSecret:
            raise WrongSecret(name) from None

    def open_account(self, name: str, password: str) -> AccountKeys:
        slot = self.accounts.get(name)
        if slot is None:
            # Same cost as a wrong password, so a probe cannot tell which logins exist.
            _derive(password, b"\0" * 16, DEFAULT_COST)
            if name in self.blocked:
                raise AccountBlocked(name)
            raise WrongSecret(name)
        try:
            keys = AccountKeys.from_bytes(slot.wrap.open(password, self._aad("account", name)))
        except WrongSecret:
            raise WrongSecret(name) from None
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyringError(f"damaged slot in {self.path.name}") from exc
        if (public_bytes(keys.sealing), public_bytes(keys.signing)) != (
            slot.sealing_public,
            slot.signing_public,
        ):
            raise KeyringError(f"the public keys of a slot were changed in {self.path.name}")
        return keys

    def set_account(
        self,
        name: str,
        password: str,
        keys: AccountKeys,
        cost: KdfCost = DEFAULT_COST,
        *,
        temporary: bool = False,
    ) -> None:
        """Wrap ``keys`` under ``password``; the slot replaces any earlier one of ``name``."""
        wrap = PasswordWrap.make(password, keys.to_bytes(), self._aad("account", name), cost)
        earlier = self.accounts.get(name)
        if earlier is None or earlier.sealing_public != public_bytes(keys.sealing):
            self.forget(name)  # what was sealed to the old key pair cannot be opened any more
        self.accounts[name] = AccountSlot(
            wrap, public_bytes(keys.sealing), public_bytes(keys.signing), temporary
        )
        self.legacy.pop(name, None)
        self.blocked.discard(name)

    def forget(self, name: str) -> None:
        """Everything of this slot goes: it opens nothing from this file any more."""
        self.accounts.pop(name, None)
        self.legacy.pop(name, None)
        self.team_keys.pop(name, None)
        self.epoch.keys.pop(name, None)
        if self.pending is not None:
            self.pending.keys.pop(name, None)
        self.blocked.discard(name)

    def block(self, name: str) -> None:
        """Forget the slot, and say why at the next login: a beheerder must set a password."""
        self.forget(name)
        self.blocked.add(name)

    def legacy_logins(self) -> list[str]:
        return sorted(n for n in self.legacy if n != RECOVERY_SLOT and n not in self.accounts)

    def slot_names(self) -> set[str]:
        """Every account slot that can open something (not the recovery slot)."""
        return (set(self.accounts) | set(self.legacy)) - {RECOVERY_SLOT}

    # -- sealing

    def recipients(self) -> dict[str, X25519PublicKey]:
        """Every slot a new database key is sealed to: the format-2 accounts and recovery."""
        found = {
            name: X25519PublicKey.from_public_bytes(slot.sealing_public)
            for name, slot in self.accounts.items()
        }
        if self.recovery is not None:
            found[RECOVERY_SLOT] = X25519PublicKey.from_public_bytes(self.recovery.public)
        return found

    def seal_database_key(self, epoch: Epoch, name: str, key: bytes) -> None:
        recipient = self.recipients()[name]
        epoch.keys[name] = Sealed.seal(
            recipient, key, self._aad("databasesleutel", name, epoch.number)
        )

    def sealed_epoch(self, number: int, key: bytes) -> Epoch:
        epoch = Epoch(number)
        for name in self.recipients():
            self.seal_database_key(epoch, name, key)
        return epoch

    def database_keys(self, name: str, private: X25519PrivateKey) -> list[tuple[int, bytes]]:
        """The database keys this slot can open: the current epoch's, then a pending one's."""
        found: list[tuple[int, bytes]] = []
        for epoch in (self.epoch, self.pending):
            if epoch is None or name not in epoch.keys:
                continue
            aad = self._aad("databasesleutel", name, epoch.number)
            try:
                found.append((epoch.number, epoch.keys[name].open(private, aad)))
            except WrongSecret:
                raise KeyringError(f"damaged sealed key in {self.path.name}") from None
        return found

    def give_team_key(self, name: str, team: Ed25519PrivateKey) -> None:
        recipient = self.recipients()[name]
        self.team_keys[name] = Sealed.seal(
            recipient, _private_bytes(team), self._aad("teamsleutel", name)
        )

    def team_key(self, name: str, private: X25519PrivateKey) -> Ed25519PrivateKey | None:
        sealed = self.team_keys.get(name)
        if sealed is None:
            return None
        try:
            return Ed25519PrivateKey.from_private_bytes(
                sealed.open(private, self._aad("teamsleutel", name))
            )
        except (WrongSecret, ValueError):
            return None

    def new_team_key(self) -> Ed25519PrivateKey:
        team = Ed25519PrivateKey.generate()
        self.team_public = public_bytes(team)
        self.team_keys = {}
        self.team_history = []
        return team

    def _succession(self, public: bytes) -> bytes:
        if self.database_id is None:
            raise KeyringError("no database id yet")
        return b"teamtafel/opvolger/" + self.database_id.encode("ascii") + b"/" + public

    def rotate_team_key(self, old: Ed25519PrivateKey) -> Ed25519PrivateKey:
        """A new team key, endorsed by the old one, which opens nothing from now on: an
        account that pinned the old key follows the endorsement (:meth:`trusted_team_key`).
        The caller seals the new key to the remaining beheerders and the recovery key."""
        team = Ed25519PrivateKey.generate()
        public = public_bytes(team)
        self.team_history.append((public, old.sign(self._succession(public))))
        self.team_public = public
        self.team_keys = {}
        return team

    def trusted_team_key(self, pinned: bytes | None) -> bytes | None:
        """The current team key, when one straight line of endorsements — each key endorsed
        by the one before it — leads from ``pinned`` to it; otherwise ``pinned`` itself (a
        list signed by anything else then does not verify). A second successor endorsed by
        an old key (a fork, made by someone who kept that key) breaks the line."""
        if pinned is None:
            return None
        publics = [public for public, _endorsement in self.team_history]
        if pinned == self.team_public and pinned not in publics[:-1]:
            return pinned
        start = publics.index(pinned) + 1 if pinned in publics else 0
        trusted = pinned
        for public, endorsement in self.team_history[start:]:
            try:
                Ed25519PublicKey.from_public_bytes(trusted).verify(
                    endorsement, self._succession(public)
                )
            except (InvalidSignature, ValueError):
                return pinned
            trusted = public
        return trusted if trusted == self.team_public else pinned

    def team_holders(self) -> set[str]:
        """The slots the team key is sealed to (beheerders, and the recovery key)."""
        return set(self.team_keys)

    # -- recovery

    def set_recovery(
        self, code: str, team_public: bytes | None, cost: KdfCost = DEFAULT_COST
    ) -> X25519PrivateKey:
        """A new recovery key from ``code``, pinning ``team_public``; the old code (and any
        format-1 recovery slot) opens nothing from this file any more."""
        self.recovery, private = RecoverySlot.make(
            code, cost, team_public, self._aad("herstel", RECOVERY_SLOT)
        )
        self.legacy.pop(RECOVERY_SLOT, None)
        for epoch in (self.epoch, self.pending):
            if epoch is not None:
                epoch.keys.pop(RECOVERY_SLOT, None)
        self.team_keys.pop(RECOVERY_SLOT, None)
        return private

    def open_recovery(self, code: str) -> tuple[X25519PrivateKey, bytes | None]:
        """The recovery private key and the team key it pins."""
        if self.recovery is None:
            _derive_recovery(code, b"\0" * 16, DEFAULT_COST)
            raise WrongSecret(RECOVERY_SLOT)
        return self.recovery.open(code, self._aad("herstel", RECOVERY_SLOT))

    @property
    def recovery_missing(self) -> bool:
        """Neither a format-2 recovery key nor a format-1 recovery slot: no code works."""
        return self.recovery is None and RECOVERY_SLOT not in self.legacy

    @property
    def recovery_outdated(self) -> bool:
        """The recovery code works, but a new one is due: it is still format 1 (it stops at
        the next key change, and cannot hold the team key), or it lacks the team key."""
        if self.recovery is None:
            return RECOVERY_SLOT in self.legacy
        return self.team_public is None or RECOVERY_SLOT not in self.team_keys


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
