"""Signs of Safety and the veiligheidsplan: the service is the lock, whoever calls it."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import households as service
from models import safety_plan as safety
from models.avg import destroy_household
from models.enums import MemberRole, Respondent
from models.errors import Rule, RuleViolation
from models.history import REMOVED
from models.records import (
    AgreementDraft,
    PersonDraft,
    PlanDraft,
    PlanSettlement,
    ScaleAnswer,
    SignsOfSafetyDraft,
)
from models.rules import check_scale
from models.security import ChangeRecord
from models.validation import Problem, ValidationError
from models.wording import PROBLEM
from tests.helpers import TODAY, register

GRANDMA = AgreementDraft(
    "Elif belt oma Ayşe en gaat met de kinderen naar haar toe.",
    "Elif",
    "Zodra de ruzie escaleert",
    checker="De casusregisseur, wekelijks",
    network="Oma Ayşe",
)
SCHOOL = AgreementDraft(
    "De mentor meldt afwezigheid dezelfde dag.", "Mentor De Linde", "Bij elke afwezigheid"
)
AGREED = PlanSettlement(date(2026, 10, 8), True, agreed_how="huisbezoek")


def _member(session: Session, household_id: uuid.UUID, first: str, role: MemberRole) -> uuid.UUID:
    return service.add_member(
        session, household_id, PersonDraft(first, "Yılmaz", role), today=TODAY
    )


def _plan(session: Session, household_id: uuid.UUID, *agreements: AgreementDraft) -> uuid.UUID:
    plan_id = safety.new_plan_version(
        session, household_id, PlanDraft(date(2026, 10, 7), "Veilig thuis"), today=TODAY
    )
    for agreement in agreements:
        safety.add_agreement(session, plan_id, agreement)
    return plan_id


def test_signs_of_safety_are_kept_over_time_with_each_persons_scale(session: Session) -> None:
    household_id = register(session, "Yılmaz")
    elif_, emre = (
        _member(session, household_id, "Elif", MemberRole.OUDER),
        _member(session, household_id, "Emre", MemberRole.KIND),
    )
    for on, team, worries in ((date(2026, 9, 1), 2, "Ruzies"), (date(2026, 11, 1), 6, "Minder")):
        safety.record_signs(
            session,
            household_id,
            SignsOfSafetyDraft(
                on,
                worries=worries,
                next_steps=f"Stap na {on.isoformat()}",
                answers=(
                    ScaleAnswer(Respondent.TEAM, team),
                    ScaleAnswer(Respondent.OUDER, 7, elif_),
                    ScaleAnswer(Respondent.JONGERE, 0, emre),
                ),
            ),
            today=TODAY,
        )
    records = safety.list_signs(session, household_id)
    assert [(r.assessed_on, r.draft.worries) for r in records] == [
        (date(2026, 11, 1), "Minder"),
        (date(2026, 9, 1), "Ruzies"),
    ]
    assert [(a.respondent, a.score, a.person_id) for a in records[0].draft.answers] == [
        (Respondent.TEAM, 6, None),
        (Respondent.OUDER, 7, elif_),
        (Respondent.JONGERE, 0, emre),
    ]
    assert records[0].names[emre] == "Emre Yılmaz"
    assert safety.latest_next_steps(session, household_id) == "Stap na 2026-11-01"


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_a_scale_answer_outside_0_to_10_is_refused_in_dutch(session: Session, score: int) -> None:
    household_id = register(session)
    elif_ = _member(session, household_id, "Elif", MemberRole.OUDER)
    with pytest.raises(ValidationError) as raised:
        safety.record_signs(
            session,
            household_id,
            SignsOfSafetyDraft(TODAY, answers=(ScaleAnswer(Respondent.OUDER, score, elif_),)),
            today=TODAY,
        )
    assert raised.value.problems == {f"scale_{elif_}": Problem.SCALE_0_10}
    assert PROBLEM[Problem.SCALE_0_10].startswith("Vul een cijfer van 0 tot en met 10 in")
    assert safety.list_signs(session, household_id) == []


def test_the_form_check_of_a_scale_answer_is_the_services() -> None:
    assert [check_scale(t) for t in ("", " 0", "10", "7 ")] == [None] * 4
    assert {check_scale(t) for t in ("11", "-1", "zes", "6,5", "1 0")} == {Problem.SCALE_0_10}


def test_a_scale_answer_names_a_member_of_this_household_and_the_team_none(
    session: Session,
) -> None:
    household_id, other = register(session, "Yılmaz"), register(session, "Bakker")
    stranger = _member(session, other, "Zoë", MemberRole.KIND)
    for answer in (
        ScaleAnswer(Respondent.JONGERE, 5, stranger),  # another household's child
        ScaleAnswer(Respondent.TEAM, 5, stranger),  # the team is nobody in particular
        ScaleAnswer(Respondent.OUDER, 5, None),
    ):
        with pytest.raises(ValidationError):
            safety.record_signs(
                session, household_id, SignsOfSafetyDraft(TODAY, answers=(answer,)), today=TODAY
            )
    with pytest.raises(ValidationError) as raised:
        safety.record_signs(
            session, household_id, SignsOfSafetyDraft(date(2027, 1, 1)), today=TODAY
        )
    assert raised.value.problems == {"assessed_on": Problem.DATE_IN_FUTURE}


def test_a_correction_keeps_what_the_scale_said_before(session: Session) -> None:
    household_id = register(session)
    elif_ = _member(session, household_id, "Elif", MemberRole.OUDER)
    signs_id = safety.record_signs(
        session,
        household_id,
        SignsOfSafetyDraft(
            TODAY,
            answers=(ScaleAnswer(Respondent.TEAM, 3), ScaleAnswer(Respondent.OUDER, 8, elif_)),
        ),
        today=TODAY,
    )
    safety.correct_signs(
        session,
        signs_id,
        SignsOfSafetyDraft(TODAY, worries="Aangevuld", answers=(ScaleAnswer(Respondent.TEAM, 4),)),
        today=TODAY,
    )
    session.flush()
    (record,) = safety.list_signs(session, household_id)
    assert [(a.respondent, a.score) for a in record.draft.answers] == [(Respondent.TEAM, 4)]
    history = session.scalars(
        select(ChangeRecord).where(ChangeRecord.household_id == household_id)
    ).all()
    kept = {(h.table_name, h.field, h.old_value, h.new_value) for h in history}
    assert ("sos_scale_answer", "score", "3", "4") in kept
    assert ("sos_assessment", "worries", "", "Aangevuld") in kept
    assert any(h.table_name == "sos_scale_answer" and h.field == REMOVED for h in history)


def test_an_agreed_version_is_read_only(session: Session) -> None:
    household_id = register(session)
    plan_id = _plan(session, household_id, GRANDMA)
    (agreement,) = safety.safety_plans(session, household_id).versions[0].agreements
    safety.settle_plan(session, plan_id, AGREED, today=TODAY)
    refused = [
        lambda: safety.add_agreement(session, plan_id, SCHOOL),
        lambda: safety.update_agreement(session, agreement.id, SCHOOL),
        lambda: safety.remove_agreement(session, agreement.id),
        lambda: safety.update_plan(session, plan_id, PlanDraft(TODAY, "Anders"), today=TODAY),
        lambda: safety.settle_plan(session, plan_id, AGREED, today=TODAY),
        lambda: safety.remove_concept(session, plan_id),
    ]
    for attempt in refused:
        with pytest.raises(RuleViolation) as raised:
            attempt()
        assert raised.value.rule is Rule.PLAN_AGREED
    (version,) = safety.safety_plans(session, household_id).versions
    assert version.settlement == AGREED
    assert [a.draft for a in version.agreements] == [GRANDMA]


def test_a_new_version_starts_from_the_latest_agreed_and_the_latest_wat_moet_er_gebeuren(
    session: Session,
) -> None:
    household_id = register(session)
    first = _plan(session, household_id, GRANDMA, SCHOOL)
    safety.settle_plan(session, first, AGREED, today=TODAY)
    assert (
        safety.plan_start(session, household_id, today=TODAY).goal == "Veilig thuis"
    )  # no Signs yet
    safety.record_signs(
        session, household_id, SignsOfSafetyDraft(date(2026, 11, 1), next_steps="Oud"), today=TODAY
    )
    safety.record_signs(
        session,
        household_id,
        SignsOfSafetyDraft(date(2026, 11, 20), next_steps="Vader woont apart; omgang begeleid."),
        today=TODAY,
    )
    start = safety.plan_start(session, household_id, today=TODAY)
    assert start.goal == "Vader woont apart; omgang begeleid."

    second = safety.new_plan_version(session, household_id, start, today=TODAY)
    with pytest.raises(RuleViolation) as raised:  # one concept at a time
        safety.new_plan_version(session, household_id, start, today=TODAY)
    assert raised.value.rule is Rule.PLAN_CONCEPT_EXISTS
    plans = safety.safety_plans(session, household_id)
    assert plans.concept is not None and plans.concept.id == second
    assert plans.concept.version == 2 and plans.concept.goal == start.goal
    assert [a.draft for a in plans.concept.agreements] == [GRANDMA, SCHOOL]
    # The copy is the concept's own: changing it leaves version 1 as agreed.
    copied = plans.concept.agreements[1].id
    safety.update_agreement(session, copied, replace(SCHOOL, who="Juf"))
    assert [a.draft for a in safety.safety_plans(session, household_id).versions[1].agreements] == [
        GRANDMA,
        SCHOOL,
    ]
    # Until the concept is settled, the gezinsplan shows version 1's agreements.
    assert safety.current_agreements(session, household_id) == (GRANDMA, SCHOOL)
    safety.remove_agreement(session, plans.concept.agreements[0].id)
    safety.settle_plan(
        session,
        second,
        PlanSettlement(TODAY, False, not_agreed_reason="Vader wilde niet meepraten."),
        today=TODAY,
    )
    assert [a.who for a in safety.current_agreements(session, household_id)] == ["Juf"]
    current = safety.safety_plans(session, household_id).current
    assert current is not None and current.version == 2
    assert current.settlement == PlanSettlement(TODAY, False, "", "Vader wilde niet meepraten.")


def test_settling_says_how_it_was_agreed_or_why_not(session: Session) -> None:
    household_id = register(session)
    empty = _plan(session, household_id)
    with pytest.raises(RuleViolation) as raised:
        safety.settle_plan(session, empty, AGREED, today=TODAY)
    assert raised.value.rule is Rule.PLAN_WITHOUT_AGREEMENTS
    safety.add_agreement(session, empty, GRANDMA)
    cases = {
        PlanSettlement(TODAY, True): {"agreed_how": Problem.REQUIRED},
        PlanSettlement(TODAY, True, agreed_how="per_duif"): {"agreed_how": Problem.UNKNOWN_CODE},
        PlanSettlement(TODAY, False, not_agreed_reason="  "): {
            "not_agreed_reason": Problem.REQUIRED
        },
        PlanSettlement(date(2026, 10, 1), True, "gesprek"): {"agreed_on": Problem.END_BEFORE_START},
        PlanSettlement(date(2027, 1, 1), True, "gesprek"): {"agreed_on": Problem.DATE_IN_FUTURE},
    }
    for settlement, problems in cases.items():
        with pytest.raises(ValidationError) as refused:
            safety.settle_plan(session, empty, settlement, today=TODAY)
        assert refused.value.problems == problems
    assert safety.safety_plans(session, household_id).concept is not None


def test_an_agreement_needs_what_who_and_when(session: Session) -> None:
    household_id = register(session)
    plan_id = _plan(session, household_id)
    with pytest.raises(ValidationError) as raised:
        safety.add_agreement(session, plan_id, AgreementDraft("  ", "", "", checker="x" * 201))
    assert raised.value.problems == {
        "what": Problem.REQUIRED,
        "who": Problem.REQUIRED,
        "trigger": Problem.REQUIRED,
        "checker": Problem.TOO_LONG,
    }


def test_destroying_the_dossier_takes_signs_and_plans_with_it(session: Session) -> None:
    household_id, kept = register(session, "Yılmaz"), register(session, "Bakker")
    for household in (household_id, kept):
        elif_ = _member(session, household, "Elif", MemberRole.OUDER)
        safety.record_signs(
            session,
            household,
            SignsOfSafetyDraft(TODAY, answers=(ScaleAnswer(Respondent.OUDER, 5, elif_),)),
            today=TODAY,
        )
        safety.settle_plan(session, _plan(session, household, GRANDMA), AGREED, today=TODAY)
        safety.new_plan_version(session, household, PlanDraft(TODAY), today=TODAY)
    session.flush()
    destroy_household(session, household_id)
    tables = (
        safety.SignsOfSafety,
        safety.SignsOfSafetyAnswer,
        safety.SafetyPlan,
        safety.SafetyAgreement,
    )
    for table in tables:
        left = session.scalars(select(table.household_id).distinct()).all()
        assert left == [kept], table.__tablename__
    assert session.scalar(select(func.count()).select_from(safety.SafetyPlan)) == 2


def test_a_members_inzage_shows_the_teams_scale_and_their_own_not_anothers(
    session: Session,
) -> None:
    from models.inzage import inzage_report

    household_id = register(session, "Yılmaz")
    elif_ = _member(session, household_id, "Elif", MemberRole.OUDER)
    emre = _member(session, household_id, "Emre", MemberRole.KIND)
    answers = (ScaleAnswer(Respondent.TEAM, 3), ScaleAnswer(Respondent.JONGERE, 2, emre))
    signs_id = safety.record_signs(
        session, household_id, SignsOfSafetyDraft(TODAY, answers=answers), today=TODAY
    )
    session.flush()
    corrected = (ScaleAnswer(Respondent.TEAM, 4), ScaleAnswer(Respondent.JONGERE, 5, emre))
    safety.correct_signs(
        session, signs_id, SignsOfSafetyDraft(TODAY, answers=corrected), today=TODAY
    )
    session.flush()

    def scale(person_id: uuid.UUID) -> tuple[list[int], list[tuple[str, str]]]:
        report = inzage_report(session, person_id)
        (record,) = report.signs_of_safety
        # (both corrections carry the same moment: their order is not the point)
        changes = sorted((c.old_value, c.new_value) for c in report.changes if c.field == "score")
        return [a.score for a in record.draft.answers], changes

    assert scale(elif_) == ([4], [("3", "4")])  # the team's, not Emre's
    assert scale(emre) == ([4, 5], [("2", "5"), ("3", "4")])
