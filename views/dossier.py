"""One household whole on one screen: members, traject, regie and contacts."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.enums import EventKind, Phase
from models.instruments import Instrument
from models.records import HouseholdDossier, MeasurementRecord, TrajectRecord
from views.labels import CONTACT_KIND, EVENT_KIND, PHASE, ROLE, date_text, warning_text
from views.tables import Rows, fill_table, read_only_table, selected_id
from views.zrm import HouseholdZrmTable

_ROW_HEIGHT = 26

_PHASE_COLOURS = {
    Phase.AANGEMELD: "#5c6bc0",
    Phase.VRAAGVERHELDERING: "#00897b",
    Phase.PLAN: "#7cb342",
    Phase.UITVOERING: "#f9a825",
    Phase.AFGESLOTEN: "#757575",
}


def _small_table(headers: list[str], name: str, stretch: int = -1) -> QTableWidget:
    """A short table of fixed-height rows, sized to show up to eight of them."""
    table = read_only_table(headers, name, stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
    return table


def _fill(table: QTableWidget, rows: Rows) -> None:
    fill_table(table, rows)
    visible_rows = min(8, max(2, len(rows)))
    table.setFixedHeight(
        visible_rows * _ROW_HEIGHT
        + table.horizontalHeader().sizeHint().height()
        + 2 * table.frameWidth()
    )


def _buttons(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class DossierWidget(QWidget):
    editHouseholdRequested = Signal()
    addMemberRequested = Signal()
    editMemberRequested = Signal(uuid.UUID)
    removeMemberRequested = Signal(uuid.UUID)
    addContactRequested = Signal()
    editContactRequested = Signal(uuid.UUID)
    removeContactRequested = Signal(uuid.UUID)
    editTrajectRequested = Signal()
    phaseRequested = Signal()
    regisseurRequested = Signal()
    scaleRequested = Signal(EventKind)
    closeRequested = Signal()
    newTrajectRequested = Signal()
    addConsentRequested = Signal()
    editConsentRequested = Signal(uuid.UUID)
    removeConsentRequested = Signal(uuid.UUID)
    logRequested = Signal()
    exportRequested = Signal(uuid.UUID)
    destroyRequested = Signal()
    zrmRequested = Signal(uuid.UUID)
    zrmHistoryRequested = Signal(uuid.UUID)

    def __init__(
        self, codes: CodeLists, *, can_destroy: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.codes = codes
        self.dossier: HouseholdDossier | None = None

        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.badge = QLabel()
        self.badge.setObjectName("phase_badge")
        self.edit_household = QPushButton(self.tr("Gegevens wijzigen…"))
        self.log_button = QPushButton(self.tr("Wie heeft dit dossier ingezien?"))
        self.log_button.setObjectName("show_log")
        self.destroy_button = QPushButton(self.tr("Dossier vernietigen…"))
        self.destroy_button.setObjectName("destroy_dossier")
        self.destroy_button.setVisible(can_destroy)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0a040; border-radius: 4px; padding: 6px;"
        )

        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.badge, 0, 1, Qt.AlignmentFlag.AlignLeft)
        actions = QHBoxLayout()
        for button in (self.log_button, self.destroy_button, self.edit_household):
            actions.addWidget(button)
        header.addLayout(actions, 0, 2, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.subtitle, 1, 0, 1, 3)
        header.setColumnStretch(1, 1)

        left = QVBoxLayout()
        left.addWidget(self._members_box())
        left.addWidget(self._zrm_box())
        left.addWidget(self._contacts_box())
        left.addWidget(self._consents_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._traject_box())
        right.addWidget(self._history_box())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(header)
        body.addWidget(self.warnings)
        body.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.edit_household.clicked.connect(self.editHouseholdRequested)
        self.log_button.clicked.connect(self.logRequested)
        self.destroy_button.clicked.connect(self.destroyRequested)

    # --- sections ---------------------------------------------------------------------

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gezinsleden"))
        self.members = _small_table(
            [
                self.tr("Naam"),
                self.tr("Geboortedatum"),
                self.tr("Leeftijd"),
                self.tr("Rol"),
                self.tr("BSN"),
            ],
            "members",
            stretch=0,
        )
        add = QPushButton(self.tr("Toevoegen…"))
        self.edit_member = QPushButton(self.tr("Wijzigen…"))
        self.remove_member = QPushButton(self.tr("Verwijderen"))
        self.export_member = QPushButton(self.tr("Inzage-export…"))
        self.export_member.setToolTip(
            self.tr("Alle gegevens over deze persoon, als PDF en als bestand (AVG)")
        )
        add.setObjectName("add_member")
        layout = QVBoxLayout(box)
        layout.addWidget(self.members)
        layout.addLayout(_buttons(add, self.edit_member, self.remove_member, self.export_member))
        add.clicked.connect(self.addMemberRequested)
        self.export_member.clicked.connect(
            lambda: self._emit_selected(self.members, self.exportRequested)
        )
        self.edit_member.clicked.connect(
            lambda: self._emit_selected(self.members, self.editMemberRequested)
        )
        self.remove_member.clicked.connect(
            lambda: self._emit_selected(self.members, self.removeMemberRequested)
        )
        self.members.itemDoubleClicked.connect(
            lambda _item: self._emit_selected(self.members, self.editMemberRequested)
        )
        self.members.itemSelectionChanged.connect(self._update_buttons)
        return box

    def _contacts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contactmomenten"))
        self.contacts = _small_table(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Medewerker"), self.tr("Notitie")],
            "contacts",
        )
        add = QPushButton(self.tr("Vastleggen…"))
        add.setObjectName("add_contact")
        self.edit_contact = QPushButton(self.tr("Wijzigen…"))
        self.remove_contact = QPushButton(self.tr("Verwijderen"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.contacts)
        layout.addLayout(_buttons(add, self.edit_contact, self.remove_contact))
        add.clicked.connect(self.addContactRequested)
        self.edit_contact.clicked.connect(
            lambda: self._emit_selected(self.contacts, self.editContactRequested)
        )
        self.remove_contact.clicked.connect(
            lambda: self._emit_selected(self.contacts, self.removeContactRequested)
        )
        self.contacts.itemDoubleClicked.connect(
            lambda _item: self._emit_selected(self.contacts, self.editContactRequested)
        )
        self.contacts.itemSelectionChanged.connect(self._update_buttons)
        return box

    def _zrm_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Zelfredzaamheid (ZRM), laatste meting per gezinslid"))
        self.zrm_table = HouseholdZrmTable()
        self.zrm_table.setObjectName("zrm_latest")
        self.zrm_table.verticalHeader().hide()
        self.zrm_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.zrm_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.zrm_table.verticalHeader().setDefaultSectionSize(22)
        self.zrm_empty = QLabel(self.tr("Nog geen ZRM vastgelegd."))
        self.zrm_member = QComboBox()
        self.zrm_member.setObjectName("zrm_member")
        score = QPushButton(self.tr("ZRM afnemen…"))
        score.setObjectName("score_zrm")
        history = QPushButton(self.tr("Geschiedenis en verloop…"))
        history.setObjectName("zrm_history")
        layout = QVBoxLayout(box)
        layout.addWidget(self.zrm_empty)
        layout.addWidget(self.zrm_table)
        layout.addLayout(_buttons(QLabel(self.tr("Gezinslid:")), self.zrm_member, score, history))
        score.clicked.connect(lambda: self._emit_member(self.zrmRequested))
        history.clicked.connect(lambda: self._emit_member(self.zrmHistoryRequested))
        return box

    def _emit_member(self, signal: SignalInstance) -> None:
        person_id = self.zrm_member.currentData()
        if person_id is not None:
            signal.emit(person_id)

    def show_zrm(self, instrument: Instrument, latest: dict[uuid.UUID, MeasurementRecord]) -> None:
        members = [(m.id, m.full_name) for m in self.dossier.members] if self.dossier else []
        current = self.zrm_member.currentData()
        self.zrm_member.clear()
        for person_id, name in members:
            self.zrm_member.addItem(name, person_id)
        index = self.zrm_member.findData(current)
        self.zrm_member.setCurrentIndex(max(index, 0))
        self.zrm_table.show_latest(instrument, members, latest)
        self.zrm_table.setVisible(bool(latest))
        self.zrm_empty.setVisible(not latest)
        rows = self.zrm_table.rowCount()
        self.zrm_table.setFixedHeight(
            rows * 22 + self.zrm_table.horizontalHeader().sizeHint().height() + 6
        )

    def _consents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Toestemming om gegevens te delen"))
        self.consents = _small_table(
            [
                self.tr("Organisatie"),
                self.tr("Antwoord"),
                self.tr("Voor wie"),
                self.tr("Datum"),
                self.tr("Geldig tot"),
                self.tr("Waarvoor"),
            ],
            "consents",
        )
        add = QPushButton(self.tr("Vastleggen…"))
        add.setObjectName("add_consent")
        self.edit_consent = QPushButton(self.tr("Wijzigen…"))
        self.remove_consent = QPushButton(self.tr("Verwijderen"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.consents)
        layout.addLayout(_buttons(add, self.edit_consent, self.remove_consent))
        add.clicked.connect(self.addConsentRequested)
        self.edit_consent.clicked.connect(
            lambda: self._emit_selected(self.consents, self.editConsentRequested)
        )
        self.remove_consent.clicked.connect(
            lambda: self._emit_selected(self.consents, self.removeConsentRequested)
        )
        self.consents.itemDoubleClicked.connect(
            lambda _item: self._emit_selected(self.consents, self.editConsentRequested)
        )
        self.consents.itemSelectionChanged.connect(self._update_buttons)
        return box

    def _traject_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Traject"))
        self.traject_form = QFormLayout()
        self.traject_labels: dict[str, QLabel] = {}
        for key, label in (
            ("registered_on", self.tr("Aanmelddatum")),
            ("herkomst", self.tr("Herkomst")),
            ("question", self.tr("Vraag van het gezin")),
            ("phase", self.tr("Fase")),
            ("triage", self.tr("Triage")),
            ("regisseur", self.tr("Casusregisseur")),
            ("closed", self.tr("Afgesloten")),
        ):
            value = QLabel()
            value.setObjectName(f"traject_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.traject_labels[key] = value
            self.traject_form.addRow(label + ":", value)

        self.edit_traject = QPushButton(self.tr("Aanmelding wijzigen…"))
        self.phase_button = QPushButton(self.tr("Fase wijzigen…"))
        self.phase_button.setObjectName("change_phase")
        self.regisseur_button = QPushButton(self.tr("Regisseur wijzigen…"))
        self.regisseur_button.setObjectName("change_regisseur")
        self.up_button = QPushButton(self.tr("Opschalen…"))
        self.down_button = QPushButton(self.tr("Afschalen…"))
        self.close_button = QPushButton(self.tr("Afsluiten…"))
        self.close_button.setObjectName("close_traject")
        self.new_traject_button = QPushButton(self.tr("Nieuwe aanmelding…"))
        self.new_traject_button.setObjectName("new_traject")

        layout = QVBoxLayout(box)
        layout.addLayout(self.traject_form)
        layout.addLayout(_buttons(self.edit_traject, self.phase_button, self.regisseur_button))
        layout.addLayout(
            _buttons(self.up_button, self.down_button, self.close_button, self.new_traject_button)
        )
        self.edit_traject.clicked.connect(self.editTrajectRequested)
        self.phase_button.clicked.connect(self.phaseRequested)
        self.regisseur_button.clicked.connect(self.regisseurRequested)
        self.up_button.clicked.connect(lambda: self.scaleRequested.emit(EventKind.OPSCHALEN))
        self.down_button.clicked.connect(lambda: self.scaleRequested.emit(EventKind.AFSCHALEN))
        self.close_button.clicked.connect(self.closeRequested)
        self.new_traject_button.clicked.connect(self.newTrajectRequested)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Regie en verloop"))
        self.regisseurs = QLabel()
        self.regisseurs.setObjectName("regisseur_history")
        self.regisseurs.setWordWrap(True)
        self.events = _small_table(
            [self.tr("Datum"), self.tr("Gebeurtenis"), self.tr("Toelichting")], "events"
        )
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(self.tr("<b>Casusregisseurs</b>")))
        layout.addWidget(self.regisseurs)
        layout.addWidget(QLabel(self.tr("<b>Verloop van het traject</b>")))
        layout.addWidget(self.events)
        return box

    # --- showing a dossier --------------------------------------------------------------

    def show_dossier(self, dossier: HouseholdDossier, today: date | None = None) -> None:
        today = today or date.today()
        self.dossier = dossier
        household = dossier.household
        self.title.setText(household.name)
        address = ", ".join(
            part
            for part in (
                f"{household.street} {household.house_number}".strip(),
                f"{household.postcode} {household.city}".strip(),
                household.phone,
            )
            if part
        )
        self.subtitle.setText(
            self.tr("Dossier %1").replace("%1", dossier.dossier_number)
            + (f" · {address}" if address else "")
        )

        if dossier.warnings:
            self.warnings.setText("<br>".join("⚠ " + warning_text(w) for w in dossier.warnings))
            self.warnings.show()
        else:
            self.warnings.hide()

        _fill(
            self.members,
            [
                (
                    p.id,
                    [
                        p.full_name,
                        date_text(p.date_of_birth),
                        str(p.age(today)) if p.date_of_birth else "",
                        ROLE[p.role],
                        p.bsn or "",
                    ],
                )
                for p in dossier.members
            ],
        )
        _fill(
            self.contacts,
            [
                (c.id, [date_text(c.contact_date), CONTACT_KIND[c.kind], c.medewerker, c.note])
                for c in dossier.contacts
            ],
        )
        _fill(
            self.consents,
            [
                (
                    c.id,
                    [
                        c.organisation,
                        self.tr("Geweigerd") if c.refused else self.tr("Gegeven"),
                        c.person or self.tr("hele huishouden"),
                        date_text(c.given_on),
                        date_text(c.valid_until) or self.tr("—"),
                        c.purpose,
                    ],
                )
                for c in dossier.consents
            ],
        )
        self._show_traject(dossier.traject)
        self._update_buttons()

    def _show_traject(self, traject: TrajectRecord | None) -> None:
        labels = self.traject_labels
        if traject is None:
            for label in labels.values():
                label.clear()
            self.badge.setText(self.tr("Geen traject"))
            self.regisseurs.setText(self.tr("Geen traject."))
            _fill(self.events, [])
            return
        codes = self.codes
        labels["registered_on"].setText(date_text(traject.registered_on))
        labels["herkomst"].setText(codes.label("herkomst", traject.herkomst) or "—")
        labels["question"].setText(traject.question or "—")
        labels["phase"].setText(PHASE[traject.phase])
        triage = [
            codes.label("aard", traject.aard),
            codes.label("ernst", traject.ernst)
            and self.tr("ernst: ") + codes.label("ernst", traject.ernst).lower(),
            codes.label("urgentie", traject.urgentie)
            and self.tr("urgentie: ") + codes.label("urgentie", traject.urgentie).lower(),
        ]
        labels["triage"].setText(" · ".join(t for t in triage if t) or "—")
        regisseur = traject.regisseur
        if regisseur:
            labels["regisseur"].setText(
                f"{regisseur.name} "
                + self.tr("(sinds %1)").replace("%1", date_text(regisseur.start_on))
            )
            labels["regisseur"].setStyleSheet("")
        else:
            labels["regisseur"].setText(self.tr("Geen casusregisseur") if traject.is_open else "—")
            labels["regisseur"].setStyleSheet(
                "color: #b00020; font-weight: 600;" if traject.is_open else ""
            )
        closed = ""
        if traject.closed_on:
            closed = f"{date_text(traject.closed_on)} — {codes.label('afsluitreden', traject.close_reason)}"
        labels["closed"].setText(closed or "—")
        self.traject_form.setRowVisible(labels["closed"], bool(closed))

        colour = _PHASE_COLOURS[traject.phase]
        self.badge.setText(PHASE[traject.phase])
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        )
        history = [
            f"{r.name}: {date_text(r.start_on)} – {date_text(r.end_on) if r.end_on else self.tr('heden')}"
            for r in reversed(traject.regisseurs)
        ]
        self.regisseurs.setText("<br>".join(history) or self.tr("Nog niemand toegewezen."))
        rows = []
        for event in reversed(traject.events):
            what = EVENT_KIND[event.kind]
            if event.kind is EventKind.FASE and event.from_phase and event.to_phase:
                what = f"{PHASE[event.from_phase]} → {PHASE[event.to_phase]}"
            rows.append((traject.id, [date_text(event.event_date), what, event.note]))
        _fill(self.events, rows)

    def _update_buttons(self) -> None:
        traject = self.dossier.traject if self.dossier else None
        is_open = traject is not None and traject.is_open
        for button in (
            self.phase_button,
            self.regisseur_button,
            self.up_button,
            self.down_button,
            self.close_button,
        ):
            button.setEnabled(is_open)
        self.edit_traject.setEnabled(traject is not None)
        self.new_traject_button.setVisible(not is_open)
        self.close_button.setVisible(is_open)
        self.edit_member.setEnabled(bool(self.members.selectedItems()))
        self.remove_member.setEnabled(bool(self.members.selectedItems()))
        self.edit_contact.setEnabled(bool(self.contacts.selectedItems()))
        self.export_member.setEnabled(bool(self.members.selectedItems()))
        self.edit_consent.setEnabled(bool(self.consents.selectedItems()))
        self.remove_consent.setEnabled(bool(self.consents.selectedItems()))
        self.remove_contact.setEnabled(bool(self.contacts.selectedItems()))

    def _emit_selected(self, table: QTableWidget, signal: SignalInstance) -> None:
        record_id = selected_id(table)
        if record_id is not None:
            signal.emit(record_id)
