"""The Huishoudens tab: search as you type, page through the list, register a household."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.presenters.werkkopie import resumable
from desktop.registry import TABS, ScreenContext, Tab, screen
from desktop.usecases import households
from desktop.usecases.avg import DESTROYED
from desktop.usecases.base import Changed
from desktop.usecases.households import HOUSEHOLD, MEMBERS
from desktop.usecases.traject import TRAJECT
from models.records import HouseholdRow, HouseholdSort
from views.dialogs import RegistrationDialog
from views.household_list import HouseholdListWidget

# What the list shows or searches on: the household, its members' names, the traject's phase,
# regisseur and aanmelding, and whether the dossier still exists.
LIST_KINDS = frozenset({HOUSEHOLD, MEMBERS, TRAJECT, DESTROYED})


class HouseholdsPresenter:
    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        self.widget = HouseholdListWidget()
        self.widget.searchRequested.connect(self.search)
        self.widget.openRequested.connect(ui.openRequested)
        self.widget.newRequested.connect(self.register)
        ui.changed.connect(self._on_changed)

    def search(self, query: str = "", open_only: bool = True) -> None:
        unlocked = self.ui.unlocked
        total = households.count(unlocked, query, open_only=open_only)

        def fetch(
            sort: HouseholdSort, descending: bool, offset: int, limit: int
        ) -> list[HouseholdRow]:
            return households.page(
                unlocked,
                query,
                open_only=open_only,
                sort=sort,
                descending=descending,
                offset=offset,
                limit=limit,
            )

        self.widget.set_source(fetch, total)

    def refresh(self) -> None:
        self.search(*self.widget.query())

    def _on_changed(self, change: Changed) -> None:
        """Refresh only for a change the list shows (a contact or a ZRM changes no column)."""
        if not change.kinds or change.kinds & LIST_KINDS:
            self.refresh()

    @resumable("huishoudens")
    def register(self) -> uuid.UUID | None:
        """Nieuw huishouden: the household with its aanmelding, then its dossier opens."""
        team = households.medewerkers(self.ui.unlocked)
        done = self.ui.ask_and_save(
            lambda draft, problems: RegistrationDialog.ask(
                self.ui.window, self.ui.codes, team, draft, problems
            ),
            lambda draft: households.register(self.ui.unlocked, draft),
        )
        if done is None or done.household_id is None:
            return None
        self.ui.openRequested.emit(done.household_id)
        return done.household_id

    def focus_search(self) -> None:
        self.widget.search.setFocus()
        self.widget.search.selectAll()


TABS.add("huishoudens", Tab("huishoudens", "Huishoudens", 0, HouseholdsPresenter))


@screen("huishoudens", order=0)
def _list_screen(context: ScreenContext) -> QWidget:
    return context.ui.window


@screen("aanmelden", order=10)
def _registration_screen(context: ScreenContext) -> QWidget:
    team = households.medewerkers(context.unlocked)
    return RegistrationDialog(context.ui.codes, team, parent=context.ui.window)
