"""The Overleggen tab: the meetings, the selected meeting with its agenda, and the app's
proposals beside it; and the forms to plan a meeting, name its attendees and bring a case in.

No SQL here: the presenter (desktop.presenters.meetings) hands over records and, for the
household picker, a search function.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.meeting_records import (
    AgendaItemDraft,
    AgendaItemRecord,
    AttendeeDraft,
    AttendeeRecord,
    MeetingDraft,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    MeetingSummary,
    Proposal,
)
from models.records import HouseholdRow, MedewerkerRecord, OrganisationRecord
from models.rules import AGENDA_ITEM, ATTENDEE, MEETING
from models.validation import Problem, parse_date
from models.wording import (
    ITEM_OUTCOME,
    MEETING_KIND,
    MEETING_STATUS,
    MONTHS,
    PROBLEM,
    date_text,
)
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of
from views.tables import ID_ROLE, fill_table, read_only_table, selected_id

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
TIME_PATTERN = r"^([01]?\d|2[0-3])[:.]([0-5]\d)$"
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MUTED = QColor("#6b6b6b")
UPCOMING = "komend"
EVERYTHING = "alle"


def meeting_title(kind: MeetingKind, number: int) -> str:
    """'Casuïstiekoverleg 14'."""
    return f"{MEETING_KIND[kind]} {number}"


def day_text(on: date) -> str:
    """'dinsdag 2 december 2026'."""
    return f"{WEEKDAYS[on.weekday()]} {on.day} {MONTHS[on.month - 1]} {on.year}"


# --- the list of meetings ------------------------------------------------------------------

COLUMNS = ("Nr", "Soort", "Datum", "Tijd", "Voorzitter", "Casussen", "Status")


class MeetingTableModel(QAbstractTableModel):
    """The meetings as the presenter orders them (coming ones first, soonest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MeetingSummary] = []

    def set_rows(self, rows: Sequence[MeetingSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.number),
                MEETING_KIND[row.kind],
                date_text(row.held_on),
                row.starts_at,
                row.chair,
                str(row.items) if row.items else "—",
                MEETING_STATUS[row.status]
                + (
                    " · agenda gesloten"
                    if row.agenda_closed and row.status is MeetingStatus.GEPLAND
                    else ""
                ),
            )[column]
        if role == SORT_ROLE:
            return (
                row.number,
                MEETING_KIND[row.kind],
                row.held_on.isoformat() + row.starts_at,
                row.starts_at,
                row.chair,
                row.items,
                list(MeetingStatus).index(row.status),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.status is MeetingStatus.GESLOTEN:
            return MUTED
        if role == Qt.ItemDataRole.FontRole and row.status is MeetingStatus.BEZIG:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MeetingFilter(QSortFilterProxyModel):
    """The coming meetings (planned or running) or all of them, narrowed by the search text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.everything = False
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def show_everything(self, everything: bool) -> None:
        self.beginFilterChange()
        self.everything = everything
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # Qt's name
        model = self.sourceModel()
        assert isinstance(model, MeetingTableModel)
        if not self.everything and model.rows[source_row].status is MeetingStatus.GESLOTEN:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


# --- the tab ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rights:
    """What the user may do with the meeting shown: the chair (or a coördinator) changes,
    starts and closes it and orders and closes its agenda; the minute-taker names the
    attendees too; who brought a case in changes it while the agenda is open."""

    chairs: bool
    medewerker_id: uuid.UUID | None = None  # the account's team member

    def takes_minutes(self, meeting: MeetingRecord) -> bool:
        return (
            self.medewerker_id is not None and self.medewerker_id == meeting.draft.minute_taker_id
        )

    def may_change(self, meeting: MeetingRecord, item: AgendaItemRecord) -> bool:
        own = self.medewerker_id is not None and self.medewerker_id == item.draft.brought_in_by
        return self.chairs or (own and not meeting.agenda_closed)


class MeetingsWidget(QWidget):
    """Meetings above; the selected one's details and agenda below, its proposals beside."""

    selected = Signal(object)  # uuid.UUID | None
    newRequested = Signal()
    editRequested = Signal(uuid.UUID)
    attendeesRequested = Signal(uuid.UUID)
    startRequested = Signal(uuid.UUID)
    minutesRequested = Signal(uuid.UUID)
    bringInRequested = Signal(uuid.UUID)  # the meeting
    itemEditRequested = Signal(uuid.UUID)  # an agenda item
    itemRemoveRequested = Signal(uuid.UUID)
    orderRequested = Signal(uuid.UUID, list)  # the meeting, its items in the new order
    shown = Signal()  # the tab came into view (a presenter may have held a refresh back)
    agendaClosedRequested = Signal(uuid.UUID, bool)
    proposalRequested = Signal(uuid.UUID, object)  # the meeting, a Proposal

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.shown.emit()

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes
        self.meeting: MeetingRecord | None = None
        self.rights = Rights(False)
        self._selecting = False  # select_meeting shows the meeting itself, once
        self.proposals: list[Proposal] = []

        # the list
        self.scope = QComboBox()
        self.scope.setObjectName("meeting_scope")
        self.scope.addItem("Komende overleggen", UPCOMING)
        self.scope.addItem("Alle overleggen", EVERYTHING)
        self.search = QLineEdit()
        self.search.setObjectName("meeting_search")
        self.search.setPlaceholderText("Zoek op nummer, soort of voorzitter…")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton("&Nieuw overleg…")
        self.new_button.setObjectName("new_meeting")
        self.model = MeetingTableModel(self)
        self.proxy = MeetingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._meeting_table()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("meetings_empty")
        self.empty_label.setStyleSheet("color: #6b6b6b;")

        self._build_meeting()
        self._build_agenda()
        self._build_proposals()
        self._lay_out()
        self._connect()
        self.show_meeting(None, Rights(False), [])

    def _build_meeting(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("meeting_title")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setObjectName("meeting_facts")
        self.facts.setWordWrap(True)
        self.attendees = QLabel()
        self.attendees.setObjectName("meeting_attendees")
        self.attendees.setWordWrap(True)
        self.edit_button = QPushButton("Overleg &wijzigen…")
        self.edit_button.setObjectName("edit_meeting")
        self.attendees_button = QPushButton("&Aanwezigen…")
        self.attendees_button.setObjectName("meeting_attendees_button")
        self.start_button = QPushButton("Overle&g starten")
        self.start_button.setObjectName("start_meeting")
        self.minutes_button = QPushButton("Not&ulen…")
        self.minutes_button.setObjectName("meeting_minutes")

    def _build_agenda(self) -> None:
        self.agenda = read_only_table(
            [
                "Nr",
                "Dossier",
                "Huishouden",
                "Casusvraag",
                "Urgentie",
                "Ingebracht door",
                "Uitkomst",
            ],
            "agenda",
            stretch=3,
        )
        self.agenda.setWordWrap(True)
        self.agenda.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.agenda.setColumnWidth(2, 150)
        self.agenda_state = QLabel()
        self.agenda_state.setObjectName("agenda_state")
        self.bring_in_button = QPushButton("Casus &inbrengen…")
        self.bring_in_button.setObjectName("bring_in")
        self.item_edit_button = QPushButton("Casus aan&passen…")
        self.item_edit_button.setObjectName("edit_item")
        self.item_remove_button = QPushButton("Van agenda &halen")
        self.item_remove_button.setObjectName("remove_item")
        self.up_button = QPushButton("&Omhoog")
        self.up_button.setObjectName("item_up")
        self.down_button = QPushButton("Om&laag")
        self.down_button.setObjectName("item_down")
        self.close_agenda_button = QPushButton("Agenda &sluiten")
        self.close_agenda_button.setObjectName("close_agenda")

    def _build_proposals(self) -> None:
        self.proposal_table = read_only_table(["Huishouden", "Waarom"], "proposals", stretch=1)
        self.proposal_table.setWordWrap(True)
        self.proposal_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.proposal_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive
        )
        self.proposal_table.setColumnWidth(0, 150)
        self.no_proposals = QLabel("De app heeft voor dit overleg geen voorstellen.")
        self.no_proposals.setObjectName("no_proposals")
        self.no_proposals.setWordWrap(True)
        self.no_proposals.setStyleSheet("color: #6b6b6b;")
        self.propose_button = QPushButton("Op agenda &zetten…")
        self.propose_button.setObjectName("put_on_agenda")

    def _meeting_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("meetings")
        table.setModel(self.proxy)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the presenter's order
        table.setSortingEnabled(True)
        return table

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label)

        meeting_box = QGroupBox("Overleg")
        meeting_layout = QVBoxLayout(meeting_box)
        meeting_layout.addWidget(self.title)
        meeting_layout.addWidget(self.facts)
        meeting_layout.addWidget(self.attendees)
        meeting_layout.addLayout(
            _row(
                self.edit_button,
                self.attendees_button,
                None,
                self.minutes_button,
                self.start_button,
            )
        )
        self.start_button.setDefault(False)
        self.start_button.setStyleSheet("font-weight: bold;")

        agenda_box = QGroupBox("Agenda")
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda_state)
        agenda_layout.addWidget(self.agenda, 1)
        agenda_layout.addLayout(
            _row(
                self.bring_in_button,
                self.item_edit_button,
                self.item_remove_button,
                None,
                self.up_button,
                self.down_button,
                self.close_agenda_button,
            )
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(meeting_box)
        left_layout.addWidget(agenda_box, 1)

        proposals_box = QGroupBox("Voorstellen voor de agenda")
        proposals_layout = QVBoxLayout(proposals_box)
        proposals_layout.addWidget(self.proposal_table, 1)
        proposals_layout.addWidget(self.no_proposals)
        proposals_layout.addStretch(0)
        proposals_layout.addLayout(_row(None, self.propose_button))

        below = QSplitter(Qt.Orientation.Horizontal)
        below.setChildrenCollapsible(False)
        below.addWidget(left)
        below.addWidget(proposals_box)
        below.setStretchFactor(0, 2)
        below.setStretchFactor(1, 1)
        below.setSizes([640, 400])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([140, 570])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.scope.currentIndexChanged.connect(lambda _i: self._filter())
        self.search.textChanged.connect(lambda _t: self._filter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._row_changed())
        self.new_button.clicked.connect(self.newRequested)
        self.edit_button.clicked.connect(lambda: self._with_meeting(self.editRequested))
        self.attendees_button.clicked.connect(lambda: self._with_meeting(self.attendeesRequested))
        self.start_button.clicked.connect(lambda: self._with_meeting(self.startRequested))
        self.minutes_button.clicked.connect(lambda: self._with_meeting(self.minutesRequested))
        self.bring_in_button.clicked.connect(lambda: self._with_meeting(self.bringInRequested))
        self.item_edit_button.clicked.connect(self._edit_item)
        self.item_remove_button.clicked.connect(self._remove_item)
        self.agenda.itemSelectionChanged.connect(self._update_buttons)
        self.agenda.itemActivated.connect(lambda _item: self._edit_item())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.close_agenda_button.clicked.connect(self._close_agenda)
        self.proposal_table.itemSelectionChanged.connect(self._update_buttons)
        self.proposal_table.itemActivated.connect(lambda _item: self._propose())
        self.propose_button.clicked.connect(self._propose)

    # --- the list ------------------------------------------------------------------------

    def show_meetings(self, meetings: Sequence[MeetingSummary], select: uuid.UUID | None) -> None:
        """The list, the meeting ``select`` selected (it is shown in whatever scope)."""
        self.model.set_rows(meetings)
        wanted = next((m for m in meetings if m.id == select), None)
        if wanted is not None and wanted.status is MeetingStatus.GESLOTEN:
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(self.scope.findData(EVERYTHING))
            self.scope.blockSignals(False)
            self.proxy.show_everything(True)
        self._update_empty()
        self.select_meeting(select)

    def _filter(self) -> None:
        current = self.current_meeting_id()
        self.proxy.show_everything(self.scope.currentData() == EVERYTHING)
        self.proxy.setFilterFixedString(self.search.text().strip())
        self._update_empty()
        if not self.select_meeting(current) and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        elif self.proxy.rowCount() == 0:
            self.selected.emit(None)

    def _update_empty(self) -> None:
        if self.proxy.rowCount() > 0:
            self.empty_label.hide()
            return
        if not self.model.rows:
            text = "Er zijn nog geen overleggen. Plan er een met ‘Nieuw overleg…’."
        elif self.search.text().strip():
            text = "Geen overleg gevonden met deze zoektekst."
        else:
            text = "Er is geen overleg gepland. Kies ‘Alle overleggen’ om eerdere te zien."
        self.empty_label.setText(text)
        self.empty_label.show()

    def select_meeting(self, meeting_id: uuid.UUID | None) -> bool:
        """Select (and show) the meeting: shown once, whether or not the current row moved."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == meeting_id:
                self._selecting = True
                try:
                    self.table.selectRow(row)
                finally:
                    self._selecting = False
                self._emit_selected()
                return True
        return False

    def _row_changed(self) -> None:
        if not self._selecting:
            self._emit_selected()

    def current_meeting_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, uuid.UUID) else None

    def _emit_selected(self) -> None:
        self.selected.emit(self.current_meeting_id())

    def _with_meeting(self, signal: object) -> None:
        if self.meeting is not None:
            signal.emit(self.meeting.id)  # type: ignore[attr-defined]

    # --- the meeting ---------------------------------------------------------------------

    def show_meeting(
        self, meeting: MeetingRecord | None, rights: Rights, proposals: Sequence[Proposal]
    ) -> None:
        self.meeting = meeting
        self.rights = rights
        self.proposals = list(proposals) if meeting is not None else []
        if meeting is None:
            self.title.setText("Geen overleg gekozen")
            self.facts.setText("Kies een overleg in de lijst, of plan een nieuw overleg.")
            self.attendees.clear()
            self.agenda_state.clear()
            fill_table(self.agenda, [])
            fill_table(self.proposal_table, [])
            self.no_proposals.hide()
            self._update_buttons()
            return
        self.title.setText(meeting_title(meeting.kind, meeting.number))
        facts = [day_text(meeting.held_on)] if meeting.held_on else []
        if meeting.draft.starts_at:
            facts.append(f"om {meeting.draft.starts_at}")
        if meeting.draft.location:
            facts.append(meeting.draft.location)
        roles = [
            f"Voorzitter: {meeting.chair or 'nog niet gekozen'}",
            f"notulist: {meeting.minute_taker or 'nog niet gekozen'}",
        ]
        self.facts.setText(
            " · ".join([", ".join(facts[:2]), *facts[2:]])
            + f" — {MEETING_STATUS[meeting.status].lower()}\n"
            + " · ".join(roles)
        )
        self.attendees.setText(attendees_text(meeting.attendees))
        self.start_button.setText(
            "Verder met overle&g" if meeting.status is MeetingStatus.BEZIG else "Overle&g starten"
        )
        self.close_agenda_button.setText(
            "Agenda he&ropenen" if meeting.agenda_closed else "Agenda &sluiten"
        )
        self.agenda_state.setText(self._agenda_state(meeting))
        fill_table(
            self.agenda,
            [
                (
                    item.id,
                    [
                        str(position),
                        item.dossier_number,
                        item.household_name,
                        item.question,
                        self.codes.label("urgentie", item.draft.urgency),
                        item.brought_in_by,
                        ITEM_OUTCOME[item.outcome],
                    ],
                )
                for position, item in enumerate(meeting.items, start=1)
            ],
        )
        for row in range(self.agenda.rowCount()):
            for column in (2, 3):
                cell = self.agenda.item(row, column)
                if cell is not None:
                    cell.setToolTip(cell.text())
        fill_table(
            self.proposal_table,
            [
                (index, [f"{p.household_name} ({p.dossier_number})", p.reason])
                for index, p in enumerate(self.proposals)
            ],
        )
        shown = meeting.status is not MeetingStatus.GESLOTEN
        self.proposal_table.setVisible(bool(self.proposals) or not shown)
        self.no_proposals.setVisible(not self.proposals and shown)
        self._update_buttons()

    def _agenda_state(self, meeting: MeetingRecord) -> str:
        count = len(meeting.items)
        cases = (
            "Nog geen casussen" if not count else f"{count} casus" + ("sen" if count > 1 else "")
        )
        if meeting.status is MeetingStatus.GESLOTEN:
            return f"{cases}. Het overleg is gesloten; de notulen zijn definitief."
        if meeting.status is MeetingStatus.BEZIG:
            return f"{cases}. Het overleg is bezig."
        if meeting.agenda_closed:
            return f"{cases}. De voorzitter heeft de agenda gesloten."
        return f"{cases}. De agenda is open: iedereen kan een casus inbrengen."

    def selected_item(self) -> AgendaItemRecord | None:
        item_id = selected_id(self.agenda)
        if self.meeting is None or not isinstance(item_id, uuid.UUID):
            return None
        return next((i for i in self.meeting.items if i.id == item_id), None)

    def _update_buttons(self) -> None:
        meeting = self.meeting
        for button in (
            self.edit_button,
            self.attendees_button,
            self.start_button,
            self.minutes_button,
            self.bring_in_button,
            self.close_agenda_button,
        ):
            button.setEnabled(meeting is not None)
        item = self.selected_item()
        if meeting is None:
            for button in (
                self.item_edit_button,
                self.item_remove_button,
                self.up_button,
                self.down_button,
                self.propose_button,
            ):
                button.setEnabled(False)
            return
        open_meeting = meeting.status is not MeetingStatus.GESLOTEN
        planned = meeting.status is MeetingStatus.GEPLAND
        rights = self.rights
        self.edit_button.setEnabled(open_meeting and rights.chairs)
        self.attendees_button.setEnabled(
            open_meeting and (rights.chairs or rights.takes_minutes(meeting))
        )
        self.start_button.setVisible(open_meeting)
        self.start_button.setEnabled(rights.chairs or not planned)
        self.start_button.setToolTip(
            "" if rights.chairs or not planned else "De voorzitter start het overleg."
        )
        self.minutes_button.setEnabled(not planned)
        may_add = open_meeting and (not meeting.agenda_closed or self.rights.chairs)
        self.bring_in_button.setEnabled(may_add)
        self.bring_in_button.setToolTip(
            "" if may_add or not open_meeting else "De voorzitter heeft de agenda gesloten."
        )
        mine = item is not None and rights.may_change(meeting, item)
        self.item_edit_button.setEnabled(mine and open_meeting)
        self.item_remove_button.setEnabled(mine and planned)
        chair_tip = "" if self.rights.chairs else "Alleen de voorzitter ordent en sluit de agenda."
        position = meeting.items.index(item) if item is not None else -1
        self.up_button.setEnabled(self.rights.chairs and open_meeting and position > 0)
        self.down_button.setEnabled(
            self.rights.chairs and open_meeting and 0 <= position < len(meeting.items) - 1
        )
        self.close_agenda_button.setEnabled(self.rights.chairs and planned)
        for button in (self.up_button, self.down_button, self.close_agenda_button):
            button.setToolTip(chair_tip)
        self.propose_button.setEnabled(
            may_add and self.proposal_table.currentRow() >= 0 and bool(self.proposals)
        )

    def move_selected(self, step: int) -> None:
        """The selected case one place up (-1) or down (1): the new order is asked for."""
        item = self.selected_item()
        if self.meeting is None or item is None:
            return
        order = [i.id for i in self.meeting.items]
        at = order.index(item.id)
        to = at + step
        if not 0 <= to < len(order):
            return
        order[at], order[to] = order[to], order[at]
        self.orderRequested.emit(self.meeting.id, order)

    def select_item(self, item_id: uuid.UUID) -> None:
        for row in range(self.agenda.rowCount()):
            cell = self.agenda.item(row, 0)
            if cell is not None and cell.data(ID_ROLE) == item_id:
                self.agenda.selectRow(row)
                return

    def _edit_item(self) -> None:
        item = self.selected_item()
        if item is not None and self.item_edit_button.isEnabled():
            self.itemEditRequested.emit(item.id)

    def _remove_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.itemRemoveRequested.emit(item.id)

    def _close_agenda(self) -> None:
        if self.meeting is not None:
            self.agendaClosedRequested.emit(self.meeting.id, not self.meeting.agenda_closed)

    def _propose(self) -> None:
        row = self.proposal_table.currentRow()
        if self.meeting is not None and 0 <= row < len(self.proposals):
            if self.propose_button.isEnabled():
                self.proposalRequested.emit(self.meeting.id, self.proposals[row])


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """Buttons in a row; ``None`` is the stretch between the left and right groups."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


def attendees_text(attendees: Sequence[AttendeeRecord]) -> str:
    if not attendees:
        return "Aanwezigen: nog niet ingevuld (nodig om het overleg te starten)."
    team = [a.name for a in attendees if not a.external]
    external = [
        a.name + (f" ({a.organisation})" if a.organisation else "") for a in attendees if a.external
    ]
    parts = [", ".join(team)] if team else []
    if external:
        parts.append("extern: " + ", ".join(external))
    return "Aanwezigen: " + "; ".join(parts)


# --- the forms ---------------------------------------------------------------------------------


def _uuid(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def _team_combo(
    medewerkers: Sequence[MedewerkerRecord], current: uuid.UUID | None, empty: str
) -> QComboBox:
    return code_combo(
        [(str(m.id), m.name) for m in medewerkers if m.active or m.id == current],
        str(current) if current else "",
        empty=empty,
    )


class MeetingDialog(FormDialog):
    """A meeting planned: kind, date and time, where, chair and minute-taker."""

    def __init__(
        self,
        initial: MeetingDraft | None = None,
        parent: QWidget | None = None,
        *,
        medewerkers: Sequence[MedewerkerRecord] = (),
        adding: bool = True,
    ) -> None:
        super().__init__("Nieuw overleg" if adding else "Overleg wijzigen", parent)
        initial = initial or MeetingDraft(MeetingKind.CASUISTIEK, None)
        self.add_field(
            "kind",
            "Soort *",
            code_combo([(k.value, t) for k, t in MEETING_KIND.items()], initial.kind, empty=""),
        )
        self.add_field(
            "held_on",
            "Datum *",
            DateLineEdit(initial.held_on),
            lambda: parse_date(self.field("held_on").text(), required=True).problem,
        )
        starts = self.add_field("starts_at", "Tijd", QLineEdit(initial.starts_at), self._check_time)
        starts.setPlaceholderText("uu:mm")
        starts.setMaximumWidth(80)
        where = self.add_field("location", "Locatie", QLineEdit(initial.location))
        where.setPlaceholderText("bijvoorbeeld: teamkamer, of online")
        self.add_field(
            "chair_id",
            "Voorzitter",
            _team_combo(medewerkers, initial.chair_id, "— nog niet gekozen —"),
        )
        self.add_field(
            "minute_taker_id",
            "Notulist",
            _team_combo(medewerkers, initial.minute_taker_id, "— nog niet gekozen —"),
        )
        self.apply_rules(MEETING)
        self.setMinimumWidth(440)
        self.finish_loading()

    def _check_time(self) -> Problem | None:
        text = self.field("starts_at").text().strip()
        return None if not text or re.match(TIME_PATTERN, text) else Problem.TIME_FORMAT

    def value(self) -> MeetingDraft:
        return MeetingDraft(
            kind=MeetingKind(text_of(self.field("kind")) or MeetingKind.CASUISTIEK),
            held_on=self.field("held_on").date_value(),
            starts_at=self.field("starts_at").text().strip(),
            location=self.field("location").text().strip(),
            chair_id=_uuid(self.field("chair_id")),
            minute_taker_id=_uuid(self.field("minute_taker_id")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: MeetingDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        medewerkers: Sequence[MedewerkerRecord],
        adding: bool = True,
    ) -> MeetingDraft | None:
        dialog = cls(initial, parent, medewerkers=medewerkers, adding=adding)
        with released(dialog):
            return dialog.value() if dialog.run(problems) else None


EXTERNAL_COLUMNS = ("Naam", "Organisatie", "Discipline")


class AttendeesDialog(FormDialog):
    """Who attends: team members ticked in a list, external participants in rows of their
    own (a name, the organisation record, a discipline)."""

    def __init__(
        self,
        initial: Sequence[AttendeeDraft] = (),
        parent: QWidget | None = None,
        *,
        medewerkers: Sequence[MedewerkerRecord] = (),
        organisations: Sequence[OrganisationRecord] = (),
    ) -> None:
        super().__init__("Aanwezigen", parent)
        self._organisations = [
            o for o in organisations if o.active or any(a.organisation_id == o.id for a in initial)
        ]
        chosen = {a.medewerker_id for a in initial if a.medewerker_id}
        self.team = QListWidget()
        self.team.setObjectName("team_attendees")
        for m in medewerkers:
            if not (m.active or m.id in chosen):
                continue
            entry = QListWidgetItem(f"{m.name} ({m.discipline})" if m.discipline else m.name)
            entry.setData(ID_ROLE, m.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if m.id in chosen else Qt.CheckState.Unchecked
            )
            self.team.addItem(entry)
        self.team.setMinimumHeight(150)
        self.team.itemChanged.connect(lambda _i: self._touched())
        self.external = QTableWidget(0, len(EXTERNAL_COLUMNS))
        self.external.setObjectName("external_attendees")
        self.external.setHorizontalHeaderLabels(list(EXTERNAL_COLUMNS))
        self.external.verticalHeader().hide()
        self.external.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.external.setMinimumHeight(130)
        self.add_external_button = QPushButton("Externe deelnemer &toevoegen")
        self.add_external_button.setObjectName("add_external")
        self.remove_external_button = QPushButton("Deelnemer &verwijderen")
        self.remove_external_button.setObjectName("remove_external")
        self.add_external_button.clicked.connect(lambda: self.add_external(AttendeeDraft()))
        self.remove_external_button.clicked.connect(self._remove_external)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("error_attendees")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.hide()
        self.form.addRow(QLabel("<b>Van het team</b>"))
        self.form.addRow(self.team)
        self.form.addRow(
            QLabel("<b>Extern</b> (partners; de ouders en de jongere legt u per casus vast)")
        )
        self.form.addRow(self.external)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_external_button)
        buttons.addWidget(self.remove_external_button)
        buttons.addStretch(1)
        self.form.addRow(buttons)
        self.form.addRow(self.problem_label)
        self._team_count = sum(1 for a in initial if a.medewerker_id)
        for attendee in initial:
            if attendee.medewerker_id is None:
                self.add_external(attendee)
        self.setMinimumWidth(560)
        self.finish_loading()

    def _touched(self) -> None:
        if not self._loading:
            self._dirty = True
            self.edited.emit()

    def add_external(self, draft: AttendeeDraft) -> None:
        row = self.external.rowCount()
        self.external.insertRow(row)
        name = QLineEdit(draft.name)
        name.setObjectName(f"external_name_{row}")
        name.setPlaceholderText("Voor- en achternaam")
        organisation = code_combo(
            [(str(o.id), o.name) for o in self._organisations],
            str(draft.organisation_id) if draft.organisation_id else "",
            empty="— geen —",
        )
        organisation.setObjectName(f"external_organisation_{row}")
        discipline = QLineEdit(draft.discipline)
        discipline.setObjectName(f"external_discipline_{row}")
        discipline.setPlaceholderText("bijvoorbeeld: huisarts")
        for column, widget in enumerate((name, organisation, discipline)):
            self.external.setCellWidget(row, column, widget)
        name.textChanged.connect(lambda _t: self._touched())
        discipline.textChanged.connect(lambda _t: self._touched())
        organisation.currentIndexChanged.connect(lambda _i: self._touched())
        self._touched()
        if not self._loading:
            name.setFocus()

    def _remove_external(self) -> None:
        row = self.external.currentRow()
        if row < 0:
            row = self.external.rowCount() - 1
        if row >= 0:
            self.external.removeRow(row)
            self._touched()

    def externals(self) -> list[AttendeeDraft]:
        found = []
        for row in range(self.external.rowCount()):
            name, organisation, discipline = (
                self.external.cellWidget(row, column) for column in range(3)
            )
            assert isinstance(name, QLineEdit) and isinstance(discipline, QLineEdit)
            assert isinstance(organisation, QComboBox)
            found.append(
                AttendeeDraft(
                    name=name.text().strip(),
                    organisation_id=_uuid(organisation),
                    discipline=discipline.text().strip(),
                )
            )
        return found

    def value(self) -> list[AttendeeDraft]:
        team = [
            AttendeeDraft(medewerker_id=self.team.item(row).data(ID_ROLE))
            for row in range(self.team.count())
            if self.team.item(row).checkState() == Qt.CheckState.Checked
        ]
        return team + self.externals()

    def snapshot(self) -> dict[str, str]:
        return {}  # rows, not fields: the werkkopie does not keep them

    def fill_value(self, attendees: Sequence[AttendeeDraft]) -> None:
        """Put back what was chosen and typed before (a list the store refused)."""
        self._loading = True
        chosen = {a.medewerker_id for a in attendees if a.medewerker_id}
        for row in range(self.team.count()):
            entry = self.team.item(row)
            entry.setCheckState(
                Qt.CheckState.Checked if entry.data(ID_ROLE) in chosen else Qt.CheckState.Unchecked
            )
        self.external.setRowCount(0)
        for attendee in attendees:
            if attendee.medewerker_id is None:
                self.add_external(attendee)
        self._loading = False
        self._dirty = True

    def _check_rows(self) -> dict[int, Problem]:
        problems: dict[int, Problem] = {}
        for row, draft in enumerate(self.externals()):
            for key, rule in ATTENDEE.items():
                if problem := rule.check(getattr(draft, key)):
                    problems[row] = problem
                    break
        return problems

    def show_row_problems(self, problems: dict[int, Problem]) -> None:
        lines = [f"Externe deelnemer {row + 1}: {PROBLEM[p]}" for row, p in problems.items()]
        self.problem_label.setText("\n".join(lines))
        self.problem_label.setVisible(bool(lines))

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """The service names attendees by their place in the list: team members first."""
        team = sum(
            1
            for row in range(self.team.count())
            if self.team.item(row).checkState() == Qt.CheckState.Checked
        )
        rows: dict[int, Problem] = {}
        for key, problem in problems.items():
            if key.startswith("attendee_"):
                index = int(key.removeprefix("attendee_"))
                if index >= team:
                    rows[index - team] = problem
        self.show_row_problems(rows)

    def accept(self) -> None:
        problems = self._check_rows()
        self.show_row_problems(problems)
        if problems:
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: Sequence[AttendeeDraft] | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        original: Sequence[AttendeeDraft] = (),
        medewerkers: Sequence[MedewerkerRecord],
        organisations: Sequence[OrganisationRecord],
    ) -> list[AttendeeDraft] | None:
        dialog = cls(original, parent, medewerkers=medewerkers, organisations=organisations)
        with released(dialog):
            if initial is not None:
                dialog.fill_value(initial)
            return dialog.value() if dialog.run(problems) else None


SEARCH_DELAY_MS = 200
Search = Callable[[str], Sequence[HouseholdRow]]
Chosen = tuple[uuid.UUID, str]  # a household already chosen: its id and its label


def household_label(row: HouseholdRow) -> str:
    address = f", {row.address}" if row.address else ""
    return f"{row.name} ({row.dossier_number}){address}"


class AgendaItemDialog(FormDialog):
    """A case brought in: which household (searched as you type), the question to the team,
    the urgency."""

    def __init__(
        self,
        initial: AgendaItemDraft | None = None,
        parent: QWidget | None = None,
        *,
        search: Search,
        codes: CodeLists,
        current: Chosen | None = None,
        adding: bool = True,
        meeting: str = "",
        reason: str = "",
    ) -> None:
        super().__init__("Casus inbrengen" if adding else "Casus aanpassen", parent)
        initial = initial or AgendaItemDraft(None, "")
        self._search = search
        self._proposed = initial.proposed
        self._brought_in_by = initial.brought_in_by
        if meeting:
            heading = QLabel(f"Voor: <b>{meeting}</b>")
            self.form.addRow(heading)
        if reason:
            why = QLabel(f"Voorgesteld door Teamtafel: {reason}")
            why.setObjectName("proposal_reason")
            why.setWordWrap(True)
            why.setStyleSheet("color: #375a7f;")
            self.form.addRow(why)
        finder = self.add_field("search", "Zoek huishouden", QLineEdit())
        finder.setPlaceholderText("Naam, postcode of dossiernummer…")
        finder.setClearButtonEnabled(True)
        self._found = QLabel()
        self._found.setObjectName("search_found")
        self._found.setStyleSheet("color: #6b6b6b;")
        chosen = self.add_field("household", "Huishouden *", QComboBox(), self._check_household)
        chosen.setMinimumWidth(380)
        self.form.insertRow(self.form.rowCount(), "", self._found)
        self._labels: dict[str, str] = {}  # every household on offer so far, by id
        if current is not None:
            self._labels[str(current[0])] = current[1]
        self._fill_households(list(self._labels), str(initial.household_id or ""))
        question = QPlainTextEdit(initial.question)
        question.setTabChangesFocus(True)
        question.setPlaceholderText("Wat vraagt u het team? Bijvoorbeeld: wie kan meedenken over…")
        question.setFixedHeight(96)
        self.add_field("question", "Casusvraag", question)
        self.add_field(
            "urgency", "Urgentie *", code_combo(codes.items("urgentie"), initial.urgency, empty="")
        )
        self.apply_rules(AGENDA_ITEM)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        finder.textChanged.connect(self._timer.start)
        finder.returnPressed.connect(self._search_now)
        self.setMinimumWidth(560)
        self.finish_loading()

    def _check_household(self) -> Problem | None:
        return None if text_of(self.field("household")) else Problem.REQUIRED

    def _fill_households(self, ids: Sequence[str], current: str) -> None:
        combo: QComboBox = self.field("household")
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("— zoek en kies een huishouden —", "")
        for household_id in ids:
            combo.addItem(self._labels[household_id], household_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _search_now(self) -> None:
        self._timer.stop()
        self.run_search()
        combo: QComboBox = self.field("household")
        if combo.count() > 1:
            combo.setFocus()

    def run_search(self) -> None:
        """Fill the household choice with what the search text finds; one found is chosen,
        the chosen one stays on offer."""
        query = self.field("search").text().strip()
        combo: QComboBox = self.field("household")
        current = text_of(combo)
        if not query:
            self._found.setText("")
            return
        rows = list(self._search(query))
        for row in rows:
            self._labels[str(row.id)] = household_label(row)
        found = [str(row.id) for row in rows]
        kept = [current] if current and current in self._labels and current not in found else []
        self._fill_households(found + kept, current)
        if len(found) == 1:  # searched for one: that one is chosen
            combo.setCurrentIndex(1)
        if not found:
            self._found.setText("Geen huishouden gevonden.")
        else:
            more = "; kies er een" if len(found) > 1 else ""
            self._found.setText(f"{len(found)} gevonden{more}.")
        if text_of(combo):
            self.check_field("household")

    def fill(self, values: dict[str, str]) -> None:
        super().fill(values)
        if values.get("search"):
            self.run_search()

    def value(self) -> AgendaItemDraft:
        return AgendaItemDraft(
            household_id=_uuid(self.field("household")),
            question=text_of(self.field("question")).strip(),
            urgency=text_of(self.field("urgency")) or "normaal",
            brought_in_by=self._brought_in_by,
            proposed=self._proposed,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: AgendaItemDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        search: Search,
        codes: CodeLists,
        current: Chosen | None = None,
        adding: bool = True,
        meeting: str = "",
        reason: str = "",
    ) -> AgendaItemDraft | None:
        dialog = cls(
            initial,
            parent,
            search=search,
            codes=codes,
            current=current,
            adding=adding,
            meeting=meeting,
            reason=reason,
        )
        with released(dialog):
            return dialog.value() if dialog.run(problems) else None
