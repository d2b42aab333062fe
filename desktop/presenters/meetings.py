"""The Overleggen tab: plan meetings, name who attends, bring cases in and order the agenda,
put the app's proposals on it, and start the meeting (meeting mode) or print its minutes."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from desktop.presenters import meeting_mode, minutes
from desktop.presenters.ui import Ui
from desktop.registry import TABS, ScreenContext, Tab, screen
from desktop.usecases import households, meetings, organisations
from desktop.usecases.base import Changed
from desktop.usecases.meetings import MEETINGS
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    MeetingDraft,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    MeetingSummary,
    Proposal,
)
from models.records import HouseholdRow, HouseholdSort
from models.validation import Problem
from views.meetings import (
    AgendaItemDialog,
    AttendeesDialog,
    Chosen,
    MeetingDialog,
    MeetingsWidget,
    Rights,
    household_label,
    meeting_title,
)

FOUND_AT_MOST = 25  # households offered by the picker's search


def in_order(found: Sequence[MeetingSummary]) -> list[MeetingSummary]:
    """Running and planned meetings first, soonest first; then the closed ones, latest first."""
    coming = sorted(
        (m for m in found if m.status is not MeetingStatus.GESLOTEN),
        key=lambda m: (m.status is not MeetingStatus.BEZIG, m.held_on, m.starts_at, m.number),
    )
    closed = sorted(
        (m for m in found if m.status is MeetingStatus.GESLOTEN),
        key=lambda m: (m.held_on, m.starts_at, m.number),
        reverse=True,
    )
    return coming + closed


def first_to_show(found: Sequence[MeetingSummary], today: date) -> uuid.UUID | None:
    """A running meeting, or else the next planned one (from today), or else the first."""
    for wanted in (
        lambda m: m.status is MeetingStatus.BEZIG,
        lambda m: m.status is MeetingStatus.GEPLAND and m.held_on >= today,
        lambda m: m.status is MeetingStatus.GEPLAND,
    ):
        chosen = next((m for m in found if wanted(m)), None)
        if chosen is not None:
            return chosen.id
    return found[0].id if found else None


class MeetingsPresenter:
    """Refreshed after every change: a household's name or a new aanmelding changes the agenda
    and the proposals as much as a change to the meeting itself. ``today`` (None: the
    computer's date) picks the meeting shown first, the date a new meeting is proposed on,
    and meeting mode's date."""

    def __init__(self, ui: Ui, *, today: date | None = None) -> None:
        self.ui = ui
        self.today = today
        self.widget = MeetingsWidget(ui.codes)
        self.meeting: MeetingRecord | None = None
        self._chosen_id: uuid.UUID | None = None
        self._labels: dict[uuid.UUID, str] = {}  # households the picker found, for a retry
        self._item_to_select: uuid.UUID | None = None
        w = self.widget
        w.selected.connect(self._show)
        w.newRequested.connect(self.new)
        w.editRequested.connect(self.edit)
        w.attendeesRequested.connect(self.attendees)
        w.startRequested.connect(self.start)
        w.minutesRequested.connect(self.print_minutes)
        w.bringInRequested.connect(lambda meeting_id: self.bring_in(meeting_id))
        w.itemEditRequested.connect(self.edit_item)
        w.itemRemoveRequested.connect(self.remove_item)
        w.orderRequested.connect(self.order)
        w.agendaClosedRequested.connect(self.close_agenda)
        w.proposalRequested.connect(self.bring_in)
        w.shown.connect(self._when_shown)
        ui.changed.connect(self._on_changed)
        self._stale = False
        self.refresh()

    def _on_changed(self, _change: Changed) -> None:
        """A tab out of view refreshes when it comes into view, not after every change made
        elsewhere (a dossier save, each case in meeting mode)."""
        if self.widget.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _when_shown(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        found = self.ui.attempt(lambda: meetings.list_meetings(self.ui.unlocked))
        if found is None:
            return
        ordered = in_order(found)
        keep = self._chosen_id if any(m.id == self._chosen_id for m in ordered) else None
        self.widget.show_meetings(ordered, keep or first_to_show(ordered, self._today()))
        if not ordered:
            self._show(None)

    def _today(self) -> date:
        return self.today or date.today()

    def select(self, meeting_id: uuid.UUID) -> None:
        self._chosen_id = meeting_id
        self.refresh()

    def _show(self, meeting_id: uuid.UUID | None) -> None:
        if meeting_id is None:
            self.meeting = None
            self.widget.show_meeting(None, Rights(False), [])
            return
        self._chosen_id = meeting_id
        unlocked = self.ui.unlocked
        record = self.ui.attempt(lambda: meetings.get_meeting(unlocked, meeting_id))
        me = self.ui.attempt(lambda: meetings.me_in(unlocked, meeting_id))
        if record is None or me is None:
            return
        proposals: list[Proposal] = []
        if record.status is MeetingStatus.GEPLAND:  # proposals are for planning an agenda
            proposals = self.ui.attempt(lambda: meetings.proposals_for(unlocked, meeting_id)) or []
        self.meeting = record
        self.widget.show_meeting(record, Rights(me.chairs, me.medewerker_id), proposals)
        if self._item_to_select is not None:
            self.widget.select_item(self._item_to_select)
            self._item_to_select = None

    def _record(self, meeting_id: uuid.UUID) -> MeetingRecord | None:
        return self.ui.attempt(lambda: meetings.get_meeting(self.ui.unlocked, meeting_id))

    # --- the meeting -------------------------------------------------------------------

    def _ask_meeting(
        self, draft: MeetingDraft | None, problems: dict[str, Problem] | None, *, adding: bool
    ) -> MeetingDraft | None:
        return MeetingDialog.ask(
            self.ui.window,
            draft,
            problems,
            medewerkers=households.medewerkers(self.ui.unlocked),
            adding=adding,
        )

    def new(self) -> None:
        """A new meeting: proposed a week after the latest one of the same kind."""
        proposed = self._proposed_draft()

        def save(draft: MeetingDraft) -> Changed:
            self._chosen_id = meetings.plan_meeting(self.ui.unlocked, draft)
            return Changed(None, frozenset({MEETINGS}))

        self.ui.ask_and_save(
            lambda draft, problems: self._ask_meeting(draft or proposed, problems, adding=True),
            save,
        )

    def _proposed_draft(self) -> MeetingDraft:
        latest = self.meeting
        if latest is None or latest.held_on is None:  # the team's first: today, chaired by me
            me = self.ui.attempt(lambda: households.own_medewerker(self.ui.unlocked))
            return MeetingDraft(MeetingKind.CASUISTIEK, self._today(), chair_id=me)
        held_on = latest.held_on + timedelta(days=7)
        while held_on < self._today():
            held_on += timedelta(days=7)
        draft = latest.draft
        return MeetingDraft(
            draft.kind, held_on, draft.starts_at, draft.location, draft.chair_id, None
        )

    def edit(self, meeting_id: uuid.UUID) -> None:
        record = self._record(meeting_id)
        if record is None:
            return
        original = record.draft
        self.ui.ask_and_save(
            lambda draft, problems: self._ask_meeting(draft or original, problems, adding=False),
            lambda draft: meetings.update_meeting(self.ui.unlocked, meeting_id, draft),
            original=original,
        )

    def attendees(self, meeting_id: uuid.UUID) -> None:
        record = self._record(meeting_id)
        if record is None:
            return
        original = [a.draft for a in record.attendees]
        unlocked = self.ui.unlocked
        team = households.medewerkers(unlocked)
        known = organisations.list_organisations(unlocked)

        def ask(
            draft: list[AttendeeDraft] | None, problems: dict[str, Problem] | None
        ) -> list[AttendeeDraft] | None:
            return AttendeesDialog.ask(
                self.ui.window,
                draft,
                problems,
                original=original,
                medewerkers=team,
                organisations=known,
            )

        self.ui.ask_and_save(
            ask,
            lambda drafts: meetings.set_attendees(unlocked, meeting_id, drafts),
            original=original,
        )

    def start(self, meeting_id: uuid.UUID) -> None:
        """Start a planned meeting (the agenda closes) and walk it in meeting mode; a running
        one is picked up where it was."""
        record = self._record(meeting_id)
        if record is None:
            return
        if record.status is MeetingStatus.GEPLAND:
            started = self.ui.attempt(lambda: meetings.start_meeting(self.ui.unlocked, meeting_id))
            if started is None:
                return
        meeting_mode.open_meeting_mode(self.ui, meeting_id, today=self.today)

    def print_minutes(self, meeting_id: uuid.UUID) -> None:
        minutes.print_minutes(self.ui, meeting_id)

    # --- the agenda --------------------------------------------------------------------

    def search(self, query: str) -> list[HouseholdRow]:
        """The household picker's search: the household list's own, every household."""
        rows = households.page(
            self.ui.unlocked,
            query,
            open_only=False,
            sort=HouseholdSort.NAME,
            descending=False,
            offset=0,
            limit=FOUND_AT_MOST,
        )
        for row in rows:
            self._labels[row.id] = household_label(row)
        return rows

    def _chosen(self, household_id: uuid.UUID | None) -> Chosen | None:
        if household_id is None or household_id not in self._labels:
            return None
        return household_id, self._labels[household_id]

    def _item_form(
        self, first: AgendaItemDraft | None, **shown_with: object
    ) -> Callable[[AgendaItemDraft | None, dict[str, Problem] | None], AgendaItemDraft | None]:
        """The case form, opening with ``first`` and coming back as typed after a refusal."""

        def ask(
            draft: AgendaItemDraft | None, problems: dict[str, Problem] | None
        ) -> AgendaItemDraft | None:
            shown = draft or first
            return AgendaItemDialog.ask(
                self.ui.window,
                shown,
                problems,
                search=self.search,
                codes=self.ui.codes,
                current=self._chosen(shown.household_id if shown else None),
                **shown_with,  # type: ignore[arg-type]
            )

        return ask

    def bring_in(self, meeting_id: uuid.UUID, proposal: Proposal | None = None) -> None:
        """Bring a case in; from a proposal, with its household and question filled in."""
        record = self._record(meeting_id)
        if record is None:
            return
        first: AgendaItemDraft | None = None
        reason = ""
        if proposal is not None:
            first = AgendaItemDraft(
                proposal.household_id, proposal.question, proposed=proposal.kind
            )
            self._labels[proposal.household_id] = (
                f"{proposal.household_name} ({proposal.dossier_number})"
            )
            reason = proposal.reason
        title = meeting_title(record.kind, record.number)
        if record.held_on is not None:
            title += f" van {record.held_on:%d-%m-%Y}"

        ask = self._item_form(first, meeting=title, reason=reason)
        self.ui.ask_and_save(
            ask, lambda draft: meetings.bring_in(self.ui.unlocked, meeting_id, draft)
        )

    def edit_item(self, item_id: uuid.UUID) -> None:
        item = (
            next((i for i in self.meeting.items if i.id == item_id), None) if self.meeting else None
        )
        if item is None:
            return
        original = item.draft
        self._labels[item.household_id] = f"{item.household_name} ({item.dossier_number})"

        ask = self._item_form(original, adding=False)
        self._item_to_select = item_id
        self.ui.ask_and_save(
            ask,
            lambda draft: meetings.update_item(self.ui.unlocked, item_id, draft),
            original=original,
        )

    def remove_item(self, item_id: uuid.UUID) -> None:
        item = (
            next((i for i in self.meeting.items if i.id == item_id), None) if self.meeting else None
        )
        if item is None:
            return
        if not self.ui.confirm(
            f"De casus {item.household_name} ({item.dossier_number}) van de agenda halen?"
        ):
            return
        self.ui.attempt(lambda: meetings.remove_item(self.ui.unlocked, item_id))

    def order(self, meeting_id: uuid.UUID, item_ids: list[uuid.UUID]) -> None:
        """The chair's new order; the moved case stays selected."""
        selected = self.widget.selected_item()
        self._item_to_select = selected.id if selected else None
        self.ui.attempt(lambda: meetings.order_agenda(self.ui.unlocked, meeting_id, item_ids))
        self._item_to_select = None

    def close_agenda(self, meeting_id: uuid.UUID, closed: bool) -> None:
        self.ui.attempt(lambda: meetings.set_agenda_closed(self.ui.unlocked, meeting_id, closed))


TABS.add("overleggen", Tab("overleggen", "Overleggen", 5, MeetingsPresenter))


# --- screens -------------------------------------------------------------------------------------


def _planned_meeting(context: ScreenContext) -> uuid.UUID:
    """A planned casuïstiekoverleg with attendees and three cases (made the first time)."""
    unlocked = context.unlocked
    for summary in in_order(meetings.list_meetings(unlocked)):
        if summary.status is MeetingStatus.GEPLAND and summary.items >= 2:
            return summary.id
    team = [m for m in households.medewerkers(unlocked) if m.active]
    chair = team[0].id if team else None
    held_on = date.today() + timedelta(days=(1 - date.today().weekday()) % 7 or 7)
    meeting_id = meetings.plan_meeting(
        unlocked,
        MeetingDraft(
            MeetingKind.CASUISTIEK,
            held_on,
            "09:30",
            "Teamkamer, wijkcentrum De Schakel",
            chair,
            team[1].id if len(team) > 1 else chair,
        ),
    )
    meetings.set_attendees(
        unlocked,
        meeting_id,
        [AttendeeDraft(m.id) for m in team[:4]]
        + [AttendeeDraft(name="Jan de Wit", discipline="huisarts")],
    )
    questions = (
        (
            "Moeder vraagt hulp bij de schulden; wie kan meedenken over een passende verwijzing?",
            "hoog",
        ),
        (
            "Zoon gaat niet meer naar school. Hoe krijgen we leerplicht en school samen aan tafel?",
            "normaal",
        ),
        ("Vader wil het netwerk meer betrekken. Ideeën voor een netwerkberaad?", "laag"),
    )
    rows = households.page(
        unlocked, "", open_only=True, sort=HouseholdSort.NAME, descending=False, offset=0, limit=3
    )
    for n, (row, (question, urgency)) in enumerate(zip(rows, questions, strict=False)):
        meetings.bring_in(
            unlocked,
            meeting_id,
            AgendaItemDraft(
                row.id,
                question,
                urgency if context.ui.codes.has("urgentie", urgency) else "normaal",
                team[n % len(team)].id if team else None,
            ),
        )
    return meeting_id


@screen("overleggen", order=14)
def _meetings_screen(context: ScreenContext) -> QWidget:
    """The Overleggen tab with a planned meeting and its agenda selected."""
    meeting_id = _planned_meeting(context)
    presenter = context.controller.tabs["overleggen"]
    assert isinstance(presenter, MeetingsPresenter)
    presenter.select(meeting_id)
    context.ui.window.tabs.setCurrentWidget(presenter.widget)  # type: ignore[attr-defined]
    if presenter.widget.agenda.rowCount():
        presenter.widget.agenda.selectRow(0)
    return context.ui.window


@screen("agenda-inbrengen", order=15)
def _bring_in_screen(context: ScreenContext) -> QWidget:
    """Bringing a case in: the household found by its name, a question, an urgency."""
    meeting_id = _planned_meeting(context)
    record = meetings.get_meeting(context.unlocked, meeting_id)
    presenter = context.controller.tabs["overleggen"]
    assert isinstance(presenter, MeetingsPresenter)
    on_agenda = {i.household_id for i in record.items}
    rows = households.page(
        context.unlocked,
        "",
        open_only=True,
        sort=HouseholdSort.NAME,
        descending=True,
        offset=0,
        limit=10,
    )
    row = next((r for r in rows if r.id not in on_agenda), rows[0] if rows else None)
    dialog = AgendaItemDialog(
        AgendaItemDraft(
            row.id if row else None,
            "Er zijn zorgen over de veiligheid van de jongste. Moeten we opschalen, en wie "
            "doet de risicotaxatie?",
            "hoog" if context.ui.codes.has("urgentie", "hoog") else "normaal",
        ),
        context.ui.window,
        search=presenter.search,
        codes=context.ui.codes,
        current=(row.id, household_label(row)) if row else None,
        meeting=f"{meeting_title(record.kind, record.number)} van {record.held_on:%d-%m-%Y}",
    )
    if row is not None:
        dialog.field("search").setText(row.name)
        dialog.run_search()
        dialog.field("household").setCurrentIndex(
            max(dialog.field("household").findData(str(row.id)), 0)
        )
    return dialog
