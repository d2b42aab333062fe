"""Every named screen (the registry that ``screenshot`` and ``make screenshots`` use) renders,
on a demo database, with Dutch buttons only, and a picture of a dossier is logged as an OPEN."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.demo import DEMO_ACCOUNTS
from desktop.registry import SCREENS, load_presenters
from desktop.session import unlock
from desktop.usecases.households import showcase
from models.access import search_log
from models.entities import Household
from models.permissions import AccessAction

load_presenters()

# Qt's own English texts that must never reach a Dutch user.
ENGLISH = {
    "OK",
    "&OK",
    "Cancel",
    "&Cancel",
    "Save",
    "&Save",
    "Close",
    "&Close",
    "Yes",
    "&Yes",
    "No",
    "&No",
    "Apply",
    "&Apply",
    "Discard",
    "Open",
    "&Open",
    "Help",
    "Reset",
}


# The screens that show no dossier: every other one opens the dossier it shows, logged.
NOT_ABOUT_A_DOSSIER = {"huishoudens", "inloggen", "aanmelden", "gezinslid", "organisaties"}
NOT_ABOUT_A_DOSSIER |= {"toegangslog", "accounts"}  # the log, the accounts: no dossier
NOT_ABOUT_A_DOSSIER |= {"te-doen", "mijn-acties"}  # lists of households, none opened
NOT_ABOUT_A_DOSSIER |= {"overleggen", "agenda-inbrengen"}  # an agenda: no dossier opened
NOT_ABOUT_A_DOSSIER |= {"notulen"}  # the choice before printing the minutes
NOT_ABOUT_A_DOSSIER |= {"overzicht", "overzicht-huishoudens"}  # figures, a list: none opened


def _openings(db: Path) -> list[str]:
    """The dossier numbers of every OPEN line, and the one a picture shows."""
    login, password, _role, _name = DEMO_ACCOUNTS[0]
    unlocked = unlock(db, login, password)
    try:
        with unlocked.store.sessions() as session:
            lines = search_log(session)
        return [line.dossier_number for line in lines if line.action is AccessAction.OPEN]
    finally:
        unlocked.close()


def _showcase_number(db: Path) -> str:
    login, password, _role, _name = DEMO_ACCOUNTS[0]
    unlocked = unlock(db, login, password)
    try:
        household_id = showcase(unlocked)
        with unlocked.store.sessions() as session:
            household = session.get(Household, household_id)
            assert household is not None
            return household.dossier_number
    finally:
        unlocked.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("screens") / "demo.sqlite"
    assert main(["demo", "--households", "30", "--db", str(db)]) == 0
    return db


def _colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step_x)
            for y in range(0, image.height(), step_y)
        }
    )


@pytest.mark.parametrize("name", SCREENS.names())
def test_every_screen_renders_in_dutch(
    qtbot: QtBot, tmp_path: Path, demo_db: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import screenshot

    seen: list[str] = []
    grab = screenshot.QWidget.grab  # every button text on the screen, read before it closes

    def grab_and_read(widget: screenshot.QWidget) -> object:
        seen.extend(b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible())
        return grab(widget)

    monkeypatch.setattr(screenshot.QWidget, "grab", grab_and_read)
    opened_before = _openings(demo_db)
    out = tmp_path / f"{name}.png"
    assert (
        main(["screenshot", name, "--out", str(out), "--db", str(demo_db), "--size", "1000x700"])
        == 0
    )
    assert _colours(out) > 3, "the screenshot looks blank"
    assert seen, "a screen without a single button is not what the user sees"
    assert not ENGLISH & set(seen), f"English button texts on {name}: {ENGLISH & set(seen)}"
    opened = _openings(demo_db)[: -len(opened_before) or None]  # newest first
    if name in NOT_ABOUT_A_DOSSIER:
        assert opened == []
    else:  # issue 9: the ZRM history and the consents were shown without an OPEN line
        assert opened == [_showcase_number(demo_db)], f"{name} shows a dossier: one OPEN line"
    QApplication.processEvents()
