"""The household's members: name, date of birth, age, role and BSN."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from models.records import HouseholdDossier
from models.wording import ROLE, date_text
from views.dossier.common import RecordSection


class MembersSection(RecordSection):
    exportRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Gezinsleden",
            ["Naam", "Geboortedatum", "Leeftijd", "Rol", "BSN"],
            "members",
            add_text="&Gezinslid toevoegen…",
            stretch=0,
            parent=parent,
        )
        self.export_button = QPushButton("Inzage-e&xport…")
        self.export_button.setObjectName("export_member")
        self.export_button.setToolTip(
            "Alle gegevens over deze persoon, als PDF en als bestand (AVG)"
        )
        self.add_row_button(self.export_button, self.exportRequested)

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        self.show_rows(
            [
                (
                    p.id,
                    [
                        p.full_name,
                        date_text(p.date_of_birth),
                        str(p.age(today)) if p.date_of_birth else "",
                        ROLE[p.role],
                        p.bsn or "",
                    ],
                )
                for p in dossier.members
            ]
        )
