"""The coordinator's overview against data made to trip its fast reads.

The figures are read as packed text (values joined with the unit separator), codes as hex,
a measurement's levels as a JSON object kept by a trigger, members by a cutoff date with their
18th birthday worked out in numpy, and names through json_each (models/overview.py). Each test here feeds that one kind of awkward value (odd
characters in codes, item codes and names, leap days, two trajecten in one household, an
empty store, a store made by an older version) and asserts the figure a coordinator should
see, worked out by hand.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.database import Sessions, make_engine, migrate, open_store
from models import households as service
from models import migrations, zrm
from models.codelists import load_codelists
from models.entities import Household, Traject
from models.enums import ContactKind, MemberRole
from models.instruments import shipped_instruments
from models.overview import OverviewFilter, OverviewTable, households_behind, overview
from models.records import (
    Closure,
    ContactDraft,
    HouseholdDraft,
    MeasurementDraft,
    PersonDraft,
    RegisseurChange,
    RegistrationDraft,
    ScoreDraft,
    TrajectDraft,
)
from models.validation import Problem, ValidationError
from tests.helpers import TEST_KEY, TEST_LOGIN, TODAY, downgrade
from tests.models.test_overview import assert_all
from tests.overview_fixture import END, START, build

TABLES = [
    "caseload",
    "werkvoorraad",
    "wachttijd_contact",
    "wachttijd_plan",
    "trajecten",
    "duur",
    "afsluitredenen",
    "herkomst",
    "verwijzingen",
    "verwijzingen_bestemming",
    "verwijzingen_status",
    "overdue",
    "zrm",
    "achttien",
    "kwaliteit",
]
ODD = ("met spatie", "zoë", "o'brien", 'zeg "ja"', "a,b", "a;b", "lach 😀")
SEPARATOR, NEWLINE = "sep\x1fcode", "regel\nnieuw"


def _household(
    session: Session,
    name: str,
    on: date,
    herkomst: str = "school",
    regisseur: uuid.UUID | None = None,
) -> uuid.UUID:
    draft = RegistrationDraft(
        HouseholdDraft(name=name, street="Kastanjelaan", house_number="1", postcode="1234 AB"),
        TrajectDraft(registered_on=on, herkomst=herkomst, regisseur_id=regisseur),
    )
    return service.register_household(session, draft, today=TODAY)


def _traject(session: Session, household_id: uuid.UUID) -> uuid.UUID:
    """The household's current traject."""
    return session.scalars(
        select(Traject.id).where(Traject.household_id == household_id, Traject.is_current.is_(True))
    ).one()


def _member(
    session: Session,
    household_id: uuid.UUID,
    first: str,
    born: date | None,
    *,
    role: MemberRole = MemberRole.KIND,
    bsn: str = "",
    gezag: bool = False,
) -> uuid.UUID:
    draft = PersonDraft(first, "Test", role, date_of_birth=born, bsn=bsn, gezag=gezag)
    return service.add_member(session, household_id, draft, today=TODAY)


def _by_label(table: OverviewTable) -> dict[object, tuple[object, frozenset[str]]]:
    """First column -> (last column, households as stored hex)."""
    return {row[0]: (row[-1], hs) for row, hs in zip(table.rows, table.households, strict=True)}


def _hexes(*ids: uuid.UUID) -> frozenset[str]:
    return frozenset(i.hex for i in ids)


# --- 1. codelist codes with odd characters ------------------------------------------------------


@pytest.fixture
def odd_codes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Codes a newer code list could hold: the lists are shipped data (resources/
    codelists.json), a beheerder cannot add codes in the app. Added to the loaded lists for
    the test only."""
    lists = load_codelists().lists
    for code in (*ODD, SEPARATOR, NEWLINE):
        monkeypatch.setitem(lists["herkomst"], code, f"Herkomst «{code}»")
        monkeypatch.setitem(lists["afsluitreden"], code, f"Reden «{code}»")
    yield


def test_a_code_outside_the_code_list_is_refused_by_the_service(session: Session) -> None:
    """No code of one's own: the service refuses a herkomst or afsluitreden not in the list."""
    with pytest.raises(ValidationError) as caught:
        _household(session, "Eigen", date(2026, 10, 1), herkomst="met spatie")
    assert caught.value.problems == {"herkomst": Problem.UNKNOWN_CODE}
    household_id = _household(session, "Eigen", date(2026, 10, 1))
    with pytest.raises(ValidationError) as closing:
        service.close_traject(
            session, _traject(session, household_id), Closure(date(2026, 10, 2), "a;b"), today=TODAY
        )
    assert closing.value.problems == {"reason": Problem.UNKNOWN_CODE}


@pytest.mark.usefixtures("odd_codes")
def test_odd_codes_are_counted_under_their_own_name(session: Session) -> None:
    """Each code (a space, ë, quotes, a comma, a semicolon, the unit separator and a newline)
    is counted under its own label; a code no list knows any more (stored by an older
    version) under the code itself; no herkomst under '(onbekend)'."""
    made: dict[str, list[uuid.UUID]] = {}
    day = 1
    for code in (*ODD, SEPARATOR, NEWLINE, SEPARATOR):  # the separator twice
        household_id = _household(session, f"Huis {day}", date(2026, 9, day), herkomst=code)
        made.setdefault(code, []).append(household_id)
        service.close_traject(
            session,
            _traject(session, household_id),
            Closure(date(2026, 10, day), code),
            today=TODAY,
        )
        day += 1
    old = _household(session, "Oud", date(2026, 9, 20))
    gone = _household(session, "Zonder", date(2026, 9, 21))
    service.close_traject(
        session, _traject(session, gone), Closure(date(2026, 10, 21), "gestopt"), today=TODAY
    )
    session.flush()
    session.execute(
        text("UPDATE traject SET herkomst = :c, close_reason = :c, closed_on = '2026-10-20', "
             "phase = 'afgesloten' WHERE household_id = :h"),
        {"c": "oud; 'x'\x1f,\"y\"", "h": old.hex},
    )  # fmt: skip
    session.execute(
        text("UPDATE traject SET herkomst = '' WHERE household_id = :h"), {"h": gone.hex}
    )
    figures = overview(session, OverviewFilter(START, END))

    herkomst = {f"Herkomst «{code}»": (len(ids), _hexes(*ids)) for code, ids in made.items()}
    herkomst["oud; 'x'\x1f,\"y\""] = (1, _hexes(old))
    herkomst["(onbekend)"] = (1, _hexes(gone))
    assert _by_label(figures.table("herkomst")) == herkomst
    reasons = {f"Reden «{code}»": (len(ids), _hexes(*ids)) for code, ids in made.items()}
    reasons["oud; 'x'\x1f,\"y\""] = (1, _hexes(old))
    reasons["Gezin wil geen hulp meer"] = (1, _hexes(gone))
    assert _by_label(figures.table("afsluitredenen")) == reasons
    assert figures.table("afsluitredenen").rows[0] == (f"Reden «{SEPARATOR}»", 2)
    assert figures.table("duur").rows[0][0] == 12  # ten odd, one old, one gestopt


# --- 2. a team's own instrument with odd item codes ---------------------------------------------

ITEMS = {  # item code -> name
    "it's": "Apostrof",
    "back\\slash": "Backslash",
    "zoë": "Trema",
    "met spatie": "Spatie",
    'zeg "ja"': "Dubbele aanhalingstekens",
    "sep\x1f\nregel": "Scheidingsteken",
}


def _team_instrument() -> str:
    return json.dumps(
        {
            "schema": "teamtafel-instrument/1",
            "code": "eigen",
            "version": "1",
            "name": "Eigen lijst",
            "scale": [{"value": v, "name": f"Niveau {v}"} for v in range(1, 6)],
            "sections": [
                {
                    "code": "alles",
                    "name": "Alles",
                    "items": [{"code": c, "name": n} for c, n in ITEMS.items()],
                }
            ],
        }
    )


def _measure(
    session: Session,
    person_id: uuid.UUID,
    on: date,
    levels: dict[str, int | None],
    code: str = "eigen",
    version: str = "1",
) -> None:
    scores = tuple(
        ScoreDraft(item, level, not_assessed=level is None) for item, level in levels.items()
    )
    draft = MeasurementDraft(code, version, on, "Anouk Verbeek", scores)
    zrm.save_measurement(session, person_id, draft, today=TODAY)


def test_a_team_instrument_with_odd_item_codes_pairs_first_and_latest(session: Session) -> None:
    zrm.load_instrument(session, _team_instrument())
    household_id = _household(session, "Öztürk", date(2026, 8, 1))
    ayse = _member(session, household_id, "Ayşe", date(1980, 3, 3), role=MemberRole.OUDER)
    mert = _member(session, household_id, "Mert", date(1982, 4, 4), role=MemberRole.OUDER)
    quote, slash, trema, space, _double, sep = ITEMS
    # Ayşe: first (9-1) all 1 but 'zoë' niet beoordeeld; latest (11-1) all 3, then an
    # incomplete one (11-10, one item) that must not count as the latest
    _measure(session, ayse, date(2026, 9, 1), {**dict.fromkeys(ITEMS, 1), trema: None})
    _measure(session, ayse, date(2026, 10, 1), {**dict.fromkeys(ITEMS, 2)})  # in between
    _measure(session, ayse, date(2026, 11, 1), {**dict.fromkeys(ITEMS, 3), space: 5})
    _measure(session, ayse, date(2026, 11, 10), {quote: 5})
    # Mert: first all 4; latest all 2 but the backslash item 4 and the separator one
    # niet beoordeeld
    _measure(session, mert, date(2026, 9, 15), dict.fromkeys(ITEMS, 4))
    _measure(session, mert, date(2026, 11, 2), {**dict.fromkeys(ITEMS, 2), slash: 4, sep: None})
    # Lot: first every item niet beoordeeld (complete, no level at all), latest all 5: nothing
    lot = _member(session, household_id, "Lot", date(2001, 5, 5), role=MemberRole.OUDER)
    _measure(session, lot, date(2026, 9, 20), dict.fromkeys(ITEMS))
    _measure(session, lot, date(2026, 11, 3), dict.fromkeys(ITEMS, 5))

    table = overview(session, OverviewFilter(START, END)).table("zrm")
    got = {row[1]: row[2:] for row in table.rows if row[0] == "Eigen lijst 1"}
    assert {row[0] for row in table.rows} == {"Eigen lijst 1"}
    # (n, first mean, latest mean, change mean, up, same, down)
    assert got == {
        "Apostrof": (2, 2.5, 2.5, 0.0, 1, 0, 1),  # Ayşe 1->3, Mert 4->2
        "Backslash": (2, 2.5, 3.5, 1.0, 1, 1, 0),  # 1->3, 4->4
        "Trema": (1, 4.0, 2.0, -2.0, 0, 0, 1),  # Ayşe's first niet beoordeeld: Mert only
        "Spatie": (2, 2.5, 3.5, 1.0, 1, 0, 1),  # 1->5, 4->2
        "Dubbele aanhalingstekens": (2, 2.5, 2.5, 0.0, 1, 0, 1),
        "Scheidingsteken": (1, 1.0, 3.0, 2.0, 1, 0, 0),  # Mert's latest niet beoordeeld
    }
    assert [row[1] for row in table.rows] == list(ITEMS.values())  # the instrument's order
    assert all(hs == _hexes(household_id) for hs in table.households)


# --- 3. two trajecten of one household ----------------------------------------------------------


def test_measurements_pair_only_within_their_traject(session: Session) -> None:
    """A person measured in a first traject, after its closing, and in a second one: the
    first traject pairs its own two, the second its own two; the one in between counts in
    neither (else a latest of 5 or a first of 5 would show)."""
    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    bram = service.add_medewerker(session, "Bram de Boer", "generalist")
    household_id = _household(session, "Van den Berg", date(2026, 1, 10), regisseur=anouk)
    first = _traject(session, household_id)
    kim = _member(session, household_id, "Kim", date(1985, 5, 5), role=MemberRole.OUDER)
    items = [i.code for i in shipped_instruments()[("zrm", "2017")].items]

    def measure(on: date, level: int) -> None:
        _measure(session, kim, on, dict.fromkeys(items, level), "zrm", "2017")

    measure(date(2026, 1, 5), 5)  # before the first aanmelding: neither
    measure(date(2026, 2, 1), 1)
    measure(date(2026, 4, 1), 2)
    measure(date(2026, 5, 31), 3)  # the closing day: still the first traject's
    service.close_traject(session, first, Closure(date(2026, 5, 31), "gestopt"), today=TODAY)
    measure(date(2026, 6, 15), 5)  # between the two: neither
    second = service.start_traject(
        session, household_id, TrajectDraft(date(2026, 7, 1), "zelf"), today=TODAY
    )
    service.change_regisseur(session, second, RegisseurChange(bram, date(2026, 7, 2)), today=TODAY)
    measure(date(2026, 7, 1), 4)  # the second's aanmelding day
    measure(date(2026, 10, 1), 3)
    assert second != first

    figures = overview(session, OverviewFilter(date(2026, 1, 1), END))
    rows = {row[1]: row[2:] for row in figures.table("zrm").rows}
    assert len(rows) == len(items)
    # two pairs per domain: 1 -> 3 (up) and 4 -> 3 (down)
    assert set(rows.values()) == {(2, 2.5, 3.0, 0.5, 1, 0, 1)}
    # from June on, only the second traject ran in the period: 4 -> 3
    later = overview(session, OverviewFilter(date(2026, 6, 1), END)).table("zrm")
    assert {row[2:] for row in later.rows} == {(1, 4.0, 3.0, -1.0, 0, 0, 1)}
    # up to the peildatum of 30 June only the first traject: 1 -> 3
    before = overview(session, OverviewFilter(date(2026, 1, 1), date(2026, 6, 30))).table("zrm")
    assert {row[2:] for row in before.rows} == {(1, 1.0, 3.0, 2.0, 1, 0, 0)}
    # one team member chosen: only the traject they were regisseur of
    whole_year = date(2026, 1, 1)
    for who, pair in ((anouk, (1, 1.0, 3.0, 2.0, 1, 0, 0)), (bram, (1, 4.0, 3.0, -1.0, 0, 0, 1))):
        mine = overview(session, OverviewFilter(whole_year, END, medewerker_id=who)).table("zrm")
        assert {row[2:] for row in mine.rows} == {pair}


# --- 4. members born on 29 February -------------------------------------------------------------


def _quality(session: Session, start: date, end: date) -> dict[object, object]:
    table = overview(session, OverviewFilter(start, end)).table("kwaliteit")
    return {row[0]: row[1:] for row in table.rows}


def _eighteen(session: Session, start: date, end: date) -> list[tuple[object, ...]]:
    return list(overview(session, OverviewFilter(start, end)).table("achttien").rows)


def test_born_on_29_february_turns_18_on_1_march(session: Session) -> None:
    """Born 29 February 2008: 18 on 1 March 2026 (models.records.birthday), so under 18 on
    28 February and an adult on 1 March; counted in March."""
    household_id = _household(session, "Schrikkel", date(2025, 6, 1))
    _member(session, household_id, "Ouder", date(1980, 1, 1), role=MemberRole.OUDER,
            bsn="111222333", gezag=True)  # fmt: skip
    _member(session, household_id, "Feb28", date(2008, 2, 28))  # 18 on 28 February 2026
    _member(session, household_id, "Feb29", date(2008, 2, 29))  # 18 on 1 March 2026
    _member(session, household_id, "Mrt1", date(2008, 3, 1))  # 18 on 1 March 2026
    bsn = "BSN ontbreekt (nodig voor CBS)"
    start = date(2025, 10, 1)

    # peildatum 31 January: the six months are February to July (until 31 July)
    assert _eighteen(session, start, date(2026, 1, 31)) == [
        ("feb 2026", 1), ("mrt 2026", 2), ("apr 2026", 0), ("mei 2026", 0), ("jun 2026", 0),
        ("jul 2026", 0),
    ]  # fmt: skip
    assert _quality(session, start, date(2026, 1, 31))[bsn] == (1, 3)
    # 28 February: Feb28 is 18 that day; Feb29 and Mrt1 still under 18
    assert _eighteen(session, start, date(2026, 2, 28))[0] == ("mrt 2026", 2)
    assert _quality(session, start, date(2026, 2, 28))[bsn] == (1, 2)
    # 1 March: all three adults, nobody turns 18 from 2 March to 1 September
    assert bsn not in _quality(session, start, date(2026, 3, 1))
    assert [n for _m, n in _eighteen(session, start, date(2026, 3, 1))] == [0] * 7


def test_a_peildatum_on_29_february_of_a_leap_year(session: Session) -> None:
    """Peildatum 29 February 2028: the six months run to 29 August (counted), 28 February
    2010's child is 18 that day, 1 March 2010's the next; 29 February 2012's is 16."""
    household_id = _household(session, "Schrikkeljaar", date(2026, 6, 1))
    _member(session, household_id, "Ouder", date(1980, 1, 1), role=MemberRole.OUDER,
            bsn="111222333", gezag=True)  # fmt: skip
    for first, born in (
        ("Adult", date(2010, 2, 28)),
        ("Maart", date(2010, 3, 1)),
        ("Laatste", date(2010, 8, 29)),
        ("Erna", date(2010, 8, 30)),
        ("Zestien", date(2012, 2, 29)),
    ):
        _member(session, household_id, first, born)
    start, peil = date(2027, 12, 1), date(2028, 2, 29)
    assert _eighteen(session, start, peil) == [
        ("mrt 2028", 1), ("apr 2028", 0), ("mei 2028", 0), ("jun 2028", 0), ("jul 2028", 0),
        ("aug 2028", 1),
    ]  # fmt: skip
    assert _quality(session, start, peil)["BSN ontbreekt (nodig voor CBS)"] == (1, 4)
    # three months before 29 February 2028 is 29 November 2027: a last contact that day is
    # 'no contact in 3 months', one a day later is not
    quiet = _household(session, "Stil", date(2026, 6, 1))
    later = date(2028, 3, 1)  # the services' today: the contacts lie after the tests' TODAY
    for household, on in ((household_id, date(2027, 11, 30)), (quiet, date(2027, 11, 29))):
        service.add_contact(session, household, ContactDraft(on, ContactKind.TELEFOON), today=later)
    found = _quality(session, start, peil)
    assert found["Geen contact in 3 maanden"] == (1, 1)
    assert found["Traject 6 maanden zonder verandering"] == (2, 2)  # since 29 August 2027
    table = overview(session, OverviewFilter(start, peil)).table("kwaliteit")
    assert _by_label(table)["Geen contact in 3 maanden"] == (1, _hexes(quiet))
    # 31 August 2027: six months later is the end of February 2028, the 29th
    assert _eighteen(session, date(2027, 8, 1), date(2027, 8, 31))[-1] == ("feb 2028", 1)


# --- 5. names in the werkvoorraad ---------------------------------------------------------------

NAMES = (
    "Yılmaz",
    "Nguyễn Thị Lan",
    "Zoë van 't Hart",
    'Jansen, "de Boer"; Pietersen\x1fKlaassen',
)


def test_names_with_odd_characters_in_the_werkvoorraad(session: Session) -> None:
    """Each waiting household with its own dossier number and name, longest waiting first."""
    made = [
        _household(session, name, date(2026, 10, day)) for day, name in enumerate(NAMES, start=1)
    ]
    numbers = {h: n for h, n in session.execute(text("SELECT id, dossier_number FROM household"))}
    table = overview(session, OverviewFilter(START, END)).table("werkvoorraad")
    assert [(row[0], row[1], row[2], row[3]) for row in table.rows] == [
        (numbers[h.hex], name, date(2026, 10, day), (END - date(2026, 10, day)).days)
        for day, (h, name) in enumerate(zip(made, NAMES, strict=True), start=1)
    ]
    assert table.households == tuple(frozenset({h.hex}) for h in made)
    behind = households_behind(session, table.households[-1])
    assert [(line.dossier_number, line.name) for line in behind] == [
        (numbers[made[-1].hex], NAMES[-1])
    ]


# --- 6. empty stores ----------------------------------------------------------------------------


def _assert_nothing_counted(figures_tables: dict[str, OverviewTable]) -> None:
    assert list(figures_tables) == TABLES
    for key in ("caseload", "werkvoorraad", "afsluitredenen", "herkomst", "zrm", "kwaliteit"):
        assert figures_tables[key].rows == (), key
    months = ("sep 2026", "okt 2026", "nov 2026")
    for key in ("wachttijd_contact", "wachttijd_plan"):
        assert figures_tables[key].rows == tuple(
            (m, 0, None, 0, 0, 0, 0, 0, 0) for m in (*months, "Hele periode")
        ), key
    assert figures_tables["trajecten"].rows == tuple((m, 0, 0, 0) for m in months)
    assert figures_tables["duur"].rows == ((0, None, 0, None),)
    assert figures_tables["verwijzingen"].rows == ((0, 0, None),)
    assert figures_tables["verwijzingen_bestemming"].rows == ()
    assert all(row[1] == 0 for row in figures_tables["verwijzingen_status"].rows)
    assert all(row[1] == 0 for row in figures_tables["overdue"].rows)
    assert all(row[1] == 0 for row in figures_tables["achttien"].rows)


def test_an_empty_store_gives_every_table(session: Session) -> None:
    figures = overview(session, OverviewFilter(START, END))
    _assert_nothing_counted({t.key: t for t in figures.tables})
    assert {h.key: h.value for h in figures.headlines} == {
        "open": "0",
        "werkvoorraad": "0",
        "wachttijd": "–",
        "overdue": "0",
    }


def test_households_without_a_traject_in_view_give_every_table(session: Session) -> None:
    """Households registered after the peildatum (with members, contacts and measurements)
    and one with no traject at all, as an older version could leave: nothing counted."""
    later = _household(session, "Later", date(2026, 11, 20))
    service.add_contact(
        session, later, ContactDraft(date(2026, 11, 21), ContactKind.HUISBEZOEK), today=TODAY
    )
    child = _member(session, later, "Kind", date(2009, 1, 1))
    items = [i.code for i in shipped_instruments()[("zrm", "2017")].items]
    _measure(session, child, date(2026, 9, 1), dict.fromkeys(items, 2), "zrm", "2017")
    _measure(session, child, date(2026, 10, 1), dict.fromkeys(items, 3), "zrm", "2017")
    bare = Household(dossier_number="2026-99999", name="Zonder traject")
    session.add(bare)
    session.flush()
    _member(session, bare.id, "Los", None)
    service.add_contact(
        session, bare.id, ContactDraft(date(2026, 9, 2), ContactKind.TELEFOON), today=TODAY
    )
    assert session.execute(text("SELECT count(*) FROM traject")).scalar_one() == 1
    figures = overview(session, OverviewFilter(date(2026, 9, 1), date(2026, 11, 19)))
    tables = {t.key: t for t in figures.tables}
    assert tables["wachttijd_contact"].rows[1][0] == "okt 2026"
    # the same tables as an empty store (the months of a peildatum of 19 November)
    _assert_nothing_counted(tables)


# --- 7. a store made at revision 0019 -----------------------------------------------------------


SUMMARY_TRIGGERS = ("_summary_insert", "_summary_delete", "_summary_update")


def _schema(session: Session, kind: str) -> set[str]:
    return {
        str(r[0])
        for r in session.execute(
            text("SELECT name FROM sqlite_master WHERE type = :kind"), {"kind": kind}
        )
    }


def test_a_store_at_0019_upgraded_keeps_the_known_answers(tmp_path: Path) -> None:
    """The fixed team as the version whose schema ends at 0019 left it (the old indexes, no
    summaries or their triggers), then opened by this one: migrated to the head, the
    summaries filled from the rows, and every known answer holds."""
    path = tmp_path / "oud.sqlite"
    engine = make_engine(path, TEST_KEY)
    migrate(engine)
    with Sessions(engine, TEST_LOGIN).begin() as old:
        team = build(old)
    downgrade(engine, "0019")
    with Sessions(engine, TEST_LOGIN).begin() as old:
        indexes = _schema(old, "index")
        assert "ix_contact_household_id" in indexes and "ix_contact_household_date" not in indexes
        assert not {t for t in _schema(old, "trigger") if t.endswith(SUMMARY_TRIGGERS)}
        columns = {r[1] for r in old.execute(text("PRAGMA table_info(traject)"))}
        assert "plan_on" not in columns
    engine.dispose()

    store = open_store(path, TEST_KEY, user=TEST_LOGIN)
    try:
        with store.sessions() as session:
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            assert revision == migrations.HEAD
            indexes = _schema(session, "index")
            assert {
                "ix_traject_event_course",
                "ix_contact_household_date",
                "ix_measurement_score_levels",
            } <= indexes
            assert (
                not {
                    "ix_traject_event_traject_id",
                    "ix_contact_household_id",
                    "ix_measurement_score_measurement_id",
                }
                & indexes
            )
            assert (
                len({t for t in _schema(session, "trigger") if t.endswith(SUMMARY_TRIGGERS)})
                == 11  # 3 tables x 3, traject x 2
            )
            assert_all(session, team, overview(session, OverviewFilter(START, END)), None)
            bram = team.medewerkers["bram"]
            assert_all(session, team, overview(session, OverviewFilter(START, END, bram)), "bram")
    finally:
        store.close()


# --- the regisseur on a start day ---------------------------------------------------------------


def test_on_a_shared_start_day_the_open_assignment_is_the_regisseur_whatever_the_row_order(
    session: Session,
) -> None:
    """Two assignments of one traject starting on the peildatum, the one that ended that day
    stored last (a correction, another laptop): the caseload names the open one, as the
    dossier does (found in review: the row stored last won)."""
    from models.entities import RegisseurAssignment
    from models.todo import regisseur_name

    anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
    bram = service.add_medewerker(session, "Bram de Boer", "generalist")
    day = date(2026, 11, 2)
    household_id = _household(session, "Yılmaz", day, regisseur=anouk)
    traject_id = _traject(session, household_id)
    session.add(
        RegisseurAssignment(traject_id=traject_id, medewerker_id=bram, start_on=day, end_on=day)
    )
    session.flush()
    shown = session.scalar(select(regisseur_name(household_id)))
    assert shown == "Anouk Verbeek"
    caseload = _by_label(
        overview(session, OverviewFilter(date(2026, 11, 1), day)).table("caseload")
    )
    assert caseload == {"Anouk Verbeek": (1, _hexes(household_id))}
