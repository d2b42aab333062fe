"""Metingen: every member's latest ZRM side by side (and the household's, and each other
instrument's in a table of its own), and scoring or history per member or household."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.instruments import Instrument
from models.records import HouseholdDossier, MeasurementRecord
from views.dossier.common import button_row
from views.zrm import HouseholdZrmTable

_ZRM_ROW_HEIGHT = 22
WHOLE_HOUSEHOLD = "Hele huishouden"

# One table per instrument: the instrument, and the latest measurement per member (None:
# the whole household).
Group = tuple[Instrument, Mapping[uuid.UUID | None, MeasurementRecord]]


def _overview_table() -> HouseholdZrmTable:
    table = HouseholdZrmTable()
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setDefaultSectionSize(_ZRM_ROW_HEIGHT)
    return table


class ZrmSection(QGroupBox):
    scoreRequested = Signal(uuid.UUID)
    historyRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Metingen (ZRM e.a.), laatste per gezinslid", parent)
        self.table = _overview_table()
        self.table.setObjectName("zrm_latest")
        self.caption = QLabel()
        self.caption.setObjectName("zrm_caption")
        self.others: list[tuple[QLabel, HouseholdZrmTable]] = []  # other instruments
        self.empty = QLabel("Nog geen meting vastgelegd.")
        self.member = QComboBox()
        self.member.setObjectName("zrm_member")
        # Grows with a member added later ('Zoë van 't Hart-Yılmaz'), never narrower than a name.
        self.member.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member.setMinimumContentsLength(16)
        label = QLabel("Gezinsli&d:")
        label.setBuddy(self.member)
        score = QPushButton("&Meting afnemen…")
        score.setObjectName("score_zrm")
        history = QPushButton("Geschiedenis en ver&loop…")
        history.setObjectName("zrm_history")
        layout = QVBoxLayout(self)
        # The buttons above the tall table, so they stand in view on a 1280x800 screen.
        layout.addLayout(button_row(label, self.member, score, history))
        layout.addWidget(self.empty)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        self._layout = layout
        score.clicked.connect(lambda: self._emit_member(self.scoreRequested))
        history.clicked.connect(lambda: self._emit_member(self.historyRequested))
        self._members: list[tuple[uuid.UUID, str]] = []
        self._household_id: uuid.UUID | None = None

    def _emit_member(self, signal: SignalInstance) -> None:
        person_id = self.member.currentData()
        if person_id is not None:
            signal.emit(person_id)

    def index_of(self, subject_id: uuid.UUID | None) -> int:
        """The box's row of a member (or the household); -1 when absent. Compared by value:
        Qt's findData compares a Python object by identity."""
        return next(
            (i for i in range(self.member.count()) if self.member.itemData(i) == subject_id), -1
        )

    def select_member(self, person_id: uuid.UUID) -> None:
        """Follow the member selected elsewhere in the dossier (the members table)."""
        index = self.index_of(person_id)
        if index >= 0:
            self.member.setCurrentIndex(index)

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        """The members, and last the whole household (for an instrument about the household)."""
        self._members = [(m.id, m.full_name) for m in dossier.members]
        self._household_id = dossier.id
        current = self.member.currentData()
        self.member.clear()
        for person_id, name in self._members:
            self.member.addItem(name, person_id)
        self.member.addItem(WHOLE_HOUSEHOLD, dossier.id)
        self.member.setCurrentIndex(max(self.index_of(current), 0))

    def show_latest(self, groups: Sequence[Group]) -> None:
        """The first instrument (the ZRM, when used) in the main table, each other below."""
        columns: list[tuple[uuid.UUID | None, str]] = [*self._members, (None, WHOLE_HOUSEHOLD)]
        for caption, table in self.others:
            caption.deleteLater()
            table.deleteLater()
        self.others = []
        self.empty.setVisible(not groups)
        self.table.setVisible(bool(groups))
        self.caption.setVisible(bool(groups))
        for index, (instrument, latest) in enumerate(groups):
            if index == 0:
                caption, table = self.caption, self.table
            else:
                caption, table = QLabel(), _overview_table()
                table.setObjectName(f"latest_{instrument.code}")
                self._layout.addWidget(caption)
                self._layout.addWidget(table)
                self.others.append((caption, table))
            caption.setText(f"<b>{instrument.name}</b>")
            table.show_latest(instrument, columns, latest)
            table.setFixedHeight(
                table.rowCount() * _ZRM_ROW_HEIGHT
                + table.horizontalHeader().sizeHint().height()
                + 6
            )
