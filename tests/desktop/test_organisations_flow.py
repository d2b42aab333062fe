"""Organisations through the window: picked in the consent form, added on the spot, managed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters.organisations import manage_organisations
from desktop.session import Unlocked, unlock
from desktop.usecases import organisations as usecases
from desktop.usecases.accounts import add_account
from models import households as service
from models.consents import list_consents
from models.permissions import PermissionDenied, Role
from models.records import HouseholdDraft, OrganisationDraft, RegistrationDraft, TrajectDraft
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import FAST_KDF
from views.dialogs import ConsentDialog
from views.organisations import OrganisationDialog


def test_consent_with_an_organisation_added_on_the_spot(qtbot: QtBot, unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = service.register_household(
            session, RegistrationDraft(HouseholdDraft("Bakker"), TrajectDraft(date(2026, 1, 5)))
        )
    usecases.add_organisation(unlocked, OrganisationDraft("GGZ Voorbeeldstad", "ggz"))
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    widget = controller.open_household(household_id)
    assert widget is not None

    def new_organisation(dialog: OrganisationDialog) -> None:
        qtbot.keyClicks(dialog.field("name"), "Huisarts Jansen")
        kind = dialog.field("kind")
        kind.setCurrentIndex(kind.findData("huisarts"))
        press_save(qtbot, dialog)

    def consent(dialog: ConsentDialog) -> None:
        on_modal(OrganisationDialog, new_organisation)
        qtbot.mouseClick(dialog.findChild(QWidget, "new_organisation"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.field("given_by"), "moeder")
        press_save(qtbot, dialog)

    handled = on_modal(ConsentDialog, consent)
    widget.section("consents").addRequested.emit()
    assert handled
    organisations = {o.name: o for o in usecases.list_organisations(unlocked)}
    assert organisations["Huisarts Jansen"].kind == "huisarts"
    with unlocked.store.sessions() as session:
        [stored] = list_consents(session, household_id)
    assert stored.organisation_id == organisations["Huisarts Jansen"].id
    assert stored.given_by == "moeder"
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert controller.window.findChildren(ConsentDialog) == []
    assert controller.window.findChildren(OrganisationDialog) == []


def test_beheerder_adds_and_switches_off_an_organisation(
    qtbot: QtBot, unlocked: Unlocked, message_boxes: MessageBoxes
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dialog = manage_organisations(window, unlocked)
    assert dialog.switch_button.isVisibleTo(dialog)

    def fill(form: OrganisationDialog) -> None:
        qtbot.keyClicks(form.field("name"), "Basisschool De Linde")
        kind = form.field("kind")
        kind.setCurrentIndex(kind.findData("school"))
        press_save(qtbot, form)

    on_modal(OrganisationDialog, fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [school] = usecases.list_organisations(unlocked)
    assert (school.name, school.kind, school.active) == ("Basisschool De Linde", "school", True)
    assert dialog.selected() == school.id

    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert usecases.list_organisations(unlocked, active_only=True) == []
    assert dialog.table.item(0, 3).text() == "uitgeschakeld"
    dialog.close()


@pytest.fixture
def medewerker(unlocked: Unlocked) -> Unlocked:
    add_account(
        unlocked,
        login="anouk",
        name="Anouk Verbeek",
        role=Role.MEDEWERKER,
        password="anouks-wachtwoord",
        cost=FAST_KDF,
    )
    return unlock(unlocked.store.path, "anouk", "anouks-wachtwoord")


def test_a_medewerker_adds_but_does_not_switch_off(
    qtbot: QtBot, unlocked: Unlocked, medewerker: Unlocked
) -> None:
    ggz = usecases.add_organisation(medewerker, OrganisationDraft("GGZ Voorbeeldstad", "ggz"))
    usecases.update_organisation(medewerker, ggz.id, OrganisationDraft("GGZ Voorbeeldstad", "ggz"))
    with pytest.raises(PermissionDenied):
        usecases.deactivate_organisation(medewerker, ggz.id)
    window = QWidget()
    qtbot.addWidget(window)
    dialog = manage_organisations(window, medewerker)
    assert not dialog.switch_button.isVisibleTo(dialog)
    dialog.close()
    medewerker.close()
