from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from models.enums import Phase
from models.records import HouseholdRow, HouseholdSort
from views.household_list import HouseholdListWidget
from views.household_table_model import (
    COL_NAME,
    COL_REGISSEUR,
    COL_STATUS,
    ID_ROLE,
    PAGE_SIZE,
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


class FakeSource:
    """Stands in for the database: serves pages and records what was asked."""

    def __init__(self, rows: list[HouseholdRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[HouseholdSort, bool, int, int]] = []

    def __call__(
        self, sort: HouseholdSort, descending: bool, offset: int, limit: int
    ) -> list[HouseholdRow]:
        self.calls.append((sort, descending, offset, limit))
        ordered = sorted(
            self.rows,
            key=lambda r: r.name if sort is HouseholdSort.NAME else r.dossier_number,
            reverse=descending,
        )
        return ordered[offset : offset + limit]


def test_model_passes_qt_model_tester(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    rows = [_row(f"Gezin {i:04d}", number=f"2026-{i:05d}") for i in range(450)]
    model.set_source(FakeSource(rows), len(rows))
    # Attached after the reset: Qt's tester calls fetchMore() from its own modelReset
    # handler while it still counts the reset as in flight, which no paging model passes.
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450
    del tester  # it checked every fetch while it lived (Fatal mode)


def test_model_pages_through_the_source_and_asks_it_to_sort(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    rows = [_row(f"Gezin {i:04d}", number=f"2026-{i:05d}") for i in range(450)]
    source = FakeSource(rows)
    model.set_source(source, len(rows))
    assert model.rowCount() == PAGE_SIZE
    assert source.calls == [(HouseholdSort.NAME, False, 0, PAGE_SIZE)]
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450 and not model.canFetchMore(model.index(-1, -1))
    assert source.calls[-1] == (HouseholdSort.NAME, False, 400, 50)
    assert [model.index(r, COL_NAME).data() for r in (0, 449)] == ["Gezin 0000", "Gezin 0449"]
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert source.calls[-1] == (HouseholdSort.NAME, True, 0, PAGE_SIZE)
    assert model.index(0, COL_NAME).data() == "Gezin 0449"


def test_model_stops_when_rows_vanished_since_the_count(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    source = FakeSource([_row("Bos")])
    model.set_source(source, 300)  # counted 300, but only one is there now
    assert model.rowCount() == 1
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 1 and not model.canFetchMore(model.index(-1, -1))


def test_model_shows_dutch_words(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    rows = [
        _row("Aydın", None),
        _row("Bos", Phase.AANGEMELD, ""),
        _row("Smit", Phase.AFGESLOTEN, ""),
    ]
    model.set_source(FakeSource(rows), 3)
    assert model.index(1, COL_REGISSEUR).data() == "— geen —"
    assert model.index(1, COL_REGISSEUR).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, COL_STATUS).data() == "Aangemeld"
    assert model.index(0, COL_STATUS).data() == "Geen traject"
    assert model.index(2, COL_STATUS).data() == "Afgesloten"
    assert model.index(0, 0).data(ID_ROLE) == rows[0].id


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
    widget.set_source(FakeSource([row]), 1)
    assert widget.count_label.text() == "1 huishouden"
    with qtbot.waitSignal(widget.openRequested) as opened:
        qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert opened.args == [row.id]
    widget.scope.setCurrentIndex(1)
    assert searches[-1] == ("vries", False)
    widget.set_source(FakeSource([_row(f"Gezin {i}") for i in range(1234)]), 1234)
    assert widget.count_label.text() == "1.234 huishoudens"


def test_clicking_a_header_sorts_through_the_source(qtbot: QtBot) -> None:
    widget = HouseholdListWidget()
    qtbot.addWidget(widget)
    widget.show()
    source = FakeSource([_row("Bos", number="2026-00002"), _row("Aydın", number="2026-00001")])
    widget.set_source(source, 2)
    header = widget.table.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert source.calls[-1][0] is HouseholdSort.DOSSIER
    assert widget.model.index(0, COL_NAME).data() == "Aydın"
