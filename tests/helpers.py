"""Small helpers the tests share."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop.database import keyed_connection
from desktop.keyring import KdfCost
from models import households as service
from models import organisations
from models.logchain import content_hash
from models.permissions import AccessAction
from models.records import HouseholdDraft, OrganisationDraft, RegistrationDraft, TrajectDraft
from models.security import AccessLogEntry

TODAY = date(2026, 11, 25)

# Tests open stores with a fixed key, or log in with a cheap argon2 cost: the
# mechanism is the same as in the app, only faster.
TEST_KEY = bytes(range(32))
FAST_KDF = KdfCost(time_cost=1, memory_cost=8192, parallelism=1)
TEST_LOGIN, TEST_PASSWORD = "tester", "geheim-wachtwoord-1"


def raw_connect(path: Path, key: bytes = TEST_KEY) -> sqlcipher.Connection:
    """A plain DB-API connection to an encrypted test store, for writing 'old' rows."""
    return keyed_connection(path, key)


def edit_outside(path: Path, key: bytes, *statements: str | tuple[str, tuple[object, ...]]) -> None:
    """An insider with the database key, in sqlcipher3 outside the app: the access log's
    triggers dropped first (they guard only against the app's own mistakes)."""
    raw = raw_connect(path, key)
    raw.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    raw.execute("DROP TRIGGER IF EXISTS access_log_no_delete")
    for statement in statements:
        sql, parameters = (statement, ()) if isinstance(statement, str) else statement
        raw.execute(sql, parameters)
    raw.commit()
    raw.close()


def downgrade(engine: Engine, revision: str) -> None:
    """The schema taken back to ``revision`` with its rows, as that older version left it."""
    from alembic import command
    from alembic.config import Config

    from models import migrations

    config = Config()
    config.set_main_option("script_location", str(migrations.LOCATION))
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # batch downgrades rebuild tables
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, revision)


def forge_log_line(
    path: Path, key: bytes, account: uuid.UUID, login: str, signer: Ed25519PrivateKey
) -> int:
    """An insider appends a log line in ``login``'s name, chained to the newest one and
    signed with ``signer`` (not that account's own key); returns its number."""
    raw = raw_connect(path, key)
    try:
        seq, entry_hash, action, at = raw.execute(
            "SELECT seq, entry_hash, action, at FROM access_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    finally:
        raw.close()
    forged = AccessLogEntry(
        id=uuid.uuid4(),
        at=datetime.fromisoformat(at).replace(tzinfo=UTC),
        account_id=account,
        login=login,
        action=AccessAction(action),
        household_id=None,
        person_id=None,
        dossier_number="",
        detail="back-up gemaakt",
        seq=seq + 1,
        prev_hash=entry_hash,
    )
    forged.entry_hash = content_hash(forged, [])
    signature = base64.b64encode(signer.sign(bytes.fromhex(forged.entry_hash))).decode()
    edit_outside(
        path,
        key,
        (
            "INSERT INTO access_log (id, at, account_id, login, action, household_id, "
            "person_id, dossier_number, detail, seq, prev_hash, entry_hash, signature) "
            "VALUES (?, ?, ?, ?, ?, NULL, NULL, '', ?, ?, ?, ?, ?)",
            (
                forged.id.hex,
                at,
                account.hex,
                login,
                action,
                forged.detail,
                forged.seq,
                forged.prev_hash,
                forged.entry_hash,
                signature,
            ),
        ),
    )
    return seq + 1


def register(
    session: Session,
    name: str = "De Vries",
    *,
    registered_on: date = TODAY,
    regisseur_id: uuid.UUID | None = None,
    postcode: str = "1234 AB",
) -> uuid.UUID:
    """Register a household with an aanmelding, as the registration form would."""
    draft = RegistrationDraft(
        HouseholdDraft(name=name, street="Kastanjelaan", house_number="12", postcode=postcode),
        TrajectDraft(registered_on=registered_on, herkomst="school", regisseur_id=regisseur_id),
    )
    return service.register_household(session, draft, today=TODAY)


def organisation(session: Session, name: str, kind: str = "overig") -> uuid.UUID:
    """An organisation to point a consent at, as the organisations screen would add it."""
    return organisations.add_organisation(session, OrganisationDraft(name, kind))


def leave(qtbot: QtBot, field: QWidget) -> None:
    """Leave a form field with Tab, as a user does: that is when a typed field is checked.
    Focus moves only in the active window, so its window is shown and activated first."""
    window = field.window()
    if not window.isActiveWindow():
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus(), "Tab left the field"
