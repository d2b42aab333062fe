"""Wires the views to the services: one session per user action."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox

from desktop.autolock import AutoLock
from desktop.errors import show_error
from desktop.session import Unlocked
from models import households as service
from models import settings
from models.access import log_access
from models.codelists import load_codelists
from models.enums import EventKind
from models.errors import DomainError
from models.permissions import AccessAction, Permission
from models.records import HouseholdRow, HouseholdSort, TrajectDraft
from models.validation import Problem, ValidationError
from views.dialogs import (
    CloseDialog,
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
from views.labels import ROLE_NAMES
from views.main_window import MainWindow

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
            widget = DossierWidget(self.codes)
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
        self.window.show_dossier_tab(widget, dossier.household.name)
        return widget

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

        def last_change(current: Any) -> date:
            return max([current.registered_on, *(e.event_date for e in current.events)])

        def change_phase() -> None:
            current = traject()
            phase = PhaseDialog.ask(self.window, current.phase, last_change(current))
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
            event = ScaleDialog.ask(self.window, kind, current.registered_on)
            if event is not None:
                after(
                    self._write(
                        lambda s: service.record_scale_event(s, current.id, event),
                        change("op- of afgeschaald"),
                    )
                )

        def close() -> None:
            current = traject()
            closure = CloseDialog.ask(self.window, self.codes, last_change(current))
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

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Teamtafel",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
