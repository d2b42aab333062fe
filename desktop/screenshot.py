"""Save a picture of a named screen without a display, so anyone can look at the UI.

The screens are registered where they live (``@screen("dossier")`` in the presenter
modules); this module only builds the window, picks a household and grabs the picture.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.controller import MainController
from desktop.registry import SCREENS, ScreenContext, load_presenters
from desktop.session import Unlocked
from models import households as service
from models import zrm
from models.records import HouseholdDossier


class UnknownScreen(ValueError):
    pass


def screen_names() -> list[str]:
    load_presenters()
    return SCREENS.names()


def pick_household(context: ScreenContext) -> HouseholdDossier:
    """The dossier named on the command line, or the fullest open one (the most telling picture)."""
    with context.unlocked.store.sessions() as session:
        if context.dossier_number:
            household_id = service.find_household_id(session, context.dossier_number)
            if household_id is None:
                raise LookupError(f"geen huishouden met dossiernummer {context.dossier_number}")
            return service.load_dossier(session, household_id)
        rows = service.search_households(session, "", open_only=True)
        if not rows:
            raise LookupError("de database heeft geen huishoudens")
        dossiers = [service.load_dossier(session, r.id) for r in rows[:200]]
        scored = {
            d.id: sum(
                len(zrm.person_measurements(session, pid))
                for pid in zrm.latest_per_member(session, d.id)
            )
            for d in dossiers
        }
    return max(
        dossiers,
        key=lambda d: (scored[d.id], len(d.warnings) > 0, len(d.members), len(d.contacts)),
    )


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
