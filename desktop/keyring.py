"""The key file beside the database: one random database key, wrapped once per account.

Each slot holds the database key encrypted (AES-GCM) with a key derived from that
account's password by argon2id, with its own salt.  Unwrapping is the password
check: a wrong password fails the GCM tag.  A recovery code is one more slot.
Removing an account removes its slot, and with it its ability to unlock.

The file holds no personal data: slot names are login names of team members.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.private import write_private

FORMAT = 1
KEY_BYTES = 32
RECOVERY_SLOT = "herstelcode"


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


def keyring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sleutels")


def user_slot(login: str) -> str:
    return f"gebruiker:{login.strip().casefold()}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


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


def new_recovery_code() -> str:
    """Six groups of five characters, easy to write down: 'K7QX2-…'."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(30))
    return "-".join(raw[i : i + 5] for i in range(0, 30, 5))


def normalize_recovery_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 5] for i in range(0, len(compact), 5))


class Keyring:
    def __init__(
        self,
        path: Path,
        slots: dict[str, dict[str, object]] | None = None,
        meta: dict[str, object] | None = None,
    ) -> None:
        self.path = path
        self.slots: dict[str, dict[str, object]] = slots or {}
        self.meta: dict[str, object] = meta or {}  # not secret: e.g. {"demo": true}

    @classmethod
    def load(cls, path: Path) -> Keyring:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeyringError(f"no key file: {path.name}") from exc
        except (OSError, ValueError) as exc:
            raise KeyringError(f"unreadable key file: {path.name}") from exc
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or not isinstance(data.get("slots"), dict)
        ):
            raise KeyringError(f"not a Teamtafel key file: {path.name}")
        return cls(path, data["slots"], data.get("meta") or {})

    def save(self) -> None:
        """Write atomically: a crash never leaves half a key file."""
        temporary = self.path.with_name(self.path.name + ".nieuw")
        data = {"format": FORMAT, "meta": self.meta, "slots": self.slots}
        write_private(temporary, json.dumps(data, indent=1).encode("utf-8"))  # 0600
        os.replace(temporary, self.path)

    def add(
        self, name: str, secret: str, database_key: bytes, cost: KdfCost = DEFAULT_COST
    ) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapped = AESGCM(_derive(secret, salt, cost)).encrypt(
            nonce, database_key, name.encode("utf-8")
        )
        self.slots[name] = {
            "kdf": "argon2id",
            "cost": asdict(cost),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

    def remove(self, name: str) -> None:
        self.slots.pop(name, None)

    def unwrap(self, name: str, secret: str) -> bytes:
        slot = self.slots.get(name)
        if slot is None:
            # Same cost as a wrong password, so a probe cannot tell which logins exist.
            _derive(secret, b"\0" * 16, DEFAULT_COST)
            raise WrongSecret(name)
        try:
            stored_cost = slot["cost"]
            if not isinstance(stored_cost, dict):
                raise TypeError("cost is not a mapping")
            cost = KdfCost(**stored_cost)
            key = _derive(secret, _unb64(str(slot["salt"])), cost)
            return AESGCM(key).decrypt(
                _unb64(str(slot["nonce"])), _unb64(str(slot["wrapped"])), name.encode("utf-8")
            )
        except InvalidTag as exc:
            raise WrongSecret(name) from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyringError(f"damaged slot in {self.path.name}") from exc
