"""A fixed synthetic team for the coordinator's overview, built through the real services.

The period is September 1 to TODAY (25 November 2026, the peildatum). Every row inserted is
also kept in plain Python (:class:`Built`), so a test computes what a figure should be from
what went in, without the overview's own code. Each household exercises an edge:

- ``aydin``: registered on the first day of the period (regisseur Anouk), huisbezoek after 4
  days, phase plan after 19; a child turning 18 five days after the peildatum, one on the
  last day of the six months; an overdue open action, a done one and one due today.
- ``bakker``: an e-mail-like contact ('overig') the day after the aanmelding (no first
  contact), telefoon after 15 days, plan after 35; closed on the peildatum itself.
- ``claes``: registered in 2024, handed over from Anouk to Bram on the peildatum; no contact
  since 2024; a verwijzing in 2025; ZRM 2017 and 2013 measurements two years apart.
- ``de_wit``: no regisseur and no contact; a member without a date of birth.
- ``el_amrani``: regisseur Bram two days after the aanmelding, overleg after 31 days; a child
  without BSN and nobody with gezag; a verwijzing still aangevraagd; an overdue re-assessment.
- ``fransen``: from January 2025, closed in October 2026 (over a year); a verwijzing in the
  period that got started; a child (of a closed traject: not counted anywhere).
- ``gerritsen``: a first traject closed the day before the period (with a verwijzing and a
  contact in it), a second from 15 September without regisseur and without contact since.
- ``hendriks``: ZRM: a parent with two complete measurements (niet beoordeeld in some items),
  an incomplete third one, a child with one complete measurement; a member turning 18 on
  the peildatum itself.
- ``jansen``: regisseur Bram; a huisbezoek before the aanmelding and an 'overig' contact
  after it: no first contact.
- ``koster``: from June 2025 (Bram), nothing changed since, a telefoon in October.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import actions, taxatie, verwijzing, zrm
from models import households as service
from models.entities import Traject
from models.enums import (
    ActionOwner,
    ActionStatus,
    ContactKind,
    FactorAnswer,
    MemberRole,
    Phase,
    Risk,
    Safety,
    VerwijzingStatus,
)
from models.instruments import shipped_instruments
from models.permissions import Actor, Role
from models.records import (
    ActionDraft,
    Closure,
    ContactDraft,
    FactorDraft,
    HouseholdDraft,
    MeasurementDraft,
    PersonDraft,
    PhaseChange,
    RegisseurChange,
    RegistrationDraft,
    ScoreDraft,
    StatusDraft,
    TaxatieDraft,
    TrajectDraft,
    VerwijzingDraft,
)
from tests.helpers import TODAY, organisation

START = date(2026, 9, 1)
END = TODAY  # the peildatum
VALID_BSN = "111222333"


@dataclass
class TrajectRow:
    household: str  # the key of the household in Built.households
    registered_on: date
    herkomst: str
    closed_on: date | None = None
    close_reason: str | None = None
    to_plan: date | None = None
    # (medewerker key, start, end)
    regisseurs: list[tuple[str, date, date | None]] = field(default_factory=list)
    events: list[date] = field(default_factory=list)  # every traject event and regisseur start
    id: uuid.UUID | None = None


@dataclass
class MemberRow:
    household: str
    born: date | None
    bsn: bool
    gezag: bool


@dataclass
class MeasurementRow:
    person: str
    household: str
    version: str
    on: date
    levels: dict[str, int | None]  # None: niet beoordeeld; a missing item: not answered
    complete: bool


@dataclass
class Built:
    households: dict[str, uuid.UUID] = field(default_factory=dict)
    medewerkers: dict[str, uuid.UUID] = field(default_factory=dict)
    medewerker_names: dict[str, str] = field(default_factory=dict)
    trajecten: list[TrajectRow] = field(default_factory=list)
    contacts: list[tuple[str, date, ContactKind]] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    # (household, referred_on, organisation name, hulpvorm, status now)
    verwijzingen: list[tuple[str, date, str, str, VerwijzingStatus]] = field(default_factory=list)
    overdue_actions: list[str] = field(default_factory=list)  # household keys
    overdue_taxaties: list[str] = field(default_factory=list)

    def key_of(self, household_id: uuid.UUID | str) -> str:
        hex_id = household_id if isinstance(household_id, str) else household_id.hex
        return next(k for k, v in self.households.items() if v.hex == hex_id)


AUTHOR = Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)


class _Builder:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.b = Built()
        self.persons: dict[str, uuid.UUID] = {}

    def medewerker(self, key: str, name: str) -> None:
        self.b.medewerkers[key] = service.add_medewerker(self.s, name, "generalist")
        self.b.medewerker_names[key] = name

    def household(
        self, key: str, on: date, herkomst: str, regisseur: str | None = None
    ) -> TrajectRow:
        draft = RegistrationDraft(
            HouseholdDraft(
                name=key.replace("_", " ").title(),
                street="Kastanjelaan",
                house_number="12",
                postcode="1234 AB",
            ),
            TrajectDraft(
                registered_on=on,
                herkomst=herkomst,
                regisseur_id=self.b.medewerkers[regisseur] if regisseur else None,
            ),
        )
        self.b.households[key] = service.register_household(self.s, draft, today=TODAY)
        row = TrajectRow(key, on, herkomst, events=[on])
        if regisseur:
            row.regisseurs.append((regisseur, on, None))
        row.id = self._current(key)
        self.b.trajecten.append(row)
        return row

    def new_traject(self, key: str, on: date, herkomst: str) -> TrajectRow:
        traject_id = service.start_traject(
            self.s, self.b.households[key], TrajectDraft(registered_on=on, herkomst=herkomst),
            today=TODAY,
        )  # fmt: skip
        row = TrajectRow(key, on, herkomst, events=[on], id=traject_id)
        self.b.trajecten.append(row)
        return row

    def _current(self, key: str) -> uuid.UUID:
        return self.s.scalars(
            select(Traject.id).where(
                Traject.household_id == self.b.households[key], Traject.is_current.is_(True)
            )
        ).one()

    def plan(self, row: TrajectRow, on: date) -> None:
        assert row.id is not None
        service.change_phase(self.s, row.id, PhaseChange(Phase.PLAN, on), today=TODAY)
        row.to_plan = row.to_plan or on
        row.events.append(on)

    def handover(self, row: TrajectRow, to: str, on: date) -> None:
        assert row.id is not None
        service.change_regisseur(
            self.s, row.id, RegisseurChange(self.b.medewerkers[to], on), today=TODAY
        )
        if row.regisseurs:
            who, start, _end = row.regisseurs[-1]
            row.regisseurs[-1] = (who, start, on)
        row.regisseurs.append((to, on, None))
        row.events.append(on)

    def close(self, row: TrajectRow, on: date, reason: str) -> None:
        assert row.id is not None
        service.close_traject(self.s, row.id, Closure(on, reason), today=TODAY)
        row.closed_on, row.close_reason = on, reason
        row.regisseurs = [(w, s, e if e is not None else on) for w, s, e in row.regisseurs]
        row.events.append(on)

    def contact(self, key: str, on: date, kind: ContactKind) -> None:
        service.add_contact(self.s, self.b.households[key], ContactDraft(on, kind), today=TODAY)
        self.b.contacts.append((key, on, kind))

    def member(
        self,
        key: str,
        person: str,
        born: date | None,
        *,
        role: MemberRole = MemberRole.KIND,
        bsn: bool = False,
        gezag: bool = False,
    ) -> uuid.UUID:
        draft = PersonDraft(
            person.title(),
            key.title(),
            role,
            date_of_birth=born,
            bsn=VALID_BSN if bsn else "",
            gezag=gezag,
        )
        person_id = service.add_member(self.s, self.b.households[key], draft, today=TODAY)
        self.persons[person] = person_id
        self.b.members.append(MemberRow(key, born, bsn, gezag))
        return person_id

    def measure(
        self,
        person: str,
        key: str,
        on: date,
        levels: dict[str, int | None],
        version: str = "2017",
    ) -> None:
        items = [i.code for i in shipped_instruments()[("zrm", version)].items]
        scores = tuple(
            ScoreDraft(code, levels[code], not_assessed=levels[code] is None)
            for code in items
            if code in levels
        )
        draft = MeasurementDraft("zrm", version, on, "Anouk Verbeek", scores)
        zrm.save_measurement(self.s, self.persons[person], draft, today=TODAY)
        complete = all(code in levels for code in items)
        self.b.measurements.append(MeasurementRow(person, key, version, on, levels, complete))

    def refer(
        self, key: str, on: date, org: tuple[str, uuid.UUID], hulpvorm: str, member: str
    ) -> uuid.UUID:
        made = verwijzing.make_verwijzing(
            self.s,
            VerwijzingDraft(
                on,
                (self.persons[member],),
                org[1],
                hulpvorm,
                "Meer hulp nodig.",
                self.b.medewerkers["anouk"],
                self.b.medewerkers["bram"],
            ),
            household_id=self.b.households[key],
            today=TODAY,
        )
        self.b.verwijzingen.append((key, on, org[0], hulpvorm, VerwijzingStatus.AANGEVRAAGD))
        return made.id

    def refer_status(self, verwijzing_id: uuid.UUID, status: VerwijzingStatus, on: date) -> None:
        verwijzing.change_status(self.s, verwijzing_id, StatusDraft(status, on), today=TODAY)
        key, made_on, org, hulpvorm, _old = self.b.verwijzingen[-1]
        self.b.verwijzingen[-1] = (key, made_on, org, hulpvorm, status)

    def action(self, key: str, due: date, *, done: bool = False) -> None:
        action_id = actions.add_action(
            self.s,
            self.b.households[key],
            ActionDraft(
                "Afspraak maken",
                ActionOwner.MEDEWERKER,
                due,
                medewerker_id=self.b.medewerkers["anouk"],
            ),
            not_before=due - timedelta(days=7),
        )
        if done:
            actions.set_status(self.s, action_id, ActionStatus.GEDAAN, due)
        elif due < END:
            self.b.overdue_actions.append(key)


def _taxatie(person_id: uuid.UUID | None, on: date) -> TaxatieDraft:
    factors = tuple(
        FactorDraft(f.code, FactorAnswer.ONBEKEND) for f in taxatie.instrument().factors
    )
    return TaxatieDraft(person_id, on, factors, Safety.ONVEILIG, Risk.HOOG, "Zorgen.")


def _levels(value: int, version: str = "2017", **changes: int | None) -> dict[str, int | None]:
    items = [i.code for i in shipped_instruments()[("zrm", version)].items]
    return {**{code: value for code in items}, **changes}


def build(session: Session) -> Built:
    """The fixed team (see the module docstring); flushed, not committed."""
    x = _Builder(session)
    x.medewerker("anouk", "Anouk Verbeek")
    x.medewerker("bram", "Bram de Boer")
    ggz = ("GGZ Voorbeeldstad", organisation(session, "GGZ Voorbeeldstad", "ggz"))
    lokaal = ("Lokaal Team", organisation(session, "Lokaal Team", "overig"))

    aydin = x.household("aydin", START, "school", "anouk")
    x.contact("aydin", date(2026, 9, 5), ContactKind.HUISBEZOEK)
    x.plan(aydin, date(2026, 9, 20))
    x.member("aydin", "ouder", date(1980, 1, 1), role=MemberRole.OUDER, bsn=True, gezag=True)
    x.member("aydin", "sam", date(2008, 11, 30), bsn=True)  # 18 on 30 November
    x.member("aydin", "lina", date(2009, 5, 25), bsn=True)  # 18 on 25 May, the last day
    x.action("aydin", date(2026, 11, 20))
    x.action("aydin", date(2026, 11, 10), done=True)
    x.action("aydin", END)  # due today: not over the date

    bakker = x.household("bakker", date(2026, 9, 10), "huisarts", "anouk")
    x.contact("bakker", date(2026, 9, 11), ContactKind.OVERIG)
    x.contact("bakker", date(2026, 9, 25), ContactKind.TELEFOON)
    x.plan(bakker, date(2026, 10, 15))
    x.close(bakker, END, "doelen_bereikt")

    claes = x.household("claes", date(2024, 10, 1), "zelf", "anouk")
    x.contact("claes", date(2024, 10, 2), ContactKind.HUISBEZOEK)
    x.plan(claes, date(2024, 11, 1))
    x.member("claes", "cor", date(1970, 6, 1), role=MemberRole.OUDER, bsn=True, gezag=True)
    x.refer("claes", date(2025, 6, 1), lokaal, "maatschappelijk_werk", "cor")
    x.measure("cor", "claes", date(2024, 11, 1), _levels(2, financien=1))
    x.measure("cor", "claes", date(2026, 10, 1), _levels(3, financien=4, justitie=2))
    x.measure("cor", "claes", date(2024, 11, 2), _levels(2, "2013"), "2013")
    x.measure("cor", "claes", date(2026, 10, 2), _levels(3, "2013", verslaving=1), "2013")
    x.handover(claes, "bram", END)

    x.household("de_wit", date(2026, 10, 5), "school")
    x.member("de_wit", "onbekend", None, role=MemberRole.OUDER, bsn=True, gezag=True)

    el_amrani = x.household("el_amrani", date(2026, 10, 20), "jgz")
    x.handover(el_amrani, "bram", date(2026, 10, 22))
    x.contact("el_amrani", date(2026, 11, 20), ContactKind.OVERLEG)
    x.member("el_amrani", "yara", date(2009, 1, 15))  # no BSN, nobody with gezag
    x.refer("el_amrani", date(2026, 11, 1), ggz, "jeugd_ggz", "yara")
    taxatie.submit(
        session,
        x.b.households["el_amrani"],
        _taxatie(x.persons["yara"], date(2026, 10, 21)),
        AUTHOR,
        today=TODAY,
    )
    x.b.overdue_taxaties.append("el_amrani")  # onveilig: due after 4 weeks, 18 November

    fransen = x.household("fransen", date(2025, 1, 10), "school", "bram")
    x.contact("fransen", date(2025, 1, 15), ContactKind.HUISBEZOEK)
    x.member("fransen", "finn", date(2009, 2, 1))
    made = x.refer("fransen", date(2026, 10, 1), ggz, "jeugd_ggz", "finn")
    x.refer_status(made, VerwijzingStatus.GESTART, date(2026, 10, 10))
    x.close(fransen, date(2026, 10, 31), "verwezen")

    gerritsen = x.household("gerritsen", date(2025, 3, 1), "politie", "bram")
    x.contact("gerritsen", date(2025, 3, 5), ContactKind.HUISBEZOEK)
    x.member("gerritsen", "gijs", date(1990, 1, 1), role=MemberRole.OUDER, bsn=True, gezag=True)
    x.refer("gerritsen", date(2026, 5, 1), lokaal, "schuldhulpverlening", "gijs")
    x.close(gerritsen, START - timedelta(days=1), "gestopt")
    x.new_traject("gerritsen", date(2026, 9, 15), "huisarts")

    hendriks = x.household("hendriks", date(2026, 11, 3), "zelf", "anouk")
    x.contact("hendriks", date(2026, 11, 3), ContactKind.HUISBEZOEK)
    x.plan(hendriks, date(2026, 11, 10))
    x.member("hendriks", "hanna", date(1985, 4, 4), role=MemberRole.OUDER, bsn=True, gezag=True)
    x.member("hendriks", "hugo", date(2008, 11, 25))  # 18 on the peildatum: an adult
    x.measure("hanna", "hendriks", date(2026, 11, 4), _levels(2, financien=1, justitie=None))
    x.measure(
        "hanna", "hendriks", date(2026, 11, 20),
        _levels(3, financien=3, justitie=2, huisvesting=None, werk_opleiding=1),
    )  # fmt: skip
    x.measure("hanna", "hendriks", date(2026, 11, 22), {"financien": 5})  # incomplete
    x.measure("hugo", "hendriks", date(2026, 11, 5), _levels(4))  # only one

    jansen = x.household("jansen", date(2026, 11, 15), "netwerk", "bram")
    x.contact("jansen", date(2026, 11, 1), ContactKind.HUISBEZOEK)  # before the aanmelding
    x.contact("jansen", date(2026, 11, 16), ContactKind.OVERIG)
    del jansen

    x.household("koster", date(2025, 6, 1), "gemeente", "bram")
    x.contact("koster", date(2026, 10, 1), ContactKind.TELEFOON)
    session.flush()
    return x.b
