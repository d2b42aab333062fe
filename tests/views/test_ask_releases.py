"""A dialog opened through ``ask()`` is released once it has answered (novelWriter's softDelete):
none stays behind as a child of the window that opened it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from models.codelists import load_codelists
from models.enums import EventKind, PassageKind, PassagePart, Phase, Respondent
from models.instruments import shipped_instruments
from models.records import HouseholdDraft, InzageReview, MedewerkerRecord, Passage, PlanDraft
from tests.desktop.modal import on_modal
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
    TrajectDialog,
)
from views.inzage_review import InzageReviewDialog
from views.login import (
    FirstAdminDialog,
    LoginDialog,
    NewPasswordDialog,
    PasswordDialog,
    RecoveryCodeDialog,
    RecoveryDialog,
)
from views.organisations import ContactPersonDialog, OrganisationDialog
from views.safety_plan import AgreementDialog, PlanVersionDialog, SettleDialog, SignsOfSafetyDialog
from views.zrm import ZrmScoringDialog

CODES = load_codelists()
TEAM = [MedewerkerRecord(uuid.uuid4(), "Anouk Verbeek", "generalist", True)]
EARLIEST = date(2026, 1, 5)

Ask = Callable[[QWidget], object]

ASKS: dict[str, tuple[type[QDialog], Ask]] = {
    "registration": (RegistrationDialog, lambda p: RegistrationDialog.ask(p, CODES, TEAM)),
    "household": (HouseholdDialog, lambda p: HouseholdDialog.ask(p, HouseholdDraft("Vries"))),
    "traject": (TrajectDialog, lambda p: TrajectDialog.ask(p, CODES, None, TEAM)),
    "person": (PersonDialog, lambda p: PersonDialog.ask(p)),
    "contact": (ContactDialog, lambda p: ContactDialog.ask(p, TEAM)),
    "phase": (PhaseDialog, lambda p: PhaseDialog.ask(p, Phase.AANGEMELD, EARLIEST)),
    "scale": (ScaleDialog, lambda p: ScaleDialog.ask(p, EventKind.OPSCHALEN, EARLIEST)),
    "close": (CloseDialog, lambda p: CloseDialog.ask(p, CODES, EARLIEST)),
    "regisseur": (RegisseurDialog, lambda p: RegisseurDialog.ask(p, TEAM, None, EARLIEST)),
    "medewerker": (MedewerkerDialog, lambda p: MedewerkerDialog.ask(p, CODES)),
    "consent": (ConsentDialog, lambda p: ConsentDialog.ask(p, [], organisations=[])),
    "organisation": (OrganisationDialog, lambda p: OrganisationDialog.ask(p, CODES)),
    "contact_person": (ContactPersonDialog, lambda p: ContactPersonDialog.ask(p, "GGZ")),
    "account": (AccountDialog, lambda p: AccountDialog.ask(p)),
    "settings": (SettingsDialog, lambda p: SettingsDialog.ask(5, 20, parent=p)),
    "first_admin": (FirstAdminDialog, lambda p: FirstAdminDialog.ask(p)),
    "password": (PasswordDialog, lambda p: PasswordDialog.ask(p)),
    "temporary_password": (NewPasswordDialog, lambda p: NewPasswordDialog.ask(p, "bas")),
    "recovery": (RecoveryDialog, lambda p: RecoveryDialog.ask(p)),
    "login": (LoginDialog, lambda p: LoginDialog.ask(lambda _l, _p: None, parent=p)),
    "signs_of_safety": (
        SignsOfSafetyDialog,
        lambda p: SignsOfSafetyDialog.ask(p, [(uuid.uuid4(), "Elif Yılmaz", Respondent.OUDER)]),
    ),
    "agreement": (AgreementDialog, lambda p: AgreementDialog.ask(p)),
    "plan_version": (PlanVersionDialog, lambda p: PlanVersionDialog.ask(p, PlanDraft(EARLIEST))),
    "settle_plan": (SettleDialog, lambda p: SettleDialog.ask(p, CODES, EARLIEST)),
    "inzage_review": (
        InzageReviewDialog,
        lambda p: InzageReviewDialog.ask(
            p,
            InzageReview(
                (Passage(PassageKind.SIGNS_OF_SAFETY, uuid.uuid4(), PassagePart.INHOUD, EARLIEST),),
                True,
                "Elif Yılmaz",
            ),
            CODES,
        ),
    ),
    "zrm": (
        ZrmScoringDialog,
        lambda p: ZrmScoringDialog.ask(p, shipped_instruments()[("zrm", "2017")], "Sanne", "Anouk"),
    ),
}


def _close(dialog: QDialog) -> None:
    dialog.reject()


@pytest.mark.parametrize("name", sorted(ASKS))
def test_ask_releases_its_dialog(qtbot: QtBot, name: str) -> None:
    cls, ask = ASKS[name]
    parent = QWidget()
    qtbot.addWidget(parent)
    handled = on_modal(cls, _close)
    assert ask(parent) in (None, False)
    assert handled, "the dialog was shown"
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(cls) == []


def test_recovery_code_is_released_after_it_was_acknowledged(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def acknowledge(dialog: RecoveryCodeDialog) -> None:
        dialog.saved.setChecked(True)
        dialog.accept()

    on_modal(RecoveryCodeDialog, acknowledge)
    RecoveryCodeDialog.show_code("ABCDE-FGHIJ", parent)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(RecoveryCodeDialog) == []
