"""The access log as a signed chain: an insider with the database key cannot change,
reorder, remove or forge an entry unseen (models.logchain)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from desktop.database import make_engine, migrate
from desktop.presenters.background import wait_for_background
from desktop.session import Unlocked
from desktop.usecases import contacts, households
from desktop.usecases.base import output
from models.enums import ContactKind
from models.logchain import ChainProblem, Checkpoint, check, content_hash, signing_keys
from models.permissions import AccessAction
from models.records import ContactDraft
from models.security import AccessLogEntry, AccessLogSubject
from tests.helpers import TEST_KEY, TODAY, edit_outside, raw_connect, register


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@pytest.fixture
def signed(unlocked: Unlocked) -> Callable[[uuid.UUID | None], list[bytes]]:
    """The logged-in account signs with its own key (from its slot in the key file); the
    lookup the log screen uses, from the keys remembered at logins."""
    assert unlocked.store.sessions  # signing was switched on when the store was made

    with unlocked.store.sessions() as session:
        known = signing_keys(session)
    return lambda account_id: known.get(account_id, []) if account_id else []


def _activity(unlocked: Unlocked) -> list[uuid.UUID]:
    """Some ordinary work: registrations, a contact, an opening and a multi-household print."""
    with unlocked.store.sessions.begin() as session:
        first, second = register(session, "Yılmaz"), register(session, "Nguyễn")
    households.open_dossier(unlocked, first)
    contacts.add_contact(
        unlocked, first, ContactDraft(TODAY, ContactKind.TELEFOON, "Zoë belde terug")
    )
    output(unlocked, AccessAction.PRINT, [first, second], detail="overleglijst")
    households.open_dossier(unlocked, second)
    return [first, second]


def _entries(unlocked: Unlocked) -> list[AccessLogEntry]:
    with unlocked.store.sessions() as session:
        return list(session.scalars(select(AccessLogEntry).order_by(AccessLogEntry.seq)))


def _check(unlocked: Unlocked, keys: Callable[[uuid.UUID | None], bytes | None], **kw):  # type: ignore[no-untyped-def]
    with unlocked.store.sessions() as session:
        return check(session, keys, **kw)


def _outside(
    unlocked: Unlocked, db_path: Path, *statements: tuple[str, tuple[object, ...]]
) -> None:
    edit_outside(db_path, unlocked.key, *statements)


def test_everyday_work_makes_an_intact_signed_chain(unlocked: Unlocked, signed) -> None:  # type: ignore[no-untyped-def]
    _activity(unlocked)
    entries = _entries(unlocked)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(e.signature for e in entries)  # from the database's creation on
    result = _check(unlocked, signed)
    assert result.intact and result.checked == len(entries)
    assert result.last == Checkpoint(entries[-1].seq, entries[-1].entry_hash)


def test_a_changed_entry_is_found(unlocked: Unlocked, signed, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _activity(unlocked)
    victim = _entries(unlocked)[3]
    _outside(
        unlocked,
        db_path,
        ("UPDATE access_log SET detail = 'niets' WHERE seq = ?", (victim.seq,)),
    )
    result = _check(unlocked, signed)
    assert result.broken is not None
    assert (result.broken.seq, result.broken.problem) == (victim.seq, ChainProblem.CHANGED)


def test_a_removed_entry_is_found(unlocked: Unlocked, signed, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _activity(unlocked)
    victim = _entries(unlocked)[2]
    _outside(unlocked, db_path, ("DELETE FROM access_log WHERE seq = ?", (victim.seq,)))
    result = _check(unlocked, signed)
    assert result.broken is not None
    assert (result.broken.seq, result.broken.problem) == (victim.seq, ChainProblem.MISSING)


def test_a_back_dated_entry_is_found(unlocked: Unlocked, signed, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _activity(unlocked)
    victim = _entries(unlocked)[4]
    _outside(
        unlocked,
        db_path,
        ("UPDATE access_log SET at = '2025-01-01 09:00:00.000000' WHERE seq = ?", (victim.seq,)),
    )
    result = _check(unlocked, signed)
    assert result.broken is not None and result.broken.problem is ChainProblem.CHANGED


def test_an_entry_in_a_colleagues_name_is_found(unlocked: Unlocked, signed, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The insider rewrites an entry and re-hashes it and every later one: the signatures
    are not theirs to make."""
    _activity(unlocked)
    entries = _entries(unlocked)
    insider = Ed25519PrivateKey.generate()
    victim = entries[3]
    statements = []
    prev = victim.prev_hash
    for entry in entries[3:]:
        with unlocked.store.sessions() as session:
            fresh = session.get(AccessLogEntry, entry.id)
            assert fresh is not None
            subjects = [
                (s.household_id, s.dossier_number)
                for s in session.scalars(
                    select(AccessLogSubject).where(AccessLogSubject.entry_id == entry.id)
                )
            ]
            session.expunge(fresh)
        fresh.prev_hash = prev
        if entry.seq == victim.seq:
            fresh.detail = "alleen ingezien"
        new_hash = content_hash(fresh, subjects)
        signature = base64.b64encode(insider.sign(bytes.fromhex(new_hash))).decode()
        statements.append(
            (
                "UPDATE access_log SET detail = ?, prev_hash = ?, entry_hash = ?, signature = ?"
                " WHERE seq = ?",
                (fresh.detail, prev, new_hash, signature, entry.seq),
            )
        )
        prev = new_hash
    _outside(unlocked, db_path, *statements)
    result = _check(unlocked, signed)
    assert result.broken is not None
    assert (result.broken.seq, result.broken.problem) == (victim.seq, ChainProblem.FORGED)


def test_a_stripped_signature_is_found(unlocked: Unlocked, signed, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _activity(unlocked)
    victim = _entries(unlocked)[-1]
    _outside(
        unlocked, db_path, ("UPDATE access_log SET signature = '' WHERE seq = ?", (victim.seq,))
    )
    result = _check(unlocked, signed)
    assert result.broken is not None and result.broken.problem is ChainProblem.UNSIGNED


def test_a_rewritten_history_is_found_against_a_checkpoint(
    unlocked: Unlocked, signed, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Dropping the newest entries cannot show in the chain itself; against the position
    verified before on this computer, a rewrite of that position does."""
    _activity(unlocked)
    verified = _check(unlocked, signed).last
    _outside(
        unlocked,
        db_path,
        ("DELETE FROM access_log WHERE seq >= ?", (verified.seq,)),
    )
    result = _check(unlocked, signed, since=verified)
    assert result.broken is not None and result.broken.problem is ChainProblem.REWRITTEN


def test_older_entries_are_chained_by_the_migration(tmp_path: Path) -> None:
    """A database of version 0008 with log entries (one with subjects) gets a whole chain."""
    path = tmp_path / "oud.sqlite"
    engine = make_engine(path, TEST_KEY)
    migrate(engine, "0008")
    engine.dispose()
    raw = raw_connect(path)
    account = uuid.uuid4().hex
    for i, at in enumerate(["2026-01-02 10:00:00", "2026-01-01 09:00:00.250000"]):
        raw.execute(
            "INSERT INTO access_log (id, at, account_id, login, action, household_id,"
            " person_id, dossier_number, detail) VALUES (?, ?, ?, 'tessa', 'open', NULL, NULL,"
            " '', ?)",
            (uuid.uuid4().hex, at, account, f"regel {i}"),
        )
    entry = uuid.uuid4().hex
    raw.execute(
        "INSERT INTO access_log (id, at, account_id, login, action, household_id, person_id,"
        " dossier_number, detail) VALUES (?, '2026-01-03 08:00:00', ?, 'tessa', 'print', NULL,"
        " NULL, '', 'lijst')",
        (entry, account),
    )
    raw.execute(
        "INSERT INTO access_log_subject (entry_id, household_id, dossier_number)"
        " VALUES (?, ?, '2026-00001')",
        (entry, uuid.uuid4().hex),
    )
    raw.commit()
    raw.close()
    engine = make_engine(path, TEST_KEY)
    migrate(engine)
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        details = [
            e.detail for e in session.scalars(select(AccessLogEntry).order_by(AccessLogEntry.seq))
        ]
        result = check(session, lambda _account: [])
    engine.dispose()
    assert details == ["regel 1", "regel 0", "lijst"]  # in the order they were written
    assert result.intact and result.checked == 3 and result.signed_from is None


def test_the_log_screen_and_the_start_say_where_the_chain_breaks(
    qtbot, unlocked: Unlocked, signed, db_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    from desktop.controller import MainController

    _activity(unlocked)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.check_log()  # intact: nothing to say, the position is remembered
    assert message_boxes.texts() == []
    dialog = controller.admin.show_access_log()
    assert dialog is not None
    assert "wordt gecontroleerd" in dialog.chain.text()  # the lines show first
    qtbot.waitUntil(lambda: "onveranderd" in dialog.chain.text())
    dialog.close()

    verified = len(_entries(unlocked))
    _activity(unlocked)  # more work after the position this computer verified
    victim = _entries(unlocked)[verified + 1]
    _outside(
        unlocked, db_path, ("UPDATE access_log SET login = 'iemand' WHERE seq = ?", (victim.seq,))
    )
    controller.check_log()
    [told] = message_boxes.texts()
    assert f"gewijzigd bij regel {victim.seq}" in told and "Beheer → Toegangslog" in told
    controller.check_log()  # told once on this computer
    assert len(message_boxes.texts()) == 1

    old = _entries(unlocked)[1]  # before the start-up check's position: the screen checks all
    _outside(unlocked, db_path, ("UPDATE access_log SET detail = 'x' WHERE seq = ?", (old.seq,)))
    dialog = controller.admin.show_access_log()
    assert dialog is not None
    qtbot.waitUntil(lambda: f"bij regel {old.seq}" in dialog.chain.text())
    dialog.close()
    # A screen closed before the check ends never hears of it (nothing crashes).
    dialog = controller.admin.show_access_log()
    assert dialog is not None
    dialog.close()
    wait_for_background()
    qtbot.wait(50)


def test_failed_logins_moved_into_the_log_keep_the_chain_whole(db_path: Path) -> None:
    """Before, the attempts went in as unchained lines: every later check reported a line
    'written outside the chain' after any wrong password."""
    from desktop.session import Throttle, create_database, unlock
    from desktop.usecases import access
    from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD

    first, _code = create_database(
        db_path, name="Tessa Tester", login=TEST_LOGIN, password=TEST_PASSWORD, cost=FAST_KDF
    )
    first.close()
    throttle = Throttle.beside(db_path)
    throttle.failed(TEST_LOGIN)
    throttle.failed("onbekend-iemand")
    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        chain = access.check_chain(again)
        assert chain.intact and chain.unconfirmed is None
        failed = [e for e in _entries(again) if e.action is AccessAction.LOGIN_FAILED]
        assert len(failed) == 2 and all(e.seq is not None and e.signature for e in failed)
    finally:
        again.close()
