"""Actions on the dossier screen and in Mijn acties, typed and clicked as a user does, against
a database file: then what is stored, what the screen shows, and the log."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters import actions as presenter_module
from desktop.presenters.actions import MyActionsPresenter
from desktop.session import Unlocked
from desktop.usecases import actions
from models import households as service
from models.access import household_log
from models.actions import add_action, list_actions
from models.enums import ActionOwner, ActionStatus, MemberRole
from models.permissions import AccessAction
from models.records import (
    ActionDraft,
    HouseholdDraft,
    PersonDraft,
    RegistrationDraft,
    TrajectDraft,
)
from models.validation import Problem
from models.wording import PROBLEM
from tests.desktop.modal import on_modal, press_save
from views.actions import ActionDialog, ActionsSection, MyActionsWidget
from views.dossier import DossierWidget

TODAY = date.today()
Opened = tuple[MainController, DossierWidget, uuid.UUID]


def _register(session: object, name: str, regisseur: uuid.UUID | None = None) -> uuid.UUID:
    draft = RegistrationDraft(
        HouseholdDraft(name), TrajectDraft(TODAY - timedelta(days=30), regisseur_id=regisseur)
    )
    return service.register_household(session, draft)  # type: ignore[arg-type]


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> Iterator[Opened]:
    with unlocked.store.sessions.begin() as session:
        household_id = _register(session, "Yılmaz")
        service.add_member(
            session,
            household_id,
            PersonDraft("Elif", "Yılmaz", MemberRole.OUDER, date_of_birth=date(1990, 3, 4)),
        )
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    yield controller, widget, household_id


def _rows(table: object) -> list[list[str]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_an_action_for_someone_of_the_network_is_added_and_marked_done(
    qtbot: QtBot, opened: Opened, unlocked: Unlocked
) -> None:
    _controller, widget, household_id = opened
    section = widget.section("actions")
    assert isinstance(section, ActionsSection)
    seen: dict[str, object] = {}

    def fill_in(dialog: ActionDialog) -> None:
        qtbot.keyClicks(dialog.field("description"), "Kinderen woensdag ophalen van school")
        owner = dialog.field("owner_kind")
        owner.setCurrentIndex(owner.findData(ActionOwner.NETWERK.value))
        seen["shown"] = [
            key
            for key in ("medewerker", "person", "network_name", "organisation")
            if dialog.field(key).isVisible()
        ]
        dialog.field("network_name").insert("Zoë van 't Hart")  # as typed (QTest sends no ë)
        qtbot.keyClicks(dialog.field("network_relation"), "buurvrouw")
        yesterday = TODAY - timedelta(days=1)
        qtbot.keyClicks(dialog.field("due_on"), yesterday.strftime("%d-%m-%Y"))
        press_save(qtbot, dialog)  # refused by the form: a new action is not due yesterday
        assert dialog.isVisible()
        seen["error"] = dialog.error_text("due_on")
        dialog.field("due_on").clear()
        qtbot.keyClicks(dialog.field("due_on"), (TODAY + timedelta(days=7)).strftime("%d-%m-%Y"))
        press_save(qtbot, dialog)

    handled = on_modal(ActionDialog, fill_in)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert handled
    assert seen["shown"] == ["network_name"]
    assert seen["error"] == PROBLEM[Problem.DATE_IN_PAST]
    with unlocked.store.sessions() as session:
        (stored,) = list_actions(session, household_id)
    assert (stored.owner, stored.due_on, stored.status) == (
        "Zoë van 't Hart (buurvrouw)",
        TODAY + timedelta(days=7),
        ActionStatus.OPEN,
    )
    assert _rows(section.table)[0][:4] == [
        "Kinderen woensdag ophalen van school",
        "Zoë van 't Hart (buurvrouw)",
        (TODAY + timedelta(days=7)).strftime("%d-%m-%Y"),
        "Open",
    ]

    section.table.selectRow(0)
    assert section.done_button.isEnabled()
    qtbot.mouseClick(section.done_button, Qt.MouseButton.LeftButton)
    assert _rows(section.table)[0][3] == f"Gedaan {TODAY.strftime('%d-%m-%Y')}"
    section.table.selectRow(0)
    assert not section.done_button.isEnabled() and not section.lapsed_button.isEnabled()
    with unlocked.store.sessions() as session:
        details = [
            line.detail
            for line in household_log(session, household_id)
            if line.action is AccessAction.CHANGE
        ]
    assert details[:2] == ["actie gedaan", "actie vastgelegd"]  # newest first, no names


def test_an_overdue_action_can_still_be_edited(opened: Opened, unlocked: Unlocked) -> None:
    controller, widget, household_id = opened
    with unlocked.store.sessions.begin() as session:
        earlier = TODAY - timedelta(days=20)
        draft = ActionDraft(
            "Formulier invullen", ActionOwner.NETWERK, earlier, network_name="Fatma"
        )
        action_id = add_action(session, household_id, draft, not_before=earlier)
    changed = actions.update_action(
        unlocked,
        action_id,
        ActionDraft(
            "Formulier invullen en opsturen", ActionOwner.NETWERK, earlier, network_name="Fatma"
        ),
    )
    assert changed.household_id == household_id
    controller.ui.changed.emit(changed)  # as ui.attempt does after a use case
    section = widget.section("actions")
    assert isinstance(section, ActionsSection)
    assert _rows(section.table)[0][0] == "Formulier invullen en opsturen"
    assert _rows(section.table)[0][3] == "Te laat"
    assert section.table.item(0, 0).foreground().color().name() == "#b00020"


def test_mijn_acties_asks_to_link_a_team_member_then_shows_mine_and_te_volgen(
    qtbot: QtBot, unlocked: Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Nguyễn", "generalist")
        bram = service.add_medewerker(session, "Bram de Vries", "generalist")
        mine = _register(session, "Yılmaz", regisseur=anouk)
        elsewhere = _register(session, "Bakker", regisseur=bram)
        earlier = TODAY - timedelta(days=20)

        def add(household: uuid.UUID, text: str, days: int, owner: uuid.UUID | None) -> None:
            kind = ActionOwner.MEDEWERKER if owner else ActionOwner.NETWERK
            draft = ActionDraft(
                text, kind, TODAY + timedelta(days=days), medewerker_id=owner, network_name="Oma"
            )
            add_action(session, household, draft, not_before=earlier)

        add(mine, "Huisbezoek plannen", 10, anouk)
        add(elsewhere, "Verslag sturen", -3, anouk)
        add(mine, "Schuldhulp bellen", 4, bram)
        add(mine, "Kinderen ophalen", -1, None)
        add(elsewhere, "Niet van mij", 2, None)

    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    presenter = controller.tabs["mijn_acties"]
    assert isinstance(presenter, MyActionsPresenter)
    tab = presenter.widget
    assert isinstance(tab, MyActionsWidget)
    controller.window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    # Tessa Tester's account is no team member: she is asked to link one.
    assert tab.link_button.isVisible() and not tab.mine_box.isVisible()

    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, names: list[str], *_a: object) -> object:
        offered.append(list(names))
        return "Anouk Nguyễn", True

    monkeypatch.setattr(presenter_module.QInputDialog, "getItem", choose)
    qtbot.mouseClick(tab.link_button, Qt.MouseButton.LeftButton)
    assert offered == [["Anouk Nguyễn", "Bram de Vries"]]
    assert not tab.link_button.isVisible() and tab.mine_box.isVisible()
    assert [row[3] for row in _rows(tab.mine)] == ["Verslag sturen", "Huisbezoek plannen"]
    assert [(row[3], row[4]) for row in _rows(tab.followed)] == [
        ("Kinderen ophalen", "Oma"),
        ("Schuldhulp bellen", "Bram de Vries"),
    ]

    tab.mine.selectRow(0)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert [row[3] for row in _rows(tab.mine)] == ["Huisbezoek plannen"]
    with unlocked.store.sessions() as session:
        done = [a for a in list_actions(session, elsewhere) if a.description == "Verslag sturen"]
    assert [a.status for a in done] == [ActionStatus.GEDAAN]


def test_an_account_is_linked_only_to_an_active_team_member(unlocked: Unlocked) -> None:
    from models.validation import ValidationError

    with pytest.raises(ValidationError):
        actions.link_own_account(unlocked, uuid.uuid4())
    assert actions.my_actions(unlocked).linked is False


def test_the_inzage_file_and_pdf_hold_the_household_s_actions_and_their_corrections(
    unlocked: Unlocked,
) -> None:
    from pypdf import PdfReader

    from desktop.reports.inzage import inzage_json, inzage_pdf
    from models.inzage import inzage_report

    with unlocked.store.sessions.begin() as session:
        household_id = _register(session, "Nguyễn")
        child = service.add_member(
            session,
            household_id,
            PersonDraft("Lan", "Nguyễn", MemberRole.KIND, date_of_birth=date(2014, 5, 6)),
        )
        due = TODAY + timedelta(days=3)
        draft = ActionDraft("Logopedie aanvragen", ActionOwner.NETWERK, due, network_name="Thị")
        action_id = add_action(session, household_id, draft, not_before=TODAY)
    actions.update_action(
        unlocked,
        action_id,
        ActionDraft(
            "Logopedie aanvragen bij de huisarts", ActionOwner.NETWERK, due, network_name="Thị"
        ),
    )
    with unlocked.store.sessions() as session:
        report = inzage_report(session, child)
    data = inzage_json(report)
    assert [(a["omschrijving"], a["wie"], a["status"]) for a in data["acties"]] == [
        ("Logopedie aanvragen bij de huisarts", "Thị", "open")
    ]
    assert [
        (c["was"], c["werd"]) for c in data["wijzigingen"] if c["gegeven"] == "action.description"
    ] == [("Logopedie aanvragen", "Logopedie aanvragen bij de huisarts")]
    import io

    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(inzage_pdf(report, made_by="T"))).pages
    )
    assert "Acties" in text and "Logopedie aanvragen bij de huisarts" in text
