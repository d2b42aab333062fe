"""Reviewing the inzage before it leaves: the passages the regisseur may withhold, and why.

The safety records in an inzage (risicotaxaties, the meldcode's steps, Signs of Safety and
the veiligheidsplan), the household's cases in meetings and its gezinsplan may hold what the family may not read: who reported a signal (a third
party's privacy), or what would put the child at risk. Before an export they are listed as
*passages* (:func:`passages`); the household's casusregisseur may withhold one with a reason
from the code list ``achterhoudreden`` and a toelichting. The report then holds the reason
instead of the content (:func:`withhold`), and each withholding is recorded
(:class:`InzageWithholding`: what, for whom, why, by whom, when — never a copy of the
content). The rows go with the dossier (:func:`forget_household`).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator
from dataclasses import replace

from sqlalchemy import ForeignKey, String, Uuid, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.afwegingskader import ProcedureRecord
from models.base import Base, Tracked
from models.codelists import load_codelists
from models.entities import RegisseurAssignment, Traject
from models.enums import PassageKind, PassagePart
from models.errors import NotFound, Rule, RuleViolation
from models.gezinsplan_records import GezinsplanDraft, GezinsplanRecord
from models.households import own_medewerker
from models.inzage import PROCEDURE_PARTS, InzageMeetingCase, InzageReport
from models.meeting_records import CaseNotes
from models.permissions import Actor
from models.records import (
    Passage,
    SafetyPlanRecord,
    SignsOfSafetyRecord,
    TaxatieRecord,
    Withholding,
    passage_key,
)
from models.rules import WITHHOLDING, check_draft
from models.validation import Problem, ValidationError

REASONS = "achterhoudreden"  # the code list of reasons


class InzageWithholding(Tracked, Base):
    """One passage withheld from one export: who (``created_by``) and when (``created_at``).

    The person is an id without a foreign key: the record of what their inzage left out
    outlives their removal from the household, and goes with the dossier.
    """

    __tablename__ = "inzage_withholding"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # whose inzage it was
    passage_key: Mapped[str] = mapped_column(String(100))  # Passage.key: no content
    reason: Mapped[str] = mapped_column(String(40))  # code list achterhoudreden
    toelichting: Mapped[str] = mapped_column(String(500))


# --- the passages ---------------------------------------------------------------------------


def _meldcode(record: ProcedureRecord) -> Iterator[Passage]:
    """Step 1, each consultation, and steps 3, 4 (its note) and 5 as far as recorded."""
    step = Passage(
        PassageKind.MELDCODE,
        record.id,
        PassagePart.SIGNALEN,
        record.since,
        form=record.start.form,
        since=record.since,
    )
    yield step
    for consultation in record.consultations:
        draft = consultation.draft
        yield replace(
            step,
            record_id=consultation.id,
            part=PassagePart.OVERLEG,
            on=draft.consulted_on,
            consulted=draft.kind,
        )
    if record.conversation is not None:
        yield replace(step, part=PassagePart.GESPREK, on=record.conversation.on)
    if record.weighing is not None and record.weighing.note:
        yield replace(step, part=PassagePart.AFWEGING, on=record.weighing.on)
    if record.decision is not None:
        yield replace(step, part=PassagePart.BESLISSING, on=record.decision.on)


def passages(report: InzageReport) -> tuple[Passage, ...]:
    """Every passage of the report the regisseur may withhold, in the report's order."""
    found: list[Passage] = []
    for procedure in report.meldcode:
        found += _meldcode(procedure)
    found += [
        Passage(PassageKind.SIGNS_OF_SAFETY, s.id, PassagePart.INHOUD, s.assessed_on)
        for s in report.signs_of_safety
    ]
    found += [
        Passage(PassageKind.VEILIGHEIDSPLAN, p.id, PassagePart.INHOUD, p.made_on, version=p.version)
        for p in report.safety_plans
    ]
    found += [
        Passage(
            PassageKind.TAXATIE,
            t.id,
            PassagePart.ONDERBOUWING,
            t.draft.assessed_on,
            whole_household=t.person_id is None,
        )
        for t in report.taxaties
    ]
    found += [
        Passage(PassageKind.OVERLEG, c.item.id, PassagePart.INHOUD, c.held_on)
        for c in report.meeting_cases
    ]
    found += [
        Passage(
            PassageKind.GEZINSPLAN, p.id, PassagePart.INHOUD, p.draft.made_on, version=p.version
        )
        for p in report.gezinsplannen
    ]
    return tuple(found)


# --- who may withhold -----------------------------------------------------------------------


def regisseur_of(session: Session, household_id: uuid.UUID) -> uuid.UUID | None:
    """The medewerker who is the household's casusregisseur: of its current traject now, or,
    when that traject is closed, its last one (an inzage is often asked for afterwards)."""
    traject = session.scalar(
        select(Traject).where(Traject.household_id == household_id, Traject.is_current.is_(True))
    )
    if traject is None:
        return None
    assignments = list(
        session.scalars(
            select(RegisseurAssignment).where(RegisseurAssignment.traject_id == traject.id)
        )
    )
    current = [a for a in assignments if a.end_on is None]
    if current:
        return current[0].medewerker_id
    if traject.closed_on is None or not assignments:
        return None  # an open traject without a regisseur now
    return max(assignments, key=lambda a: (a.end_on, a.start_on)).medewerker_id


def may_withhold(session: Session, household_id: uuid.UUID, actor: Actor) -> bool:
    """Only the household's casusregisseur, as the medewerker linked to their account."""
    regisseur = regisseur_of(session, household_id)
    return regisseur is not None and own_medewerker(session, actor.account_id, actor.name) == (
        regisseur
    )


def check_withholdings(
    session: Session, report: InzageReport, actor: Actor, withheld: Collection[Withholding]
) -> None:
    """Refuse anyone but the regisseur, a passage that is not in this inzage (any more), and a
    withholding without a known reason or without a toelichting."""
    if not withheld:
        return
    if not may_withhold(session, report.household_id, actor):
        raise RuleViolation(Rule.WITHHOLD_NOT_REGISSEUR)
    known = {p.key for p in passages(report)}
    codes = load_codelists()
    for item in withheld:
        if item.key not in known:
            raise NotFound("passage")  # removed meanwhile, or of another inzage
        problems = check_draft(WITHHOLDING, item)
        if "reason" not in problems and not codes.has(REASONS, item.reason):
            problems["reason"] = Problem.UNKNOWN_CODE
        if problems:
            raise ValidationError(problems)


def record_withholdings(
    session: Session, report: InzageReport, withheld: Collection[Withholding]
) -> None:
    """Write down each withholding of an export, in the transaction of its EXPORT line."""
    for item in withheld:
        session.add(
            InzageWithholding(
                household_id=report.household_id,
                person_id=report.person.id,
                passage_key=item.key,
                reason=item.reason,
                toelichting=item.toelichting.strip(),
            )
        )


def withholdings(session: Session, household_id: uuid.UUID) -> list[InzageWithholding]:
    """What was withheld from the household's inzages, oldest first."""
    return list(
        session.scalars(
            select(InzageWithholding)
            .where(InzageWithholding.household_id == household_id)
            .order_by(InzageWithholding.created_at)
        )
    )


def forget_household(session: Session, household_id: uuid.UUID) -> None:
    """Delete a destroyed dossier's withholdings (before the household: they point at it)."""
    session.execute(delete(InzageWithholding).where(InzageWithholding.household_id == household_id))


# --- the report without what was withheld ----------------------------------------------------


def _taxatie(record: TaxatieRecord) -> TaxatieRecord:
    """The conclusion stays (safety, risk, state, who); the reasoning goes."""
    return replace(
        record, draft=replace(record.draft, factors=(), onderbouwing=""), reviewer_view=""
    )


def _procedure(record: ProcedureRecord, withheld: dict[str, str]) -> ProcedureRecord:
    def gone(part: PassagePart, record_id: uuid.UUID = record.id) -> bool:
        return passage_key(PassageKind.MELDCODE, record_id, part) in withheld

    start, talk, weighing = record.start, record.conversation, record.weighing
    if gone(PassagePart.SIGNALEN):
        start = replace(start, signals_by="", signals="", injury=False)
    consultations = tuple(
        replace(c, draft=replace(c.draft, by="", consulted="", anonymous=False, advice=""))
        if gone(PassagePart.OVERLEG, c.id)
        else c
        for c in record.consultations
    )
    if talk is not None and gone(PassagePart.GESPREK):
        talk = replace(talk, by="", note="", why_not="")
    if weighing is not None and gone(PassagePart.AFWEGING):
        weighing = replace(weighing, note="")
    decision = record.decision
    if decision is not None and gone(PassagePart.BESLISSING):
        decision = replace(
            decision,
            by="",
            melding=False,
            melding_on=None,
            vt_reference="",
            parents_told=None,
            parents_not_told_why="",
            vt_feedback="",
            vt_next_step="",
            help=False,
            agreements="",
            note="",
        )
    # A correction's reason may retell what it corrected: it goes with a withheld part.
    corrections = tuple(
        replace(c, reason="")
        if any(gone(part) for f in c.fields if (part := PROCEDURE_PARTS.get(f)) is not None)
        else c
        for c in record.corrections
    )
    return replace(
        record,
        start=start,
        consultations=consultations,
        conversation=talk,
        weighing=weighing,
        decision=decision,
        corrections=corrections,
    )


def _signs(record: SignsOfSafetyRecord) -> SignsOfSafetyRecord:
    draft = replace(record.draft, worries="", going_well="", next_steps="", answers=())
    return replace(record, draft=draft, names={})


def _plan(record: SafetyPlanRecord) -> SafetyPlanRecord:
    settlement = record.settlement and replace(record.settlement, not_agreed_reason="")
    return replace(record, goal="", agreements=(), settlement=settlement)


def _case(case: InzageMeetingCase) -> InzageMeetingCase:
    """The meeting, the date, the outcome, the safety check and each decision's kind stay;
    the casusvraag, the notes and what the decisions say go."""
    item = case.item
    notes = item.notes
    kept = CaseNotes(
        safety_discussed=notes.safety_discussed,
        network_discussed=notes.network_discussed,
        family_attendance=notes.family_attendance,
    )
    return replace(
        case,
        item=replace(
            item,
            draft=replace(item.draft, question=""),
            notes=kept,
            decisions=tuple(replace(d, draft=replace(d.draft, text="")) for d in item.decisions),
        ),
    )


def _gezinsplan(record: GezinsplanRecord) -> GezinsplanRecord:
    """The version, its dates, the regisseur and who agreed stay; the texts, goals, actions,
    network, organisations, safety agreements and what the evaluations found go."""
    return replace(
        record,
        draft=GezinsplanDraft(made_on=record.draft.made_on),
        goals=(),
        network=(),
        partners=(),
        adulthood=(),
        evaluations=tuple(replace(e, note="", results=()) for e in record.evaluations),
        parties=tuple(
            replace(p, draft=replace(p.draft, not_agreed_reason="")) for p in record.parties
        ),
        safety=(),
        removed_goals=(),
    )


def withhold(report: InzageReport, withheld: Collection[Withholding]) -> InzageReport:
    """The report with each withheld passage's content gone and its reason in its place
    (``InzageReport.withheld``); so is what the correction history kept of it."""
    if not withheld:
        return report
    reasons = {w.key: w.reason for w in withheld}
    key = passage_key
    return replace(
        report,
        withheld=reasons,
        taxaties=tuple(
            _taxatie(t)
            if key(PassageKind.TAXATIE, t.id, PassagePart.ONDERBOUWING) in reasons
            else t
            for t in report.taxaties
        ),
        meldcode=tuple(_procedure(p, reasons) for p in report.meldcode),
        signs_of_safety=tuple(
            _signs(s)
            if key(PassageKind.SIGNS_OF_SAFETY, s.id, PassagePart.INHOUD) in reasons
            else s
            for s in report.signs_of_safety
        ),
        safety_plans=tuple(
            _plan(p) if key(PassageKind.VEILIGHEIDSPLAN, p.id, PassagePart.INHOUD) in reasons else p
            for p in report.safety_plans
        ),
        meeting_cases=tuple(
            _case(c) if key(PassageKind.OVERLEG, c.item.id, PassagePart.INHOUD) in reasons else c
            for c in report.meeting_cases
        ),
        gezinsplannen=tuple(
            _gezinsplan(p)
            if key(PassageKind.GEZINSPLAN, p.id, PassagePart.INHOUD) in reasons
            else p
            for p in report.gezinsplannen
        ),
        changes=tuple(
            replace(c, old_value="", new_value="") if c.passage in reasons else c
            for c in report.changes
        ),
    )
