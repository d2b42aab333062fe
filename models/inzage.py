"""The AVG inzage: everything Teamtafel holds about one person, as one typed report.

The PDF for the family and the machine-readable JSON file are both made from this
report (in ``desktop.reports.inzage``); it holds codes, enums, dates and aware UTC
moments, no Dutch wording.

What belongs in one person's inzage: everything about them, and the household's own facts
they share with the others (its address, members' names, trajecten, contact moments, and
consents given for the whole household, measurements of the whole household). Another
member's own record, consents and measurements (the ZRM and any other instrument),
and their corrections, are that member's, and stay out — :func:`_about_the_person` says
this for the correction history, where it matters most (an old BSN is kept there).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import households as service
from models.access import household_log
from models.actions import list_actions
from models.afwegingskader import ProcedureRecord
from models.consents import list_consents
from models.entities import Consent, Measurement, MeasurementConclusion, MeasurementScore, Person
from models.enums import MemberRole, PassageKind, PassagePart
from models.errors import NotFound
from models.gezinsplan import (
    Gezinsplan,
    PlanAction,
    PlanAdulthood,
    PlanEvaluation,
    PlanGoal,
    PlanGoalResult,
    PlanNetwork,
    PlanPartner,
    PlanParty,
    PlanSafety,
    plans,
)
from models.gezinsplan_records import GezinsplanRecord
from models.history import REMOVED, removed_values
from models.instruments import Instrument
from models.meeting_records import AgendaItemRecord, MeetingKind
from models.meetings import Meeting, MeetingDecision, household_items
from models.meldcode import list_procedures
from models.records import (
    ActionRecord,
    ConsentRecord,
    ContactRecord,
    HouseholdDraft,
    LogLine,
    MeasurementRecord,
    SafetyPlanRecord,
    SignsOfSafetyRecord,
    TaxatieRecord,
    TrajectRecord,
    VerwijzingRecord,
    full_name,
    passage_key,
)
from models.safety_plan import (
    SafetyAgreement,
    SignsOfSafetyAnswer,
    answer_owners,
    list_signs,
    safety_plans,
)
from models.security import Account, ChangeRecord
from models.taxatie import Taxatie, TaxatieFactor, list_taxaties
from models.verwijzing import list_verwijzingen
from models.verwijzing import persons_of as verwijzing_persons
from models.zrm import household_measurements, instruments, person_measurements


@dataclass(frozen=True)
class InzagePerson:
    id: uuid.UUID
    household_id: uuid.UUID
    first_name: str
    infix: str
    last_name: str
    date_of_birth: date | None
    role: MemberRole
    bsn: str | None
    recorded_at: datetime
    recorded_by: str
    gezag: bool = False
    lives_elsewhere: bool = False
    address: str = ""  # their own, when they live elsewhere
    address_shielded: bool = False

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.infix, self.last_name)


@dataclass(frozen=True)
class InzageHousehold:
    dossier_number: str
    address: HouseholdDraft  # name, street, house number, postcode, city, phone
    members: tuple[str, ...]  # full names, in the dossier's order
    # The address is afgeschermd (a member living there has a shielded address) and this
    # person lives elsewhere: their inzage leaves it out (it is blank in ``address``).
    address_withheld: bool = False

    @property
    def street_line(self) -> str:
        return f"{self.address.street} {self.address.house_number}".strip()


@dataclass(frozen=True)
class ChangeLine:
    """One changed field of the correction history."""

    at: datetime
    login: str
    table_name: str
    field: str
    old_value: str
    new_value: str
    # The key of the reviewable passage this change is part of (models.records.Passage), or
    # empty: a withheld passage's old and new values are withheld too.
    passage: str = ""

    @property
    def what(self) -> str:
        return f"{self.table_name}.{self.field}"

    @property
    def removed(self) -> bool:
        """The record was removed; ``old_value`` says what it held."""
        return self.field == REMOVED

    @property
    def removed_values(self) -> dict[str, str]:
        """What a removed record held, without its keys to other records (ids mean nothing
        to the family)."""
        return {k: v for k, v in removed_values(self.old_value).items() if not k.endswith("_id")}


@dataclass(frozen=True)
class InzageMeetingCase:
    """The household's case in one meeting (never another household's on that agenda)."""

    number: int
    kind: MeetingKind
    held_on: date
    item: AgendaItemRecord


@dataclass(frozen=True)
class InzageReport:
    person: InzagePerson
    household: InzageHousehold
    trajecten: tuple[TrajectRecord, ...]  # the current one first
    contacts: tuple[ContactRecord, ...]  # newest first
    consents: tuple[ConsentRecord, ...]  # the household's and this person's own
    measurements: tuple[MeasurementRecord, ...]  # oldest first
    changes: tuple[ChangeLine, ...]  # oldest first
    access: tuple[LogLine, ...]  # newest first
    # The household's Signs of Safety (newest first) with the team's scale answers and this
    # person's own, and every version of its veiligheidsplan (newest first).
    signs_of_safety: tuple[SignsOfSafetyRecord, ...] = ()
    safety_plans: tuple[SafetyPlanRecord, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # login -> the colleague's name
    meldcode: tuple[ProcedureRecord, ...] = ()  # the household's procedures, newest first
    # The instrument versions the measurements were taken with (shipped and loaded ones).
    instruments: dict[tuple[str, str], Instrument] = field(default_factory=dict)
    # Risicotaxaties of the whole household and of this person, newest first.
    taxaties: tuple[TaxatieRecord, ...] = ()
    # Passages the regisseur withheld (passage key -> reason code, code list achterhoudreden);
    # their content is already gone from this report (models.withholding.withhold).
    withheld: dict[str, str] = field(default_factory=dict)
    # The household's actions (models.actions): open ones first.
    actions: tuple[ActionRecord, ...] = ()
    # The verwijzingen this person is in, newest first.
    verwijzingen: tuple[VerwijzingRecord, ...] = ()
    # The household's cases in meetings (casusvraag, notes with the internal note,
    # decisions), the latest meeting first.
    meeting_cases: tuple[InzageMeetingCase, ...] = ()
    # Every version of the household's gezinsplan, newest first; beside a goal only this
    # person's own measured level (another member's ZRM is theirs).
    gezinsplannen: tuple[GezinsplanRecord, ...] = ()

    def name_of(self, login: str) -> str:
        """Who did it, as the family knows them: the colleague's name, not their login."""
        return self.names.get(login, login)

    @property
    def household_id(self) -> uuid.UUID:
        return self.person.household_id


# Kept for sorting and searching, derived from what the family sees: not a correction.
DERIVED_FIELDS = ("sort_name", "search_text")

# Corrections to these tables are about the household as a whole, which the person is part
# of: its address, its trajecten with their course and casusregisseurs, its meldcode
# procedures, and its contact moments (a contact is with the household and names no member; the report shows every
# contact, so it shows their corrections too).
# Signs of Safety's three columns and the veiligheidsplan are the household's too; a scale
# answer is the team's or one member's (``_Owners.answers``).
HOUSEHOLD_TABLES = (
    "household",
    "traject",
    "traject_event",
    "regisseur_assignment",
    "contact",
    # A meldcode procedure is about the household: its members are those involved.
    "meldcode_procedure",
    "meldcode_consultation",
    "meldcode_correction",
    "sos_assessment",
    "safety_plan",
    "safety_agreement",
    "action",  # an action is agreed about the household
    "agenda_item",  # the household's case in a meeting
    "meeting_decision",  # a decision on it
)
# The gezinsplan is made with the whole family and handed to it: every row of every version
# (goals, actions, network, organisations, na je 18e, evaluations, who agreed) is the
# household's. Each table -> the column that leads to its version (models.gezinsplan).
GEZINSPLAN_TABLES = (
    "gezinsplan",
    "gezinsplan_goal",
    "gezinsplan_action",
    "gezinsplan_network",
    "gezinsplan_partner",
    "gezinsplan_adulthood",
    "gezinsplan_evaluation",
    "gezinsplan_goal_result",
    "gezinsplan_party",
    "gezinsplan_safety",
)
# What the gezinsplan keeps for itself when a version is vastgesteld or evaluated (the live
# action, its status then, the names of who did it): bookkeeping, not a correction; the
# plan in the inzage shows what they say.
GEZINSPLAN_BOOKKEEPING = {
    ("gezinsplan", "settled_by"),
    ("gezinsplan", "regisseur"),
    ("gezinsplan_action", "owner"),
    ("gezinsplan_action", "action_id"),
    ("gezinsplan_action", "status_at_settle"),
    ("gezinsplan_action", "status_on_at_settle"),
    ("gezinsplan_evaluation", "held_by"),
}
# The household's address: left out of the inzage of a member living elsewhere when it is
# afgeschermd (models.records.HouseholdDossier.address_shielded), corrections included.
ADDRESS_FIELDS = ("street", "house_number", "postcode", "city", "phone")


@dataclass(frozen=True)
class _Owners:
    """Whom each per-person record of one household is about, also once it was removed."""

    consents: dict[uuid.UUID, uuid.UUID | None]  # None: the whole household
    measurements: dict[uuid.UUID, uuid.UUID | None]  # None: the whole household
    scores: dict[uuid.UUID, uuid.UUID]  # a score or chosen conclusion -> its measurement
    answers: dict[uuid.UUID, uuid.UUID | None]  # scale answer -> its member (None: the team)
    taxaties: dict[uuid.UUID, uuid.UUID | None]  # None: about the whole household
    factors: dict[uuid.UUID, uuid.UUID]  # factor -> its taxatie
    assessments: dict[uuid.UUID, uuid.UUID]  # scale answer -> its Signs of Safety
    plans: dict[uuid.UUID, uuid.UUID]  # agreement -> its veiligheidsplan version
    # a verwijzing, or its member or status row -> the members the verwijzing is for
    verwijzingen: dict[uuid.UUID, frozenset[uuid.UUID]] = field(default_factory=dict)
    decisions: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # -> its agenda item
    # a gezinsplan row (goal, action, evaluation, ...) -> its version
    gezinsplan: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)


def _gezinsplan_rows(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID]:
    """Each gezinsplan row of a household -> the version it is part of."""
    rows: dict[uuid.UUID, uuid.UUID] = {}
    for table in (PlanGoal, PlanNetwork, PlanPartner, PlanAdulthood, PlanEvaluation, PlanParty):
        rows.update(
            session.execute(
                select(table.id, table.plan_id).where(table.household_id == household_id)
            ).all()
        )
    rows.update(
        session.execute(
            select(PlanSafety.id, PlanSafety.plan_id).where(PlanSafety.household_id == household_id)
        ).all()
    )
    rows.update(
        session.execute(
            select(PlanAction.id, PlanGoal.plan_id)
            .join(PlanGoal, PlanGoal.id == PlanAction.goal_id)
            .where(PlanAction.household_id == household_id)
        ).all()
    )
    rows.update(
        session.execute(
            select(PlanGoalResult.id, PlanEvaluation.plan_id)
            .join(PlanEvaluation, PlanEvaluation.id == PlanGoalResult.evaluation_id)
            .where(PlanGoalResult.household_id == household_id)
        ).all()
    )
    rows.update(
        (plan_id, plan_id)
        for plan_id in session.scalars(
            select(Gezinsplan.id).where(Gezinsplan.household_id == household_id)
        )
    )
    return rows


def _key(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _owners(session: Session, household_id: uuid.UUID, changes: list[ChangeRecord]) -> _Owners:
    consents: dict[uuid.UUID, uuid.UUID | None] = dict(
        session.execute(
            select(Consent.id, Consent.person_id).where(Consent.household_id == household_id)
        ).all()
    )
    measurements: dict[uuid.UUID, uuid.UUID | None] = dict(
        session.execute(
            select(Measurement.id, Measurement.person_id).where(
                Measurement.household_id == household_id
            )
        ).all()
    )
    scores = dict(
        session.execute(
            select(MeasurementScore.id, MeasurementScore.measurement_id)
            .join(Measurement)
            .where(Measurement.household_id == household_id)
        ).all()
    )
    scores.update(
        session.execute(
            select(MeasurementConclusion.id, MeasurementConclusion.measurement_id)
            .join(Measurement)
            .where(Measurement.household_id == household_id)
        ).all()
    )
    answers = answer_owners(session, household_id)
    taxaties: dict[uuid.UUID, uuid.UUID | None] = dict(
        session.execute(
            select(Taxatie.id, Taxatie.person_id).where(Taxatie.household_id == household_id)
        ).all()
    )
    factors = dict(
        session.execute(
            select(TaxatieFactor.id, TaxatieFactor.taxatie_id).where(
                TaxatieFactor.household_id == household_id
            )
        ).all()
    )
    assessments = dict(
        session.execute(
            select(SignsOfSafetyAnswer.id, SignsOfSafetyAnswer.assessment_id).where(
                SignsOfSafetyAnswer.household_id == household_id
            )
        ).all()
    )
    plans = dict(
        session.execute(
            select(SafetyAgreement.id, SafetyAgreement.plan_id).where(
                SafetyAgreement.household_id == household_id
            )
        ).all()
    )
    decisions = dict(
        session.execute(
            select(MeetingDecision.id, MeetingDecision.item_id).where(
                MeetingDecision.household_id == household_id
            )
        ).all()
    )
    gezinsplan = _gezinsplan_rows(session, household_id)
    for change in changes:  # a removal keeps whom its record was about
        if change.field != REMOVED:
            continue
        values = removed_values(change.old_value)
        if change.table_name in GEZINSPLAN_TABLES:
            parent = _key(values.get("plan_id", ""))
            for via in ("goal_id", "evaluation_id"):  # an action's goal, a result's evaluation
                if parent is None and (row := _key(values.get(via, ""))):
                    parent = gezinsplan.get(row)
            if parent is not None:
                gezinsplan[change.record_id] = parent
            continue
        if change.table_name == "consent":
            consents[change.record_id] = _key(values.get("person_id", ""))
        elif change.table_name == "measurement":
            measurements[change.record_id] = _key(values.get("person_id", ""))
        elif change.table_name in ("measurement_score", "measurement_conclusion") and (
            measurement := _key(values.get("measurement_id", ""))
        ):
            scores[change.record_id] = measurement
        elif change.table_name == "sos_scale_answer":
            answers[change.record_id] = _key(values.get("person_id", ""))
            if assessment := _key(values.get("assessment_id", "")):
                assessments[change.record_id] = assessment
        elif change.table_name == "safety_agreement" and (plan := _key(values.get("plan_id", ""))):
            plans[change.record_id] = plan
        elif change.table_name == "taxatie":
            taxaties[change.record_id] = _key(values.get("person_id", ""))
        elif change.table_name == "meeting_decision" and (item := _key(values.get("item_id", ""))):
            decisions[change.record_id] = item
        elif change.table_name == "taxatie_factor" and (
            taxatie := _key(values.get("taxatie_id", ""))
        ):
            factors[change.record_id] = taxatie
    return _Owners(
        consents,
        measurements,
        scores,
        answers,
        taxaties,
        factors,
        assessments,
        plans,
        verwijzing_persons(session, household_id),
        decisions,
        gezinsplan,
    )


# Which passage of a meldcode procedure each of its columns is part of; the rest (the form,
# the victim, the dates, the afwegingskader's answers) stays visible when one is withheld.
PROCEDURE_PARTS = {
    "signals_by": PassagePart.SIGNALEN,
    "signals": PassagePart.SIGNALEN,
    "injury": PassagePart.SIGNALEN,
    **{
        f"conversation_{name}": PassagePart.GESPREK
        for name in ("on", "by", "held", "note", "why_not")
    },
    "weighing_note": PassagePart.AFWEGING,
    **{
        name: PassagePart.BESLISSING
        for name in (
            "decided_on",
            "decided_by",
            "melding",
            "melding_on",
            "vt_reference",
            "parents_told",
            "parents_not_told_why",
            "vt_feedback",
            "vt_next_step",
            "help",
            "agreements",
            "decision_note",
        )
    },
}
# A meeting case's columns that are its content: withheld with it (date, outcome, the safety
# check and the decisions' kinds stay).
CASE_TEXT = (
    "question",
    "information",
    "analysis",
    "conclusion",
    "internal_note",
    "family_reason",
    REMOVED,
)
# A taxatie's columns that are its reasoning (its factors are rows of their own).
TAXATIE_REASONING = ("onderbouwing", "reviewer_view", REMOVED)


def _passage_of(change: ChangeRecord, owners: _Owners) -> str:
    """The key of the reviewable passage a correction is part of, or '' (see ChangeLine)."""
    table, record = change.table_name, change.record_id
    parent: uuid.UUID | None
    if table == "taxatie" and change.field in TAXATIE_REASONING:
        return passage_key(PassageKind.TAXATIE, record, PassagePart.ONDERBOUWING)
    if table == "taxatie_factor" and (parent := owners.factors.get(record)):
        return passage_key(PassageKind.TAXATIE, parent, PassagePart.ONDERBOUWING)
    if table == "meldcode_procedure" and (part := PROCEDURE_PARTS.get(change.field)):
        return passage_key(PassageKind.MELDCODE, record, part)
    if table == "meldcode_consultation":
        return passage_key(PassageKind.MELDCODE, record, PassagePart.OVERLEG)
    if table == "sos_assessment":
        return passage_key(PassageKind.SIGNS_OF_SAFETY, record, PassagePart.INHOUD)
    if table == "sos_scale_answer" and (parent := owners.assessments.get(record)):
        return passage_key(PassageKind.SIGNS_OF_SAFETY, parent, PassagePart.INHOUD)
    if table == "safety_plan":
        return passage_key(PassageKind.VEILIGHEIDSPLAN, record, PassagePart.INHOUD)
    if table == "agenda_item" and change.field in CASE_TEXT:
        return passage_key(PassageKind.OVERLEG, record, PassagePart.INHOUD)
    if table == "meeting_decision" and change.field in ("text", REMOVED):
        if parent := owners.decisions.get(record):
            return passage_key(PassageKind.OVERLEG, parent, PassagePart.INHOUD)
    if table == "safety_agreement" and (parent := owners.plans.get(record)):
        return passage_key(PassageKind.VEILIGHEIDSPLAN, parent, PassagePart.INHOUD)
    if table in GEZINSPLAN_TABLES and (parent := owners.gezinsplan.get(record)):
        return passage_key(PassageKind.GEZINSPLAN, parent, PassagePart.INHOUD)
    return ""


def _about_the_person(change: ChangeRecord, person_id: uuid.UUID, owners: _Owners) -> bool:
    """Whether a correction belongs in this person's inzage.

    Their own record, the household's own facts (:data:`HOUSEHOLD_TABLES`), consents about
    them or about the whole household, and their own ZRMs: also when such a record was
    corrected and later removed. Never another member's record, consent or ZRM, nor that
    another member was removed (they may have been entered in the wrong household); the
    dossier's log shows every change, that one too, without saying whose.
    """
    table, record = change.table_name, change.record_id
    if table in GEZINSPLAN_TABLES:
        return (table, change.field) not in GEZINSPLAN_BOOKKEEPING
    if table in HOUSEHOLD_TABLES:
        return True
    if table == "person":
        return record == person_id
    if table == "consent":
        return record in owners.consents and owners.consents[record] in (None, person_id)
    if table == "measurement":
        return record in owners.measurements and owners.measurements[record] in (None, person_id)
    if table in ("measurement_score", "measurement_conclusion"):
        measurement = owners.scores.get(record)
        return measurement in owners.measurements and owners.measurements[measurement] in (
            None,
            person_id,
        )
    if table == "sos_scale_answer":
        return record in owners.answers and owners.answers[record] in (None, person_id)
    if table == "taxatie":  # the household's own, or this child's
        return record in owners.taxaties and owners.taxaties[record] in (None, person_id)
    if table == "taxatie_factor":
        taxatie = owners.factors.get(record)
        return taxatie in owners.taxaties and owners.taxaties[taxatie] in (None, person_id)
    if table in ("verwijzing", "verwijzing_member", "verwijzing_status"):  # one they are in
        return person_id in owners.verwijzingen.get(record, frozenset())
    return False


def _own_answers(record: SignsOfSafetyRecord, person_id: uuid.UUID) -> SignsOfSafetyRecord:
    """A Signs of Safety as one member's inzage shows it: the team's scale answer and their
    own; another member's answer is that member's (a young person's view is not a parent's
    to read)."""
    answers = tuple(a for a in record.draft.answers if a.person_id in (None, person_id))
    names = {k: v for k, v in record.names.items() if k == person_id}
    return replace(record, draft=replace(record.draft, answers=answers), names=names)


def meeting_cases(session: Session, household_id: uuid.UUID) -> list[InzageMeetingCase]:
    """The household's own cases in meetings, the latest meeting first."""
    items = household_items(session, household_id)
    meetings = {
        meeting_id: (number, kind, held_on)
        for meeting_id, number, kind, held_on in session.execute(
            select(Meeting.id, Meeting.number, Meeting.kind, Meeting.held_on).where(
                Meeting.id.in_({i.meeting_id for i in items})
            )
        )
    }
    return [InzageMeetingCase(*meetings[i.meeting_id], i) for i in items]


def _own_levels(plan: GezinsplanRecord, person_id: uuid.UUID) -> GezinsplanRecord:
    """A plan version as one member's inzage shows it: beside each goal only their own
    measured level."""
    goals = tuple(
        replace(g, measured=tuple(m for m in g.measured if m.person_id == person_id))
        for g in plan.goals
    )
    return replace(plan, goals=goals)


def inzage_report(session: Session, person_id: uuid.UUID) -> InzageReport:
    """Everything stored about one person: for the PDF and the JSON file."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    dossier = service.load_dossier(session, person.household_id)
    household_changes = list(
        session.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.household_id == person.household_id)
            .where(ChangeRecord.field.not_in(DERIVED_FIELDS))
            .order_by(ChangeRecord.at)
        )
    )
    owners = _owners(session, person.household_id, household_changes)
    history = [h for h in household_changes if _about_the_person(h, person.id, owners)]
    address = dossier.household
    address_withheld = dossier.address_shielded and person.lives_elsewhere
    if address_withheld:
        address = replace(address, **dict.fromkeys(ADDRESS_FIELDS, ""))
        history = [
            h for h in history if not (h.table_name == "household" and h.field in ADDRESS_FIELDS)
        ]
    return InzageReport(
        person=InzagePerson(
            id=person.id,
            household_id=person.household_id,
            first_name=person.first_name,
            infix=person.infix,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            role=person.role,
            bsn=person.bsn,
            recorded_at=person.created_at,
            recorded_by=person.created_by,
            gezag=person.gezag,
            lives_elsewhere=person.lives_elsewhere,
            address=person.address,
            address_shielded=person.address_shielded,
        ),
        household=InzageHousehold(
            dossier_number=dossier.dossier_number,
            address=address,
            members=tuple(m.full_name for m in dossier.members),
            address_withheld=address_withheld,
        ),
        trajecten=tuple(t for t in (dossier.traject, *dossier.earlier_trajecten) if t is not None),
        contacts=dossier.contacts,
        consents=tuple(
            c
            for c in list_consents(session, person.household_id)
            if c.person_id in (None, person_id)
        ),
        measurements=tuple(
            sorted(
                [
                    *person_measurements(session, person_id, None),
                    *household_measurements(session, person.household_id),
                ],
                key=lambda m: m.measured_on,
            )
        ),
        changes=tuple(
            ChangeLine(
                h.at,
                h.login,
                h.table_name,
                h.field,
                h.old_value,
                h.new_value,
                _passage_of(h, owners),
            )
            for h in history
        ),
        access=tuple(household_log(session, person.household_id)),
        signs_of_safety=tuple(
            _own_answers(s, person_id) for s in list_signs(session, person.household_id)
        ),
        safety_plans=safety_plans(session, person.household_id).versions,
        names={
            login: name
            for login, name in session.execute(select(Account.login, Account.display_name))
        },
        meldcode=tuple(list_procedures(session, person.household_id)),
        instruments=instruments(session),
        taxaties=tuple(
            t
            for t in list_taxaties(session, person.household_id)
            if t.person_id in (None, person_id)
        ),
        actions=tuple(list_actions(session, person.household_id)),
        verwijzingen=tuple(
            v
            for v in list_verwijzingen(session, person.household_id)
            if person_id in v.draft.member_ids
        ),
        meeting_cases=tuple(meeting_cases(session, person.household_id)),
        gezinsplannen=tuple(
            _own_levels(v, person_id) for v in plans(session, person.household_id).versions
        ),
    )
