"""Registries instead of if-chains: dossier sections, top-level tabs, command-line verbs, screens.

A new room (safety, meetings, the gezinsplan, the coordinator overview) registers itself
from its own module; nothing that is already there has to be edited. Presenter modules in
``desktop/presenters`` and verb modules in ``desktop/verbs`` are imported by
:func:`load_presenters` and :func:`load_verbs`.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from models.permissions import Permission
from models.records import HouseholdDossier

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.controller import MainController
    from desktop.presenters.selection import PersonMarks, PersonSelection
    from desktop.presenters.ui import Ui
    from desktop.session import Unlocked
    from desktop.usecases.base import Changed
    from views.dossier import Column

T = TypeVar("T")


class Registry(Generic[T]):
    """Named entries, kept in the order given by each entry's ``order``, then by name."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._entries: dict[str, T] = {}

    def add(self, name: str, entry: T) -> T:
        if name in self._entries:
            raise ValueError(f"{self.what} {name!r} is already registered")
        self._entries[name] = entry
        return entry

    def remove(self, name: str) -> None:
        """For tests that register a throwaway entry."""
        self._entries.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __getitem__(self, name: str) -> T:
        return self._entries[name]

    def names(self) -> list[str]:
        return [name for name, _entry in self.items()]

    def items(self) -> list[tuple[str, T]]:
        return sorted(
            self._entries.items(), key=lambda pair: (getattr(pair[1], "order", 0), pair[0])
        )

    def __iter__(self) -> Iterator[T]:
        return iter(entry for _name, entry in self.items())


# --- dossier sections -------------------------------------------------------------------


class DossierScope(Protocol):
    """What a section presenter knows of the dossier it sits in."""

    ui: Ui
    household_id: uuid.UUID
    selected_person: PersonSelection  # which member the user is working on, for every section
    person_marks: PersonMarks  # what stands beside each member in Gezinsleden (a child's safety)
    sections: dict[str, SectionPresenter]  # the dossier's sections by kind: to hand on to one

    def current(self) -> HouseholdDossier: ...


class SectionPresenter(Protocol):
    """Turns one section's signals into use-case calls and refreshes it from what they return.

    A presenter that also has a ``header_widget`` gets it placed in the dossier's header (the
    safety status stands there)."""

    @property
    def widget(self) -> QWidget: ...

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None: ...


@dataclass(frozen=True)
class Section:
    """A dossier section: where it stands, how it is built, and which changes it shows."""

    kind: str
    column: Column
    order: int
    build: Callable[[DossierScope], SectionPresenter]
    refresh_on: frozenset[str] = frozenset()

    def shows(self, change: Changed | None) -> bool:
        """Whether ``change`` touches what this section shows (None: a first showing)."""
        return change is None or not change.kinds or bool(change.kinds & self.refresh_on)


SECTIONS: Registry[Section] = Registry("dossier section")


SectionBuilder = TypeVar("SectionBuilder", bound=Callable[[DossierScope], SectionPresenter])


def section(
    kind: str, column: Column, order: int, *, also: tuple[str, ...] = ()
) -> Callable[[SectionBuilder], SectionBuilder]:
    """Class decorator for a section presenter: ``@section("members", Column.LEFT, 10)``.

    The section is refreshed after a change of its own kind and of the kinds in ``also``
    (the consents section shows members' names, so it refreshes after a members change).
    """

    def register(build: SectionBuilder) -> SectionBuilder:
        SECTIONS.add(kind, Section(kind, column, order, build, frozenset({kind, *also})))
        return build

    return register


# --- top-level tabs ---------------------------------------------------------------------


class TabPresenter(Protocol):
    @property
    def widget(self) -> QWidget: ...


@dataclass(frozen=True)
class Tab:
    """A fixed tab beside the opened dossiers (Huishoudens; later Overleggen, Overzicht)."""

    name: str
    title: str
    order: int
    build: Callable[[Ui], TabPresenter]
    permission: Permission | None = None


TABS: Registry[Tab] = Registry("tab")


# --- command-line verbs -----------------------------------------------------------------


@dataclass(frozen=True)
class Verb:
    """One command-line verb: its help, its arguments, and what it runs."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    order: int = 50


VERBS: Registry[Verb] = Registry("verb")


# --- named screens ------------------------------------------------------------------------


@dataclass
class ScreenContext:
    """What a screen builder gets: the window's controller and, where it matters, a dossier."""

    unlocked: Unlocked
    ui: Ui
    controller: MainController
    dossier_number: str | None = None


@dataclass(frozen=True)
class Screen:
    """A named screen for ``screenshot``, ``make screenshots`` and the every-screen test.

    ``build`` shows it and returns the widget to grab.
    """

    name: str
    build: Callable[[ScreenContext], QWidget]
    order: int = 50


SCREENS: Registry[Screen] = Registry("screen")


ScreenBuilder = TypeVar("ScreenBuilder", bound=Callable[[ScreenContext], "QWidget"])


def screen(name: str, order: int = 50) -> Callable[[ScreenBuilder], ScreenBuilder]:
    """Function decorator for a screen builder: ``@screen("dossier")``."""

    def register(build: ScreenBuilder) -> ScreenBuilder:
        SCREENS.add(name, Screen(name, build, order))
        return build

    return register


# --- loading the modules that register ------------------------------------------------------


def _import_all(package: ModuleType) -> None:
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def load_presenters() -> None:
    """Import every presenter module, so their sections, tabs and screens are registered."""
    import desktop.presenters

    _import_all(desktop.presenters)


def load_verbs() -> None:
    import desktop.verbs

    _import_all(desktop.verbs)
