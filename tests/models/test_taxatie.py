"""Risicotaxatie in the store: concept, conclusion, review, status and re-assessment."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import households as service
from models import settings, taxatie
from models.enums import FactorAnswer, MemberRole, Phase, Risk, Safety, TaxatieState, Verdict
from models.errors import Rule, RuleViolation
from models.permissions import Actor, Role
from models.records import FactorDraft, PersonDraft, ReviewDraft, TaxatieDraft
from models.rules import REASSESS_ONVEILIG_WEEKS, REVIEW_BY_GEDRAGSWETENSCHAPPER
from models.todo import households_of, todo_list
from models.validation import ValidationError
from tests.helpers import TODAY, register

AUTHOR = Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)
COLLEAGUE = Actor(uuid.uuid4(), "karin", "Karin Bosman", Role.COORDINATOR)


def complete(
    person_id: uuid.UUID | None,
    safety: Safety = Safety.ONVEILIG,
    on: date = TODAY,
) -> TaxatieDraft:
    factors = tuple(
        FactorDraft(f.code, FactorAnswer.ONBEKEND if i % 3 else FactorAnswer.AANWEZIG)
        for i, f in enumerate(taxatie.instrument().factors)
    )
    return TaxatieDraft(
        person_id, on, factors, safety, Risk.HOOG, "Zorgen over Zoë na het huisbezoek."
    )


def child(session: Session, household_id: uuid.UUID, first: str = "Zoë") -> uuid.UUID:
    service.add_member(
        session,
        household_id,
        PersonDraft(first, "Hart", MemberRole.KIND, infix="van 't", date_of_birth=date(2015, 3, 1)),
        today=TODAY,
    )
    dossier = service.load_dossier(session, household_id)
    return next(p.id for p in dossier.members if p.first_name == first)


def test_the_instrument_has_four_groups_of_six_to_ten_factors() -> None:
    known = taxatie.instrument()
    assert [g.code for g in known.groups] == ["kind", "ouder", "gezin", "omgeving"]
    assert all(6 <= len(g.factors) <= 10 for g in known.groups)
    assert all(any(f.protective for f in g.factors) for g in known.groups)
    codes = [f.code for f in known.factors]
    assert len(codes) == len(set(codes))


def test_an_incomplete_taxatie_is_a_concept_and_cannot_be_sent_for_review(session: Session) -> None:
    household_id = register(session, "Yılmaz")
    zoe = child(session, household_id)
    partial = TaxatieDraft(zoe, TODAY, (FactorDraft("kind_letsel", FactorAnswer.AANWEZIG),))
    taxatie_id = taxatie.save_concept(session, household_id, partial, AUTHOR, today=TODAY)
    with pytest.raises(RuleViolation) as refused:
        taxatie.submit(session, household_id, partial, AUTHOR, taxatie_id=taxatie_id, today=TODAY)
    assert refused.value.rule is Rule.TAXATIE_INCOMPLETE
    stored = taxatie.get_taxatie(session, taxatie_id)
    assert stored.state is TaxatieState.CONCEPT
    assert stored.draft.answer("kind_letsel") == FactorDraft("kind_letsel", FactorAnswer.AANWEZIG)
    assert "safety" in taxatie.missing(stored.draft) and "onderbouwing" in taxatie.missing(
        stored.draft
    )
    # one factor short is still incomplete
    almost = complete(zoe)
    almost = TaxatieDraft(zoe, TODAY, almost.factors[1:], almost.safety, almost.risk, "x")
    assert taxatie.missing(almost) == [f"factor:{taxatie.instrument().factors[0].code}"]


def test_a_concluded_taxatie_is_locked_and_sets_the_next_date(session: Session) -> None:
    household_id = register(session, "Nguyễn")
    zoe = child(session, household_id)
    taxatie_id = taxatie.submit(session, household_id, complete(zoe), AUTHOR, today=TODAY)
    stored = taxatie.get_taxatie(session, taxatie_id)
    assert stored.state is TaxatieState.TER_TOETSING
    assert stored.next_due == TODAY + timedelta(weeks=4)  # onveilig: 4 weeks by default
    with pytest.raises(RuleViolation) as locked:
        taxatie.save_concept(session, household_id, complete(zoe), AUTHOR, taxatie_id=taxatie_id)
    assert locked.value.rule is Rule.TAXATIE_LOCKED
    with pytest.raises(RuleViolation):
        taxatie.remove_concept(session, taxatie_id)


def test_the_team_sets_the_reassessment_interval(session: Session) -> None:
    settings.set_int(session, REASSESS_ONVEILIG_WEEKS, 2)
    household_id = register(session, "Bakker")
    taxatie_id = taxatie.submit(session, household_id, complete(None), AUTHOR, today=TODAY)
    assert taxatie.get_taxatie(session, taxatie_id).next_due == TODAY + timedelta(weeks=2)


def test_nobody_reviews_their_own_taxatie(session: Session) -> None:
    household_id = register(session, "Bakker")
    taxatie_id = taxatie.submit(session, household_id, complete(None), AUTHOR, today=TODAY)
    with pytest.raises(RuleViolation) as own:
        taxatie.review(session, taxatie_id, ReviewDraft(Verdict.AKKOORD), AUTHOR)
    assert own.value.rule is Rule.OWN_TAXATIE
    with pytest.raises(ValidationError) as no_view:  # a different view must be written down
        taxatie.review(session, taxatie_id, ReviewDraft(Verdict.AFWIJKEND), COLLEAGUE)
    assert "view" in no_view.value.problems
    taxatie.review(
        session,
        taxatie_id,
        ReviewDraft(Verdict.AFWIJKEND, "Ik schat het acuut in.", Safety.ACUUT_ONVEILIG),
        COLLEAGUE,
    )
    stored = taxatie.get_taxatie(session, taxatie_id)
    assert (stored.state, stored.verdict, stored.reviewer_login) == (
        TaxatieState.GETOETST,
        Verdict.AFWIJKEND,
        "karin",
    )
    assert stored.conclusion is Safety.ACUUT_ONVEILIG  # the more serious view counts
    assert stored.next_due == TODAY + timedelta(weeks=1)
    with pytest.raises(RuleViolation) as again:
        taxatie.review(session, taxatie_id, ReviewDraft(Verdict.AKKOORD), COLLEAGUE)
    assert again.value.rule is Rule.TAXATIE_NOT_FOR_REVIEW


def test_the_team_can_require_a_gedragswetenschapper(session: Session) -> None:
    settings.set_int(session, REVIEW_BY_GEDRAGSWETENSCHAPPER, 1)
    household_id = register(session, "Bakker")
    taxatie_id = taxatie.submit(session, household_id, complete(None), AUTHOR, today=TODAY)
    with pytest.raises(RuleViolation) as refused:
        taxatie.review(session, taxatie_id, ReviewDraft(Verdict.AKKOORD), COLLEAGUE)
    assert refused.value.rule is Rule.REVIEWER_NOT_GEDRAGSWETENSCHAPPER
    service.add_medewerker(session, "Karin Bosman", "gedragswetenschapper")
    taxatie.review(session, taxatie_id, ReviewDraft(Verdict.AKKOORD), COLLEAGUE)
    assert taxatie.get_taxatie(session, taxatie_id).state is TaxatieState.GETOETST


def test_the_status_is_the_most_serious_across_household_and_children(session: Session) -> None:
    household_id = register(session, "Yılmaz")
    zoe, lan = child(session, household_id, "Zoë"), child(session, household_id, "Lan")
    taxatie.submit(session, household_id, complete(None, Safety.ZORGELIJK), AUTHOR, today=TODAY)
    earlier = TODAY - timedelta(2)
    taxatie.submit(
        session, household_id, complete(zoe, Safety.ONVEILIG, earlier), AUTHOR, today=TODAY
    )
    session.flush()
    overview = taxatie.safety_overview(session, household_id)
    assert (overview.household.safety, overview.household.concept) == (Safety.ONVEILIG, False)
    assert overview.persons[zoe].safety is Safety.ONVEILIG and lan not in overview.persons
    assert overview.household.next_due == earlier + timedelta(weeks=4)
    (row,) = service.search_households(session, "yilmaz")
    assert (row.safety, row.safety_concept) == (Safety.ONVEILIG, False)

    # a concept that says acuut onveilig shows at once, marked as concept
    draft = TaxatieDraft(lan, TODAY, (), Safety.ACUUT_ONVEILIG)
    concept_id = taxatie.save_concept(session, household_id, draft, AUTHOR, today=TODAY)
    session.flush()
    (row,) = service.search_households(session, "yilmaz")
    assert (row.safety, row.safety_concept) == (Safety.ACUUT_ONVEILIG, True)
    # a milder concept does not replace a concluded status
    taxatie.save_concept(
        session,
        household_id,
        TaxatieDraft(lan, TODAY, (), Safety.VEILIG),
        AUTHOR,
        taxatie_id=concept_id,
        today=TODAY,
    )
    session.flush()
    (row,) = service.search_households(session, "yilmaz")
    assert (row.safety, row.safety_concept) == (Safety.ONVEILIG, False)
    assert taxatie.safety_overview(session, household_id).persons[lan].concept

    # a removed child takes its taxaties along, and the column follows
    service.remove_member(session, zoe)
    session.flush()
    (row,) = service.search_households(session, "yilmaz")
    assert row.safety is Safety.ZORGELIJK


def test_overdue_reassessments_come_in_the_te_doen_list(session: Session) -> None:
    medewerker = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    mine = register(session, "Yılmaz", regisseur_id=medewerker)
    other = register(session, "Nguyễn")
    zoe = child(session, mine)
    long_ago = TODAY - timedelta(weeks=6)
    taxatie.submit(session, mine, complete(zoe, Safety.ONVEILIG, long_ago), AUTHOR, today=TODAY)
    taxatie.submit(session, mine, complete(None, Safety.VEILIG, long_ago), AUTHOR, today=TODAY)
    taxatie.submit(session, other, complete(None, Safety.ZORGELIJK, long_ago), AUTHOR, today=TODAY)
    session.flush()

    team = todo_list(session, TODAY, None)
    # onveilig (4 weeks) and zorgelijk (6 weeks) are due; veilig (13 weeks) is not yet
    assert [(i.dossier_number != "", i.subject, i.due) for i in team] == [
        (True, "Zoë van 't Hart", long_ago + timedelta(weeks=4)),
        (True, "", long_ago + timedelta(weeks=6)),
    ]
    assert all(i.kind == taxatie.REASSESSMENT for i in team)
    assert team[0].regisseur == "Anouk Verbeek"
    my_list = todo_list(session, TODAY, households_of(session, medewerker))
    assert [i.household_id for i in my_list] == [mine]
    # the day before it is due, it is not in the list; a new conclusion takes it off
    assert todo_list(session, long_ago + timedelta(weeks=4) - timedelta(1), None) == []
    taxatie.submit(session, mine, complete(zoe, Safety.VEILIG), AUTHOR, today=TODAY)
    session.flush()
    assert [i.household_id for i in todo_list(session, TODAY, None)] == [other]


def test_a_closed_traject_needs_no_reassessment(session: Session) -> None:
    from models.records import Closure

    household_id = register(session, "Bakker", registered_on=TODAY - timedelta(weeks=20))
    long_ago = TODAY - timedelta(weeks=10)
    taxatie.submit(
        session, household_id, complete(None, Safety.ONVEILIG, long_ago), AUTHOR, today=TODAY
    )
    assert todo_list(session, TODAY, None)
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    service.close_traject(session, traject.id, Closure(TODAY, "doelen_bereikt"), today=TODAY)
    assert todo_list(session, TODAY, None) == []
    assert session.scalars(select(taxatie.Taxatie.id)).all()
    assert service.load_dossier(session, household_id).traject.phase is Phase.AFGESLOTEN  # type: ignore[union-attr]


def test_taxaties_are_in_the_inzage_and_go_with_the_dossier(session: Session) -> None:
    from models.avg import destroy_household
    from models.inzage import inzage_report
    from models.security import ChangeRecord

    household_id = register(session, "Yılmaz")
    zoe, lan = child(session, household_id, "Zoë"), child(session, household_id, "Lan")
    taxatie.submit(session, household_id, complete(None, Safety.ZORGELIJK), AUTHOR, today=TODAY)
    concept = taxatie.save_concept(
        session,
        household_id,
        TaxatieDraft(zoe, TODAY, (FactorDraft("kind_angst", FactorAnswer.AANWEZIG, "bang"),)),
        AUTHOR,
        today=TODAY,
    )
    session.flush()
    taxatie.save_concept(  # a correction: its history is about Zoë
        session,
        household_id,
        TaxatieDraft(zoe, TODAY, (FactorDraft("kind_angst", FactorAnswer.ONBEKEND, "bang?"),)),
        AUTHOR,
        taxatie_id=concept,
        today=TODAY,
    )
    session.flush()
    zoe_report, lan_report = inzage_report(session, zoe), inzage_report(session, lan)
    assert {t.person_id for t in zoe_report.taxaties} == {None, zoe}
    assert {t.person_id for t in lan_report.taxaties} == {None}
    assert any(c.table_name == "taxatie_factor" for c in zoe_report.changes)
    assert not any(c.table_name == "taxatie_factor" for c in lan_report.changes)

    destroy_household(session, household_id)
    session.flush()
    for table in (taxatie.Taxatie, taxatie.TaxatieFactor, taxatie.HouseholdSafety):
        assert session.scalars(select(table)).all() == []
    assert session.scalars(select(ChangeRecord)).all() == []


def test_the_household_list_sorts_by_safety_both_ways(session: Session) -> None:
    """Clicking the Veiligheid header twice (most serious first) must not break the list."""
    from models.records import HouseholdSort

    for name, safety, concluded in [
        ("Yılmaz", Safety.ONVEILIG, True),
        ("Nguyễn", Safety.VEILIG, True),
        ("De Vries", Safety.ONVEILIG, False),  # a concept: less certain than a conclusion
        ("Jansen", None, False),
    ]:
        household_id = register(session, name)
        if safety is None:
            continue
        draft = complete(child(session, household_id), safety)
        if concluded:
            taxatie.submit(session, household_id, draft, AUTHOR, today=TODAY)
        else:
            taxatie.save_concept(session, household_id, draft, AUTHOR, today=TODAY)
    session.flush()

    def listed(descending: bool) -> list[str]:
        rows = service.search_households(session, sort=HouseholdSort.SAFETY, descending=descending)
        return [r.name for r in rows]

    assert listed(False) == ["Jansen", "Nguyễn", "De Vries", "Yılmaz"]
    assert listed(True) == ["Yılmaz", "De Vries", "Nguyễn", "Jansen"]


def _due(session: Session, today: date = TODAY) -> list[uuid.UUID]:
    """The households of the Te doen list's re-assessments, checked against their count (the
    coordinator's overview), for the whole team and for each household alone."""
    listed = sorted(i.household_id for i in todo_list(session, today, None))
    assert sorted(taxatie.due_households(session, today, None)) == listed
    for household_id in set(listed) | set(session.scalars(select(taxatie.Taxatie.household_id))):
        alone = [i.household_id for i in todo_list(session, today, {household_id})]
        assert taxatie.due_households(session, today, {household_id}) == alone
    return listed


def test_on_one_day_the_later_taxatie_decides_for_the_list_and_its_count(
    session: Session,
) -> None:
    first, second = register(session, "Yılmaz"), register(session, "Nguyễn")
    long_ago = TODAY - timedelta(weeks=6)
    for household_id, safeties in (
        (first, (Safety.ONVEILIG, Safety.VEILIG)),  # then 13 weeks: not due
        (second, (Safety.VEILIG, Safety.ONVEILIG)),  # then 4 weeks: due
    ):
        zoe = child(session, household_id)
        for safety in safeties:
            taxatie.submit(
                session, household_id, complete(zoe, safety, long_ago), AUTHOR, today=TODAY
            )
            session.flush()  # one moment each
    assert _due(session) == [second]

    # saved in one flush (one moment): the larger id decides, the same for list and count
    session.execute(update(taxatie.Taxatie).values(created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    by_id = session.execute(
        select(taxatie.Taxatie.household_id, taxatie.Taxatie.safety).order_by(taxatie.Taxatie.id)
    ).all()
    last = {household_id: safety for household_id, safety in by_id}
    assert _due(session) == sorted(h for h, s in last.items() if s is Safety.ONVEILIG)


def test_a_newer_concept_does_not_count_and_a_closed_traject_is_not_counted(
    session: Session,
) -> None:
    from models.records import Closure

    household_id = register(session, "Bakker", registered_on=TODAY - timedelta(weeks=20))
    zoe = child(session, household_id)
    long_ago = TODAY - timedelta(weeks=10)
    taxatie.submit(
        session, household_id, complete(zoe, Safety.ONVEILIG, long_ago), AUTHOR, today=TODAY
    )
    session.flush()
    taxatie.save_concept(
        session, household_id, TaxatieDraft(zoe, TODAY, (), Safety.VEILIG), AUTHOR, today=TODAY
    )
    session.flush()
    assert _due(session) == [household_id]
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    service.close_traject(session, traject.id, Closure(TODAY, "doelen_bereikt"), today=TODAY)
    session.flush()
    assert _due(session) == []
