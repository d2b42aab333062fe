"""The dossier tab: opens a household once (one OPEN line), lays out the registered sections,
and refreshes them after every change to this household."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.selection import PersonMarks, PersonSelection
from desktop.presenters.ui import Ui
from desktop.presenters.werkkopie import resumable
from desktop.registry import SECTIONS, ScreenContext, SectionPresenter, screen
from desktop.usecases import avg, households
from desktop.usecases.avg import DESTROYED
from desktop.usecases.base import Changed
from models.permissions import Permission
from models.records import HouseholdDossier
from models.wording import date_text, moment_text
from views.admin import HouseholdLogDialog
from views.dialogs import HouseholdDialog
from views.dossier import DossierWidget


class DossierPresenter:
    def __init__(self, ui: Ui, household_id: uuid.UUID) -> None:
        self.ui = ui
        self.household_id = household_id
        self.widget = DossierWidget(
            household_id, can_destroy=ui.unlocked.actor.may(Permission.DESTROY_DOSSIER)
        )
        self._dossier: HouseholdDossier | None = None
        self.selected_person = PersonSelection(self.widget)
        self.person_marks = PersonMarks(self.widget)
        self.sections: dict[str, SectionPresenter] = {}
        self.specs = list(SECTIONS)
        for spec in self.specs:
            presenter = spec.build(self)
            self.sections[spec.kind] = presenter
            self.widget.add_section(spec.kind, presenter.widget, spec.column, spec.order)
            header = getattr(presenter, "header_widget", None)
            if header is not None:
                self.widget.add_header_widget(header)
        self.widget.editHouseholdRequested.connect(self.edit_household)
        self.widget.logRequested.connect(self.show_log)
        self.widget.destroyRequested.connect(self.destroy)
        ui.changed.connect(self._on_changed)

    # --- what sections use -------------------------------------------------------------

    def current(self) -> HouseholdDossier:
        assert self._dossier is not None, "open() first"
        return self._dossier

    # --- showing --------------------------------------------------------------------------

    def open(self) -> bool:
        """Read and show the dossier, logged as one opening; False when it cannot be read."""
        dossier = self.ui.attempt(
            lambda: households.open_dossier(self.ui.unlocked, self.household_id)
        )
        if dossier is None:
            return False
        self._show(dossier, None)
        return True

    def reload(self, change: Changed | None = None) -> bool:
        """Show the stored state again: the same view, so not a new opening in the log."""
        dossier = self.ui.attempt(lambda: households.dossier(self.ui.unlocked, self.household_id))
        if dossier is not None:
            self._show(dossier, change)
        return dossier is not None

    def _on_changed(self, change: Changed) -> None:
        if DESTROYED in change.kinds:
            return
        if change.household_id == self.household_id:
            self.reload(change)
        elif change.household_id is None and any(spec.shows(change) for spec in self.specs):
            self.reload(change)  # team-wide: an organisation renamed, say

    def _show(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        """The header always; each section only when the change touches what it shows."""
        self._dossier = dossier
        self.widget.show_dossier(dossier, date.today())
        for spec in self.specs:
            if spec.shows(change):
                self.sections[spec.kind].refresh(dossier, change)

    def detach(self) -> None:
        """The tab closes: stop listening for changes."""
        self.ui.changed.disconnect(self._on_changed)

    # --- the header's actions --------------------------------------------------------------

    @resumable("dossier")
    def edit_household(self) -> None:
        original = self.current().household
        self.ui.ask_and_save(
            lambda draft, problems: HouseholdDialog.ask(
                self.ui.window, draft or original, problems
            ),
            lambda draft: households.update_household(self.ui.unlocked, self.household_id, draft),
            original=original,
        )

    def show_log(self) -> None:
        lines = self.ui.attempt(
            lambda: households.household_log(self.ui.unlocked, self.household_id)
        )
        if lines is not None:
            dossier = self.current()
            title = f"{dossier.household.name} · {dossier.dossier_number}"
            dialog = HouseholdLogDialog(title, lines, self.ui.window)
            dialog.exec()
            dialog.deleteLater()

    def destroy(self) -> None:
        confirm_and_destroy(self.ui, self.household_id, self.current().dossier_number)


def confirm_and_destroy(ui: Ui, household_id: uuid.UUID, dossier_number: str) -> bool:
    """Vernietiging, after a question that says what it means; True when it was done."""
    elsewhere = ui.attempt(lambda: avg.left_behind(ui.unlocked, household_id))
    if elsewhere is None:
        return False
    question = (
        f"Dossier {dossier_number} definitief vernietigen? Alle gegevens van dit huishouden "
        "worden verwijderd en zijn niet terug te halen (ook niet uit Teamtafel zelf). Het "
        "toegangslog bewaart alleen dat het dossier is vernietigd, wanneer en door wie."
        + left_behind_text(elsewhere)
    )
    if not ui.confirm(question):
        return False
    done = ui.attempt(lambda: avg.destroy(ui.unlocked, household_id))
    if done is None:
        return False
    ui.changed.emit(Changed(household_id, frozenset({DESTROYED})))
    return True


def left_behind_text(elsewhere: avg.LeftBehind) -> str:
    """The back-ups and copies that still hold the dossier, for the destruction question."""
    text = ""
    if elsewhere.backups:
        lines = "\n".join(f"• {moment_text(at)}: {where}" for at, where in elsewhere.backups)
        text += (
            "\n\nDeze back-ups van Teamtafel bevatten het dossier nog; vernietig ze ook, of "
            "houd ze bij: wordt er een teruggezet, dan vernietigt Teamtafel het dossier bij "
            f"de volgende keer inloggen opnieuw.\n{lines}"
        )
    if elsewhere.copies:
        lines = "\n".join(f"• {name} (weg op {date_text(on)})" for name, on in elsewhere.copies)
        text += (
            "\n\nNaast de database staan kopieën van vóór een bijwerking of herstel; ze "
            f"worden vanzelf verwijderd:\n{lines}"
        )
    return text


def _open_picked(context: ScreenContext) -> DossierWidget:
    from desktop.screenshot import pick_household_id

    widget = context.controller.open_household(pick_household_id(context))
    if widget is None:
        raise LookupError("dit dossier kan niet worden geopend")
    return widget


@screen("dossier", order=20)
def _dossier_screen(context: ScreenContext) -> QWidget:
    _open_picked(context)
    return context.ui.window


@screen("dossierlog", order=60)
def _dossier_log_screen(context: ScreenContext) -> QWidget:
    widget = _open_picked(context)
    dossier = widget.dossier
    assert dossier is not None
    lines = households.household_log(context.unlocked, dossier.id)
    title = f"{dossier.household.name} · {dossier.dossier_number}"
    return HouseholdLogDialog(title, lines, context.ui.window)
