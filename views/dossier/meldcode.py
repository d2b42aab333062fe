"""The meldcode procedures of a household: each with its form, victim, status and conclusion."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.afwegingskader import ProcedureRecord, Status
from models.records import HouseholdDossier
from models.wording import (
    MELDCODE_STATUS,
    VICTIM_KIND,
    VIOLENCE_FORM,
    date_text,
)
from views.dossier.common import RecordSection


def _status(record: ProcedureRecord) -> str:
    """'Lopend: stap 3', 'Volgen tot 16-12-2026', 'Afgerond 26-10-2026 · gemeld'."""
    if record.status is Status.OPEN:
        return f"{MELDCODE_STATUS[record.status]}: stap {record.step}"
    if record.status is Status.VOLGEN and record.weighing and record.weighing.evaluation_on:
        return f"Volgen tot {date_text(record.weighing.evaluation_on)}"
    done = f"{MELDCODE_STATUS[record.status]} {date_text(record.finished_on)}".strip()
    decision = record.decision
    if decision is not None and decision.melding:
        done += " · gemeld"
    return done


class MeldcodeSection(RecordSection):
    """Procedures are never removed: a finished one stays, read-only, with its history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Meldcode huiselijk geweld en kindermishandeling",
            ["Vorm", "Slachtoffer", "Sinds", "Status"],
            "meldcode",
            add_text="Meldcode-&procedure starten…",
            stretch=3,
            parent=parent,
        )
        self.edit_button.setText("Openen…")
        self.edit_button.setObjectName("open_procedure")
        self.remove_button.hide()
        self.empty = QLabel("Geen meldcodeprocedure.")
        self.empty.setStyleSheet("color: #555;")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.empty)

    def show_dossier(self, dossier: HouseholdDossier, today: date) -> None:
        """The procedures come from their own read (:meth:`show_procedures`)."""

    def show_procedures(self, procedures: list[ProcedureRecord]) -> None:
        self.empty.setVisible(not procedures)
        self.table.setVisible(bool(procedures))
        self.show_rows(
            [
                (
                    r.id,
                    [
                        VIOLENCE_FORM[r.start.form],
                        r.victim or VICTIM_KIND[r.start.victim_kind].removeprefix("Een "),
                        date_text(r.since),
                        _status(r),
                    ],
                )
                for r in procedures
            ]
        )
