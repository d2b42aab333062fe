"""The contact log: home visits, calls, school and other contacts, newest first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from models.records import HouseholdDossier
from models.wording import CONTACT_KIND, date_text
from views.dossier.common import RecordSection


class ContactsSection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Contactmomenten",
            ["Datum", "Soort", "Medewerker", "Notitie"],
            "contacts",
            add_text="&Contactmoment vastleggen…",
            parent=parent,
        )

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        self.show_rows(
            [
                (c.id, [date_text(c.contact_date), CONTACT_KIND[c.kind], c.medewerker, c.note])
                for c in dossier.contacts
            ]
        )
