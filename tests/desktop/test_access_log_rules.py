"""The logging rules, pinned on a screen flow: exactly which access-log lines a user's actions write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked, unlock
from desktop.usecases import households
from desktop.usecases.base import output
from models.access import household_log
from models.permissions import AccessAction
from models.records import HouseholdDraft, RegistrationDraft, TrajectDraft
from tests.desktop.modal import on_modal, press_save
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, register
from views.dialogs import ContactDialog, HouseholdDialog, RegistrationDialog


def _sequence(unlocked: Unlocked, household_id: object) -> list[tuple[AccessAction, str]]:
    """The household's log, oldest first, as (action, detail)."""
    with unlocked.store.sessions() as session:
        lines = household_log(session, household_id)  # type: ignore[arg-type]
    return [(line.action, line.detail) for line in reversed(lines)]


def test_a_screen_flow_writes_one_open_and_one_change_per_save(
    qtbot: QtBot, db_path: Path, unlocked: Unlocked
) -> None:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search()

    def fill_in(dialog: RegistrationDialog) -> None:
        dialog.field("name").setText("Zoë van 't Hart")  # keyClicks types ASCII only
        press_save(qtbot, dialog)

    on_modal(RegistrationDialog, fill_in)
    household_id = controller.households.register()
    assert household_id is not None
    widget = controller.window.tabs.currentWidget()

    def contact(note: str):  # type: ignore[no-untyped-def]
        def act(dialog: ContactDialog) -> None:
            qtbot.keyClicks(dialog.field("note"), note)
            press_save(qtbot, dialog)

        return act

    for note in ("eerste", "tweede", "derde"):
        on_modal(ContactDialog, contact(note))
        qtbot.mouseClick(
            widget.section("contacts").add_button,  # type: ignore[union-attr]
            Qt.MouseButton.LeftButton,
        )
    # Opening the tab again that is already open, and closing and opening it anew.
    controller.open_household(household_id)
    controller.window.close_tab(controller.window.tabs.indexOf(widget))
    controller.open_household(household_id)

    assert _sequence(unlocked, household_id) == [
        (AccessAction.CHANGE, "aangemeld"),
        (AccessAction.OPEN, ""),
        (AccessAction.CHANGE, "contactmoment toegevoegd"),
        (AccessAction.CHANGE, "contactmoment toegevoegd"),
        (AccessAction.CHANGE, "contactmoment toegevoegd"),
        (AccessAction.OPEN, ""),
    ]
    with unlocked.store.sessions() as session:
        lines = household_log(session, household_id)
    number = households.dossier(unlocked, household_id).dossier_number
    assert number and {line.dossier_number for line in lines} == {number}


def test_registration_is_logged_with_its_dossier_number(unlocked: Unlocked) -> None:
    draft = RegistrationDraft(HouseholdDraft("Yılmaz"), TrajectDraft(date(2026, 11, 2)))
    changed = households.register(unlocked, draft)
    assert changed.household_id is not None
    [line] = [
        line
        for line in households.household_log(unlocked, changed.household_id)
        if line.action is AccessAction.CHANGE
    ]
    assert line.detail == "aangemeld"
    assert line.dossier_number == households.dossier(unlocked, changed.household_id).dossier_number
    assert line.dossier_number.startswith(str(date.today().year))


def test_an_output_about_several_households_shows_in_each_familys_log(
    db_path: Path, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        ids = [register(session, name) for name in ("Bakker", "Nguyễn Thị Lan", "Çelik")]
    output(unlocked, AccessAction.EXPORT, ids, detail="lijst lopende trajecten")
    for household_id in ids:
        assert _sequence(unlocked, household_id)[-1] == (
            AccessAction.EXPORT,
            "lijst lopende trajecten",
        )
    # One line, not three, in the whole log; found by each dossier number too.
    from desktop.usecases import access

    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        exports = [line for line in access.search(again) if line.action is AccessAction.EXPORT]
        assert len(exports) == 1
        number = households.dossier(again, ids[1]).dossier_number
        assert next(line.detail for line in access.search(again, dossier_number=number)) == (
            "lijst lopende trajecten"
        )
    finally:
        again.close()


def test_saving_an_unchanged_form_stores_and_logs_nothing(
    qtbot: QtBot, db_path: Path, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Yılmaz")
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    widget = controller.open_household(household_id)
    assert widget is not None
    before = _sequence(unlocked, household_id)
    on_modal(HouseholdDialog, lambda dialog: press_save(qtbot, dialog))
    qtbot.mouseClick(widget.edit_household, Qt.MouseButton.LeftButton)
    assert _sequence(unlocked, household_id) == before
