"""The minutes of a meeting as a document for the one print path.

The internal version holds every case. The external version is made for one organisation:
it holds only the cases whose household has valid consent on the meeting's date to share
with that organisation, and never the internal notes. The cases left out are returned so the
screen (or the command line) can name them; they are never printed. Saving the document logs
PRINT under every household in it (:func:`desktop.usecases.printing.save_document`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from desktop.reports.minutes import minutes_pdf, minutes_title
from desktop.session import Unlocked
from desktop.usecases.base import read
from desktop.usecases.printing import Document
from models import meetings as service
from models.consents import list_consents, uncovered
from models.meeting_records import AgendaItemRecord, MeetingRecord
from models.organisations import get_organisation, match_key
from models.permissions import AccessAction, Permission
from models.records import OrganisationRecord
from models.search import fold

WORK = Permission.WORK_ON_DOSSIERS


@dataclass(frozen=True)
class LeftOut:
    """A case the external version leaves out (no consent for the organisation)."""

    dossier_number: str
    household_name: str


@dataclass(frozen=True)
class Minutes:
    """The document, and what the external version left out. ``document`` is None when no
    case is left to print (an empty agenda, or no consent for any case)."""

    meeting: MeetingRecord
    document: Document | None
    left_out: tuple[LeftOut, ...] = ()


def slug(name: str) -> str:
    """'GGZ Voorbeeldstad' -> 'ggz-voorbeeldstad', for a file name."""
    folded = fold(name)
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split()) or "organisatie"


def find_organisation(unlocked: Unlocked, name: str) -> OrganisationRecord | None:
    """The organisation with this name, trimmed and case- and accent-insensitive (as a
    consent's organisation is matched); None when there is none."""
    from models.organisations import list_organisations

    wanted = fold(match_key(name))
    found = read(unlocked, WORK, list_organisations)
    return next((o for o in found if fold(match_key(o.name)) == wanted), None)


def _covered(
    session: Session,
    items: tuple[AgendaItemRecord, ...],
    organisation: uuid.UUID,
    dates: tuple[date, ...],
) -> tuple[list[AgendaItemRecord], list[AgendaItemRecord]]:
    """The cases that may go to ``organisation``: a consent for the whole household valid on
    every one of ``dates`` (the meeting's and the printing's), and no refusal by anyone. A
    member's own consent covers that member, not the case of the whole household."""
    kept: list[AgendaItemRecord] = []
    left: list[AgendaItemRecord] = []
    for item in items:
        consents = list_consents(session, item.household_id)
        counted = [c for c in consents if c.person_id is None or c.refused]
        shared = all(not uncovered(counted, organisation, on) for on in dates)
        (kept if shared else left).append(item)
    return kept, left


def minutes_document(
    unlocked: Unlocked,
    meeting_id: uuid.UUID,
    *,
    organisation_id: uuid.UUID | None = None,
    today: date | None = None,
) -> Minutes:
    """The minutes of ``meeting_id``; for ``organisation_id`` the external version."""
    made_on = today or date.today()

    def work(session: Session) -> tuple[MeetingRecord, OrganisationRecord | None, list[LeftOut]]:
        meeting = service.get_meeting(session, meeting_id)
        if organisation_id is None:
            return meeting, None, []
        organisation = get_organisation(session, organisation_id)
        dates = tuple(dict.fromkeys(d for d in (meeting.held_on, made_on) if d is not None))
        kept, left = _covered(session, meeting.items, organisation_id, dates)
        shown = replace(meeting, items=tuple(kept))
        return shown, organisation, [LeftOut(i.dossier_number, i.household_name) for i in left]

    meeting, organisation, left_out = read(unlocked, WORK, work)
    if not meeting.items:
        return Minutes(meeting, None, tuple(left_out))
    recipient = organisation.name if organisation else None
    pdf = minutes_pdf(meeting, made_on=made_on, recipient=recipient)
    name = f"notulen-overleg-{meeting.number}"
    if organisation is not None:
        name += f"-{slug(organisation.name)}"
    document = Document(
        title=minutes_title(meeting) + (f" (voor {recipient})" if recipient else ""),
        pdf=pdf,
        household_ids=tuple(dict.fromkeys(i.household_id for i in meeting.items)),
        file_name=f"{name}.pdf",
        action=AccessAction.PRINT,
        detail=f"notulen overleg nr. {meeting.number}"
        + (f" voor {recipient}" if recipient else ""),
        recipient=organisation,
    )
    return Minutes(meeting, document, tuple(left_out))


def left_out_text(left_out: tuple[LeftOut, ...], organisation: str) -> str:
    """The Dutch message naming the cases the external version leaves out."""
    lines = "\n".join(f"• {c.dossier_number} {c.household_name}" for c in left_out)
    many = len(left_out) > 1
    return (
        f"{'Deze casussen staan' if many else 'Deze casus staat'} niet in de notulen voor "
        f"{organisation}: er is geen toestemming van het hele huishouden om gegevens met deze "
        f"organisatie te delen die geldt op de datum van het overleg én vandaag (of iemand "
        f"heeft geweigerd).\n\n{lines}"
    )
