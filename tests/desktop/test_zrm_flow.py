"""Scoring a ZRM by keyboard only, saving, reopening; the history, the chart, the team texts."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from desktop.usecases import households
from desktop.usecases import zrm as zrm_usecases
from models import households as service
from models import zrm
from models.enums import MemberRole
from models.instruments import current_version
from models.records import MeasurementDraft, PersonDraft, ScoreDraft
from tests.desktop.modal import on_modal
from tests.helpers import TODAY, register
from views.dossier import DossierWidget
from views.instrument_choice import InstrumentChoiceDialog
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog


@pytest.fixture
def dossier(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, DossierWidget, uuid.UUID]:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        person_id = service.add_member(
            session, household_id, PersonDraft("Maud", "Bakker", MemberRole.OUDER), today=TODAY
        )
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget, person_id


def test_score_a_full_zrm_by_keyboard_only(qtbot: QtBot, dossier, unlocked: Unlocked) -> None:  # type: ignore[no-untyped-def]
    controller, widget, person_id = dossier
    assert widget.section("measurements").empty.isVisible()
    keys = "2345123451234"  # one level per domain, in order

    def score(dialog: ZrmScoringDialog) -> None:
        grid = dialog.grid
        assert dialog.assessor.text() == "Tessa Tester"  # the logged-in user
        for key in keys[:-1]:
            qtbot.keyClick(grid, key)
        qtbot.keyClick(grid, Qt.Key.Key_N)  # justitie: niet beoordeeld
        assert "13 van 13 domeinen gescoord" == dialog.progress.text()
        qtbot.keyClick(grid, Qt.Key.Key_Up)
        qtbot.keyClick(grid, Qt.Key.Key_Right)  # to Doel of the 12th domain
        qtbot.keyClick(grid, Qt.Key.Key_5)
        grid.setCurrentCell(0, 2)
        qtbot.keyClick(grid, Qt.Key.Key_4)  # a target for financiën
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Opslaan is the default button

    def choose(dialog: InstrumentChoiceDialog) -> None:
        # No date of birth: the ZRM is proposed, its newest version first.
        assert dialog.chosen() == current_version("zrm")
        assert dialog.version.itemText(1) == "2013"
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    on_modal(InstrumentChoiceDialog, choose)
    on_modal(ZrmScoringDialog, score)
    qtbot.mouseClick(
        widget.findChild(type(widget.edit_household), "score_zrm"), Qt.MouseButton.LeftButton
    )

    with unlocked.store.sessions() as session:
        (stored,) = zrm.person_measurements(session, person_id)
    items = current_version("zrm").items
    levels = {item.code: stored.level(item.code) for item in items}
    assert [levels[item.code] for item in items[:-1]] == [int(k) for k in keys[:-1]]
    assert stored.draft.score("justitie").not_assessed  # type: ignore[union-attr]
    assert stored.draft.score("financien").target == 4  # type: ignore[union-attr]
    assert stored.draft.score("maatschappelijke_participatie").target == 5  # type: ignore[union-attr]
    assert stored.complete and stored.draft.assessor == "Tessa Tester"
    # Reopened, the dossier shows it side by side; levels 1-2 stand out.
    reopened = controller.open_household(widget.household_id)
    assert reopened is not None and reopened.section("measurements").table.isVisible()
    assert (
        reopened.section("measurements").table.item(0, 1).text() == "2"
        and reopened.section("measurements").table.item(0, 1).font().bold()
    )
    assert (
        reopened.section("measurements").table.item(3, 1).text() == "5"
        and not reopened.section("measurements").table.item(3, 1).font().bold()
    )


def test_partial_zrm_is_saved_as_incomplete(qtbot: QtBot, dossier, unlocked: Unlocked) -> None:  # type: ignore[no-untyped-def]
    _controller, widget, person_id = dossier

    def score(dialog: ZrmScoringDialog) -> None:
        qtbot.keyClicks(dialog.grid, "321")
        assert "wordt opgeslagen als onvolledig" in dialog.progress.text()
        dialog.accept()

    on_modal(InstrumentChoiceDialog, lambda dialog: dialog.accept())
    on_modal(ZrmScoringDialog, score)
    widget.section("measurements").scoreRequested.emit(person_id)
    with unlocked.store.sessions() as session:
        (stored,) = zrm.person_measurements(session, person_id)
    assert not stored.complete and stored.level("tijdsbesteding") == 1
    assert (stored.scored, stored.total) == (3, 13)
    overview = widget.section("measurements").table
    assert overview.horizontalHeaderItem(1).text().endswith("\nonvolledig (3 van 13)")


def test_future_date_and_missing_assessor_are_explained_and_nothing_is_lost(qtbot: QtBot) -> None:
    dialog = ZrmScoringDialog(current_version("zrm"), "Maud Bakker", "Anouk", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.grid, "45")
    dialog.measured_on.clear()
    qtbot.keyClicks(dialog.measured_on, "01-01-2030")
    dialog.assessor.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert "Datum: Deze datum ligt in de toekomst." in dialog.errors.text()
    assert "Beoordelaar: Vul dit veld in." in dialog.errors.text()
    assert [s.level for s in dialog.grid.scores()[:2]] == [4, 5]


def _measure(unlocked: Unlocked, person_id: uuid.UUID, days_ago: int, level: int) -> None:
    draft = MeasurementDraft(
        "zrm",
        "2017",
        TODAY - timedelta(days=days_ago),
        "Anouk",
        tuple(ScoreDraft(item.code, level) for item in current_version("zrm").items),
    )
    with unlocked.store.sessions.begin() as session:
        zrm.save_measurement(session, person_id, draft, today=date.today())


def test_history_compares_draws_and_corrects(
    qtbot: QtBot, dossier, unlocked: Unlocked, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    controller, widget, person_id = dossier
    _measure(unlocked, person_id, 200, 2)
    _measure(unlocked, person_id, 100, 3)
    _measure(unlocked, person_id, 10, 4)
    widget.section("measurements").historyRequested.emit(person_id)
    history = next(w for w in controller.window.findChildren(ZrmHistoryDialog))
    qtbot.addWidget(history)
    qtbot.waitExposed(history)
    assert history.list.count() == 3
    assert (
        history.comparison.item(0, 1).text() == "2" and history.comparison.item(0, 2).text() == "4"
    )
    assert history.comparison.item(0, 3).text() == "▲ beter"
    image = history.chart.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 10, "the chart is blank"
    history.domain.setCurrentIndex(history.domain.findData("huisvesting"))
    assert history.chart.chart().title() == "Huisvesting"

    # Correct the newest: its Financiën becomes 5.
    history.list.clearSelection()
    history.list.item(0).setSelected(True)

    def correct(dialog: ZrmScoringDialog) -> None:
        dialog.grid.setCurrentCell(0, 1)
        qtbot.keyClick(dialog.grid, Qt.Key.Key_5)
        dialog.accept()

    on_modal(ZrmScoringDialog, correct)
    history.correctRequested.emit(history.records[-1].id)
    with unlocked.store.sessions() as session:
        records = zrm.person_measurements(session, person_id)
    assert [r.level("financien") for r in records] == [2, 3, 5]


def test_team_texts_load_for_a_beheerder_and_show_beside_the_grid(
    qtbot: QtBot, dossier, unlocked: Unlocked, tmp_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    controller, _widget, _person_id = dossier
    bad = tmp_path / "kapot.json"
    bad.write_text(
        json.dumps(
            {
                "schema": "teamtafel-instrument-texts/1",
                "instrument": "zrm",
                "version": "2017",
                "cells": {"geld": {"1": "x"}},
            }
        )
    )
    assert not controller.admin.load_zrm_texts(bad)
    assert (
        message_boxes.texts()[-1]
        == "Het bestand noemt een domein dat het instrument niet heeft: geld. Er is niets geladen."
    )
    good = tmp_path / "teksten.json"
    good.write_text(
        json.dumps(
            {
                "schema": "teamtafel-instrument-texts/1",
                "instrument": "zrm",
                "version": "2017",
                "cells": {"financien": {"1": "Groeiende complexe schulden."}},
            }
        ),
        encoding="utf-8",
    )
    assert controller.admin.load_zrm_texts(good)
    instrument = zrm_usecases.instrument(unlocked)
    dialog = ZrmScoringDialog(instrument, "Maud Bakker", "Anouk")
    qtbot.addWidget(dialog)
    assert "Groeiende complexe schulden." in dialog.help.toPlainText()


def test_inzage_export_includes_the_zrm_in_the_familys_words(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from desktop.usecases.avg import export_inzage

    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        person_id = service.add_member(
            session, household_id, PersonDraft("Maud", "Bakker", MemberRole.OUDER), today=TODAY
        )
    _measure(unlocked, person_id, 5, 2)
    pdf, machine = export_inzage(unlocked, person_id, tmp_path)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Metingen (ZRM en andere instrumenten)" in text
    assert "Zelfredzaamheid-Matrix 2017: meting van" in text
    assert text.index("Geldzaken") < text.index("Zelfzorg")  # the matrix's own order
    assert "2 · Niet zelfredzaam" in text
    assert "onvolledig" not in text
    data = json.loads(machine.read_text(encoding="utf-8"))
    assert data["zrm_metingen"][0]["scores"]["financien"]["niveau"] == 2
    assert data["zrm_metingen"][0]["volledig"] is True


def test_the_member_box_shows_long_names_whole(qtbot: QtBot, dossier, unlocked: Unlocked) -> None:  # type: ignore[no-untyped-def]
    """Members added while the dossier is open: the box grows to the longest name."""
    controller, widget, _person_id = dossier
    household_id = widget.household_id
    for draft in (
        PersonDraft("Nguyễn Thị", "Lan", MemberRole.OUDER),
        PersonDraft("Zoë", "Hart-Yılmaz", MemberRole.OUDER, infix="van 't"),
    ):
        controller.ui.attempt(lambda d=draft: households.add_member(unlocked, household_id, d))
    box = widget.section("measurements").member
    assert box.count() == 4  # three members and the whole household
    assert box.itemText(3) == "Hele huishouden"
    qtbot.waitUntil(lambda: box.isVisible())
    widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.width() >= widest + 20  # the text, and the arrow beside it
