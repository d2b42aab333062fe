"""The demo's year of meetings: a weekly casuïstiekoverleg, a werkverdelingsoverleg every two
weeks and about one MDO a month, with notes, decisions, verwijzingen and actions.

The rows go in through bulk inserts (a year is a few thousand rows). What the meetings decided
follows the dossiers the demo made before: a phase change, an escalation, a new regisseur or a
closing in the weeks after a meeting is that meeting's decision, carried out on the day the
dossier shows it; a carried-out verwijzing decision made its verwijzing (through the service),
with the same organisation and the same two deciders. The next casuïstiekoverleg is planned,
with an open agenda; no meeting runs.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.actions import Action
from models.base import SYSTEM_USER
from models.entities import (
    Medewerker,
    Organisation,
    OrganisationContact,
    Person,
    RegisseurAssignment,
    Traject,
    TrajectEvent,
)
from models.enums import ActionOrigin, ActionOwner, ActionStatus, EventKind, MemberRole, Phase
from models.households import fullest_open_household
from models.meeting_records import (
    DecisionKind,
    FamilyAttendance,
    ItemOutcome,
    MeetingKind,
    MeetingStatus,
)
from models.meetings import AgendaItem, Meeting, MeetingAttendee, MeetingDecision

WEEKS = 52
LOCATION = "Teamkamer, wijkcentrum De Schakel"
MDO_LOCATION = "Wijkcentrum De Schakel, zaal 2"
RECENT = 35  # days: a decision of a meeting this recent may still be open


@dataclass(frozen=True)
class Scenario:
    """One case as the team discusses it: question, notes and what it decides and agrees.
    ``decisions``: (kind, text, hulpvorm, organisation name); ``actions``: (description,
    owner kind, organisation name for an organisation's action)."""

    question: str
    information: str
    analysis: str
    conclusion: str
    decisions: tuple[tuple[DecisionKind, str, str, str], ...] = ()
    actions: tuple[tuple[str, ActionOwner, str], ...] = ()
    internal_note: str = ""
    children: bool = True  # a verwijzing is for the children (else for a parent)


GGZ = "GGZ Voorbeeldstad"
SCHOOL = "Basisschool De Linde"
SHV = "Schuldhulpverlening Voorbeeldstad"
JGZ = "JGZ Voorbeeldstad"
HUISARTS = "Huisartsenpraktijk Voorbeeldstad"
VEILIG_THUIS = "Veilig Thuis Regio Voorbeeldstad"
LEERPLICHT = "Gemeente Voorbeeldstad, leerplicht"
MED, LID, NET, ORG = (
    ActionOwner.MEDEWERKER,
    ActionOwner.GEZINSLID,
    ActionOwner.NETWERK,
    ActionOwner.ORGANISATIE,
)

CASES = (
    Scenario(
        "De huurachterstand loopt op. Is schuldhulpverlening nu de juiste stap?",
        "Moeder heeft drie maanden huurachterstand; de woningcorporatie stuurde een aanmaning. "
        "Er zijn nog geen afspraken met schuldeisers gemaakt.",
        "De geldzorgen drukken op de opvoeding en moeder overziet de post niet meer. Zonder "
        "rust in de financiën komt de rest van het plan niet van de grond.",
        "Aanmelden bij schuldhulpverlening en samen met moeder de post ordenen. Over vier weken "
        "terug in het overleg.",
        (
            (
                DecisionKind.VERWIJZEN,
                "Aanmelden bij schuldhulpverlening",
                "schuldhulpverlening",
                SHV,
            ),
        ),
        (
            ("Samen met moeder de post ordenen en de schulden op een rij zetten", MED, ""),
            ("Bij de woningcorporatie vragen naar een betalingsregeling", MED, ""),
            ("Loonstroken en bankafschriften verzamelen", LID, ""),
        ),
        children=False,
    ),
    Scenario(
        "De oudste gaat al weken niet naar school. Hoe krijgen we school en leerplicht samen aan "
        "tafel?",
        "Sinds de herfstvakantie is de oudste minder dan de helft van de lessen aanwezig. School "
        "heeft leerplicht ingeschakeld. Thuis wordt overdag geslapen en 's nachts gegamed.",
        "Het verzuim lijkt voort te komen uit angst en somberheid, niet uit onwil. Ouders staan "
        "machteloos en zitten niet op één lijn.",
        "Een gesprek met school, leerplicht en ouders beleggen en laten onderzoeken of "
        "jeugd-ggz nodig is.",
        (
            (
                DecisionKind.VERWIJZEN,
                "Intake bij de jeugd-ggz voor de angstklachten",
                "jeugd_ggz",
                GGZ,
            ),
            (DecisionKind.ANDERS, "Gezamenlijk gesprek met school en leerplicht beleggen", "", ""),
        ),
        (
            ("Gesprek met school, leerplicht en ouders plannen", MED, ""),
            ("Wekelijks de aanwezigheid op school doorgeven", ORG, SCHOOL),
        ),
    ),
    Scenario(
        "Veel ruzie tussen ouders na de scheiding; de kinderen zitten ertussen. Wat is hier nodig?",
        "Ouders zijn een half jaar uit elkaar. De overdracht van de kinderen loopt uit op ruzie, "
        "ook waar de kinderen bij zijn. De oudste slaapt slecht.",
        "Het conflict tussen de ouders is de grootste zorg voor de kinderen. Beide ouders willen "
        "wel, maar niet met elkaar aan tafel.",
        "Ouders elk apart spreken over een ouderschapsplan. Risicotaxatie laten doen vanwege de "
        "ruzies waar de kinderen bij zijn.",
        (
            (DecisionKind.TAXATIE, "Risicotaxatie vanwege de ruzies bij de overdracht", "", ""),
            (DecisionKind.ANDERS, "Ouders apart spreken over een ouderschapsplan", "", ""),
        ),
        (
            ("Ouders apart uitnodigen voor een gesprek over het ouderschapsplan", MED, ""),
            ("Een kindgesprek voeren met de oudste", MED, ""),
        ),
    ),
    Scenario(
        "Moeder is somber en komt niet meer toe aan de zorg voor de kinderen. Hoe ondersteunen "
        "we het gezin?",
        "Moeder ligt veel op bed en zegt dat alles haar te veel is. Oma helpt twee dagen per "
        "week. De huisarts is op de hoogte.",
        "Moeder heeft zelf behandeling nodig. Het netwerk vangt nu veel op, maar raakt uitgeput.",
        "Verwijzing naar de volwassenen-ggz. Een netwerkberaad om de zorg voor de kinderen te "
        "verdelen.",
        (
            (
                DecisionKind.VERWIJZEN,
                "Behandeling voor de somberheid van moeder",
                "volwassenen_ggz",
                GGZ,
            ),
            (DecisionKind.ANDERS, "Netwerkberaad organiseren met oma en tante", "", ""),
        ),
        (
            ("Netwerkberaad plannen met oma en tante", MED, ""),
            ("Afspraak bij de huisarts maken over de somberheid", LID, ""),
            ("De kinderen op woensdagmiddag van school halen", NET, ""),
        ),
        internal_note="Moeder wil niet dat school van de behandeling weet; voorzichtig zijn met "
        "wat we delen.",
        children=False,
    ),
    Scenario(
        "Ouders lopen vast met de driftbuien van hun peuter. Welke hulp past?",
        "De JGZ zag forse driftbuien en een achterstand in de taal. Ouders zijn moe en reageren "
        "boos op hun zoontje.",
        "Ouders staan open voor hulp. Opvoedondersteuning bij het gezin thuis past het best.",
        "Verwijzen naar ambulante jeugdhulp; de JGZ blijft betrokken voor de taalontwikkeling.",
        (
            (
                DecisionKind.VERWIJZEN,
                "Opvoedondersteuning thuis",
                "jeugdhulp_ambulant",
                JGZ,
            ),
        ),
        (
            ("Intake plannen voor de opvoedondersteuning", ORG, JGZ),
            ("Ouders helpen een dagritme op papier te zetten", MED, ""),
        ),
    ),
    Scenario(
        "Voortgang van het plan: lopen de afspraken nog?",
        "De meeste afspraken uit het plan lopen. De aanmelding bij de sportclub is nog niet "
        "gelukt; vader zoekt nog naar een club dicht bij huis.",
        "Gestage voortgang en geen nieuwe zorgen over de veiligheid.",
        "Plan ongewijzigd voortzetten; over zes weken opnieuw de ZRM afnemen.",
        ((DecisionKind.ZRM, "ZRM opnieuw afnemen om de voortgang te meten", "", ""),),
        (("Samen met vader een sportclub zoeken", NET, ""),),
    ),
    Scenario(
        "Alcoholgebruik van vader: wat betekent dat voor de kinderen?",
        "Moeder vertelt dat vader 's avonds veel drinkt en dan kort lontje heeft. Vader erkent "
        "het drinken, maar vindt het geen probleem.",
        "Het drinken raakt de sfeer thuis en de veiligheid 's avonds. Vader is nog niet "
        "gemotiveerd voor hulp; moeder wel.",
        "Met vader in gesprek over zijn gebruik en de huisarts betrekken. ZRM afnemen om het "
        "hele gezin in beeld te krijgen.",
        (
            (
                DecisionKind.VERWIJZEN,
                "Gesprek over het alcoholgebruik van vader",
                "verslavingszorg",
                HUISARTS,
            ),
            (DecisionKind.ZRM, "ZRM afnemen met beide ouders", "", ""),
        ),
        (
            ("Met vader in gesprek over zijn drinken en wat het thuis doet", MED, ""),
            ("Afspraken maken over wie 's avonds bij de kinderen is", LID, ""),
        ),
        internal_note="Vader reageerde eerder dreigend naar een collega; huisbezoek met twee.",
        children=False,
    ),
    Scenario(
        "Jongere zonder vaste woonplek en zonder inkomen. Wat is de eerste stap?",
        "Hij slaapt afwisselend bij vrienden, heeft zijn opleiding afgebroken en geen uitkering "
        "aangevraagd. Hij komt wel op afspraken.",
        "Eerst de basis: wonen en inkomen. Hij is gemotiveerd, maar heeft hulp nodig bij de "
        "formulieren.",
        "De jongerencoach helpt met de aanvraag van een uitkering en het zoeken naar een kamer.",
        ((DecisionKind.ANDERS, "Eerst inkomen en woonplek regelen, daarna de opleiding", "", ""),),
        (
            ("Samen de aanvraag voor een uitkering doen", MED, ""),
            ("Meegaan naar het gesprek bij de woningcorporatie", NET, ""),
        ),
        children=False,
    ),
)

# Cases whose decision the dossier shows afterwards, by the event that carried it out.
BY_EVENT = {
    EventKind.OPSCHALEN: Scenario(
        "Signalen van huiselijk geweld. Moeten we opschalen?",
        "De buurvrouw hoorde vorige week geschreeuw en gestommel. Moeder zegt dat het meevalt; "
        "vader is niet bereikbaar. De jongste had een blauwe plek op de arm, verklaard als val.",
        "De signalen stapelen zich op en het gezin houdt de boot af. De veiligheid van de "
        "kinderen is onvoldoende in beeld.",
        "Opschalen: de specialist huiselijk geweld sluit aan. Meldcode-stappen volgen en met "
        "moeder een veiligheidsplan maken.",
        (
            (DecisionKind.OPSCHALEN, "Opschalen; de specialist huiselijk geweld sluit aan", "", ""),
            (DecisionKind.TAXATIE, "Risicotaxatie binnen een week", "", ""),
        ),
        (
            ("Veiligheidsplan met moeder opstellen", MED, ""),
            ("Consultatie bij Veilig Thuis vastleggen in het dossier", MED, ""),
        ),
        internal_note="Anoniem overlegd met Veilig Thuis; advies: eerst een veiligheidsplan met "
        "moeder.",
    ),
    EventKind.AFSCHALEN: Scenario(
        "Het gaat beter. Kunnen we afschalen?",
        "De doelen uit het plan zijn grotendeels gehaald. Vader heeft werk en de kinderen gaan "
        "weer naar school. Het gezin wil zelf minder contact.",
        "De situatie is stabiel en het netwerk is sterker geworden. De kans op terugval lijkt "
        "klein.",
        "Afschalen met een warme overdracht naar het CJG; over drie maanden een korte check.",
        (
            (DecisionKind.AFSCHALEN, "Afschalen naar het CJG", "", ""),
            (DecisionKind.ZRM, "Eindmeting ZRM afnemen", "", ""),
        ),
        (("Warme overdracht plannen met het CJG", MED, ""),),
    ),
    EventKind.AFGESLOTEN: Scenario(
        "Traject afronden? De doelen zijn bereikt.",
        "Het gezin redt het weer zelf: de schulden zijn geregeld en de kinderen gaan goed naar "
        "school. Ouders weten het CJG te vinden als dat nodig is.",
        "Geen zorgen meer over de veiligheid of de ontwikkeling van de kinderen.",
        "Traject afsluiten na een eindgesprek met het gezin.",
        ((DecisionKind.AFSLUITEN, "Traject afsluiten na het eindgesprek", "", ""),),
        (("Eindgesprek met het gezin plannen", MED, ""),),
    ),
    EventKind.FASE: Scenario(
        "Is het plan rond, en kunnen we verder?",
        "Ouders hebben de doelen samen met de regisseur op papier gezet. Het netwerk heeft "
        "toegezegd te helpen met vervoer en oppas.",
        "Er ligt een gedragen plan; de vraag is helder.",
        "Door naar de volgende fase; de regisseur bewaakt de afspraken.",
        (),
        (("Plan met ouders ondertekenen en in het dossier zetten", MED, ""),),
    ),
}

MDO_CASES = (
    (
        Scenario(
            "Eén plan voor school, behandeling en thuis: wie doet wat?",
            "School ziet een teruggetrokken meisje dat niet meer meedoet in de klas. De "
            "behandeling bij de GGZ is gestart, maar zij komt niet op alle afspraken. Moeder "
            "voelt zich niet gehoord.",
            "Iedereen doet iets, maar niemand overziet het geheel. Afspraken tussen school en "
            "behandelaar lopen via moeder, en dat is haar te veel.",
            "Eén gezamenlijk plan met de casusregisseur als coördinator. School en GGZ stemmen "
            "rechtstreeks af, met toestemming van moeder. Over zes weken opnieuw een MDO.",
            (
                (
                    DecisionKind.ANDERS,
                    "Eén gezamenlijk plan; de casusregisseur coördineert",
                    "",
                    "",
                ),
            ),
            (
                ("Behandelplan delen met de casusregisseur (met toestemming)", ORG, GGZ),
                ("Wekelijks de aanwezigheid op school doorgeven", ORG, SCHOOL),
                ("Gezamenlijk plan uitschrijven en rondsturen", MED, ""),
            ),
        ),
        (GGZ, SCHOOL),
    ),
    (
        Scenario(
            "Zorgen over de veiligheid thuis: wat spreken we samen af?",
            "Veilig Thuis kreeg een melding van de politie na een ruzie waarbij de kinderen "
            "thuis waren. Moeder wil hulp; vader wil meewerken aan een gesprek.",
            "De veiligheid is nu voldoende met de afspraken uit het veiligheidsplan, maar "
            "kwetsbaar. Beide ouders hebben eigen hulp nodig.",
            "Veiligheidsplan aanscherpen en wekelijks toetsen. Veilig Thuis blijft betrokken tot "
            "het volgende MDO.",
            (
                (DecisionKind.TAXATIE, "Risicotaxatie herhalen na zes weken", "", ""),
                (DecisionKind.ANDERS, "Veiligheidsplan wekelijks samen toetsen", "", ""),
            ),
            (
                ("Veiligheidsplan aanscherpen met beide ouders", MED, ""),
                ("Terugkoppeling geven over het onderzoek", ORG, VEILIG_THUIS),
            ),
        ),
        (VEILIG_THUIS, HUISARTS),
    ),
    (
        Scenario(
            "De jongste groeit niet goed en het gezin mist afspraken. Hoe helpen we?",
            "De jeugdarts ziet dat de jongste te weinig aankomt. Afspraken bij de JGZ en de "
            "huisarts worden vaak gemist. Leerplicht meldt verzuim van de oudste.",
            "Het gezin is overvraagd; de vele afspraken werken averechts. Praktische steun "
            "thuis helpt meer dan nog een instantie.",
            "Afspraken bundelen op één moment in de week. Een gezinsondersteuner thuis voor "
            "structuur.",
            (
                (
                    DecisionKind.VERWIJZEN,
                    "Gezinsondersteuning thuis voor structuur",
                    "jeugdhulp_ambulant",
                    JGZ,
                ),
            ),
            (
                ("Afspraken van JGZ en huisarts op één dag zetten", ORG, JGZ),
                ("Met de oudste praten over het verzuim", ORG, LEERPLICHT),
            ),
        ),
        (JGZ, LEERPLICHT, HUISARTS),
    ),
)

# External participants of an MDO: organisation, name, discipline.
EXTERNALS = {
    GGZ: ("Ilse Kramer", "regiebehandelaar"),
    SCHOOL: ("Marco de Wit", "intern begeleider"),
    JGZ: ("Nadia El Idrissi", "jeugdarts"),
    HUISARTS: ("Dr. P. Verhoef", "huisarts"),
    VEILIG_THUIS: ("Rachid Amrani", "medewerker Veilig Thuis"),
    LEERPLICHT: ("Sanne Vos", "leerplichtambtenaar"),
    SHV: ("Thijs de Groot", "schuldhulpverlener"),
}
FAMILY = (
    (FamilyAttendance.HEEL, ""),
    (FamilyAttendance.HEEL, ""),
    (FamilyAttendance.DEELS, "Moeder was bij het eerste deel; vader kon niet vrij van zijn werk."),
    (FamilyAttendance.DEELS, "Ouders waren bij de afspraken, niet bij de analyse."),
    (
        FamilyAttendance.NIET,
        "Moeder zag op tegen zoveel instanties aan tafel; vooraf en achteraf met haar besproken.",
    ),
    (FamilyAttendance.NIET, "Vader was ziek; de regisseur neemt het verslag met hem door."),
)
HERKOMST = {
    "zelf": "het gezin zelf",
    "netwerk": "familie of buren",
    "school": "school",
    "huisarts": "de huisarts",
    "jgz": "de JGZ",
    "cjg": "het CJG",
    "veilig_thuis": "Veilig Thuis",
    "politie": "de wijkagent",
    "woningcorporatie": "de woningcorporatie",
}
PHASE = {
    Phase.VRAAGVERHELDERING: "vraagverheldering",
    Phase.PLAN: "plan",
    Phase.UITVOERING: "uitvoering",
}
PLANNED = (
    ("Terug in het overleg: loopt de verwijzing, en is de veiligheid thuis op orde?", "hoog"),
    ("De huurachterstand loopt verder op. Hoe voorkomen we een ontruiming?", "hoog"),
    ("Vader wil het netwerk meer betrekken. Ideeën voor een netwerkberaad?", "normaal"),
    ("Kunnen we afschalen? Het gaat al drie maanden goed.", "normaal"),
    ("Dochter (15) is weggelopen en weer thuis. Wat spreken we af?", "acuut"),
    ("Moeder wil stoppen met de hulp. Hoe gaan we daarmee om?", "normaal"),
)
LEADER_ACTIONS = (
    "Inzet van een specialist regelen en terugkoppelen aan de casusregisseur",
    "Met de gedragswetenschapper afstemmen over de risicotaxatie",
    "Wachtlijst bij de jeugd-ggz navragen en de regisseur informeren",
    "Extra uren voor de casusregisseur regelen",
    "Een MDO plannen met school, huisarts en de ouders",
    "Bij de gemeente navragen of de beschikking voor jeugdhulp rond is",
    "Een collega zoeken die kan meelopen bij het eerste huisbezoek",
    "Het netwerkberaad voorbereiden met de casusregisseur",
)


@dataclass
class _Household:
    traject_id: uuid.UUID
    registered_on: date
    closed_on: date | None
    herkomst: str
    question: str
    spans: list[tuple[uuid.UUID, date, date | None]] = field(default_factory=list)
    events: list[tuple[date, EventKind, Phase | None]] = field(default_factory=list)
    parents: list[uuid.UUID] = field(default_factory=list)
    children: list[uuid.UUID] = field(default_factory=list)

    def running(self, on: date) -> bool:
        return self.registered_on <= on and (self.closed_on is None or self.closed_on > on)

    def regisseur(self, on: date) -> uuid.UUID | None:
        return next(
            (m for m, start, end in self.spans if start <= on and (end is None or end > on)),
            None,
        )


def _weekday_before(today: date, weekday: int) -> date:
    """The last ``weekday`` strictly before today."""
    return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)


def _at(on: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(on, time(hour, minute), UTC)


def _stamp(when: datetime) -> dict[str, Any]:
    return {
        "created_at": when,
        "updated_at": when,
        "created_by": SYSTEM_USER,
        "updated_by": SYSTEM_USER,
    }


class _Writer:
    """Collects the rows of every meeting, then inserts them in bulk."""

    def __init__(self, session: Session, today: date, rng: random.Random) -> None:
        self.session, self.today, self.rng = session, today, rng
        self._leader_actions = 0  # the teamleider's actions take turns in their text
        staff = list(
            session.execute(
                select(Medewerker.id, Medewerker.name, Medewerker.discipline)
                .where(Medewerker.active)
                .order_by(Medewerker.name)
            )
        )
        self.names = {m.id: m.name for m in staff}
        self.leader = next((m.id for m in staff if m.discipline == "teamleider"), None)
        self.deputy = next((m.id for m in staff if m.discipline == "gedragswetenschapper"), None)
        self.team = [m.id for m in staff]
        self.organisations = dict(session.execute(select(Organisation.name, Organisation.id)).all())
        self.contacts: dict[uuid.UUID, uuid.UUID] = {}
        for organisation_id, contact_id in session.execute(
            select(OrganisationContact.organisation_id, OrganisationContact.id).order_by(
                OrganisationContact.name
            )
        ):
            self.contacts.setdefault(organisation_id, contact_id)
        self.households = self._households()
        self.rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
        self.used_events: set[tuple[uuid.UUID, date, EventKind]] = set()
        self.referred: set[tuple[uuid.UUID, str]] = set()
        self.verwijzingen: list[tuple[uuid.UUID, dict[str, Any], Scenario]] = []
        self.number = session.scalar(select(Meeting.number).order_by(Meeting.number.desc())) or 0

    def _households(self) -> dict[uuid.UUID, _Household]:
        session = self.session
        found: dict[uuid.UUID, _Household] = {}
        by_traject: dict[uuid.UUID, _Household] = {}
        for t in session.execute(
            select(
                Traject.id,
                Traject.household_id,
                Traject.registered_on,
                Traject.closed_on,
                Traject.herkomst,
                Traject.question,
            ).where(Traject.is_current.is_(True))
        ):
            found[t.household_id] = by_traject[t.id] = _Household(
                t.id, t.registered_on, t.closed_on, t.herkomst or "", t.question or ""
            )
        for a in session.execute(
            select(
                RegisseurAssignment.traject_id,
                RegisseurAssignment.medewerker_id,
                RegisseurAssignment.start_on,
                RegisseurAssignment.end_on,
            ).order_by(RegisseurAssignment.start_on)
        ):
            if a.traject_id in by_traject:
                by_traject[a.traject_id].spans.append((a.medewerker_id, a.start_on, a.end_on))
        for e in session.execute(
            select(
                TrajectEvent.traject_id,
                TrajectEvent.event_date,
                TrajectEvent.kind,
                TrajectEvent.to_phase,
            )
        ):
            if e.traject_id in by_traject and e.kind is not EventKind.AANGEMELD:
                by_traject[e.traject_id].events.append((e.event_date, e.kind, e.to_phase))
        for p in session.execute(select(Person.id, Person.household_id, Person.role)):
            if p.household_id in found:
                target = found[p.household_id]
                (target.parents if p.role is MemberRole.OUDER else target.children).append(p.id)
        return found

    # --- a meeting ----------------------------------------------------------------------

    def meeting(
        self,
        kind: MeetingKind,
        on: date,
        starts: tuple[int, int],
        attendees: list[uuid.UUID],
        *,
        closed: bool = True,
        externals: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        self.number += 1
        chair, minute_taker = attendees[0], attendees[1]
        when = _at(on, *starts) - timedelta(hours=1)  # written as UTC
        row = {
            "id": uuid.uuid4(),
            "number": self.number,
            "kind": kind,
            "held_on": on,
            "starts_at": f"{starts[0]:02d}:{starts[1]:02d}",
            "location": MDO_LOCATION if kind is MeetingKind.MDO else LOCATION,
            "chair_id": chair,
            "minute_taker_id": minute_taker,
            "status": MeetingStatus.GESLOTEN if closed else MeetingStatus.GEPLAND,
            "agenda_closed": closed,
            "started_at": when if closed else None,
            "closed_at": when + timedelta(minutes=self.rng.randrange(75, 130)) if closed else None,
            **_stamp(min(_at(on, 7), _at(self.today, 7)) - timedelta(days=7)),
        }
        self.rows[Meeting].append(row)
        stamp = _stamp(row["created_at"])
        for medewerker_id in attendees:
            self.rows[MeetingAttendee].append(
                {
                    "id": uuid.uuid4(),
                    "meeting_id": row["id"],
                    "medewerker_id": medewerker_id,
                    "name": "",
                    "organisation_id": None,
                    "discipline": "",
                    **stamp,
                }
            )
        for organisation in externals:
            name, discipline = EXTERNALS[organisation]
            self.rows[MeetingAttendee].append(
                {
                    "id": uuid.uuid4(),
                    "meeting_id": row["id"],
                    "medewerker_id": None,
                    "name": name,
                    "organisation_id": self.organisations.get(organisation),
                    "discipline": discipline,
                    **stamp,
                }
            )
        return row

    def attendees(self, count: int) -> list[uuid.UUID]:
        """Chair (mostly the teamleider), minute-taker, and the others."""
        rng = self.rng
        chair = self.leader if (rng.random() < 0.75 or self.deputy is None) else self.deputy
        others = [m for m in self.team if m != chair]
        chosen = rng.sample(others, min(count - 1, len(others)))
        return ([chair] if chair else []) + chosen

    def item(
        self,
        meeting: dict[str, Any],
        position: int,
        household_id: uuid.UUID,
        question: str,
        brought_in_by: uuid.UUID | None,
        *,
        urgency: str = "normaal",
        outcome: ItemOutcome = ItemOutcome.BESPROKEN,
        notes: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        row = {
            "id": uuid.uuid4(),
            "meeting_id": meeting["id"],
            "household_id": household_id,
            "position": position,
            "question": question,
            "urgency": urgency,
            "brought_in_by_id": brought_in_by,
            "proposed": "",
            "outcome": outcome,
            "information": "",
            "analysis": "",
            "conclusion": "",
            "internal_note": "",
            "safety_discussed": False,
            "network_discussed": None,
            "family_attendance": None,
            "family_reason": "",
            **_stamp(meeting["created_at"]),
            **(notes or {}),
        }
        self.rows[AgendaItem].append(row)
        return row

    def notes(self, scenario: Scenario) -> dict[str, Any]:
        rng = self.rng
        internal = scenario.internal_note if rng.random() < 0.6 else ""
        return {
            "information": scenario.information,
            "analysis": scenario.analysis,
            "conclusion": scenario.conclusion,
            "internal_note": internal,
            "safety_discussed": True,
            "network_discussed": rng.random() < 0.85,
        }

    # --- decisions and actions ------------------------------------------------------------

    def carried_on(self, on: date, kind: DecisionKind) -> date | None:
        """When a decision not shown by a dossier event was carried out (None: still open)."""
        if kind is DecisionKind.ANDERS:
            return None  # nothing in the dossier carries it out
        age = (self.today - on).days
        if self.rng.random() < (0.96 if age > RECENT else 0.3):
            return min(self.today, on + timedelta(days=self.rng.randrange(1, 15)))
        return None

    def decision(
        self,
        item: dict[str, Any],
        meeting: dict[str, Any],
        kind: DecisionKind,
        text: str,
        carried_out_on: date | None,
        **extra: Any,
    ) -> dict[str, Any]:
        row = {
            "id": uuid.uuid4(),
            "item_id": item["id"],
            "household_id": item["household_id"],
            "kind": kind,
            "text": text,
            "medewerker_id": None,
            "phase": "",
            "organisation_id": None,
            "hulpvorm": "",
            "decider_1_id": None,
            "decider_2_id": None,
            "carried_out_on": carried_out_on,
            **_stamp(meeting["started_at"] or meeting["created_at"]),
            **extra,
        }
        self.rows[MeetingDecision].append(row)
        return row

    def scenario_decisions(
        self,
        item: dict[str, Any],
        meeting: dict[str, Any],
        scenario: Scenario,
        attendees: list[uuid.UUID],
        *,
        open_only: bool = False,
    ) -> None:
        household = self.households[item["household_id"]]
        on: date = meeting["held_on"]
        for kind, text, hulpvorm, organisation in scenario.decisions:
            carried = None if open_only else self.carried_on(on, kind)
            if kind is DecisionKind.VERWIJZEN:
                organisation_id = self.organisations.get(organisation)
                referral = (item["household_id"], hulpvorm)
                if organisation_id is None or household.closed_on is not None:
                    continue  # a verwijzing is made in a running traject only
                if referral in self.referred:
                    continue  # decided before
                self.referred.add(referral)
                first, second = attendees[0], attendees[1 + self.rng.randrange(len(attendees) - 1)]
                row = self.decision(
                    item,
                    meeting,
                    kind,
                    text,
                    carried,
                    organisation_id=organisation_id,
                    hulpvorm=hulpvorm,
                    decider_1_id=first,
                    decider_2_id=second,
                )
                if carried is not None:
                    self.verwijzingen.append((item["household_id"], row, scenario))
            elif kind in (DecisionKind.OPSCHALEN, DecisionKind.AFSCHALEN, DecisionKind.AFSLUITEN):
                # Carried out only where the dossier shows it (event_decision); a recent one
                # may still be open.
                if (self.today - on).days <= RECENT:
                    self.decision(item, meeting, kind, text, None)
            else:
                self.decision(item, meeting, kind, text, carried)

    def event_decision(
        self,
        item: dict[str, Any],
        meeting: dict[str, Any],
        event: tuple[date, EventKind, Phase | None],
    ) -> None:
        """The decision a later step in the dossier carried out."""
        on, kind, phase = event
        if kind is EventKind.FASE:
            if phase in PHASE:
                assert phase is not None
                text = f"Door naar de fase {PHASE[phase]}"
                self.decision(item, meeting, DecisionKind.FASE, text, on, phase=phase.value)
            return
        scenario = BY_EVENT.get(kind)
        for decision_kind, text, _hulpvorm, _organisation in scenario.decisions if scenario else ():
            if decision_kind in (
                DecisionKind.OPSCHALEN,
                DecisionKind.AFSCHALEN,
                DecisionKind.AFSLUITEN,
            ):
                self.decision(item, meeting, decision_kind, text, on)

    def actions(
        self,
        item: dict[str, Any],
        meeting: dict[str, Any],
        scenario: Scenario,
        owner: uuid.UUID | None,
        count: int,
    ) -> None:
        rng = self.rng
        household = self.households[item["household_id"]]
        on: date = meeting["held_on"]
        for description, planned, organisation in rng.sample(
            scenario.actions, min(count, len(scenario.actions))
        ):
            kind = planned
            if (kind is LID and not household.parents) or (
                kind is ORG and organisation not in self.organisations
            ):
                kind = MED
            if kind is MED and owner is None:
                continue
            due = on + timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))
            self.action(item, meeting, description, kind, due, owner, organisation)

    def action(
        self,
        item: dict[str, Any],
        meeting: dict[str, Any],
        description: str,
        kind: ActionOwner,
        due: date,
        owner: uuid.UUID | None,
        organisation: str = "",
        status: ActionStatus | None = None,
    ) -> None:
        rng = self.rng
        household = self.households[item["household_id"]]
        on: date = meeting["held_on"]
        if status is None:
            recent = (self.today - on).days <= 8 * 7
            if due >= self.today:
                status = ActionStatus.GEDAAN if rng.random() < 0.15 else ActionStatus.OPEN
            elif not recent:
                status = ActionStatus.GEDAAN if rng.random() < 0.85 else ActionStatus.VERVALLEN
            else:
                status = rng.choices(
                    (ActionStatus.GEDAAN, ActionStatus.VERVALLEN, ActionStatus.OPEN), (5, 1, 4)
                )[0]
        status_on = on
        if status is not ActionStatus.OPEN:
            last = min(due + timedelta(days=5), self.today)
            status_on = on + timedelta(days=rng.randrange(0, max(1, (last - on).days + 1)))
        organisation_id = self.organisations.get(organisation) if kind is ORG else None
        name, relation = rng.choice((("Fatma", "oma"), ("Henk", "buurman"), ("Zoë", "tante")))
        self.rows[Action].append(
            {
                "id": uuid.uuid4(),
                "household_id": item["household_id"],
                "description": description,
                "owner_kind": kind,
                "medewerker_id": owner if kind is MED else None,
                "person_id": rng.choice(household.parents) if kind is LID else None,
                "organisation_id": organisation_id,
                "contact_id": self.contacts.get(organisation_id) if organisation_id else None,
                "network_name": name if kind is NET else "",
                "network_relation": relation if kind is NET else "",
                "due_on": due,
                "status": status,
                "status_on": status_on,
                "origin": ActionOrigin.OVERLEG,
                "origin_id": item["id"],
                **_stamp(meeting["closed_at"] or meeting["created_at"]),
            }
        )

    def next_event(
        self, household_id: uuid.UUID, on: date
    ) -> tuple[date, EventKind, Phase | None] | None:
        """A step in the dossier in the five weeks after ``on`` that no meeting decided yet."""
        household = self.households[household_id]
        for event in sorted(household.events, key=lambda e: e[0]):
            key = (household_id, event[0], event[1])
            if on < event[0] <= min(on + timedelta(days=RECENT), self.today) and (
                key not in self.used_events
            ):
                self.used_events.add(key)
                return event
        return None

    def handover(self, household_id: uuid.UUID, on: date) -> tuple[uuid.UUID, date] | None:
        household = self.households[household_id]
        for medewerker_id, start, _end in household.spans[1:]:
            key = (household_id, start, EventKind.AANGEMELD)
            if on < start <= min(on + timedelta(days=RECENT), self.today) and (
                key not in self.used_events
            ):
                self.used_events.add(key)
                return medewerker_id, start
        return None

    # --- the kinds of meeting -----------------------------------------------------------

    def casuistiek(
        self, on: date, carried_over: list[uuid.UUID], first: uuid.UUID | None = None
    ) -> list[uuid.UUID]:
        """A closed casuïstiekoverleg; returns the cases carried over to the next one."""
        rng = self.rng
        running = [h for h, household in self.households.items() if household.running(on)]
        wanted = rng.randint(8, 12)
        cases = [h for h in carried_over if h in running]
        if first is not None and first in running:
            cases = [first, *[h for h in cases if h != first]]
        rest = [h for h in running if h not in cases]
        cases += rng.sample(rest, max(0, min(wanted - len(cases), len(rest))))
        if not cases:
            return []
        attendees = self.attendees(rng.randint(4, 7))
        meeting = self.meeting(MeetingKind.CASUISTIEK, on, (9, 30), attendees)
        deck = rng.sample(CASES, len(CASES))  # a meeting repeats no case text while it can

        def draw() -> Scenario:
            return deck.pop() if deck else rng.choice(CASES)

        later: list[uuid.UUID] = []
        for position, household_id in enumerate(cases, start=1):
            household = self.households[household_id]
            regisseur = household.regisseur(on)
            brought_in_by = regisseur if regisseur in attendees else rng.choice(attendees)
            showcase = household_id == first
            if position > 6 and not showcase and rng.random() < 0.12:
                scenario = draw()
                self.item(
                    meeting,
                    position,
                    household_id,
                    scenario.question,
                    brought_in_by,
                    outcome=ItemOutcome.DOORGESCHOVEN,
                )
                later.append(household_id)
                continue
            event = None if showcase else self.next_event(household_id, on)
            if showcase:
                scenario = CASES[1]
            elif event is not None and event[1] in BY_EVENT:
                scenario = BY_EVENT[event[1]]
            elif (self.today - on).days <= RECENT and rng.random() < 0.12:
                scenario = BY_EVENT[rng.choice((EventKind.OPSCHALEN, EventKind.AFSCHALEN))]
            else:
                scenario = draw()
            urgency = rng.choice(("normaal", "normaal", "normaal", "hoog", "acuut"))
            item = self.item(
                meeting,
                position,
                household_id,
                scenario.question,
                brought_in_by,
                urgency=urgency,
                notes=self.notes(scenario),
            )
            if event is not None:
                self.event_decision(item, meeting, event)
            self.scenario_decisions(item, meeting, scenario, attendees, open_only=showcase)
            if handover := self.handover(household_id, on):
                medewerker_id, start = handover
                self.decision(
                    item,
                    meeting,
                    DecisionKind.REGISSEUR,
                    f"Regie naar {self.names.get(medewerker_id, 'een collega')}",
                    start,
                    medewerker_id=medewerker_id,
                )
            self.actions(
                item, meeting, scenario, regisseur or brought_in_by, rng.choice((0, 1, 1, 2))
            )
            if self.leader in attendees and (showcase or rng.random() < 0.08):
                self._leader_actions += 1
                self.action(
                    item,
                    meeting,
                    LEADER_ACTIONS[self._leader_actions % len(LEADER_ACTIONS)],
                    MED,
                    on + timedelta(days=rng.choice((7, 14, 21))),
                    self.leader,
                )
        return later

    def werkverdeling(self, on: date) -> None:
        """The new aanmeldingen of the last two weeks, each given a regisseur."""
        rng = self.rng
        new = sorted(
            (
                h
                for h, household in self.households.items()
                if on - timedelta(days=14) < household.registered_on <= on
            ),
            key=lambda h: self.households[h].registered_on,
        )
        if not new:
            return
        attendees = self.attendees(rng.randint(4, 6))
        meeting = self.meeting(MeetingKind.WERKVERDELING, on, (13, 0), attendees)
        for position, household_id in enumerate(new, start=1):
            household = self.households[household_id]
            regisseur = household.spans[0][0] if household.spans else None
            chosen = regisseur or rng.choice(self.team)
            name = self.names.get(chosen, "een collega")
            via = HERKOMST.get(household.herkomst, "een verwijzer")
            question = "Nieuwe aanmelding: wie wordt casusregisseur?"
            item = self.item(
                meeting,
                position,
                household_id,
                question,
                attendees[0],
                urgency=rng.choice(("normaal", "normaal", "hoog")),
                notes={
                    "information": f"Aangemeld op {household.registered_on:%d-%m-%Y} via {via}. "
                    f"Hulpvraag: {household.question}".strip(),
                    "analysis": "Eerst de vraag verhelderen in een kennismakingsgesprek.",
                    "conclusion": f"{name} wordt casusregisseur en plant binnen een week een "
                    "kennismakingsgesprek.",
                    "safety_discussed": True,
                    "network_discussed": rng.random() < 0.7,
                },
            )
            carried = on if regisseur is not None and (self.today - on).days > 3 else None
            self.decision(
                item,
                meeting,
                DecisionKind.REGISSEUR,
                f"Regie naar {name}",
                carried,
                medewerker_id=chosen,
            )
            self.action(
                item, meeting, "Kennismakingsgesprek plannen", MED, on + timedelta(days=7), chosen
            )

    def mdo(self, on: date, household_id: uuid.UUID, index: int) -> None:
        rng = self.rng
        household = self.households[household_id]
        scenario, organisations = MDO_CASES[index % len(MDO_CASES)]
        attendees = self.attendees(rng.randint(3, 4))
        regisseur = household.regisseur(on)
        if regisseur is not None and regisseur not in attendees:
            attendees.append(regisseur)
        meeting = self.meeting(
            MeetingKind.MDO, on, (14, 0), attendees, externals=tuple(organisations)
        )
        attendance, reason = rng.choice(FAMILY)
        item = self.item(
            meeting,
            1,
            household_id,
            scenario.question,
            regisseur or attendees[0],
            urgency="hoog",
            notes={
                **self.notes(scenario),
                "network_discussed": True,
                "family_attendance": attendance,
                "family_reason": reason,
            },
        )
        self.scenario_decisions(item, meeting, scenario, attendees)
        self.actions(item, meeting, scenario, regisseur or attendees[0], 3)

    def planned(self, on: date, first: uuid.UUID | None) -> None:
        """The next casuïstiekoverleg: attendees, and cases brought in by different people."""
        rng = self.rng
        running = [h for h, household in self.households.items() if household.running(self.today)]
        if not running:
            return
        attendees = self.attendees(6)
        meeting = self.meeting(MeetingKind.CASUISTIEK, on, (9, 30), attendees, closed=False)
        cases = [first] if first in running else []
        rest = [h for h in running if h not in cases]
        cases += rng.sample(rest, max(0, min(rng.randint(4, 6) - len(cases), len(rest))))
        bringers = attendees[1:] + attendees[:1]
        for position, (household_id, (question, urgency)) in enumerate(
            zip(cases, PLANNED, strict=False), start=1
        ):
            self.item(
                meeting,
                position,
                household_id,
                question,
                bringers[(position - 1) % len(bringers)],
                urgency=urgency,
                outcome=ItemOutcome.OPEN,
            )

    # --- writing ---------------------------------------------------------------------------

    def write(self) -> None:
        """Every row in bulk; a carried-out verwijzing decision with its verwijzing (the same
        organisation and deciders, made on the day the decision was carried out; an older one
        has started)."""
        from models.enums import VerwijzingStatus
        from models.verwijzing import Verwijzing, VerwijzingMember, VerwijzingStatusChange

        for household_id, decision, scenario in self.verwijzingen:
            household = self.households[household_id]
            members = (household.children if scenario.children else household.parents)[:2]
            members = members or (household.parents or household.children)[:1]
            referred_on: date = decision["carried_out_on"]
            if not members or referred_on < household.registered_on:
                decision["carried_out_on"] = None  # nobody to refer: still open
                continue
            verwijzing_id = uuid.uuid4()
            stamp = _stamp(_at(referred_on, 10))
            common = {"verwijzing_id": verwijzing_id, "household_id": household_id, **stamp}
            statuses = [(VerwijzingStatus.AANGEVRAAGD, referred_on)]
            started = referred_on + timedelta(days=self.rng.randrange(10, 40))
            if started <= self.today:
                statuses.append((VerwijzingStatus.GESTART, started))
            status, status_on = statuses[-1]
            self.rows[Verwijzing].append(
                {
                    "id": verwijzing_id,
                    "household_id": household_id,
                    "traject_id": household.traject_id,
                    "referred_on": referred_on,
                    "organisation_id": decision["organisation_id"],
                    "hulpvorm": decision["hulpvorm"],
                    "reason": decision["text"],
                    "decider_1_id": decision["decider_1_id"],
                    "decider_2_id": decision["decider_2_id"],
                    "status": status,
                    "status_on": status_on,
                    **stamp,
                }
            )
            for person_id in members:
                self.rows[VerwijzingMember].append(
                    {"id": uuid.uuid4(), "person_id": person_id, **common}
                )
            for status, on in statuses:
                self.rows[VerwijzingStatusChange].append(
                    {"id": uuid.uuid4(), "status": status, "on": on, "note": "", **common}
                )
        for cls in (
            Meeting,
            MeetingAttendee,
            AgendaItem,
            MeetingDecision,
            Action,
            Verwijzing,
            VerwijzingMember,
            VerwijzingStatusChange,
        ):
            if self.rows[cls]:
                self.session.execute(insert(cls), self.rows[cls])


def demo_meetings(session: Session, today: date, rng: random.Random) -> None:
    """A year of meetings up to ``today``, and the next casuïstiekoverleg planned."""
    writer = _Writer(session, today, rng)
    if len(writer.team) < 2 or not writer.households:
        return
    showcase = fullest_open_household(session)
    last_tuesday = _weekday_before(today, 1)
    last_thursday = _weekday_before(today, 3)
    dated: list[tuple[date, int, Any]] = []
    for week in range(WEEKS - 1, -1, -1):
        on = last_tuesday - timedelta(weeks=week)
        dated.append((on, 0, ("casuistiek", week == 0)))
        if week % 2 == 0:
            dated.append((last_thursday - timedelta(weeks=week), 1, ("werkverdeling", False)))
    mdo_days = [_weekday_before(today, 2) - timedelta(weeks=4 * n + 1) for n in range(12)]
    for n, on in enumerate(sorted(mdo_days)):
        dated.append((on, 2, ("mdo", n)))
    carried: list[uuid.UUID] = []
    for on, _order, (kind, extra) in sorted(dated, key=lambda d: (d[0], d[1])):
        if kind == "casuistiek":
            carried = writer.casuistiek(on, carried, showcase if extra else None)
        elif kind == "werkverdeling":
            writer.werkverdeling(on)
        else:
            running = [
                h
                for h, household in writer.households.items()
                if household.running(on) and household.children and h != showcase
            ]
            if running:
                writer.mdo(on, rng.choice(running), int(extra))
    writer.planned(last_tuesday + timedelta(weeks=1), showcase)
    writer.write()
