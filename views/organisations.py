"""The team's organisations: the list with their contact persons, and the forms for both."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.records import OrganisationContactDraft, OrganisationDraft, OrganisationRecord
from models.rules import ORGANISATION, ORGANISATION_CONTACT
from models.validation import Problem, check_email
from views.forms import FormDialog, code_combo, released, text_of
from views.tables import fill_table, read_only_table, selected_id

KIND_LIST = "organisatiesoort"


class OrganisationDialog(FormDialog):
    """A new organisation, or a correction of its name and kind."""

    def __init__(
        self,
        codes: CodeLists,
        initial: OrganisationDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Organisatie wijzigen" if initial else "Nieuwe organisatie"
        super().__init__(title, parent)
        initial = initial or OrganisationDraft(name="", kind="")
        name = self.add_field("name", "Naam *", QLineEdit(initial.name))
        name.setPlaceholderText("bijvoorbeeld: Basisschool De Linde")
        self.add_field(
            "kind",
            "Soort *",
            code_combo(codes.items(KIND_LIST), initial.kind, empty="— kies —"),
        )
        self.apply_rules(ORGANISATION)
        self.setMinimumWidth(440)
        self.finish_loading()

    def value(self) -> OrganisationDraft:
        return OrganisationDraft(text_of(self.field("name")), text_of(self.field("kind")))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        initial: OrganisationDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> OrganisationDraft | None:
        with released(cls(codes, initial, parent)) as dialog:
            if adding:
                dialog.setWindowTitle("Nieuwe organisatie")
            return dialog.value() if dialog.run(problems) else None


class ContactPersonDialog(FormDialog):
    """A contact person at an organisation: name, function, phone, e-mail."""

    def __init__(
        self,
        organisation: str,
        initial: OrganisationContactDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Contactpersoon wijzigen" if initial else "Contactpersoon toevoegen"
        super().__init__(f"{title} · {organisation}", parent)
        initial = initial or OrganisationContactDraft(name="")
        self.add_field("name", "Naam *", QLineEdit(initial.name))
        role = self.add_field("role", "Functie", QLineEdit(initial.role))
        role.setPlaceholderText("bijvoorbeeld: intern begeleider")
        self.add_field("phone", "Telefoon", QLineEdit(initial.phone))
        email = self.add_field("email", "E-mail", QLineEdit(initial.email))
        self._checks["email"] = lambda: check_email(email.text())
        self.apply_rules(ORGANISATION_CONTACT)
        self.setMinimumWidth(440)
        self.finish_loading()

    def value(self) -> OrganisationContactDraft:
        return OrganisationContactDraft(
            *(text_of(self.field(key)) for key in ("name", "role", "phone", "email"))
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        organisation: str,
        initial: OrganisationContactDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> OrganisationContactDraft | None:
        with released(cls(organisation, initial, parent)) as dialog:
            if adding:
                dialog.setWindowTitle("Contactpersoon toevoegen")
            return dialog.value() if dialog.run(problems) else None


class OrganisationsDialog(QDialog):
    """Every organisation the team works with; below it, the chosen one's contact persons."""

    addRequested = Signal()
    editRequested = Signal(uuid.UUID)
    switchOffRequested = Signal(uuid.UUID)
    switchOnRequested = Signal(uuid.UUID)
    addContactRequested = Signal(uuid.UUID)  # organisation
    editContactRequested = Signal(uuid.UUID, uuid.UUID)  # organisation, contact person
    removeContactRequested = Signal(uuid.UUID)  # contact person

    def __init__(
        self, codes: CodeLists, *, may_switch_off: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.codes = codes
        self.setWindowTitle("Organisaties")
        self.records: dict[uuid.UUID, OrganisationRecord] = {}
        self.table = read_only_table(
            ["Naam", "Soort", "Contactpersonen", "Status"],
            "organisations",
            stretch=0,
        )
        self.add_button = QPushButton("Toevoegen…")
        self.edit_button = QPushButton("Wijzigen…")
        self.switch_button = QPushButton("Uitschakelen")
        self.switch_button.setObjectName("switch")
        self.switch_button.setVisible(may_switch_off)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.switch_button):
            row.addWidget(button)
        row.addStretch(1)

        self.contacts_title = QLabel()
        self.contacts = read_only_table(
            ["Naam", "Functie", "Telefoon", "E-mail"],
            "contacts",
            stretch=3,
        )
        self.add_contact_button = QPushButton("Contactpersoon toevoegen…")
        self.edit_contact_button = QPushButton("Wijzigen…")
        self.remove_contact_button = QPushButton("Verwijderen")
        contact_row = QHBoxLayout()
        for button in (
            self.add_contact_button,
            self.edit_contact_button,
            self.remove_contact_button,
        ):
            contact_row.addWidget(button)
        contact_row.addStretch(1)
        note = QLabel(
            "Een uitgeschakelde organisatie staat niet meer in de keuzelijsten; "
            "toestemmingen die ernaar verwijzen blijven bewaard."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(row)
        layout.addWidget(self.contacts_title)
        layout.addWidget(self.contacts, 2)
        layout.addLayout(contact_row)
        layout.addWidget(note)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.switch_button.clicked.connect(self._switch)
        self.add_contact_button.clicked.connect(self._add_contact)
        self.edit_contact_button.clicked.connect(self._edit_contact)
        self.remove_contact_button.clicked.connect(self._remove_contact)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._edit())
        self.contacts.itemSelectionChanged.connect(self._update_buttons)
        self.contacts.itemDoubleClicked.connect(lambda _item: self._edit_contact())
        self.resize(760, 560)
        self._selection_changed()

    # --- what the presenter calls -----------------------------------------------------

    def show_organisations(
        self, records: Sequence[OrganisationRecord], select: uuid.UUID | None = None
    ) -> None:
        """Fill the list, keeping (or moving) the selection to ``select``."""
        keep = select or self.selected()
        self.records = {r.id: r for r in records}
        status = {True: "actief", False: "uitgeschakeld"}
        fill_table(
            self.table,
            [
                (
                    r.id,
                    [
                        r.name,
                        self.codes.label(KIND_LIST, r.kind),
                        str(len(r.contacts)) if r.contacts else "",
                        status[r.active],
                    ],
                )
                for r in records
            ],
        )
        rows = [row for row, r in enumerate(records) if r.id == keep]
        if rows:
            self.table.selectRow(rows[0])
        self._selection_changed()

    def selected(self) -> uuid.UUID | None:
        chosen = selected_id(self.table)
        return chosen if isinstance(chosen, uuid.UUID) else None

    def selected_contact(self) -> uuid.UUID | None:
        chosen = selected_id(self.contacts)
        return chosen if isinstance(chosen, uuid.UUID) else None

    # --- inside -----------------------------------------------------------------------

    def _current(self) -> OrganisationRecord | None:
        chosen = self.selected()
        return self.records.get(chosen) if chosen else None

    def _selection_changed(self) -> None:
        current = self._current()
        contacts = current.contacts if current else ()
        fill_table(self.contacts, [(c.id, [c.name, c.role, c.phone, c.email]) for c in contacts])
        self.contacts_title.setText(
            f"<b>Contactpersonen van {current.name}</b>"
            if current
            else "<b>Contactpersonen</b> (kies een organisatie)"
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self._current()
        self.edit_button.setEnabled(current is not None)
        self.switch_button.setEnabled(current is not None)
        self.switch_button.setText(
            "Weer inschakelen" if current is not None and not current.active else "Uitschakelen"
        )
        self.add_contact_button.setEnabled(current is not None)
        has_contact = self.selected_contact() is not None
        self.edit_contact_button.setEnabled(has_contact)
        self.remove_contact_button.setEnabled(has_contact)

    def _edit(self) -> None:
        if (chosen := self.selected()) is not None:
            self.editRequested.emit(chosen)

    def _switch(self) -> None:
        current = self._current()
        if current is not None:
            (self.switchOffRequested if current.active else self.switchOnRequested).emit(current.id)

    def _add_contact(self) -> None:
        if (chosen := self.selected()) is not None:
            self.addContactRequested.emit(chosen)

    def _edit_contact(self) -> None:
        chosen, contact = self.selected(), self.selected_contact()
        if chosen is not None and contact is not None:
            self.editContactRequested.emit(chosen, contact)

    def _remove_contact(self) -> None:
        if (contact := self.selected_contact()) is not None:
            self.removeContactRequested.emit(contact)
