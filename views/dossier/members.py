"""The household's members: name, date of birth, age, role and BSN, the child's safety, and
marks for gezag, living elsewhere and an afgeschermd address."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from models.records import HouseholdDossier, PersonRecord
from models.wording import MEMBER_MARKS, ROLE, date_text
from views.dossier.common import RecordSection


class MembersSection(RecordSection):
    exportRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Gezinsleden",
            ["Naam", "Geboortedatum", "Leeftijd", "Rol", "BSN", "Veiligheid", "Bijzonderheden"],
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
        self._marks: dict[uuid.UUID, tuple[str, str]] = {}
        self._dossier: HouseholdDossier | None = None
        self._today = date.today()

    def set_marks(self, marks: dict[uuid.UUID, tuple[str, str]]) -> None:
        """What stands beside each member (a child's safety): text and colour."""
        self._marks = dict(marks)
        if self._dossier is not None:
            self.show_dossier(self._dossier, self._today)

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        self._dossier, self._today = dossier, today
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
                        self._marks.get(p.id, ("", ""))[0],
                        member_marks(p),
                    ],
                )
                for p in dossier.members
            ]
        )
        for row, person in enumerate(dossier.members):
            item = self.table.item(row, 5)
            if item is not None and person.id in self._marks:
                item.setForeground(QColor(self._marks[person.id][1]))
            marks = self.table.item(row, MARKS)
            if marks is not None and person.lives_elsewhere and person.address:
                marks.setToolTip(person.address)


MARKS = 6  # the column of member_marks


def member_marks(person: PersonRecord) -> str:
    """'gezag, woont elders, adres afgeschermd': what the gezinsplan asks of a member."""
    return ", ".join(
        MEMBER_MARKS[key]
        for key, on in (
            ("gezag", person.gezag),
            ("lives_elsewhere", person.lives_elsewhere),
            ("address_shielded", person.address_shielded),
        )
        if on
    )
