"""The household summary beside the notes in meeting mode: members, regie, safety, meldcode,
the latest ZRM and the open actions, as short Dutch lines, warning where it matters."""

from __future__ import annotations

import time
import uuid
from datetime import date, timedelta
from functools import partial

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models import actions, meldcode, safety_plan, taxatie, zrm
from models import households as service
from models.afwegingskader import StartDraft, VictimKind, ViolenceForm
from models.enums import ActionOwner, ActionStatus, FactorAnswer, MemberRole, Risk, Safety
from models.meeting_records import HouseholdSummary, SummaryBlock
from models.permissions import Actor, Role
from models.records import (
    ActionDraft,
    AgreementDraft,
    FactorDraft,
    MeasurementDraft,
    PersonDraft,
    PlanDraft,
    PlanSettlement,
    ScoreDraft,
    TaxatieDraft,
)
from models.summary import household_summary
from tests.helpers import TODAY, register

AUTHOR = Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)


def _block(summary: HouseholdSummary, title: str) -> SummaryBlock:
    return next(b for b in summary.blocks if b.title.startswith(title))


def _titles(summary: HouseholdSummary) -> list[str]:
    return [b.title for b in summary.blocks]


def _member(
    session: Session, household_id: uuid.UUID, first: str, role: MemberRole, born: date
) -> uuid.UUID:
    return service.add_member(
        session,
        household_id,
        PersonDraft(first, "Yılmaz", role, date_of_birth=born),
        today=TODAY,
    )


def _taxatie(session: Session, household_id: uuid.UUID, safety: Safety, on: date) -> None:
    factors = tuple(
        FactorDraft(f.code, FactorAnswer.ONBEKEND) for f in taxatie.instrument().factors
    )
    draft = TaxatieDraft(None, on, factors, safety, Risk.VERHOOGD, "Na het huisbezoek.")
    taxatie.submit(session, household_id, draft, AUTHOR, today=on)
    session.flush()


def test_a_new_household_has_its_members_and_no_regisseur_yet(session: Session) -> None:
    household_id = register(session, "Yılmaz", registered_on=TODAY - timedelta(days=3))
    _member(session, household_id, "Elif", MemberRole.OUDER, date(1988, 12, 1))
    _member(session, household_id, "Emre", MemberRole.KIND, date(2014, 11, 25))
    summary = household_summary(session, household_id, TODAY)
    assert _block(summary, "Gezinsleden").lines == (
        "Elif Yılmaz (37), ouder",
        "Emre Yılmaz (12), kind",
    )
    regie = _block(summary, "Regie")
    assert regie.lines == ("Nog geen casusregisseur", "Fase: aangemeld (aangemeld 22-11-2026)")
    assert regie.warn
    safety = _block(summary, "Veiligheid")
    assert safety.lines == ("Nog geen risicotaxatie",) and not safety.warn
    # nothing to say: no block
    assert not {"Meldcode", "Laatste ZRM", "Open acties"} & set(_titles(summary))
    assert _titles(summary) == ["Gezinsleden", "Regie", "Veiligheid"]


def test_the_regisseur_and_an_unsafe_household_with_its_veiligheidsplan(
    session: Session,
) -> None:
    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    household_id = register(session, "Nguyễn", regisseur_id=anouk)
    assert _block(household_summary(session, household_id, TODAY), "Regie").lines[0] == (
        "Casusregisseur: Anouk Verbeek"
    )
    _taxatie(session, household_id, Safety.ONVEILIG, TODAY - timedelta(days=20))
    plan_id = safety_plan.new_plan_version(
        session, household_id, PlanDraft(TODAY - timedelta(days=10), "Veilig thuis"), today=TODAY
    )
    for what, who in (
        ("Lan belt oma bij ruzie", "Nguyễn Thị Lan"),
        ("Mentor meldt verzuim dezelfde dag", "Mentor"),
        ("Huisbezoek elke week", "Zoë"),
        ("Buurvrouw is aanspreekpunt", "Buurvrouw"),
    ):
        safety_plan.add_agreement(session, plan_id, AgreementDraft(what, who, "Bij ruzie"))
    safety_plan.settle_plan(
        session,
        plan_id,
        PlanSettlement(TODAY - timedelta(days=9), True, agreed_how="huisbezoek"),
        today=TODAY,
    )
    session.flush()
    block = _block(household_summary(session, household_id, TODAY), "Veiligheid")
    assert block.warn
    assert block.lines[0] == "Veiligheid: onveilig (taxatie 05-11-2026)"
    assert block.lines[1].startswith("Hertaxatie uiterlijk ")
    assert block.lines[2:] == (
        "Veiligheidsplan: 4 afspraken",
        "– Lan belt oma bij ruzie (Nguyễn Thị Lan)",
        "– Mentor meldt verzuim dezelfde dag (Mentor)",
        "– Huisbezoek elke week (Zoë)",
        "– en nog 1",
    )
    # long after: the re-assessment is overdue
    later = _block(household_summary(session, household_id, TODAY + timedelta(days=365)), "Veil")
    assert later.lines[1].endswith("(te laat)") and later.warn


def test_a_safe_household_does_not_warn(session: Session) -> None:
    household_id = register(session, "Van 't Hart")
    _taxatie(session, household_id, Safety.VEILIG, TODAY - timedelta(days=3))
    block = _block(household_summary(session, household_id, TODAY), "Veiligheid")
    assert block.lines[0] == "Veiligheid: veilig (taxatie 22-11-2026)" and not block.warn


def test_the_latest_zrm_per_member_with_its_lowest_domains(session: Session) -> None:
    household_id = register(session, "Yılmaz")
    elif_ = _member(session, household_id, "Elif", MemberRole.OUDER, date(1988, 12, 1))
    for on, levels in (
        (TODAY - timedelta(days=200), {"financien": 1, "huisvesting": 1}),
        (TODAY - timedelta(days=10), {"financien": 2, "huisvesting": 4, "werk_opleiding": 3}),
    ):
        scores = (
            *(ScoreDraft(code, level) for code, level in levels.items()),
            ScoreDraft("justitie", None, not_assessed=True),
        )
        zrm.save_measurement(
            session,
            elif_,
            MeasurementDraft("zrm", "2017", on, "Anouk Verbeek", scores),
            today=TODAY,
        )
    session.flush()
    block = _block(household_summary(session, household_id, TODAY), "Laatste ZRM")
    assert block.lines == (
        "Elif, 15-11-2026: laagst financiën 2, werk & opleiding 3, huisvesting 4",
    )


def test_open_actions_overdue_first_warn_and_closed_ones_are_left_out(
    session: Session,
) -> None:
    zoe = service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach")
    household_id = register(session, "Yılmaz")

    def add(text: str, due: date) -> uuid.UUID:
        return actions.add_action(
            session,
            household_id,
            ActionDraft(text, ActionOwner.MEDEWERKER, due, zoe),
            not_before=TODAY - timedelta(days=60),
        )

    add("Schuldhulp bellen", TODAY + timedelta(days=5))
    add("Huisbezoek plannen", TODAY - timedelta(days=2))
    done = add("School spreken", TODAY - timedelta(days=9))
    actions.set_status(session, done, ActionStatus.GEDAAN, TODAY - timedelta(days=8))
    session.flush()
    block = _block(household_summary(session, household_id, TODAY), "Open acties")
    assert block.title == "Open acties (2, 1 te laat)" and block.warn
    assert block.lines == (
        "Huisbezoek plannen — Zoë van 't Hart, te laat (23-11-2026)",
        "Schuldhulp bellen — Zoë van 't Hart, uiterlijk 30-11-2026",
    )
    # before it fell due nothing warns
    early = _block(household_summary(session, household_id, TODAY - timedelta(days=3)), "Open")
    assert early.title == "Open acties" and not early.warn


def test_an_open_meldcode_procedure_is_named_with_its_step(session: Session) -> None:
    household_id = register(session, "Nguyễn")
    meldcode.start_procedure(
        session,
        household_id,
        StartDraft(
            ViolenceForm.PARTNERGEWELD,
            VictimKind.VOLWASSENE,
            TODAY - timedelta(days=4),
            "Anouk",
            "Zorgen na huisbezoek",
        ),
        today=TODAY,
    )
    block = _block(household_summary(session, household_id, TODAY), "Meldcode")
    assert block.lines == ("Meldcode partnergeweld: stap 2 van 5, sinds 21-11-2026",)


def _count(into: list[str], _conn: Connection, _cursor: object, statement: str, *_: object) -> None:
    into.append(statement)


def test_the_summary_reads_a_few_rows_whatever_the_household_holds(session: Session) -> None:
    """No query per member, per measurement or per action: a case opens at once."""
    zoe = service.add_medewerker(session, "Zoë van 't Hart", "jeugd_gezinscoach")
    households = []
    for n in (1, 8):
        household_id = register(session, f"Yılmaz {n}", regisseur_id=zoe)
        for i in range(n):
            person = _member(session, household_id, f"Kind{i}", MemberRole.KIND, date(2012, 1, 1))
            zrm.save_measurement(
                session,
                person,
                MeasurementDraft("zrm", "2017", TODAY, "Zoë", (ScoreDraft("financien", 2),)),
                today=TODAY,
            )
            actions.add_action(
                session,
                household_id,
                ActionDraft(f"Actie {i}", ActionOwner.GEZINSLID, TODAY, person_id=person),
                not_before=TODAY,
            )
        households.append(household_id)
    session.flush()
    seen: list[list[str]] = []
    for household_id in households:
        statements: list[str] = []
        count = partial(_count, statements)

        session.expunge_all()  # both read from the database, none from the identity map
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", count)
        started = time.perf_counter()
        household_summary(session, household_id, TODAY)
        elapsed = time.perf_counter() - started
        event.remove(connection, "before_cursor_execute", count)
        seen.append(statements)
        assert elapsed < 0.3
    assert len(seen[0]) == len(seen[1])
