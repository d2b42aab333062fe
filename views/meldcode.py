"""The meldcode: the walk-through of one procedure, and a form for each of its five steps.

The walk-through (:class:`MeldcodeDialog`) shows the five steps beside each other, what each
holds, and the conclusion the afwegingskader prescribes; it asks for a step's form by a
signal, and the presenter stores it. A step of a finished procedure can only be corrected:
its form then asks for the reason too (:class:`Entry`).
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.afwegingskader import (
    MELDEN,
    ConsultationDraft,
    ConsultationKind,
    ConversationDraft,
    DecisionDraft,
    Outcome,
    ProcedureRecord,
    Question,
    StartDraft,
    Status,
    VictimKind,
    ViolenceForm,
    WeighingDraft,
    deviates,
    weigh,
)
from models.records import PersonRecord
from models.rules import (
    MELDCODE_CONSULTATION,
    MELDCODE_CONVERSATION,
    MELDCODE_DECISION,
    MELDCODE_START,
    MELDCODE_WEIGHING,
)
from models.validation import Problem, format_date, parse_date
from models.wording import (
    CONSULTATION_KIND,
    MELDCODE_STEPS,
    OUTCOME,
    QUESTION,
    VICTIM_KIND,
    VIOLENCE_FORM,
    correction_text,
    meldcode_step_fields,
    procedure_title,
)
from views.dossier.common import fill, small_table
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of
from views.tables import selected_id

D = TypeVar("D")

YES, NO = "ja", "nee"
CALM = "background: #eef3f8; border: 1px solid #b7c7d9; border-radius: 4px; padding: 6px;"
HINT = "background: #fff4e5; border: 1px solid #f0a040; border-radius: 4px; padding: 6px;"


@dataclass(frozen=True)
class Entry(Generic[D]):
    """What a step's form hands back: the draft, and for a correction its reason."""

    draft: D
    reason: str | None = None


def _note(text: str = "", height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _yes_no(value: bool | None, *, empty: str = "") -> QComboBox:
    current = "" if value is None else (YES if value else NO)
    return code_combo([(YES, "Ja"), (NO, "Nee")], current, empty=empty)


def _bool(combo: QComboBox) -> bool | None:
    code = text_of(combo)
    return None if not code else code == YES


class _StepForm(FormDialog):
    """A step's form: its date and who, and when correcting a finished procedure, why."""

    def __init__(self, title: str, parent: QWidget | None, *, correcting: bool) -> None:
        super().__init__(f"{title} corrigeren" if correcting else title, parent)
        self.correcting = correcting
        self.today = date.today()
        self.setMinimumWidth(560)

    def add_date(self, key: str, label: str, value: date | None, *, required: bool = True) -> None:
        self.add_field(key, label, DateLineEdit(value))
        self._checks[key] = lambda: (
            parse_date(self.field(key).text(), required=required, not_after=self.today).problem
        )

    def date_value(self, key: str) -> date | None:
        return parse_date(self.field(key).text(), required=False).value

    def add_reason(self) -> None:
        """A correction's reason: required, and kept beside the old values."""
        if self.correcting:
            self.add_section("Correctie")
            self.add_field("reason", "Reden van de correctie *", _note(height=48))
            self._checks["reason"] = lambda: (
                Problem.REQUIRED if not text_of(self.field("reason")).strip() else None
            )

    def entry(self, draft: D) -> Entry[D]:
        return Entry(draft, text_of(self.field("reason")).strip() if self.correcting else None)


# --- step 1 --------------------------------------------------------------------------------------


class StartDialog(_StepForm):
    """Step 1: which form of violence, who is the victim, the signals."""

    def __init__(
        self,
        members: Sequence[PersonRecord],
        initial: StartDraft | None,
        actor: str,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__("Meldcode — stap 1: signalen", parent, correcting=correcting)
        today = date.today()
        start = initial or StartDraft(
            ViolenceForm.KINDERMISHANDELING, VictimKind.KIND, today, actor, ""
        )
        self.add_field(
            "form",
            "Vorm van geweld",
            code_combo(
                [(f.value, VIOLENCE_FORM[f]) for f in ViolenceForm],
                start.form.value if initial else "",
                empty="— kies de vorm —",
            ),
        )
        self.add_field(
            "victim_kind",
            "Slachtoffer",
            code_combo(
                [(k.value, VICTIM_KIND[k]) for k in VictimKind],
                start.victim_kind.value if initial else "",
                empty="— kies —",
            ),
        )
        self.add_field(
            "victim_id",
            "Gezinslid",
            code_combo(
                [(str(m.id), m.full_name) for m in members],
                str(start.victim_id) if start.victim_id else "",
                empty="niet genoemd",
            ),
        )
        self.add_date("signals_on", "Datum", start.signals_on)
        self.add_field("signals_by", "Door", QLineEdit(start.signals_by))
        self.add_field("injury", "Letsel gezien", _yes_no(start.injury))
        signals = self.add_field("signals", "Signalen", _note(start.signals, 110))
        signals.setPlaceholderText(
            "Wat is gezien of gehoord, wanneer, door wie (feiten en bronnen)"
        )
        self.add_reason()
        self.apply_rules(MELDCODE_START)
        self.finish_loading()

    def value(self) -> Entry[StartDraft]:
        victim = text_of(self.field("victim_id"))
        signals_on = self.date_value("signals_on")
        assert signals_on is not None
        return self.entry(
            StartDraft(
                ViolenceForm(text_of(self.field("form"))),
                VictimKind(text_of(self.field("victim_kind"))),
                signals_on,
                text_of(self.field("signals_by")),
                text_of(self.field("signals")),
                uuid.UUID(victim) if victim else None,
                _bool(self.field("injury")) is True,
            )
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        members: Sequence[PersonRecord],
        actor: str,
        initial: Entry[StartDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        correcting: bool = False,
    ) -> Entry[StartDraft] | None:
        draft = initial.draft if initial else None
        with released(cls(members, draft, actor, parent, correcting=correcting)) as dialog:
            if initial and initial.reason:
                dialog.fill({"reason": initial.reason})
            return dialog.value() if dialog.run(problems) else None


# --- step 2 --------------------------------------------------------------------------------------


class ConsultationDialog(_StepForm):
    """Step 2: one consultation and its advice."""

    def __init__(
        self,
        initial: ConsultationDraft | None,
        actor: str,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__("Meldcode — stap 2: overleg", parent, correcting=correcting)
        draft = initial or ConsultationDraft(ConsultationKind.COLLEGA, date.today(), actor)
        self.add_field(
            "kind",
            "Met wie overlegd",
            code_combo(
                [(k.value, CONSULTATION_KIND[k]) for k in ConsultationKind],
                draft.kind.value if initial else "",
                empty="— kies —",
            ),
        )
        consulted = self.add_field("consulted", "Naam of functie", QLineEdit(draft.consulted))
        consulted.setPlaceholderText("bijvoorbeeld: aandachtsfunctionaris Fatima el Amrani")
        self.add_date("consulted_on", "Datum", draft.consulted_on)
        self.add_field("by", "Door", QLineEdit(draft.by))
        self.add_field("anonymous", "Anoniem (Veilig Thuis)", _yes_no(draft.anonymous))
        self.add_field("advice", "Advies", _note(draft.advice, 90))
        self.add_reason()
        self.apply_rules(MELDCODE_CONSULTATION)
        self.finish_loading()

    def value(self) -> Entry[ConsultationDraft]:
        consulted_on = self.date_value("consulted_on")
        assert consulted_on is not None
        return self.entry(
            ConsultationDraft(
                ConsultationKind(text_of(self.field("kind"))),
                consulted_on,
                text_of(self.field("by")),
                text_of(self.field("consulted")),
                _bool(self.field("anonymous")) is True,
                text_of(self.field("advice")),
            )
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        actor: str,
        initial: Entry[ConsultationDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        correcting: bool = False,
    ) -> Entry[ConsultationDraft] | None:
        draft = initial.draft if initial else None
        with released(cls(draft, actor, parent, correcting=correcting)) as dialog:
            if initial and initial.reason:
                dialog.fill({"reason": initial.reason})
            return dialog.value() if dialog.run(problems) else None


# --- step 3 --------------------------------------------------------------------------------------


class ConversationDialog(_StepForm):
    """Step 3: the conversation with those involved, or why it did not take place."""

    def __init__(
        self,
        initial: ConversationDraft | None,
        actor: str,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__("Meldcode — stap 3: gesprek", parent, correcting=correcting)
        draft = initial or ConversationDraft(True, date.today(), actor)
        self.add_field("held", "Gesprek gevoerd", _yes_no(draft.held))
        self.add_date("on", "Datum", draft.on)
        self.add_field("by", "Door", QLineEdit(draft.by))
        self.add_field("note", "Verslag", _note(draft.note, 90))
        self.add_field("why_not", "Waarom niet", _note(draft.why_not))
        self._checks["why_not"] = lambda: (
            Problem.REQUIRED
            if not self._held() and not text_of(self.field("why_not")).strip()
            else None
        )
        self.field("held").currentIndexChanged.connect(self._follow_held)
        self.add_reason()
        self.apply_rules(MELDCODE_CONVERSATION)
        self._follow_held()
        self.finish_loading()

    def _held(self) -> bool:
        return _bool(self.field("held")) is not False

    def _follow_held(self) -> None:
        held = self._held()
        self.field("note").setEnabled(held)
        self.field("why_not").setEnabled(not held)

    def value(self) -> Entry[ConversationDraft]:
        on = self.date_value("on")
        assert on is not None
        return self.entry(
            ConversationDraft(
                self._held(),
                on,
                text_of(self.field("by")),
                text_of(self.field("note")),
                text_of(self.field("why_not")),
            )
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        actor: str,
        initial: Entry[ConversationDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        correcting: bool = False,
    ) -> Entry[ConversationDraft] | None:
        draft = initial.draft if initial else None
        with released(cls(draft, actor, parent, correcting=correcting)) as dialog:
            if initial and initial.reason:
                dialog.fill({"reason": initial.reason})
            return dialog.value() if dialog.run(problems) else None


# --- step 4 --------------------------------------------------------------------------------------


class WeighingDialog(_StepForm):
    """Step 4: the afwegingskader. A question opens when the one before it is answered and
    does not already conclude; changing an answer clears the questions after it. The
    conclusion the framework prescribes stands under the questions as they are answered."""

    def __init__(
        self,
        initial: WeighingDraft | None,
        actor: str,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__("Meldcode — stap 4: afwegingskader", parent, correcting=correcting)
        draft = initial or WeighingDraft((), date.today(), actor)
        self._updating = False
        self.questions: dict[Question, QLabel] = {}
        self.add_date("on", "Datum", draft.on)
        self.add_field("by", "Door", QLineEdit(draft.by))
        for question in Question:
            text = QLabel(f"<b>{int(question)}.</b> {html.escape(QUESTION[question])}")
            text.setWordWrap(True)
            text.setObjectName(f"question_{int(question)}")
            self.questions[question] = text
            self.form.addRow(text)
            answer = draft.answers[question - 1] if question <= len(draft.answers) else None
            combo = self.add_field(
                f"answer_{int(question)}", "Antwoord", _yes_no(answer, empty="—")
            )
            combo.currentIndexChanged.connect(self._follow_answers)
        self.conclusion = QLabel()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.setWordWrap(True)
        self.conclusion.setStyleSheet(CALM)
        self.form.addRow(self.conclusion)
        self.add_date("evaluation_on", "Evaluatiedatum", draft.evaluation_on, required=False)
        self._checks["evaluation_on"] = self._check_evaluation
        self.add_field("note", "Toelichting", _note(draft.note))
        self.add_reason()
        self.apply_rules(MELDCODE_WEIGHING)
        self._follow_answers()
        self.finish_loading()

    def answers(self) -> tuple[bool | None, ...]:
        return tuple(_bool(self.field(f"answer_{int(q)}")) for q in Question)

    def _follow_answers(self) -> None:
        """Open the questions the framework asks now, clear and close the rest."""
        if self._updating:
            return
        self._updating = True
        try:
            answers = list(self.answers())
            for question in Question:
                index = question - 1
                open_now = index == 0 or (
                    answers[index - 1] is not None
                    and weigh(tuple(answers[:index])).next_question is question
                )
                combo: QComboBox = self.field(f"answer_{int(question)}")
                if not open_now:
                    answers[index] = None
                    combo.setCurrentIndex(combo.findData(""))
                combo.setEnabled(open_now)
                self.questions[question].setEnabled(open_now)
            weighing = weigh(tuple(answers))
            if weighing.outcome is None:
                number = int(weighing.next_question or Question.VERMOEDEN)
                self.conclusion.setText(f"Beantwoord vraag {number}.")
            else:
                self.conclusion.setText(
                    "<b>Conclusie volgens het afwegingskader:</b> "
                    + html.escape(OUTCOME[weighing.outcome])
                )
            follows = weighing.outcome in (
                Outcome.HULP_ORGANISEREN,
                Outcome.HULP_VOORTZETTEN,
                Outcome.MELDEN_NIET_DUURZAAM,
            )
            self.field("evaluation_on").setEnabled(follows)
            label = "Evaluatiedatum *" if weighing.volgen else "Evaluatiedatum"
            evaluation = self.form.labelForField(self._boxes["evaluation_on"])
            if isinstance(evaluation, QLabel):
                evaluation.setText(label)
        finally:
            self._updating = False

    def _check_evaluation(self) -> Problem | None:
        text = self.field("evaluation_on").text()
        if not weigh(self.answers()).volgen:
            return parse_date(text, required=False).problem
        parsed = parse_date(text, required=True)
        on = self.date_value("on")
        if parsed.problem is None and on is not None and parsed.value is not None:
            return Problem.END_BEFORE_START if parsed.value < on else None
        return parsed.problem

    def value(self) -> Entry[WeighingDraft]:
        answers = list(self.answers())
        while answers and answers[-1] is None:
            answers.pop()
        on = self.date_value("on")
        assert on is not None
        follows = self.field("evaluation_on").isEnabled()
        return self.entry(
            WeighingDraft(
                tuple(answers),
                on,
                text_of(self.field("by")),
                text_of(self.field("note")),
                self.date_value("evaluation_on") if follows else None,
            )
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        actor: str,
        initial: Entry[WeighingDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        correcting: bool = False,
    ) -> Entry[WeighingDraft] | None:
        draft = initial.draft if initial else None
        with released(cls(draft, actor, parent, correcting=correcting)) as dialog:
            if initial and initial.reason:
                dialog.fill({"reason": initial.reason})
            return dialog.value() if dialog.run(problems) else None


# --- step 5 --------------------------------------------------------------------------------------


class DecisionDialog(_StepForm):
    """Step 5: melden at Veilig Thuis and/or help with agreements on following it. The
    afwegingskader's conclusion stands on top; the decision is the professional's."""

    def __init__(
        self,
        outcome: Outcome,
        initial: DecisionDraft | None,
        actor: str,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__("Meldcode — stap 5: beslissing", parent, correcting=correcting)
        self.outcome = outcome
        melden = outcome in MELDEN  # the proposal follows the conclusion
        helping = outcome in (Outcome.HULP_ORGANISEREN, Outcome.HULP_VOORTZETTEN)
        draft = initial or DecisionDraft(
            date.today(),
            actor,
            melding=melden,
            melding_on=date.today() if melden else None,
            help=helping,
        )
        conclusion = QLabel(
            "<b>Conclusie volgens het afwegingskader:</b> " + html.escape(OUTCOME[outcome])
        )
        conclusion.setObjectName("conclusion")
        conclusion.setWordWrap(True)
        conclusion.setStyleSheet(CALM)
        self.form.addRow(conclusion)
        self.add_date("on", "Datum", draft.on)
        self.add_field("by", "Door", QLineEdit(draft.by))
        self.add_section("Melding bij Veilig Thuis")
        self.add_field("melding", "Gemeld", _yes_no(draft.melding))
        self.add_date("melding_on", "Datum melding", draft.melding_on, required=False)
        self._checks["melding_on"] = lambda: self._when_melding(
            parse_date(self.field("melding_on").text(), not_after=self.today).problem
        )
        self.add_field("vt_reference", "Kenmerk Veilig Thuis", QLineEdit(draft.vt_reference))
        self.add_field(
            "parents_told", "Ouders geïnformeerd", _yes_no(draft.parents_told, empty="—")
        )
        self._checks["parents_told"] = lambda: self._when_melding(
            Problem.REQUIRED if _bool(self.field("parents_told")) is None else None
        )
        self.add_field(
            "parents_not_told_why", "Zo niet, waarom", _note(draft.parents_not_told_why, 48)
        )
        self._checks["parents_not_told_why"] = lambda: self._when_melding(
            Problem.REQUIRED
            if _bool(self.field("parents_told")) is False
            and not text_of(self.field("parents_not_told_why")).strip()
            else None
        )
        self.add_field("vt_feedback", "Terugkoppeling Veilig Thuis", _note(draft.vt_feedback, 48))
        self.add_field("vt_next_step", "Vervolgstap Veilig Thuis", _note(draft.vt_next_step, 48))
        self.add_section("Hulp bieden of organiseren")
        self.add_field("help", "Hulp", _yes_no(draft.help))
        self.add_field("agreements", "Afspraken over volgen", _note(draft.agreements, 64))
        self._checks["agreements"] = lambda: (
            Problem.REQUIRED
            if _bool(self.field("help")) and not text_of(self.field("agreements")).strip()
            else None
        )
        self.add_field("note", "Toelichting", _note(draft.note, 48))
        self._checks["note"] = self._check_note
        self.add_reason()
        self.apply_rules(MELDCODE_DECISION)
        for key in ("melding", "help", "parents_told"):
            self.field(key).currentIndexChanged.connect(self._follow_choices)
        self._follow_choices()
        self.finish_loading()

    def _when_melding(self, problem: Problem | None) -> Problem | None:
        return problem if _bool(self.field("melding")) else None

    def _deviates(self) -> bool:
        melding, helping = bool(_bool(self.field("melding"))), bool(_bool(self.field("help")))
        return deviates(self.outcome, melding, helping)

    def _check_note(self) -> Problem | None:
        if self._deviates() and not text_of(self.field("note")).strip():
            return Problem.REQUIRED
        return None

    def _follow_choices(self) -> None:
        melding = bool(_bool(self.field("melding")))
        for key in ("melding_on", "vt_reference", "parents_told", "vt_feedback", "vt_next_step"):
            self.field(key).setEnabled(melding)
        told = _bool(self.field("parents_told"))
        self.field("parents_not_told_why").setEnabled(melding and told is False)
        self.field("agreements").setEnabled(bool(_bool(self.field("help"))))
        deviates = self._deviates()
        label = self.form.labelForField(self._boxes["note"])
        if isinstance(label, QLabel):
            label.setText("Waarom afwijken van de conclusie *" if deviates else "Toelichting")

    def value(self) -> Entry[DecisionDraft]:
        on = self.date_value("on")
        assert on is not None
        melding = bool(_bool(self.field("melding")))
        return self.entry(
            DecisionDraft(
                on,
                text_of(self.field("by")),
                melding=melding,
                melding_on=self.date_value("melding_on") if melding else None,
                vt_reference=text_of(self.field("vt_reference")) if melding else "",
                parents_told=_bool(self.field("parents_told")) if melding else None,
                parents_not_told_why=text_of(self.field("parents_not_told_why")),
                vt_feedback=text_of(self.field("vt_feedback")) if melding else "",
                vt_next_step=text_of(self.field("vt_next_step")) if melding else "",
                help=bool(_bool(self.field("help"))),
                agreements=text_of(self.field("agreements")),
                note=text_of(self.field("note")),
            )
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        outcome: Outcome,
        actor: str,
        initial: Entry[DecisionDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        correcting: bool = False,
    ) -> Entry[DecisionDraft] | None:
        draft = initial.draft if initial else None
        with released(cls(outcome, draft, actor, parent, correcting=correcting)) as dialog:
            if initial and initial.reason:
                dialog.fill({"reason": initial.reason})
            return dialog.value() if dialog.run(problems) else None


class FinishDialog(FormDialog):
    """Afronden: the date the procedure ends; from then on it is read-only."""

    def __init__(self, earliest: date, parent: QWidget | None = None) -> None:
        super().__init__("Meldcodeprocedure afronden", parent)
        today = date.today()
        explanation = QLabel(
            "Na het afronden kan de procedure alleen nog worden gecorrigeerd, met een reden; "
            "het oorspronkelijke blijft in de geschiedenis bewaard."
        )
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.add_field("on", "Datum *", DateLineEdit(today))
        self._checks["on"] = lambda: (
            parse_date(self.field("on").text(), not_after=today, not_before=earliest).problem
        )
        self.finish_loading()

    def value(self) -> date:
        value = parse_date(self.field("on").text()).value
        assert value is not None
        return value

    @classmethod
    def ask(cls, parent: QWidget | None, earliest: date) -> date | None:
        with released(cls(earliest, parent)) as dialog:
            return dialog.value() if dialog.run() else None


# --- the walk-through ------------------------------------------------------------------------------

GUIDANCE = {
    1: "Leg vast welke signalen een vermoeden van huiselijk geweld of kindermishandeling "
    "bevestigen of ontkrachten: feiten, en van wie ze komen.",
    2: "Bespreek de signalen met een collega en zo nodig met de aandachtsfunctionaris. "
    "Raadpleeg Veilig Thuis (dat kan anoniem) en bij letsel een deskundige letselduiding.",
    3: "Bespreek de signalen met de betrokkenen. Kan dat niet (bijvoorbeeld om de veiligheid), "
    "leg dan vast waarom niet.",
    4: "Beantwoord de vragen van het afwegingskader op volgorde. Teamtafel toont de conclusie "
    "die het afwegingskader voorschrijft.",
    5: "Leg de beslissing vast: melden bij Veilig Thuis en/of hulp bieden of organiseren met "
    "afspraken over het volgen ervan. Melden en hulp kunnen samengaan.",
}


def _fields_html(fields: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>"
        f"{html.escape(label)}</td><td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
        for label, value in fields
    )
    return f"<table cellspacing='3'>{rows}</table>"


def _step_mark(record: ProcedureRecord, step: int, done: bool) -> str:
    """✓ for a step recorded (step 5 only while it fits the conclusion), → for the step to do."""
    if done and not (step == 5 and record.decision_outdated):
        return "✓"
    return "→" if step == record.step and record.status is not Status.AFGEROND else " "


class MeldcodeDialog(QDialog):
    """One procedure's five steps: a list of steps, the chosen step's contents and its button."""

    stepRequested = Signal(int)  # record (or correct) a step; 2 adds a consultation
    consultationRequested = Signal(uuid.UUID)  # change (or correct) one consultation
    finishRequested = Signal()

    def __init__(self, record: ProcedureRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Meldcode huiselijk geweld en kindermishandeling")
        self.setModal(True)
        self.resize(820, 560)
        self.record = record
        self.title = QLabel()
        self.title.setObjectName("procedure_title")
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.victim = QLabel()
        self.conclusion = QLabel()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.setWordWrap(True)
        self.conclusion.setStyleSheet(CALM)

        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setFixedWidth(260)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for step, name in MELDCODE_STEPS.items():
            self.steps.addItem(f"{step}. {name}")
        self.pages = QStackedWidget()
        self.contents: dict[int, QLabel] = {}
        self.hints: dict[int, QLabel] = {}
        self.buttons: dict[int, QPushButton] = {}
        for step in MELDCODE_STEPS:
            self.pages.addWidget(self._page(step))
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.currentRowChanged.connect(lambda _row: self._update_walk())

        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.pages, 1)

        bottom = self._walk_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.victim)
        layout.addWidget(self.conclusion)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.show_procedure(record)
        self.steps.setCurrentRow(min(record.step, 5) - 1 if record.finished_on is None else 0)

    def _walk_buttons(self) -> QHBoxLayout:
        """Vorige and Volgende walk the steps; Afronden ends the procedure; Sluiten."""
        self.previous = QPushButton("&Vorige")
        self.previous.setObjectName("previous_step")
        self.next = QPushButton("Vo&lgende")
        self.next.setObjectName("next_step")
        self.finish = QPushButton("Procedure &afronden…")
        self.finish.setObjectName("finish_procedure")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        self.previous.clicked.connect(lambda: self.steps.setCurrentRow(self.steps.currentRow() - 1))
        self.next.clicked.connect(lambda: self.steps.setCurrentRow(self.steps.currentRow() + 1))
        self.finish.clicked.connect(self.finishRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous)
        bottom.addWidget(self.next)
        bottom.addStretch(1)
        bottom.addWidget(self.finish)
        bottom.addWidget(close)

        return bottom

    def _page(self, step: int) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(f"<b>Stap {step}: {html.escape(MELDCODE_STEPS[step])}</b>")
        guidance = QLabel(GUIDANCE[step])
        guidance.setWordWrap(True)
        guidance.setStyleSheet("color: #555;")
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT)
        hint.setObjectName(f"hint_{step}")
        content = QLabel()
        content.setObjectName(f"step_{step}")
        content.setWordWrap(True)
        content.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        button = QPushButton()
        button.setObjectName(f"record_step_{step}")
        button.clicked.connect(lambda: self.stepRequested.emit(step))
        layout.addWidget(heading)
        layout.addWidget(guidance)
        layout.addWidget(hint)
        if step == 2:
            self.consultations = small_table(["Datum", "Met wie", "Advies"], "consultations", 2)
            self.consultations.itemDoubleClicked.connect(lambda _i: self._edit_consultation())
            self.edit_consultation = QPushButton("Overleg wijzigen…")
            self.edit_consultation.setObjectName("edit_consultation")
            self.edit_consultation.clicked.connect(self._edit_consultation)
            layout.addWidget(self.consultations)
        else:
            layout.addWidget(content)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(button)
        if step == 2:
            row.addWidget(self.edit_consultation)
        row.addStretch(1)
        layout.addLayout(row)
        self.contents[step], self.hints[step], self.buttons[step] = content, hint, button
        return page

    def _edit_consultation(self) -> None:
        record_id = selected_id(self.consultations)
        if isinstance(record_id, uuid.UUID):
            self.consultationRequested.emit(record_id)

    def show_procedure(self, record: ProcedureRecord) -> None:
        """Show the procedure as stored now (after each saved step)."""
        self.record = record
        finished = record.status is Status.AFGEROND
        self.title.setText(procedure_title(record))
        victim = VICTIM_KIND[record.start.victim_kind]
        self.victim.setText(
            f"Slachtoffer: {victim}" + (f" — {record.victim}" if record.victim else "")
        )
        outcome = record.conclusion.outcome
        lines = [
            "<b>Conclusie volgens het afwegingskader:</b> "
            + html.escape(OUTCOME[outcome] if outcome else "nog geen conclusie (stap 4).")
        ]
        if record.status is Status.VOLGEN and record.weighing and record.weighing.evaluation_on:
            lines.append(f"Evaluatie op {format_date(record.weighing.evaluation_on)}.")
        if record.decision_outdated:
            lines.append(
                "<b>De beslissing (stap 5) past niet meer bij deze conclusie:</b> leg haar "
                "opnieuw vast."
            )
        lines += [html.escape(correction_text(c)) for c in record.corrections]
        self.conclusion.setText("<br>".join(lines))
        for step in MELDCODE_STEPS:
            fields = meldcode_step_fields(record, step)
            self.contents[step].setText(_fields_html(fields) if fields else "Nog niet vastgelegd.")
            done = bool(fields)
            item = self.steps.item(step - 1)
            item.setText(f"{_step_mark(record, step, done)}  {step}. {MELDCODE_STEPS[step]}")
            if step == 2:
                text = "Overleg toevoegen…"
            elif finished:
                text = "Corrigeren…"
            else:
                text = "Wijzigen…" if done else "Vastleggen…"
            if finished and step == 2:
                text = "Overleg toevoegen (correctie)…"
            self.buttons[step].setText(text)
            self.buttons[step].setEnabled(step != 5 or outcome is not None)
        fill(
            self.consultations,
            [
                (
                    c.id,
                    [
                        format_date(c.draft.consulted_on),
                        CONSULTATION_KIND[c.draft.kind]
                        + (f" ({c.draft.consulted})" if c.draft.consulted else "")
                        + (" · anoniem" if c.draft.anonymous else ""),
                        c.draft.advice,
                    ],
                )
                for c in record.consultations
            ],
        )
        hints = []
        if record.expects_veilig_thuis:
            hints.append(
                f"Bij {VIOLENCE_FORM[record.start.form].lower()} wordt verwacht dat u Veilig "
                "Thuis raadpleegt."
            )
        if record.expects_letselduiding:
            hints.append("Er is letsel gezien: raadpleeg een deskundige letselduiding.")
        for step, hint in self.hints.items():
            hint.setText(" ".join(hints) if step == 2 else "")
            hint.setVisible(step == 2 and bool(hints))
        self.finish.setVisible(not finished)
        self.finish.setEnabled(
            outcome is not None
            and not record.conclusion.volgen
            and record.decision is not None
            and not record.decision_outdated
        )
        self._update_walk()

    def _update_walk(self) -> None:
        row = self.steps.currentRow()
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(0 <= row < len(MELDCODE_STEPS) - 1)
        self.edit_consultation.setEnabled(self.consultations.rowCount() > 0)
