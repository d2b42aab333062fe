"""Actions: the dossier's Acties section, and the Mijn acties tab (mine, and te volgen)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.presenters.ui import Ui
from desktop.presenters.werkkopie import resumable
from desktop.registry import TABS, DossierScope, ScreenContext, Tab, screen, section
from desktop.usecases import actions, households, organisations
from desktop.usecases.actions import ACTIONS
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from models.enums import ActionOwner, ActionStatus
from models.records import ActionDraft, HouseholdDossier
from models.validation import Problem
from views.actions import ActionDialog, ActionsSection, MyActionsWidget
from views.dossier import Column


@section(ACTIONS, Column.RIGHT, 40, also=(MEMBERS,))
class ActionsPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = ActionsSection()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.edit)
        self.widget.doneRequested.connect(lambda i: self.close(i, ActionStatus.GEDAAN))
        self.widget.lapsedRequested.connect(lambda i: self.close(i, ActionStatus.VERVALLEN))

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        found = self.ui.attempt(lambda: actions.list_actions(self.ui.unlocked, dossier.id))
        if found is not None:
            self.widget.show_actions(found, date.today())

    def _ask(
        self,
        draft: ActionDraft | None,
        problems: dict[str, Problem] | None,
        *,
        adding: bool = False,
    ) -> ActionDraft | None:
        unlocked = self.ui.unlocked
        return ActionDialog.ask(
            self.ui.window,
            draft,
            problems,
            members=[(m.id, m.full_name) for m in self.scope.current().members],
            medewerkers=households.medewerkers(unlocked),
            organisations=organisations.list_organisations(unlocked),
            not_before=date.today() if adding else None,
            adding=adding,
        )

    @resumable(ACTIONS)
    def add(self) -> None:
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft, problems, adding=True),
            lambda draft: actions.add_action(self.ui.unlocked, self.scope.household_id, draft),
        )

    @resumable(ACTIONS, uuid.UUID)
    def edit(self, action_id: uuid.UUID) -> None:
        found = actions.list_actions(self.ui.unlocked, self.scope.household_id)
        original = next(a for a in found if a.id == action_id).draft
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft or original, problems),
            lambda draft: actions.update_action(self.ui.unlocked, action_id, draft),
            original=original,
        )

    def close(self, action_id: uuid.UUID, status: ActionStatus) -> None:
        self.ui.attempt(lambda: actions.set_status(self.ui.unlocked, action_id, status))


class MyActionsPresenter:
    """Mijn acties: refreshed after every change (an action may be added in any dossier)."""

    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        self.widget = MyActionsWidget()
        self.widget.openRequested.connect(ui.openRequested.emit)
        self.widget.doneRequested.connect(self.done)
        self.widget.linkRequested.connect(self.link)
        ui.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _change: Changed) -> None:
        self.refresh()

    def refresh(self) -> None:
        found = self.ui.attempt(lambda: actions.my_actions(self.ui.unlocked))
        if found is None:
            return
        if not found.linked:
            self.widget.show_unlinked(True)
        else:
            self.widget.show_actions(found.mine, found.followed, date.today())

    def done(self, action_id: uuid.UUID) -> None:
        self.ui.attempt(
            lambda: actions.set_status(self.ui.unlocked, action_id, ActionStatus.GEDAAN)
        )

    def link(self) -> None:
        """Choose the team member this account is, from the active ones."""
        team = [m for m in households.medewerkers(self.ui.unlocked) if m.active]
        if not team:
            self.ui.inform("Er zijn nog geen teamleden. Een coördinator voegt ze toe.")
            return
        names = [m.name for m in team]
        name, chosen = QInputDialog.getItem(
            self.ui.window, "Koppelen aan een teamlid", "Ik ben:", names, 0, False
        )
        if not chosen:
            return
        medewerker = team[names.index(name)]
        self.ui.attempt(lambda: actions.link_own_account(self.ui.unlocked, medewerker.id))


TABS.add("mijn_acties", Tab("mijn_acties", "Mijn acties", 12, MyActionsPresenter))


@screen("acties", order=88)
def _actions_screen(context: ScreenContext) -> QWidget:
    """The form of a new action for someone of the network, with its owner's fields."""
    dossier = pick_household_dossier(context)
    dialog = ActionDialog(
        ActionDraft(
            "Oma vragen of zij de kinderen op woensdag kan ophalen",
            ActionOwner.NETWERK,
            date.today() + timedelta(days=14),
            network_name="Fatma Yılmaz",
            network_relation="oma van moederskant",
        ),
        context.ui.window,
        members=[(m.id, m.full_name) for m in dossier.members],
        medewerkers=households.medewerkers(context.unlocked),
        organisations=organisations.list_organisations(context.unlocked),
        not_before=date.today(),
    )
    dialog.setWindowTitle("Nieuwe actie")
    return dialog


def pick_household_dossier(context: ScreenContext) -> HouseholdDossier:
    from desktop.screenshot import pick_household

    return pick_household(context)


@screen("mijn-acties", order=13)
def _my_actions_screen(context: ScreenContext) -> QWidget:
    """Mijn acties of the one logged in (the demo's beheerder is linked to a team member)."""
    presenter = context.controller.tabs["mijn_acties"]
    assert isinstance(presenter, MyActionsPresenter)
    presenter.refresh()
    context.ui.window.tabs.setCurrentWidget(presenter.widget)  # type: ignore[attr-defined]
    return context.ui.window
