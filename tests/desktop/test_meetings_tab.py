"""The Overleggen tab on a database file, clicked and typed as a coordinator and a colleague
do: plan a meeting, name who attends, bring cases in (and get a refused one back as typed),
order and close the agenda as the chair, and put the app's proposal on it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters import meeting_mode
from desktop.presenters.meetings import MeetingsPresenter
from desktop.session import Unlocked, unlock
from desktop.usecases import meetings
from desktop.usecases.accounts import add_account
from models import actions as action_service
from models import households as service
from models.enums import ActionOwner
from models.errors import Rule
from models.meeting_records import AgendaItemDraft, MeetingDraft, MeetingKind, MeetingStatus
from models.permissions import Role
from models.records import ActionDraft
from models.validation import Problem
from models.wording import PROBLEM, RULE
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.desktop.test_keyboard import _mnemonic
from tests.helpers import FAST_KDF, TODAY, organisation, register
from views.meetings import AgendaItemDialog, AttendeesDialog, MeetingDialog, MeetingsWidget

MEETING_DAY = TODAY + timedelta(days=7)
LAN_PASSWORD = "lans-eigen-wachtwoord"


@pytest.fixture
def team(unlocked: Unlocked) -> dict[str, uuid.UUID]:
    with unlocked.store.sessions.begin() as session:
        return {
            "tessa": service.add_medewerker(session, "Tessa Tester", "generalist"),  # logged in
            "lan": service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper"),
            "zoe": service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach"),
            "yilmaz": register(session, "Yılmaz"),
            "nguyen": register(session, "Nguyễn"),
            "hart": register(session, "Van 't Hart"),
            "ggz": organisation(session, "GGZ Voorbeeldstad", "ggz"),
        }


@pytest.fixture
def lan(unlocked: Unlocked, team: dict[str, uuid.UUID]) -> Iterator[Unlocked]:
    """A colleague with her own account (a medewerker, not the chair)."""
    add_account(
        unlocked,
        login="lan",
        name="Nguyễn Thị Lan",
        role=Role.MEDEWERKER,
        password=LAN_PASSWORD,
        cost=FAST_KDF,
    )
    opened = unlock(unlocked.store.path, "lan", LAN_PASSWORD)
    yield opened
    opened.close()


def _tab(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, MeetingsPresenter]:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    presenter = controller.tabs["overleggen"]
    assert isinstance(presenter, MeetingsPresenter)
    controller.window.tabs.setCurrentWidget(presenter.widget)
    return controller, presenter


def _plan(unlocked: Unlocked, team: dict[str, uuid.UUID]) -> uuid.UUID:
    return meetings.plan_meeting(
        unlocked,
        MeetingDraft(MeetingKind.CASUISTIEK, MEETING_DAY, "09:30", "", team["tessa"], team["zoe"]),
    )


def _cells(widget: MeetingsWidget, row: int) -> list[str]:
    model = widget.table.model()
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def _agenda(widget: MeetingsWidget) -> list[list[str]]:
    table = widget.agenda
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_coordinator_plans_a_meeting_and_names_who_attends(
    qtbot: QtBot,
    unlocked: Unlocked,
    team: dict[str, uuid.UUID],
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _controller, presenter = _tab(qtbot, unlocked)
    widget = presenter.widget
    assert widget.empty_label.isVisibleTo(widget)
    assert "nog geen overleggen" in widget.empty_label.text()

    def plan(dialog: MeetingDialog) -> None:
        # the team's first meeting opens on today (the tab's day)
        assert dialog.field("held_on").text() == presenter._today().strftime("%d-%m-%Y")
        dialog.field("held_on").clear()
        _choose(dialog.field("kind"), MeetingKind.MDO.value)
        qtbot.keyClicks(dialog.field("starts_at"), "25:00")
        press_save(qtbot, dialog)  # no date, a wrong time: the form stays, with its problems
        assert dialog.isVisible()
        assert dialog.error_text("held_on") == PROBLEM[Problem.REQUIRED]
        assert dialog.error_text("starts_at") == PROBLEM[Problem.TIME_FORMAT]
        qtbot.keyClicks(dialog.field("held_on"), MEETING_DAY.strftime("%d-%m-%Y"))
        dialog.field("starts_at").setText("9.30")
        qtbot.keyClicks(dialog.field("location"), "Wijkcentrum De Schakel")
        _choose(dialog.field("chair_id"), str(team["tessa"]))
        _choose(dialog.field("minute_taker_id"), str(team["lan"]))
        press_save(qtbot, dialog)

    handled = on_modal(MeetingDialog, plan)
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    assert handled
    assert _cells(widget, 0) == [
        "1",
        "MDO",
        MEETING_DAY.strftime("%d-%m-%Y"),
        "09:30",
        "Tessa Tester",
        "—",
        "Gepland",
    ]
    assert widget.title.text() == "MDO 1"
    assert "notulist: Nguyễn Thị Lan" in widget.facts.text()
    assert "nog niet ingevuld" in widget.attendees.text()
    (meeting_id,) = [m.id for m in meetings.list_meetings(unlocked)]

    def attend(dialog: AttendeesDialog) -> None:
        for row in range(dialog.team.count()):
            entry = dialog.team.item(row)
            if entry.text().startswith(("Tessa", "Nguyễn")):
                entry.setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.add_external_button, Qt.MouseButton.LeftButton)
        name = dialog.external.cellWidget(0, 0)
        assert isinstance(name, QLineEdit)
        qtbot.keyClicks(name, "Jan de Wit")
        organisation_combo = dialog.external.cellWidget(0, 1)
        assert isinstance(organisation_combo, QComboBox)
        _choose(organisation_combo, str(team["ggz"]))
        discipline = dialog.external.cellWidget(0, 2)
        assert isinstance(discipline, QLineEdit)
        qtbot.keyClicks(discipline, "psychiater")
        qtbot.mouseClick(dialog.add_external_button, Qt.MouseButton.LeftButton)
        press_save(qtbot, dialog)  # the second external row has no name
        assert dialog.isVisible()
        assert dialog.problem_label.text() == f"Externe deelnemer 2: {PROBLEM[Problem.REQUIRED]}"
        dialog.external.setCurrentCell(1, 0)
        qtbot.mouseClick(dialog.remove_external_button, Qt.MouseButton.LeftButton)
        press_save(qtbot, dialog)

    handled_attendees = on_modal(AttendeesDialog, attend)
    qtbot.mouseClick(widget.attendees_button, Qt.MouseButton.LeftButton)
    assert handled_attendees
    record = meetings.get_meeting(unlocked, meeting_id)
    assert [(a.name, a.organisation, a.external) for a in record.attendees] == [
        ("Nguyễn Thị Lan", "", False),  # the team by name, then the external ones
        ("Tessa Tester", "", False),
        ("Jan de Wit", "GGZ Voorbeeldstad", True),
    ]
    assert record.attendees[2].draft.discipline == "psychiater"
    assert widget.attendees.text() == (
        "Aanwezigen: Nguyễn Thị Lan, Tessa Tester; extern: Jan de Wit (GGZ Voorbeeldstad)"
    )

    # Attendees are there, the agenda is empty: starting is refused in Dutch.
    opened: list[uuid.UUID] = []
    monkeypatch.setattr(meeting_mode, "open_meeting_mode", lambda _ui, m, **_kw: opened.append(m))
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts()[-1] == RULE[Rule.AGENDA_EMPTY]
    assert opened == []
    meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(team["yilmaz"], "Wat nu?"))
    presenter.refresh()
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert opened == [meeting_id]
    assert meetings.get_meeting(unlocked, meeting_id).status is MeetingStatus.BEZIG
    assert widget.start_button.text().replace("&", "") == "Verder met overleg"


def test_two_colleagues_bring_in_a_case_and_only_the_chair_orders_the_agenda(
    qtbot: QtBot,
    unlocked: Unlocked,
    lan: Unlocked,
    team: dict[str, uuid.UUID],
    message_boxes: MessageBoxes,
) -> None:
    meeting_id = _plan(unlocked, team)
    _controller, presenter = _tab(qtbot, unlocked)
    widget = presenter.widget
    assert widget.current_meeting_id() == meeting_id

    def bring_in_yilmaz(dialog: AgendaItemDialog) -> None:
        press_save(qtbot, dialog)  # nothing chosen, nothing asked: both problems shown
        assert dialog.isVisible()
        assert dialog.error_text("household") == PROBLEM[Problem.REQUIRED]
        assert dialog.error_text("question") == PROBLEM[Problem.REQUIRED]
        dialog.field("search").setText("yılmaz")  # (keyClicks types no ı or ễ)
        dialog.run_search()
        assert text_of_combo(dialog.field("household")) == str(team["yilmaz"])  # one found
        qtbot.keyClicks(dialog.field("question"), "Schulden lopen op; wie denkt mee?")
        _choose(dialog.field("urgency"), "hoog")
        press_save(qtbot, dialog)

    assert on_modal(AgendaItemDialog, bring_in_yilmaz) is not None
    qtbot.mouseClick(widget.bring_in_button, Qt.MouseButton.LeftButton)
    assert _agenda(widget) == [
        [
            "1",
            _dossier(unlocked, team["yilmaz"]),
            "Yılmaz",
            "Schulden lopen op; wie denkt mee?",
            "Hoog (binnen een week)",
            "Tessa Tester",
            "Open",
        ]
    ]

    # Lan, in her own window, brings in Yılmaz too: refused by the service, the form
    # comes back with her question as typed and the problem under the household.
    _lan_controller, lan_presenter = _tab(qtbot, lan)
    lan_widget = lan_presenter.widget
    seen: list[tuple[str, str]] = []

    def twice(dialog: AgendaItemDialog) -> None:
        dialog.field("search").setText("Yılmaz")  # (keyClicks types no ı or ễ)
        dialog.run_search()
        qtbot.keyClicks(dialog.field("question"), "Hoe gaat het met de kinderen?")
        press_save(qtbot, dialog)
        on_modal(AgendaItemDialog, again)  # the form that comes back

    def again(dialog: AgendaItemDialog) -> None:
        seen.append((dialog.error_text("household"), dialog.field("question").toPlainText()))
        assert text_of_combo(dialog.field("household")) == str(team["yilmaz"])
        dialog.field("search").setText("Nguyễn")  # (keyClicks types no ı or ễ)
        dialog.run_search()
        press_save(qtbot, dialog)

    on_modal(AgendaItemDialog, twice)
    qtbot.mouseClick(lan_widget.bring_in_button, Qt.MouseButton.LeftButton)
    assert seen == [(PROBLEM[Problem.ON_AGENDA], "Hoe gaat het met de kinderen?")]
    record = meetings.get_meeting(lan, meeting_id)
    assert [(i.household_name, i.brought_in_by) for i in record.items] == [
        ("Yılmaz", "Tessa Tester"),
        ("Nguyễn", "Nguyễn Thị Lan"),
    ]

    # Lan is not the chair: no ordering for her, and the service says why.
    lan_widget.agenda.selectRow(1)
    assert not lan_widget.up_button.isEnabled()
    assert not lan_widget.close_agenda_button.isEnabled()
    lan_presenter.order(meeting_id, [i.id for i in reversed(record.items)])
    assert message_boxes.texts()[-1] == RULE[Rule.NOT_THE_CHAIR]

    # Tessa chairs: Lan's case goes first and stays selected; then she closes the agenda.
    presenter.refresh()
    widget.agenda.selectRow(1)
    assert widget.up_button.isEnabled()
    qtbot.mouseClick(widget.up_button, Qt.MouseButton.LeftButton)
    assert [row[2] for row in _agenda(widget)] == ["Nguyễn", "Yılmaz"]
    assert widget.selected_item() is not None
    assert widget.selected_item().household_name == "Nguyễn"  # type: ignore[union-attr]
    assert [i.household_name for i in meetings.get_meeting(unlocked, meeting_id).items] == [
        "Nguyễn",
        "Yılmaz",
    ]
    qtbot.mouseClick(widget.close_agenda_button, Qt.MouseButton.LeftButton)
    assert widget.close_agenda_button.text().replace("&", "") == "Agenda heropenen"
    lan_presenter.refresh()
    assert not lan_widget.bring_in_button.isEnabled()
    assert "gesloten" in lan_widget.agenda_state.text()


def text_of_combo(combo: QComboBox) -> str:
    return str(combo.currentData() or "")


def _dossier(unlocked: Unlocked, household_id: uuid.UUID) -> str:
    with unlocked.store.sessions() as session:
        return service.load_dossier(session, household_id).dossier_number


def test_a_proposal_goes_on_the_agenda_and_the_tab_follows_changes(
    qtbot: QtBot, unlocked: Unlocked, team: dict[str, uuid.UUID]
) -> None:
    with unlocked.store.sessions.begin() as session:
        action_service.add_action(
            session,
            team["hart"],
            ActionDraft(
                "Schuldhulp bellen", ActionOwner.MEDEWERKER, TODAY + timedelta(days=3), team["zoe"]
            ),
            not_before=TODAY,
        )
    meeting_id = _plan(unlocked, team)
    controller, presenter = _tab(qtbot, unlocked)
    widget = presenter.widget
    rows = [p for p in widget.proposals if p.household_id == team["hart"]]
    assert rows and "Actie van Zoë van 't Hart, uiterlijk 28-11-2026" in rows[0].reason
    assert not widget.propose_button.isEnabled()  # nothing chosen yet
    widget.proposal_table.selectRow(widget.proposals.index(rows[0]))
    assert widget.propose_button.isEnabled()

    def put_on(dialog: AgendaItemDialog) -> None:
        assert text_of_combo(dialog.field("household")) == str(team["hart"])
        reason = dialog.findChild(QLabel, "proposal_reason")
        assert reason is not None and rows[0].reason in reason.text()
        dialog.field("question").setPlainText("Loopt de schuldhulp? Wie neemt contact op?")
        press_save(qtbot, dialog)

    handled = on_modal(AgendaItemDialog, put_on)
    qtbot.mouseClick(widget.propose_button, Qt.MouseButton.LeftButton)
    assert handled
    (item,) = meetings.get_meeting(unlocked, meeting_id).items
    assert (item.household_id, item.draft.proposed) == (team["hart"], rows[0].kind)
    assert all(p.household_id != team["hart"] for p in widget.proposals)
    assert [row[2] for row in _agenda(widget)] == ["Van 't Hart"]

    # A change made anywhere in the window (here: the meeting moved a day) is shown at once.
    controller.ui.attempt(
        lambda: meetings.update_meeting(
            unlocked,
            meeting_id,
            MeetingDraft(
                MeetingKind.CASUISTIEK,
                MEETING_DAY + timedelta(days=1),
                "13:00",
                "",
                team["tessa"],
                team["zoe"],
            ),
        )
    )
    assert _cells(widget, 0)[2:4] == [
        (MEETING_DAY + timedelta(days=1)).strftime("%d-%m-%Y"),
        "13:00",
    ]


def test_the_tab_has_alt_keys_of_its_own(
    qtbot: QtBot, unlocked: Unlocked, team: dict[str, uuid.UUID]
) -> None:
    _plan(unlocked, team)
    controller, presenter = _tab(qtbot, unlocked)
    texts = [action.text() for action in controller.window.menuBar().actions()]
    buttons = presenter.widget.findChildren(QAbstractButton)
    texts += [b.text() for b in buttons if b.isVisibleTo(controller.window)]
    keys = [key for key in map(_mnemonic, texts) if key]
    assert len(keys) == len(set(keys)), sorted(keys)
    # Two buttons change their text (the same key for "Verder met overleg"): still unique.
    assert _mnemonic("Agenda he&ropenen") not in keys
    assert {"n", "i", "a", "o"} <= set(keys)
