"""The main window composed: registered tabs, the menus, and a presenter per opened dossier."""

from __future__ import annotations

import uuid

from desktop.autolock import AutoLock
from desktop.presenters.account import AccountPresenter
from desktop.presenters.accountlist import AccountListPresenter
from desktop.presenters.admin import AdminPresenter
from desktop.presenters.dossier import DossierPresenter
from desktop.presenters.households import HouseholdsPresenter
from desktop.presenters.logcheck import check_at_start
from desktop.presenters.team import TeamPresenter
from desktop.presenters.ui import Ui
from desktop.presenters.werkkopie import REOPENERS, offer, resume
from desktop.registry import TABS, TabPresenter, load_presenters
from desktop.session import Unlocked
from desktop.usecases import settings
from desktop.usecases.avg import DESTROYED
from desktop.usecases.base import Changed
from desktop.usecases.werkkopie import WerkkopieRecord
from models.wording import DEMO_BANNER, ROLE_NAMES
from views.dossier import DossierWidget
from views.household_list import HouseholdListWidget
from views.main_window import MainWindow


class MainController:
    def __init__(self, unlocked: Unlocked, *, interactive: bool = True) -> None:
        """``interactive=False`` (the screenshot verb): a refusal raises ``Refused``, no dialog."""
        load_presenters()
        self.unlocked = unlocked
        self.window = MainWindow()
        self.ui = Ui(self.window, unlocked, interactive=interactive)
        actor = unlocked.actor
        self.window.store_label.setText(
            f"{actor.name} · {ROLE_NAMES[actor.role]} · database {unlocked.store.path.name}"
        )
        if settings.is_demo(unlocked):
            self.window.show_banner(DEMO_BANNER)
        self.tabs: dict[str, TabPresenter] = {}
        for tab in TABS:
            if tab.permission is None or actor.may(tab.permission):
                presenter = self.tabs[tab.name] = tab.build(self.ui)
                self.window.add_fixed_tab(presenter.widget, tab.title)
        households = self.tabs["huishoudens"]
        assert isinstance(households, HouseholdsPresenter)
        self.households = households
        self.window.newHouseholdRequested.connect(self.households.register)
        self.window.findRequested.connect(self.find)
        self.account = AccountPresenter(self.ui, self.window)
        self.team = TeamPresenter(self.ui, self.window)
        self.admin = AdminPresenter(self.ui, self.window, self.account)
        self.account_list = AccountListPresenter(self.ui, self.window)
        self.dossiers: dict[uuid.UUID, DossierPresenter] = {}
        self.ui.openRequested.connect(self.open_household)
        self.ui.changed.connect(self._on_changed)
        self.window.dossierClosed.connect(self._closed)
        self.households.focus_search()  # after logging in, typing searches straight away

    @property
    def autolock(self) -> AutoLock:
        return self.account.autolock

    @property
    def household_list(self) -> HouseholdListWidget:
        return self.households.widget

    def search(self, query: str = "", open_only: bool = True) -> None:
        self.households.search(query, open_only)

    def find(self) -> None:
        self.window.tabs.setCurrentWidget(self.households.widget)
        self.households.focus_search()

    def open_household(self, household_id: uuid.UUID) -> DossierWidget | None:
        """Open a dossier in its own tab, or bring its tab forward if it is open already."""
        presenter = self.dossiers.get(household_id)
        if presenter is None:
            presenter = DossierPresenter(self.ui, household_id)
            if not presenter.open():
                presenter.detach()
                presenter.widget.deleteLater()
                return None
            self.dossiers[household_id] = presenter
        elif not presenter.reload():
            return None
        self.window.show_dossier_tab(presenter.widget, presenter.current().household.name)
        return presenter.widget

    def check_log(self) -> None:
        """After a login: the access log's chain, from where this computer last verified it."""
        check_at_start(self.ui)

    def after_login(self) -> None:
        """What a login asks first: one's own password after a temporary one, a missing
        recovery code (beheerder); the access log's chain; then the forms a crash left
        half-typed."""
        self.account.after_login()
        self.account_list.after_login()
        self.admin.after_login()
        self.check_log()
        self.offer_werkkopieen()

    def offer_werkkopieen(self) -> None:
        """After a login: forms left half-typed by a crash, offered back one by one."""
        offer(self.ui, self.reopen)

    def reopen(self, copy: WerkkopieRecord) -> bool:
        """Open the form of a werkkopie again where it was: its tab, dossier or section."""
        place = copy.place
        presenter: object | None
        if (own := REOPENERS.get(place.owner)) is not None:  # e.g. meeting mode's notes
            return own(self.ui, copy)
        if place.household_id is None:  # a tab's or a menu's action
            menus: dict[str, object] = {"team": self.team}
            presenter = self.tabs.get(place.owner) or menus.get(place.owner)
        else:
            if self.open_household(place.household_id) is None:
                return False
            dossier = self.dossiers[place.household_id]
            presenter = dossier if place.owner == "dossier" else dossier.sections.get(place.owner)
        return presenter is not None and resume(presenter, copy)

    def _on_changed(self, change: Changed) -> None:
        presenter = self.dossiers.get(change.household_id) if change.household_id else None
        if presenter is None:
            return
        if DESTROYED in change.kinds:
            self.window.close_tab(self.window.tabs.indexOf(presenter.widget))

    def _closed(self, household_id: uuid.UUID) -> None:
        presenter = self.dossiers.pop(household_id, None)
        if presenter is not None:
            presenter.detach()
