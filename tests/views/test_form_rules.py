"""The forms show the rules of models.rules: required markers, maximum lengths, checks."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from models import rules
from models.codelists import load_codelists
from models.enums import EventKind, Phase
from models.records import EventRecord, HouseholdDraft, MedewerkerRecord, TrajectRecord
from models.validation import Problem
from models.wording import PROBLEM
from tests.helpers import leave
from views.admin import AccountDialog, SettingsDialog
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
)
from views.forms import FormDialog
from views.login import FirstAdminDialog, PasswordDialog, RecoveryDialog
from views.organisations import ContactPersonDialog, OrganisationDialog
from views.safety_plan import AgreementDialog, PlanVersionDialog, SettleDialog, SignsOfSafetyDialog

CODES = load_codelists()
TEAM = [MedewerkerRecord(uuid.uuid4(), "Anouk Verbeek", "generalist", True)]
TODAY = date(2026, 11, 25)
EARLIEST = date(2026, 3, 1)

FORMS: list[tuple[str, Callable[[], FormDialog], rules.Spec]] = [
    ("registration", lambda: RegistrationDialog(CODES, TEAM), rules.HOUSEHOLD),
    ("household", lambda: HouseholdDialog(HouseholdDraft("De Vries")), rules.HOUSEHOLD),
    ("person", lambda: PersonDialog(), rules.PERSON),
    ("contact", lambda: ContactDialog(TEAM), rules.CONTACT),
    ("phase", lambda: PhaseDialog(Phase.PLAN, EARLIEST), rules.PHASE_CHANGE),
    ("opschalen", lambda: ScaleDialog(EventKind.OPSCHALEN, EARLIEST), rules.SCALE_UP),
    ("afschalen", lambda: ScaleDialog(EventKind.AFSCHALEN, EARLIEST), rules.SCALE_DOWN),
    ("close", lambda: CloseDialog(CODES, EARLIEST), rules.CLOSURE),
    ("regisseur", lambda: RegisseurDialog(TEAM, None, EARLIEST), rules.REGISSEUR_CHANGE),
    ("medewerker", lambda: MedewerkerDialog(CODES), rules.MEDEWERKER),
    ("consent", lambda: ConsentDialog([]), rules.CONSENT),
    ("account", lambda: AccountDialog(), rules.ACCOUNT),
    ("first_admin", lambda: FirstAdminDialog(), rules.ACCOUNT),
    ("organisation", lambda: OrganisationDialog(CODES), rules.ORGANISATION),
    ("contact_person", lambda: ContactPersonDialog("GGZ"), rules.ORGANISATION_CONTACT),
    ("signs_of_safety", lambda: SignsOfSafetyDialog([]), rules.SIGNS_OF_SAFETY),
    ("agreement", lambda: AgreementDialog(), rules.SAFETY_AGREEMENT),
    ("plan_version", lambda: PlanVersionDialog(), rules.SAFETY_PLAN),
    ("settle_plan", lambda: SettleDialog(CODES, EARLIEST), rules.PLAN_SETTLED),
]


@pytest.mark.parametrize(("factory", "spec"), [f[1:] for f in FORMS], ids=[f[0] for f in FORMS])
def test_form_shows_the_rules_of_its_draft(
    qtbot: QtBot, factory: Callable[[], FormDialog], spec: rules.Spec
) -> None:
    dialog = factory()
    qtbot.addWidget(dialog)
    for key, rule in spec.items():
        assert dialog.required_marked(key) == rule.required, key
        widget = dialog.field(key)
        if rule.max_length is not None:
            assert isinstance(widget, QLineEdit) and widget.maxLength() == rule.max_length, key
    dialog.accept()  # Opslaan on an empty form names every empty required text field
    for key, rule in spec.items():
        widget = dialog.field(key)
        if rule.required and isinstance(widget, QLineEdit) and not widget.text():
            assert dialog.error_text(key) == PROBLEM[Problem.REQUIRED], key


def test_a_stored_text_longer_than_the_rule_is_not_cut_but_explained(qtbot: QtBot) -> None:
    long_name = "x" * (rules.HOUSEHOLD["name"].max_length or 0) + "yz"
    dialog = HouseholdDialog(HouseholdDraft(long_name))
    qtbot.addWidget(dialog)
    assert dialog.field("name").text() == long_name
    dialog.accept()
    assert dialog.error_text("name") == PROBLEM[Problem.TOO_LONG]
    dialog.field("name").backspace()
    dialog.field("name").backspace()
    assert dialog.error_text("name") == ""


@pytest.mark.parametrize(
    ("factory", "key"),
    [
        (PasswordDialog, "new"),
        (FirstAdminDialog, "password"),
        (RecoveryDialog, "new"),
        (AccountDialog, "password"),
    ],
)
def test_password_forms_follow_the_policy(
    qtbot: QtBot, factory: Callable[[], FormDialog], key: str
) -> None:
    dialog = factory()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field(key), "a" * (rules.MIN_PASSWORD_LENGTH - 1))
    leave(qtbot, dialog.field(key))
    assert dialog.error_text(key) == PROBLEM[Problem.PASSWORD_SHORT]
    qtbot.keyClicks(dialog.field(key), "a")
    assert dialog.error_text(key) == ""


def test_settings_form_offers_exactly_the_limits(qtbot: QtBot) -> None:
    dialog = SettingsDialog(5, 20)
    qtbot.addWidget(dialog)
    spins = {
        rules.AUTOLOCK_MINUTES: dialog.autolock,
        rules.RETENTION_YEARS: dialog.retention,
    }
    for key, spin in spins.items():
        assert (spin.minimum(), spin.maximum()) == rules.SETTING_LIMITS[key]


@pytest.mark.parametrize(
    "factory",
    [
        lambda earliest: PhaseDialog(Phase.PLAN, earliest, today=TODAY),
        lambda earliest: ScaleDialog(EventKind.AFSCHALEN, earliest, today=TODAY),
        lambda earliest: CloseDialog(CODES, earliest, today=TODAY),
    ],
    ids=["phase", "scale", "close"],
)
def test_traject_forms_refuse_a_date_before_the_latest_event(
    qtbot: QtBot, factory: Callable[[date], FormDialog]
) -> None:
    traject = TrajectRecord(
        uuid.uuid4(),
        date(2026, 1, 5),
        "",
        "",
        Phase.PLAN,
        "",
        "",
        "",
        None,
        None,
        events=(EventRecord(EARLIEST, EventKind.FASE, Phase.AANGEMELD, Phase.PLAN, ""),),
    )
    dialog = factory(traject.earliest_event_date)
    qtbot.addWidget(dialog)
    dialog.field("on").clear()
    qtbot.keyClicks(dialog.field("on"), "28-02-2026")
    leave(qtbot, dialog.field("on"))
    assert dialog.error_text("on") == PROBLEM[Problem.DATE_BEFORE_REGISTRATION]
    dialog.field("on").clear()
    qtbot.keyClicks(dialog.field("on"), "01-03-2026")
    assert dialog.error_text("on") == ""


def test_settings_say_one_minute_in_the_singular(qtbot: QtBot) -> None:
    dialog = SettingsDialog(1, 20)
    qtbot.addWidget(dialog)
    assert dialog.autolock.text() == "1 minuut"
    dialog.autolock.setValue(2)
    assert dialog.autolock.text() == "2 minuten"


@pytest.mark.parametrize(
    "factory",
    [lambda: HouseholdDialog(HouseholdDraft("Bakker")), lambda: ContactPersonDialog("GGZ")],
    ids=["household", "contact_person"],
)
def test_a_phone_number_with_words_is_explained_under_the_field(
    qtbot: QtBot, factory: Callable[[], FormDialog]
) -> None:
    dialog = factory()
    qtbot.addWidget(dialog)
    dialog.field("name").setText("Bakker")
    qtbot.keyClicks(dialog.field("phone"), "bel na vijven")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() != FormDialog.DialogCode.Accepted
    assert dialog.error_text("phone") == PROBLEM[Problem.PHONE]
    dialog.field("phone").setText("+31 (0)6-1234 5678")
    assert dialog.error_text("phone") == ""


@pytest.mark.parametrize("factory", [f[1] for f in FORMS], ids=[f[0] for f in FORMS])
def test_every_text_field_of_a_form_has_a_maximum_length(
    qtbot: QtBot, factory: Callable[[], FormDialog]
) -> None:
    """A pasted 400-character text never reaches the store (the column is String(n)); a
    password is not stored as typed, so it has no limit."""
    dialog = factory()
    qtbot.addWidget(dialog)
    unlimited = QLineEdit().maxLength()
    for edit in dialog.findChildren(QLineEdit):
        if edit.echoMode() is QLineEdit.EchoMode.Password:
            continue
        assert edit.maxLength() < unlimited, edit.objectName()


def test_a_bsn_and_postcode_may_be_typed_with_spaces_but_not_at_any_length(qtbot: QtBot) -> None:
    person = PersonDialog()
    qtbot.addWidget(person)
    person.field("bsn").setText("111 222 333")
    assert person.field("bsn").text() == "111 222 333"
    household = HouseholdDialog(HouseholdDraft("Bakker"))
    qtbot.addWidget(household)
    household.field("postcode").setText("1234 ab")
    assert household.field("postcode").text() == "1234 ab"
    assert household.field("postcode").maxLength() < 20 and person.field("bsn").maxLength() < 20
