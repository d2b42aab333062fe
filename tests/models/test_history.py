"""The correction history keeps every removal: once, for what was removed, and without a BSN."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import households as service
from models import zrm
from models.consents import add_consent, remove_consent
from models.enums import ContactKind, MemberRole
from models.history import REMOVED, removed_values
from models.records import ConsentDraft, ContactDraft, MeasurementDraft, PersonDraft, ScoreDraft
from models.security import ChangeRecord
from tests.helpers import TEST_LOGIN, TODAY, organisation, register

BSN = "999990019"


def _removals(session: Session) -> list[ChangeRecord]:
    session.flush()
    return list(
        session.scalars(
            select(ChangeRecord).where(ChangeRecord.field == REMOVED).order_by(ChangeRecord.at)
        )
    )


def _zrm(levels: dict[str, int]) -> MeasurementDraft:
    scores = tuple(ScoreDraft(code, level) for code, level in levels.items())
    return MeasurementDraft("zrm", "2017", date(2026, 10, 2), "Anouk Verbeek", scores=scores)


def _anna(session: Session) -> tuple[uuid.UUID, uuid.UUID]:
    household_id = register(session, "Bakker")
    anna = service.add_member(
        session,
        household_id,
        PersonDraft("Anna", "Bakker", MemberRole.OUDER, date_of_birth=date(1990, 3, 4), bsn=BSN),
        today=TODAY,
    )
    return household_id, anna


def test_removing_a_member_records_who_was_removed_but_not_their_bsn(session: Session) -> None:
    """Issue 9: removing a member left no trace in the correction history."""
    household_id, anna = _anna(session)
    zrm.save_measurement(session, anna, _zrm({"financien": 2, "huisvesting": 3}), today=TODAY)
    add_consent(
        session,
        household_id,
        ConsentDraft(
            organisation(session, "Huisarts Jansen"), date(2026, 9, 1), "", "Anna", person_id=anna
        ),
        today=TODAY,
    )
    session.flush()
    service.remove_member(session, anna)
    removals = _removals(session)
    person, consent = (
        next(r for r in removals if r.table_name == table) for table in ("person", "consent")
    )
    assert (person.record_id, person.household_id, person.login) == (anna, household_id, TEST_LOGIN)
    assert removed_values(person.old_value) == {
        "first_name": "Anna",
        "infix": "",
        "last_name": "Bakker",
        "role": "ouder",
        "gezag": "False",
        "lives_elsewhere": "False",
        "address": "",
        "address_shielded": "False",
    }
    assert removed_values(consent.old_value)["person_id"] == str(anna)  # her consent lapsed
    # Her ZRM went with her: not copied into the history score by score.
    assert sorted(r.table_name for r in removals) == ["consent", "person"]
    everything = " ".join(r.old_value + r.new_value for r in session.scalars(select(ChangeRecord)))
    assert BSN not in everything and "1990-03-04" not in everything


def test_a_removed_contact_zrm_and_a_score_dropped_in_a_correction_are_recorded(
    session: Session,
) -> None:
    household_id, anna = _anna(session)
    kept = zrm.save_measurement(
        session, anna, _zrm({"financien": 2, "huisvesting": 3}), today=TODAY
    )
    gone = zrm.save_measurement(session, anna, _zrm({"financien": 1}), today=TODAY)
    service.add_contact(
        session,
        household_id,
        ContactDraft(date(2026, 10, 2), ContactKind.HUISBEZOEK, "Gesproken met Anna."),
        today=TODAY,
    )
    session.flush()
    (contact,) = service.load_dossier(session, household_id).contacts
    zrm.update_measurement(session, kept, _zrm({"financien": 3}), today=TODAY)
    zrm.remove_measurement(session, gone)
    service.remove_contact(session, contact.id)
    removals = {
        r.table_name: (r.record_id, removed_values(r.old_value)) for r in _removals(session)
    }
    assert sorted(removals) == ["contact", "measurement", "measurement_score"]
    _score_id, score = removals["measurement_score"]
    assert (score["item_code"], score["level"], score["measurement_id"]) == (
        "huisvesting",
        "3",
        str(kept),
    )
    measurement_id, measurement = removals["measurement"]
    assert (measurement_id, measurement["person_id"]) == (gone, str(anna))
    contact_id, removed_contact = removals["contact"]
    assert (contact_id, removed_contact["note"]) == (contact.id, "Gesproken met Anna.")


def test_a_removal_written_before_this_format_reads_as_nothing(session: Session) -> None:
    assert removed_values("kind=huisbezoek; note=x") == {}
    assert removed_values('["a"]') == {}


def test_consent_removed_on_its_own_is_recorded(session: Session) -> None:
    household_id, _anna_id = _anna(session)
    consent_id = add_consent(
        session,
        household_id,
        ConsentDraft(organisation(session, "School De Linde"), date(2026, 9, 2), "", "Anna"),
        today=TODAY,
    )
    session.flush()
    remove_consent(session, consent_id)
    (removal,) = _removals(session)
    assert (removal.table_name, removal.record_id) == ("consent", consent_id)
    assert removed_values(removal.old_value)["organisation"] == "School De Linde"
