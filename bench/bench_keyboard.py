"""Keystrokes, clicks and a keystroke-level-model time for three everyday tasks, before and after
the keyboard work and sensible defaults of issue 8.

The tasks, scripted on the real window (offscreen, 1280x800) against a real encrypted store:
  A  register a household ("De Vries") and its two members (an adult and a child)
  C  then, in its dossier, score a ZRM for the second member (the child)
  B  after logging in again, find that household (a namesake at the same postcode makes two
     hits) and log a contact (its dossier now has a ZRM, as a dossier in progress has)

BEFORE is the same window with the new defaults switched off, driven as a user had to:
typing the surname and picking the role of each member, picking oneself as medewerker, Ctrl+F
before searching, double-clicking the hit in the list, clicking the buttons (they had no
Alt-key), scrolling down to the contact log (it stood below the ZRM, out of view), choosing the
member in the ZRM box with the mouse. AFTER uses the proposals, Down/Enter in the list and the
Alt-keys. Both runs start from identical copies of one store, in one process.

The counts are not written down here: every character, key and click goes through the helpers
of :class:`User`, which send it to the widgets (QTest) and count it; each run then checks in the
store that the task was really done.

The model (Card, Moran and Newell's keystroke-level model):
  K   = 0.28 s  a keystroke: a typed character, Tab, Enter, an arrow, and each key of a chord
                (Ctrl+N, Alt+G and Shift+Tab are two)
  P+B = 1.1 + 0.2 s  pointing the mouse at something and clicking it (a double click: P + 2B)
  H   = 0.4 s   a hand moving between keyboard and mouse (counted when the device changes)
  M   = 1.35 s  preparing mentally: before each value typed, each choice in a list, each click,
                each command (an Alt- or Ctrl-key, Enter that saves or opens) and for each
                proposal or default the user reads and accepts; none before Tab or an arrow
                that moves on within a form or list.

Run with `.venv/bin/python bench/bench_keyboard.py` (also part of `make bench`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)

K, P, B, H, M = 0.28, 1.1, 0.2, 0.4, 1.35
TASKS = {
    "A": "register a household with two members",
    "B": "find it after logging in and log a contact",
    "C": "score a ZRM for its second member",
}
LOGIN, PASSWORD = "anouk", "demo-medewerker-2026"  # linked to the medewerker Anouk Verbeek
NOTE = "Gebeld met moeder over school."
ZRM_LEVELS = "3453423344532"  # one level per domain of the ZRM 2017 (13)

Key = Qt.Key
Mod = Qt.KeyboardModifier


@dataclass
class Tally:
    chars: int = 0  # printable characters typed
    keys: int = 0  # other keystrokes (Tab, Enter, arrows, each key of a chord)
    clicks: int = 0  # pointing and clicking (P+B)
    double_clicks: int = 0  # of those, double (one B more)
    homings: int = 0
    mentals: int = 0

    def seconds(self) -> float:
        return (
            (self.chars + self.keys) * K
            + self.clicks * (P + B)
            + self.double_clicks * B
            + self.homings * H
            + self.mentals * M
        )


def settle() -> None:
    """Let the window lay itself out and paint, as it has by the time a user looks."""
    for _ in range(3):
        QApplication.processEvents()


def wait_until(condition: Callable[[], object], timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.005)


class User:
    """Types, presses and clicks on the real widgets, and counts what it does."""

    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = {task: Tally() for task in TASKS}
        self.now = self.tallies["A"]
        self.hand = "keyboard"
        self.window: QWidget | None = None

    # --- the keyboard --------------------------------------------------------------------

    def _keyboard(self) -> None:
        if self.hand != "keyboard":
            self.hand = "keyboard"
            self.now.homings += 1

    def focus(self) -> QWidget:
        """Where keys go: the focus widget of the active form, or of the window."""
        window = QApplication.activeModalWidget() or self.window
        assert window is not None
        if not window.isActiveWindow():  # offscreen has no window manager to hand it back
            handle = window.windowHandle()
            assert handle is not None
            handle.requestActivate()
            wait_until(window.isActiveWindow)
        widget = QApplication.focusWidget()
        assert widget is not None, "no field has the focus"
        return widget

    def write(self, text: str) -> None:
        """A value for the field that has the focus (ASCII: QTest types no diacritics)."""
        self._keyboard()
        self.now.mentals += 1
        QTest.keyClicks(self.focus(), text)
        self.now.chars += len(text)

    def press(self, key: Qt.Key, modifiers: Mod = Mod.NoModifier, *, command: bool = False) -> None:
        """A key; ``command``: one that does something (saves, opens), so it is thought of."""
        self._keyboard()
        if command or modifiers & (Mod.ControlModifier | Mod.AltModifier):
            self.now.mentals += 1
        QTest.keyClick(self.focus(), key, modifiers)
        chord = (Mod.ControlModifier, Mod.AltModifier, Mod.ShiftModifier)
        self.now.keys += 1 + sum(1 for m in chord if modifiers & m)

    def think(self) -> None:
        """Read a proposal or default and accept it."""
        self.now.mentals += 1

    # --- the mouse -----------------------------------------------------------------------

    def _mouse(self) -> None:
        if self.hand != "mouse":
            self.hand = "mouse"
            self.now.homings += 1

    def click(self, widget: QWidget, pos: QPoint | None = None, *, double: bool = False) -> None:
        """Point at something on screen and click it; it must be in view."""
        settle()
        assert widget.isVisible() and not widget.visibleRegion().isEmpty(), "not in view"
        self._mouse()
        self.now.mentals += 1
        self.now.clicks += 1
        if double:
            self.now.double_clicks += 1
            # A double click arrives as a click and then a double-click event (QTest sends
            # only the latter, which a view ignores without the press before it).
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Mod.NoModifier, pos or QPoint())
            QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Mod.NoModifier, pos or QPoint())
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Mod.NoModifier, pos or QPoint())

    def choose(self, combo: QComboBox, text: str) -> None:
        """Open a list box with the mouse and click an entry in its list."""
        self.click(combo)
        view = combo.view()
        wait_until(view.isVisible)
        QTest.qWait(QApplication.doubleClickInterval() + 50)  # a list ignores a click that fast
        index = combo.model().index(combo.findText(text), 0)
        view.scrollTo(index)
        self._mouse()
        self.now.clicks += 1
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Mod.NoModifier,
            view.visualRect(index).center(),
        )
        wait_until(lambda: not view.isVisible())
        assert combo.currentText() == text

    def scroll_into_view(self, widget: QWidget) -> None:
        """Page the scroll area up or down (a click beside the scroll bar's handle) until
        ``widget`` stands wholly in view."""
        settle()
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        assert isinstance(area, QAbstractScrollArea)
        viewport, bar = area.viewport(), area.verticalScrollBar()

        def in_view() -> bool:
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            return viewport.rect().contains(top_left) and viewport.rect().contains(
                top_left + QPoint(widget.width() - 1, widget.height() - 1)
            )

        looked = False
        while not in_view():
            option = QStyleOptionSlider()
            bar.initStyleOption(option)
            handle = bar.style().subControlRect(
                QStyle.ComplexControl.CC_ScrollBar,
                option,
                QStyle.SubControl.SC_ScrollBarSlider,
                bar,
            )
            self._mouse()
            self.now.mentals += 0 if looked else 1
            looked = True
            self.now.clicks += 1
            up = widget.mapTo(viewport, QPoint(0, 0)).y() < 0
            y = max(20, handle.top() - 8) if up else min(bar.height() - 20, handle.bottom() + 8)
            QTest.mouseClick(
                bar, Qt.MouseButton.LeftButton, Mod.NoModifier, QPoint(handle.center().x(), y)
            )
            QApplication.processEvents()

    # --- forms ---------------------------------------------------------------------------

    @contextmanager
    def form(self, cls: type[QDialog], fill: Callable[[Any], None]) -> Iterator[None]:
        """Fill the modal form ``cls`` that the actions in the ``with`` block open."""
        done: list[bool] = []
        failed: list[Exception] = []

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog) or not isinstance(dialog, cls):
                QTimer.singleShot(10, poll)
                return
            try:
                fill(dialog)
            except Exception as exc:  # noqa: BLE001  raised after exec() returns: Qt would swallow it
                failed.append(exc)
                dialog.done(QDialog.DialogCode.Rejected)
            done.append(True)

        QTimer.singleShot(0, poll)
        yield
        wait_until(lambda: done)
        wait_until(lambda: QApplication.activeModalWidget() is None)
        if failed:
            raise failed[0]


@contextmanager
def patched(target: object, name: str, value: Any) -> Iterator[None]:
    old = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, old)


@contextmanager
def defaults_off() -> Iterator[None]:
    """The window as it was before: no proposals, the contact log below the ZRM, no ZRM member
    following the members table, Enter in the search field opening the first hit."""
    import desktop.usecases.households as households_usecases
    import models.households as households_service
    from desktop.registry import SECTIONS, load_presenters
    from views.dialogs import PersonDialog
    from views.dossier.measurements import ZrmSection
    from views.household_list import HouseholdListWidget
    from views.household_table_model import ID_ROLE

    def open_first(listing: HouseholdListWidget) -> None:
        listing.request_search()
        if listing.model.rowCount() > 0:
            listing.openRequested.emit(listing.model.index(0, 0).data(ID_ROLE))

    load_presenters()
    contacts = SECTIONS["contacts"]
    SECTIONS.remove("contacts")
    SECTIONS.add("contacts", replace(contacts, order=30))
    try:
        with (
            patched(households_service, "proposed_surname", lambda _dossier: ("", "")),
            patched(PersonDialog, "_propose_role", lambda _self: None),
            patched(households_usecases, "own_medewerker", lambda _unlocked: None),
            patched(ZrmSection, "select_member", lambda _self, _person_id: None),
            patched(HouseholdListWidget, "_enter_in_search", open_first),
        ):
            yield
    finally:
        SECTIONS.remove("contacts")
        SECTIONS.add("contacts", contacts)


# --- the flows ----------------------------------------------------------------------------


@dataclass
class Flow:
    user: User
    before: bool
    seen: dict[str, Any] = field(default_factory=dict)

    def start(self, unlocked: Any) -> Any:
        """Log in: the window as it opens, 1280x800."""
        from desktop.controller import MainController
        from desktop.presenters.households import HouseholdsPresenter

        if self.before:  # the focus did not go to the search field
            with patched(HouseholdsPresenter, "focus_search", lambda _self: None):
                controller = MainController(unlocked)
        else:
            controller = MainController(unlocked)
        controller.window.resize(1280, 800)
        controller.window.show()
        controller.search()
        self.user.window = controller.window
        self.user.focus()
        return controller

    # A: register a household with two members ----------------------------------------------

    def register(self, controller: Any) -> None:
        from views.dialogs import PersonDialog, RegistrationDialog

        u = self.user
        u.now = u.tallies["A"]

        def registration(_dialog: QDialog) -> None:
            for value in ("De Vries", "Kastanjelaan", "12", "1234AB", "Voorbeeldstad"):
                if value != "De Vries":
                    u.press(Key.Key_Tab)
                u.write(value)
            u.press(Key.Key_Return, command=True)

        with u.form(RegistrationDialog, registration):
            u.press(Key.Key_N, Mod.ControlModifier)
        dossier = controller.window.tabs.currentWidget()
        self.seen["dossier"] = dossier

        def member(first: str, born: str, role_key: str | None) -> Callable[[QDialog], None]:
            def fill(_dialog: QDialog) -> None:
                u.write(first)
                if self.before:  # an empty surname: typed, the tussenvoegsel too
                    u.press(Key.Key_Tab)
                    u.write("de")
                    u.press(Key.Key_Tab)
                    u.write("Vries")
                    u.press(Key.Key_Tab)
                else:  # proposed: read and passed
                    for _ in range(3):
                        u.press(Key.Key_Tab)
                    u.think()
                u.write(born)
                if self.before and role_key:  # the role picked by typing ('o' is Overig)
                    u.press(Key.Key_Tab)
                    u.write(role_key)
                else:  # Kind was the default before; now the proposal from the date of birth
                    u.think()
                u.press(Key.Key_Return, command=True)

            return fill

        for first, born, role_key in (("Jan", "12-03-1985", "ou"), ("Sem", "01-04-2015", None)):
            with u.form(PersonDialog, member(first, born, role_key)):
                if self.before:
                    u.click(dossier.section("members").add_button)
                else:
                    u.press(Key.Key_G, Mod.AltModifier)

    # B: find the household and log a contact -------------------------------------------------

    def log_contact(self, controller: Any) -> None:
        from views.dialogs import ContactDialog
        from views.household_table_model import ID_ROLE

        u = self.user
        u.now = u.tallies["B"]
        listing = controller.household_list
        if self.before:
            u.press(Key.Key_F, Mod.ControlModifier)  # to the search field
        u.write("vries 1234")
        wait_until(lambda: not listing._timer.isActive())  # the list as the user sees it
        QApplication.processEvents()
        target = self.seen["household_id"]
        row = next(
            r
            for r in range(listing.model.rowCount())
            if listing.model.index(r, 0).data(ID_ROLE) == target
        )
        self.seen["hits"] = listing.model.rowCount()
        if self.before:  # Enter opened the first hit; another one is double-clicked
            if row == 0:
                u.press(Key.Key_Return, command=True)
            else:
                table = listing.table
                u.click(
                    table.viewport(),
                    table.visualRect(table.model().index(row, 1)).center(),
                    double=True,
                )
        else:  # Down into the list, down to the hit, Enter: one choice, thought of once
            u.press(Key.Key_Down)
            for _ in range(row):
                u.press(Key.Key_Down)
            u.press(Key.Key_Return, command=True)
        dossier = controller.window.tabs.currentWidget()
        assert dossier.household_id == target, "the wrong household opened"

        def contact(dialog: QDialog) -> None:
            assert u.focus() is dialog.field("note")  # type: ignore[attr-defined]
            u.think()  # the date (today) and the kind (huisbezoek) are defaults in both runs
            if self.before:  # back to the medewerker, typing the start of one's name
                u.press(Key.Key_Tab, Mod.ShiftModifier)
                u.write("Anouk")
                u.press(Key.Key_Tab)
            else:
                u.think()  # the medewerker proposed: oneself
            u.write(NOTE)
            u.press(Key.Key_Tab)  # on to Opslaan
            u.press(Key.Key_Return, command=True)

        with u.form(ContactDialog, contact):
            button = dossier.section("contacts").add_button
            if self.before:
                u.scroll_into_view(button)
                u.click(button)
            else:
                u.press(Key.Key_C, Mod.AltModifier)

    # C: score a ZRM for the second member ---------------------------------------------------

    def score_zrm(self, controller: Any) -> None:
        from views.zrm import ZrmScoringDialog

        u = self.user
        u.now = u.tallies["C"]
        dossier = controller.window.tabs.currentWidget()
        section = dossier.section("measurements")
        sem = "Sem de Vries"

        def score(_dialog: QDialog) -> None:
            for level in ZRM_LEVELS:  # one decision per domain; the cursor moves down itself
                u.write(level)
            u.press(Key.Key_Return, command=True)

        with u.form(ZrmScoringDialog, score):
            if self.before:
                u.scroll_into_view(section.member)  # (it is in view: no scrolling counted)
                u.choose(section.member, sem)
                u.click(section.findChild(QWidget, "score_zrm"))
            else:  # Alt+D to the member box, Down to the second member, Alt+Z
                u.press(Key.Key_D, Mod.AltModifier)
                u.press(Key.Key_Down)
                assert section.member.currentText() == sem
                u.press(Key.Key_Z, Mod.AltModifier)


def run(db: Path, before: bool) -> dict[str, Tally]:
    from desktop.session import unlock
    from models import households as service
    from models import zrm
    from models.enums import MemberRole

    unlocked = unlock(db, LOGIN, PASSWORD)
    user = User()
    flow = Flow(user, before)
    controller = flow.start(unlocked)
    flow.register(controller)
    flow.seen["household_id"] = flow.seen["dossier"].household_id
    flow.score_zrm(controller)  # C in the dossier A opened, so B finds one with a ZRM
    controller.window.close()

    controller = flow.start(unlocked)  # a new login for task B
    flow.log_contact(controller)
    controller.window.close()

    with unlocked.store.sessions() as session:  # was each task really done?
        stored = service.load_dossier(session, flow.seen["household_id"])
        members = [(m.full_name, m.role) for m in stored.members]
        assert members == [("Jan de Vries", MemberRole.OUDER), ("Sem de Vries", MemberRole.KIND)], (
            members
        )
        assert stored.household.postcode == "1234 AB"
        ((when, medewerker, note),) = [
            (c.contact_date, c.medewerker, c.note) for c in stored.contacts
        ]
        assert (when, medewerker, note) == (date.today(), "Anouk Verbeek", NOTE)
        (measurement,) = zrm.person_measurements(session, stored.members[1].id)
        assert measurement.complete
    unlocked.close()
    print(
        f"  {'before' if before else 'after '}: the search showed {flow.seen['hits']} hits; "
        "every task checked in the store"
    )
    return user.tallies


def build(folder: Path) -> Path:
    """A demo store with a team, accounts and 40 households, and a namesake of the household
    task A registers, at the same postcode."""
    from desktop.demo import create_demo_database
    from desktop.keyring import KdfCost
    from models import households as service
    from models.records import HouseholdDraft, RegistrationDraft, TrajectDraft

    db = folder / "template.sqlite"
    cheap = KdfCost(time_cost=1, memory_cost=8192, parallelism=1)
    unlocked = create_demo_database(db, 40, cost=cheap)
    with unlocked.store.sessions.begin() as session:
        namesake = HouseholdDraft("De Vries", "Kastanjelaan", "3", "1234 AB", "Voorbeeldstad")
        service.register_household(session, RegistrationDraft(namesake, TrajectDraft(date.today())))
    unlocked.close()
    return db


def copy_of(template: Path, name: str) -> Path:
    from desktop.keyring import keyring_path

    target = template.with_name(name)
    shutil.copy(template, target)
    shutil.copy(keyring_path(template), keyring_path(target))
    return target


def report(before: dict[str, Tally], after: dict[str, Tally]) -> None:
    print()
    print(
        f"{'task':<46} {'run':<7} {'chars':>5} {'keys':>5} {'clicks':>6} {'H':>3} {'M':>3}"
        f" {'KLM':>7}"
    )
    totals = [0.0, 0.0]
    for task, what in TASKS.items():
        for label, tally in (("before", before[task]), ("after", after[task])):
            print(
                f"{task + '  ' + what:<46} {label:<7} {tally.chars:>5} {tally.keys:>5}"
                f" {tally.clicks:>6} {tally.homings:>3} {tally.mentals:>3}"
                f" {tally.seconds():>6.1f}s"
            )
        b, a = before[task].seconds(), after[task].seconds()
        totals[0] += b
        totals[1] += a
        print(f"{'':<46} {'ratio':<7} after/before = {a / b:.2f}  ({b - a:.1f} s less)")
    print(
        f"\nall three tasks: {totals[0]:.1f} s before, {totals[1]:.1f} s after,"
        f" ratio {totals[1] / totals[0]:.2f}"
    )


def main() -> int:
    from desktop.app import make_application

    make_application()
    print(__doc__.split("\n\n")[0])
    print(f"KLM: K={K} s a keystroke, P+B={P}+{B} s a click, H={H} s homing, M={M} s thinking")
    with tempfile.TemporaryDirectory(prefix="teamtafel-keyboard-") as folder:
        template = build(Path(folder))
        with defaults_off():
            before = run(copy_of(template, "before.sqlite"), before=True)
        after = run(copy_of(template, "after.sqlite"), before=False)
    report(before, after)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
