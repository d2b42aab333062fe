"""Synthetic, clearly fictional Dutch households for the demo database and the bench.

All households live in the fictional 'Voorbeeldstad'; BSNs are drawn from the
9999xxxxx test range and pass the elfproef.  Rows go in through bulk inserts so
20,000 households take seconds, not minutes.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import meldcode
from models.afwegingskader import (
    ConsultationDraft,
    ConsultationKind,
    ConversationDraft,
    DecisionDraft,
    StartDraft,
    VictimKind,
    ViolenceForm,
    WeighingDraft,
)
from models.base import SYSTEM_USER
from models.demo_gezinsplan import demo_gezinsplan
from models.demo_meetings import demo_meetings
from models.entities import (
    Consent,
    Contact,
    Household,
    Measurement,
    MeasurementScore,
    Medewerker,
    Organisation,
    OrganisationContact,
    Person,
    RegisseurAssignment,
    Traject,
    TrajectEvent,
)
from models.enums import (
    OPEN_PHASES,
    ActionOrigin,
    ActionOwner,
    ActionStatus,
    ContactKind,
    EventKind,
    FactorAnswer,
    MemberRole,
    Phase,
    Respondent,
    Risk,
    Safety,
    TaxatieState,
    Verdict,
)
from models.households import fullest_open_household
from models.records import ActionDraft, age_on
from models.safety_plan import SafetyAgreement, SafetyPlan, SignsOfSafety, SignsOfSafetyAnswer
from models.search import search_text, sort_name
from models.taxatie import HouseholdSafety, Taxatie, TaxatieFactor, household_status, instrument
from models.validation import check_bsn

DEMO_CITY = "Voorbeeldstad"

FIRST_NAMES_F = (
    "Emma Julia Sophie Anna Tess Noor Fenna Sara Lotte Eva Mila Saar Zoë Nina Lieke Fleur "
    "Yasmina Fatima Aya Meryem Elif Ayşe Priya Shanice Chantal Sandra Marieke Linda Esther "
    "Ingrid Petra Mirjam Kim Naomi Iris Lisa Roos Femke Anouk Maud Jasmijn Nadia Hanna"
).split()
FIRST_NAMES_M = (
    "Daan Sem Lucas Levi Finn Milan Jesse Noah Bram Luuk Thijs Ruben Sven Stijn Jayden "
    "Mohammed Ayoub Yusuf Omar Emre Mehmet Kofi Dewi Rachid Mark Peter Jeroen Dennis Martijn "
    "Erik Bas Kevin Patrick Rik Tim Joost Hamza Ilias Jelle Wouter Gerrit Henk Sander"
).split()
LAST_NAMES = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("", "El Amrani"),
    ("", "Yılmaz"),
    ("", "Kaya"),
    ("", "Öztürk"),
    ("", "Bouzid"),
    ("", "Ramdin"),
    ("", "Mohan"),
    ("", "Asante"),
    ("", "Mensah"),
    ("", "Nguyen"),
    ("", "Kowalski"),
    ("", "Nowak"),
    ("", "Haddou"),
    ("", "Çelik"),
    ("", "Sedney"),
]
STREETS = (
    "Kastanjelaan Lindenstraat Dorpsstraat Schoolstraat Molenweg Kerkstraat Beukenlaan "
    "Julianastraat Beatrixlaan Oranjestraat Vondelstraat Rembrandtplein Spoorlaan "
    "Havenkade Zonnebloemstraat Merelweg Leeuwerikstraat Eikenhof Wilgenstraat "
    "Populierenlaan Tulpstraat Narcisweg Dahliastraat Hoefslag Marktplein Parkweg"
).split()
MEDEWERKERS = [
    ("Anouk Verbeek", "jeugd_gezinscoach"),
    ("Bas Hoekstra", "jeugd_gezinscoach"),
    ("Charlotte Kramer", "generalist"),
    ("Dirk van Wijk", "generalist"),
    ("Esra Aydın", "jeugd_gezinscoach"),
    ("Floor Schouten", "jongerencoach"),
    ("Gijs Postma", "consulent"),
    ("Hatice Doğan", "generalist"),
    ("Ivo Maas", "jeugd_gezinscoach"),
    ("Jolien Kuipers", "generalist"),
    ("Karin Bosman", "gedragswetenschapper"),
    ("Lars Evers", "specialist_hg"),
    ("Marloes Prins", "specialist_ggz"),
    ("Nadia Bennani", "specialist_schulden"),
    ("Olga Timmer", "teamleider"),
]
QUESTIONS = (
    "Wij krijgen de rekeningen niet meer betaald en durven de post niet open te maken.",
    "Onze zoon gaat al weken niet naar school en wij weten niet hoe we hem moeten helpen.",
    "Sinds de scheiding is er veel ruzie over de kinderen.",
    "Ik ben alleen met drie kinderen en het lukt me niet meer.",
    "Onze dochter is heel somber en sluit zich op in haar kamer.",
    "We moeten uit ons huis en weten niet waar we heen kunnen.",
    "Ik word bijna achttien en wil weten wat er dan verandert.",
    "School maakt zich zorgen over blauwe plekken bij onze jongste.",
    "Mijn vader vergeet steeds meer en ik zorg alleen voor hem.",
    "Wij willen graag hulp bij de opvoeding van onze peuter.",
)
CONTACT_NOTES = (
    "Kennismaking, afspraken gemaakt over vervolg.",
    "Telefonisch afgestemd met moeder over de planning.",
    "Overleg met zorgcoördinator school over aanwezigheid.",
    "Huisbezoek: sfeer rustig, kinderen aanwezig.",
    "Afstemming met schuldhulpverlening over aanmelding.",
    "Evaluatiegesprek, doelen doorgenomen.",
    "Bericht achtergelaten, geen contact gekregen.",
)
CONSENT_PARTNERS = (
    ("Huisartsenpraktijk Voorbeeldstad", "Afstemming over de gezondheid van de kinderen"),
    ("GGZ Voorbeeldstad", "Afstemming over de behandeling"),
    ("Basisschool De Linde", "Overleg met de zorgcoördinator over aanwezigheid"),
    ("Schuldhulpverlening Voorbeeldstad", "Aanmelding en afstemming schuldhulp"),
    ("JGZ Voorbeeldstad", "Afstemming met de jeugdarts"),
)
# The team's partners: (name, kind, contact persons as (name, function, phone, e-mail)).
# Fictional: made-up 010-555 numbers, mail at example.org (reserved for examples).
ORGANISATIONS = (
    (
        "Huisartsenpraktijk Voorbeeldstad",
        "huisarts",
        (("Dr. P. Verhoef", "huisarts", "010-5550101", "verhoef@huisarts.example.org"),),
    ),
    (
        "GGZ Voorbeeldstad",
        "ggz",
        (("Ilse Kramer", "regiebehandelaar", "010-5550202", "i.kramer@ggz.example.org"),),
    ),
    (
        "Basisschool De Linde",
        "school",
        (
            ("Marco de Wit", "intern begeleider", "010-5550303", "ib@delinde.example.org"),
            ("Saskia Hendriks", "directeur", "010-5550304", ""),
        ),
    ),
    ("Schuldhulpverlening Voorbeeldstad", "schuldhulp", ()),
    (
        "JGZ Voorbeeldstad",
        "jgz",
        (("Nadia El Idrissi", "jeugdarts", "010-5550505", "jeugdarts@jgz.example.org"),),
    ),
    ("Veilig Thuis Regio Voorbeeldstad", "veilig_thuis", ()),
    ("Gemeente Voorbeeldstad, leerplicht", "gemeente", ()),
)
HERKOMST = (
    "zelf",
    "school",
    "huisarts",
    "jgz",
    "veilig_thuis",
    "politie",
    "woningcorporatie",
    "netwerk",
    "cjg",
)
AARD = (
    "opvoeding",
    "ontwikkeling",
    "school",
    "financien",
    "huisvesting",
    "ggz",
    "huiselijk_geweld",
    "scheiding",
)
CLOSE_REASONS = ("doelen_bereikt", "afgeschaald", "verwezen", "verhuisd", "gestopt")


def demo_bsn(rng: random.Random) -> str:
    """A nine-digit number in the 9999xxxxx test range that passes the elfproef."""
    while True:
        candidate = f"9999{rng.randrange(100000):05d}"
        if check_bsn(candidate) is None:
            return candidate


def _stamp(when: datetime) -> dict[str, Any]:
    return {
        "created_at": when,
        "updated_at": when,
        "created_by": SYSTEM_USER,
        "updated_by": SYSTEM_USER,
    }


def _birth(rng: random.Random, today: date, min_age: float, max_age: float) -> date:
    return today - timedelta(days=int(rng.uniform(min_age, max_age) * 365.25))


def generate_demo(
    session: Session,
    households: int,
    *,
    seed: int = 2026,
    today: date | None = None,
    years: int = 3,
) -> None:
    """Add a team of fifteen medewerkers and ``households`` fictional households, registered
    over the last ``years`` years, with a year of meetings. Nothing of it is a correction:
    the session writes no correction history while the demo is made (some parts go through
    the services, which change rows)."""
    from models.history import NO_HISTORY

    before = session.info.get(NO_HISTORY)
    session.info[NO_HISTORY] = True
    try:
        _generate_demo(session, households, seed=seed, today=today, years=years)
        session.flush()
    finally:
        if before is None:
            session.info.pop(NO_HISTORY, None)
        else:
            session.info[NO_HISTORY] = before


def _generate_demo(
    session: Session, households: int, *, seed: int, today: date | None, years: int
) -> None:
    rng = random.Random(seed)
    # Measurements with the ZRM's variants draw from their own stream, so the rest of the
    # demo stays as it was.
    variants = random.Random(seed + 1)
    today = today or date.today()
    now = datetime.now(UTC)
    stamp = _stamp(now)

    staff = [
        {"id": uuid.uuid4(), "name": name, "discipline": discipline, "active": True, **stamp}
        for name, discipline in MEDEWERKERS
    ]
    staff_names = [m["name"] for m in staff if m["discipline"] != "teamleider"]
    regisseur_pool = [
        m["id"]
        for m in staff
        if m["discipline"] in ("jeugd_gezinscoach", "generalist", "jongerencoach", "consulent")
    ]

    rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
    sequence_per_year: dict[int, int] = defaultdict(int)
    risk_rng = random.Random(seed + 10)  # its own stream: the rest of the demo stays as it was
    organisation_ids = _demo_organisations(rows, stamp)
    for _ in range(households):
        household_id = uuid.uuid4()
        infix, last = rng.choice(LAST_NAMES)
        members = _demo_members(rng, today, infix, last)
        registered = today - timedelta(days=rng.randrange(0, years * 365))
        sequence_per_year[registered.year] += 1
        number = f"{registered.year}-{sequence_per_year[registered.year]:05d}"
        street = rng.choice(STREETS)
        house_number = str(rng.randrange(1, 250))
        postcode = f"{rng.randrange(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}{rng.choice('ABCDEGHJKLMNPRTVWXZ')}"
        display = f"{infix.capitalize()} {last}".strip() if infix else last
        parts: list[str | None] = [number, display, postcode, street]
        for person in members:
            person.update(household_id=household_id, id=uuid.uuid4(), **stamp)
            parts += [person["first_name"], person["infix"], person["last_name"], person["bsn"]]
            rows[Person].append(person)
        rows[Household].append(
            {
                "id": household_id,
                "dossier_number": number,
                "name": display,
                "sort_name": sort_name(display),
                "street": street,
                "house_number": house_number,
                "postcode": postcode,
                "city": DEMO_CITY,
                "phone": f"06-{rng.randrange(10000000, 99999999)}",
                "search_text": search_text(parts),
                **stamp,
            }
        )
        _demo_traject(rng, rows, stamp, household_id, registered, today, regisseur_pool)
        parent = next((p for p in members if p["role"] is MemberRole.OUDER), members[0])
        if rng.random() < 0.25:
            _demo_zrm(rng, rows, stamp, household_id, parent["id"], registered, today, staff_names)
            _demo_variants(
                variants, rows, stamp, household_id, members, registered, today, staff_names
            )
            # Where the team measures, it also looks at the children's safety.
            if any(p["role"] is not MemberRole.OUDER for p in members):
                _demo_safety(rng, rows, stamp, household_id, members, registered, today)
        if risk_rng.random() < 0.35:
            _demo_taxaties(risk_rng, rows, stamp, household_id, members, registered, today)
        for organisation, purpose in rng.sample(CONSENT_PARTNERS, rng.choice((0, 1, 1, 2))):
            given = registered + timedelta(days=rng.randrange(0, 21))
            rows[Consent].append(
                {
                    "id": uuid.uuid4(),
                    "household_id": household_id,
                    "person_id": None,
                    "organisation_id": organisation_ids[organisation],
                    "organisation": organisation,
                    "purpose": purpose,
                    "given_by": f"{parent['first_name']} {parent['last_name']}",
                    "given_on": min(given, today),
                    "valid_until": min(given, today) + timedelta(days=365),
                    "refused": rng.random() < 0.1,
                    **stamp,
                }
            )

    session.execute(insert(Medewerker), staff)
    for cls in (
        Organisation,
        OrganisationContact,
        Household,
        Person,
        Traject,
        RegisseurAssignment,
        TrajectEvent,
        Contact,
        Consent,
        Measurement,
        MeasurementScore,
        SignsOfSafety,
        SignsOfSafetyAnswer,
        SafetyPlan,
        SafetyAgreement,
        Taxatie,
        TaxatieFactor,
        HouseholdSafety,
    ):
        if rows[cls]:
            session.execute(insert(cls), rows[cls])
    _demo_meldcode(session, today, staff_names)
    _demo_showcase_taxatie(session, today, staff_names)
    _demo_actions(session, random.Random(seed + 20), today)
    _demo_verwijzingen(session, today, random.Random(seed + 30))
    demo_meetings(session, today, random.Random(seed + 40))
    demo_gezinsplan(session, today, random.Random(seed + 50))


# What is agreed in a household: (description, who carries it out).
ACTIONS = (
    ("Huisbezoek plannen om het gezinsplan door te nemen", ActionOwner.MEDEWERKER),
    ("Aanmelding bij schuldhulpverlening afronden", ActionOwner.MEDEWERKER),
    ("Verslag van het overleg naar de school sturen", ActionOwner.MEDEWERKER),
    ("Afspraak bij de huisarts maken over de slaapproblemen", ActionOwner.GEZINSLID),
    ("Formulier kindgebonden budget invullen", ActionOwner.GEZINSLID),
    ("Kinderen op woensdagmiddag ophalen van school", ActionOwner.NETWERK),
    ("Meegaan naar het gesprek bij de woningcorporatie", ActionOwner.NETWERK),
    ("Terugkoppeling geven over de aanwezigheid op school", ActionOwner.ORGANISATIE),
    ("Intake plannen voor de behandeling", ActionOwner.ORGANISATIE),
)
NETWORK = (("Fatma", "oma"), ("Henk", "buurman"), ("Zoë", "tante"), ("Mehmet", "oom"))


def _demo_actions(session: Session, rng: random.Random, today: date) -> None:
    """Actions in about a third of the open households, through the service: some overdue,
    some done or lapsed; and a few for the teamleider (the demo's beheerder), so Mijn acties
    is not empty for her."""
    from models import actions

    open_households = list(
        session.execute(
            select(Traject.household_id, RegisseurAssignment.medewerker_id)
            .join(RegisseurAssignment, RegisseurAssignment.traject_id == Traject.id)
            .where(
                Traject.is_current.is_(True),
                Traject.closed_on.is_(None),
                RegisseurAssignment.end_on.is_(None),
            )
            .order_by(Traject.registered_on)
        )
    )
    showcase = fullest_open_household(session)
    organisations = list(session.scalars(select(Organisation).order_by(Organisation.name)))
    leader = session.scalar(select(Medewerker.id).where(Medewerker.discipline == "teamleider"))
    for household_id, regisseur in open_households:
        if household_id != showcase and rng.random() > 0.35:
            continue
        people = list(
            session.scalars(
                select(Person).where(
                    Person.household_id == household_id, Person.role == MemberRole.OUDER
                )
            )
        )
        count = 4 if household_id == showcase else rng.choice((1, 2, 2, 3))
        for description, planned in rng.sample(ACTIONS, count):
            agreed = today - timedelta(days=rng.randrange(3, 60))
            owner: dict[str, Any] = {}
            no_member = planned is ActionOwner.GEZINSLID and not people
            kind = ActionOwner.NETWERK if no_member else planned
            if kind is ActionOwner.MEDEWERKER:
                owner = {"medewerker_id": regisseur}
            elif kind is ActionOwner.GEZINSLID:
                owner = {"person_id": rng.choice(people).id}
            elif kind is ActionOwner.NETWERK:
                name, relation = rng.choice(NETWORK)
                owner = {"network_name": name, "network_relation": relation}
            else:
                organisation = rng.choice(organisations)
                contact = organisation.contacts[0].id if organisation.contacts else None
                owner = {"organisation_id": organisation.id, "contact_id": contact}
            draft = ActionDraft(
                description,
                kind,
                agreed + timedelta(days=rng.choice((7, 14, 21, 28, 42))),
                origin=ActionOrigin.DOSSIER,  # a meeting's actions: models/demo_meetings.py
                **owner,
            )
            action_id = actions.add_action(session, household_id, draft, not_before=agreed)
            assert draft.due_on is not None
            if draft.due_on < today and rng.random() < 0.5:
                done = rng.random() < 0.8
                status = ActionStatus.GEDAAN if done else ActionStatus.VERVALLEN
                actions.set_status(session, action_id, status, min(draft.due_on, today))
    chosen = rng.sample(open_households, min(4, len(open_households)))
    leader_tasks = (
        "Inzet van een specialist regelen en terugkoppelen aan de casusregisseur",
        "Met de wijkagent afstemmen over de meldingen van overlast",
        "Tolk regelen voor het gesprek met de ouders",
        "Een tweede casusregisseur vragen voor de overdracht",
    )
    for (household_id, _regisseur), days, task in zip(
        chosen, (-9, -2, 5, 16), leader_tasks, strict=False
    ):
        if leader is None:
            break
        draft = ActionDraft(
            task,
            ActionOwner.MEDEWERKER,
            today + timedelta(days=days),
            medewerker_id=leader,
            origin=ActionOrigin.DOSSIER,
        )
        actions.add_action(session, household_id, draft, not_before=today - timedelta(days=21))


def _demo_organisations(
    rows: dict[type, list[dict[str, Any]]], stamp: dict[str, Any]
) -> dict[str, uuid.UUID]:
    """The team's partner organisations with their contact persons; their ids by name."""
    ids: dict[str, uuid.UUID] = {}
    for name, kind, contacts in ORGANISATIONS:
        ids[name] = uuid.uuid4()
        rows[Organisation].append(
            {"id": ids[name], "name": name, "kind": kind, "active": True, **stamp}
        )
        for person, function, phone, email in contacts:
            rows[OrganisationContact].append(
                {
                    "id": uuid.uuid4(),
                    "organisation_id": ids[name],
                    "name": person,
                    "role": function,
                    "phone": phone,
                    "email": email,
                    **stamp,
                }
            )
    return ids


def _demo_members(rng: random.Random, today: date, infix: str, last: str) -> list[dict[str, Any]]:
    def person(
        role: MemberRole, min_age: float, max_age: float, female: bool | None = None
    ) -> dict[str, Any]:
        female = rng.random() < 0.5 if female is None else female
        return {
            "first_name": rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M),
            "infix": infix,
            "last_name": last,
            "date_of_birth": _birth(rng, today, min_age, max_age),
            "role": role,
            "bsn": demo_bsn(rng) if rng.random() < 0.8 else None,
        }

    def children(youngest_parent_age: float) -> list[dict[str, Any]]:
        oldest = min(18.0, youngest_parent_age - 18)
        return [person(MemberRole.KIND, 0, oldest) for _ in range(rng.randint(1, 3))]

    shape = rng.random()
    members: list[dict[str, Any]] = []
    if shape < 0.45:  # two parents with children
        ages = (rng.uniform(24, 55), rng.uniform(24, 58))
        members += [
            person(MemberRole.OUDER, ages[0], ages[0], True),
            person(MemberRole.OUDER, ages[1], ages[1], False),
        ]
        members += children(min(ages))
    elif shape < 0.8:  # single parent
        age = rng.uniform(20, 55)
        members.append(person(MemberRole.OUDER, age, age))
        members += children(age)
    elif shape < 0.9:  # parent with a young adult
        members += [person(MemberRole.OUDER, 40, 60), person(MemberRole.JONGVOLWASSENE, 18, 23)]
    else:  # a young adult or an adult alone
        members.append(person(rng.choice([MemberRole.JONGVOLWASSENE, MemberRole.OVERIG]), 18, 70))
    return members


def _demo_traject(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    stamp: dict[str, Any],
    household_id: uuid.UUID,
    registered: date,
    today: date,
    regisseur_pool: list[uuid.UUID],
) -> None:
    traject_id = uuid.uuid4()
    age_days = (today - registered).days
    closed = age_days > 180 and rng.random() < 0.45
    phase = (
        Phase.AFGESLOTEN
        if closed
        else OPEN_PHASES[min(3, age_days // 60 + rng.randint(-1, 0))]
        if age_days >= 60
        else rng.choice(OPEN_PHASES[:2])
    )
    closed_on = registered + timedelta(days=rng.randrange(120, age_days)) if closed else None
    rows[Traject].append(
        {
            "id": traject_id,
            "household_id": household_id,
            "registered_on": registered,
            "herkomst": rng.choice(HERKOMST),
            "question": rng.choice(QUESTIONS),
            "phase": phase,
            "aard": rng.choice(AARD),
            "ernst": rng.choice(("licht", "matig", "ernstig")),
            "urgentie": rng.choice(("normaal", "normaal", "hoog", "acuut")),
            "is_current": True,
            "closed_on": closed_on,
            "close_reason": rng.choice(CLOSE_REASONS) if closed else None,
            **stamp,
        }
    )
    event = {
        "id": None,
        "traject_id": traject_id,
        "note": "",
        "scale_target": None,
        "scale_reason": None,
        "responsible": None,
        **stamp,
    }
    rows[TrajectEvent].append(
        {
            **event,
            "id": uuid.uuid4(),
            "event_date": registered,
            "kind": EventKind.AANGEMELD,
            "from_phase": None,
            "to_phase": Phase.AANGEMELD,
        }
    )
    end_phase_index = OPEN_PHASES.index(phase) if phase in OPEN_PHASES else 3
    step_day = registered
    for previous, following in pairwise(OPEN_PHASES[: end_phase_index + 1]):
        step_day = min(closed_on or today, step_day + timedelta(days=rng.randrange(7, 60)))
        rows[TrajectEvent].append(
            {
                **event,
                "id": uuid.uuid4(),
                "event_date": step_day,
                "kind": EventKind.FASE,
                "from_phase": previous,
                "to_phase": following,
            }
        )
    if closed_on:
        rows[TrajectEvent].append(
            {
                **event,
                "id": uuid.uuid4(),
                "event_date": closed_on,
                "kind": EventKind.AFGESLOTEN,
                "from_phase": OPEN_PHASES[3],
                "to_phase": Phase.AFGESLOTEN,
            }
        )
    if not closed and rng.random() < 0.12 and step_day < today:
        _demo_escalation(rng, rows, event, step_day, today)
    if rng.random() < 0.06 and not closed:
        pass  # no regisseur yet: the household screen warns about it
    else:
        first = rng.choice(regisseur_pool)
        if (
            rng.random() < 0.2 and ((closed_on or today) - registered).days > 60
        ):  # a handover halfway
            span_days = ((closed_on or today) - registered).days
            handover = registered + timedelta(days=rng.randrange(30, max(31, span_days)))
            second = rng.choice([m for m in regisseur_pool if m != first])
            spans = [(first, registered, handover), (second, handover, closed_on)]
        else:
            spans = [(first, registered, closed_on)]
        for medewerker_id, start_on, end_on in spans:
            rows[RegisseurAssignment].append(
                {
                    "id": uuid.uuid4(),
                    "traject_id": traject_id,
                    "medewerker_id": medewerker_id,
                    "start_on": start_on,
                    "end_on": end_on,
                    **stamp,
                }
            )
    for _ in range(rng.randint(0, 4)):
        rows[Contact].append(
            {
                "id": uuid.uuid4(),
                "household_id": household_id,
                "contact_date": registered + timedelta(days=rng.randrange(0, max(1, age_days))),
                "kind": rng.choice(list(ContactKind)),
                "note": rng.choice(CONTACT_NOTES),
                "medewerker_id": rng.choice(regisseur_pool),
                **stamp,
            }
        )


ZRM_ITEMS = (
    "financien",
    "werk_opleiding",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "middelengebruik",
    "basale_adl",
    "instrumentele_adl",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
    "justitie",
)


HOUSEHOLD_ITEMS = (
    "financien_huishouden",
    "huisvesting",
    "organisatie_huishouden",
    "huiselijke_relaties",
    "sociale_omgeving",
)


def _demo_variants(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    stamp: dict[str, Any],
    household_id: uuid.UUID,
    members: list[dict[str, Any]],
    registered: date,
    today: date,
    assessors: list[str],
) -> None:
    """Beside a parent's ZRM: often a ZRM-Huishoudens of the whole household, and a
    ZRM-Jongeren of a child of 12 to 17."""
    if rng.random() < 0.6:
        _demo_zrm(
            rng,
            rows,
            stamp,
            household_id,
            None,
            registered,
            today,
            assessors,
            instrument="zrm-huishoudens",
            items=HOUSEHOLD_ITEMS,
        )
    teens = [
        m for m in members if m["date_of_birth"] and 12 <= age_on(m["date_of_birth"], today) <= 17
    ]
    if teens and rng.random() < 0.7:
        _demo_zrm(
            rng,
            rows,
            stamp,
            household_id,
            rng.choice(teens)["id"],
            registered,
            today,
            assessors,
            instrument="zrm-jongeren",
        )


def _demo_zrm(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    stamp: dict[str, Any],
    household_id: uuid.UUID,
    person_id: uuid.UUID | None,
    registered: date,
    today: date,
    assessors: list[str],
    *,
    instrument: str = "zrm",
    items: tuple[str, ...] = ZRM_ITEMS,
) -> None:
    """One to three measurements of one member (or, ``person_id`` None, of the household),
    usually a little better each time."""
    levels = {code: rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5)) for code in items}
    if "justitie" in levels:
        levels["justitie"] = rng.choice((4, 5, 5))
    day = registered + timedelta(days=rng.randrange(3, 30))
    assessor = rng.choice(assessors)
    for _ in range(rng.randint(1, 3)):
        if day > today:
            break
        measurement_id = uuid.uuid4()
        rows[Measurement].append(
            {
                "id": measurement_id,
                "person_id": person_id,
                "household_id": household_id,
                "instrument_code": instrument,
                "instrument_version": "2017",
                "measured_on": day,
                "assessor": assessor,
                "note": "",
                **stamp,
            }
        )
        for code, level in levels.items():
            rows[MeasurementScore].append(
                {
                    "id": uuid.uuid4(),
                    "measurement_id": measurement_id,
                    "item_code": code,
                    "level": level,
                    "not_assessed": False,
                    "target": min(5, level + 1) if level <= 2 else None,
                    "remark": "",
                    **stamp,
                }
            )
        levels = {
            code: max(1, min(5, level + rng.choice((-1, 0, 0, 1, 1))))
            for code, level in levels.items()
        }
        day += timedelta(days=rng.randrange(60, 150))


def _demo_meldcode(session: Session, today: date, names: list[str]) -> None:
    """Two meldcode procedures, walked as a team would: help followed in the fullest open
    household (the one the screenshots show), and a finished melding in another."""
    showcase = fullest_open_household(session)
    other = session.scalar(
        select(Household.id).where(Household.id != showcase).order_by(Household.dossier_number)
    )
    if showcase is None or other is None:
        return
    coach, colleague = names[0], names[1]
    day = today - timedelta(days=40)

    def child_of(household_id: uuid.UUID) -> uuid.UUID | None:
        return session.scalar(
            select(Person.id)
            .where(Person.household_id == household_id, Person.role == MemberRole.KIND)
            .order_by(Person.date_of_birth)
        )

    following = meldcode.start_procedure(
        session,
        showcase,
        StartDraft(
            ViolenceForm.KINDERMISHANDELING,
            VictimKind.KIND,
            day,
            coach,
            "School meldt dat het kind vaak zonder ontbijt en in dezelfde kleren komt; bij een "
            "huisbezoek veel spanning tussen de ouders, geschreeuw hoorbaar bij de buren.",
            child_of(showcase),
        ),
        today=today,
    )
    for kind, who, after, advice, anonymous in (
        (
            ConsultationKind.COLLEGA,
            colleague,
            2,
            "Signalen zijn zorgelijk; gesprek aangaan.",
            False,
        ),
        (
            ConsultationKind.VEILIG_THUIS,
            "Veilig Thuis advieslijn",
            5,
            "Geen acute onveiligheid; hulp inzetten en effecten volgen.",
            True,
        ),
    ):
        meldcode.add_consultation(
            session,
            following,
            ConsultationDraft(kind, day + timedelta(days=after), coach, who, anonymous, advice),
            today=today,
        )
    meldcode.record_conversation(
        session,
        following,
        ConversationDraft(
            True,
            day + timedelta(days=8),
            coach,
            "Ouders herkennen de spanning en willen hulp bij opvoeding en geldzorgen.",
        ),
        today=today,
    )
    meldcode.record_weighing(
        session,
        following,
        WeighingDraft(
            (True, False, True, True),
            day + timedelta(days=12),
            coach,
            "Ouders werken mee; school houdt de signalen bij.",
            today + timedelta(days=21),
        ),
        today=today,
    )
    meldcode.record_decision(
        session,
        following,
        DecisionDraft(
            day + timedelta(days=12),
            coach,
            help=True,
            agreements="Wekelijks huisbezoek; school belt bij nieuwe signalen; evaluatie "
            "met ouders en school over zes weken.",
        ),
        today=today,
    )

    melding = meldcode.start_procedure(
        session,
        other,
        StartDraft(
            ViolenceForm.PARTNERGEWELD,
            VictimKind.VOLWASSENE,
            today - timedelta(days=90),
            colleague,
            "Moeder vertelt over duwen en dreigen; politie was twee keer aan de deur.",
        ),
        today=today,
    )
    meldcode.add_consultation(
        session,
        melding,
        ConsultationDraft(
            ConsultationKind.AANDACHTSFUNCTIONARIS,
            today - timedelta(days=88),
            colleague,
            "aandachtsfunctionaris",
            advice="Structurele onveiligheid: melden.",
        ),
        today=today,
    )
    meldcode.record_conversation(
        session,
        melding,
        ConversationDraft(
            False,
            today - timedelta(days=87),
            colleague,
            why_not="Een gesprek met de partner brengt moeder in gevaar.",
        ),
        today=today,
    )
    meldcode.record_weighing(
        session,
        melding,
        WeighingDraft((True, True), today - timedelta(days=87), colleague),
        today=today,
    )
    meldcode.record_decision(
        session,
        melding,
        DecisionDraft(
            today - timedelta(days=86),
            colleague,
            melding=True,
            melding_on=today - timedelta(days=86),
            vt_reference="VT-2026-0815",
            parents_told=True,
            vt_feedback="Veilig Thuis heeft onderzoek gedaan en een veiligheidsplan gemaakt.",
            vt_next_step="Terug naar het wijkteam voor hulp, Veilig Thuis monitort drie maanden.",
            help=True,
            agreements="Steunend gesprek met moeder elke twee weken.",
        ),
        today=today,
    )
    meldcode.finish_procedure(session, melding, today - timedelta(days=30), today=today)


ESCALATIONS = (
    (
        "veiligheidsteam",
        "Zorgen over de veiligheid van de kinderen nemen toe; afspraken uit het "
        "veiligheidsplan worden niet nagekomen.",
    ),
    (
        "veilig_thuis",
        "Signalen van huiselijk geweld; het wijkteam kan de veiligheid niet alleen borgen.",
    ),
    (
        "zorg_en_veiligheidshuis",
        "Meerdere partijen betrokken, ook politie en justitie: afstemming nodig.",
    ),
    (
        "beschermingstafel_rvdk",
        "Ouders werken niet mee aan de hulp die nodig is; drang werkt niet meer.",
    ),
)
RESPONSIBLE = (
    "Marloes de Graaf (veiligheidsteam)",
    "Samira El Idrissi (Veilig Thuis)",
    "Procesregisseur Zorg- en Veiligheidshuis",
    "Raadsonderzoeker Kees Visser",
)


def _demo_escalation(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    event: dict[str, Any],
    after: date,
    today: date,
) -> None:
    """An opschaling after the latest phase step, sometimes followed by an afschaling."""
    up_on = min(today, after + timedelta(days=rng.randrange(3, 40)))
    target, reason = rng.choice(ESCALATIONS)
    rows[TrajectEvent].append(
        {
            **event,
            "id": uuid.uuid4(),
            "event_date": up_on,
            "kind": EventKind.OPSCHALEN,
            "from_phase": None,
            "to_phase": None,
            "scale_target": target,
            "scale_reason": reason,
            "responsible": rng.choice(RESPONSIBLE),
        }
    )
    down_on = up_on + timedelta(days=rng.randrange(30, 120))
    if down_on <= today and rng.random() < 0.5:
        rows[TrajectEvent].append(
            {
                **event,
                "id": uuid.uuid4(),
                "event_date": down_on,
                "kind": EventKind.AFSCHALEN,
                "from_phase": None,
                "to_phase": None,
                "scale_target": rng.choice(("voorliggend_veld", "waakvlam")),
                "note": "Situatie stabiel; afspraken lopen.",
            }
        )


WORRIES = (
    "Ouders hebben regelmatig heftige ruzie waar de kinderen bij zijn.",
    "Moeder drinkt in het weekend; dan is er niemand die voor de kinderen zorgt.",
    "Vader raakt snel geïrriteerd en heeft de oudste een keer geslagen.",
    "De kinderen komen vaak zonder ontbijt op school en missen lessen.",
)
GOING_WELL = (
    "Oma woont om de hoek en vangt de kinderen op als het nodig is.",
    "Moeder zoekt zelf hulp en houdt zich aan de afspraken met het wijkteam.",
    "De kinderen gaan graag naar school; de mentor houdt een oogje in het zeil.",
    "Vader heeft een vaste baan en wil graag meewerken.",
)
NEXT_STEPS = (
    "Een veilige plek voor de kinderen als er ruzie is, en iemand die ze kunnen bellen.",
    "Ouders maken afspraken over wie er zorgt als moeder gedronken heeft.",
    "Vader leert zijn boosheid te herkennen en gaat weg voordat het misgaat.",
)
AGREEMENTS = (
    (
        "Moeder belt oma en gaat met de kinderen naar haar toe.",
        "Moeder",
        "Zodra de ruzie hoog oploopt",
        "Casusregisseur, bij het wekelijkse telefoontje",
        "Oma",
    ),
    (
        "De kinderen bellen de buurvrouw als ze zich niet veilig voelen; zij haalt ze op.",
        "De kinderen",
        "Als ze bang zijn",
        "Buurvrouw meldt het aan de casusregisseur",
        "Buurvrouw",
    ),
    (
        "Vader verlaat het huis en gaat naar zijn broer tot hij rustig is.",
        "Vader",
        "Als hij merkt dat hij boos wordt",
        "Oom belt de casusregisseur dezelfde dag",
        "Oom (broer van vader)",
    ),
    (
        "De mentor meldt afwezigheid of zorgen dezelfde dag aan de casusregisseur.",
        "Mentor op school",
        "Bij afwezigheid of zorgen",
        "Casusregisseur",
        "",
    ),
    (
        "Er drinkt niemand als er kinderen alleen met die ouder zijn.",
        "Beide ouders",
        "Altijd",
        "Oma, bij haar bezoek op zaterdag",
        "Oma",
    ),
)


def _demo_safety(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    stamp: dict[str, Any],
    household_id: uuid.UUID,
    members: list[dict[str, Any]],
    registered: date,
    today: date,
) -> None:
    """One to three Signs of Safety, the scale rising a little each time, and a veiligheidsplan:
    version 1 agreed with the parents, and sometimes a version 2 (agreed or still a concept)."""
    day = registered + timedelta(days=rng.randrange(5, 30))
    team = rng.randrange(2, 6)
    looks: list[tuple[date, str]] = []
    for _ in range(rng.randint(1, 3)):
        if day > today:
            break
        assessment_id, next_steps = uuid.uuid4(), rng.choice(NEXT_STEPS)
        rows[SignsOfSafety].append(
            {
                "id": assessment_id,
                "household_id": household_id,
                "assessed_on": day,
                "worries": rng.choice(WORRIES),
                "going_well": rng.choice(GOING_WELL),
                "next_steps": next_steps,
                **stamp,
            }
        )
        looks.append((day, next_steps))
        answers = [(Respondent.TEAM, None, team)]
        for person in members:
            if person["role"] is MemberRole.OUDER and rng.random() < 0.8:
                answers.append((Respondent.OUDER, person["id"], min(10, team + rng.randint(0, 3))))
            elif person["role"] is not MemberRole.OUDER and rng.random() < 0.4:
                answers.append(
                    (Respondent.JONGERE, person["id"], max(0, team + rng.randint(-2, 2)))
                )
        for respondent, person_id, score in answers:
            rows[SignsOfSafetyAnswer].append(
                {
                    "id": uuid.uuid4(),
                    "assessment_id": assessment_id,
                    "household_id": household_id,
                    "respondent": respondent,
                    "person_id": person_id,
                    "score": score,
                    **stamp,
                }
            )
        team = min(10, team + rng.randint(0, 2))
        day += timedelta(days=rng.randrange(40, 120))
    if not looks:
        return
    chosen = rng.sample(AGREEMENTS, rng.randint(2, 4))
    made_on, goal = looks[0]
    versions = [(made_on, goal, chosen, True)]
    if len(looks) > 1:
        later_on, later_goal = looks[-1]
        extra = [a for a in AGREEMENTS if a not in chosen][:1]
        versions.append((later_on, later_goal, chosen[1:] + extra, rng.random() < 0.5))
    for number, (on, goal, agreements, agreed) in enumerate(versions, 1):
        plan_id = uuid.uuid4()
        agreed_on = min(today, on + timedelta(days=rng.randrange(0, 10))) if agreed else None
        rows[SafetyPlan].append(
            {
                "id": plan_id,
                "household_id": household_id,
                "version": number,
                "made_on": on,
                "goal": goal,
                "agreed_on": agreed_on,
                "with_parents": agreed,
                "agreed_how": rng.choice(("gesprek", "huisbezoek", "netwerkberaad"))
                if agreed
                else "",
                "not_agreed_reason": "",
                **stamp,
            }
        )
        for position, (what, who, trigger, checker, network) in enumerate(agreements, 1):
            rows[SafetyAgreement].append(
                {
                    "id": uuid.uuid4(),
                    "plan_id": plan_id,
                    "household_id": household_id,
                    "position": position,
                    "what": what,
                    "who": who,
                    "trigger": trigger,
                    "checker": checker,
                    "network": network,
                    **stamp,
                }
            )


ONDERBOUWING = (
    "Bij het huisbezoek veel spanning tussen de ouders; de kinderen lijken het op te vangen.",
    "School meldt dat het kind vaak moe en hongerig binnenkomt. Moeder erkent de zorgen.",
    "Vader is opgenomen geweest; het netwerk (oma) kijkt nu dagelijks mee.",
    "Geen directe signalen van onveiligheid; wel schulden en stress. Blijven volgen.",
    "Kind vertelde de leerkracht over slaan. Afspraken gemaakt; Veilig Thuis geraadpleegd.",
)
_SAFETY_WEIGHTS = ((Safety.VEILIG, 35), (Safety.ZORGELIJK, 35), (Safety.ONVEILIG, 22))
_DEFAULT_WEEKS = {
    Safety.VEILIG: 13,
    Safety.ZORGELIJK: 6,
    Safety.ONVEILIG: 4,
    Safety.ACUUT_ONVEILIG: 1,
}


def _demo_taxaties(
    rng: random.Random,
    rows: dict[type, list[dict[str, Any]]],
    stamp: dict[str, Any],
    household_id: uuid.UUID,
    members: list[dict[str, Any]],
    registered: date,
    today: date,
) -> None:
    """One or two concluded risicotaxaties (mostly reviewed), sometimes a newer concept; and
    the household's status row, as the service would keep it."""
    children = [p["id"] for p in members if p["role"] is MemberRole.KIND]
    subject = rng.choice([None, *children]) if children else None
    # the recent ones: from about half a year back, each at about its re-assessment date
    day = max(
        registered + timedelta(days=rng.randrange(5, 40)),
        today - timedelta(days=rng.randrange(20, 200)),
    )
    found: list[Any] = []
    for turn in range(4):
        if day > today:
            break
        safety = (
            Safety.ACUUT_ONVEILIG
            if rng.random() < 0.06
            else rng.choices([s for s, _w in _SAFETY_WEIGHTS], [w for _s, w in _SAFETY_WEIGHTS])[0]
        )
        reviewed = turn == 0 or rng.random() < 0.8
        due = day + timedelta(weeks=_DEFAULT_WEEKS[safety])
        state = TaxatieState.GETOETST if reviewed else TaxatieState.TER_TOETSING
        taxatie_id = uuid.uuid4()
        moment = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=10)
        rows[Taxatie].append(
            {
                "id": taxatie_id,
                "household_id": household_id,
                "person_id": subject,
                "instrument_code": instrument().code,
                "instrument_version": instrument().version,
                "assessed_on": day,
                "state": state,
                "safety": safety,
                "risk": (Risk.LAAG, Risk.VERHOOGD, Risk.HOOG, Risk.HOOG)[safety.rank],
                "onderbouwing": rng.choice(ONDERBOUWING),
                "author_account_id": None,
                "author_login": "anouk",
                "author_name": "Anouk Verbeek",
                "submitted_at": moment,
                "submitted_account_id": None,
                "submitted_by": "anouk",
                "reviewer_account_id": None,
                "reviewer_login": "karin" if reviewed else "",
                "reviewer_name": "Karin Bosman" if reviewed else "",
                "reviewed_at": moment + timedelta(hours=2) if reviewed else None,
                "verdict": (Verdict.AKKOORD if rng.random() < 0.85 else Verdict.AFWIJKEND)
                if reviewed
                else None,
                "reviewer_view": "",
                "reviewer_safety": None,
                "next_due": due,
                **stamp,
            }
        )
        for factor in instrument().factors:
            present = (rng.random() < 0.25 + 0.15 * safety.rank) != factor.protective
            rows[TaxatieFactor].append(
                {
                    "id": uuid.uuid4(),
                    "taxatie_id": taxatie_id,
                    "household_id": household_id,
                    "item_code": factor.code,
                    "answer": FactorAnswer.AANWEZIG
                    if present
                    else rng.choice((FactorAnswer.NIET_AANWEZIG, FactorAnswer.ONBEKEND)),
                    "remark": "",
                    **stamp,
                }
            )
        found.append((subject, day, moment, state, safety, None, due))
        day = due + timedelta(days=rng.randrange(-10, 25))
    if not found:
        return
    status = household_status({subject: found})
    rows[HouseholdSafety].append(
        {
            "household_id": household_id,
            "safety": status.safety,
            "concept": status.concept,
            "last_on": status.last_on,
            "next_due": status.next_due,
        }
    )


def _demo_showcase_taxatie(session: Session, today: date, names: list[str]) -> None:
    """The household the screenshots show (its meldcode is being followed) has a reviewed
    taxatie of its child concluding *onveilig*, whose re-assessment is now overdue: the
    header's date in red, and a line in Te doen."""
    from models import taxatie as service
    from models.permissions import Actor, Role
    from models.records import FactorDraft, ReviewDraft, TaxatieDraft

    showcase = fullest_open_household(session)
    if showcase is None:
        return
    child = session.scalar(
        select(Person.id)
        .where(Person.household_id == showcase, Person.role == MemberRole.KIND)
        .order_by(Person.date_of_birth)
    )
    present = {
        "kind_letsel",
        "kind_angst",
        "kind_school",
        "ouder_erkent",
        "gezin_partnergeweld",
        "gezin_stress",
        "omgeving_netwerk",
        "omgeving_zicht",
    }
    unknown = {"ouder_middelen", "ouder_eigen_jeugd"}

    def answer(code: str) -> FactorAnswer:
        if code in present:
            return FactorAnswer.AANWEZIG
        return FactorAnswer.ONBEKEND if code in unknown else FactorAnswer.NIET_AANWEZIG

    factors = tuple(FactorDraft(f.code, answer(f.code)) for f in service.instrument().factors)
    author = Actor(uuid.uuid4(), "anouk", names[0], Role.MEDEWERKER)
    reviewer = Actor(uuid.uuid4(), "karin", names[1], Role.MEDEWERKER)
    draft = TaxatieDraft(
        child,
        today - timedelta(days=40),
        factors,
        Safety.ONVEILIG,
        Risk.HOOG,
        "School ziet blauwe plekken en een kind dat stil is geworden; thuis veel spanning "
        "tussen de ouders. Oma is beschikbaar als veilige plek.",
    )
    taxatie_id = service.submit(session, showcase, draft, author, today=draft.assessed_on)
    service.review(session, taxatie_id, ReviewDraft(Verdict.AKKOORD), reviewer)
    session.flush()
    service.refresh_status(session, showcase)


# Demo verwijzingen: organisation (by name), hulpvorm, reason, and whether it is for the
# children (else for a parent).
DEMO_VERWIJZINGEN = (
    ("GGZ Voorbeeldstad", "jeugd_ggz", "Aanhoudende angstklachten en schoolverzuim.", True),
    ("GGZ Voorbeeldstad", "volwassenen_ggz", "Somberheid van moeder houdt aan.", False),
    ("Schuldhulpverlening Voorbeeldstad", "schuldhulpverlening", "Oplopende huurschuld.", False),
    ("JGZ Voorbeeldstad", "jeugdhulp_ambulant", "Opvoedondersteuning thuis.", True),
    ("Huisartsenpraktijk Voorbeeldstad", "verslavingszorg", "Alcoholgebruik van vader.", False),
)


def _demo_verwijzingen(session: Session, today: date, rng: random.Random) -> None:
    """Some verwijzingen in open trajecten (the fullest household first), in every status,
    made through the service as the team would."""
    from models import verwijzing
    from models.enums import VerwijzingStatus
    from models.records import StatusDraft, VerwijzingDraft

    organisations = dict(session.execute(select(Organisation.name, Organisation.id)).all())
    team = list(
        session.scalars(select(Medewerker.id).where(Medewerker.active).order_by(Medewerker.name))
    )
    showcase = fullest_open_household(session)
    open_ones = list(
        session.scalars(
            select(Traject.household_id)
            .where(Traject.is_current, Traject.phase != Phase.AFGESLOTEN)
            .order_by(Traject.registered_on)
        )
    )
    chosen = ([showcase] if showcase else []) + rng.sample(open_ones, min(12, len(open_ones)))
    for household_id in dict.fromkeys(chosen):
        traject = session.scalars(
            select(Traject).where(Traject.household_id == household_id, Traject.is_current)
        ).first()
        members = list(session.scalars(select(Person).where(Person.household_id == household_id)))
        if traject is None or not members or len(team) < 2:
            continue
        name, hulpvorm, reason, children = rng.choice(DEMO_VERWIJZINGEN)
        if name not in organisations:
            continue
        wanted = [p for p in members if (p.role is not MemberRole.OUDER) == children]
        chosen_members = wanted[:2] or members[:1]
        start = max(traject.registered_on, today - timedelta(days=120))
        referred_on = start + timedelta(days=rng.randrange(0, max(1, (today - start).days)))
        first, second = rng.sample(team, 2)
        made = verwijzing.make_verwijzing(
            session,
            VerwijzingDraft(
                referred_on,
                tuple(p.id for p in chosen_members),
                organisations[name],
                hulpvorm,
                reason,
                first,
                second,
            ),
            traject_id=traject.id,
            today=today,
        )
        path = rng.choice(
            (
                (),
                (VerwijzingStatus.GESTART,),
                (VerwijzingStatus.AFGEWEZEN,),
                (VerwijzingStatus.GESTART, VerwijzingStatus.BEEINDIGD),
            )
        )
        on = referred_on
        for status in path:
            on = min(today, on + timedelta(days=rng.randrange(7, 35)))
            note = (
                "Wachtlijst te lang; andere aanbieder zoeken."
                if (status is VerwijzingStatus.AFGEWEZEN)
                else ""
            )
            verwijzing.change_status(session, made.id, StatusDraft(status, on, note), today)
