"""The ZRM scoring grid refuses an empty measurement, as the service does."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.instruments import current_version
from models.validation import Problem
from models.wording import PROBLEM
from views.zrm import ZrmScoringDialog


def test_return_in_a_fresh_grid_saves_nothing(qtbot: QtBot) -> None:
    dialog = ZrmScoringDialog(
        current_version("zrm"), "Sem Bakker", "Anouk", today=date(2026, 11, 25)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)
    dialog.accept()  # Opslaan, with nothing scored
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert PROBLEM[Problem.NOTHING_SCORED] in dialog.errors.text()
    qtbot.keyClicks(dialog.grid, "3")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
