"""Plain values that cross the line between models and views.

Drafts are what a form hands back (``saveRequested(HouseholdDraft)``); records are
read-only snapshots a service builds for a screen.  Neither holds a session.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from models.afwegingskader import ConsultationKind, ViolenceForm
from models.enums import (
    ActionOrigin,
    ActionOwner,
    ActionStatus,
    ContactKind,
    EventKind,
    FactorAnswer,
    KeyState,
    MemberRole,
    PassageKind,
    PassagePart,
    Phase,
    Respondent,
    Risk,
    Safety,
    TaxatieState,
    Verdict,
    VerwijzingStatus,
)
from models.permissions import AccessAction, Role
from models.rules import earliest_event_date


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def proposed_role(born: date, today: date) -> MemberRole:
    """The role a new member most likely has, from the date of birth: under 18 a child, up to
    23 a young adult (the age the Jeugdwet can reach), older a parent or carer."""
    age = age_on(born, today)
    if age < 18:
        return MemberRole.KIND
    return MemberRole.JONGVOLWASSENE if age < 23 else MemberRole.OUDER


def birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February: the birthday falls on 1 March
        return date(born.year + years, 3, 1)


def full_name(first_name: str, infix: str, last_name: str) -> str:
    return " ".join(part for part in (first_name, infix, last_name) if part)


# --- drafts --------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdDraft:
    name: str
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""


@dataclass(frozen=True)
class TrajectDraft:
    registered_on: date
    herkomst: str = ""
    question: str = ""
    aard: str = ""
    ernst: str = ""
    urgentie: str = ""
    regisseur_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RegistrationDraft:
    """A new household together with its aanmelding."""

    household: HouseholdDraft
    traject: TrajectDraft


@dataclass(frozen=True)
class PersonDraft:
    first_name: str
    last_name: str
    role: MemberRole
    infix: str = ""
    date_of_birth: date | None = None
    bsn: str = ""
    gezag: bool = False
    lives_elsewhere: bool = False
    address: str = ""  # only for a member living elsewhere
    address_shielded: bool = False


@dataclass(frozen=True)
class ContactDraft:
    contact_date: date
    kind: ContactKind
    note: str = ""
    medewerker_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PhaseChange:
    phase: Phase
    on: date
    note: str = ""


@dataclass(frozen=True)
class ScaleEvent:
    """Opschalen or afschalen: recorded as an event, the phase stays.

    ``target``: for opschalen to whom (codelist opschaaldoel), for afschalen to what
    (afschaaldoel); opschalen also says why and who is responsible now.
    """

    kind: EventKind
    on: date
    note: str = ""
    target: str = ""
    reason: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class Closure:
    on: date
    reason: str
    note: str = ""


@dataclass(frozen=True)
class RegisseurChange:
    medewerker_id: uuid.UUID
    on: date


# --- records -------------------------------------------------------------------------


class HouseholdSort(enum.StrEnum):
    """What the household list can be sorted on."""

    DOSSIER = "dossier"
    NAME = "name"
    ADDRESS = "address"
    POSTCODE = "postcode"
    REGISSEUR = "regisseur"
    STATUS = "status"
    SAFETY = "safety"
    REGISTERED = "registered"


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the household list."""

    id: uuid.UUID
    dossier_number: str
    name: str
    address: str
    postcode: str
    regisseur: str
    phase: Phase | None
    registered_on: date | None
    # The most serious current safety conclusion across the household and its children
    # (models.taxatie keeps it), and whether it comes from a concept.
    safety: Safety | None = None
    safety_concept: bool = False


@dataclass(frozen=True)
class MedewerkerRecord:
    id: uuid.UUID
    name: str
    discipline: str
    active: bool


@dataclass(frozen=True)
class PersonRecord:
    id: uuid.UUID
    first_name: str
    infix: str
    last_name: str
    date_of_birth: date | None
    role: MemberRole
    bsn: str | None
    gezag: bool = False
    lives_elsewhere: bool = False
    address: str = ""
    address_shielded: bool = False

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.infix, self.last_name)

    def age(self, on: date) -> int | None:
        return age_on(self.date_of_birth, on) if self.date_of_birth else None

    def draft(self) -> PersonDraft:
        return PersonDraft(
            first_name=self.first_name,
            infix=self.infix,
            last_name=self.last_name,
            date_of_birth=self.date_of_birth,
            role=self.role,
            bsn=self.bsn or "",
            gezag=self.gezag,
            lives_elsewhere=self.lives_elsewhere,
            address=self.address,
            address_shielded=self.address_shielded,
        )


@dataclass(frozen=True)
class RegisseurRecord:
    medewerker_id: uuid.UUID
    name: str
    start_on: date
    end_on: date | None


@dataclass(frozen=True)
class EventRecord:
    event_date: date
    kind: EventKind
    from_phase: Phase | None
    to_phase: Phase | None
    note: str
    # Opschalen / afschalen (empty on events recorded before they were asked for).
    target: str = ""
    reason: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class TrajectRecord:
    id: uuid.UUID
    registered_on: date
    herkomst: str
    question: str
    phase: Phase
    aard: str
    ernst: str
    urgentie: str
    closed_on: date | None
    close_reason: str | None
    regisseurs: tuple[RegisseurRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()

    def draft(self) -> TrajectDraft:
        """The aanmelding as its form edits it (the regisseur changes on its own)."""
        return TrajectDraft(
            registered_on=self.registered_on,
            herkomst=self.herkomst,
            question=self.question,
            aard=self.aard,
            ernst=self.ernst,
            urgentie=self.urgentie,
        )

    @property
    def regisseur(self) -> RegisseurRecord | None:
        return next((r for r in self.regisseurs if r.end_on is None), None)

    @property
    def is_open(self) -> bool:
        return self.phase is not Phase.AFGESLOTEN

    @property
    def earliest_event_date(self) -> date:
        """The earliest date a next phase change, op-/afschaling or closure may carry."""
        return earliest_event_date(
            self.registered_on,
            [*(e.event_date for e in self.events), *(r.start_on for r in self.regisseurs)],
        )


@dataclass(frozen=True)
class ContactRecord:
    id: uuid.UUID
    contact_date: date
    kind: ContactKind
    note: str
    medewerker_id: uuid.UUID | None
    medewerker: str

    def draft(self) -> ContactDraft:
        return ContactDraft(self.contact_date, self.kind, self.note, self.medewerker_id)


class WarningKind(enum.StrEnum):
    TURNS_18 = "turns_18"
    NO_REGISSEUR = "no_regisseur"


@dataclass(frozen=True)
class DossierWarning:
    kind: WarningKind
    person: str = ""
    on: date | None = None


@dataclass(frozen=True)
class HouseholdDossier:
    """Everything the household screen shows, read in one go."""

    id: uuid.UUID
    dossier_number: str
    household: HouseholdDraft
    members: tuple[PersonRecord, ...]
    traject: TrajectRecord | None
    earlier_trajecten: tuple[TrajectRecord, ...]
    contacts: tuple[ContactRecord, ...]
    warnings: tuple[DossierWarning, ...] = field(default=())
    consents: tuple[ConsentRecord, ...] = field(default=())

    @property
    def address_shielded(self) -> bool:
        """A member living here has an afgeschermd address: the household's address is
        theirs too, so it is never printed."""
        return any(p.address_shielded and not p.lives_elsewhere for p in self.members)


@dataclass(frozen=True)
class LogLine:
    """One access-log line as screens show it."""

    at: datetime
    login: str
    action: AccessAction
    household_id: uuid.UUID | None
    dossier_number: str
    detail: str
    households: int = 0  # for an output about several households: how many


@dataclass(frozen=True)
class AccountRecord:
    id: uuid.UUID
    login: str
    name: str
    role: Role
    active: bool
    key_state: KeyState = KeyState.OK


@dataclass(frozen=True)
class RetentionRow:
    """A dossier whose trajecten all closed longer ago than the retention period."""

    household_id: uuid.UUID
    dossier_number: str
    name: str
    closed_on: date


@dataclass(frozen=True)
class ConsentDraft:
    organisation_id: uuid.UUID | None  # picked from the organisations; None until picked
    given_on: date
    purpose: str = ""
    given_by: str = ""
    valid_until: date | None = None
    refused: bool = False
    person_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ConsentRecord:
    id: uuid.UUID
    organisation: str  # the organisation's name, for display
    organisation_id: uuid.UUID
    purpose: str
    given_by: str
    given_on: date
    valid_until: date | None
    refused: bool
    person_id: uuid.UUID | None
    person: str  # '' for the whole household

    def draft(self) -> ConsentDraft:
        return ConsentDraft(
            self.organisation_id,
            self.given_on,
            self.purpose,
            self.given_by,
            self.valid_until,
            self.refused,
            self.person_id,
        )

    def valid_on(self, day: date) -> bool:
        return self.given_on <= day and (self.valid_until is None or day <= self.valid_until)


# --- organisations ---------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationDraft:
    name: str
    kind: str = "overig"  # a code of the 'organisatiesoort' list


@dataclass(frozen=True)
class OrganisationContactDraft:
    name: str
    role: str = ""  # function, e.g. 'intern begeleider', 'praktijkondersteuner'
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class OrganisationContactRecord:
    id: uuid.UUID
    name: str
    role: str
    phone: str
    email: str

    def draft(self) -> OrganisationContactDraft:
        return OrganisationContactDraft(self.name, self.role, self.phone, self.email)


@dataclass(frozen=True)
class OrganisationRecord:
    id: uuid.UUID
    name: str
    kind: str
    active: bool
    contacts: tuple[OrganisationContactRecord, ...] = ()

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(self.name, self.kind)


# --- ZRM ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreDraft:
    """One item: a level, or explicitly not assessed; a target (doelscore); a remark."""

    item_code: str
    level: int | None = None
    not_assessed: bool = False
    target: int | None = None
    remark: str = ""

    @property
    def scored(self) -> bool:
        return self.level is not None or self.not_assessed


@dataclass(frozen=True)
class ConclusionDraft:
    """One conclusion as the professional chose it: the option's code, or empty (not yet)."""

    code: str
    option: str = ""


@dataclass(frozen=True)
class MeasurementDraft:
    instrument_code: str
    instrument_version: str
    measured_on: date
    assessor: str
    scores: tuple[ScoreDraft, ...] = ()
    note: str = ""
    conclusions: tuple[ConclusionDraft, ...] = ()

    def score(self, item_code: str) -> ScoreDraft | None:
        return next((s for s in self.scores if s.item_code == item_code), None)

    def conclusion(self, code: str) -> str:
        """The chosen option of one conclusion; empty when none is chosen."""
        return next((c.option for c in self.conclusions if c.code == code), "")


@dataclass(frozen=True)
class MeasurementRecord:
    """A stored measurement; ``scored`` of the ``total`` items and conclusions of its instrument
    version are scored (or marked not assessed) or chosen (a total of 0: an instrument version
    Teamtafel does not know). ``person_id`` None: about the whole household."""

    id: uuid.UUID
    person_id: uuid.UUID | None
    draft: MeasurementDraft
    scored: int
    total: int

    @property
    def complete(self) -> bool:
        return 0 < self.total <= self.scored

    @property
    def measured_on(self) -> date:
        return self.draft.measured_on

    def level(self, item_code: str) -> int | None:
        score = self.draft.score(item_code)
        return score.level if score else None


class Trend(enum.StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    CHANGED = "changed"  # a scale without a direction (ja / nee / onbekend)
    UNKNOWN = "unknown"


# --- the access log's chain (models.logchain) ---


class ChainProblem(enum.StrEnum):
    CHANGED = "changed"  # the content no longer matches its hash
    MISSING = "missing"  # a number is skipped: an entry was removed
    RELINKED = "relinked"  # the link to the entry before does not match: reordered or removed
    FORGED = "forged"  # the signature is not the acting account's
    UNSIGNED = "unsigned"  # no signature where every entry since the first signed one has one
    REWRITTEN = "rewritten"  # an entry verified before on this computer is not the same now
    UNCONFIRMED = "unconfirmed"  # signed with a key the account list does not vouch for yet


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: ChainProblem
    at: datetime | None
    login: str


# --- Signs of Safety and the veiligheidsplan (models.safety_plan) ---


@dataclass(frozen=True)
class ScaleAnswer:
    """One answer to the scale question (0: not safe at all, 10: safe enough to let go):
    the team's, or a member's (a parent or a young person)."""

    respondent: Respondent
    score: int
    person_id: uuid.UUID | None = None

    @property
    def key(self) -> str:
        """The form field of this answer, and the key of its problem."""
        return scale_key(self.person_id)


def scale_key(person_id: uuid.UUID | None) -> str:
    return f"scale_{person_id}" if person_id else "scale_team"


@dataclass(frozen=True)
class SignsOfSafetyDraft:
    assessed_on: date
    worries: str = ""  # zorgen
    going_well: str = ""  # wat gaat goed
    next_steps: str = ""  # wat moet er gebeuren
    answers: tuple[ScaleAnswer, ...] = ()


@dataclass(frozen=True)
class SignsOfSafetyRecord:
    id: uuid.UUID
    draft: SignsOfSafetyDraft
    recorded_by: str
    names: dict[uuid.UUID, str] = field(default_factory=dict)  # person id -> name, as now

    @property
    def assessed_on(self) -> date:
        return self.draft.assessed_on


@dataclass(frozen=True)
class AgreementDraft:
    """One agreement of a veiligheidsplan: what, who does it, when, who checks, who else."""

    what: str
    who: str
    trigger: str  # when: what makes it unsafe, or a moment
    checker: str = ""
    network: str = ""  # network members involved


@dataclass(frozen=True)
class AgreementRecord:
    id: uuid.UUID
    draft: AgreementDraft


@dataclass(frozen=True)
class PlanDraft:
    """A new version of the veiligheidsplan: its date and what must happen (its aim)."""

    made_on: date
    goal: str = ""


@dataclass(frozen=True)
class PlanSettlement:
    """How a version was settled: agreed with the parents (on, how), or not and why not."""

    agreed_on: date
    with_parents: bool
    agreed_how: str = ""  # codelist afspraakwijze
    not_agreed_reason: str = ""


@dataclass(frozen=True)
class SafetyPlanRecord:
    id: uuid.UUID
    version: int
    made_on: date
    goal: str
    agreements: tuple[AgreementRecord, ...]
    settlement: PlanSettlement | None  # None: a concept, still to be agreed
    made_by: str

    @property
    def agreed(self) -> bool:
        return self.settlement is not None


@dataclass(frozen=True)
class SafetyPlans:
    """A household's veiligheidsplan: every version, newest first."""

    versions: tuple[SafetyPlanRecord, ...] = ()

    @property
    def concept(self) -> SafetyPlanRecord | None:
        return next((v for v in self.versions if not v.agreed), None)

    @property
    def current(self) -> SafetyPlanRecord | None:
        """The agreed version that holds now: the latest agreed one."""
        return next((v for v in self.versions if v.agreed), None)


# --- risicotaxatie (models.taxatie) -----------------------------------------------------


@dataclass(frozen=True)
class RiskFactor:
    """One factor of the built-in risicotaxatie: a risk, or a protective factor."""

    code: str
    group: str  # kind, ouder, gezin, omgeving
    protective: bool
    text: str


@dataclass(frozen=True)
class RiskGroup:
    code: str
    title: str
    factors: tuple[RiskFactor, ...]


@dataclass(frozen=True)
class RiskInstrument:
    """The factor list a taxatie is answered on (``resources/risicotaxatie.json``)."""

    code: str
    version: str
    name: str
    groups: tuple[RiskGroup, ...]

    @property
    def factors(self) -> tuple[RiskFactor, ...]:
        return tuple(f for g in self.groups for f in g.factors)

    def factor(self, code: str) -> RiskFactor | None:
        return next((f for f in self.factors if f.code == code), None)


@dataclass(frozen=True)
class FactorDraft:
    code: str
    answer: FactorAnswer | None = None
    remark: str = ""


@dataclass(frozen=True)
class TaxatieDraft:
    """What the taxatie form hands back; a concept may leave anything open but the date."""

    person_id: uuid.UUID | None  # a child; None: the whole household
    assessed_on: date | None
    factors: tuple[FactorDraft, ...] = ()
    safety: Safety | None = None
    risk: Risk | None = None
    onderbouwing: str = ""

    def answer(self, code: str) -> FactorDraft | None:
        return next((f for f in self.factors if f.code == code), None)


@dataclass(frozen=True)
class ReviewDraft:
    """The reviewer's answer in Meekijken; with a different view, optionally another safety."""

    verdict: Verdict
    view: str = ""
    safety: Safety | None = None


@dataclass(frozen=True)
class TaxatieRecord:
    id: uuid.UUID
    household_id: uuid.UUID
    person_id: uuid.UUID | None
    subject: str  # the child's name; empty for the whole household
    instrument_code: str
    instrument_version: str
    state: TaxatieState
    draft: TaxatieDraft
    author_login: str
    author_name: str
    submitted_at: datetime | None = None
    submitted_by: str = ""
    reviewer_login: str = ""
    reviewer_name: str = ""
    reviewed_at: datetime | None = None
    verdict: Verdict | None = None
    reviewer_view: str = ""
    reviewer_safety: Safety | None = None
    next_due: date | None = None

    @property
    def concluded(self) -> bool:
        return self.state is not TaxatieState.CONCEPT

    @property
    def conclusion(self) -> Safety | None:
        """The safety that counts: the author's, or the reviewer's when that is more serious."""
        ours, theirs = self.draft.safety, self.reviewer_safety
        if ours is None or theirs is None:
            return ours or theirs
        return max(ours, theirs, key=lambda s: s.rank)


@dataclass(frozen=True)
class SafetyStatus:
    """The current safety of a child or a household, as every screen shows it."""

    safety: Safety | None = None
    concept: bool = False  # from a concept, not (yet) concluded
    last_on: date | None = None  # the last concluded taxatie
    next_due: date | None = None  # its re-assessment

    def overdue(self, today: date) -> bool:
        return self.next_due is not None and self.next_due < today


@dataclass(frozen=True)
class SafetyOverview:
    """A household's status and each child's (the household's own taxaties under None)."""

    household: SafetyStatus
    persons: dict[uuid.UUID, SafetyStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class TodoItem:
    """One line of the Te doen list: what is due, where, for whom (a kind's words in
    :data:`models.wording.TODO_KIND`)."""

    kind: str
    household_id: uuid.UUID
    dossier_number: str
    household_name: str
    subject: str  # a child's name, or empty for the household
    due: date
    regisseur: str = ""


# --- reviewing the inzage before it is exported (models.withholding) -------------------------


def passage_key(kind: PassageKind, record_id: uuid.UUID, part: PassagePart) -> str:
    """'meldcode:<id>:signalen': stable, so a withholding names its passage without its text."""
    return f"{kind.value}:{record_id}:{part.value}"


@dataclass(frozen=True)
class Passage:
    """A part of a safety record in the inzage that the regisseur may withhold.

    Holds what the reviewer needs to recognise it (kind, part, date, and for the meldcode its
    form or the consulted party) and nothing of its content.
    """

    kind: PassageKind
    record_id: uuid.UUID  # the taxatie, procedure, consultation, Signs of Safety or plan version
    part: PassagePart
    on: date | None  # the record's date: a taxatie's, a consultation's, a plan version's
    whole_household: bool = False  # a taxatie about the whole household (else the person)
    form: ViolenceForm | None = None  # a meldcode passage: its procedure's form
    since: date | None = None  # a meldcode passage: its procedure's start
    consulted: ConsultationKind | None = None  # a consultation: with whom (the kind)
    version: int | None = None  # a veiligheidsplan version

    @property
    def key(self) -> str:
        return passage_key(self.kind, self.record_id, self.part)


@dataclass(frozen=True)
class Withholding:
    """What the review dialog hands back for one withheld passage."""

    key: str  # Passage.key
    reason: str  # code list achterhoudreden
    toelichting: str  # why, for the team; never shown to the family


@dataclass(frozen=True)
class InzageReview:
    """The passages of one person's inzage to review, and whether this user may withhold."""

    passages: tuple[Passage, ...]
    may_withhold: bool  # the household's casusregisseur
    subject: str = ""  # whose inzage: the person's name, for the dialog's title


# --- actions (models.actions) --------------------------------------------------------------


@dataclass(frozen=True)
class ActionDraft:
    """An action as typed: what, who (exactly one owner, by ``owner_kind``), by when.

    Only the reference of ``owner_kind`` counts: a team member's id, a member's id, an
    organisation's id (with one of its contacts, or none), or a network person's name and
    relation to the family.
    """

    description: str
    owner_kind: ActionOwner
    due_on: date | None
    medewerker_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    network_name: str = ""
    network_relation: str = ""
    origin: ActionOrigin = ActionOrigin.DOSSIER
    origin_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ActionRecord:
    id: uuid.UUID
    household_id: uuid.UUID
    dossier_number: str
    household_name: str
    draft: ActionDraft
    owner: str  # who, as shown: a name, 'naam (relatie)', 'organisatie — contact'
    status: ActionStatus
    status_on: date  # when it got its status (created, done, lapsed)

    @property
    def description(self) -> str:
        return self.draft.description

    @property
    def due_on(self) -> date | None:
        return self.draft.due_on

    def overdue(self, today: date) -> bool:
        due = self.draft.due_on
        return self.status is ActionStatus.OPEN and due is not None and due < today


# --- verwijzing (models.verwijzing) ---------------------------------------------------------


@dataclass(frozen=True)
class VerwijzingDraft:
    """What the verwijzing form (or a meeting's decision) hands in: all of it is required."""

    referred_on: date | None
    member_ids: tuple[uuid.UUID, ...] = ()
    organisation_id: uuid.UUID | None = None
    hulpvorm: str = ""  # code list hulpvorm
    reason: str = ""
    decider_1: uuid.UUID | None = None  # two team members (medewerkers), never the same one
    decider_2: uuid.UUID | None = None


@dataclass(frozen=True)
class StatusDraft:
    """A verwijzing's next status, from when, and why (optional)."""

    status: VerwijzingStatus | None
    on: date | None
    note: str = ""


@dataclass(frozen=True)
class StatusRecord:
    status: VerwijzingStatus
    on: date
    note: str = ""


@dataclass(frozen=True)
class VerwijzingRecord:
    id: uuid.UUID
    household_id: uuid.UUID
    traject_id: uuid.UUID
    draft: VerwijzingDraft
    organisation: str
    members: tuple[str, ...]  # the names of the members it is for
    deciders: tuple[str, str]
    history: tuple[StatusRecord, ...]  # oldest first; the last one is the current status

    @property
    def status(self) -> StatusRecord:
        return self.history[-1]
