"""The verwijzing: the service is the lock (two different deciders, every field, the order of
the statuses and their dates), and it goes with the dossier and shows in the inzage."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import households as service
from models import verwijzing
from models.avg import destroy_household
from models.entities import Traject
from models.enums import MemberRole, Phase, VerwijzingStatus
from models.errors import Rule, RuleViolation
from models.inzage import inzage_report
from models.records import Closure, PersonDraft, StatusDraft, VerwijzingDraft
from models.security import ChangeRecord
from models.validation import Problem, ValidationError
from models.wording import PROBLEM
from tests.helpers import TODAY, organisation, register


def _member(session: Session, household_id: uuid.UUID, first: str, role: MemberRole) -> uuid.UUID:
    return service.add_member(
        session, household_id, PersonDraft(first, "Yılmaz", role), today=TODAY
    )


@pytest.fixture
def setting(session: Session) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, VerwijzingDraft]:
    """A household (Elif, a parent; Emre, a child) and a complete draft for Emre."""
    household_id = register(session, "Yılmaz", registered_on=TODAY - timedelta(days=60))
    elif_ = _member(session, household_id, "Elif", MemberRole.OUDER)
    emre = _member(session, household_id, "Emre", MemberRole.KIND)
    ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    thi_lan = service.add_medewerker(session, "Nguyễn Thị Lan", "gedragswetenschapper")
    draft = VerwijzingDraft(
        TODAY - timedelta(days=10),
        (emre,),
        ggz,
        "jeugd_ggz",
        "Aanhoudende angstklachten; school meldt verzuim.",
        anouk,
        thi_lan,
    )
    return household_id, elif_, emre, draft


def test_a_verwijzing_is_made_in_the_current_traject_which_stays_open(
    session: Session, setting
) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    phase = session.scalars(select(Traject.phase).where(Traject.household_id == household_id)).one()
    made = verwijzing.make_verwijzing(session, draft, household_id=household_id, today=TODAY)
    (record,) = verwijzing.list_verwijzingen(session, household_id)
    assert record.id == made.id and record.draft == draft
    assert record.members == ("Emre Yılmaz",)
    assert record.deciders == ("Anouk Verbeek", "Nguyễn Thị Lan")
    assert record.organisation == "GGZ Voorbeeldstad"
    assert [(s.status, s.on) for s in record.history] == [
        (VerwijzingStatus.AANGEVRAAGD, draft.referred_on)
    ]
    traject = session.scalars(select(Traject).where(Traject.household_id == household_id)).one()
    assert record.traject_id == traject.id and traject.phase is phase is not Phase.AFGESLOTEN
    # the same, given the traject (as a meeting's decision will)
    verwijzing.make_verwijzing(session, draft, traject_id=traject.id, today=TODAY)
    assert len(verwijzing.list_verwijzingen(session, household_id)) == 2


def test_one_decider_twice_or_missing_is_refused_with_each_field_named(
    session: Session, setting
) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    with pytest.raises(ValidationError) as same:
        verwijzing.make_verwijzing(
            session, replace(draft, decider_2=draft.decider_1), household_id=household_id
        )
    assert same.value.problems == {"decider_2": Problem.SAME_DECIDER}
    assert "twee verschillende medewerkers" in PROBLEM[Problem.SAME_DECIDER]
    with pytest.raises(ValidationError) as one:
        verwijzing.make_verwijzing(
            session, replace(draft, decider_2=None), household_id=household_id
        )
    assert one.value.problems == {"decider_2": Problem.REQUIRED}
    empty = VerwijzingDraft(None)
    with pytest.raises(ValidationError) as nothing:
        verwijzing.make_verwijzing(session, empty, household_id=household_id, today=TODAY)
    assert set(nothing.value.problems) == {
        "referred_on",
        "members",
        "organisation",
        "hulpvorm",
        "reason",
        "decider_1",
        "decider_2",
    }
    assert verwijzing.list_verwijzingen(session, household_id) == []


def test_wrong_choices_are_refused(session: Session, setting) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    stranger = _member(session, register(session, "Van 't Hart"), "Zoë", MemberRole.KIND)
    cases = {
        "members": replace(draft, member_ids=(stranger,)),
        "hulpvorm": replace(draft, hulpvorm="toverij"),
        "referred_on": replace(draft, referred_on=TODAY + timedelta(days=1)),
        "organisation": replace(draft, organisation_id=uuid.uuid4()),
        "reason": replace(draft, reason="   "),
    }
    for field, wrong in cases.items():
        with pytest.raises(ValidationError) as refused:
            verwijzing.make_verwijzing(session, wrong, household_id=household_id, today=TODAY)
        assert set(refused.value.problems) == {field}


def test_no_verwijzing_in_a_closed_traject(session: Session, setting) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    traject_id = session.scalars(
        select(Traject.id).where(Traject.household_id == household_id)
    ).one()
    service.close_traject(session, traject_id, Closure(TODAY, "doelen_bereikt"), today=TODAY)
    with pytest.raises(RuleViolation) as closed:
        verwijzing.make_verwijzing(session, draft, household_id=household_id, today=TODAY)
    assert closed.value.rule is Rule.TRAJECT_CLOSED


def test_statuses_go_in_order_with_their_dates_and_the_history_is_kept(
    session: Session, setting
) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    made = verwijzing.make_verwijzing(session, draft, household_id=household_id, today=TODAY)
    started = TODAY - timedelta(days=5)

    def to(status: VerwijzingStatus | None, on: date | None, note: str = "") -> None:
        verwijzing.change_status(session, made.id, StatusDraft(status, on, note), TODAY)

    with pytest.raises(RuleViolation) as skipped:
        to(VerwijzingStatus.BEEINDIGD, started)  # not yet started
    assert skipped.value.rule is Rule.VERWIJZING_STATUS
    with pytest.raises(ValidationError) as early:
        to(VerwijzingStatus.GESTART, draft.referred_on - timedelta(days=1))  # before aangevraagd
    assert early.value.problems == {"on": Problem.DATE_BEFORE_REGISTRATION}
    with pytest.raises(ValidationError) as missing:
        to(None, None)
    assert set(missing.value.problems) == {"status", "on"}
    to(VerwijzingStatus.GESTART, started, "Intake gehad")
    to(VerwijzingStatus.BEEINDIGD, TODAY)
    with pytest.raises(RuleViolation):
        to(VerwijzingStatus.GESTART, TODAY)  # beëindigd is final
    record = verwijzing.get_verwijzing(session, made.id)
    assert [(s.status, s.on, s.note) for s in record.history] == [
        (VerwijzingStatus.AANGEVRAAGD, draft.referred_on, ""),
        (VerwijzingStatus.GESTART, started, "Intake gehad"),
        (VerwijzingStatus.BEEINDIGD, TODAY, ""),
    ]
    assert record.status.status is VerwijzingStatus.BEEINDIGD


def test_afgewezen_is_final(session: Session, setting) -> None:  # type: ignore[no-untyped-def]
    household_id, _elif, _emre, draft = setting
    made = verwijzing.make_verwijzing(session, draft, household_id=household_id, today=TODAY)
    verwijzing.change_status(
        session, made.id, StatusDraft(VerwijzingStatus.AFGEWEZEN, TODAY), TODAY
    )
    with pytest.raises(RuleViolation):
        verwijzing.change_status(
            session, made.id, StatusDraft(VerwijzingStatus.GESTART, TODAY), TODAY
        )


def test_in_the_inzage_of_its_members_only_and_destroyed_with_the_dossier(
    session: Session, setting
) -> None:  # type: ignore[no-untyped-def]
    household_id, elif_, emre, draft = setting
    kept_household = register(session, "Nguyễn")
    kept_member = _member(session, kept_household, "Lan", MemberRole.OUDER)
    made = verwijzing.make_verwijzing(session, draft, household_id=household_id, today=TODAY)
    verwijzing.make_verwijzing(
        session, replace(draft, member_ids=(kept_member,)), household_id=kept_household
    )
    session.flush()
    verwijzing.change_status(session, made.id, StatusDraft(VerwijzingStatus.GESTART, TODAY), TODAY)
    session.flush()

    emre_report = inzage_report(session, emre)
    assert [v.id for v in emre_report.verwijzingen] == [made.id]
    assert any(c.table_name == "verwijzing" and c.field == "status" for c in emre_report.changes)
    elif_report = inzage_report(session, elif_)
    assert elif_report.verwijzingen == ()  # another member's referral is not hers to read
    assert not any(c.table_name.startswith("verwijzing") for c in elif_report.changes)

    destroy_household(session, household_id)
    for table in (
        verwijzing.Verwijzing,
        verwijzing.VerwijzingMember,
        verwijzing.VerwijzingStatusChange,
    ):
        left = session.scalars(select(table.household_id).distinct()).all()
        assert left == [kept_household], table.__tablename__
    history = select(func.count()).where(ChangeRecord.household_id == household_id)
    assert session.scalar(history) == 0
