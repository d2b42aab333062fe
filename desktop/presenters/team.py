"""The Team menu (coördinator and beheerder): the team list."""

from __future__ import annotations

from desktop.presenters.ui import Ui
from desktop.usecases import households
from models.permissions import Permission
from views.dialogs import MedewerkerDialog
from views.main_window import MainWindow


class TeamPresenter:
    def __init__(self, ui: Ui, window: MainWindow) -> None:
        self.ui = ui
        if ui.unlocked.actor.may(Permission.MANAGE_TEAM):
            menu = window.menuBar().addMenu("&Team")
            menu.addAction("Medewerker &toevoegen…", self.add_medewerker)

    def add_medewerker(self) -> None:
        answer = MedewerkerDialog.ask(self.ui.window, self.ui.codes)
        if answer is not None:
            name, discipline = answer
            self.ui.attempt(lambda: households.add_medewerker(self.ui.unlocked, name, discipline))
