"""The Te doen tab: what is due, my households by default, the team's on request."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.registry import TABS, ScreenContext, Tab, screen
from desktop.usecases import todo
from desktop.usecases.base import Changed
from views.todo import TEAM, TodoWidget


class TodoPresenter:
    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        self.widget = TodoWidget()
        self.widget.scopeChanged.connect(lambda _mine: self.refresh())
        self.widget.openRequested.connect(ui.openRequested.emit)
        ui.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _change: Changed) -> None:
        self.refresh()

    def refresh(self) -> None:
        items = self.ui.attempt(lambda: todo.todo(self.ui.unlocked, mine=self.widget.mine()))
        if items is not None:
            self.widget.show_items(items, date.today())


TABS.add("te_doen", Tab("te_doen", "Te doen", 10, TodoPresenter))


@screen("te-doen", order=12)
def _todo_screen(context: ScreenContext) -> QWidget:
    """The team's list (the demo's beheerder is casusregisseur of nothing)."""
    presenter = context.controller.tabs["te_doen"]
    assert isinstance(presenter, TodoPresenter)
    presenter.widget.scope.setCurrentIndex(presenter.widget.scope.findData(TEAM))
    context.ui.window.tabs.setCurrentWidget(presenter.widget)  # type: ignore[attr-defined]
    return context.ui.window
