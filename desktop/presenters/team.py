"""The Team menu: the organisations the team works with (everyone) and the team list
(coördinator and beheerder)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.presenters.organisations import manage_organisations
from desktop.presenters.ui import Ui, ask_until_stored
from desktop.presenters.werkkopie import resumable
from desktop.registry import ScreenContext, screen
from desktop.usecases import households
from models.permissions import Permission
from views.dialogs import MedewerkerDialog
from views.main_window import MainWindow
from views.organisations import OrganisationsDialog


class TeamPresenter:
    def __init__(self, ui: Ui, window: MainWindow) -> None:
        self.ui = ui
        menu = window.menuBar().addMenu("&Team")
        menu.addAction("&Organisaties…", self.organisations)
        if ui.unlocked.actor.may(Permission.MANAGE_TEAM):
            menu.addAction("Medewerker &toevoegen…", self.add_medewerker)

    def organisations(self) -> OrganisationsDialog:
        return manage_organisations(self.ui.window, self.ui.unlocked, self.ui.changed.emit)

    @resumable("team")
    def add_medewerker(self) -> None:
        ask_until_stored(
            self.ui.window,
            lambda draft, problems: MedewerkerDialog.ask(
                self.ui.window, self.ui.codes, draft, problems
            ),
            lambda answer: households.add_medewerker(self.ui.unlocked, *answer),
        )


@screen("organisaties", order=85)
def _organisations_screen(context: ScreenContext) -> QWidget:
    return context.controller.team.organisations()
