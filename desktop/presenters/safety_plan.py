"""Signs of Safety and the veiligheidsplan: two sections of the dossier's right column."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import safety_plan
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from desktop.usecases.safety_plan import PLAN, SIGNS
from models.enums import MemberRole, Respondent
from models.records import HouseholdDossier, PlanDraft, SafetyPlanRecord
from views.dossier import Column
from views.dossier.safety_plan import SafetyPlanSection, SignsOfSafetySection
from views.safety_plan import (
    AgreementDialog,
    PlanVersionDialog,
    SettleDialog,
    SignsOfSafetyDialog,
    starts_from_text,
)


def asked_people(dossier: HouseholdDossier) -> list[tuple[uuid.UUID, str, Respondent]]:
    """Who may be asked the scale question: the parents, then the young people (members
    other than parents: children, young adults)."""
    parents = [m for m in dossier.members if m.role is MemberRole.OUDER]
    young = [m for m in dossier.members if m.role in (MemberRole.KIND, MemberRole.JONGVOLWASSENE)]
    return [(m.id, m.full_name, Respondent.OUDER) for m in parents] + [
        (m.id, m.full_name, Respondent.JONGERE) for m in young
    ]


@section(SIGNS, Column.RIGHT, 30, also=(MEMBERS,))
class SignsOfSafetyPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = SignsOfSafetySection()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.correct)
        self.widget.removeRequested.connect(self.remove)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_records(safety_plan.signs(self.ui.unlocked, self.scope.household_id))

    def _people(self) -> list[tuple[uuid.UUID, str, Respondent]]:
        return asked_people(self.scope.current())

    @resumable(SIGNS)
    def add(self) -> None:
        people = self._people()
        self.ui.ask_and_save(
            lambda draft, problems: SignsOfSafetyDialog.ask(
                self.ui.window, people, draft, problems, adding=True
            ),
            lambda draft: safety_plan.record_signs(
                self.ui.unlocked, self.scope.household_id, draft
            ),
        )

    @resumable(SIGNS, uuid.UUID)
    def correct(self, signs_id: uuid.UUID) -> None:
        records = safety_plan.signs(self.ui.unlocked, self.scope.household_id)
        record = next((r for r in records if r.id == signs_id), None)
        if record is None:
            return
        people = self._people()  # a member removed since has no field: the history keeps it
        self.ui.ask_and_save(
            lambda draft, problems: SignsOfSafetyDialog.ask(
                self.ui.window, people, draft or record.draft, problems
            ),
            lambda draft: safety_plan.correct_signs(self.ui.unlocked, signs_id, draft),
            original=record.draft,
        )

    def remove(self, signs_id: uuid.UUID) -> None:
        question = (
            "Deze Signs of Safety verwijderen? Doe dit alleen bij een vergissing: "
            "een oudere kijk op de veiligheid hoort bij het verloop."
        )
        if self.ui.confirm(question):
            self.ui.attempt(lambda: safety_plan.remove_signs(self.ui.unlocked, signs_id))


@section(PLAN, Column.LEFT, 18)
class SafetyPlanPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = SafetyPlanSection(self.ui.codes)
        self.widget.newVersionRequested.connect(self.new_version)
        self.widget.editPlanRequested.connect(self.edit_plan)
        self.widget.addRequested.connect(self.add_agreement)
        self.widget.editRequested.connect(self.edit_agreement)
        self.widget.removeRequested.connect(self.remove_agreement)
        self.widget.settleRequested.connect(self.settle)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_plans(safety_plan.plans(self.ui.unlocked, self.scope.household_id))

    def _concept(self) -> SafetyPlanRecord | None:
        return safety_plan.plans(self.ui.unlocked, self.scope.household_id).concept

    @resumable(PLAN)
    def new_version(self) -> None:
        """A concept from the latest agreed version, its aim offered from 'wat moet er
        gebeuren' of the latest Signs of Safety."""
        unlocked, household_id = self.ui.unlocked, self.scope.household_id
        start = safety_plan.plan_start(unlocked, household_id)
        current = safety_plan.plans(unlocked, household_id).current
        signs = safety_plan.signs(unlocked, household_id)
        source = next((s.assessed_on for s in signs if s.draft.next_steps), None)
        note = starts_from_text(current.version if current else None, source)
        self.ui.ask_and_save(
            lambda draft, problems: PlanVersionDialog.ask(
                self.ui.window, start, draft, problems, starts_from=note
            ),
            lambda draft: safety_plan.new_version(unlocked, household_id, draft),
        )

    @resumable(PLAN, uuid.UUID)
    def edit_plan(self, plan_id: uuid.UUID) -> None:
        concept = self._concept()
        if concept is None or concept.id != plan_id:
            return
        original = PlanDraft(concept.made_on, concept.goal)
        self.ui.ask_and_save(
            lambda draft, problems: PlanVersionDialog.ask(
                self.ui.window,
                original,
                draft,
                problems,
                title=f"Veiligheidsplan versie {concept.version}",
            ),
            lambda draft: safety_plan.update_plan(self.ui.unlocked, plan_id, draft),
            original=original,
        )

    @resumable(PLAN, uuid.UUID)
    def add_agreement(self, plan_id: uuid.UUID) -> None:
        self.ui.ask_and_save(
            lambda draft, problems: AgreementDialog.ask(
                self.ui.window, draft, problems, adding=True
            ),
            lambda draft: safety_plan.add_agreement(self.ui.unlocked, plan_id, draft),
        )

    @resumable(PLAN, uuid.UUID)
    def edit_agreement(self, agreement_id: uuid.UUID) -> None:
        concept = self._concept()
        agreements = concept.agreements if concept else ()
        found = next((a for a in agreements if a.id == agreement_id), None)
        if found is None:
            return
        original = found.draft
        self.ui.ask_and_save(
            lambda draft, problems: AgreementDialog.ask(
                self.ui.window, draft or original, problems
            ),
            lambda draft: safety_plan.update_agreement(self.ui.unlocked, agreement_id, draft),
            original=original,
        )

    def remove_agreement(self, agreement_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze afspraak uit het concept verwijderen?"):
            self.ui.attempt(lambda: safety_plan.remove_agreement(self.ui.unlocked, agreement_id))

    @resumable(PLAN, uuid.UUID)
    def settle(self, plan_id: uuid.UUID) -> None:
        concept = self._concept()
        if concept is None or concept.id != plan_id:
            return
        self.ui.ask_and_save(
            lambda draft, problems: SettleDialog.ask(
                self.ui.window, self.ui.codes, concept.made_on, draft, problems
            ),
            lambda settlement: safety_plan.settle(self.ui.unlocked, plan_id, settlement),
        )


# --- screens ----------------------------------------------------------------------------------


@screen("veiligheidsplan", order=90)
def _plan_screen(context: ScreenContext) -> QWidget:
    """The veiligheidsplan as a dossier shows it: the version that holds, its agreements."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    page = QWidget(context.ui.window, Qt.WindowType.Window)
    page.setWindowTitle(f"Veiligheidsplan · {dossier.household.name}")
    section = SafetyPlanSection(context.ui.codes)
    section.show_plans(safety_plan.plans(context.unlocked, dossier.id))
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addWidget(section)
    page.resize(900, 330)
    return page


@screen("signs-of-safety", order=91)
def _signs_screen(context: ScreenContext) -> QWidget:
    """The Signs of Safety form, filled in with the household's latest look."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    records = safety_plan.signs(context.unlocked, dossier.id)
    return SignsOfSafetyDialog(
        asked_people(dossier),
        records[0].draft if records else None,
        parent=context.ui.window,
    )
