"""Besluiten uit overleg in the dossier: a meeting's decisions are carried out afterwards with
one click, through the dossier's own form filled in from the decision. Storing it marks the
decision carried out in the same transaction (one CHANGE line); cancelling, or a store that
fails, leaves the decision open and the dossier as it was."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.database import StoreBusy
from desktop.errors import BUSY
from desktop.presenters.verwijzing import TAXATIE_QUESTION
from desktop.session import Unlocked
from desktop.usecases import base, households, meetings, verwijzing
from models import households as service
from models.access import search_log
from models.enums import MemberRole
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    DecisionDraft,
    DecisionKind,
    MeetingDraft,
    MeetingKind,
)
from models.permissions import AccessAction
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.helpers import organisation
from views.dialogs import RegisseurDialog
from views.dossier import DossierWidget
from views.dossier.decisions import DecisionsSection
from views.tables import ID_ROLE
from views.verwijzing import VerwijzingDialog

W = TypeVar("W", bound=QWidget)


@dataclass
class Opened:
    controller: MainController
    widget: DossierWidget
    section: DecisionsSection
    household_id: uuid.UUID
    ids: dict[str, uuid.UUID]
    decisions: dict[DecisionKind, uuid.UUID]


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> Opened:
    """A household in a traject (Anouk its regisseur) and yesterday's meeting that decided to
    refer to the GGZ (Anouk and Lan decided), to give the regie to Zoë, and to take a ZRM;
    then the dossier opened."""
    today = date.today()  # the dossier's forms propose today; the stored dates follow it
    with unlocked.store.sessions.begin() as session:
        ids = {
            "anouk": service.add_medewerker(session, "Anouk Verbeek", "generalist"),
            "lan": service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper"),
            "zoe": service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach"),
            "ggz": organisation(session, "GGZ Voorbeeldstad", "ggz"),
        }
        household_id = service.register_household(
            session,
            RegistrationDraft(
                HouseholdDraft("Yılmaz"),
                TrajectDraft(today - timedelta(days=30), regisseur_id=ids["anouk"]),
            ),
        )
        ids["kind"] = service.add_member(
            session,
            household_id,
            PersonDraft("Elif", "Yılmaz", MemberRole.KIND, date_of_birth=date(2014, 4, 1)),
        )
    meeting_id = meetings.plan_meeting(
        unlocked,
        MeetingDraft(
            MeetingKind.CASUISTIEK, today - timedelta(days=1), "09:30", "", ids["anouk"], ids["lan"]
        ),
    )
    meetings.set_attendees(
        unlocked, meeting_id, [AttendeeDraft(ids["anouk"]), AttendeeDraft(ids["lan"])]
    )
    meetings.bring_in(
        unlocked, meeting_id, AgendaItemDraft(household_id, "Is een verwijzing nodig?")
    )
    meetings.start_meeting(unlocked, meeting_id)
    item = meetings.get_meeting(unlocked, meeting_id).items[0].id
    for draft in (
        DecisionDraft(
            DecisionKind.VERWIJZEN,
            "Intake jeugd-GGZ voor Elif",
            organisation_id=ids["ggz"],
            hulpvorm="jeugd_ggz",
            decider_1=ids["anouk"],
            decider_2=ids["lan"],
        ),
        DecisionDraft(DecisionKind.REGISSEUR, "Zoë neemt de regie over", medewerker_id=ids["zoe"]),
        DecisionDraft(DecisionKind.ZRM, "ZRM met de ouders"),
    ):
        meetings.add_decision(unlocked, item, draft)
    decisions = {d.kind: d.id for d in meetings.open_decisions(unlocked, household_id)}
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    section = widget.section("decisions")
    assert isinstance(section, DecisionsSection)
    return Opened(controller, widget, section, household_id, ids, decisions)


def _select(opened: Opened, kind: DecisionKind) -> None:
    section = opened.section
    for row in range(section.table.rowCount()):
        item = section.table.item(row, 0)
        if item is not None and item.data(ID_ROLE) == opened.decisions[kind]:
            section.table.selectRow(row)
            return
    raise AssertionError(f"{kind} not listed")


def _open_kinds(opened: Opened) -> set[DecisionKind]:
    unlocked = opened.controller.unlocked
    return {d.kind for d in meetings.open_decisions(unlocked, opened.household_id)}


def _changes(unlocked: Unlocked) -> list[str]:
    with unlocked.store.sessions() as session:
        return [line.detail for line in search_log(session) if line.action is AccessAction.CHANGE]


def _regisseur(opened: Opened) -> uuid.UUID | None:
    dossier = households.dossier(opened.controller.unlocked, opened.household_id)
    assert dossier.traject is not None and dossier.traject.regisseur is not None
    return dossier.traject.regisseur.medewerker_id


def test_the_open_decisions_are_listed_and_the_section_hides_without_any(
    qtbot: QtBot, opened: Opened
) -> None:
    section = opened.section
    assert section.isVisible()
    rows = [
        [section.table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
        for r in range(section.table.rowCount())
    ]
    yesterday = date.today() - timedelta(days=1)
    assert [r[1] for r in rows] == ["Verwijzen", "Regisseur toewijzen", "ZRM laten doen"]
    assert all(r[0] == f"nr. 1, {yesterday:%d-%m-%Y}" for r in rows)
    assert "GGZ Voorbeeldstad" in rows[0][2] and "Anouk Verbeek en Nguyễn Thị Lan" in rows[0][2]
    assert rows[1][2].startswith("Zoë van 't Hart")
    assert not section.carry_out_button.isEnabled(), "nothing selected yet"
    unlocked = opened.controller.unlocked
    for decision_id in opened.decisions.values():
        opened.controller.ui.attempt(lambda d=decision_id: meetings.mark_carried_out(unlocked, d))
    assert section.table.rowCount() == 0
    assert not section.isVisible(), "no open decisions: the crowded column keeps its room"


def test_a_verwijzing_decision_is_carried_out_through_the_verwijzing_form(
    qtbot: QtBot, opened: Opened, message_boxes: MessageBoxes
) -> None:
    unlocked, ids = opened.controller.unlocked, opened.ids
    before = len(_changes(unlocked))
    seen: dict[str, str] = {}

    def fill(dialog: VerwijzingDialog) -> None:
        seen.update(
            {
                k: dialog.snapshot()[k]
                for k in ("organisation", "hulpvorm", "decider_1", "decider_2", "reason")
            }
        )
        dialog.members.boxes[ids["kind"]].setChecked(True)
        press_save(qtbot, dialog)

    message_boxes.answer = QMessageBox.StandardButton.No  # no new risicotaxatie now
    forms = on_modal(VerwijzingDialog, fill)
    _select(opened, DecisionKind.VERWIJZEN)
    qtbot.mouseClick(opened.section.carry_out_button, Qt.MouseButton.LeftButton)

    assert len(forms) == 1
    assert seen == {
        "organisation": str(ids["ggz"]),
        "hulpvorm": "jeugd_ggz",
        "decider_1": str(ids["anouk"]),
        "decider_2": str(ids["lan"]),
        "reason": "Intake jeugd-GGZ voor Elif",
    }
    (made,) = verwijzing.verwijzingen(unlocked, opened.household_id)
    assert made.organisation == "GGZ Voorbeeldstad"
    assert made.deciders == ("Anouk Verbeek", "Nguyễn Thị Lan")
    assert made.draft.referred_on == date.today()
    assert TAXATIE_QUESTION in message_boxes.texts(), "it asks about a risicotaxatie as usual"
    assert DecisionKind.VERWIJZEN not in _open_kinds(opened)
    assert opened.section.table.rowCount() == 2, "the section refreshed"
    assert opened.widget.section("verwijzing").table.rowCount() == 1  # type: ignore[attr-defined]
    assert _changes(unlocked)[: len(_changes(unlocked)) - before] == ["verwijzing vastgelegd"]


def test_a_regisseur_decision_preselects_the_named_colleague(qtbot: QtBot, opened: Opened) -> None:
    unlocked, ids = opened.controller.unlocked, opened.ids
    before = len(_changes(unlocked))
    chosen: list[str] = []

    def save(dialog: RegisseurDialog) -> None:
        chosen.append(dialog.snapshot()["medewerker"])
        press_save(qtbot, dialog)

    forms = on_modal(RegisseurDialog, save)
    _select(opened, DecisionKind.REGISSEUR)
    qtbot.keyClick(opened.section.table, Qt.Key.Key_Return)  # Enter is Uitvoeren

    assert len(forms) == 1 and chosen == [str(ids["zoe"])]
    assert _regisseur(opened) == ids["zoe"]
    assert _open_kinds(opened) == {DecisionKind.VERWIJZEN, DecisionKind.ZRM}
    assert len(_changes(unlocked)) == before + 1, "one CHANGE line for both"


def test_cancelling_the_form_leaves_the_decision_open(
    qtbot: QtBot, opened: Opened, message_boxes: MessageBoxes
) -> None:
    unlocked = opened.controller.unlocked
    before = _changes(unlocked)
    message_boxes.answer = QMessageBox.StandardButton.Discard  # the filled-in form is let go
    forms = on_modal(RegisseurDialog, lambda dialog: dialog.reject())
    _select(opened, DecisionKind.REGISSEUR)
    qtbot.mouseClick(opened.section.carry_out_button, Qt.MouseButton.LeftButton)
    assert len(forms) == 1
    assert DecisionKind.REGISSEUR in _open_kinds(opened)
    assert _regisseur(opened) == opened.ids["anouk"]
    assert opened.section.table.rowCount() == 3
    assert _changes(unlocked) == before


def on_modals(cls: type[W], acts: list[Callable[[W], None]], *, tries: int = 400) -> list[W]:
    """Like ``on_modal``, for a form asked again: each act on the next new ``cls``."""
    handled: list[W] = []

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls) and widget not in handled and widget.isVisible():
            handled.append(widget)
            try:
                acts[len(handled) - 1](widget)
            except BaseException:
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.done(QDialog.DialogCode.Rejected)
                raise
        if len(handled) < len(acts) and left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return handled


def test_a_failing_store_leaves_the_decision_open_and_the_dossier_unchanged(
    qtbot: QtBot, opened: Opened, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store gives up after the decision was marked in the change's transaction: both
    are undone, and the form comes back as it was; cancelled then, nothing is carried out."""
    unlocked, ids = opened.controller.unlocked, opened.ids
    before = _changes(unlocked)
    logged = base.log_access
    failures: list[bool] = []

    def busy_log(*args: Any, **kwargs: Any) -> None:
        if not failures:
            failures.append(True)
            raise StoreBusy()  # after the regisseur changed and the decision was marked
        logged(*args, **kwargs)

    monkeypatch.setattr(base, "log_access", busy_log)
    meanwhile: list[tuple[set[DecisionKind], uuid.UUID | None, str]] = []

    def look_and_cancel(dialog: RegisseurDialog) -> None:
        meanwhile.append((_open_kinds(opened), _regisseur(opened), dialog.snapshot()["medewerker"]))
        message_boxes.answer = QMessageBox.StandardButton.Discard
        dialog.reject()

    forms = on_modals(RegisseurDialog, [lambda dialog: press_save(qtbot, dialog), look_and_cancel])
    _select(opened, DecisionKind.REGISSEUR)
    qtbot.mouseClick(opened.section.carry_out_button, Qt.MouseButton.LeftButton)

    assert len(forms) == 2 and failures == [True]
    assert BUSY in message_boxes.texts()
    # while the form was back: nothing of the failed store was left, the choice was kept
    assert meanwhile == [(set(opened.decisions), ids["anouk"], str(ids["zoe"]))]
    assert DecisionKind.REGISSEUR in _open_kinds(opened)
    assert _regisseur(opened) == ids["anouk"]
    assert _changes(unlocked) == before


def test_marking_a_decision_done_another_way_asks_first(
    qtbot: QtBot, opened: Opened, message_boxes: MessageBoxes
) -> None:
    unlocked = opened.controller.unlocked
    _select(opened, DecisionKind.ZRM)
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(opened.section.mark_button, Qt.MouseButton.LeftButton)
    assert DecisionKind.ZRM in _open_kinds(opened)
    message_boxes.answer = QMessageBox.StandardButton.Yes
    _select(opened, DecisionKind.ZRM)
    qtbot.mouseClick(opened.section.mark_button, Qt.MouseButton.LeftButton)
    assert any("ZRM laten doen" in text for text in message_boxes.texts())
    assert _open_kinds(opened) == {DecisionKind.VERWIJZEN, DecisionKind.REGISSEUR}
    assert opened.section.table.rowCount() == 2
    assert _changes(unlocked)[0] == "besluit van overleg uitgevoerd"
