"""The consent section: record, change or remove consent to share information."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.organisations import organisation_adder
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import consents, organisations
from desktop.usecases.base import Changed
from desktop.usecases.consents import CONSENTS
from desktop.usecases.households import MEMBERS
from models.records import ConsentDraft, HouseholdDossier
from models.validation import Problem
from views.dialogs import ConsentDialog
from views.dossier import Column
from views.dossier.consents import ConsentsSection


@section(CONSENTS, Column.LEFT, 40, also=(MEMBERS,))
class ConsentsPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = ConsentsSection()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.edit)
        self.widget.removeRequested.connect(self.remove)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())

    def _people(self) -> list[tuple[uuid.UUID, str]]:
        return [(m.id, m.full_name) for m in self.scope.current().members]

    def _ask(
        self,
        draft: ConsentDraft | None,
        problems: dict[str, Problem] | None,
        *,
        adding: bool = False,
    ) -> ConsentDraft | None:
        """The consent form, with the organisations read anew each time (one may be added)."""
        unlocked = self.ui.unlocked
        return ConsentDialog.ask(
            self.ui.window,
            self._people(),
            draft,
            problems,
            organisations=organisations.list_organisations(unlocked),
            add_organisation=organisation_adder(unlocked),
            adding=adding,
        )

    @resumable(CONSENTS)
    def add(self) -> None:
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft, problems, adding=True),
            lambda draft: consents.add_consent(self.ui.unlocked, self.scope.household_id, draft),
        )

    @resumable(CONSENTS, uuid.UUID)
    def edit(self, consent_id: uuid.UUID) -> None:
        original = next(c for c in self.scope.current().consents if c.id == consent_id).draft()
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft or original, problems),
            lambda draft: consents.update_consent(self.ui.unlocked, consent_id, draft),
            original=original,
        )

    def remove(self, consent_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze toestemming verwijderen?"):
            self.ui.attempt(lambda: consents.remove_consent(self.ui.unlocked, consent_id))


@screen("toestemming", order=50)
def _consent_screen(context: ScreenContext) -> QWidget:
    """The consent form with an end date in the past, to show how it is explained."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    members = [(m.id, m.full_name) for m in dossier.members]
    consent = ConsentDialog(
        members,
        parent=context.ui.window,
        organisations=organisations.list_organisations(context.unlocked),
    )
    consent.field("organisation").setCurrentIndex(1)
    consent.field("purpose").setPlainText("Afstemming over de behandeling van moeder")
    consent.field("given_by").setText(members[0][1] if members else "")
    consent.field("valid_until").setText("01-01-2020")
    consent.accept()
    return consent
