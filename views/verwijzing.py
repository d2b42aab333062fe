"""The verwijzing's forms: a new verwijzing, and its next status. ``ask()`` returns a draft
or None."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models.codelists import CodeLists
from models.enums import VerwijzingStatus
from models.records import (
    MedewerkerRecord,
    OrganisationRecord,
    StatusDraft,
    VerwijzingDraft,
)
from models.rules import VERWIJZING, VERWIJZING_STATUS
from models.validation import Problem, format_date, parse_date
from models.wording import VERWIJZING_STATUS as STATUS_WORDS
from models.wording import date_text
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of

MEMBERS = "members"

# Opens a form for a new organisation over the given dialog and returns its record.
AddOrganisation = Callable[[QWidget], OrganisationRecord | None]


def _uuid_of(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def _text_edit(text: str = "", hint: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setMinimumHeight(70)
    return edit


class MemberChecks(QWidget):
    """A check box per member: for whom the verwijzing is."""

    def __init__(self, members: Sequence[tuple[uuid.UUID, str]], parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[uuid.UUID, QCheckBox] = {}
        for index, (person_id, name) in enumerate(members):
            box = QCheckBox(name)
            box.setObjectName(f"member_{person_id}")
            self.boxes[person_id] = box
            grid.addWidget(box, index // 3, index % 3)
        grid.setColumnStretch(3, 1)

    def chosen(self) -> tuple[uuid.UUID, ...]:
        return tuple(p for p, box in self.boxes.items() if box.isChecked())

    def text(self) -> str:
        return ",".join(str(p) for p in self.chosen())

    def set_text(self, text: str) -> None:
        wanted = {part for part in text.split(",") if part}
        for person_id, box in self.boxes.items():
            box.setChecked(str(person_id) in wanted)


class VerwijzingDialog(FormDialog):
    """A new verwijzing: for whom, where to, which help, why, and the two who decided."""

    def __init__(
        self,
        codes: CodeLists,
        members: Sequence[tuple[uuid.UUID, str]],
        organisations: Sequence[OrganisationRecord],
        team: Sequence[MedewerkerRecord],
        parent: QWidget | None = None,
        *,
        add_organisation: AddOrganisation | None = None,
    ) -> None:
        super().__init__("Verwijzing vastleggen", parent)
        self._add_organisation = add_organisation
        self.add_field("referred_on", "Datum", DateLineEdit(date.today()), self._check_date)
        self.members = MemberChecks(members)
        self.add_field(MEMBERS, "Voor wie *", self.members, self._check_members)
        for box in self.members.boxes.values():
            box.toggled.connect(self._members_changed)
        new = QPushButton("Nieuwe organisatie…")
        new.setObjectName("new_organisation")
        new.setVisible(add_organisation is not None)
        new.clicked.connect(self._new_organisation)
        self.add_field(
            "organisation",
            "Naar organisatie *",
            code_combo(
                [(str(o.id), o.name) for o in organisations if o.active],
                empty="— kies een organisatie —",
            ),
            self._required_choice("organisation"),
            beside=new,
        )
        self.add_field(
            "hulpvorm",
            "Hulpvorm",
            code_combo(codes.items("hulpvorm"), empty="— kies een hulpvorm —"),
        )
        self.add_field(
            "reason",
            "Reden",
            _text_edit(hint="Waarom deze hulp, en wat moet hij opleveren?"),
        )
        people = [(str(m.id), m.name) for m in team if m.active]
        self.add_field(
            "decider_1",
            "Besloten door *",
            code_combo(people, empty="— kies een medewerker —"),
            self._required_choice("decider_1"),
        )
        self.add_field(
            "decider_2",
            "en door *",
            code_combo(people, empty="— kies een tweede medewerker —"),
            self._check_second,
        )
        self.apply_rules(VERWIJZING)
        self.setMinimumWidth(600)
        self.finish_loading()

    # --- the members field, which FormDialog does not know -----------------------------

    def _members_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        if self.error_text(MEMBERS):
            self.check_field(MEMBERS)
        self.edited.emit()

    def snapshot(self) -> dict[str, str]:
        texts = {k: text_of(w) for k, w in self._fields.items() if k != MEMBERS}
        return texts | {MEMBERS: self.members.text()}

    def fill(self, values: dict[str, str]) -> None:
        rest = dict(values)
        if MEMBERS in rest:
            self.members.set_text(rest.pop(MEMBERS))
            self._dirty = self._dirty or not self._loading
        super().fill(rest)

    def restore(self, texts: dict[str, str]) -> list[str]:
        rest = dict(texts)
        if MEMBERS in rest:
            self.members.set_text(rest.pop(MEMBERS))
        return super().restore(rest)

    # --- checks ------------------------------------------------------------------------

    def _check_date(self) -> Problem | None:
        return parse_date(
            self.field("referred_on").text(), required=True, not_after=date.today()
        ).problem

    def _check_members(self) -> Problem | None:
        return None if self.members.chosen() else Problem.REQUIRED

    def _required_choice(self, key: str) -> Callable[[], Problem | None]:
        return lambda: None if text_of(self.field(key)) else Problem.REQUIRED

    def _check_second(self) -> Problem | None:
        second = text_of(self.field("decider_2"))
        if not second:
            return Problem.REQUIRED
        return Problem.SAME_DECIDER if second == text_of(self.field("decider_1")) else None

    def _new_organisation(self) -> None:
        assert self._add_organisation is not None
        record = self._add_organisation(self)
        if record is None:
            return
        combo: QComboBox = self.field("organisation")
        combo.addItem(record.name, str(record.id))
        combo.setCurrentIndex(combo.count() - 1)

    # --- the answer -------------------------------------------------------------------

    def value(self) -> VerwijzingDraft:
        return VerwijzingDraft(
            referred_on=parse_date(self.field("referred_on").text(), required=False).value,
            member_ids=self.members.chosen(),
            organisation_id=_uuid_of(self.field("organisation")),
            hulpvorm=text_of(self.field("hulpvorm")),
            reason=text_of(self.field("reason")),
            decider_1=_uuid_of(self.field("decider_1")),
            decider_2=_uuid_of(self.field("decider_2")),
        )

    def fill_draft(self, draft: VerwijzingDraft) -> None:
        self.fill(
            {
                "referred_on": format_date(draft.referred_on),
                MEMBERS: ",".join(str(p) for p in draft.member_ids),
                "organisation": str(draft.organisation_id or ""),
                "hulpvorm": draft.hulpvorm,
                "reason": draft.reason,
                "decider_1": str(draft.decider_1 or ""),
                "decider_2": str(draft.decider_2 or ""),
            }
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        members: Sequence[tuple[uuid.UUID, str]],
        organisations: Sequence[OrganisationRecord],
        team: Sequence[MedewerkerRecord],
        initial: VerwijzingDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        add_organisation: AddOrganisation | None = None,
    ) -> VerwijzingDraft | None:
        dialog = cls(codes, members, organisations, team, parent, add_organisation=add_organisation)
        with released(dialog):
            if initial is not None:
                dialog.fill_draft(initial)
            return dialog.value() if dialog.run(problems) else None


class StatusDialog(FormDialog):
    """The verwijzing's next status and from when (not before its current one)."""

    def __init__(
        self,
        current: VerwijzingStatus,
        since: date,
        choices: Sequence[VerwijzingStatus],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Status van de verwijzing wijzigen", parent)
        self.since = since
        now = QLabel(f"Nu: {STATUS_WORDS[current]} sinds {date_text(since)}")
        now.setObjectName("current_status")
        self.form.addRow(now)
        self.add_field(
            "status",
            "Nieuwe status",
            code_combo([(s.value, STATUS_WORDS[s]) for s in choices], empty="— kies —"),
        )
        self.add_field("on", "Sinds", DateLineEdit(date.today()), self._check_date)
        self.add_field("note", "Toelichting", _text_edit(hint="Bijv. waarom afgewezen"))
        self.apply_rules(VERWIJZING_STATUS)
        self.setMinimumWidth(460)
        self.finish_loading()

    def _check_date(self) -> Problem | None:
        return parse_date(
            self.field("on").text(), required=True, not_after=date.today(), not_before=self.since
        ).problem

    def value(self) -> StatusDraft:
        code = text_of(self.field("status"))
        return StatusDraft(
            VerwijzingStatus(code) if code else None,
            parse_date(self.field("on").text(), required=False).value,
            text_of(self.field("note")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: VerwijzingStatus,
        since: date,
        choices: Sequence[VerwijzingStatus],
        initial: StatusDraft | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> StatusDraft | None:
        with released(cls(current, since, choices, parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {
                        "status": initial.status.value if initial.status else "",
                        "on": format_date(initial.on),
                        "note": initial.note,
                    }
                )
            return dialog.value() if dialog.run(problems) else None
