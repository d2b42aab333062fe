"""Privacy (issue 9): a removal leaves a trace, and it is the right one; the screenshot verb
never waits on a dialog that no one can see."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import ENV_LOGIN, ENV_PASSWORD
from desktop.demo import DEMO_ACCOUNTS, create_demo_database
from desktop.session import Unlocked
from desktop.usecases import households
from models.enums import MemberRole
from models.history import REMOVED, removed_values
from models.records import PersonDraft
from models.security import ChangeRecord
from tests.desktop.screen_that_asks import ASKING
from tests.helpers import FAST_KDF, TEST_LOGIN, register
from views.admin import HouseholdLogDialog


def test_a_removed_member_shows_in_the_dossier_log_and_the_correction_history(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
    households.add_member(
        unlocked, household_id, PersonDraft("Anna", "Bakker", MemberRole.OUDER, bsn="999990019")
    )
    (anna,) = households.dossier(unlocked, household_id).members
    households.remove_member(unlocked, anna.id)

    dialog = HouseholdLogDialog("Bakker", households.household_log(unlocked, household_id))
    qtbot.addWidget(dialog)
    newest = [dialog.table.item(0, column).text() for column in range(4)]
    assert newest[1:] == [TEST_LOGIN, "Gewijzigd", "gezinslid verwijderd"]  # who, what; no name

    with unlocked.store.sessions() as session:
        (removal,) = session.scalars(select(ChangeRecord).where(ChangeRecord.field == REMOVED))
        assert (removal.table_name, removal.record_id, removal.household_id, removal.login) == (
            "person",
            anna.id,
            household_id,
            TEST_LOGIN,
        )
        assert removed_values(removal.old_value)["last_name"] == "Bakker"
        assert "999990019" not in removal.old_value


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("zonder-scherm") / "demo.sqlite"
    create_demo_database(db, 3, cost=FAST_KDF).close()
    return db


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """A process of its own, with no display and no test fixture answering for it; a wait
    on a dialog shows as TimeoutExpired."""
    clean = {k: v for k, v in os.environ.items() if k not in (ENV_LOGIN, ENV_PASSWORD)}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_the_access_log_screen_refuses_a_medewerker_on_stderr(
    demo_db: Path, tmp_path: Path
) -> None:
    """Issue 9: as a medewerker, `screenshot toegangslog` hung on an invisible message box."""
    login, password, role, _name = DEMO_ACCOUNTS[2]
    assert role.value == "medewerker"
    out = tmp_path / "log.png"
    done = _run(
        ["main.py", "--db", str(demo_db), "screenshot", "toegangslog", "--out", str(out)],
        **{ENV_LOGIN: login, ENV_PASSWORD: password},
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("teamtafel: dit mag alleen een beheerder")
    assert "Traceback" not in done.stderr and not out.exists()


@pytest.mark.parametrize("how", sorted(ASKING))
def test_a_screen_that_asks_is_refused_not_awaited(demo_db: Path, tmp_path: Path, how: str) -> None:
    out = tmp_path / "vraagt.png"
    args = ["-m", "tests.desktop.screen_that_asks", how, "--db", str(demo_db), "--out", str(out)]
    done = _run(args)
    assert done.returncode == 2, done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("teamtafel: ")]
    assert "Traceback" not in done.stderr and not out.exists()
    assert (
        line
        == {
            "melding": "teamtafel: dit wacht op u",
            "formulier": "teamtafel: het venster 'Een formulier' wacht op een antwoord, en zonder "
            "beeldscherm kan niemand dat geven",
            "invoer": "teamtafel: het venster 'Teamtafel' wacht op een antwoord, en zonder "
            "beeldscherm kan niemand dat geven",
            "bevestigen": "teamtafel: doorgaan?",
            "later": "teamtafel: dit wacht ook op u",
        }[how]
    )
