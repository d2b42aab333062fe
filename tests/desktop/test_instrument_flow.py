"""Generic instruments end to end: a beheerder loads a LIRIK-shaped test instrument through
Beheer, a professional chooses it for a child, answers it by keyboard and chooses the
conclusions; a bad file changes nothing; a measurement of the whole household."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.controller import MainController
from desktop.session import Unlocked
from desktop.usecases import zrm as zrm_usecases
from models import households as service
from models import zrm
from models.enums import MemberRole
from models.records import PersonDraft
from models.security import AccessLogEntry, AppSetting
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal
from tests.helpers import TODAY, register
from views import files
from views.dossier import DossierWidget
from views.instrument_choice import InstrumentChoiceDialog
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog

TEST_INSTRUMENT = (
    Path(__file__).resolve().parent.parent / "instruments" / "veiligheidstaxatie-test.json"
)


@pytest.fixture
def family(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, DossierWidget, uuid.UUID]:
    """The Nguyễn household: a parent and Zoë, who is 15."""
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
        service.add_member(
            session, household_id, PersonDraft("Nguyễn Thị", "Lan", MemberRole.OUDER), today=TODAY
        )
        zoe = service.add_member(
            session,
            household_id,
            PersonDraft(
                "Zoë",
                "Hart",
                MemberRole.KIND,
                infix="van 't",
                date_of_birth=date(TODAY.year - 15, 1, 2),
            ),
            today=TODAY,
        )
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    return controller, widget, zoe


def _beheer_action(controller: MainController, text: str) -> QAction:
    menu = next(a.menu() for a in controller.window.menuBar().actions() if a.text() == "B&eheer")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)  # type: ignore[union-attr]


def _load_through_beheer(
    controller: MainController, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "open_path", lambda *_args: path)
    _beheer_action(controller, "Instrument laden…").trigger()


def _stored_settings(unlocked: Unlocked) -> set[tuple[str, str]]:
    with unlocked.store.sessions() as session:
        return {(s.key, s.value) for s in session.scalars(select(AppSetting))}


def test_an_instrument_file_with_errors_gives_a_clear_message_and_changes_nothing(
    family,
    unlocked: Unlocked,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    controller, _widget, zoe = family
    before = _stored_settings(unlocked)
    offered_before = zrm_usecases.choices(unlocked, zoe).options
    data = json.loads(TEST_INSTRUMENT.read_text(encoding="utf-8"))
    data["conclusions"][0]["options"].append({"code": "veilig", "name": "Nogmaals veilig"})
    bad = tmp_path / "kapot.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    _load_through_beheer(controller, bad, monkeypatch)
    assert message_boxes.texts()[-1] == "Een code komt twee keer voor: veilig. Er is niets geladen."
    not_json = tmp_path / "geen.json"
    not_json.write_bytes(b"\xff\xfe niet leesbaar")
    _load_through_beheer(controller, not_json, monkeypatch)
    assert message_boxes.texts()[-1] == "Dit bestand kan niet worden gelezen."
    shipped = tmp_path / "zrm.json"
    shipped.write_text(json.dumps({**data, "code": "zrm", "version": "2017", "conclusions": []}))
    _load_through_beheer(controller, shipped, monkeypatch)
    assert message_boxes.texts()[-1] == (
        "Dit instrument en deze versie worden al met Teamtafel meegeleverd: zrm 2017. "
        "Er is niets geladen."
    )
    assert _stored_settings(unlocked) == before
    assert zrm_usecases.choices(unlocked, zoe).options == offered_before


def test_a_loaded_instrument_is_chosen_answered_and_concluded_by_the_professional(
    qtbot: QtBot,
    family,
    unlocked: Unlocked,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    controller, widget, zoe = family
    _load_through_beheer(controller, TEST_INSTRUMENT, monkeypatch)
    assert message_boxes.texts()[-1].startswith(
        "Het instrument Veiligheidstaxatie (testinstrument) (versie 1) is geladen en versleuteld opgeslagen."
    )
    with unlocked.store.sessions() as session:  # the file is kept in the encrypted store
        assert session.get(AppSetting, "instrument:veiligheid-test:1") is not None

    def choose(dialog: InstrumentChoiceDialog) -> None:
        assert "Zoë van 't Hart is 15 jaar" in dialog.findChild(type(dialog.about), "reason").text()
        assert dialog.chosen() is not None and dialog.chosen().code == "zrm-jongeren"  # type: ignore[union-attr]
        codes = [dialog.instrument.itemData(i) for i in range(dialog.instrument.count())]
        assert "zrm-huishoudens" not in codes and "veiligheid-test" in codes
        dialog.instrument.setCurrentIndex(codes.index("veiligheid-test"))
        assert dialog.version.currentText() == "1"
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    def answer(dialog: ZrmScoringDialog) -> None:
        grid = dialog.grid
        assert grid.cell(0, 0).text() == "Signalen"  # each section above its questions
        assert grid.item_at(grid.currentRow()).code == "s_letsel"  # type: ignore[union-attr]
        # Five signals 'ja', five risk factors 'ja' (the cursor skips the section rows)...
        qtbot.keyClicks(grid, "1111111111")
        # ... and no protective factor: a list that a formula would call unsafe.
        qtbot.keyClicks(grid, "2222")
        assert dialog.progress.text() == (
            "14 van 14 vragen gescoord, 0 van 2 conclusies gekozen — wordt opgeslagen als onvolledig"
        )
        assert dialog.conclusions is not None
        now = dialog.conclusions.boxes["veiligheid_nu"]
        assert now.currentText() == "— nog niet gekozen —"  # nothing computed from the answers
        now.setCurrentIndex(now.findData("zorgelijk"))
        coming = dialog.conclusions.boxes["risico_komende_periode"]
        coming.setCurrentIndex(coming.findData("hoog"))
        qtbot.keyClicks(dialog.conclusions.reasoning, "Veel zorgen; oma woont in.")
        assert dialog.progress.text() == "14 van 14 vragen gescoord, 2 van 2 conclusies gekozen"
        dialog.accept()

    on_modal(InstrumentChoiceDialog, choose)
    on_modal(ZrmScoringDialog, answer)
    member_box = widget.section("measurements").member
    widget.section("measurements").select_member(zoe)
    assert member_box.currentText() == "Zoë van 't Hart"
    qtbot.mouseClick(
        widget.findChild(type(widget.edit_household), "score_zrm"), Qt.MouseButton.LeftButton
    )

    with unlocked.store.sessions() as session:
        (stored,) = zrm.person_measurements(session, zoe, "veiligheid-test")
        lines = list(
            session.scalars(
                select(AccessLogEntry.detail).where(AccessLogEntry.detail.like("Meting%"))
            )
        )
    assert stored.draft.conclusion("veiligheid_nu") == "zorgelijk"
    assert stored.draft.conclusion("risico_komende_periode") == "hoog"
    assert stored.draft.note == "Veel zorgen; oma woont in."
    assert stored.level("s_letsel") == 1 and stored.level("b_netwerk") == 2 and stored.complete
    assert lines == ["Meting vastgelegd (veiligheid-test 1)"]  # no answer, no name
    # The overview shows what the professional concluded, in a table of its own.
    section = widget.section("measurements")
    [(caption, table)] = section.others if section.others else [(section.caption, section.table)]
    assert "Veiligheidstaxatie (testinstrument)" in caption.text()
    column = next(
        c
        for c in range(table.columnCount())
        if table.horizontalHeaderItem(c).text().startswith("Zoë")
    )
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "Veiligheid nu",
        "Risico komende periode",
    ]
    assert [table.item(r, column).text() for r in range(table.rowCount())] == ["Zorgelijk", "Hoog"]

    # The history compares the conclusions too.
    section.historyRequested.emit(zoe)
    history = next(w for w in controller.window.findChildren(ZrmHistoryDialog))
    qtbot.addWidget(history)
    assert history.instrument_box.currentText() == "Veiligheidstaxatie (testinstrument)"
    rows = {
        history.comparison.item(r, 0).text(): history.comparison.item(r, 1).text()
        for r in range(history.comparison.rowCount())
    }
    assert rows["Veiligheid nu"] == "Zorgelijk" and rows["Er is onverklaard letsel gezien"] == "1"
    history.reject()


def test_a_measurement_of_the_whole_household(qtbot: QtBot, family, unlocked: Unlocked) -> None:  # type: ignore[no-untyped-def]
    controller, widget, _zoe = family
    section = widget.section("measurements")
    section.member.setCurrentIndex(section.member.findText("Hele huishouden"))
    seen: list[str] = []

    def score(dialog: ZrmScoringDialog) -> None:
        seen.append(dialog.windowTitle())
        assert dialog.grid.cell(0, 0).text() == "Financiën op huishoudniveau"
        qtbot.keyClicks(dialog.grid, "23412")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    handled = on_modal(ZrmScoringDialog, score)  # one instrument fits: no question first
    qtbot.mouseClick(
        widget.findChild(type(widget.edit_household), "score_zrm"), Qt.MouseButton.LeftButton
    )
    assert handled and seen == ["Zelfredzaamheid-Matrix Huishoudens afnemen — huishouden Nguyễn"]
    with unlocked.store.sessions() as session:
        (stored,) = zrm.household_measurements(session, widget.household_id)
    assert stored.person_id is None and stored.level("sociale_omgeving") == 2
    table = section.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[1].startswith("Hele huishouden\n")
    assert table.item(0, 1).text() == "2" and table.item(0, 1).font().bold()  # critical: 1-2
    assert not table.item(2, 1).font().bold()
    history = (
        controller.dossiers[widget.household_id]
        .sections["measurements"]
        .history(widget.household_id)
    )  # type: ignore[attr-defined]
    qtbot.addWidget(history)
    assert history.list.count() == 1 and history.windowTitle().endswith("huishouden Nguyễn")
    history.reject()


def test_a_half_done_taxatie_is_put_back_in_its_own_instrument_without_asking_again(
    qtbot: QtBot,
    family,
    unlocked: Unlocked,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from tests.desktop.werkkopie_helpers import click_offer, open_window, stored

    first, widget, zoe = family
    _load_through_beheer(first, TEST_INSTRUMENT, monkeypatch)
    section = first.dossiers[widget.household_id].sections["measurements"]

    def choose(dialog: InstrumentChoiceDialog) -> None:
        dialog.instrument.setCurrentIndex(dialog.instrument.findData("veiligheid-test"))
        dialog.accept()

    def answer_then_vanish(dialog: ZrmScoringDialog) -> None:
        qtbot.keyClicks(dialog.grid, "12")
        assert dialog.conclusions is not None
        box = dialog.conclusions.boxes["veiligheid_nu"]
        box.setCurrentIndex(box.findData("onveilig"))
        qtbot.waitUntil(lambda: bool(stored(unlocked)))
        first.ui.keeper._reset()  # as if the window was killed here: the copy stays
        dialog.done(0)

    on_modal(InstrumentChoiceDialog, choose)
    on_modal(ZrmScoringDialog, answer_then_vanish)
    section.score(zoe)  # type: ignore[attr-defined]
    assert stored(unlocked)

    controller = open_window(qtbot, unlocked)
    asked = on_modal(InstrumentChoiceDialog, lambda dialog: dialog.reject(), tries=100)
    put_back: list[tuple[str, list[int | None], str]] = []

    def check(dialog: ZrmScoringDialog) -> None:
        assert dialog.conclusions is not None
        put_back.append(
            (
                dialog.instrument.code,
                [s.level for s in dialog.grid.scores()[:2]],
                dialog.conclusions.boxes["veiligheid_nu"].currentData(),
            )
        )
        dialog.done(0)

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(ZrmScoringDialog, check, tries=400)
    controller.offer_werkkopieen()
    assert put_back == [("veiligheid-test", [1, 2], "onveilig")]
    assert asked == []  # the copy named its instrument: no question first
