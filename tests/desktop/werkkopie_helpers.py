"""What the werkkopie tests share: a window as after a login, the stored copies, the offer."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.controller import MainController
from desktop.session import Unlocked
from models.werkkopie import Werkkopie


def open_window(qtbot: QtBot, unlocked: Unlocked) -> MainController:
    """A main window as after a login (the offer is called by the test itself)."""
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search()
    return controller


def stored(unlocked: Unlocked) -> list[Werkkopie]:
    with unlocked.store.sessions() as session:
        return list(session.scalars(select(Werkkopie)))


def click_offer(name: str) -> None:
    """Press a button of the open werkkopie offer: terugzetten, verwerpen or later."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == "werkkopie_offer"
    button = box.findChild(QPushButton, name)
    assert button is not None
    button.click()
