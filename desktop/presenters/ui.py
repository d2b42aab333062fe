"""What every presenter needs from the window: a parent for dialogs, errors in Dutch, refreshes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.database import StoreBusy
from desktop.errors import BUSY, confirm, describe
from desktop.presenters.werkkopie import Keeper
from desktop.session import Unlocked
from desktop.usecases.base import Changed
from models.codelists import CodeLists, load_codelists
from models.errors import DomainError
from models.permissions import PermissionDenied
from models.validation import Problem, ValidationError

D = TypeVar("D")
R = TypeVar("R")

# A form's ask(): the draft typed so far and the problems found, to a new draft or None.
Ask = Callable[[D | None, dict[str, Problem] | None], D | None]


def ask_until_stored(parent: QWidget, ask: Ask[D], store: Callable[[D], R]) -> R | None:
    """Ask for a draft and store it; a refused draft is asked again, filled in as typed, with
    its problems under their fields. None when the user cancels or the store refuses outright."""
    draft: D | None = None
    problems: dict[str, Problem] | None = None
    while True:
        draft = ask(draft, problems)
        if draft is None:
            return None
        try:
            return store(draft)
        except StoreBusy:
            QMessageBox.warning(parent, "Teamtafel", BUSY)  # and the form comes back as typed
        except ValidationError as exc:
            problems = exc.problems
            QMessageBox.warning(parent, "Teamtafel", describe(exc))
        except (DomainError, PermissionDenied) as exc:
            QMessageBox.warning(parent, "Teamtafel", describe(exc))
            return None


class Refused(Exception):
    """A message for the user where no one can read a dialog (the screenshot verb): a
    window that is not ``interactive`` raises it instead of showing a box or asking."""


class Ui(QObject):
    """The window side of a user action, shared by all presenters of one main window.

    ``changed`` is emitted after every stored change, so the list and every open dossier
    refresh what the change touched.
    """

    changed = Signal(object)  # Changed
    openRequested = Signal(object)  # uuid.UUID of a household to open in its own tab

    def __init__(self, window: QWidget, unlocked: Unlocked, *, interactive: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.unlocked = unlocked
        self.interactive = interactive
        self.codes: CodeLists = load_codelists()
        self.keeper = Keeper(self)  # the werkkopie of the form being typed in

    def attempt(self, action: Callable[[], R], parent: QWidget | None = None) -> R | None:
        """Run a use case; an expected refusal becomes a Dutch message and ``None``."""
        try:
            result = action()
        except (DomainError, PermissionDenied) as exc:
            self.warn(describe(exc), parent)
            return None
        except OSError as exc:  # the environment's fault: a full disk, a folder without access
            where = exc.filename or "het bestand"
            self.warn(f"Teamtafel kan {where} niet schrijven of lezen ({exc.strerror}).", parent)
            return None
        if isinstance(result, Changed):
            self.changed.emit(result)
        return result

    def ask_and_save(
        self, ask: Ask[D], save: Callable[[D], Changed], *, original: D | None = None
    ) -> Changed | None:
        """Ask for a draft and save it; a rejected draft is asked again, filled in as typed.

        With ``original`` (an edit), Opslaan on an unchanged form stores and logs nothing.
        """

        def store(draft: D) -> Changed | None:
            return None if original is not None and draft == original else save(draft)

        result = ask_until_stored(self.window, ask, store)
        if result is not None:
            self.changed.emit(result)
        return result

    def confirm(self, question: str, parent: QWidget | None = None) -> bool:
        if not self.interactive:
            raise Refused(question)
        return confirm(parent or self.window, question)

    def warn(self, text: str, parent: QWidget | None = None) -> None:
        if not self.interactive:
            raise Refused(text)
        QMessageBox.warning(parent or self.window, "Teamtafel", text)

    def inform(self, text: str, parent: QWidget | None = None) -> None:
        if not self.interactive:
            raise Refused(text)
        QMessageBox.information(parent or self.window, "Teamtafel", text)
