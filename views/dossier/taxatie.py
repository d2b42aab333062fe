"""Veiligheid: the household's risicotaxaties, newest first, and what to do with one."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from models.enums import TaxatieState
from models.records import SafetyOverview, TaxatieRecord
from models.wording import (
    RISK,
    SAFETY_COLOURS,
    date_text,
    safety_text,
    taxatie_state_text,
)
from views.dossier.common import RecordSection
from views.tables import selected_id

HOUSEHOLD = "huishouden"


class TaxatieSection(RecordSection):
    """The list of taxaties; *Openen…* edits a concept or shows a concluded one, *Meekijken…*
    lets a colleague review one that is ter toetsing, *Verwijderen* removes a concept."""

    reviewRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Veiligheid (risicotaxatie)",
            ["Datum", "Over", "Veiligheid", "Risico", "Status"],
            "taxaties",
            add_text="Risicotaxatie &vastleggen…",
            stretch=1,
            parent=parent,
        )
        self.edit_button.setText("Openen…")
        self.review_button = QPushButton("Meeki&jken…")
        self.review_button.setObjectName("review_taxatie")
        self.review_button.setToolTip("Een collega toetst deze risicotaxatie met het eigen account")
        self.add_row_button(self.review_button, self.reviewRequested)
        self.next_label = QLabel()
        self.next_label.setObjectName("next_taxatie")
        self.next_label.setWordWrap(True)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.next_label)
        self._records: dict[uuid.UUID, TaxatieRecord] = {}

    def show_taxaties(
        self, records: list[TaxatieRecord], overview: SafetyOverview, today: date
    ) -> None:
        self._records = {r.id: r for r in records}
        self.show_rows(
            [
                (
                    r.id,
                    [
                        date_text(r.draft.assessed_on),
                        r.subject or HOUSEHOLD,
                        safety_text(r.conclusion),
                        RISK[r.draft.risk] if r.draft.risk else "",
                        taxatie_state_text(r.state, r.verdict),
                    ],
                )
                for r in records
            ]
        )
        for row, record in enumerate(records):
            item = self.table.item(row, 2)
            if item is not None and record.conclusion is not None:
                item.setForeground(QColor(SAFETY_COLOURS[record.conclusion]))
        status = overview.household
        if status.next_due is None:
            self.next_label.setText("")
        elif status.overdue(today):
            self.next_label.setText(
                f"<span style='color:#b00020'><b>Nieuwe taxatie te laat:</b> "
                f"{date_text(status.next_due)}</span>"
            )
        else:
            self.next_label.setText(f"Volgende taxatie uiterlijk {date_text(status.next_due)}")

    def update_buttons(self) -> None:
        super().update_buttons()
        record = self._selected()
        if hasattr(self, "review_button"):
            self.review_button.setEnabled(
                record is not None and record.state is TaxatieState.TER_TOETSING
            )
        self.remove_button.setEnabled(record is not None and record.state is TaxatieState.CONCEPT)

    def _selected(self) -> TaxatieRecord | None:
        records = getattr(self, "_records", {})
        record_id = selected_id(self.table)
        return records.get(record_id) if isinstance(record_id, uuid.UUID) else None
