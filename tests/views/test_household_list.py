from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from models.enums import Phase
from models.records import HouseholdRow
from views.household_list import HouseholdListWidget
from views.household_table_model import (
    COL_NAME,
    COL_REGISSEUR,
    COL_STATUS,
    ID_ROLE,
    HouseholdTableModel,
)


def _row(
    name: str,
    phase: Phase | None = Phase.PLAN,
    regisseur: str = "Anouk",
    number: str = "2026-00001",
) -> HouseholdRow:
    return HouseholdRow(
        uuid.uuid4(), number, name, "Molenweg 3", "1234 AB", regisseur, phase, date(2026, 1, 2)
    )


def test_model_passes_qt_model_tester(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([_row("Bos"), _row("Aydın", Phase.AANGEMELD, ""), _row("Smit", None)])
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    model.set_rows([])
    assert tester is not None and model.rowCount() == 0


def test_model_shows_dutch_words_and_sorts(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    rows = [_row("Smit", Phase.UITVOERING), _row("bos", Phase.AANGEMELD, ""), _row("Aydın", None)]
    model.set_rows(rows)
    names = [model.index(r, COL_NAME).data() for r in range(3)]
    assert names == ["Aydın", "bos", "Smit"]  # by name, case-insensitive
    assert model.index(1, COL_REGISSEUR).data() == "— geen —"
    assert model.index(1, COL_STATUS).data() == "Aangemeld"
    assert model.index(0, COL_STATUS).data() == "Geen traject"
    model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COL_STATUS).data() for r in range(3)] == [
        "Aangemeld",
        "Uitvoering",
        "Geen traject",
    ]
    assert model.index(0, 0).data(ID_ROLE) == rows[1].id


def test_typing_searches_after_a_pause_and_enter_opens(qtbot: QtBot) -> None:
    widget = HouseholdListWidget()
    qtbot.addWidget(widget)
    widget.show()
    searches: list[tuple[str, bool]] = []
    widget.searchRequested.connect(lambda q, o: searches.append((q, o)))
    qtbot.keyClicks(widget.search, "vries")
    assert searches == []  # not on every key
    qtbot.waitUntil(lambda: searches == [("vries", True)], timeout=2000)
    row = _row("De Vries")
    widget.set_rows([row])
    assert widget.count_label.text() == "1 huishouden"
    with qtbot.waitSignal(widget.openRequested) as opened:
        qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert opened.args == [row.id]
    widget.scope.setCurrentIndex(1)
    assert searches[-1] == ("vries", False)
    widget.set_rows([_row(f"Gezin {i}") for i in range(1234)])
    assert widget.count_label.text() == "1.234 huishoudens"
