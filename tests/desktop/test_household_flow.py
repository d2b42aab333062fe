"""Whole flows against a database file, typed and clicked as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked, unlock
from models import households as service
from models.enums import MemberRole, Phase
from models.validation import Problem
from models.wording import PROBLEM
from tests.desktop.modal import on_modal, press_save
from tests.helpers import TEST_LOGIN, TEST_PASSWORD
from views.dialogs import CloseDialog, PersonDialog, RegisseurDialog, RegistrationDialog
from views.dossier import DossierWidget


def _start(qtbot: QtBot, unlocked: Unlocked) -> MainController:
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search("", True)
    return controller


def _current_dossier(controller: MainController) -> DossierWidget:
    widget = controller.window.tabs.currentWidget()
    assert isinstance(widget, DossierWidget)
    return widget


def test_register_add_member_reopen_and_find(
    qtbot: QtBot, db_path: Path, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        service.add_medewerker(session, "Anouk Verbeek", "jeugd_gezinscoach")

    controller = _start(qtbot, unlocked)

    def fill_registration(dialog: RegistrationDialog) -> None:
        # QTest types ASCII only; a Turkish dotless i arrives as an input method would.
        qtbot.keyClicks(dialog.field("name"), "Y")
        dialog.field("name").insert("ılmaz")
        qtbot.keyClicks(dialog.field("street"), "Merelweg")
        qtbot.keyClicks(dialog.field("house_number"), "14")
        qtbot.keyClicks(dialog.field("postcode"), "1234ab")
        qtbot.keyClicks(dialog.field("city"), "Voorbeeldstad")
        qtbot.keyClicks(dialog.field("question"), "Wij willen hulp bij de opvoeding.")
        herkomst = dialog.field("herkomst")
        herkomst.setCurrentIndex(herkomst.findText("Huisarts"))
        regisseur = dialog.field("regisseur")
        regisseur.setCurrentIndex(regisseur.findText("Anouk Verbeek"))
        press_save(qtbot, dialog)

    handled = on_modal(RegistrationDialog, fill_registration)
    qtbot.mouseClick(controller.household_list.new_button, Qt.MouseButton.LeftButton)
    assert handled, "the registration form did not open"
    dossier = _current_dossier(controller)
    assert dossier.title.text() == "Yılmaz"
    assert dossier.section("traject").labels["regisseur"].text().startswith("Anouk Verbeek")

    problems_seen: list[str] = []

    def fill_member(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Elif")
        assert dialog.field("last_name").text() == "Yılmaz"  # the household's name, proposed
        qtbot.keyClicks(dialog.field("date_of_birth"), "14-02-2009")
        qtbot.keyClicks(dialog.field("bsn"), "123456789")
        press_save(qtbot, dialog)
        problems_seen.append(dialog.error_text("bsn"))
        assert dialog.isVisible() and dialog.field("first_name").text() == "Elif"
        assert dialog.field("date_of_birth").text() == "14-02-2009"
        dialog.field("bsn").clear()
        qtbot.keyClicks(dialog.field("bsn"), "111222333")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, fill_member)
    qtbot.mouseClick(
        dossier.findChild(type(dossier.section("members").edit_button), "add_member"),
        Qt.MouseButton.LeftButton,
    )
    assert problems_seen == [PROBLEM[Problem.BSN_ELFPROEF]]
    assert dossier.section("members").table.rowCount() == 1
    controller.unlocked.store.close()
    controller.window.close()

    # Start again on the same file: find the household by typing, open it with Enter.
    again = _start(qtbot, unlock(db_path, TEST_LOGIN, TEST_PASSWORD))
    qtbot.keyClicks(again.household_list.search, "yilmaz 1234")
    qtbot.waitUntil(lambda: again.household_list.model.rowCount() == 1, timeout=3000)
    qtbot.keyClick(again.household_list.search, Qt.Key.Key_Return)
    reopened = _current_dossier(again)
    assert reopened.title.text() == "Yılmaz"
    assert reopened.section("members").table.item(0, 0).text() == "Elif Yılmaz"
    assert reopened.section("members").table.item(0, 4).text() == "111222333"
    assert reopened.section("traject").labels["herkomst"].text() == "Huisarts"
    again.unlocked.store.close()

    with unlock(db_path, TEST_LOGIN, TEST_PASSWORD).store.sessions() as session:
        row = service.search_households(session, "111222333")[0]
        stored = service.load_dossier(session, row.id)
    assert stored.household.postcode == "1234 AB" and stored.household.street == "Merelweg"
    assert stored.members[0].role is MemberRole.KIND
    assert (
        stored.traject is not None
        and stored.traject.question == "Wij willen hulp bij de opvoeding."
    )


def test_change_regisseur_then_close_the_traject(qtbot: QtBot, unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
        service.add_medewerker(session, "Bas Hoekstra", "generalist")
        household_id = service.register_household(
            session,
            service.RegistrationDraft(
                service.HouseholdDraft("Bakker"),
                service.TrajectDraft(
                    registered_on=__import__("datetime").date(2026, 1, 5), regisseur_id=anouk
                ),
            ),
        )
    controller = _start(qtbot, unlocked)
    dossier = controller.open_household(household_id)
    assert dossier is not None

    def pick_bas(dialog: RegisseurDialog) -> None:
        combo = dialog.field("medewerker")
        combo.setCurrentIndex(combo.findText("Bas Hoekstra"))
        press_save(qtbot, dialog)

    on_modal(RegisseurDialog, pick_bas)
    button = dossier.section("traject").regisseur_button
    qtbot.waitUntil(lambda: button.height() > 0)  # laid out, as a user sees it, before a click
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dossier.section("traject").labels["regisseur"].text().startswith("Bas Hoekstra")
    assert "Anouk Verbeek: 05-01-2026 –" in dossier.section("traject").regisseurs.text()

    def close_it(dialog: CloseDialog) -> None:
        press_save(qtbot, dialog)  # no reason yet: stays open
        assert dialog.isVisible()
        reason = dialog.field("reason")
        reason.setCurrentIndex(reason.findText("Doelen bereikt"))
        press_save(qtbot, dialog)

    on_modal(CloseDialog, close_it)
    qtbot.mouseClick(dossier.section("traject").close_button, Qt.MouseButton.LeftButton)
    assert dossier.badge.text() == "Afgesloten"
    assert dossier.section("traject").new_button.isVisible()
    assert controller.household_list.model.rowCount() == 0  # the list shows open trajecten

    with controller.unlocked.store.sessions() as session:
        traject = service.load_dossier(session, household_id).traject
    assert traject is not None and traject.phase is Phase.AFGESLOTEN
    assert traject.close_reason == "doelen_bereikt"
    controller.unlocked.store.close()
