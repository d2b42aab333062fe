"""The forms of Signs of Safety and the veiligheidsplan.  Each ``ask()`` returns a draft or None."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.enums import Respondent
from models.records import (
    AgreementDraft,
    PlanDraft,
    PlanSettlement,
    ScaleAnswer,
    SignsOfSafetyDraft,
    scale_key,
)
from models.rules import (
    PLAN_SETTLED,
    SAFETY_AGREEMENT,
    SAFETY_PLAN,
    SIGNS_OF_SAFETY,
    check_scale,
)
from models.validation import ParsedDate, Problem, format_date, parse_date
from models.wording import RESPONDENT, date_text
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of

SCALE_HINT = (
    "Hoe veilig is het nu, op een schaal van 0 tot 10? 10: iedereen weet dat de kinderen "
    "veilig genoeg zijn om de zorgen los te laten; 0: het gaat zeker weer mis. "
    "Laat leeg wie niet is gevraagd."
)

# The three columns: key, title, what to write there.
COLUMNS = (
    ("worries", "Zorgen", "Wat is er gebeurd, wat maakt ons ongerust, wat maakt het moeilijker?"),
    ("going_well", "Wat gaat goed", "Wat gaat er al goed, wie helpt, wat zorgt voor veiligheid?"),
    (
        "next_steps",
        "Wat moet er gebeuren",
        "Wat moet er gebeuren om de kinderen veilig te weten? Dit is het begin van het "
        "veiligheidsplan.",
    ),
)


def _text_edit(text: str = "", height: int = 70, hint: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setMinimumHeight(height)
    return edit


class _DateField:
    """A required date, not in the future (and not before ``earliest``)."""

    def __init__(self, dialog: FormDialog, key: str, earliest: date | None = None) -> None:
        self.dialog, self.key, self.earliest = dialog, key, earliest

    def __call__(self) -> Problem | None:
        return self._parsed().problem

    def _parsed(self) -> ParsedDate:
        return parse_date(
            self.dialog.field(self.key).text(),
            required=True,
            not_after=date.today(),
            not_before=self.earliest,
        )

    def value(self) -> date:
        value = self._parsed().value
        assert value is not None, "read after accept(), when the date is valid"
        return value


class SignsOfSafetyDialog(FormDialog):
    """A dated Signs of Safety: the three columns side by side, and the scale per person asked.

    ``people``: the members who may be asked (id, name, respondent), parents first.
    """

    def __init__(
        self,
        people: list[tuple[uuid.UUID, str, Respondent]],
        initial: SignsOfSafetyDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Signs of Safety", parent)
        self.people = people
        self._titles: dict[str, str] = {}
        self.on = _DateField(self, "assessed_on")
        self.add_field("assessed_on", "Datum", DateLineEdit(date.today()), self.on)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        for key, title, hint in COLUMNS:
            columns.addLayout(self._column(key, title, hint), 1)
        self.form.addRow(columns)

        self.add_section("Veiligheidsschaal")
        explained = QLabel(SCALE_HINT)
        explained.setWordWrap(True)
        explained.setStyleSheet("color: #555;")
        self.form.addRow(explained)
        self.add_field(scale_key(None), "Team", self._scale_edit(), self._scale_check(None))
        for person_id, name, respondent in people:
            label = f"{name} ({RESPONDENT[respondent].lower()})"
            self.add_field(
                scale_key(person_id), label, self._scale_edit(), self._scale_check(person_id)
            )
        self.apply_rules(SIGNS_OF_SAFETY)
        self.resize(920, 490)
        if initial is not None:
            self.fill(_signs_texts(initial))
        self.finish_loading()

    def _column(self, key: str, title: str, hint: str) -> QVBoxLayout:
        """One column: its title over its text, registered as a field of the form."""
        edit = self.add_field(key, title, _text_edit(height=170, hint=hint))
        taken = self.form.takeRow(self._boxes[key])
        label = taken.labelItem.widget() if taken.labelItem else None
        if label is not None:
            label.hide()
            label.deleteLater()
        heading = QLabel(f"<b>{title}</b>")
        heading.setBuddy(edit)
        self._titles[key] = title
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(self._boxes[key], 1)
        return column

    def field_label(self, key: str) -> str:
        return self._titles.get(key) or super().field_label(key)

    @staticmethod
    def _scale_edit() -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(2)
        edit.setMaximumWidth(60)
        edit.setPlaceholderText("0–10")
        return edit

    def _scale_check(self, person_id: uuid.UUID | None) -> Callable[[], Problem | None]:
        key = scale_key(person_id)
        return lambda: check_scale(self.field(key).text())

    def value(self) -> SignsOfSafetyDraft:
        answers = []
        asked = [(None, Respondent.TEAM), *((p, r) for p, _n, r in self.people)]
        for person_id, respondent in asked:
            text = self.field(scale_key(person_id)).text().strip()
            if text:
                answers.append(ScaleAnswer(respondent, int(text), person_id))
        return SignsOfSafetyDraft(
            assessed_on=self.on.value(),
            worries=text_of(self.field("worries")),
            going_well=text_of(self.field("going_well")),
            next_steps=text_of(self.field("next_steps")),
            answers=tuple(answers),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        people: list[tuple[uuid.UUID, str, Respondent]],
        initial: SignsOfSafetyDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> SignsOfSafetyDraft | None:
        with released(cls(people, parent=parent)) as dialog:
            if initial is not None:  # typed before, or the record corrected
                dialog.fill(_signs_texts(initial))
            dialog.setWindowTitle(
                "Signs of Safety vastleggen" if adding else "Signs of Safety corrigeren"
            )
            return dialog.value() if dialog.run(problems) else None


def _signs_texts(draft: SignsOfSafetyDraft) -> dict[str, str]:
    texts = {
        "assessed_on": format_date(draft.assessed_on),
        "worries": draft.worries,
        "going_well": draft.going_well,
        "next_steps": draft.next_steps,
    }
    return texts | {a.key: str(a.score) for a in draft.answers}


class AgreementDialog(FormDialog):
    """One agreement of the veiligheidsplan: concrete, with who and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Afspraak in het veiligheidsplan", parent)
        self.add_field(
            "what",
            "Afspraak",
            _text_edit(
                hint="Wat gebeurt er, concreet? Bijv. 'Moeder belt oma en gaat met de "
                "kinderen naar haar toe'"
            ),
        )
        self.add_field("who", "Wie doet het", QLineEdit()).setPlaceholderText(
            "Bijv. moeder; vader; de jeugdverpleegkundige"
        )
        self.add_field("trigger", "Wanneer", QLineEdit()).setPlaceholderText(
            "Bijv. zodra vader gedronken heeft; elke vrijdag"
        )
        self.add_field("checker", "Wie controleert", QLineEdit()).setPlaceholderText(
            "Wie kijkt of het gebeurt, en hoe"
        )
        self.add_field("network", "Netwerkleden", QLineEdit()).setPlaceholderText(
            "Wie uit het netwerk doet mee (oma, buurvrouw, voetbaltrainer)"
        )
        self.apply_rules(SAFETY_AGREEMENT)
        self.resize(560, 360)
        self.finish_loading()

    def value(self) -> AgreementDraft:
        return AgreementDraft(
            what=text_of(self.field("what")),
            who=text_of(self.field("who")),
            trigger=text_of(self.field("trigger")),
            checker=text_of(self.field("checker")),
            network=text_of(self.field("network")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: AgreementDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> AgreementDraft | None:
        with released(cls(parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {
                        "what": initial.what,
                        "who": initial.who,
                        "trigger": initial.trigger,
                        "checker": initial.checker,
                        "network": initial.network,
                    }
                )
            if adding:
                dialog.setWindowTitle("Afspraak toevoegen")
            return dialog.value() if dialog.run(problems) else None


class PlanVersionDialog(FormDialog):
    """A new version of the veiligheidsplan (or its concept's date and aim)."""

    def __init__(
        self,
        starts_from: str = "",
        parent: QWidget | None = None,
        initial: PlanDraft | None = None,
    ) -> None:
        super().__init__("Nieuwe versie van het veiligheidsplan", parent)
        self.on = _DateField(self, "made_on")
        self.add_field("made_on", "Datum", DateLineEdit(date.today()), self.on)
        self.add_field(
            "goal",
            "Wat moet er gebeuren",
            _text_edit(height=120, hint="Wat moet er gebeuren om de kinderen veilig te weten?"),
        )
        if starts_from:
            note = QLabel(starts_from)
            note.setObjectName("starts_from")
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            self.form.addRow(note)
        self.apply_rules(SAFETY_PLAN)
        self.resize(560, 320)
        if initial is not None:  # what is offered is not a change of the user's
            self.fill({"made_on": format_date(initial.made_on), "goal": initial.goal})
        self.finish_loading()

    def value(self) -> PlanDraft:
        return PlanDraft(self.on.value(), text_of(self.field("goal")))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        offered: PlanDraft,
        initial: PlanDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        starts_from: str = "",
        title: str = "",
    ) -> PlanDraft | None:
        """``offered``: what the form opens with (not a change); ``initial``: typed before."""
        with released(cls(starts_from, parent, offered)) as dialog:
            if initial is not None:
                dialog.fill({"made_on": format_date(initial.made_on), "goal": initial.goal})
            if title:
                dialog.setWindowTitle(title)
            return dialog.value() if dialog.run(problems) else None


YES, NO = "ja", "nee"


class SettleDialog(FormDialog):
    """Settle a version: agreed with the parents (when, how), or why not. Then it is fixed."""

    def __init__(self, codes: CodeLists, made_on: date, parent: QWidget | None = None) -> None:
        super().__init__("Veiligheidsplan vaststellen", parent)
        intro = QLabel(
            "Na het vaststellen blijft deze versie zoals hij is. Een wijziging wordt een "
            "nieuwe versie."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.on = _DateField(self, "agreed_on", earliest=made_on)
        self.add_field("agreed_on", "Datum", DateLineEdit(date.today()), self.on)
        self.add_field(
            "with_parents",
            "Met de ouders afgesproken?",
            code_combo(
                [(YES, "Ja, samen met de ouders afgesproken"), (NO, "Nee")],
                YES,
                empty="",
            ),
        )
        self.add_field(
            "agreed_how",
            "Hoe *",
            code_combo(codes.items("afspraakwijze"), ""),
            lambda: (
                Problem.REQUIRED
                if self._with_parents() and not text_of(self.field("agreed_how"))
                else None
            ),
        )
        self.add_field(
            "not_agreed_reason",
            "Waarom niet *",
            _text_edit(hint="Waarom is dit plan niet met de ouders afgesproken?"),
            lambda: (
                Problem.REQUIRED
                if not self._with_parents() and not text_of(self.field("not_agreed_reason")).strip()
                else None
            ),
        )
        self.apply_rules(PLAN_SETTLED)
        self.field("with_parents").currentIndexChanged.connect(self._show_choice)
        self._show_choice()
        self.resize(520, 320)
        self.finish_loading()

    def _with_parents(self) -> bool:
        return text_of(self.field("with_parents")) != NO

    def _show_choice(self) -> None:
        agreed = self._with_parents()
        self.form.setRowVisible(self._boxes["agreed_how"], agreed)
        self.form.setRowVisible(self._boxes["not_agreed_reason"], not agreed)

    def value(self) -> PlanSettlement:
        agreed = self._with_parents()
        return PlanSettlement(
            agreed_on=self.on.value(),
            with_parents=agreed,
            agreed_how=text_of(self.field("agreed_how")) if agreed else "",
            not_agreed_reason="" if agreed else text_of(self.field("not_agreed_reason")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        made_on: date,
        initial: PlanSettlement | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> PlanSettlement | None:
        with released(cls(codes, made_on, parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {
                        "agreed_on": format_date(initial.agreed_on),
                        "with_parents": YES if initial.with_parents else NO,
                        "agreed_how": initial.agreed_how,
                        "not_agreed_reason": initial.not_agreed_reason,
                    }
                )
            return dialog.value() if dialog.run(problems) else None


def starts_from_text(version: int | None, signs_on: date | None) -> str:
    """What a new version starts from, said under its form."""
    parts = []
    if signs_on is not None:
        parts.append(
            f"'Wat moet er gebeuren' komt uit de Signs of Safety van {date_text(signs_on)}."
        )
    if version is not None:
        parts.append(f"De afspraken van versie {version} worden overgenomen; pas ze daarna aan.")
    return " ".join(parts)
