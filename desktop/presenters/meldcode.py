"""The meldcode section: start a procedure, walk its five steps, finish and correct it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import meldcode
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from desktop.usecases.meldcode import MELDCODE
from models.afwegingskader import (
    ConsultationDraft,
    ConversationDraft,
    DecisionDraft,
    ProcedureRecord,
    Status,
    WeighingDraft,
)
from models.meldcode import open_of
from models.records import HouseholdDossier
from models.validation import Problem
from models.wording import open_procedure_text
from views.dossier import Column
from views.dossier.meldcode import MeldcodeSection
from views.meldcode import (
    ConsultationDialog,
    ConversationDialog,
    DecisionDialog,
    Entry,
    FinishDialog,
    MeldcodeDialog,
    StartDialog,
    WeighingDialog,
)

D = TypeVar("D")
Ask = Callable[[Entry[D] | None, dict[str, Problem] | None], Entry[D] | None]


@section(MELDCODE, Column.RIGHT, 30, also=(MEMBERS,))
class MeldcodePresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = MeldcodeSection()
        # In the dossier header: a procedure not yet finished, and where it stands.
        self.header_widget = QLabel()
        self.header_widget.setObjectName("meldcode_status")
        self.header_widget.setWordWrap(True)
        self.header_widget.hide()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.open)
        self.walk: MeldcodeDialog | None = None  # the walk-through, while it is open

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        found = self.ui.attempt(lambda: meldcode.procedures(self.ui.unlocked, dossier.id))
        self.widget.show_procedures(found or [])
        still_open = open_of(found or [])  # from what was just read, not a second read
        today = date.today()
        self.header_widget.setText(" · ".join(open_procedure_text(p, today) for p in still_open))
        late = any(p.evaluation_on is not None and p.evaluation_on < today for p in still_open)
        self.header_widget.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")
        self.header_widget.setVisible(bool(still_open))
        if self.walk is not None:
            record = self._record(self.walk.record.id)
            if record is not None:
                self.walk.show_procedure(record)

    @property
    def _actor(self) -> str:
        return self.ui.unlocked.actor.name

    @property
    def _parent(self) -> QWidget:
        return self.walk or self.ui.window

    def _record(self, procedure_id: uuid.UUID) -> ProcedureRecord | None:
        return self.ui.attempt(lambda: meldcode.procedure(self.ui.unlocked, procedure_id))

    def _save(
        self,
        ask: Ask[D],
        save: Callable[[D, str | None], Changed],
        original: D | None = None,
    ) -> Changed | None:
        """Ask for a step and store it; an unchanged step of an open procedure stores nothing."""
        return self.ui.ask_and_save(
            ask,
            lambda entry: save(entry.draft, entry.reason),
            original=Entry(original) if original is not None else None,
        )

    # --- starting and opening ------------------------------------------------------------------

    @resumable(MELDCODE)
    def add(self) -> None:
        """Meldcode starten: step 1, then straight on into the walk-through."""
        before = {r.id for r in meldcode.procedures(self.ui.unlocked, self.scope.household_id)}
        members = self.scope.current().members
        saved = self._save(
            lambda entry, problems: StartDialog.ask(
                self.ui.window, members, self._actor, entry, problems
            ),
            lambda draft, _reason: meldcode.start(self.ui.unlocked, self.scope.household_id, draft),
        )
        if saved is not None:
            after = meldcode.procedures(self.ui.unlocked, self.scope.household_id)
            new = next((r for r in after if r.id not in before), None)
            if new is not None and self.ui.interactive:
                self.open(new.id)

    def open(self, procedure_id: uuid.UUID) -> MeldcodeDialog | None:
        """The walk-through of one procedure; each step's form opens from it."""
        record = self._record(procedure_id)
        if record is None:
            return None
        dialog = MeldcodeDialog(record, self.ui.window)
        steps: dict[int, Callable[[uuid.UUID], None]] = {
            1: self.signals,
            2: self.consult,
            3: self.converse,
            4: self.weigh,
            5: self.decide,
        }
        dialog.stepRequested.connect(lambda step: steps[step](procedure_id))
        dialog.consultationRequested.connect(self.edit_consultation)
        dialog.finishRequested.connect(lambda: self.finish(procedure_id))
        self.walk = dialog
        if self.ui.interactive:
            try:
                dialog.exec()
            finally:
                self.walk = None
                dialog.deleteLater()
        return dialog

    def _current(self, procedure_id: uuid.UUID) -> tuple[ProcedureRecord, bool] | None:
        """The procedure as stored, and whether a change is a correction (it is finished)."""
        record = self._record(procedure_id)
        return None if record is None else (record, record.status is Status.AFGEROND)

    # --- the steps --------------------------------------------------------------------------------

    @resumable(MELDCODE, uuid.UUID)
    def signals(self, procedure_id: uuid.UUID) -> None:
        found = self._current(procedure_id)
        if found is None:
            return
        record, correcting = found
        members = self.scope.current().members
        self._save(
            lambda entry, problems: StartDialog.ask(
                self._parent,
                members,
                self._actor,
                entry or Entry(record.start),
                problems,
                correcting=correcting,
            ),
            lambda draft, reason: meldcode.update_start(
                self.ui.unlocked, procedure_id, draft, reason
            ),
            None if correcting else record.start,
        )

    @resumable(MELDCODE, uuid.UUID)
    def consult(self, procedure_id: uuid.UUID) -> None:
        found = self._current(procedure_id)
        if found is None:
            return
        _record, correcting = found
        self._save(
            lambda entry, problems: ConsultationDialog.ask(
                self._parent, self._actor, entry, problems, correcting=correcting
            ),
            lambda draft, reason: meldcode.add_consultation(
                self.ui.unlocked, procedure_id, draft, reason
            ),
        )

    @resumable(MELDCODE, uuid.UUID)
    def edit_consultation(self, consultation_id: uuid.UUID) -> None:
        assert self.walk is not None, "a consultation is changed from the walk-through"
        record = self.walk.record
        original: ConsultationDraft = next(
            c.draft for c in record.consultations if c.id == consultation_id
        )
        correcting = record.status is Status.AFGEROND
        self._save(
            lambda entry, problems: ConsultationDialog.ask(
                self._parent,
                self._actor,
                entry or Entry(original),
                problems,
                correcting=correcting,
            ),
            lambda draft, reason: meldcode.update_consultation(
                self.ui.unlocked, consultation_id, draft, reason
            ),
            None if correcting else original,
        )

    @resumable(MELDCODE, uuid.UUID)
    def converse(self, procedure_id: uuid.UUID) -> None:
        found = self._current(procedure_id)
        if found is None:
            return
        record, correcting = found
        original: ConversationDraft | None = record.conversation
        self._save(
            lambda entry, problems: ConversationDialog.ask(
                self._parent,
                self._actor,
                entry or (Entry(original) if original else None),
                problems,
                correcting=correcting,
            ),
            lambda draft, reason: meldcode.record_conversation(
                self.ui.unlocked, procedure_id, draft, reason
            ),
            None if correcting else original,
        )

    @resumable(MELDCODE, uuid.UUID)
    def weigh(self, procedure_id: uuid.UUID) -> None:
        found = self._current(procedure_id)
        if found is None:
            return
        record, correcting = found
        original: WeighingDraft | None = record.weighing
        self._save(
            lambda entry, problems: WeighingDialog.ask(
                self._parent,
                self._actor,
                entry or (Entry(original) if original else None),
                problems,
                correcting=correcting,
            ),
            lambda draft, reason: meldcode.record_weighing(
                self.ui.unlocked, procedure_id, draft, reason
            ),
            None if correcting else original,
        )

    @resumable(MELDCODE, uuid.UUID)
    def decide(self, procedure_id: uuid.UUID) -> None:
        found = self._current(procedure_id)
        if found is None:
            return
        record, correcting = found
        outcome = record.conclusion.outcome
        if outcome is None:
            self.ui.warn(
                "Beantwoord eerst de vragen van het afwegingskader (stap 4).", self._parent
            )
            return
        original: DecisionDraft | None = record.decision
        self._save(
            lambda entry, problems: DecisionDialog.ask(
                self._parent,
                outcome,
                self._actor,
                entry or (Entry(original) if original else None),
                problems,
                correcting=correcting,
            ),
            lambda draft, reason: meldcode.record_decision(
                self.ui.unlocked, procedure_id, draft, reason
            ),
            None if correcting else original,
        )

    def finish(self, procedure_id: uuid.UUID) -> None:
        record = self._record(procedure_id)
        if record is None:
            return
        on = FinishDialog.ask(self._parent, record.since)
        if on is not None:
            self.ui.attempt(
                lambda: meldcode.finish(self.ui.unlocked, procedure_id, on), self._parent
            )


def _demo_procedure(context: ScreenContext) -> ProcedureRecord:
    """A procedure of the picked household (the demo has some); else one started for it."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    found = meldcode.procedures(context.unlocked, dossier.id)
    if not found:
        raise LookupError("dit dossier heeft geen meldcodeprocedure; kies er een met --dossier")
    return next((r for r in found if r.finished_on is None), found[0])


@screen("meldcode", order=85)
def _meldcode_screen(context: ScreenContext) -> QWidget:
    """The walk-through at the afwegingskader, with the conclusion it prescribes."""
    record = _demo_procedure(context)
    dialog = MeldcodeDialog(record, context.ui.window)
    dialog.steps.setCurrentRow(3)
    return dialog


@screen("afwegingskader", order=86)
def _weighing_screen(context: ScreenContext) -> QWidget:
    """The afwegingskader's form, the questions answered up to help being organised."""
    record = _demo_procedure(context)
    draft = record.weighing or WeighingDraft(
        (True, False, True, True), date.today(), context.unlocked.actor.name
    )
    if draft.evaluation_on is None and len(draft.answers) >= 4:
        draft = WeighingDraft(
            draft.answers, draft.on, draft.by, draft.note, date.today() + timedelta(weeks=6)
        )
    return WeighingDialog(draft, context.unlocked.actor.name, context.ui.window)
