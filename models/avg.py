"""The AVG rights: inzage (all data on one person), vernietiging, and the retention review."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import households as service
from models.access import household_log
from models.consents import list_consents
from models.entities import Household, Person, Traject
from models.errors import NotFound
from models.records import RetentionRow
from models.security import ChangeRecord
from models.zrm import person_measurements


def retention_candidates(
    session: Session, years: int, today: date | None = None
) -> list[RetentionRow]:
    """Dossiers whose trajecten all closed more than ``years`` ago: to review for destruction."""
    today = today or date.today()
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    last_closed = func.max(Traject.closed_on)
    stmt = (
        select(Household.id, Household.dossier_number, Household.name, last_closed)
        .join(Traject, Traject.household_id == Household.id)
        .group_by(Household.id, Household.dossier_number, Household.name)
        .having(func.count(Traject.id) == func.count(Traject.closed_on))  # none still open
        .having(last_closed < limit)
        .order_by(last_closed)
    )
    return [
        RetentionRow(hid, number, name, closed or limit)
        for hid, number, name, closed in session.execute(stmt)
    ]


def destroy_household(session: Session, household_id: uuid.UUID) -> str:
    """Remove a dossier for real: the household, its members, trajecten, contacts,
    consents and its correction history. Returns the dossier number for the log;
    the access log keeps only ids, and the caller adds the destruction to it."""
    household = session.get(Household, household_id)
    if household is None:
        raise NotFound("household")
    number = household.dossier_number
    session.delete(household)
    session.flush()
    session.execute(delete(ChangeRecord).where(ChangeRecord.household_id == household_id))
    return number


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def inzage(session: Session, person_id: uuid.UUID) -> dict[str, Any]:
    """Everything stored about one person, as plain data (for the PDF and the JSON file)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    dossier = service.load_dossier(session, person.household_id)
    history = session.scalars(
        select(ChangeRecord)
        .where(ChangeRecord.household_id == person.household_id)
        .order_by(ChangeRecord.at)
    )
    trajecten = [t for t in (dossier.traject, *dossier.earlier_trajecten) if t is not None]
    return {
        "persoon": {
            "voornaam": person.first_name,
            "tussenvoegsel": person.infix,
            "achternaam": person.last_name,
            "geboortedatum": _date(person.date_of_birth),
            "rol": person.role.value,
            "bsn": person.bsn,
            "vastgelegd_op": person.created_at.isoformat(),
            "vastgelegd_door": person.created_by,
        },
        "huishouden": {
            "dossiernummer": dossier.dossier_number,
            "naam": dossier.household.name,
            "adres": f"{dossier.household.street} {dossier.household.house_number}".strip(),
            "postcode": dossier.household.postcode,
            "woonplaats": dossier.household.city,
            "telefoon": dossier.household.phone,
            "gezinsleden": [m.full_name for m in dossier.members],
        },
        "trajecten": [
            {
                "aanmelddatum": _date(t.registered_on),
                "herkomst": t.herkomst,
                "vraag": t.question,
                "fase": t.phase.value,
                "aard": t.aard,
                "ernst": t.ernst,
                "urgentie": t.urgentie,
                "afgesloten_op": _date(t.closed_on),
                "afsluitreden": t.close_reason,
                "regisseurs": [
                    {"naam": r.name, "van": _date(r.start_on), "tot": _date(r.end_on)}
                    for r in t.regisseurs
                ],
                "verloop": [
                    {"datum": _date(e.event_date), "soort": e.kind.value, "toelichting": e.note}
                    for e in t.events
                ],
            }
            for t in trajecten
        ],
        "contactmomenten": [
            {
                "datum": _date(c.contact_date),
                "soort": c.kind.value,
                "medewerker": c.medewerker,
                "notitie": c.note,
            }
            for c in dossier.contacts
        ],
        "toestemmingen": [
            {
                "organisatie": c.organisation,
                "doel": c.purpose,
                "gegeven_door": c.given_by,
                "datum": _date(c.given_on),
                "geldig_tot": _date(c.valid_until),
                "geweigerd": c.refused,
                "betreft": c.person or "het hele huishouden",
            }
            for c in list_consents(session, person.household_id)
            if c.person_id in (None, person_id)
        ],
        "zrm_metingen": [
            {
                "datum": _date(m.measured_on),
                "instrument": f"{m.draft.instrument_code} {m.draft.instrument_version}",
                "beoordelaar": m.draft.assessor,
                "volledig": m.complete,
                "scores": {
                    s.item_code: {
                        "niveau": s.level,
                        "niet_beoordeeld": s.not_assessed,
                        "doel": s.target,
                        "opmerking": s.remark,
                    }
                    for s in m.draft.scores
                },
            }
            for m in person_measurements(session, person_id)
        ],
        "wijzigingen": [
            {
                "wanneer": h.at.isoformat(),
                "door": h.login,
                "gegeven": f"{h.table_name}.{h.field}",
                "was": h.old_value,
                "werd": h.new_value,
            }
            for h in history
        ],
        "inzage_in_dossier": [
            {"wanneer": line.at.isoformat(), "door": line.login, "handeling": line.action.value}
            for line in household_log(session, person.household_id)
        ],
    }
