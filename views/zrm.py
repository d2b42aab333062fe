"""Scoring a measurement by keyboard (the ZRM, or any instrument loaded as data), its
history, comparison and trend chart. Colours, what stands out and which way is better come
from the instrument file (``direction``, ``critical``); conclusions are chosen by the
professional in the form, never computed here."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.instruments import Direction, Instrument, Item, Section
from models.records import ConclusionDraft, MeasurementDraft, MeasurementRecord, ScoreDraft, Trend
from models.rules import MEASUREMENT
from models.validation import Problem, parse_date
from models.wording import NOT_ASSESSED, PROBLEM, date_text, incomplete_text, score_text
from views.forms import DateLineEdit, confirm_discard, released, save_cancel_buttons
from views.keeping import announce

if TYPE_CHECKING:
    from views.zrm_chart import TrendChart

COL_ITEM, COL_LEVEL, COL_TARGET, COL_REMARK = range(4)

# From the worst end of a scale to the best; a scale without a direction stays neutral, and
# a critical level (the instrument's ``critical``) is always red or orange.
PALETTE = ("#f4b6b6", "#f9d3a8", "#fbefb0", "#d5ecc6", "#b9e0a5")
NEUTRAL = "#e4ebf5"
CRITICAL = ("#f4b6b6", "#f9d3a8")
TREND_TEXT = {
    Trend.BETTER: "▲ beter",
    Trend.WORSE: "▼ slechter",
    Trend.SAME: "= gelijk",
    Trend.CHANGED: "≠ anders",
    Trend.UNKNOWN: "",
}
TREND_COLOURS = {
    Trend.BETTER: "#2e7d32",
    Trend.WORSE: "#c62828",
    Trend.SAME: "#555555",
    Trend.CHANGED: "#1f4e8c",
    Trend.UNKNOWN: "#555555",
}
NOT_CHOSEN = "— nog niet gekozen —"


def level_colour(instrument: Instrument | None, level: int | None) -> str | None:
    """A level's background: by its place on the scale, red or orange when it is critical."""
    if instrument is None or level is None or level not in instrument.values():
        return None
    if level in instrument.critical:
        critical = sorted(instrument.critical, key=lambda v: instrument.goodness(v) or 0.0)
        return CRITICAL[min(critical.index(level), len(CRITICAL) - 1)]
    goodness = instrument.goodness(level)
    if goodness is None:
        return NEUTRAL
    return PALETTE[round(goodness * (len(PALETTE) - 1))]


def scale_hint(instrument: Instrument) -> str:
    """How to type a level: 'Typ 1–5 voor het niveau' or 'Typ 1 Ja, 2 Nee, 3 Onbekend'."""
    values = instrument.values()
    if len(values) > 3 and values == tuple(range(values[0], values[-1] + 1)):
        typed = f"Typ {values[0]}–{values[-1]} voor het niveau"
    else:
        typed = "Typ " + ", ".join(f"{level.value} voor {level.name}" for level in instrument.scale)
    if instrument.allow_not_assessed:
        typed += ", N voor ‘niet beoordeeld’"
    return typed


def item_noun(instrument: Instrument) -> str:
    """'domeinen' for a matrix with one list of domains; 'vragen' for an instrument in parts."""
    return "domeinen" if len(instrument.sections) == 1 else "vragen"


def level_text(instrument: Instrument | None, score: ScoreDraft | None) -> str:
    if score is None or not score.scored:
        return ""
    if score.not_assessed:
        return NOT_ASSESSED
    name = instrument.level_name(score.level) if instrument else ""
    return f"{score.level} · {name}" if name else str(score.level)


def colour_cell(item: QTableWidgetItem, instrument: Instrument | None, level: int | None) -> None:
    colour = level_colour(instrument, level)
    item.setBackground(QColor(colour) if colour else QColor(Qt.GlobalColor.transparent))


def grid_rows(instrument: Instrument) -> list[Item | Section]:
    """The grid's rows: the items, each section's name above its items when there are several."""
    if len(instrument.sections) == 1:
        return list(instrument.items)
    rows: list[Item | Section] = []
    for section in instrument.sections:
        rows += [section, *section.items]
    return rows


class ScoringGrid(QTableWidget):
    """One row per domain (or question). Type a level (or, in the Doel column, the target),
    N for 'niet beoordeeld', Delete to clear; the cursor moves down by itself. An instrument
    in several sections shows each section's name as a row of its own."""

    changed = Signal()

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        self.rows = grid_rows(instrument)
        super().__init__(len(self.rows), 4, parent)
        self.instrument = instrument
        self.setObjectName("zrm_grid")
        first = "Domein" if len(instrument.sections) == 1 else "Vraag"
        answers = instrument.direction is Direction.NONE  # ja / nee / onbekend: no target
        level = "Antwoord" if answers else "Niveau"
        self.setHorizontalHeaderLabels([first, level, "Doel", "Opmerking"])
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REMARK, QHeaderView.ResizeMode.Stretch)
        self._scores: dict[str, ScoreDraft] = {}
        for row, entry in enumerate(self.rows):
            if isinstance(entry, Section):
                self._section_row(row, entry)
                continue
            name = QTableWidgetItem(entry.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, COL_ITEM, name)
            for column in (COL_LEVEL, COL_TARGET):
                cell = QTableWidgetItem("")
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.setItem(row, column, cell)
            self.setItem(row, COL_REMARK, QTableWidgetItem(""))
        self.setColumnHidden(COL_TARGET, answers)
        self.itemChanged.connect(self._remark_changed)
        self.setCurrentCell(self._item_row(0, 1), COL_LEVEL)

    def _section_row(self, row: int, section: Section) -> None:
        heading = QTableWidgetItem(section.name)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setBackground(QColor("#eeeeee"))
        self.setItem(row, COL_ITEM, heading)
        for column in (COL_LEVEL, COL_TARGET, COL_REMARK):
            blank = QTableWidgetItem("")
            blank.setFlags(Qt.ItemFlag.NoItemFlags)
            blank.setBackground(QColor("#eeeeee"))
            self.setItem(row, column, blank)

    def _item_row(self, row: int, step: int) -> int:
        """``row`` itself, or the nearest item row from it in direction ``step``."""
        while 0 <= row < len(self.rows) and isinstance(self.rows[row], Section):
            row += step
        return row

    def item_at(self, row: int) -> Item | None:
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        return entry if isinstance(entry, Item) else None

    def set_scores(self, scores: Sequence[ScoreDraft]) -> None:
        self.blockSignals(True)
        for score in scores:
            self._scores[score.item_code] = score
            row = self._row_of(score.item_code)
            if row is not None:
                self.cell(row, COL_REMARK).setText(score.remark)
                self._paint(row)
        self.blockSignals(False)

    def scores(self) -> tuple[ScoreDraft, ...]:
        return tuple(self._score(item.code) for item in self.instrument.items)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None, "every cell is made in __init__"
        return item

    def _row_of(self, code: str) -> int | None:
        return next(
            (r for r, e in enumerate(self.rows) if isinstance(e, Item) and e.code == code), None
        )

    def _score(self, code: str) -> ScoreDraft:
        return self._scores.get(code, ScoreDraft(code))

    def score_of(self, code: str) -> ScoreDraft:
        """One item's score as typed so far (empty when not scored)."""
        return self._score(code)

    def _update(self, row: int, **changes: Any) -> None:
        item = self.item_at(row)
        if item is None:
            return
        code = item.code
        remark = self.cell(row, COL_REMARK).text()
        self._scores[code] = replace(self._score(code), remark=remark, **changes)
        self._paint(row)
        self.changed.emit()

    def _paint(self, row: int) -> None:
        item = self.item_at(row)
        if item is None:
            return
        score = self._score(item.code)
        level = self.cell(row, COL_LEVEL)
        level.setText(level_text(self.instrument, score))
        colour_cell(level, self.instrument, score.level)
        target = self.cell(row, COL_TARGET)
        target.setText(str(score.target) if score.target else "")

    def _remark_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_REMARK:
            self._update(item.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        row, column = self.currentRow(), self.currentColumn()
        text = event.text()
        if self.item_at(row) is not None and column in (COL_LEVEL, COL_TARGET, COL_ITEM):
            values = [str(v) for v in self.instrument.values()]
            target_column = column == COL_TARGET
            if text in values:
                value = int(text)
                self._update(
                    row,
                    **(
                        {"target": value}
                        if target_column
                        else {"level": value, "not_assessed": False}
                    ),
                )
                self._next(row, column)
                return
            if text.lower() == "n" and not target_column and self.instrument.allow_not_assessed:
                self._update(row, level=None, not_assessed=True)
                self._next(row, column)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._update(
                    row,
                    **(
                        {"target": None}
                        if target_column
                        else {"level": None, "not_assessed": False}
                    ),
                )
                return
        super().keyPressEvent(event)

    def _next(self, row: int, column: int) -> None:
        column = COL_LEVEL if column == COL_ITEM else column
        following = self._item_row(row + 1, 1)
        if following < self.rowCount():
            self.setCurrentCell(following, column)


def form_title(instrument: Instrument, subject_name: str, *, correcting: bool) -> str:
    """'ZRM afnemen — Maud Bakker'; another instrument by its name."""
    what = "ZRM" if instrument.code == "zrm" else instrument.name
    return f"{what} {'corrigeren' if correcting else 'afnemen'} — {subject_name}"


class ConclusionBox(QGroupBox):
    """One choice per conclusion of the instrument, and the onderbouwing: the professional
    judges; the answers to the questions never fill these in."""

    changed = Signal()

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__("Conclusies — uw professionele oordeel", parent)
        self.setObjectName("conclusions")
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        note = QLabel(
            "Kies zelf per conclusie; Teamtafel berekent geen uitkomst uit de antwoorden."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        for conclusion in instrument.conclusions:
            box = QComboBox()
            box.setObjectName(f"conclusion_{conclusion.code}")
            box.addItem(NOT_CHOSEN, "")
            for option in conclusion.options:
                box.addItem(option.name, option.code)
            if conclusion.description:
                box.setToolTip(conclusion.description)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.boxes[conclusion.code] = box
            form.addRow(f"{conclusion.name}:", box)
        self.reasoning = QPlainTextEdit()
        self.reasoning.setObjectName("reasoning")
        self.reasoning.setPlaceholderText("Waarop baseert u deze conclusies?")
        self.reasoning.setFixedHeight(60)
        self.reasoning.textChanged.connect(self.changed.emit)
        form.addRow("Onderbouwing:", self.reasoning)

    def set_chosen(self, chosen: Sequence[ConclusionDraft]) -> None:
        for conclusion in chosen:
            box = self.boxes.get(conclusion.code)
            if box is not None:
                box.setCurrentIndex(max(box.findData(conclusion.option), 0))

    def chosen(self) -> tuple[ConclusionDraft, ...]:
        return tuple(
            ConclusionDraft(code, str(box.currentData() or "")) for code, box in self.boxes.items()
        )


class ZrmScoringDialog(QDialog):
    """Record (or correct) a measurement for one member or the whole household. A partly
    scored one may be saved: it is marked incomplete."""

    edited = Signal()  # a score, a conclusion, the date or the assessor changed (werkkopie)
    keeps_werkkopie = True
    always_kept = frozenset({"instrument"})  # a copy names its instrument, to reopen that one

    def __init__(
        self,
        instrument: Instrument,
        person_name: str,
        assessor: str,
        initial: MeasurementDraft | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.today = today or date.today()
        self._dirty = False
        self._note = initial.note if initial else ""
        self.setWindowTitle(form_title(instrument, person_name, correcting=initial is not None))
        self.measured_on = DateLineEdit(initial.measured_on if initial else self.today)
        self.measured_on.setObjectName("measured_on")
        self.assessor = QLineEdit(initial.assessor if initial else assessor)
        self.assessor.setObjectName("assessor")
        self.assessor.setMaxLength(MEASUREMENT["assessor"].max_length or 120)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.grid = ScoringGrid(instrument)
        if initial:
            self.grid.set_scores(initial.scores)
        self.conclusions: ConclusionBox | None = None
        if instrument.conclusions:
            self.conclusions = ConclusionBox(instrument)
            if initial:
                self.conclusions.set_chosen(initial.conclusions)
                self.conclusions.reasoning.setPlainText(initial.note)
        self.help = QTextBrowser()
        self.help.setObjectName("level_help")
        self.help.setMinimumWidth(300)
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.buttons = save_cancel_buttons(self)
        self._lay_out()
        self.resize(1000, 720 if self.conclusions else 620)

        self.grid.currentCellChanged.connect(lambda *_: self._show_help())
        self.grid.changed.connect(self._changed)
        if self.conclusions is not None:
            self.conclusions.changed.connect(self._changed)
        self.measured_on.textChanged.connect(self._changed)
        self.assessor.textChanged.connect(self._changed)
        self._dirty = False
        self._show_help()
        self._show_progress()
        self.grid.setFocus()

    def _lay_out(self) -> None:
        """Date and assessor on top, the grid beside the level help, the conclusions below
        the grid, progress and buttons at the bottom."""
        form = QFormLayout()
        form.addRow("Datum *", self.measured_on)
        form.addRow("Beoordelaar *", self.assessor)
        target = (
            "; in de kolom Doel typt u de doelscore"
            if self.instrument.direction is not Direction.NONE
            else ""
        )
        hint = QLabel(
            f"{scale_hint(self.instrument)}{target}. "
            "Met pijltjes of Tab gaat u naar een andere cel; F2 bewerkt een opmerking."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid, 1)
        if self.conclusions is not None:
            left_layout.addWidget(self.conclusions)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.help)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        layout.addWidget(self.errors)
        layout.addLayout(bottom)

    def _changed(self) -> None:
        self._dirty = True
        self._show_help()
        self._show_progress()
        self.edited.emit()

    def snapshot(self) -> dict[str, str]:
        """The instrument, date, assessor, every score and conclusion as typed (as JSON text)."""
        scores = [
            asdict(score)
            for score in self.grid.scores()
            if score.scored or score.target or score.remark
        ]
        texts = {
            "instrument": f"{self.instrument.code} {self.instrument.version}",
            "measured_on": self.measured_on.text(),
            "assessor": self.assessor.text(),
            "scores": json.dumps(scores, ensure_ascii=False),
        }
        if self.conclusions is not None:
            chosen = {c.code: c.option for c in self.conclusions.chosen() if c.option}
            texts["conclusions"] = json.dumps(chosen, ensure_ascii=False)
            texts["reasoning"] = self.conclusions.reasoning.toPlainText()
        return texts

    def restore(self, texts: dict[str, str]) -> list[str]:
        """Put back a werkkopie of this grid; scores of domains (or attributes) this
        version does not know are left out, not fatal."""
        if "measured_on" in texts:
            self.measured_on.setText(texts["measured_on"])
        if "assessor" in texts:
            self.assessor.setText(texts["assessor"])
        left_out = []
        if "scores" in texts:
            known = {item.code for item in self.instrument.items}
            attributes = {f.name for f in fields(ScoreDraft)}
            try:
                stored = json.loads(texts["scores"])
                scores = [
                    ScoreDraft(**{k: v for k, v in score.items() if k in attributes})
                    for score in stored
                    if score.get("item_code") in known
                ]
            except (ValueError, TypeError, AttributeError):
                scores, left_out = [], ["scores"]
            self.grid.set_scores(scores)
        if self.conclusions is not None and "conclusions" in texts:
            try:
                chosen = json.loads(texts["conclusions"])
                self.conclusions.set_chosen(
                    [ConclusionDraft(str(k), str(v)) for k, v in dict(chosen).items()]
                )
            except (ValueError, TypeError, AttributeError):
                left_out.append("conclusions")
        if self.conclusions is not None and "reasoning" in texts:
            self.conclusions.reasoning.setPlainText(texts["reasoning"])
        self._changed()
        return left_out

    def field_label(self, key: str) -> str:
        return {
            "measured_on": "Datum",
            "assessor": "Beoordelaar",
            "conclusions": "Conclusies",
            "reasoning": "Onderbouwing",
            "instrument": "Instrument",
        }.get(key, "Scores")

    def _show_progress(self) -> None:
        scores = self.grid.scores()
        done = sum(1 for s in scores if s.scored)
        total = len(scores)
        text = f"{done} van {total} {item_noun(self.instrument)} gescoord"
        complete = done == total
        if self.conclusions is not None:
            chosen = sum(1 for c in self.conclusions.chosen() if c.option)
            text += f", {chosen} van {len(self.conclusions.boxes)} conclusies gekozen"
            complete = complete and chosen == len(self.conclusions.boxes)
        if not complete:
            text += " — wordt opgeslagen als onvolledig"
        self.progress.setText(text)

    def _show_help(self) -> None:
        item = self.grid.item_at(self.grid.currentRow()) or self.instrument.items[0]
        score = self.grid.score_of(item.code)
        texts = self.instrument.texts.get(item.code, {})
        section = next(s for s in self.instrument.sections if item in s.items)
        lines = []
        if len(self.instrument.sections) > 1:
            lines.append(f"<p style='color:#555'>{section.name}</p>")
        lines.append(f"<h3>{item.name}</h3>")
        if item.client_name and item.client_name != item.name:
            lines.append(f"<p><i>Voor het gezin: {item.client_name}</i></p>")
        if item.description:
            lines.append(f"<p>{item.description}</p>")
        for level in self.instrument.scale:
            colour = level_colour(self.instrument, level.value) or "#ffffff"
            chosen = score.level == level.value
            text = texts.get(level.value, "")
            weight = "font-weight:600;" if chosen else ""
            border = "border:2px solid #333;" if chosen else ""
            lines.append(
                f"<div style='background:{colour};{weight}{border}padding:4px;margin:2px'>"
                f"{level.value} · {level.name}"
                + (f"<br><span style='font-weight:400'>{text}</span>" if text else "")
                + "</div>"
            )
        if not texts and self.instrument.shipped:
            lines.append(
                "<p style='color:#666'>De volledige teksten per niveau zijn niet geladen; een "
                "beheerder kan ze laden via Beheer → ZRM-teksten laden.</p>"
            )
        self.help.setHtml("".join(lines))

    def value(self) -> MeasurementDraft:
        parsed = parse_date(self.measured_on.text(), not_after=self.today)
        assert parsed.value is not None
        conclusions = self.conclusions.chosen() if self.conclusions else ()
        note = self.conclusions.reasoning.toPlainText().strip() if self.conclusions else self._note
        return MeasurementDraft(
            self.instrument.code,
            self.instrument.version,
            parsed.value,
            self.assessor.text().strip(),
            self.grid.scores(),
            note,
            tuple(c for c in conclusions if c.option),
        )

    def problems(self) -> list[str]:
        found = []
        date_problem = parse_date(self.measured_on.text(), not_after=self.today).problem
        if date_problem:
            found.append("Datum: " + PROBLEM[date_problem])
        if not self.assessor.text().strip():
            found.append("Beoordelaar: " + PROBLEM[Problem.REQUIRED])
        chosen = self.conclusions.chosen() if self.conclusions else ()
        if not any(s.level is not None or s.not_assessed for s in self.grid.scores()) and not any(
            c.option for c in chosen
        ):
            found.append(PROBLEM[Problem.NOTHING_SCORED])
        return found

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.errors.setText("\n".join(problems))
            return
        super().accept()

    def reject(self) -> None:
        if self._dirty and not confirm_discard(self):
            return
        super().reject()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        instrument: Instrument,
        person_name: str,
        assessor: str,
        initial: MeasurementDraft | None = None,
        *,
        adding: bool = False,
    ) -> MeasurementDraft | None:
        """``adding``: a new measurement asked again after a refusal, with every score as typed."""
        with released(cls(instrument, person_name, assessor, initial, parent=parent)) as dialog:
            if adding:
                dialog.setWindowTitle(form_title(instrument, person_name, correcting=False))
            announce(dialog)  # a werkkopie may be put back here
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def make_chart_view() -> TrendChart:
    """QtCharts loads only when a chart is shown (it is not needed to start the app)."""
    from views.zrm_chart import TrendChart

    return TrendChart()


def dated(record: MeasurementRecord, separator: str) -> str:
    """A measurement's date, and after ``separator`` whether it is incomplete: 'onvolledig
    (9 van 13)'. Wherever a measurement is named, a partial one says so."""
    status = incomplete_text(record.scored, record.total)
    return date_text(record.measured_on) + (f"{separator}{status}" if status else "")


def _list_entries(records: Sequence[MeasurementRecord]) -> list[QListWidgetItem]:
    """The measurements, newest first, each carrying its id; a partial one on two lines."""
    entries = []
    for record in reversed(records):
        status = incomplete_text(record.scored, record.total)
        text = f"{date_text(record.measured_on)} · {record.draft.assessor}"
        entry = QListWidgetItem(f"{text}\n{status}" if status else text)
        entry.setData(Qt.ItemDataRole.UserRole, record.id)
        entries.append(entry)
    return entries


def _measurement_list(records: Sequence[MeasurementRecord]) -> QListWidget:
    measurements = QListWidget()
    measurements.setObjectName("measurements")
    measurements.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for entry in _list_entries(records):
        measurements.addItem(entry)
    return measurements


def _comparison_table() -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setObjectName("comparison")
    table.setHorizontalHeaderLabels(["Onderdeel", "", "", "Verandering"])  # never Qt's 1, 2, 3, 4
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ZrmHistoryDialog(QDialog):
    """Every measurement of one person; the change between any two; a trend chart."""

    correctRequested = Signal(uuid.UUID)
    removeRequested = Signal(uuid.UUID)

    def __init__(
        self,
        person_name: str,
        records: Sequence[MeasurementRecord],
        instrument_of: Callable[[MeasurementRecord], Instrument | None],
        compare: Callable[
            [Instrument, MeasurementRecord, MeasurementRecord],
            list[tuple[str, int | None, int | None, Trend]],
        ],
        series: Callable[[Sequence[MeasurementRecord], str | None], list[tuple[date, float]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Geschiedenis en verloop — {person_name}")
        self.all_records = list(records)
        self._instrument_of, self._compare, self._series = instrument_of, compare, series
        # One instrument at a time: a ZRM is compared with a ZRM. The one measured last first.
        self.instrument_box = QComboBox()
        self.instrument_box.setObjectName("instrument")
        for code in dict.fromkeys(r.draft.instrument_code for r in reversed(self.all_records)):
            newest = next(r for r in reversed(self.all_records) if r.draft.instrument_code == code)
            known = instrument_of(newest)
            self.instrument_box.addItem(known.name if known else code, code)
        self.records = self._of(self.instrument_box.currentData())
        self.list = _measurement_list(self.records)
        self.comparison = _comparison_table()
        self.caption = QLabel()
        self.domain = QComboBox()
        self.domain.setObjectName("domain")
        self._fill_domains()
        self.chart = make_chart_view()
        self.chart.setObjectName("chart")
        correct = QPushButton("Corrigeren…")
        remove = QPushButton("Verwijderen…")
        self.empty = QLabel(
            f"Nog geen metingen voor {person_name}. Neem er een af met ‘Meting afnemen…’ "
            "in het dossier; daarna staan hier de metingen, hun vergelijking en het verloop."
        )
        self.empty.setObjectName("no_measurements")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._lay_out(correct, remove)
        self.body.setVisible(bool(self.records))
        self.empty.setVisible(not self.records)
        if self.records:
            self.resize(1100, 720)
        else:
            self.resize(560, 200)

        self.list.itemSelectionChanged.connect(self._compare_selected)
        self.domain.currentIndexChanged.connect(self._draw)
        self.instrument_box.currentIndexChanged.connect(lambda _i: self._show_instrument())
        correct.clicked.connect(lambda: self._emit_selected(self.correctRequested))
        remove.clicked.connect(lambda: self._emit_selected(self.removeRequested))
        self._select_first_and_latest()
        self._draw()

    def _of(self, code: str | None) -> list[MeasurementRecord]:
        return [r for r in self.all_records if r.draft.instrument_code == code]

    def _fill_domains(self) -> None:
        self.domain.blockSignals(True)
        self.domain.clear()
        self.domain.addItem("Gemiddeld over alle domeinen", None)
        latest = self._instrument_of(self.records[-1]) if self.records else None
        for item in latest.items if latest else ():
            self.domain.addItem(item.name, item.code)
        self.domain.blockSignals(False)

    def _select_first_and_latest(self) -> None:
        if len(self.records) >= 2:  # the first against the latest, to start with
            self.list.item(0).setSelected(True)
            self.list.item(self.list.count() - 1).setSelected(True)
        elif self.records:
            self.list.item(0).setSelected(True)

    def _show_instrument(self) -> None:
        """Another instrument chosen: its measurements, comparison and trend."""
        self.records = self._of(self.instrument_box.currentData())
        self.list.blockSignals(True)
        self.list.clear()
        for entry in _list_entries(self.records):
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self._fill_domains()
        self._select_first_and_latest()
        self._draw()

    def _lay_out(self, correct: QPushButton, remove: QPushButton) -> None:
        """The measurements with their buttons on the left; comparison and chart on the right."""
        left = QVBoxLayout()
        left.addWidget(self.instrument_box)
        left.addWidget(QLabel("<b>Metingen</b> (kies er twee om te vergelijken)"))
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(correct)
        buttons.addWidget(remove)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.caption)
        right.addWidget(self.comparison, 1)
        chart_bar = QHBoxLayout()
        chart_bar.addWidget(QLabel("<b>Verloop</b>"))
        chart_bar.addWidget(self.domain, 1)
        right.addLayout(chart_bar)
        right.addWidget(self.chart, 1)
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(close)

    def _selected(self) -> list[MeasurementRecord]:
        ids = {entry.data(Qt.ItemDataRole.UserRole) for entry in self.list.selectedItems()}
        return [r for r in self.records if r.id in ids]

    def _emit_selected(self, signal: SignalInstance) -> None:
        chosen = self._selected()
        if len(chosen) == 1:
            signal.emit(chosen[0].id)

    def _compare_selected(self) -> None:
        chosen = self._selected()
        if len(chosen) == 2:
            self.compare_records(*chosen)
        elif len(chosen) == 1:
            self.compare_records(chosen[0], chosen[0])

    def compare_records(self, old: MeasurementRecord, new: MeasurementRecord) -> None:
        instrument = self._instrument_of(new) or self._instrument_of(old)
        if instrument is None:
            return
        first = "Domein" if len(instrument.sections) == 1 else "Vraag"
        self.comparison.setHorizontalHeaderLabels(
            [first, dated(old, "\n"), dated(new, "\n"), "Verandering"]
        )
        rows = self._compare(instrument, old, new)
        self.comparison.setRowCount(len(rows) + len(instrument.conclusions))
        for r, (code, before, after, change) in enumerate(rows):
            item = instrument.item(code)
            cells = [
                item.name if item else code,
                score_text(old.draft.score(code)),
                score_text(new.draft.score(code)),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c in (1, 2):
                    colour_cell(cell, instrument, before if c == 1 else after)
                self.comparison.setItem(r, c, cell)
            trend_cell = QTableWidgetItem(TREND_TEXT[change] if old.id != new.id else "")
            trend_cell.setForeground(QColor(TREND_COLOURS[change]))
            self.comparison.setItem(r, 3, trend_cell)
        for r, conclusion in enumerate(instrument.conclusions, start=len(rows)):
            before_option, after_option = (
                old.draft.conclusion(conclusion.code),
                new.draft.conclusion(conclusion.code),
            )
            cells = [
                conclusion.name,
                conclusion.option_name(before_option),
                conclusion.option_name(after_option),
                TREND_TEXT[Trend.CHANGED] if before_option != after_option else "",
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
                self.comparison.setItem(r, c, cell)
        single = old.id == new.id
        for column in (2, 3):
            self.comparison.setColumnHidden(column, single)
        if single:
            self.caption.setText(f"<b>Meting van</b> {dated(old, ' — ')}")
        else:
            self.caption.setText(
                f"<b>Vergelijking</b> {date_text(old.measured_on)} → {date_text(new.measured_on)}"
            )

    def _draw(self) -> None:
        """The trend; an incomplete measurement's point is drawn open (its mean is of fewer
        domains)."""
        code = self.domain.currentData()
        points, incomplete = [], []
        for record in self.records:
            for point in self._series([record], code):
                points.append(point)
                incomplete.append(not record.complete)
        self.chart.show_series(points, self.domain.currentText(), incomplete)


class HouseholdZrmTable(QTableWidget):
    """Each member's latest measurement with one instrument side by side (and the household's,
    for an instrument about the household); critical levels stand out. An instrument with
    conclusions shows the chosen conclusions: that is what the overview is for."""

    def show_latest(
        self,
        instrument: Instrument,
        members: Sequence[tuple[uuid.UUID | None, str]],
        latest: Mapping[uuid.UUID | None, MeasurementRecord],
    ) -> None:
        scored = [(pid, name) for pid, name in members if pid in latest]
        self.clear()
        # (row name, code, whether it is a conclusion)
        rows = (
            [(c.name, c.code, True) for c in instrument.conclusions]
            if instrument.conclusions
            else [(i.name, i.code, False) for i in instrument.items]
        )
        self.setRowCount(len(rows))
        self.setColumnCount(1 + len(scored))
        first = "Conclusie" if instrument.conclusions else "Domein"
        headers = [first] + [name + "\n" + dated(latest[pid], "\n") for pid, name in scored]
        self.setHorizontalHeaderLabels(headers)
        for r, (name, code, is_conclusion) in enumerate(rows):
            self.setItem(r, 0, QTableWidgetItem(name))
            for c, (pid, _name) in enumerate(scored, start=1):
                record = latest[pid]
                if is_conclusion:
                    found = instrument.conclusion(code)
                    text = found.option_name(record.draft.conclusion(code)) if found else ""
                    level = None
                else:
                    text, level = score_text(record.draft.score(code)), record.level(code)
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour_cell(cell, instrument, level)
                if level is not None and level in instrument.critical:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.setItem(r, c, cell)
