"""The keyboard and sensible defaults, through the whole window on a database file: the
search field after logging in, proposals in the member and contact forms, the dossier's
Alt-keys, and the ZRM member following the member selected."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from models import households as service
from models.enums import ContactKind, MemberRole
from models.records import ContactDraft, PersonDraft
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal
from tests.helpers import TODAY, register
from views.dialogs import ContactDialog, PersonDialog
from views.dossier import DossierWidget


def _start(qtbot: QtBot, unlocked: Unlocked) -> MainController:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    controller.window.windowHandle().requestActivate()
    qtbot.waitUntil(controller.window.isActiveWindow, timeout=1000)
    controller.search()
    return controller


@pytest.fixture
def household(unlocked: Unlocked) -> uuid.UUID:
    with unlocked.store.sessions.begin() as session:
        service.add_medewerker(session, "Anouk Verbeek", "generalist")
        service.add_medewerker(session, "Tessa Tester", "generalist")  # the one logged in
        return register(session, "De Vries")


def _open(
    qtbot: QtBot, unlocked: Unlocked, household_id: uuid.UUID
) -> tuple[MainController, DossierWidget]:
    controller = _start(qtbot, unlocked)
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget


def test_after_logging_in_typing_searches(qtbot: QtBot, unlocked: Unlocked, household) -> None:  # type: ignore[no-untyped-def]
    controller = _start(qtbot, unlocked)
    search = controller.household_list.search
    assert controller.window.focusWidget() is search
    qtbot.keyClicks(controller.window.focusWidget(), "vries")
    qtbot.waitUntil(lambda: controller.household_list.model.total() == 1, timeout=2000)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # the one hit opens
    assert isinstance(controller.window.tabs.currentWidget(), DossierWidget)


def test_members_added_one_after_another_get_the_surname_and_a_role(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    _controller, widget = _open(qtbot, unlocked, household)
    members = widget.section("members")

    def add(keys: list[str | Qt.Key]) -> None:
        def type_in(dialog: PersonDialog) -> None:
            qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)  # so Tab selects, as on screen
            for key in keys:  # from the field the cursor starts in: Voornaam
                if isinstance(key, str):
                    qtbot.keyClicks(dialog.focusWidget(), key)
                else:
                    qtbot.keyClick(dialog.focusWidget(), key)

        handled = on_modal(PersonDialog, type_in)
        qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
        assert handled, "the member form did not open"

    tab, back, enter = Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Return
    # The household is 'De Vries', but Jan is a Bos: he overwrites the proposal.
    add(["Jan", tab, back, tab, "Bos", tab, "12-03-1985", enter])
    with unlocked.store.sessions() as session:
        (jan,) = service.load_dossier(session, household).members
    assert (jan.infix, jan.last_name, jan.role) == ("", "Bos", MemberRole.OUDER)
    # Sem gets the first member's surname and, from his date of birth, the role Kind.
    add(["Sem", tab, tab, tab, "01-04-2015", enter])
    with unlocked.store.sessions() as session:
        _jan, sem = service.load_dossier(session, household).members
    assert (sem.first_name, sem.infix, sem.last_name, sem.role) == (
        "Sem",
        "",
        "Bos",
        MemberRole.KIND,
    )
    # A young adult: Jongvolwassene, proposed.
    add(["Lisa", tab, tab, tab, "01-04-2006", enter])
    with unlocked.store.sessions() as session:
        roles = {m.first_name: m.role for m in service.load_dossier(session, household).members}
    assert roles["Lisa"] is MemberRole.JONGVOLWASSENE


def test_a_new_contact_has_the_logged_in_medewerker(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    _controller, widget = _open(qtbot, unlocked, household)

    def type_in(dialog: ContactDialog) -> None:
        assert dialog.field("medewerker").currentText() == "Tessa Tester"
        qtbot.keyClicks(dialog.focusWidget(), "Huisbezoek, afspraken gemaakt.")
        dialog.accept()

    handled = on_modal(ContactDialog, type_in)
    qtbot.mouseClick(widget.section("contacts").add_button, Qt.MouseButton.LeftButton)
    assert handled
    with unlocked.store.sessions() as session:
        (contact,) = service.load_dossier(session, household).contacts
    assert contact.medewerker == "Tessa Tester"
    assert contact.note == "Huisbezoek, afspraken gemaakt."


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if at >= 0 else None


def test_the_dossiers_actions_have_alt_keys_of_their_own(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    controller, widget = _open(qtbot, unlocked, household)
    texts = [action.text() for action in controller.window.menuBar().actions()]
    texts += [
        b.text() for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(controller.window)
    ]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.buddy() is not None]
    keys = [key for key in map(_mnemonic, texts) if key]
    assert len(keys) == len(set(keys)), sorted(keys)
    with_key = {t.replace("&", "") for t in texts if _mnemonic(t)}
    for action in (
        "Gezinslid toevoegen…",
        "Contactmoment vastleggen…",
        "Toestemming vastleggen…",
        "Meting afnemen…",
        "Fase wijzigen…",
        "Gegevens wijzigen…",
    ):
        assert action in with_key

    # An Alt-key presses its button the way a click does (shown pressed for a moment).
    for key, form in ((Qt.Key.Key_G, PersonDialog), (Qt.Key.Key_C, ContactDialog)):
        handled = on_modal(form, lambda dialog: dialog.done(0))
        controller.window.windowHandle().requestActivate()  # offscreen has no window manager
        qtbot.waitUntil(controller.window.isActiveWindow, timeout=1000)  # to give it back
        qtbot.keyClick(controller.window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda handled=handled: bool(handled), timeout=2000)


def test_tab_leaves_the_members_table_and_enter_changes_the_selected_member(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, message_boxes: MessageBoxes
) -> None:
    with unlocked.store.sessions.begin() as session:
        for first in ("Jan", "Sem", "Eva"):
            service.add_member(session, household, PersonDraft(first, "Vries", MemberRole.KIND))
    _controller, widget = _open(qtbot, unlocked, household)
    table = widget.section("members").table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus(), "Tab walked into the next cell"

    seen: list[str] = []
    on_modal(PersonDialog, lambda dialog: (seen.append(dialog.windowTitle()), dialog.done(0)))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert seen == ["Gezinslid wijzigen"]
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # asks first; the answer here is No
    assert message_boxes.texts()[-1].endswith("uit dit huishouden verwijderen?")
    assert table.rowCount() == 3


def _in_view(widget: DossierWidget, button: QWidget) -> bool:
    scroll = widget.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().value() == 0
    viewport = scroll.viewport()
    return viewport.rect().contains(QRect(button.mapTo(viewport, QPoint(0, 0)), button.size()))


def test_contacts_and_zrm_buttons_are_in_view_on_a_1280x800_window(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    def add(members: int, contacts: int) -> None:
        with unlocked.store.sessions.begin() as session:
            for n in range(members):
                draft = PersonDraft(f"Kind{n}", "Vries", MemberRole.KIND)
                service.add_member(session, household, draft, today=TODAY)
            for n in range(contacts):
                draft = ContactDraft(TODAY, ContactKind.TELEFOON, f"Gebeld {n}")
                service.add_contact(session, household, draft, today=TODAY)

    add(members=4, contacts=2)  # a usual household: both sections' buttons are in view
    controller, widget = _open(qtbot, unlocked, household)
    controller.window.resize(1280, 800)
    qtbot.wait(50)
    assert _in_view(widget, widget.section("contacts").add_button)
    zrm_button = widget.findChild(QAbstractButton, "score_zrm")
    assert isinstance(zrm_button, QAbstractButton) and _in_view(widget, zrm_button)

    add(members=4, contacts=6)  # as full as the tables get without scrolling: eight and eight
    controller.open_household(household)
    qtbot.wait(50)
    assert widget.section("members").table.rowCount() == 8
    assert _in_view(widget, widget.section("contacts").add_button)


def test_the_zrm_member_follows_the_member_selected(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    with unlocked.store.sessions.begin() as session:
        ids = [
            service.add_member(
                session,
                household,
                PersonDraft(first, "Vries", MemberRole.KIND, date_of_birth=born),
                today=TODAY,
            )
            for first, born in (("Jan", date(1980, 1, 1)), ("Sem", date(2015, 1, 1)))
        ]
    _controller, widget = _open(qtbot, unlocked, household)
    members = widget.section("members").table
    zrm_member = widget.section("measurements").member
    assert zrm_member.currentData() == ids[0]
    rect = members.visualItemRect(members.item(1, 0))
    qtbot.mouseClick(members.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert zrm_member.currentData() == ids[1]
    qtbot.keyClick(members, Qt.Key.Key_Up)  # by keyboard too
    assert zrm_member.currentData() == ids[0]
    members.clearSelection()  # nothing selected: the ZRM box keeps its member
    assert zrm_member.currentData() == ids[0]


def test_meeting_mode_has_alt_keys_of_its_own(qtbot: QtBot, unlocked: Unlocked) -> None:
    """Meeting mode's buttons and labelled fields, in an MDO (every field shown)."""
    from desktop.presenters.meeting_mode import open_meeting_mode
    from models import meetings
    from models.meeting_records import AgendaItemDraft, AttendeeDraft, MeetingDraft, MeetingKind

    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
        household = register(session, "Yılmaz")
        meeting_id = meetings.plan_meeting(
            session, MeetingDraft(MeetingKind.MDO, TODAY, "09:30", "", anouk, anouk)
        )
        meetings.bring_in(session, meeting_id, AgendaItemDraft(household, "Wat is nodig?"))
        meetings.set_attendees(session, meeting_id, [AttendeeDraft(anouk)])
        meetings.start_meeting(session, meeting_id)
    controller = _start(qtbot, unlocked)
    presenter = open_meeting_mode(controller.ui, meeting_id)
    assert presenter is not None
    window = presenter.window
    qtbot.addWidget(window)
    window.family.setCurrentIndex(window.family.findData("niet"))  # the reason is asked too
    texts = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    texts += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(window)
    ]
    keys = [key for key in map(_mnemonic, texts) if key]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert len(keys) >= 14
