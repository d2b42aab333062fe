"""The forms of the gezinsplan: its texts, a goal, its network and organisations, 'na je 18e',
an evaluation date, vaststellen (who agreed, how) and an evaluation. Each ``ask()`` returns a
draft (or a small result) or None; a goal's action uses :class:`views.actions.ActionDialog`."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models.codelists import CodeLists
from models.gezinsplan_records import (
    AdulthoodDraft,
    EvaluationDraft,
    GezinsplanDraft,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    NetworkDraft,
    PartnerDraft,
    PartyDraft,
    RequiredParty,
)
from models.instruments import Instrument
from models.records import OrganisationRecord
from models.rules import (
    GEZINSPLAN,
    PLAN_ADULTHOOD,
    PLAN_GOAL,
    PLAN_NETWORK,
    PLAN_PARTNER,
)
from models.validation import Problem, format_date, parse_date
from models.wording import FGP_ANSWER, GOAL_OUTCOME, PLAN_TEXTS, date_text
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of
from views.minutes import MinutesDialog
from views.verwijzing import MemberChecks

TEXT_HINTS = {
    "situation": "Hoe is het nu thuis? In de woorden van het gezin.",
    "question": "Wat wil het gezin bereiken? In hun eigen woorden.",
    "earlier_help": "Welke hulp was er al, en wat werkte wel of niet?",
    "strengths": "Wat gaat goed, waar is het gezin sterk in, wie helpt?",
    "concerns": "Waar maken het gezin en wij ons zorgen over?",
    "child_view": "Wat zegt het kind of de jongere zelf?",
}
ACCEPTED, DECLINED, NO_ANSWER = "ja", "nee", "open"
YES, NO = "ja", "nee"


def _text_edit(text: str = "", height: int = 56, hint: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(height, 90))
    return edit


def _date_check(
    dialog: FormDialog,
    key: str,
    *,
    required: bool = True,
    not_after: Callable[[], date | None] = date.today,
) -> Callable[[], Problem | None]:
    return lambda: (
        parse_date(dialog.field(key).text(), required=required, not_after=not_after()).problem
    )


def _date(dialog: FormDialog, key: str) -> date | None:
    return parse_date(dialog.field(key).text(), required=False).value


def _uuid(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


class _ExtrasForm(FormDialog):
    """A form with fields FormDialog does not know (check boxes, a member list): each kept
    as text in its snapshot, put back by :meth:`fill` and :meth:`restore`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._extras: dict[str, tuple[Callable[[], str], Callable[[str], None]]] = {}

    def add_extra(
        self,
        key: str,
        label: str,
        widget: QWidget,
        get: Callable[[], str],
        put: Callable[[str], None],
        toggles: Sequence[QCheckBox],
    ) -> None:
        self.add_field(key, label, widget)
        self._extras[key] = (get, put)
        for box in toggles:
            box.toggled.connect(self._extra_changed)

    def _extra_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.edited.emit()

    def snapshot(self) -> dict[str, str]:
        texts = {k: text_of(w) for k, w in self._fields.items() if k not in self._extras}
        return texts | {key: get() for key, (get, _put) in self._extras.items()}

    def fill(self, values: dict[str, str]) -> None:
        rest = dict(values)
        for key, (_get, put) in self._extras.items():
            if key in rest:
                put(rest.pop(key))
                self._dirty = self._dirty or not self._loading
        super().fill(rest)

    def restore(self, texts: dict[str, str]) -> list[str]:
        rest = dict(texts)
        for key, (_get, put) in self._extras.items():
            if key in rest:
                put(rest.pop(key))
        return super().restore(rest)


def _check(box: QCheckBox) -> tuple[Callable[[], str], Callable[[str], None]]:
    return (lambda: YES if box.isChecked() else ""), (lambda t: box.setChecked(t == YES))


# --- the plan's texts ---------------------------------------------------------------------------


class PlanTextsDialog(FormDialog):
    """The plan's own texts, how the family reaches the regisseur, and the familiegroepsplan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Gezinsplan", parent)
        self.add_field("made_on", "Datum", DateLineEdit(date.today()), _date_check(self, "made_on"))
        for key, label in PLAN_TEXTS:
            self.add_field(key, label, _text_edit(hint=TEXT_HINTS[key]))
        self.add_field("reach", "Bereikbaarheid regisseur", QLineEdit()).setPlaceholderText(
            "Bijv. 06-12345678, maandag t/m donderdag; of via het wijkteam"
        )
        self.add_section("Familiegroepsplan")
        self.add_field(
            "fgp_offered_on",
            "Aangeboden op",
            DateLineEdit(),
            _date_check(self, "fgp_offered_on", required=False),
        )
        self.add_field(
            "fgp_answer",
            "Antwoord",
            code_combo(
                [
                    (NO_ANSWER, FGP_ANSWER[None]),
                    (ACCEPTED, FGP_ANSWER[True]),
                    (DECLINED, FGP_ANSWER[False]),
                ],
                NO_ANSWER,
                empty="",
            ),
        )
        self.add_field(
            "fgp_made_on",
            "Gemaakt op",
            DateLineEdit(),
            _date_check(self, "fgp_made_on", required=False),
        )
        self.add_field("fgp_note", "Waar is het", QLineEdit()).setPlaceholderText(
            "Bijv. bijgevoegd; bij de ouders"
        )
        self.apply_rules(GEZINSPLAN)
        self.resize(680, 720)
        self.finish_loading()

    def value(self) -> GezinsplanDraft:
        made_on = _date(self, "made_on")
        assert made_on is not None, "read after accept(), when the date is valid"
        answer = text_of(self.field("fgp_answer"))
        offered = _date(self, "fgp_offered_on")
        return GezinsplanDraft(
            made_on=made_on,
            reach=text_of(self.field("reach")).strip(),
            fgp_offered_on=offered,
            fgp_accepted={ACCEPTED: True, DECLINED: False}.get(answer) if offered else None,
            fgp_made_on=_date(self, "fgp_made_on"),
            fgp_note=text_of(self.field("fgp_note")).strip(),
            situation=self._text("situation"),
            question=self._text("question"),
            earlier_help=self._text("earlier_help"),
            strengths=self._text("strengths"),
            concerns=self._text("concerns"),
            child_view=self._text("child_view"),
        )

    def _text(self, key: str) -> str:
        return text_of(self.field(key)).strip()

    def fill_draft(self, draft: GezinsplanDraft) -> None:
        answer = NO_ANSWER
        if draft.fgp_accepted is not None:
            answer = ACCEPTED if draft.fgp_accepted else DECLINED
        self.fill(
            {
                "made_on": format_date(draft.made_on),
                **{key: getattr(draft, key) for key, _label in PLAN_TEXTS},
                "reach": draft.reach,
                "fgp_offered_on": format_date(draft.fgp_offered_on),
                "fgp_answer": answer,
                "fgp_made_on": format_date(draft.fgp_made_on),
                "fgp_note": draft.fgp_note,
            }
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        offered: GezinsplanDraft,
        initial: GezinsplanDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        title: str = "",
    ) -> GezinsplanDraft | None:
        """``offered``: what the form opens with (not a change); ``initial``: typed before."""
        with released(cls(parent)) as dialog:
            dialog._loading = True
            dialog.fill_draft(offered)
            dialog._loading = False
            if initial is not None:
                dialog.fill_draft(initial)
            if title:
                dialog.setWindowTitle(title)
            return dialog.value() if dialog.run(problems) else None


# --- a goal -------------------------------------------------------------------------------------


def _instrument_key(instrument: Instrument) -> str:
    return f"{instrument.code}|{instrument.version}"


class GoalDialog(_ExtrasForm):
    """A goal: what, for whom, and optionally an instrument item with the goal's target."""

    def __init__(
        self,
        members: Sequence[tuple[uuid.UUID, str]],
        instruments: Sequence[Instrument],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Doel", parent)
        self.instruments = {_instrument_key(i): i for i in instruments}
        self.add_field(
            "description",
            "Doel",
            _text_edit(height=70, hint="Wat wil het gezin bereiken? Kort en concreet."),
        )
        self.members = MemberChecks(members)
        self.add_extra(
            "member_ids",
            "Voor wie",
            self.members,
            self.members.text,
            self.members.set_text,
            list(self.members.boxes.values()),
        )
        self.add_section("Meten (niet verplicht)")
        self.add_field(
            "instrument",
            "Instrument",
            code_combo([(_instrument_key(i), i.name) for i in instruments], empty="— geen —"),
        )
        self.add_field("item_code", "Domein", QComboBox(), self._check_item)
        self.add_field("target_level", "Doel-niveau", QComboBox())
        self.field("instrument").currentIndexChanged.connect(lambda _i: self._fill_items())
        self.apply_rules(PLAN_GOAL)
        self._fill_items()
        self.resize(600, 380)
        self.finish_loading()

    def instrument(self) -> Instrument | None:
        return self.instruments.get(text_of(self.field("instrument")))

    def _fill_items(self) -> None:
        instrument = self.instrument()
        items: QComboBox = self.field("item_code")
        levels: QComboBox = self.field("target_level")
        for combo in (items, levels):
            combo.blockSignals(True)
            combo.clear()
        items.addItem("— kies een domein —" if instrument else "—", "")
        levels.addItem("— geen doel-niveau —" if instrument else "—", "")
        if instrument is not None:
            for item in instrument.items:
                items.addItem(item.name, item.code)
            for level in instrument.scale:
                levels.addItem(f"{level.value} – {level.name}", str(level.value))
        for combo in (items, levels):
            combo.setEnabled(instrument is not None)
            combo.blockSignals(False)
        self.show_problem("item_code", None)

    def _check_item(self) -> Problem | None:
        if self.instrument() is None or text_of(self.field("item_code")):
            return None
        return Problem.REQUIRED

    def value(self) -> GoalDraft:
        instrument = self.instrument()
        item = text_of(self.field("item_code")) if instrument else ""
        level = text_of(self.field("target_level")) if item else ""
        return GoalDraft(
            description=text_of(self.field("description")).strip(),
            member_ids=self.members.chosen(),
            instrument_code=instrument.code if instrument and item else "",
            instrument_version=instrument.version if instrument and item else "",
            item_code=item,
            target_level=int(level) if level else None,
        )

    def fill_draft(self, draft: GoalDraft) -> None:
        key = f"{draft.instrument_code}|{draft.instrument_version}" if draft.item_code else ""
        self.fill(
            {
                "description": draft.description,
                "member_ids": ",".join(str(m) for m in draft.member_ids),
                "instrument": key,
                "item_code": draft.item_code,
                "target_level": "" if draft.target_level is None else str(draft.target_level),
            }
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        members: Sequence[tuple[uuid.UUID, str]],
        instruments: Sequence[Instrument],
        initial: GoalDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> GoalDraft | None:
        with released(cls(members, instruments, parent)) as dialog:
            if initial is not None:
                dialog.fill_draft(initial)
            dialog.setWindowTitle("Doel toevoegen" if adding else "Doel wijzigen")
            return dialog.value() if dialog.run(problems) else None


# --- the network, an organisation, 'na je 18e', an evaluation date -----------------------------


class NetworkDialog(FormDialog):
    """Someone of the family's own network, and what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Eigen netwerk", parent)
        self.add_field("name", "Naam", QLineEdit())
        self.add_field("relation", "Relatie", QLineEdit()).setPlaceholderText(
            "Bijv. oma, buurvrouw, voetbaltrainer"
        )
        self.add_field("role", "Wat doet deze persoon", _text_edit()).setPlaceholderText(
            "Bijv. haalt de kinderen op woensdag uit school"
        )
        self.apply_rules(PLAN_NETWORK)
        self.resize(520, 260)
        self.finish_loading()

    def value(self) -> NetworkDraft:
        return NetworkDraft(
            text_of(self.field("name")).strip(),
            text_of(self.field("relation")).strip(),
            text_of(self.field("role")).strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: NetworkDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> NetworkDraft | None:
        with released(cls(parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {"name": initial.name, "relation": initial.relation, "role": initial.role}
                )
            if adding:
                dialog.setWindowTitle("Iemand uit het netwerk toevoegen")
            return dialog.value() if dialog.run(problems) else None


class PartnerDialog(FormDialog):
    """An organisation involved, optionally one of its contacts, and what it does."""

    def __init__(
        self,
        organisations: Sequence[OrganisationRecord],
        current: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Organisatie in het plan", parent)
        self._organisations = {o.id: o for o in organisations}
        self.add_field(
            "organisation_id",
            "Organisatie",
            code_combo(
                [(str(o.id), o.name) for o in organisations if o.active or o.id == current],
                str(current) if current else "",
                empty="— kies een organisatie —",
            ),
        )
        self.add_field("contact_id", "Contactpersoon", QComboBox())
        self.add_field("role", "Wat doet de organisatie", _text_edit()).setPlaceholderText(
            "Bijv. schuldhulp: stelt een budgetplan op"
        )
        self.field("organisation_id").currentIndexChanged.connect(
            lambda _i: self._fill_contacts(None)
        )
        self._fill_contacts(None)
        self.apply_rules(PLAN_PARTNER)
        self.resize(520, 260)
        self.finish_loading()

    def _fill_contacts(self, chosen: uuid.UUID | None) -> None:
        combo: QComboBox = self.field("contact_id")
        combo.clear()
        combo.addItem("— geen —", "")
        organisation = self._organisations.get(
            _uuid(self.field("organisation_id")) or uuid.UUID(int=0)
        )
        for contact in organisation.contacts if organisation else ():
            label = f"{contact.name} ({contact.role})" if contact.role else contact.name
            combo.addItem(label, str(contact.id))
        combo.setCurrentIndex(max(combo.findData(str(chosen) if chosen else ""), 0))

    def value(self) -> PartnerDraft:
        return PartnerDraft(
            _uuid(self.field("organisation_id")),
            _uuid(self.field("contact_id")),
            text_of(self.field("role")).strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        organisations: Sequence[OrganisationRecord],
        initial: PartnerDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> PartnerDraft | None:
        current = initial.organisation_id if initial else None
        with released(cls(organisations, current, parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {
                        "organisation_id": str(initial.organisation_id or ""),
                        "contact_id": str(initial.contact_id or ""),
                        "role": initial.role,
                    }
                )
            if adding:
                dialog.setWindowTitle("Organisatie toevoegen")
            return dialog.value() if dialog.run(problems) else None


class AdulthoodDialog(FormDialog):
    """'Na je 18e' for a member turning 18 within the plan period: what changes, who takes
    over. Empty texts take the part out of the plan."""

    def __init__(
        self,
        turning: Sequence[tuple[uuid.UUID, str, date]],
        written: dict[uuid.UUID, AdulthoodDraft],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Na je 18e", parent)
        self._written = written
        self.add_field(
            "person_id",
            "Voor",
            code_combo(
                [(str(p), f"{name} (wordt 18 op {date_text(on)})") for p, name, on in turning],
                str(turning[0][0]) if turning else "",
                empty="",
            ),
        )
        self.add_field(
            "what_changes",
            "Wat verandert er",
            _text_edit(
                height=80,
                hint="Bijv. zorgverzekering, toeslagen, studiefinanciering, jeugdhulp stopt",
            ),
        )
        self.add_field("who_takes_over", "Wie neemt het over", QLineEdit()).setPlaceholderText(
            "Bijv. de jongere zelf met hulp van de WMO-consulent"
        )
        self.field("person_id").currentIndexChanged.connect(lambda _i: self._show_written())
        self.apply_rules(PLAN_ADULTHOOD)
        self._show_written()
        self.resize(560, 300)
        self.finish_loading()

    def _show_written(self) -> None:
        person = _uuid(self.field("person_id"))
        draft = self._written.get(person) if person else None
        loading, self._loading = self._loading, True
        self.field("what_changes").setPlainText(draft.what_changes if draft else "")
        self.field("who_takes_over").setText(draft.who_takes_over if draft else "")
        self._loading = loading

    def value(self) -> AdulthoodDraft:
        person = _uuid(self.field("person_id"))
        assert person is not None, "the dialog only opens with someone turning 18"
        return AdulthoodDraft(
            person,
            text_of(self.field("what_changes")).strip(),
            text_of(self.field("who_takes_over")).strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        turning: Sequence[tuple[uuid.UUID, str, date]],
        written: dict[uuid.UUID, AdulthoodDraft],
        initial: AdulthoodDraft | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> AdulthoodDraft | None:
        with released(cls(turning, written, parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {
                        "person_id": str(initial.person_id),
                        "what_changes": initial.what_changes,
                        "who_takes_over": initial.who_takes_over,
                    }
                )
            return dialog.value() if dialog.run(problems) else None


class EvaluationDateDialog(FormDialog):
    """A date on which the plan is evaluated with the family."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Evaluatiedatum", parent)
        self.add_field(
            "planned_on",
            "Evalueren op",
            DateLineEdit(),
            _date_check(self, "planned_on", not_after=lambda: None),
        )
        self.resize(360, 120)
        self.finish_loading()

    def value(self) -> date:
        planned = _date(self, "planned_on")
        assert planned is not None
        return planned

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: date | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> date | None:
        with released(cls(parent)) as dialog:
            if initial is not None:
                dialog.fill({"planned_on": format_date(initial)})
            return dialog.value() if dialog.run(problems) else None


# --- vaststellen --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settlement:
    """What the vaststellen form gives: the date, each person's agreement, and whether to
    vaststellen now (or only keep the agreements gathered so far)."""

    on: date
    parties: tuple[PartyDraft, ...]
    settle: bool


def party_key(field: str, person_id: uuid.UUID) -> str:
    return f"{field}:{person_id}"


class SettleDialog(_ExtrasForm):
    """Akkoord en vaststellen: per person who must agree, when and how they agreed, or why
    not; and whether their ZRM chart may be in the printed plan. 'Opslaan' keeps what was
    typed; 'Vaststellen' keeps it and then fixes the version."""

    def __init__(
        self,
        codes: CodeLists,
        parties: Sequence[RequiredParty],
        recorded: dict[uuid.UUID, PartyDraft],
        made_on: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Akkoord en vaststellen", parent)
        self.parties = list(parties)
        self._settle = False
        self._made_on = made_on
        intro = QLabel(
            "Wie akkoord moet geven hangt af van leeftijd en gezag. Leg per persoon vast "
            "wanneer en hoe die akkoord gaf, of waarom niet. Na het vaststellen blijft deze "
            "versie zoals hij is; een wijziging wordt een nieuwe versie."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.add_field("settled_on", "Vaststellen op", DateLineEdit(date.today()), self._check_on)
        ways = codes.items("afspraakwijze")
        for party in self.parties:
            pid = party.person_id
            self.add_section(
                f"{_escape(party.name)} <span style='color:#555'>({_escape(party.reason)})</span>"
            )
            when = DateLineEdit()
            how = code_combo(ways, empty="— hoe —")
            how.setMaximumWidth(240)
            self.add_field(
                party_key("agreed_on", pid),
                "Akkoord op",
                when,
                self._party_check(pid),
                beside=how,
            )
            row = self._boxes[party_key("agreed_on", pid)].findChild(QHBoxLayout)
            if isinstance(row, QHBoxLayout):  # the date and the way side by side, from the left
                row.setStretch(0, 0)
                row.addStretch(1)
            self._beside(party_key("agreed_how", pid), how)
            self.add_field(party_key("reason", pid), "Of: waarom niet", QLineEdit())
            chart = QCheckBox("ZRM-grafiek in het plan")
            self.add_extra(party_key("chart", pid), "", chart, *_check(chart), toggles=[chart])
            draft = recorded.get(pid)
            if draft is not None:
                self.fill_party(draft)
        if not self.parties:
            nobody = QLabel("Er is niemand gevonden die akkoord moet geven.")
            nobody.setStyleSheet("color: #8a5a00;")
            self.form.addRow(nobody)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        self.settle_button = QPushButton("Vaststellen")
        self.settle_button.setObjectName("settle")
        self.buttons.addButton(self.settle_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.settle_button.clicked.connect(self._vaststellen)
        self.resize(600, min(200 + 105 * max(1, len(self.parties)), 760))
        self.finish_loading()

    def _beside(self, key: str, widget: QComboBox) -> None:
        """A field that stands beside another (its problems are shown under that one)."""
        widget.setObjectName(key)
        self._fields[key] = widget
        hidden = QLabel(self)
        hidden.hide()
        self._errors[key] = hidden
        self._watch(key, widget)

    def _vaststellen(self) -> None:
        self._settle = True
        self.accept()
        if not self.result():
            self._settle = False

    def _check_on(self) -> Problem | None:
        parsed = parse_date(self.field("settled_on").text(), required=True, not_after=date.today())
        if parsed.problem is None and parsed.value is not None and parsed.value < self._made_on:
            return Problem.END_BEFORE_START
        return parsed.problem

    def _party_check(self, pid: uuid.UUID) -> Callable[[], Problem | None]:
        def check() -> Problem | None:
            text = self.field(party_key("agreed_on", pid)).text()
            problem = parse_date(text, required=False, not_after=date.today()).problem
            if problem is not None:
                return problem
            has_how = bool(text_of(self.field(party_key("agreed_how", pid))))
            return Problem.REQUIRED if bool(text.strip()) != has_how else None

        return check

    def fill_party(self, draft: PartyDraft) -> None:
        pid = draft.person_id
        if party_key("agreed_on", pid) not in self._fields:
            return
        self.fill(
            {
                party_key("agreed_on", pid): format_date(draft.agreed_on),
                party_key("agreed_how", pid): draft.agreed_how,
                party_key("reason", pid): draft.not_agreed_reason,
                party_key("chart", pid): YES if draft.chart_ok else "",
            }
        )

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """The service's 'party:<id>' problem stands under that person's date."""
        moved = {
            (
                party_key("agreed_on", uuid.UUID(k.split(":", 1)[1]))
                if k.startswith("party:")
                else k
            ): p
            for k, p in problems.items()
        }
        super().show_problems(moved)

    def value(self) -> Settlement:
        on = _date(self, "settled_on")
        assert on is not None
        parties = []
        for party in self.parties:
            pid = party.person_id
            agreed_on = _date(self, party_key("agreed_on", pid))
            parties.append(
                PartyDraft(
                    pid,
                    agreed_on=agreed_on,
                    agreed_how=text_of(self.field(party_key("agreed_how", pid))),
                    not_agreed_reason=text_of(self.field(party_key("reason", pid))).strip(),
                    chart_ok=self._extras[party_key("chart", pid)][0]() == YES,
                )
            )
        return Settlement(on, tuple(parties), self._settle)

    def fill_settlement(self, settlement: Settlement) -> None:
        self.fill({"settled_on": format_date(settlement.on)})
        for draft in settlement.parties:
            self.fill_party(draft)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        parties: Sequence[RequiredParty],
        recorded: dict[uuid.UUID, PartyDraft],
        made_on: date,
        initial: Settlement | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> Settlement | None:
        with released(cls(codes, parties, recorded, made_on, parent)) as dialog:
            if initial is not None:
                dialog.fill_settlement(initial)
            return dialog.value() if dialog.run(problems) else None


# --- an evaluation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalRow:
    """A goal as the evaluation form lists it."""

    key: uuid.UUID
    description: str


class EvaluationDialog(FormDialog):
    """What an evaluation found: when it was held, a note, per goal how it stands, what
    happened and whether it continues. A goal left on '—' gets no result."""

    def __init__(
        self, goals: Sequence[GoalRow], settled_on: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Evaluatie van het gezinsplan", parent)
        self.goals = list(goals)
        self._settled_on = settled_on
        self.add_field("held_on", "Gehouden op", DateLineEdit(date.today()), self._check_on)
        self.add_field(
            "note", "Toelichting", _text_edit(hint="Hoe ging het gesprek, wie waren er?")
        )
        outcomes = [(o.value, t) for o, t in GOAL_OUTCOME.items()]
        for number, goal in enumerate(self.goals, 1):
            self.add_section(f"Doel {number}: {_escape(goal.description)}")
            self.add_field(f"outcome:{goal.key}", "Resultaat", code_combo(outcomes, empty="—"))
            self.add_field(f"what:{goal.key}", "Wat is er gebeurd", _text_edit(height=44))
            self.add_field(
                f"continues:{goal.key}",
                "Gaat door",
                code_combo([(YES, "Ja, het doel loopt door"), (NO, "Nee, klaar")], YES, empty=""),
            )
        self.resize(620, min(240 + 150 * max(1, len(self.goals)), 760))
        self.finish_loading()

    def _check_on(self) -> Problem | None:
        parsed = parse_date(self.field("held_on").text(), required=True, not_after=date.today())
        if parsed.problem is None and parsed.value is not None and parsed.value < self._settled_on:
            return Problem.END_BEFORE_START
        return parsed.problem

    def value(self) -> EvaluationDraft:
        held_on = _date(self, "held_on")
        assert held_on is not None
        results = []
        for goal in self.goals:
            outcome = text_of(self.field(f"outcome:{goal.key}"))
            if outcome:
                results.append(
                    GoalResultDraft(
                        goal.key,
                        GoalOutcome(outcome),
                        text_of(self.field(f"what:{goal.key}")).strip(),
                        text_of(self.field(f"continues:{goal.key}")) != NO,
                    )
                )
        return EvaluationDraft(held_on, text_of(self.field("note")).strip(), tuple(results))

    def fill_draft(self, draft: EvaluationDraft) -> None:
        values = {"held_on": format_date(draft.held_on), "note": draft.note}
        for result in draft.results:
            values |= {
                f"outcome:{result.goal_key}": result.outcome.value,
                f"what:{result.goal_key}": result.what_happened,
                f"continues:{result.goal_key}": YES if result.continues else NO,
            }
        self.fill({k: v for k, v in values.items() if k in self._fields})

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        goals: Sequence[GoalRow],
        settled_on: date,
        initial: EvaluationDraft | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> EvaluationDraft | None:
        with released(cls(goals, settled_on, parent)) as dialog:
            if initial is not None:
                dialog.fill_draft(initial)
            return dialog.value() if dialog.run(problems) else None


def _escape(text: str) -> str:
    short = " ".join(text.split())
    short = short if len(short) <= 80 else short[:79] + "…"
    return short.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PlanPrintDialog(MinutesDialog):
    """For whom the plan is printed: the family (signature lines, charts), or a copy for an
    organisation (only with the family's consent to share with it)."""

    TITLE = "Gezinsplan afdrukken"
    INTERNAL = "Voor het gezin (met handtekeningen)"
    EXTERNAL = "Kopie voor een organisatie:"
    EXPLAIN = (
        "Een kopie voor een organisatie kan alleen als het gezin toestemming heeft gegeven "
        "om gegevens met die organisatie te delen."
    )

    def __init__(
        self, version: int, organisations: Sequence[OrganisationRecord], parent: QWidget | None
    ) -> None:
        super().__init__(f"Gezinsplan, versie {version}", list(organisations), parent)
        self.family = self.internal

    def recipient(self) -> uuid.UUID | None:
        """None: the family's version; else the organisation's id."""
        return self.value().organisation_id

    @classmethod
    def ask_for(
        cls, version: int, organisations: Sequence[OrganisationRecord], parent: QWidget | None
    ) -> tuple[uuid.UUID | None] | None:
        """(recipient,) when the user goes on, None when cancelled."""
        with released(cls(version, organisations, parent)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return (dialog.recipient(),)
