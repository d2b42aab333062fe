"""What the dossier's sections share: short tables of fixed-height rows and button rows."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from views.tables import Rows, fill_table, read_only_table, selected_id

ROW_HEIGHT = 26


def small_table(headers: list[str], name: str, stretch: int = -1) -> QTableWidget:
    """A short table of fixed-height rows, sized to show up to eight of them."""
    table = read_only_table(headers, name, stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    return table


def fill(table: QTableWidget, rows: Rows) -> None:
    fill_table(table, rows)
    visible_rows = min(8, max(2, len(rows)))
    table.setFixedHeight(
        visible_rows * ROW_HEIGHT
        + table.horizontalHeader().sizeHint().height()
        + 2 * table.frameWidth()
    )


class ElidedLabel(QLabel):
    """One line of plain text that never widens its layout: what does not fit ends in '…',
    and the whole text is its tooltip. ``text()`` stays the whole text."""

    def setText(self, text: str) -> None:  # Qt's name
        super().setText(text)
        self.setToolTip(text)

    def visible_text(self) -> str:
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def minimumSizeHint(self) -> QSize:  # Qt's name
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("M…") * 4), hint.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), int(self.alignment()), self.visible_text())


def button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def emit_selected(table: QTableWidget, signal: SignalInstance) -> None:
    """Emit the id of the selected row, if a row is selected."""
    record_id = selected_id(table)
    if isinstance(record_id, uuid.UUID):
        signal.emit(record_id)


class RecordSection(QGroupBox):
    """A dossier section that lists records: a table with Toevoegen, Wijzigen and Verwijderen.

    Subclasses give the headers and fill the rows in ``show``; the buttons that act on a
    row are enabled only while a row is selected. On a selected row, Enter is Wijzigen and
    Delete is Verwijderen, as a double click is Wijzigen.
    """

    addRequested = Signal()
    editRequested = Signal(uuid.UUID)
    removeRequested = Signal(uuid.UUID)
    selected = Signal(object)  # the selected record's id, or None

    def __init__(
        self,
        title: str,
        headers: list[str],
        name: str,
        *,
        add_text: str = "Vastleggen…",
        stretch: int = -1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.table = small_table(headers, name, stretch)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"add_{name.removesuffix('s')}")
        self.edit_button = QPushButton("Wijzigen…")
        self.remove_button = QPushButton("Verwijderen")
        self._row_buttons: list[QPushButton] = [self.edit_button, self.remove_button]
        self.buttons = button_row(self.add_button, self.edit_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self.add_button.clicked.connect(self.addRequested)
        self.add_row_button(self.edit_button, self.editRequested, add=False)
        self.add_row_button(self.remove_button, self.removeRequested, add=False)
        self.table.itemDoubleClicked.connect(
            lambda _item: emit_selected(self.table, self.editRequested)
        )
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.itemSelectionChanged.connect(lambda: self.selected.emit(selected_id(self.table)))
        self.table.installEventFilter(self)
        self.update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QKeyEvent):
            keys = {
                Qt.Key.Key_Return: self.editRequested,
                Qt.Key.Key_Enter: self.editRequested,
                Qt.Key.Key_Delete: self.removeRequested,
            }
            signal = keys.get(Qt.Key(event.key()))
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.type() == QEvent.Type.KeyPress and signal is not None and plain:
                emit_selected(self.table, signal)
                return True
        return super().eventFilter(watched, event)

    def add_row_button(
        self, button: QPushButton, signal: SignalInstance, *, add: bool = True
    ) -> None:
        """A button that acts on the selected row, e.g. a member's Inzage-export."""
        button.clicked.connect(lambda: emit_selected(self.table, signal))
        if add:
            self._row_buttons.append(button)
            self.buttons.insertWidget(self.buttons.count() - 1, button)
        self.update_buttons()

    def update_buttons(self) -> None:
        selected = bool(self.table.selectedItems())
        for button in self._row_buttons:
            button.setEnabled(selected)

    def show_rows(self, rows: Rows) -> None:
        fill(self.table, rows)
        self.update_buttons()
