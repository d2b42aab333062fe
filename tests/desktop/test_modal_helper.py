"""The test harness itself: a failing check inside a modal dialog must not hang the suite."""

from __future__ import annotations

from pytestqt.exceptions import capture_exceptions
from pytestqt.qtbot import QtBot

from tests.desktop.modal import on_modal
from views.dialogs import PersonDialog


def test_a_failure_inside_a_modal_dialog_closes_it(qtbot: QtBot) -> None:
    def wrong(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Sanne")  # dirty: reject() would ask first
        raise AssertionError("deliberately wrong")

    with capture_exceptions() as caught:
        on_modal(PersonDialog, wrong)
        assert PersonDialog.ask(None) is None  # returns instead of waiting for ever
    assert len(caught) == 1
    kind, error, _tb = caught[0]
    assert kind is AssertionError and str(error) == "deliberately wrong"
