"""The household list as a Qt table model that pages through the database.

The database searches and sorts; the model asks for one page of rows at a time
through Qt's ``canFetchMore``/``fetchMore``, so a list of 20,000 households
costs what a screenful costs.  The model gets a plain ``fetch`` function from
the controller and never sees a session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from models.enums import OPEN_PHASES, Phase
from models.records import HouseholdRow, HouseholdSort
from models.wording import PHASE, date_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1

COL_DOSSIER, COL_NAME, COL_ADDRESS, COL_POSTCODE, COL_REGISSEUR, COL_STATUS, COL_REGISTERED = range(
    7
)
HEADERS = ("Dossiernr.", "Naam", "Adres", "Postcode", "Regisseur", "Status", "Aanmelddatum")
SORT_KEYS = (
    HouseholdSort.DOSSIER,
    HouseholdSort.NAME,
    HouseholdSort.ADDRESS,
    HouseholdSort.POSTCODE,
    HouseholdSort.REGISSEUR,
    HouseholdSort.STATUS,
    HouseholdSort.REGISTERED,
)
PAGE_SIZE = 200

# fetch(sort, descending, offset, limit) -> rows
Fetch = Callable[[HouseholdSort, bool, int, int], list[HouseholdRow]]
Index = QModelIndex | QPersistentModelIndex

_WARNING_COLOUR = QColor("#b00020")
_MUTED_COLOUR = QColor("#777777")


def _no_rows(
    _sort: HouseholdSort, _descending: bool, _offset: int, _limit: int
) -> list[HouseholdRow]:
    return []


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch = _no_rows
        self._total = 0
        self._rows: list[HouseholdRow] = []
        self._sort = HouseholdSort.NAME
        self._descending = False

    # --- feeding -------------------------------------------------------------------------

    def set_source(self, fetch: Fetch, total: int) -> None:
        """A new search: ``total`` rows match, ``fetch`` gives them page by page."""
        self.beginResetModel()
        self._fetch, self._total = fetch, total
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[HouseholdRow]:
        limit = min(PAGE_SIZE, self._total - offset)
        return self._fetch(self._sort, self._descending, offset, limit) if limit > 0 else []

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:  # rows were removed since the count: stop asking
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._rows = self._page(0)
        self.endResetModel()

    # --- reading -------------------------------------------------------------------------

    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_REGISSEUR and not row.regisseur and row.phase in OPEN_PHASES:
                return _WARNING_COLOUR
            if row.phase is Phase.AFGESLOTEN:
                return _MUTED_COLOUR
        return None

    @staticmethod
    def _text(row: HouseholdRow, column: int) -> str:
        if column == COL_DOSSIER:
            return row.dossier_number
        if column == COL_NAME:
            return row.name
        if column == COL_ADDRESS:
            return row.address
        if column == COL_POSTCODE:
            return row.postcode
        if column == COL_REGISSEUR:
            return row.regisseur or "— geen —"
        if column == COL_STATUS:
            return PHASE[row.phase] if row.phase else "Geen traject"
        return date_text(row.registered_on)
