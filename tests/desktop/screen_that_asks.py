"""A screen that asks the user something, pictured by the ``screenshot`` verb in its own process.

Run as ``python -m tests.desktop.screen_that_asks HOW --db DB --out PNG``
(tests/desktop/test_privacy): HOW is how the screen asks — a message box, a form's exec(),
an input box, a question through the Ui, or a box raised from a timer while the picture is
taken. Without a display no one can answer, so the verb must refuse instead of waiting.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from desktop.cli import main
from desktop.registry import ScreenContext, screen


def _form(parent: QWidget) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Een formulier")
    dialog.exec()


ASKING: dict[str, Callable[[ScreenContext], object]] = {
    "melding": lambda c: QMessageBox.warning(c.ui.window, "Teamtafel", "Dit wacht op u."),
    "formulier": lambda c: _form(c.ui.window),
    "invoer": lambda c: QInputDialog.getText(c.ui.window, "Teamtafel", "Uw wachtwoord:"),
    "bevestigen": lambda c: c.ui.confirm("Doorgaan?"),
    "later": lambda c: QTimer.singleShot(
        0, lambda: QMessageBox.warning(c.ui.window, "Teamtafel", "Dit wacht ook op u.")
    ),
}


def register(how: str) -> None:
    @screen("vraagt")
    def _asking_screen(context: ScreenContext) -> QWidget:
        ASKING[how](context)
        return context.ui.window


if __name__ == "__main__":
    register(sys.argv[1])
    sys.exit(main(["screenshot", "vraagt", *sys.argv[2:]]))
