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
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = [_row(f"Gezin {i:04d}", number=f"2026-{i:05d}") for i in range(450)]
    model.set_source(FakeSource(rows), len(rows))
    assert model.rowCount() == 450
    assert model.index(449, COL_NAME).data() == "Gezin 0449"
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    del tester  # it checked every reset and read while it lived (Fatal mode)


def test_model_has_every_row_but_reads_only_the_pages_asked_for(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    rows = [_row(f"Gezin {i:04d}", number=f"2026-{i:05d}") for i in range(450)]
    source = FakeSource(rows)
    model.set_source(source, len(rows))
    assert model.rowCount() == 450 and model.total() == 450
    assert source.calls == [(HouseholdSort.NAME, False, 0, PAGE_SIZE)]  # the first page at once
    assert model.index(449, COL_NAME).data() == "Gezin 0449"
    assert source.calls[-1] == (HouseholdSort.NAME, False, 400, 50)  # only the last page
    assert model.index(448, COL_NAME).data() == "Gezin 0448" and len(source.calls) == 2
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert source.calls[-1] == (HouseholdSort.NAME, True, 0, PAGE_SIZE)
    assert model.index(0, COL_NAME).data() == "Gezin 0449"


def test_model_shrinks_when_rows_vanished_since_the_count(qtbot: QtBot) -> None:
    model = HouseholdTableModel()
    source = FakeSource([_row("Bos")])
    model.set_source(source, 300)  # counted 300, but only one is there now
    assert model.rowCount() == 1
    rows = [_row(f"Gezin {i:04d}") for i in range(250)]
    source = FakeSource(rows)
    model.set_source(source, 450)  # counted 450; 250 are left when the second page is read
    assert model.rowCount() == 450
    assert model.index(420, COL_NAME).data() is None  # its page came back empty
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=1000)
    assert model.index(300, COL_NAME).data() is None  # and this one short
    qtbot.waitUntil(lambda: model.rowCount() == 250, timeout=1000)
    assert model.index(249, COL_NAME).data() == "Gezin 0249"


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


def _shown_list(qtbot: QtBot, rows: list[HouseholdRow]) -> tuple[HouseholdListWidget, FakeSource]:
    widget = HouseholdListWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=1000)  # so focus and Tab work as on screen
    source = FakeSource(rows)
    widget.set_source(source, len(rows))
    widget.search.setFocus()
    return widget, source


def test_enter_with_several_hits_opens_nothing_but_goes_to_the_first(qtbot: QtBot) -> None:
    rows = [_row("De Vries"), _row("de Vries-Bos")]
    widget, _source = _shown_list(qtbot, rows)
    opened: list[uuid.UUID] = []
    widget.openRequested.connect(opened.append)
    qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert opened == []
    assert widget.table.hasFocus() and widget.table.currentIndex().row() == 0
    assert widget.table.selectionModel().isRowSelected(0)
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, Qt.Key.Key_Return)  # the hit the user chose
    assert opened == [widget.model.index(1, 0).data(ID_ROLE)]


def test_enter_with_no_hits_does_nothing(qtbot: QtBot) -> None:
    widget, _source = _shown_list(qtbot, [])
    opened: list[uuid.UUID] = []
    widget.openRequested.connect(opened.append)
    qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert opened == [] and widget.search.hasFocus()


def test_down_goes_into_the_list_and_up_comes_back(qtbot: QtBot) -> None:
    widget, _source = _shown_list(qtbot, [_row(f"Gezin {i}") for i in range(5)])
    qtbot.keyClicks(widget.search, "gez")
    qtbot.keyClick(widget.search, Qt.Key.Key_Down)
    assert widget.table.hasFocus()
    assert widget.table.currentIndex().row() == 0
    assert widget.table.selectionModel().isRowSelected(0)
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    assert widget.table.currentIndex().row() == 1
    qtbot.keyClick(widget.table, Qt.Key.Key_Up)
    qtbot.keyClick(widget.table, Qt.Key.Key_Up)  # from the first row: back to the search
    assert widget.search.hasFocus()
    qtbot.keyClick(widget.search, Qt.Key.Key_Down)
    qtbot.keyClicks(widget.table, "in")  # typing in the list goes on in the search field
    assert widget.search.hasFocus() and widget.search.text() == "gezin"


def test_tab_leaves_the_list_instead_of_walking_its_cells(qtbot: QtBot) -> None:
    widget, _source = _shown_list(qtbot, [_row("Bos"), _row("Smit")])
    widget.focus_list()
    qtbot.keyClick(widget.table, Qt.Key.Key_Tab)
    assert not widget.table.hasFocus()


def test_ctrl_end_reaches_the_real_end_of_20000_rows(qtbot: QtBot) -> None:
    rows = [_row(f"Gezin {i:05d}", number=f"2026-{i:05d}") for i in range(20_000)]
    widget, source = _shown_list(qtbot, rows)
    widget.focus_list()
    qtbot.keyClick(widget.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    current = widget.table.currentIndex()
    assert current.row() == 19_999
    assert widget.model.index(current.row(), COL_NAME).data() == "Gezin 19999"
    assert widget.table.selectionModel().isRowSelected(19_999)
    qtbot.wait(50)  # painted: the rows on screen are read, not the 99 pages in between
    assert len(source.calls) <= 3
    qtbot.keyClick(widget.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert widget.table.currentIndex().row() == 0


def test_the_scroll_bar_dragged_to_the_bottom_shows_the_last_row(qtbot: QtBot) -> None:
    rows = [_row(f"Gezin {i:05d}", number=f"2026-{i:05d}") for i in range(20_000)]
    widget, source = _shown_list(qtbot, rows)
    bar = widget.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 19_000, timeout=1000)  # the bar is true to 20,000
    bar.setSliderDown(True)  # what a drag does: the slider follows the mouse, the view it
    bar.setSliderPosition(bar.maximum())
    bar.setSliderDown(False)
    assert bar.value() == bar.maximum()
    qtbot.wait(50)
    viewport = widget.table.viewport()
    last = widget.table.rowAt(viewport.height() - 2)
    assert last == 19_999
    assert widget.model.index(last, COL_NAME).data() == "Gezin 19999"
    assert len(source.calls) <= 3
