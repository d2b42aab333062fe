"""A database and key file as Teamtafel wrote them before key file format 2: the database key
wrapped per slot under argon2id(password) (desktop/keyring.py as of commit a0e5577), and no
database id or key epoch in the database."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import asdict
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.database import open_store
from desktop.keyring import RECOVERY_SLOT, keyring_path, new_database_key, user_slot
from models.access import log_access
from models.permissions import AccessAction, Actor, Role
from models.security import Account
from tests.helpers import FAST_KDF

RECOVERY_CODE = "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567"


def _slot(name: str, secret: str, key: bytes) -> dict[str, object]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    derived = hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=FAST_KDF.time_cost,
        memory_cost=FAST_KDF.memory_cost,
        parallelism=FAST_KDF.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    wrapped = AESGCM(derived).encrypt(nonce, key, name.encode("utf-8"))
    return {
        "kdf": "argon2id",
        "cost": asdict(FAST_KDF),
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "wrapped": base64.b64encode(wrapped).decode(),
    }


def make_format_1(path: Path, accounts: list[tuple[str, Role, str]]) -> bytes:
    """The database (with these accounts: login, role, password) and its format-1 key file,
    with the recovery code RECOVERY_CODE; returns the database key."""
    key = new_database_key()
    store = open_store(path, key, create=True, user=accounts[0][0])
    with store.sessions.begin() as session:
        for login, role, _password in accounts:
            account = Account(login=login, display_name=login.title(), role=role)
            session.add(account)
            session.flush()
            actor = Actor(account.id, login, login.title(), role)
            log_access(session, actor, AccessAction.ACCOUNT, detail=f"account toegevoegd: {login}")
    store.close()
    slots = {user_slot(login): _slot(user_slot(login), pw, key) for login, _r, pw in accounts}
    slots[RECOVERY_SLOT] = _slot(RECOVERY_SLOT, RECOVERY_CODE, key)
    keyring_path(path).write_text(
        json.dumps({"format": 1, "meta": {}, "slots": slots}, indent=1), encoding="utf-8"
    )
    return key
