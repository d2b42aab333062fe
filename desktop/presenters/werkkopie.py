"""The werkkopie: a form's texts kept while it is typed in, and offered back after a crash.

A presenter action that opens a form is marked :func:`resumable`. While it runs, the
:class:`Keeper` keeps every form it opens (:mod:`views.keeping`), at most every
:data:`Keeper.INTERVAL_MS`, and deletes the copy when the action ends: saved or
discarded. A copy that outlives its action (the program was killed, crashed or lost
power) is offered back at the next login of the same account (:func:`offer`); putting it
back runs the same action again, on the same household and record, with the form filled
in as it was left.
"""

from __future__ import annotations

import enum
import functools
import html
import inspect
import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.registry import ScreenContext, screen
from desktop.usecases import werkkopie
from desktop.usecases.werkkopie import Place, WerkkopieRecord
from models.base import utc_now
from models.wording import moment_text
from views.keeping import Keepable, watch_forms

if TYPE_CHECKING:
    from desktop.presenters.ui import Ui


R = TypeVar("R")
log = logging.getLogger(__name__)


class Keeper(QObject):
    """Keeps the form of the running :func:`resumable` action as a werkkopie."""

    INTERVAL_MS = 3000

    def __init__(self, ui: Ui) -> None:
        super().__init__(ui)
        self.ui = ui
        self._place: Place | None = None
        self._copy_id: uuid.UUID | None = None
        self._stored = False  # the copy is in the store (to delete at the end)
        self._restore: WerkkopieRecord | None = None  # to put back into the next form
        self._initial: dict[str, str] | None = None  # the first form's texts as it opened
        self._kept_a_form = False
        self._form: Keepable | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.store_now)

    @contextmanager
    def keeping(self, place: Place) -> Iterator[None]:
        """Keep the forms opened inside this block; delete the copy when the block ends."""
        if self._place is not None:  # a form opened from inside a kept form: keep the outer
            yield
            return
        self._place = place
        if self._copy_id is None:
            self._copy_id = uuid.uuid4()
        stop = watch_forms(self._attach)
        try:
            yield
        except BaseException:  # a fault in the program: the copy stays, to offer back
            self.store_now()
            raise
        else:
            if self._stored and self._kept_a_form:
                self._discard(self._copy_id)
        finally:
            stop()
            self._timer.stop()
            self._reset()

    @contextmanager
    def resuming(self, copy: WerkkopieRecord) -> Iterator[None]:
        """The next :meth:`keeping` block continues ``copy``: its form opens filled in."""
        self._copy_id, self._stored, self._restore = copy.id, True, copy
        try:
            yield
        finally:
            if self._place is None:  # the action ended (or never began): forget, keep the copy
                self._reset()

    def pending(self) -> dict[str, str]:
        """The texts of the copy about to be put back (empty when none): an action that asks
        something before its form opens (which instrument) answers it from these."""
        return dict(self._restore.fields) if self._restore is not None else {}

    def _reset(self) -> None:
        self._place = self._copy_id = self._form = self._restore = self._initial = None
        self._stored = self._kept_a_form = False

    def _attach(self, form: Keepable) -> None:
        """Keep ``form`` (and put a copy back into it). A form asked again after the store
        refused it compares with the first form's opening texts, not its own."""
        if self._form is not None:  # a second form while the first is open: a nested one
            return
        opened = form.snapshot()
        if self._restore is not None:
            copy, self._restore = self._restore, None
            left_out = form.restore(copy.fields)  # raises? then the copy stays as it was
            changed = [k for k, v in copy.was.items() if k in copy.fields and opened.get(k) != v]
            if left_out or changed:
                QTimer.singleShot(0, lambda: self._tell(form, left_out, changed))
        if self._initial is None:
            self._initial = opened
        self._form = form
        self._kept_a_form = True
        form.edited.connect(self._edited)
        form.finished.connect(lambda result: self._finished(form, result))

    def _tell(self, form: Keepable, left_out: list[str], changed: list[str]) -> None:
        """After a restore: what could not be put back, and what a colleague changed since."""
        lines = []
        if changed:
            names = ", ".join(form.field_label(key) for key in changed)
            lines.append(
                f"Sinds uw werkkopie is in Teamtafel ook gewijzigd: {names}. Het formulier "
                "toont wat u typte; kijk dit na voor u opslaat."
            )
        if left_out:
            names = ", ".join(form.field_label(key) for key in left_out)
            lines.append(f"Niet teruggezet, want die keuze is er niet meer: {names}. Kies opnieuw.")
        self.ui.inform("\n\n".join(lines), form if isinstance(form, QWidget) else None)

    def _changes(
        self, texts: dict[str, str], always: frozenset[str] = frozenset()
    ) -> tuple[dict[str, str], dict[str, str]]:
        """The fields the user changed, and what they said when the form opened; ``always``
        names fields kept unchanged too (what the form is about, e.g. its instrument)."""
        initial = self._initial or {}
        typed = {
            key: text for key, text in texts.items() if initial.get(key) != text or key in always
        }
        return typed, {key: initial.get(key, "") for key in typed}

    def _edited(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _finished(self, form: Keepable, result: int) -> None:
        if form is not self._form:
            return
        pending = self._timer.isActive()
        self._timer.stop()
        if pending and result == QDialog.DialogCode.Accepted:
            self.store_now()  # the store may yet refuse the form: keep its last texts
        self._form = None

    def store_now(self) -> None:
        """Write the open form's texts; a busy store is tried again a moment later."""
        form, place, copy_id = self._form, self._place, self._copy_id
        if form is None or place is None or copy_id is None:
            return
        typed, was = self._changes(form.snapshot(), getattr(form, "always_kept", frozenset()))
        if not werkkopie.keep(self.ui.unlocked, copy_id, place, form.windowTitle(), typed, was):
            self._timer.start()  # busy or failing: try again in a moment
            return
        self._stored = True

    def _discard(self, copy_id: uuid.UUID) -> None:
        werkkopie.discard(self.ui.unlocked, copy_id)


def resumable(
    owner: str, argument: Callable[[str], Any] | None = None
) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Mark a presenter action whose form is kept as a werkkopie.

    ``owner`` is how the controller finds the presenter again: a tab's name,
    ``"dossier"``, or a section's kind (the household is the presenter's own).
    ``argument`` turns the action's one argument back from text (``uuid.UUID``, an enum).
    """

    def mark(method: Callable[..., R]) -> Callable[..., R]:
        takes = len(inspect.signature(method).parameters) - 1  # besides self

        @functools.wraps(method)
        def run(self: Any, *args: Any) -> R:
            args = args[:takes]  # a signal may pass more (QAction's 'checked')
            place = Place(owner, method.__name__, _household_of(self), _text(args))
            with self.ui.keeper.keeping(place):
                return method(self, *args)

        run.resume_argument = argument  # type: ignore[attr-defined]
        return run

    return mark


def _household_of(presenter: Any) -> uuid.UUID | None:
    """A dossier presenter's household, a section's (through its scope), or none (a tab)."""
    scope = getattr(presenter, "scope", presenter)
    household = getattr(scope, "household_id", None)
    return household if isinstance(household, uuid.UUID) else None


def _text(args: tuple[Any, ...]) -> str:
    if not args:
        return ""
    value = args[0]
    return str(value.value if isinstance(value, enum.Enum) else value)


def resume(presenter: object, copy: WerkkopieRecord) -> bool:
    """Run the action of ``copy`` again on ``presenter``; False when it no longer exists."""
    method = getattr(presenter, copy.place.action, None)
    if method is None or not hasattr(method, "resume_argument"):
        return False
    parse = method.resume_argument
    args = (parse(copy.place.argument),) if parse is not None and copy.place.argument else ()
    ui: Ui = presenter.ui  # type: ignore[attr-defined]
    with ui.keeper.resuming(copy):
        try:
            method(*args)
        except (LookupError, StopIteration, TypeError, ValueError) as exc:
            # The record is gone (a colleague removed it), or the copy does not fit the form
            # (another version wrote it): the copy stays, and the next one is offered.
            log.info("werkkopie not put back: %s", type(exc).__name__)
            return False
    return True


# Owners whose werkkopie is put back by a function of their own rather than by a tab's or a
# dossier section's action (meeting mode's notes): owner -> reopen(ui, copy) -> put back?
Reopen = Callable[["Ui", WerkkopieRecord], bool]
REOPENERS: dict[str, Reopen] = {}


# --- the offer after a login ---------------------------------------------------------------


class Choice(enum.Enum):
    RESTORE = "terugzetten"
    DISCARD = "verwerpen"
    LATER = "later"


def offer_text(copy: WerkkopieRecord) -> str:
    where = f" in dossier {copy.dossier_number}" if copy.dossier_number else ""
    return (
        "Teamtafel werd afgesloten terwijl u een formulier aan het invullen was. "
        f"Er is een werkkopie bewaard van <b>{html.escape(copy.title, quote=False)}</b>{where}, "
        f"laatst bijgewerkt op {moment_text(copy.saved_at)}.<br><br>"
        "<b>Terugzetten</b> opent het formulier opnieuw, ingevuld zoals u het achterliet. "
        "<b>Verwerpen</b> gooit wat u typte weg. <b>Later</b> vraagt het bij de volgende "
        "keer inloggen opnieuw (een werkkopie wordt na 30 dagen verwijderd)."
    )


def offer_box(parent: QWidget | None, copy: WerkkopieRecord) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, "Werkkopie terugzetten?", "", parent=parent)
    box.setObjectName("werkkopie_offer")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(offer_text(copy))
    restore = box.addButton("&Terugzetten", QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName(Choice.RESTORE.value)
    box.addButton("&Verwerpen", QMessageBox.ButtonRole.DestructiveRole).setObjectName(
        Choice.DISCARD.value
    )
    later = box.addButton("&Later", QMessageBox.ButtonRole.RejectRole)
    later.setObjectName(Choice.LATER.value)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    return box


def ask_choice(parent: QWidget | None, copy: WerkkopieRecord) -> Choice:
    box = offer_box(parent, copy)
    try:
        box.exec()
        clicked = box.clickedButton()  # None when closed otherwise (Escape is Later)
        names = {choice.value for choice in Choice}
        name = clicked.objectName() if clicked else ""
        return Choice(name) if name in names else Choice.LATER
    finally:
        box.deleteLater()


def offer(ui: Ui, reopen: Callable[[WerkkopieRecord], bool]) -> None:
    """Offer this account's werkkopieën back, one question each, oldest first."""
    copies = ui.attempt(lambda: werkkopie.waiting(ui.unlocked))
    for copy in copies or []:
        choice = ask_choice(ui.window, copy)
        if choice is Choice.RESTORE and not reopen(copy):
            ui.warn(
                "Het formulier van deze werkkopie kan niet meer worden geopend (het dossier "
                "of het gegeven is er niet meer). De werkkopie blijft bewaard tot u hem "
                "verwerpt of tot 30 dagen na de laatste wijziging."
            )
        elif choice is Choice.DISCARD:
            ui.attempt(functools.partial(werkkopie.discard, ui.unlocked, copy.id))


@screen("werkkopie", order=38)
def _offer_screen(context: ScreenContext) -> QWidget:
    """The question after a crash (shown, not stored: the demo file gets no werkkopie)."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    copy = WerkkopieRecord(
        uuid.uuid4(),
        Place("members", "add", dossier.id),
        "Nieuw gezinslid",
        {"first_name": "Zoë", "last_name": "van 't Hart"},
        utc_now() - timedelta(minutes=7),
        dossier.dossier_number,
    )
    return offer_box(context.ui.window, copy)
