"""The werkkopie under attack: every resumable form killed mid-typing and put back, colleagues
changing or removing what a copy is about, a busy store, passwords, logs and other accounts.

Each defect this found was reproduced here first and then fixed. The one test still marked
``xfail(strict=True)`` is a known limitation (two computers on one file), reported in the
closing note: it starts failing as XPASS once that is solved.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import event, update

from desktop.controller import MainController
from desktop.presenters.werkkopie import Choice, Keeper, ask_choice, offer_box
from desktop.session import Unlocked, unlock
from desktop.usecases import accounts, avg, consents, contacts, households, werkkopie
from desktop.usecases import safety_plan as safety_uc
from desktop.usecases import taxatie as taxatie_uc
from desktop.usecases import traject as traject_uc
from desktop.usecases.werkkopie import Place, WerkkopieRecord
from models import consents as consent_service
from models import households as service
from models import safety_plan as safety_service
from models.enums import ContactKind, EventKind, FactorAnswer, MemberRole, Phase, Safety
from models.permissions import Role
from models.records import (
    AgreementDraft,
    ConsentDraft,
    ContactDraft,
    FactorDraft,
    HouseholdDossier,
    HouseholdDraft,
    PersonDraft,
    PhaseChange,
    PlanDraft,
    RegistrationDraft,
    TrajectDraft,
)
from models.validation import format_date
from models.werkkopie import Werkkopie
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.desktop.werkkopie_helpers import click_offer, open_window, stored
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, organisation
from views.admin import AccountDialog
from views.dialogs import (
    CloseDialog,
    ConsentDialog,
    ContactDialog,
    HouseholdDialog,
    PersonDialog,
    PhaseDialog,
    RegisseurDialog,
    RegistrationDialog,
    ScaleDialog,
    TrajectDialog,
)
from views.forms import FormDialog
from views.login import FirstAdminDialog, PasswordDialog, RecoveryDialog
from views.safety_plan import AgreementDialog, PlanVersionDialog, SettleDialog, SignsOfSafetyDialog
from views.taxatie import TaxatieDialog
from views.zrm import ZrmScoringDialog

ROOT = Path(__file__).resolve().parents[2]
TODAY = date.today()
REGISTERED = TODAY - timedelta(days=60)
PASSWORD_TYPED = "Zeer-Geheim-Wachtwoord-42"
W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def quick_keeper(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that measure the real 3 seconds set it back before building their window."""
    monkeypatch.setattr(Keeper, "INTERVAL_MS", 50)


@dataclass(frozen=True)
class World:
    household: uuid.UUID
    sem: uuid.UUID
    anouk: uuid.UUID
    bram: uuid.UUID
    contact: uuid.UUID
    organisation: uuid.UUID
    consent: uuid.UUID


@pytest.fixture
def world(unlocked: Unlocked) -> World:
    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
        bram = service.add_medewerker(session, "Bram Dijkstra", "generalist")
        household = service.register_household(
            session,
            RegistrationDraft(
                HouseholdDraft("Bakker", city="Voorbeeldstad"),
                TrajectDraft(REGISTERED, regisseur_id=anouk),
            ),
        )
        sem = service.add_member(
            session,
            household,
            PersonDraft("Sem", "Bakker", MemberRole.KIND, date_of_birth=date(2015, 4, 1)),
        )
        contact = service.add_contact(
            session,
            household,
            ContactDraft(REGISTERED + timedelta(days=1), ContactKind.HUISBEZOEK, "Kennismaking"),
        )
        school = organisation(session, "Basisschool De Linde")
        consent = consent_service.add_consent(
            session, household, ConsentDraft(school, REGISTERED, purpose="Afstemming met school")
        )
    return World(household, sem, anouk, bram, contact, school, consent)


# --- helpers ---------------------------------------------------------------------------------


def _dossier(unlocked: Unlocked, household: uuid.UUID) -> HouseholdDossier:
    return households.dossier(unlocked, household)


@contextmanager
def acting_on(cls: type[W], act: Callable[[W], None]) -> Iterator[list[W]]:
    """Like ``on_modal``, but the polling stops when the block ends: a dialog that never
    opened (a restore that failed) leaves no poller behind to close a later test's dialog."""
    handled: list[W] = []
    alive = [True]

    def poll() -> None:
        if not alive[0]:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            handled.append(widget)
            try:
                act(widget)
            except BaseException:
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.done(QDialog.DialogCode.Rejected)
                raise
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    try:
        yield handled
    finally:
        alive[0] = False


def _pick(dialog: FormDialog, key: str, code: str) -> None:
    combo = dialog.field(key)
    combo.setCurrentIndex(combo.findData(code))
    assert combo.currentData() == code, f"{key}: no item {code}"


def _type_then_killed(
    qtbot: QtBot,
    unlocked: Unlocked,
    controller: MainController,
    dialog_class: type[QDialog],
    start: Callable[[], object],
    typing: Callable[[QDialog], None],
) -> dict[str, str]:
    """Open a form, type in it until the copy holds it all, then vanish as a kill -9 would:
    the keeper forgets everything (nothing ends the action), the form just goes."""
    typed: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        opened = dialog.snapshot()  # type: ignore[attr-defined]
        typing(dialog)
        snapshot = dialog.snapshot()  # type: ignore[attr-defined]
        changed = {k: v for k, v in snapshot.items() if opened.get(k) != v}  # what a copy keeps
        qtbot.waitUntil(lambda: [c.fields for c in werkkopie.waiting(unlocked)] == [changed])
        typed.update(snapshot)
        controller.ui.keeper._reset()
        dialog.done(QDialog.DialogCode.Rejected)

    handled = on_modal(dialog_class, act)
    start()
    assert handled, f"{dialog_class.__name__} did not open"
    return typed


def _next_login_restores(
    qtbot: QtBot, unlocked: Unlocked, dialog_class: type[QDialog], *, save: bool = True
) -> list[tuple[str, dict[str, str]]]:
    """A new window offers the copy; Terugzetten; the form's title and texts; Opslaan."""
    controller = open_window(qtbot, unlocked)
    filled: list[tuple[str, dict[str, str]]] = []

    def check(dialog: QDialog) -> None:
        filled.append((dialog.windowTitle(), dialog.snapshot()))  # type: ignore[attr-defined]
        if save:
            press_save(qtbot, dialog)
        else:
            dialog.done(QDialog.DialogCode.Rejected)

    with (
        acting_on(QMessageBox, lambda _box: click_offer("terugzetten")),
        acting_on(dialog_class, check),
    ):
        controller.offer_werkkopieen()
    return filled


def _section(controller: MainController, world: World, kind: str) -> object:
    controller.open_household(world.household)
    return controller.dossiers[world.household].sections[kind]


# --- every resumable action: killed mid-typing, put back on the same record, saved --------------


@dataclass(frozen=True)
class Case:
    dialog: type[QDialog]
    title: str
    start: Callable[[MainController, World], object]
    typing: Callable[[QDialog, World], None]
    check: Callable[[Unlocked, World], None]
    prepare: Callable[[Unlocked, World], None] | None = None


def _t_member(d: QDialog, w: World) -> None:
    assert isinstance(d, PersonDialog)
    d.field("first_name").setText("Zoë")
    d.field("infix").setText("van 't")
    d.field("last_name").setText("Hart")
    d.field("date_of_birth").setText("01-05-2015")


def _c_member(u: Unlocked, w: World) -> None:
    [sem] = [m for m in _dossier(u, w.household).members if m.id == w.sem]
    assert (sem.first_name, sem.infix, sem.last_name) == ("Zoë", "van 't", "Hart")
    assert sem.date_of_birth == date(2015, 5, 1)
    assert len(_dossier(u, w.household).members) == 1  # the same record, not a new one


def _t_traject(d: QDialog, w: World) -> None:
    assert isinstance(d, TrajectDialog)
    d.field("question").setPlainText("Hulp bij de opvoeding, vraagt Nguyễn Thị Lan")
    _pick(d, "aard", "school")
    _pick(d, "urgentie", "hoog")


def _c_traject(u: Unlocked, w: World) -> None:
    current = _dossier(u, w.household).traject
    assert current is not None
    assert current.question == "Hulp bij de opvoeding, vraagt Nguyễn Thị Lan"
    assert (current.aard, current.urgentie) == ("school", "hoog")


def _close_the_traject(u: Unlocked, w: World) -> None:
    from models.records import Closure

    current = _dossier(u, w.household).traject
    assert current is not None
    traject_uc.close_traject(u, current.id, Closure(TODAY, "doelen_bereikt"))


def _t_new_traject(d: QDialog, w: World) -> None:
    assert isinstance(d, TrajectDialog)
    d.field("registered_on").setText(format_date(TODAY))
    _pick(d, "herkomst", "school")
    _pick(d, "regisseur", str(w.bram))
    d.field("question").setPlainText("Opnieuw aangemeld door school")


def _c_new_traject(u: Unlocked, w: World) -> None:
    current = _dossier(u, w.household).traject
    assert current is not None and current.phase is Phase.AANGEMELD
    assert (current.herkomst, current.question) == ("school", "Opnieuw aangemeld door school")
    assert current.regisseurs[-1].medewerker_id == w.bram


def _t_phase(d: QDialog, w: World) -> None:
    assert isinstance(d, PhaseDialog)
    _pick(d, "phase", Phase.PLAN.value)
    d.field("note").setPlainText("Plan gemaakt met Zoë")


def _c_phase(u: Unlocked, w: World) -> None:
    current = _dossier(u, w.household).traject
    assert current is not None and current.phase is Phase.PLAN
    assert current.events[-1].note == "Plan gemaakt met Zoë"


def _t_regisseur(d: QDialog, w: World) -> None:
    assert isinstance(d, RegisseurDialog)
    _pick(d, "medewerker", str(w.bram))


def _c_regisseur(u: Unlocked, w: World) -> None:
    current = _dossier(u, w.household).traject
    assert current is not None and current.regisseurs[-1].medewerker_id == w.bram


def _t_scale(d: QDialog, w: World) -> None:
    assert isinstance(d, ScaleDialog)
    if d.kind is EventKind.OPSCHALEN:
        _pick(d, "target", "veilig_thuis")
        d.field("reason").setPlainText("Afspraken niet nagekomen")
        d.field("responsible").setText("Zoë van 't Hart")
    else:
        _pick(d, "target", "waakvlam")
    d.field("note").setPlainText("Veilig Thuis ingeschakeld")


def _c_scale(kind: EventKind) -> Callable[[Unlocked, World], None]:
    def check(u: Unlocked, w: World) -> None:
        current = _dossier(u, w.household).traject
        assert current is not None
        last = current.events[-1]
        assert (last.kind, last.note) == (kind, "Veilig Thuis ingeschakeld")
        up = kind is EventKind.OPSCHALEN
        assert last.target == ("veilig_thuis" if up else "waakvlam")
        assert last.responsible == ("Zoë van 't Hart" if up else "")

    return check


def _t_close(d: QDialog, w: World) -> None:
    assert isinstance(d, CloseDialog)
    _pick(d, "reason", "afgeschaald")
    d.field("note").setPlainText("Gezin redt het zelf")


def _c_close(u: Unlocked, w: World) -> None:
    dossier = _dossier(u, w.household)
    closed = dossier.traject or dossier.earlier_trajecten[-1]
    assert closed.phase is Phase.AFGESLOTEN and closed.close_reason == "afgeschaald"


def _t_contact(d: QDialog, w: World) -> None:
    assert isinstance(d, ContactDialog)
    d.field("contact_date").setText(format_date(TODAY))
    _pick(d, "kind", ContactKind.TELEFOON.value)
    _pick(d, "medewerker", str(w.bram))
    d.field("note").setPlainText("Gebeld met Zoë over school")


def _c_contact_added(u: Unlocked, w: World) -> None:
    notes = {(c.kind, c.note, c.medewerker_id) for c in _dossier(u, w.household).contacts}
    assert (ContactKind.TELEFOON, "Gebeld met Zoë over school", w.bram) in notes


def _t_contact_edit(d: QDialog, w: World) -> None:
    assert isinstance(d, ContactDialog)
    d.field("note").setPlainText("Kennismaking, met oma Yılmaz erbij")


def _c_contact_edited(u: Unlocked, w: World) -> None:
    [contact] = [c for c in _dossier(u, w.household).contacts if c.id == w.contact]
    assert contact.note == "Kennismaking, met oma Yılmaz erbij"
    assert len(_dossier(u, w.household).contacts) == 1


def _t_consent(d: QDialog, w: World) -> None:
    assert isinstance(d, ConsentDialog)
    _pick(d, "organisation", str(w.organisation))
    _pick(d, "answer", "nee")
    _pick(d, "person", str(w.sem))
    d.field("purpose").setPlainText("Overleg met de intern begeleider")
    d.field("given_by").setText("Zoë van 't Hart")


def _c_consent_added(u: Unlocked, w: World) -> None:
    found = [c for c in _dossier(u, w.household).consents if c.id != w.consent]
    assert [(c.refused, c.person_id, c.purpose, c.given_by) for c in found] == [
        (True, w.sem, "Overleg met de intern begeleider", "Zoë van 't Hart")
    ]


def _t_consent_edit(d: QDialog, w: World) -> None:
    assert isinstance(d, ConsentDialog)
    d.field("purpose").setPlainText("Afstemming met school en leerplicht")


def _c_consent_edited(u: Unlocked, w: World) -> None:
    [consent] = _dossier(u, w.household).consents
    assert consent.id == w.consent and consent.purpose == "Afstemming met school en leerplicht"


def _t_household(d: QDialog, w: World) -> None:
    assert isinstance(d, HouseholdDialog)
    d.field("phone").setText("06-12345678")
    d.field("street").setText("Çiçekstraat")


def _c_household(u: Unlocked, w: World) -> None:
    household = _dossier(u, w.household).household
    assert (household.phone, household.street, household.city) == (
        "06-12345678",
        "Çiçekstraat",
        "Voorbeeldstad",
    )


def _t_registration(d: QDialog, w: World) -> None:
    assert isinstance(d, RegistrationDialog)
    d.field("name").setText("Yılmaz")
    d.field("postcode").setText("1234 AB")
    _pick(d, "herkomst", "school")
    _pick(d, "regisseur", str(w.bram))
    d.field("question").setPlainText("Moeder zoekt hulp")


def _c_registration(u: Unlocked, w: World) -> None:
    assert households.count(u, "Yılmaz", open_only=True) == 1


def _start(kind: str, action: str, *args: object) -> Callable[[MainController, World], object]:
    def start(controller: MainController, world: World) -> object:
        presenter = _section(controller, world, kind)
        resolved = [getattr(world, a) if type(a) is str else a for a in args]
        return getattr(presenter, action)(*resolved)

    return start


# The risicotaxatie: a concept typed in, killed, put back and saved as concept.


def _t_taxatie(d: QDialog, w: World) -> None:
    assert isinstance(d, TaxatieDialog)
    person = d.field("person")
    person.setCurrentIndex(person.findData(str(w.sem)))
    factor = d.field("factor:kind_angst")
    factor.setCurrentIndex(factor.findData("aanwezig"))
    d.field("remark:kind_angst").setText("Sem wil niet naar huis")
    safety = d.field("safety")
    safety.setCurrentIndex(safety.findData("onveilig"))
    d.field("onderbouwing").setPlainText("Zorgen na het huisbezoek.")


def _c_taxatie(u: Unlocked, w: World) -> None:
    [record] = taxatie_uc.taxaties(u, w.household)
    assert (record.person_id, record.draft.safety) == (w.sem, Safety.ONVEILIG)
    assert record.draft.answer("kind_angst") == FactorDraft(
        "kind_angst", FactorAnswer.AANWEZIG, "Sem wil niet naar huis"
    )
    assert record.draft.onderbouwing == "Zorgen na het huisbezoek."


# Signs of Safety and the veiligheidsplan (the plan's forms work on its concept version).


def _t_signs(d: QDialog, w: World) -> None:
    assert isinstance(d, SignsOfSafetyDialog)
    d.field("worries").setPlainText("Ruzies thuis, zegt Zoë van 't Hart")
    d.field("next_steps").setPlainText("Een veilige plek bij oma")
    d.field("scale_team").setText("4")
    d.field(f"scale_{w.sem}").setText("7")


def _c_signs(u: Unlocked, w: World) -> None:
    [record] = safety_uc.signs(u, w.household)
    assert record.draft.worries == "Ruzies thuis, zegt Zoë van 't Hart"
    assert [(a.score, a.person_id) for a in record.draft.answers] == [(4, None), (7, w.sem)]


def _t_plan(d: QDialog, w: World) -> None:
    assert isinstance(d, PlanVersionDialog)
    d.field("goal").setPlainText("Niemand drinkt als hij alleen voor Sem zorgt")


def _c_plan(u: Unlocked, w: World) -> None:
    concept = safety_uc.plans(u, w.household).concept
    assert concept is not None and concept.goal == "Niemand drinkt als hij alleen voor Sem zorgt"


def _a_concept(u: Unlocked, w: World) -> None:
    with u.store.sessions.begin() as session:
        plan_id = safety_service.new_plan_version(session, w.household, PlanDraft(REGISTERED))
        safety_service.add_agreement(
            session, plan_id, AgreementDraft("Oma bellen", "Moeder", "Bij ruzie")
        )


def _concept_id(c: MainController, w: World) -> uuid.UUID:
    concept = safety_uc.plans(c.unlocked, w.household).concept
    assert concept is not None
    return concept.id


def _t_agreement(d: QDialog, w: World) -> None:
    assert isinstance(d, AgreementDialog)
    d.field("what").setPlainText("Sem belt de buurvrouw")
    d.field("who").setText("Sem")
    d.field("trigger").setText("Als hij bang is")


def _c_agreement(u: Unlocked, w: World) -> None:
    concept = safety_uc.plans(u, w.household).concept
    assert concept is not None
    assert [a.draft.who for a in concept.agreements] == ["Moeder", "Sem"]


def _t_settle(d: QDialog, w: World) -> None:
    assert isinstance(d, SettleDialog)
    _pick(d, "with_parents", "nee")
    d.field("not_agreed_reason").setPlainText("Vader wilde niet meepraten")


def _c_settle(u: Unlocked, w: World) -> None:
    current = safety_uc.plans(u, w.household).current
    assert current is not None and current.settlement is not None
    assert current.settlement.not_agreed_reason == "Vader wilde niet meepraten"


CASES = {
    "members.edit": Case(
        PersonDialog, "Gezinslid wijzigen", _start("members", "edit", "sem"), _t_member, _c_member
    ),
    "traject.edit": Case(
        TrajectDialog, "Aanmelding wijzigen", _start("traject", "edit"), _t_traject, _c_traject
    ),
    "traject.start_new": Case(
        TrajectDialog,
        "Nieuwe aanmelding",
        _start("traject", "start_new"),
        _t_new_traject,
        _c_new_traject,
        prepare=_close_the_traject,
    ),
    "traject.change_phase": Case(
        PhaseDialog, "Fase wijzigen", _start("traject", "change_phase"), _t_phase, _c_phase
    ),
    "traject.change_regisseur": Case(
        RegisseurDialog,
        "Casusregisseur wijzigen",
        _start("traject", "change_regisseur"),
        _t_regisseur,
        _c_regisseur,
    ),
    "traject.scale(opschalen)": Case(
        ScaleDialog,
        "Opschalen",
        _start("traject", "scale", EventKind.OPSCHALEN),
        _t_scale,
        _c_scale(EventKind.OPSCHALEN),
    ),
    "traject.scale(afschalen)": Case(
        ScaleDialog,
        "Afschalen",
        _start("traject", "scale", EventKind.AFSCHALEN),
        _t_scale,
        _c_scale(EventKind.AFSCHALEN),
    ),
    "traject.close": Case(
        CloseDialog, "Traject afsluiten", _start("traject", "close"), _t_close, _c_close
    ),
    "contacts.add": Case(
        ContactDialog,
        "Contactmoment vastleggen",
        _start("contacts", "add"),
        _t_contact,
        _c_contact_added,
    ),
    "contacts.edit": Case(
        ContactDialog,
        "Contactmoment wijzigen",
        _start("contacts", "edit", "contact"),
        _t_contact_edit,
        _c_contact_edited,
    ),
    "consents.add": Case(
        ConsentDialog,
        "Toestemming vastleggen",
        _start("consents", "add"),
        _t_consent,
        _c_consent_added,
    ),
    "consents.edit": Case(
        ConsentDialog,
        "Toestemming wijzigen",
        _start("consents", "edit", "consent"),
        _t_consent_edit,
        _c_consent_edited,
    ),
    "dossier.edit_household": Case(
        HouseholdDialog,
        "Gegevens huishouden wijzigen",
        lambda c, w: (c.open_household(w.household), c.dossiers[w.household].edit_household()),
        _t_household,
        _c_household,
    ),
    "signs_of_safety.add": Case(
        SignsOfSafetyDialog,
        "Signs of Safety vastleggen",
        _start("signs_of_safety", "add"),
        _t_signs,
        _c_signs,
    ),
    "safety_plan.new_version": Case(
        PlanVersionDialog,
        "Nieuwe versie van het veiligheidsplan",
        _start("safety_plan", "new_version"),
        _t_plan,
        _c_plan,
    ),
    "safety_plan.add_agreement": Case(
        AgreementDialog,
        "Afspraak toevoegen",
        lambda c, w: _section(c, w, "safety_plan").add_agreement(_concept_id(c, w)),  # type: ignore[attr-defined]
        _t_agreement,
        _c_agreement,
        prepare=_a_concept,
    ),
    "safety_plan.settle": Case(
        SettleDialog,
        "Veiligheidsplan vaststellen",
        lambda c, w: _section(c, w, "safety_plan").settle(_concept_id(c, w)),  # type: ignore[attr-defined]
        _t_settle,
        _c_settle,
        prepare=_a_concept,
    ),
    "taxatie.add": Case(
        TaxatieDialog,
        "Risicotaxatie",
        _start("taxatie", "add"),
        _t_taxatie,
        _c_taxatie,
    ),
    "huishoudens.register": Case(
        RegistrationDialog,
        "Nieuw huishouden aanmelden",
        lambda c, w: c.households.register(),
        _t_registration,
        _c_registration,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_resumable_form_comes_back_on_its_record_and_saves(
    qtbot: QtBot, unlocked: Unlocked, world: World, name: str
) -> None:
    case = CASES[name]
    if case.prepare is not None:
        case.prepare(unlocked, world)
    first = open_window(qtbot, unlocked)
    typed = _type_then_killed(
        qtbot,
        unlocked,
        first,
        case.dialog,
        lambda: case.start(first, world),
        lambda dialog: case.typing(dialog, world),
    )
    [copy] = werkkopie.waiting(unlocked)
    assert copy.title == case.title
    assert copy.place.household_id == (None if name.startswith("huishoudens") else world.household)

    filled = _next_login_restores(qtbot, unlocked, case.dialog)
    assert filled == [(case.title, typed)]  # the same form, filled in as it was left
    case.check(unlocked, world)
    assert stored(unlocked) == []  # saved: the copy is gone


def test_a_half_typed_date_and_codes_come_back_as_typed(
    qtbot: QtBot, unlocked: Unlocked, world: World, message_boxes: MessageBoxes
) -> None:
    first = open_window(qtbot, unlocked)
    contacts_section = _section(first, world, "contacts")

    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        dialog.field("contact_date").setText("")
        QTest.keyClicks(dialog.field("contact_date"), "12-11-20")  # half typed
        _pick(dialog, "kind", ContactKind.OVERLEG.value)
        _pick(dialog, "medewerker", str(world.bram))

    _type_then_killed(
        qtbot,
        unlocked,
        first,
        ContactDialog,
        contacts_section.add,
        typing,  # type: ignore[attr-defined]
    )
    [(_title, texts)] = _next_login_restores(qtbot, unlocked, ContactDialog, save=False)
    assert texts["contact_date"] == "12-11-20"
    assert (texts["kind"], texts["medewerker"]) == ("overleg", str(world.bram))


# --- a colleague changed or removed what a copy is about --------------------------------------


def _copy_about(
    unlocked: Unlocked,
    owner: str,
    action: str,
    household: uuid.UUID | None,
    argument: str,
    title: str,
    fields: dict[str, str],
) -> uuid.UUID:
    copy_id = uuid.uuid4()
    assert werkkopie.keep(
        unlocked, copy_id, Place(owner, action, household, argument), title, fields
    )
    return copy_id


@contextmanager
def answering_offers(answers: list[str]) -> Iterator[list[str]]:
    """Answer each new offer box in turn (one poller, so no box is answered twice); yields
    the texts of the boxes asked. The polling stops with the block."""
    asked: list[str] = []
    left = list(answers)
    alive = [True]

    def poll() -> None:
        if not alive[0]:
            return
        box = QApplication.activeModalWidget()
        if (
            isinstance(box, QMessageBox)
            and box.objectName() == "werkkopie_offer"
            and not box.property("answered")
        ):
            box.setProperty("answered", True)
            asked.append(box.text())
            click_offer(left.pop(0))
        if left:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    try:
        yield asked
    finally:
        alive[0] = False


def _offer_all(qtbot: QtBot, unlocked: Unlocked, answers: list[str]) -> MainController:
    controller = open_window(qtbot, unlocked)
    with answering_offers(answers):
        controller.offer_werkkopieen()
    return controller


@pytest.mark.parametrize(
    ("owner", "action", "argument"),
    [
        ("members", "edit", "sem"),
        ("contacts", "edit", "contact"),
        ("consents", "edit", "consent"),
        ("measurements", "score", "sem"),
    ],
)
def test_restoring_an_edit_of_a_removed_record_says_so_and_goes_on(
    qtbot: QtBot,
    unlocked: Unlocked,
    world: World,
    message_boxes: MessageBoxes,
    owner: str,
    action: str,
    argument: str,
) -> None:
    target: uuid.UUID = getattr(world, argument)
    _copy_about(unlocked, owner, action, world.household, str(target), "Wijzigen", {"note": "x"})
    later = _copy_about(
        unlocked, "contacts", "add", world.household, "", "Contactmoment vastleggen", {}
    )
    # a colleague removes the record meanwhile
    if argument == "sem":
        households.remove_member(unlocked, world.sem)
    elif argument == "contact":
        contacts.remove_contact(unlocked, world.contact)
    else:
        consents.remove_consent(unlocked, world.consent)

    _offer_all(qtbot, unlocked, ["terugzetten", "verwerpen"])  # raises today
    assert any("niet meer worden geopend" in t for t in message_boxes.texts())
    assert later not in {c.id for c in werkkopie.waiting(unlocked)}  # the second was offered


def test_a_stale_copy_does_not_undo_a_colleagues_later_save(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    first = open_window(qtbot, unlocked)
    members = _section(first, world, "members")

    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.field("first_name").setText("Semmie")  # the user only changes the first name

    _type_then_killed(
        qtbot,
        unlocked,
        first,
        PersonDialog,
        lambda: members.edit(world.sem),
        typing,  # type: ignore[attr-defined]
    )
    # Days later, a colleague corrects Sem's date of birth and adds his BSN.
    households.update_member(
        unlocked,
        world.sem,
        PersonDraft(
            "Sem", "Bakker", MemberRole.KIND, date_of_birth=date(2015, 4, 11), bsn="999990019"
        ),
    )
    _next_login_restores(qtbot, unlocked, PersonDialog)
    [sem] = _dossier(unlocked, world.household).members
    assert sem.first_name == "Semmie"  # the user's own change
    assert (sem.date_of_birth, sem.bsn) == (date(2015, 4, 11), "999990019")  # the colleague's


def _t_phase_plan(dialog: QDialog) -> None:
    assert isinstance(dialog, PhaseDialog)
    _pick(dialog, "phase", Phase.PLAN.value)
    dialog.field("note").setPlainText("Plan")


def test_a_phase_no_longer_offered_is_not_swapped_for_another(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    first = open_window(qtbot, unlocked)
    section = _section(first, world, "traject")
    _type_then_killed(
        qtbot,
        unlocked,
        first,
        PhaseDialog,
        section.change_phase,  # type: ignore[attr-defined]
        _t_phase_plan,
    )
    current = _dossier(unlocked, world.household).traject
    assert current is not None
    traject_uc.change_phase(unlocked, current.id, PhaseChange(Phase.PLAN, TODAY))  # a colleague
    [(_title, texts)] = _next_login_restores(qtbot, unlocked, PhaseDialog, save=False)
    assert texts["phase"] in ("", Phase.PLAN.value)  # empty, or still the typed choice
    # today: "aangemeld" – the form proposes moving the traject back to the start


def test_a_destroyed_dossier_gets_no_new_werkkopie(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    controller = open_window(qtbot, unlocked)
    members = _section(controller, world, "members")

    def type_destroy_type(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.field("first_name").setText("Zoë")
        qtbot.waitUntil(lambda: len(stored(unlocked)) == 1)
        avg.destroy(unlocked, world.household)  # the beheerder, in another window
        assert stored(unlocked) == []  # the destruction took the copy with it
        dialog.field("last_name").setText("van 't Hart")  # the colleague types on
        qtbot.wait(300)  # six intervals
        controller.ui.keeper._reset()  # and the window is killed
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(PersonDialog, type_destroy_type)
    members.add()  # type: ignore[attr-defined]
    left = stored(unlocked)
    assert [(c.household_id, "van 't Hart" in c.fields) for c in left] == []


def test_a_destroyed_dossier_takes_every_accounts_copies(
    unlocked: Unlocked, world: World, db_path: Path
) -> None:
    accounts.add_account(
        unlocked,
        login="pim",
        name="Pim",
        role=Role.MEDEWERKER,
        password="pim-wachtwoord-12",
        cost=FAST_KDF,
    )
    pim = unlock(db_path, "pim", "pim-wachtwoord-12")
    try:
        _copy_about(pim, "members", "add", world.household, "", "Nieuw gezinslid", {"x": "Zoë"})
        registration = _copy_about(pim, "huishoudens", "register", None, "", "Nieuw", {})
        avg.destroy(unlocked, world.household)
        assert [c.id for c in werkkopie.waiting(pim)] == [registration]
    finally:
        pim.close()


# --- the offer: two copies, Later, Verwerpen, Escape, closing the box -------------------------


def test_two_copies_later_then_verwerpen_then_the_next_login(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    old = _copy_about(unlocked, "members", "add", world.household, "", "Nieuw gezinslid", {})
    with unlocked.store.sessions.begin() as session:  # the older one is asked first
        session.execute(
            update(Werkkopie)
            .where(Werkkopie.id == old)
            .values(saved_at=datetime.now(UTC) - timedelta(hours=2))
        )
    new = _copy_about(unlocked, "contacts", "add", world.household, "", "Contactmoment", {})
    controller = open_window(qtbot, unlocked)
    with answering_offers(["later", "verwerpen"]) as asked:
        controller.offer_werkkopieen()
    assert ["Nieuw gezinslid" in asked[0], "Contactmoment" in asked[1]] == [True, True]
    assert [c.id for c in werkkopie.waiting(unlocked)] == [old]
    assert new not in {c.id for c in stored(unlocked)}

    again = open_window(qtbot, unlocked)  # the next login asks again about the one left
    with answering_offers(["later"]) as asked:
        again.offer_werkkopieen()
    assert len(asked) == 1 and [c.id for c in werkkopie.waiting(unlocked)] == [old]


def _copy_record(
    household: uuid.UUID | None = None, title: str = "Nieuw gezinslid"
) -> WerkkopieRecord:
    return WerkkopieRecord(
        uuid.uuid4(), Place("members", "add", household), title, {}, datetime.now(UTC), "2026-0001"
    )


def test_escape_on_the_offer_means_later(qtbot: QtBot) -> None:
    on_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert ask_choice(None, _copy_record()) is Choice.LATER


def test_closing_the_offer_window_means_later(qtbot: QtBot) -> None:
    on_modal(QMessageBox, lambda box: box.close())
    assert ask_choice(None, _copy_record()) is Choice.LATER


def test_enter_on_the_offer_restores(qtbot: QtBot) -> None:
    """The default button is Terugzetten: Enter never throws typing away."""
    on_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert ask_choice(None, _copy_record()) is Choice.RESTORE


def test_a_title_with_markup_is_shown_as_text(qtbot: QtBot) -> None:
    box = offer_box(None, _copy_record(title="<img src='http://x/y.png'><b>Zoë</b>"))
    qtbot.addWidget(box)
    assert "<img" not in box.text() and "&lt;img" in box.text()


# --- accounts: only one's own copies ----------------------------------------------------------


@pytest.fixture
def medewerker(unlocked: Unlocked, db_path: Path) -> Iterator[Unlocked]:
    accounts.add_account(
        unlocked,
        login="pim",
        name="Pim Collega",
        role=Role.MEDEWERKER,
        password="collega-wachtwoord-1",
        cost=FAST_KDF,
    )
    pim = unlock(db_path, "pim", "collega-wachtwoord-1")
    yield pim
    pim.close()


def test_a_beheerder_never_sees_or_deletes_a_medewerkers_copy(
    qtbot: QtBot, unlocked: Unlocked, medewerker: Unlocked, world: World
) -> None:
    theirs = _copy_about(
        medewerker, "members", "add", world.household, "", "Nieuw gezinslid", {"first_name": "Zoë"}
    )
    assert werkkopie.waiting(unlocked) == []  # the beheerder (unlocked) is offered nothing
    werkkopie.discard(unlocked, theirs)  # nor can delete it by its id
    assert [c.id for c in werkkopie.waiting(medewerker)] == [theirs]
    _offer_all(qtbot, unlocked, [])  # the beheerder's window asks nothing (no box to answer)
    assert [c.id for c in werkkopie.waiting(medewerker)] == [theirs]


@pytest.mark.log_warnings  # the refusal is logged (its type only)
def test_an_account_cannot_overwrite_anothers_copy(
    unlocked: Unlocked, medewerker: Unlocked, world: World
) -> None:
    theirs = _copy_about(medewerker, "members", "add", world.household, "", "Nieuw", {"a": "1"})
    place = Place("members", "add", world.household)
    assert not werkkopie.keep(unlocked, theirs, place, "X", {"a": "2"})  # refused, logged
    [copy] = werkkopie.waiting(medewerker)
    assert copy.fields == {"a": "1"}


def test_a_planted_copy_cannot_run_an_action_that_is_not_resumable(
    qtbot: QtBot, unlocked: Unlocked, world: World, message_boxes: MessageBoxes
) -> None:
    """A row naming 'destroy' (or 'remove') is refused: only @resumable actions are run."""
    for owner, action, argument in [
        ("dossier", "destroy", ""),
        ("members", "remove", str(world.sem)),
        ("dossier", "__init__", ""),
    ]:
        _copy_about(unlocked, owner, action, world.household, argument, "Formulier", {})
    message_boxes.answer = QMessageBox.StandardButton.Yes  # any confirmation would say yes
    _offer_all(qtbot, unlocked, ["terugzetten"] * 3)
    dossier = _dossier(unlocked, world.household)
    assert [m.id for m in dossier.members] == [world.sem]
    assert sum("niet meer worden geopend" in t for t in message_boxes.texts()) == 3


# --- passwords never land in the werkkopie table ----------------------------------------------


@pytest.mark.parametrize(
    "dialog_class", [FirstAdminDialog, PasswordDialog, RecoveryDialog, AccountDialog]
)
def test_no_password_form_is_kept_even_inside_a_resumable_action(
    qtbot: QtBot, unlocked: Unlocked, dialog_class: type[FormDialog]
) -> None:
    """The worst case: a password form opened while a kept action runs."""
    controller = open_window(qtbot, unlocked)

    def type_everything(dialog: FormDialog) -> None:
        for key in list(dialog._fields):
            widget = dialog.field(key)
            if isinstance(widget, QLineEdit):
                widget.setText(PASSWORD_TYPED)
        qtbot.wait(300)
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(dialog_class, type_everything)
    with controller.ui.keeper.keeping(Place("account", "x")):
        dialog_class.ask(None)
    assert stored(unlocked) == []


def test_the_lock_screen_password_is_not_kept_with_the_form_under_it(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    controller = open_window(qtbot, unlocked)
    members = _section(controller, world, "members")

    def type_lock_type(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.field("first_name").setText("Zoë")
        controller.autolock.lock()
        overlay = controller.autolock.password_overlay()
        assert overlay is not None and overlay.password is not None
        overlay.password.setText(PASSWORD_TYPED)
        dialog.field("last_name").setText("Hart")  # a form field changes while locked
        qtbot.waitUntil(lambda: any("Hart" in c.fields for c in stored(unlocked)))
        controller.ui.keeper._reset()
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(PersonDialog, type_lock_type)
    members.add()  # type: ignore[attr-defined]
    assert controller.autolock.try_unlock(TEST_PASSWORD)
    [copy] = stored(unlocked)
    assert PASSWORD_TYPED not in copy.fields and PASSWORD_TYPED not in copy.title


# --- nothing personal in logs or stderr -------------------------------------------------------


@pytest.mark.log_warnings
def test_a_failing_store_logs_no_names(
    qtbot: QtBot,
    unlocked: Unlocked,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from sqlalchemy.exc import OperationalError

    import models.werkkopie as model

    def broken(*args: object, **_kw: object) -> None:
        fields = json.dumps(args[-1], ensure_ascii=False)
        raise OperationalError("INSERT werkkopie", {"fields": fields}, Exception("disk I/O error"))

    monkeypatch.setattr(model, "keep", broken)
    caplog.set_level(logging.DEBUG)
    controller = open_window(qtbot, unlocked)
    members = _section(controller, world, "members")

    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.field("first_name").setText("Nguyễn Thị")
        dialog.field("last_name").setText("Lan")
        dialog.field("infix").setText("Yılmaz")
        qtbot.wait(300)
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(PersonDialog, typing)
    members.add()  # type: ignore[attr-defined]
    assert any("werkkopie not stored" in r.getMessage() for r in caplog.records)
    assert not any(word in caplog.text for word in ("Nguy", "Thị", "Yılmaz")), caplog.text


# --- a busy store: typing must not freeze -------------------------------------------------------


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from desktop.session import unlock
unlocked = unlock(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
connection = unlocked.store.engine.raw_connection().driver_connection
connection.execute("BEGIN IMMEDIATE")
print("vast", flush=True)
time.sleep(float(sys.argv[4]))
connection.rollback()
connection.close()
unlocked.close()
"""


@pytest.fixture
def hold_the_store(db_path: Path, tmp_path: Path) -> Iterator[Callable[[float], None]]:
    """Another process takes the write lock (BEGIN IMMEDIATE) for some seconds."""
    started: list[subprocess.Popen[str]] = []
    script = tmp_path / "hold.py"
    script.write_text(LOCK_HOLDER)

    def hold(seconds: float) -> None:
        process = subprocess.Popen(
            [sys.executable, str(script), str(db_path), TEST_LOGIN, TEST_PASSWORD, str(seconds)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "vast"

    yield hold
    for process in started:  # a killed holder's lock goes with it (nothing was written)
        process.kill()
        process.communicate(timeout=60)


def test_one_keep_against_a_held_store_gives_up_at_once(
    unlocked: Unlocked, world: World, hold_the_store: Callable[[float], None]
) -> None:
    """The figure is printed (pytest -s): how long one keep() blocks against a held lock."""
    hold_the_store(8)
    start = time.monotonic()
    kept = werkkopie.keep(
        unlocked, uuid.uuid4(), Place("members", "add", world.household), "x", {"a": "b"}
    )
    blocked = time.monotonic() - start
    print(f"\nkeep() against a held lock: {blocked:.2f} s, stored={kept}")  # noqa: T201
    assert not kept
    assert blocked < 0.5


def test_typing_does_not_freeze_while_a_colleague_holds_the_store(
    qtbot: QtBot,
    unlocked: Unlocked,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    hold_the_store: Callable[[float], None],
) -> None:
    monkeypatch.setattr(Keeper, "INTERVAL_MS", 3000)  # the real interval
    controller = open_window(qtbot, unlocked)
    members = _section(controller, world, "members")
    gaps: list[int] = []

    def type_for_a_while(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        field = dialog.field("first_name")
        clock = QElapsedTimer()
        clock.start()
        hold_the_store(30)
        last = clock.elapsed()
        while clock.elapsed() < 8500:  # a keystroke every 50 ms, as a quick typist
            QTest.keyClick(field, Qt.Key.Key_A)
            qtbot.wait(50)
            now = clock.elapsed()
            gaps.append(now - last)
            last = now
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(PersonDialog, type_for_a_while)
    members.add()  # type: ignore[attr-defined]
    print(f"\nlongest pause between keystrokes: {max(gaps)} ms")  # noqa: T201
    assert max(gaps) < 500


def test_a_busy_store_at_login_neither_blocks_nor_warns(
    qtbot: QtBot,
    unlocked: Unlocked,
    world: World,
    message_boxes: MessageBoxes,
    hold_the_store: Callable[[float], None],
) -> None:
    controller = open_window(qtbot, unlocked)
    hold_the_store(8)
    start = time.monotonic()
    controller.offer_werkkopieen()
    blocked = time.monotonic() - start
    print(f"\noffer at login against a held lock: {blocked:.2f} s")  # noqa: T201
    assert message_boxes.shown == [] and blocked < 1


# --- the throttle ----------------------------------------------------------------------------


def test_continuous_typing_writes_at_most_once_every_3_seconds(
    qtbot: QtBot, unlocked: Unlocked, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Keeper, "INTERVAL_MS", 3000)  # the real interval
    assert Keeper.INTERVAL_MS == 3000
    writes: list[float] = []

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "werkkopie" in statement and statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            writes.append(time.monotonic())

    event.listen(unlocked.store.engine, "before_cursor_execute", count)
    controller = open_window(qtbot, unlocked)
    members = _section(controller, world, "members")
    typed_for: list[float] = []

    def type_steadily(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        start = time.monotonic()
        keys = itertools.cycle([Qt.Key.Key_A, Qt.Key.Key_Backspace])  # the text never fills up
        while time.monotonic() - start < 7:  # seven seconds of typing, a key each 40 ms
            QTest.keyClick(dialog.field("first_name"), next(keys))
            qtbot.wait(40)
        typed_for.append(time.monotonic() - start)
        controller.ui.keeper._reset()
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal(PersonDialog, type_steadily)
    try:
        members.add()  # type: ignore[attr-defined]
    finally:
        event.remove(unlocked.store.engine, "before_cursor_execute", count)
    gaps = [b - a for a, b in itertools.pairwise(writes)]
    print(f"\n{len(writes)} writes in {typed_for[0]:.1f} s; gaps {[round(g, 2) for g in gaps]}")  # noqa: T201
    assert 2 <= len(writes) <= 1 + int(typed_for[0] / 3)
    assert min(gaps) >= 2.85  # QTimer is coarse: it may fire up to 5 % early


# --- a second process of the same account -------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="DEFECT (minor; needs two computers on one file, the lock file stops it on one): "
    "a copy still being typed in a live window is offered to another login of the same "
    "account as left by a crash; Terugzetten there and Opslaan in both adds the member twice",
)
def test_a_copy_still_being_typed_elsewhere_is_not_offered(
    unlocked: Unlocked, world: World, db_path: Path
) -> None:
    window = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("typing_then_killed.py")),
            str(db_path),
            str(world.household),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "getypt"
        deadline = time.monotonic() + 20
        while not stored(unlocked):
            assert time.monotonic() < deadline, "no werkkopie was stored"
            time.sleep(0.2)
        offered = werkkopie.waiting(unlocked)  # the same account logs in elsewhere
    finally:
        window.kill()
        window.communicate(timeout=30)
    assert offered == []


# --- a restored copy, killed again ----------------------------------------------------------


def test_a_restored_form_killed_again_keeps_one_copy_with_the_new_typing(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    first = open_window(qtbot, unlocked)
    members = _section(first, world, "members")
    _type_then_killed(
        qtbot,
        unlocked,
        first,
        PersonDialog,
        members.add,
        lambda d: _t_member(d, world),  # type: ignore[attr-defined]
    )
    [before] = werkkopie.waiting(unlocked)
    second = open_window(qtbot, unlocked)

    def type_more_then_killed(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.field("bsn").setText("999990019")
        qtbot.waitUntil(lambda: "999990019" in werkkopie.waiting(unlocked)[0].fields.values())
        second.ui.keeper._reset()
        dialog.done(QDialog.DialogCode.Rejected)

    with (
        acting_on(QMessageBox, lambda _box: click_offer("terugzetten")),
        acting_on(PersonDialog, type_more_then_killed),
    ):
        second.offer_werkkopieen()
    [after] = werkkopie.waiting(unlocked)
    assert after.id == before.id
    assert after.fields == {**before.fields, "bsn": "999990019"}


# --- forms the README says are kept, but are not ----------------------------------------------


def test_a_half_typed_zrm_correction_is_kept(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    from desktop.usecases import zrm

    instrument = zrm.instrument(unlocked)
    from models.records import MeasurementDraft, ScoreDraft

    zrm.score(
        unlocked,
        world.sem,
        MeasurementDraft(
            instrument.code,
            instrument.version,
            TODAY,
            "Tessa",
            (ScoreDraft(instrument.items[0].code, level=3),),
        ),
    )
    controller = open_window(qtbot, unlocked)
    section = _section(controller, world, "measurements")
    history = section.history(world.sem)  # type: ignore[attr-defined]
    qtbot.addWidget(history)
    record_id = zrm.history(unlocked, world.sem).records[0].id

    def score(dialog: ZrmScoringDialog) -> None:
        QTest.keyClicks(dialog.grid, "4")
        qtbot.wait(300)
        controller.ui.keeper._reset()
        dialog.done(QDialog.DialogCode.Rejected)

    handled = on_modal(ZrmScoringDialog, score)
    history.correctRequested.emit(record_id)
    assert handled  # the correction form did open
    assert stored(unlocked) != []


def test_a_restore_that_fails_does_not_overwrite_the_copy(
    qtbot: QtBot,
    unlocked: Unlocked,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    fields = {"measured_on": "01-11-2026", "assessor": "Tessa", "scores": "[]"}
    copy_id = _copy_about(
        unlocked, "measurements", "score", world.household, str(world.sem), "ZRM afnemen", fields
    )

    def broken(self: ZrmScoringDialog, texts: dict[str, str]) -> list[str]:
        raise ValueError("a copy this version cannot read")

    monkeypatch.setattr(ZrmScoringDialog, "restore", broken)
    _offer_all(qtbot, unlocked, ["terugzetten"])
    assert any("niet meer worden geopend" in t for t in message_boxes.texts())
    [copy] = [c for c in werkkopie.waiting(unlocked) if c.id == copy_id]
    assert copy.fields == fields  # kept as it was, to try again or to discard


def test_a_zrm_copy_from_another_version_puts_back_what_it_knows(
    qtbot: QtBot, unlocked: Unlocked, world: World
) -> None:
    scores = [
        {"item_code": "financien", "level": 2, "remark": "schulden", "future_field": 1},
        {"item_code": "no-such-domain", "level": 4},
    ]
    fields = {"measured_on": "01-11-2026", "assessor": "Tessa", "scores": json.dumps(scores)}
    _copy_about(
        unlocked, "measurements", "score", world.household, str(world.sem), "ZRM afnemen", fields
    )
    controller = open_window(qtbot, unlocked)
    seen: list[list[tuple[str, int | None, str]]] = []

    def look(dialog: ZrmScoringDialog) -> None:
        seen.append([(s.item_code, s.level, s.remark) for s in dialog.grid.scores() if s.scored])
        dialog.done(QDialog.DialogCode.Rejected)

    with (
        acting_on(QMessageBox, lambda _box: click_offer("terugzetten")),
        acting_on(ZrmScoringDialog, look),
    ):
        controller.offer_werkkopieen()
    assert seen == [[("financien", 2, "schulden")]]
