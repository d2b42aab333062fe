"""Every form opens, shows its fields and renders (a cheap guard against broken forms)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from models.codelists import load_codelists
from models.enums import EventKind, Phase, Respondent
from models.records import HouseholdDraft, MedewerkerRecord, TrajectDraft
from tests.helpers import leave
from views.admin import AccountDialog
from views.dialogs import (
    CloseDialog,
    ConsentDialog,
    ContactDialog,
    HouseholdDialog,
    MedewerkerDialog,
    PersonDialog,
    PhaseDialog,
    RegisseurDialog,
    RegistrationDialog,
    ScaleDialog,
    TrajectDialog,
)
from views.forms import FormDialog
from views.login import FirstAdminDialog, NewPasswordDialog, PasswordDialog, RecoveryDialog
from views.organisations import ContactPersonDialog, OrganisationDialog
from views.safety_plan import AgreementDialog, PlanVersionDialog, SettleDialog, SignsOfSafetyDialog

TEAM = [MedewerkerRecord(uuid.uuid4(), "Anouk Verbeek", "generalist", True)]
CODES = load_codelists()
EARLIEST = date(2026, 1, 5)
PEOPLE = [
    (uuid.uuid4(), "Elif Yılmaz", Respondent.OUDER),
    (uuid.uuid4(), "Zoë van 't Hart", Respondent.JONGERE),
]

FACTORIES: dict[str, Callable[[], FormDialog]] = {
    "registration": lambda: RegistrationDialog(CODES, TEAM),
    "household": lambda: HouseholdDialog(HouseholdDraft("De Vries", postcode="1234 AB")),
    "traject": lambda: TrajectDialog(CODES, TrajectDraft(EARLIEST, herkomst="school")),
    "new_traject": lambda: TrajectDialog(CODES, None, TEAM),
    "person": lambda: PersonDialog(),
    "contact": lambda: ContactDialog(TEAM),
    "phase": lambda: PhaseDialog(Phase.AANGEMELD, EARLIEST),
    "opschalen": lambda: ScaleDialog(EventKind.OPSCHALEN, EARLIEST),
    "afschalen": lambda: ScaleDialog(EventKind.AFSCHALEN, EARLIEST),
    "close": lambda: CloseDialog(CODES, EARLIEST),
    "regisseur": lambda: RegisseurDialog(TEAM, None, EARLIEST),
    "medewerker": lambda: MedewerkerDialog(CODES),
    "consent": lambda: ConsentDialog([(uuid.uuid4(), "Sanne de Vries")]),
    "first_admin": lambda: FirstAdminDialog(),
    "password": lambda: PasswordDialog(),
    "password_leaked": lambda: PasswordDialog(None, "Wachtwoord gelekt", "Uitleg."),
    "temporary_password": lambda: NewPasswordDialog("bas"),
    "recovery": lambda: RecoveryDialog(),
    "account": lambda: AccountDialog(),
    "organisation": lambda: OrganisationDialog(CODES),
    "contact_person": lambda: ContactPersonDialog("GGZ Voorbeeldstad"),
    "signs_of_safety": lambda: SignsOfSafetyDialog(PEOPLE),
    "agreement": lambda: AgreementDialog(),
    "plan_version": lambda: PlanVersionDialog("De afspraken van versie 1 worden overgenomen."),
    "settle_plan": lambda: SettleDialog(CODES, EARLIEST),
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_dialog_opens_with_dutch_buttons(qtbot: QtBot, name: str) -> None:
    dialog = FACTORIES[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle()
    assert not dialog.is_dirty(), "a form that was only opened has no changes"
    texts = {b.text() for b in dialog.buttons.buttons()}
    assert texts == {"Opslaan", "Annuleren"}
    image = dialog.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 5


def test_new_password_must_be_long_enough_and_typed_twice(qtbot: QtBot) -> None:
    from models.validation import Problem
    from models.wording import PROBLEM

    dialog = PasswordDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field("new"), "kort")
    leave(qtbot, dialog.field("new"))
    assert dialog.error_text("new") == PROBLEM[Problem.PASSWORD_SHORT]
    qtbot.keyClicks(dialog.field("new"), "-maar-nu-lang")
    assert dialog.error_text("new") == ""  # right now: the message goes at once
    qtbot.keyClicks(dialog.field("again"), "kort-maar-nu")
    leave(qtbot, dialog.field("again"))
    assert dialog.error_text("again") == PROBLEM[Problem.PASSWORD_MISMATCH]


def test_phase_dialog_proposes_the_next_phase(qtbot: QtBot) -> None:
    dialog = PhaseDialog(Phase.VRAAGVERHELDERING, EARLIEST, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.value().phase is Phase.PLAN
    assert dialog.value().on == date(2026, 11, 25)


def test_phase_dialog_in_the_last_phase_offers_only_other_phases(qtbot: QtBot) -> None:
    """Regression: from uitvoering the raw code 'uitvoering' was added and proposed."""
    dialog = PhaseDialog(Phase.UITVOERING, EARLIEST, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    combo = dialog.field("phase")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["— kies een fase —", "Aangemeld", "Vraagverheldering", "Plan"]
    assert combo.currentIndex() == 0  # nothing proposed: going back is a choice, not a default
    dialog.accept()
    assert dialog.error_text("phase")


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_typing_straight_after_opening_goes_into_a_field(qtbot: QtBot, name: str) -> None:
    """Regression: forms opened with focus on Opslaan, so 'Van Dijk' became 'Dijk' + a save."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from tests.desktop.modal import on_modal

    dialog = FACTORIES[name]()
    focused: list[QWidget | None] = []

    def type_at_once(opened: FormDialog) -> None:
        widget = opened.focusWidget()
        focused.append(widget)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            qtbot.keyClicks(widget, "Van Dijk")
        opened.done(0)

    on_modal(type(dialog), type_at_once)
    dialog.run()
    [widget] = focused
    assert widget in dialog._fields.values(), f"focus on {type(widget).__name__}"
    if isinstance(widget, QLineEdit):
        assert widget.text().endswith("Van Dijk")
    dialog.deleteLater()
