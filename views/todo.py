"""Te doen: one list of what is due (re-assessments now; actions and plan evaluations later)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.records import TodoItem
from models.wording import TODO_KIND, date_text
from views.tables import fill_table, read_only_table, selected_id

MINE, TEAM = "mijn", "team"


class TodoWidget(QWidget):
    """The list, overdue lines in red; Enter or a double click opens the household."""

    openRequested = Signal(uuid.UUID)
    scopeChanged = Signal(bool)  # True: my households

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Te doen")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.scope = QComboBox()
        self.scope.setObjectName("todo_scope")
        self.scope.addItem("Mijn huishoudens", MINE)
        self.scope.addItem("Hele team", TEAM)
        self.count = QLabel()
        self.count.setObjectName("todo_count")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.scope)
        top.addWidget(self.count, 1)
        self.table = read_only_table(
            ["Uiterlijk", "Wat", "Dossier", "Huishouden", "Over", "Regisseur"], "todo", stretch=3
        )
        self.open_button = QPushButton("Dossier &openen")
        self.open_button.setObjectName("todo_open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems()))
        )
        top.addWidget(self.open_button)
        self.empty = QLabel("Er is niets te doen.")
        self.empty.setObjectName("todo_empty")
        self.empty.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.scope.currentIndexChanged.connect(
            lambda _i: self.scopeChanged.emit(self.scope.currentData() == MINE)
        )
        self.table.itemDoubleClicked.connect(lambda _item: self._open())
        self.table.installEventFilter(self)

    def eventFilter(self, watched: object, event: object) -> bool:  # Qt's name
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _open(self) -> None:
        household_id = selected_id(self.table)
        if isinstance(household_id, uuid.UUID):
            self.openRequested.emit(household_id)

    def mine(self) -> bool:
        return bool(self.scope.currentData() == MINE)

    def show_items(self, items: list[TodoItem], today: date) -> None:
        fill_table(
            self.table,
            [
                (
                    i.household_id,
                    [
                        date_text(i.due) + (" (te laat)" if i.due < today else ""),
                        TODO_KIND.get(i.kind, i.kind),
                        i.dossier_number,
                        i.household_name,
                        i.subject or "het huishouden",
                        i.regisseur or "— geen —",
                    ],
                )
                for i in items
            ],
        )
        for row, item in enumerate(items):
            cell = self.table.item(row, 0)
            if cell is not None and item.due < today:
                cell.setForeground(QColor("#b00020"))
        late = sum(1 for i in items if i.due < today)
        self.count.setText(f"{len(items)} te doen, waarvan {late} te laat" if items else "")
        self.empty.setVisible(not items)
