"""The gezinsplan on the dossier screen, typed and clicked as a user does, against a database
file: a plan with two goals and three actions, vaststellen with the parents (refused first,
nothing typed lost), a second version with a changed goal while version 1 still reads as it
was, and an evaluation."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from models import gezinsplan as plan_service
from models import households as service
from models.actions import Action
from models.enums import ActionOrigin, ActionOwner, MemberRole
from models.errors import Rule
from models.gezinsplan_records import GoalChange, GoalOutcome
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from models.validation import Problem, format_date
from models.wording import PROBLEM, RULE
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from views import files
from views.actions import ActionDialog
from views.dossier import DossierWidget
from views.dossier.gezinsplan import GezinsplanSection
from views.gezinsplan import (
    EvaluationDateDialog,
    EvaluationDialog,
    GoalDialog,
    PlanPrintDialog,
    PlanTextsDialog,
    SettleDialog,
    party_key,
)
from views.pdf_preview import PdfPreviewDialog

Opened = tuple[MainController, DossierWidget, uuid.UUID, dict[str, uuid.UUID]]


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> Iterator[Opened]:
    with unlocked.store.sessions.begin() as session:
        household_id = service.register_household(
            session, RegistrationDraft(HouseholdDraft("Yılmaz"), TrajectDraft(date(2026, 9, 1)))
        )
        people = {
            first: service.add_member(
                session,
                household_id,
                PersonDraft(first, last, role, date_of_birth=born, gezag=gezag),
            )
            for first, last, role, born, gezag in (
                ("Elif", "Yılmaz", MemberRole.OUDER, date(1990, 3, 4), True),
                ("Hasan", "Yılmaz", MemberRole.OUDER, date(1987, 8, 21), True),
                ("Emre", "Çelik", MemberRole.KIND, date(2020, 6, 15), False),
            )
        }
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    yield controller, widget, household_id, people


def _print_from_section(
    qtbot: QtBot, plan: GezinsplanSection, target: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Afdrukken… → for the family → the preview → Opslaan; the saved PDF's text."""
    monkeypatch.setattr(files, "save_path", lambda *_args: target)

    def save(dialog: PdfPreviewDialog) -> None:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def for_the_family(dialog: PlanPrintDialog) -> None:
        assert dialog.family.isChecked()
        on_modal(PdfPreviewDialog, save)
        dialog.accept()

    on_modal(PlanPrintDialog, for_the_family)
    _click(qtbot, plan.print_button)
    qtbot.waitUntil(target.exists, timeout=5000)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages]
    return " ".join(" ".join(pages).split())


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _select(plan: GezinsplanSection, goal: int, action: int | None = None) -> None:
    model = plan.goals.model_
    index = model.index(goal, 0)
    if action is not None:
        index = model.index(action, 0, index)
    plan.goals.setCurrentIndex(index)


def _goal(qtbot: QtBot, plan: GezinsplanSection, text: str, member: uuid.UUID) -> None:
    def fill_in(dialog: GoalDialog) -> None:
        dialog.members.boxes[member].setChecked(True)
        press_save(qtbot, dialog)  # no description: refused by the form, the choice kept
        assert dialog.isVisible()
        assert dialog.error_text("description") == PROBLEM[Problem.REQUIRED]
        assert dialog.members.chosen() == (member,)
        qtbot.keyClicks(dialog.field("description"), text)
        if "Geld" in text:
            instrument = dialog.field("instrument")
            instrument.setCurrentIndex(instrument.findData("zrm|2017"))
            item = dialog.field("item_code")
            item.setCurrentIndex(item.findData("financien"))
            level = dialog.field("target_level")
            level.setCurrentIndex(level.findData("4"))
        press_save(qtbot, dialog)

    on_modal(GoalDialog, fill_in)
    _click(qtbot, plan.add_goal_button)


def _action(qtbot: QtBot, plan: GezinsplanSection, text: str, who: uuid.UUID) -> None:
    due = format_date(date.today() + timedelta(days=21))

    def fill_in(dialog: ActionDialog) -> None:
        qtbot.keyClicks(dialog.field("description"), text)
        kind = dialog.field("owner_kind")
        kind.setCurrentIndex(kind.findData(ActionOwner.GEZINSLID.value))
        press_save(qtbot, dialog)  # no one chosen, no date: refused, the text kept
        assert dialog.isVisible()
        assert dialog.error_text("person") == PROBLEM[Problem.REQUIRED]
        assert dialog.error_text("due_on") == PROBLEM[Problem.REQUIRED]
        assert dialog.field("description").toPlainText() == text
        person = dialog.field("person")
        person.setCurrentIndex(person.findData(str(who)))
        qtbot.keyClicks(dialog.field("due_on"), due)
        press_save(qtbot, dialog)

    on_modal(ActionDialog, fill_in)
    _click(qtbot, plan.add_action_button)


def test_a_plan_written_agreed_changed_and_evaluated(
    qtbot: QtBot,
    opened: Opened,
    message_boxes: MessageBoxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller, widget, household_id, people = opened
    plan = widget.section("gezinsplan")
    assert isinstance(plan, GezinsplanSection)
    assert plan.status.text().startswith("Nog geen gezinsplan")
    assert plan.new_button.isVisible() and plan.new_button.text() == "Gezinsplan maken…"
    assert not plan.add_goal_button.isVisible()

    def texts(dialog: PlanTextsDialog) -> None:
        qtbot.keyClicks(dialog.field("situation"), "Elif en Hasan wonen met Emre in Zwolle.")
        qtbot.keyClicks(dialog.field("question"), "Rust in huis en minder schulden.")
        press_save(qtbot, dialog)

    on_modal(PlanTextsDialog, texts)
    _click(qtbot, plan.new_button)
    assert "Versie 1 · Concept" in plan.status.text()
    assert "Rust in huis" in plan.texts.text()
    assert plan.add_goal_button.isVisible() and not plan.new_button.isVisible()

    _goal(qtbot, plan, "Geldzaken op orde", people["Elif"])
    _goal(qtbot, plan, "Emre gaat elke dag naar school", people["Emre"])
    _select(plan, 0)
    _action(qtbot, plan, "Afspraak maken met schuldhulp", people["Elif"])
    _select(plan, 0)
    _action(qtbot, plan, "Post elke week openen", people["Hasan"])
    _select(plan, 1)
    _action(qtbot, plan, "Emre naar school brengen", people["Hasan"])
    rows = plan.goals.row_texts()
    assert [r[0] for r in rows] == [
        "1. Geldzaken op orde",
        "  Afspraak maken met schuldhulp",
        "  Post elke week openen",
        "2. Emre gaat elke dag naar school",
        "  Emre naar school brengen",
    ]
    assert rows[0][2].startswith("Financiën: doel 4")
    assert rows[1][1] == "Elif Yılmaz" or rows[1][1].startswith("Elif")

    # Vaststellen: refused without Hasan's agreement; what was typed stays, in the form and
    # in the store.
    today = format_date(date.today())
    seen: dict[str, object] = {}

    def second(dialog: SettleDialog) -> None:
        seen["elif"] = dialog.field(party_key("agreed_on", people["Elif"])).text()
        seen["how"] = dialog.field(party_key("agreed_how", people["Elif"])).currentData()
        seen["parties"] = [p.name for p in dialog.parties]
        qtbot.keyClicks(dialog.field(party_key("agreed_on", people["Hasan"])), today)
        how = dialog.field(party_key("agreed_how", people["Hasan"]))
        how.setCurrentIndex(how.findData("gesprek"))
        _click(qtbot, dialog.settle_button)

    def first(dialog: SettleDialog) -> None:
        qtbot.keyClicks(dialog.field(party_key("agreed_on", people["Elif"])), today)
        how = dialog.field(party_key("agreed_how", people["Elif"]))
        how.setCurrentIndex(how.findData("huisbezoek"))
        on_modal(SettleDialog, second)
        _click(qtbot, dialog.settle_button)

    on_modal(SettleDialog, first)
    _click(qtbot, plan.settle_button)
    refusal = RULE[Rule.GEZINSPLAN_AGREEMENTS_MISSING]
    assert ("warning", refusal) in message_boxes.shown
    assert seen["elif"] == today and seen["how"] == "huisbezoek"
    assert sorted(seen["parties"]) == ["Elif Yılmaz", "Hasan Yılmaz"]  # type: ignore[arg-type]
    assert plan.status.text() == f"<b>Versie 1 · Vastgesteld op {date.today():%-d-%-m-%Y}</b>"
    assert plan.new_button.isVisible() and plan.new_button.text() == "Nieuwe versie"
    assert not plan.add_goal_button.isVisible()
    assert any("ZRM-meting doen voor Elif" in t for t in message_boxes.texts())  # answered Nee
    with controller.unlocked.store.sessions() as session:
        live = session.query(Action).filter(Action.household_id == household_id).all()
        stored = plan_service.plans(session, household_id)
    assert sorted(a.description for a in live) == [
        "Afspraak maken met schuldhulp",
        "Emre naar school brengen",
        "Post elke week openen",
    ]
    assert {a.origin for a in live} == {ActionOrigin.GEZINSPLAN}
    current = stored.current
    assert current is not None
    assert {(p.name, p.draft.agreed_how) for p in current.parties} == {
        ("Elif Yılmaz", "huisbezoek"),
        ("Hasan Yılmaz", "gesprek"),
    }
    assert plan.goals.row_texts()[1][3] == "Open"

    # Printed from the section for the family: goals, owners, dates and signature lines.
    first_print = _print_from_section(qtbot, plan, tmp_path / "versie1.pdf", monkeypatch)
    assert "Afspraak maken met schuldhulp" in first_print
    assert "Post elke week openen" in first_print
    due = f"{date.today() + timedelta(days=21):%d-%m-%Y}"
    assert f"Post elke week openen Hasan Yılmaz {due} Nog doen" in first_print  # who, when
    signatures = first_print.split("Handtekeningen", 1)[1]
    for signer in ("Elif Yılmaz", "Hasan Yılmaz"):
        assert f"{signer} Akkoord gegeven op" in signatures
    assert signatures.count("Handtekening Datum") == 3  # Elif, Hasan and the regisseur

    # A new version: goal 1 changed; version 1 still reads as it was.
    _click(qtbot, plan.new_button)
    assert plan.version.count() == 2
    assert plan.version.currentText() == "Versie 2 · Concept"

    def change_goal(dialog: GoalDialog) -> None:
        dialog.field("description").setPlainText("Geldzaken op orde, met een budgetplan")
        press_save(qtbot, dialog)

    _select(plan, 0)
    on_modal(GoalDialog, change_goal)
    _click(qtbot, plan.edit_goal_button)
    rows = plan.goals.row_texts()
    assert rows[0][0] == "1. Geldzaken op orde, met een budgetplan"
    assert rows[0][3] == "gewijzigd"
    assert "gewijzigd sinds versie 1" in plan.goals.model_.item(0, 0).toolTip()
    plan.version.setCurrentIndex(plan.version.findData(1))
    assert plan.goals.row_texts()[0][0] == "1. Geldzaken op orde"
    assert "Vastgesteld" in plan.status.text() and not plan.add_goal_button.isVisible()
    # version 1 printed again reads exactly as before
    again = _print_from_section(qtbot, plan, tmp_path / "versie1-weer.pdf", monkeypatch)
    assert again == first_print

    # An evaluation of version 1, which holds until version 2 is vastgesteld.
    def evaluation_date(dialog: EvaluationDateDialog) -> None:
        qtbot.keyClicks(dialog.field("planned_on"), today)
        press_save(qtbot, dialog)

    on_modal(EvaluationDateDialog, evaluation_date)
    _click(qtbot, plan.evaluation_date_button)
    assert plan.version.currentData() == 1  # still reading version 1
    assert plan.evaluate_button.isVisible() and plan.evaluate_button.isEnabled()

    def evaluate(dialog: EvaluationDialog) -> None:
        key = dialog.goals[0].key
        outcome = dialog.field(f"outcome:{key}")
        outcome.setCurrentIndex(outcome.findData(GoalOutcome.DEELS.value))
        qtbot.keyClicks(dialog.field(f"what:{key}"), "Eerste gesprek met schuldhulp was goed.")
        press_save(qtbot, dialog)

    on_modal(EvaluationDialog, evaluate)
    _click(qtbot, plan.evaluate_button)
    with controller.unlocked.store.sessions() as session:
        stored = plan_service.plans(session, household_id)
    assert stored.current is not None and stored.concept is not None
    (held,) = stored.current.evaluations
    assert held.held_on == date.today()
    assert [(r.goal, r.draft.outcome) for r in held.results] == [
        ("Geldzaken op orde", GoalOutcome.DEELS)
    ]
    assert stored.concept.goals[0].change is GoalChange.CHANGED
    parts = [r[0].strip() for r in plan.parts.row_texts()]
    assert f"Evaluatie {date.today():%-d-%-m-%Y}" in parts
    assert "Deels behaald" in [r[1] for r in plan.parts.row_texts()]
    # No dialog left open, nothing but the expected messages.
    assert not [w for w in controller.window.findChildren(QDialog) if w.isVisible()]
    assert all(kind in ("warning", "question") for kind, _text in message_boxes.shown)
