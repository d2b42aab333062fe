from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from models.codelists import load_codelists
from models.enums import EventKind, MemberRole, Phase
from models.households import dossier_warnings
from models.records import (
    EventRecord,
    HouseholdDossier,
    HouseholdDraft,
    PersonRecord,
    RegisseurRecord,
    TrajectRecord,
)
from views.dossier import Column, DossierWidget
from views.dossier.consents import ConsentsSection
from views.dossier.contacts import ContactsSection
from views.dossier.members import MembersSection
from views.dossier.traject import TrajectSection

TODAY = date(2026, 11, 25)


def _dossier(phase: Phase = Phase.PLAN, regisseur: bool = True) -> HouseholdDossier:
    members = (
        PersonRecord(
            uuid.uuid4(), "Mila", "de", "Groot", date(1984, 9, 13), MemberRole.OUDER, "999969419"
        ),
        PersonRecord(
            uuid.uuid4(), "Gerrit", "de", "Groot", date(2009, 5, 21), MemberRole.KIND, None
        ),
    )
    regisseurs = (
        (
            RegisseurRecord(uuid.uuid4(), "Bas Hoekstra", date(2026, 1, 5), date(2026, 6, 1)),
            RegisseurRecord(uuid.uuid4(), "Anouk Verbeek", date(2026, 6, 1), None),
        )
        if regisseur
        else ()
    )
    traject = TrajectRecord(
        uuid.uuid4(),
        date(2026, 1, 5),
        "school",
        "Onze zoon gaat niet naar school.",
        phase,
        "school",
        "matig",
        "hoog",
        None,
        None,
        regisseurs,
        (
            EventRecord(date(2026, 1, 5), EventKind.AANGEMELD, None, Phase.AANGEMELD, ""),
            EventRecord(date(2026, 2, 1), EventKind.FASE, Phase.AANGEMELD, Phase.PLAN, "besproken"),
        ),
    )
    return HouseholdDossier(
        uuid.uuid4(),
        "2026-00026",
        HouseholdDraft("De Groot", "Hoefslag", "236", "5536 NJ", "Voorbeeldstad"),
        members,
        traject,
        (),
        (),
        dossier_warnings(members, traject, TODAY),
    )


def _shown(qtbot: QtBot, dossier: HouseholdDossier) -> DossierWidget:
    """The container with the record sections laid out, as the dossier presenter does."""
    widget = DossierWidget(dossier.id)
    qtbot.addWidget(widget)
    sections: list[tuple[str, Any, Column]] = [
        ("members", MembersSection(), Column.LEFT),
        ("contacts", ContactsSection(), Column.LEFT),
        ("consents", ConsentsSection(), Column.LEFT),
        ("traject", TrajectSection(load_codelists()), Column.RIGHT),
    ]
    for order, (kind, section, column) in enumerate(sections):
        widget.add_section(kind, section, column, order)
    widget.show_dossier(dossier, today=TODAY)
    for _kind, section, _column in sections:
        section.show_dossier(dossier, TODAY)
    return widget


def test_sections_are_laid_out_by_column_and_order(qtbot: QtBot) -> None:
    widget = DossierWidget(uuid.uuid4())
    qtbot.addWidget(widget)
    widget.add_section("b", QLabel("tweede"), Column.LEFT, 20)
    widget.add_section("a", QLabel("eerste"), Column.LEFT, 10)
    widget.add_section("c", QLabel("rechts"), Column.RIGHT, 5)
    left = widget.columns[Column.LEFT]
    assert [left.itemAt(i).widget().text() for i in range(2)] == ["eerste", "tweede"]
    assert widget.section_kinds() == ["a", "b", "c"]


def test_dossier_shows_the_household_whole(qtbot: QtBot) -> None:
    widget = _shown(qtbot, _dossier())
    widget.show()
    assert widget.title.text() == "De Groot"
    assert (
        "2026-00026" in widget.subtitle.text() and "5536 NJ Voorbeeldstad" in widget.subtitle.text()
    )
    assert widget.section("members").table.rowCount() == 2
    assert widget.section("members").table.item(1, 0).text() == "Gerrit de Groot"
    assert widget.section("members").table.item(1, 2).text() == "17"
    assert widget.section("members").table.item(0, 3).text() == "Ouder"
    assert widget.section("traject").labels["herkomst"].text() == "School / kinderopvang"
    assert (
        widget.section("traject").labels["regisseur"].text() == "Anouk Verbeek (sinds 01-06-2026)"
    )
    assert "Bas Hoekstra: 05-01-2026 – 01-06-2026" in widget.section("traject").regisseurs.text()
    assert widget.section("traject").events.item(0, 1).text() == "Aangemeld → Plan"
    assert widget.warnings.isVisible()
    assert "Gerrit de Groot wordt 18 op 21 mei 2027" in widget.warnings.text()
    assert (
        widget.section("traject").close_button.isEnabled()
        and not widget.section("traject").new_button.isVisible()
    )


def test_missing_regisseur_stands_out(qtbot: QtBot) -> None:
    widget = _shown(qtbot, _dossier(regisseur=False))
    widget.show()
    assert widget.section("traject").labels["regisseur"].text() == "Geen casusregisseur"
    assert "geen casusregisseur" in widget.warnings.text()


def test_closed_traject_offers_a_new_aanmelding(qtbot: QtBot) -> None:
    widget = _shown(qtbot, _dossier(phase=Phase.AFGESLOTEN))
    widget.show()
    assert (
        not widget.section("traject").phase_button.isEnabled()
        and not widget.section("traject").regisseur_button.isEnabled()
    )
    assert (
        widget.section("traject").new_button.isVisible()
        and not widget.section("traject").close_button.isVisible()
    )


def test_member_buttons_follow_the_selection(qtbot: QtBot) -> None:
    dossier = _dossier()
    widget = _shown(qtbot, dossier)
    assert not widget.section("members").edit_button.isEnabled()
    widget.section("members").table.selectRow(1)
    assert widget.section("members").edit_button.isEnabled()
    with qtbot.waitSignal(widget.section("members").editRequested) as requested:
        widget.section("members").edit_button.click()
    assert requested.args == [dossier.members[1].id]


def test_a_very_long_household_name_does_not_widen_the_dossier(qtbot: QtBot) -> None:
    """A 400-character name (stored before the forms limited it) is cut off with '…' in the
    header, whole in its tooltip; the dossier stays as wide as the window."""
    long_name = ("Familie Van der Berg-Yılmaz-Nguyễn en aanhang " * 10)[:400]
    long_street = "Burgemeester " * 9 + "laan"
    dossier = _dossier()
    dossier = replace(
        dossier, household=replace(dossier.household, name=long_name, street=long_street)
    )
    narrow = _shown(qtbot, _dossier())
    wide = _shown(qtbot, dossier)
    for widget in (narrow, wide):
        widget.resize(1280, 800)
        widget.show()
    assert wide.minimumSizeHint().width() <= narrow.minimumSizeHint().width()
    assert wide.title.text() == long_name and wide.title.toolTip() == long_name
    assert wide.title.width() < 1280 and wide.subtitle.width() < 1280
    assert wide.title.visible_text().endswith("…")
    assert narrow.title.visible_text() == "De Groot"


def test_a_very_long_household_name_is_shortened_on_its_tab(qtbot: QtBot) -> None:
    from views.main_window import MainWindow

    long_name = "Familie " + "Van der Berg-Yılmaz " * 20
    window = MainWindow()
    qtbot.addWidget(window)
    widget = _shown(qtbot, _dossier())
    window.show_dossier_tab(widget, long_name)
    index = window.tabs.indexOf(widget)
    assert window.tabs.tabText(index) == long_name[:39].rstrip() + "…"
    assert window.tabs.tabToolTip(index) == long_name
    widget.titleChanged.emit("De Groot")
    assert window.tabs.tabText(index) == "De Groot" and window.tabs.tabToolTip(index) == "De Groot"
