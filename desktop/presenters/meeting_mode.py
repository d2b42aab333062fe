"""Meeting mode: one window that walks a running meeting's agenda case by case.

The Overleggen tab calls :func:`open_meeting_mode` after starting a meeting. Nothing typed is
lost: while the minute-taker types, the case's notes are kept in the werkkopie store (a
short timer after the last keystroke), and they become the record — in the transaction
that deletes the copy — on moving to another case, ending a case, closing the meeting or
the window, or when the user puts the copy back after a crash (:func:`reopen_notes`, offered
at the next login). Keystrokes never reach the correction history; one user's edits of a
case in one meeting are one change per field (models.meetings).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.presenters.werkkopie import REOPENERS
from desktop.registry import ScreenContext, screen
from desktop.usecases import households, meetings, organisations, werkkopie
from desktop.usecases.base import Changed
from desktop.usecases.werkkopie import WerkkopieRecord
from models.meeting_records import (
    AgendaItemDraft,
    AgendaItemRecord,
    AttendeeDraft,
    CaseNotes,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
)
from models.records import ActionDraft, HouseholdSort
from models.validation import Problem
from views.actions import ActionDialog
from views.meeting_mode import DecisionDialog, MeetingModeWindow

CLOSING_WAIT_MS = 5000  # closing the window waits this long for a colleague's save
NOT_KEPT_ON_CLOSE = (
    "Uw aantekeningen bij deze casus konden nu niet worden bewaard: een collega is net aan het "
    "opslaan. Het venster blijft open met wat u typte; sluit het over een ogenblik opnieuw."
)


class MeetingModePresenter(QObject):
    """One running meeting in its own window; ``today`` is when actions are agreed."""

    KEEP_MS = 1500  # after the last keystroke, the notes are kept as a werkkopie

    def __init__(self, ui: Ui, meeting_id: uuid.UUID, *, today: date | None = None) -> None:
        super().__init__(ui)
        self.ui = ui
        self.meeting_id = meeting_id
        self.today = today
        self.window = MeetingModeWindow(ui.window)
        self.meeting: MeetingRecord | None = None
        self.index = 0
        self._base = CaseNotes()  # the case's notes as recorded when it was shown
        self._copy_id = uuid.uuid4()  # the werkkopie of the notes of the case in view
        self._stored = False  # that copy is in the store
        self._own_change = False  # see _acting
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.KEEP_MS)
        self._timer.timeout.connect(self.keep_now)
        window = self.window
        window.notesEdited.connect(self._edited)
        window.caseChosen.connect(self.go)
        window.previousRequested.connect(lambda: self.go(self.index - 1))
        window.nextRequested.connect(lambda: self.go(self.index + 1))
        window.endRequested.connect(lambda: self.end_case(ItemOutcome.BESPROKEN))
        window.carryOverRequested.connect(lambda: self.end_case(ItemOutcome.DOORGESCHOVEN))
        window.closeMeetingRequested.connect(self.close_meeting)
        window.decisionRequested.connect(self.add_decision)
        window.actionRequested.connect(self.add_action)
        window.closing.connect(self._closing)
        window.may_close = self._may_close
        ui.changed.connect(self._on_changed)

    # --- showing ------------------------------------------------------------------------

    @property
    def item(self) -> AgendaItemRecord:
        assert self.meeting is not None
        return self.meeting.items[self.index]

    def _reload(self) -> bool:
        found = self.ui.attempt(
            lambda: meetings.get_meeting(self.ui.unlocked, self.meeting_id), self.window
        )
        if found is None:
            return False
        self.meeting = found
        return True

    def open(self, item_id: uuid.UUID | None = None, copy: WerkkopieRecord | None = None) -> bool:
        """Show the window at ``item_id`` (or the first case still open), with the notes of
        ``copy`` (typed before a crash) over the recorded ones."""
        if not self._reload():
            return False
        assert self.meeting is not None
        items = self.meeting.items
        if not items:
            return False
        index = next((n for n, i in enumerate(items) if i.id == item_id), None)
        if index is None and (item_id is not None or copy is not None):
            return False  # that case is gone: its typed notes are never shown on another
        if index is None:
            index = next((n for n, i in enumerate(items) if i.outcome is ItemOutcome.OPEN), 0)
        self._show(index, copy)
        self.window.show()
        self.window.activateWindow()
        return True

    def _show(self, index: int, copy: WerkkopieRecord | None = None) -> None:
        assert self.meeting is not None
        meeting = self.meeting
        self.index = index
        item = self.item
        self._base = item.notes
        self._copy_id, self._stored = (copy.id, True) if copy else (uuid.uuid4(), False)
        typed = CaseNotes.from_fields(copy.fields, item.notes) if copy else item.notes
        self.window.show_meeting(meeting)
        self.window.show_agenda(meeting.items, index, guarded=meeting.guarded)
        self.window.show_case(item, typed)
        self.window.show_lists(item.decisions, item.actions)
        self.window.set_running(meeting.status is MeetingStatus.BEZIG)
        unlocked = self.ui.unlocked
        summary = self.ui.attempt(
            lambda: meetings.case_summary(unlocked, item.household_id, today=self.today),
            self.window,
        )
        self.window.show_summary(summary)

    def _refresh_lists(self) -> None:
        """After a decision or an action: the lists and the agenda, not the notes typed."""
        if self._reload():
            assert self.meeting is not None
            self.window.show_agenda(self.meeting.items, self.index, guarded=self.meeting.guarded)
            self.window.show_lists(self.item.decisions, self.item.actions)

    @contextmanager
    def _acting(self) -> Iterator[None]:
        """This window's own changes: it reads the meeting again itself afterwards."""
        self._own_change = True
        try:
            yield
        finally:
            self._own_change = False

    def _on_changed(self, change: Changed) -> None:
        """Someone else changed the meeting (an external attendee added, a case brought in by
        the chair): the agenda and whether it may be on screen follow at once."""
        if self._own_change or self.meeting is None or not change.touches(meetings.MEETINGS):
            return
        if self._reload():
            assert self.meeting is not None
            self.index = min(self.index, len(self.meeting.items) - 1)
            self.window.show_meeting(self.meeting)
            self.window.show_agenda(self.meeting.items, self.index, guarded=self.meeting.guarded)

    # --- the notes ----------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def keep_now(self) -> None:
        """The notes as typed now, into the werkkopie store (only what differs from the
        record); a busy store is tried again a moment later."""
        if self.meeting is None:
            return
        recorded = self._base.fields()
        typed = {k: v for k, v in self.window.notes().fields().items() if recorded[k] != v}
        if not typed and not self._stored:
            return
        if not self._keep(typed=typed):
            self._timer.start()

    def _keep(self, *, typed: dict[str, str] | None = None, wait_ms: int | None = None) -> bool:
        """Store what differs from the record as the werkkopie; True when it is stored."""
        assert self.meeting is not None
        item, recorded = self.item, self._base.fields()
        if typed is None:
            typed = {k: v for k, v in self.window.notes().fields().items() if recorded[k] != v}
        title = f"Verslag van casus {item.position} in overleg {self.meeting.number}"
        place = meetings.notes_place(item.household_id, item.id)
        was = {key: recorded[key] for key in typed}
        kept = werkkopie.keep(
            self.ui.unlocked, self._copy_id, place, title, typed, was, wait_ms=wait_ms
        )
        self._stored = self._stored or kept
        return kept

    def commit(self) -> bool:
        """The notes as typed become the record (and their werkkopie goes in the same
        transaction). False when the record refuses them: the copy is kept, the user is told."""
        self._timer.stop()
        if self.meeting is None:
            return True
        notes = self.window.notes()
        if notes == self._base:
            if self._stored:
                werkkopie.discard(self.ui.unlocked, self._copy_id)
                self._stored = False
            return True
        item_id, copy_id, base = self.item.id, self._copy_id if self._stored else None, self._base
        recorded = self.ui.attempt(
            lambda: meetings.record_notes(
                self.ui.unlocked, item_id, notes, copy_id=copy_id, base=base
            ),
            self.window,
        )
        if recorded is None:
            self.keep_now()  # refused (a missing reason): kept, to fix or to put back later
            return False
        self._base, self._stored, self._copy_id = notes, False, uuid.uuid4()
        return True

    # --- walking the agenda -----------------------------------------------------------------

    def go(self, index: int) -> None:
        assert self.meeting is not None
        if index == self.index or not 0 <= index < len(self.meeting.items):
            return
        with self._acting():
            moved = self.commit() and self._reload()
        if not moved:
            self.window.show_agenda(self.meeting.items, self.index, guarded=self.meeting.guarded)
            return
        self._show(index)

    def end_case(self, outcome: ItemOutcome) -> None:
        """Casus afronden (besproken: only once veiligheid besproken is confirmed) or niet
        besproken, doorgeschoven; then on to the next case still open."""
        with self._acting():
            if not self.commit():
                return
            item_id = self.item.id
            ended = self.ui.attempt(
                lambda: meetings.end_case(self.ui.unlocked, item_id, outcome), self.window
            )
            if ended is None or not self._reload():
                return
        assert self.meeting is not None
        items = self.meeting.items
        order = [*range(self.index + 1, len(items)), *range(self.index)]
        following = next((n for n in order if items[n].outcome is ItemOutcome.OPEN), self.index)
        self._show(following)

    def close_meeting(self) -> None:
        if not self.commit():
            return
        closed = self.ui.attempt(
            lambda: meetings.close_meeting(self.ui.unlocked, self.meeting_id), self.window
        )
        if closed is not None:
            self.ui.inform("Het overleg is gesloten. De notulen zijn klaar.", self.window)
            self.window.close()

    def _may_close(self) -> bool:
        """Before the window closes the notes become the record, or stay a werkkopie (a
        refused record). When neither can be written now (a colleague's save holds the
        database), the window stays open with what was typed."""
        if self.commit() or self._stored:
            return True
        if self.meeting is not None and self._keep(wait_ms=CLOSING_WAIT_MS):
            return True
        self.ui.inform(NOT_KEPT_ON_CLOSE, self.window)
        return False

    def _closing(self) -> None:
        """The window closes; its notes were recorded or kept by :meth:`_may_close`."""
        self.window.may_close = None  # no cycle between window and presenter keeps either
        self.ui.changed.disconnect(self._on_changed)
        self._timer.stop()
        self.meeting = None
        self.window.deleteLater()
        self.deleteLater()

    # --- decisions and actions ----------------------------------------------------------------

    def add_decision(self) -> None:
        unlocked = self.ui.unlocked
        item_id = self.item.id
        team = households.medewerkers(unlocked)
        known = organisations.list_organisations(unlocked)
        hulpvormen = self.ui.codes.items("hulpvorm")
        with self._acting():
            self.ui.ask_and_save(
                lambda draft, problems: DecisionDialog.ask(
                    self.window,
                    draft,
                    problems,
                    team=team,
                    organisations=known,
                    hulpvormen=hulpvormen,
                ),
                lambda draft: meetings.add_decision(unlocked, item_id, draft),
            )
        self._refresh_lists()

    def add_action(self) -> None:
        """An action agreed on the case: not due before the meeting's date."""
        assert self.meeting is not None
        unlocked = self.ui.unlocked
        item = self.item
        dossier = self.ui.attempt(lambda: households.dossier(unlocked, item.household_id))
        if dossier is None:
            return
        team = households.medewerkers(unlocked)
        known = organisations.list_organisations(unlocked)
        held_on = self.meeting.held_on

        def ask(
            draft: ActionDraft | None, problems: dict[str, Problem] | None
        ) -> ActionDraft | None:
            return ActionDialog.ask(
                self.window,
                draft,
                problems,
                members=[(m.id, m.full_name) for m in dossier.members],
                medewerkers=team,
                organisations=known,
                not_before=held_on,
                adding=True,
            )

        with self._acting():
            self.ui.ask_and_save(
                ask, lambda draft: meetings.add_action(unlocked, item.id, draft, today=self.today)
            )
        self._refresh_lists()


def _running(ui: Ui, meeting_id: uuid.UUID) -> MeetingModePresenter | None:
    return next(
        (p for p in ui.findChildren(MeetingModePresenter) if p.meeting_id == meeting_id), None
    )


def open_meeting_mode(
    ui: Ui,
    meeting_id: uuid.UUID,
    item_id: uuid.UUID | None = None,
    *,
    today: date | None = None,
) -> MeetingModePresenter | None:
    """Meeting mode for a running meeting (its window brought forward when open already);
    ``today`` (None: the computer's date) is when its actions are agreed."""
    presenter = _running(ui, meeting_id)
    if presenter is not None:
        if item_id is not None:
            index = next(
                (
                    n
                    for n, i in enumerate(presenter.meeting.items if presenter.meeting else ())
                    if i.id == item_id
                ),
                presenter.index,
            )
            presenter.go(index)
        presenter.window.showNormal()  # brought forward (also from the taskbar)
        presenter.window.activateWindow()
        return presenter
    presenter = MeetingModePresenter(ui, meeting_id, today=today)
    if not presenter.open(item_id):
        presenter.window.deleteLater()
        presenter.deleteLater()
        return None
    return presenter


def reopen_notes(ui: Ui, copy: WerkkopieRecord) -> bool:
    """A werkkopie of a case's notes, put back after a crash: the notes become the record,
    and a running meeting opens in meeting mode at that case."""
    item_id = uuid.UUID(copy.place.argument)
    meeting_id = ui.attempt(lambda: meetings.meeting_of_item(ui.unlocked, item_id))
    if meeting_id is None:
        return False
    if _running(ui, meeting_id) is not None:
        return False  # the meeting is open here already, with its own notes in view
    presenter = MeetingModePresenter(ui, meeting_id)
    if not presenter.open(item_id, copy):
        presenter.window.deleteLater()
        presenter.deleteLater()
        return False
    presenter.commit()  # refused (a missing reason)? the window shows it, the copy stays
    if presenter.meeting is not None and presenter.meeting.status is not MeetingStatus.BEZIG:
        presenter.window.close()  # a correction of a closed meeting's notes: recorded
    return True


REOPENERS[meetings.NOTES_OWNER] = reopen_notes


# --- screens --------------------------------------------------------------------------------


def _demo_meeting(context: ScreenContext, kind: MeetingKind) -> uuid.UUID:
    """A running meeting of ``kind`` with the showcase household first on its agenda (and
    two more when not guarded), made through the use cases when the demo has none."""
    unlocked = context.unlocked
    showcase = households.showcase(unlocked, context.dossier_number)
    for summary in meetings.list_meetings(unlocked):
        if summary.kind is kind and summary.status is MeetingStatus.BEZIG:
            found = meetings.get_meeting(unlocked, summary.id)
            if found.items and found.items[0].household_id == showcase:
                return found.id
    team = [m for m in households.medewerkers(unlocked) if m.active]
    chair, minutes = team[0].id, team[min(1, len(team) - 1)].id
    held_on = date.today()
    meeting_id = meetings.plan_meeting(
        unlocked, MeetingDraft(kind, held_on, "09:30", "Wijkcentrum", chair, minutes)
    )
    others = [
        row.id
        for row in households.page(
            unlocked,
            "",
            open_only=True,
            sort=HouseholdSort.DOSSIER,
            descending=False,
            offset=0,
            limit=8,
        )
        if row.id != showcase
    ][:3]
    questions = (
        "Hoe krijgen we de veiligheid van de kinderen thuis weer op orde?",
        "Is een verwijzing naar specialistische jeugdhulp nu nodig?",
        "Kan de regie naar een andere collega nu de schuldhulp loopt?",
        "Wie gaat het gesprek met school voeren?",
    )
    for household_id, question in zip([showcase, *others], questions, strict=False):
        meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(household_id, question, "hoog"))
    attendees = [AttendeeDraft(m.id) for m in team[:3]]
    if kind is MeetingKind.MDO:
        attendees.append(AttendeeDraft(name="Jan de Wit", discipline="huisarts"))
    meetings.set_attendees(unlocked, meeting_id, attendees)
    meetings.start_meeting(unlocked, meeting_id)
    return meeting_id


def _meeting_screen(context: ScreenContext, kind: MeetingKind) -> QWidget:
    presenter = MeetingModePresenter(context.ui, _demo_meeting(context, kind))
    presenter.open()
    presenter.window.resize(context.ui.window.size())
    return presenter.window


@screen("overleg", order=70)
def _meeting_mode_screen(context: ScreenContext) -> QWidget:
    """Meeting mode on a running casuïstiekoverleg: the agenda, the case, the summary."""
    return _meeting_screen(context, MeetingKind.CASUISTIEK)


@screen("overleg-beamer", order=71)
def _beamer_screen(context: ScreenContext) -> QWidget:
    """Meeting mode in an MDO with a partner present: only the current household shown."""
    return _meeting_screen(context, MeetingKind.MDO)
