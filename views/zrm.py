"""Scoring the Zelfredzaamheid-Matrix by keyboard, its history, comparison and trend chart."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.instruments import Instrument
from models.records import MeasurementDraft, MeasurementRecord, ScoreDraft, Trend
from models.rules import MEASUREMENT
from models.validation import Problem, parse_date
from models.wording import NOT_ASSESSED, PROBLEM, date_text, incomplete_text, score_text
from views.forms import DateLineEdit, confirm_discard, released, save_cancel_buttons
from views.keeping import announce

if TYPE_CHECKING:
    from views.zrm_chart import TrendChart

COL_ITEM, COL_LEVEL, COL_TARGET, COL_REMARK = range(4)

# Levels 1-2 are where the team must act; 3 is a concern; 4-5 are fine.
LEVEL_COLOURS = {1: "#f4b6b6", 2: "#f9d3a8", 3: "#fbefb0", 4: "#d5ecc6", 5: "#b9e0a5"}
TREND_TEXT = {
    Trend.BETTER: "▲ beter",
    Trend.WORSE: "▼ slechter",
    Trend.SAME: "= gelijk",
    Trend.UNKNOWN: "",
}
TREND_COLOURS = {
    Trend.BETTER: "#2e7d32",
    Trend.WORSE: "#c62828",
    Trend.SAME: "#555555",
    Trend.UNKNOWN: "#555555",
}


def level_text(instrument: Instrument | None, score: ScoreDraft | None) -> str:
    if score is None or not score.scored:
        return ""
    if score.not_assessed:
        return NOT_ASSESSED
    name = instrument.level_name(score.level) if instrument else ""
    return f"{score.level} · {name}" if name else str(score.level)


def colour_cell(item: QTableWidgetItem, level: int | None) -> None:
    item.setBackground(
        QColor(LEVEL_COLOURS[level])
        if level in LEVEL_COLOURS
        else QColor(Qt.GlobalColor.transparent)
    )


class ScoringGrid(QTableWidget):
    """One row per domain. Type 1–5 for the level (or, in the Doel column, the target),
    N for 'niet beoordeeld', Delete to clear; the cursor moves down by itself."""

    changed = Signal()

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(len(instrument.items), 4, parent)
        self.instrument = instrument
        self.setObjectName("zrm_grid")
        self.setHorizontalHeaderLabels(["Domein", "Niveau", "Doel", "Opmerking"])
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
        for row, domain in enumerate(instrument.items):
            name = QTableWidgetItem(domain.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, COL_ITEM, name)
            for column in (COL_LEVEL, COL_TARGET):
                cell = QTableWidgetItem("")
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.setItem(row, column, cell)
            self.setItem(row, COL_REMARK, QTableWidgetItem(""))
        self.itemChanged.connect(self._remark_changed)
        self.setCurrentCell(0, COL_LEVEL)

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
        return next((r for r, item in enumerate(self.instrument.items) if item.code == code), None)

    def _score(self, code: str) -> ScoreDraft:
        return self._scores.get(code, ScoreDraft(code))

    def _update(self, row: int, **changes: Any) -> None:
        code = self.instrument.items[row].code
        remark = self.cell(row, COL_REMARK).text()
        self._scores[code] = replace(self._score(code), remark=remark, **changes)
        self._paint(row)
        self.changed.emit()

    def _paint(self, row: int) -> None:
        score = self._score(self.instrument.items[row].code)
        level = self.cell(row, COL_LEVEL)
        level.setText(level_text(self.instrument, score))
        colour_cell(level, score.level)
        target = self.cell(row, COL_TARGET)
        target.setText(str(score.target) if score.target else "")

    def _remark_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_REMARK:
            self._update(item.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        row, column = self.currentRow(), self.currentColumn()
        text = event.text()
        if row >= 0 and column in (COL_LEVEL, COL_TARGET, COL_ITEM):
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
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, column)


class ZrmScoringDialog(QDialog):
    """Record (or correct) a ZRM for one person. A partly scored ZRM may be saved: it is marked incomplete."""

    edited = Signal()  # a score, the date or the assessor changed (for the werkkopie)
    keeps_werkkopie = True

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
        title = "ZRM corrigeren" if initial else "ZRM afnemen"
        self.setWindowTitle(f"{title} — {person_name}")
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
        self.help = QTextBrowser()
        self.help.setObjectName("level_help")
        self.help.setMinimumWidth(300)
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.buttons = save_cancel_buttons(self)
        self._lay_out()
        self.resize(1000, 620)

        self.grid.currentCellChanged.connect(lambda *_: self._show_help())
        self.grid.changed.connect(self._changed)
        self.measured_on.textChanged.connect(self._changed)
        self.assessor.textChanged.connect(self._changed)
        self._dirty = False
        self._show_help()
        self._show_progress()
        self.grid.setFocus()

    def _lay_out(self) -> None:
        """Date and assessor on top, the grid beside the level help, progress and buttons below."""
        form = QFormLayout()
        form.addRow("Datum *", self.measured_on)
        form.addRow("Beoordelaar *", self.assessor)
        hint = QLabel(
            "Typ 1–5 voor het niveau, N voor ‘niet beoordeeld’; in de kolom Doel typt u de doelscore. "
            "Met pijltjes of Tab gaat u naar een andere cel; F2 bewerkt een opmerking."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        split = QSplitter()
        split.addWidget(self.grid)
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
        """The date, assessor and every score as typed (the scores as JSON text)."""
        scores = [
            asdict(score)
            for score in self.grid.scores()
            if score.scored or score.target or score.remark
        ]
        return {
            "measured_on": self.measured_on.text(),
            "assessor": self.assessor.text(),
            "scores": json.dumps(scores, ensure_ascii=False),
        }

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
        self._changed()
        return left_out

    def field_label(self, key: str) -> str:
        return {"measured_on": "Datum", "assessor": "Beoordelaar"}.get(key, "Scores")

    def _show_progress(self) -> None:
        scores = self.grid.scores()
        done = sum(1 for s in scores if s.scored)
        total = len(scores)
        text = f"{done} van {total} domeinen gescoord"
        if done < total:
            text += " — wordt opgeslagen als onvolledig"
        self.progress.setText(text)

    def _show_help(self) -> None:
        row = max(0, self.grid.currentRow())
        item = self.instrument.items[row]
        score = self.grid.scores()[row]
        texts = self.instrument.texts.get(item.code, {})
        lines = [f"<h3>{item.name}</h3>"]
        if item.client_name and item.client_name != item.name:
            lines.append(f"<p><i>Voor het gezin: {item.client_name}</i></p>")
        if item.description:
            lines.append(f"<p>{item.description}</p>")
        for level in self.instrument.scale:
            colour = LEVEL_COLOURS.get(level.value, "#ffffff")
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
        if not texts:
            lines.append(
                "<p style='color:#666'>De volledige ZRM-teksten per niveau zijn niet geladen; een beheerder kan ze "
                "laden via Beheer → ZRM-teksten laden.</p>"
            )
        self.help.setHtml("".join(lines))

    def value(self) -> MeasurementDraft:
        parsed = parse_date(self.measured_on.text(), not_after=self.today)
        assert parsed.value is not None
        return MeasurementDraft(
            self.instrument.code,
            self.instrument.version,
            parsed.value,
            self.assessor.text().strip(),
            self.grid.scores(),
        )

    def problems(self) -> list[str]:
        found = []
        date_problem = parse_date(self.measured_on.text(), not_after=self.today).problem
        if date_problem:
            found.append("Datum: " + PROBLEM[date_problem])
        if not self.assessor.text().strip():
            found.append("Beoordelaar: " + PROBLEM[Problem.REQUIRED])
        if not any(s.level is not None or s.not_assessed for s in self.grid.scores()):
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
        """``adding``: a new ZRM asked again after a refusal, with every score as typed."""
        with released(cls(instrument, person_name, assessor, initial, parent=parent)) as dialog:
            if adding:
                dialog.setWindowTitle(f"ZRM afnemen — {person_name}")
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


def _measurement_list(records: Sequence[MeasurementRecord]) -> QListWidget:
    """The measurements, newest first, each carrying its id; a partial one on two lines."""
    measurements = QListWidget()
    measurements.setObjectName("measurements")
    measurements.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for record in reversed(records):
        status = incomplete_text(record.scored, record.total)
        text = f"{date_text(record.measured_on)} · {record.draft.assessor}"
        entry = QListWidgetItem(f"{text}\n{status}" if status else text)
        entry.setData(Qt.ItemDataRole.UserRole, record.id)
        measurements.addItem(entry)
    return measurements


def _comparison_table() -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setObjectName("comparison")
    table.setHorizontalHeaderLabels(["Domein", "", "", "Verandering"])  # never Qt's 1, 2, 3, 4
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
        self.setWindowTitle(f"ZRM-geschiedenis — {person_name}")
        self.records = list(records)
        self._instrument_of, self._compare, self._series = instrument_of, compare, series
        self.list = _measurement_list(self.records)
        self.comparison = _comparison_table()
        self.caption = QLabel()
        self.domain = QComboBox()
        self.domain.setObjectName("domain")
        self.domain.addItem("Gemiddeld over alle domeinen", None)
        latest = instrument_of(self.records[-1]) if self.records else None
        for item in latest.items if latest else ():
            self.domain.addItem(item.name, item.code)
        self.chart = make_chart_view()
        self.chart.setObjectName("chart")
        correct = QPushButton("Corrigeren…")
        remove = QPushButton("Verwijderen…")
        self.empty = QLabel(
            f"Nog geen ZRM-metingen voor {person_name}. Neem er een af met ‘ZRM afnemen…’ "
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
        correct.clicked.connect(lambda: self._emit_selected(self.correctRequested))
        remove.clicked.connect(lambda: self._emit_selected(self.removeRequested))
        if len(self.records) >= 2:  # the first against the latest, to start with
            self.list.item(0).setSelected(True)
            self.list.item(self.list.count() - 1).setSelected(True)
        elif self.records:
            self.list.item(0).setSelected(True)
        self._draw()

    def _lay_out(self, correct: QPushButton, remove: QPushButton) -> None:
        """The measurements with their buttons on the left; comparison and chart on the right."""
        left = QVBoxLayout()
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
        self.comparison.setHorizontalHeaderLabels(
            ["Domein", dated(old, "\n"), dated(new, "\n"), "Verandering"]
        )
        rows = self._compare(instrument, old, new)
        self.comparison.setRowCount(len(rows))
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
                    colour_cell(cell, before if c == 1 else after)
                self.comparison.setItem(r, c, cell)
            trend_cell = QTableWidgetItem(TREND_TEXT[change] if old.id != new.id else "")
            trend_cell.setForeground(QColor(TREND_COLOURS[change]))
            self.comparison.setItem(r, 3, trend_cell)
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
    """Each member's latest ZRM side by side; levels 1–2 stand out."""

    def show_latest(
        self,
        instrument: Instrument,
        members: Sequence[tuple[uuid.UUID, str]],
        latest: dict[uuid.UUID, MeasurementRecord],
    ) -> None:
        scored = [(pid, name) for pid, name in members if pid in latest]
        self.clear()
        self.setRowCount(len(instrument.items))
        self.setColumnCount(1 + len(scored))
        headers = ["Domein"] + [name + "\n" + dated(latest[pid], "\n") for pid, name in scored]
        self.setHorizontalHeaderLabels(headers)
        for r, item in enumerate(instrument.items):
            self.setItem(r, 0, QTableWidgetItem(item.name))
            for c, (pid, _name) in enumerate(scored, start=1):
                score = latest[pid].draft.score(item.code)
                cell = QTableWidgetItem(score_text(score))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour_cell(cell, score.level if score else None)
                if score is not None and score.level in (1, 2):
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.setItem(r, c, cell)
