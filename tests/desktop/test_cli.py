"""The command line as a user runs it: help, demo data, screenshots, first start."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import app as desktop_app
from desktop.cli import main
from desktop.demo import DEMO_ACCOUNTS
from desktop.session import Unlocked, reset_password_with_recovery, unlock
from models import households as service
from models.permissions import Role
from views.login import FirstAdminDialog, RecoveryCodeDialog


def _open_demo(db: Path) -> Unlocked:
    login, password, _role, _name = DEMO_ACCOUNTS[0]
    return unlock(db, login, password)


def test_help_lists_the_verbs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for verb in ("gui", "demo", "screenshot", "--db"):
        assert verb in out


def test_demo_verb_makes_a_database_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--households", "25", "--db", str(db)]) == 0
    with _open_demo(db).store.sessions() as session:
        assert service.count_households(session) == 25
        assert len(service.list_medewerkers(session)) == 15
    assert main(["demo", "--households", "5", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "bestaat al" in err
    with _open_demo(db).store.sessions() as session:
        assert service.count_households(session) == 25
    assert main(["demo", "--households", "5", "--db", str(db), "--replace"]) == 0
    with _open_demo(db).store.sessions() as session:
        assert service.count_households(session) == 5


def test_demo_verb_rejects_nonsense_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--households", "0", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "minstens 1" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
    assert main(["demo", "--years", "0", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "--years moet tussen 1 en 10 liggen" in capsys.readouterr().err
    assert main(["demo", "--years", "11", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "--years moet tussen 1 en 10 liggen" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def test_screenshot_verb_names_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    main(["demo", "--households", "3", "--db", str(db)])
    assert main(["screenshot", "kelder", "--out", str(tmp_path / "x.png"), "--db", str(db)]) == 2
    assert "onbekend scherm" in capsys.readouterr().err
    assert (
        main(
            [
                "screenshot",
                "dossier",
                "--dossier",
                "1999-1",
                "--out",
                str(tmp_path / "x.png"),
                "--db",
                str(db),
            ]
        )
        == 2
    )
    assert "1999-1" in capsys.readouterr().err
    assert (
        main(
            [
                "screenshot",
                "dossier",
                "--out",
                str(tmp_path / "x.png"),
                "--db",
                str(tmp_path / "geen.sqlite"),
            ]
        )
        == 2
    )
    assert "bestaat niet" in capsys.readouterr().err


def test_first_start_with_demo_flag_opens_on_demo_data(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(desktop_app, "FIRST_START_DEMO_HOUSEHOLDS", 40)
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "anouk")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-medewerker-2026")
    db = tmp_path / "eerste.sqlite"
    assert main(["--db", str(db), "--demo", "--quit-after-load"]) == 0
    with _open_demo(db).store.sessions() as session:
        assert service.count_households(session) == 40


def test_first_start_without_database_creates_the_first_beheerder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    asked: list[Path] = []
    codes: list[str] = []
    monkeypatch.setattr(desktop_app, "_ask_first_start", lambda path: asked.append(path) or "empty")
    monkeypatch.setattr(
        FirstAdminDialog,
        "ask",
        classmethod(lambda cls, parent=None: ("Olga Timmer", "Olga", "een-lang-wachtwoord")),
    )
    monkeypatch.setattr(
        RecoveryCodeDialog,
        "show_code",
        classmethod(lambda cls, code, parent=None: codes.append(code)),
    )
    db = tmp_path / "leeg.sqlite"
    assert main(["--db", str(db), "--quit-after-load"]) == 0
    assert asked == [db] and len(codes) == 1 and len(codes[0]) == 35
    beheerder = unlock(db, "olga", "een-lang-wachtwoord")
    assert beheerder.actor.role is Role.BEHEERDER and beheerder.actor.name == "Olga Timmer"
    with beheerder.store.sessions() as session:
        assert service.count_households(session) == 0
    beheerder.close()
    # The recovery code, shown once, can set a new password for that beheerder.
    reset_password_with_recovery(db, codes[0].lower(), "olga", "nog-een-lang-wachtwoord")
    unlock(db, "olga", "nog-een-lang-wachtwoord").close()


def test_first_start_cancelled_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop_app, "_ask_first_start", lambda path: "cancel")
    db = tmp_path / "niet.sqlite"
    assert main(["--db", str(db)]) == 0
    assert not db.exists()


def test_gui_refuses_a_foreign_file_with_a_dutch_message(
    qtbot: QtBot, tmp_path: Path, message_boxes: object
) -> None:
    db = tmp_path / "brief.sqlite"
    db.write_text("Beste mevrouw,\n" * 40, encoding="utf-8")
    assert main(["--db", str(db)]) == 2
    assert "geen (leesbare) Teamtafel-database" in message_boxes.texts()[0]  # type: ignore[attr-defined]
    assert db.read_text(encoding="utf-8").startswith("Beste mevrouw")


def test_screenshot_and_backup_refuse_clearly_instead_of_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--households", "3", "--db", str(db)]) == 0
    capsys.readouterr()
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "anouk")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-medewerker-2026")
    out = tmp_path / "log.png"
    assert main(["screenshot", "toegangslog", "--out", str(out), "--db", str(db)]) == 2
    assert "dit mag alleen een beheerder" in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "beheer")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-beheer-2026")
    (tmp_path / "een-bestand").write_text("geen map", encoding="utf-8")
    nowhere = tmp_path / "een-bestand" / "x"
    assert main(["backup", "--out", str(nowhere), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "kan" in err and "niet schrijven" in err and "Traceback" not in err


def test_the_command_lines_own_words_are_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: teamtafel") and "opties:" in out and "toon deze hulp" in out
    assert "usage" not in out and "show this help" not in out
    with pytest.raises(SystemExit) as done:
        main(["demo", "--households", "veel"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "fout: --households verwacht een heel getal" in err and "error" not in err


def test_a_demo_killed_halfway_leaves_no_half_made_database(tmp_path: Path) -> None:
    """kill -9 while the demo is built: nothing at the target, and the next run just works."""
    import os
    import signal
    import subprocess
    import time

    from desktop.demo import work_path

    db = tmp_path / "demo.sqlite"
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db), "demo", "--households", "20000"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    deadline = time.monotonic() + 60
    while not work_path(db).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # halfway through generating the households
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert work_path(db).exists(), "the build had started"
    assert not db.exists() and not (tmp_path / "demo.sqlite.sleutels").exists()
    assert main(["demo", "--households", "5", "--db", str(db)]) == 0  # no --replace needed
    assert not work_path(db).exists()
    with _open_demo(db).store.sessions() as session:
        assert service.count_households(session) == 5


def test_toegangslog_tells_a_line_about_no_dossier_from_one_about_several(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A login names no dossier ('—'); a list printed for two households says so."""
    from desktop import app as desktop_app
    from desktop.demo import create_demo_database
    from desktop.session import unlock
    from desktop.usecases import households
    from desktop.usecases.base import output
    from models.permissions import AccessAction
    from models.records import HouseholdSort
    from tests.helpers import FAST_KDF

    db = tmp_path / "demo.sqlite"
    create_demo_database(db, 3, cost=FAST_KDF).close()
    beheer = unlock(db, "beheer", "demo-beheer-2026")
    rows = households.page(
        beheer,
        "",
        open_only=False,
        sort=HouseholdSort.DOSSIER,
        descending=False,
        offset=0,
        limit=2,
    )
    two = [row.id for row in rows]
    output(beheer, AccessAction.PRINT, two, detail="overleglijst")
    beheer.close()
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "beheer")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-beheer-2026")
    assert main(["--db", str(db), "toegangslog"]) == 0
    lines = capsys.readouterr().out.splitlines()
    printed = next(line for line in lines if "overleglijst" in line)
    login = next(line for line in lines if "Ingelogd" in line)
    assert "(2 dossiers)" in printed
    assert " — " in login and "(meerdere)" not in login


def test_toegangslog_says_whether_the_chain_holds_and_fails_when_it_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import app as desktop_app
    from desktop.demo import create_demo_database
    from tests.helpers import FAST_KDF, raw_connect

    db = tmp_path / "demo.sqlite"
    demo = create_demo_database(db, 3, cost=FAST_KDF)
    key = demo.key
    demo.close()
    monkeypatch.setenv(desktop_app.ENV_LOGIN, "beheer")
    monkeypatch.setenv(desktop_app.ENV_PASSWORD, "demo-beheer-2026")
    assert main(["--db", str(db), "toegangslog"]) == 0
    assert "onveranderd" in capsys.readouterr().err
    raw = raw_connect(db, key)
    raw.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    raw.execute("UPDATE access_log SET detail = 'niets' WHERE seq = 2")
    raw.commit()
    raw.close()
    assert main(["--db", str(db), "toegangslog"]) == 1
    captured = capsys.readouterr()
    assert "gewijzigd bij regel 2" in captured.err
    assert "niets" in captured.out  # the lines are still shown, for the beheerder to see


def test_screenshot_help_names_the_safety_screens(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["screenshot", "--help"])
    assert stopped.value.code == 0
    listed = capsys.readouterr().out.split("schermen:\n", 1)[1].split()
    for name in (
        "risicotaxatie",
        "meekijken",
        "meldcode",
        "afwegingskader",
        "veiligheidsplan",
        "signs-of-safety",
        "te-doen",
        "veiligheid",
    ):
        assert name in listed
