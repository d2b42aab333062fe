"""A risicotaxatie as a user makes it: a concept, concluded, reviewed through Meekijken by a
colleague on the same laptop, and then visible in the list, the header and Gezinsleden."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from desktop.usecases import taxatie
from desktop.usecases.accounts import add_account
from models import households as service
from models.enums import MemberRole, Safety, TaxatieState, Verdict
from models.permissions import Role
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import FAST_KDF
from views.dossier import DossierWidget
from views.dossier.members import MembersSection
from views.dossier.taxatie import TaxatieSection
from views.household_table_model import COL_SAFETY
from views.taxatie import MeekijkenDialog, TaxatieDialog

KARIN_PASSWORD = "karin-eigen-wachtwoord"


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, DossierWidget, uuid.UUID]:
    add_account(
        unlocked,
        login="karin",
        name="Karin Bosman",
        role=Role.MEDEWERKER,
        password=KARIN_PASSWORD,
        cost=FAST_KDF,
    )
    with unlocked.store.sessions.begin() as session:
        household_id = service.register_household(
            session, RegistrationDraft(HouseholdDraft("Yılmaz"), TrajectDraft(date(2026, 1, 5)))
        )
        service.add_member(
            session,
            household_id,
            PersonDraft("Zoë", "Yılmaz", MemberRole.KIND, date_of_birth=date(2016, 4, 1)),
        )
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search()
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget, household_id


def _choose(dialog: TaxatieDialog, key: str, code: str) -> None:
    combo = dialog.field(key)
    combo.setCurrentIndex(combo.findData(code))


def test_a_taxatie_from_concept_through_meekijken_to_the_list_and_header(
    qtbot: QtBot,
    opened,
    message_boxes: MessageBoxes,  # type: ignore[no-untyped-def]
) -> None:
    controller, widget, household_id = opened
    section = widget.section("taxatie")
    assert isinstance(section, TaxatieSection)
    zoe = service_member(controller, household_id)

    # 1. a concept: one factor and a safety; not yet sent for review
    def first(dialog: TaxatieDialog) -> None:
        _choose(dialog, "person", str(zoe))
        _choose(dialog, "factor:kind_angst", "aanwezig")
        qtbot.keyClicks(dialog.field("remark:kind_angst"), "wil niet naar huis")
        _choose(dialog, "safety", Safety.ONVEILIG.value)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)  # refused: open fields
        assert dialog.isVisible() and dialog.error_text("risk")
        press_save(qtbot, dialog)

    on_modal(TaxatieDialog, first)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    (concept,) = taxatie.taxaties(controller.unlocked, household_id)
    assert concept.state is TaxatieState.CONCEPT and concept.subject == "Zoë Yılmaz"
    assert concept.draft.answer("kind_angst").remark == "wil niet naar huis"  # type: ignore[union-attr]
    header = widget.findChild(QLabel, "safety_status")
    assert header is not None and "onveilig (concept)" in header.text()

    # 2. completed and sent for review; a colleague looks along at once (Meekijken)
    def complete(dialog: TaxatieDialog) -> None:
        for factor in taxatie.instrument().factors:
            if not dialog.field(f"factor:{factor.code}").currentData():
                _choose(dialog, f"factor:{factor.code}", "onbekend")
        _choose(dialog, "risk", "hoog")
        dialog.field("onderbouwing").insertPlainText("Zoë is bang om naar huis te gaan.")
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    tries: list[str] = []

    def review(dialog: MeekijkenDialog) -> None:
        qtbot.keyClicks(dialog.field("login"), "karin")
        qtbot.keyClicks(dialog.field("password"), "verkeerd-wachtwoord")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "klopt niet" in dialog.error.text()
        assert dialog.field("password").text() == ""  # never left standing
        tries.append("wrong")
        qtbot.keyClicks(dialog.field("password"), KARIN_PASSWORD)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    on_modal(TaxatieDialog, complete)
    reviewed = on_modal(MeekijkenDialog, review, tries=600)
    message_boxes.answer = QMessageBox.StandardButton.Yes  # "kijkt er nu een collega mee?"
    section.table.selectRow(0)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reviewed) and not reviewed[0].isVisible())
    assert tries == ["wrong"]

    (done,) = taxatie.taxaties(controller.unlocked, household_id)
    assert (done.state, done.verdict, done.reviewer_login) == (
        TaxatieState.GETOETST,
        Verdict.AKKOORD,
        "karin",
    )
    assert done.conclusion is Safety.ONVEILIG

    # 3. always visible: the list, the header, beside Zoë in Gezinsleden
    controller.search("yilmaz")
    model = controller.household_list.model
    assert model.index(0, COL_SAFETY).data() == "onveilig"
    assert "onveilig" in header.text() and "concept" not in header.text()
    assert "volgende taxatie" in header.text()
    members = widget.section("members")
    assert isinstance(members, MembersSection)
    assert members.table.item(0, 5).text() == "onveilig"  # type: ignore[union-attr]


def service_member(controller: MainController, household_id: uuid.UUID) -> uuid.UUID:
    with controller.unlocked.store.sessions() as session:
        return service.load_dossier(session, household_id).members[0].id


def test_te_doen_lists_an_overdue_reassessment_and_opens_its_household(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    from datetime import timedelta

    from desktop.presenters.todo import TodoPresenter
    from models import taxatie as taxatie_model
    from models.enums import FactorAnswer, Risk
    from models.records import FactorDraft, TaxatieDraft

    long_ago = date.today() - timedelta(weeks=8)
    with unlocked.store.sessions.begin() as session:
        medewerker = service.add_medewerker(session, "Tessa Tester", "generalist")
        household_id = service.register_household(
            session,
            RegistrationDraft(
                HouseholdDraft("Nguyễn"),
                TrajectDraft(long_ago - timedelta(days=10), regisseur_id=medewerker),
            ),
        )
        factors = tuple(
            FactorDraft(f.code, FactorAnswer.ONBEKEND) for f in taxatie_model.instrument().factors
        )
        draft = TaxatieDraft(None, long_ago, factors, Safety.ONVEILIG, Risk.HOOG, "Spanning.")
        taxatie_model.submit(session, household_id, draft, unlocked.actor)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    presenter = controller.tabs["te_doen"]
    assert isinstance(presenter, TodoPresenter)
    table = presenter.widget.table
    assert presenter.widget.mine()  # my households first: Tessa is the regisseur
    assert table.rowCount() == 1 and "(te laat)" in table.item(0, 0).text()  # type: ignore[union-attr]
    assert table.item(0, 3).text() == "Nguyễn"  # type: ignore[union-attr]
    presenter.widget.scope.setCurrentIndex(1)  # the team: the same line
    assert table.rowCount() == 1
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert household_id in controller.dossiers


def test_closing_the_traject_asks_for_a_new_taxatie(
    qtbot: QtBot,
    opened,
    message_boxes: MessageBoxes,  # type: ignore[no-untyped-def]
) -> None:
    from desktop.presenters.taxatie import CLOSED_QUESTION
    from desktop.usecases import traject
    from models.records import Closure

    controller, widget, household_id = opened
    current = widget.dossier.traject
    assert current is not None
    message_boxes.answer = QMessageBox.StandardButton.No
    controller.ui.attempt(
        lambda: traject.close_traject(
            controller.unlocked, current.id, Closure(date.today(), "doelen_bereikt")
        )
    )
    assert CLOSED_QUESTION in message_boxes.texts()
    # another change to the closed traject does not ask again
    asked = message_boxes.texts().count(CLOSED_QUESTION)
    widget_dossier = controller.dossiers[household_id]
    widget_dossier.reload()
    assert message_boxes.texts().count(CLOSED_QUESTION) == asked == 1
