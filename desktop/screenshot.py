"""Save a picture of a named screen without a display, so anyone can look at the UI.

The screens are registered where they live (``@screen("dossier")`` in the presenter
modules); this module only builds the window, picks a household and grabs the picture.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.controller import MainController
from desktop.registry import SCREENS, ScreenContext, load_presenters
from desktop.session import Unlocked
from desktop.usecases import households
from models.records import HouseholdDossier


class UnknownScreen(ValueError):
    pass


def screen_names() -> list[str]:
    load_presenters()
    return SCREENS.names()


def pick_household_id(context: ScreenContext) -> uuid.UUID:
    """The household named on the command line, or the fullest open one (the most telling
    picture); only its id, for a screen that opens it itself (a dossier tab)."""
    return households.showcase(context.unlocked, context.dossier_number)


def pick_household(context: ScreenContext) -> HouseholdDossier:
    """That household's dossier, opened: a picture shows it, so its OPEN line is written as
    when a dossier tab opens."""
    return households.open_dossier(context.unlocked, pick_household_id(context))


def save_screenshot(
    unlocked: Unlocked,
    screen: str,
    out: Path,
    *,
    dossier_number: str | None = None,
    size: tuple[int, int] = (1280, 800),
) -> Path:
    if screen not in screen_names():
        raise UnknownScreen(screen)
    app = QApplication.instance()
    assert app is not None, "make_application() first"
    controller = MainController(unlocked, interactive=False)
    window = controller.window
    window.resize(*size)
    controller.search("", True)
    context = ScreenContext(unlocked, controller.ui, controller, dossier_number or None)
    try:
        target: QWidget = SCREENS[screen].build(context)
        window.show()
        target.show()
        for _ in range(3):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out)):
            raise OSError(out)
    finally:
        window.close()
        window.deleteLater()  # with its auto-lock, which watches the whole application
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return out
