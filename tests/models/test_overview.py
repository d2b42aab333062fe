"""The coordinator's overview against a fixed team with known answers.

Every figure is recomputed here in plain Python from what :mod:`tests.overview_fixture`
inserted (and a raw read of the dossier numbers), never with models/overview.py's helpers,
for the whole team and for one team member.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from models.codelists import load_codelists
from models.enums import ContactKind, VerwijzingStatus
from models.instruments import shipped_instruments
from models.overview import Overview, OverviewFilter, OverviewTable, overview
from models.todo import due_households, provider_kinds, todo_list
from models.wording import TODO_KIND, VERWIJZING_STATUS
from tests.overview_fixture import END, START, Built, TrajectRow, build

MONTHS = (
    ("sep 2026", date(2026, 9, 1), date(2026, 9, 30)),
    ("okt 2026", date(2026, 10, 1), date(2026, 10, 31)),
    ("nov 2026", date(2026, 11, 1), END),
)
SOON = (
    ("nov 2026", 2026, 11), ("dec 2026", 2026, 12), ("jan 2027", 2027, 1),
    ("feb 2027", 2027, 2), ("mrt 2027", 2027, 3), ("apr 2027", 2027, 4), ("mei 2027", 2027, 5),
)  # fmt: skip
SOON_UNTIL = date(2027, 5, 25)  # six months after the peildatum
FIRST_KINDS = {ContactKind.HUISBEZOEK, ContactKind.TELEFOON, ContactKind.OVERLEG}
BANDS = ((0, 7), (8, 14), (15, 28), (29, 10**6))


@pytest.fixture
def team(session: Session) -> Built:
    return build(session)


# --- the expected figures, from the rows ---------------------------------------------------


def open_on(t: TrajectRow, day: date) -> bool:
    return t.registered_on <= day and (t.closed_on is None or t.closed_on >= day)


def open_during(t: TrajectRow, start: date, end: date) -> bool:
    return t.registered_on <= end and (t.closed_on is None or t.closed_on >= start)


def regisseur_on(t: TrajectRow, day: date) -> str | None:
    current = [(s, w) for w, s, e in t.regisseurs if s <= day and (e is None or e >= day)]
    return max(current)[1] if current else None


def first_contact(b: Built, t: TrajectRow) -> date | None:
    days = [
        on
        for key, on, kind in b.contacts
        if key == t.household
        and kind in FIRST_KINDS
        and on >= t.registered_on
        and (t.closed_on is None or on <= t.closed_on)
        and on <= END
    ]
    return min(days, default=None)


def of_member(b: Built, who: str | None) -> list[TrajectRow]:
    """The trajecten the period figures count (who: a medewerker key, or the team)."""
    if who is None:
        return list(b.trajecten)
    return [
        t
        for t in b.trajecten
        if any(w == who and s <= END and (e is None or e >= START) for w, s, e in t.regisseurs)
    ]


def at_peildatum(b: Built, who: str | None) -> list[TrajectRow]:
    """The trajecten open on the peildatum (with ``who``: of which they are regisseur then)."""
    return [
        t for t in b.trajecten if open_on(t, END) and (who is None or regisseur_on(t, END) == who)
    ]


def keys(households: Iterable[str]) -> set[str]:
    return set(households)


def got(b: Built, table: OverviewTable) -> list[tuple[tuple[object, ...], set[str]]]:
    return [
        (row, {b.key_of(h) for h in households})
        for row, households in zip(table.rows, table.households, strict=True)
    ]


def bands(days: list[int]) -> list[int]:
    return [sum(1 for d in days if low <= d <= high) for low, high in BANDS]


def waiting_rows(
    rows: list[TrajectRow], reached: dict[int, date | None]
) -> list[tuple[tuple[object, ...], set[str]]]:
    registered = [t for t in rows if START <= t.registered_on <= END]
    out = []
    for name, first, last in (*MONTHS, ("Hele periode", START, END)):
        group = [t for t in registered if first <= t.registered_on <= last]
        days = [
            (reached[id(t)] - t.registered_on).days  # type: ignore[operator]
            for t in group
            if reached[id(t)] is not None and reached[id(t)] <= END  # type: ignore[operator]
        ]
        median = float(statistics.median(days)) if days else None
        missing = [
            t
            for t in group
            if reached[id(t)] is None or reached[id(t)] > END  # type: ignore[operator]
        ]
        gone = sum(1 for t in missing if t.closed_on is not None and t.closed_on < END)
        out.append(
            (
                (name, len(group), median, *bands(days), len(missing) - gone, gone),
                {t.household for t in group},
            )
        )
    return out


def expected(b: Built, who: str | None, numbers: dict[str, str]) -> dict[str, object]:
    mine = of_member(b, who)
    peil = at_peildatum(b, who)
    codes = load_codelists().lists
    figures: dict[str, object] = {}

    # caseload: open on the peildatum per regisseur then
    caseload = defaultdict(set)
    counts: Counter[str] = Counter()
    for t in at_peildatum(b, who):
        name = b.medewerker_names[r] if (r := regisseur_on(t, END)) else "(geen regisseur)"
        counts[name] += 1
        caseload[name].add(t.household)
    figures["caseload"] = [
        ((name, n), caseload[name])
        for name, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    ]

    # werkvoorraad: no regisseur or no first contact by the peildatum
    lines = []
    for t in peil:
        missing = []
        if regisseur_on(t, END) is None:
            missing.append("geen regisseur")
        if first_contact(b, t) is None:
            missing.append("geen eerste contact")
        if missing:
            days = (END - t.registered_on).days
            name = t.household.replace("_", " ").title()
            line = (numbers[t.household], name, t.registered_on, days, ", ".join(missing))
            lines.append((line, {t.household}))
    figures["werkvoorraad"] = sorted(lines, key=lambda x: -x[0][3])  # type: ignore[operator]

    contacts = {id(t): first_contact(b, t) for t in mine}
    figures["wachttijd_contact"] = waiting_rows(mine, contacts)
    figures["wachttijd_plan"] = waiting_rows(mine, {id(t): t.to_plan for t in mine})

    flow = []
    for name, first, last in MONTHS:
        started = [t for t in mine if first <= t.registered_on <= last]
        running = [t for t in mine if open_during(t, first, last)]
        closed = [t for t in mine if t.closed_on and first <= t.closed_on <= last]
        flow.append(
            ((name, len(started), len(running), len(closed)), {t.household for t in running})
        )
    figures["trajecten"] = flow

    closed = [t for t in mine if t.closed_on and START <= t.closed_on <= END]
    durations = [(t.closed_on - t.registered_on).days for t in closed]  # type: ignore[operator]
    long_ = sum(1 for d in durations if d > 365)
    figures["duur"] = [
        (
            (
                len(closed),
                float(statistics.median(durations)) if durations else None,
                long_,
                round(100 * long_ / len(closed), 1) if closed else None,
            ),
            {t.household for t in closed},
        )
    ]
    figures["afsluitredenen"] = _counted(
        [(codes["afsluitreden"][t.close_reason], t.household) for t in closed if t.close_reason]
    )
    registered = [t for t in mine if START <= t.registered_on <= END]
    figures["herkomst"] = _counted(
        [(codes["herkomst"][t.herkomst], t.household) for t in registered]
    )

    running = [t for t in mine if open_during(t, START, END)]
    referred = {key for key, on, *_rest in b.verwijzingen if on <= END}
    # a verwijzing belongs to the traject open on its date
    with_one = [
        t
        for t in running
        if any(
            key == t.household
            and t.registered_on <= on
            and (t.closed_on is None or on <= t.closed_on)
            for key, on, *_rest in b.verwijzingen
        )
    ]
    assert {t.household for t in with_one} <= referred
    figures["verwijzingen"] = [
        (
            (len(running), len(with_one), round(100 * len(with_one) / len(running), 1)),
            {t.household for t in with_one},
        )
    ]
    made = [
        v
        for v in b.verwijzingen
        if START <= v[1] <= END
        and any(
            t.household == v[0]
            and t.registered_on <= v[1]
            and (t.closed_on is None or v[1] <= t.closed_on)
            for t in running
        )
    ]
    figures["verwijzingen_bestemming"] = _counted(
        [((org, codes["hulpvorm"][hulpvorm]), key) for key, _on, org, hulpvorm, _s in made]
    )
    figures["verwijzingen_status"] = [
        (
            (VERWIJZING_STATUS[status].capitalize(), sum(1 for v in made if v[4] is status)),
            {v[0] for v in made if v[4] is status},
        )
        for status in VerwijzingStatus
    ]

    peil_households = {t.household for t in peil}
    overdue = {
        "actie": [k for k in b.overdue_actions if who is None or k in peil_households],
        "hertaxatie": [k for k in b.overdue_taxaties if who is None or k in peil_households],
    }
    figures["overdue"] = sorted(
        (
            ((TODO_KIND[kind], len(overdue.get(kind, []))), set(overdue.get(kind, [])))
            for kind in provider_kinds()
        ),
        key=lambda r: str(r[0][0]),
    )

    figures["zrm"] = _zrm(b, mine)

    open_households = {t.household for t in b.trajecten if open_on(t, END)}
    if who is not None:
        open_households = peil_households
    members = [m for m in b.members if m.household in open_households]
    eighteen = [(m, m.born.replace(year=m.born.year + 18)) for m in members if m.born]
    figures["achttien"] = [
        (
            (name, sum(1 for _m, e in eighteen if END < e <= SOON_UNTIL and (e.year, e.month) == (y, mo))),
            {m.household for m, e in eighteen if END < e <= SOON_UNTIL and (e.year, e.month) == (y, mo)},
        )
        for name, y, mo in SOON
    ]  # fmt: skip

    quality = []
    quiet_since, still_since = date(2026, 8, 25), date(2026, 5, 25)
    quiet = [
        t.household
        for t in peil
        if t.registered_on <= quiet_since
        and max((on for k, on, _kind in b.contacts if k == t.household), default=date.min)
        <= quiet_since
    ]
    still = [t.household for t in peil if max(t.events) <= still_since]
    child = {id(m) for m, e in eighteen if e > END}
    gezag = {m.household for m in members if m.gezag}
    quality_members = [
        ("Geboortedatum ontbreekt", [m.household for m in members if m.born is None]),
        (
            "BSN ontbreekt (nodig voor CBS)",
            [m.household for m in members if id(m) in child and not m.bsn],
        ),
        (
            "Niemand met gezag vastgelegd",
            [m.household for m in members if id(m) in child and m.household not in gezag],
        ),
    ]
    for what, found in (
        ("Geen contact in 3 maanden", quiet),
        ("Traject 6 maanden zonder verandering", still),
        *quality_members,
    ):
        if found:
            quality.append(((what, len(set(found)), len(found)), set(found)))
    figures["kwaliteit"] = quality
    return figures


def _counted(items: list[tuple[object, str]]) -> dict[object, tuple[int, set[str]]]:
    """Label -> (count, households): compared as a mapping (ties may come in any order)."""
    out: dict[object, tuple[int, set[str]]] = {}
    for label, household in items:
        n, households = out.get(label, (0, set()))
        out[label] = (n + 1, households | {household})
    return out


def _zrm(b: Built, mine: list[TrajectRow]) -> dict[tuple[str, str], tuple[object, ...]]:
    running = [t for t in mine if open_during(t, START, END)]
    series: dict[tuple[str, int, str], list] = defaultdict(list)  # type: ignore[type-arg]
    for m in b.measurements:
        if not m.complete or m.on > END:
            continue
        for t in running:
            inside = t.registered_on <= m.on and (t.closed_on is None or m.on <= t.closed_on)
            if t.household == m.household and inside:
                series[(m.person, id(t), m.version)].append(m)
    per_domain: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for (_person, _t, version), found in series.items():
        if len(found) < 2:
            continue
        found.sort(key=lambda m: m.on)
        first, latest = found[0], found[-1]
        for item, level in first.levels.items():
            after = latest.levels.get(item)
            if level is not None and after is not None:
                per_domain[(version, item)].append((level, after, first.household))
    out = {}
    for (version, item), pairs in per_domain.items():
        instrument = shipped_instruments()[("zrm", version)]
        name = instrument.name if version in instrument.name else f"{instrument.name} {version}"
        changes = [after - before for before, after, _h in pairs]
        out[(name, instrument.item(item).name)] = (
            len(pairs),
            round(statistics.mean(p[0] for p in pairs), 2),
            round(statistics.mean(p[1] for p in pairs), 2),
            round(statistics.mean(changes), 2),
            sum(1 for c in changes if c > 0),
            sum(1 for c in changes if c == 0),
            sum(1 for c in changes if c < 0),
            {p[2] for p in pairs},
        )
    return out


def dossier_numbers(session: Session, b: Built) -> dict[str, str]:
    rows = session.execute(text("SELECT id, dossier_number FROM household")).all()
    return {b.key_of(hex_id): number for hex_id, number in rows}


def assert_all(session: Session, b: Built, figures: Overview, who: str | None) -> None:
    want = expected(b, who, dossier_numbers(session, b))
    assert [t.key for t in figures.tables] == list(want)
    for key, value in want.items():
        table = figures.table(key)
        if isinstance(value, dict):  # label -> (count, households), in falling count
            if key == "zrm":
                found = {
                    (row[0], row[1]): (*row[2:], households) for row, households in got(b, table)
                }
            else:
                counts = [row[-1] for row in table.rows]
                assert counts == sorted(counts, reverse=True), key  # type: ignore[type-var]
                found = {
                    (row[0] if len(row) == 2 else row[:2]): (row[-1], households)
                    for row, households in got(b, table)
                }
            assert found == value, key
        else:
            assert got(b, table) == value, key


# --- the tests ------------------------------------------------------------------------------


def test_every_figure_for_the_whole_team(session: Session, team: Built) -> None:
    figures = overview(session, OverviewFilter(START, END))
    assert_all(session, team, figures, None)


def test_every_figure_for_one_team_member(session: Session, team: Built) -> None:
    anouk = team.medewerkers["anouk"]
    figures = overview(session, OverviewFilter(START, END, medewerker_id=anouk))
    assert_all(session, team, figures, "anouk")
    bram = team.medewerkers["bram"]
    assert_all(session, team, overview(session, OverviewFilter(START, END, bram)), "bram")


def test_the_known_answers_at_the_edges(session: Session, team: Built) -> None:
    """A few answers written out, so the recomputation above cannot drift with the code."""
    figures = overview(session, OverviewFilter(START, END))

    def rows(key: str) -> list[tuple[tuple[object, ...], set[str]]]:
        return got(team, figures.table(key))

    # closed on the peildatum: still open that day, with its regisseur; handed over on the
    # peildatum: counted for the new regisseur
    assert rows("caseload") == [
        (("Bram de Boer", 4), {"claes", "el_amrani", "jansen", "koster"}),
        (("Anouk Verbeek", 3), {"aydin", "bakker", "hendriks"}),
        (("(geen regisseur)", 2), {"de_wit", "gerritsen"}),
    ]
    assert [(r[1], r[3], r[4]) for r, _h in rows("werkvoorraad")] == [
        ("Gerritsen", 71, "geen regisseur, geen eerste contact"),
        ("De Wit", 51, "geen regisseur, geen eerste contact"),
        ("Jansen", 10, "geen eerste contact"),
    ]
    # registered on the first day counts in September; closed on the last day in November
    assert rows("wachttijd_contact")[0][0] == ("sep 2026", 3, 9.5, 1, 0, 1, 0, 1, 0)
    assert rows("wachttijd_contact")[-1][0] == ("Hele periode", 7, 9.5, 2, 0, 1, 1, 3, 0)
    assert rows("wachttijd_plan")[-1][0] == ("Hele periode", 7, 19.0, 1, 0, 1, 1, 4, 0)
    assert [r for r, _h in rows("trajecten")] == [
        ("sep 2026", 3, 6, 0),
        ("okt 2026", 2, 8, 1),
        ("nov 2026", 2, 9, 1),
    ]
    assert rows("duur") == [((2, 367.5, 1, 50.0), {"bakker", "fransen"})]
    assert rows("verwijzingen") == [((10, 3, 30.0), {"claes", "el_amrani", "fransen"})]
    # a handover is a change: Claes is not 'six months without a change'
    assert ("Traject 6 maanden zonder verandering", 1, 1) in [r for r, _h in rows("kwaliteit")]
    # the member turning 18 on the peildatum is not counted; the one on the last day is
    assert [r[1] for r, _h in rows("achttien")] == [1, 0, 1, 0, 0, 0, 1]
    zrm = {(r[0], r[1]): r[2:] for r, _h in rows("zrm")}
    # Hendriks: justitie niet beoordeeld first, huisvesting latest: only Claes in those
    assert zrm[("Zelfredzaamheid-Matrix 2017", "Justitie")] == (1, 2.0, 2.0, 0.0, 0, 1, 0)
    assert zrm[("Zelfredzaamheid-Matrix 2017", "Financiën")] == (2, 1.0, 3.5, 2.5, 2, 0, 0)
    # the incomplete third measurement of Hanna (financien 5) is ignored, Hugo's single one too
    assert zrm[("Zelfredzaamheid-Matrix 2017", "Werk & opleiding")] == (2, 2.0, 2.0, 0.0, 1, 0, 1)

    anouk = overview(session, OverviewFilter(START, END, team.medewerkers["anouk"]))
    # Claes was Anouk's during the period (period figures) but is Bram's on the peildatum
    assert {"claes"} <= {team.key_of(h) for h in anouk.table("trajecten").households[0]}
    assert got(team, anouk.table("caseload")) == [
        (("Anouk Verbeek", 3), {"aydin", "bakker", "hendriks"})
    ]
    assert "claes" not in {team.key_of(h) for hs in anouk.table("kwaliteit").households for h in hs}


def test_a_period_boundary_moves_the_counts(session: Session, team: Built) -> None:
    """One day later the period starts after Aydin's aanmelding; one day earlier the peildatum
    falls before Bakker's closing and Claes's handover."""
    later = overview(session, OverviewFilter(START + timedelta(days=1), END))
    assert later.table("wachttijd_contact").rows[-1][1] == 6
    earlier = overview(session, OverviewFilter(START, END - timedelta(days=1)))
    assert got(team, earlier.table("duur"))[0][0][0] == 1
    caseload = dict(earlier.table("caseload").rows)
    assert caseload["Anouk Verbeek"] == 4 and caseload["Bram de Boer"] == 3  # Claes still Anouk's


def test_the_counted_overdue_lines_are_the_te_doen_lines(session: Session, team: Built) -> None:
    """The counters registered beside the Te doen providers give exactly their lines."""
    for households in (None, {team.households["aydin"], team.households["el_amrani"]}):
        lines = Counter(item.kind for item in todo_list(session, END, households))
        counted = due_households(session, END, households)
        assert set(counted) == set(provider_kinds())
        for kind in provider_kinds():
            assert len(counted[kind]) == lines[kind], kind
            items = [i.household_id for i in todo_list(session, END, households) if i.kind == kind]
            assert sorted(counted[kind]) == sorted(items), kind
    assert lines["actie"] == 1 and lines["hertaxatie"] == 1


def test_a_change_after_the_peildatum_does_not_count_on_it(session: Session) -> None:
    """Looking back: on an earlier peildatum a traject still had no change for six months,
    whatever happened to it afterwards."""
    from models import households as service
    from models.enums import Phase
    from models.records import PhaseChange
    from tests.helpers import TODAY, register

    household_id = register(session, "Zoë van 't Hart", registered_on=date(2025, 1, 6))
    traject = service.load_dossier(session, household_id).traject
    assert traject is not None
    traject_id = traject.id
    service.change_phase(session, traject_id, PhaseChange(Phase.PLAN, TODAY), today=TODAY)
    earlier = OverviewFilter(date(2025, 6, 1), date(2025, 11, 1))
    quality = overview(session, earlier).table("kwaliteit")
    still = next(r for r in quality.rows if str(r[0]).startswith("Traject 6 maanden"))
    assert still[1] == 1  # on 1 November 2025 nothing had changed since January
    now = overview(session, OverviewFilter(date(2026, 1, 1), TODAY)).table("kwaliteit")
    assert not any(str(r[0]).startswith("Traject 6 maanden") for r in now.rows)


def test_the_headline_figures_are_written_the_dutch_way(session: Session, team: Built) -> None:
    """The cards read as the tables do: a decimal comma (the median of 4 and 15 days)."""
    figures = overview(session, OverviewFilter(START, END))
    values = {h.key: h.value for h in figures.headlines}
    assert values["wachttijd"] == "9,5 dagen"
    assert values["open"] == str(sum(int(r[1]) for r in figures.table("caseload").rows))  # type: ignore[call-overload]


def test_closed_without_a_first_contact_is_not_waiting(session: Session) -> None:
    """A traject closed before the peildatum without a first contact waits no more: it is
    'afgesloten zonder', not 'nog wachtend'."""
    from models import households as service
    from models.records import Closure
    from tests.helpers import register

    waiting = register(session, "Yılmaz", registered_on=date(2026, 10, 1))
    gone = register(session, "Nguyễn", registered_on=date(2026, 10, 2))
    traject = service.load_dossier(session, gone).traject
    assert traject is not None
    service.close_traject(session, traject.id, Closure(date(2026, 10, 20), "gestopt"), today=END)
    table = overview(session, OverviewFilter(date(2026, 10, 1), END)).table("wachttijd_contact")
    october = next(r for r in table.rows if r[0] == "okt 2026")
    assert (october[1], october[-2], october[-1]) == (2, 1, 1)
    del waiting
