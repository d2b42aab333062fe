"""Zelfredzaamheid: every member's latest ZRM side by side, and scoring or history per member."""

from __future__ import annotations

import uuid
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


class ZrmSection(QGroupBox):
    scoreRequested = Signal(uuid.UUID)
    historyRequested = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Zelfredzaamheid (ZRM), laatste meting per gezinslid", parent)
        self.table = HouseholdZrmTable()
        self.table.setObjectName("zrm_latest")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(_ZRM_ROW_HEIGHT)
        self.empty = QLabel("Nog geen ZRM vastgelegd.")
        self.member = QComboBox()
        self.member.setObjectName("zrm_member")
        # Grows with a member added later ('Zoë van 't Hart-Yılmaz'), never narrower than a name.
        self.member.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member.setMinimumContentsLength(16)
        label = QLabel("Gezinsli&d:")
        label.setBuddy(self.member)
        score = QPushButton("&ZRM afnemen…")
        score.setObjectName("score_zrm")
        history = QPushButton("Geschiedenis en ver&loop…")
        history.setObjectName("zrm_history")
        layout = QVBoxLayout(self)
        # The buttons above the tall table, so they stand in view on a 1280x800 screen.
        layout.addLayout(button_row(label, self.member, score, history))
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        score.clicked.connect(lambda: self._emit_member(self.scoreRequested))
        history.clicked.connect(lambda: self._emit_member(self.historyRequested))
        self._members: list[tuple[uuid.UUID, str]] = []

    def _emit_member(self, signal: SignalInstance) -> None:
        person_id = self.member.currentData()
        if person_id is not None:
            signal.emit(person_id)

    def select_member(self, person_id: uuid.UUID) -> None:
        """Follow the member selected elsewhere in the dossier (the members table)."""
        index = self.member.findData(person_id)
        if index >= 0:
            self.member.setCurrentIndex(index)

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        self._members = [(m.id, m.full_name) for m in dossier.members]
        current = self.member.currentData()
        self.member.clear()
        for person_id, name in self._members:
            self.member.addItem(name, person_id)
        self.member.setCurrentIndex(max(self.member.findData(current), 0))

    def show_latest(
        self, instrument: Instrument, latest: dict[uuid.UUID, MeasurementRecord]
    ) -> None:
        self.table.show_latest(instrument, self._members, latest)
        self.table.setVisible(bool(latest))
        self.empty.setVisible(not latest)
        self.table.setFixedHeight(
            self.table.rowCount() * _ZRM_ROW_HEIGHT
            + self.table.horizontalHeader().sizeHint().height()
            + 6
        )
