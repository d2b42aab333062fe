"""Verwijzingen: the traject's referrals, newest first, with their status and its date."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from models.codelists import CodeLists
from models.enums import VERWIJZING_NEXT
from models.records import VerwijzingRecord
from models.wording import VERWIJZING_STATUS, date_text
from views.dossier.common import RecordSection
from views.tables import selected_id


class VerwijzingSection(RecordSection):
    """The list of verwijzingen; *Status wijzigen…* moves the selected one on. A verwijzing
    is not changed or removed: its history is the traject's."""

    statusRequested = Signal(uuid.UUID)

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__(
            "Verwijzingen",
            ["Datum", "Voor wie", "Naar", "Hulpvorm", "Status"],
            "verwijzingen",
            add_text="Verwij&zing vastleggen…",
            stretch=2,
            parent=parent,
        )
        self.codes = codes
        self.edit_button.hide()
        self.remove_button.hide()
        self.status_button = QPushButton("Status wijzigen…")
        self.status_button.setObjectName("verwijzing_status")
        self.add_row_button(self.status_button, self.statusRequested)
        self._records: dict[uuid.UUID, VerwijzingRecord] = {}

    def show_verwijzingen(self, records: list[VerwijzingRecord]) -> None:
        self._records = {r.id: r for r in records}
        self.show_rows(
            [
                (
                    r.id,
                    [
                        date_text(r.draft.referred_on),
                        ", ".join(r.members),
                        r.organisation,
                        self.codes.label("hulpvorm", r.draft.hulpvorm),
                        f"{VERWIJZING_STATUS[r.status.status]} {date_text(r.status.on)}",
                    ],
                )
                for r in records
            ]
        )
        for row, record in enumerate(records):
            item = self.table.item(row, 4)
            if item is not None:
                history = "\n".join(
                    f"{date_text(s.on)} {VERWIJZING_STATUS[s.status]}"
                    + (f": {s.note}" if s.note else "")
                    for s in record.history
                )
                item.setToolTip(
                    f"{history}\nBesloten door {record.deciders[0]} en {record.deciders[1]}"
                )

    def update_buttons(self) -> None:
        super().update_buttons()
        if hasattr(self, "status_button"):
            record = self._selected()
            self.status_button.setEnabled(
                record is not None and bool(VERWIJZING_NEXT[record.status.status])
            )

    def _selected(self) -> VerwijzingRecord | None:
        records = getattr(self, "_records", {})
        record_id = selected_id(self.table)
        return records.get(record_id) if isinstance(record_id, uuid.UUID) else None
