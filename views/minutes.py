"""Which minutes to print: the internal version for the team, or the external version for
one organisation (only the cases with consent for it, no internal notes)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.records import OrganisationRecord
from views.forms import released


@dataclass(frozen=True)
class MinutesChoice:
    """None: the internal version; else the organisation of the external version."""

    organisation_id: uuid.UUID | None


class MinutesDialog(QDialog):
    """For whom a printout is: the team (or the family), or one organisation. The texts are
    the minutes'; the gezinsplan's printout asks the same with its own words."""

    TITLE = "Notulen afdrukken"
    INTERNAL = "Interne versie, voor het team (met interne notities)"
    EXTERNAL = "Externe versie voor een organisatie:"
    EXPLAIN = (
        "De externe versie bevat alleen de casussen waarvoor het gezin toestemming heeft "
        "gegeven om gegevens met deze organisatie te delen, en nooit de interne notities."
    )

    def __init__(
        self,
        heading: str,
        organisations: list[OrganisationRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.TITLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(8)
        title = QLabel(f"<b>{heading}</b>")
        layout.addWidget(title)
        self.internal = QRadioButton(self.INTERNAL)
        self.external = QRadioButton(self.EXTERNAL)
        self.internal.setChecked(True)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName("Organisatie")
        for record in organisations:
            self.organisation.addItem(record.name, str(record.id))
        self.organisation.setEnabled(False)
        explain = QLabel(self.EXPLAIN)
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        layout.addWidget(self.internal)
        layout.addWidget(self.external)
        indented = QHBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)
        indented.addWidget(self.organisation)
        layout.addLayout(indented)
        layout.addWidget(explain)
        if not organisations:
            self.external.setEnabled(False)
            explain.setText("Er zijn nog geen organisaties vastgelegd (Beheer → Organisaties).")
        self.external.toggled.connect(self.organisation.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Voorbeeld")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def value(self) -> MinutesChoice:
        if self.external.isChecked():
            data = self.organisation.currentData()
            return MinutesChoice(uuid.UUID(data) if isinstance(data, str) else None)
        return MinutesChoice(None)

    @classmethod
    def ask(
        cls, heading: str, organisations: list[OrganisationRecord], parent: QWidget | None
    ) -> MinutesChoice | None:
        with released(cls(heading, organisations, parent)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()
