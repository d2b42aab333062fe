"""Reviewing an inzage before its preview: the safety passages, and which to withhold, why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.codelists import CodeLists
from models.records import InzageReview, Passage, Withholding
from models.rules import WITHHOLDING
from models.wording import passage_group, passage_item
from views.forms import code_combo, released

REASONS = "achterhoudreden"
INTRO = (
    "Deze inzage bevat gegevens over veiligheid. Lees ze na voordat u de inzage maakt. "
    "De casusregisseur kan een deel achterhouden als het de privacy van een derde raakt "
    "(bijvoorbeeld wie een signaal meldde) of de veiligheid van het kind. Het gezin leest "
    "dan alleen <i>Achtergehouden</i> met de reden; uw toelichting blijft in het dossier en "
    "het toegangslog noteert hoeveel delen zijn achtergehouden."
)
READ_ONLY = (
    "Alleen de casusregisseur van dit huishouden kan een deel achterhouden. U maakt de "
    "inzage volledig, met alle delen hieronder."
)
INCOMPLETE = "Kies bij elk achtergehouden deel een reden en vul een toelichting in."


class _PassageRow(QFrame):
    """One passage: its label and 'Achterhouden'; once checked, the reason and toelichting."""

    def __init__(self, passage: Passage, codes: CodeLists, may_withhold: bool) -> None:
        super().__init__()
        self.passage = passage
        self.setObjectName(f"passage-{passage.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(passage_item(passage))
        label.setWordWrap(True)
        self.withhold = QCheckBox("Achterhouden")  # one per row: no shared mnemonic
        self.withhold.setObjectName("withhold")
        self.withhold.setEnabled(may_withhold)
        self.reason = code_combo(codes.items(REASONS), empty="— kies een reden —")
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName("Reden")
        self.toelichting = QLineEdit()
        self.toelichting.setObjectName("toelichting")
        self.toelichting.setAccessibleName("Toelichting")
        self.toelichting.setPlaceholderText("toelichting (verplicht, alleen voor het team)")
        limit = WITHHOLDING["toelichting"].max_length
        if limit:
            self.toelichting.setMaxLength(limit)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(label, 0, 0, 1, 2)
        grid.addWidget(self.withhold, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.reason, 1, 0)
        grid.addWidget(self.toelichting, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.withhold.toggled.connect(self._follow)
        self._follow(False)

    def _follow(self, checked: bool) -> None:
        self.reason.setVisible(checked)
        self.toelichting.setVisible(checked)
        if checked:
            self.reason.setFocus()

    def complete(self) -> bool:
        return not self.withhold.isChecked() or bool(
            self.reason.currentData() and self.toelichting.text().strip()
        )

    def withholding(self) -> Withholding | None:
        if not self.withhold.isChecked():
            return None
        return Withholding(
            self.passage.key, str(self.reason.currentData() or ""), self.toelichting.text().strip()
        )


class InzageReviewDialog(QDialog):
    """The passages of an inzage grouped by kind; the regisseur may withhold each with a
    reason and a toelichting, anyone else reads the list. Hands back what is withheld."""

    def __init__(
        self,
        review: InzageReview,
        codes: CodeLists,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = "Inzage controleren"
        self.setWindowTitle(f"{title} — {review.subject}" if review.subject else title)
        intro = QLabel(INTRO)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel(READ_ONLY)
        note.setObjectName("read-only")
        note.setWordWrap(True)
        note.setStyleSheet("background: #fff4e5; border-radius: 4px; padding: 6px;")
        note.setVisible(not review.may_withhold)
        self.rows: list[_PassageRow] = []
        listing = QWidget()
        rows = QVBoxLayout(listing)
        rows.setSpacing(4)
        group = None
        for passage in review.passages:
            if passage_group(passage) != group:
                group = passage_group(passage)
                heading = QLabel(f"<b>{group}</b>")
                heading.setContentsMargins(0, 6, 0, 0)
                rows.addWidget(heading)
            row = _PassageRow(passage, codes, review.may_withhold)
            row.withhold.toggled.connect(lambda _c: self._check())
            row.reason.currentIndexChanged.connect(lambda _i: self._check())
            row.toelichting.textChanged.connect(lambda _t: self._check())
            rows.addWidget(row)
            self.rows.append(row)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(listing)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.status = QLabel(INCOMPLETE)
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Naar het voorbeeld")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._check()

    def _check(self) -> None:
        complete = all(row.complete() for row in self.rows)
        self.status.setVisible(not complete)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)

    def accept(self) -> None:
        if all(row.complete() for row in self.rows):  # Enter does not pass a disabled button
            super().accept()

    def withheld(self) -> tuple[Withholding, ...]:
        return tuple(w for row in self.rows if (w := row.withholding()) is not None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        review: InzageReview,
        codes: CodeLists,
    ) -> tuple[Withholding, ...] | None:
        """What to withhold (empty: nothing), or None when the export is cancelled."""
        with released(cls(review, codes, parent)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.withheld()
