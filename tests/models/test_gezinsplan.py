"""The gezinsplan: versions, who must agree, evaluations, and the read-only rule, through
the service layer whoever calls it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import actions
from models import gezinsplan as plan_service
from models import households as service
from models import safety_plan as safety
from models.actions import Action
from models.avg import destroy_household
from models.entities import Medewerker
from models.enums import ActionOrigin, ActionOwner, ActionStatus, MemberRole
from models.errors import Rule, RuleViolation
from models.gezinsplan_records import (
    AdulthoodDraft,
    EvaluationDraft,
    GezinsplanDraft,
    GoalChange,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    NetworkDraft,
    PartyDraft,
    PlanPart,
)
from models.records import ActionDraft, AgreementDraft, PersonDraft, PlanDraft, PlanSettlement
from models.todo import todo_list
from models.validation import Problem, ValidationError
from tests.helpers import TODAY, register

MADE = date(2026, 11, 2)


def _member(
    session: Session,
    household_id: uuid.UUID,
    first: str,
    born: date | None,
    role: MemberRole,
    **extra: object,
) -> uuid.UUID:
    return service.add_member(
        session,
        household_id,
        PersonDraft(first, "Yılmaz", role, date_of_birth=born, **extra),  # type: ignore[arg-type]
        today=TODAY,
    )


def _medewerker(session: Session, name: str = "Karin de Boer") -> uuid.UUID:
    return service.add_medewerker(session, name, "generalist")


def _todo(description: str, medewerker_id: uuid.UUID, due: date) -> ActionDraft:
    return ActionDraft(description, ActionOwner.MEDEWERKER, due, medewerker_id=medewerker_id)


@pytest.fixture
def family(session: Session) -> dict[str, uuid.UUID]:
    household_id = register(session, "Yılmaz")
    return {
        "household": household_id,
        "elif": _member(
            session, household_id, "Elif", date(1988, 3, 1), MemberRole.OUDER, gezag=True
        ),
        "hasan": _member(
            session,
            household_id,
            "Hasan",
            date(1985, 6, 9),
            MemberRole.OUDER,
            gezag=True,
            lives_elsewhere=True,
            address="Dorpsstraat 4, Zwolle",
        ),
        "emre": _member(session, household_id, "Emre", date(2017, 5, 5), MemberRole.KIND),  # 9
        "zeynep": _member(
            session, household_id, "Zeynep", date(2012, 1, 20), MemberRole.KIND
        ),  # 14
        "deniz": _member(session, household_id, "Deniz", date(2009, 2, 2), MemberRole.KIND),  # 17
        "karin": _medewerker(session),
    }


def _agree_all(session: Session, plan_id: uuid.UUID, on: date) -> None:
    plan_service.set_parties(
        session,
        plan_id,
        [
            PartyDraft(r.person_id, on, "huisbezoek")
            for r in plan_service.required_parties(session, plan_id, on)
        ],
        today=max(on, TODAY),
    )


def _written(session: Session, family: dict[str, uuid.UUID]) -> uuid.UUID:
    plan_id = plan_service.new_version(
        session,
        family["household"],
        GezinsplanDraft(MADE, situation="Elif woont met drie kinderen", question="Rust in huis"),
        today=TODAY,
    )
    money = plan_service.add_goal(
        session,
        plan_id,
        GoalDraft("Schulden op een rij", (family["elif"],), "zrm", "2017", "financien", 4),
    )
    school = plan_service.add_goal(
        session, plan_id, GoalDraft("Emre gaat elke dag naar school", (family["emre"],))
    )
    plan_service.add_goal_action(
        session,
        money,
        _todo("Aanmelden bij schuldhulp", family["karin"], TODAY + timedelta(days=14)),
        today=TODAY,
    )
    plan_service.add_goal_action(
        session,
        money,
        ActionDraft(
            "Post openen met oma",
            ActionOwner.NETWERK,
            TODAY + timedelta(days=7),
            network_name="Ayşe",
            network_relation="oma",
        ),
        today=TODAY,
    )
    plan_service.add_goal_action(
        session,
        school,
        ActionDraft(
            "Wekker zetten",
            ActionOwner.GEZINSLID,
            TODAY + timedelta(days=3),
            person_id=family["elif"],
        ),
        today=TODAY,
    )
    plan_service.add_evaluation_date(session, plan_id, TODAY + timedelta(days=60), today=TODAY)
    return plan_id


def test_who_must_agree_follows_age_and_gezag_on_the_day(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    required = {
        r.person_id: r.reason for r in plan_service.required_parties(session, plan_id, TODAY)
    }
    # the parents with gezag (also Hasan, who lives elsewhere) for Emre (9) and Zeynep (14);
    # Zeynep herself (12-16); Deniz (17) alone; Elif also as an adult
    assert set(required) == {family["elif"], family["hasan"], family["zeynep"], family["deniz"]}
    assert family["emre"] not in required
    assert required[family["hasan"]] == "gezag"
    # in 2028 Zeynep is 16: she decides alone, but Emre still needs the parents
    later = plan_service.required_parties(session, plan_id, date(2028, 2, 1))
    assert {r.person_id for r in later} == set(required)


def test_a_parent_without_gezag_living_elsewhere_is_not_asked(session: Session) -> None:
    household_id = register(session, "Nguyễn")
    mother = _member(session, household_id, "Lan", date(1990, 1, 1), MemberRole.OUDER, gezag=True)
    _member(session, household_id, "Minh", date(1989, 1, 1), MemberRole.OUDER, lives_elsewhere=True)
    _member(session, household_id, "An", date(2020, 1, 1), MemberRole.KIND)
    plan_id = plan_service.new_version(session, household_id, GezinsplanDraft(MADE), today=TODAY)
    assert [r.person_id for r in plan_service.required_parties(session, plan_id, TODAY)] == [mother]


def test_vaststellen_is_blocked_until_every_agreement_or_reason_is_recorded(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    with pytest.raises(RuleViolation) as refused:
        plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    assert refused.value.rule is Rule.GEZINSPLAN_AGREEMENTS_MISSING
    drafts = [
        PartyDraft(family["elif"], TODAY, "huisbezoek", chart_ok=True),
        PartyDraft(family["zeynep"], TODAY, "huisbezoek"),
        PartyDraft(family["deniz"], TODAY, "telefonisch"),
    ]
    plan_service.set_parties(session, plan_id, drafts, today=TODAY)
    assert [r.person_id for r in plan_service.missing_parties(session, plan_id, TODAY)] == [
        family["hasan"]
    ]
    with pytest.raises(ValidationError) as wrong:  # a way but no date
        plan_service.set_parties(
            session, plan_id, [PartyDraft(family["hasan"], None, "huisbezoek")], today=TODAY
        )
    assert wrong.value.problems == {f"party:{family['hasan']}": Problem.REQUIRED}
    plan_service.set_parties(
        session,
        plan_id,
        [*drafts, PartyDraft(family["hasan"], not_agreed_reason="Vader is niet bereikbaar")],
        today=TODAY,
    )
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    current = plan_service.plans(session, family["household"]).current
    assert current is not None and current.settled_on == TODAY and current.version == 1
    assert current.regisseur == ""  # no regisseur in this dossier yet
    assert {p.name for p in current.parties if p.required} == {
        "Elif Yılmaz",
        "Hasan Yılmaz",
        "Zeynep Yılmaz",
        "Deniz Yılmaz",
    }


def test_a_plan_without_goals_cannot_be_vastgesteld(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = plan_service.new_version(
        session, family["household"], GezinsplanDraft(MADE), today=TODAY
    )
    with pytest.raises(RuleViolation) as refused:
        plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    assert refused.value.rule is Rule.GEZINSPLAN_WITHOUT_GOALS


def test_bad_input_is_refused_with_the_field_named(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = plan_service.new_version(
        session, family["household"], GezinsplanDraft(MADE), today=TODAY
    )
    with pytest.raises(ValidationError) as empty:
        plan_service.add_goal(session, plan_id, GoalDraft("   "))
    assert empty.value.problems == {"description": Problem.REQUIRED}
    goal = plan_service.add_goal(session, plan_id, GoalDraft("Werk vinden", (family["elif"],)))
    with pytest.raises(ValidationError) as no_owner:
        plan_service.add_goal_action(
            session, goal, ActionDraft("Bellen", ActionOwner.MEDEWERKER, None), today=TODAY
        )
    assert no_owner.value.problems == {"owner": Problem.REQUIRED, "due_on": Problem.REQUIRED}
    with pytest.raises(ValidationError) as past:
        plan_service.add_goal_action(
            session, goal, _todo("Bellen", family["karin"], TODAY - timedelta(days=1)), today=TODAY
        )
    assert past.value.problems == {"due_on": Problem.DATE_IN_PAST}
    with pytest.raises(ValidationError) as level:
        plan_service.add_goal(
            session, plan_id, GoalDraft("Wonen", (), "zrm", "2017", "huisvesting", 9)
        )
    assert level.value.problems == {"target_level": Problem.LEVEL_OUT_OF_RANGE}
    for n in range(14):
        plan_service.add_goal(session, plan_id, GoalDraft(f"Doel {n}"))
    with pytest.raises(RuleViolation) as many:
        plan_service.add_goal(session, plan_id, GoalDraft("Doel 16"))
    assert many.value.rule is Rule.GEZINSPLAN_TOO_MANY_GOALS


def test_vaststellen_makes_the_actions_live_and_the_version_read_only(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    assert session.scalar(select(func.count()).select_from(Action)) == 0  # not agreed yet
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    live = actions.list_actions(session, family["household"])
    assert {a.description for a in live} == {
        "Aanmelden bij schuldhulp",
        "Post openen met oma",
        "Wekker zetten",
    }
    assert all(a.draft.origin is ActionOrigin.GEZINSPLAN for a in live)
    goal = plan_service.plans(session, family["household"]).current.goals[0]  # type: ignore[union-attr]
    for refused in (
        lambda: plan_service.update_goal(session, goal.id, GoalDraft("Anders")),
        lambda: plan_service.add_goal(session, plan_id, GoalDraft("Nog een")),
        lambda: plan_service.remove_goal(session, goal.id),
        lambda: plan_service.add_network(session, plan_id, NetworkDraft("Oma")),
        lambda: plan_service.update_plan(session, plan_id, GezinsplanDraft(MADE), today=TODAY),
        lambda: plan_service.add_evaluation_date(session, plan_id, TODAY, today=TODAY),
    ):
        with pytest.raises(RuleViolation) as locked:
            refused()
        assert locked.value.rule is Rule.GEZINSPLAN_SETTLED
    # the live action's what/who/when belong to the plan; its status does not
    with pytest.raises(RuleViolation) as agreed:
        actions.update_action(session, live[0].id, live[0].draft)
    assert agreed.value.rule is Rule.GEZINSPLAN_ACTION_AGREED
    versions_before = session.scalar(select(func.count()).select_from(plan_service.Gezinsplan))
    actions.set_status(session, live[0].id, ActionStatus.GEDAAN, TODAY)
    assert (
        session.scalar(select(func.count()).select_from(plan_service.Gezinsplan)) == versions_before
    )
    shown = plan_service.plans(session, family["household"]).current
    assert shown is not None
    statuses = {a.description: a.status for g in shown.goals for a in g.actions}
    assert statuses[live[0].description] is ActionStatus.GEDAAN  # progress is live


def test_a_change_is_a_new_version_and_the_old_one_stays_as_agreed(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    first_live = {a.description: a for a in actions.list_actions(session, family["household"])}
    actions.set_status(session, first_live["Wekker zetten"].id, ActionStatus.GEDAAN, TODAY)

    later = TODAY + timedelta(days=10)
    second = plan_service.new_version(session, family["household"], today=later)
    with pytest.raises(RuleViolation) as one:
        plan_service.new_version(session, family["household"], today=later)
    assert one.value.rule is Rule.GEZINSPLAN_CONCEPT_EXISTS
    plans = plan_service.plans(session, family["household"])
    concept = plans.concept
    assert (
        concept is not None
        and concept.version == 2
        and concept.changed == frozenset({PlanPart.SITUATION}) - {PlanPart.SITUATION}
    )
    money, school = concept.goals
    plan_service.update_goal(
        session,
        money.id,
        GoalDraft(
            "Schulden op een rij en een budget",
            money.draft.member_ids,
            "zrm",
            "2017",
            "financien",
            4,
        ),
    )
    plan_service.remove_goal(session, school.id)
    plan_service.add_goal(session, second, GoalDraft("Elif vindt een opleiding", (family["elif"],)))
    row = concept.goals[0].actions[0]
    plan_service.update_goal_action(
        session,
        row.id,
        _todo("Aanmelden bij schuldhulp Zwolle", family["karin"], row.draft.due_on or TODAY),
        today=later,
    )

    plans = plan_service.plans(session, family["household"])
    concept = plans.concept
    assert concept is not None
    assert PlanPart.GOALS in concept.changed and PlanPart.SITUATION not in concept.changed
    assert [g.change for g in concept.goals] == [GoalChange.CHANGED, GoalChange.NEW]
    assert concept.removed_goals == ("Emre gaat elke dag naar school",)
    # version 1 is untouched: its goals and actions as agreed, statuses as they stood then
    first = plans.version(1)
    assert first is not None and [g.description for g in first.goals] == [
        "Schulden op een rij",
        "Emre gaat elke dag naar school",
    ]
    assert first.goals[0].actions[0].description == "Aanmelden bij schuldhulp"

    _agree_all(session, second, later)
    plan_service.settle(session, second, later, today=later, by="karin")
    live = {a.description: a for a in actions.list_actions(session, family["household"])}
    # the same live action now says what version 2 says; the removed goal's done action stays
    # done, an open one of a removed goal would lapse
    assert live["Aanmelden bij schuldhulp Zwolle"].id == first_live["Aanmelden bij schuldhulp"].id
    assert live["Wekker zetten"].status is ActionStatus.GEDAAN
    plans = plan_service.plans(session, family["household"])
    assert plans.current is not None and plans.current.version == 2
    old = plans.version(1)
    assert old is not None
    # version 1 shows the status as it stood when it was vastgesteld (open)
    assert {a.description: a.status for g in old.goals for a in g.actions}[
        "Wekker zetten"
    ] is ActionStatus.OPEN
    assert old.goals[0].actions[0].description == "Aanmelden bij schuldhulp"


def test_an_open_action_of_a_goal_that_left_the_plan_lapses(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    second = plan_service.new_version(session, family["household"], today=TODAY)
    concept = plan_service.plans(session, family["household"]).concept
    assert concept is not None
    plan_service.remove_goal(session, concept.goals[1].id)
    _agree_all(session, second, TODAY)
    plan_service.settle(session, second, TODAY, today=TODAY, by="karin")
    live = {a.description: a for a in actions.list_actions(session, family["household"])}
    assert live["Wekker zetten"].status is ActionStatus.VERVALLEN
    assert live["Aanmelden bij schuldhulp"].status is ActionStatus.OPEN


def test_a_concept_dropped_changes_nothing_live(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    second = plan_service.new_version(session, family["household"], today=TODAY)
    concept = plan_service.plans(session, family["household"]).concept
    assert concept is not None
    plan_service.remove_goal(session, concept.goals[1].id)
    plan_service.remove_concept(session, second)
    live = actions.list_actions(session, family["household"])
    assert all(a.status is ActionStatus.OPEN for a in live) and len(live) == 3
    with pytest.raises(RuleViolation):
        plan_service.remove_concept(session, plan_id)  # a vastgestelde version is never removed


def test_evaluation_records_progress_and_overdue_ones_are_on_te_doen(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    with pytest.raises(RuleViolation) as concept:
        evaluation = plan_service.plans(session, family["household"]).newest.evaluations[0]  # type: ignore[union-attr]
        plan_service.record_evaluation(
            session, evaluation.id, EvaluationDraft(TODAY), today=TODAY, by="karin"
        )
    assert concept.value.rule is Rule.GEZINSPLAN_NOT_SETTLED
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    due = evaluation.planned_on
    assert not [t for t in todo_list(session, due, None) if t.kind == plan_service.OVERDUE]
    overdue = [
        t
        for t in todo_list(session, due + timedelta(days=1), None)
        if t.kind == plan_service.OVERDUE
    ]
    assert [(t.household_id, t.due) for t in overdue] == [(family["household"], due)]
    goals = plan_service.plans(session, family["household"]).current.goals  # type: ignore[union-attr]
    plan_service.record_evaluation(
        session,
        evaluation.id,
        EvaluationDraft(
            due,
            "Goed gesprek",
            (
                GoalResultDraft(goals[0].key, GoalOutcome.DEELS, "Aangemeld, wachtlijst", True),
                GoalResultDraft(goals[1].key, GoalOutcome.BEHAALD, "Elke dag op school", False),
            ),
        ),
        today=due,
        by="karin",
    )
    assert not [
        t
        for t in todo_list(session, due + timedelta(days=1), None)
        if t.kind == plan_service.OVERDUE
    ]
    plans = plan_service.plans(session, family["household"])
    assert len(plans.versions) == 1  # an evaluation is progress, never a version
    held = plans.current.evaluations[0]  # type: ignore[union-attr]
    assert held.held_on == due and [r.draft.outcome for r in held.results] == [
        GoalOutcome.DEELS,
        GoalOutcome.BEHAALD,
    ]
    assert held.results[1].goal == "Emre gaat elke dag naar school"


def test_goals_show_the_latest_level_and_prefill_targets(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    from models import zrm
    from models.records import MeasurementDraft, ScoreDraft

    zrm.save_measurement(
        session,
        family["elif"],
        MeasurementDraft(
            "zrm",
            "2017",
            date(2026, 10, 1),
            "Karin",
            scores=(ScoreDraft("financien", 2),),
        ),
        today=TODAY,
    )
    plan_id = _written(session, family)
    goal = plan_service.plans(session, family["household"]).newest.goals[0]  # type: ignore[union-attr]
    assert [(m.name, m.level) for m in goal.measured] == [("Elif Yılmaz", 2)]
    assert (goal.item_label, goal.client_label) == ("Financiën", "Geldzaken")
    assert goal.instrument_label
    assert plan_service.goal_targets(session, family["elif"], "zrm", "2017") == {"financien": 4}
    assert plan_service.goal_targets(session, family["emre"], "zrm", "2017") == {}
    del plan_id


def test_safety_agreements_are_kept_as_they_were_at_vaststellen(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    safe = safety.new_plan_version(
        session, family["household"], PlanDraft(date(2026, 10, 7), "Veilig"), today=TODAY
    )
    safety.add_agreement(session, safe, AgreementDraft("Elif belt oma", "Elif", "Bij ruzie"))
    safety.settle_plan(
        session, safe, PlanSettlement(date(2026, 10, 8), True, "huisbezoek"), today=TODAY
    )
    plan_id = _written(session, family)
    concept = plan_service.plans(session, family["household"]).newest
    assert concept is not None and [a.what for a in concept.safety] == ["Elif belt oma"]
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    newer = safety.new_plan_version(
        session, family["household"], PlanDraft(TODAY, "Veilig"), today=TODAY
    )
    safety.add_agreement(
        session, newer, AgreementDraft("Buurvrouw past op", "Buurvrouw", "Als Elif weg moet")
    )
    safety.settle_plan(session, newer, PlanSettlement(TODAY, True, "huisbezoek"), today=TODAY)
    kept = plan_service.plans(session, family["household"]).current
    assert kept is not None and [a.what for a in kept.safety] == ["Elif belt oma"]
    assert plan_service.safety_in_plan(kept)


def test_adulthood_and_network_and_the_dossier_destroyed(
    session: Session, family: dict[str, uuid.UUID]
) -> None:
    plan_id = _written(session, family)
    assert [name for _id, name, _on in plan_service.turning_18(session, plan_id)] == [
        "Deniz Yılmaz"
    ]
    plan_service.set_adulthood(
        session, plan_id, AdulthoodDraft(family["deniz"], "Geen jeugdhulp meer", "Wmo-consulent")
    )
    plan_service.add_network(session, plan_id, NetworkDraft("Ayşe", "oma", "Helpt met de post"))
    plan = plan_service.plans(session, family["household"]).newest
    assert (
        plan is not None
        and plan.adulthood[0].name == "Deniz Yılmaz"
        and plan.network[0].draft.role == "Helpt met de post"
    )
    _agree_all(session, plan_id, TODAY)
    plan_service.settle(session, plan_id, TODAY, today=TODAY, by="karin")
    destroy_household(session, family["household"])
    session.flush()
    for table in plan_service.TABLES:
        assert session.scalar(select(func.count()).select_from(table)) == 0
    assert session.get(Medewerker, family["karin"]) is not None
