from __future__ import annotations

import uuid
from datetime import date

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
from views.dossier import DossierWidget

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


def test_dossier_shows_the_household_whole(qtbot: QtBot) -> None:
    widget = DossierWidget(load_codelists())
    qtbot.addWidget(widget)
    widget.show_dossier(_dossier(), today=TODAY)
    widget.show()
    assert widget.title.text() == "De Groot"
    assert (
        "2026-00026" in widget.subtitle.text() and "5536 NJ Voorbeeldstad" in widget.subtitle.text()
    )
    assert widget.members.rowCount() == 2
    assert widget.members.item(1, 0).text() == "Gerrit de Groot"
    assert widget.members.item(1, 2).text() == "17"
    assert widget.members.item(0, 3).text() == "Ouder"
    assert widget.traject_labels["herkomst"].text() == "School / kinderopvang"
    assert widget.traject_labels["regisseur"].text() == "Anouk Verbeek (sinds 01-06-2026)"
    assert "Bas Hoekstra: 05-01-2026 – 01-06-2026" in widget.regisseurs.text()
    assert widget.events.item(0, 1).text() == "Aangemeld → Plan"
    assert widget.warnings.isVisible()
    assert "Gerrit de Groot wordt 18 op 21 mei 2027" in widget.warnings.text()
    assert widget.close_button.isEnabled() and not widget.new_traject_button.isVisible()


def test_missing_regisseur_stands_out(qtbot: QtBot) -> None:
    widget = DossierWidget(load_codelists())
    qtbot.addWidget(widget)
    widget.show_dossier(_dossier(regisseur=False), today=TODAY)
    widget.show()
    assert widget.traject_labels["regisseur"].text() == "Geen casusregisseur"
    assert "geen casusregisseur" in widget.warnings.text()


def test_closed_traject_offers_a_new_aanmelding(qtbot: QtBot) -> None:
    widget = DossierWidget(load_codelists())
    qtbot.addWidget(widget)
    widget.show_dossier(_dossier(phase=Phase.AFGESLOTEN), today=TODAY)
    widget.show()
    assert not widget.phase_button.isEnabled() and not widget.regisseur_button.isEnabled()
    assert widget.new_traject_button.isVisible() and not widget.close_button.isVisible()


def test_member_buttons_follow_the_selection(qtbot: QtBot) -> None:
    widget = DossierWidget(load_codelists())
    qtbot.addWidget(widget)
    dossier = _dossier()
    widget.show_dossier(dossier, today=TODAY)
    assert not widget.edit_member.isEnabled()
    widget.members.selectRow(1)
    assert widget.edit_member.isEnabled()
    with qtbot.waitSignal(widget.editMemberRequested) as requested:
        widget.edit_member.click()
    assert requested.args == [dossier.members[1].id]
