"""Meeting mode: one window that walks a running meeting's agenda case by case.

Left the agenda (hidden when outsiders may see the screen: then only the current household
is named anywhere), in the middle the case's notes, decisions and actions, right the
household summary. The window only shows and asks; what is typed is handed to the
presenter through signals (:class:`MeetingModeWindow`).
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.meeting_records import (
    AgendaItemRecord,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    DecisionRecord,
    FamilyAttendance,
    HouseholdSummary,
    ItemOutcome,
    MeetingRecord,
)
from models.records import ActionRecord, MedewerkerRecord, OrganisationRecord
from models.validation import Problem
from models.wording import (
    DECISION_KIND,
    FAMILY_ATTENDANCE,
    ITEM_OUTCOME,
    MEETING_KIND,
    PHASE,
    date_text,
    long_date_text,
)
from views.forms import FormDialog, code_combo, released, text_of

# The marker before a case in the agenda list, by outcome.
OUTCOME_MARK = {ItemOutcome.OPEN: "○", ItemOutcome.BESPROKEN: "✓", ItemOutcome.DOORGESCHOVEN: "→"}
NOTE_FIELDS = ("information", "analysis", "conclusion", "internal_note")
WARN_STYLE = (
    "QLabel { background: #fdecea; border: 1px solid #e0a5a5; border-radius: 4px; padding: 8px; }"
)
BLOCK_STYLE = (
    "QLabel { background: #f6f7f9; border: 1px solid #dde1e6; border-radius: 4px; padding: 8px; }"
)


def _uuid(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def decision_text(decision: DecisionRecord) -> str:
    """One line per decision: its kind and what it names."""
    draft = decision.draft
    parts = [DECISION_KIND[draft.kind]]
    if draft.kind is DecisionKind.REGISSEUR and decision.medewerker:
        parts.append(decision.medewerker)
    if draft.kind is DecisionKind.FASE and draft.phase:
        parts.append(next((t for p, t in PHASE.items() if p.value == draft.phase), draft.phase))
    if draft.kind is DecisionKind.VERWIJZEN:
        parts.append(decision.organisation)
        if decision.deciders:
            parts.append("besloten door " + " en ".join(decision.deciders))
    if draft.text:
        parts.append(draft.text)
    done = f" (uitgevoerd {date_text(decision.carried_out_on)})" if decision.carried_out_on else ""
    return " — ".join(p for p in parts if p) + done


def action_text(action: ActionRecord) -> str:
    return f"{action.description} — {action.owner} — klaar op {date_text(action.due_on)}"


# The fields each kind of decision asks besides the kind and the text.
DECISION_FIELDS = {
    DecisionKind.REGISSEUR: frozenset({"medewerker"}),
    DecisionKind.FASE: frozenset({"phase"}),
    DecisionKind.VERWIJZEN: frozenset({"organisation", "hulpvorm", "decider_1", "decider_2"}),
}


class DecisionDialog(FormDialog):
    """A decision on a case: its kind, and what that kind names (the new regisseur, the
    phase, or the verwijzing's organisation, hulpvorm and two deciders)."""

    def __init__(
        self,
        team: Sequence[MedewerkerRecord],
        organisations: Sequence[OrganisationRecord],
        hulpvormen: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Besluit vastleggen", parent)
        self.add_field(
            "kind",
            "Soort besluit *",
            code_combo([(k.value, t) for k, t in DECISION_KIND.items()], empty="— kies —"),
            lambda: None if text_of(self.field("kind")) else Problem.REQUIRED,
        )
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setFixedHeight(70)
        text.setPlaceholderText("Wat is besloten, en waarom?")
        self.add_field("text", "Toelichting", text, self._check_text)
        people = [(str(m.id), m.name) for m in team if m.active]
        self.add_field(
            "medewerker",
            "Nieuwe regisseur *",
            code_combo(people, empty="— kies een teamlid —"),
            self._required("medewerker"),
        )
        self.add_field(
            "phase",
            "Nieuwe fase *",
            code_combo([(p.value, t) for p, t in PHASE.items()], empty="— kies een fase —"),
            self._required("phase"),
        )
        self.add_field(
            "organisation",
            "Naar organisatie *",
            code_combo(
                [(str(o.id), o.name) for o in organisations if o.active],
                empty="— kies een organisatie —",
            ),
            self._required("organisation"),
        )
        self.add_field(
            "hulpvorm", "Hulpvorm", code_combo(list(hulpvormen), empty="— kies een hulpvorm —")
        )
        self.add_field(
            "decider_1",
            "Besloten door *",
            code_combo(people, empty="— kies een medewerker —"),
            self._required("decider_1"),
        )
        self.add_field(
            "decider_2",
            "en door *",
            code_combo(people, empty="— kies een tweede medewerker —"),
            self._check_second,
        )
        self.field("kind").currentIndexChanged.connect(lambda _i: self._show_kind())
        self._show_kind()
        self.setMinimumWidth(560)
        self.finish_loading()

    def kind(self) -> DecisionKind | None:
        code = text_of(self.field("kind"))
        return DecisionKind(code) if code else None

    def _shown(self) -> set[str]:
        kind = self.kind()
        return set(DECISION_FIELDS.get(kind, ())) if kind is not None else set()

    def _show_kind(self) -> None:
        shown = self._shown()
        for key in ("medewerker", "phase", "organisation", "hulpvorm", "decider_1", "decider_2"):
            self.form.setRowVisible(self._boxes[key], key in shown)
            if key not in shown:
                self.show_problem(key, None)

    def _required(self, key: str) -> Callable[[], Problem | None]:
        def check() -> Problem | None:
            if key not in self._shown():
                return None
            return None if text_of(self.field(key)) else Problem.REQUIRED

        return check

    def _check_second(self) -> Problem | None:
        if "decider_2" not in self._shown():
            return None
        second = text_of(self.field("decider_2"))
        if not second:
            return Problem.REQUIRED
        return Problem.SAME_DECIDER if second == text_of(self.field("decider_1")) else None

    def _check_text(self) -> Problem | None:
        empty = not text_of(self.field("text")).strip()
        return Problem.REQUIRED if self.kind() is DecisionKind.ANDERS and empty else None

    def value(self) -> DecisionDraft:
        kind = self.kind() or DecisionKind.ANDERS
        shown = self._shown()

        def chosen(key: str) -> uuid.UUID | None:
            return _uuid(self.field(key)) if key in shown else None

        return DecisionDraft(
            kind=kind,
            text=text_of(self.field("text")).strip(),
            medewerker_id=chosen("medewerker"),
            phase=text_of(self.field("phase")) if "phase" in shown else "",
            organisation_id=chosen("organisation"),
            hulpvorm=text_of(self.field("hulpvorm")) if "hulpvorm" in shown else "",
            decider_1=chosen("decider_1"),
            decider_2=chosen("decider_2"),
        )

    def fill_draft(self, draft: DecisionDraft) -> None:
        """Put back a draft the store refused."""
        self.fill(
            {
                "kind": draft.kind.value,
                "text": draft.text,
                "medewerker": str(draft.medewerker_id or ""),
                "phase": draft.phase,
                "organisation": str(draft.organisation_id or ""),
                "hulpvorm": draft.hulpvorm,
                "decider_1": str(draft.decider_1 or ""),
                "decider_2": str(draft.decider_2 or ""),
            }
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        draft: DecisionDraft | None,
        problems: dict[str, Problem] | None,
        *,
        team: Sequence[MedewerkerRecord],
        organisations: Sequence[OrganisationRecord],
        hulpvormen: Sequence[tuple[str, str]],
    ) -> DecisionDraft | None:
        dialog = cls(team, organisations, hulpvormen, parent)
        with released(dialog):
            if draft is not None:
                dialog.fill_draft(draft)
            return dialog.value() if dialog.run(problems) else None


def _notes_edit(hint: str, height: int = 72) -> QPlainTextEdit:
    """A notes field that takes its share of the height left (its own wish is ignored, so
    the decisions and actions stay in view on a laptop screen)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setMinimumHeight(height)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    return edit


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600; color: #3a4250; margin-top: 6px;")
    return label


class MeetingModeWindow(QWidget):
    """The meeting's own window (maximisable, beside the main window)."""

    caseChosen = Signal(int)  # an index in the agenda
    previousRequested = Signal()
    nextRequested = Signal()
    endRequested = Signal()  # casus afronden (besproken)
    carryOverRequested = Signal()  # niet besproken, doorschuiven
    closeMeetingRequested = Signal()
    decisionRequested = Signal()
    actionRequested = Signal()
    notesEdited = Signal()
    closing = Signal()  # the window closes (after may_close said yes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        # Asked before the window closes: False keeps it open (the notes could be neither
        # recorded nor kept, e.g. while a colleague's save holds the database).
        self.may_close: Callable[[], bool] | None = None
        self.setObjectName("meeting_mode")
        self.setWindowTitle("Overleg")
        self._loading = False
        self._mdo = False
        header = self._build_header()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_agenda())
        self.splitter.addWidget(self._build_case())
        self.splitter.addWidget(self._build_summary())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([240, 620, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._build_buttons())
        self.resize(1280, 800)

    def _build_header(self) -> QGridLayout:
        """The meeting, and the case in view."""
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("meeting_label")
        self.meeting_label.setStyleSheet("color: #5a6270;")
        self.position_label = QLabel()
        self.position_label.setObjectName("position_label")
        self.position_label.setStyleSheet("color: #5a6270;")
        self.household_label = QLabel()
        self.household_label.setObjectName("household_label")
        self.household_label.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome_label")
        header = QGridLayout()
        header.addWidget(self.household_label, 0, 0)
        header.addWidget(self.meeting_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.outcome_label, 1, 0)
        header.addWidget(self.position_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        header.setColumnStretch(0, 1)
        return header

    def _build_agenda(self) -> QWidget:
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda")
        self.agenda.setSpacing(2)
        self.agenda.currentRowChanged.connect(self._row_chosen)
        agenda_label = QLabel("Age&nda")
        agenda_label.setBuddy(self.agenda)
        agenda_label.setStyleSheet("font-weight: 600;")
        self.agenda_panel = QWidget()
        left = QVBoxLayout(self.agenda_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(agenda_label)
        left.addWidget(self.agenda, 1)
        return self.agenda_panel

    def _build_case(self) -> QWidget:
        self.question_label = QLabel()
        self.question_label.setObjectName("question_label")
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.RichText)
        self.question_label.setStyleSheet(
            "QLabel { background: #eef4fb; border-left: 4px solid #3b6ea5; padding: 8px; }"
        )
        self.edits: dict[str, QPlainTextEdit] = {
            "information": _notes_edit("Wat weten de teamleden en de partners?"),
            "analysis": _notes_edit("Wat zien we, wat speelt er, wat is de zorg?"),
            "conclusion": _notes_edit("Het antwoord op de casusvraag; wat gaan we doen?"),
            "internal_note": _notes_edit("Alleen voor het team", 48),
        }
        labels = {
            "information": "&Informatieronde",
            "analysis": "&Analyse",
            "conclusion": "Advies / &conclusie",
            "internal_note": "Interne no&titie — blijft binnen het team, nooit in externe notulen",
        }
        self.edits["internal_note"].setStyleSheet("QPlainTextEdit { background: #fffbea; }")
        for key, edit in self.edits.items():
            edit.setObjectName(key)
            edit.textChanged.connect(self._edited)
        self._build_lists()

        case = QWidget()
        middle = QVBoxLayout(case)
        middle.setContentsMargins(4, 0, 8, 0)
        middle.addWidget(_heading("Casusvraag"))
        middle.addWidget(self.question_label)
        for key, edit in self.edits.items():
            label = _heading(labels[key])
            label.setBuddy(edit)
            middle.addWidget(label)
            middle.addWidget(edit, 1 if key == "internal_note" else 3)
        middle.addLayout(self._build_checks())
        middle.addLayout(self._lists)
        case_scroll = QScrollArea()
        case_scroll.setWidgetResizable(True)
        case_scroll.setFrameShape(QFrame.Shape.NoFrame)
        case_scroll.setWidget(case)
        return case_scroll

    def _build_checks(self) -> QGridLayout:
        """Veiligheid and netwerk besproken; for an MDO whether the family attended."""
        self.safety = QCheckBox("&Veiligheid besproken (verplicht om de casus af te ronden)")
        self.safety.setObjectName("safety_discussed")
        self.safety.setStyleSheet(
            "QCheckBox { font-weight: 600; background: #eef4fb; padding: 6px; border-radius: 4px; }"
        )
        self.safety.toggled.connect(self._edited)
        self.network = code_combo([("ja", "ja"), ("nee", "nee")], empty="niet ingevuld")
        self.network.setObjectName("network_discussed")
        self.network.currentIndexChanged.connect(self._edited)
        network_label = QLabel("Net&werk besproken")
        network_label.setBuddy(self.network)
        self.family = code_combo(
            [(a.value, t) for a, t in FAMILY_ATTENDANCE.items()], empty="niet ingevuld"
        )
        self.family.setObjectName("family_attendance")
        self.family.currentIndexChanged.connect(self._edited)
        self.family.currentIndexChanged.connect(lambda _i: self._show_reason())
        self.family_label = QLabel("&Gezin aanwezig")
        self.family_label.setBuddy(self.family)
        self.reason = QLineEdit()
        self.reason.setObjectName("family_reason")
        self.reason.setPlaceholderText("Waarom niet (of maar een deel)?")
        self.reason.textChanged.connect(self._edited)
        self.reason_label = QLabel("&Reden")
        self.reason_label.setBuddy(self.reason)
        checks = QGridLayout()
        checks.addWidget(self.safety, 0, 0, 1, 3)
        checks.addWidget(network_label, 1, 0)
        checks.addWidget(self.network, 1, 1)
        checks.addWidget(self.family_label, 2, 0)
        checks.addWidget(self.family, 2, 1)
        checks.addWidget(self.reason_label, 3, 0)
        checks.addWidget(self.reason, 3, 1)
        checks.setColumnStretch(2, 1)
        return checks

    def _build_lists(self) -> None:
        """The case's decisions and actions, each with its button."""
        self.decision_list = QListWidget()
        self.decision_list.setObjectName("decisions")
        self.decision_list.setFixedHeight(96)
        self.decision_button = QPushButton("&Besluit…")
        self.decision_button.setObjectName("decision_button")
        self.decision_button.clicked.connect(self.decisionRequested)
        self.action_list = QListWidget()
        self.action_list.setObjectName("actions")
        self.action_list.setFixedHeight(96)
        self.action_button = QPushButton("Acti&e…")
        self.action_button.setObjectName("action_button")
        self.action_button.clicked.connect(self.actionRequested)
        lists = self._lists = QGridLayout()
        lists.addWidget(_heading("Besluiten"), 0, 0)
        lists.addWidget(self.decision_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        lists.addWidget(self.decision_list, 1, 0, 1, 2)
        lists.addWidget(_heading("Acties"), 0, 2)
        lists.addWidget(self.action_button, 0, 3, Qt.AlignmentFlag.AlignRight)
        lists.addWidget(self.action_list, 1, 2, 1, 2)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(2, 1)

    def _build_summary(self) -> QWidget:
        self.summary = QWidget()
        self.summary.setObjectName("summary")
        self.summary_layout = QVBoxLayout(self.summary)
        self.summary_layout.setContentsMargins(4, 0, 4, 0)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        summary_scroll.setWidget(self.summary)
        return summary_scroll

    def _build_buttons(self) -> QHBoxLayout:
        self.previous_button = QPushButton("V&orige casus")
        self.next_button = QPushButton("Volgende ca&sus")
        self.end_button = QPushButton("Casus a&fronden")
        self.carry_button = QPushButton("Niet besproken, &doorschuiven")
        self.close_button = QPushButton("Overleg s&luiten")
        for name, button, signal in (
            ("previous", self.previous_button, self.previousRequested),
            ("next", self.next_button, self.nextRequested),
            ("end_case", self.end_button, self.endRequested),
            ("carry_over", self.carry_button, self.carryOverRequested),
            ("close_meeting", self.close_button, self.closeMeetingRequested),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(signal)
        self.end_button.setStyleSheet("font-weight: 600;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.carry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        return buttons

    # --- showing -----------------------------------------------------------------------

    def show_meeting(self, meeting: MeetingRecord) -> None:
        kind = MEETING_KIND[meeting.kind]
        when = long_date_text(meeting.held_on) if meeting.held_on else ""
        self.meeting_label.setText(f"Overleg {meeting.number} · {kind} · {when}")
        self.setWindowTitle(f"Overleg {meeting.number} — {kind}")
        self.agenda_panel.setVisible(not meeting.guarded)
        self._mdo = meeting.kind.value == "mdo"

    def show_agenda(
        self, items: Sequence[AgendaItemRecord], current: int, *, guarded: bool
    ) -> None:
        """The agenda with each case's outcome; in guarded mode no other household is named
        (the list stays empty)."""
        self.agenda.blockSignals(True)
        self.agenda.clear()
        if not guarded:
            for item in items:
                row = QListWidgetItem(
                    f"{OUTCOME_MARK[item.outcome]}  {item.position}. {item.household_name}\n"
                    f"     {item.dossier_number} · {ITEM_OUTCOME[item.outcome]}"
                )
                row.setToolTip(item.question)
                if item.outcome is not ItemOutcome.OPEN:
                    row.setForeground(Qt.GlobalColor.darkGray)
                self.agenda.addItem(row)
            self.agenda.setCurrentRow(current)
        self.agenda.blockSignals(False)
        alone = " · alleen dit huishouden in beeld" if guarded else ""
        self.position_label.setText(f"Casus {current + 1} van {len(items)}{alone}")
        self.previous_button.setEnabled(current > 0)
        self.next_button.setEnabled(current < len(items) - 1)

    def show_case(self, item: AgendaItemRecord, notes: CaseNotes) -> None:
        """The case's question and its notes (as stored, or as typed before a crash)."""
        self.household_label.setText(f"{item.household_name}  ·  {item.dossier_number}")
        by = f"Ingebracht door {html.escape(item.brought_in_by)} · " if item.brought_in_by else ""
        self.question_label.setText(
            f"<b>{html.escape(item.question)}</b><br>"
            f"<span style='color:#5a6270'>{by}urgentie {html.escape(item.draft.urgency)}</span>"
        )
        self.show_outcome(item.outcome)
        self.set_notes(notes)
        self.edits["information"].setFocus()

    def show_outcome(self, outcome: ItemOutcome) -> None:
        colour = {ItemOutcome.OPEN: "#3b6ea5", ItemOutcome.BESPROKEN: "#2e7d32"}.get(
            outcome, "#8a6d00"
        )
        self.outcome_label.setText(
            f"<span style='color:{colour}'>{OUTCOME_MARK[outcome]} {ITEM_OUTCOME[outcome]}</span>"
        )

    def show_lists(
        self, decisions: Sequence[DecisionRecord], actions: Sequence[ActionRecord]
    ) -> None:
        for widget, lines, empty in (
            (self.decision_list, [decision_text(d) for d in decisions], "Nog geen besluit."),
            (self.action_list, [action_text(a) for a in actions], "Nog geen actie."),
        ):
            widget.clear()
            for line in lines or [empty]:
                widget.addItem(line)
            if not lines:
                widget.item(0).setForeground(Qt.GlobalColor.gray)

    def show_summary(self, summary: HouseholdSummary | None) -> None:
        while self.summary_layout.count():
            child = self.summary_layout.takeAt(0)
            if child is not None and (widget := child.widget()) is not None:
                widget.deleteLater()
        self.summary_layout.addWidget(_heading("Het huishouden"))
        blocks = summary.blocks if summary is not None else ()
        if not blocks:
            self.summary_layout.addWidget(QLabel("Geen samenvatting beschikbaar."))
        for block in blocks:
            lines = "<br>".join(html.escape(line) for line in block.lines)
            label = QLabel(f"<b>{html.escape(block.title)}</b><br>{lines}")
            label.setObjectName("warn_block" if block.warn else "summary_block")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setStyleSheet(WARN_STYLE if block.warn else BLOCK_STYLE)
            self.summary_layout.addWidget(label)
        self.summary_layout.addStretch(1)

    def set_running(self, running: bool) -> None:
        for widget in (
            self.end_button,
            self.carry_button,
            self.close_button,
            self.decision_button,
            self.action_button,
        ):
            widget.setEnabled(running)

    # --- the notes ---------------------------------------------------------------------

    def set_notes(self, notes: CaseNotes) -> None:
        self._loading = True
        try:
            self.edits["information"].setPlainText(notes.information)
            self.edits["analysis"].setPlainText(notes.analysis)
            self.edits["conclusion"].setPlainText(notes.conclusion)
            self.edits["internal_note"].setPlainText(notes.internal_note)
            self.safety.setChecked(notes.safety_discussed)
            network = {None: "", True: "ja", False: "nee"}[notes.network_discussed]
            self.network.setCurrentIndex(max(self.network.findData(network), 0))
            attendance = notes.family_attendance.value if notes.family_attendance else ""
            self.family.setCurrentIndex(max(self.family.findData(attendance), 0))
            self.reason.setText(notes.family_reason)
        finally:
            self._loading = False
        self._show_reason()

    def notes(self) -> CaseNotes:
        network = text_of(self.network)
        attendance = text_of(self.family) if self._mdo else ""
        return CaseNotes(
            information=self.edits["information"].toPlainText(),
            analysis=self.edits["analysis"].toPlainText(),
            conclusion=self.edits["conclusion"].toPlainText(),
            internal_note=self.edits["internal_note"].toPlainText(),
            safety_discussed=self.safety.isChecked(),
            network_discussed={"ja": True, "nee": False}.get(network),
            family_attendance=FamilyAttendance(attendance) if attendance else None,
            family_reason=self.reason.text()
            if attendance and attendance != FamilyAttendance.HEEL.value
            else "",
        )

    def _show_reason(self) -> None:
        for widget in (self.family_label, self.family):
            widget.setVisible(self._mdo)
        attendance = text_of(self.family)
        why = self._mdo and attendance in (
            FamilyAttendance.DEELS.value,
            FamilyAttendance.NIET.value,
        )
        self.reason.setVisible(why)
        self.reason_label.setVisible(why)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.notesEdited.emit()

    def _row_chosen(self, row: int) -> None:
        if row >= 0:
            self.caseChosen.emit(row)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if self.may_close is not None and not self.may_close():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)
