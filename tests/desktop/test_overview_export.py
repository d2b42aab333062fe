"""The overview's exports: written through the use case, read back with pandas and openpyxl,
logged with exactly the households they name, refused to a medewerker."""

from __future__ import annotations

import dataclasses
import io
import uuid
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from desktop.exports import tables as export
from desktop.session import Unlocked
from desktop.usecases import overview as usecase
from models.overview import Column, Overview, OverviewFilter, OverviewTable
from models.permissions import AccessAction, Actor, PermissionDenied, Role
from models.security import AccessLogEntry, AccessLogSubject
from tests.helpers import register
from tests.overview_fixture import END, START, Built, build


@pytest.fixture
def team(unlocked: Unlocked) -> Built:
    with unlocked.store.sessions.begin() as session:
        return build(session)


@pytest.fixture
def figures(unlocked: Unlocked, team: Built) -> Overview:
    return usecase.overview(unlocked, OverviewFilter(START, END))


def exports(unlocked: Unlocked) -> list[tuple[str, set[uuid.UUID]]]:
    with unlocked.store.sessions() as session:
        lines = session.scalars(
            select(AccessLogEntry).where(AccessLogEntry.action == AccessAction.EXPORT)
        ).all()
        return [
            (
                line.detail,
                set(
                    session.scalars(
                        select(AccessLogSubject.household_id).where(
                            AccessLogSubject.entry_id == line.id
                        )
                    )
                )
                or {line.household_id},
            )
            for line in lines
        ]


def assert_same(table: OverviewTable, read: pd.DataFrame) -> None:
    """The sheet or CSV holds the table: its Dutch column names, and every value."""
    assert list(read.columns) == [c.name for c in table.columns], table.key
    assert len(read) == len(table.rows), table.key
    for column in table.columns:
        if column.kind == "date":
            assert pd.api.types.is_datetime64_any_dtype(read[column.name]), column.name
    for row, (_index, got) in zip(table.rows, read.iterrows(), strict=True):
        for column, want, value in zip(table.columns, row, got, strict=True):
            if want is None:
                assert pd.isna(value), (table.key, column.name)
            elif isinstance(want, date):
                assert value == pd.Timestamp(want), (table.key, column.name)
            elif isinstance(want, int | float):
                assert float(value) == pytest.approx(float(want)), (table.key, column.name)
            else:
                assert str(value) == str(want), (table.key, column.name)


def test_the_workbook_reads_back_as_the_tables(
    unlocked: Unlocked, team: Built, figures: Overview, tmp_path: Path
) -> None:
    target = tmp_path / "uit" / "overzicht.xlsx"
    usecase.save(unlocked, usecase.workbook(unlocked, figures), target, detail="overzicht")

    assert (target.stat().st_mode & 0o777) == 0o600
    assert not target.with_name(target.name + ".deel").exists()
    sheets = pd.read_excel(target, sheet_name=None)
    assert len(sheets) == len(figures.tables)
    for table, (name, read) in zip(figures.tables, sheets.items(), strict=True):
        assert name == table.title[:31]
        assert_same(table, read)
    werkvoorraad = sheets["Werkvoorraad"]
    assert pd.api.types.is_datetime64_any_dtype(werkvoorraad["Aangemeld"])
    book = openpyxl.load_workbook(target)
    assert [sheet.freeze_panes for sheet in book.worksheets] == ["A2"] * len(figures.tables)
    assert book["Werkvoorraad"]["C2"].number_format == "DD-MM-YYYY"
    # the households named in it (the werkvoorraad), and only those, in one EXPORT line
    named = {team.households[k] for k in ("gerritsen", "de_wit", "jansen")}
    assert exports(unlocked) == [("overzicht", named)]


def test_a_csv_reads_back_with_dutch_separators(
    unlocked: Unlocked, team: Built, figures: Overview, tmp_path: Path
) -> None:
    for key in ("werkvoorraad", "wachttijd_contact", "duur", "zrm"):
        target = tmp_path / f"overzicht-{key}.csv"
        usecase.save(unlocked, usecase.table_csv(unlocked, figures, key), target, detail=key)
        assert (target.stat().st_mode & 0o777) == 0o600
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the accents
        table = figures.table(key)
        dates = [c.name for c in table.columns if c.kind == "date"]
        read = pd.read_csv(
            target,
            sep=";",
            decimal=",",
            encoding="utf-8-sig",
            parse_dates=dates,
            date_format="%d-%m-%Y",
        )
        assert_same(table, read)
    assert "9,5" in (tmp_path / "overzicht-wachttijd_contact.csv").read_text("utf-8-sig")
    # only the werkvoorraad names households; a table of counts is not logged
    named = {team.households[k] for k in ("gerritsen", "de_wit", "jansen")}
    assert exports(unlocked) == [("werkvoorraad", named)]


def test_a_medewerker_is_refused(unlocked: Unlocked, figures: Overview, tmp_path: Path) -> None:
    medewerker = dataclasses.replace(
        unlocked, actor=Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)
    )
    with pytest.raises(PermissionDenied):
        usecase.overview(medewerker, OverviewFilter(START, END))
    with pytest.raises(PermissionDenied):
        usecase.households_behind(medewerker, figures.table("werkvoorraad").households[0])
    with pytest.raises(PermissionDenied):
        usecase.workbook(medewerker, figures)
    with pytest.raises(PermissionDenied):
        usecase.table_csv(medewerker, figures, "werkvoorraad")
    made = usecase.workbook(unlocked, figures)
    with pytest.raises(PermissionDenied):
        usecase.save(medewerker, made, tmp_path / "x.xlsx", detail="overzicht")
    assert not (tmp_path / "x.xlsx").exists() and exports(unlocked) == []


def test_a_failed_write_logs_nothing(unlocked: Unlocked, figures: Overview, tmp_path: Path) -> None:
    (tmp_path / "een-bestand").write_text("geen map", encoding="utf-8")
    target = tmp_path / "een-bestand" / "overzicht.xlsx"
    with pytest.raises(OSError):
        usecase.save(unlocked, usecase.workbook(unlocked, figures), target, detail="overzicht")
    assert exports(unlocked) == []


def test_the_households_behind_a_figure(unlocked: Unlocked, team: Built, figures: Overview) -> None:
    (row,) = [
        h for r, h in zip(figures.table("caseload").rows, figures.table("caseload").households, strict=True)
        if r[0] == "(geen regisseur)"
    ]  # fmt: skip
    lines = usecase.households_behind(unlocked, row)
    assert {line.household_id for line in lines} == {
        team.households["de_wit"],
        team.households["gerritsen"],
    }
    assert [line.dossier_number for line in lines] == sorted(line.dossier_number for line in lines)
    assert all(line.regisseur == "" for line in lines)


FORMULA_LIKE = ('=HYPERLINK("http://example.org","klik")', "+31612345678", "-1", "@x")
ACCENTED = ("Yılmaz", "Nguyễn Thị Lan", "Zoë van 't Hart")


def test_names_survive_and_never_become_formulas(unlocked: Unlocked, tmp_path: Path) -> None:
    """A household named like a formula is text in Excel (a string cell, never a formula) and
    in the CSV (a leading quote, as spreadsheets take it); accents survive both ways."""
    with unlocked.store.sessions.begin() as session:
        for name in (*FORMULA_LIKE, *ACCENTED):
            register(session, name, registered_on=END - timedelta(days=3))
    figures = usecase.overview(unlocked, OverviewFilter(START, END))
    workbook, csv = tmp_path / "overzicht.xlsx", tmp_path / "werkvoorraad.csv"
    usecase.save(unlocked, usecase.workbook(unlocked, figures), workbook, detail="overzicht")
    made = usecase.table_csv(unlocked, figures, "werkvoorraad")
    usecase.save(unlocked, made, csv, detail="werkvoorraad")

    sheet = openpyxl.load_workbook(workbook)["Werkvoorraad"]
    cells = [cell for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2) for cell in row]
    assert sorted(c.value for c in cells) == sorted((*FORMULA_LIKE, *ACCENTED))
    assert {c.data_type for c in cells} == {"s"}
    read = pd.read_csv(csv, sep=";", decimal=",", encoding="utf-8-sig", dtype=str)
    assert sorted(read["Huishouden"]) == sorted((*(f"'{n}" for n in FORMULA_LIKE), *ACCENTED))


def test_numbers_are_not_taken_for_formulas() -> None:
    """Only text is escaped: a negative change stays a number in both files."""
    table = OverviewTable(
        "zrm",
        "ZRM",
        (Column("Domein"), Column("Verandering (gem.)", "number")),
        (("-Financiën", -1.5),),
        (frozenset(),),
    )
    sheet = openpyxl.load_workbook(
        io.BytesIO(export.workbook([table], title="t", made_on=END))
    ).active
    assert sheet is not None
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("-Financiën", "s")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (-1.5, "n")
    assert export.csv(table).decode("utf-8-sig").splitlines()[1] == "'-Financiën;-1,5"
