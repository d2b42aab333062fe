"""The traject section: the aanmelding, phase, regisseur, op-/afschalen, closure, a new aanmelding."""

from __future__ import annotations

from datetime import date

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, section
from desktop.usecases import households, traject
from desktop.usecases.base import Changed
from desktop.usecases.traject import TRAJECT
from models.enums import EventKind
from models.records import (
    Closure,
    HouseholdDossier,
    PhaseChange,
    RegisseurChange,
    ScaleEvent,
    TrajectRecord,
)
from views.dialogs import CloseDialog, PhaseDialog, RegisseurDialog, ScaleDialog, TrajectDialog
from views.dossier import Column
from views.dossier.traject import TrajectSection


@section(TRAJECT, Column.RIGHT, 10)
class TrajectPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = TrajectSection(self.ui.codes)
        self.widget.editRequested.connect(self.edit)
        self.widget.newRequested.connect(self.start_new)
        self.widget.phaseRequested.connect(self.change_phase)
        self.widget.regisseurRequested.connect(self.change_regisseur)
        self.widget.scaleRequested.connect(self.scale)
        self.widget.closeRequested.connect(self.close)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())

    def _traject(self) -> TrajectRecord:
        current = self.scope.current().traject
        assert current is not None, "the buttons are disabled without a traject"
        return current

    @resumable(TRAJECT)
    def edit(self) -> None:
        current = self._traject()
        original = current.draft()
        self.ui.ask_and_save(
            lambda draft, problems: TrajectDialog.ask(
                self.ui.window, self.ui.codes, draft or original, None, problems
            ),
            lambda draft: traject.update_traject(self.ui.unlocked, current.id, draft),
            original=original,
        )

    @resumable(TRAJECT)
    def start_new(self) -> None:
        team = households.medewerkers(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: TrajectDialog.ask(
                self.ui.window, self.ui.codes, draft, team, problems
            ),
            lambda draft: traject.start_traject(self.ui.unlocked, self.scope.household_id, draft),
        )

    # Each form below opens empty from the section's button, or filled in (``prefill``) when
    # a meeting's decision is carried out (desktop.presenters.decisions); None: not stored.

    @resumable(TRAJECT)
    def change_phase(self) -> None:
        self.ask_phase()

    def ask_phase(self, prefill: PhaseChange | None = None) -> Changed | None:
        current = self._traject()
        return self.ui.ask_and_save(
            lambda draft, problems: PhaseDialog.ask(
                self.ui.window,
                current.phase,
                current.earliest_event_date,
                draft or prefill,
                problems,
            ),
            lambda phase: traject.change_phase(self.ui.unlocked, current.id, phase),
        )

    @resumable(TRAJECT)
    def change_regisseur(self) -> None:
        self.ask_regisseur()

    def ask_regisseur(self, prefill: RegisseurChange | None = None) -> Changed | None:
        current = self._traject()
        regisseur = current.regisseur
        team = households.medewerkers(self.ui.unlocked)
        return self.ui.ask_and_save(
            lambda draft, problems: RegisseurDialog.ask(
                self.ui.window,
                team,
                regisseur.medewerker_id if regisseur else None,
                regisseur.start_on if regisseur else current.registered_on,
                draft or prefill,
                problems,
            ),
            lambda regie: traject.change_regisseur(self.ui.unlocked, current.id, regie),
        )

    @resumable(TRAJECT, EventKind)
    def scale(self, kind: EventKind) -> None:
        self.ask_scale(kind)

    def ask_scale(self, kind: EventKind, prefill: ScaleEvent | None = None) -> Changed | None:
        current = self._traject()
        return self.ui.ask_and_save(
            lambda draft, problems: ScaleDialog.ask(
                self.ui.window,
                kind,
                current.earliest_event_date,
                draft or prefill,
                problems,
                codes=self.ui.codes,
            ),
            lambda event: traject.record_scale_event(self.ui.unlocked, current.id, event),
        )

    @resumable(TRAJECT)
    def close(self) -> None:
        self.ask_close()

    def ask_close(self, prefill: Closure | None = None) -> Changed | None:
        current = self._traject()
        return self.ui.ask_and_save(
            lambda draft, problems: CloseDialog.ask(
                self.ui.window,
                self.ui.codes,
                current.earliest_event_date,
                draft or prefill,
                problems,
            ),
            lambda closure: traject.close_traject(self.ui.unlocked, current.id, closure),
        )
