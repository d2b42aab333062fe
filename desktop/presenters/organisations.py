"""The organisations screen (Team → Organisaties…) and adding one on the spot from a form."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import show_error
from desktop.session import Unlocked
from desktop.usecases import organisations as usecases
from models.codelists import load_codelists
from models.errors import DomainError
from models.permissions import PermissionDenied
from models.records import OrganisationRecord
from models.validation import Problem, ValidationError
from views.organisations import ContactPersonDialog, OrganisationDialog, OrganisationsDialog

D = TypeVar("D")
R = TypeVar("R")


def ask_until_stored(
    parent: QWidget,
    ask: Callable[[D | None, dict[str, Problem] | None], D | None],
    store: Callable[[D], R],
) -> R | None:
    """Ask for a draft and store it; a refused draft is asked again, filled in, with its problems."""
    draft: D | None = None
    problems: dict[str, Problem] | None = None
    while True:
        draft = ask(draft, problems)
        if draft is None:
            return None
        try:
            return store(draft)
        except ValidationError as exc:
            problems = exc.problems
            show_error(parent, exc)
        except DomainError as exc:
            show_error(parent, exc)
            return None
        except PermissionDenied:
            QMessageBox.warning(parent, "Teamtafel", "Dit mag alleen een coördinator of beheerder.")
            return None


def new_organisation(parent: QWidget, unlocked: Unlocked) -> OrganisationRecord | None:
    """Ask for a new organisation and store it; its record, or None when cancelled.

    The consent form calls this ("Nieuwe organisatie…") with itself as ``parent``.
    """
    codes = load_codelists()
    return ask_until_stored(
        parent,
        lambda d, p: OrganisationDialog.ask(parent, codes, d, p),
        lambda d: usecases.add_organisation(unlocked, d),
    )


def organisation_adder(unlocked: Unlocked) -> Callable[[QWidget], OrganisationRecord | None]:
    """What ``ConsentDialog.ask(..., add_organisation=…)`` takes."""
    return lambda parent: new_organisation(parent, unlocked)


def manage_organisations(parent: QWidget, unlocked: Unlocked) -> OrganisationsDialog:
    """Open the organisations list (not modal); it is released when closed."""
    codes = load_codelists()
    dialog = OrganisationsDialog(
        codes, may_switch_off=usecases.may_switch_off(unlocked), parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def refresh(select: uuid.UUID | None = None) -> None:
        dialog.show_organisations(usecases.list_organisations(unlocked), select)

    def record(organisation_id: uuid.UUID) -> OrganisationRecord:
        return dialog.records[organisation_id]

    def add() -> None:
        added = new_organisation(dialog, unlocked)
        if added is not None:
            refresh(added.id)

    def edit(organisation_id: uuid.UUID) -> None:
        original = record(organisation_id).draft()
        if (
            ask_until_stored(
                dialog,
                lambda d, p: OrganisationDialog.ask(dialog, codes, d or original, p),
                lambda d: usecases.update_organisation(unlocked, organisation_id, d),
            )
            is not None
        ):
            refresh(organisation_id)

    def switch(organisation_id: uuid.UUID, on: bool) -> None:
        name = record(organisation_id).name
        if not on and not _confirm(
            dialog,
            f"{name} uitschakelen? De organisatie staat dan niet meer in de keuzelijsten; "
            "bestaande toestemmingen blijven bewaard.",
        ):
            return
        try:
            if on:
                usecases.reactivate_organisation(unlocked, organisation_id)
            else:
                usecases.deactivate_organisation(unlocked, organisation_id)
        except PermissionDenied:
            QMessageBox.warning(dialog, "Teamtafel", "Dit mag alleen een coördinator of beheerder.")
            return
        except DomainError as exc:
            show_error(dialog, exc)
        refresh(organisation_id)

    def add_contact(organisation_id: uuid.UUID) -> None:
        name = record(organisation_id).name
        if (
            ask_until_stored(
                dialog,
                lambda d, p: ContactPersonDialog.ask(dialog, name, d, p),
                lambda d: usecases.add_contact_person(unlocked, organisation_id, d),
            )
            is not None
        ):
            refresh(organisation_id)

    def edit_contact(organisation_id: uuid.UUID, contact_id: uuid.UUID) -> None:
        organisation = record(organisation_id)
        original = next(c for c in organisation.contacts if c.id == contact_id).draft()
        if (
            ask_until_stored(
                dialog,
                lambda d, p: ContactPersonDialog.ask(dialog, organisation.name, d or original, p),
                lambda d: usecases.update_contact_person(unlocked, contact_id, d),
            )
            is not None
        ):
            refresh(organisation_id)

    def remove_contact(contact_id: uuid.UUID) -> None:
        if _confirm(dialog, "Deze contactpersoon verwijderen?"):
            try:
                usecases.remove_contact_person(unlocked, contact_id)
            except DomainError as exc:
                show_error(dialog, exc)
            refresh()

    dialog.addRequested.connect(add)
    dialog.editRequested.connect(edit)
    dialog.switchOffRequested.connect(lambda organisation_id: switch(organisation_id, False))
    dialog.switchOnRequested.connect(lambda organisation_id: switch(organisation_id, True))
    dialog.addContactRequested.connect(add_contact)
    dialog.editContactRequested.connect(edit_contact)
    dialog.removeContactRequested.connect(remove_contact)
    refresh()
    dialog.open()
    return dialog


def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Teamtafel",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
