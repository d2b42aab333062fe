"""The meldcode's plain values and the afwegingskader's logic: no SQL, no Qt.

The meldcode huiselijk geweld en kindermishandeling has five steps; step 4 is the
afwegingskader (2019), five questions asked in order. :func:`weigh` draws the conclusion
the framework prescribes from the answers given so far, and refuses answers given out of
order (:class:`OutOfOrder`), so neither a form nor a script can skip a question. Views
may import this module (its Dutch words are in :mod:`models.wording`).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from models.errors import DomainError


class ViolenceForm(enum.StrEnum):
    KINDERMISHANDELING = "kindermishandeling"
    PARTNERGEWELD = "partnergeweld"
    OUDERENMISHANDELING = "ouderenmishandeling"
    EERGERELATEERD = "eergerelateerd_geweld"
    HUWELIJKSDWANG = "huwelijksdwang"
    VGV = "vrouwelijke_genitale_verminking"


# For these forms the meldcode expects the professional to consult Veilig Thuis (step 2).
CONSULT_VEILIG_THUIS = frozenset(
    {ViolenceForm.EERGERELATEERD, ViolenceForm.HUWELIJKSDWANG, ViolenceForm.VGV}
)


class VictimKind(enum.StrEnum):
    KIND = "kind"
    VOLWASSENE = "volwassene"


class ConsultationKind(enum.StrEnum):
    COLLEGA = "collega"
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris"
    VEILIG_THUIS = "veilig_thuis"
    LETSELDUIDING = "letselduiding"


class Question(enum.IntEnum):
    """The afwegingskader's questions, in the order they are asked."""

    VERMOEDEN = 1  # is there a suspicion of domestic violence or child abuse?
    ONVEILIGHEID = 2  # is there acute or structural unsafety?
    HULP_MOGELIJK = 3  # can I offer or organise adequate help?
    HULP_AANVAARD = 4  # do those involved accept the help?
    DUURZAAM_VEILIG = 5  # does the help lead to lasting safety in time? (at the evaluation)


class Outcome(enum.StrEnum):
    """What the afwegingskader prescribes."""

    AFSLUITEN = "afsluiten"  # no suspicion: close and record
    MELDEN_ONVEILIG = "melden_onveilig"  # acute or structural unsafety
    MELDEN_GEEN_HULP = "melden_geen_hulp"  # cannot offer or organise adequate help
    MELDEN_NIET_AANVAARD = "melden_niet_aanvaard"  # help not accepted
    HULP_ORGANISEREN = "hulp_organiseren"  # organise help and follow it (volgen)
    MELDEN_NIET_DUURZAAM = "melden_niet_duurzaam"  # the help does not bring lasting safety
    HULP_VOORTZETTEN = "hulp_voortzetten"  # lasting safety: go on helping, the procedure ends


MELDEN = frozenset(
    {
        Outcome.MELDEN_ONVEILIG,
        Outcome.MELDEN_GEEN_HULP,
        Outcome.MELDEN_NIET_AANVAARD,
        Outcome.MELDEN_NIET_DUURZAAM,
    }
)

# The answer to each question that ends the weighing, and with what.
_ENDS: dict[Question, tuple[bool, Outcome]] = {
    Question.VERMOEDEN: (False, Outcome.AFSLUITEN),
    Question.ONVEILIGHEID: (True, Outcome.MELDEN_ONVEILIG),
    Question.HULP_MOGELIJK: (False, Outcome.MELDEN_GEEN_HULP),
    Question.HULP_AANVAARD: (False, Outcome.MELDEN_NIET_AANVAARD),
}


class OrderProblem(enum.StrEnum):
    EARLIER_OPEN = "earlier_open"  # an earlier question has no answer yet
    NOT_ASKED = "not_asked"  # an earlier answer already concluded the weighing


class OutOfOrder(DomainError):
    """An afwegingskader question answered out of order: refused, whoever asks."""

    def __init__(self, question: Question, problem: OrderProblem) -> None:
        super().__init__(f"question {int(question)}: {problem.value}")
        self.question = question
        self.problem = problem


class MeldcodeRule(enum.StrEnum):
    FINISHED = "finished"  # read-only: a correction needs a reason
    NOT_WEIGHED = "not_weighed"  # the afwegingskader has no conclusion yet
    VOLGEN = "volgen"  # help is being followed: question 5 first
    NO_DECISION = "no_decision"  # step 5 is not recorded
    NOTHING_CHANGED = "nothing_changed"  # a correction that changes nothing
    DECISION_OUTDATED = "decision_outdated"  # step 5 no longer fits the conclusion (question 5)


class MeldcodeRefused(DomainError):
    def __init__(self, rule: MeldcodeRule) -> None:
        super().__init__(rule.value)
        self.rule = rule


Answers = tuple[bool | None, ...]


@dataclass(frozen=True)
class Weighing:
    """The afwegingskader's state: its outcome so far (None while a question is open) and
    the question to answer next (None when nothing is to be asked now)."""

    outcome: Outcome | None
    next_question: Question | None

    @property
    def melden(self) -> bool:
        return self.outcome in MELDEN

    @property
    def volgen(self) -> bool:
        """Help is organised and followed: the procedure stays open until question 5."""
        return self.outcome is Outcome.HULP_ORGANISEREN


def weigh(answers: Answers) -> Weighing:
    """The conclusion the afwegingskader prescribes for ``answers`` (question 1 first).

    Raises :class:`OutOfOrder` for an answer after an unanswered question, or after an
    answer that already ended the weighing.
    """
    padded = tuple(answers) + (None,) * (len(Question) - len(answers))
    if len(padded) > len(Question):
        raise ValueError("the afwegingskader has five questions")
    outcome: Outcome | None = None
    next_question: Question | None = None
    for question in Question:
        answer = padded[question - 1]
        if outcome is not None and outcome is not Outcome.HULP_ORGANISEREN:
            if answer is not None:
                raise OutOfOrder(question, OrderProblem.NOT_ASKED)
            continue
        if next_question is not None:  # an earlier question is still open
            if answer is not None:
                raise OutOfOrder(question, OrderProblem.EARLIER_OPEN)
            continue
        if answer is None:
            next_question = question
            continue
        if question is Question.DUURZAAM_VEILIG:
            outcome = Outcome.HULP_VOORTZETTEN if answer else Outcome.MELDEN_NIET_DUURZAAM
        elif question is Question.HULP_AANVAARD and answer:
            outcome = Outcome.HULP_ORGANISEREN
        else:
            ends, ending = _ENDS[question]
            if answer is ends:
                outcome = ending
    return Weighing(outcome, next_question)


def deviates(outcome: Outcome | None, melding: bool, helping: bool) -> bool:
    """A decision that does not follow the conclusion: no melding where the framework says
    melden, or neither melding nor help where it does not say close. It needs a reason."""
    return (outcome in MELDEN and not melding) or (
        outcome is not Outcome.AFSLUITEN and not (melding or helping)
    )


def asked(answers: Answers) -> list[Question]:
    """The questions the framework asks now, given the answers before them (a form enables
    these and clears the rest). Raises :class:`OutOfOrder` as :func:`weigh` does."""
    weighing = weigh(answers)
    shown = [q for q in Question if q - 1 < len(answers) and answers[q - 1] is not None]
    if weighing.next_question is not None:
        shown.append(weighing.next_question)
    return shown


# --- drafts and records ----------------------------------------------------------------------


class Status(enum.StrEnum):
    OPEN = "open"  # steps being walked
    VOLGEN = "volgen"  # help organised, followed until the evaluation (question 5)
    AFGEROND = "afgerond"  # finished: read-only, corrections with a reason


@dataclass(frozen=True)
class StartDraft:
    """Step 1: the procedure begins with the signals, for whom and which form."""

    form: ViolenceForm
    victim_kind: VictimKind
    signals_on: date
    signals_by: str
    signals: str
    victim_id: uuid.UUID | None = None
    injury: bool = False


@dataclass(frozen=True)
class ConsultationDraft:
    """Step 2: one consultation (a colleague, the aandachtsfunctionaris, Veilig Thuis, …)."""

    kind: ConsultationKind
    consulted_on: date
    by: str
    consulted: str = ""  # whom: a name or a role
    anonymous: bool = False  # Veilig Thuis: consulted without naming the family
    advice: str = ""


@dataclass(frozen=True)
class ConversationDraft:
    """Step 3: the conversation with those involved, or why it did not take place."""

    held: bool
    on: date
    by: str
    note: str = ""
    why_not: str = ""


@dataclass(frozen=True)
class WeighingDraft:
    """Step 4: the afwegingskader's answers, in order, and when help is followed, until when."""

    answers: Answers
    on: date
    by: str
    note: str = ""
    evaluation_on: date | None = None


@dataclass(frozen=True)
class DecisionDraft:
    """Step 5: a melding at Veilig Thuis and/or help with monitoring agreements."""

    on: date
    by: str
    melding: bool = False
    melding_on: date | None = None
    vt_reference: str = ""
    parents_told: bool | None = None
    parents_not_told_why: str = ""
    vt_feedback: str = ""
    vt_next_step: str = ""
    help: bool = False
    agreements: str = ""
    note: str = ""


@dataclass(frozen=True)
class ConsultationRecord:
    id: uuid.UUID
    draft: ConsultationDraft


@dataclass(frozen=True)
class CorrectionRecord:
    """A correction of a finished procedure: when, by whom, why, and what changed."""

    at: datetime
    login: str
    reason: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ProcedureRecord:
    """One meldcode procedure, as the walk-through and the inzage show it."""

    id: uuid.UUID
    household_id: uuid.UUID
    start: StartDraft
    victim: str  # the member's name, or '' (not named, or no longer a member)
    consultations: tuple[ConsultationRecord, ...] = ()
    conversation: ConversationDraft | None = None
    weighing: WeighingDraft | None = None
    decision: DecisionDraft | None = None
    finished_on: date | None = None
    corrections: tuple[CorrectionRecord, ...] = field(default=())

    @property
    def answers(self) -> Answers:
        return self.weighing.answers if self.weighing else ()

    @property
    def conclusion(self) -> Weighing:
        return weigh(self.answers)

    @property
    def status(self) -> Status:
        if self.finished_on is not None:
            return Status.AFGEROND
        return Status.VOLGEN if self.conclusion.volgen else Status.OPEN

    @property
    def step(self) -> int:
        """The step the procedure is at: the first of steps 2–5 not yet recorded."""
        if not self.consultations:
            return 2
        if self.conversation is None:
            return 3
        if self.weighing is None or self.conclusion.outcome is None or self.conclusion.volgen:
            return 4
        return 5

    @property
    def decision_outdated(self) -> bool:
        """Step 5 was decided earlier (while help was followed) and, without a reason to
        deviate, no longer follows the conclusion: it must be decided again before finishing."""
        d = self.decision
        conclusion = self.conclusion
        return (
            d is not None
            and self.finished_on is None
            and not conclusion.volgen
            and deviates(conclusion.outcome, d.melding, d.help)
            and not d.note.strip()
        )

    @property
    def since(self) -> date:
        return self.start.signals_on

    @property
    def expects_veilig_thuis(self) -> bool:
        """The form asks for a consultation of Veilig Thuis, and none is recorded yet."""
        return self.start.form in CONSULT_VEILIG_THUIS and not any(
            c.draft.kind is ConsultationKind.VEILIG_THUIS for c in self.consultations
        )

    @property
    def expects_letselduiding(self) -> bool:
        """There is injury, and no letselduiding expert was consulted yet."""
        return self.start.injury and not any(
            c.draft.kind is ConsultationKind.LETSELDUIDING for c in self.consultations
        )


@dataclass(frozen=True)
class OpenProcedure:
    """What the dossier header shows of an open procedure: the form, the step, since when."""

    id: uuid.UUID
    form: ViolenceForm
    status: Status
    step: int
    since: date
    evaluation_on: date | None = None
