"""The signed account list: an insider with the database key who edits the account table,
forges the list, plants a signing key or strips the log's signatures gains nothing in the
unmodified app, and the team sees it (models.roster, desktop.teamlist)."""

from __future__ import annotations

import base64
import dataclasses
import json
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.controller import MainController
from desktop.keyring import Keyring, keyring_path, public_bytes, user_slot
from desktop.session import Unlocked, unlock
from desktop.usecases import access, roster
from desktop.usecases.accounts import (
    add_account,
    deactivate_account,
    make_new_recovery_code,
    report_own_password_leaked,
)
from desktop.usecases.backup import make_backup, restore_backup
from models import roster as roster_model
from models.permissions import PermissionDenied, Role
from models.records import ChainProblem
from models.roster import ROSTER_SETTING, Difference, ListNotClean, RosterState
from models.security import AccessLogEntry, Account, AppSetting
from tests.conftest import MessageBoxes
from tests.desktop.format_1 import make_format_1
from tests.desktop.modal import on_modal
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, edit_outside, forge_log_line
from views.admin import RosterReviewDialog

ANOUK, ANOUK_PASSWORD = "anouk", "anouk-wachtwoord-1"
BAS, BAS_PASSWORD = "bas", "bas-wachtwoord-12"


@pytest.fixture
def team(unlocked: Unlocked) -> Unlocked:
    """A beheerder (logged in), a second beheerder and a medewerker."""
    add_account(
        unlocked, login=ANOUK, name="Anouk Yılmaz", role=Role.MEDEWERKER,
        password=ANOUK_PASSWORD, cost=FAST_KDF,
    )  # fmt: skip
    add_account(
        unlocked, login=BAS, name="Bas van 't Hart", role=Role.BEHEERDER,
        password=BAS_PASSWORD, cost=FAST_KDF,
    )  # fmt: skip
    return unlocked


def _outside(unlocked: Unlocked, *statements: tuple[str, tuple[object, ...]]) -> None:
    edit_outside(unlocked.store.path, unlocked.key, *statements)


def _again(unlocked: Unlocked, login: str, password: str) -> Unlocked:
    path = unlocked.store.path
    unlocked.close()
    return unlock(path, login, password)


def _account_id(unlocked: Unlocked, login: str) -> uuid.UUID:
    with unlocked.store.sessions() as session:
        return session.scalars(select(Account.id).where(Account.login == login)).one()


def _log_details(unlocked: Unlocked) -> list[str]:
    with unlocked.store.sessions() as session:
        return [
            e.detail for e in session.scalars(select(AccessLogEntry).order_by(AccessLogEntry.seq))
        ]


def test_a_new_database_signs_its_list_and_every_account_change_signs_it_again(
    team: Unlocked,
) -> None:
    assert team.roster is not None and team.roster.clean
    result = roster.review(team)
    assert result.clean and result.roster is not None
    assert {(e.login, e.role) for e in result.roster.entries} == {
        (TEST_LOGIN, Role.BEHEERDER),
        (ANOUK, Role.MEDEWERKER),
        (BAS, Role.BEHEERDER),
    }
    assert result.roster.version == 3  # created, then two accounts added
    assert result.roster.log_signed_from == 1  # the very first line of a new database
    bas = _again(team, BAS, BAS_PASSWORD)
    assert bas.actor.role is Role.BEHEERDER and bas.team_signing_key is not None
    assert bas.roster is not None and bas.roster.clean
    bas.close()


def test_a_medewerker_who_makes_herself_beheerder_in_the_file_gets_nothing(
    team: Unlocked,
) -> None:
    """The attack from the issue: UPDATE account SET role='beheerder', then the real app."""
    _outside(team, ("UPDATE account SET role = 'beheerder' WHERE login = ?", (ANOUK,)))
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    try:
        assert anouk.actor.role is Role.MEDEWERKER  # the lesser of list and table
        with pytest.raises(PermissionDenied):
            add_account(
                anouk, login="mallory", name="M", role=Role.BEHEERDER,
                password="mallory-wachtwoord", cost=FAST_KDF,
            )  # fmt: skip
        assert anouk.roster is not None and anouk.roster.tampered
        assert any(d.startswith("accountlijst klopt niet: anouk: rol") for d in _log_details(anouk))
    finally:
        anouk.close()
    beheer = unlock(anouk.store.path, TEST_LOGIN, TEST_PASSWORD)
    try:
        assert beheer.actor.role is Role.BEHEERDER  # the list still verifies: no one else loses
        found = roster.review(beheer)
        assert [(f.kind, f.login) for f in found.findings] == [(Difference.ROLE, ANOUK)]
        with pytest.raises(ListNotClean):  # no change signs a tampered table unseen
            deactivate_account(beheer, _account_id(beheer, BAS))
        roster.restore_signed(beheer)
        with beheer.store.sessions() as session:
            assert session.scalars(select(Account.role).where(Account.login == ANOUK)).one() is (
                Role.MEDEWERKER
            )
        assert roster.review(beheer).clean
    finally:
        beheer.close()


def _forge_list(unlocked: Unlocked, promote: str) -> None:
    """The insider writes a list of her own, signed with a key of her own."""
    with unlocked.store.sessions() as session:
        stored = json.loads(session.get_one(AppSetting, ROSTER_SETTING).value)
    body = json.loads(base64.b64decode(stored["body"]))
    for entry in body["accounts"]:
        if entry["login"] == promote:
            entry["role"] = "beheerder"
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    forged = json.dumps(
        {
            "body": base64.b64encode(raw).decode(),
            "signature": base64.b64encode(Ed25519PrivateKey.generate().sign(raw)).decode(),
        }
    )
    _outside(
        unlocked,
        ("UPDATE app_setting SET value = ? WHERE key = ?", (forged, ROSTER_SETTING)),
        ("UPDATE account SET role = 'beheerder' WHERE login = ?", (promote,)),
    )


def test_a_forged_list_leaves_everyone_medewerker_until_a_team_key_holder_signs_again(
    team: Unlocked, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    _forge_list(team, ANOUK)
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    assert anouk.actor.role is Role.MEDEWERKER
    assert anouk.roster is not None and anouk.roster.state is RosterState.UNVERIFIED
    window = MainController(anouk)
    qtbot.addWidget(window.window)
    window.after_login()
    assert any("klopt niet met de handtekening" in t for t in message_boxes.texts())
    anouk.close()

    # The beheerder works as a medewerker too, but holds the team key: the review opens at
    # login, and the Beheer menu offers only that.
    beheer = unlock(anouk.store.path, TEST_LOGIN, TEST_PASSWORD)
    assert beheer.actor.role is Role.MEDEWERKER and beheer.team_signing_key is not None
    controller = MainController(beheer)
    qtbot.addWidget(controller.window)
    menus = {
        a.text(): [x.text() for x in a.menu().actions()]  # type: ignore[union-attr]
        for a in controller.window.menuBar().actions()
        if a.menu() is not None
    }
    assert menus["B&eheer"] == ["Account&lijst controleren…"]
    seen: list[str] = []

    def sign(dialog: RosterReviewDialog) -> None:
        seen.append(dialog.restore.isEnabled())
        qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)

    on_modal(RosterReviewDialog, sign)
    controller.after_login()
    qtbot.waitUntil(lambda: bool(seen) and beheer.actor.role is Role.BEHEERDER, timeout=5000)
    assert seen == [False]  # nothing signed to go back to: the forged list is no list
    assert any("opnieuw" in t for t in message_boxes.texts())
    # Signed as it is now: the table said anouk is beheerder, and the reviewer saw that in
    # the dialog. What counts is that she still lacks the team key.
    beheer.close()
    anouk = unlock(beheer.store.path, ANOUK, ANOUK_PASSWORD)
    assert anouk.actor.role is Role.MEDEWERKER and anouk.team_signing_key is None
    anouk.close()


def test_a_beheerder_without_the_team_key_works_as_medewerker(team: Unlocked) -> None:
    keyring = Keyring.load(keyring_path(team.store.path))
    keyring.team_keys.pop(user_slot(BAS))
    keyring.save()
    bas = _again(team, BAS, BAS_PASSWORD)
    try:
        assert bas.actor.role is Role.MEDEWERKER
    finally:
        bas.close()


def test_a_key_planted_for_a_colleague_does_not_make_her_lines_trusted(team: Unlocked) -> None:
    """The insider adds her own public key to the beheerder's remembered keys and writes a
    line in the beheerder's name: the list does not vouch for that key."""
    insider = Ed25519PrivateKey.generate()
    beheer_id = team.actor.account_id
    with team.store.sessions() as session:
        row = session.get_one(AppSetting, f"tekensleutels:{beheer_id.hex}")
        keys = [*json.loads(row.value), base64.b64encode(public_bytes(insider)).decode()]
    _outside(
        team,
        (
            "UPDATE app_setting SET value = ? WHERE key = ?",
            (json.dumps(keys), f"tekensleutels:{beheer_id.hex}"),
        ),
    )
    seq = forge_log_line(team.store.path, team.key, beheer_id, TEST_LOGIN, insider)
    result = access.check_chain(team)
    assert result.unconfirmed is not None and result.unconfirmed.seq == seq
    assert result.unconfirmed.login == TEST_LOGIN
    found = roster.review(team)
    assert [(f.kind, f.login) for f in found.findings] == [(Difference.KEY, TEST_LOGIN)]


def test_stripping_every_signature_shows_against_the_lists_boundary(team: Unlocked) -> None:
    _outside(team, ("UPDATE access_log SET signature = ''", ()))
    result = access.check_chain(team)
    assert result.broken is not None
    assert (result.broken.seq, result.broken.problem) == (1, ChainProblem.UNSIGNED)


def test_switching_off_a_beheerder_renews_the_team_key_and_the_team_follows(
    team: Unlocked,
) -> None:
    old_team = Keyring.load(keyring_path(team.store.path)).team_public
    old_keyring = keyring_path(team.store.path).read_bytes()
    deactivate_account(team, _account_id(team, BAS))
    keyring = Keyring.load(keyring_path(team.store.path))
    assert keyring.team_public != old_team
    assert team.team_signing_key is not None
    assert public_bytes(team.team_signing_key) == keyring.team_public
    assert user_slot(BAS) not in keyring.team_holders()
    assert roster.review(team).clean  # signed again with the new key
    beheer = _again(team, TEST_LOGIN, TEST_PASSWORD)
    assert beheer.actor.role is Role.BEHEERDER
    beheer.close()
    # Anouk pinned the old team key: she follows the endorsement, and her slot pins the new.
    anouk = unlock(beheer.store.path, ANOUK, ANOUK_PASSWORD)
    assert anouk.roster is not None and anouk.roster.clean
    assert anouk.team_pin == keyring.team_public
    anouk.close()
    # Bas kept a copy of the old key file, and with it the old team key: a list he signs
    # with it (making himself the only beheerder) no longer counts.
    old_copy = keyring_path(beheer.store.path).with_name("oud.sleutels")
    old_copy.write_bytes(old_keyring)
    old = Keyring.load(old_copy)
    bas_keys = old.open_account(user_slot(BAS), BAS_PASSWORD)
    old_team_key = old.team_key(user_slot(BAS), bas_keys.sealing)
    assert old_team_key is not None and public_bytes(old_team_key) == old_team
    beheer = unlock(beheer.store.path, TEST_LOGIN, TEST_PASSWORD)
    with beheer.store.sessions.begin() as session:
        database_id = keyring.database_id
        assert database_id is not None
        roster_model.sign(session, old_team_key, database_id=database_id, signed_by=BAS)
    beheer = _again(beheer, TEST_LOGIN, TEST_PASSWORD)
    assert beheer.roster is not None and beheer.roster.state is RosterState.UNVERIFIED
    beheer.close()


def test_a_medewerkers_new_key_is_unconfirmed_until_a_beheerder_confirms_it(
    team: Unlocked,
) -> None:
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    report_own_password_leaked(anouk, ANOUK_PASSWORD, "nieuw-wachtwoord-anouk")
    anouk = _again(anouk, ANOUK, "nieuw-wachtwoord-anouk")  # a line signed with the new key
    chain = access.check_chain(anouk)
    assert chain.intact and chain.unconfirmed is not None and chain.unconfirmed.login == ANOUK
    anouk.close()
    beheer = unlock(anouk.store.path, TEST_LOGIN, TEST_PASSWORD)
    try:
        assert beheer.actor.role is Role.BEHEERDER  # a new key is no tampering
        with pytest.raises(ListNotClean):
            add_account(
                beheer, login="carla", name="Carla", role=Role.MEDEWERKER,
                password="carla-wachtwoord", cost=FAST_KDF,
            )  # fmt: skip
        roster.sign_as_is(beheer)
        chain = access.check_chain(beheer)
        assert chain.intact and chain.unconfirmed is None
    finally:
        beheer.close()


def test_a_list_removed_from_the_file_is_noticed(team: Unlocked) -> None:
    _outside(team, ("DELETE FROM app_setting WHERE key = ?", (ROSTER_SETTING,)))
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    try:
        assert anouk.roster is not None and anouk.roster.state is RosterState.UNVERIFIED
    finally:
        anouk.close()


def test_the_review_is_refused_without_the_team_key(team: Unlocked, tmp_path: Path) -> None:
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    try:
        assert not roster.may_review(anouk)
        with pytest.raises(PermissionError):
            roster.sign_as_is(anouk)
    finally:
        anouk.close()


def test_an_old_database_keeps_its_roles_until_its_first_team_key_signs_the_list(
    db_path: Path,
) -> None:
    """A format-1 database has no team key: its table counts. The beheerder's new recovery
    code makes the team key and signs the first list, with the keys of those converted."""
    make_format_1(
        db_path,
        [(TEST_LOGIN, Role.BEHEERDER, TEST_PASSWORD), (ANOUK, Role.MEDEWERKER, ANOUK_PASSWORD)],
    )
    anouk = unlock(db_path, ANOUK, ANOUK_PASSWORD)  # her slot converts
    assert anouk.roster is not None and anouk.roster.state is RosterState.ABSENT
    anouk.close()
    beheer = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    assert beheer.actor.role is Role.BEHEERDER
    assert beheer.roster is not None and beheer.roster.state is RosterState.ABSENT
    make_new_recovery_code(beheer)
    assert roster.review(beheer).clean
    beheer = _again(beheer, TEST_LOGIN, TEST_PASSWORD)
    assert beheer.actor.role is Role.BEHEERDER
    assert beheer.roster is not None and beheer.roster.clean
    beheer.close()
    anouk = unlock(db_path, ANOUK, ANOUK_PASSWORD)  # pins the team key she sees first
    try:
        assert anouk.actor.role is Role.MEDEWERKER
        assert anouk.roster is not None and anouk.roster.clean
    finally:
        anouk.close()


def test_a_team_key_holder_confirms_its_own_new_key_and_nothing_planted_beside_it(
    team: Unlocked,
) -> None:
    """Bas's key is missing from the list (his password was reset elsewhere) and the insider
    planted one more under his name: at his login his own key is signed in, the planted one
    stays unconfirmed."""
    bas_id = _account_id(team, BAS)
    assert team.team_signing_key is not None and team.keyring.database_id is not None
    with team.store.sessions.begin() as session:
        listed = roster.review(team).roster
        assert listed is not None
        without = tuple(
            dataclasses.replace(e, signing_keys=()) if e.account_id == bas_id else e
            for e in listed.entries
        )
        roster_model.sign(
            session,
            team.team_signing_key,
            database_id=team.keyring.database_id,
            signed_by=TEST_LOGIN,
            entries=without,
        )
    planted = base64.b64encode(public_bytes(Ed25519PrivateKey.generate())).decode()
    with team.store.sessions() as session:
        row = session.get_one(AppSetting, f"tekensleutels:{bas_id.hex}")
        keys = [*json.loads(row.value), planted]
    _outside(
        team,
        (
            "UPDATE app_setting SET value = ? WHERE key = ?",
            (json.dumps(keys), f"tekensleutels:{bas_id.hex}"),
        ),
    )
    bas = _again(team, BAS, BAS_PASSWORD)
    try:
        assert bas.actor.role is Role.BEHEERDER
        after = roster.review(bas)
        assert after.roster is not None
        entry = after.roster.entry(bas_id)
        assert entry is not None
        own = base64.b64encode(public_bytes(bas.signing_key)).decode()
        assert entry.signing_keys == (own,)
        assert [(f.kind, f.login) for f in after.findings] == [(Difference.KEY, BAS)]
    finally:
        bas.close()


def test_a_backup_with_a_colleagues_unconfirmed_key_still_restores(
    team: Unlocked, tmp_path: Path
) -> None:
    anouk = _again(team, ANOUK, ANOUK_PASSWORD)
    report_own_password_leaked(anouk, ANOUK_PASSWORD, "nieuw-wachtwoord-anouk")
    anouk = _again(anouk, ANOUK, "nieuw-wachtwoord-anouk")
    beheer = _again(anouk, TEST_LOGIN, TEST_PASSWORD)
    backup = make_backup(beheer, tmp_path / "kopie")
    restored = restore_backup(beheer, backup, TEST_PASSWORD)
    assert restored.checkpoint is not None
    beheer = unlock(beheer.store.path, TEST_LOGIN, TEST_PASSWORD)
    try:
        chain = access.check_chain(beheer)
        assert chain.intact and chain.unconfirmed is not None
        assert chain.unconfirmed.login == ANOUK
    finally:
        beheer.close()
