"""A full dossier for the inzage tests: names from four languages, every section filled."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from models import gezinsplan as plans
from models import households as service
from models import meetings, zrm
from models import safety_plan as safety
from models.consents import add_consent
from models.entities import Household
from models.enums import ActionOwner, ContactKind, EventKind, MemberRole, Phase, Respondent
from models.gezinsplan_records import (
    EvaluationDraft,
    GezinsplanDraft,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    NetworkDraft,
    PartyDraft,
)
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
)
from models.permissions import AccessAction
from models.records import (
    ActionDraft,
    AgreementDraft,
    ConsentDraft,
    ContactDraft,
    HouseholdDraft,
    MeasurementDraft,
    PersonDraft,
    PhaseChange,
    PlanDraft,
    PlanSettlement,
    RegistrationDraft,
    ScaleAnswer,
    ScaleEvent,
    ScoreDraft,
    SignsOfSafetyDraft,
    TrajectDraft,
)
from models.security import AccessLogEntry
from tests.helpers import TODAY, organisation, register

# Two moments the access log holds, in UTC; in Dutch winter time they read 14:03 and 09:30.
OPENED_AT = datetime(2026, 11, 25, 13, 3, tzinfo=UTC)
CHANGED_AT = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


def full_dossier(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    """The household and the person the inzage is about (Elif Yılmaz)."""
    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Verbeek", "jeugd_gezinscoach")
        household_id = service.register_household(
            session,
            RegistrationDraft(
                HouseholdDraft(
                    "Yılmaz-Nguyễn",
                    street="Kastanjelaan",
                    house_number="12",
                    postcode="1234 AB",
                    city="Voorbeeldstad",
                    phone="06-12345678",
                ),
                TrajectDraft(
                    registered_on=date(2026, 9, 1),
                    herkomst="school",
                    question="Wij willen weer rust in huis en hulp bij de schulden.",
                    aard="financien",
                    ernst="matig",
                    urgentie="normaal",
                    regisseur_id=anouk,
                ),
            ),
            today=TODAY,
        )
        person_id = service.add_member(
            session,
            household_id,
            PersonDraft(
                "Elif", "Yılmaz", MemberRole.OUDER, date_of_birth=date(1990, 3, 4), bsn="111222333"
            ),
            today=TODAY,
        )
        lan = service.add_member(
            session,
            household_id,
            PersonDraft("Lan", "Nguyễn Thị", MemberRole.OUDER, date_of_birth=date(1988, 12, 1)),
            today=TODAY,
        )
        emre, _zoe = (
            service.add_member(session, household_id, draft, today=TODAY)
            for draft in (
                PersonDraft("Emre", "Çelik", MemberRole.KIND, date_of_birth=date(2012, 6, 15)),
                PersonDraft(
                    "Zoë", "Hart", MemberRole.KIND, infix="van 't", date_of_birth=date(2015, 2, 28)
                ),
            )
        )
        traject = service.load_dossier(session, household_id).traject
        assert traject is not None
        service.change_phase(
            session,
            traject.id,
            PhaseChange(Phase.VRAAGVERHELDERING, date(2026, 9, 15), "Eerste gesprek gevoerd."),
            today=TODAY,
        )
        service.add_contact(
            session,
            household_id,
            ContactDraft(date(2026, 10, 2), ContactKind.HUISBEZOEK, "Gesproken met Elif en Lan."),
            today=TODAY,
        )
        service.add_contact(
            session,
            household_id,
            ContactDraft(date(2026, 10, 3), ContactKind.TELEFOON, "Dubbel ingevoerd."),
            today=TODAY,
        )
        add_consent(
            session,
            household_id,
            ConsentDraft(
                organisation(session, "Huisarts Jansen", "huisarts"),
                date(2026, 9, 1),
                purpose="medische informatie",
                given_by="Elif Yılmaz",
                person_id=person_id,
            ),
            today=TODAY,
        )
        add_consent(
            session,
            household_id,
            ConsentDraft(
                organisation(session, "School De Linde", "school"),
                date(2026, 9, 2),
                given_by="Lan Nguyễn Thị",
            ),
            today=TODAY,
        )
        zrm.save_measurement(
            session,
            person_id,
            MeasurementDraft(
                "zrm",
                "2017",
                date(2026, 10, 2),
                "Anouk Verbeek",
                scores=(
                    ScoreDraft("financien", 2, target=4, remark="Schulden bij drie schuldeisers."),
                    ScoreDraft("basale_adl", 5),
                    ScoreDraft("justitie", not_assessed=True),
                ),
            ),
            today=TODAY,
        )
        service.record_scale_event(
            session,
            traject.id,
            ScaleEvent(
                EventKind.OPSCHALEN,
                date(2026, 10, 5),
                "Besproken in het casusoverleg.",
                target="veiligheidsteam",
                reason="Spanningen thuis lopen op.",
                responsible="Anouk Verbeek",
            ),
            today=TODAY,
        )
        safety.record_signs(
            session,
            household_id,
            SignsOfSafetyDraft(
                date(2026, 10, 6),
                worries="Ruzies thuis; de kinderen horen het.",
                going_well="Oma Ayşe komt elke week.",
                next_steps="Een plek waar de kinderen heen kunnen als het escaleert.",
                answers=(
                    ScaleAnswer(Respondent.TEAM, 4),
                    ScaleAnswer(Respondent.OUDER, 6, person_id),
                    ScaleAnswer(Respondent.OUDER, 5, lan),
                    ScaleAnswer(Respondent.JONGERE, 3, emre),
                ),
            ),
            today=TODAY,
        )
        plan_id = safety.new_plan_version(
            session,
            household_id,
            PlanDraft(date(2026, 10, 7), "Een plek waar de kinderen heen kunnen."),
            today=TODAY,
        )
        safety.add_agreement(
            session,
            plan_id,
            AgreementDraft(
                "Elif belt oma Ayşe en gaat met de kinderen naar haar toe.",
                "Elif",
                "Zodra de ruzie escaleert",
                checker="Anouk Verbeek, wekelijks",
                network="Oma Ayşe",
            ),
        )
        safety.settle_plan(
            session,
            plan_id,
            PlanSettlement(date(2026, 10, 8), True, agreed_how="huisbezoek"),
            today=TODAY,
        )
    with unlocked.store.sessions.begin() as session:  # a contact entered twice, removed
        (doubled,) = [
            c
            for c in service.load_dossier(session, household_id).contacts
            if c.note == "Dubbel ingevoerd."
        ]
        service.remove_contact(session, doubled.id)
    item_id = _meeting(unlocked, household_id, anouk)
    with unlocked.store.sessions.begin() as session:  # corrections: their old values are kept
        meetings.record_notes(session, item_id, replace(CASE_NOTES, conclusion=CONCLUSION))
        service.update_member(  # Lan's: in her inzage, not in Elif's
            session,
            lan,
            PersonDraft(
                "Lan",
                "Nguyễn Thị",
                MemberRole.OUDER,
                date_of_birth=date(1988, 12, 1),
                bsn="999990020",
            ),
            today=TODAY,
        )
        service.update_member(
            session,
            person_id,
            PersonDraft(
                "Elif",
                "Yılmaz",
                MemberRole.OUDER,
                date_of_birth=date(1990, 3, 5),
                bsn="111222333",
                gezag=True,
            ),
            today=TODAY,
        )
        _gezinsplan(session, household_id, person_id, anouk)
        number = session.get(Household, household_id).dossier_number  # type: ignore[union-attr]
        for at, action in ((CHANGED_AT, AccessAction.CHANGE), (OPENED_AT, AccessAction.OPEN)):
            session.add(
                AccessLogEntry(
                    at=at,
                    login="anouk",
                    action=action,
                    household_id=household_id,
                    dossier_number=number,
                )
            )
    return household_id, person_id


PLAN_CONCERN = "Oplopende schulden; de kinderen merken de spanning."
GOAL_MONEY = "Elif heeft overzicht over haar geldzaken"


def _gezinsplan(
    session: Session, household_id: uuid.UUID, elif_id: uuid.UUID, anouk: uuid.UUID
) -> None:
    """A gezinsplan vastgesteld with everyone who must agree, evaluated once, and a second
    version in concept."""
    plan_id = plans.new_version(
        session,
        household_id,
        GezinsplanDraft(
            date(2026, 11, 2),
            situation="Elif en Lan wonen met Emre en Zoë in Leeuwarden.",
            question="Rust in huis en grip op het geld.",
            strengths="Oma Ayşe helpt veel.",
            concerns=PLAN_CONCERN,
        ),
        today=TODAY,
    )
    money = plans.add_goal(
        session, plan_id, GoalDraft(GOAL_MONEY, (elif_id,), "zrm", "2017", "financien", 4)
    )
    plans.add_goal_action(
        session,
        money,
        ActionDraft(
            "Aanmelden bij schuldhulp",
            ActionOwner.MEDEWERKER,
            date(2026, 12, 9),
            medewerker_id=anouk,
        ),
        today=TODAY,
    )
    plans.add_network(session, plan_id, NetworkDraft("Ayşe", "oma", "Opent samen met Elif de post"))
    evaluation = plans.add_evaluation_date(session, plan_id, date(2026, 11, 20), today=TODAY)
    plans.add_evaluation_date(session, plan_id, date(2027, 2, 1), today=TODAY)
    settled_on = date(2026, 11, 10)
    plans.set_parties(
        session,
        plan_id,
        [
            PartyDraft(r.person_id, settled_on, "huisbezoek")
            for r in plans.required_parties(session, plan_id, settled_on)
        ],
        today=TODAY,
    )
    plans.settle(session, plan_id, settled_on, today=TODAY, by="anouk")
    key = plans.plans(session, household_id).versions[0].goals[0].key
    plans.record_evaluation(
        session,
        evaluation,
        EvaluationDraft(
            date(2026, 11, 20),
            "Eerste stappen gezet.",
            (GoalResultDraft(key, GoalOutcome.DEELS, "Aangemeld, nog geen afspraak."),),
        ),
        today=TODAY,
        by="anouk",
    )
    plans.new_version(session, household_id, GezinsplanDraft(date(2026, 11, 24)), today=TODAY)


CASE_NOTES = CaseNotes(
    information="Elif en Lan maken vaak ruzie; de school ziet het aan Emre.",
    analysis="De spanning komt vooral door de schulden.",
    conclusion="Schuldhulp inzetten.",
    internal_note="Vermoeden dat de vader van Emre weer in beeld is.",
    safety_discussed=True,
    network_discussed=True,
)
CONCLUSION = "Schuldhulp inzetten en een veiligheidsplan maken."
OTHER_QUESTION = "Hoe gaat het met de broertjes van Daan?"  # another household's case
OTHER_NOTE = "Daan slaapt weer bij zijn oom."


def _meeting(unlocked: Unlocked, household_id: uuid.UUID, anouk: uuid.UUID) -> uuid.UUID:
    """A casuïstiekoverleg with this household's case and another household's; returns the
    agenda item of this household."""
    with unlocked.store.sessions.begin() as session:
        other = register(session, "Bakker")
        meeting_id = meetings.plan_meeting(
            session,
            MeetingDraft(MeetingKind.CASUISTIEK, date(2026, 10, 9), "09:30", "", anouk, anouk),
        )
        item_id = meetings.bring_in(
            session,
            meeting_id,
            AgendaItemDraft(household_id, "Hoe krijgen we rust in huis?", brought_in_by=anouk),
        )
        other_item = meetings.bring_in(session, meeting_id, AgendaItemDraft(other, OTHER_QUESTION))
        meetings.set_attendees(session, meeting_id, [AttendeeDraft(anouk)])
        meetings.start_meeting(session, meeting_id, now=datetime(2026, 10, 9, 7, 30, tzinfo=UTC))
        meetings.record_notes(session, item_id, CASE_NOTES)
        meetings.add_decision(
            session,
            item_id,
            DecisionDraft(DecisionKind.TAXATIE, "Risicotaxatie binnen twee weken."),
        )
        meetings.end_case(session, item_id, ItemOutcome.BESPROKEN)
        meetings.record_notes(
            session, other_item, CaseNotes(information=OTHER_NOTE, safety_discussed=True)
        )
        meetings.end_case(session, other_item, ItemOutcome.BESPROKEN)
        meetings.close_meeting(session, meeting_id, now=datetime(2026, 10, 9, 9, 0, tzinfo=UTC))
    return item_id
