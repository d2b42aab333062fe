"""The summaries the overview reads (migration 0021) stay equal to the rows they summarise.

``traject.plan_on`` / ``last_event_on`` and ``measurement.answered`` / ``levels`` are kept by
triggers. Whatever writes the rows (the app's services, or a colleague with the key in a SQLite
shell inserting, changing, moving and deleting rows), each summary must equal what the rows
say, and the overview must count what the rows say.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.database import Store
from models import households as service
from models import zrm
from models.enums import ContactKind, MemberRole, Phase
from models.instruments import shipped_instruments
from models.overview import FIRST_CONTACT_KINDS, OverviewFilter, overview
from models.records import (
    Closure,
    ContactDraft,
    MeasurementDraft,
    PersonDraft,
    PhaseChange,
    ScoreDraft,
    TrajectDraft,
)
from tests.helpers import TEST_KEY, TODAY, edit_outside, register

START = date(2026, 1, 1)


def _stale_courses(session: Session) -> list[tuple[object, ...]]:
    """Trajecten whose summary differs from their events and their household's contacts,
    recomputed here from the rows (those on a day that is a real date)."""
    return list(
        session.execute(
            text(
                "SELECT t.id, t.plan_on, t.last_event_on, t.first_contact_on, t.last_contact_on,"
                "  e.plan_on, e.last_event_on, c.first_on, c.last_on FROM traject t"
                " LEFT JOIN ("
                "   SELECT traject_id,"
                "     min(CASE WHEN kind = 'fase' AND to_phase = 'plan' THEN event_date END)"
                "       AS plan_on,"
                "     max(event_date) AS last_event_on"
                "   FROM traject_event WHERE date(event_date, '+0 days') IS event_date"
                "   GROUP BY traject_id) e ON e.traject_id = t.id"
                " LEFT JOIN ("
                "   SELECT t2.id AS traject_id,"
                "     min(CASE WHEN c.kind IN ('huisbezoek', 'telefoon', 'overleg')"
                "       AND c.contact_date >= t2.registered_on"
                "       AND (t2.closed_on IS NULL OR c.contact_date <= t2.closed_on)"
                "       THEN c.contact_date END) AS first_on,"
                "     max(c.contact_date) AS last_on"
                "   FROM traject t2 JOIN contact c ON c.household_id = t2.household_id"
                "     AND date(c.contact_date, '+0 days') IS c.contact_date"
                "   GROUP BY t2.id) c ON c.traject_id = t.id"
                " WHERE t.plan_on IS NOT e.plan_on OR t.last_event_on IS NOT e.last_event_on"
                "   OR t.first_contact_on IS NOT c.first_on OR t.last_contact_on IS NOT c.last_on"
            )
        )
    )


def _stale_levels(session: Session) -> list[tuple[object, ...]]:
    """Measurements whose summary differs from their scores, recomputed here in Python."""
    scores: dict[str, list[tuple[str, int | None, bool]]] = {}
    for measurement_id, item, level, not_assessed in session.execute(
        text("SELECT measurement_id, item_code, level, not_assessed FROM measurement_score")
    ):
        scores.setdefault(measurement_id, []).append((item, level, bool(not_assessed)))
    stale = []
    for measurement_id, answered, levels in session.execute(
        text("SELECT id, answered, levels FROM measurement")
    ):
        rows = scores.get(measurement_id, [])
        want_answered = sum(1 for _i, level, na in rows if level is not None or na)
        want_levels = {item: level for item, level, _na in rows if level is not None}
        got_levels = json.loads(levels) if levels else {}
        if answered != want_answered or got_levels != want_levels:
            stale.append((measurement_id, answered, want_answered, got_levels, want_levels))
    return stale


def _traject(session: Session, household_id: uuid.UUID) -> uuid.UUID:
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    return traject.id


def _measure(
    session: Session, person_id: uuid.UUID, on: date, levels: dict[str, int | None]
) -> uuid.UUID:
    scores = tuple(
        ScoreDraft(code, level, not_assessed=level is None) for code, level in levels.items()
    )
    draft = MeasurementDraft("zrm", "2017", on, "Anouk Verbeek", scores)
    return zrm.save_measurement(session, person_id, draft, today=TODAY)


def _contact(session: Session, household_id: uuid.UUID, on: date, kind: ContactKind) -> uuid.UUID:
    return service.add_contact(session, household_id, ContactDraft(on, kind), today=TODAY)


ITEMS = [item.code for item in shipped_instruments()[("zrm", "2017")].items]


def test_the_apps_own_changes_keep_the_course_summary(session: Session) -> None:
    """Registering, phase changes (plan twice, the earliest counts) and closing, through the
    services: the summary follows each flush."""
    household_id = register(session, "Nguyễn Thị Lan", registered_on=date(2026, 2, 2))
    traject_id = _traject(session, household_id)
    session.flush()
    assert session.execute(
        text("SELECT plan_on, last_event_on FROM traject WHERE id = :id"), {"id": traject_id.hex}
    ).one() == (None, "2026-02-02")
    service.change_phase(
        session, traject_id, PhaseChange(Phase.PLAN, date(2026, 3, 3)), today=TODAY
    )
    service.change_phase(
        session, traject_id, PhaseChange(Phase.UITVOERING, date(2026, 4, 4)), today=TODAY
    )
    session.flush()
    assert session.execute(
        text("SELECT plan_on, last_event_on FROM traject WHERE id = :id"), {"id": traject_id.hex}
    ).one() == ("2026-03-03", "2026-04-04")
    assert _stale_courses(session) == []


def test_a_colleague_with_the_key_changes_events_and_the_summary_follows(
    store: Store, db_path: Path
) -> None:
    """Outside the app, in sqlcipher3: an earlier plan inserted, an event moved to another
    traject, a date changed, an event deleted; after each the summaries equal the rows, and
    the overview's waiting time to plan counts the new earliest plan."""
    with store.sessions.begin() as session:
        first = _traject(session, register(session, "Yılmaz", registered_on=date(2026, 3, 2)))
        second = _traject(
            session, register(session, "Zoë van 't Hart", registered_on=date(2026, 3, 9))
        )
        service.change_phase(session, first, PhaseChange(Phase.PLAN, date(2026, 5, 1)), today=TODAY)
    edit_outside(
        db_path,
        TEST_KEY,
        (
            "INSERT INTO traject_event (id, traject_id, event_date, kind, from_phase, to_phase,"
            " note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, '2026-03-12',"
            " 'fase', 'aangemeld', 'plan', '', '2026-05-01 10:00:00.000000', 'buiten',"
            " '2026-05-01 10:00:00.000000', 'buiten')",
            (uuid.uuid4().hex, first.hex),
        ),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []
        wait = overview(session, OverviewFilter(START, TODAY)).table("wachttijd_plan")
        # both registered; the first reached plan 2 to 12 March; the second still waits
        assert wait.rows[-1][1:3] == (2, 10.0) and wait.rows[-1][-2] == 1
    edit_outside(
        db_path,
        TEST_KEY,
        (
            "UPDATE traject_event SET traject_id = ? WHERE traject_id = ?"
            " AND event_date = '2026-03-12'",
            (second.hex, first.hex),
        ),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []
        plan = {str(i): p for i, p in session.execute(text("SELECT id, plan_on FROM traject"))}
        assert plan == {first.hex: "2026-05-01", second.hex: "2026-03-12"}
    edit_outside(
        db_path,
        TEST_KEY,
        "UPDATE traject_event SET event_date = '2026-03-20' WHERE event_date = '2026-03-12'",
        ("DELETE FROM traject_event WHERE traject_id = ? AND kind = 'fase'", (first.hex,)),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []
        plan = {str(i): p for i, p in session.execute(text("SELECT id, plan_on FROM traject"))}
        assert plan == {first.hex: None, second.hex: "2026-03-20"}


def test_an_earlier_peildatum_reads_the_events_before_it(session: Session) -> None:
    """The summary holds the latest event of all; on a peildatum before it the overview reads
    the events up to the peildatum: the plan made later has not happened yet, and nothing
    changed for six months."""
    household_id = register(session, "Jansen", registered_on=date(2025, 1, 6))
    traject_id = _traject(session, household_id)
    service.change_phase(
        session, traject_id, PhaseChange(Phase.VRAAGVERHELDERING, date(2025, 2, 3)), today=TODAY
    )
    service.change_phase(session, traject_id, PhaseChange(Phase.PLAN, TODAY), today=TODAY)
    earlier = overview(session, OverviewFilter(date(2025, 1, 1), date(2025, 9, 1)))
    not_yet = earlier.table("wachttijd_plan").rows[-1]
    assert not_yet[1:3] == (1, None) and not_yet[-2] == 1  # registered, still waiting
    quality = {str(r[0]): r[1] for r in earlier.table("kwaliteit").rows}
    assert quality["Traject 6 maanden zonder verandering"] == 1  # since 3 February
    on_march = overview(session, OverviewFilter(date(2025, 1, 1), date(2025, 3, 1)))
    quality = {str(r[0]): r[1] for r in on_march.table("kwaliteit").rows}
    assert "Traject 6 maanden zonder verandering" not in quality
    now = overview(session, OverviewFilter(date(2025, 1, 1), TODAY))
    reached = now.table("wachttijd_plan").rows[-1]
    assert reached[1] == 1 and reached[2] == (TODAY - date(2025, 1, 6)).days


def test_measurements_keep_their_levels_whoever_writes_the_scores(
    store: Store, db_path: Path
) -> None:
    """Saved by the app, then edited outside it: a level changed, an item turned niet
    beoordeeld, a score deleted (the measurement no longer complete) and one moved to
    another measurement. The summaries follow, and so does the ZRM progress."""
    with store.sessions.begin() as session:
        household_id = register(session, "Hendriks", registered_on=date(2026, 1, 5))
        person_id = service.add_member(
            session,
            household_id,
            PersonDraft("Joost", "Hendriks", MemberRole.OUDER, date_of_birth=date(1980, 2, 29)),
            today=TODAY,
        )
        first = _measure(session, person_id, date(2026, 2, 1), dict.fromkeys(ITEMS, 2))
        latest = _measure(session, person_id, date(2026, 6, 1), dict.fromkeys(ITEMS, 3))
        half = _measure(session, person_id, date(2026, 7, 1), {ITEMS[0]: 4})
        session.flush()
        assert _stale_levels(session) == []
        rows = overview(session, OverviewFilter(START, TODAY)).table("zrm").rows
        assert len(rows) == len(ITEMS) and all(r[2] == 1 and r[5] == 1.0 for r in rows)
    edit_outside(
        db_path,
        TEST_KEY,
        (
            "UPDATE measurement_score SET level = 5 WHERE measurement_id = ? AND item_code = ?",
            (latest.hex, ITEMS[0]),
        ),
        (
            "UPDATE measurement_score SET level = NULL, not_assessed = 1"
            " WHERE measurement_id = ? AND item_code = ?",
            (latest.hex, ITEMS[1]),
        ),
    )
    with store.sessions.begin() as session:
        assert _stale_levels(session) == []
        rows = {r[1]: r for r in overview(session, OverviewFilter(START, TODAY)).table("zrm").rows}
        assert len(rows) == len(ITEMS) - 1  # niet beoordeeld in the latest: left out
        names = {i.code: i.name for i in shipped_instruments()[("zrm", "2017")].items}
        assert rows[names[ITEMS[0]]][5] == 3.0  # 2 to 5
    edit_outside(
        db_path,
        TEST_KEY,
        (
            "UPDATE measurement_score SET measurement_id = ? WHERE measurement_id = ?"
            " AND item_code = ?",
            (half.hex, latest.hex, ITEMS[2]),
        ),
    )
    with store.sessions.begin() as session:
        assert _stale_levels(session) == []
        answered = {
            str(i): n for i, n in session.execute(text("SELECT id, answered FROM measurement"))
        }
        assert answered == {first.hex: len(ITEMS), latest.hex: len(ITEMS) - 1, half.hex: 2}
        # the latest is no longer complete: one complete measurement, no progress to show
        assert overview(session, OverviewFilter(START, TODAY)).table("zrm").rows == ()
    edit_outside(
        db_path, TEST_KEY, ("DELETE FROM measurement_score WHERE measurement_id = ?", (half.hex,))
    )
    with store.sessions.begin() as session:
        assert _stale_levels(session) == []
        zrm.remove_measurement(session, first)
        session.flush()
        assert _stale_levels(session) == []


def test_the_first_contact_kinds_are_those_the_triggers_count(session: Session) -> None:
    """The triggers were written with the kinds of a first contact in them: they must be the
    overview's (a change there needs a migration that rewrites the triggers)."""
    triggers = " ".join(
        str(sql)
        for (sql,) in session.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'contact_%'")
        )
    )
    assert triggers.count("kind IN ('huisbezoek', 'telefoon', 'overleg')") == 4  # 3 + update
    assert {k.value for k in FIRST_CONTACT_KINDS} == {"huisbezoek", "telefoon", "overleg"}


def test_contacts_keep_the_first_and_latest_contact(store: Store, db_path: Path) -> None:
    """Contacts added and removed by the app, a traject closed (a later contact is not its
    first), a new traject for the same household (it counts its own first contact), then a
    colleague outside the app redating, retyping and moving contacts to another household:
    the summaries follow, and the werkvoorraad and waiting time count what the rows say."""
    with store.sessions.begin() as session:
        household_id = register(session, "Nguyễn Thị Lan", registered_on=date(2026, 2, 2))
        anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
        other_id = register(session, "Bakker", registered_on=date(2026, 2, 2), regisseur_id=anouk)
        traject_id = _traject(session, household_id)
        _contact(
            session, household_id, date(2026, 2, 1), ContactKind.HUISBEZOEK
        )  # before the aanmelding: not the first contact
        overig = _contact(session, household_id, date(2026, 2, 3), ContactKind.OVERIG)
        telefoon = _contact(session, household_id, date(2026, 2, 9), ContactKind.TELEFOON)
        session.flush()
        assert _stale_courses(session) == []
        assert session.execute(
            text("SELECT first_contact_on, last_contact_on FROM traject WHERE id = :id"),
            {"id": traject_id.hex},
        ).one() == ("2026-02-09", "2026-02-09")
        service.close_traject(
            session, traject_id, Closure(date(2026, 3, 1), "doelen_bereikt"), today=TODAY
        )
        service.remove_contact(session, telefoon)
        session.flush()
        assert _stale_courses(session) == []  # no first contact any more; latest 3 February
        _contact(
            session, household_id, date(2026, 4, 1), ContactKind.OVERLEG
        )  # after closing: not the closed traject's first contact
        second = service.start_traject(
            session, household_id, TrajectDraft(registered_on=date(2026, 3, 20)), today=TODAY
        )
        session.flush()
        assert _stale_courses(session) == []
        firsts = {
            str(i): on
            for i, on in session.execute(text("SELECT id, first_contact_on FROM traject"))
        }
        assert firsts[traject_id.hex] is None and firsts[second.hex] == "2026-04-01"
        wait = overview(session, OverviewFilter(START, TODAY)).table("wachttijd_contact")
        assert wait.rows[-1][1] == 3  # three aanmeldingen
    edit_outside(
        db_path,
        TEST_KEY,
        (
            "UPDATE contact SET kind = 'telefoon', contact_date = '2026-02-05' WHERE id = ?",
            (overig.hex,),
        ),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []
        first = session.execute(
            text("SELECT first_contact_on FROM traject WHERE id = :id"), {"id": traject_id.hex}
        ).scalar()
        assert first == "2026-02-05"
    edit_outside(
        db_path,
        TEST_KEY,
        ("UPDATE contact SET household_id = ? WHERE id = ?", (other_id.hex, overig.hex)),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []
        werkvoorraad = overview(session, OverviewFilter(START, TODAY)).table("werkvoorraad")
        waiting = {h for hs in werkvoorraad.households for h in hs}
        assert other_id.hex not in waiting  # Bakker got a first contact on 5 February
    edit_outside(
        db_path,
        TEST_KEY,
        ("UPDATE traject SET registered_on = '2026-02-06' WHERE household_id = ?", (other_id.hex,)),
    )
    with store.sessions.begin() as session:
        assert _stale_courses(session) == []  # the contact is now before the aanmelding
        werkvoorraad = overview(session, OverviewFilter(START, TODAY)).table("werkvoorraad")
        assert other_id.hex in {h for hs in werkvoorraad.households for h in hs}


def test_many_random_changes_leave_every_summary_right(session: Session) -> None:
    """A few hundred inserts, moves, date and kind changes and deletes of events and contacts,
    and trajecten redated and (re)closed, in a fixed random order, as raw SQL: afterwards
    every summary equals its rows."""
    import random

    chance = random.Random(20261126)  # noqa: S311 (a fixed order of test changes, not a secret)
    households = [
        register(session, f"Huishouden {n}", registered_on=date(2026, 1, 1)) for n in range(4)
    ]
    trajecten = [_traject(session, h) for h in households]
    session.flush()
    # a second traject in the first household (the first one closed)
    service.close_traject(
        session, trajecten[0], Closure(date(2026, 2, 1), "doelen_bereikt"), today=TODAY
    )
    trajecten.append(
        service.start_traject(
            session, households[0], TrajectDraft(registered_on=date(2026, 3, 1)), today=TODAY
        )
    )
    session.flush()
    events: list[str] = []
    contacts: list[str] = []
    for step in range(300):
        action = chance.random()
        if action < 0.5 or not events:
            event_id = uuid.uuid4().hex
            day = date(2026, 1, 1) + timedelta(days=chance.randrange(300))
            phase = chance.choice(["plan", "uitvoering", "vraagverheldering"])
            session.execute(
                text(
                    "INSERT INTO traject_event (id, traject_id, event_date, kind, to_phase,"
                    " note, created_at, created_by, updated_at, updated_by) VALUES (:id, :t,"
                    " :d, :k, :p, '', '2026-01-01 00:00:00.000000', 'x',"
                    " '2026-01-01 00:00:00.000000', 'x')"
                ),
                {
                    "id": event_id,
                    "t": chance.choice(trajecten).hex,
                    "d": day.isoformat(),
                    "k": chance.choice(["fase", "opschalen"]),
                    "p": phase,
                },
            )
            events.append(event_id)
        elif action < 0.7:
            session.execute(
                text("UPDATE traject_event SET traject_id = :t WHERE id = :id"),
                {"t": chance.choice(trajecten).hex, "id": chance.choice(events)},
            )
        elif action < 0.85:
            day = date(2026, 1, 1) + timedelta(days=chance.randrange(300))
            session.execute(
                text("UPDATE traject_event SET event_date = :d, to_phase = 'plan' WHERE id = :id"),
                {"d": day.isoformat(), "id": chance.choice(events)},
            )
        elif action < 0.9:
            gone = events.pop(chance.randrange(len(events)))
            session.execute(text("DELETE FROM traject_event WHERE id = :id"), {"id": gone})
        else:
            start = date(2026, 1, 1) + timedelta(days=chance.randrange(200))
            closed = (
                start + timedelta(days=chance.randrange(150)) if chance.random() < 0.5 else None
            )
            session.execute(
                text("UPDATE traject SET registered_on = :r, closed_on = :c WHERE id = :id"),
                {
                    "r": start.isoformat(),
                    "c": closed and closed.isoformat(),
                    "id": chance.choice(trajecten).hex,
                },
            )
        contact = chance.random()
        if contact < 0.4 or not contacts:
            contact_id = uuid.uuid4().hex
            session.execute(
                text(
                    "INSERT INTO contact (id, household_id, contact_date, kind, note,"
                    " created_at, created_by, updated_at, updated_by) VALUES (:id, :h, :d, :k,"
                    " '', '2026-01-01 00:00:00.000000', 'x', '2026-01-01 00:00:00.000000', 'x')"
                ),
                {
                    "id": contact_id,
                    "h": chance.choice(households).hex,
                    "d": (date(2026, 1, 1) + timedelta(days=chance.randrange(300))).isoformat(),
                    "k": chance.choice([k.value for k in ContactKind]),
                },
            )
            contacts.append(contact_id)
        elif contact < 0.6:
            session.execute(
                text("UPDATE contact SET household_id = :h, kind = :k WHERE id = :id"),
                {
                    "h": chance.choice(households).hex,
                    "k": chance.choice([k.value for k in ContactKind]),
                    "id": chance.choice(contacts),
                },
            )
        elif contact < 0.75:
            gone = contacts.pop(chance.randrange(len(contacts)))
            session.execute(text("DELETE FROM contact WHERE id = :id"), {"id": gone})
        assert _stale_courses(session) == [], step  # after every step: nothing heals later


def test_the_first_and_latest_measurement_go_by_day_whatever_order_they_were_typed_in(
    session: Session,
) -> None:
    """An older paper form typed in after a later one, and a measurement whose day is
    corrected afterwards: the first is the earliest by day and the latest the last by day,
    not the first and last stored (found in review: the rows came in the order stored)."""
    household_id = register(session, "Yılmaz", registered_on=date(2026, 1, 5))
    kim = service.add_member(
        session, household_id, PersonDraft("Kim", "Yılmaz", MemberRole.OUDER), today=TODAY
    )
    _measure(session, kim, date(2026, 10, 1), dict.fromkeys(ITEMS, 3))
    _measure(session, kim, date(2026, 9, 1), dict.fromkeys(ITEMS, 1))
    rows = overview(session, OverviewFilter(START, TODAY)).table("zrm").rows
    assert {row[2:] for row in rows} == {(1, 1.0, 3.0, 2.0, 1, 0, 0)}
    # the October one corrected to August: now it is the first, from 3 to 1
    october = session.execute(
        text("SELECT id FROM measurement WHERE measured_on = '2026-10-01'")
    ).scalar_one()
    draft = MeasurementDraft(
        "zrm", "2017", date(2026, 8, 1), "Anouk Verbeek", tuple(ScoreDraft(c, 3) for c in ITEMS)
    )
    zrm.update_measurement(session, uuid.UUID(october), draft, today=TODAY)
    rows = overview(session, OverviewFilter(START, TODAY)).table("zrm").rows
    assert {row[2:] for row in rows} == {(1, 3.0, 1.0, -2.0, 0, 0, 1)}


def test_a_removed_measurement_keeps_no_copy_of_its_levels(store: Store) -> None:
    """The correction history of a removal keeps what someone entered, not the summaries the
    triggers keep (the levels would copy every score into the family's inzage)."""
    from models.history import removed_values

    with store.sessions.begin() as session:
        household_id = register(session, "Zoë van 't Hart", registered_on=date(2026, 1, 5))
        kim = service.add_member(
            session, household_id, PersonDraft("Kim", "Hart", MemberRole.OUDER), today=TODAY
        )
        measurement_id = _measure(session, kim, date(2026, 9, 1), dict.fromkeys(ITEMS, 3))
    with store.sessions.begin() as session:
        zrm.remove_measurement(session, measurement_id)
    with store.sessions() as session:
        removal = session.execute(
            text("SELECT old_value FROM change_record WHERE table_name = 'measurement'")
        ).scalar_one()
        kept = removed_values(removal)
        assert kept["instrument_code"] == "zrm"
        assert not {"answered", "levels"} & set(kept)


@pytest.mark.log_warnings
def test_a_date_written_outside_the_app_that_is_no_date_does_not_take_the_overview_down(
    store: Store, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A colleague with the key writes '2012-02-30' and '2012-5-1' as dates of birth: the
    overview still computes; the one that is a date counts (a child without BSN), the other
    is no date of birth, and the log says how many could not be read, not which."""
    with store.sessions.begin() as session:
        household_id = register(session, "Nguyễn Thị Lan", registered_on=date(2026, 1, 5))
        ids = [
            service.add_member(
                session,
                household_id,
                PersonDraft(name, "Nguyễn", MemberRole.KIND, date_of_birth=date(2012, 1, 1)),
                today=TODAY,
            )
            for name in ("An", "Binh")
        ]
    edit_outside(
        db_path,
        TEST_KEY,
        ("UPDATE person SET date_of_birth = '2012-02-30' WHERE id = ?", (ids[0].hex,)),
        ("UPDATE person SET date_of_birth = '2012-5-1' WHERE id = ?", (ids[1].hex,)),
    )
    with store.sessions() as session, caplog.at_level("WARNING"):
        quality = overview(session, OverviewFilter(START, TODAY)).table("kwaliteit")
    counts = {str(r[0]): r[2] for r in quality.rows}
    assert counts["BSN ontbreekt (nodig voor CBS)"] == 1  # Binh, born 1 May 2012
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == ["overview: 1 dates in born could not be read"]
    assert "2012" not in " ".join(warnings)


def test_a_row_replaced_by_an_upsert_leaves_no_stale_summary(session: Session) -> None:
    """INSERT OR REPLACE (a sync or import later) pushes the old row out without its delete
    triggers unless recursive_triggers is on, as the app's connections have it: a contact
    re-inserted under another household leaves the first household without it."""
    first = register(session, "Yılmaz", registered_on=date(2026, 1, 5))
    second = register(session, "Bakker", registered_on=date(2026, 1, 5))
    contact = _contact(session, first, date(2026, 2, 2), ContactKind.HUISBEZOEK)
    session.flush()
    assert session.execute(text("PRAGMA recursive_triggers")).scalar() == 1
    session.execute(
        text(
            "INSERT OR REPLACE INTO contact (id, household_id, contact_date, kind, note,"
            " created_at, created_by, updated_at, updated_by) VALUES (:id, :h, '2026-02-03',"
            " 'telefoon', '', '2026-02-03 10:00:00.000000', 'sync',"
            " '2026-02-03 10:00:00.000000', 'sync')"
        ),
        {"id": contact.hex, "h": second.hex},
    )
    assert _stale_courses(session) == []
    firsts = {
        str(h): on
        for h, on in session.execute(text("SELECT household_id, first_contact_on FROM traject"))
    }
    assert firsts == {first.hex: None, second.hex: "2026-02-03"}


def test_a_day_that_is_no_date_does_not_hide_the_real_ones(store: Store, db_path: Path) -> None:
    """An import writes a contact's day with a time and an event on 30 February: as text they
    sort after the real days. The summaries leave them out, so the household's latest contact
    is still its real one, not none (found in review)."""
    with store.sessions.begin() as session:
        household_id = register(session, "Zoë van 't Hart", registered_on=date(2026, 1, 5))
        traject_id = _traject(session, household_id)
        _contact(session, household_id, date(2026, 11, 10), ContactKind.TELEFOON)
        odd = _contact(session, household_id, date(2026, 11, 11), ContactKind.TELEFOON)
    edit_outside(
        db_path,
        TEST_KEY,
        ("UPDATE contact SET contact_date = '2026-11-20 10:00:00' WHERE id = ?", (odd.hex,)),
        (
            "UPDATE traject_event SET event_date = '2026-02-30' WHERE traject_id = ?",
            (traject_id.hex,),
        ),
    )
    with store.sessions() as session:
        row = session.execute(
            text("SELECT first_contact_on, last_contact_on, last_event_on FROM traject")
        ).one()
        assert tuple(row) == ("2026-11-10", "2026-11-10", None)
        quality = overview(session, OverviewFilter(START, TODAY)).table("kwaliteit")
        assert not any(str(r[0]).startswith("Geen contact") for r in quality.rows)
