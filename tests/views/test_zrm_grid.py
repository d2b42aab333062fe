"""The ZRM grid, overview and history: an empty ZRM refused, a partial one marked, one word for
'niet beoordeeld', a history without measurements that says so."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from models import zrm
from models.instruments import current_version
from models.records import MeasurementDraft, MeasurementRecord, ScoreDraft
from models.validation import Problem
from models.wording import NOT_ASSESSED, PROBLEM
from views.zrm import (
    HouseholdZrmTable,
    ScoringGrid,
    ZrmHistoryDialog,
    ZrmScoringDialog,
    make_chart_view,
)


def test_return_in_a_fresh_grid_saves_nothing(qtbot: QtBot) -> None:
    dialog = ZrmScoringDialog(
        current_version("zrm"), "Sem Bakker", "Anouk", today=date(2026, 11, 25)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)
    dialog.accept()  # Opslaan, with nothing scored
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert PROBLEM[Problem.NOTHING_SCORED] in dialog.errors.text()
    qtbot.keyClicks(dialog.grid, "3")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


# --- a partial measurement, 'niet beoordeeld', the empty history ------------------------------

ZRM = current_version("zrm")
SEM = uuid.uuid4()


def _record(day: date, scores: dict[str, int | None]) -> MeasurementRecord:
    """``None`` for 'niet beoordeeld'; domains not named are not scored at all."""
    draft = MeasurementDraft(
        "zrm",
        "2017",
        day,
        "Anouk",
        tuple(
            ScoreDraft(code, level, not_assessed=level is None) for code, level in scores.items()
        ),
    )
    return MeasurementRecord(uuid.uuid4(), SEM, draft, scored=len(scores), total=len(ZRM.items))


FULL = {item.code: 3 for item in ZRM.items} | {"justitie": None}
PARTIAL = {"financien": 2, "huisvesting": 4, "justitie": None}


def _history(qtbot: QtBot, records: list[MeasurementRecord]) -> ZrmHistoryDialog:
    dialog = ZrmHistoryDialog("Sem Bakker", records, lambda _r: ZRM, zrm.compare, zrm.series)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_partial_measurement_is_marked_incomplete_in_the_overview(qtbot: QtBot) -> None:
    table = HouseholdZrmTable()
    qtbot.addWidget(table)
    lan = uuid.uuid4()
    table.show_latest(
        ZRM,
        [(SEM, "Sem Bakker"), (lan, "Lan Nguyễn")],
        {SEM: _record(date(2026, 3, 1), PARTIAL), lan: _record(date(2026, 3, 2), FULL)},
    )
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[1] == "Sem Bakker\n01-03-2026\nonvolledig (3 van 13)"
    assert headers[2] == "Lan Nguyễn\n02-03-2026"


def test_a_partial_measurement_is_marked_incomplete_in_the_history_and_chart(
    qtbot: QtBot,
) -> None:
    dialog = _history(qtbot, [_record(date(2026, 1, 5), FULL), _record(date(2026, 3, 1), PARTIAL)])
    assert dialog.list.item(0).text() == "01-03-2026 · Anouk\nonvolledig (3 van 13)"
    assert dialog.list.item(1).text() == "05-01-2026 · Anouk"
    header = dialog.comparison.horizontalHeaderItem(2).text()
    assert header == "01-03-2026\nonvolledig (3 van 13)"
    legend = [
        marker.label() for marker in dialog.chart.chart().legend().markers() if marker.isVisible()
    ]
    assert dialog.chart.chart().legend().isVisible() and legend == ["onvolledige meting"]
    dialog.list.clearSelection()
    dialog.list.item(1).setSelected(True)  # the complete one alone: nothing to mark
    assert "onvolledig" not in dialog.comparison.horizontalHeaderItem(1).text()


def test_niet_beoordeeld_reads_the_same_in_the_grid_the_overview_and_the_comparison(
    qtbot: QtBot,
) -> None:
    record = _record(date(2026, 3, 1), PARTIAL)
    justitie = [item.code for item in ZRM.items].index("justitie")
    grid = ScoringGrid(ZRM)
    qtbot.addWidget(grid)
    grid.set_scores(record.draft.scores)
    table = HouseholdZrmTable()
    qtbot.addWidget(table)
    table.show_latest(ZRM, [(SEM, "Sem Bakker")], {SEM: record})
    dialog = _history(qtbot, [record])
    assert grid.cell(justitie, 1).text() == NOT_ASSESSED
    assert table.item(justitie, 1).text() == NOT_ASSESSED
    assert dialog.comparison.item(justitie, 1).text() == NOT_ASSESSED


def test_the_history_of_a_person_without_measurements_says_so(qtbot: QtBot) -> None:
    dialog = _history(qtbot, [])
    empty = dialog.findChild(QLabel, "no_measurements")
    assert empty is not None and empty.isVisible()
    assert empty.text().startswith("Nog geen metingen voor Sem Bakker")
    assert not dialog.comparison.isVisible() and not dialog.chart.isVisible()


def test_an_empty_chart_has_no_axis_at_1970(qtbot: QtBot) -> None:
    chart = make_chart_view()
    qtbot.addWidget(chart)
    chart.show_series([], "Huisvesting")
    assert chart.chart().axes() == []
    assert chart.chart().title() == "Huisvesting: nog geen scores"
