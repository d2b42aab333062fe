"""The ZRM section: the latest ZRM per member, scoring, and the history with corrections."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import zrm
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from desktop.usecases.zrm import MEASUREMENTS
from models import zrm as zrm_model
from models.records import HouseholdDossier, PersonRecord
from views.dossier import Column
from views.dossier.measurements import ZrmSection
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog


@section(MEASUREMENTS, Column.LEFT, 20, also=(MEMBERS,))
class ZrmPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = ZrmSection()
        self.widget.scoreRequested.connect(self.score)
        self.widget.historyRequested.connect(self.history)
        scope.selected_person.changed.connect(self.widget.select_member)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())
        if change is None or change.touches(MEASUREMENTS) or change.touches(MEMBERS):
            latest = zrm.latest(self.ui.unlocked, self.scope.household_id)
            self.widget.show_latest(latest.instrument, latest.per_member)

    def _name(self, person_id: uuid.UUID) -> str:
        return next(m.full_name for m in self.scope.current().members if m.id == person_id)

    @resumable(MEASUREMENTS, uuid.UUID)
    def score(self, person_id: uuid.UUID) -> None:
        instrument = zrm.instrument(self.ui.unlocked)
        actor, name = self.ui.unlocked.actor.name, self._name(person_id)
        self.ui.ask_and_save(  # a refused ZRM comes back with every score as typed
            lambda draft, _problems: ZrmScoringDialog.ask(
                self.ui.window, instrument, name, actor, draft, adding=True
            ),
            lambda draft: zrm.score(self.ui.unlocked, person_id, draft),
        )

    @resumable(MEASUREMENTS, uuid.UUID)
    def correct(self, measurement_id: uuid.UUID, parent: QWidget | None = None) -> bool:
        """Corrigeren (from the history, ``parent``): True when the correction was saved."""
        found = self.ui.attempt(lambda: zrm.measurement(self.ui.unlocked, measurement_id))
        if found is None:
            return False
        record, instrument = found
        if instrument is None:  # a version Teamtafel does not know cannot be scored again
            return False
        name, actor = self._name(record.person_id), self.ui.unlocked.actor.name
        saved = self.ui.ask_and_save(
            lambda draft, _problems: ZrmScoringDialog.ask(
                parent or self.ui.window, instrument, name, actor, draft or record.draft
            ),
            lambda draft: zrm.correct(self.ui.unlocked, measurement_id, draft),
        )
        return saved is not None

    def history(self, person_id: uuid.UUID) -> ZrmHistoryDialog:
        found = zrm.history(self.ui.unlocked, person_id)
        name = self._name(person_id)
        dialog = ZrmHistoryDialog(
            name,
            found.records,
            found.instrument_of,
            zrm_model.compare,
            zrm_model.series,
            self.ui.window,
        )

        def correct(measurement_id: uuid.UUID) -> None:
            if self.correct(measurement_id, dialog):
                dialog.accept()

        def remove(measurement_id: uuid.UUID) -> None:
            question = (
                "Deze ZRM-meting verwijderen? Doe dit alleen bij een meting die per vergissing "
                "is gemaakt."
            )
            if not self.ui.confirm(question, dialog):
                return
            if self.ui.attempt(lambda: zrm.remove(self.ui.unlocked, measurement_id), dialog):
                dialog.accept()

        dialog.correctRequested.connect(correct)
        dialog.removeRequested.connect(remove)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


def _member_with_zrm(context: ScreenContext) -> tuple[PersonRecord, zrm.Latest]:
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    latest = zrm.latest(context.unlocked, dossier.id)
    member = next((m for m in dossier.members if m.id in latest.per_member), dossier.members[0])
    return member, latest


@screen("zrm", order=70)
def _scoring_screen(context: ScreenContext) -> QWidget:
    member, latest = _member_with_zrm(context)
    record = latest.per_member.get(member.id)
    scoring = ZrmScoringDialog(
        latest.instrument,
        member.full_name,
        context.unlocked.actor.name,
        record.draft if record else None,
        parent=context.ui.window,
    )
    scoring.grid.setCurrentCell(3, 1)
    return scoring


@screen("zrm-geschiedenis", order=80)
def _history_screen(context: ScreenContext) -> QWidget:
    member, _latest = _member_with_zrm(context)
    found = zrm.history(context.unlocked, member.id)
    return ZrmHistoryDialog(
        member.full_name,
        found.records,
        found.instrument_of,
        zrm_model.compare,
        zrm_model.series,
        context.ui.window,
    )
