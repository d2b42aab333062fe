"""Wires the views to the services: one session per user action."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from desktop.accounts import (
    LoginTaken,
    add_account,
    change_own_password,
    deactivate_account,
    list_accounts,
)
from desktop.autolock import AutoLock
from desktop.avg import destroy, export_inzage, retention_review
from desktop.backup import BadBackup, make_backup, restore_backup
from desktop.errors import show_error
from desktop.keyring import KeyringError, WrongSecret
from desktop.presenters.organisations import organisation_adder
from desktop.session import Unlocked
from desktop.usecases.organisations import list_organisations
from models import consents, settings, zrm
from models import households as service
from models.access import household_log, log_access, search_log
from models.codelists import load_codelists
from models.enums import EventKind
from models.errors import DomainError
from models.instruments import Instrument, InstrumentError, current_version
from models.permissions import AccessAction, Permission, PermissionDenied, require
from models.records import HouseholdRow, HouseholdSort, TrajectDraft
from models.validation import Problem, ValidationError
from views.admin import (
    AccessLogDialog,
    AccountDialog,
    AccountsDialog,
    HouseholdLogDialog,
    RetentionDialog,
    SettingsDialog,
)
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
from views.dossier import DossierWidget
from views.household_list import HouseholdListWidget
from views.labels import ROLE_NAMES, instrument_problem_text
from views.login import PasswordDialog
from views.main_window import MainWindow
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog

log = logging.getLogger(__name__)

D = TypeVar("D")
R = TypeVar("R")


@dataclass(frozen=True)
class Change:
    """What a write is about, for the access log: which dossier, what kind of change."""

    household_id: uuid.UUID
    dossier_number: str
    detail: str


class MainController:
    def __init__(self, unlocked: Unlocked) -> None:
        self.unlocked = unlocked
        self.store = unlocked.store
        self.actor = unlocked.actor
        self.codes = load_codelists()
        self.household_list = HouseholdListWidget()
        self.window = MainWindow(self.household_list)
        self.window.store_label.setText(
            self.window.tr("%1 · %2 · database %3")
            .replace("%1", self.actor.name)
            .replace("%2", ROLE_NAMES[self.actor.role])
            .replace("%3", self.store.path.name)
        )
        self.household_list.searchRequested.connect(self.search)
        self.household_list.openRequested.connect(self.open_household)
        self.household_list.newRequested.connect(self.new_household)
        self.window.newHouseholdRequested.connect(self.new_household)
        minutes = self._read(lambda s: settings.get_int(s, settings.AUTOLOCK_MINUTES))
        self.autolock = AutoLock(
            minutes, unlocked.verify_password, self.actor.name, parent=self.window
        )
        file_menu = self.window.file_menu
        file_menu.insertAction(
            self.window.quit_action,
            self.window.make_action(self.window.tr("&Vergrendelen"), self.autolock.lock, "Ctrl+L"),
        )
        file_menu.insertSeparator(self.window.quit_action)
        file_menu.insertAction(
            self.window.quit_action,
            self.window.make_action(self.window.tr("&Wachtwoord wijzigen…"), self.change_password),
        )
        self._build_admin_menu()
        if self.actor.may(Permission.MANAGE_TEAM):
            team_menu = self.window.menuBar().addMenu(self.window.tr("&Team"))
            team_menu.addAction(self.window.tr("Medewerker &toevoegen…"), self.add_medewerker)

    # --- plumbing ----------------------------------------------------------------------

    def _read(self, work: Callable[[Any], R]) -> R:
        with self.store.sessions() as session:
            return work(session)

    def _log_change(self, session: Any, change: Change | None) -> None:
        if change is not None:
            log_access(
                session,
                self.actor,
                AccessAction.CHANGE,
                household_id=change.household_id,
                dossier_number=change.dossier_number,
                detail=change.detail,
            )

    def _write(self, work: Callable[[Any], object], change: Change | None = None) -> bool:
        """Run one change in its own transaction, logged with it; True when it was stored."""
        try:
            with self.store.sessions.begin() as session:
                work(session)
                self._log_change(session, change)
        except DomainError as exc:
            show_error(self.window, exc)
            return False
        return True

    def _ask_and_save(
        self,
        ask: Callable[[D | None, dict[str, Problem] | None], D | None],
        save: Callable[[Any, D], object],
        change: Change | None = None,
    ) -> bool:
        """Ask for a draft and save it; on a rejected draft, ask again with it filled in."""
        draft: D | None = None
        problems: dict[str, Problem] | None = None
        while True:
            draft = ask(draft, problems)
            if draft is None:
                return False
            try:
                with self.store.sessions.begin() as session:
                    save(session, draft)
                    self._log_change(session, change)
                return True
            except ValidationError as exc:
                problems = exc.problems
                show_error(self.window, exc)
            except DomainError as exc:
                show_error(self.window, exc)
                return False

    def medewerkers(self) -> list[Any]:
        return self._read(service.list_medewerkers)

    # --- the list ------------------------------------------------------------------------

    def search(self, query: str = "", open_only: bool = True) -> None:
        total = self._read(lambda s: service.count_matching(s, query, open_only=open_only))

        def fetch(
            sort: HouseholdSort, descending: bool, offset: int, limit: int
        ) -> list[HouseholdRow]:
            return self._read(
                lambda s: service.search_households(
                    s,
                    query,
                    open_only=open_only,
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=limit,
                )
            )

        self.household_list.set_source(fetch, total)

    def refresh_list(self) -> None:
        self.search(*self.household_list.query())

    def new_household(self) -> None:
        medewerkers = self.medewerkers()
        registered: list[uuid.UUID] = []
        if self._ask_and_save(
            lambda draft, problems: RegistrationDialog.ask(
                self.window, self.codes, medewerkers, draft, problems
            ),
            lambda s, draft: registered.append(self._register(s, draft)),
        ):
            self.refresh_list()
            self.open_household(registered[0])

    def _register(self, session: Any, draft: Any) -> uuid.UUID:
        household_id = service.register_household(session, draft)
        self._log_change(session, Change(household_id, "", "aangemeld"))
        return household_id

    def add_medewerker(self) -> None:
        answer = MedewerkerDialog.ask(self.window, self.codes)
        if answer is not None:
            self._write(lambda s: service.add_medewerker(s, *answer))

    # --- a dossier ------------------------------------------------------------------------

    def open_household(self, household_id: uuid.UUID) -> DossierWidget | None:
        widget = self.window.dossier_tab(household_id)
        if widget is None:
            widget = DossierWidget(
                self.codes, can_destroy=self.actor.may(Permission.DESTROY_DOSSIER)
            )
            self._connect(widget, household_id)
        try:
            with self.store.sessions.begin() as session:
                dossier = service.load_dossier(session, household_id)
                log_access(
                    session,
                    self.actor,
                    AccessAction.OPEN,
                    household_id=household_id,
                    dossier_number=dossier.dossier_number,
                )
        except DomainError as exc:
            show_error(self.window, exc)
            return None
        widget.show_dossier(dossier)
        instrument, latest = self._read(
            lambda s: (self.zrm_instrument(s), zrm.latest_per_member(s, household_id))
        )
        widget.show_zrm(instrument, latest)
        self.window.show_dossier_tab(widget, dossier.household.name)
        return widget

    def zrm_instrument(self, session: Any) -> Instrument:
        """The ZRM version new measurements use, with the team's texts where loaded."""
        return current_version(zrm.ZRM, zrm.instruments(session))

    def _changed(self, household_id: uuid.UUID) -> None:
        self.open_household(household_id)
        self.refresh_list()

    def _connect(self, widget: DossierWidget, household_id: uuid.UUID) -> None:
        def after(stored: bool) -> None:
            if stored:
                self._changed(household_id)

        def change(detail: str) -> Change:
            number = widget.dossier.dossier_number if widget.dossier else ""
            return Change(household_id, number, detail)

        def traject() -> Any:
            assert widget.dossier is not None and widget.dossier.traject is not None
            return widget.dossier.traject

        def member(person_id: uuid.UUID) -> Any:
            assert widget.dossier is not None
            return next(p for p in widget.dossier.members if p.id == person_id)

        def contact(contact_id: uuid.UUID) -> Any:
            assert widget.dossier is not None
            return next(c for c in widget.dossier.contacts if c.id == contact_id)

        def edit_household() -> None:
            assert widget.dossier is not None
            original = widget.dossier.household
            after(
                self._ask_and_save(
                    lambda d, p: HouseholdDialog.ask(self.window, d or original, p),
                    lambda s, d: service.update_household(s, household_id, d),
                    change("gegevens huishouden"),
                )
            )

        def add_member() -> None:
            after(
                self._ask_and_save(
                    lambda d, p: PersonDialog.ask(self.window, d, p),
                    lambda s, d: service.add_member(s, household_id, d),
                    change("gezinslid toegevoegd"),
                )
            )

        def edit_member(person_id: uuid.UUID) -> None:
            original = member(person_id).draft()
            after(
                self._ask_and_save(
                    lambda d, p: PersonDialog.ask(self.window, d or original, p),
                    lambda s, d: service.update_member(s, person_id, d),
                    change("gezinslid gewijzigd"),
                )
            )

        def remove_member(person_id: uuid.UUID) -> None:
            name = member(person_id).full_name
            if self._confirm(
                self.window.tr("%1 uit dit huishouden verwijderen?").replace("%1", name)
            ):
                after(
                    self._write(
                        lambda s: service.remove_member(s, person_id),
                        change("gezinslid verwijderd"),
                    )
                )

        def add_contact() -> None:
            medewerkers = self.medewerkers()
            after(
                self._ask_and_save(
                    lambda d, p: ContactDialog.ask(self.window, medewerkers, d, p),
                    lambda s, d: service.add_contact(s, household_id, d),
                    change("contactmoment toegevoegd"),
                )
            )

        def edit_contact(contact_id: uuid.UUID) -> None:
            medewerkers = self.medewerkers()
            original = contact(contact_id).draft()
            after(
                self._ask_and_save(
                    lambda d, p: ContactDialog.ask(self.window, medewerkers, d or original, p),
                    lambda s, d: service.update_contact(s, contact_id, d),
                    change("contactmoment gewijzigd"),
                )
            )

        def remove_contact(contact_id: uuid.UUID) -> None:
            if self._confirm(self.window.tr("Dit contactmoment verwijderen?")):
                after(
                    self._write(
                        lambda s: service.remove_contact(s, contact_id),
                        change("contactmoment verwijderd"),
                    )
                )

        def edit_traject() -> None:
            current = traject()
            original = TrajectDraft(
                registered_on=current.registered_on,
                herkomst=current.herkomst,
                question=current.question,
                aard=current.aard,
                ernst=current.ernst,
                urgentie=current.urgentie,
            )
            after(
                self._ask_and_save(
                    lambda d, p: TrajectDialog.ask(self.window, self.codes, d or original, None, p),
                    lambda s, d: service.update_traject(s, current.id, d),
                    change("aanmelding gewijzigd"),
                )
            )

        def new_traject() -> None:
            medewerkers = self.medewerkers()
            after(
                self._ask_and_save(
                    lambda d, p: TrajectDialog.ask(self.window, self.codes, d, medewerkers, p),
                    lambda s, d: service.start_traject(s, household_id, d),
                    change("nieuwe aanmelding"),
                )
            )

        def change_phase() -> None:
            current = traject()
            phase = PhaseDialog.ask(self.window, current.phase, current.earliest_event_date)
            if phase is not None:
                after(
                    self._write(
                        lambda s: service.change_phase(s, current.id, phase),
                        change("fase gewijzigd"),
                    )
                )

        def change_regisseur() -> None:
            current = traject()
            regisseur = current.regisseur
            earliest = regisseur.start_on if regisseur else current.registered_on
            regie = RegisseurDialog.ask(
                self.window,
                self.medewerkers(),
                regisseur.medewerker_id if regisseur else None,
                earliest,
            )
            if regie is not None:
                after(
                    self._write(
                        lambda s: service.change_regisseur(s, current.id, regie),
                        change("regisseur gewijzigd"),
                    )
                )

        def scale(kind: EventKind) -> None:
            current = traject()
            event = ScaleDialog.ask(self.window, kind, current.earliest_event_date)
            if event is not None:
                after(
                    self._write(
                        lambda s: service.record_scale_event(s, current.id, event),
                        change("op- of afgeschaald"),
                    )
                )

        def close() -> None:
            current = traject()
            closure = CloseDialog.ask(self.window, self.codes, current.earliest_event_date)
            if closure is not None:
                after(
                    self._write(
                        lambda s: service.close_traject(s, current.id, closure),
                        change("traject afgesloten"),
                    )
                )

        widget.editHouseholdRequested.connect(edit_household)
        widget.addMemberRequested.connect(add_member)
        widget.editMemberRequested.connect(edit_member)
        widget.removeMemberRequested.connect(remove_member)
        widget.addContactRequested.connect(add_contact)
        widget.editContactRequested.connect(edit_contact)
        widget.removeContactRequested.connect(remove_contact)
        widget.editTrajectRequested.connect(edit_traject)
        widget.newTrajectRequested.connect(new_traject)
        widget.phaseRequested.connect(change_phase)
        widget.regisseurRequested.connect(change_regisseur)
        widget.scaleRequested.connect(scale)
        widget.closeRequested.connect(close)

        def members() -> list[tuple[uuid.UUID, str]]:
            assert widget.dossier is not None
            return [(m.id, m.full_name) for m in widget.dossier.members]

        def consent(consent_id: uuid.UUID) -> Any:
            assert widget.dossier is not None
            return next(c for c in widget.dossier.consents if c.id == consent_id)

        def add_consent() -> None:
            people, adder = members(), organisation_adder(self.unlocked)
            after(
                self._ask_and_save(
                    lambda d, p: ConsentDialog.ask(
                        self.window,
                        people,
                        d,
                        p,
                        organisations=list_organisations(self.unlocked),
                        add_organisation=adder,
                    ),
                    lambda s, d: consents.add_consent(s, household_id, d),
                    change("toestemming vastgelegd"),
                )
            )

        def edit_consent(consent_id: uuid.UUID) -> None:
            people, original = members(), consent(consent_id).draft()
            adder = organisation_adder(self.unlocked)
            after(
                self._ask_and_save(
                    lambda d, p: ConsentDialog.ask(
                        self.window,
                        people,
                        d or original,
                        p,
                        organisations=list_organisations(self.unlocked),
                        add_organisation=adder,
                    ),
                    lambda s, d: consents.update_consent(s, consent_id, d),
                    change("toestemming gewijzigd"),
                )
            )

        def remove_consent(consent_id: uuid.UUID) -> None:
            if self._confirm(self.window.tr("Deze toestemming verwijderen?")):
                after(
                    self._write(
                        lambda s: consents.remove_consent(s, consent_id),
                        change("toestemming verwijderd"),
                    )
                )

        def show_log() -> None:
            assert widget.dossier is not None
            lines = self._read(lambda s: household_log(s, household_id))
            title = f"{widget.dossier.household.name} · {widget.dossier.dossier_number}"
            HouseholdLogDialog(title, lines, self.window).exec()

        def export(person_id: uuid.UUID) -> None:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.window.tr("Map voor de inzage-export")
            )
            if not folder:
                return
            pdf, machine = export_inzage(self.unlocked, person_id, Path(folder))
            QMessageBox.information(
                self.window,
                "Teamtafel",
                self.window.tr("De inzage-export staat klaar:\n%1\n%2")
                .replace("%1", pdf.name)
                .replace("%2", machine.name),
            )

        def destroy_dossier() -> None:
            assert widget.dossier is not None
            self.destroy_household(household_id, widget.dossier.dossier_number)

        def person_name(person_id: uuid.UUID) -> str:
            return member(person_id).full_name

        def score_zrm(person_id: uuid.UUID) -> None:
            instrument = self._read(self.zrm_instrument)
            draft = ZrmScoringDialog.ask(
                self.window, instrument, person_name(person_id), self.actor.name
            )
            if draft is not None:
                after(
                    self._write(
                        lambda s: zrm.save_measurement(s, person_id, draft),
                        change("ZRM vastgelegd"),
                    )
                )

        def zrm_history(person_id: uuid.UUID) -> ZrmHistoryDialog:
            known, records = self._read(
                lambda s: (zrm.instruments(s), zrm.person_measurements(s, person_id))
            )
            dialog = ZrmHistoryDialog(
                person_name(person_id),
                records,
                lambda r: known.get((r.draft.instrument_code, r.draft.instrument_version)),
                zrm.compare,
                zrm.series,
                self.window,
            )

            def correct(measurement_id: uuid.UUID) -> None:
                record = next(r for r in records if r.id == measurement_id)
                instrument = known[(record.draft.instrument_code, record.draft.instrument_version)]
                draft = ZrmScoringDialog.ask(
                    dialog, instrument, person_name(person_id), self.actor.name, record.draft
                )
                if draft is not None and self._write(
                    lambda s: zrm.update_measurement(s, measurement_id, draft),
                    change("ZRM gecorrigeerd"),
                ):
                    dialog.accept()
                    self._changed(household_id)

            def remove(measurement_id: uuid.UUID) -> None:
                if self._confirm(
                    self.window.tr(
                        "Deze ZRM-meting verwijderen? Doe dit alleen bij een meting die per vergissing is gemaakt."
                    )
                ):
                    if self._write(
                        lambda s: zrm.remove_measurement(s, measurement_id),
                        change("ZRM verwijderd"),
                    ):
                        dialog.accept()
                        self._changed(household_id)

            dialog.correctRequested.connect(correct)
            dialog.removeRequested.connect(remove)
            dialog.open()
            return dialog

        widget.zrmRequested.connect(score_zrm)
        widget.zrmHistoryRequested.connect(zrm_history)
        widget.addConsentRequested.connect(add_consent)
        widget.editConsentRequested.connect(edit_consent)
        widget.removeConsentRequested.connect(remove_consent)
        widget.logRequested.connect(show_log)
        widget.exportRequested.connect(export)
        widget.destroyRequested.connect(destroy_dossier)

    # --- beheer -------------------------------------------------------------------------

    def _guarded(self, permission: Permission) -> bool:
        try:
            require(self.actor, permission)
        except PermissionDenied:
            QMessageBox.warning(
                self.window, "Teamtafel", self.window.tr("Dit mag alleen een beheerder.")
            )
            return False
        return True

    def _build_admin_menu(self) -> None:
        if not self.actor.may(Permission.MANAGE_ACCOUNTS):
            return
        menu = self.window.menuBar().addMenu(self.window.tr("B&eheer"))
        menu.addAction(self.window.tr("&Toegangslog…"), self.show_access_log)
        menu.addAction(self.window.tr("&Accounts…"), self.manage_accounts)
        menu.addAction(self.window.tr("&Bewaartermijn…"), self.review_retention)
        menu.addSeparator()
        menu.addAction(self.window.tr("Back-up &maken…"), self.make_backup)
        menu.addAction(self.window.tr("Back-up &terugzetten…"), self.restore_backup)
        menu.addAction(self.window.tr("&ZRM-teksten laden…"), self.load_zrm_texts)
        menu.addSeparator()
        menu.addAction(self.window.tr("&Instellingen…"), self.edit_settings)

    def show_access_log(self) -> AccessLogDialog | None:
        if not self._guarded(Permission.READ_FULL_LOG):
            return None
        logins = [a.login for a in list_accounts(self.unlocked)]
        dialog = AccessLogDialog(logins, self.window)

        def search(login: str, number: str, start: date | None, end: date | None) -> None:
            dialog.show_lines(
                self._read(
                    lambda s: search_log(
                        s, login=login, dossier_number=number, start=start, end=end
                    )
                )
            )

        dialog.filterRequested.connect(search)
        search("", "", None, None)
        dialog.open()
        return dialog

    def manage_accounts(self) -> AccountsDialog | None:
        if not self._guarded(Permission.MANAGE_ACCOUNTS):
            return None
        dialog = AccountsDialog(self.window)
        dialog.show_accounts(list_accounts(self.unlocked))

        def add() -> None:
            answer = AccountDialog.ask(dialog)
            if answer is None:
                return
            name, login, role, password = answer
            try:
                add_account(self.unlocked, login=login, name=name, role=role, password=password)
            except LoginTaken:
                QMessageBox.warning(
                    dialog, "Teamtafel", self.window.tr("Deze inlognaam bestaat al.")
                )
            dialog.show_accounts(list_accounts(self.unlocked))

        def deactivate(account_id: uuid.UUID) -> None:
            if account_id == self.actor.account_id:
                QMessageBox.warning(
                    dialog,
                    "Teamtafel",
                    self.window.tr("U kunt uw eigen account niet uitschakelen."),
                )
                return
            if self._confirm(
                self.window.tr(
                    "Dit account uitschakelen? Het kan de database daarna niet meer openen."
                )
            ):
                deactivate_account(self.unlocked, account_id)
                dialog.show_accounts(list_accounts(self.unlocked))

        dialog.addRequested.connect(add)
        dialog.deactivateRequested.connect(deactivate)
        dialog.open()
        return dialog

    def review_retention(self) -> RetentionDialog | None:
        if not self._guarded(Permission.REVIEW_RETENTION):
            return None
        years, rows = retention_review(self.unlocked)
        dialog = RetentionDialog(years, rows, self.window)
        numbers = {r.household_id: r.dossier_number for r in rows}

        def destroy_row(household_id: uuid.UUID) -> None:
            if self.destroy_household(household_id, numbers[household_id]):
                dialog.accept()

        dialog.destroyRequested.connect(destroy_row)
        dialog.open()
        return dialog

    def destroy_household(self, household_id: uuid.UUID, dossier_number: str) -> bool:
        if not self._guarded(Permission.DESTROY_DOSSIER):
            return False
        question = self.window.tr(
            "Dossier %1 definitief vernietigen? Alle gegevens van dit huishouden worden verwijderd en zijn "
            "niet terug te halen (ook niet uit Teamtafel zelf). Het toegangslog bewaart alleen dat het "
            "dossier is vernietigd, wanneer en door wie."
        ).replace("%1", dossier_number)
        if not self._confirm(question):
            return False
        tab = self.window.dossier_tab(household_id)
        if tab is not None:
            self.window.close_tab(self.window.tabs.indexOf(tab))
        destroy(self.unlocked, household_id)
        self.refresh_list()
        return True

    def make_backup(self) -> Path | None:
        if not self._guarded(Permission.BACKUP):
            return None
        target, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.window.tr("Back-up maken"),
            "",
            self.window.tr("Teamtafel-back-up (*.ttbackup)"),
        )
        if not target:
            return None
        path = make_backup(self.unlocked, Path(target))
        QMessageBox.information(
            self.window,
            "Teamtafel",
            self.window.tr("Back-up gemaakt:\n%1").replace("%1", str(path)),
        )
        return path

    def restore_backup(self) -> bool:
        if not self._guarded(Permission.BACKUP):
            return False
        source, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.window.tr("Back-up terugzetten"),
            "",
            self.window.tr("Teamtafel-back-up (*.ttbackup)"),
        )
        if not source:
            return False
        password, ok = QInputDialog.getText(
            self.window,
            self.window.tr("Back-up terugzetten"),
            self.window.tr("Uw wachtwoord (zoals het was toen de back-up werd gemaakt):"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            households = restore_backup(self.unlocked, Path(source), password)
        except (BadBackup, WrongSecret, KeyringError):
            QMessageBox.warning(
                self.window,
                "Teamtafel",
                self.window.tr(
                    "Deze back-up kan niet worden teruggezet: het is geen Teamtafel-back-up, hij is beschadigd, "
                    "of uw wachtwoord opent hem niet. Er is niets veranderd."
                ),
            )
            return False
        QMessageBox.information(
            self.window,
            "Teamtafel",
            self.window.tr(
                "De back-up (%1 huishoudens) is teruggezet; de vorige database staat ernaast als kopie. "
                "Teamtafel sluit nu af. Start opnieuw en log in."
            ).replace("%1", str(households)),
        )
        self.window.close()
        return True

    def edit_settings(self) -> None:
        if not self._guarded(Permission.CHANGE_SETTINGS):
            return
        current = self._read(
            lambda s: (
                settings.get_int(s, settings.AUTOLOCK_MINUTES),
                settings.get_int(s, settings.RETENTION_YEARS),
            )
        )
        answer = SettingsDialog.ask(*current, parent=self.window)
        if answer is None:
            return
        minutes, years = answer

        def store(session: Any) -> None:
            settings.set_int(session, settings.AUTOLOCK_MINUTES, minutes)
            settings.set_int(session, settings.RETENTION_YEARS, years)

        if self._write(store):
            self.autolock.set_minutes(minutes)

    def load_zrm_texts(self, path: Path | None = None) -> bool:
        """A beheerder loads the team's licensed ZRM cell texts from a file."""
        if not self._guarded(Permission.CHANGE_SETTINGS):
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.window,
                self.window.tr("ZRM-teksten laden"),
                "",
                self.window.tr("Teksten (*.json)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            text = path.read_text(encoding="utf-8")
            with self.store.sessions.begin() as session:
                code, version = zrm.load_team_texts(session, text)
        except (OSError, UnicodeDecodeError):
            QMessageBox.warning(
                self.window, "Teamtafel", self.window.tr("Dit bestand kan niet worden gelezen.")
            )
            return False
        except InstrumentError as exc:
            QMessageBox.warning(self.window, "Teamtafel", instrument_problem_text(exc))
            return False
        QMessageBox.information(
            self.window,
            "Teamtafel",
            self.window.tr("De teksten voor %1 (versie %2) zijn geladen.")
            .replace("%1", code.upper())
            .replace("%2", version),
        )
        return True

    def change_password(self) -> None:
        answer = PasswordDialog.ask(self.window)
        if answer is None:
            return
        old, new = answer
        try:
            change_own_password(self.unlocked, old, new)
        except WrongSecret:
            QMessageBox.warning(
                self.window, "Teamtafel", self.window.tr("Uw huidige wachtwoord klopt niet.")
            )
            return
        QMessageBox.information(
            self.window, "Teamtafel", self.window.tr("Uw wachtwoord is gewijzigd.")
        )

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Teamtafel",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
