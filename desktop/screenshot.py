"""Save a picture of a named screen without a display, so anyone can look at the UI.

The screens are registered where they live (``@screen("dossier")`` in the presenter
modules); this module only builds the window, picks a household and grabs the picture.

No one can answer a dialog that has no display, so nothing here ever waits on one: the
window's own refusals raise :class:`Refused` (``interactive=False``), and while a picture is
taken every modal dialog — a message box, an input box, a form's ``exec()`` — is refused
the same way (:func:`refusing_dialogs`). The verb turns that into a Dutch line on stderr.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop.controller import MainController
from desktop.presenters.background import wait_for_background
from desktop.presenters.ui import Refused
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


# Qt's functions that show a modal dialog and wait for its answer.
_BOXES = ("warning", "critical", "information", "question")
_INPUTS = ("getText", "getMultiLineText", "getInt", "getDouble", "getItem")
_FILES = ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory")


def _waits(title: str) -> str:
    return (
        f"het venster '{title}' wacht op een antwoord, en zonder beeldscherm kan niemand dat geven"
    )


@contextmanager
def refusing_dialogs() -> Iterator[list[str]]:
    """While it lasts, a modal dialog raises :class:`Refused` with what it would have said.

    Yields the refusals, also those raised where Qt swallows an exception (a timer's or a
    signal's slot), so the caller can refuse after all.
    """
    refused: list[str] = []

    def refuse(text: str) -> NoReturn:
        refused.append(text)
        raise Refused(text)

    def box(_parent: object, _title: str, text: str, *_args: object, **_kwargs: object) -> object:
        refuse(text)

    def asks(_parent: object, title: str, *_args: object, **_kwargs: object) -> object:
        refuse(_waits(title))

    def exec_(dialog: QDialog) -> int:
        refuse(dialog.text() if isinstance(dialog, QMessageBox) else _waits(dialog.windowTitle()))

    patches: list[tuple[type, str, object]] = [(QDialog, "exec", exec_)]
    patches += [(QMessageBox, name, staticmethod(box)) for name in _BOXES]
    patches += [(QInputDialog, name, staticmethod(asks)) for name in _INPUTS]
    patches += [(QFileDialog, name, staticmethod(asks)) for name in _FILES]
    saved = [(cls, name, vars(cls)[name]) for cls, name, _ in patches]
    hook = sys.excepthook

    def report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, Refused):  # a refusal is expected, and kept in ``refused``
            hook(kind, exc, tb)

    try:
        for cls, name, replacement in patches:
            setattr(cls, name, replacement)
        sys.excepthook = report
        yield refused
    finally:
        sys.excepthook = hook
        for cls, name, original in saved:
            setattr(cls, name, original)


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
        with refusing_dialogs() as refused:
            target: QWidget = SCREENS[screen].build(context)
            window.show()
            target.show()
            wait_for_background()  # a screen filled in from a background read
            for _ in range(3):
                app.processEvents()
        if refused:  # raised in a slot, where Qt only reports it
            raise Refused(refused[0])
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out)):
            raise OSError(out)
    finally:
        window.close()
        window.deleteLater()  # with its auto-lock, which watches the whole application
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return out
