"""The File menu's own-account entries: lock now (and after idle time), change the password,
report it leaked; and after a login with a temporary password, choosing one's own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.attempts import CHANGE_PASSWORD, LOCK_SCREEN, move_to_log, wait_message
from desktop.autolock import AutoLock
from desktop.database import RekeyFailed, StoreError
from desktop.epochs import KeyChange, NoWayIn
from desktop.errors import describe
from desktop.keyring import WrongSecret
from desktop.presenters.ui import Ui
from desktop.registry import ScreenContext, screen
from desktop.session import Throttle, Unlocked, WeakPassword
from desktop.usecases import settings
from desktop.usecases.accounts import change_own_password, report_own_password_leaked
from views.login import LoginDialog, PasswordDialog, RecoveryCodeDialog
from views.main_window import MainWindow

LEAKED_INTRO = (
    "Is uw wachtwoord bij iemand anders bekend geworden? Kies dan een nieuw wachtwoord. U "
    "krijgt ook nieuwe eigen sleutels, en de database krijgt een nieuwe sleutel: geen kopie "
    "van het sleutelbestand (ook niet in een back-up) opent hem daarna nog met uw oude "
    "wachtwoord."
)


def change_key(ui: Ui, action: Callable[[], KeyChange]) -> KeyChange | None:
    """Run a use case that starts a new key epoch; say what happened, or why it did not.

    A new recovery code (asked for, or replacing a format-1 one) is shown once."""
    try:
        done = ui.attempt(action)
    except StoreError as exc:
        ui.warn(describe(exc))
        return None
    except NoWayIn:
        ui.warn(
            "De database kan nu geen nieuwe sleutel krijgen: daarna zou geen beheerder meer "
            "kunnen inloggen (geen beheerder heeft al ingelogd met deze versie van Teamtafel, "
            "en de herstelcode is nog van de oude soort). Vraag een beheerder eerst in te "
            "loggen. Er is niets veranderd."
        )
        return None
    except RekeyFailed:
        ui.warn(
            "De database kon geen nieuwe sleutel krijgen. Er is niets verloren; de sleutelwissel "
            "wordt afgemaakt bij de volgende keer inloggen."
        )
        return None
    if done is None:
        return None
    if done.blocked:
        ui.inform(
            "Deze accounts waren nog niet omgezet naar de nieuwe sleutels en hebben nu een "
            "tijdelijk wachtwoord nodig (Beheer → Accounts): " + ", ".join(done.blocked)
        )
    if done.recovery_code:
        RecoveryCodeDialog.show_code(done.recovery_code, ui.window)
    return done


class AccountPresenter:
    def __init__(self, ui: Ui, window: MainWindow) -> None:
        self.ui = ui
        unlocked = ui.unlocked
        # The same count as the login screen and the command line (the file beside the key
        # file): the lock screen is no way round the throttle.
        self.throttle = Throttle.beside(unlocked.store.path)
        self.autolock = AutoLock(
            settings.autolock_minutes(unlocked),
            lambda password: password_message(unlocked, self.throttle, password, LOCK_SCREEN),
            unlocked.actor.name,
            parent=window,
        )
        menu, before = window.file_menu, window.quit_action
        menu.insertAction(before, window.make_action("&Vergrendelen", self.autolock.lock, "Ctrl+L"))
        menu.insertSeparator(before)
        menu.insertAction(before, window.make_action("&Wachtwoord wijzigen…", self.change_password))
        menu.insertAction(before, window.make_action("Wachtwoord &gelekt…", self.report_leaked))

    def change_password(self, intro: str = "") -> bool:
        answer = PasswordDialog.ask(self.ui.window, intro=intro)
        if answer is None:
            return False
        old, new = answer
        unlocked = self.ui.unlocked
        wait = self.throttle.wait_for(unlocked.actor.login)
        if wait > 0:
            self.ui.warn(wait_message(wait))
            return False
        try:
            change_own_password(unlocked, old, new)
        except WrongSecret:
            self.throttle.failed(unlocked.actor.login, CHANGE_PASSWORD)
            self.ui.warn("Uw huidige wachtwoord klopt niet.")
            return False
        self.throttle.succeeded(unlocked.actor.login)
        self.ui.inform("Uw wachtwoord is gewijzigd.")
        return True

    def report_leaked(self) -> KeyChange | None:
        answer = PasswordDialog.ask(self.ui.window, "Wachtwoord gelekt", LEAKED_INTRO)
        if answer is None:
            return None
        old, new = answer

        def report() -> KeyChange:
            return report_own_password_leaked(self.ui.unlocked, old, new)

        try:
            done = change_key(self.ui, report)
        except WrongSecret:
            self.ui.warn("Uw huidige wachtwoord klopt niet. Er is niets veranderd.")
            return None
        except WeakPassword:  # the form checks it first; the use case is the lock
            self.ui.warn("Een wachtwoord heeft minstens 10 tekens. Er is niets veranderd.")
            return None
        if done is not None:
            self.ui.inform(
                "Uw nieuwe wachtwoord is ingesteld en de database heeft een nieuwe sleutel. "
                "Uw oude wachtwoord opent niets meer."
            )
        return done

    def after_login(self) -> None:
        """A temporary password, set by a beheerder: choose one's own before anything else."""
        if self.ui.unlocked.temporary_password:
            self.change_password(
                "U bent ingelogd met een tijdelijk wachtwoord dat de beheerder heeft ingesteld. "
                "Kies nu uw eigen wachtwoord; vul bij 'Huidig wachtwoord' het tijdelijke in."
            )


def password_message(
    unlocked: Unlocked, throttle: Throttle, password: str, where: str
) -> str | None:
    """The lock screen's check, throttled like a login; a Dutch message, or None when the
    password is right (the failed attempts then move into the access log)."""
    login = unlocked.actor.login
    wait = throttle.wait_for(login)
    if wait > 0:
        return wait_message(wait)
    if not unlocked.verify_password(password):
        throttle.failed(login, where)
        return "Dit wachtwoord klopt niet."
    throttle.succeeded(login)
    move_to_log(unlocked.store, unlocked.actor)
    return None


@screen("inloggen", order=5)
def _login_screen(context: ScreenContext) -> QWidget:
    from desktop.app import demo_hint  # the start-up module imports the presenters

    login = LoginDialog(
        lambda _l, _p: None, demo_hint(context.unlocked.store.path), parent=context.ui.window
    )
    login.login.setText(context.unlocked.actor.login)
    return login


@screen("vergrendeld", order=100)
def _locked_screen(context: ScreenContext) -> QWidget:
    from desktop.presenters.dossier import _dossier_screen

    window = _dossier_screen(context)
    window.show()
    context.controller.account.autolock.lock()
    return window
