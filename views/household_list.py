"""The first screen: every household, searched as you type."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.wording import number_text
from views.household_table_model import (
    COL_ADDRESS,
    COL_NAME,
    COL_REGISSEUR,
    ID_ROLE,
    Fetch,
    HouseholdTableModel,
)

SEARCH_DELAY_MS = 150


class HouseholdListWidget(QWidget):
    searchRequested = Signal(str, bool)  # query, open trajecten only
    openRequested = Signal(uuid.UUID)
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HouseholdTableModel(self)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Zoek op naam, BSN, postcode of dossiernummer…")
        self.search.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        self.scope.addItem("Lopende trajecten", True)
        self.scope.addItem("Alle huishoudens", False)
        self.new_button = QPushButton("Nieuw huishouden…")
        self.new_button.setObjectName("new_household")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        self.table = QTableView()
        self.table.setObjectName("households")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((95, 190, 220, 85, 170, 140, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REGISSEUR, QHeaderView.ResizeMode.Interactive)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.scope)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.request_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._open_single_or_first)
        self.scope.currentIndexChanged.connect(self.request_search)
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.newRequested)

    def query(self) -> tuple[str, bool]:
        return self.search.text(), bool(self.scope.currentData())

    def request_search(self) -> None:
        self._timer.stop()
        self.searchRequested.emit(*self.query())

    def set_source(self, fetch: Fetch, total: int) -> None:
        """Show a new search result: ``total`` matches, fetched page by page."""
        self.model.set_source(fetch, total)
        count = number_text(total)
        self.count_label.setText("1 huishouden" if total == 1 else f"{count} huishoudens")

    def _open_index(self, index: QModelIndex) -> None:
        household_id = index.data(ID_ROLE)
        if household_id is not None:
            self.openRequested.emit(household_id)

    def _open_single_or_first(self) -> None:
        if self._timer.isActive():
            self.request_search()
        if self.model.rowCount() > 0:
            self._open_index(self.model.index(0, 0))
