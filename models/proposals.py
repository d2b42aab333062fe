"""What the app proposes for a meeting's agenda: a registry of providers.

Each provider looks at the team's dossiers from the meeting's point of view (its kind, its
date, the date of the previous meeting of that kind) and names households with a reason.
The gezinsplan adds its overdue evaluations with :func:`register_proposer`, without touching
the meeting files. The first providers are here: what the Te doen list has due by the
meeting's date (actions, re-assessments, meldcode evaluations), new aanmeldingen since the
previous werkverdelingsoverleg, members turning 18 soon, and cases carried over.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from models.entities import Household, Person, RegisseurAssignment, Traject
from models.enums import Phase
from models.meeting_records import ItemOutcome, MeetingKind, Proposal
from models.records import birthday
from models.todo import todo_list
from models.wording import TODO_KIND


@dataclass(frozen=True)
class ProposalContext:
    meeting_id: uuid.UUID
    kind: MeetingKind
    held_on: date
    since: date | None  # the date of the previous meeting of this kind, if any
    on_agenda: frozenset[uuid.UUID]  # households already on the agenda


Proposer = Callable[[Session, ProposalContext], list[Proposal]]

_PROPOSERS: dict[str, Proposer] = {}

ADULT_SOON_DAYS = 91  # "turning 18 soon": within three months of the meeting
NEW_SINCE_DAYS = 14  # new aanmeldingen without a previous werkverdelingsoverleg
# The casusvraag offered when no provider suggests one (an action or re-assessment is due).
DEFAULT_QUESTION = "Wat is er nodig nu dit over de datum is?"


def register_proposer(kind: str, proposer: Proposer) -> None:
    _PROPOSERS[kind] = proposer


def unregister_proposer(kind: str) -> None:
    """For tests that register a throwaway provider."""
    _PROPOSERS.pop(kind, None)


def proposals(session: Session, context: ProposalContext) -> list[Proposal]:
    """Every provider's proposals for households not on the agenda yet: one per household,
    its reasons joined ('; '), the first question a provider suggested, by dossier number."""
    by_household: dict[uuid.UUID, list[Proposal]] = {}
    for proposer in _PROPOSERS.values():
        for p in proposer(session, context):
            if p.household_id not in context.on_agenda:
                by_household.setdefault(p.household_id, []).append(p)
    merged = []
    for found in by_household.values():
        found.sort(key=lambda p: (p.kind, p.reason))
        reasons = list(dict.fromkeys(p.reason for p in found))
        first = found[0]
        merged.append(
            Proposal(
                first.kind,
                first.household_id,
                first.dossier_number,
                first.household_name,
                "; ".join(reasons),
                next((p.question for p in found if p.question), DEFAULT_QUESTION),
            )
        )
    return sorted(merged, key=lambda p: p.dossier_number)


# --- the first providers ------------------------------------------------------------------


def _due_by_the_meeting(session: Session, context: ProposalContext) -> list[Proposal]:
    """What the Te doen list has due on or before the meeting's date."""
    items = todo_list(session, context.held_on + timedelta(days=1), None)
    return [
        Proposal(
            item.kind,
            item.household_id,
            item.dossier_number,
            item.household_name,
            _due_reason(item.kind, item.subject, item.due),
            DUE_QUESTION.get(item.kind, ""),
        )
        for item in items
    ]


# A casusvraag proposed for what is due, where the default does not fit.
DUE_QUESTION = {"evaluatie_gezinsplan": "Hoe staan de doelen van het gezinsplan ervoor?"}


def _due_reason(kind: str, subject: str, due: date) -> str:
    """'Actie van Anouk Verbeek, uiterlijk 01-12-2026'; 'Nieuwe risicotaxatie: Maud Kaya
    (uiterlijk …)'."""
    if kind == "actie":
        return f"Actie van {subject}, uiterlijk {due:%d-%m-%Y}"
    if kind == "evaluatie_gezinsplan":  # subject: 'gezinsplan versie 2'
        return f"Evaluatie van het {subject}, gepland op {due:%d-%m-%Y}"
    words = f"{TODO_KIND.get(kind, kind)}: {subject}".rstrip(": ")
    return f"{words} (uiterlijk {due:%d-%m-%Y})"


def _new_aanmeldingen(session: Session, context: ProposalContext) -> list[Proposal]:
    """For a werkverdelingsoverleg: trajecten registered since the previous one that have no
    regisseur yet."""
    if context.kind is not MeetingKind.WERKVERDELING:
        return []
    since = context.since or context.held_on - timedelta(days=NEW_SINCE_DAYS)
    has_regisseur = exists().where(
        RegisseurAssignment.traject_id == Traject.id, RegisseurAssignment.end_on.is_(None)
    )
    rows = session.execute(
        select(Household.id, Household.dossier_number, Household.name, Traject.registered_on)
        .join(Traject, and_(Traject.household_id == Household.id, Traject.is_current.is_(True)))
        .where(
            Traject.phase == Phase.AANGEMELD,
            Traject.registered_on > since,
            Traject.registered_on <= context.held_on,
            ~has_regisseur,
        )
    )
    return [
        Proposal(
            "aanmelding",
            household_id,
            number,
            name,
            f"Nieuwe aanmelding van {registered:%d-%m-%Y}, nog zonder casusregisseur",
            "Wie wordt casusregisseur?",
        )
        for household_id, number, name, registered in rows
    ]


def _turning_18(session: Session, context: ProposalContext) -> list[Proposal]:
    """Members of a household with a running traject who turn 18 within three months of the
    meeting (the move from youth to adult help needs preparing: 18-/18+)."""
    start, end = context.held_on, context.held_on + timedelta(days=ADULT_SOON_DAYS)
    born_from = date(start.year - 18, start.month, 1) - timedelta(days=1)
    rows = session.execute(
        select(Person, Household.dossier_number, Household.name)
        .join(Household, Household.id == Person.household_id)
        .join(Traject, and_(Traject.household_id == Household.id, Traject.is_current.is_(True)))
        .where(Traject.phase != Phase.AFGESLOTEN, Person.date_of_birth >= born_from)
    )
    found = []
    for person, number, name in rows:
        if person.date_of_birth is None:
            continue
        adult = birthday(person.date_of_birth, 18)
        if start <= adult <= end:
            found.append(
                Proposal(
                    "18",
                    person.household_id,
                    number,
                    name,
                    f"{person.first_name} wordt 18 op {adult:%d-%m-%Y}",
                    f"Hoe bereiden we de overgang naar 18+ voor ({person.first_name})?",
                )
            )
    return found


def _carried_over(session: Session, context: ProposalContext) -> list[Proposal]:
    """Cases of an earlier meeting that were not discussed (doorgeschoven) and have not been
    on an agenda since."""
    from models.meetings import AgendaItem, Meeting  # the tables import this module's users

    later_item = aliased(AgendaItem)
    later_meeting = aliased(Meeting)
    on_later = exists().where(
        later_item.household_id == AgendaItem.household_id,
        later_item.meeting_id == later_meeting.id,
        later_meeting.held_on > Meeting.held_on,
        later_meeting.id != context.meeting_id,
    )
    rows = session.execute(
        select(
            AgendaItem, Meeting.number, Meeting.held_on, Household.dossier_number, Household.name
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Household, Household.id == AgendaItem.household_id)
        .where(
            AgendaItem.outcome == ItemOutcome.DOORGESCHOVEN,
            Meeting.held_on <= context.held_on,
            Meeting.id != context.meeting_id,
            ~on_later,
        )
    )
    return [
        Proposal(
            "doorgeschoven",
            item.household_id,
            number,
            name,
            f"Niet besproken in overleg {meeting_number} van {held_on:%d-%m-%Y}, doorgeschoven",
            item.question,
        )
        for item, meeting_number, held_on, number, name in rows
    ]


register_proposer("te_doen", _due_by_the_meeting)
register_proposer("aanmelding", _new_aanmeldingen)
register_proposer("18", _turning_18)
register_proposer("doorgeschoven", _carried_over)
