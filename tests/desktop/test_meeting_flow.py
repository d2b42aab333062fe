"""The casuïstiekoverleg from start to finish, through the real main windows of three accounts.

Two medewerkers, each with an account linked to a team member, bring a case in through the
Overleggen tab; the chair puts a case the app proposed (an action due before the meeting) on
the agenda, orders and closes it, names who attends and starts the meeting. In meeting mode
the chair is refused ending a case before the safety check, records a verwijzing decided by
two with actions, carries one case over and closes the meeting. The verwijzing is carried out
from the dossier's Besluiten uit overleg; the minutes are printed through Notulen… and read
back; and the next week's meeting proposes the household whose agreed action fell due.

Every date is fixed relative to ``tests.helpers.TODAY`` (the tab and meeting mode are given
their ``today``), so the test does not depend on the computer's date.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters.meeting_mode import MeetingModePresenter
from desktop.presenters.meetings import MeetingsPresenter
from desktop.session import Unlocked, unlock
from desktop.usecases import meetings, verwijzing
from desktop.usecases.accounts import add_account
from models import actions as action_service
from models import households as service
from models.enums import ActionOwner, MemberRole
from models.errors import Rule
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionKind,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
    MeetingStatus,
)
from models.permissions import Role
from models.records import ActionDraft, PersonDraft
from models.validation import Problem
from models.wording import PROBLEM, RULE
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import FAST_KDF, TODAY, organisation, register
from views import files
from views.actions import ActionDialog
from views.dossier.decisions import DecisionsSection
from views.meeting_mode import DecisionDialog, MeetingModeWindow
from views.meetings import AgendaItemDialog, AttendeesDialog, MeetingDialog, MeetingsWidget
from views.minutes import MinutesDialog
from views.pdf_preview import PdfPreviewDialog
from views.tables import ID_ROLE
from views.verwijzing import VerwijzingDialog

MEETING_DAY = TODAY + timedelta(days=7)
NEXT_WEEK = MEETING_DAY + timedelta(days=7)
HART_DUE = TODAY + timedelta(days=3)  # before the meeting: the app proposes Van 't Hart
LAN_DUE = MEETING_DAY + timedelta(days=3)  # agreed in the meeting, due before next week's
GGZ_DUE = NEXT_WEEK + timedelta(days=14)  # agreed in the meeting, not due next week yet
PASSWORD = "een-eigen-wachtwoord"
GGZ = "GGZ Voorbeeldstad"

LAN_QUESTION = "Schulden lopen op en Elif verzuimt; is jeugd-GGZ nodig?"
ZOE_QUESTION = "Vader wil het netwerk erbij; wie organiseert een netwerkberaad?"
HART_QUESTION = "Loopt de schuldhulp al? Wie neemt contact op?"
VERWIJZING_TEXT = "Intake jeugd-GGZ voor Elif"


@dataclass(frozen=True)
class Team:
    tessa: uuid.UUID  # the logged-in beheerder, chair of the meeting
    lan: uuid.UUID
    zoe: uuid.UUID
    ggz: uuid.UUID
    yilmaz: uuid.UUID
    elif_: uuid.UUID
    nguyen: uuid.UUID
    hart: uuid.UUID


@pytest.fixture
def team(unlocked: Unlocked) -> Team:
    with unlocked.store.sessions.begin() as session:
        tessa = service.add_medewerker(session, "Tessa Tester", "generalist")
        lan = service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper")
        zoe = service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach")
        ggz = organisation(session, GGZ, "ggz")
        yilmaz = register(session, "Yılmaz", regisseur_id=lan)
        elif_ = service.add_member(
            session,
            yilmaz,
            PersonDraft("Elif", "Yılmaz", MemberRole.KIND, date_of_birth=date(2014, 4, 1)),
        )
        nguyen = register(session, "Nguyễn", regisseur_id=zoe)
        hart = register(session, "Van 't Hart", regisseur_id=zoe)
        action_service.add_action(
            session,
            hart,
            ActionDraft("Schuldhulp bellen", ActionOwner.MEDEWERKER, HART_DUE, zoe),
            not_before=TODAY,
        )
    return Team(tessa, lan, zoe, ggz, yilmaz, elif_, nguyen, hart)


def _colleague(unlocked: Unlocked, login: str, name: str, medewerker_id: uuid.UUID) -> Unlocked:
    """An account of a medewerker, linked to its team member (the account's own name differs
    from the team member's: the link, not the name, makes it that colleague)."""
    add_account(
        unlocked,
        login=login,
        name=name,
        role=Role.MEDEWERKER,
        password=PASSWORD,
        medewerker_id=medewerker_id,
        cost=FAST_KDF,
    )
    return unlock(unlocked.store.path, login, PASSWORD)


@pytest.fixture
def lan(unlocked: Unlocked, team: Team) -> Iterator[Unlocked]:
    opened = _colleague(unlocked, "lan", "Lan Nguyễn", team.lan)
    yield opened
    opened.close()


@pytest.fixture
def zoe(unlocked: Unlocked, team: Team) -> Iterator[Unlocked]:
    opened = _colleague(unlocked, "zoe", "Zoë (jeugd)", team.zoe)
    yield opened
    opened.close()


def _window(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, MeetingsPresenter]:
    """The main window after a login, on the Overleggen tab, with its date fixed."""
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    presenter = controller.tabs["overleggen"]
    assert isinstance(presenter, MeetingsPresenter)
    presenter.today = TODAY
    controller.window.tabs.setCurrentWidget(presenter.widget)
    presenter.refresh()
    return controller, presenter


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _agenda(widget: MeetingsWidget) -> list[tuple[str, str, str]]:
    """Per row: the household, the question and who brought it in."""
    table = widget.agenda

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    return [(cell(r, 2), cell(r, 3), cell(r, 5)) for r in range(table.rowCount())]


def _bring_in(
    qtbot: QtBot, presenter: MeetingsPresenter, search: str, question: str, urgency: str
) -> None:
    """A medewerker brings a case in: finds the household by name, asks the team a question."""

    def fill(dialog: AgendaItemDialog) -> None:
        dialog.field("search").setText(search)  # (keyClicks types no ı or ễ)
        dialog.run_search()
        assert dialog.field("household").currentData() is not None, search
        qtbot.keyClicks(dialog.field("question"), question)
        _choose(dialog.field("urgency"), urgency)
        press_save(qtbot, dialog)

    handled = on_modal(AgendaItemDialog, fill)
    _click(qtbot, presenter.widget.bring_in_button)
    assert handled


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_a_casuistiekoverleg_from_bringing_in_to_the_next_agenda(
    qtbot: QtBot,
    unlocked: Unlocked,
    lan: Unlocked,
    zoe: Unlocked,
    team: Team,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    meeting_id = meetings.plan_meeting(
        unlocked,
        MeetingDraft(
            MeetingKind.CASUISTIEK,
            MEETING_DAY,
            "09:30",
            "Wijkcentrum De Schakel",
            team.tessa,
            team.zoe,
        ),
    )

    # --- two medewerkers bring a case in, each in their own window ---------------------------
    lan_controller, lan_tab = _window(qtbot, lan)
    assert lan_tab.widget.current_meeting_id() == meeting_id
    _bring_in(qtbot, lan_tab, "Yılmaz", LAN_QUESTION, "hoog")
    _zoe_controller, zoe_tab = _window(qtbot, zoe)
    _bring_in(qtbot, zoe_tab, "Nguyễn", ZOE_QUESTION, "normaal")
    assert _agenda(zoe_tab.widget) == [
        ("Yılmaz", LAN_QUESTION, "Nguyễn Thị Lan"),  # the linked team member, not the login
        ("Nguyễn", ZOE_QUESTION, "Zoë van 't Hart"),
    ]
    assert not zoe_tab.widget.up_button.isEnabled(), "only the chair orders the agenda"

    # --- the chair puts the app's proposal on the agenda, orders and closes it ------------------
    controller, tab = _window(qtbot, unlocked)
    widget = tab.widget
    assert widget.current_meeting_id() == meeting_id
    proposed = [p for p in widget.proposals if p.household_id == team.hart]
    assert [p.kind for p in proposed] == ["actie"], widget.proposals
    assert proposed[0].reason == f"Actie van Zoë van 't Hart, uiterlijk {HART_DUE:%d-%m-%Y}"
    assert all(p.household_id not in (team.yilmaz, team.nguyen) for p in widget.proposals)
    widget.proposal_table.selectRow(widget.proposals.index(proposed[0]))

    def put_on(dialog: AgendaItemDialog) -> None:
        assert dialog.field("household").currentData() == str(team.hart)
        dialog.field("question").setPlainText(HART_QUESTION)
        press_save(qtbot, dialog)

    handled = on_modal(AgendaItemDialog, put_on)
    _click(qtbot, widget.propose_button)
    assert handled
    assert all(p.household_id != team.hart for p in widget.proposals)
    assert [row[0] for row in _agenda(widget)] == ["Yılmaz", "Nguyễn", "Van 't Hart"]
    widget.agenda.selectRow(2)
    _click(qtbot, widget.up_button)
    _click(qtbot, widget.up_button)  # the proposed case goes first, and stays selected
    assert [row[0] for row in _agenda(widget)] == ["Van 't Hart", "Yılmaz", "Nguyễn"]
    _click(qtbot, widget.close_agenda_button)
    record = meetings.get_meeting(unlocked, meeting_id)
    assert record.agenda_closed
    assert [(i.household_id, i.draft.proposed) for i in record.items] == [
        (team.hart, "actie"),
        (team.yilmaz, ""),
        (team.nguyen, ""),
    ]

    # --- who attends, then start: meeting mode opens -------------------------------------------
    def attend(dialog: AttendeesDialog) -> None:
        for row in range(dialog.team.count()):
            entry = dialog.team.item(row)
            if entry.text().startswith(("Tessa Tester", "Nguyễn Thị Lan", "Zoë van 't Hart")):
                entry.setCheckState(Qt.CheckState.Checked)
        press_save(qtbot, dialog)

    handled_attendees = on_modal(AttendeesDialog, attend)
    _click(qtbot, widget.attendees_button)
    assert handled_attendees
    assert [a.name for a in meetings.get_meeting(unlocked, meeting_id).attendees] == [
        "Nguyễn Thị Lan",
        "Tessa Tester",
        "Zoë van 't Hart",
    ]
    tab.today = MEETING_DAY  # the day of the meeting
    _click(qtbot, widget.start_button)
    qtbot.waitUntil(lambda: bool(controller.ui.findChildren(MeetingModePresenter)))
    (mode,) = controller.ui.findChildren(MeetingModePresenter)
    window = mode.window  # a child of the main window; it deletes itself on closing
    assert isinstance(window, MeetingModeWindow)
    qtbot.waitUntil(window.isVisible)
    assert mode.today == MEETING_DAY
    assert meetings.get_meeting(unlocked, meeting_id).status is MeetingStatus.BEZIG

    # --- case 1: refused without the safety check, then ended ----------------------------------
    assert window.household_label.text().startswith("Van 't Hart")
    assert HART_QUESTION in window.question_label.text()
    qtbot.keyClicks(window.edits["information"], "Schuldhulp is nog niet gebeld.")
    qtbot.keyClicks(window.edits["conclusion"], "Zoe belt deze week de schuldhulp.")
    _click(qtbot, window.end_button)
    assert message_boxes.shown[-1] == ("warning", RULE[Rule.SAFETY_NOT_DISCUSSED])
    assert "veiligheid is besproken" in message_boxes.shown[-1][1]
    assert window.household_label.text().startswith("Van 't Hart"), "still on the case"
    assert meetings.get_meeting(unlocked, meeting_id).items[0].outcome is ItemOutcome.OPEN
    window.safety.setChecked(True)
    _click(qtbot, window.end_button)
    qtbot.waitUntil(lambda: window.household_label.text().startswith("Yılmaz"))

    # --- case 2: a verwijzing decided by two, and two actions -----------------------------------
    qtbot.keyClicks(window.edits["information"], "Elif verzuimt sinds mei.")
    qtbot.keyClicks(window.edits["conclusion"], "Verwijzen naar jeugd-GGZ.")
    window.safety.setChecked(True)
    one_decider: list[str] = []

    def decide(dialog: DecisionDialog) -> None:
        dialog.fill(
            {
                "kind": DecisionKind.VERWIJZEN.value,
                "organisation": str(team.ggz),
                "hulpvorm": "jeugd_ggz",
                "decider_1": str(team.tessa),
                "text": VERWIJZING_TEXT,
            }
        )
        press_save(qtbot, dialog)  # one decider: the form stays, and says why
        assert dialog.isVisible()
        one_decider.append(dialog.error_text("decider_2"))
        dialog.fill({"decider_2": str(team.lan)})
        press_save(qtbot, dialog)

    decided = on_modal(DecisionDialog, decide)
    _click(qtbot, window.decision_button)
    assert decided and one_decider == [PROBLEM[Problem.REQUIRED]]

    def act(description: str, owner: dict[str, str], due: date) -> None:
        def fill(dialog: ActionDialog) -> None:
            dialog.field("description").setPlainText(description)
            dialog.fill({"owner_kind": owner["owner_kind"]})
            dialog.fill({k: v for k, v in owner.items() if k != "owner_kind"})
            dialog.field("due_on").setText(due.strftime("%d-%m-%Y"))
            press_save(qtbot, dialog)

        acted = on_modal(ActionDialog, fill)
        _click(qtbot, window.action_button)
        assert acted

    act(
        "Aanmelding jeugd-GGZ versturen",
        {"owner_kind": ActionOwner.MEDEWERKER.value, "medewerker": str(team.lan)},
        LAN_DUE,
    )
    act(
        "Intake plannen met Elif en moeder",
        {"owner_kind": ActionOwner.ORGANISATIE.value, "organisation": str(team.ggz)},
        GGZ_DUE,
    )
    decisions = [window.decision_list.item(n).text() for n in range(window.decision_list.count())]
    assert decisions == [
        f"Verwijzen — {GGZ} — besloten door Tessa Tester en Nguyễn Thị Lan — {VERWIJZING_TEXT}"
    ]
    actions = [window.action_list.item(n).text() for n in range(window.action_list.count())]
    assert len(actions) == 2
    assert actions[0].startswith("Aanmelding jeugd-GGZ versturen — Nguyễn Thị Lan")
    assert actions[1].startswith(f"Intake plannen met Elif en moeder — {GGZ}")
    _click(qtbot, window.end_button)
    qtbot.waitUntil(lambda: window.household_label.text().startswith("Nguyễn"))

    # --- case 3: no time left, carried over; then the meeting closes --------------------------
    _click(qtbot, window.carry_button)
    _click(qtbot, window.close_button)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert "Het overleg is gesloten. De notulen zijn klaar." in message_boxes.texts()
    held = meetings.get_meeting(unlocked, meeting_id)
    assert held.status is MeetingStatus.GESLOTEN
    assert [i.outcome for i in held.items] == [
        ItemOutcome.BESPROKEN,
        ItemOutcome.BESPROKEN,
        ItemOutcome.DOORGESCHOVEN,
    ]
    hart_case, yilmaz_case, _nguyen_case = held.items
    assert hart_case.notes.information == "Schuldhulp is nog niet gebeld."
    assert hart_case.notes.safety_discussed
    assert yilmaz_case.notes.conclusion == "Verwijzen naar jeugd-GGZ."
    assert [a.draft.due_on for a in yilmaz_case.actions] == [LAN_DUE, GGZ_DUE]

    # --- Lan carries the verwijzing out from the dossier ----------------------------------------
    dossier = lan_controller.open_household(team.yilmaz)
    assert dossier is not None
    section = dossier.section("decisions")
    assert isinstance(section, DecisionsSection)
    qtbot.waitUntil(section.isVisible)
    (row,) = [
        r
        for r in range(section.table.rowCount())
        if section.table.item(r, 1).text() == "Verwijzen"  # type: ignore[union-attr]
    ]
    (decision,) = meetings.open_decisions(lan, team.yilmaz)
    assert section.table.item(row, 0).data(ID_ROLE) == decision.id  # type: ignore[union-attr]
    section.table.selectRow(row)
    prefilled: list[dict[str, str]] = []

    def carry_out(dialog: VerwijzingDialog) -> None:
        snapshot = dialog.snapshot()
        prefilled.append({k: snapshot[k] for k in ("organisation", "decider_1", "decider_2")})
        dialog.members.boxes[team.elif_].setChecked(True)
        press_save(qtbot, dialog)

    message_boxes.answer = QMessageBox.StandardButton.No  # no new risicotaxatie right now
    forms = on_modal(VerwijzingDialog, carry_out)
    _click(qtbot, section.carry_out_button)
    message_boxes.answer = None
    assert len(forms) == 1
    assert prefilled == [
        {"organisation": str(team.ggz), "decider_1": str(team.tessa), "decider_2": str(team.lan)}
    ]
    (made,) = verwijzing.verwijzingen(lan, team.yilmaz)
    assert made.organisation == GGZ
    assert made.deciders == ("Tessa Tester", "Nguyễn Thị Lan")
    assert made.draft.member_ids == (team.elif_,)
    assert meetings.open_decisions(lan, team.yilmaz) == []
    qtbot.waitUntil(lambda: section.table.rowCount() == 0)

    # --- the chair prints the minutes through Notulen… ------------------------------------------
    target = tmp_path / "notulen" / "overleg.pdf"
    monkeypatch.setattr(files, "save_path", lambda *_args: target)
    previews: list[list[PdfPreviewDialog]] = []

    def save_preview(dialog: PdfPreviewDialog) -> None:
        _click(qtbot, dialog.save_button)

    def internal(dialog: MinutesDialog) -> None:
        assert dialog.internal.isChecked(), "the internal version is the first choice"
        previews.append(on_modal(PdfPreviewDialog, save_preview, tries=3000))
        dialog.buttons.accepted.emit()

    tab.select(meeting_id)
    chosen = on_modal(MinutesDialog, internal)
    _click(qtbot, widget.minutes_button)
    assert chosen and previews and previews[0], "the minutes were previewed, then saved"
    qtbot.waitUntil(target.exists)
    text = _pdf_text(target)
    for expected in (
        f"nr. {held.number}",
        HART_QUESTION,
        LAN_QUESTION,
        ZOE_QUESTION,
        "Verwijzen naar jeugd-GGZ.",
        f"Verwijzen {VERWIJZING_TEXT}",
        f"Naar: {GGZ}",
        "Besloten door: Tessa Tester en Nguyễn Thị Lan",
        "Niet besproken, doorgeschoven",
        "Aanmelding jeugd-GGZ versturen",
        "Intake plannen met Elif en moeder",
        f"Actielijst overleg nr. {held.number}",
    ):
        assert expected in text, expected
    action_list = text[text.index("Actielijst") :]
    assert "Nguyễn Thị Lan Aanmelding jeugd-GGZ versturen" in action_list
    assert f"{GGZ} Intake plannen met Elif en moeder" in action_list

    # --- next week's meeting proposes the household whose agreed action fell due ---------------
    tab.today = NEXT_WEEK  # a week on: Lan's action is past its date, the GGZ's is not

    def plan_next(dialog: MeetingDialog) -> None:
        assert dialog.field("held_on").text() == NEXT_WEEK.strftime("%d-%m-%Y")
        assert dialog.field("chair_id").currentData() == str(team.tessa)
        _choose(dialog.field("minute_taker_id"), str(team.zoe))
        press_save(qtbot, dialog)

    planned = on_modal(MeetingDialog, plan_next)
    _click(qtbot, widget.new_button)
    assert planned
    next_id = widget.current_meeting_id()
    assert next_id is not None and next_id != meeting_id
    assert meetings.get_meeting(unlocked, next_id).held_on == NEXT_WEEK
    reasons = {p.household_id: p.reason for p in widget.proposals}
    assert team.yilmaz in reasons, reasons
    assert f"Actie van Nguyễn Thị Lan, uiterlijk {LAN_DUE:%d-%m-%Y}" in reasons[team.yilmaz]
    assert GGZ not in reasons[team.yilmaz], "the GGZ's intake is not due yet"
    assert "doorgeschoven" in reasons[team.nguyen]  # the case carried over comes back
    shown = [
        widget.proposal_table.item(r, 1).text()  # type: ignore[union-attr]
        for r in range(widget.proposal_table.rowCount())
    ]
    assert reasons[team.yilmaz] in shown


def test_a_change_during_the_meeting_reads_the_tabs_meeting_once(
    qtbot: QtBot,
    unlocked: Unlocked,
    team: Team,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Meeting mode records the notes on every move; the Overleggen tab behind it follows
    the change by reading the meeting once, not once per signal, and reads no proposals for
    a running meeting (they are for planning an agenda, and costly on a large team)."""
    meeting_id = meetings.plan_meeting(
        unlocked,
        MeetingDraft(MeetingKind.CASUISTIEK, MEETING_DAY, "09:30", "", team.tessa, team.zoe),
    )
    controller, tab = _window(qtbot, unlocked)
    _bring_in(qtbot, tab, "Yılmaz", LAN_QUESTION, "hoog")
    meetings.set_attendees(unlocked, meeting_id, [AttendeeDraft(team.tessa)])
    meetings.start_meeting(unlocked, meeting_id)
    reads: list[uuid.UUID] = []
    proposals: list[uuid.UUID] = []
    read, proposed = meetings.get_meeting, meetings.proposals_for

    def counted(opened: Unlocked, wanted: uuid.UUID) -> object:
        reads.append(wanted)
        return read(opened, wanted)

    def proposing(opened: Unlocked, wanted: uuid.UUID) -> object:
        proposals.append(wanted)
        return proposed(opened, wanted)

    (item,) = meetings.get_meeting(unlocked, meeting_id).items
    monkeypatch.setattr(meetings, "get_meeting", counted)
    monkeypatch.setattr(meetings, "proposals_for", proposing)
    recorded = controller.ui.attempt(
        lambda: meetings.record_notes(unlocked, item.id, CaseNotes(information="Verzuim."))
    )
    assert recorded is not None
    assert reads == [meeting_id]
    assert tab.widget.current_meeting_id() == meeting_id
    tab.widget.search.setText("zzz")  # filtered away and back: shown again, once
    tab.widget.search.setText("")
    assert reads == [meeting_id, meeting_id]
    assert proposals == []


def test_the_tab_out_of_view_refreshes_when_it_comes_back(
    qtbot: QtBot,
    unlocked: Unlocked,
    team: Team,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change made elsewhere (a dossier save) does not make the hidden Overleggen tab read
    the meeting and its proposals; coming back into view shows the change."""
    meetings.plan_meeting(
        unlocked,
        MeetingDraft(MeetingKind.CASUISTIEK, MEETING_DAY, "09:30", "", team.tessa, team.zoe),
    )
    controller, tab = _window(qtbot, unlocked)
    controller.window.tabs.setCurrentIndex(0)  # Huishoudens
    qtbot.waitUntil(lambda: not tab.widget.isVisible())
    reads: list[uuid.UUID] = []
    read = meetings.get_meeting

    def counted(opened: Unlocked, wanted: uuid.UUID) -> object:
        reads.append(wanted)
        return read(opened, wanted)

    monkeypatch.setattr(meetings, "get_meeting", counted)
    assert tab.meeting is not None
    meeting_id = tab.meeting.id
    controller.ui.attempt(
        lambda: meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(team.yilmaz, "Hoe verder?"))
    )
    assert reads == []
    controller.window.tabs.setCurrentWidget(tab.widget)
    qtbot.waitUntil(lambda: len(reads) == 1)
    assert [row[0] for row in _agenda(tab.widget)] == ["Yılmaz"]
