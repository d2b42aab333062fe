"""The meldcode procedures of a household: walk the five steps, finish, correct with a reason.

The afwegingskader's order is checked here as well as in the form (:func:`weigh` raises
:class:`~models.afwegingskader.OutOfOrder`), so no caller can skip a question. A finished
procedure is read-only: a change then needs a reason, kept as a :class:`MeldcodeCorrection`
beside the correction history's old values.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session, selectinload

from models.afwegingskader import (
    ConsultationDraft,
    ConsultationRecord,
    ConversationDraft,
    CorrectionRecord,
    DecisionDraft,
    MeldcodeRefused,
    MeldcodeRule,
    OpenProcedure,
    Outcome,
    ProcedureRecord,
    StartDraft,
    WeighingDraft,
    deviates,
    weigh,
)
from models.base import get_or_raise
from models.entities import (
    Household,
    MeldcodeConsultation,
    MeldcodeCorrection,
    MeldcodeProcedure,
    Person,
)
from models.history import SKIPPED
from models.records import TodoItem, full_name
from models.rules import (
    MELDCODE_CONSULTATION,
    MELDCODE_CONVERSATION,
    MELDCODE_DECISION,
    MELDCODE_START,
    MELDCODE_WEIGHING,
    check_draft,
)
from models.todo import regisseur_name, register_provider
from models.validation import Problem, ValidationError, check_date

Apply = Callable[[MeldcodeProcedure], None]


def _raise_if(problems: dict[str, Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _date(problems: dict[str, Problem], key: str, value: date | None, **bounds: date) -> None:
    if value is not None and key not in problems and (problem := check_date(value, **bounds)):
        problems[key] = problem


def _snapshot(obj: object) -> dict[str, object]:
    return {
        c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs if c.key not in SKIPPED
    }


def _change(
    session: Session, procedure: MeldcodeProcedure, apply: Apply, reason: str | None
) -> None:
    """Apply a change to a procedure: freely while it is open; once finished only with a
    reason, which is kept with the names of the fields it changed."""
    if procedure.finished_on is None:
        apply(procedure)
        return
    reason = (reason or "").strip()
    if not reason:
        raise MeldcodeRefused(MeldcodeRule.FINISHED)
    before = {c.id: _snapshot(c) for c in procedure.consultations}
    before[procedure.id] = _snapshot(procedure)
    ids_before = {c.id for c in procedure.consultations}
    apply(procedure)
    session.flush()
    changed: list[str] = []
    records: list[MeldcodeProcedure | MeldcodeConsultation] = [
        procedure,
        *procedure.consultations,
    ]
    for record in records:
        old = before.get(record.id)
        now = _snapshot(record)
        changed += [k for k, v in now.items() if old is None or old.get(k) != v]
    if {c.id for c in procedure.consultations} != ids_before:
        changed.append("consultations")
    fields = sorted(set(changed) - {"household_id", "procedure_id"})
    if not fields:
        raise MeldcodeRefused(MeldcodeRule.NOTHING_CHANGED)
    procedure.corrections.append(
        MeldcodeCorrection(
            household_id=procedure.household_id, reason=reason, fields=",".join(fields)
        )
    )


# --- step 1: start ----------------------------------------------------------------------------


def _check_start(session: Session, household_id: uuid.UUID, draft: StartDraft, today: date) -> None:
    problems = check_draft(MELDCODE_START, draft)
    _date(problems, "signals_on", draft.signals_on, not_after=today)
    if draft.victim_id is not None:
        victim = session.get(Person, draft.victim_id)
        if victim is None or victim.household_id != household_id:
            problems["victim_id"] = Problem.UNKNOWN_CODE
    _raise_if(problems)


def _apply_start(procedure: MeldcodeProcedure, draft: StartDraft) -> None:
    procedure.form = draft.form
    procedure.victim_kind = draft.victim_kind
    procedure.victim_id = draft.victim_id
    procedure.signals_on = draft.signals_on
    procedure.signals_by = draft.signals_by.strip()
    procedure.signals = draft.signals.strip()
    procedure.injury = draft.injury


def start_procedure(
    session: Session, household_id: uuid.UUID, draft: StartDraft, *, today: date | None = None
) -> uuid.UUID:
    get_or_raise(session, Household, household_id)
    _check_start(session, household_id, draft, today or date.today())
    procedure = MeldcodeProcedure(household_id=household_id)
    _apply_start(procedure, draft)
    session.add(procedure)
    session.flush()
    return procedure.id


def update_start(
    session: Session,
    procedure_id: uuid.UUID,
    draft: StartDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> None:
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    _check_start(session, procedure.household_id, draft, today or date.today())
    _change(session, procedure, lambda p: _apply_start(p, draft), reason)


# --- step 2: consultations ----------------------------------------------------------------------


def _check_consultation(draft: ConsultationDraft, today: date) -> None:
    problems = check_draft(MELDCODE_CONSULTATION, draft)
    _date(problems, "consulted_on", draft.consulted_on, not_after=today)
    _raise_if(problems)


def _apply_consultation(row: MeldcodeConsultation, draft: ConsultationDraft) -> None:
    row.kind = draft.kind
    row.consulted_on = draft.consulted_on
    row.consulted_by = draft.by.strip()
    row.consulted = draft.consulted.strip()
    row.anonymous = draft.anonymous
    row.advice = draft.advice.strip()


def add_consultation(
    session: Session,
    procedure_id: uuid.UUID,
    draft: ConsultationDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> uuid.UUID:
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    _check_consultation(draft, today or date.today())
    row = MeldcodeConsultation(household_id=procedure.household_id)
    _apply_consultation(row, draft)
    _change(session, procedure, lambda p: p.consultations.append(row), reason)
    session.flush()
    return row.id


def update_consultation(
    session: Session,
    consultation_id: uuid.UUID,
    draft: ConsultationDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> None:
    row = get_or_raise(session, MeldcodeConsultation, consultation_id)
    _check_consultation(draft, today or date.today())
    _change(session, row.procedure, lambda _p: _apply_consultation(row, draft), reason)


def remove_consultation(
    session: Session, consultation_id: uuid.UUID, *, reason: str | None = None
) -> None:
    row = get_or_raise(session, MeldcodeConsultation, consultation_id)
    _change(session, row.procedure, lambda p: p.consultations.remove(row), reason)


# --- step 3: the conversation ---------------------------------------------------------------------


def record_conversation(
    session: Session,
    procedure_id: uuid.UUID,
    draft: ConversationDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> None:
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    problems = check_draft(MELDCODE_CONVERSATION, draft)
    _date(problems, "on", draft.on, not_after=today or date.today())
    if not draft.held and not draft.why_not.strip():
        problems["why_not"] = Problem.REQUIRED
    _raise_if(problems)

    def apply(p: MeldcodeProcedure) -> None:
        p.conversation_held = draft.held
        p.conversation_on = draft.on
        p.conversation_by = draft.by.strip()
        p.conversation_note = draft.note.strip()
        p.conversation_why_not = "" if draft.held else draft.why_not.strip()

    _change(session, procedure, apply, reason)


# --- step 4: the afwegingskader -------------------------------------------------------------------


def record_weighing(
    session: Session,
    procedure_id: uuid.UUID,
    draft: WeighingDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> None:
    """The afwegingskader's answers; an answer out of order raises OutOfOrder, whoever calls."""
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    weighing = weigh(draft.answers)  # OutOfOrder before anything else
    problems = check_draft(MELDCODE_WEIGHING, draft)
    _date(problems, "on", draft.on, not_after=today or date.today())
    if not draft.answers or draft.answers[0] is None:
        problems["answer_1"] = Problem.REQUIRED
    if weighing.volgen:
        if draft.evaluation_on is None:
            problems["evaluation_on"] = Problem.REQUIRED
        elif draft.evaluation_on < draft.on:
            problems["evaluation_on"] = Problem.END_BEFORE_START
    _raise_if(problems)
    answers = tuple(draft.answers) + (None,) * (5 - len(draft.answers))

    def apply(p: MeldcodeProcedure) -> None:
        p.weighed_on = draft.on
        p.weighed_by = draft.by.strip()
        p.answer_1, p.answer_2, p.answer_3, p.answer_4, p.answer_5 = answers
        p.weighing_note = draft.note.strip()
        p.evaluation_on = draft.evaluation_on if weighing.outcome in _FOLLOWED else None

    _change(session, procedure, apply, reason)


# The outcomes that followed help (question 5 answered or awaited): they keep the evaluation date.
_FOLLOWED = {Outcome.HULP_ORGANISEREN, Outcome.HULP_VOORTZETTEN, Outcome.MELDEN_NIET_DUURZAAM}


def _answers(procedure: MeldcodeProcedure) -> tuple[bool | None, ...]:
    p = procedure
    answers = (p.answer_1, p.answer_2, p.answer_3, p.answer_4, p.answer_5)
    last = max((i + 1 for i, a in enumerate(answers) if a is not None), default=0)
    return answers[:last]


# --- step 5: the decision -------------------------------------------------------------------------


def record_decision(
    session: Session,
    procedure_id: uuid.UUID,
    draft: DecisionDraft,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> None:
    """Melding and/or help: whichever the professional decides, after the afwegingskader.
    Not following a conclusion to melden needs a toelichting."""
    today = today or date.today()
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    outcome = weigh(_answers(procedure)).outcome if procedure.weighed_on else None
    if outcome is None:
        raise MeldcodeRefused(MeldcodeRule.NOT_WEIGHED)
    problems = check_draft(MELDCODE_DECISION, draft)
    _date(problems, "on", draft.on, not_after=today)
    if draft.melding:
        if draft.melding_on is None:
            problems["melding_on"] = Problem.REQUIRED
        else:
            _date(problems, "melding_on", draft.melding_on, not_after=today)
        if draft.parents_told is None:
            problems["parents_told"] = Problem.REQUIRED
        elif not draft.parents_told and not draft.parents_not_told_why.strip():
            problems["parents_not_told_why"] = Problem.REQUIRED
    if draft.help and not draft.agreements.strip():
        problems["agreements"] = Problem.REQUIRED
    if deviates(outcome, draft.melding, draft.help) and not draft.note.strip():
        problems["note"] = Problem.REQUIRED
    _raise_if(problems)

    def apply(p: MeldcodeProcedure) -> None:
        p.decided_on = draft.on
        p.decided_by = draft.by.strip()
        p.melding = draft.melding
        p.melding_on = draft.melding_on if draft.melding else None
        p.vt_reference = draft.vt_reference.strip() if draft.melding else ""
        p.parents_told = draft.parents_told if draft.melding else None
        told = draft.melding and draft.parents_told is False
        p.parents_not_told_why = draft.parents_not_told_why.strip() if told else ""
        p.vt_feedback = draft.vt_feedback.strip() if draft.melding else ""
        p.vt_next_step = draft.vt_next_step.strip() if draft.melding else ""
        p.help = draft.help
        p.agreements = draft.agreements.strip() if draft.help else ""
        p.decision_note = draft.note.strip()

    _change(session, procedure, apply, reason)


# --- finishing ------------------------------------------------------------------------------------


def finish_procedure(
    session: Session, procedure_id: uuid.UUID, on: date, *, today: date | None = None
) -> None:
    """Finish a procedure whose afwegingskader is concluded and whose decision is recorded."""
    procedure = get_or_raise(session, MeldcodeProcedure, procedure_id)
    if procedure.finished_on is not None:
        raise MeldcodeRefused(MeldcodeRule.FINISHED)
    weighing = weigh(_answers(procedure))
    if procedure.weighed_on is None or weighing.outcome is None:
        raise MeldcodeRefused(MeldcodeRule.NOT_WEIGHED)
    if weighing.volgen:
        raise MeldcodeRefused(MeldcodeRule.VOLGEN)
    if procedure.decided_on is None:
        raise MeldcodeRefused(MeldcodeRule.NO_DECISION)
    if deviates(weighing.outcome, procedure.melding, procedure.help) and not (
        procedure.decision_note.strip()
    ):
        # decided while help was followed; question 5 has since changed the conclusion
        raise MeldcodeRefused(MeldcodeRule.DECISION_OUTDATED)
    problems: dict[str, Problem] = {}
    _date(problems, "on", on, not_after=today or date.today(), not_before=procedure.signals_on)
    _raise_if(problems)
    procedure.finished_on = on


# --- reading --------------------------------------------------------------------------------------


def _record(procedure: MeldcodeProcedure, names: dict[uuid.UUID, str]) -> ProcedureRecord:
    p = procedure
    return ProcedureRecord(
        id=p.id,
        household_id=p.household_id,
        start=StartDraft(
            p.form, p.victim_kind, p.signals_on, p.signals_by, p.signals, p.victim_id, p.injury
        ),
        victim=names.get(p.victim_id, "") if p.victim_id else "",
        consultations=tuple(
            ConsultationRecord(
                c.id,
                ConsultationDraft(
                    c.kind, c.consulted_on, c.consulted_by, c.consulted, c.anonymous, c.advice
                ),
            )
            for c in p.consultations
        ),
        conversation=ConversationDraft(
            bool(p.conversation_held),
            p.conversation_on,
            p.conversation_by,
            p.conversation_note,
            p.conversation_why_not,
        )
        if p.conversation_on is not None
        else None,
        weighing=WeighingDraft(
            _answers(p), p.weighed_on, p.weighed_by, p.weighing_note, p.evaluation_on
        )
        if p.weighed_on is not None
        else None,
        decision=DecisionDraft(
            p.decided_on,
            p.decided_by,
            p.melding,
            p.melding_on,
            p.vt_reference,
            p.parents_told,
            p.parents_not_told_why,
            p.vt_feedback,
            p.vt_next_step,
            p.help,
            p.agreements,
            p.decision_note,
        )
        if p.decided_on is not None
        else None,
        finished_on=p.finished_on,
        corrections=tuple(
            CorrectionRecord(c.created_at, c.created_by, c.reason, tuple(c.fields.split(",")))
            for c in p.corrections
        ),
    )


def _names(session: Session, household_id: uuid.UUID) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(Person.id, Person.first_name, Person.infix, Person.last_name).where(
            Person.household_id == household_id
        )
    )
    return {pid: full_name(first, infix, last) for pid, first, infix, last in rows}


def list_procedures(session: Session, household_id: uuid.UUID) -> list[ProcedureRecord]:
    """The household's procedures, the newest first."""
    rows = session.scalars(
        select(MeldcodeProcedure)
        .where(MeldcodeProcedure.household_id == household_id)
        .options(
            selectinload(MeldcodeProcedure.consultations),
            selectinload(MeldcodeProcedure.corrections),
        )
        .order_by(MeldcodeProcedure.signals_on.desc(), MeldcodeProcedure.created_at.desc())
    )
    names = _names(session, household_id)
    return [_record(p, names) for p in rows]


def procedure(session: Session, procedure_id: uuid.UUID) -> ProcedureRecord:
    p = get_or_raise(session, MeldcodeProcedure, procedure_id)
    return _record(p, _names(session, p.household_id))


def open_procedures(session: Session, household_id: uuid.UUID) -> list[OpenProcedure]:
    """What the dossier header shows: each procedure not yet finished, its form, step and
    since when (the signals' date), and the evaluation date while help is followed."""
    return open_of(list_procedures(session, household_id))


def open_of(records: Iterable[ProcedureRecord]) -> list[OpenProcedure]:
    """The header's view of procedures already read: those not yet finished."""
    return [
        OpenProcedure(
            r.id,
            r.start.form,
            r.status,
            r.step,
            r.since,
            r.weighing.evaluation_on if r.weighing and r.conclusion.volgen else None,
        )
        for r in records
        if r.finished_on is None
    ]


def destroy_for(session: Session, household_id: uuid.UUID) -> None:
    """With the dossier: every procedure, consultation and correction reason of a household."""
    for table in (MeldcodeCorrection, MeldcodeConsultation, MeldcodeProcedure):
        session.execute(delete(table).where(table.household_id == household_id))


EVALUATION = "meldcode-evaluatie"  # the Te doen kind (models.wording.TODO_KIND)


def due_evaluations(
    session: Session, today: date, households: set[uuid.UUID] | None
) -> list[TodoItem]:
    """Each procedure whose help is being followed and whose evaluation date has come
    (question 5 of the afwegingskader is then due), in any household of ``households``
    (None: the whole team). A finished procedure has no evaluation left."""
    regisseur = regisseur_name(Household.id)
    stmt = (
        select(MeldcodeProcedure, Household.dossier_number, Household.name, regisseur)
        .join(Household, Household.id == MeldcodeProcedure.household_id)
        .where(
            MeldcodeProcedure.finished_on.is_(None),
            MeldcodeProcedure.evaluation_on.is_not(None),
            MeldcodeProcedure.evaluation_on <= today,
            MeldcodeProcedure.answer_5.is_(None),
        )
    )
    if households is not None:
        stmt = stmt.where(MeldcodeProcedure.household_id.in_(households))
    items = []
    for procedure, number, name, regisseur_text in session.execute(stmt):
        assert procedure.evaluation_on is not None
        items.append(
            TodoItem(
                EVALUATION,
                procedure.household_id,
                number,
                name,
                "",
                procedure.evaluation_on,
                regisseur_text or "",
            )
        )
    return items


register_provider(EVALUATION, due_evaluations)
