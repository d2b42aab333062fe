"""Choosing the instrument and its version before a measurement starts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.instruments import Instrument
from views.forms import released


class InstrumentChoiceDialog(QDialog):
    """The instruments that fit the subject (a member, or the whole household), the proposed
    one first and chosen; each with its versions, newest first. Enter starts."""

    def __init__(
        self,
        subject: str,
        options: Sequence[Instrument],
        suggested: Instrument | None,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Meting afnemen — {subject}")
        self.options = list(options)
        self.instrument = QComboBox()
        self.instrument.setObjectName("instrument")
        self.version = QComboBox()
        self.version.setObjectName("version")
        for code in dict.fromkeys(i.code for i in self.options):
            newest = next(i for i in self.options if i.code == code)
            label = newest.name + (
                "  (voorgesteld)" if suggested and suggested.code == code else ""
            )
            self.instrument.addItem(label, code)
        self.about = QLabel()
        self.about.setObjectName("about")
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #555;")
        self.about.setMinimumWidth(460)
        why = QLabel(reason)
        why.setObjectName("reason")
        why.setWordWrap(True)
        why.setVisible(bool(reason))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Starten")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Instrument:", self.instrument)
        form.addRow("&Versie:", self.version)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.instrument.currentIndexChanged.connect(lambda _i: self._versions())
        self.version.currentIndexChanged.connect(lambda _i: self._describe())
        if suggested is not None:
            self.instrument.setCurrentIndex(max(self.instrument.findData(suggested.code), 0))
        self._versions()
        self.instrument.setFocus()

    def _versions(self) -> None:
        code = self.instrument.currentData()
        self.version.blockSignals(True)
        self.version.clear()
        for instrument in self.options:
            if instrument.code == code:
                self.version.addItem(instrument.version, instrument.version)
        self.version.blockSignals(False)
        self._describe()

    def _describe(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.about.setText("")
            return
        parts = [f"{len(chosen.items)} onderdelen"]
        if chosen.conclusions:
            parts.append(f"{len(chosen.conclusions)} conclusies die u zelf kiest")
        if not chosen.shipped:
            parts.append("door een beheerder geladen")
        text = f"{chosen.name}, versie {chosen.version}: {', '.join(parts)}."
        self.about.setText(f"{text}\n{chosen.note}" if chosen.note else text)

    def chosen(self) -> Instrument | None:
        code, version = self.instrument.currentData(), self.version.currentData()
        return next((i for i in self.options if i.code == code and i.version == version), None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        subject: str,
        options: Sequence[Instrument],
        suggested: Instrument | None,
        reason: str = "",
    ) -> Instrument | None:
        with released(cls(subject, options, suggested, reason, parent)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
