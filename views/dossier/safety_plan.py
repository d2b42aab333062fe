"""Signs of Safety over time, and the veiligheidsplan with its versions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.records import SafetyPlanRecord, SafetyPlans, SignsOfSafetyRecord
from models.wording import RESPONDENT, date_text
from views.dossier.common import ROW_HEIGHT, RecordSection, button_row, emit_selected
from views.tables import Rows, fill_table, read_only_table, selected_id


def _one_line(text: str) -> str:
    return " ".join(text.split())


def scale_summary(record: SignsOfSafetyRecord) -> str:
    """'Team 4 · Fatma 6 · Zoë 3': who answered what, first names only."""
    parts = []
    for answer in record.draft.answers:
        if answer.person_id is None:
            who = RESPONDENT[answer.respondent]
        else:
            name = record.names.get(answer.person_id, "")
            who = name.split()[0] if name else "oud-gezinslid"
        parts.append(f"{who} {answer.score}")
    return " · ".join(parts) or "—"


class SignsOfSafetySection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Signs of Safety",
            ["Datum", "Veiligheidsschaal", "Wat moet er gebeuren"],
            "signs",
            add_text="Signs of Safety vastleggen…",
            parent=parent,
        )
        self.edit_button.setText("Corrigeren…")
        # The three columns are read whole in each row's tooltip, and in Corrigeren….
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_records(self, records: list[SignsOfSafetyRecord]) -> None:
        self.show_rows(
            [
                (
                    r.id,
                    [
                        date_text(r.assessed_on),
                        scale_summary(r),
                        _one_line(r.draft.next_steps),
                    ],
                )
                for r in records
            ]
        )
        for row, record in enumerate(records):
            tip = "\n\n".join(
                f"{title}:\n{text}"
                for title, text in (
                    ("Zorgen", record.draft.worries),
                    ("Wat gaat goed", record.draft.going_well),
                    ("Wat moet er gebeuren", record.draft.next_steps),
                )
                if text
            )
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setToolTip(tip)


def plan_status(plan: SafetyPlanRecord, codes: CodeLists) -> str:
    """One line on where a version stands."""
    settled = plan.settlement
    head = f"Versie {plan.version} van {date_text(plan.made_on)}"
    if settled is None:
        return f"{head} · concept: nog niet afgesproken"
    if settled.with_parents:
        how = codes.label("afspraakwijze", settled.agreed_how).lower()
        return f"{head} · afgesproken met de ouders op {date_text(settled.agreed_on)} ({how})"
    return (
        f"{head} · vastgesteld op {date_text(settled.agreed_on)}, niet met de ouders "
        f"afgesproken: {settled.not_agreed_reason}"
    )


class SafetyPlanSection(QGroupBox):
    """The veiligheidsplan: one version at a time (the concept, or else the one that holds),
    earlier versions by choice. Only a concept's agreements can change."""

    newVersionRequested = Signal()
    editPlanRequested = Signal(uuid.UUID)
    addRequested = Signal(uuid.UUID)  # the concept's id
    editRequested = Signal(uuid.UUID)  # an agreement's id
    removeRequested = Signal(uuid.UUID)
    settleRequested = Signal(uuid.UUID)

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__("Veiligheidsplan", parent)
        self.codes = codes
        self.plans = SafetyPlans()
        self.version = QComboBox()
        self.version.setObjectName("plan_version")
        self.version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QLabel()
        self.status.setObjectName("plan_status")
        self.status.setWordWrap(True)
        self.goal = QLabel()
        self.goal.setObjectName("plan_goal")
        self.goal.setWordWrap(True)
        self.goal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = read_only_table(
            ["Afspraak", "Wie doet het", "Wanneer", "Wie controleert", "Netwerk"], "agreements", 0
        )
        self.table.setWordWrap(True)  # an agreement is read whole, not elided
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 125)
        self.new_button = QPushButton("Nieuwe versie…")
        self.new_button.setObjectName("new_plan_version")
        self.plan_button = QPushButton("Datum en doel…")
        self.add_button = QPushButton("Afspraak toevoegen…")
        self.add_button.setObjectName("add_agreement")
        self.edit_button = QPushButton("Wijzigen…")
        self.remove_button = QPushButton("Verwijderen")
        self.settle_button = QPushButton("Vaststellen…")
        self.settle_button.setObjectName("settle_plan")

        top = QHBoxLayout()
        top.addWidget(QLabel("Versie:"))
        top.addWidget(self.version)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.goal)
        layout.addWidget(self.table)
        layout.addStretch(1)
        layout.addLayout(
            button_row(
                self.new_button,
                self.plan_button,
                self.add_button,
                self.edit_button,
                self.remove_button,
                self.settle_button,
            )
        )
        self.version.currentIndexChanged.connect(self._show_chosen)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self._edit())
        self.new_button.clicked.connect(self.newVersionRequested)
        self.plan_button.clicked.connect(lambda: self._on_plan(self.editPlanRequested))
        self.add_button.clicked.connect(lambda: self._on_plan(self.addRequested))
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(lambda: emit_selected(self.table, self.removeRequested))
        self.settle_button.clicked.connect(lambda: self._on_plan(self.settleRequested))
        self._show_chosen()

    def shown(self) -> SafetyPlanRecord | None:
        data = self.version.currentData()
        return next((v for v in self.plans.versions if str(v.id) == data), None)

    def _on_plan(self, signal: SignalInstance) -> None:
        plan = self.shown()
        if plan is not None and not plan.agreed:
            signal.emit(plan.id)

    def _edit(self) -> None:
        plan = self.shown()
        if plan is not None and not plan.agreed:
            emit_selected(self.table, self.editRequested)

    def show_plans(self, plans: SafetyPlans) -> None:
        """Show the concept if there is one, else the version that holds (or the one shown)."""
        before = self.shown()
        self.plans = plans
        chosen = plans.concept or plans.current
        if before is not None and before.agreed and any(v.id == before.id for v in plans.versions):
            chosen = chosen if chosen and not chosen.agreed else before
        self.version.blockSignals(True)
        self.version.clear()
        for plan in plans.versions:
            settled = plan.settlement
            state = date_text(settled.agreed_on) if settled else "concept"
            holds = " (geldt nu)" if plans.current and plan.id == plans.current.id else ""
            self.version.addItem(f"Versie {plan.version} · {state}{holds}", str(plan.id))
        if chosen is not None:
            self.version.setCurrentIndex(self.version.findData(str(chosen.id)))
        self.version.blockSignals(False)
        self._show_chosen()

    def _show_chosen(self) -> None:
        plan = self.shown()
        self.version.setEnabled(len(self.plans.versions) > 1)
        if plan is None:
            self.status.setText(
                "Nog geen veiligheidsplan. Begin met 'Nieuwe versie…': 'wat moet er gebeuren' "
                "uit de laatste Signs of Safety wordt overgenomen."
            )
            self.goal.clear()
            self.goal.hide()
            self._fill([])
        else:
            self.status.setText(plan_status(plan, self.codes))
            self.status.setStyleSheet("" if plan.agreed else "color: #8a5a00;")
            self.goal.setText(f"<b>Wat moet er gebeuren:</b> {_html(plan.goal) or '—'}")
            self.goal.show()
            self._fill(
                [
                    (
                        a.id,
                        [
                            _one_line(a.draft.what),
                            a.draft.who,
                            a.draft.trigger,
                            a.draft.checker,
                            a.draft.network,
                        ],
                    )
                    for a in plan.agreements
                ],
            )
        self._update_buttons()

    def _fill(self, rows: Rows) -> None:
        """Rows as high as their wrapped text; the table as high as its rows (up to a limit)."""
        fill_table(self.table, rows)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(
            min(420, max(2 * ROW_HEIGHT, rows_height))
            + self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.frameWidth()
        )

    def _update_buttons(self) -> None:
        plan = self.shown()
        concept = plan is not None and not plan.agreed
        selected = bool(self.table.selectedItems()) and selected_id(self.table) is not None
        self.new_button.setVisible(self.plans.concept is None)
        for button in (self.plan_button, self.add_button, self.settle_button):
            button.setVisible(concept)
        self.edit_button.setVisible(concept)
        self.remove_button.setVisible(concept)
        self.edit_button.setEnabled(concept and selected)
        self.remove_button.setEnabled(concept and selected)


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )
