"""Forms that propose what is most likely: a new member's surname and role, a contact's
medewerker. The user can always overwrite the proposal."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from models.enums import ContactKind, MemberRole
from models.records import MedewerkerRecord, PersonDraft
from views.dialogs import ContactDialog, PersonDialog

TODAY = date(2026, 11, 25)


def _shown(qtbot: QtBot, dialog: PersonDialog | ContactDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    dialog.focus_first_field()


def _role(dialog: PersonDialog) -> MemberRole:
    return MemberRole(dialog.field("role").currentData())


def test_a_new_members_surname_is_proposed_and_the_first_name_is_typed_first(
    qtbot: QtBot,
) -> None:
    proposal = PersonDraft("", "Vries", MemberRole.KIND, infix="de")
    dialog = PersonDialog(proposal, TODAY, adding=True)
    _shown(qtbot, dialog)
    assert dialog.windowTitle() == "Gezinslid toevoegen"
    qtbot.keyClicks(dialog.focusWidget(), "Jan")  # typed straight after opening
    assert dialog.field("first_name").text() == "Jan"
    assert (dialog.field("infix").text(), dialog.field("last_name").text()) == ("de", "Vries")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.field("last_name")
    qtbot.keyClicks(dialog.focusWidget(), "Bakker")  # Tab selected the proposal: typing replaces it
    assert dialog.field("last_name").text() == "Bakker"


def test_the_role_follows_the_date_of_birth_until_the_user_picks_one(qtbot: QtBot) -> None:
    dialog = PersonDialog(today=TODAY)
    _shown(qtbot, dialog)
    assert _role(dialog) is MemberRole.KIND
    qtbot.keyClicks(dialog.field("date_of_birth"), "12-03-1985")
    assert _role(dialog) is MemberRole.OUDER
    dialog.field("date_of_birth").clear()
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-06-2006")
    assert _role(dialog) is MemberRole.JONGVOLWASSENE
    dialog.field("date_of_birth").clear()
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-06-2016")
    assert _role(dialog) is MemberRole.KIND

    role: QComboBox = dialog.field("role")
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_O)  # the user picks Overig (or Ouder) by keyboard
    picked = _role(dialog)
    assert picked is not MemberRole.KIND
    dialog.field("date_of_birth").clear()
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-06-1970")
    assert _role(dialog) is picked  # their choice stands


def test_a_half_typed_or_future_date_proposes_nothing(qtbot: QtBot) -> None:
    dialog = PersonDialog(today=TODAY)
    _shown(qtbot, dialog)
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-01-0198")  # on its way somewhere
    assert _role(dialog) is MemberRole.KIND
    dialog.field("date_of_birth").clear()
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-01-2030")
    assert _role(dialog) is MemberRole.KIND


def test_a_stored_members_role_is_never_proposed_over(qtbot: QtBot) -> None:
    stored = PersonDraft("Sem", "Bakker", MemberRole.OVERIG, date_of_birth=date(2015, 4, 1))
    dialog = PersonDialog(stored, TODAY)
    _shown(qtbot, dialog)
    assert dialog.windowTitle() == "Gezinslid wijzigen"
    dialog.field("date_of_birth").clear()
    qtbot.keyClicks(dialog.field("date_of_birth"), "01-04-1980")
    assert _role(dialog) is MemberRole.OVERIG


def test_a_new_contact_proposes_the_medewerker_who_is_logged_in(qtbot: QtBot) -> None:
    team = [
        MedewerkerRecord(uuid.uuid4(), "Anouk Verbeek", "generalist", True),
        MedewerkerRecord(uuid.uuid4(), "Bas Hoekstra", "generalist", True),
    ]
    dialog = ContactDialog(team, today=TODAY, medewerker_id=team[1].id)
    _shown(qtbot, dialog)
    assert dialog.field("medewerker").currentText() == "Bas Hoekstra"
    assert dialog.focusWidget() is dialog.field("note")  # date and medewerker are filled in
    qtbot.keyClicks(dialog.focusWidget(), "Gebeld over school.")
    draft = dialog.value()
    assert draft.medewerker_id == team[1].id and draft.kind is ContactKind.HUISBEZOEK
    assert draft.contact_date == TODAY
