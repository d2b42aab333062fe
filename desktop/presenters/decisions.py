"""Besluiten uit overleg: a meeting's decisions on this household, carried out afterwards with
one click through the dossier's own form. The meeting never changes a dossier by itself.

*Uitvoeren…* opens the form of the section that does it (the regisseur, the phase, op- or
afschalen, the verwijzing, the risicotaxatie, a meting, the closure), filled in from the
decision, inside :func:`desktop.usecases.meetings.carrying_out`: storing it marks the decision
carried out in the same transaction; cancelling it leaves the decision open.
"""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.measurements import ZrmPresenter
from desktop.presenters.taxatie import TaxatiePresenter
from desktop.presenters.traject import TrajectPresenter
from desktop.presenters.verwijzing import VerwijzingPresenter
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import households, meetings, organisations
from desktop.usecases.base import Changed
from desktop.usecases.meetings import DECISIONS, MEETINGS
from desktop.usecases.taxatie import TAXATIE
from desktop.usecases.traject import TRAJECT
from desktop.usecases.verwijzing import VERWIJZING
from desktop.usecases.zrm import MEASUREMENTS
from models.enums import EventKind, Phase
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    DecisionDraft,
    DecisionKind,
    DecisionRecord,
    MeetingDraft,
    MeetingKind,
)
from models.records import (
    Closure,
    HouseholdDossier,
    PhaseChange,
    RegisseurChange,
    ScaleEvent,
    VerwijzingDraft,
)
from models.wording import DECISION_KIND, PHASE
from views.dossier import Column
from views.dossier.decisions import DecisionsSection, meeting_text

ALREADY_DONE = "Dit besluit is al uitgevoerd of verwijderd."
NO_TRAJECT = "Dit huishouden heeft geen traject; dit besluit kan hier niet worden uitgevoerd."
NOT_HERE = "Dit besluit voert Teamtafel niet uit; markeer het als uitgevoerd als het gedaan is."

# Which section's form carries a decision out (the section must be there).
_CARRIED_BY = {
    DecisionKind.REGISSEUR: TRAJECT,
    DecisionKind.FASE: TRAJECT,
    DecisionKind.OPSCHALEN: TRAJECT,
    DecisionKind.AFSCHALEN: TRAJECT,
    DecisionKind.AFSLUITEN: TRAJECT,
    DecisionKind.VERWIJZEN: VERWIJZING,
    DecisionKind.TAXATIE: TAXATIE,
    DecisionKind.ZRM: MEASUREMENTS,
}


def mark_question(record: DecisionRecord) -> str:
    return (
        f"Het besluit '{DECISION_KIND[record.kind]}' uit overleg {meeting_text(record)} als "
        "uitgevoerd markeren? Doe dit alleen als het al op een andere manier is gedaan: het "
        "dossier zelf verandert hierdoor niet."
    )


# The section stands first on the right, above the Traject: what the team decided is what is
# to be done next. It refreshes with every section a decision is carried out through.
@section(DECISIONS, Column.RIGHT, 5, also=(TRAJECT, VERWIJZING, TAXATIE, MEASUREMENTS))
class DecisionsPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = DecisionsSection(self.ui.codes)
        self.widget.carryOutRequested.connect(self.carry_out)
        self.widget.markRequested.connect(self.mark)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_decisions(self._open())

    def _open(self) -> list[DecisionRecord]:
        return meetings.open_decisions(self.ui.unlocked, self.scope.household_id)

    def _find(self, decision_id: uuid.UUID) -> DecisionRecord | None:
        """The decision as stored now (a colleague may have carried it out meanwhile)."""
        found = self.ui.attempt(self._open)
        record = next((r for r in found or [] if r.id == decision_id), None)
        if record is None and found is not None:
            self.ui.warn(ALREADY_DONE)
            self.refresh(self.scope.current(), None)
        return record

    @resumable(DECISIONS, uuid.UUID)
    def carry_out(self, decision_id: uuid.UUID) -> None:
        """The dossier's own form for the decision, filled in from it; stored, the decision
        is carried out with it (one transaction, one CHANGE line)."""
        record = self._find(decision_id)
        if record is None:
            return
        carrier = self.scope.sections.get(_CARRIED_BY.get(record.kind, ""))
        if carrier is None:
            self.ui.warn(NOT_HERE)
            return
        if isinstance(carrier, TrajectPresenter) and self.scope.current().traject is None:
            self.ui.warn(NO_TRAJECT)
            return
        unlocked = self.ui.unlocked

        def along() -> AbstractContextManager[None]:
            return meetings.carrying_out(unlocked, decision_id)

        if isinstance(carrier, TaxatiePresenter):  # a concept saved on the way does not do it
            carrier.ask_new(along)
        else:
            with along():
                self._ask(carrier, record)
        if all(r.id != decision_id for r in meetings.open_decisions(unlocked, record.household_id)):
            self.ui.changed.emit(Changed(record.household_id, frozenset({MEETINGS})))

    def _ask(self, carrier: object, record: DecisionRecord) -> None:
        """Open the carrier's form, filled in from the decision."""
        today = date.today()
        draft = record.draft
        if isinstance(carrier, VerwijzingPresenter):
            carrier.ask_new(
                VerwijzingDraft(
                    today,
                    (),
                    draft.organisation_id,
                    draft.hulpvorm,
                    draft.text,
                    draft.decider_1,
                    draft.decider_2,
                )
            )
        elif isinstance(carrier, ZrmPresenter):
            carrier.score(carrier.chosen_subject())
        elif isinstance(carrier, TrajectPresenter):
            self._ask_traject(carrier, record, today)

    def _ask_traject(self, carrier: TrajectPresenter, record: DecisionRecord, today: date) -> None:
        draft, kind = record.draft, record.kind
        if kind is DecisionKind.REGISSEUR and draft.medewerker_id is not None:
            carrier.ask_regisseur(RegisseurChange(draft.medewerker_id, today))
        elif kind is DecisionKind.FASE and draft.phase != Phase.AFGESLOTEN.value:
            phase = Phase(draft.phase)
            current = self.scope.current().traject
            if current is not None and current.phase is phase:
                self.ui.warn(f"Het traject is al in de fase {PHASE[phase]}. {NOT_HERE}")
                return
            carrier.ask_phase(PhaseChange(phase, today, draft.text))
        elif kind in (DecisionKind.OPSCHALEN, DecisionKind.AFSCHALEN):
            event = EventKind.OPSCHALEN if kind is DecisionKind.OPSCHALEN else EventKind.AFSCHALEN
            up = event is EventKind.OPSCHALEN
            carrier.ask_scale(
                event,
                ScaleEvent(event, today, "" if up else draft.text, reason=draft.text if up else ""),
            )
        else:  # afsluiten (or a phase decision of afgesloten)
            carrier.ask_close(Closure(today, "", draft.text))

    def mark(self, decision_id: uuid.UUID) -> None:
        """Done another way: marked carried out after a question; the dossier stays as it is."""
        record = self._find(decision_id)
        if record is not None and self.ui.confirm(mark_question(record)):
            self.ui.attempt(lambda: meetings.mark_carried_out(self.ui.unlocked, decision_id))


# --- screens ------------------------------------------------------------------------------


def _with_decisions(context: ScreenContext, household_id: uuid.UUID) -> None:
    """A meeting of today that took three decisions on the household (unless it has open
    ones already), made through the meetings' own use cases."""
    unlocked = context.unlocked
    if meetings.open_decisions(unlocked, household_id):
        return
    team = [m for m in households.medewerkers(unlocked) if m.active]
    known = organisations.list_organisations(unlocked, active_only=True)
    if len(team) < 3 or not known:
        raise LookupError("voor dit scherm zijn drie medewerkers en een organisatie nodig")
    chair, minutes, other = team[0].id, team[1].id, team[2].id
    today = date.today()
    meeting_id = meetings.plan_meeting(
        unlocked, MeetingDraft(MeetingKind.CASUISTIEK, today, "09:30", "", chair, minutes)
    )
    meetings.set_attendees(unlocked, meeting_id, [AttendeeDraft(m) for m in (chair, minutes)])
    meetings.bring_in(
        unlocked, meeting_id, AgendaItemDraft(household_id, "Is verwijzing nu nodig?")
    )
    meetings.start_meeting(unlocked, meeting_id)
    item = meetings.get_meeting(unlocked, meeting_id).items[0].id
    ggz = next((o for o in known if "GGZ" in o.name), known[0])

    def add(draft: DecisionDraft) -> None:
        meetings.add_decision(unlocked, item, draft)

    add(
        DecisionDraft(
            DecisionKind.REGISSEUR, "Regie naar de jeugd- en gezinscoach", medewerker_id=other
        )
    )
    add(
        DecisionDraft(
            DecisionKind.VERWIJZEN,
            "Aanhoudende angstklachten; intake bij de jeugd-GGZ",
            organisation_id=ggz.id,
            hulpvorm="jeugd_ggz",
            decider_1=chair,
            decider_2=minutes,
        )
    )
    add(DecisionDraft(DecisionKind.TAXATIE, "Opnieuw taxeren na de verwijzing"))


@screen("besluiten", order=46)
def _decisions_screen(context: ScreenContext) -> QWidget:
    """A dossier with three open decisions of a meeting, the first selected."""
    from desktop.screenshot import pick_household_id

    household_id = pick_household_id(context)
    _with_decisions(context, household_id)
    widget = context.controller.open_household(household_id)
    if widget is None:
        raise LookupError("dit dossier kan niet worden geopend")
    section = widget.section(DECISIONS)
    if isinstance(section, DecisionsSection) and section.table.rowCount():
        section.table.selectRow(0)
    return context.ui.window
