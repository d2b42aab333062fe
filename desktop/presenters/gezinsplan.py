"""The gezinsplan: a section of the dossier's left column, under the veiligheidsplan. Writing a
concept, agreeing it, vaststellen, evaluating, and a new version; the printout is another
module's (``desktop.presenters.gezinsplan_print``)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.database import StoreBusy
from desktop.errors import BUSY, describe
from desktop.presenters.gezinsplan_print import print_plan
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import gezinsplan, households, organisations
from desktop.usecases.actions import ACTIONS
from desktop.usecases.base import Changed
from desktop.usecases.gezinsplan import KIND
from desktop.usecases.households import MEMBERS
from desktop.usecases.safety_plan import PLAN as SAFETY_PLAN
from desktop.usecases.taxatie import TAXATIE
from desktop.usecases.zrm import MEASUREMENTS
from models.errors import DomainError, Rule, RuleViolation
from models.gezinsplan import safety_in_plan
from models.gezinsplan_records import (
    AdulthoodDraft,
    EvaluationDraft,
    GezinsplanRecord,
    GoalResultDraft,
    RequiredParty,
)
from models.permissions import PermissionDenied
from models.records import ActionDraft, HouseholdDossier
from models.validation import Problem, ValidationError
from views.actions import ActionDialog
from views.dossier import Column
from views.dossier.gezinsplan import GezinsplanSection
from views.gezinsplan import (
    AdulthoodDialog,
    EvaluationDateDialog,
    EvaluationDialog,
    GoalDialog,
    GoalRow,
    NetworkDialog,
    PartnerDialog,
    PlanPrintDialog,
    PlanTextsDialog,
    SettleDialog,
    Settlement,
)

CHANGED_MEANWHILE = (
    "Dit gezinsplan is intussen veranderd, bijvoorbeeld vastgesteld of in een nieuwe versie "
    "verder gegaan. Het scherm laat nu zien hoe het er nu voor staat."
)


@section(KIND, Column.LEFT, 25, also=(MEMBERS, ACTIONS, SAFETY_PLAN, MEASUREMENTS))
class GezinsplanPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        w = self.widget = GezinsplanSection(self.ui.codes)
        w.newVersionRequested.connect(self._guarded(self.start))
        w.editPlanRequested.connect(self._guarded(self.edit_plan))
        w.removeConceptRequested.connect(self._guarded(self.remove_concept))
        w.addGoalRequested.connect(self._guarded(self.add_goal))
        w.editGoalRequested.connect(self._guarded(self.edit_goal))
        w.removeGoalRequested.connect(self._guarded(self.remove_goal))
        w.moveGoalRequested.connect(self._guarded(self.move_goal))
        w.addActionRequested.connect(self._guarded(self.add_action))
        w.editActionRequested.connect(self._guarded(self.edit_action))
        w.removeActionRequested.connect(self._guarded(self.remove_action))
        w.addNetworkRequested.connect(self._guarded(self.add_network))
        w.editNetworkRequested.connect(self._guarded(self.edit_network))
        w.removeNetworkRequested.connect(self._guarded(self.remove_network))
        w.addPartnerRequested.connect(self._guarded(self.add_partner))
        w.editPartnerRequested.connect(self._guarded(self.edit_partner))
        w.removePartnerRequested.connect(self._guarded(self.remove_partner))
        w.adulthoodRequested.connect(self._guarded(self.adulthood))
        w.removeAdulthoodRequested.connect(self._guarded(self.remove_adulthood))
        w.addEvaluationDateRequested.connect(self._guarded(self.add_evaluation_date))
        w.removeEvaluationDateRequested.connect(self._guarded(self.remove_evaluation_date))
        w.settleRequested.connect(self._guarded(self.settle_and_propose))
        w.evaluateRequested.connect(self._guarded(self.evaluate_and_propose))
        w.printRequested.connect(self._guarded(self.print_plan))

    def _guarded(self, method: Callable[..., object]) -> Callable[..., None]:
        """A click on what another window (or a colleague on the same file) changed
        meanwhile — the concept vastgesteld, removed, or a new version begun — finds its row
        gone: said in Dutch and the section shown afresh, not a crash. The method itself
        still raises, so a werkkopie of it is not put back into another version."""

        def run(*args: object) -> None:
            try:
                method(*args)
            except (LookupError, StopIteration):
                self.ui.warn(CHANGED_MEANWHILE)
                self.ui.changed.emit(Changed(self.scope.household_id, frozenset({KIND})))

        return run

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        found = self.ui.attempt(lambda: gezinsplan.plans(self.ui.unlocked, self.scope.household_id))
        if found is not None:
            self.widget.show_plans(found, date.today())

    # --- reading ---------------------------------------------------------------------

    def _concept(self, plan_id: uuid.UUID | None = None) -> GezinsplanRecord:
        """The concept (the one ``plan_id`` names): LookupError when it is gone, so a
        werkkopie of it is not put back into another."""
        concept = gezinsplan.plans(self.ui.unlocked, self.scope.household_id).concept
        if concept is None or (plan_id is not None and concept.id != plan_id):
            raise LookupError("no such concept")
        return concept

    def _members(self) -> list[tuple[uuid.UUID, str]]:
        return [(m.id, m.full_name) for m in self.scope.current().members]

    # --- versions --------------------------------------------------------------------

    def start(self) -> None:
        """The first version through its form; a later one as a copy of the vastgestelde."""
        plans = gezinsplan.plans(self.ui.unlocked, self.scope.household_id)
        if not plans.versions:
            self.first_version()
        elif plans.concept is None:
            self.ui.attempt(
                lambda: gezinsplan.new_version(self.ui.unlocked, self.scope.household_id)
            )

    @resumable(KIND)
    def first_version(self) -> None:
        unlocked, household_id = self.ui.unlocked, self.scope.household_id
        offered = gezinsplan.plan_start(unlocked, household_id)
        self.ui.ask_and_save(
            lambda draft, problems: PlanTextsDialog.ask(
                self.ui.window, offered, draft, problems, title="Gezinsplan maken"
            ),
            lambda draft: gezinsplan.new_version(unlocked, household_id, draft),
        )

    @resumable(KIND, uuid.UUID)
    def edit_plan(self, plan_id: uuid.UUID) -> None:
        concept = self._concept(plan_id)
        original = concept.draft
        self.ui.ask_and_save(
            lambda draft, problems: PlanTextsDialog.ask(
                self.ui.window,
                original,
                draft,
                problems,
                title=f"Gezinsplan versie {concept.version}",
            ),
            lambda draft: gezinsplan.update_plan(self.ui.unlocked, plan_id, draft),
            original=original,
        )

    def remove_concept(self, plan_id: uuid.UUID) -> None:
        question = (
            "Dit concept van het gezinsplan verwijderen? Wat erin staat is dan weg; een "
            "vastgestelde versie blijft zoals hij is."
        )
        if self.ui.confirm(question):
            self.ui.attempt(lambda: gezinsplan.remove_concept(self.ui.unlocked, plan_id))

    # --- goals and their actions -----------------------------------------------------

    @resumable(KIND, uuid.UUID)
    def add_goal(self, plan_id: uuid.UUID) -> None:
        members, instruments = self._members(), gezinsplan.goal_instruments(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: GoalDialog.ask(
                self.ui.window, members, instruments, draft, problems, adding=True
            ),
            lambda draft: gezinsplan.add_goal(self.ui.unlocked, plan_id, draft),
        )

    @resumable(KIND, uuid.UUID)
    def edit_goal(self, goal_id: uuid.UUID) -> None:
        goal = next(g for g in self._concept().goals if g.id == goal_id)
        members, instruments = self._members(), gezinsplan.goal_instruments(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: GoalDialog.ask(
                self.ui.window, members, instruments, draft or goal.draft, problems
            ),
            lambda draft: gezinsplan.update_goal(self.ui.unlocked, goal_id, draft),
            original=goal.draft,
        )

    def remove_goal(self, goal_id: uuid.UUID) -> None:
        if self.ui.confirm("Dit doel en zijn acties uit het concept verwijderen?"):
            self.ui.attempt(lambda: gezinsplan.remove_goal(self.ui.unlocked, goal_id))

    def move_goal(self, goal_id: uuid.UUID, step: int) -> None:
        if self.ui.attempt(lambda: gezinsplan.move_goal(self.ui.unlocked, goal_id, step)):
            self.widget.select_goal(goal_id)

    def _ask_action(
        self, draft: ActionDraft | None, problems: dict[str, Problem] | None, *, adding: bool
    ) -> ActionDraft | None:
        unlocked = self.ui.unlocked
        return ActionDialog.ask(
            self.ui.window,
            draft,
            problems,
            members=self._members(),
            medewerkers=households.medewerkers(unlocked),
            organisations=organisations.list_organisations(unlocked),
            not_before=date.today() if adding else None,
            adding=adding,
        )

    @resumable(KIND, uuid.UUID)
    def add_action(self, goal_id: uuid.UUID) -> None:
        self.ui.ask_and_save(
            lambda draft, problems: self._ask_action(draft, problems, adding=True),
            lambda draft: gezinsplan.add_goal_action(self.ui.unlocked, goal_id, draft),
        )

    @resumable(KIND, uuid.UUID)
    def edit_action(self, plan_action_id: uuid.UUID) -> None:
        actions = [a for g in self._concept().goals for a in g.actions]
        original = next(a for a in actions if a.id == plan_action_id).draft
        self.ui.ask_and_save(
            lambda draft, problems: self._ask_action(draft or original, problems, adding=False),
            lambda draft: gezinsplan.update_goal_action(self.ui.unlocked, plan_action_id, draft),
            original=original,
        )

    def remove_action(self, plan_action_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze actie uit het concept verwijderen?"):
            self.ui.attempt(lambda: gezinsplan.remove_goal_action(self.ui.unlocked, plan_action_id))

    # --- network, organisations, 'na je 18e', evaluation dates -----------------------

    @resumable(KIND, uuid.UUID)
    def add_network(self, plan_id: uuid.UUID) -> None:
        self.ui.ask_and_save(
            lambda draft, problems: NetworkDialog.ask(self.ui.window, draft, problems, adding=True),
            lambda draft: gezinsplan.add_network(self.ui.unlocked, plan_id, draft),
        )

    @resumable(KIND, uuid.UUID)
    def edit_network(self, network_id: uuid.UUID) -> None:
        original = next(n for n in self._concept().network if n.id == network_id).draft
        self.ui.ask_and_save(
            lambda draft, problems: NetworkDialog.ask(self.ui.window, draft or original, problems),
            lambda draft: gezinsplan.update_network(self.ui.unlocked, network_id, draft),
            original=original,
        )

    def remove_network(self, network_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze persoon uit het netwerk van het concept verwijderen?"):
            self.ui.attempt(lambda: gezinsplan.remove_network(self.ui.unlocked, network_id))

    @resumable(KIND, uuid.UUID)
    def add_partner(self, plan_id: uuid.UUID) -> None:
        found = organisations.list_organisations(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: PartnerDialog.ask(
                self.ui.window, found, draft, problems, adding=True
            ),
            lambda draft: gezinsplan.add_partner(self.ui.unlocked, plan_id, draft),
        )

    @resumable(KIND, uuid.UUID)
    def edit_partner(self, partner_id: uuid.UUID) -> None:
        original = next(p for p in self._concept().partners if p.id == partner_id).draft
        found = organisations.list_organisations(self.ui.unlocked)
        self.ui.ask_and_save(
            lambda draft, problems: PartnerDialog.ask(
                self.ui.window, found, draft or original, problems
            ),
            lambda draft: gezinsplan.update_partner(self.ui.unlocked, partner_id, draft),
            original=original,
        )

    def remove_partner(self, partner_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze organisatie uit het concept verwijderen?"):
            self.ui.attempt(lambda: gezinsplan.remove_partner(self.ui.unlocked, partner_id))

    @resumable(KIND, uuid.UUID)
    def adulthood(self, plan_id: uuid.UUID) -> None:
        concept = self._concept(plan_id)
        turning = gezinsplan.turning_18(self.ui.unlocked, plan_id)
        if not turning:
            self.ui.inform(
                "Niemand in dit gezin wordt 18 in de periode van dit plan (tot de laatste "
                "evaluatiedatum, of een jaar na de datum van het plan)."
            )
            return
        written = {a.draft.person_id: a.draft for a in concept.adulthood}
        self.ui.ask_and_save(
            lambda draft, problems: AdulthoodDialog.ask(
                self.ui.window, turning, written, draft, problems
            ),
            lambda draft: gezinsplan.set_adulthood(self.ui.unlocked, plan_id, draft),
        )

    def remove_adulthood(self, person_id: uuid.UUID) -> None:
        concept = self._concept()
        if self.ui.confirm("'Na je 18e' voor dit gezinslid uit het concept verwijderen?"):
            self.ui.attempt(
                lambda: gezinsplan.set_adulthood(
                    self.ui.unlocked, concept.id, AdulthoodDraft(person_id)
                )
            )

    @resumable(KIND, uuid.UUID)
    def add_evaluation_date(self, plan_id: uuid.UUID) -> None:
        self.ui.ask_and_save(
            lambda planned, problems: EvaluationDateDialog.ask(self.ui.window, planned, problems),
            lambda planned: gezinsplan.add_evaluation_date(self.ui.unlocked, plan_id, planned),
        )

    def remove_evaluation_date(self, evaluation_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze evaluatiedatum uit het concept verwijderen?"):
            self.ui.attempt(
                lambda: gezinsplan.remove_evaluation_date(self.ui.unlocked, evaluation_id)
            )

    # --- agreeing and vaststellen ----------------------------------------------------

    def settle_and_propose(self, plan_id: uuid.UUID) -> None:
        if self.settle(plan_id):
            self._propose(evaluated=False)

    def _parties(self, concept: GezinsplanRecord) -> list[RequiredParty]:
        """Who must agree today, and anyone else whose agreement was recorded before."""
        required = gezinsplan.required_parties(self.ui.unlocked, concept.id, date.today())
        named = {r.person_id for r in required}
        return required + [
            RequiredParty(p.draft.person_id, p.name, "eerder vastgelegd")
            for p in concept.parties
            if p.draft.person_id not in named
        ]

    @resumable(KIND, uuid.UUID)
    def settle(self, plan_id: uuid.UUID) -> bool:
        """The agreements are kept on Opslaan and on Vaststellen, also when vaststellen is
        refused (someone's agreement missing): the form then comes back as typed."""
        concept = self._concept(plan_id)
        unlocked = self.ui.unlocked
        parties = self._parties(concept)
        recorded = {p.draft.person_id: p.draft for p in concept.parties}
        typed: Settlement | None = None
        problems: dict[str, Problem] | None = None
        while True:
            typed = SettleDialog.ask(
                self.ui.window,
                self.ui.codes,
                parties,
                recorded,
                concept.draft.made_on,
                typed,
                problems,
            )
            if typed is None:
                return False
            kept = self._store(partial(gezinsplan.set_parties, unlocked, plan_id, typed.parties))
            if isinstance(kept, dict):
                problems = kept
                continue
            if kept is None:
                return False
            if not typed.settle:
                return False
            settled = self._store(partial(gezinsplan.settle, unlocked, plan_id, typed.on))
            if isinstance(settled, Changed):
                return True
            if isinstance(settled, dict):
                problems = settled  # its date: under "Vaststellen op"
                continue
            if self._refused_rule != Rule.GEZINSPLAN_AGREEMENTS_MISSING:
                return False
            problems = None  # the message said who is missing; the form comes back

    _refused_rule: Rule | None = None

    def _store(self, work: Callable[[], Changed]) -> Changed | dict[str, Problem] | None:
        """Run a use case: its change, the problems of a refused draft (shown), or None
        when it was refused otherwise (said in Dutch)."""
        self._refused_rule = None
        try:
            result = work()
        except StoreBusy:
            self.ui.warn(BUSY)
            return {}
        except ValidationError as exc:
            self.ui.warn(describe(exc))
            return exc.problems
        except RuleViolation as exc:
            self._refused_rule = exc.rule
            self.ui.warn(describe(exc))
            return None
        except (DomainError, PermissionDenied) as exc:
            self.ui.warn(describe(exc))
            return None
        self.ui.changed.emit(result)
        return result

    # --- evaluating ------------------------------------------------------------------

    def evaluate_and_propose(self, evaluation_id: uuid.UUID) -> None:
        if self.evaluate(evaluation_id):
            self._propose(evaluated=True)

    @resumable(KIND, uuid.UUID)
    def evaluate(self, evaluation_id: uuid.UUID) -> bool:
        current = gezinsplan.plans(self.ui.unlocked, self.scope.household_id).current
        if current is None or current.settled_on is None:
            raise LookupError("no vastgesteld plan")
        evaluation = next(e for e in current.evaluations if e.id == evaluation_id)
        goals = [GoalRow(g.key, g.description) for g in current.goals]
        original = None
        if evaluation.held_on is not None:
            original = EvaluationDraft(
                evaluation.held_on,
                evaluation.note,
                tuple(
                    GoalResultDraft(
                        r.draft.goal_key, r.draft.outcome, r.draft.what_happened, r.draft.continues
                    )
                    for r in evaluation.results
                ),
            )
        settled_on = current.settled_on
        saved = self.ui.ask_and_save(
            lambda draft, problems: EvaluationDialog.ask(
                self.ui.window, goals, settled_on, draft or original, problems
            ),
            lambda draft: gezinsplan.record_evaluation(self.ui.unlocked, evaluation_id, draft),
            original=original,
        )
        return saved is not None

    # --- what comes next -------------------------------------------------------------

    def _propose(self, *, evaluated: bool) -> None:
        """After vaststellen or an evaluation: a new ZRM for the members whose goals use an
        instrument, after an evaluation a new version, and a new risicotaxatie when safety
        is part of the plan."""
        plans = gezinsplan.plans(self.ui.unlocked, self.scope.household_id)
        plan = plans.current
        if plan is None:
            return
        done = "De evaluatie is vastgelegd." if evaluated else "Het gezinsplan is vastgesteld."
        self._propose_zrm(plan, done)
        if evaluated and plans.concept is None:
            question = (
                f"{done} Een nieuwe versie van het gezinsplan beginnen, om doelen en acties "
                "bij te stellen?"
            )
            if self.ui.confirm(question):
                self.ui.attempt(
                    lambda: gezinsplan.new_version(self.ui.unlocked, self.scope.household_id)
                )
        if safety_in_plan(plan):
            question = (
                f"{done} Er staan veiligheidsafspraken in het plan. Nu een nieuwe "
                "risicotaxatie doen?"
            )
            if self.ui.confirm(question):
                self._open(TAXATIE, "add", "het onderdeel Risicotaxatie")

    def _propose_zrm(self, plan: GezinsplanRecord, done: str) -> None:
        measured: dict[uuid.UUID, str] = {}
        for goal in plan.goals:
            if goal.draft.item_code:
                for person_id, name in zip(goal.draft.member_ids, goal.members, strict=False):
                    measured.setdefault(person_id, name)
        for person_id, name in measured.items():
            question = (
                f"{done} Nu een nieuwe ZRM-meting doen voor {name}? De doelen van het plan "
                "staan bij de domeinen."
            )
            if self.ui.confirm(question):
                self._open(MEASUREMENTS, "score", "het onderdeel ZRM", person_id)

    def _open(self, kind: str, action: str, where: str, *args: object) -> None:
        """Open another section's form through its presenter's own action; else say where."""
        presenter = self.scope.sections.get(kind)
        method = getattr(presenter, action, None)
        if callable(method):
            method(*args)
        else:
            self.ui.inform(f"Dit kan in {where} van het dossier.")

    # --- printing --------------------------------------------------------------------

    def print_plan(self, version: int) -> None:
        """For the family or, with the family's consent, a copy for an organisation."""
        found = self.ui.attempt(
            lambda: organisations.list_organisations(self.ui.unlocked, active_only=True)
        )
        choice = PlanPrintDialog.ask_for(version, found or [], self.ui.window)
        if choice is None:
            return
        recipient = next((o.name for o in found or [] if o.id == choice[0]), None)
        print_plan(
            self.ui.window, self.ui.unlocked, self.scope.household_id, version, recipient=recipient
        )


# --- screens ----------------------------------------------------------------------------------


def _plan_page(context: ScreenContext) -> tuple[HouseholdDossier, QWidget, GezinsplanSection]:
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    page = QWidget(context.ui.window, Qt.WindowType.Window)
    page.setWindowTitle(f"Gezinsplan · {dossier.household.name}")
    section = GezinsplanSection(context.ui.codes)
    section.show_plans(gezinsplan.plans(context.unlocked, dossier.id), date.today())
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addWidget(section)
    page.resize(900, 900)
    return dossier, page, section


@screen("gezinsplan", order=92)
def _gezinsplan_screen(context: ScreenContext) -> QWidget:
    """The gezinsplan as a dossier shows it: the newest version, its goals and actions."""
    _dossier, page, _section = _plan_page(context)
    return page


@screen("gezinsplan-vaststellen", order=93)
def _settle_screen(context: ScreenContext) -> QWidget:
    """Akkoord en vaststellen: who must agree by age and gezag, for the newest version."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    plans = gezinsplan.plans(context.unlocked, dossier.id)
    plan = plans.concept or plans.newest
    parties: list[RequiredParty] = []
    recorded = {}
    made_on = date.today() - timedelta(days=7)
    if plan is not None:
        parties = gezinsplan.required_parties(context.unlocked, plan.id, date.today())
        recorded = {p.draft.person_id: p.draft for p in plan.parties}
        made_on = plan.draft.made_on
    return SettleDialog(context.ui.codes, parties, recorded, made_on, context.ui.window)
