"""A new room arrives without editing any existing section, tab or verb: the registries."""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.controller import MainController
from desktop.presenters.ui import Ui
from desktop.registry import (
    SCREENS,
    SECTIONS,
    TABS,
    VERBS,
    DossierScope,
    ScreenContext,
    Section,
    Tab,
    Verb,
    load_presenters,
    load_verbs,
    screen,
)
from desktop.session import Unlocked
from desktop.usecases.base import Changed
from models.records import HouseholdDossier
from tests.helpers import register
from views.dossier import Column


class NotesSection:
    """A throwaway section: shows the dossier number, counts its refreshes."""

    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.widget = QLabel()
        self.widget.setObjectName("throwaway_section")
        self.refreshes: list[Changed | None] = []

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.refreshes.append(change)
        self.widget.setText(f"Notities bij {dossier.dossier_number}")


class ReportsTab:
    def __init__(self, ui: Ui) -> None:
        self.widget = QLabel("Rapportages voor de gemeente")
        self.widget.setObjectName("throwaway_tab")


@pytest.fixture
def rooms() -> Iterator[None]:
    load_presenters()
    load_verbs()
    SECTIONS.add(
        "notities",
        Section("notities", Column.RIGHT, 99, NotesSection, frozenset({"notities", "members"})),
    )
    TABS.add("rapportage", Tab("rapportage", "Rapportage", 50, ReportsTab))

    def run(args: argparse.Namespace) -> int:
        print(f"hallo {args.wie} op {args.db.name}")  # noqa: T201  (a verb prints)
        return 0

    VERBS.add(
        "hallo",
        Verb("hallo", "zegt hallo", lambda p: p.add_argument("--wie", default="team"), run),
    )

    @screen("notities-scherm")
    def _notes_screen(context: ScreenContext) -> QWidget:
        return QLabel("notities", context.ui.window)

    yield
    for registry, name in (
        (SECTIONS, "notities"),
        (TABS, "rapportage"),
        (VERBS, "hallo"),
        (SCREENS, "notities-scherm"),
    ):
        registry.remove(name)


def test_a_registered_section_and_tab_appear_in_the_window(
    qtbot: QtBot, unlocked: Unlocked, rooms: None
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn", registered_on=date(2026, 11, 2))
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    tabs = controller.window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Huishoudens",
        "Overleggen",
        "Te doen",
        "Mijn acties",
        "Overzicht",  # the coordinator's, registered by desktop/presenters/overview.py
        "Rapportage",
    ]
    widget = controller.open_household(household_id)
    assert widget is not None
    section = widget.section("notities")
    assert isinstance(section, QLabel) and section.text().startswith("Notities bij 2026-")
    assert "notities" in widget.section_kinds()
    presenter = controller.dossiers[household_id].sections["notities"]
    assert isinstance(presenter, NotesSection) and presenter.refreshes == [None]
    # A change elsewhere in this dossier refreshes the new section too, with what changed.
    members = controller.dossiers[household_id].sections["members"]
    assert members.widget is widget.section("members")
    controller.ui.changed.emit(Changed(household_id, frozenset({"members"})))
    assert presenter.refreshes[-1] == Changed(household_id, frozenset({"members"}))
    # ...but not a change it does not show, nor a change to another household.
    controller.ui.changed.emit(Changed(household_id, frozenset({"contacts"})))
    controller.ui.changed.emit(Changed(uuid.uuid4(), frozenset({"members"})))
    assert len(presenter.refreshes) == 2


def test_a_registered_verb_and_screen_reach_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rooms: None
) -> None:
    assert main(["hallo", "--wie", "Zoë", "--db", str(tmp_path / "x.sqlite")]) == 0
    assert capsys.readouterr().out == "hallo Zoë op x.sqlite\n"
    assert main(["--db", str(tmp_path / "y.sqlite"), "hallo"]) == 0  # --db before the verb too
    assert capsys.readouterr().out == "hallo team op y.sqlite\n"
    assert main(["screenshot", "--lijst"]) == 0
    assert "notities-scherm" in capsys.readouterr().out.split()


def test_a_name_is_registered_once() -> None:
    load_presenters()
    with pytest.raises(ValueError, match="already registered"):
        SECTIONS.add("members", SECTIONS["members"])
