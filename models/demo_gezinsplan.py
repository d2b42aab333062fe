"""The demo's gezinsplannen: every household in the phases plan and uitvoering has one.

(Of a big bench database, the :data:`PLANS_MAX` most recently registered of them.) Parents
get gezag; in one household the father with gezag lives elsewhere, in another the mother
and children live at an afgeschermd address (a shelter). Some plans are still a concept;
most are vastgesteld with everyone who had to agree; those whose first evaluation date passed
were evaluated (a result per goal), and some of them have a second version. A few evaluations
are left overdue, so Te doen and the meeting proposals have one to show.

Everything goes through the service (:mod:`models.gezinsplan`), so a vastgesteld plan's
actions are live actions as the app makes them. Called inside the demo's session, which
writes no correction history (``history.NO_HISTORY``).
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import gezinsplan as plans
from models.entities import Organisation, Person, RegisseurAssignment, Traject
from models.enums import ActionOwner, MemberRole, Phase
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
from models.records import ActionDraft

# (what the family says, their question)
SITUATIONS = (
    (
        "Er zijn schulden en de post blijft liggen. Thuis is er veel ruzie over geld.",
        "Wij willen weer rust in ons hoofd en weten waar we aan toe zijn.",
    ),
    (
        "De kinderen gaan niet elke dag naar school. Ochtenden zijn een strijd.",
        "Hoe krijgen we de ochtenden weer rustig?",
    ),
    (
        "Sinds de scheiding is het huis te klein en de sfeer gespannen.",
        "Een eigen plek voor iedereen en afspraken waar we ons aan houden.",
    ),
    (
        "Moeder is veel moe en somber; de oudste zorgt vaak voor de jongere kinderen.",
        "Dat mama hulp krijgt en de kinderen weer kind kunnen zijn.",
    ),
)
STRENGTHS = (
    "Oma en een buurvrouw helpen graag. De ouders willen echt iets veranderen.",
    "De kinderen sporten graag. Vader kan goed koken en plannen.",
    "Het gezin staat open voor hulp en houdt zich aan afspraken.",
)
CONCERNS = (
    "Oplopende schulden; de kinderen merken de spanning.",
    "Schoolverzuim van de oudste; weinig vaste tijden thuis.",
    "Geen eigen woonruimte; spanningen tussen de ouders.",
)
# (goal, ZRM item for the parent or '' for a goal without one, target level)
PARENT_GOALS = (
    ("Overzicht over de geldzaken: elke week samen de post openen", "financien", 4),
    ("Een betaalbare woning met een eigen kamer voor de kinderen", "huisvesting", 4),
    ("Weer werk of vrijwilligerswerk voor een paar dagen per week", "werk_opleiding", 3),
    ("Minder ruzie thuis: afspraken over hoe we praten", "huiselijke_relaties", 4),
    ("Hulp voor de somberheid en vaste rustmomenten", "geestelijke_gezondheid", 3),
)
CHILD_GOALS = (
    "elke dag op tijd naar school",
    "een vaste sport of club op woensdag",
    "een eigen plek om huiswerk te maken",
)
# (action, who does it)
GOAL_ACTIONS = (
    ("Aanmelden bij schuldhulpverlening", ActionOwner.MEDEWERKER),
    ("Samen de post openen op maandag", ActionOwner.NETWERK),
    ("Formulier toeslagen invullen", ActionOwner.GEZINSLID),
    ("Intakegesprek plannen", ActionOwner.ORGANISATIE),
    ("Wekker zetten en ontbijt klaarzetten", ActionOwner.GEZINSLID),
    ("Huisbezoek om de voortgang te bespreken", ActionOwner.MEDEWERKER),
    ("Kinderen op woensdag naar de club brengen", ActionOwner.NETWERK),
    ("Terugkoppeling geven over aanwezigheid", ActionOwner.ORGANISATIE),
)
NETWORK = (
    ("Fatma", "oma", "Past op woensdagmiddag op de kinderen"),
    ("Henk", "buurman", "Helpt met de post en formulieren"),
    ("Zoë", "tante", "Is er als het thuis te druk wordt"),
)
CONCEPT_SHARE = 0.25  # plans not vastgesteld yet
SECOND_VERSION_SHARE = 0.4  # of the evaluated plans
OVERDUE_SHARE = 0.3  # evaluations that passed without being recorded
# Plans go through the service (about 0.1 s each): a bench database of thousands of households
# gets plans in its most recently registered ones only, so it is still built quickly.
PLANS_MAX = 80


def demo_gezinsplan(session: Session, today: date, rng: random.Random) -> None:
    session.execute(update(Person).where(Person.role == MemberRole.OUDER).values(gezag=True))
    rows = session.execute(
        select(Traject.household_id, Traject.registered_on, RegisseurAssignment.medewerker_id)
        .join(RegisseurAssignment, RegisseurAssignment.traject_id == Traject.id)
        .where(
            Traject.is_current.is_(True),
            Traject.phase.in_((Phase.PLAN, Phase.UITVOERING)),
            RegisseurAssignment.end_on.is_(None),
        )
        .order_by(Traject.registered_on.desc(), Traject.household_id)
        .limit(PLANS_MAX)
    ).all()[::-1]
    if not rows:
        return
    members: dict[uuid.UUID, list[Person]] = defaultdict(list)
    for person in session.scalars(
        select(Person)
        .where(Person.household_id.in_([r.household_id for r in rows]))
        .order_by(Person.date_of_birth, Person.first_name)
    ):
        members[person.household_id].append(person)
    organisations = list(session.scalars(select(Organisation).order_by(Organisation.name)))
    _special_members(members, rng)
    for household_id, registered, regisseur in rows:
        people = members[household_id]
        if people:
            _plan(session, rng, today, household_id, registered, regisseur, people, organisations)


def _special_members(members: dict[uuid.UUID, list[Person]], rng: random.Random) -> None:
    """One father with gezag who lives elsewhere; one mother at an afgeschermd address."""
    two_parents = [
        h for h, ps in members.items() if sum(p.role is MemberRole.OUDER for p in ps) == 2
    ]
    one_parent = [
        h
        for h, ps in members.items()
        if sum(p.role is MemberRole.OUDER for p in ps) == 1
        and any(p.role is MemberRole.KIND for p in ps)
    ]
    if two_parents:
        parents = [p for p in members[rng.choice(two_parents)] if p.role is MemberRole.OUDER]
        away = parents[-1]
        away.lives_elsewhere = True
        away.address = "Stationsweg 14, 8011 CZ Zwolle"
    if one_parent:
        mother = next(p for p in members[rng.choice(one_parent)] if p.role is MemberRole.OUDER)
        mother.address_shielded = True  # she and the children live in a shelter


def _owner(
    planned: ActionOwner,
    rng: random.Random,
    regisseur: uuid.UUID,
    parents: list[Person],
    organisations: list[Organisation],
) -> tuple[ActionOwner, dict[str, object]]:
    """Who carries an action out: as planned, or someone of the network where the
    household has no parent at home or the team no organisation."""
    if planned is ActionOwner.GEZINSLID and parents:
        return planned, {"person_id": rng.choice(parents).id}
    if planned is ActionOwner.ORGANISATIE and organisations:
        organisation = rng.choice(organisations)
        contact = organisation.contacts[0].id if organisation.contacts else None
        return planned, {"organisation_id": organisation.id, "contact_id": contact}
    if planned is ActionOwner.MEDEWERKER:
        return planned, {"medewerker_id": regisseur}
    name, relation, _role = rng.choice(NETWORK)
    return ActionOwner.NETWERK, {"network_name": name, "network_relation": relation}


def _plan(
    session: Session,
    rng: random.Random,
    today: date,
    household_id: uuid.UUID,
    registered: date,
    regisseur: uuid.UUID,
    people: list[Person],
    organisations: list[Organisation],
) -> None:
    made = min(today - timedelta(days=3), registered + timedelta(days=rng.randrange(14, 60)))
    made = max(made, today - timedelta(days=rng.randrange(30, 220)))
    situation, question = rng.choice(SITUATIONS)
    children = [p for p in people if p.role is MemberRole.KIND]
    plan_id = plans.new_version(
        session,
        household_id,
        GezinsplanDraft(
            made,
            situation=situation,
            question=question,
            strengths=rng.choice(STRENGTHS),
            concerns=rng.choice(CONCERNS),
            child_view=f"{children[0].first_name} wil dat er thuis minder ruzie is."
            if children
            else "",
            reach="Bel of app op werkdagen tussen 9 en 17 uur.",
        ),
        today=today,
    )
    parents = [p for p in people if p.role is MemberRole.OUDER and not p.lives_elsewhere]
    adult = parents[0] if parents else people[-1]
    for description, item, target in rng.sample(PARENT_GOALS, rng.choice((1, 2, 2))):
        tied = adult.role is not MemberRole.KIND
        goal = plans.add_goal(
            session,
            plan_id,
            GoalDraft(
                description,
                (adult.id,),
                *(("zrm", "2017", item, target) if tied else ()),
            ),
        )
        _actions(session, rng, made, goal, regisseur, parents, organisations)
    if children:
        child = rng.choice(children)
        goal = plans.add_goal(
            session,
            plan_id,
            GoalDraft(f"{child.first_name}: {rng.choice(CHILD_GOALS)}", (child.id,)),
        )
        _actions(session, rng, made, goal, regisseur, parents, organisations)
    for name, relation, role in rng.sample(NETWORK, rng.choice((1, 2))):
        plans.add_network(session, plan_id, NetworkDraft(name, relation, role))
    if organisations and rng.random() < 0.7:
        organisation = rng.choice(organisations)
        contact = organisation.contacts[0].id if organisation.contacts else None
        plans.add_partner(
            session, plan_id, PartnerDraft(organisation.id, contact, "Begeleiding van het gezin")
        )
    evaluations = [made + timedelta(days=days) for days in (60, 120)]
    for on in evaluations:
        plans.add_evaluation_date(session, plan_id, on, today=made)
    settled_on = made + timedelta(days=rng.randrange(3, 10))
    if settled_on > today or rng.random() < CONCEPT_SHARE:
        return
    _agree(session, plan_id, settled_on, today)
    plans.settle(session, plan_id, settled_on, today=today, by="demo")
    first = evaluations[0]
    if first >= today or rng.random() < OVERDUE_SHARE:
        return  # not due yet, or left overdue (Te doen, the meeting's proposals)
    current = plans.plans(session, household_id).current
    assert current is not None
    held = first + timedelta(days=rng.randrange(0, 5))
    if held > today:
        return
    plans.record_evaluation(
        session,
        current.evaluations[0].id,
        EvaluationDraft(
            held,
            "Samen met het gezin de doelen doorgenomen.",
            tuple(
                GoalResultDraft(
                    g.key,
                    rng.choice(tuple(GoalOutcome)),
                    "Een deel van de acties is gedaan.",
                    continues=rng.random() < 0.8,
                )
                for g in current.goals
            ),
        ),
        today=today,
        by="demo",
    )
    if rng.random() > SECOND_VERSION_SHARE:
        return
    second = plans.new_version(session, household_id, GezinsplanDraft(held), today=today)
    goal = plans.add_goal(
        session,
        second,
        GoalDraft("Volhouden wat goed gaat: elke maand een gesprek thuis", (adult.id,)),
    )
    _actions(session, rng, held, goal, regisseur, parents, organisations)
    settle_again = held + timedelta(days=rng.randrange(2, 8))
    if settle_again > today or rng.random() < 0.3:
        return  # version 2 is still being written
    _agree(session, second, settle_again, today)
    plans.settle(session, second, settle_again, today=today, by="demo")


def _actions(
    session: Session,
    rng: random.Random,
    made: date,
    goal: uuid.UUID,
    regisseur: uuid.UUID,
    parents: list[Person],
    organisations: list[Organisation],
) -> None:
    for description, planned in rng.sample(GOAL_ACTIONS, rng.choice((1, 2, 2, 3))):
        kind, owner = _owner(planned, rng, regisseur, parents, organisations)
        due = made + timedelta(days=rng.choice((14, 21, 28, 42, 56)))
        plans.add_goal_action(
            session,
            goal,
            ActionDraft(description, kind, due, **owner),  # type: ignore[arg-type]
            today=made,
        )


def _agree(session: Session, plan_id: uuid.UUID, on: date, today: date) -> None:
    """Everyone who must agree did, at a home visit."""
    plans.set_parties(
        session,
        plan_id,
        [
            PartyDraft(r.person_id, on, "huisbezoek", chart_ok=True)
            for r in plans.required_parties(session, plan_id, on)
        ],
        today=today,
    )
