"""The gezinsplan tried the way the world will: every change refused on a vastgestelde
version, agreements dated after the day it was vastgesteld, ages on the day itself."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import gezinsplan as plan_service
from models.entities import Organisation
from models.enums import MemberRole
from models.errors import Rule, RuleViolation
from models.gezinsplan_records import (
    AdulthoodDraft,
    EvaluationDraft,
    GezinsplanDraft,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    NetworkDraft,
    PartnerDraft,
)
from models.records import ActionDraft
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, organisation, register
from tests.models.test_gezinsplan import MADE, _agree_all, _medewerker, _member, _todo, _written


@pytest.fixture
def family(session: Session) -> dict[str, uuid.UUID]:
    """As in test_gezinsplan: Elif, Hasan (elsewhere) with gezag; Emre 9, Zeynep 14, Deniz 17."""
    household = register(session, "Yılmaz")
    parent, kind = MemberRole.OUDER, MemberRole.KIND
    return {
        "household": household,
        "elif": _member(session, household, "Elif", date(1988, 3, 1), parent, gezag=True),
        "hasan": _member(
            session,
            household,
            "Hasan",
            date(1985, 6, 9),
            parent,
            gezag=True,
            lives_elsewhere=True,
            address="Dorpsstraat 4, Zwolle",
        ),
        "emre": _member(session, household, "Emre", date(2017, 5, 5), kind),
        "zeynep": _member(session, household, "Zeynep", date(2012, 1, 20), kind),
        "deniz": _member(session, household, "Deniz", date(2009, 2, 2), kind),
        "karin": _medewerker(session),
    }


def _settled(session: Session, family: dict[str, uuid.UUID]) -> uuid.UUID:
    plan_id = _written(session, family)
    org = organisation(session, "Buurtwerk Oost", "school")
    plan_service.add_partner(session, plan_id, PartnerDraft(org, role="Huiswerkklas"))
    plan_service.add_network(session, plan_id, NetworkDraft("Ayşe", "oma", "Post"))
    plan_service.set_adulthood(
        session, plan_id, AdulthoodDraft(family["deniz"], "Zorgverzekering", "Elif")
    )
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    return plan_id


def test_every_change_to_a_vastgestelde_version_is_refused(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _settled(session, family)
    plan = session.get(plan_service.Gezinsplan, plan_id)
    assert plan is not None
    goal = plan.goals[0]
    row = goal.actions[0]
    evaluation = plan.evaluations[0]
    network = plan.network[0]
    partner = plan.partners[0]
    other = organisation(session, "Sportclub", "school")
    refused: list[Callable[[], object]] = [
        lambda: plan_service.remove_concept(session, plan_id),
        lambda: plan_service.move_goal(session, goal.id, 1),
        lambda: plan_service.add_goal_action(
            session, goal.id, _todo("Nog iets", family["karin"], TODAY), today=TODAY
        ),
        lambda: plan_service.update_goal_action(
            session, row.id, _todo("Anders", family["karin"], TODAY), today=TODAY
        ),
        lambda: plan_service.remove_goal_action(session, row.id),
        lambda: plan_service.update_network(session, network.id, NetworkDraft("Opa")),
        lambda: plan_service.remove_network(session, network.id),
        lambda: plan_service.add_partner(session, plan_id, PartnerDraft(other)),
        lambda: plan_service.update_partner(session, partner.id, PartnerDraft(other)),
        lambda: plan_service.remove_partner(session, partner.id),
        lambda: plan_service.set_adulthood(session, plan_id, AdulthoodDraft(family["deniz"])),
        lambda: plan_service.remove_evaluation_date(session, evaluation.id),
        lambda: plan_service.set_parties(session, plan_id, [], today=TODAY),
        lambda: plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin"),
    ]
    before = _snapshot(session, plan_id)
    for attempt in refused:
        with pytest.raises(RuleViolation) as locked:
            attempt()
        assert locked.value.rule is Rule.GEZINSPLAN_SETTLED
    assert _snapshot(session, plan_id) == before
    # progress: an evaluation is recorded, no version is made
    plan_service.record_evaluation(
        session,
        evaluation.id,
        EvaluationDraft(TODAY, results=(GoalResultDraft(goal.key, GoalOutcome.DEELS, "Half"),)),
        today=TODAY,
        by="karin",
    )
    count = select(func.count()).select_from(plan_service.Gezinsplan)
    assert session.scalar(count) == 1


def _snapshot(session: Session, plan_id: uuid.UUID) -> str:
    session.expire_all()
    record = plan_service.plans(
        session,
        session.get(plan_service.Gezinsplan, plan_id).household_id,  # type: ignore[union-attr]
    ).current
    return repr(record)


def test_an_agreement_dated_after_the_day_of_vaststellen_does_not_count(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    _agree_all(session, plan_id, TODAY)
    earlier = TODAY - timedelta(days=5)  # vastgesteld (backdated) before anyone agreed
    assert plan_service.missing_parties(session, plan_id, earlier)
    with pytest.raises(RuleViolation) as refused:
        plan_service.settle(session, plan_id, earlier, today=TODAY, by="karin")
    assert refused.value.rule is Rule.GEZINSPLAN_AGREEMENTS_MISSING


def test_who_must_agree_on_a_birthday_and_on_29_february(session: Session) -> None:
    household_id = register(session, "van 't Hart")
    mother = _member(session, household_id, "Zoë", date(1990, 1, 1), MemberRole.OUDER, gezag=True)
    twelve = _member(session, household_id, "Bo", date(2014, 11, 25), MemberRole.KIND)
    leap = _member(session, household_id, "Noor", date(2012, 2, 29), MemberRole.KIND)
    adult = _member(session, household_id, "Sem", date(2006, 1, 1), MemberRole.JONGVOLWASSENE)
    unknown = _member(session, household_id, "Kim", None, MemberRole.KIND)
    plan_id = plan_service.new_version(session, household_id, GezinsplanDraft(MADE), today=TODAY)

    def asked(on: date) -> set[uuid.UUID]:
        return {r.person_id for r in plan_service.required_parties(session, plan_id, on)}

    # Bo turns 12 on TODAY: asked that day, not the day before
    assert twelve in asked(TODAY)
    assert twelve not in asked(TODAY - timedelta(days=1))
    # Noor (29 February 2012) turns 16 on 1 March 2028: then she alone decides for herself
    assert {mother, leap} <= asked(date(2028, 2, 28))
    assert leap in asked(date(2028, 3, 1))
    assert {adult, unknown, mother} <= asked(TODAY)  # an adult child without gezag: themselves


def test_a_partner_switched_off_stays_in_a_copy_but_cannot_be_added(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    _settled(session, family)
    for org in session.scalars(select(Organisation)):
        org.active = False
    new = plan_service.new_version(session, family["household"], today=TODAY)
    assert len(session.get(plan_service.Gezinsplan, new).partners) == 1  # type: ignore[union-attr]
    other = organisation(session, "Sportclub", "school")
    session.get(Organisation, other).active = False  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as inactive:
        plan_service.add_partner(session, new, PartnerDraft(other))
    assert inactive.value.problems == {"organisation_id": Problem.INACTIVE}
    _agree_all(session, new, TODAY)
    plan_service.settle(session, new, TODAY, today=TODAY, by="karin")


def test_long_texts_are_refused_or_kept_whole(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = plan_service.new_version(
        session, family["household"], GezinsplanDraft(MADE, situation="x" * 10_000), today=TODAY
    )
    with pytest.raises(ValidationError):
        plan_service.add_goal(session, plan_id, GoalDraft("d" * 10_000))
    goal = plan_service.add_goal(session, plan_id, GoalDraft("Doel"))
    with pytest.raises(ValidationError):
        plan_service.add_goal_action(
            session, goal, _todo("a" * 10_000, family["karin"], TODAY), today=TODAY
        )
    with pytest.raises(ValidationError):
        plan_service.update_plan(
            session, plan_id, GezinsplanDraft(MADE, reach="r" * 10_000), today=TODAY
        )
    with pytest.raises(ValidationError):
        plan_service.update_plan(
            session, plan_id, GezinsplanDraft(TODAY + timedelta(days=1)), today=TODAY
        )
    with pytest.raises(ValidationError):
        plan_service.add_goal_action(
            session,
            goal,
            ActionDraft("x", _todo("x", family["karin"], TODAY).owner_kind, TODAY),
            today=TODAY,
        )
