"""The File menu's own-account entries: lock now (and after idle time), change the password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.autolock import AutoLock
from desktop.keyring import WrongSecret
from desktop.presenters.ui import Ui
from desktop.registry import ScreenContext, screen
from desktop.usecases import settings
from desktop.usecases.accounts import change_own_password
from views.login import LoginDialog, PasswordDialog
from views.main_window import MainWindow


class AccountPresenter:
    def __init__(self, ui: Ui, window: MainWindow) -> None:
        self.ui = ui
        unlocked = ui.unlocked
        self.autolock = AutoLock(
            settings.autolock_minutes(unlocked),
            unlocked.verify_password,
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
        try:
            change_own_password(self.ui.unlocked, old, new)
        except WrongSecret:
            self.ui.warn("Uw huidige wachtwoord klopt niet.")
            return
        self.ui.inform("Uw wachtwoord is gewijzigd.")


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
