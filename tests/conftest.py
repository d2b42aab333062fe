"""Shared fixtures: every test runs offscreen, with its own data folder and database file."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.database import Store, open_store
from desktop.session import Unlocked, create_database
from tests.helpers import FAST_KDF, TEST_KEY, TEST_LOGIN, TEST_PASSWORD


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's data folder or settings."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))


@pytest.fixture(autouse=True)
def fail_on_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Tests fail on Python log warnings as they do on Qt warnings (qutebrowser's logfail)."""
    yield
    if request.node.get_closest_marker("log_warnings"):
        return
    noisy = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for when in ("setup", "call")
        for r in caplog.get_records(when)
        if r.levelno >= logging.WARNING
    ]
    if noisy:
        pytest.fail("unexpected log warnings:\n" + "\n".join(noisy), pytrace=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "teamtafel.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path, TEST_KEY, create=True, user=TEST_LOGIN)
    yield opened
    opened.close()


@pytest.fixture
def unlocked(db_path: Path) -> Iterator[Unlocked]:
    """A new encrypted database with its first beheerder, logged in."""
    opened, _code = create_database(
        db_path, name="Tessa Tester", login=TEST_LOGIN, password=TEST_PASSWORD, cost=FAST_KDF
    )
    yield opened
    opened.close()


@pytest.fixture
def session(store: Store) -> Iterator[Session]:
    with store.sessions.begin() as active:
        yield active


class MessageBoxes:
    """Records every QMessageBox a test raises; answers with ``answer`` instead of blocking."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer: object = None

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()

    def fake(kind: str, default: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def show(
            _parent: object, _title: str, text: str, *args: object, **kwargs: object
        ) -> object:
            boxes.shown.append((kind, text))
            return boxes.answer if boxes.answer is not None else default

        return show

    monkeypatch.setattr(
        QMessageBox, "question", fake("question", QMessageBox.StandardButton.Cancel)
    )
    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok)
    )
    return boxes


@pytest.fixture
def amsterdam_time() -> Iterator[None]:
    """The computer's clock in Dutch time (CET/CEST), whatever the test machine says."""
    import time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()
