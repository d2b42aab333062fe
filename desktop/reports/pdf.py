"""Shared building blocks for every PDF Teamtafel makes (reportlab platypus).

A page with "Vertrouwelijk" in the header and "pagina x van y" in the footer, the
shipped DejaVu Sans (so Yılmaz, Nguyễn Thị Lan and Çelik print the same on every
computer), title, heading and body styles, a table of fields and a data table whose
header row repeats on every page. Everything is built in memory: nothing is written
to disk here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from models.wording import NOTHING, date_text

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE = A4
MARGIN = 18 * mm
WIDTH = PAGE[0] - 2 * MARGIN  # the width a flowable may take
CONFIDENTIAL = "Vertrouwelijk"
EMPTY = "Niets vastgelegd."

_HEADER_FILL = colors.HexColor("#e8edf3")
_GRID = colors.HexColor("#b0b8c4")
_GREY = colors.HexColor("#5a6270")


@cache
def register_fonts() -> tuple[str, str]:
    """Load the shipped DejaVu Sans, regular and bold, once: never a system font."""
    fonts = files("resources") / "fonts"
    for name, file_name in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        data = (fonts / file_name).read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    return FONT, FONT_BOLD


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle


@cache
def styles() -> Styles:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5)
    return Styles(
        title=ParagraphStyle("title", fontName=bold, fontSize=17, leading=21, spaceAfter=8),
        heading=ParagraphStyle(
            "heading",
            fontName=bold,
            fontSize=12,
            leading=15,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=True,
        ),
        subheading=ParagraphStyle(
            "subheading",
            fontName=bold,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=True,
        ),
        body=body,
        cell=cell,
        cell_header=ParagraphStyle("cell_header", parent=cell, fontName=bold),
    )


def text(value: object) -> str:
    """A value as a report shows it: an empty one as a dash."""
    if value is None or value == "":
        return NOTHING
    return str(value)


def title(words: str) -> Paragraph:
    return Paragraph(escape(words), styles().title)


def heading(words: str) -> Paragraph:
    return Paragraph(escape(words), styles().heading)


def subheading(words: str) -> Paragraph:
    return Paragraph(escape(words), styles().subheading)


def body(words: str) -> Paragraph:
    return Paragraph(escape(words), styles().body)


def _cell(value: object, *, header: bool = False) -> Paragraph:
    style = styles().cell_header if header else styles().cell
    return Paragraph(escape(text(value)).replace("\n", "<br/>"), style)


# What a table gives up horizontally around a cell's text: its left and right padding.
_PADDING = {"field": 3 + 6, "data": 6 + 6}


def _fitted(value: object, width: float, *, header: bool = False) -> Paragraph | str:
    """The cell as plain text when it fits on one line (much faster to lay out than a
    paragraph; the table's style gives it the same font), else as a paragraph."""
    words = text(value)
    style = styles().cell_header if header else styles().cell
    if "\n" not in words and pdfmetrics.stringWidth(words, style.fontName, style.fontSize) <= width:
        return words
    return _cell(value, header=header)


def _plain_cells(bold: tuple[tuple[int, int], tuple[int, int]]) -> list[tuple[object, ...]]:
    """The style a plain-text cell takes from its table: the cells' font, size and leading."""
    cell = styles().cell
    return [
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("FONTNAME", bold[0], bold[1], FONT_BOLD),
    ]


def field_table(
    fields: Sequence[tuple[str, object]], *, label_width: float = 45 * mm, fast: bool = False
) -> Table:
    """Label and value, one field a row: a person's or a household's details.

    ``fast``: a value that fits on one line is laid out as plain text (a long report)."""
    value_width = WIDTH - label_width
    if fast:
        room = _PADDING["field"]
        rows = [
            [_fitted(label, label_width - room, header=True), _fitted(value, value_width - room)]
            for label, value in fields
        ]
    else:
        rows = [[_cell(label, header=True), _cell(value)] for label, value in fields]
    table = Table(rows, colWidths=[label_width, value_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cells' own font, under the paragraphs
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                *(_plain_cells(((0, 0), (0, -1))) if fast else []),
            ]
        )
    )
    return table


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    widths: Sequence[float] | None = None,
    fast: bool = False,
) -> Flowable:
    """Rows under a header that repeats on every page; ``widths`` are fractions of the page.

    ``fast``: a value that fits on one line is laid out as plain text (a long report)."""
    if not rows:
        return body(EMPTY)
    fractions = widths or [1 / len(headers)] * len(headers)
    columns = [WIDTH * f for f in fractions]
    data: list[list[Paragraph | str]]
    if fast:
        room = [c - _PADDING["data"] for c in columns]
        data = [[_fitted(h, w, header=True) for h, w in zip(headers, room, strict=True)]]
        data += [[_fitted(v, w) for v, w in zip(row, room, strict=True)] for row in rows]
    else:
        data = [[_cell(h, header=True) for h in headers]]
        data += [[_cell(value) for value in row] for row in rows]
    table = Table(data, colWidths=columns, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *(_plain_cells(((0, 0), (-1, 0))) if fast else []),
            ]
        )
    )
    return table


def _numbered_canvas(header: str, made_on: date) -> Callable[..., Canvas]:
    """A canvas that keeps its pages until the end, so each can say 'pagina x van y'."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            regular, bold = register_fonts()
            top = PAGE[1] - 11 * mm
            self.saveState()
            self.setFillColor(_GREY)
            self.setFont(regular, 8)
            self.drawString(MARGIN, top, header)
            self.setFont(bold, 8)
            self.drawRightString(PAGE[0] - MARGIN, top, CONFIDENTIAL)
            self.setStrokeColor(_GRID)
            self.setLineWidth(0.4)
            self.line(MARGIN, top - 2 * mm, PAGE[0] - MARGIN, top - 2 * mm)
            self.setFont(regular, 8)
            self.drawString(
                MARGIN,
                10 * mm,
                f"Teamtafel · gemaakt op {date_text(made_on)} · {CONFIDENTIAL.lower()}",
            )
            self.drawRightString(
                PAGE[0] - MARGIN, 10 * mm, f"pagina {self._pageNumber} van {total}"
            )
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Flowable], *, document_title: str, header: str, made_on: date) -> bytes:
    """The PDF as bytes: ``header`` stands top left on every page, "Vertrouwelijk" top right."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=document_title,
        author="Teamtafel",
        creator="Teamtafel",
        initialFontName=FONT,  # or an unused Helvetica creeps into every page
        invariant=True,  # the same report gives the same bytes: no creation time or random id
    )
    document.build(story, canvasmaker=_numbered_canvas(header, made_on))
    return buffer.getvalue()
