"""The Beheer menu (beheerder only): access log, accounts, retention, back-ups, texts, settings."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from desktop.epochs import KeyChange
from desktop.keyring import KeyringError, WrongSecret
from desktop.presenters.account import AccountPresenter, change_key
from desktop.presenters.background import in_background
from desktop.presenters.dossier import confirm_and_destroy
from desktop.presenters.logcheck import note_restore
from desktop.presenters.ui import Ui, ask_until_stored
from desktop.registry import ScreenContext, screen
from desktop.session import WeakPassword
from desktop.usecases import access, avg, settings, zrm
from desktop.usecases.accounts import (
    LoginTaken,
    add_account,
    deactivate_account,
    list_accounts,
    make_new_recovery_code,
    mark_password_leaked,
    reset_after_lost_laptop,
    set_temporary_password,
    waiting_for_conversion,
)
from desktop.usecases.backup import BackupProblem, BadBackup, make_backup, restore_backup
from desktop.usecases.settings import TeamSettings
from models import zrm as zrm_model
from models.instruments import InstrumentError, InstrumentProblem, Subject
from models.logchain import ChainCheck
from models.permissions import Permission, Role
from models.validation import Problem, ValidationError
from models.wording import (
    chain_text,
    count_text,
    instrument_problem_text,
    unconfirmed_text,
)
from views import files
from views.admin import (
    AccessLogDialog,
    AccountDialog,
    AccountsDialog,
    RetentionDialog,
    SettingsDialog,
)
from views.login import NewPasswordDialog
from views.main_window import MainWindow

LOST_LAPTOP = (
    "Is een laptop met Teamtafel kwijt of gestolen? Dan krijgt de database nu een nieuwe "
    "sleutel en een nieuwe herstelcode. Het sleutelbestand op die laptop (en in oudere "
    "back-ups) opent deze database daarna niet meer, ook niet met een wachtwoord of de oude "
    "herstelcode. Laat daarna iedereen die op die laptop werkte 'Wachtwoord gelekt…' kiezen "
    "(menu Bestand). Doorgaan?"
)
NEW_RECOVERY_CODE = (
    "Een nieuwe herstelcode maken? De oude herstelcode werkt daarna niet meer, en de "
    "database krijgt een nieuwe sleutel. De nieuwe code wordt één keer getoond. Doorgaan?"
)
BACKUP_REFUSED = {
    BackupProblem.NOT_A_BACKUP: "Dit bestand is geen (volledige) Teamtafel-back-up.",
    BackupProblem.MANIFEST: "De inhoudsopgave (manifest) van deze back-up klopt niet bij de "
    "rest: de back-up is na het maken gewijzigd of beschadigd, en wordt niet teruggezet.",
    BackupProblem.DAMAGED: "De database in deze back-up is beschadigd of onleesbaar.",
    BackupProblem.DEMO_OVER_REAL: "Dit is een back-up van een demo-database; die wordt nooit "
    "over een echte database teruggezet.",
    BackupProblem.REAL_OVER_DEMO: "Dit is een back-up van een echte database; die wordt niet "
    "over een demo-database teruggezet. Zet hem terug op de plek van de echte database.",
    BackupProblem.LOG_CHANGED: "Het toegangslog in deze back-up is veranderd nadat de back-up "
    "werd gemaakt: het klopt niet bij het ondertekende controlepunt van de maker. De back-up "
    "wordt niet teruggezet.",
    BackupProblem.UNSIGNED_CHECKPOINT: "Het controlepunt van het toegangslog in deze back-up is "
    "niet ondertekend door degene die de back-up maakte. De back-up wordt niet teruggezet.",
}
NO_CHECKPOINT = (
    "Deze back-up heeft geen ondertekend controlepunt van het toegangslog (hij is gemaakt met "
    "een oudere versie van Teamtafel): of het toegangslog erin na het maken is veranderd, is "
    "niet na te gaan."
)


class AdminPresenter:
    def __init__(self, ui: Ui, window: MainWindow, account: AccountPresenter) -> None:
        self.ui = ui
        self.account = account
        if not ui.unlocked.actor.may(Permission.MANAGE_ACCOUNTS):
            return
        menu = window.menuBar().addMenu("B&eheer")
        menu.addAction("&Toegangslog…", self.show_access_log)
        menu.addAction("&Accounts…", self.manage_accounts)
        menu.addAction("Nieuwe &herstelcode…", self.new_recovery_code)
        menu.addAction("Laptop &kwijt of gestolen…", self.lost_laptop)
        menu.addAction("&Bewaartermijn…", self.review_retention)
        menu.addSeparator()
        menu.addAction("Back-up &maken…", self.make_backup)
        menu.addAction("Back-up &terugzetten…", self.restore_backup)
        menu.addAction("I&nstrument laden…", self.load_instrument)
        menu.addAction("&ZRM-teksten laden…", self.load_zrm_texts)
        menu.addSeparator()
        menu.addAction("&Instellingen…", self.edit_settings)

    def show_access_log(self) -> AccessLogDialog | None:
        unlocked = self.ui.unlocked
        logins = self.ui.attempt(lambda: [a.login for a in list_accounts(unlocked)])
        if logins is None:
            return None
        dialog = AccessLogDialog(logins, self.ui.window)

        def search(login: str, number: str, start: date | None, end: date | None) -> None:
            lines = access.search(
                unlocked, login=login, dossier_number=number, start=start, end=end
            )
            dialog.show_lines(lines)

        dialog.filterRequested.connect(search)
        search("", "", None, None)
        # The whole chain takes seconds on a long log: the lines show first.
        dialog.show_chain("Het toegangslog wordt gecontroleerd…", intact=None)

        def checked(chain: ChainCheck) -> None:
            text = chain_text(chain.broken, chain.checked)
            if extra := unconfirmed_text(chain.unconfirmed, chain.unconfirmed_count):
                text = f"{text} {extra}"
            dialog.show_chain(text, intact=chain.intact and chain.unconfirmed is None)

        def failed() -> None:
            dialog.show_chain("Het toegangslog kon niet worden gecontroleerd.", intact=False)

        in_background(dialog, lambda: access.check_chain(unlocked), checked, failed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def manage_accounts(self) -> AccountsDialog | None:
        unlocked = self.ui.unlocked
        accounts = self.ui.attempt(lambda: list_accounts(unlocked))
        if accounts is None:
            return None
        dialog = AccountsDialog(self.ui.window)
        dialog.show_accounts(accounts)

        def store(answer: tuple[str, str, Role, str]) -> uuid.UUID:
            name, login, role, password = answer
            try:
                return add_account(unlocked, login=login, name=name, role=role, password=password)
            except LoginTaken:
                raise ValidationError({"login": Problem.DUPLICATE}) from None
            except WeakPassword:
                raise ValidationError({"password": Problem.PASSWORD_SHORT}) from None

        def add() -> None:
            # A refusal (a login that exists) asks again with everything typed still there.
            if ask_until_stored(dialog, lambda d, p: AccountDialog.ask(dialog, d, p), store):
                dialog.show_accounts(list_accounts(unlocked))

        def then_refresh(
            action: Callable[[QWidget, uuid.UUID], object],
        ) -> Callable[[uuid.UUID], None]:
            def run(account_id: uuid.UUID) -> None:
                if action(dialog, account_id):
                    dialog.show_accounts(list_accounts(unlocked))

            return run

        dialog.addRequested.connect(add)
        dialog.deactivateRequested.connect(then_refresh(self.deactivate))
        dialog.leakedRequested.connect(then_refresh(self.report_leaked))
        dialog.temporaryRequested.connect(then_refresh(self.set_temporary_password))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _login_of(self, account_id: uuid.UUID) -> str:
        return {a.id: a.login for a in list_accounts(self.ui.unlocked)}[account_id]

    def deactivate(self, parent: QWidget, account_id: uuid.UUID) -> KeyChange | None:
        unlocked = self.ui.unlocked
        if account_id == unlocked.actor.account_id:
            self.ui.warn("U kunt uw eigen account niet uitschakelen.", parent)
            return None
        question = (
            f"Het account {self._login_of(account_id)} uitschakelen? Het kan de database daarna "
            "niet meer openen. De database krijgt een nieuwe sleutel, zodat ook een oude kopie "
            "van het sleutelbestand (in een back-up of op een laptop) hem niet meer opent."
        )
        if not self.ui.confirm(question + self._blocking_note(), parent):
            return None
        return change_key(self.ui, lambda: deactivate_account(unlocked, account_id))

    def report_leaked(self, parent: QWidget, account_id: uuid.UUID) -> KeyChange | None:
        """A colleague's password is known to someone else: blocked, and a new key."""
        unlocked = self.ui.unlocked
        if account_id == unlocked.actor.account_id:
            self.ui.warn("Uw eigen wachtwoord meldt u via Bestand → Wachtwoord gelekt.", parent)
            return None
        login = self._login_of(account_id)
        question = (
            f"Het wachtwoord van {login} als gelekt melden? {login} kan daarna niet meer "
            "inloggen tot u een tijdelijk wachtwoord instelt, en de database krijgt een nieuwe "
            "sleutel: geen kopie van het sleutelbestand opent hem nog met het oude wachtwoord."
        )
        if not self.ui.confirm(question + self._blocking_note(), parent):
            return None
        done = change_key(self.ui, lambda: mark_password_leaked(unlocked, account_id))
        if done is not None:
            self.ui.inform(
                f"Het wachtwoord van {login} is geblokkeerd. Stel een tijdelijk wachtwoord in "
                "als het teamlid weer moet kunnen inloggen.",
                parent,
            )
        return done

    def set_temporary_password(self, parent: QWidget, account_id: uuid.UUID) -> bool:
        unlocked = self.ui.unlocked
        if account_id == unlocked.actor.account_id:
            self.ui.warn("Uw eigen wachtwoord wijzigt u via het menu Bestand.", parent)
            return False
        password = NewPasswordDialog.ask(parent, self._login_of(account_id))
        if password is None:
            return False

        def store() -> bool:
            set_temporary_password(unlocked, account_id, password)
            return True

        return self.ui.attempt(store, parent) is not None

    def _blocking_note(self) -> str:
        waiting = self.ui.attempt(lambda: waiting_for_conversion(self.ui.unlocked)) or []
        if not waiting:
            return ""
        return (
            "\n\nDeze accounts zijn nog niet omgezet naar de nieuwe sleutels (ze hebben sinds de "
            "update niet ingelogd) en hebben daarna een tijdelijk wachtwoord nodig: "
            + ", ".join(waiting)
        )

    def new_recovery_code(self) -> KeyChange | None:
        if not self.ui.confirm(NEW_RECOVERY_CODE + self._blocking_note()):
            return None
        return change_key(self.ui, lambda: make_new_recovery_code(self.ui.unlocked))

    def lost_laptop(self) -> KeyChange | None:
        if not self.ui.confirm(LOST_LAPTOP + self._blocking_note()):
            return None
        return change_key(self.ui, lambda: reset_after_lost_laptop(self.ui.unlocked))

    def after_login(self) -> None:
        """A beheerder hears when no recovery code works (a format-1 code dropped at a key
        change a colleague started), or when the code is due for renewal."""
        unlocked = self.ui.unlocked
        if not unlocked.actor.may(Permission.MANAGE_ACCOUNTS):
            return
        if unlocked.keyring.recovery_missing:
            self.ui.warn(
                "Deze database heeft geen werkende herstelcode. Maak er een via Beheer → "
                "Nieuwe herstelcode…"
            )
        elif unlocked.keyring.recovery_outdated:
            self.ui.warn(
                "De herstelcode van deze database is nog van een oudere versie van Teamtafel. "
                "Maak een nieuwe via Beheer → Nieuwe herstelcode…: die blijft werken na een "
                "sleutelwissel en bewaart de teamsleutel."
            )

    def review_retention(self) -> RetentionDialog | None:
        found = self.ui.attempt(lambda: avg.retention_review(self.ui.unlocked))
        if found is None:
            return None
        years, rows = found
        dialog = RetentionDialog(years, rows, self.ui.window)
        numbers = {r.household_id: r.dossier_number for r in rows}

        def destroy_row(household_id: uuid.UUID) -> None:
            if confirm_and_destroy(self.ui, household_id, numbers[household_id]):
                dialog.accept()

        dialog.destroyRequested.connect(destroy_row)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def make_backup(self) -> Path | None:
        target = files.save_path(self.ui.window, "Back-up maken", "Teamtafel-back-up (*.ttbackup)")
        if target is None:
            return None
        path = self.ui.attempt(lambda: make_backup(self.ui.unlocked, target))
        if path is not None:
            self.ui.inform(f"Back-up gemaakt:\n{path}")
        return path

    def restore_backup(self) -> bool:
        window = self.ui.window
        source = files.open_path(window, "Back-up terugzetten", "Teamtafel-back-up (*.ttbackup)")
        if source is None:
            return False
        password, ok = QInputDialog.getText(
            window,
            "Back-up terugzetten",
            "Uw wachtwoord (zoals het was toen de back-up werd gemaakt):",
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            restored = self.ui.attempt(
                lambda: restore_backup(self.ui.unlocked, Path(source), password)
            )
        except BadBackup as exc:
            self.ui.warn(BACKUP_REFUSED[exc.problem] + " Er is niets veranderd.")
            return False
        except (WrongSecret, KeyringError):
            self.ui.warn(
                "Deze back-up kan niet worden teruggezet: uw wachtwoord (van toen) opent hem "
                "niet, of het sleutelbestand erin is beschadigd. Er is niets veranderd."
            )
            return False
        if restored is None:
            return False
        checkpoint = restored.checkpoint
        note_restore(self.ui.unlocked.store.path, checkpoint.position if checkpoint else None)
        households = count_text(restored.households, "huishouden", "huishoudens")
        told = [
            f"De back-up ({households}) is teruggezet; de vorige database staat ernaast als "
            "kopie. Het toegangslog vermeldt de terugzetting."
        ]
        if checkpoint is None:
            told.append(NO_CHECKPOINT)
        told.append("Teamtafel sluit nu af. Start opnieuw en log in.")
        self.ui.inform("\n\n".join(told))
        window.close()
        return True

    def edit_settings(self) -> None:
        current = self.ui.attempt(lambda: settings.current(self.ui.unlocked))
        if current is None:
            return
        answer = SettingsDialog.ask(
            current.autolock_minutes,
            current.retention_years,
            parent=self.ui.window,
            reassess_weeks=current.reassess_weeks,
            review_by_gedragswetenschapper=current.review_by_gedragswetenschapper,
        )
        if answer is None:
            return
        chosen = TeamSettings(*answer)
        stored = self.ui.attempt(lambda: settings.save(self.ui.unlocked, chosen))
        if stored is not None:
            self.account.autolock.set_minutes(stored.autolock_minutes)

    def load_instrument(self, path: Path | None = None) -> bool:
        """A beheerder loads the team's own instrument file (a licensed one is never shipped):
        checked first; on any problem a Dutch message and nothing stored."""
        if path is None:
            path = files.open_path(self.ui.window, "Instrument laden", "Instrument (*.json)")
            if path is None:
                return False
        try:
            if path.stat().st_size > 4 * zrm_model.MAX_FILE:
                raise InstrumentError(InstrumentProblem.TOO_LARGE)
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.ui.warn("Dit bestand kan niet worden gelezen.")
            return False
        except InstrumentError as exc:
            self.ui.warn(instrument_problem_text(exc))
            return False
        try:
            loaded = self.ui.attempt(lambda: zrm.load_instrument(self.ui.unlocked, text))
        except InstrumentError as exc:
            self.ui.warn(instrument_problem_text(exc))
            return False
        if loaded is None:
            return False
        about = "het hele huishouden" if loaded.subject is Subject.HOUSEHOLD else "een gezinslid"
        self.ui.inform(
            f"Het instrument {loaded.name} (versie {loaded.version}) is geladen en versleuteld "
            f"opgeslagen. U kiest het bij ‘Meting afnemen…’ voor {about}."
        )
        return True

    def load_zrm_texts(self, path: Path | None = None) -> bool:
        """A beheerder loads the team's licensed ZRM cell texts from a file."""
        if path is None:
            path = files.open_path(self.ui.window, "ZRM-teksten laden", "Teksten (*.json)")
            if path is None:
                return False
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.ui.warn("Dit bestand kan niet worden gelezen.")
            return False
        try:
            loaded = self.ui.attempt(lambda: zrm.load_team_texts(self.ui.unlocked, text))
        except InstrumentError as exc:
            self.ui.warn(instrument_problem_text(exc))
            return False
        if loaded is None:
            return False
        code, version = loaded
        self.ui.inform(f"De teksten voor {code.upper()} (versie {version}) zijn geladen.")
        return True


@screen("toegangslog", order=90)
def _access_log_screen(context: ScreenContext) -> QWidget:
    dialog = context.controller.admin.show_access_log()
    if dialog is None:
        raise LookupError("het toegangslog is alleen voor een beheerder")
    return dialog


@screen("accounts", order=91)
def _accounts_screen(context: ScreenContext) -> QWidget:
    dialog = context.controller.admin.manage_accounts()
    if dialog is None:
        raise LookupError("de accounts zijn alleen voor een beheerder")
    return dialog
