"""A household with a gezinsplan written through the service, for the printout's tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import gezinsplan as plans
from models import households as service
from models import safety_plan as safety
from models import zrm
from models.consents import add_consent
from models.entities import Medewerker, Organisation
from models.enums import ActionOwner, MemberRole
from models.gezinsplan_records import (
    AdulthoodDraft,
    GezinsplanDraft,
    GoalDraft,
    NetworkDraft,
    PartnerDraft,
    PartyDraft,
)
from models.organisations import add_contact_person
from models.records import (
    ActionDraft,
    AgreementDraft,
    ConsentDraft,
    HouseholdDraft,
    MeasurementDraft,
    OrganisationContactDraft,
    PersonDraft,
    PlanDraft,
    PlanSettlement,
    RegistrationDraft,
    ScoreDraft,
    TrajectDraft,
)
from tests.helpers import TODAY, organisation

MADE = date(2026, 11, 2)
SCHOOL = "Basisschool De Regenboog"
GGZ = "GGZ Voorbeeldstad"
ELSEWHERE = "Dorpsstraat 4, 8011 AB Zwolle"


@dataclass(frozen=True)
class Family:
    household: uuid.UUID
    plan: uuid.UUID
    elif_: uuid.UUID
    hasan: uuid.UUID
    zoe: uuid.UUID
    emre: uuid.UUID
    deniz: uuid.UUID
    lan: uuid.UUID  # the regisseur (a team member)
    ggz: uuid.UUID  # the household consented to share with it
    school: uuid.UUID  # no consent


def _organisation(session: Session, name: str, kind: str) -> uuid.UUID:
    """The organisation, added the first time (a second family shares it)."""
    found = session.scalar(select(Organisation.id).where(Organisation.name == name))
    return found or organisation(session, name, kind)


def _member(session: Session, household: uuid.UUID, draft: PersonDraft) -> uuid.UUID:
    return service.add_member(session, household, draft, today=TODAY)


def family(session: Session, *, hasan_shielded: bool = False) -> Family:
    """Gezin Yılmaz: Elif with gezag, Hasan with gezag living elsewhere, three children."""
    lan = session.scalar(select(Medewerker.id).where(Medewerker.name == "Nguyễn Thị Lan"))
    lan = lan or service.add_medewerker(session, "Nguyễn Thị Lan", "jeugd_gezinscoach")
    household = service.register_household(
        session,
        RegistrationDraft(
            HouseholdDraft(
                "Yılmaz",
                street="Kastanjelaan",
                house_number="12",
                postcode="1234 AB",
                city="Voorbeeldstad",
            ),
            TrajectDraft(
                registered_on=date(2026, 10, 1),
                herkomst="school",
                question="Rust in huis en hulp bij de schulden.",
                regisseur_id=lan,
            ),
        ),
        today=TODAY,
    )
    elif_ = _member(
        session,
        household,
        PersonDraft("Elif", "Yılmaz", MemberRole.OUDER, date_of_birth=date(1988, 3, 1), gezag=True),
    )
    hasan = _member(
        session,
        household,
        PersonDraft(
            "Hasan",
            "Yılmaz",
            MemberRole.OUDER,
            date_of_birth=date(1985, 6, 9),
            gezag=True,
            lives_elsewhere=True,
            address=ELSEWHERE,
            address_shielded=hasan_shielded,
        ),
    )
    zoe = _member(
        session,
        household,
        PersonDraft(
            "Zoë", "Hart", MemberRole.KIND, infix="van 't", date_of_birth=date(2012, 1, 20)
        ),
    )
    emre = _member(
        session,
        household,
        PersonDraft("Emre", "Yılmaz", MemberRole.KIND, date_of_birth=date(2017, 5, 5)),
    )
    deniz = _member(
        session,
        household,
        PersonDraft("Deniz", "Yılmaz", MemberRole.KIND, date_of_birth=date(2009, 2, 2)),
    )
    ggz = _organisation(session, GGZ, "ggz")
    school = _organisation(session, SCHOOL, "school")
    add_consent(session, household, ConsentDraft(ggz, TODAY - timedelta(days=30)), today=TODAY)
    return Family(household, uuid.UUID(int=0), elif_, hasan, zoe, emre, deniz, lan, ggz, school)


def written_plan(session: Session, f: Family, *, settle: bool = True) -> Family:
    """A plan with two goals and three actions, network, an organisation, safety agreements,
    'na je 18e', an evaluation date; vastgesteld with the parents (unless ``settle`` is off)."""
    zrm.save_measurement(
        session,
        f.elif_,
        MeasurementDraft(
            "zrm", "2017", date(2026, 10, 1), "Nguyễn Thị Lan", scores=(ScoreDraft("financien", 2),)
        ),
        today=TODAY,
    )
    safe = safety.new_plan_version(
        session,
        f.household,
        PlanDraft(date(2026, 10, 7), "Veilig thuis voor de kinderen"),
        today=TODAY,
    )
    safety.add_agreement(
        session,
        safe,
        AgreementDraft(
            "Elif belt oma Ayşe en gaat met de kinderen naar haar toe",
            "Elif",
            "Als de ruzie te hoog oploopt",
            checker="Nguyễn Thị Lan, elke week",
            network="oma Ayşe",
        ),
    )
    safety.settle_plan(
        session, safe, PlanSettlement(date(2026, 10, 8), True, "huisbezoek"), today=TODAY
    )
    plan = plans.new_version(
        session,
        f.household,
        GezinsplanDraft(
            MADE,
            situation="Elif woont met drie kinderen in een flat. Er zijn schulden.",
            question="Wij willen weer rust in huis.",
            earlier_help="Eerder schuldhulp via de kerk.",
            strengths="Oma Ayşe helpt veel. De kinderen gaan graag naar school.",
            concerns="Er is vaak ruzie over geld.",
            child_view="Zoë: ik wil dat er minder ruzie is.",
            reach="06-12345678, op maandag, dinsdag en donderdag",
            fgp_offered_on=date(2026, 11, 2),
            fgp_accepted=False,
        ),
        today=TODAY,
    )
    money = plans.add_goal(
        session,
        plan,
        GoalDraft("Schulden op een rij", (f.elif_,), "zrm", "2017", "financien", 4),
    )
    school = plans.add_goal(session, plan, GoalDraft("Emre gaat elke dag naar school", (f.emre,)))
    plans.add_goal_action(
        session,
        money,
        ActionDraft(
            "Aanmelden bij schuldhulp",
            ActionOwner.MEDEWERKER,
            date(2026, 12, 9),
            medewerker_id=f.lan,
        ),
        today=TODAY,
    )
    plans.add_goal_action(
        session,
        money,
        ActionDraft(
            "Post openen met oma",
            ActionOwner.NETWERK,
            date(2026, 12, 2),
            network_name="Ayşe",
            network_relation="oma",
        ),
        today=TODAY,
    )
    plans.add_goal_action(
        session,
        school,
        ActionDraft("Wekker zetten", ActionOwner.GEZINSLID, date(2026, 11, 28), person_id=f.elif_),
        today=TODAY,
    )
    plans.add_network(session, plan, NetworkDraft("Ayşe", "oma", "Helpt met de post"))
    contact = add_contact_person(
        session, f.ggz, OrganisationContactDraft("Jan de Wit", "behandelaar", "010-1234567")
    )
    plans.add_partner(session, plan, PartnerDraft(f.ggz, contact, "Gesprekken met Zoë"))
    plans.set_adulthood(
        session, plan, AdulthoodDraft(f.deniz, "Geen jeugdhulp meer", "Wmo-consulent")
    )
    plans.add_evaluation_date(session, plan, date(2027, 1, 25), today=TODAY)
    if settle:
        plans.set_parties(
            session,
            plan,
            [
                PartyDraft(r.person_id, TODAY, "huisbezoek", chart_ok=r.person_id == f.elif_)
                for r in plans.required_parties(session, plan, TODAY)
            ],
            today=TODAY,
        )
        plans.settle(session, plan, TODAY, today=TODAY, by="lan")
    return Family(**{**f.__dict__, "plan": plan})
