"""The risicotaxatie form, and Meekijken: a colleague reviews it with their own password."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.enums import FactorAnswer, Risk, Safety, Verdict
from models.records import (
    FactorDraft,
    ReviewDraft,
    RiskInstrument,
    TaxatieDraft,
    TaxatieRecord,
)
from models.rules import FACTOR_REMARK, REVIEW, TAXATIE
from models.validation import Problem, parse_date
from models.wording import (
    FACTOR_ANSWER,
    RISK,
    SAFETY,
    SAFETY_COLOURS,
    VERDICT,
    date_text,
    moment_text,
    safety_text,
    taxatie_state_text,
)
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of

HOUSEHOLD = "het hele huishouden"


@dataclass(frozen=True)
class TaxatieAnswer:
    """What the form hands back: the draft, and whether to conclude it (ter toetsing)."""

    draft: TaxatieDraft
    submit: bool = False


def _answers() -> list[tuple[str, str]]:
    return [(a.value, FACTOR_ANSWER[a]) for a in FactorAnswer]


class TaxatieDialog(FormDialog):
    """The generic risicotaxatie: factors per group (kind, ouder, gezin, omgeving), each
    aanwezig / niet aanwezig / onbekend with a remark; then the safety now, the risk for the
    coming period and the onderbouwing. *Opslaan als concept* keeps an incomplete one; *Ter
    toetsing aanbieden* concludes it, and is refused while anything is open. A concluded
    taxatie opens read-only."""

    def __init__(
        self,
        instrument: RiskInstrument,
        children: Sequence[tuple[uuid.UUID, str]],
        draft: TaxatieDraft | None = None,
        *,
        record: TaxatieRecord | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        locked = record is not None and record.concluded
        super().__init__("Risicotaxatie" if not locked else "Risicotaxatie (afgerond)", parent)
        self.instrument = instrument
        self._submit = False
        self.locked = locked
        draft = draft or TaxatieDraft(None, today or date.today())

        # The fields stand in a scrolling form; FormDialog's own (empty) form stays above it.
        holder = QWidget()
        self.form = QFormLayout(holder)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        for index in reversed(range(outer.count())):  # the scrolling form takes the room
            item = outer.itemAt(index)
            if item is not None and item.spacerItem() is not None:
                outer.removeItem(item)
        if record is not None:
            outer.insertWidget(0, self._record_label(record))
        outer.insertWidget(1 if record is not None else 0, scroll, 1)

        person = code_combo(
            [(str(pid), name) for pid, name in children],
            str(draft.person_id) if draft.person_id else "",
            empty=HOUSEHOLD,
        )
        self.add_field("person", "Over", person)
        self.add_field("assessed_on", "Datum", DateLineEdit(draft.assessed_on), self._check_date)
        self._add_factors(instrument, draft)
        self._add_conclusion(draft)
        note = QLabel("+ = beschermende factor. De professional kiest de conclusie zelf.")
        note.setStyleSheet("color: #555;")
        self.form.addRow(note)

        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Opslaan als &concept")
        self.submit_button = QPushButton("&Ter toetsing aanbieden…")
        self.submit_button.setObjectName("submit")
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button.clicked.connect(self._offer)
        if locked:
            for widget in self._fields.values():
                widget.setEnabled(False)
            save.hide()
            self.submit_button.hide()
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText("Sluiten")
        self.resize(820, 720)
        self.finish_loading()

    def _add_factors(self, instrument: RiskInstrument, draft: TaxatieDraft) -> None:
        for group in instrument.groups:
            self.add_section(group.title)
            for factor in group.factors:
                given = draft.answer(factor.code) or FactorDraft(factor.code)
                answer = code_combo(_answers(), given.answer.value if given.answer else "")
                answer.setFixedWidth(150)
                remark = QLineEdit(given.remark)
                remark.setPlaceholderText("toelichting")
                label = ("+ " if factor.protective else "") + factor.text
                self.add_field(f"factor:{factor.code}", label, answer, beside=remark)
                self._add_beside(f"remark:{factor.code}", remark, f"factor:{factor.code}")

    def _add_conclusion(self, draft: TaxatieDraft) -> None:
        self.add_section("Conclusie")
        safety = code_combo(
            [(s.value, SAFETY[s]) for s in Safety], draft.safety.value if draft.safety else ""
        )
        self.add_field("safety", "Veiligheid nu", safety)
        risk = code_combo(
            [(r.value, RISK[r]) for r in Risk], draft.risk.value if draft.risk else ""
        )
        self.add_field("risk", "Risico komende periode", risk)
        reasons = QPlainTextEdit(draft.onderbouwing)
        reasons.setTabChangesFocus(True)
        reasons.setFixedHeight(90)
        self.add_field("onderbouwing", "Onderbouwing", reasons)
        self.apply_rules(TAXATIE)

    def _add_beside(self, key: str, widget: QLineEdit, beside_of: str) -> None:
        """A field that stands beside another (a factor's remark): kept, checked and put
        back like any field, its errors under the factor's."""
        self._fields[key] = widget
        self._errors[key] = self._errors[beside_of]
        self._boxes[key] = self._boxes[beside_of]
        self._checks[key] = lambda: FACTOR_REMARK.check(widget.text())
        self._watch(key, widget)

    @staticmethod
    def _record_label(record: TaxatieRecord) -> QLabel:
        lines = [
            f"<b>{taxatie_state_text(record.state, record.verdict).capitalize()}</b> · "
            f"door {record.author_name}"
        ]
        if record.submitted_at:
            lines.append(f"Ter toetsing aangeboden op {moment_text(record.submitted_at)}")
        if record.reviewer_name:
            lines.append(
                f"Getoetst door {record.reviewer_name} op {moment_text(record.reviewed_at)}"
            )
        if record.reviewer_view:
            lines.append(f"Visie van de toetser: {record.reviewer_view}")
        if record.reviewer_safety:
            lines.append(f"Veiligheid volgens de toetser: {safety_text(record.reviewer_safety)}")
        if record.next_due:
            lines.append(f"Volgende taxatie: {date_text(record.next_due)}")
        label = QLabel("<br>".join(lines))
        label.setObjectName("record")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _check_date(self) -> Problem | None:
        return parse_date(text_of(self.field("assessed_on")), required=True).problem

    def _offer(self) -> None:
        """Ter toetsing: every factor answered, safety, risk and onderbouwing given."""
        open_keys = [
            key
            for key in self._fields
            if key.startswith("factor:") or key in ("safety", "risk", "onderbouwing")
            if not text_of(self._fields[key]).strip()
        ]
        for key in open_keys:
            self.show_problem(key, Problem.REQUIRED)
        if open_keys:
            self._fields[open_keys[0]].setFocus()
            return
        self._submit = True
        self.accept()

    def accept(self) -> None:
        if self.locked:
            self.reject()
            return
        super().accept()

    def value(self) -> TaxatieAnswer:
        person = text_of(self.field("person"))
        factors = tuple(
            FactorDraft(
                f.code,
                FactorAnswer(answer)
                if (answer := text_of(self.field(f"factor:{f.code}")))
                else None,
                text_of(self.field(f"remark:{f.code}")).strip(),
            )
            for f in self.instrument.factors
        )
        safety, risk = text_of(self.field("safety")), text_of(self.field("risk"))
        draft = TaxatieDraft(
            uuid.UUID(person) if person else None,
            parse_date(text_of(self.field("assessed_on")), required=True).value,
            factors,
            Safety(safety) if safety else None,
            Risk(risk) if risk else None,
            text_of(self.field("onderbouwing")).strip(),
        )
        return TaxatieAnswer(draft, self._submit)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        instrument: RiskInstrument,
        children: Sequence[tuple[uuid.UUID, str]],
        answer: TaxatieAnswer | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        record: TaxatieRecord | None = None,
        today: date | None = None,
    ) -> TaxatieAnswer | None:
        draft = answer.draft if answer is not None else (record.draft if record else None)
        with released(
            cls(instrument, children, draft, record=record, today=today, parent=parent)
        ) as dialog:
            if not dialog.run(problems) or dialog.locked:
                return None
            return dialog.value()


# --- Meekijken ------------------------------------------------------------------------------

# check(login, password, review) -> a message when it did not work, None when it was stored.
Confirm = Callable[[str, str, ReviewDraft], "str | None"]


class MeekijkenDialog(FormDialog):
    """A colleague reviews a concluded taxatie on this laptop: they read it, give their
    answer, and confirm it with their own login and password. A wrong password keeps the
    dialog open (and is counted like a login); nothing typed here is kept as a werkkopie."""

    keeps_werkkopie = False  # it takes a password

    def __init__(
        self,
        record: TaxatieRecord,
        confirm: Confirm,
        *,
        login: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Meekijken: risicotaxatie toetsen", parent)
        self._confirm = confirm
        draft = record.draft
        colour = SAFETY_COLOURS[draft.safety] if draft.safety else "#333"
        about = record.subject or HOUSEHOLD
        summary = QLabel(
            f"Risicotaxatie over <b>{about}</b> van {date_text(draft.assessed_on)}, door "
            f"{record.author_name}.<br>Veiligheid nu: <b style='color:{colour}'>"
            f"{safety_text(draft.safety)}</b> · risico komende periode: "
            f"<b>{RISK[draft.risk] if draft.risk else ''}</b><br><br>"
            f"<i>Onderbouwing:</i> {_escape(draft.onderbouwing)}"
        )
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setStyleSheet("background: #f5f5f5; border-radius: 4px; padding: 8px;")
        intro = QLabel(
            "Een collega (niet de opsteller) kijkt mee en bevestigt met de eigen inlognaam en "
            "het eigen wachtwoord. Het toegangslog noteert de toetsing op naam van die collega."
        )
        intro.setWordWrap(True)
        outer = self.layout()
        assert outer is not None
        outer.insertWidget(0, summary)  # type: ignore[attr-defined]
        outer.insertWidget(1, intro)  # type: ignore[attr-defined]

        verdict = code_combo(
            [(v.value, VERDICT[v].capitalize()) for v in Verdict], Verdict.AKKOORD.value, empty=""
        )
        self.add_field("verdict", "Oordeel", verdict)
        view = QPlainTextEdit()
        view.setTabChangesFocus(True)
        view.setFixedHeight(70)
        view.setPlaceholderText("bij een afwijkende mening: uw visie")
        self.add_field("view", "Visie van de toetser", view, self._check_view)
        safety = code_combo(
            [(s.value, SAFETY[s]) for s in Safety], "", empty="zelfde als de opsteller"
        )
        self.add_field("safety", "Veiligheid volgens u", safety)
        self.add_section("Bevestigen met uw eigen account")
        self.add_field("login", "Inlognaam", QLineEdit(login), lambda: self._required("login"))
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("password", "Wachtwoord", password, lambda: self._required("password"))
        self.apply_rules(REVIEW)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        outer.insertWidget(outer.count() - 1, self.error)  # type: ignore[attr-defined]
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Bevestigen")
        verdict.currentIndexChanged.connect(lambda _i: self._follow_verdict())
        self._follow_verdict()
        self.resize(560, 0)
        self.finish_loading()

    def _follow_verdict(self) -> None:
        differs = text_of(self.field("verdict")) == Verdict.AFWIJKEND.value
        self.field("safety").setEnabled(differs)

    def _required(self, key: str) -> Problem | None:
        return None if text_of(self.field(key)).strip() else Problem.REQUIRED

    def _check_view(self) -> Problem | None:
        differs = text_of(self.field("verdict")) == Verdict.AFWIJKEND.value
        return Problem.REQUIRED if differs and not text_of(self.field("view")).strip() else None

    def review(self) -> ReviewDraft:
        verdict = Verdict(text_of(self.field("verdict")) or Verdict.AKKOORD.value)
        safety = text_of(self.field("safety"))
        return ReviewDraft(
            verdict,
            text_of(self.field("view")).strip(),
            Safety(safety) if safety and verdict is Verdict.AFWIJKEND else None,
        )

    def accept(self) -> None:
        if not all(self.check_field(key) for key in list(self._fields)):
            return
        message = self._confirm(
            text_of(self.field("login")), self.field("password").text(), self.review()
        )
        password: QLineEdit = self.field("password")
        password.clear()
        if message is None:
            QDialog.accept(self)
            return
        self.error.setText(message)
        self.error.show()
        password.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, record: TaxatieRecord, confirm: Confirm, *, login: str = ""
    ) -> bool:
        """True when the review was confirmed and stored."""
        with released(cls(record, confirm, login=login, parent=parent)) as dialog:
            return dialog.run()


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False).replace("\n", "<br>")
