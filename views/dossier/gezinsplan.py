"""The gezinsplan in the dossier: the newest version (a concept or the one vastgesteld), every
older one read-only by choice, with 'gewijzigd sinds versie N' beside what changed."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.enums import ActionStatus
from models.gezinsplan_records import (
    Gezinsplannen,
    GezinsplanRecord,
    GoalRecord,
    PlanActionRecord,
    PlanPart,
)
from models.wording import (
    ACTION_STATUS,
    GOAL_CHANGE,
    GOAL_OUTCOME,
    PLAN_PART,
    PLAN_TEXTS,
    changed_since_text,
    date_text,
    fgp_text,
    plan_state_text,
)
from views.dossier.common import button_row

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, uuid) of a row: what the buttons act on
MARK = QColor("#8a5a00")  # 'gewijzigd', as the veiligheidsplan's concept
LATE = QColor("#b00020")
GOAL, ACTION = "goal", "action"
NETWORK, PARTNER, ADULTHOOD, EVALUATION = "network", "partner", "adulthood", "evaluation"
EDITABLE_PARTS = {NETWORK, PARTNER, ADULTHOOD, EVALUATION}


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def _row(kind: str, record_id: uuid.UUID | None, *texts: str) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(" ".join(text.split()) if "\n" in text else text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setData((kind, record_id), KIND_ROLE)
        items.append(item)
    return items


def _mark(items: list[QStandardItem], tip: str) -> None:
    for item in items:
        item.setForeground(QBrush(MARK))
        item.setToolTip(f"{item.toolTip()}\n({tip})" if item.toolTip() else tip)


def action_stand(action: PlanActionRecord, today: date) -> str:
    """'Open', 'Te laat', 'Gedaan 12-11-2026'; a concept's action is not agreed yet."""
    if action.status is None:
        return "nog niet afgesproken"
    if action.status is ActionStatus.OPEN:
        late = action.draft.due_on is not None and action.draft.due_on < today
        return "Te laat" if late else "Open"
    return f"{ACTION_STATUS[action.status]} {date_text(action.status_on)}"


def measured_text(goal: GoalRecord) -> str:
    """'Financiën: doel 4 · nu Elif 2' (the item, the goal's target, the latest levels)."""
    if not goal.draft.item_code:
        return ""
    target = goal.draft.target_level
    parts = [goal.item_label + (f": doel {target}" if target is not None else "")]
    now = [f"{m.name.split()[0]} {m.level}" for m in goal.measured if m.level is not None]
    parts.append("nu " + ", ".join(now) if now else "nog niet gemeten")
    return " · ".join(parts)


class PlanTree(QTreeView):
    """A read-only tree of a plan's rows; its height follows its rows (up to a limit)."""

    def __init__(self, headers: list[str], name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.model_ = QStandardItemModel(0, len(headers), self)
        self.model_.setHorizontalHeaderLabels(headers)
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 150)

    def clear_rows(self) -> None:
        self.model_.removeRows(0, self.model_.rowCount())

    def fit(self, limit: int = 360) -> None:
        """As high as its rows, all of them open."""
        self.expandAll()
        rows = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.model_.rowCount(parent)):
                index = self.model_.index(row, 0, parent)
                rows += 1
                stack.append(index)
        row_height = self.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.fontMetrics().height() + 4
        for column in range(1, self.model_.columnCount()):
            self.resizeColumnToContents(column)
            self.header().resizeSection(
                column, max(90, min(self.header().sectionSize(column) + 12, 230))
            )
        self.setFixedHeight(
            min(limit, max(2, rows) * row_height)
            + self.header().sizeHint().height()
            + 2 * self.frameWidth()
            + 2
        )

    def chosen(self) -> tuple[str, uuid.UUID | None] | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        data = index.siblingAtColumn(0).data(KIND_ROLE)
        return data if isinstance(data, tuple) else None

    def row_texts(self) -> list[list[str]]:
        """Every row's texts, depth first (what a test or a reader sees)."""
        found: list[list[str]] = []

        def walk(parent: QModelIndex, depth: int) -> None:
            for row in range(self.model_.rowCount(parent)):
                index = self.model_.index(row, 0, parent)
                found.append(
                    [
                        "  " * depth + str(index.data() or ""),
                        *(
                            str(self.model_.index(row, c, parent).data() or "")
                            for c in range(1, self.model_.columnCount())
                        ),
                    ]
                )
                walk(index, depth + 1)

        walk(QModelIndex(), 0)
        return found


class GezinsplanSection(QGroupBox):
    """The gezinsplan: what it says, and the buttons that fit the version shown."""

    newVersionRequested = Signal()
    editPlanRequested = Signal(uuid.UUID)
    removeConceptRequested = Signal(uuid.UUID)
    addGoalRequested = Signal(uuid.UUID)  # the plan
    editGoalRequested = Signal(uuid.UUID)
    removeGoalRequested = Signal(uuid.UUID)
    moveGoalRequested = Signal(object, int)  # a goal's id, -1 up or +1 down
    addActionRequested = Signal(uuid.UUID)  # the goal
    editActionRequested = Signal(uuid.UUID)
    removeActionRequested = Signal(uuid.UUID)
    addNetworkRequested = Signal(uuid.UUID)  # the plan
    editNetworkRequested = Signal(uuid.UUID)
    removeNetworkRequested = Signal(uuid.UUID)
    addPartnerRequested = Signal(uuid.UUID)  # the plan
    editPartnerRequested = Signal(uuid.UUID)
    removePartnerRequested = Signal(uuid.UUID)
    adulthoodRequested = Signal(uuid.UUID)  # the plan
    removeAdulthoodRequested = Signal(uuid.UUID)  # the member's 'na je 18e'
    addEvaluationDateRequested = Signal(uuid.UUID)  # the plan
    removeEvaluationDateRequested = Signal(uuid.UUID)
    settleRequested = Signal(uuid.UUID)
    evaluateRequested = Signal(uuid.UUID)  # an evaluation date
    printRequested = Signal(int)  # a version

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__("Gezinsplan", parent)
        self.codes = codes
        self.plans = Gezinsplannen()
        self.today = date.today()
        self._pinned: int | None = None  # an older version the user chose to read
        self.version = QComboBox()
        self.version.setObjectName("gezinsplan_version")
        self.version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QLabel()
        self.status.setObjectName("gezinsplan_status")
        self.status.setWordWrap(True)
        self.about = QLabel()
        self.about.setObjectName("gezinsplan_about")
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #555;")
        self.texts = QLabel()
        self.texts.setObjectName("gezinsplan_texts")
        self.texts.setWordWrap(True)
        self.texts.setTextFormat(Qt.TextFormat.RichText)
        self.texts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.goals = PlanTree(
            ["Doel / actie", "Voor wie / wie", "Meten / klaar op", "Stand"], "goals"
        )
        self.removed = QLabel()
        self.removed.setObjectName("gezinsplan_removed")
        self.removed.setWordWrap(True)
        self.removed.setStyleSheet("color: #8a5a00;")
        self.parts = PlanTree(["Onderdeel", "Wie / wat", "Toelichting"], "plan_parts")

        self._make_buttons()
        self._lay_out()
        self._connect()
        self._show()

    def _make_buttons(self) -> None:
        def button(text: str, name: str) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            return made

        self.new_button = button("Nieuwe versie", "new_gezinsplan")
        self.print_button = button("Afdrukken…", "print_gezinsplan")
        self.plan_button = button("Plan bewerken…", "edit_gezinsplan")
        self.settle_button = button("Akkoord en vaststellen…", "settle_gezinsplan")
        self.remove_concept_button = button("Concept verwijderen", "remove_concept")
        self.add_goal_button = button("Doel toevoegen…", "add_goal")
        self.add_action_button = button("Actie toevoegen…", "add_plan_action")
        self.edit_goal_button = button("Wijzigen…", "edit_goal")
        self.remove_goal_button = button("Verwijderen", "remove_goal")
        self.up_button = button("Omhoog", "goal_up")
        self.down_button = button("Omlaag", "goal_down")
        self.network_button = button("Netwerk…", "add_network")
        self.partner_button = button("Organisatie…", "add_partner")
        self.adulthood_button = button("Na je 18e…", "adulthood")
        self.evaluation_date_button = button("Evaluatiedatum…", "add_evaluation_date")
        self.edit_part_button = button("Wijzigen…", "edit_part")
        self.remove_part_button = button("Verwijderen", "remove_part")
        self.evaluate_button = button("Evalueren…", "evaluate")

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        self.version_label = QLabel("Versie:")
        top.addWidget(self.version_label)
        top.addWidget(self.version)
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(self.texts)
        layout.addWidget(self.goals)
        layout.addWidget(self.removed)
        layout.addLayout(
            button_row(
                self.add_goal_button,
                self.add_action_button,
                self.edit_goal_button,
                self.remove_goal_button,
                self.up_button,
                self.down_button,
            )
        )
        layout.addWidget(self.parts)
        layout.addLayout(
            button_row(
                self.network_button,
                self.partner_button,
                self.adulthood_button,
                self.evaluation_date_button,
                self.edit_part_button,
                self.remove_part_button,
                self.evaluate_button,
            )
        )
        layout.addLayout(
            button_row(
                self.new_button,
                self.plan_button,
                self.settle_button,
                self.remove_concept_button,
            )
        )
        layout.addStretch(1)

    def _connect(self) -> None:
        self.version.currentIndexChanged.connect(self._chosen_version)
        self.goals.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.parts.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.goals.doubleClicked.connect(lambda _i: self._edit_goal_or_action())
        self.parts.doubleClicked.connect(lambda _i: self._edit_part())
        self.new_button.clicked.connect(self.newVersionRequested)
        self.print_button.clicked.connect(self._print)
        self.plan_button.clicked.connect(lambda: self._on_concept(self.editPlanRequested))
        self.settle_button.clicked.connect(lambda: self._on_concept(self.settleRequested))
        self.remove_concept_button.clicked.connect(
            lambda: self._on_concept(self.removeConceptRequested)
        )
        self.add_goal_button.clicked.connect(lambda: self._on_concept(self.addGoalRequested))
        self.add_action_button.clicked.connect(self._add_action)
        self.edit_goal_button.clicked.connect(self._edit_goal_or_action)
        self.remove_goal_button.clicked.connect(self._remove_goal_or_action)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.network_button.clicked.connect(lambda: self._on_concept(self.addNetworkRequested))
        self.partner_button.clicked.connect(lambda: self._on_concept(self.addPartnerRequested))
        self.adulthood_button.clicked.connect(lambda: self._on_concept(self.adulthoodRequested))
        self.evaluation_date_button.clicked.connect(self._add_evaluation_date)
        self.edit_part_button.clicked.connect(self._edit_part)
        self.remove_part_button.clicked.connect(self._remove_part)
        self.evaluate_button.clicked.connect(self._evaluate)

    # --- which version ---------------------------------------------------------------

    def shown(self) -> GezinsplanRecord | None:
        data = self.version.currentData()
        return next((v for v in self.plans.versions if v.version == data), None)

    def _is_concept(self) -> bool:
        plan = self.shown()
        return plan is not None and not plan.settled

    def _is_current(self) -> bool:
        plan, current = self.shown(), self.plans.current
        return plan is not None and current is not None and plan.id == current.id

    def show_plans(self, plans: Gezinsplannen, today: date) -> None:
        """The newest version, unless the user chose an older one to read (and it is there)."""
        if len(plans.versions) != len(self.plans.versions):
            self._pinned = None
        self.plans, self.today = plans, today
        chosen = plans.version(self._pinned) if self._pinned is not None else None
        chosen = chosen or plans.newest
        self.version.blockSignals(True)
        self.version.clear()
        for plan in plans.versions:
            holds = " (geldt nu)" if plans.current and plan.id == plans.current.id else ""
            self.version.addItem(
                plan_state_text(plan.version, plan.settled_on) + holds, plan.version
            )
        if chosen is not None:
            self.version.setCurrentIndex(self.version.findData(chosen.version))
        self.version.blockSignals(False)
        self._show()

    def _chosen_version(self) -> None:
        plan, newest = self.shown(), self.plans.newest
        self._pinned = plan.version if plan and newest and plan.id != newest.id else None
        self._show()

    # --- what it says ----------------------------------------------------------------

    def _show(self) -> None:
        plan = self.shown()
        several = len(self.plans.versions) > 1  # one version: its state says it all
        self.version.setVisible(several)
        self.version_label.setVisible(several)
        self.goals.clear_rows()
        self.parts.clear_rows()
        if plan is None:
            self.status.setText(
                "Nog geen gezinsplan. Begin met 'Gezinsplan maken…': de vraag uit de aanmelding "
                "wordt overgenomen."
            )
            self.status.setStyleSheet("")
            self.status.show()
            for widget in (self.about, self.texts, self.goals, self.removed, self.parts):
                widget.hide()
            self._update_buttons()
            return
        for widget in (self.about, self.texts, self.goals, self.parts):
            widget.show()
        self.status.setText(f"<b>{plan_state_text(plan.version, plan.settled_on)}</b>")
        self.status.setVisible(len(self.plans.versions) == 1)  # else the chooser says it
        self.status.setStyleSheet("" if plan.settled else f"color: {MARK.name()};")
        self.about.setText(self._about(plan))
        self.texts.setText(self._texts_html(plan))
        self._fill_goals(plan)
        self._fill_parts(plan)
        if plan.removed_goals:
            self.removed.setText(
                f"Uit het plan sinds versie {plan.version - 1}: " + "; ".join(plan.removed_goals)
            )
            self.removed.show()
        else:
            self.removed.hide()
        self._update_buttons()

    def _about(self, plan: GezinsplanRecord) -> str:
        parts = [f"Gemaakt op {date_text(plan.draft.made_on)}"]
        if plan.regisseur:
            parts.append(f"regisseur {plan.regisseur}")
        if plan.draft.reach:
            parts.append(f"bereikbaar: {plan.draft.reach}")
        if plan.settled and plan.settled_by:
            parts.append(f"vastgesteld door {plan.settled_by}")
        return _html(" · ".join(parts))

    def _marked(self, plan: GezinsplanRecord, part: PlanPart) -> str:
        return changed_since_text(plan.version) if part in plan.changed else ""

    def _texts_html(self, plan: GezinsplanRecord) -> str:
        mark = self._marked(plan, PlanPart.SITUATION)
        lines = []
        if mark:
            lines.append(
                f"<span style='color:{MARK.name()}'>{PLAN_PART[PlanPart.SITUATION]}: {mark}</span>"
            )
        for key, label in PLAN_TEXTS:
            text = getattr(plan.draft, key)
            lines.append(f"<b>{label}:</b> {_html(text) if text else '—'}")
        return "<br>".join(lines)

    def _fill_goals(self, plan: GezinsplanRecord) -> None:
        model = self.goals.model_
        for number, goal in enumerate(plan.goals, 1):
            row = _row(
                GOAL,
                goal.id,
                f"{number}. {goal.description}",
                ", ".join(goal.members) or "het gezin",
                measured_text(goal),
                "",
            )
            font = QFont(row[0].font())
            font.setBold(True)
            row[0].setFont(font)
            if goal.change is not None and plan.version > 1:
                row[3].setText(GOAL_CHANGE[goal.change])
                _mark(row, f"{GOAL_CHANGE[goal.change]} sinds versie {plan.version - 1}")
            for action in goal.actions:
                stand = action_stand(action, self.today)
                child = _row(
                    ACTION,
                    action.id,
                    action.description,
                    action.owner,
                    date_text(action.draft.due_on),
                    stand,
                )
                if stand == "Te laat":
                    for item in child:
                        item.setForeground(QBrush(LATE))
                row[0].appendRow(child)
            model.appendRow(row)
        if not plan.goals:
            model.appendRow(_row("", None, "Nog geen doelen.", "", "", ""))
        self.goals.fit()

    def _group(self, title: str, mark: str, rows: list[list[QStandardItem]]) -> None:
        """A part of the plan: its name (and mark) over its rows."""
        group = _row("", None, title, "" if rows else "—", mark)
        font = QFont(group[0].font())
        font.setBold(True)
        group[0].setFont(font)
        if mark:
            _mark(group, mark)
        for row in rows:
            group[0].appendRow(row)
        self.parts.model_.appendRow(group)

    def _fill_parts(self, plan: GezinsplanRecord) -> None:
        draft = plan.draft
        parts: list[tuple[PlanPart, list[list[QStandardItem]]]] = [
            (PlanPart.NETWORK, self._network_rows(plan)),
            (PlanPart.PARTNERS, self._partner_rows(plan)),
            (PlanPart.SAFETY, [_row("", None, a.what, a.who, a.trigger) for a in plan.safety]),
            (
                PlanPart.FAMILIEGROEPSPLAN,
                [
                    _row(
                        "",
                        None,
                        fgp_text(draft.fgp_offered_on, draft.fgp_accepted, draft.fgp_made_on),
                        draft.fgp_note,
                        "",
                    )
                ],
            ),
            (PlanPart.ADULTHOOD, self._adulthood_rows(plan)),
            (PlanPart.EVALUATION_DATES, self._evaluation_rows(plan)),
        ]
        for part, rows in parts:
            if part is PlanPart.ADULTHOOD and not rows:
                continue  # only for a member turning 18 within the plan period
            self._group(PLAN_PART[part], self._marked(plan, part), rows)
        self._group("Akkoord", "", self._party_rows(plan))
        self.parts.fit(420)

    @staticmethod
    def _network_rows(plan: GezinsplanRecord) -> list[list[QStandardItem]]:
        return [
            _row(
                NETWORK,
                n.id,
                f"{n.draft.name} ({n.draft.relation})" if n.draft.relation else n.draft.name,
                n.draft.role,
                "",
            )
            for n in plan.network
        ]

    @staticmethod
    def _partner_rows(plan: GezinsplanRecord) -> list[list[QStandardItem]]:
        return [
            _row(
                PARTNER,
                p.id,
                p.organisation,
                p.draft.role,
                ", ".join(x for x in (p.contact, p.phone) if x),
            )
            for p in plan.partners
        ]

    @staticmethod
    def _adulthood_rows(plan: GezinsplanRecord) -> list[list[QStandardItem]]:
        rows = []
        for a in plan.adulthood:
            turns = f" (wordt 18 op {date_text(a.turns_18_on)})" if a.turns_18_on else ""
            who = f"neemt over: {a.draft.who_takes_over}" if a.draft.who_takes_over else ""
            rows.append(
                _row(ADULTHOOD, a.draft.person_id, a.name + turns, a.draft.what_changes, who)
            )
        return rows

    def _evaluation_rows(self, plan: GezinsplanRecord) -> list[list[QStandardItem]]:
        rows = []
        for e in plan.evaluations:
            # a concept's dates are not agreed yet: only a vastgesteld plan's can be late
            late = plan.settled and e.held_on is None and e.planned_on < self.today
            state = (
                f"gehouden op {date_text(e.held_on)}"
                if e.held_on is not None
                else ("te laat" if late else "gepland")
            )
            item = _row(EVALUATION, e.id, f"Evaluatie {date_text(e.planned_on)}", state, e.note)
            for cell in item if late else ():
                cell.setForeground(QBrush(LATE))
            for result in e.results:
                outcome = GOAL_OUTCOME[result.draft.outcome]
                item[0].appendRow(
                    _row(
                        "",
                        None,
                        result.goal,
                        outcome + ("" if result.draft.continues else " · stopt"),
                        result.draft.what_happened,
                    )
                )
            rows.append(item)
        return rows

    def _party_rows(self, plan: GezinsplanRecord) -> list[list[QStandardItem]]:
        rows = []
        for party in plan.parties:
            d = party.draft
            if d.agreed_on is not None:
                how = self.codes.label("afspraakwijze", d.agreed_how).lower()
                state = f"akkoord op {date_text(d.agreed_on)} ({how})"
            elif d.not_agreed_reason:
                state = f"niet akkoord: {d.not_agreed_reason}"
            else:
                state = "nog niet vastgelegd"
            chart = "ZRM-grafiek in het plan" if d.chart_ok else ""
            rows.append(_row("", None, party.name, state, chart))
        return rows

    # --- buttons ---------------------------------------------------------------------

    def _update_buttons(self) -> None:
        plan = self.shown()
        concept = self._is_concept()
        current = self._is_current()
        goal = self.goals.chosen()
        part = self.parts.chosen()
        for widget in (
            self.plan_button,
            self.settle_button,
            self.remove_concept_button,
            self.add_goal_button,
            self.add_action_button,
            self.edit_goal_button,
            self.remove_goal_button,
            self.up_button,
            self.down_button,
            self.network_button,
            self.partner_button,
            self.adulthood_button,
            self.edit_part_button,
            self.remove_part_button,
        ):
            widget.setVisible(concept)
        self.new_button.setVisible(self.plans.concept is None)
        self.new_button.setText("Nieuwe versie" if self.plans.versions else "Gezinsplan maken…")
        self.print_button.setVisible(plan is not None)
        self.evaluate_button.setVisible(current)
        self.evaluation_date_button.setVisible(concept or current)
        on_goal = goal is not None and goal[0] in (GOAL, ACTION)
        self.add_action_button.setEnabled(on_goal)
        self.edit_goal_button.setEnabled(on_goal)
        self.remove_goal_button.setEnabled(on_goal)
        self.up_button.setEnabled(goal is not None and goal[0] == GOAL)
        self.down_button.setEnabled(goal is not None and goal[0] == GOAL)
        editable = part is not None and part[0] in (NETWORK, PARTNER, ADULTHOOD)
        self.edit_part_button.setEnabled(editable)
        self.remove_part_button.setEnabled(part is not None and part[0] in EDITABLE_PARTS)
        self.evaluate_button.setEnabled(
            plan is not None
            and ((part is not None and part[0] == EVALUATION) or plan.next_evaluation() is not None)
        )

    def _on_concept(self, signal: SignalInstance) -> None:
        plan = self.shown()
        if plan is not None and not plan.settled:
            signal.emit(plan.id)

    def _print(self) -> None:
        plan = self.shown()
        if plan is not None:
            self.printRequested.emit(plan.version)

    def _goal_of_selection(self) -> uuid.UUID | None:
        plan, chosen = self.shown(), self.goals.chosen()
        if plan is None or chosen is None:
            return None
        kind, record_id = chosen
        if kind == GOAL:
            return record_id
        return next((g.id for g in plan.goals if any(a.id == record_id for a in g.actions)), None)

    def _add_action(self) -> None:
        goal_id = self._goal_of_selection()
        if goal_id is not None and self._is_concept():
            self.addActionRequested.emit(goal_id)

    def _edit_goal_or_action(self) -> None:
        chosen = self.goals.chosen()
        if chosen is None or not self._is_concept() or chosen[1] is None:
            return
        kind, record_id = chosen
        {GOAL: self.editGoalRequested, ACTION: self.editActionRequested}[kind].emit(record_id)

    def _remove_goal_or_action(self) -> None:
        chosen = self.goals.chosen()
        if chosen is None or not self._is_concept() or chosen[1] is None:
            return
        kind, record_id = chosen
        {GOAL: self.removeGoalRequested, ACTION: self.removeActionRequested}[kind].emit(record_id)

    def _move(self, step: int) -> None:
        chosen = self.goals.chosen()
        if chosen is not None and chosen[0] == GOAL and self._is_concept():
            self.moveGoalRequested.emit(chosen[1], step)

    def select_goal(self, goal_id: uuid.UUID) -> None:
        """Select a goal's row (after a move, so Omhoog can be pressed again)."""
        model = self.goals.model_
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(KIND_ROLE) == (GOAL, goal_id):
                self.goals.setCurrentIndex(index)
                return

    def _edit_part(self) -> None:
        chosen = self.parts.chosen()
        if chosen is None or chosen[1] is None:
            return
        kind, record_id = chosen
        if kind == EVALUATION and self._is_current():
            self.evaluateRequested.emit(record_id)
        elif self._is_concept():
            plan = self.shown()
            signal = {
                NETWORK: self.editNetworkRequested,
                PARTNER: self.editPartnerRequested,
            }.get(kind)
            if signal is not None:
                signal.emit(record_id)
            elif kind == ADULTHOOD and plan is not None:
                self.adulthoodRequested.emit(plan.id)

    def _remove_part(self) -> None:
        chosen = self.parts.chosen()
        if chosen is None or chosen[1] is None or not self._is_concept():
            return
        kind, record_id = chosen
        signal = {
            NETWORK: self.removeNetworkRequested,
            PARTNER: self.removePartnerRequested,
            EVALUATION: self.removeEvaluationDateRequested,
            ADULTHOOD: self.removeAdulthoodRequested,
        }.get(kind)
        if signal is not None:
            signal.emit(record_id)

    def _add_evaluation_date(self) -> None:
        plan = self.shown()
        if plan is not None and (self._is_concept() or self._is_current()):
            self.addEvaluationDateRequested.emit(plan.id)

    def _evaluate(self) -> None:
        plan = self.shown()
        if plan is None or not self._is_current():
            return
        chosen = self.parts.chosen()
        if chosen is not None and chosen[0] == EVALUATION and chosen[1] is not None:
            self.evaluateRequested.emit(chosen[1])
        elif (upcoming := plan.next_evaluation()) is not None:
            self.evaluateRequested.emit(upcoming.id)
