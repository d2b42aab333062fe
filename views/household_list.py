"""The first screen: every household, searched as you type."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
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

        self.table = self._table()

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
        self.search.returnPressed.connect(self._enter_in_search)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.scope.currentIndexChanged.connect(self.request_search)
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.newRequested)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("households")
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)  # Tab leaves the list instead of walking its cells
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((95, 190, 220, 85, 170, 140, 110)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REGISSEUR, QHeaderView.ResizeMode.Interactive)
        return table

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

    def _enter_in_search(self) -> None:
        """Enter opens the one hit; with more, the cursor goes to the first of them (a second
        Enter opens it), so Enter never opens a household the user did not see."""
        if self._timer.isActive():
            self.request_search()
        if self.model.total() == 1:
            self._open_index(self.model.index(0, 0))
        else:
            self.focus_list()

    def focus_list(self) -> None:
        """Into the list on its first row (nothing happens in an empty list)."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(0)
        self.table.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search field goes into the list; Up from the list's first row goes
        back; a letter typed in the list goes on in the search field."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search and plain and event.key() == Qt.Key.Key_Down:
            if self._timer.isActive():
                self.request_search()
            self.focus_list()
            return True
        if watched is self.table:
            if plain and event.key() == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            text = event.text()
            typed = not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if typed and text.isprintable() and text.strip():
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search.insert(text)
                return True
        return super().eventFilter(watched, event)
