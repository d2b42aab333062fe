"""Small read-only tables (members, contacts, log lines): one way to build and fill them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole + 1

Rows = Sequence[tuple[object, Sequence[str]]]


def read_only_table(headers: Sequence[str], name: str, stretch: int = -1) -> QTableWidget:
    """Rows are selected whole; ``stretch`` is the column that takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab goes on to the next control, not the next cell
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Rows) -> None:
    """One row per (record id, cells); the id rides along on every cell."""
    table.setRowCount(len(rows))
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, record_id)
            table.setItem(r, c, item)


def selected_id(table: QTableWidget) -> object:
    items = table.selectedItems()
    return items[0].data(ID_ROLE) if items else None
