"""``export overzicht`` from the command line: a workbook read back, CSVs per table, and every
refusal in Dutch with an exit code that is not 0."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from desktop.cli import ENV_LOGIN, main
from desktop.session import Unlocked, unlock
from desktop.usecases.accounts import add_account
from desktop.verbs import export
from models.households import add_medewerker
from models.permissions import Role
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, TODAY
from tests.overview_fixture import build

MEDEWERKER = ("anouk-account", "anouk-wachtwoord-1")


@pytest.fixture
def db(unlocked: Unlocked, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with unlocked.store.sessions.begin() as session:
        build(session)
    add_account(
        unlocked,
        login=MEDEWERKER[0],
        name="Anouk Account",
        role=Role.MEDEWERKER,
        password=MEDEWERKER[1],
        cost=FAST_KDF,
    )
    unlocked.close()
    monkeypatch.setattr(export, "today", lambda: TODAY)
    return db_path


def verb(
    db: Path,
    *args: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    login: tuple[str, str] = (TEST_LOGIN, TEST_PASSWORD),
) -> tuple[int, str]:
    monkeypatch.setenv(ENV_LOGIN, login[0])
    monkeypatch.setattr(sys, "stdin", io.StringIO(login[1] + "\n"))
    code = main(["--db", str(db), "--wachtwoord-stdin", "export", "overzicht", *args])
    return code, capsys.readouterr().err


def test_a_workbook_with_one_sheet_per_table(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "overzicht.xlsx"
    code, err = verb(
        db, "--out", str(out), "--van", "01-09-2026", "--tot", "2026-11-25",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert f"opgeslagen in {out}" in err
    assert (out.stat().st_mode & 0o777) == 0o600
    sheets = pd.read_excel(out, sheet_name=None)
    assert len(sheets) == 15
    caseload = sheets["Caseload per regisseur"]
    assert list(caseload.columns) == ["Regisseur", "Open trajecten"]
    assert caseload.values.tolist() == [
        ["Bram de Boer", 4],
        ["Anouk Verbeek", 3],
        ["(geen regisseur)", 2],
    ]
    werkvoorraad = sheets["Werkvoorraad"]
    assert pd.api.types.is_datetime64_any_dtype(werkvoorraad["Aangemeld"])
    assert werkvoorraad["Aangemeld"].tolist() == [
        pd.Timestamp(2026, 9, 15),
        pd.Timestamp(2026, 10, 5),
        pd.Timestamp(2026, 11, 15),
    ]
    months = sheets["Trajecten per maand"]["Maand"].tolist()
    assert months == ["sep 2026", "okt 2026", "nov 2026"]
    book = openpyxl.load_workbook(out)
    assert {sheet.freeze_panes for sheet in book.worksheets} == {"A2"}


def test_the_default_period_and_one_team_member(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "anouk.xlsx"
    code, err = verb(
        db, "--out", str(out), "--medewerker", "  anouk  VERBEEK ",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    sheets = pd.read_excel(out, sheet_name=None)
    assert sheets["Caseload per regisseur"].values.tolist() == [["Anouk Verbeek", 3]]
    months = sheets["Trajecten per maand"]["Maand"].tolist()
    assert months[0] == "nov 2025" and months[-1] == "nov 2026" and len(months) == 13
    assert export.period(None, None, TODAY) == (date(2025, 11, 1), TODAY)


def test_csv_one_file_per_table_or_only_one(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "csv" / "overzicht.csv"
    code, err = verb(
        db, "--out", str(out), "--van", "01-09-2026", monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0, err
    written = sorted(p.name for p in out.parent.iterdir())
    assert len(written) == 15 and "overzicht-werkvoorraad.csv" in written
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.parent.iterdir())
    duur = pd.read_csv(
        out.parent / "overzicht-duur.csv", sep=";", decimal=",", encoding="utf-8-sig"
    )
    assert duur.values.tolist() == [[2, 367.5, 1, 50.0]]

    one = tmp_path / "werkvoorraad.csv"
    code, err = verb(
        db, "--out", str(one), "--tabel", "werkvoorraad", "--van", "01-09-2026",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    read = pd.read_csv(one, sep=";", decimal=",", encoding="utf-8-sig")
    assert read["Dagen wachtend"].tolist() == [71, 51, 10]
    assert not (tmp_path / "werkvoorraad-werkvoorraad.csv").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--van", "31-02-2026"), "--van '31-02-2026' is geen datum"),
        (("--tot", "morgen"), "--tot 'morgen' is geen datum"),
        (("--van", "01-12-2026", "--tot", "01-11-2026"), "--van (01-12-2026) ligt na --tot"),
        (("--medewerker", "Niemand Bekend"), "onbekende medewerker: Niemand Bekend"),
        (("--tabel", "bestaat_niet"), "onbekende tabel: bestaat_niet; kies uit caseload"),
    ],
)
def test_refusals_in_dutch(
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    said: str,
) -> None:
    out = tmp_path / "overzicht.csv"
    code, err = verb(db, "--out", str(out), *args, monkeypatch=monkeypatch, capsys=capsys)
    assert code != 0 and said in err, err
    assert list(tmp_path.glob("overzicht*")) == []


def test_an_unwritable_out_and_a_wrong_suffix_are_refused(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "een-bestand").write_text("geen map", encoding="utf-8")
    out = tmp_path / "een-bestand" / "overzicht.xlsx"
    code, err = verb(db, "--out", str(out), monkeypatch=monkeypatch, capsys=capsys)
    assert code != 0 and f"kan {out} niet schrijven" in err and "niets opgeslagen" in err, err
    code, err = verb(db, "--out", str(tmp_path / "o.pdf"), monkeypatch=monkeypatch, capsys=capsys)
    assert code != 0 and "--out moet eindigen op .xlsx of .csv" in err


def test_a_medewerker_is_refused_with_the_role_needed(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "overzicht.xlsx"
    code, err = verb(
        db, "--out", str(out), monkeypatch=monkeypatch, capsys=capsys, login=MEDEWERKER
    )
    assert code != 0
    assert "dit mag alleen een coördinator of een beheerder" in err, err
    assert not out.exists()


def test_two_team_members_with_one_name_are_not_guessed(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second 'Anouk Verbeek' (a namesake, or an old inactive entry): the verb does not
    pick one of them and print figures that may be someone else's."""
    unlocked = unlock(db, TEST_LOGIN, TEST_PASSWORD)
    try:
        with unlocked.store.sessions.begin() as session:
            add_medewerker(session, "Anouk Verbeek", "generalist")
    finally:
        unlocked.close()
    out = tmp_path / "anouk.xlsx"
    code, err = verb(
        db, "--out", str(out), "--medewerker", "Anouk Verbeek",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert code != 0 and "2 medewerkers heten Anouk Verbeek" in err, err
    assert not out.exists()
