"""Key file format 2 and key epochs: each attack on the key file, rerun as a test.

An old copy of the key file (a back-up's, a ``.voor-herstel`` copy, a stolen laptop's) must
not open the database once a new epoch began; a stale or foreign key file gets a Dutch
message, never a traceback; a key change a crash interrupted is finished at the next login.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from desktop import epochs
from desktop.app import login_message, recovery_message
from desktop.cli import main
from desktop.database import StoreError, StoreProblem, held_by_caller, keyed_connection
from desktop.keyring import (
    RECOVERY_SLOT,
    AccountBlocked,
    Keyring,
    WrongSecret,
    keyring_path,
    public_bytes,
    user_slot,
)
from desktop.lock import hold_for_rewrite
from desktop.session import (
    AccountDisabled,
    Throttle,
    Unlocked,
    create_database,
    database_key,
    open_first,
    reset_password_with_recovery,
    unlock,
)
from desktop.usecases.accounts import (
    add_account,
    change_own_password,
    deactivate_account,
    list_accounts,
    make_new_recovery_code,
    mark_password_leaked,
    report_own_password_leaked,
    reset_after_lost_laptop,
    set_temporary_password,
    waiting_for_conversion,
)
from models.enums import KeyState
from models.permissions import Role
from models.security import AppSetting
from tests.desktop.format_1 import RECOVERY_CODE, make_format_1
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
BAS, BAS_PASSWORD = "bas", "bas-wachtwoord-1"
KARIN, KARIN_PASSWORD = "karin", "karin-wachtwoord-1"
WRONG_KEY_FILE = "Het sleutelbestand hoort niet bij deze database"


class Team:
    """A database with a beheerder (tester), a medewerker (bas) and a coördinator (karin)."""

    def __init__(self, path: Path, code: str) -> None:
        self.path, self.code = path, code

    @property
    def keys(self) -> Path:
        return keyring_path(self.path)

    def login(self, login: str = TEST_LOGIN, password: str = TEST_PASSWORD) -> Unlocked:
        return unlock(self.path, login, password)

    def account_id(self, unlocked: Unlocked, login: str) -> object:
        return next(a.id for a in list_accounts(unlocked) if a.login == login)

    def copy_key_file(self, name: str = "oud.sleutels") -> Path:
        copy = self.path.with_name(name)
        shutil.copyfile(self.keys, copy)
        return copy

    def with_key_file(self, copy: Path) -> Path:
        """A copy of the current database beside an (old) key file: what an attacker holds."""
        folder = self.path.parent / "aanvaller"
        folder.mkdir(exist_ok=True)
        target = folder / self.path.name
        shutil.copyfile(self.path, target)
        shutil.copyfile(copy, keyring_path(target))
        return target


def make_team(path: Path) -> Team:
    beheerder, code = create_database(
        path, name="Tessa Tester", login=TEST_LOGIN, password=TEST_PASSWORD, cost=FAST_KDF
    )
    for login, role, password in (
        (BAS, Role.MEDEWERKER, BAS_PASSWORD),
        (KARIN, Role.COORDINATOR, KARIN_PASSWORD),
    ):
        add_account(
            beheerder,
            login=login,
            name=login.title(),
            role=role,
            password=password,
            cost=FAST_KDF,
        )
    beheerder.close()
    return Team(path, code)


@pytest.fixture
def team(db_path: Path) -> Team:
    return make_team(db_path)


@pytest.fixture
def beheerder(team: Team) -> Iterator[Unlocked]:
    opened = team.login()
    yield opened
    opened.close()


def _message(path: Path, login: str, password: str) -> str | None:
    result: list[Unlocked] = []
    message = login_message(path, Throttle(), login, password, result)
    for opened in result:
        opened.close()
    return message


def _stored_identity(unlocked: Unlocked) -> tuple[str | None, int | None]:
    with unlocked.store.sessions() as session:
        return epochs.read_identity(session)


# ----------------------------------------------------------------------------- format 2


def test_key_file_holds_key_pairs_and_sealed_keys_and_no_secret(
    team: Team, beheerder: Unlocked
) -> None:
    data = json.loads(team.keys.read_text(encoding="utf-8"))
    assert data["format"] == 2 and data["epoch"]["number"] == 1 and data["pending"] is None
    names = {user_slot(TEST_LOGIN), user_slot(BAS), user_slot(KARIN)}
    assert set(data["accounts"]) == names
    assert set(data["epoch"]["keys"]) == names | {RECOVERY_SLOT}
    # The team key goes to the beheerder and the recovery key only.
    assert set(data["team_keys"]) == {user_slot(TEST_LOGIN), RECOVERY_SLOT}
    assert _stored_identity(beheerder) == (data["database_id"], 1)
    text = team.keys.read_text(encoding="utf-8")
    for secret in (TEST_PASSWORD, BAS_PASSWORD, team.code, beheerder.key.hex()):
        assert secret not in text
    import base64

    assert base64.b64encode(beheerder.key).decode() not in text


def test_unlocked_holds_its_signing_key_and_the_team_key_only_for_a_beheerder(
    team: Team, beheerder: Unlocked
) -> None:
    keyring = Keyring.load(team.keys)
    assert keyring.team_public is not None
    own = keyring.accounts[user_slot(TEST_LOGIN)]
    assert public_bytes(beheerder.signing_key) == own.signing_public
    assert beheerder.team_signing_key is not None
    assert public_bytes(beheerder.team_signing_key) == keyring.team_public
    assert beheerder.team_pin == keyring.team_public
    signature = beheerder.team_signing_key.sign(b"accountlijst")
    assert beheerder.pinned_team_public is not None
    beheerder.pinned_team_public.verify(signature, b"accountlijst")  # raises when it does not

    bas = team.login(BAS, BAS_PASSWORD)
    assert bas.team_signing_key is None
    assert bas.team_pin == keyring.team_public
    assert public_bytes(bas.signing_key) == keyring.accounts[user_slot(BAS)].signing_public
    assert bas.signing_key.public_key() != beheerder.signing_key.public_key()
    bas.close()


@pytest.mark.log_warnings
def test_a_team_key_swapped_in_the_key_file_is_not_taken(team: Team) -> None:
    """The attack: whoever can write the key file puts in a team key of their own, sealed to
    the beheerder. The beheerder's own wrapped slot pins the real one."""
    real = Keyring.load(team.keys).team_public
    keyring = Keyring.load(team.keys)
    forged = Ed25519PrivateKey.generate()
    keyring.team_public = public_bytes(forged)
    keyring.give_team_key(user_slot(TEST_LOGIN), forged)
    keyring.save()
    opened = team.login()
    assert opened.team_signing_key is None
    assert opened.team_pin == real
    opened.close()
    bas = team.login(BAS, BAS_PASSWORD)
    assert bas.team_pin == real  # the pin was set when the account was made, not now
    bas.close()


def test_key_file_is_written_readable_by_its_owner_only(team: Team, beheerder: Unlocked) -> None:
    old = os.umask(0o022)
    try:
        assert team.keys.stat().st_mode & 0o777 == 0o600
        change_own_password(beheerder, TEST_PASSWORD, "nieuw-wachtwoord-22")
        assert team.keys.stat().st_mode & 0o777 == 0o600
        deactivate_account(beheerder, team.account_id(beheerder, BAS))
        assert team.keys.stat().st_mode & 0o777 == 0o600
        # A temporary file an interrupted save left with a wider mode does not widen the next.
        leftover = team.keys.with_name(team.keys.name + ".nieuw")
        leftover.write_text("{}", encoding="utf-8")
        leftover.chmod(0o644)
        change_own_password(beheerder, "nieuw-wachtwoord-22", TEST_PASSWORD)
        assert team.keys.stat().st_mode & 0o777 == 0o600
        assert not leftover.exists()
    finally:
        os.umask(old)


# ----------------------------------------------------------------------------- epochs


def test_switching_off_shuts_out_an_old_copy_of_the_key_file(
    team: Team, beheerder: Unlocked
) -> None:
    """The attack: bas keeps a copy of the key file (every back-up holds one), is switched off,
    and opens the current database with his copy and his password."""
    kept = team.copy_key_file()
    old_key = database_key(Keyring.load(kept), BAS, BAS_PASSWORD)
    done = deactivate_account(beheerder, team.account_id(beheerder, BAS))
    assert done.epoch == 2 and done.recovery_code is None and done.blocked == ()
    assert beheerder.epoch == 2 and beheerder.key != old_key
    assert _stored_identity(beheerder)[1] == 2

    stolen = team.with_key_file(kept)
    with pytest.raises(StoreError) as refused:
        unlock(stolen, BAS, BAS_PASSWORD)
    assert refused.value.problem is StoreProblem.WRONG_KEY_FILE
    message = _message(stolen, BAS, BAS_PASSWORD)
    assert message is not None and message.startswith(WRONG_KEY_FILE)
    # Outside the app too: the key his copy gives does not decrypt the current file.
    raw = keyed_connection(stolen, old_key)
    with pytest.raises(sqlcipher.DatabaseError):
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    raw.close()
    # With the current key file he has no slot; the others all get in, the recovery code too.
    with pytest.raises(WrongSecret):
        team.login(BAS, BAS_PASSWORD)
    team.login(KARIN, KARIN_PASSWORD).close()
    assert beheerder.verify_password(TEST_PASSWORD)  # the lock screen
    beheerder.close()
    reset_password_with_recovery(team.path, team.code, TEST_LOGIN, "na-herstel-wachtwoord")
    team.login(TEST_LOGIN, "na-herstel-wachtwoord").close()


def test_the_key_file_in_an_old_back_up_opens_nothing_of_the_current_database(
    team: Team, beheerder: Unlocked
) -> None:
    """The same attack with the key file every back-up carries."""
    import zipfile

    from desktop.usecases.backup import KEYS_NAME, make_backup

    backup = make_backup(beheerder, team.path.parent / "kopie")
    deactivate_account(beheerder, team.account_id(beheerder, BAS))
    with zipfile.ZipFile(backup) as bundle:
        bundle.extract(KEYS_NAME, team.path.parent / "uitgepakt")
    stolen = team.with_key_file(team.path.parent / "uitgepakt" / KEYS_NAME)
    for login, password in ((BAS, BAS_PASSWORD), (KARIN, KARIN_PASSWORD)):
        message = _message(stolen, login, password)
        assert message is not None and message.startswith(WRONG_KEY_FILE)


def test_the_command_line_says_so_too(
    team: Team,
    beheerder: Unlocked,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kept = team.copy_key_file()
    deactivate_account(beheerder, team.account_id(beheerder, BAS))
    stolen = team.with_key_file(kept)
    monkeypatch.setenv("TEAMTAFEL_GEBRUIKER", BAS)
    monkeypatch.setattr("sys.stdin", io.StringIO(BAS_PASSWORD + "\n"))  # a real database
    arguments = ["--db", str(stolen), "--wachtwoord-stdin", "backup"]
    assert main([*arguments, "--out", str(team.path.parent / "b")]) == 2
    assert WRONG_KEY_FILE in capsys.readouterr().err


def test_an_interrupted_switch_off_says_uitgeschakeld_and_is_finished_at_the_next_login(
    team: Team, beheerder: Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale key file (the key unchanged, the slot still there) for a switched-off account:
    a Dutch message, not 'Cannot operate on a closed database'."""

    class Crash(Exception):
        pass

    def crash(name: str) -> None:
        if name == "switched-off":
            raise Crash

    monkeypatch.setattr(epochs, "step", crash)
    with pytest.raises(Crash):
        deactivate_account(beheerder, team.account_id(beheerder, BAS))
    beheerder.close()
    monkeypatch.undo()
    assert user_slot(BAS) in Keyring.load(team.keys).accounts
    with pytest.raises(AccountDisabled):
        team.login(BAS, BAS_PASSWORD)
    assert _message(team.path, BAS, BAS_PASSWORD) == (
        "Dit account is uitgeschakeld. Vraag de beheerder van uw team."
    )
    kept = team.copy_key_file()
    karin = team.login(KARIN, KARIN_PASSWORD)  # finishes the key change
    assert karin.epoch == 2 and user_slot(BAS) not in karin.keyring.slot_names()
    karin.close()
    assert _message(team.with_key_file(kept), BAS, BAS_PASSWORD).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]


def test_a_password_reported_leaked_by_a_beheerder_blocks_the_slot_until_a_temporary_one(
    team: Team, beheerder: Unlocked
) -> None:
    kept = team.copy_key_file()
    bas_id = team.account_id(beheerder, BAS)
    done = mark_password_leaked(beheerder, bas_id)
    assert done.epoch == 2
    states = {a.login: (a.active, a.key_state) for a in list_accounts(beheerder)}
    assert states[BAS] == (True, KeyState.BLOCKED)
    # The one who learned bas's password, with an old copy of the key file: refused.
    assert _message(team.with_key_file(kept), BAS, BAS_PASSWORD).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]
    with pytest.raises(AccountBlocked):
        team.login(BAS, BAS_PASSWORD)
    assert "tijdelijk wachtwoord" in (_message(team.path, BAS, BAS_PASSWORD) or "")

    set_temporary_password(beheerder, bas_id, "tijdelijk-1234", cost=FAST_KDF)
    states = {a.login: (a.active, a.key_state) for a in list_accounts(beheerder)}
    assert states[BAS] == (True, KeyState.TEMPORARY)
    with pytest.raises(WrongSecret):
        team.login(BAS, BAS_PASSWORD)
    bas = team.login(BAS, "tijdelijk-1234")
    assert bas.temporary_password and bas.epoch == 2
    change_own_password(bas, "tijdelijk-1234", "eigen-wachtwoord-bas")
    assert not bas.temporary_password
    bas.close()
    again = team.login(BAS, "eigen-wachtwoord-bas")
    assert not again.temporary_password
    again.close()


def test_a_temporary_password_for_a_beheerder_carries_the_team_key(
    team: Team, beheerder: Unlocked
) -> None:
    olga = add_account(
        beheerder,
        login="olga",
        name="Olga",
        role=Role.BEHEERDER,
        password="olga-wachtwoord-1",
        cost=FAST_KDF,
    )
    opened = team.login("olga", "olga-wachtwoord-1")
    assert opened.team_signing_key is not None
    opened.close()
    mark_password_leaked(beheerder, olga)
    set_temporary_password(beheerder, olga, "tijdelijk-olga-1", cost=FAST_KDF)
    opened = team.login("olga", "tijdelijk-olga-1")
    assert opened.team_signing_key is not None and opened.team_pin == beheerder.team_pin
    opened.close()


def test_own_password_reported_leaked_gives_new_keys_and_a_new_epoch(
    team: Team, beheerder: Unlocked
) -> None:
    kept = team.copy_key_file()
    bas = team.login(BAS, BAS_PASSWORD)
    before = public_bytes(bas.signing_key)
    with pytest.raises(WrongSecret):
        report_own_password_leaked(bas, "verkeerd-wachtwoord", "nieuw-bas-wachtwoord")
    done = report_own_password_leaked(bas, BAS_PASSWORD, "nieuw-bas-wachtwoord")
    assert done.epoch == 2 and done.recovery_code is None
    assert public_bytes(bas.signing_key) != before
    assert bas.verify_password("nieuw-bas-wachtwoord")
    assert not bas.verify_password(BAS_PASSWORD)
    bas.close()
    with pytest.raises(WrongSecret):
        team.login(BAS, BAS_PASSWORD)
    team.login(BAS, "nieuw-bas-wachtwoord").close()
    assert _message(team.with_key_file(kept), BAS, BAS_PASSWORD).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]
    beheerder.close()
    team.login().close()


def test_a_new_recovery_code_stops_the_old_one(team: Team, beheerder: Unlocked) -> None:
    kept = team.copy_key_file()
    done = make_new_recovery_code(beheerder)
    assert done.epoch == 2 and done.recovery_code and done.recovery_code != team.code
    with pytest.raises(WrongSecret):
        reset_password_with_recovery(team.path, team.code, TEST_LOGIN, "na-herstel-wachtwoord")
    # The old code with the old key file it belongs to: refused too.
    stolen = team.with_key_file(kept)
    assert recovery_message(
        stolen, Throttle(), team.code, TEST_LOGIN, "na-herstel-wachtwoord"
    ).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]
    beheerder.close()
    reset_password_with_recovery(team.path, done.recovery_code, TEST_LOGIN, "na-herstel-wachtwoord")
    opened = team.login(TEST_LOGIN, "na-herstel-wachtwoord")
    assert opened.team_signing_key is not None  # the new recovery key holds the team key
    opened.close()


def test_after_a_lost_laptop_its_key_file_opens_nothing(team: Team, beheerder: Unlocked) -> None:
    laptop = team.copy_key_file("laptop.sleutels")
    done = reset_after_lost_laptop(beheerder)
    assert done.epoch == 2 and done.recovery_code
    stolen = team.with_key_file(laptop)
    for login, password in ((TEST_LOGIN, TEST_PASSWORD), (BAS, BAS_PASSWORD)):
        assert _message(stolen, login, password).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]
    # Everyone at the office still gets in.
    for login, password in ((BAS, BAS_PASSWORD), (KARIN, KARIN_PASSWORD)):
        team.login(login, password).close()


def test_a_key_file_of_another_database_is_refused(team: Team, tmp_path: Path) -> None:
    other = make_team(tmp_path / "ander" / "teamtafel.sqlite")
    foreign = team.with_key_file(other.keys)
    assert _message(foreign, TEST_LOGIN, TEST_PASSWORD).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]


def test_a_copy_that_went_its_own_way_is_told_by_its_database_id(team: Team) -> None:
    """Same key, another database id (two copies converted apart): refused all the same."""
    opened = team.login()
    with opened.store.sessions.begin() as session:
        session.get(AppSetting, epochs.DATABASE_ID).value = "0" * 32  # type: ignore[union-attr]
    opened.close()
    assert _message(team.path, TEST_LOGIN, TEST_PASSWORD).startswith(WRONG_KEY_FILE)  # type: ignore[union-attr]


# ----------------------------------------------------------------------------- crashes


STEPS = ("switched-off", "locked", "pending-written", "closed", "rekeyed", "epoch-stored", "done")


def _recovery_opens(team: Team) -> bool:
    """Does the recovery code still open the database? (Without setting a password.)"""
    keyring = Keyring.load(team.keys)
    private, _pin = keyring.open_recovery(team.code)
    keys = keyring.database_keys(RECOVERY_SLOT, private)
    store, _epoch, _key = open_first(team.path, keys, user="herstel", hold=held_by_caller)
    store.close()
    return True


def test_a_key_change_killed_at_any_step_still_lets_the_team_in(tmp_path: Path) -> None:
    """Kill the process between every two steps of a switch-off's key change: afterwards every
    remaining password and the recovery code open the database, bas's old key file does not."""
    template = make_team(tmp_path / "sjabloon" / "teamtafel.sqlite")
    runs: list[tuple[str, Team, Path]] = []
    for where in STEPS:
        folder = tmp_path / where
        folder.mkdir()
        copy = Team(folder / template.path.name, template.code)
        shutil.copyfile(template.path, copy.path)
        shutil.copyfile(template.keys, copy.keys)
        runs.append((where, copy, copy.copy_key_file()))
    pairs = [str(arg) for where, copy, _kept in runs for arg in (copy.path, where)]
    done = subprocess.run(
        [sys.executable, "-m", "tests.desktop.rekey_killed", BAS, *pairs],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.split() == ["9"] * len(STEPS), done.stderr
    for where, copy, kept in runs:
        # The first login finishes what was begun, taking over the lock the dead one left.
        karin = unlock(copy.path, KARIN, KARIN_PASSWORD, hold=hold_for_rewrite)
        assert karin.epoch == 2 and Keyring.load(copy.keys).pending is None, where
        assert _stored_identity(karin)[1] == 2, where
        karin.close()
        copy.login().close()
        assert user_slot(BAS) not in Keyring.load(copy.keys).slot_names(), where
        message = _message(copy.with_key_file(kept), BAS, BAS_PASSWORD)
        assert message is not None and message.startswith(WRONG_KEY_FILE), where
        assert _recovery_opens(copy), where


def test_the_database_is_reached_through_the_pending_key_when_the_rekey_ran(team: Team) -> None:
    """Between the rekey and the key file's promotion only the pending key opens the file."""
    opened = team.login()
    keyring = Keyring.load(team.keys)
    new_key = os.urandom(32)
    keyring.pending = keyring.sealed_epoch(2, new_key)
    keyring.save()
    opened.store.rekey(new_key)
    opened.close()
    bas = team.login(BAS, BAS_PASSWORD)
    assert bas.key == new_key and bas.epoch == 2
    assert Keyring.load(team.keys).pending is None
    bas.close()


# ----------------------------------------------------------------------------- format 1


FORMAT_1_ACCOUNTS = [
    (TEST_LOGIN, Role.BEHEERDER, TEST_PASSWORD),
    (BAS, Role.MEDEWERKER, BAS_PASSWORD),
]


def test_a_format_1_database_converts_slot_by_slot_at_each_login(db_path: Path) -> None:
    key = make_format_1(db_path, FORMAT_1_ACCOUNTS)
    bas = unlock(db_path, BAS, BAS_PASSWORD)  # a medewerker first: no team key yet
    assert bas.key == key and bas.team_signing_key is None and bas.pinned_team_public is None
    database_id, epoch = _stored_identity(bas)
    bas.close()
    keyring = Keyring.load(keyring_path(db_path))
    assert keyring.database_id == database_id and epoch == 1
    assert set(keyring.accounts) == {user_slot(BAS)}
    assert keyring.legacy_logins() == [user_slot(TEST_LOGIN)]
    assert RECOVERY_SLOT in keyring.legacy and keyring.team_public is None

    beheerder = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    assert beheerder.key == key and beheerder.team_signing_key is None
    assert waiting_for_conversion(beheerder) == []
    assert beheerder.keyring.recovery_outdated
    beheerder.close()
    keyring = Keyring.load(keyring_path(db_path))
    assert set(keyring.accounts) == {user_slot(BAS), user_slot(TEST_LOGIN)}
    assert not keyring.legacy_logins() and keyring.team_public is None

    # The recovery code converts when it is used, and the team key is made with it.
    reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "na-herstel-wachtwoord")
    keyring = Keyring.load(keyring_path(db_path))
    assert keyring.recovery is not None and RECOVERY_SLOT not in keyring.legacy
    assert RECOVERY_SLOT in keyring.epoch.keys and not keyring.recovery_outdated
    beheerder = unlock(db_path, TEST_LOGIN, "na-herstel-wachtwoord")
    assert beheerder.team_signing_key is not None
    assert beheerder.team_pin == keyring.team_public
    beheerder.close()
    bas = unlock(db_path, BAS, BAS_PASSWORD)  # pins the team key it now first sees
    assert bas.team_pin == keyring.team_public and bas.team_signing_key is None
    bas.close()
    reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "nog-een-wachtwoord")
    beheerder = unlock(db_path, TEST_LOGIN, "nog-een-wachtwoord")
    assert beheerder.team_signing_key is not None
    beheerder.close()


def test_a_new_recovery_code_on_a_format_1_database_brings_the_team_key(db_path: Path) -> None:
    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    beheerder = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    done = make_new_recovery_code(beheerder)
    assert done.recovery_code and done.blocked == (BAS,)
    assert beheerder.team_signing_key is not None
    beheerder.close()
    keyring = Keyring.load(keyring_path(db_path))
    assert set(keyring.team_keys) == {user_slot(TEST_LOGIN), RECOVERY_SLOT}
    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)  # pins it now
    assert again.team_signing_key is not None and again.team_pin == keyring.team_public
    again.close()
    reset_password_with_recovery(db_path, done.recovery_code, TEST_LOGIN, "na-herstel-1")
    restored = unlock(db_path, TEST_LOGIN, "na-herstel-1")
    assert restored.team_signing_key is not None
    restored.close()


def test_an_account_not_converted_before_a_key_change_needs_a_temporary_password(
    db_path: Path,
) -> None:
    make_format_1(db_path, [*FORMAT_1_ACCOUNTS, (KARIN, Role.COORDINATOR, KARIN_PASSWORD)])
    beheerder = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    assert waiting_for_conversion(beheerder) == [BAS, KARIN]
    karin = next(a.id for a in list_accounts(beheerder) if a.login == KARIN)
    states = {a.login: a.key_state for a in list_accounts(beheerder)}
    assert states[BAS] is KeyState.OLD_FORMAT
    done = deactivate_account(beheerder, karin)
    # bas could not follow; the format-1 recovery code neither, so a new one came with it.
    assert done.blocked == (BAS,) and done.recovery_code
    with pytest.raises(AccountBlocked):
        unlock(db_path, BAS, BAS_PASSWORD)
    with pytest.raises(WrongSecret):
        reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "na-herstel-wachtwoord")
    bas_id = next(a.id for a in list_accounts(beheerder) if a.login == BAS)
    set_temporary_password(beheerder, bas_id, "tijdelijk-1234", cost=FAST_KDF)
    beheerder.close()
    unlock(db_path, BAS, "tijdelijk-1234").close()
    reset_password_with_recovery(db_path, done.recovery_code, TEST_LOGIN, "na-herstel-wachtwoord")


def test_a_medewerker_key_change_drops_a_format_1_recovery_code(db_path: Path) -> None:
    make_format_1(db_path, [*FORMAT_1_ACCOUNTS, (KARIN, Role.COORDINATOR, KARIN_PASSWORD)])
    unlock(db_path, TEST_LOGIN, TEST_PASSWORD).close()  # a beheerder with a way in
    bas = unlock(db_path, BAS, BAS_PASSWORD)
    done = report_own_password_leaked(bas, BAS_PASSWORD, "nieuw-bas-wachtwoord")
    assert done.recovery_code is None and done.blocked == (KARIN,)
    assert bas.keyring.recovery_missing
    bas.close()


def test_no_key_change_leaves_the_team_without_a_beheerder(db_path: Path) -> None:
    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    bas = unlock(db_path, BAS, BAS_PASSWORD)
    with pytest.raises(epochs.NoWayIn):
        report_own_password_leaked(bas, BAS_PASSWORD, "nieuw-bas-wachtwoord")
    bas.close()
    keyring = Keyring.load(keyring_path(db_path))
    assert keyring.pending is None and keyring.epoch.number == 1
    unlock(db_path, BAS, BAS_PASSWORD).close()
    reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "na-herstel-1")


def test_sealed_keys_are_bound_to_their_slot(team: Team) -> None:
    """A sealed copy moved to another slot's name does not open (associated data)."""
    keyring = Keyring.load(team.keys)
    keyring.epoch.keys[user_slot(BAS)] = keyring.epoch.keys[user_slot(KARIN)]
    keyring.save()
    from desktop.keyring import KeyringError

    with pytest.raises(KeyringError):
        team.login(BAS, BAS_PASSWORD)


def test_recovery_code_must_still_match_after_the_format_1_code_is_converted(
    db_path: Path,
) -> None:
    make_format_1(db_path, FORMAT_1_ACCOUNTS)
    with pytest.raises(WrongSecret):
        reset_password_with_recovery(
            db_path, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", TEST_LOGIN, "na-herstel-wachtwoord"
        )
    reset_password_with_recovery(db_path, RECOVERY_CODE.lower(), TEST_LOGIN, "na-herstel-1")
    with pytest.raises(WrongSecret):
        reset_password_with_recovery(
            db_path, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", TEST_LOGIN, "na-herstel-wachtwoord"
        )
    reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "na-herstel-2")
    unlock(db_path, TEST_LOGIN, "na-herstel-2").close()
    with pytest.raises(WrongSecret):
        unlock(db_path, TEST_LOGIN, TEST_PASSWORD)


def test_a_stale_format_1_slot_is_shut_out_at_login_without_a_code_nobody_sees(
    db_path: Path,
) -> None:
    """An old format-1 key file still holding the slot of an account switched off since: the
    next login changes the key. No recovery code is made there (no one would see it); the
    old one stops, and a beheerder is told (test_key_menus)."""
    from desktop.database import open_store
    from models.security import Account

    key = make_format_1(db_path, FORMAT_1_ACCOUNTS)
    store = open_store(db_path, key)
    with store.sessions.begin() as session:
        account = session.scalars(select(Account).where(Account.login == BAS)).one()
        account.active = False
    store.close()
    with pytest.raises(AccountDisabled):
        unlock(db_path, BAS, BAS_PASSWORD)
    beheerder = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    assert beheerder.epoch == 2 and beheerder.key != key
    assert beheerder.keyring.recovery_missing and beheerder.keyring.recovery is None
    assert user_slot(BAS) not in beheerder.keyring.slot_names()
    beheerder.close()
    with pytest.raises(WrongSecret):
        reset_password_with_recovery(db_path, RECOVERY_CODE, TEST_LOGIN, "na-herstel-1")
