"""Besluiten uit overleg: the decisions a meeting took on this household that the dossier has
not carried out yet. *Uitvoeren…* opens the dossier's own form for one, filled in from the
decision; *Als uitgevoerd markeren* is for one done another way. Hidden while there are none."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from models.codelists import CodeLists
from models.enums import Phase
from models.meeting_records import DecisionKind, DecisionRecord
from models.wording import DECISION_KIND, PHASE, date_text
from views.dossier.common import RecordSection


def meeting_text(record: DecisionRecord) -> str:
    """'nr. 12, 03-11-2026'."""
    when = date_text(record.meeting_on)
    return f"nr. {record.meeting_number}" + (f", {when}" if when else "")


def names_text(record: DecisionRecord, codes: CodeLists) -> str:
    """What the decision names: the regisseur, the phase, the verwijzing and its deciders."""
    draft = record.draft
    if record.kind is DecisionKind.REGISSEUR:
        return record.medewerker
    if record.kind is DecisionKind.FASE and draft.phase in {p.value for p in Phase}:
        return PHASE[Phase(draft.phase)]
    if record.kind is DecisionKind.VERWIJZEN:
        parts = [record.organisation]
        if draft.hulpvorm:
            parts.append(codes.label("hulpvorm", draft.hulpvorm))
        text = ", ".join(p for p in parts if p)
        if record.deciders:
            text += f" (besloten door {' en '.join(record.deciders)})"
        return text
    return ""


def description(record: DecisionRecord, codes: CodeLists) -> str:
    """What the decision names, then its text."""
    return " — ".join(p for p in (names_text(record, codes), record.draft.text) if p)


class DecisionsSection(RecordSection):
    """The open decisions, the oldest meeting first. Enter or a double click is Uitvoeren."""

    carryOutRequested = Signal(uuid.UUID)
    markRequested = Signal(uuid.UUID)

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__(
            "Besluiten uit overleg",
            ["Overleg", "Besluit", "Toelichting"],
            "besluiten",
            stretch=2,
            parent=parent,
        )
        self.codes = codes
        self.add_button.hide()
        self.edit_button.hide()
        self.remove_button.hide()
        self.carry_out_button = QPushButton("&Uitvoeren…")
        self.carry_out_button.setObjectName("carry_out_decision")
        self.carry_out_button.setToolTip(
            "Opent het formulier van het dossier, ingevuld met wat het overleg besloot"
        )
        self.add_row_button(self.carry_out_button, self.carryOutRequested)
        self.mark_button = QPushButton("Als uitgevoerd markeren")
        self.mark_button.setObjectName("mark_decision")
        self.mark_button.setToolTip("Voor een besluit dat al op een andere manier is uitgevoerd")
        self.add_row_button(self.mark_button, self.markRequested)
        self.editRequested.connect(self.carryOutRequested)  # Enter, a double click
        self.setVisible(False)

    def show_decisions(self, records: list[DecisionRecord]) -> None:
        rows = [
            (r.id, [meeting_text(r), DECISION_KIND[r.kind], description(r, self.codes)])
            for r in records
        ]
        self.show_rows(rows)
        for row, (_id, texts) in enumerate(rows):
            item = self.table.item(row, 2)
            if item is not None:
                item.setToolTip(texts[2])
        self.setVisible(bool(records))
