"""The organisations screen (Team → Organisaties…) and adding one on the spot from a form."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import confirm, show_error
from desktop.presenters.ui import ask_until_stored
from desktop.session import Unlocked
from desktop.usecases import organisations as usecases
from desktop.usecases.base import Changed
from desktop.usecases.consents import CONSENTS
from models.codelists import load_codelists
from models.errors import DomainError
from models.permissions import PermissionDenied
from models.records import OrganisationRecord
from views.organisations import ContactPersonDialog, OrganisationDialog, OrganisationsDialog


def new_organisation(parent: QWidget, unlocked: Unlocked) -> OrganisationRecord | None:
    """Ask for a new organisation and store it; its record, or None when cancelled.

    The consent form calls this ("Nieuwe organisatie…") with itself as ``parent``.
    """
    codes = load_codelists()
    return ask_until_stored(
        parent,
        lambda d, p: OrganisationDialog.ask(parent, codes, d, p, adding=True),
        lambda d: usecases.add_organisation(unlocked, d),
    )


def organisation_adder(unlocked: Unlocked) -> Callable[[QWidget], OrganisationRecord | None]:
    """What ``ConsentDialog.ask(..., add_organisation=…)`` takes."""
    return lambda parent: new_organisation(parent, unlocked)


def manage_organisations(
    parent: QWidget, unlocked: Unlocked, changed: Callable[[Changed], None] | None = None
) -> OrganisationsDialog:
    """Open the organisations list (not modal); it is released when closed. ``changed`` hears
    of a renamed organisation, so open dossiers show the new name in their consents."""
    return OrganisationsPresenter(parent, unlocked, changed).dialog


class OrganisationsPresenter(QObject):
    """Team → Organisaties…: turns the list's requests into use-case calls.

    A child of its dialog, so it lives exactly as long as the dialog does.
    """

    def __init__(
        self,
        parent: QWidget,
        unlocked: Unlocked,
        changed: Callable[[Changed], None] | None = None,
    ) -> None:
        codes = load_codelists()
        dialog = OrganisationsDialog(
            codes, may_switch_off=usecases.may_switch_off(unlocked), parent=parent
        )
        super().__init__(dialog)
        self.dialog, self.unlocked, self.codes = dialog, unlocked, codes
        self.changed = changed or (lambda _change: None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addRequested.connect(self.add)
        dialog.editRequested.connect(self.edit)
        dialog.switchOffRequested.connect(self.switch_off)
        dialog.switchOnRequested.connect(self.switch_on)
        dialog.addContactRequested.connect(self.add_contact)
        dialog.editContactRequested.connect(self.edit_contact)
        dialog.removeContactRequested.connect(self.remove_contact)
        self.refresh()
        dialog.open()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        self.dialog.show_organisations(usecases.list_organisations(self.unlocked), select)

    def record(self, organisation_id: uuid.UUID) -> OrganisationRecord:
        return self.dialog.records[organisation_id]

    def add(self) -> None:
        added = new_organisation(self.dialog, self.unlocked)
        if added is not None:
            self.refresh(added.id)

    def edit(self, organisation_id: uuid.UUID) -> None:
        original = self.record(organisation_id).draft()
        if (
            ask_until_stored(
                self.dialog,
                lambda d, p: OrganisationDialog.ask(self.dialog, self.codes, d or original, p),
                lambda d: usecases.update_organisation(self.unlocked, organisation_id, d),
            )
            is not None
        ):
            self.refresh(organisation_id)
            self.changed(Changed(None, frozenset({CONSENTS})))  # every dossier's consents

    def switch_off(self, organisation_id: uuid.UUID) -> None:
        name = self.record(organisation_id).name
        if confirm(
            self.dialog,
            f"{name} uitschakelen? De organisatie staat dan niet meer in de keuzelijsten; "
            "bestaande toestemmingen blijven bewaard.",
        ):
            self._switch(organisation_id, usecases.deactivate_organisation)

    def switch_on(self, organisation_id: uuid.UUID) -> None:
        self._switch(organisation_id, usecases.reactivate_organisation)

    def _switch(
        self, organisation_id: uuid.UUID, action: Callable[[Unlocked, uuid.UUID], object]
    ) -> None:
        try:
            action(self.unlocked, organisation_id)
        except (DomainError, PermissionDenied) as exc:
            show_error(self.dialog, exc)
            return
        self.refresh(organisation_id)

    def add_contact(self, organisation_id: uuid.UUID) -> None:
        name = self.record(organisation_id).name
        if (
            ask_until_stored(
                self.dialog,
                lambda d, p: ContactPersonDialog.ask(self.dialog, name, d, p, adding=True),
                lambda d: usecases.add_contact_person(self.unlocked, organisation_id, d),
            )
            is not None
        ):
            self.refresh(organisation_id)

    def edit_contact(self, organisation_id: uuid.UUID, contact_id: uuid.UUID) -> None:
        organisation = self.record(organisation_id)
        original = next(c for c in organisation.contacts if c.id == contact_id).draft()
        if (
            ask_until_stored(
                self.dialog,
                lambda d, p: ContactPersonDialog.ask(
                    self.dialog, organisation.name, d or original, p
                ),
                lambda d: usecases.update_contact_person(self.unlocked, contact_id, d),
            )
            is not None
        ):
            self.refresh(organisation_id)

    def remove_contact(self, contact_id: uuid.UUID) -> None:
        if confirm(self.dialog, "Deze contactpersoon verwijderen?"):
            try:
                usecases.remove_contact_person(self.unlocked, contact_id)
            except DomainError as exc:
                show_error(self.dialog, exc)
            self.refresh()
