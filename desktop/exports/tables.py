"""Overview tables to Excel and CSV through pandas: Dutch column names, dates as real dates,
a frozen header row (Excel), and the Dutch CSV conventions (';' between fields, ',' in
decimals, UTF-8 with a byte-order mark so Excel reads the accents).

Text is never taken for a formula (a household named ``=HYPERLINK(…)``, ``+31…`` or ``@x``):
in the workbook a text cell is always a string cell, its value unchanged; in a CSV, which
has no cell types, a text starting with = + - @ (or a tab or return) gets a leading ``'``,
the way spreadsheets themselves mark text (OWASP's advice on CSV injection)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

import pandas as pd

from models.overview_records import OverviewTable

SHEET_NAME_MAX = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def frame(table: OverviewTable) -> pd.DataFrame:
    """The table as a frame: dates as dates, numbers as numbers, empty as empty."""
    data = pd.DataFrame(list(table.rows), columns=[c.name for c in table.columns])
    for column in table.columns:
        if column.kind == "date":
            data[column.name] = pd.to_datetime(data[column.name])
        elif column.kind in ("int", "number", "percent"):
            data[column.name] = pd.to_numeric(data[column.name])
    return data


def sheet_name(title: str, taken: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub("-", title)[:SHEET_NAME_MAX]
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name


def workbook(tables: Sequence[OverviewTable], *, title: str, made_on: date) -> bytes:
    """One sheet per table, header row frozen and bold, columns wide enough to read."""
    out = io.BytesIO()
    taken: set[str] = set()
    with pd.ExcelWriter(out, engine="openpyxl", date_format="DD-MM-YYYY") as writer:
        for table in tables:
            name = sheet_name(table.title, taken)
            data = frame(table)
            data.to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
            sheet = writer.sheets[name]
            for index, column in enumerate(data.columns, start=1):
                values = [str(column), *(str(v) for v in data[column].head(200))]
                width = min(60, max(10, max(len(v) for v in values) + 2))
                sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
                kind = table.columns[index - 1].kind
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    if kind == "date":
                        cell.number_format = "DD-MM-YYYY"
                    elif kind == "text" and cell.data_type == "f":
                        cell.data_type = "s"  # openpyxl takes any text starting with = for one
        writer.book.properties.title = title
        writer.book.properties.created = pd.Timestamp(made_on).to_pydatetime()
    return out.getvalue()


def csv(table: OverviewTable) -> bytes:
    """One table as CSV the way Dutch Excel opens it."""
    data = frame(table)
    for column in table.columns:
        if column.kind == "text":
            data[column.name] = data[column.name].map(_not_a_formula)
    text: str = data.to_csv(
        index=False, sep=";", decimal=",", date_format="%d-%m-%Y", lineterminator="\r\n"
    )
    return text.encode("utf-8-sig")


def _not_a_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
