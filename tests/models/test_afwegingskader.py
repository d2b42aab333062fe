"""The afwegingskader, table-driven over every path, and its refusal of answers out of order."""

from __future__ import annotations

import pytest

from models.afwegingskader import (
    OrderProblem,
    Outcome,
    OutOfOrder,
    Question,
    asked,
    weigh,
)

J, N = True, False

# answers (question 1 first) -> the outcome the framework prescribes, and what it asks next
PATHS = [
    ((), None, Question.VERMOEDEN),
    ((N,), Outcome.AFSLUITEN, None),
    ((J,), None, Question.ONVEILIGHEID),
    ((J, J), Outcome.MELDEN_ONVEILIG, None),
    ((J, N), None, Question.HULP_MOGELIJK),
    ((J, N, N), Outcome.MELDEN_GEEN_HULP, None),
    ((J, N, J), None, Question.HULP_AANVAARD),
    ((J, N, J, N), Outcome.MELDEN_NIET_AANVAARD, None),
    ((J, N, J, J), Outcome.HULP_ORGANISEREN, Question.DUURZAAM_VEILIG),
    ((J, N, J, J, N), Outcome.MELDEN_NIET_DUURZAAM, None),
    ((J, N, J, J, J), Outcome.HULP_VOORTZETTEN, None),
    # trailing unanswered questions change nothing
    ((J, None, None, None, None), None, Question.ONVEILIGHEID),
    ((N, None), Outcome.AFSLUITEN, None),
]


@pytest.mark.parametrize(("answers", "outcome", "next_question"), PATHS, ids=str)
def test_every_path_of_the_afwegingskader(
    answers: tuple[bool | None, ...], outcome: Outcome | None, next_question: Question | None
) -> None:
    weighing = weigh(answers)
    assert (weighing.outcome, weighing.next_question) == (outcome, next_question)
    assert weighing.melden == (outcome is not None and outcome.value.startswith("melden"))
    assert weighing.volgen == (outcome is Outcome.HULP_ORGANISEREN)


def test_every_outcome_is_reached_by_some_path() -> None:
    assert {outcome for _a, outcome, _n in PATHS} - {None} == set(Outcome)


# answers given out of order -> the question refused, and why
OUT_OF_ORDER = [
    ((None, J), Question.ONVEILIGHEID, OrderProblem.EARLIER_OPEN),
    ((J, None, J), Question.HULP_MOGELIJK, OrderProblem.EARLIER_OPEN),
    ((J, N, None, J), Question.HULP_AANVAARD, OrderProblem.EARLIER_OPEN),
    ((J, N, J, None, J), Question.DUURZAAM_VEILIG, OrderProblem.EARLIER_OPEN),
    ((None, None, None, None, N), Question.DUURZAAM_VEILIG, OrderProblem.EARLIER_OPEN),
    ((N, J), Question.ONVEILIGHEID, OrderProblem.NOT_ASKED),
    ((N, None, J), Question.HULP_MOGELIJK, OrderProblem.NOT_ASKED),
    ((J, J, J), Question.HULP_MOGELIJK, OrderProblem.NOT_ASKED),
    ((J, J, None, None, J), Question.DUURZAAM_VEILIG, OrderProblem.NOT_ASKED),
    ((J, N, N, J), Question.HULP_AANVAARD, OrderProblem.NOT_ASKED),
    ((J, N, J, N, J), Question.DUURZAAM_VEILIG, OrderProblem.NOT_ASKED),
]


@pytest.mark.parametrize(("answers", "question", "problem"), OUT_OF_ORDER, ids=str)
def test_answers_out_of_order_are_refused(
    answers: tuple[bool | None, ...], question: Question, problem: OrderProblem
) -> None:
    with pytest.raises(OutOfOrder) as refused:
        weigh(answers)
    assert (refused.value.question, refused.value.problem) == (question, problem)
    with pytest.raises(OutOfOrder):
        asked(answers)


def test_the_form_asks_the_answered_questions_and_the_next() -> None:
    assert asked(()) == [Question.VERMOEDEN]
    assert asked((J, N)) == [Question.VERMOEDEN, Question.ONVEILIGHEID, Question.HULP_MOGELIJK]
    assert asked((J, J)) == [Question.VERMOEDEN, Question.ONVEILIGHEID]
    assert asked((J, N, J, J)) == list(Question)


def test_more_than_five_answers_is_a_mistake_in_the_caller() -> None:
    with pytest.raises(ValueError, match="five"):
        weigh((J, N, J, J, J, J))
