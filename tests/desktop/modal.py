"""Drive a modal dialog that the code under test opens with exec()."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def on_modal(cls: type[W], act: Callable[[W], None], *, tries: int = 200) -> list[W]:
    """When a modal ``cls`` appears, run ``act`` on it; returns the dialogs handled.

    When ``act`` fails (an assertion inside the dialog), the dialog is closed before the
    error goes on to pytest-qt, so the ``exec()`` that opened it returns and the suite
    does not hang.
    """
    handled: list[W] = []

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            handled.append(widget)
            try:
                act(widget)
            except BaseException:
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.done(QDialog.DialogCode.Rejected)  # past any "discard?" question
                raise
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return handled


def press_save(qtbot: QtBot, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
