"""Start-up in a fixed order: application, store, window, first list."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.controller import MainController
from desktop.database import Store, StoreError, default_db_path, open_store
from desktop.errors import describe
from desktop.session_user import session_user
from models.demo import generate_demo

log = logging.getLogger(__name__)

FIRST_START_DEMO_HOUSEHOLDS = 400


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Teamtafel")
    app.setOrganizationName("Teamtafel")
    app.setApplicationDisplayName("Teamtafel")
    return app


def create_demo_store(path: Path, households: int) -> Store:
    store = open_store(path, create=True, user=session_user())
    with store.sessions.begin() as session:
        generate_demo(session, households)
    return store


def _ask_first_start(path: Path) -> str:
    box = QMessageBox()
    box.setWindowTitle("Teamtafel")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("Er is nog geen Teamtafel-database.")
    box.setInformativeText(
        "Wilt u eerst rondkijken in een demo-database met verzonnen huishoudens, of meteen "
        f"beginnen met een lege database?\n\n{path}"
    )
    demo = box.addButton("Demo-database maken", QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton("Lege database", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Afbreken", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    return "demo" if clicked is demo else "empty" if clicked is empty else "cancel"


def open_for_gui(path: Path, *, demo: bool) -> Store | None:
    if not path.exists():
        choice = "demo" if demo else _ask_first_start(path)
        if choice == "cancel":
            return None
        if choice == "demo":
            return create_demo_store(path, FIRST_START_DEMO_HOUSEHOLDS)
        return open_store(path, create=True, user=session_user())
    return open_store(path, user=session_user())


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    # The traceback's frames name code, not data; the message may carry data, so leave it out.
    log.error("unexpected %s\n%s", kind.__name__, "".join(traceback.format_tb(tb)))
    QMessageBox.critical(
        None,
        "Teamtafel",
        "Er ging onverwacht iets mis. De laatste handeling is mogelijk niet opgeslagen; "
        "wat eerder was opgeslagen blijft bewaard.",
    )


def run_gui(db: Path | None, *, demo: bool, quit_after_load: bool = False) -> int:
    app = make_application()
    path = db or default_db_path()
    try:
        store = open_for_gui(path, demo=demo)
    except StoreError as exc:
        QMessageBox.critical(None, "Teamtafel", describe(exc))
        return 2
    if store is None:
        return 0
    sys.excepthook = _excepthook
    controller = MainController(store)
    controller.window.show()
    controller.search("", True)
    if quit_after_load:  # for the bench and tests: stop once the list is painted
        app.processEvents()
        controller.window.close()
        store.close()
        return 0
    code = app.exec()
    store.close()
    return code
