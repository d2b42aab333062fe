"""The contact log section: record, change or remove a contact moment."""

from __future__ import annotations

import uuid
from datetime import date

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, section
from desktop.usecases import contacts, households
from desktop.usecases.base import Changed
from desktop.usecases.contacts import CONTACTS
from models.records import HouseholdDossier
from views.dialogs import ContactDialog
from views.dossier import Column
from views.dossier.contacts import ContactsSection


# Above the ZRM: a contact is logged far more often than a ZRM is scored, and so its button
# stays in view on a 1280x800 screen.
@section(CONTACTS, Column.LEFT, 15)
class ContactsPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = ContactsSection()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.edit)
        self.widget.removeRequested.connect(self.remove)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())

    @resumable(CONTACTS)
    def add(self) -> None:
        """A new contact's medewerker is the one logged in, as a ZRM's assessor is."""
        team = households.medewerkers(self.ui.unlocked)
        me = households.own_medewerker(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: ContactDialog.ask(
                self.ui.window, team, draft, problems, adding=True, medewerker_id=me
            ),
            lambda draft: contacts.add_contact(self.ui.unlocked, self.scope.household_id, draft),
        )

    @resumable(CONTACTS, uuid.UUID)
    def edit(self, contact_id: uuid.UUID) -> None:
        team = households.medewerkers(self.ui.unlocked)
        original = next(c for c in self.scope.current().contacts if c.id == contact_id).draft()
        self.ui.ask_and_save(
            lambda draft, problems: ContactDialog.ask(
                self.ui.window, team, draft or original, problems
            ),
            lambda draft: contacts.update_contact(self.ui.unlocked, contact_id, draft),
            original=original,
        )

    def remove(self, contact_id: uuid.UUID) -> None:
        if self.ui.confirm("Dit contactmoment verwijderen?"):
            self.ui.attempt(lambda: contacts.remove_contact(self.ui.unlocked, contact_id))
