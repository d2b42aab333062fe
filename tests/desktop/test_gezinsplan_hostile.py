"""The printed gezinsplan after the household changed under it: members who left, a
shielded address, names with diacritics in the file name and the log."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked, unlock
from desktop.usecases import gezinsplan as usecase
from desktop.usecases.gezinsplan_print import plan_document
from models import gezinsplan as plans
from models import households as household_service
from models.gezinsplan_records import PartyDraft
from tests.conftest import MessageBoxes
from tests.desktop.gezinsplan_fixture import family, written_plan
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, TODAY
from views.dossier.gezinsplan import GezinsplanSection


def _text(pdf: bytes) -> str:
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return " ".join(" ".join(pages).split())


def test_a_plan_still_opens_prints_and_renews_after_members_left(unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        f = written_plan(session, family(session))
        # Elif (named in a goal, owner of an action, agreed, her chart allowed) and Deniz
        # (with a 'na je 18e' part) leave the household
        household_service.remove_member(session, f.elif_)
        household_service.remove_member(session, f.deniz)
    shown = usecase.plans(unlocked, f.household).current
    assert shown is not None and shown.goals[0].members == ("(oud gezinslid)",)
    text = _text(plan_document(unlocked, f.household, today=TODAY).pdf)
    assert "Schulden op een rij" in text and "Wekker zetten" in text
    # a new version without them can be agreed and vastgesteld
    with unlocked.store.sessions.begin() as session:
        new = plans.new_version(session, f.household, today=TODAY)
        plans.set_parties(
            session,
            new,
            [
                PartyDraft(r.person_id, TODAY, "huisbezoek")
                for r in plans.required_parties(session, new, TODAY)
            ],
            today=TODAY,
        )
        plans.settle(session, new, TODAY, today=TODAY, by="lan")
    text = _text(plan_document(unlocked, f.household, today=TODAY).pdf)
    assert "Versie 2" in text and "Schulden op een rij" in text


def test_a_concept_settled_or_dropped_in_another_window_is_said_in_dutch(
    qtbot: QtBot, unlocked: Unlocked, db_path: Path, message_boxes: MessageBoxes
) -> None:
    """Two windows on one file: the second vaststelt the concept the first still shows;
    the first's edit of a goal, an action or an evaluation is a Dutch message, not a crash."""
    with unlocked.store.sessions.begin() as session:
        f = written_plan(session, family(session), settle=False)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(f.household)
    assert widget is not None
    section = widget.section("gezinsplan")
    assert isinstance(section, GezinsplanSection)
    shown = usecase.plans(unlocked, f.household).concept
    assert shown is not None
    goal, action = shown.goals[0], shown.goals[0].actions[0]
    other = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        with other.store.sessions.begin() as session:
            plans.set_parties(
                session,
                f.plan,
                [
                    PartyDraft(r.person_id, TODAY, "huisbezoek")
                    for r in plans.required_parties(session, f.plan, TODAY)
                ],
                today=TODAY,
            )
            plans.settle(session, f.plan, TODAY, today=TODAY, by="lan")
            evaluation = plans.plans(session, f.household).current.evaluations[0]  # type: ignore[union-attr]
            plans.new_version(session, f.household, today=TODAY)
    finally:
        other.close()
    for stale in (
        lambda: section.editGoalRequested.emit(goal.id),
        lambda: section.editActionRequested.emit(action.id),
        lambda: section.editPlanRequested.emit(f.plan),
    ):
        message_boxes.shown.clear()
        stale()
        assert message_boxes.texts(), "no message"
    # an evaluation of a version that is no longer the current one
    with unlocked.store.sessions.begin() as session:
        newest = plans.plans(session, f.household).concept
        assert newest is not None
        plans.set_parties(
            session,
            newest.id,
            [
                PartyDraft(r.person_id, TODAY, "huisbezoek")
                for r in plans.required_parties(session, newest.id, TODAY)
            ],
            today=TODAY,
        )
        plans.settle(session, newest.id, TODAY, today=TODAY, by="lan")
    message_boxes.shown.clear()
    section.evaluateRequested.emit(evaluation.id)
    assert message_boxes.texts(), "no message"
