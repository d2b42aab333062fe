"""The traject and its course: aanmelding, phase, triage, regisseur, the regie history and events."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from models.codelists import CodeLists
from models.enums import EventKind
from models.records import HouseholdDossier, TrajectRecord
from models.wording import PHASE, date_text, event_detail, event_text
from views.dossier.common import button_row, fill, small_table

_FIELDS = (
    ("registered_on", "Aanmelddatum"),
    ("herkomst", "Herkomst"),
    ("question", "Vraag van het gezin"),
    ("phase", "Fase"),
    ("triage", "Triage"),
    ("regisseur", "Casusregisseur"),
    ("closed", "Afgesloten"),
)


class TrajectSection(QWidget):
    """Two boxes in one section: the traject with its actions, and its course (regie and events)."""

    editRequested = Signal()
    phaseRequested = Signal()
    regisseurRequested = Signal()
    scaleRequested = Signal(EventKind)
    closeRequested = Signal()
    newRequested = Signal()

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._traject_box())
        layout.addWidget(self._course_box())

    def _traject_box(self) -> QGroupBox:
        box = QGroupBox("Traject")
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, label in _FIELDS:
            value = QLabel()
            value.setObjectName(f"traject_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            self.form.addRow(label + ":", value)

        self.edit_button = QPushButton("&Aanmelding wijzigen…")
        self.phase_button = QPushButton("&Fase wijzigen…")
        self.phase_button.setObjectName("change_phase")
        self.regisseur_button = QPushButton("&Regisseur wijzigen…")
        self.regisseur_button.setObjectName("change_regisseur")
        self.up_button = QPushButton("&Opschalen…")
        self.down_button = QPushButton("Afsc&halen…")
        self.close_button = QPushButton("Afsl&uiten…")
        self.close_button.setObjectName("close_traject")
        self.new_button = QPushButton("&Nieuwe aanmelding…")
        self.new_button.setObjectName("new_traject")

        layout = QVBoxLayout(box)
        layout.addLayout(self.form)
        layout.addLayout(button_row(self.edit_button, self.phase_button, self.regisseur_button))
        layout.addLayout(
            button_row(self.up_button, self.down_button, self.close_button, self.new_button)
        )
        self.edit_button.clicked.connect(self.editRequested)
        self.phase_button.clicked.connect(self.phaseRequested)
        self.regisseur_button.clicked.connect(self.regisseurRequested)
        self.up_button.clicked.connect(lambda: self.scaleRequested.emit(EventKind.OPSCHALEN))
        self.down_button.clicked.connect(lambda: self.scaleRequested.emit(EventKind.AFSCHALEN))
        self.close_button.clicked.connect(self.closeRequested)
        self.new_button.clicked.connect(self.newRequested)
        return box

    def _course_box(self) -> QGroupBox:
        box = QGroupBox("Regie en verloop")
        self.regisseurs = QLabel()
        self.regisseurs.setObjectName("regisseur_history")
        self.regisseurs.setWordWrap(True)
        self.events = small_table(["Datum", "Gebeurtenis", "Toelichting"], "events")
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel("<b>Casusregisseurs</b>"))
        layout.addWidget(self.regisseurs)
        layout.addWidget(QLabel("<b>Verloop van het traject</b>"))
        layout.addWidget(self.events)
        return box

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        traject = dossier.traject
        if traject is None:
            for label in self.labels.values():
                label.clear()
            self.regisseurs.setText("Geen traject.")
            fill(self.events, [])
        else:
            self._show_traject(traject)
        is_open = traject is not None and traject.is_open
        for button in (
            self.phase_button,
            self.regisseur_button,
            self.up_button,
            self.down_button,
            self.close_button,
        ):
            button.setEnabled(is_open)
        self.edit_button.setEnabled(traject is not None)
        self.new_button.setVisible(not is_open)
        self.close_button.setVisible(is_open)

    def _show_traject(self, traject: TrajectRecord) -> None:
        labels, codes = self.labels, self.codes
        labels["registered_on"].setText(date_text(traject.registered_on))
        labels["herkomst"].setText(codes.label("herkomst", traject.herkomst) or "—")
        labels["question"].setText(traject.question or "—")
        labels["phase"].setText(PHASE[traject.phase])
        triage = [
            codes.label("aard", traject.aard),
            codes.label("ernst", traject.ernst)
            and "ernst: " + codes.label("ernst", traject.ernst).lower(),
            codes.label("urgentie", traject.urgentie)
            and "urgentie: " + codes.label("urgentie", traject.urgentie).lower(),
        ]
        labels["triage"].setText(" · ".join(t for t in triage if t) or "—")
        regisseur = traject.regisseur
        if regisseur:
            labels["regisseur"].setText(f"{regisseur.name} (sinds {date_text(regisseur.start_on)})")
            labels["regisseur"].setStyleSheet("")
        else:
            labels["regisseur"].setText("Geen casusregisseur" if traject.is_open else "—")
            labels["regisseur"].setStyleSheet(
                "color: #b00020; font-weight: 600;" if traject.is_open else ""
            )
        closed = ""
        if traject.closed_on:
            reason = codes.label("afsluitreden", traject.close_reason)
            closed = f"{date_text(traject.closed_on)} — {reason}"
        labels["closed"].setText(closed or "—")
        self.form.setRowVisible(labels["closed"], bool(closed))

        history = [
            f"{r.name}: {date_text(r.start_on)} – {date_text(r.end_on) if r.end_on else 'heden'}"
            for r in reversed(traject.regisseurs)
        ]
        self.regisseurs.setText("<br>".join(history) or "Nog niemand toegewezen.")
        rows = [
            (traject.id, [date_text(event.event_date), event_text(event), event_detail(event)])
            for event in reversed(traject.events)
        ]
        fill(self.events, rows)
