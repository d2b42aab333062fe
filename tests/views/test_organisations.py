"""Organisations are picked from a list; the list and its forms, typed into as a user would."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from models.codelists import load_codelists
from models.records import (
    ConsentDraft,
    OrganisationContactDraft,
    OrganisationContactRecord,
    OrganisationDraft,
    OrganisationRecord,
)
from models.validation import Problem
from models.wording import PROBLEM
from tests.desktop.modal import on_modal, press_save
from tests.helpers import leave
from views.dialogs import ConsentDialog
from views.organisations import ContactPersonDialog, OrganisationDialog, OrganisationsDialog

CODES = load_codelists()
GGZ_DAY = date(2026, 1, 5)
GGZ = OrganisationRecord(uuid.uuid4(), "GGZ Voorbeeldstad", "ggz", True)
OLD = OrganisationRecord(uuid.uuid4(), "Oud Bureau", "overig", False)
SCHOOL = OrganisationRecord(
    uuid.uuid4(),
    "Basisschool De Linde",
    "school",
    True,
    (OrganisationContactRecord(uuid.uuid4(), "Marco de Wit", "ib", "010-5550303", ""),),
)


def _items(dialog: ConsentDialog) -> list[str]:
    combo = dialog.field("organisation")
    return [combo.itemText(i) for i in range(combo.count())]


def test_consent_form_offers_active_organisations_and_its_own(qtbot: QtBot) -> None:
    dialog = ConsentDialog([], organisations=[SCHOOL, GGZ, OLD])
    qtbot.addWidget(dialog)
    assert _items(dialog) == [
        "— kies een organisatie —",
        "Basisschool De Linde",
        "GGZ Voorbeeldstad",
    ]
    assert not dialog.findChild(QWidget, "new_organisation").isVisibleTo(dialog)
    dialog.accept()
    assert dialog.error_text("organisation") == PROBLEM[Problem.REQUIRED]

    editing = ConsentDialog([], ConsentDraft(OLD.id, GGZ_DAY), organisations=[SCHOOL, GGZ, OLD])
    qtbot.addWidget(editing)
    assert "Oud Bureau (uitgeschakeld)" in _items(editing)
    assert editing.value().organisation_id == OLD.id


def test_a_new_organisation_is_added_on_the_spot_and_picked(qtbot: QtBot) -> None:
    added = OrganisationRecord(uuid.uuid4(), "Huisarts Jansen", "huisarts", True)
    asked: list[QWidget] = []

    def add(parent: QWidget) -> OrganisationRecord:
        asked.append(parent)
        return added

    dialog = ConsentDialog([], organisations=[SCHOOL, GGZ], add_organisation=add)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QWidget, "new_organisation"), Qt.MouseButton.LeftButton)
    assert asked == [dialog]
    assert _items(dialog) == [
        "— kies een organisatie —",
        "Basisschool De Linde",
        "GGZ Voorbeeldstad",
        "Huisarts Jansen",
    ]
    assert dialog.field("organisation").currentText() == "Huisarts Jansen"
    press_save(qtbot, dialog)
    assert dialog.value().organisation_id == added.id


def test_organisation_form(qtbot: QtBot) -> None:
    def fill(dialog: OrganisationDialog) -> None:
        qtbot.keyClicks(dialog.field("name"), "Veilig Thuis Voorbeeldstad")
        kind = dialog.field("kind")
        kind.setCurrentIndex(kind.findData("veilig_thuis"))
        press_save(qtbot, dialog)

    on_modal(OrganisationDialog, fill)
    assert OrganisationDialog.ask(None, CODES) == OrganisationDraft(
        "Veilig Thuis Voorbeeldstad", "veilig_thuis"
    )


def test_contact_person_form_checks_the_email_when_it_is_left(qtbot: QtBot) -> None:
    dialog = ContactPersonDialog("GGZ Voorbeeldstad")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field("name"), "Ilse Kramer")
    qtbot.keyClicks(dialog.field("email"), "ilse.kramer")
    assert dialog.error_text("email") == ""  # still typing
    leave(qtbot, dialog.field("email"))
    assert dialog.error_text("email") == PROBLEM[Problem.EMAIL]
    qtbot.keyClicks(dialog.field("email"), "@ggz.example.org")
    assert dialog.error_text("email") == ""
    press_save(qtbot, dialog)
    assert dialog.value() == OrganisationContactDraft(
        "Ilse Kramer", email="ilse.kramer@ggz.example.org"
    )


def test_organisations_list_shows_contacts_of_the_chosen_one(qtbot: QtBot) -> None:
    dialog = OrganisationsDialog(CODES, may_switch_off=True)
    qtbot.addWidget(dialog)
    dialog.show_organisations([SCHOOL, GGZ, OLD])
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 1).text() == "School / kinderopvang"
    assert dialog.table.item(2, 3).text() == "uitgeschakeld"
    assert not dialog.add_contact_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.contacts.rowCount() == 1 and dialog.contacts.item(0, 0).text() == "Marco de Wit"
    with qtbot.waitSignal(dialog.switchOffRequested) as off:
        qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert off.args == [SCHOOL.id]
    dialog.table.selectRow(2)
    assert dialog.switch_button.text() == "Weer inschakelen"
    dialog.contacts.clearSelection()
    with qtbot.waitSignal(dialog.addContactRequested) as add:
        qtbot.mouseClick(dialog.add_contact_button, Qt.MouseButton.LeftButton)
    assert add.args == [OLD.id]


def test_a_medewerker_sees_no_switch_off(qtbot: QtBot) -> None:
    dialog = OrganisationsDialog(CODES, may_switch_off=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.switch_button.isVisible()
