"""The gezinsplan's plain records: what a form types (drafts) and what a screen or a printout
reads (records). No SQL and no Qt: views may import this module (``models.gezinsplan`` holds
the tables and the rules).

A plan is kept in versions. A version is a *concept* until it is vastgesteld; from then on
what was agreed (texts, goals, who does what by when, network, organisations, safety
agreements, evaluation dates) is read-only, and a change starts a new version. Progress is
live and never makes a version: an action's status, evaluation results.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date

from models.enums import ActionStatus
from models.records import ActionDraft, AgreementDraft


class GoalOutcome(enum.StrEnum):
    """How a goal stood at an evaluation."""

    BEHAALD = "behaald"
    DEELS = "deels"
    NIET_BEHAALD = "niet_behaald"


class PlanPart(enum.StrEnum):
    """The parts of a plan that 'gewijzigd sinds versie N' marks."""

    SITUATION = "situation"  # situation, question, earlier help, strengths, concerns, child's view
    GOALS = "goals"
    NETWORK = "network"
    PARTNERS = "partners"
    SAFETY = "safety"
    FAMILIEGROEPSPLAN = "familiegroepsplan"
    ADULTHOOD = "adulthood"
    EVALUATION_DATES = "evaluation_dates"


class GoalChange(enum.StrEnum):
    """A goal compared with the previous version."""

    NEW = "nieuw"
    CHANGED = "gewijzigd"


# --- drafts (what a form types) ---------------------------------------------------------


@dataclass(frozen=True)
class GezinsplanDraft:
    """The plan's own texts: the situation and the question in the family's words, earlier
    help, strengths and concerns, the child's view, how the regisseur is reached, and the
    familiegroepsplan (offered on a date; accepted, declined, or not answered yet)."""

    made_on: date
    situation: str = ""
    question: str = ""
    earlier_help: str = ""
    strengths: str = ""
    concerns: str = ""
    child_view: str = ""
    reach: str = ""  # how the family reaches the regisseur (phone, mail, days)
    fgp_offered_on: date | None = None
    fgp_accepted: bool | None = None  # None: not offered, or no answer yet
    fgp_made_on: date | None = None
    fgp_note: str = ""  # where the familiegroepsplan is (e.g. 'bijgevoegd', 'bij de ouders')


@dataclass(frozen=True)
class GoalDraft:
    """One goal, for one or more members, optionally tied to an instrument item (a ZRM
    domain) with the goal's own target level."""

    description: str
    member_ids: tuple[uuid.UUID, ...] = ()
    instrument_code: str = ""
    instrument_version: str = ""
    item_code: str = ""
    target_level: int | None = None


@dataclass(frozen=True)
class NetworkDraft:
    """Someone of the family's own network and what they do."""

    name: str
    relation: str = ""
    role: str = ""


@dataclass(frozen=True)
class PartnerDraft:
    """An organisation involved, optionally one of its contacts, and what it does."""

    organisation_id: uuid.UUID | None
    contact_id: uuid.UUID | None = None
    role: str = ""


@dataclass(frozen=True)
class AdulthoodDraft:
    """'Na je 18e' for a member turning 18 within the plan period."""

    person_id: uuid.UUID
    what_changes: str = ""
    who_takes_over: str = ""


@dataclass(frozen=True)
class GoalResultDraft:
    goal_key: uuid.UUID
    outcome: GoalOutcome
    what_happened: str = ""
    continues: bool = True


@dataclass(frozen=True)
class EvaluationDraft:
    """What an evaluation found: when it was held, a note, a result per goal."""

    held_on: date
    note: str = ""
    results: tuple[GoalResultDraft, ...] = ()


@dataclass(frozen=True)
class PartyDraft:
    """One person's agreement with a version: agreed on a date in a way (codelist
    afspraakwijze), or why not; and whether their ZRM chart may be in the printed plan."""

    person_id: uuid.UUID
    agreed_on: date | None = None
    agreed_how: str = ""
    not_agreed_reason: str = ""
    chart_ok: bool = False

    @property
    def recorded(self) -> bool:
        return (self.agreed_on is not None and bool(self.agreed_how)) or bool(
            self.not_agreed_reason.strip()
        )


# --- records (what a screen or printout reads) -------------------------------------------


@dataclass(frozen=True)
class MeasuredLevel:
    """The latest level a member scored on a goal's instrument item (None: not measured,
    or measured as 'niet beoordeeld')."""

    person_id: uuid.UUID
    name: str
    level: int | None
    measured_on: date | None


@dataclass(frozen=True)
class PlanActionRecord:
    """An action of a goal as this version holds it (who, what, by when) and its status:
    live for the newest versions, as it stood at vaststellen for an older one."""

    id: uuid.UUID
    draft: ActionDraft
    owner: str
    action_id: uuid.UUID | None  # the live action, once the version was vastgesteld
    status: ActionStatus | None  # None: a concept's action, not agreed yet
    status_on: date | None

    @property
    def description(self) -> str:
        return self.draft.description


@dataclass(frozen=True)
class GoalRecord:
    id: uuid.UUID
    key: uuid.UUID  # the same goal in every version
    position: int
    draft: GoalDraft
    members: tuple[str, ...]  # the members' names
    item_label: str  # e.g. 'Financiën' ('' without an instrument item)
    client_label: str  # the item in the family's words, e.g. 'Geldzaken' (else item_label)
    instrument_label: str  # e.g. 'ZRM 2017'
    measured: tuple[MeasuredLevel, ...]
    actions: tuple[PlanActionRecord, ...]
    change: GoalChange | None = None  # compared with the previous version

    @property
    def description(self) -> str:
        return self.draft.description


@dataclass(frozen=True)
class NetworkRecord:
    id: uuid.UUID
    draft: NetworkDraft


@dataclass(frozen=True)
class PartnerRecord:
    id: uuid.UUID
    draft: PartnerDraft
    organisation: str
    contact: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class AdulthoodRecord:
    id: uuid.UUID
    draft: AdulthoodDraft
    name: str
    turns_18_on: date | None


@dataclass(frozen=True)
class GoalResultRecord:
    draft: GoalResultDraft
    goal: str  # the goal's description (as in the evaluated version)


@dataclass(frozen=True)
class EvaluationRecord:
    id: uuid.UUID
    planned_on: date
    held_on: date | None
    note: str
    results: tuple[GoalResultRecord, ...]
    recorded_by: str = ""

    @property
    def held(self) -> bool:
        return self.held_on is not None


@dataclass(frozen=True)
class PartyRecord:
    id: uuid.UUID
    draft: PartyDraft
    name: str
    required: bool  # proposed by age and gezag on the day it was recorded


@dataclass(frozen=True)
class RequiredParty:
    """Someone who must agree with the plan on a date, and why (Dutch, for the form)."""

    person_id: uuid.UUID
    name: str
    reason: str


@dataclass(frozen=True)
class GezinsplanRecord:
    id: uuid.UUID
    household_id: uuid.UUID
    version: int
    draft: GezinsplanDraft
    settled_on: date | None  # None: a concept
    settled_by: str
    made_by: str
    regisseur: str
    goals: tuple[GoalRecord, ...]
    network: tuple[NetworkRecord, ...]
    partners: tuple[PartnerRecord, ...]
    adulthood: tuple[AdulthoodRecord, ...]
    evaluations: tuple[EvaluationRecord, ...]
    parties: tuple[PartyRecord, ...]
    # the veiligheidsplan's agreements: as they were at vaststellen; for a concept, those
    # of the veiligheidsplan that holds now
    safety: tuple[AgreementDraft, ...]
    changed: frozenset[PlanPart] = frozenset()  # parts changed since the previous version
    removed_goals: tuple[str, ...] = ()  # goals of the previous version that are gone

    @property
    def settled(self) -> bool:
        return self.settled_on is not None

    def goal(self, key: uuid.UUID) -> GoalRecord | None:
        return next((g for g in self.goals if g.key == key), None)

    def next_evaluation(self) -> EvaluationRecord | None:
        return next((e for e in self.evaluations if not e.held), None)


@dataclass(frozen=True)
class Gezinsplannen:
    """A household's gezinsplan: every version, newest first."""

    versions: tuple[GezinsplanRecord, ...] = ()

    @property
    def concept(self) -> GezinsplanRecord | None:
        return next((v for v in self.versions if not v.settled), None)

    @property
    def current(self) -> GezinsplanRecord | None:
        """The vastgestelde version that holds now: the latest settled one."""
        return next((v for v in self.versions if v.settled), None)

    @property
    def newest(self) -> GezinsplanRecord | None:
        return self.versions[0] if self.versions else None

    def version(self, number: int) -> GezinsplanRecord | None:
        return next((v for v in self.versions if v.version == number), None)


@dataclass(frozen=True)
class ChartSeries:
    """One person's ZRM chart in the printed plan: the domains the goals use, the latest
    level (None: not measured) and the goal's target."""

    person_id: uuid.UUID
    name: str
    instrument_label: str
    points: tuple[tuple[str, int | None, int | None], ...] = field(default=())
