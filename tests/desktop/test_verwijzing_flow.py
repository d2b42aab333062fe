"""A verwijzing as a user makes it in the dossier: one decider chosen twice is refused with
a Dutch message and nothing typed is lost; once stored, the team is asked for a new
risicotaxatie (Ja opens its form, Nee does not); then the status moves on with its date."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.presenters.verwijzing import TAXATIE_QUESTION
from desktop.session import Unlocked
from desktop.usecases import verwijzing
from models import households as service
from models.enums import MemberRole, VerwijzingStatus
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from models.validation import format_date
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import organisation
from views.dossier import DossierWidget
from views.dossier.verwijzing import VerwijzingSection
from views.taxatie import TaxatieDialog
from views.verwijzing import StatusDialog, VerwijzingDialog

REASON = "Aanhoudende angstklachten; school meldt verzuim."


@pytest.fixture
def opened(
    qtbot: QtBot, unlocked: Unlocked
) -> tuple[MainController, DossierWidget, uuid.UUID, dict[str, uuid.UUID]]:
    today = date.today()
    with unlocked.store.sessions.begin() as session:
        household_id = service.register_household(
            session,
            RegistrationDraft(HouseholdDraft("Yılmaz"), TrajectDraft(today - timedelta(days=30))),
        )
        ids = {
            "zoe": service.add_member(
                session,
                household_id,
                PersonDraft("Zoë", "Yılmaz", MemberRole.KIND, date_of_birth=date(2014, 4, 1)),
            ),
            "ggz": organisation(session, "GGZ Voorbeeldstad", "ggz"),
            "anouk": service.add_medewerker(session, "Anouk Verbeek", "generalist"),
            "lan": service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper"),
        }
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search()
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget, household_id, ids


def _choose(dialog: VerwijzingDialog | StatusDialog, key: str, code: str) -> None:
    combo = dialog.field(key)
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_a_verwijzing_refused_for_one_decider_then_stored_and_a_taxatie_offered(
    qtbot: QtBot,
    opened,
    message_boxes: MessageBoxes,  # type: ignore[no-untyped-def]
) -> None:
    controller, widget, household_id, ids = opened
    section = widget.section("verwijzing")
    assert isinstance(section, VerwijzingSection)
    seen: dict[str, str] = {}

    def fill(dialog: VerwijzingDialog) -> None:
        dialog.members.boxes[ids["zoe"]].setChecked(True)
        _choose(dialog, "organisation", str(ids["ggz"]))
        _choose(dialog, "hulpvorm", "jeugd_ggz")
        qtbot.keyClicks(dialog.field("reason"), REASON)
        _choose(dialog, "decider_1", str(ids["anouk"]))
        _choose(dialog, "decider_2", str(ids["anouk"]))  # the same one twice
        press_save(qtbot, dialog)
        assert dialog.isVisible(), "one decider is not enough"
        seen["error"] = dialog.error_text("decider_2")
        seen["kept"] = dialog.field("reason").toPlainText()
        assert dialog.members.chosen() == (ids["zoe"],)
        _choose(dialog, "decider_2", str(ids["lan"]))
        assert not dialog.error_text("decider_2")
        press_save(qtbot, dialog)

    message_boxes.answer = QMessageBox.StandardButton.Yes
    forms = on_modal(VerwijzingDialog, fill)
    taxatie_forms = on_modal(TaxatieDialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)

    assert len(forms) == 1
    assert "twee verschillende medewerkers" in seen["error"]
    assert seen["kept"] == REASON
    (record,) = verwijzing.verwijzingen(controller.unlocked, household_id)
    assert record.members == ("Zoë Yılmaz",)
    assert record.deciders == ("Anouk Verbeek", "Nguyễn Thị Lan")
    assert record.status.status is VerwijzingStatus.AANGEVRAAGD
    assert TAXATIE_QUESTION in message_boxes.texts()
    assert len(taxatie_forms) == 1, "Ja opens the risicotaxatie form"
    assert section.table.rowCount() == 1
    assert "aangevraagd" in section.table.item(0, 4).text()

    # the status moves on: gestart, from a date (not before aangevraagd, today)
    started = date.today()

    def start(dialog: StatusDialog) -> None:
        _choose(dialog, "status", VerwijzingStatus.GESTART.value)
        dialog.field("on").setText(format_date(started - timedelta(days=1)))
        press_save(qtbot, dialog)
        assert dialog.isVisible() and dialog.error_text("on"), "before aangevraagd"
        dialog.field("on").setText(format_date(started))
        press_save(qtbot, dialog)

    section.table.selectRow(0)
    assert section.status_button.isEnabled()
    on_modal(StatusDialog, start)
    qtbot.mouseClick(section.status_button, Qt.MouseButton.LeftButton)
    (record,) = verwijzing.verwijzingen(controller.unlocked, household_id)
    assert [(s.status, s.on) for s in record.history] == [
        (VerwijzingStatus.AANGEVRAAGD, date.today()),
        (VerwijzingStatus.GESTART, started),
    ]
    assert "gestart" in section.table.item(0, 4).text()


def test_nee_opens_no_taxatie(
    qtbot: QtBot,
    opened,
    message_boxes: MessageBoxes,  # type: ignore[no-untyped-def]
) -> None:
    controller, widget, household_id, ids = opened
    section = widget.section("verwijzing")
    assert isinstance(section, VerwijzingSection)

    def fill(dialog: VerwijzingDialog) -> None:
        dialog.members.boxes[ids["zoe"]].setChecked(True)
        _choose(dialog, "organisation", str(ids["ggz"]))
        _choose(dialog, "hulpvorm", "pleegzorg")
        qtbot.keyClicks(dialog.field("reason"), "Opvang nodig")
        _choose(dialog, "decider_1", str(ids["lan"]))
        _choose(dialog, "decider_2", str(ids["anouk"]))
        press_save(qtbot, dialog)

    message_boxes.answer = QMessageBox.StandardButton.No
    on_modal(VerwijzingDialog, fill)
    taxatie_forms = on_modal(TaxatieDialog, lambda dialog: dialog.reject(), tries=20)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert len(verwijzing.verwijzingen(controller.unlocked, household_id)) == 1
    assert TAXATIE_QUESTION in message_boxes.texts()
    assert taxatie_forms == []
