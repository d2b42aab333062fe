"""The household list as a Qt table model that pages through the database.

The database counts, searches and sorts; the model has as many rows as there are matches,
but reads a page of them only when the view shows one of its rows, so a list of 20,000
households costs what the screenfuls looked at cost.  Because every row exists from the
start, the scroll bar is true to the list and Ctrl+End or dragging the scroll bar to the
bottom reaches the real end (with ``fetchMore`` they reached the next 200).  The model gets
a plain ``fetch`` function from the controller and never sees a session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from models.enums import OPEN_PHASES, Phase
from models.records import HouseholdRow, HouseholdSort
from models.wording import PHASE, SAFETY_COLOURS, date_text, safety_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1

(
    COL_DOSSIER,
    COL_NAME,
    COL_ADDRESS,
    COL_POSTCODE,
    COL_REGISSEUR,
    COL_STATUS,
    COL_SAFETY,
    COL_REGISTERED,
) = range(8)
HEADERS = (
    "Dossiernr.",
    "Naam",
    "Adres",
    "Postcode",
    "Regisseur",
    "Status",
    "Veiligheid",
    "Aanmelddatum",
)
SORT_KEYS = (
    HouseholdSort.DOSSIER,
    HouseholdSort.NAME,
    HouseholdSort.ADDRESS,
    HouseholdSort.POSTCODE,
    HouseholdSort.REGISSEUR,
    HouseholdSort.STATUS,
    HouseholdSort.SAFETY,
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
        self._pages: dict[int, list[HouseholdRow]] = {}
        self._generation = 0  # a new search or sort: pages read before it no longer count
        self._sort = HouseholdSort.NAME
        self._descending = False

    # --- feeding -------------------------------------------------------------------------

    def set_source(self, fetch: Fetch, total: int) -> None:
        """A new search: ``total`` rows match, ``fetch`` gives them page by page."""
        self.beginResetModel()
        self._fetch, self._total = fetch, total
        self._first_page()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._first_page()
        self.endResetModel()

    def _first_page(self) -> None:
        """Read the first page at once (a search costs its count and one page); inside a
        reset, so a list that shrank since the count simply gets fewer rows."""
        self._pages = {}
        self._generation += 1
        first = self._page(0)
        if len(first) < min(PAGE_SIZE, self._total):
            self._total = len(first)

    def _page(self, number: int) -> list[HouseholdRow]:
        page = self._pages.get(number)
        if page is None:
            offset = number * PAGE_SIZE
            limit = min(PAGE_SIZE, self._total - offset)
            page = self._fetch(self._sort, self._descending, offset, limit) if limit > 0 else []
            self._pages[number] = page
            if len(page) < limit:  # rows were removed since the count
                shrink, generation = offset + len(page), self._generation
                QTimer.singleShot(0, self, lambda: self._shrink(shrink, generation))
        return page

    def _shrink(self, total: int, generation: int) -> None:
        """Drop the rows that were counted but are no longer there (outside ``data()``, where
        the model may not change shape)."""
        if generation != self._generation or total >= self._total:
            return
        self.beginRemoveRows(QModelIndex(), total, self._total - 1)
        self._total = total
        self.endRemoveRows()

    def total(self) -> int:
        """How many households match: every one of them is a row, read or not."""
        return self._total

    # --- reading -------------------------------------------------------------------------

    def row_at(self, row: int) -> HouseholdRow | None:
        """The household in ``row``, read with its page if need be; None when it vanished."""
        number, at = divmod(row, PAGE_SIZE)
        page = self._page(number)
        return page[at] if 0 <= row < self._total and at < len(page) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_SAFETY and row.safety is not None:
                return QColor(SAFETY_COLOURS[row.safety])
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
        if column == COL_SAFETY:
            return safety_text(row.safety, row.safety_concept)
        return date_text(row.registered_on)
