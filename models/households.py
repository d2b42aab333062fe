"""Household dossier services: register, find, read whole and change a household.

Every function takes the caller's ``Session`` and never creates or commits one;
the caller decides the transaction (one per user action).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session, selectinload

import models.history  # noqa: F401  (records every correction)
from models.base import get_or_raise
from models.codelists import load_codelists
from models.consents import consent_record
from models.entities import (
    Consent,
    Contact,
    Household,
    Measurement,
    Medewerker,
    Person,
    RegisseurAssignment,
    Traject,
    TrajectEvent,
)
from models.enums import EventKind, Phase, Safety
from models.errors import NotFound, Rule, RuleViolation
from models.records import (
    Closure,
    ContactDraft,
    ContactRecord,
    DossierWarning,
    EventRecord,
    HouseholdDossier,
    HouseholdDraft,
    HouseholdRow,
    HouseholdSort,
    MedewerkerRecord,
    PersonDraft,
    PersonRecord,
    PhaseChange,
    RegisseurChange,
    RegisseurRecord,
    RegistrationDraft,
    ScaleEvent,
    TrajectDraft,
    TrajectRecord,
    WarningKind,
    birthday,
    full_name,
)
from models.rules import (
    CLOSURE,
    CONTACT,
    HOUSEHOLD,
    MEDEWERKER,
    PERSON,
    SCALE_DOWN,
    SCALE_UP,
    Spec,
    check_draft,
    check_fields,
    earliest_event_date,
)
from models.search import match_clause, search_text, sort_name, split_surname
from models.security import Account
from models.taxatie import HouseholdSafety
from models.validation import (
    Problem,
    ValidationError,
    check_bsn,
    check_date,
    check_postcode,
    normalize_bsn,
    normalize_postcode,
)

TURNS_18_WARNING_MONTHS = 6


# --- validation of drafts ------------------------------------------------------------


def _raise_if(
    problems: dict[str, Problem | None], spec: Spec | None = None, draft: object = None
) -> None:
    """Raise the problems found, those of the draft's field rules first (one per field)."""
    found = check_draft(spec, draft) if spec else {}
    for name, problem in problems.items():
        if problem is not None:
            found.setdefault(name, problem)
    if found:
        raise ValidationError(found)


def _check_code(list_name: str, code: str) -> Problem | None:
    if code and not load_codelists().has(list_name, code):
        return Problem.UNKNOWN_CODE
    return None


def validate_household(draft: HouseholdDraft) -> None:
    _raise_if({"postcode": check_postcode(draft.postcode)}, HOUSEHOLD, draft)


def validate_traject(draft: TrajectDraft, today: date) -> None:
    _raise_if(
        {
            "registered_on": check_date(draft.registered_on, not_after=today),
            "herkomst": _check_code("herkomst", draft.herkomst),
            "aard": _check_code("aard", draft.aard),
            "ernst": _check_code("ernst", draft.ernst),
            "urgentie": _check_code("urgentie", draft.urgentie),
        }
    )


def validate_person(draft: PersonDraft, today: date) -> None:
    _raise_if(
        {
            "date_of_birth": (
                check_date(draft.date_of_birth, not_after=today) if draft.date_of_birth else None
            ),
            "bsn": check_bsn(draft.bsn),
        },
        PERSON,
        draft,
    )


# --- medewerkers ---------------------------------------------------------------------


def list_medewerkers(session: Session, *, active_only: bool = False) -> list[MedewerkerRecord]:
    stmt = select(Medewerker).order_by(Medewerker.name)
    if active_only:
        stmt = stmt.where(Medewerker.active.is_(True))
    return [MedewerkerRecord(m.id, m.name, m.discipline, m.active) for m in session.scalars(stmt)]


def add_medewerker(session: Session, name: str, discipline: str) -> uuid.UUID:
    problems = check_fields(MEDEWERKER, {"name": name, "discipline": discipline})
    _raise_if({"discipline": _check_code("discipline", discipline), **problems})
    medewerker = Medewerker(name=name.strip(), discipline=discipline, active=True)
    session.add(medewerker)
    session.flush()
    return medewerker.id


def own_medewerker(session: Session, account_id: uuid.UUID, name: str) -> uuid.UUID | None:
    """The team member an account is: the active medewerker linked to it, or else the one
    active medewerker with the account's name (the name its ZRM scorings are signed with)."""
    linked = session.scalar(
        select(Medewerker.id)
        .join(Account, Account.medewerker_id == Medewerker.id)
        .where(Account.id == account_id, Medewerker.active.is_(True))
    )
    if linked is not None:
        return linked
    wanted = " ".join(name.split()).casefold()
    named = [
        m.id
        for m in list_medewerkers(session, active_only=True)
        if " ".join(m.name.split()).casefold() == wanted
    ]
    return named[0] if len(named) == 1 else None


# --- the household list --------------------------------------------------------------

AnySelect = Select[*tuple[Any, ...]]

_PHASE_RANK = case(
    {phase.value: rank for rank, phase in enumerate(Phase)},
    value=Traject.phase,
    else_=len(Phase),
)


_SAFETY_RANK = case(
    {safety.value: rank for rank, safety in enumerate(Safety)},
    value=HouseholdSafety.safety,
    else_=-1,
)


def _order_by(sort: HouseholdSort, descending: bool) -> list[Any]:
    sort_keys: dict[HouseholdSort, list[Any]] = {
        HouseholdSort.DOSSIER: [],
        HouseholdSort.NAME: [Household.sort_name],
        HouseholdSort.ADDRESS: [Household.street, Household.house_number],
        HouseholdSort.POSTCODE: [Household.postcode],
        HouseholdSort.REGISSEUR: [Medewerker.name.is_(None), Medewerker.name],
        HouseholdSort.STATUS: [_PHASE_RANK],
        # at the same safety a conclusion ranks above a concept (it is more certain)
        HouseholdSort.SAFETY: [_SAFETY_RANK, HouseholdSafety.concept.is_not(True)],
        HouseholdSort.REGISTERED: [Traject.registered_on],
    }
    keys = [*sort_keys[sort], Household.dossier_number]  # a stable order, so pages do not overlap
    return [key.desc() for key in keys] if descending else keys


def _list_joins(stmt: AnySelect, open_only: bool) -> AnySelect:
    join = and_(Traject.household_id == Household.id, Traject.is_current.is_(True))
    if open_only:
        return stmt.join(Traject, join).where(Traject.phase != Phase.AFGESLOTEN)
    return stmt.outerjoin(Traject, join)


def household_list_statement(
    query: str = "",
    *,
    open_only: bool = False,
    sort: HouseholdSort = HouseholdSort.NAME,
    descending: bool = False,
    safety: bool = True,
) -> AnySelect:
    """The SELECT behind the household list; the bench runs it raw as its baseline.

    ``safety``: with the safety column, one join on the maintained ``household_safety`` row
    (the bench compares the list with and without it)."""
    columns: list[Any] = [
        Household.id,
        Household.dossier_number,
        Household.name,
        Household.street,
        Household.house_number,
        Household.postcode,
        Medewerker.name,
        Traject.phase,
        Traject.registered_on,
    ]
    if safety:
        columns += [HouseholdSafety.safety, HouseholdSafety.concept]
    stmt: AnySelect = select(*columns)
    stmt = _list_joins(stmt, open_only)
    if safety:
        stmt = stmt.outerjoin(HouseholdSafety, HouseholdSafety.household_id == Household.id)
    stmt = stmt.outerjoin(
        RegisseurAssignment,
        and_(RegisseurAssignment.traject_id == Traject.id, RegisseurAssignment.end_on.is_(None)),
    ).outerjoin(Medewerker, Medewerker.id == RegisseurAssignment.medewerker_id)
    return stmt.where(match_clause(query)).order_by(*_order_by(sort, descending))


def household_count_statement(query: str = "", *, open_only: bool = False) -> AnySelect:
    stmt = _list_joins(select(func.count()).select_from(Household), open_only)
    return stmt.where(match_clause(query))


def search_households(
    session: Session,
    query: str = "",
    *,
    open_only: bool = False,
    sort: HouseholdSort = HouseholdSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[HouseholdRow]:
    """Households whose name, members, BSN, postcode or dossier number match every word.

    The list asks for one page at a time (``offset``/``limit``), so a search over
    20,000 households costs what one screenful costs.
    """
    stmt = household_list_statement(query, open_only=open_only, sort=sort, descending=descending)
    rows = session.execute(stmt.offset(offset).limit(limit))
    return [
        HouseholdRow(
            id=hid,
            dossier_number=number,
            name=name,
            address=f"{street} {house}".strip(),
            postcode=postcode,
            regisseur=regisseur or "",
            phase=phase,
            registered_on=registered_on,
            safety=safety,
            safety_concept=bool(concept),
        )
        for (
            hid,
            number,
            name,
            street,
            house,
            postcode,
            regisseur,
            phase,
            registered_on,
            safety,
            concept,
        ) in rows
    ]


def count_matching(session: Session, query: str = "", *, open_only: bool = False) -> int:
    return session.scalar(household_count_statement(query, open_only=open_only)) or 0


def count_households(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Household)) or 0


def fullest_open_household(session: Session) -> uuid.UUID | None:
    """The open household with the most ZRMs, then members, then contacts: chosen from
    counts alone, so no dossier is read to choose it (for pictures of the screens)."""

    def count(household_id: Any) -> Any:
        return (
            select(func.count())
            .where(household_id == Household.id)
            .correlate(Household)
            .scalar_subquery()
        )

    stmt = _list_joins(select(Household.id), open_only=True).order_by(
        count(Measurement.household_id).desc(),
        count(Person.household_id).desc(),
        count(Contact.household_id).desc(),
        Household.dossier_number,
    )
    return session.scalar(stmt.limit(1))


# --- registering and editing ----------------------------------------------------------


def _next_dossier_number(session: Session, year: int) -> str:
    prefix = f"{year}-"
    highest = session.scalar(
        select(func.max(Household.dossier_number)).where(
            Household.dossier_number.like(prefix + "%")
        )
    )
    sequence = int(highest.split("-")[1]) + 1 if highest else 1
    return f"{prefix}{sequence:05d}"


def refresh_search_text(household: Household) -> None:
    parts: list[str | None] = [household.dossier_number, household.name, household.postcode]
    parts.append(household.street)
    for person in household.members:
        parts += [person.first_name, person.infix, person.last_name, person.bsn]
    household.search_text = search_text(parts)


def _apply_household(household: Household, draft: HouseholdDraft) -> None:
    household.name = draft.name.strip()
    household.sort_name = sort_name(household.name)
    household.street = draft.street.strip()
    household.house_number = draft.house_number.strip()
    household.postcode = normalize_postcode(draft.postcode) if draft.postcode.strip() else ""
    household.city = draft.city.strip()
    household.phone = draft.phone.strip()


def _apply_traject(traject: Traject, draft: TrajectDraft) -> None:
    traject.registered_on = draft.registered_on
    traject.herkomst = draft.herkomst
    traject.question = draft.question.strip()
    traject.aard = draft.aard
    traject.ernst = draft.ernst
    traject.urgentie = draft.urgentie


def _new_traject(session: Session, household: Household, draft: TrajectDraft) -> Traject:
    for earlier in household.trajecten:
        earlier.is_current = False
    traject = Traject(phase=Phase.AANGEMELD, is_current=True)
    _apply_traject(traject, draft)
    traject.events.append(
        TrajectEvent(
            event_date=draft.registered_on, kind=EventKind.AANGEMELD, to_phase=Phase.AANGEMELD
        )
    )
    if draft.regisseur_id is not None:
        get_or_raise(session, Medewerker, draft.regisseur_id)
        traject.regisseurs.append(
            RegisseurAssignment(medewerker_id=draft.regisseur_id, start_on=draft.registered_on)
        )
    household.trajecten.append(traject)
    return traject


def register_household(
    session: Session, draft: RegistrationDraft, *, today: date | None = None
) -> uuid.UUID:
    today = today or date.today()
    validate_household(draft.household)
    validate_traject(draft.traject, today)
    household = Household(dossier_number=_next_dossier_number(session, today.year))
    _apply_household(household, draft.household)
    _new_traject(session, household, draft.traject)
    refresh_search_text(household)
    session.add(household)
    session.flush()
    return household.id


def update_household(session: Session, household_id: uuid.UUID, draft: HouseholdDraft) -> None:
    validate_household(draft)
    household = get_or_raise(session, Household, household_id)
    _apply_household(household, draft)
    refresh_search_text(household)


def _apply_person(person: Person, draft: PersonDraft) -> None:
    person.first_name = draft.first_name.strip()
    person.infix = draft.infix.strip()
    person.last_name = draft.last_name.strip()
    person.date_of_birth = draft.date_of_birth
    person.role = draft.role
    person.bsn = normalize_bsn(draft.bsn)
    person.gezag = draft.gezag
    person.lives_elsewhere = draft.lives_elsewhere
    person.address = draft.address.strip() if draft.lives_elsewhere else ""
    person.address_shielded = draft.address_shielded


def add_member(
    session: Session, household_id: uuid.UUID, draft: PersonDraft, *, today: date | None = None
) -> uuid.UUID:
    validate_person(draft, today or date.today())
    household = get_or_raise(session, Household, household_id)
    person = Person()
    _apply_person(person, draft)
    household.members.append(person)
    refresh_search_text(household)
    session.flush()
    return person.id


def update_member(
    session: Session, person_id: uuid.UUID, draft: PersonDraft, *, today: date | None = None
) -> None:
    validate_person(draft, today or date.today())
    person = get_or_raise(session, Person, person_id)
    _apply_person(person, draft)
    refresh_search_text(person.household)


def dossiers_with_bsn(
    session: Session, bsn: str, *, except_person: uuid.UUID | None = None
) -> list[str]:
    """The dossier numbers where this BSN is already registered (to someone other than
    ``except_person``), sorted; nothing for a text that is not a valid BSN. Only numbers: the
    caller warns without showing who."""
    if check_bsn(bsn) is not None or (normalized := normalize_bsn(bsn)) is None:
        return []
    stmt = (
        select(Household.dossier_number)
        .join(Person, Person.household_id == Household.id)
        .where(Person.bsn == normalized)
        .distinct()
        .order_by(Household.dossier_number)
    )
    if except_person is not None:
        stmt = stmt.where(Person.id != except_person)
    return list(session.scalars(stmt))


def remove_member(session: Session, person_id: uuid.UUID) -> None:
    person = get_or_raise(session, Person, person_id)
    household = person.household
    for consent in [c for c in household.consents if c.person_id == person.id]:
        household.consents.remove(consent)  # a consent for someone no longer here lapses
    household.members.remove(person)
    refresh_search_text(household)


# --- the traject ----------------------------------------------------------------------


def _open_traject(session: Session, traject_id: uuid.UUID) -> Traject:
    traject = get_or_raise(session, Traject, traject_id)
    if traject.phase is Phase.AFGESLOTEN:
        raise RuleViolation(Rule.TRAJECT_CLOSED)
    return traject


def _check_event_date(traject: Traject, on: date, today: date, field: str = "on") -> None:
    """Not in the future, and not before the aanmelding nor the traject's latest event."""
    earliest = earliest_event_date(
        traject.registered_on,
        [*(e.event_date for e in traject.events), *(r.start_on for r in traject.regisseurs)],
    )
    _raise_if({field: check_date(on, not_after=today, not_before=earliest)})


def update_traject(
    session: Session, traject_id: uuid.UUID, draft: TrajectDraft, *, today: date | None = None
) -> None:
    """Correct the aanmelding and triage; the regisseur changes through change_regisseur.

    The aanmelddatum may move, but not past a later step of the traject: its course keeps
    reading in order. The 'aangemeld' event moves with it.
    """
    validate_traject(draft, today or date.today())
    traject = get_or_raise(session, Traject, traject_id)
    later_steps = [e.event_date for e in traject.events if e.kind is not EventKind.AANGEMELD]
    later_steps += [r.start_on for r in traject.regisseurs]
    if later_steps and draft.registered_on > min(later_steps):
        raise ValidationError({"registered_on": Problem.DATE_AFTER_EVENTS})
    for event in traject.events:
        if event.kind is EventKind.AANGEMELD:
            event.event_date = draft.registered_on
    _apply_traject(traject, draft)


def start_traject(
    session: Session, household_id: uuid.UUID, draft: TrajectDraft, *, today: date | None = None
) -> uuid.UUID:
    """A new aanmelding for a household whose earlier traject was closed."""
    validate_traject(draft, today or date.today())
    household = get_or_raise(session, Household, household_id)
    if any(t.phase is not Phase.AFGESLOTEN for t in household.trajecten):
        raise RuleViolation(Rule.OPEN_TRAJECT_EXISTS)
    traject = _new_traject(session, household, draft)
    session.flush()
    return traject.id


def change_regisseur(
    session: Session, traject_id: uuid.UUID, change: RegisseurChange, *, today: date | None = None
) -> None:
    traject = _open_traject(session, traject_id)
    medewerker = get_or_raise(session, Medewerker, change.medewerker_id)
    if not medewerker.active:
        raise RuleViolation(Rule.INACTIVE_MEDEWERKER)
    current = next((a for a in traject.regisseurs if a.end_on is None), None)
    earliest = current.start_on if current else traject.registered_on
    _raise_if({"on": check_date(change.on, not_after=today or date.today(), not_before=earliest)})
    if current is not None:
        if current.medewerker_id == change.medewerker_id:
            raise RuleViolation(Rule.SAME_REGISSEUR)
        current.end_on = change.on
    traject.regisseurs.append(
        RegisseurAssignment(medewerker_id=change.medewerker_id, start_on=change.on)
    )


def change_phase(
    session: Session, traject_id: uuid.UUID, change: PhaseChange, *, today: date | None = None
) -> None:
    traject = _open_traject(session, traject_id)
    if change.phase is Phase.AFGESLOTEN:
        raise RuleViolation(Rule.CLOSE_VIA_CLOSURE)
    if change.phase is traject.phase:
        raise RuleViolation(Rule.SAME_PHASE)
    _check_event_date(traject, change.on, today or date.today())
    traject.events.append(
        TrajectEvent(
            event_date=change.on,
            kind=EventKind.FASE,
            from_phase=traject.phase,
            to_phase=change.phase,
            note=change.note.strip(),
        )
    )
    traject.phase = change.phase


def record_scale_event(
    session: Session, traject_id: uuid.UUID, scale: ScaleEvent, *, today: date | None = None
) -> None:
    """Opschalen (to whom, why, who is responsible now) or afschalen (to what)."""
    if scale.kind not in (EventKind.OPSCHALEN, EventKind.AFSCHALEN):
        raise ValueError(f"not a scale event: {scale.kind}")
    traject = _open_traject(session, traject_id)
    up = scale.kind is EventKind.OPSCHALEN
    spec, codes = (SCALE_UP, "opschaaldoel") if up else (SCALE_DOWN, "afschaaldoel")
    _raise_if({"target": _check_code(codes, scale.target)}, spec, scale)
    _check_event_date(traject, scale.on, today or date.today())
    traject.events.append(
        TrajectEvent(
            event_date=scale.on,
            kind=scale.kind,
            note=scale.note.strip(),
            scale_target=scale.target,
            scale_reason=scale.reason.strip() if up else None,
            responsible=scale.responsible.strip() if up else None,
        )
    )


def close_traject(
    session: Session, traject_id: uuid.UUID, closure: Closure, *, today: date | None = None
) -> None:
    traject = _open_traject(session, traject_id)
    _check_event_date(traject, closure.on, today or date.today())
    _raise_if({"reason": _check_code("afsluitreden", closure.reason)}, CLOSURE, closure)
    traject.events.append(
        TrajectEvent(
            event_date=closure.on,
            kind=EventKind.AFGESLOTEN,
            from_phase=traject.phase,
            to_phase=Phase.AFGESLOTEN,
            note=closure.note.strip(),
        )
    )
    traject.phase = Phase.AFGESLOTEN
    traject.closed_on = closure.on
    traject.close_reason = closure.reason
    for assignment in traject.regisseurs:
        if assignment.end_on is None:
            assignment.end_on = closure.on


# --- contacts -------------------------------------------------------------------------


def _check_contact(draft: ContactDraft, today: date) -> None:
    _raise_if({"contact_date": check_date(draft.contact_date, not_after=today)}, CONTACT, draft)


def add_contact(
    session: Session, household_id: uuid.UUID, draft: ContactDraft, *, today: date | None = None
) -> uuid.UUID:
    _check_contact(draft, today or date.today())
    household = get_or_raise(session, Household, household_id)
    contact = Contact(
        contact_date=draft.contact_date,
        kind=draft.kind,
        note=draft.note.strip(),
        medewerker_id=draft.medewerker_id,
    )
    household.contacts.append(contact)
    session.flush()
    return contact.id


def update_contact(
    session: Session, contact_id: uuid.UUID, draft: ContactDraft, *, today: date | None = None
) -> None:
    _check_contact(draft, today or date.today())
    contact = get_or_raise(session, Contact, contact_id)
    contact.contact_date = draft.contact_date
    contact.kind = draft.kind
    contact.note = draft.note.strip()
    contact.medewerker_id = draft.medewerker_id


def remove_contact(session: Session, contact_id: uuid.UUID) -> None:
    contact = get_or_raise(session, Contact, contact_id)
    contact.household.contacts.remove(contact)  # delete-orphan removes the row


# --- reading a dossier whole ------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def dossier_warnings(
    members: tuple[PersonRecord, ...], traject: TrajectRecord | None, today: date
) -> tuple[DossierWarning, ...]:
    """What the household screen must flag: an 18th birthday close by, no regisseur."""
    warnings: list[DossierWarning] = []
    horizon = _add_months(today, TURNS_18_WARNING_MONTHS)
    for person in members:
        if person.date_of_birth is None:
            continue
        eighteen = birthday(person.date_of_birth, 18)
        if today < eighteen <= horizon:
            warnings.append(DossierWarning(WarningKind.TURNS_18, person.full_name, eighteen))
    if traject is not None and traject.is_open and traject.regisseur is None:
        warnings.append(DossierWarning(WarningKind.NO_REGISSEUR))
    return tuple(warnings)


def _traject_record(traject: Traject) -> TrajectRecord:
    return TrajectRecord(
        id=traject.id,
        registered_on=traject.registered_on,
        herkomst=traject.herkomst,
        question=traject.question,
        phase=traject.phase,
        aard=traject.aard,
        ernst=traject.ernst,
        urgentie=traject.urgentie,
        closed_on=traject.closed_on,
        close_reason=traject.close_reason,
        regisseurs=tuple(
            RegisseurRecord(a.medewerker_id, a.medewerker.name, a.start_on, a.end_on)
            for a in traject.regisseurs
        ),
        events=tuple(
            EventRecord(
                e.event_date,
                e.kind,
                e.from_phase,
                e.to_phase,
                e.note,
                e.scale_target or "",
                e.scale_reason or "",
                e.responsible or "",
            )
            for e in sorted(traject.events, key=lambda e: (e.event_date, e.created_at))
        ),
    )


def proposed_surname(dossier: HouseholdDossier) -> tuple[str, str]:
    """The tussenvoegsel and achternaam a new member most likely has: those of the first
    member listed (the oldest), or else the household's name ('De Vries' -> 'de', 'Vries')."""
    if dossier.members:
        first = dossier.members[0]
        return first.infix, first.last_name
    return split_surname(dossier.household.name)


def load_dossier(
    session: Session, household_id: uuid.UUID, *, today: date | None = None
) -> HouseholdDossier:
    today = today or date.today()
    household = session.scalars(
        select(Household)
        .where(Household.id == household_id)
        .options(
            selectinload(Household.members),
            selectinload(Household.contacts).selectinload(Contact.medewerker),
            selectinload(Household.consents).selectinload(Consent.organisation_record),
            selectinload(Household.trajecten).selectinload(Traject.events),
            selectinload(Household.trajecten)
            .selectinload(Traject.regisseurs)
            .selectinload(RegisseurAssignment.medewerker),
        )
    ).one_or_none()
    if household is None:
        raise NotFound("household not found")
    members = tuple(
        PersonRecord(
            p.id,
            p.first_name,
            p.infix,
            p.last_name,
            p.date_of_birth,
            p.role,
            p.bsn,
            p.gezag,
            p.lives_elsewhere,
            p.address,
            p.address_shielded,
        )
        for p in sorted(
            household.members,
            key=lambda p: (p.date_of_birth or date.max, full_name(p.first_name, "", p.last_name)),
        )
    )
    names = {m.id: m.full_name for m in members}
    trajecten = sorted(household.trajecten, key=lambda t: (t.registered_on, t.created_at))
    records = [_traject_record(t) for t in trajecten]
    current = records[-1] if records else None
    contacts = tuple(
        ContactRecord(
            c.id,
            c.contact_date,
            c.kind,
            c.note,
            c.medewerker_id,
            c.medewerker.name if c.medewerker else "",
        )
        for c in sorted(
            household.contacts, key=lambda c: (c.contact_date, c.created_at), reverse=True
        )
    )
    return HouseholdDossier(
        id=household.id,
        dossier_number=household.dossier_number,
        household=HouseholdDraft(
            name=household.name,
            street=household.street,
            house_number=household.house_number,
            postcode=household.postcode,
            city=household.city,
            phone=household.phone,
        ),
        members=members,
        traject=current,
        earlier_trajecten=tuple(reversed(records[:-1])),
        contacts=contacts,
        warnings=dossier_warnings(members, current, today),
        consents=tuple(
            consent_record(c, names.get(c.person_id, "") if c.person_id else "")
            for c in sorted(
                household.consents, key=lambda c: (c.given_on, c.created_at), reverse=True
            )
        ),
    )


def find_household_id(session: Session, dossier_number: str) -> uuid.UUID | None:
    return session.scalar(select(Household.id).where(Household.dossier_number == dossier_number))
