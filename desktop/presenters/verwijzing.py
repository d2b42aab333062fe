"""Verwijzingen: the traject's referrals, under the Traject. A new one prompts for a new
risicotaxatie (the taxatie section's own form, reached through the dossier's sections)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.organisations import organisation_adder
from desktop.presenters.taxatie import TaxatiePresenter
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import households, organisations, verwijzing
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from desktop.usecases.taxatie import TAXATIE
from desktop.usecases.traject import TRAJECT
from desktop.usecases.verwijzing import VERWIJZING
from models.enums import VERWIJZING_NEXT
from models.records import HouseholdDossier, VerwijzingDraft
from models.validation import Problem
from views.dossier import Column
from views.dossier.verwijzing import VerwijzingSection
from views.verwijzing import StatusDialog, VerwijzingDialog

TAXATIE_QUESTION = (
    "De verwijzing is vastgelegd. Een verwijzing is een belangrijk besluit: nu een nieuwe "
    "risicotaxatie maken?"
)


@section(VERWIJZING, Column.RIGHT, 12, also=(MEMBERS, TRAJECT))
class VerwijzingPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = VerwijzingSection(self.ui.codes)
        self.widget.addRequested.connect(self.add)
        self.widget.statusRequested.connect(self.change_status)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        records = verwijzing.verwijzingen(self.ui.unlocked, self.scope.household_id)
        self.widget.show_verwijzingen(records)

    def _ask(
        self, draft: VerwijzingDraft | None, problems: dict[str, Problem] | None
    ) -> VerwijzingDraft | None:
        """The form, with organisations and the team read anew each time."""
        unlocked = self.ui.unlocked
        return VerwijzingDialog.ask(
            self.ui.window,
            self.ui.codes,
            [(m.id, m.full_name) for m in self.scope.current().members],
            organisations.list_organisations(unlocked, active_only=True),
            households.medewerkers(unlocked),
            draft,
            problems,
            add_organisation=organisation_adder(unlocked),
        )

    @resumable(VERWIJZING)
    def add(self) -> None:
        self.ask_new()

    def ask_new(self, prefill: VerwijzingDraft | None = None) -> Changed | None:
        """The form, empty or filled in (``prefill``: a meeting's decision), then the question
        about a new risicotaxatie; None when nothing was stored."""
        household_id = self.scope.household_id
        saved = self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft or prefill, problems),
            lambda draft: verwijzing.make_verwijzing(
                self.ui.unlocked, draft, household_id=household_id
            ),
        )
        if saved is not None and self.ui.confirm(TAXATIE_QUESTION):
            self._new_taxatie()
        return saved

    def _new_taxatie(self) -> None:
        """The risicotaxatie section's own form (it keeps its werkkopie and its review)."""
        taxaties = self.scope.sections.get(TAXATIE)
        if isinstance(taxaties, TaxatiePresenter):
            taxaties.add()

    @resumable(VERWIJZING, uuid.UUID)
    def change_status(self, verwijzing_id: uuid.UUID) -> None:
        record = self.ui.attempt(lambda: verwijzing.get(self.ui.unlocked, verwijzing_id))
        if record is None:
            return
        current = record.status
        choices = VERWIJZING_NEXT[current.status]
        if not choices:
            self.ui.warn("Deze verwijzing is afgerond; de status blijft zoals hij is.")
            return
        self.ui.ask_and_save(
            lambda draft, problems: StatusDialog.ask(
                self.ui.window, current.status, current.on, choices, draft, problems
            ),
            lambda draft: verwijzing.change_status(self.ui.unlocked, verwijzing_id, draft),
        )


# --- screens ------------------------------------------------------------------------------


@screen("verwijzing", order=45)
def _verwijzing_screen(context: ScreenContext) -> QWidget:
    """The form filled in for the picked household: two members, an organisation, a hulpvorm,
    a reason and the two who decided."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    unlocked = context.unlocked
    team = [m for m in households.medewerkers(unlocked) if m.active]
    known = organisations.list_organisations(unlocked, active_only=True)
    members = [(m.id, m.full_name) for m in dossier.members]
    dialog = VerwijzingDialog(context.ui.codes, members, known, team, parent=context.ui.window)
    dialog.fill_draft(
        VerwijzingDraft(
            date.today(),
            tuple(m[0] for m in members[-2:]),
            next((o.id for o in known if "GGZ" in o.name), known[0].id if known else None),
            "jeugd_ggz",
            "Aanhoudende angstklachten en schoolverzuim; het wijkteam blijft regie voeren "
            "en sluit aan bij de intake.",
            team[0].id if team else None,
            team[1].id if len(team) > 1 else None,
        )
    )
    return dialog
