"""The keyboard and sensible defaults, through the whole window on a database file: the
search field after logging in, proposals in the member and contact forms, the dossier's
Alt-keys, and the ZRM member following the member selected."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from models import households as service
from models.enums import MemberRole
from tests.desktop.modal import on_modal
from tests.helpers import register
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
