"""One household whole on one screen: a header, and the registered sections in two columns.

The widget knows no section by name: the composition root adds each section with
:meth:`DossierWidget.add_section`, so a new section (safety, plan, meetings) is a new file,
not a wider hub.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.enums import Phase
from models.records import HouseholdDossier
from models.wording import ADDRESS_SHIELDED_HINT, PHASE, warning_text
from views.dossier.common import ElidedLabel

_PHASE_COLOURS = {
    Phase.AANGEMELD: "#5c6bc0",
    Phase.VRAAGVERHELDERING: "#00897b",
    Phase.PLAN: "#7cb342",
    Phase.UITVOERING: "#f9a825",
    Phase.AFGESLOTEN: "#757575",
}


class Column(enum.IntEnum):
    """Where a section stands: the wide left column or the narrower right one."""

    LEFT = 0
    RIGHT = 1


class DossierWidget(QWidget):
    editHouseholdRequested = Signal()
    logRequested = Signal()
    destroyRequested = Signal()
    titleChanged = Signal(str)

    def __init__(
        self, household_id: uuid.UUID, *, can_destroy: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.household_id = household_id
        self.dossier: HouseholdDossier | None = None
        self._sections: dict[str, QWidget] = {}
        self._order: dict[str, tuple[Column, int]] = {}

        self.title = ElidedLabel()  # a name of any length leaves the buttons where they are
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("phase_badge")
        self.edit_household = QPushButton("Gegevens &wijzigen…")
        self.log_button = QPushButton("Wie heeft dit dossier &ingezien?")
        self.log_button.setObjectName("show_log")
        self.destroy_button = QPushButton("Dossier vernietigen…")
        self.destroy_button.setObjectName("destroy_dossier")
        self.destroy_button.setVisible(can_destroy)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0a040; border-radius: 4px; padding: 6px;"
        )

        self.columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.columns:
            column.addStretch(1)
        body_columns = QHBoxLayout()
        body_columns.addLayout(self.columns[Column.LEFT], 3)
        body_columns.addLayout(self.columns[Column.RIGHT], 2)

        self.header_items = QHBoxLayout()  # what sections place in the header (safety)
        self.header_items.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(self._header())
        body.addLayout(self.header_items)
        body.addWidget(self.warnings)
        body.addLayout(body_columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.edit_household.clicked.connect(self.editHouseholdRequested)
        self.log_button.clicked.connect(self.logRequested)
        self.destroy_button.clicked.connect(self.destroyRequested)

    def _header(self) -> QGridLayout:
        """Title and phase badge, the dossier's buttons on the right, the subtitle below."""
        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.badge, 0, 1, Qt.AlignmentFlag.AlignLeft)
        actions = QHBoxLayout()
        for button in (self.log_button, self.destroy_button, self.edit_household):
            actions.addWidget(button)
        header.addLayout(actions, 0, 2, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.subtitle, 1, 0, 1, 3)
        header.setColumnStretch(1, 1)
        return header

    # --- sections ---------------------------------------------------------------------

    def add_section(self, kind: str, widget: QWidget, column: Column, order: int) -> None:
        """Place a section in its column, sorted by ``order`` among those already there."""
        self._sections[kind] = widget
        self._order[kind] = (column, order)
        before = sum(1 for c, o in self._order.values() if c is column and o < order)
        self.columns[column].insertWidget(before, widget)

    def add_header_widget(self, widget: QWidget) -> None:
        """A section's own line in the header, under the address (the safety status)."""
        self.header_items.addWidget(widget, 1)

    def section(self, kind: str) -> QWidget:
        return self._sections[kind]

    def section_kinds(self) -> list[str]:
        return sorted(self._sections, key=lambda kind: self._order[kind])

    # --- the header ---------------------------------------------------------------------

    def show_dossier(self, dossier: HouseholdDossier, today: date | None = None) -> None:
        """The header: name, dossier number, address, phase and the warnings."""
        self.dossier = dossier
        household = dossier.household
        if household.name != self.title.text():
            self.title.setText(household.name)
            self.titleChanged.emit(household.name)
        address = ", ".join(
            part
            for part in (
                f"{household.street} {household.house_number}".strip(),
                f"{household.postcode} {household.city}".strip(),
                household.phone,
            )
            if part
        )
        if address and dossier.address_shielded:
            address += f" ({ADDRESS_SHIELDED_HINT})"
        self.subtitle.setText(
            f"Dossier {dossier.dossier_number}" + (f" · {address}" if address else "")
        )
        if dossier.warnings:
            self.warnings.setText("<br>".join("⚠ " + warning_text(w) for w in dossier.warnings))
            self.warnings.show()
        else:
            self.warnings.hide()
        traject = dossier.traject
        if traject is None:
            self.badge.setText("Geen traject")
            self.badge.setStyleSheet("")
            return
        self.badge.setText(PHASE[traject.phase])
        self.badge.setStyleSheet(
            f"background: {_PHASE_COLOURS[traject.phase]}; color: white; border-radius: 9px; "
            "padding: 2px 10px; font-weight: 600;"
        )
