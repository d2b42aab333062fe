"""The gezinsplan wired into the rest of the dossier: a new ZRM starts with the plan's goal
targets, and the member form records gezag, woont elders and an afgeschermd address."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from models import gezinsplan as plans
from models import households as service
from models import zrm
from models.enums import MemberRole
from models.gezinsplan_records import GezinsplanDraft, GoalDraft, PartyDraft
from models.records import MeasurementDraft, PersonDraft, ScoreDraft
from tests.desktop.modal import on_modal, press_save
from tests.helpers import TODAY, register
from views.dialogs import PersonDialog
from views.dossier import DossierWidget
from views.instrument_choice import InstrumentChoiceDialog
from views.zrm import ZrmScoringDialog


@pytest.fixture
def dossier(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, DossierWidget, uuid.UUID]:
    """Maud, with a ZRM from October (Financiën 2, her own target then 3) and a vastgesteld
    plan whose goals set Financiën 4 and Huisvesting 5 for her."""
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        maud = service.add_member(
            session, household_id, PersonDraft("Maud", "Bakker", MemberRole.OUDER), today=TODAY
        )
        zrm.save_measurement(
            session,
            maud,
            MeasurementDraft(
                "zrm", "2017", date(2026, 10, 1), "Anouk", (ScoreDraft("financien", 2, target=3),)
            ),
            today=TODAY,
        )
        plan_id = plans.new_version(
            session, household_id, GezinsplanDraft(date(2026, 11, 2)), today=TODAY
        )
        for item, level in (("financien", 4), ("huisvesting", 5)):
            plans.add_goal(
                session, plan_id, GoalDraft(f"Doel {item}", (maud,), "zrm", "2017", item, level)
            )
        plans.add_goal(session, plan_id, GoalDraft("Een doel zonder domein", (maud,)))
        plans.set_parties(
            session, plan_id, [PartyDraft(maud, date(2026, 11, 3), "huisbezoek")], today=TODAY
        )
        plans.settle(session, plan_id, date(2026, 11, 3), today=TODAY, by="anouk")
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget, maud


def test_a_new_zrm_starts_with_the_plans_targets_and_leaves_the_stored_one_alone(
    qtbot: QtBot, dossier: tuple[MainController, DossierWidget, uuid.UUID], unlocked: Unlocked
) -> None:
    _controller, widget, maud = dossier
    seen: dict[str, int | None] = {}

    def score(dialog: ZrmScoringDialog) -> None:
        seen.update(
            {code: dialog.grid.score_of(code).target for code in ("financien", "huisvesting")}
        )
        seen["werk"] = dialog.grid.score_of("werk_opleiding").target
        assert not dialog.grid.score_of("financien").scored  # a target, never a level
        qtbot.keyClicks(dialog.grid, "3")  # one level: a partial measurement may be saved
        dialog.accept()

    on_modal(InstrumentChoiceDialog, lambda dialog: dialog.accept())
    on_modal(ZrmScoringDialog, score)
    widget.section("measurements").scoreRequested.emit(maud)
    assert seen == {"financien": 4, "huisvesting": 5, "werk": None}
    with unlocked.store.sessions() as session:
        stored = {m.measured_on: m for m in zrm.person_measurements(session, maud)}
    assert stored[date(2026, 10, 1)].draft.score("financien") == ScoreDraft(
        "financien", 2, target=3
    )
    new = next(m for on, m in stored.items() if on != date(2026, 10, 1))
    assert new.draft.score("financien").target == 4  # type: ignore[union-attr]


def test_the_member_form_records_gezag_living_elsewhere_and_a_shielded_address(
    qtbot: QtBot, dossier: tuple[MainController, DossierWidget, uuid.UUID], unlocked: Unlocked
) -> None:
    _controller, widget, _maud = dossier
    states: list[bool] = []

    def fill(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Kees")
        states.append(dialog.field("address").isEnabled())  # only for someone living elsewhere
        qtbot.mouseClick(dialog.field("gezag"), Qt.MouseButton.LeftButton)
        dialog.field("lives_elsewhere").click()
        states.append(dialog.field("address").isEnabled())
        qtbot.keyClicks(dialog.field("address"), "Dorpsstraat 4, Zwolle")
        dialog.field("address_shielded").click()
        press_save(qtbot, dialog)

    on_modal(PersonDialog, fill)
    members = widget.section("members")
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    assert states == [False, True]
    with unlocked.store.sessions() as session:
        dossier_record = service.load_dossier(session, widget.household_id)
    kees = next(m for m in dossier_record.members if m.first_name == "Kees")
    assert (kees.gezag, kees.lives_elsewhere, kees.address, kees.address_shielded) == (
        True,
        True,
        "Dorpsstraat 4, Zwolle",
        True,
    )
    row = next(
        r for r in range(members.table.rowCount()) if "Kees" in members.table.item(r, 0).text()
    )
    marks = members.table.item(row, 6)
    assert marks.text() == "gezag, woont elders, adres afgeschermd"
    assert marks.toolTip() == "Dorpsstraat 4, Zwolle"
    # Kees lives elsewhere: the household's own address is not afgeschermd by him
    assert "afgeschermd" not in widget.subtitle.text()


def test_a_shielded_member_living_here_marks_the_household_address(
    qtbot: QtBot, dossier: tuple[MainController, DossierWidget, uuid.UUID], unlocked: Unlocked
) -> None:
    _controller, widget, maud = dossier

    def shield(dialog: PersonDialog) -> None:
        assert not dialog.field("address_shielded").isChecked()
        dialog.field("address_shielded").click()
        press_save(qtbot, dialog)

    on_modal(PersonDialog, shield)
    widget.section("members").editRequested.emit(maud)
    assert widget.subtitle.text().endswith("(adres afgeschermd: niet afdrukken)")
    with unlocked.store.sessions() as session:
        assert service.load_dossier(session, widget.household_id).address_shielded


def test_a_member_living_elsewhere_keeps_no_address_once_moved_back(session) -> None:  # type: ignore[no-untyped-def]
    """The service, not only the form: an address is kept only for a member living elsewhere."""
    household_id = register(session, "Jansen")
    piet = service.add_member(
        session,
        household_id,
        PersonDraft("Piet", "Jansen", MemberRole.OUDER, lives_elsewhere=True, address="Elders 1"),
        today=TODAY,
    )
    service.update_member(
        session,
        piet,
        PersonDraft("Piet", "Jansen", MemberRole.OUDER, address="Elders 1"),
        today=TODAY,
    )
    (record,) = service.load_dossier(session, household_id).members
    assert (record.lives_elsewhere, record.address) == (False, "")
