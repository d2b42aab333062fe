"""The minutes of a meeting: choose the internal or an external version, see which cases the
external version leaves out, preview and save through the one print path."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.printing import show_document
from desktop.registry import ScreenContext, screen
from desktop.reports.minutes import kind_in_sentence
from desktop.usecases import meetings, organisations
from desktop.usecases import minutes as usecase
from desktop.usecases.minutes import left_out_text
from views.minutes import MinutesDialog

NOTHING_LEFT = (
    "Voor {organisation} is er niets af te drukken: voor geen enkele casus van dit overleg "
    "is er toestemming om gegevens met deze organisatie te delen."
)
NO_CASES = "Dit overleg heeft geen casussen; er zijn geen notulen af te drukken."


def _heading(ui: Ui, meeting_id: uuid.UUID) -> str | None:
    meeting = ui.attempt(lambda: meetings.get_meeting(ui.unlocked, meeting_id))
    if meeting is None:
        return None
    return f"Notulen {kind_in_sentence(meeting)} nr. {meeting.number}"


def print_minutes(ui: Ui, meeting_id: uuid.UUID) -> Path | None:
    """Ask which version, name what the external version leaves out, then the preview;
    returns the saved PDF's path (None when nothing was saved)."""
    heading = _heading(ui, meeting_id)
    if heading is None:
        return None
    found = ui.attempt(lambda: organisations.list_organisations(ui.unlocked, active_only=True))
    choice = MinutesDialog.ask(heading, found or [], ui.window)
    if choice is None:
        return None
    made = ui.attempt(
        lambda: usecase.minutes_document(
            ui.unlocked, meeting_id, organisation_id=choice.organisation_id
        )
    )
    if made is None:
        return None
    recipient = made.document.recipient if made.document else None
    name = next((o.name for o in found or [] if o.id == choice.organisation_id), "")
    if made.document is None:
        ui.inform(NOTHING_LEFT.format(organisation=name) if name else NO_CASES)
        return None
    if made.left_out and recipient is not None:
        ui.inform(left_out_text(made.left_out, recipient.name))
    return show_document(ui.window, ui.unlocked, made.document)


@screen("notulen", order=96)
def _minutes_screen(context: ScreenContext) -> QWidget:
    """The choice before printing the minutes of the latest held meeting."""
    meeting_id = meetings.latest_held(context.unlocked)
    heading = "Notulen"
    if meeting_id is not None:
        meeting = meetings.get_meeting(context.unlocked, meeting_id)
        heading = f"Notulen {kind_in_sentence(meeting)} nr. {meeting.number}"
    found = organisations.list_organisations(context.unlocked, active_only=True)
    dialog = MinutesDialog(heading, found, context.ui.window)
    dialog.external.setChecked(bool(found))
    return dialog
