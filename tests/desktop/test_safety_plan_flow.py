"""Signs of Safety and the veiligheidsplan on the dossier screen, typed and clicked as a user
does, against a database file: then what is stored, what the screen shows, and the log."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from models import households as service
from models import safety_plan as safety
from models.access import household_log
from models.enums import MemberRole, Respondent
from models.permissions import AccessAction
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from models.validation import Problem
from models.wording import PROBLEM
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import leave
from views.dossier import DossierWidget
from views.safety_plan import AgreementDialog, PlanVersionDialog, SettleDialog, SignsOfSafetyDialog

Opened = tuple[MainController, DossierWidget, uuid.UUID, dict[str, uuid.UUID]]


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> Iterator[Opened]:
    with unlocked.store.sessions.begin() as session:
        household_id = service.register_household(
            session, RegistrationDraft(HouseholdDraft("Yılmaz"), TrajectDraft(date(2026, 9, 1)))
        )
        people = {
            first: service.add_member(
                session, household_id, PersonDraft(first, last, role, date_of_birth=born)
            )
            for first, last, role, born in (
                ("Elif", "Yılmaz", MemberRole.OUDER, date(1990, 3, 4)),
                ("Emre", "Çelik", MemberRole.KIND, date(2012, 6, 15)),
                ("Zoë", "Hart", MemberRole.KIND, date(2015, 2, 28)),
            )
        }
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    yield controller, widget, household_id, people


def test_signs_of_safety_then_a_veiligheidsplan_agreed_with_the_parents(
    qtbot: QtBot, opened: Opened, message_boxes: MessageBoxes
) -> None:
    controller, widget, household_id, people = opened
    signs, plan = widget.section("signs_of_safety"), widget.section("safety_plan")
    assert plan.status.text().startswith("Nog geen veiligheidsplan")
    assert not plan.add_button.isVisible() and plan.new_button.isVisible()

    seen: dict[str, object] = {}

    def fill_in(dialog: SignsOfSafetyDialog) -> None:
        seen["fields"] = sorted(k for k in dialog.snapshot() if k.startswith("scale_"))
        qtbot.keyClicks(dialog.field("worries"), "Ruzies thuis; de kinderen horen het.")
        qtbot.keyClicks(dialog.field("going_well"), "Oma komt elke week.")
        qtbot.keyClicks(dialog.field("next_steps"), "Een plek waar de kinderen heen kunnen.")
        qtbot.keyClicks(dialog.field("scale_team"), "4")
        emre = dialog.field(f"scale_{people['Emre']}")
        qtbot.keyClicks(emre, "11")
        leave(qtbot, emre)
        seen["error"] = dialog.error_text(f"scale_{people['Emre']}")
        press_save(qtbot, dialog)  # refused by the form: it stays open
        assert dialog.isVisible()
        emre.clear()
        qtbot.keyClicks(emre, "3")
        qtbot.keyClicks(dialog.field(f"scale_{people['Elif']}"), "6")
        press_save(qtbot, dialog)

    on_modal(SignsOfSafetyDialog, fill_in)
    qtbot.mouseClick(signs.add_button, Qt.MouseButton.LeftButton)
    assert seen["error"] == PROBLEM[Problem.SCALE_0_10]
    assert seen["fields"] == sorted(["scale_team", *(f"scale_{p}" for p in people.values())])
    with controller.unlocked.store.sessions() as session:
        (stored,) = safety.list_signs(session, household_id)
        log = household_log(session, household_id)
    assert stored.draft.next_steps == "Een plek waar de kinderen heen kunnen."
    assert [(a.respondent, a.score, a.person_id) for a in stored.draft.answers] == [
        (Respondent.TEAM, 4, None),
        (Respondent.OUDER, 6, people["Elif"]),
        (Respondent.JONGERE, 3, people["Emre"]),
    ]
    assert signs.table.rowCount() == 1
    assert signs.table.item(0, 1).text() == "Team 4 · Elif 6 · Emre 3"
    assert log[0].action is AccessAction.CHANGE and log[0].detail == "signs of safety vastgelegd"
    assert "Ruzies" not in log[0].detail

    def new_version(dialog: PlanVersionDialog) -> None:
        seen["goal"] = dialog.field("goal").toPlainText()
        seen["from"] = dialog.findChild(type(plan.status), "starts_from").text()
        press_save(qtbot, dialog)

    on_modal(PlanVersionDialog, new_version)
    qtbot.mouseClick(plan.new_button, Qt.MouseButton.LeftButton)
    assert seen["goal"] == "Een plek waar de kinderen heen kunnen."  # fed from the Signs
    assert "Signs of Safety van" in str(seen["from"])
    assert "concept" in plan.status.text() and plan.add_button.isVisible()
    assert not plan.new_button.isVisible()

    def agreement(dialog: AgreementDialog) -> None:
        qtbot.keyClicks(dialog.field("what"), "Elif belt oma en gaat met de kinderen naar haar.")
        qtbot.keyClicks(dialog.field("who"), "Elif")
        qtbot.keyClicks(dialog.field("trigger"), "Zodra de ruzie escaleert")
        qtbot.keyClicks(dialog.field("checker"), "Casusregisseur, wekelijks")
        qtbot.keyClicks(dialog.field("network"), "Oma")
        press_save(qtbot, dialog)

    on_modal(AgreementDialog, agreement)
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    assert plan.table.rowCount() == 1 and plan.table.item(0, 1).text() == "Elif"

    def settle(dialog: SettleDialog) -> None:
        how = dialog.field("agreed_how")
        press_save(qtbot, dialog)  # agreed with the parents, but not said how: refused
        seen["how"] = dialog.error_text("agreed_how")
        how.setCurrentIndex(how.findData("huisbezoek"))
        press_save(qtbot, dialog)

    on_modal(SettleDialog, settle)
    qtbot.mouseClick(plan.settle_button, Qt.MouseButton.LeftButton)
    assert seen["how"] == PROBLEM[Problem.REQUIRED]
    assert "afgesproken met de ouders" in plan.status.text()
    # Agreed: read-only on screen, and the gezinsplan reads its agreements.
    assert not plan.add_button.isVisible() and not plan.edit_button.isVisible()
    assert plan.new_button.isVisible()
    assert "geldt nu" in plan.version.currentText()
    with controller.unlocked.store.sessions() as session:
        (held,) = safety.current_agreements(session, household_id)
    assert (held.who, held.trigger, held.network) == ("Elif", "Zodra de ruzie escaleert", "Oma")

    on_modal(PlanVersionDialog, lambda dialog: press_save(qtbot, dialog))
    qtbot.mouseClick(plan.new_button, Qt.MouseButton.LeftButton)
    assert plan.version.count() == 2 and plan.version.currentText().startswith("Versie 2")
    assert plan.table.rowCount() == 1  # version 1's agreement, to change in version 2
    assert plan.edit_button.isVisible() and plan.add_button.isVisible()
    plan.version.setCurrentIndex(1)  # version 1 can still be read, not changed
    assert "Versie 1" in plan.status.text() and not plan.add_button.isVisible()
    assert message_boxes.shown == []
