"""The household list as a Qt table model.

The database does the searching (see ``models.search``); this model holds the
rows it returns and sorts them itself.  A QSortFilterProxyModel would call
``data()`` from C++ for every comparison, which for 20,000 rows costs seconds
where a Python key sort over the row tuples costs milliseconds.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from models.enums import OPEN_PHASES, Phase
from models.records import HouseholdRow
from views.labels import PHASE, date_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1

COL_DOSSIER, COL_NAME, COL_ADDRESS, COL_POSTCODE, COL_REGISSEUR, COL_STATUS, COL_REGISTERED = range(
    7
)
HEADERS = ("Dossiernr.", "Naam", "Adres", "Postcode", "Regisseur", "Status", "Aanmelddatum")

_PHASE_ORDER = {phase: index for index, phase in enumerate((*OPEN_PHASES, Phase.AFGESLOTEN))}

Index = QModelIndex | QPersistentModelIndex

_WARNING_COLOUR = QColor("#b00020")
_MUTED_COLOUR = QColor("#777777")


def _sort_key(column: int):  # type: ignore[no-untyped-def]
    if column == COL_DOSSIER:
        return lambda r: r.dossier_number
    if column == COL_NAME:
        return lambda r: (r.name.casefold(), r.dossier_number)
    if column == COL_ADDRESS:
        return lambda r: r.address.casefold()
    if column == COL_POSTCODE:
        return lambda r: r.postcode
    if column == COL_REGISSEUR:
        return lambda r: (r.regisseur == "", r.regisseur.casefold())
    if column == COL_STATUS:
        return lambda r: _PHASE_ORDER.get(r.phase, 99) if r.phase else 99
    return lambda r: r.registered_on or date.min


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HouseholdRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (COL_NAME, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[HouseholdRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[row]

    def row_of(self, household_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == household_id), -1)

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
            if column == COL_REGISTERED:
                return date_text(row.registered_on)
        elif role == ID_ROLE:
            return row.id
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_REGISSEUR and not row.regisseur and row.phase in OPEN_PHASES:
                return _WARNING_COLOUR
            if row.phase is Phase.AFGESLOTEN:
                return _MUTED_COLOUR
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._rows.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
