"""What the meetings room shows and takes: its kinds, drafts and records (plain Python).

Views import this module; the tables and the rules that store them are in
:mod:`models.meetings`. A meeting (overleg) has a number, a kind, a date and time, a chair
and a minute-taker, its attendees (team members and external participants), and an agenda
of cases (agendapunten): one household each, brought in with a casusvraag and an urgency.
In the meeting each case gets its notes (informatieronde, analyse, advies/conclusie), the
safety check, its decisions and its actions.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from models.records import ActionRecord


class MeetingKind(enum.StrEnum):
    CASUISTIEK = "casuistiek"
    WERKVERDELING = "werkverdeling"
    MDO = "mdo"
    OP_AFSCHALING = "op_afschaling"
    ANDERS = "anders"


class MeetingStatus(enum.StrEnum):
    """gepland → bezig → gesloten (the minutes are then final)."""

    GEPLAND = "gepland"
    BEZIG = "bezig"
    GESLOTEN = "gesloten"


class ItemOutcome(enum.StrEnum):
    """How a case ended in the meeting: still open, discussed, or not discussed and carried
    over to a next meeting."""

    OPEN = "open"
    BESPROKEN = "besproken"
    DOORGESCHOVEN = "doorgeschoven"


class FamilyAttendance(enum.StrEnum):
    """For an MDO: did the parents / the young person attend?"""

    HEEL = "heel"
    DEELS = "deels"
    NIET = "niet"


class DecisionKind(enum.StrEnum):
    """What a decision does once carried out through the dossier's own use case."""

    REGISSEUR = "regisseur"  # regisseur toewijzen
    FASE = "fase"  # fase wijzigen
    OPSCHALEN = "opschalen"
    AFSCHALEN = "afschalen"
    VERWIJZEN = "verwijzen"
    TAXATIE = "taxatie"  # risicotaxatie laten doen
    ZRM = "zrm"  # ZRM laten doen
    AFSLUITEN = "afsluiten"
    ANDERS = "anders"  # a decision nothing in the dossier carries out


# --- drafts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingDraft:
    """A meeting as planned: kind, date and time ('HH:MM'), chair and minute-taker."""

    kind: MeetingKind
    held_on: date | None
    starts_at: str = ""
    location: str = ""
    chair_id: uuid.UUID | None = None
    minute_taker_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AttendeeDraft:
    """A team member (``medewerker_id``) or an external participant: a name, optionally the
    organisation record, and a discipline."""

    medewerker_id: uuid.UUID | None = None
    name: str = ""
    organisation_id: uuid.UUID | None = None
    discipline: str = ""


@dataclass(frozen=True)
class AgendaItemDraft:
    """A case brought in: the household, the question to the team, its urgency (code list
    'urgentie'), who brought it in, and (when the app proposed it) the proposal's kind."""

    household_id: uuid.UUID | None
    question: str
    urgency: str = "normaal"
    brought_in_by: uuid.UUID | None = None
    proposed: str = ""


@dataclass(frozen=True)
class CaseNotes:
    """What the minute-taker writes for one case. ``internal_note`` never leaves the team
    (never in external minutes)."""

    information: str = ""  # informatieronde
    analysis: str = ""
    conclusion: str = ""  # advies / conclusie
    internal_note: str = ""
    safety_discussed: bool = False
    network_discussed: bool | None = None
    family_attendance: FamilyAttendance | None = None  # an MDO
    family_reason: str = ""  # why not (or only partly)

    def fields(self) -> dict[str, str]:
        """As text, for the werkkopie store."""
        return {
            "information": self.information,
            "analysis": self.analysis,
            "conclusion": self.conclusion,
            "internal_note": self.internal_note,
            "safety_discussed": "1" if self.safety_discussed else "",
            "network_discussed": {None: "", True: "ja", False: "nee"}[self.network_discussed],
            "family_attendance": self.family_attendance.value if self.family_attendance else "",
            "family_reason": self.family_reason,
        }

    @classmethod
    def from_fields(cls, fields: dict[str, str], base: CaseNotes | None = None) -> CaseNotes:
        """Back from the werkkopie: the fields it holds over ``base`` (the stored notes)."""
        base = base or cls()

        def text(key: str, default: str) -> str:
            return fields.get(key, default)

        network = fields.get("network_discussed")
        attendance = fields.get("family_attendance")
        return cls(
            information=text("information", base.information),
            analysis=text("analysis", base.analysis),
            conclusion=text("conclusion", base.conclusion),
            internal_note=text("internal_note", base.internal_note),
            safety_discussed=(
                fields["safety_discussed"] == "1"
                if "safety_discussed" in fields
                else base.safety_discussed
            ),
            network_discussed=(
                {"ja": True, "nee": False}.get(network)
                if network is not None
                else base.network_discussed
            ),
            family_attendance=(
                (FamilyAttendance(attendance) if attendance else None)
                if attendance is not None
                else base.family_attendance
            ),
            family_reason=text("family_reason", base.family_reason),
        )


@dataclass(frozen=True)
class DecisionDraft:
    """A decision on a case. What it names depends on its kind: the new regisseur
    (``medewerker_id``), the new phase, the organisation and hulpvorm of a verwijzing and
    its two deciders (four eyes)."""

    kind: DecisionKind
    text: str = ""
    medewerker_id: uuid.UUID | None = None
    phase: str = ""
    organisation_id: uuid.UUID | None = None
    hulpvorm: str = ""
    decider_1: uuid.UUID | None = None
    decider_2: uuid.UUID | None = None


# --- records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendeeRecord:
    id: uuid.UUID
    draft: AttendeeDraft
    name: str  # the team member's name, or the external participant's
    organisation: str  # "" for a team member
    external: bool


@dataclass(frozen=True)
class DecisionRecord:
    id: uuid.UUID
    item_id: uuid.UUID
    household_id: uuid.UUID
    draft: DecisionDraft
    medewerker: str  # the named regisseur, "" if none
    organisation: str  # the verwijzing's organisation, "" if none
    deciders: tuple[str, ...]
    carried_out_on: date | None
    meeting_number: int = 0  # the meeting it was taken in
    meeting_on: date | None = None

    @property
    def kind(self) -> DecisionKind:
        return self.draft.kind


@dataclass(frozen=True)
class AgendaItemRecord:
    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    household_id: uuid.UUID
    dossier_number: str
    household_name: str
    draft: AgendaItemDraft
    brought_in_by: str
    outcome: ItemOutcome
    notes: CaseNotes
    decisions: tuple[DecisionRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()

    @property
    def question(self) -> str:
        return self.draft.question


@dataclass(frozen=True)
class MeetingRecord:
    id: uuid.UUID
    number: int
    draft: MeetingDraft
    status: MeetingStatus
    agenda_closed: bool
    chair: str
    minute_taker: str
    attendees: tuple[AttendeeRecord, ...] = ()
    items: tuple[AgendaItemRecord, ...] = ()
    started_at: datetime | None = None
    closed_at: datetime | None = None

    @property
    def kind(self) -> MeetingKind:
        return self.draft.kind

    @property
    def held_on(self) -> date | None:
        return self.draft.held_on

    @property
    def guarded(self) -> bool:
        """External participants or the family may see the screen: meeting mode shows only
        the current household (safe on a beamer)."""
        return (
            self.kind is MeetingKind.MDO
            or any(a.external for a in self.attendees)
            or any(
                i.notes.family_attendance in (FamilyAttendance.HEEL, FamilyAttendance.DEELS)
                for i in self.items
            )
        )


@dataclass(frozen=True)
class MeetingSummary:
    """One row of the Overleggen list."""

    id: uuid.UUID
    number: int
    kind: MeetingKind
    held_on: date
    starts_at: str
    chair: str
    status: MeetingStatus
    items: int
    agenda_closed: bool


@dataclass(frozen=True)
class Proposal:
    """What the app proposes for an agenda: a household and why (a Dutch line), with the
    question it suggests. ``kind`` names the provider (models.proposals)."""

    kind: str
    household_id: uuid.UUID
    dossier_number: str
    household_name: str
    reason: str
    question: str = ""


@dataclass(frozen=True)
class SummaryBlock:
    """One block of the household summary beside the notes in meeting mode."""

    title: str
    lines: tuple[str, ...]
    order: int = 50
    warn: bool = False  # shown as a warning (unsafe, overdue)


@dataclass(frozen=True)
class HouseholdSummary:
    household_id: uuid.UUID
    dossier_number: str
    name: str
    blocks: tuple[SummaryBlock, ...] = field(default_factory=tuple)
