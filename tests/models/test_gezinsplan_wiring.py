"""The gezinsplan seen from the rest of Teamtafel: an overdue evaluation on a meeting's
proposals, its block in the meeting summary, and nothing left after the dossier is destroyed."""

from __future__ import annotations

import time
import uuid
from datetime import date
from functools import partial

from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models import gezinsplan as plans
from models import households as service
from models import meetings
from models.avg import destroy_household
from models.enums import ActionOwner, MemberRole
from models.gezinsplan import TABLES
from models.gezinsplan_records import (
    EvaluationDraft,
    GezinsplanDraft,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    NetworkDraft,
    PartnerDraft,
    PartyDraft,
)
from models.meeting_records import MeetingDraft, MeetingKind
from models.proposals import ProposalContext, proposals
from models.records import ActionDraft, PersonDraft
from models.security import ChangeRecord
from models.summary import household_summary
from tests.helpers import TODAY, organisation, register

MADE = date(2026, 10, 1)
SETTLED = date(2026, 10, 5)
EVALUATION = date(2026, 11, 10)  # before TODAY: overdue


def _planned(session: Session, name: str = "Yılmaz", goals: int = 2) -> uuid.UUID:
    """A household with a vastgesteld plan (goals, actions, network, parties), evaluated once
    on time, its second evaluation overdue since 10-11-2026; returns the household."""
    household_id = register(session, name)
    elif_id = service.add_member(
        session,
        household_id,
        PersonDraft("Elif", name, MemberRole.OUDER, date_of_birth=date(1988, 3, 1), gezag=True),
        today=TODAY,
    )
    service.add_member(
        session,
        household_id,
        PersonDraft("Emre", name, MemberRole.KIND, date_of_birth=date(2017, 5, 5)),
        today=TODAY,
    )
    karin = service.add_medewerker(session, f"Karin {name}", "generalist")
    plan_id = plans.new_version(
        session, household_id, GezinsplanDraft(MADE, situation="Schulden en onrust"), today=MADE
    )
    for n in range(goals):
        goal = plans.add_goal(
            session,
            plan_id,
            GoalDraft(
                "Elif heeft weer overzicht over haar geldzaken en opent de post elke week"
                if n == 0
                else f"Emre gaat elke dag naar school ({n})",
                (elif_id,),
                *(("zrm", "2017", "financien", 4) if n == 0 else ()),
            ),
        )
        plans.add_goal_action(
            session,
            goal,
            ActionDraft(f"Actie {n}", ActionOwner.MEDEWERKER, TODAY, medewerker_id=karin),
            today=MADE,
        )
    plans.add_network(session, plan_id, NetworkDraft("Ayşe", "oma", "Helpt met de post"))
    plans.add_partner(
        session, plan_id, PartnerDraft(organisation(session, f"Schuldhulp {name}"), role="Budget")
    )
    first = plans.add_evaluation_date(session, plan_id, date(2026, 10, 20), today=MADE)
    plans.add_evaluation_date(session, plan_id, EVALUATION, today=MADE)
    plans.set_parties(
        session,
        plan_id,
        [
            PartyDraft(r.person_id, SETTLED, "huisbezoek")
            for r in plans.required_parties(session, plan_id, SETTLED)
        ],
        today=TODAY,
    )
    plans.settle(session, plan_id, SETTLED, today=TODAY, by="karin")
    key = plans.plans(session, household_id).versions[0].goals[0].key
    plans.record_evaluation(
        session,
        first,
        EvaluationDraft(
            date(2026, 10, 20), "Goed begin", (GoalResultDraft(key, GoalOutcome.DEELS),)
        ),
        today=TODAY,
        by="karin",
    )
    session.flush()
    return household_id


def test_a_meeting_proposes_a_household_whose_plan_evaluation_is_overdue(
    session: Session,
) -> None:
    household_id = _planned(session)
    meeting_id = meetings.plan_meeting(session, MeetingDraft(MeetingKind.CASUISTIEK, TODAY))
    found = proposals(
        session, ProposalContext(meeting_id, MeetingKind.CASUISTIEK, TODAY, None, frozenset())
    )
    (proposal,) = [p for p in found if p.household_id == household_id]
    assert "Evaluatie van het gezinsplan versie 1, gepland op 10-11-2026" in proposal.reason
    assert proposal.question == "Hoe staan de doelen van het gezinsplan ervoor?"
    # a meeting before the evaluation date proposes nothing for it
    earlier = proposals(
        session,
        ProposalContext(meeting_id, MeetingKind.CASUISTIEK, date(2026, 11, 1), None, frozenset()),
    )
    assert all("gezinsplan" not in p.reason for p in earlier)


def test_the_meeting_summary_shows_the_plan_and_warns_when_an_evaluation_is_late(
    session: Session,
) -> None:
    household_id = _planned(session, goals=6)
    block = next(
        b for b in household_summary(session, household_id, TODAY).blocks if b.title == "Gezinsplan"
    )
    assert block.warn
    assert block.lines[:2] == (
        "Versie 1, vastgesteld 05-10-2026",
        "Evaluatie was 10-11-2026 (te laat)",
    )
    assert block.lines[2].startswith("– Elif heeft weer overzicht over haar geldzaken")
    assert block.lines[2].endswith("… (financiën → 4)")
    assert block.lines[3] == "– Emre gaat elke dag naar school (1)"
    assert block.lines[-1] == "– en nog 2 doelen"
    # before the date: the next evaluation, no warning; a new version in the making is named
    plans.new_version(session, household_id, today=TODAY)
    early = next(
        b
        for b in household_summary(session, household_id, date(2026, 11, 1)).blocks
        if b.title == "Gezinsplan"
    )
    assert not early.warn
    assert early.lines[:2] == (
        "Versie 1, vastgesteld 05-10-2026 (versie 2 in de maak)",
        "Volgende evaluatie 10-11-2026",
    )


def test_a_household_without_a_plan_has_no_plan_block(session: Session) -> None:
    household_id = register(session, "Nguyễn")
    titles = [b.title for b in household_summary(session, household_id, TODAY).blocks]
    assert "Gezinsplan" not in titles


def _count(into: list[str], _conn: Connection, _cursor: object, statement: str, *_: object) -> None:
    into.append(statement)


def test_the_plan_block_reads_a_fixed_number_of_rows(session: Session) -> None:
    seen = []
    for name, goals in (("Klein", 1), ("Groot", 12)):
        household_id = _planned(session, name, goals)
        statements: list[str] = []
        count = partial(_count, statements)
        session.expunge_all()
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", count)
        started = time.perf_counter()
        household_summary(session, household_id, TODAY)
        assert time.perf_counter() - started < 0.3
        event.remove(connection, "before_cursor_execute", count)
        seen.append(len(statements))
    assert seen[0] == seen[1]


def _rows(session: Session, table: type[plans.Gezinsplan], household_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(table).where(table.household_id == household_id)
        )
        or 0
    )


def test_destroying_a_dossier_takes_its_whole_plan_and_its_history(session: Session) -> None:
    household_id = _planned(session)
    kept = _planned(session, "Bakker")
    plan = plans.plans(session, household_id).current
    assert plan is not None and plan.goals and plan.parties and plan.network and plan.partners
    assert plan.evaluations[0].results
    assert session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(
            ChangeRecord.household_id == household_id, ChangeRecord.table_name.like("gezinsplan%")
        )
    )
    destroy_household(session, household_id)
    session.flush()
    for table in TABLES:
        assert _rows(session, table, household_id) == 0, table.__tablename__  # type: ignore[arg-type]
    assert not session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(ChangeRecord.household_id == household_id)
    )
    # the other household's plan is untouched
    nothing_typed = {plans.PlanSafety, plans.PlanAdulthood}
    for table in TABLES:
        if table not in nothing_typed:
            assert _rows(session, table, kept), table.__tablename__  # type: ignore[arg-type]
