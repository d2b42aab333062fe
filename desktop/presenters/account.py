"""The File menu's own-account entries: lock now (and after idle time), change the password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.attempts import CHANGE_PASSWORD, LOCK_SCREEN, move_to_log, wait_message
from desktop.autolock import AutoLock
from desktop.keyring import WrongSecret
from desktop.presenters.ui import Ui
from desktop.registry import ScreenContext, screen
from desktop.session import Throttle, Unlocked
from desktop.usecases import settings
from desktop.usecases.accounts import change_own_password
from views.login import LoginDialog, PasswordDialog
from views.main_window import MainWindow


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

    def change_password(self) -> None:
        answer = PasswordDialog.ask(self.ui.window)
        if answer is None:
            return
        old, new = answer
        unlocked = self.ui.unlocked
        wait = self.throttle.wait_for(unlocked.actor.login)
        if wait > 0:
            self.ui.warn(wait_message(wait))
            return
        try:
            change_own_password(unlocked, old, new)
        except WrongSecret:
            self.throttle.failed(unlocked.actor.login, CHANGE_PASSWORD)
            self.ui.warn("Uw huidige wachtwoord klopt niet.")
            return
        self.throttle.succeeded(unlocked.actor.login)
        self.ui.inform("Uw wachtwoord is gewijzigd.")


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
