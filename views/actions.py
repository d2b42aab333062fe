"""Actions: the form (what, who, by when), the dossier's section, and the Mijn acties tab."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.enums import ActionOwner, ActionStatus
from models.records import ActionDraft, ActionRecord, MedewerkerRecord, OrganisationRecord
from models.rules import ACTION
from models.validation import Problem, parse_date
from models.wording import ACTION_ORIGIN, ACTION_OWNER, ACTION_STATUS, date_text
from views.dossier.common import RecordSection, button_row, emit_selected, fill, small_table
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of

# The field that names the owner, per kind of owner.
OWNER_FIELD = {
    ActionOwner.MEDEWERKER: "medewerker",
    ActionOwner.GEZINSLID: "person",
    ActionOwner.NETWERK: "network_name",
    ActionOwner.ORGANISATIE: "organisation",
}
LATE = QColor("#b00020")


def _uuid(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


class ActionDialog(FormDialog):
    """An action: what, who (exactly one owner: the fields of the chosen kind), by when.

    ``not_before`` (a new action): the earliest due date. An existing action may be due in
    the past, and may be edited then.
    """

    def __init__(
        self,
        initial: ActionDraft | None = None,
        parent: QWidget | None = None,
        *,
        members: Sequence[tuple[uuid.UUID, str]] = (),
        medewerkers: Sequence[MedewerkerRecord] = (),
        organisations: Sequence[OrganisationRecord] = (),
        not_before: date | None = None,
    ) -> None:
        super().__init__("Actie wijzigen" if initial else "Nieuwe actie", parent)
        initial = initial or ActionDraft("", ActionOwner.MEDEWERKER, None)
        self._organisations = {o.id: o for o in organisations}
        self._not_before = not_before
        description = QPlainTextEdit(initial.description)
        description.setTabChangesFocus(True)
        description.setFixedHeight(60)
        self.add_field("description", "Wat *", description)
        self.add_field(
            "owner_kind",
            "Wie *",
            code_combo(
                [(k.value, t) for k, t in ACTION_OWNER.items()], initial.owner_kind, empty=""
            ),
        )
        current = initial.medewerker_id
        self.add_field(
            "medewerker",
            "Teamlid *",
            code_combo(
                [(str(m.id), m.name) for m in medewerkers if m.active or m.id == current],
                str(current) if current else "",
                empty="— kies een teamlid —",
            ),
            lambda: self._chosen("medewerker"),
        )
        self.add_field(
            "person",
            "Gezinslid *",
            code_combo(
                [(str(pid), name) for pid, name in members],
                str(initial.person_id) if initial.person_id else "",
                empty="— kies een gezinslid —",
            ),
            lambda: self._chosen("person"),
        )
        self.add_field(
            "network_name",
            "Naam *",
            QLineEdit(initial.network_name),
            lambda: self._chosen("network_name"),
        )
        relation = self.add_field(
            "network_relation", "Relatie", QLineEdit(initial.network_relation)
        )
        relation.setPlaceholderText("bijvoorbeeld: oma, buurvrouw, voetbaltrainer")
        organisation_id = initial.organisation_id
        self.add_field(
            "organisation",
            "Organisatie *",
            code_combo(
                [(str(o.id), o.name) for o in organisations if o.active or o.id == organisation_id],
                str(organisation_id) if organisation_id else "",
                empty="— kies een organisatie —",
            ),
            lambda: self._chosen("organisation"),
        )
        self.add_field("contact", "Contactpersoon", QComboBox())
        self._fill_contacts(initial.contact_id)
        self.field("organisation").currentIndexChanged.connect(lambda _i: self._fill_contacts(None))
        self.add_field("due_on", "Klaar op *", DateLineEdit(initial.due_on), self._check_due)
        self.field("owner_kind").currentIndexChanged.connect(lambda _i: self._show_owner())
        self.apply_rules(ACTION)
        label = self.form.labelForField(self._boxes["network_name"])
        if isinstance(label, QLabel):
            label.setText("Naam *")  # required when the owner is someone of the network
        self._show_owner()
        self.setMinimumWidth(520)
        self.finish_loading()

    # --- the owner ---------------------------------------------------------------------

    def owner_kind(self) -> ActionOwner:
        return ActionOwner(text_of(self.field("owner_kind")) or ActionOwner.MEDEWERKER)

    def _shown(self, kind: ActionOwner) -> set[str]:
        return {
            ActionOwner.MEDEWERKER: {"medewerker"},
            ActionOwner.GEZINSLID: {"person"},
            ActionOwner.NETWERK: {"network_name", "network_relation"},
            ActionOwner.ORGANISATIE: {"organisation", "contact"},
        }[kind]

    def _show_owner(self) -> None:
        """Only the fields of the chosen kind of owner are shown (and kept)."""
        shown = self._shown(self.owner_kind())
        for key in ("medewerker", "person", "network_name", "network_relation"):
            self.form.setRowVisible(self._boxes[key], key in shown)
            if key not in shown:
                self.show_problem(key, None)
        for key in ("organisation", "contact"):
            self.form.setRowVisible(self._boxes[key], key in shown)
            if key not in shown:
                self.show_problem(key, None)

    def _chosen(self, key: str) -> Problem | None:
        """The owner of the chosen kind is required; the others are not asked."""
        if key not in self._shown(self.owner_kind()):
            return None
        return None if text_of(self.field(key)).strip() else Problem.REQUIRED

    def _fill_contacts(self, current: uuid.UUID | None) -> None:
        combo: QComboBox = self.field("contact")
        combo.clear()
        combo.addItem("— geen —", "")
        organisation = self._organisations.get(
            _uuid(self.field("organisation")) or uuid.UUID(int=0)
        )
        for contact in organisation.contacts if organisation else ():
            label = f"{contact.name} ({contact.role})" if contact.role else contact.name
            combo.addItem(label, str(contact.id))
        combo.setCurrentIndex(max(combo.findData(str(current) if current else ""), 0))

    def _check_due(self) -> Problem | None:
        problem = parse_date(self.field("due_on").text(), required=True).problem
        if problem is not None:
            return problem
        due = self.field("due_on").date_value()
        if self._not_before is not None and due is not None and due < self._not_before:
            return Problem.DATE_IN_PAST
        return None

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """The service's 'owner' problem stands under the field that names the owner."""
        moved = dict(problems)
        if "owner" in moved:
            moved[OWNER_FIELD[self.owner_kind()]] = moved.pop("owner")
        super().show_problems(moved)

    def value(self) -> ActionDraft:
        kind = self.owner_kind()
        return ActionDraft(
            description=text_of(self.field("description")).strip(),
            owner_kind=kind,
            due_on=self.field("due_on").date_value(),
            medewerker_id=_uuid(self.field("medewerker"))
            if kind is ActionOwner.MEDEWERKER
            else None,
            person_id=_uuid(self.field("person")) if kind is ActionOwner.GEZINSLID else None,
            organisation_id=(
                _uuid(self.field("organisation")) if kind is ActionOwner.ORGANISATIE else None
            ),
            contact_id=_uuid(self.field("contact")) if kind is ActionOwner.ORGANISATIE else None,
            network_name=text_of(self.field("network_name")).strip()
            if kind is ActionOwner.NETWERK
            else "",
            network_relation=text_of(self.field("network_relation")).strip()
            if kind is ActionOwner.NETWERK
            else "",
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: ActionDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        members: Sequence[tuple[uuid.UUID, str]],
        medewerkers: Sequence[MedewerkerRecord],
        organisations: Sequence[OrganisationRecord],
        not_before: date | None = None,
        adding: bool = False,
    ) -> ActionDraft | None:
        dialog = cls(
            initial,
            parent,
            members=members,
            medewerkers=medewerkers,
            organisations=organisations,
            not_before=not_before,
        )
        with released(dialog):
            if adding:
                dialog.setWindowTitle("Nieuwe actie")
            return dialog.value() if dialog.run(problems) else None


def status_text(action: ActionRecord, today: date) -> str:
    """'Open', 'Te laat', 'Gedaan 12-11-2026', 'Vervallen 3-10-2026'."""
    if action.status is ActionStatus.OPEN:
        return "Te laat" if action.overdue(today) else "Open"
    return f"{ACTION_STATUS[action.status]} {date_text(action.status_on)}"


def _mark_late(table: QTableWidget, actions: Sequence[ActionRecord], today: date) -> None:
    for row, action in enumerate(actions):
        if action.overdue(today):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    item.setForeground(LATE)


class ActionsSection(RecordSection):
    """The dossier's actions: open ones first (overdue in red), then the closed ones."""

    doneRequested = Signal(uuid.UUID)
    lapsedRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Acties",
            ["Actie", "Wie", "Klaar op", "Status", "Herkomst"],
            "actions",
            add_text="Actie aanma&ken…",  # (Alt+N is Nieuwe aanmelding once a traject closes)
            stretch=0,
            parent=parent,
        )
        self.remove_button.hide()  # an action is closed (gedaan, vervallen), not removed
        # What is to be done takes the width; who does it a fixed part (the whole text in
        # its tooltip).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 150)
        self._row_buttons.remove(self.remove_button)
        self.done_button = QPushButton("Gedaan")
        self.done_button.setObjectName("action_done")
        self.lapsed_button = QPushButton("Vervallen")
        self.lapsed_button.setObjectName("action_lapsed")
        self.add_row_button(self.done_button, self.doneRequested)
        self.add_row_button(self.lapsed_button, self.lapsedRequested)
        self._actions: list[ActionRecord] = []

    def show_actions(self, actions: Sequence[ActionRecord], today: date) -> None:
        self._actions = list(actions)
        self.show_rows(
            [
                (
                    a.id,
                    [
                        a.description,
                        a.owner,
                        date_text(a.due_on),
                        status_text(a, today),
                        ACTION_ORIGIN[a.draft.origin],
                    ],
                )
                for a in actions
            ]
        )
        _mark_late(self.table, actions, today)
        for row in range(self.table.rowCount()):
            for column in (0, 1):
                item = self.table.item(row, column)
                if item is not None:
                    item.setToolTip(item.text())

    def update_buttons(self) -> None:
        super().update_buttons()
        chosen = self.selected_action()
        closed = chosen is not None and chosen.status is not ActionStatus.OPEN
        for button in (getattr(self, "done_button", None), getattr(self, "lapsed_button", None)):
            if button is not None and closed:
                button.setEnabled(False)

    def selected_action(self) -> ActionRecord | None:
        row = self.table.currentRow() if self.table.selectedItems() else -1
        actions = getattr(self, "_actions", [])
        return actions[row] if 0 <= row < len(actions) else None


class MyActionsWidget(QWidget):
    """Mijn acties: my open actions (overdue first) and, te volgen, the open actions of others
    in the households where I am casusregisseur. Without a linked team member: the offer to
    link one."""

    openRequested = Signal(uuid.UUID)  # a household
    doneRequested = Signal(uuid.UUID)  # an action
    linkRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlinked = QLabel(
            "Uw account is niet gekoppeld aan een teamlid. Koppel het aan uzelf om uw acties "
            "en die van uw huishoudens te zien."
        )
        self.unlinked.setWordWrap(True)
        self.link_button = QPushButton("Koppelen aan een teamlid…")
        self.link_button.setObjectName("link_medewerker")
        self.link_button.clicked.connect(self.linkRequested)
        headers = ["Klaar op", "Dossier", "Huishouden", "Actie", "Wie"]
        self.mine = small_table(headers, "my_actions", stretch=3)
        self.followed = small_table(headers, "followed_actions", stretch=3)
        self.open_button = QPushButton("Dossier &openen")
        self.done_button = QPushButton("&Gedaan")
        self.done_button.setObjectName("my_action_done")
        self._households: dict[uuid.UUID, uuid.UUID] = {}
        self.mine_box = QGroupBox("Mijn open acties")
        mine_layout = QVBoxLayout(self.mine_box)
        mine_layout.addWidget(self.mine)
        mine_layout.addLayout(button_row(self.open_button, self.done_button))
        self.followed_box = QGroupBox("Te volgen: acties van anderen in mijn huishoudens")
        followed_layout = QVBoxLayout(self.followed_box)
        followed_layout.addWidget(self.followed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unlinked)
        layout.addLayout(button_row(self.link_button))
        layout.addWidget(self.mine_box)
        layout.addWidget(self.followed_box)
        layout.addStretch(1)
        self.open_button.clicked.connect(lambda: self._open(self.mine))
        self.done_button.clicked.connect(lambda: emit_selected(self.mine, self.doneRequested))
        for table in (self.mine, self.followed):
            table.itemDoubleClicked.connect(lambda _item, t=table: self._open(t))
        self.show_unlinked(False)

    def _open(self, table: QTableWidget) -> None:
        items = table.selectedItems()
        if items:
            household = self._households.get(items[0].data(Qt.ItemDataRole.UserRole + 1))
            if household is not None:
                self.openRequested.emit(household)

    def show_unlinked(self, unlinked: bool) -> None:
        self.unlinked.setVisible(unlinked)
        self.link_button.setVisible(unlinked)
        self.mine_box.setVisible(not unlinked)
        self.followed_box.setVisible(not unlinked)

    def show_actions(
        self, mine: Sequence[ActionRecord], followed: Sequence[ActionRecord], today: date
    ) -> None:
        self.show_unlinked(False)
        self._households = {a.id: a.household_id for a in (*mine, *followed)}
        for table, actions in ((self.mine, mine), (self.followed, followed)):
            fill(
                table,
                [
                    (
                        a.id,
                        [
                            date_text(a.due_on),
                            a.dossier_number,
                            a.household_name,
                            a.description,
                            a.owner,
                        ],
                    )
                    for a in actions
                ],
            )
            _mark_late(table, actions, today)
