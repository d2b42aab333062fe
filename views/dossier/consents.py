"""Consent to share information: which organisation, given or refused, for whom, until when."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from models.records import HouseholdDossier
from models.wording import date_text
from views.dossier.common import RecordSection


class ConsentsSection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Toestemming om gegevens te delen",
            ["Organisatie", "Antwoord", "Voor wie", "Datum", "Geldig tot", "Waarvoor"],
            "consents",
            add_text="Toe&stemming vastleggen…",
            parent=parent,
        )

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        self.show_rows(
            [
                (
                    c.id,
                    [
                        c.organisation,
                        "Geweigerd" if c.refused else "Gegeven",
                        c.person or "hele huishouden",
                        date_text(c.given_on),
                        date_text(c.valid_until) or "—",
                        c.purpose,
                    ],
                )
                for c in dossier.consents
            ]
        )
