"""Every named screen (the registry that ``screenshot`` and ``make screenshots`` use) renders,
on a demo database, with Dutch buttons only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.registry import SCREENS, load_presenters

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
    out = tmp_path / f"{name}.png"
    assert (
        main(["screenshot", name, "--out", str(out), "--db", str(demo_db), "--size", "1000x700"])
        == 0
    )
    assert _colours(out) > 3, "the screenshot looks blank"
    assert seen, "a screen without a single button is not what the user sees"
    assert not ENGLISH & set(seen), f"English button texts on {name}: {ENGLISH & set(seen)}"
    QApplication.processEvents()
