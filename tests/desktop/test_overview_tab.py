"""The Overzicht tab on a database file, as a coördinator uses it on a Monday morning: the
headline figures, a click on 'Over de datum' to the households behind it and on to a
dossier, a period typed the wrong way round, and the Excel export read back with pandas.
A medewerker has no such tab, and the use case refuses her."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters.background import wait_for_background
from desktop.presenters.overview import OverviewPresenter
from desktop.session import Unlocked, unlock
from desktop.usecases import overview
from desktop.usecases.accounts import add_account
from models import actions as action_service
from models import households as service
from models.enums import ActionOwner
from models.overview_records import OverviewFilter
from models.permissions import PermissionDenied, Role
from models.records import ActionDraft
from tests.desktop.modal import on_modal
from tests.helpers import FAST_KDF, TODAY, register
from views import files
from views.overview import PERIOD_PROBLEM, HouseholdsDialog, OverviewWidget, RefusedWidget

START = TODAY - timedelta(days=90)
PASSWORD = "een-eigen-wachtwoord-2026"


@pytest.fixture
def team(unlocked: Unlocked) -> dict[str, uuid.UUID]:
    """Three open trajecten: two of Zoë's (one with an action past its date), one without a
    regisseur."""
    with unlocked.store.sessions.begin() as session:
        zoe = service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach")
        found = {
            "zoe": zoe,
            "yilmaz": register(
                session, "Yılmaz", registered_on=TODAY - timedelta(days=40), regisseur_id=zoe
            ),
            "bakker": register(
                session, "Bakker", registered_on=TODAY - timedelta(days=60), regisseur_id=zoe
            ),
            "vries": register(session, "De Vries", registered_on=TODAY - timedelta(days=20)),
        }
        action_service.add_action(
            session,
            found["yilmaz"],
            ActionDraft(
                "Schuldhulp bellen", ActionOwner.MEDEWERKER, TODAY - timedelta(days=5), zoe
            ),
            not_before=TODAY - timedelta(days=30),
        )
    return found


def _login(unlocked: Unlocked, login: str, role: Role) -> Unlocked:
    add_account(
        unlocked, login=login, name=login.capitalize(), role=role, password=PASSWORD, cost=FAST_KDF
    )
    return unlock(unlocked.store.path, login, PASSWORD)


@pytest.fixture
def karin(unlocked: Unlocked, team: dict[str, uuid.UUID]) -> Iterator[Unlocked]:
    opened = _login(unlocked, "karin", Role.COORDINATOR)
    yield opened
    wait_for_background()  # a computation still running must not outlive the database
    QApplication.processEvents()
    opened.close()


@pytest.fixture
def anouk(unlocked: Unlocked, team: dict[str, uuid.UUID]) -> Iterator[Unlocked]:
    opened = _login(unlocked, "anouk", Role.MEDEWERKER)
    yield opened
    opened.close()


def _number(unlocked: Unlocked, household_id: uuid.UUID) -> str:
    with unlocked.store.sessions() as session:
        return service.load_dossier(session, household_id).dossier_number


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _tab(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, OverviewPresenter]:
    """The window with the Overzicht tab in front, its figures for START to TODAY."""
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    presenter = controller.tabs["overzicht"]
    assert isinstance(presenter, OverviewPresenter)
    presenter.widget.set_period(START, TODAY)
    controller.window.tabs.setCurrentWidget(presenter.widget)
    controller.window.show()
    qtbot.waitUntil(
        lambda: presenter.figures is not None and presenter.figures.filter.end == TODAY,
        timeout=20000,
    )
    return controller, presenter


def test_a_coordinator_clicks_the_overdue_figure_and_opens_a_dossier_from_the_list(
    qtbot: QtBot, karin: Unlocked, team: dict[str, uuid.UUID]
) -> None:
    controller, presenter = _tab(qtbot, karin)
    widget = presenter.widget
    assert "Overzicht" in [
        controller.window.tabs.tabText(i) for i in range(controller.window.tabs.count())
    ]
    cards = widget.cards
    assert cards["open"].value.text() == "3"
    assert cards["overdue"].value.text() == "1"
    assert cards["werkvoorraad"].value.text() == "3"  # nobody has had a first contact yet
    assert widget.status.text().startswith(f"{START:%d-%m-%Y} t/m {TODAY:%d-%m-%Y}")
    # who has how many: the caseload table, Zoë first
    widget.select_table("caseload")
    model = widget.table.model()
    assert [model.index(0, c).data() for c in range(2)] == ["Zoë van 't Hart", "2"]
    alignment = model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight
    assert widget.definition.text().startswith("Trajecten die open zijn op de peildatum")

    seen: list[list[str]] = []

    def open_first(dialog: HouseholdsDialog) -> None:
        table = dialog.table
        seen.append([table.item(r, 0).text() for r in range(table.rowCount())])
        assert table.item(0, 2).text() == "Zoë van 't Hart"
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    handled = on_modal(HouseholdsDialog, open_first)
    qtbot.mouseClick(cards["overdue"], Qt.MouseButton.LeftButton)
    assert handled and seen == [[_number(karin, team["yilmaz"])]]
    assert team["yilmaz"] in controller.dossiers  # opened in its own tab
    assert widget.current_key() == "overdue"  # the table behind the figure is in front


def test_a_row_of_the_overdue_table_lists_its_households(
    qtbot: QtBot, karin: Unlocked, team: dict[str, uuid.UUID]
) -> None:
    controller, presenter = _tab(qtbot, karin)
    widget = presenter.widget
    widget.select_table("overdue")
    model = widget.table.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data() == "Actie over de datum"
    )
    assert model.index(row, 1).data() == "1"
    seen: list[list[str]] = []

    def close(dialog: HouseholdsDialog) -> None:
        seen.append([dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        dialog.reject()

    handled = on_modal(HouseholdsDialog, close)
    widget.table.activated.emit(model.index(row, 0))  # Enter or a double click on the row
    assert handled and seen == [[_number(karin, team["yilmaz"])]]
    assert not controller.dossiers  # closed without opening


def test_van_after_tot_says_so_in_dutch(qtbot: QtBot, karin: Unlocked) -> None:
    _controller, presenter = _tab(qtbot, karin)
    widget = presenter.widget
    before = presenter.figures
    widget.start.setDate(_qdate(TODAY + timedelta(days=1)))
    qtbot.waitUntil(lambda: widget.status.text() == PERIOD_PROBLEM)
    assert "'van' ligt na" in PERIOD_PROBLEM
    assert widget.quick.currentText() == "Zelf kiezen"
    assert presenter.figures is before  # nothing computed for an impossible period


def test_the_excel_export_from_the_window_reads_back(
    qtbot: QtBot,
    karin: Unlocked,
    team: dict[str, uuid.UUID],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _controller, presenter = _tab(qtbot, karin)
    target = tmp_path / "uit" / "overzicht.xlsx"
    asked: list[str] = []

    def save_path(_parent: object, title: str, *_args: object) -> Path:
        asked.append(title)
        return target

    monkeypatch.setattr(files, "save_path", save_path)
    qtbot.mouseClick(presenter.widget.excel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None)
    assert asked == ["Overzicht exporteren naar Excel"]
    sheets = pd.read_excel(target, sheet_name=None)
    caseload = sheets["Caseload per regisseur"]
    assert list(caseload.columns) == ["Regisseur", "Open trajecten"]
    assert caseload.iloc[0].tolist() == ["Zoë van 't Hart", 2]
    werkvoorraad = sheets["Werkvoorraad"]
    assert sorted(werkvoorraad["Dossier"]) == sorted(
        _number(karin, team[k]) for k in ("yilmaz", "bakker", "vries")
    )
    assert "Opgeslagen als" in presenter.widget.status.text()


def test_a_medewerker_is_refused_the_overview_with_the_role_named(
    qtbot: QtBot, anouk: Unlocked, team: dict[str, uuid.UUID]
) -> None:
    controller = MainController(anouk)
    qtbot.addWidget(controller.window)
    presenter = controller.tabs["overzicht"]
    assert not isinstance(presenter, OverviewPresenter)  # nothing is computed for her
    assert isinstance(presenter.widget, RefusedWidget)
    assert "alleen een coördinator of een beheerder" in presenter.widget.message.text()
    assert not presenter.widget.findChildren(OverviewWidget)
    with pytest.raises(PermissionDenied):
        overview.overview(anouk, OverviewFilter(START, TODAY))
