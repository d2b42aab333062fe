"""The coordinator's overview: the team's figures, each defined once, here.

Every figure is computed from the rows in SQL (aggregates where they can be) and pandas
(medians, months, first-and-latest), never in a view. Each table keeps, per row, the
households behind it, so a click on a figure lists them. The definitions below are also the
texts under the tables (:data:`models.wording.OVERVIEW_DEFINITION`), so two people reading the
same screen get the same number.

- The *period* is ``start`` to ``end``, both inclusive; ``end`` is also the *peildatum*
  (the day 'open', 'waiting' and 'overdue' are counted on).
- A traject is *open on* a day when it was registered on or before that day and not closed
  before it (closed on that day or later, or not closed).
- The *regisseur on* a day is the assignment that started on or before it and did not end
  before it (a handover day counts for the new regisseur).
- With a team member chosen, only trajecten where that member was casusregisseur at some
  moment in the period count (for the peildatum figures: the regisseur on the peildatum).
- *First contact*: the earliest contact of the household of kind huisbezoek, telefoon or
  overleg on or after the aanmelding (and not after the traject closed).
- *Waiting time to first contact*: days from aanmelding to first contact, for trajecten
  registered in the period; *waiting time to plan*: days from aanmelding to the first change
  to phase 'plan'. Both per month of aanmelding: number, median, a distribution in
  bands, how many still wait (open on the peildatum) and how many closed before it without.
- *Caseload*: trajecten open on the peildatum per regisseur on the peildatum.
- *Werkvoorraad*: trajecten open on the peildatum without a regisseur or without a first
  contact by then, with the days waiting since aanmelding.
- *Started / running / closed* per month: registered in the month; open on any day of the
  month; closed in the month. *Duration*: days from aanmelding to closing of the trajecten
  closed in the period (median, share over 365 days). *End reasons* of those; *herkomst*
  of the trajecten registered in the period.
- *Verwijzingen*: of the trajecten open at any moment in the period, the share with a
  verwijzing made on or before the peildatum; the verwijzingen made in the period by
  organisation and hulpvorm, and by their status now.
- *Overdue*: what the Te doen list shows as overdue on the peildatum, by kind.
- *ZRM progress*, per instrument version: for each person with at least two complete
  measurements (every item scored or marked niet beoordeeld) within one traject open in the
  period, the change per domain from the first to the latest; items marked niet beoordeeld
  in either are left out of that domain; n per domain.
- *Turning 18*: members of households with an open traject on the peildatum whose 18th
  birthday falls in the six months after it, per month.
- *Data quality*: open trajecten without any contact in the last N months (3 unless given);
  open trajecten without a change (phase, regisseur, scaling) in the last 6 months; members
  of open trajecten without a date of birth, under 18 without a BSN (needed for the CBS
  delivery), or under 18 in a household where nobody has gezag.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import zrm
from models.codelists import load_codelists
from models.entities import (
    Household,
)
from models.enums import ContactKind, VerwijzingStatus
from models.instruments import Instrument
from models.overview_records import (
    NO_CONTACT_MONTHS,
    Column,
    Headline,
    HouseholdLine,
    Overview,
    OverviewFilter,
    OverviewTable,
)
from models.todo import due_households, regisseur_name
from models.wording import (
    OVERVIEW_DEFINITION,
    TODO_KIND,
    VERWIJZING_STATUS,
    count_text,
    number_text,
)

__all__ = [  # the plain values live in models.overview_records; named here as well
    "NO_CONTACT_MONTHS",
    "Column",
    "Headline",
    "HouseholdLine",
    "Overview",
    "OverviewFilter",
    "OverviewTable",
    "households_behind",
    "overview",
]

FIRST_CONTACT_KINDS = (ContactKind.HUISBEZOEK, ContactKind.TELEFOON, ContactKind.OVERLEG)
WAIT_BANDS = (
    (0, 7, "0–7 dagen"),
    (8, 14, "8–14 dagen"),
    (15, 28, "15–28 dagen"),
    (29, None, "29 dagen of meer"),
)
STILL_MONTHS = 6
ADULT_SOON_MONTHS = 6
LONG_DAYS = 365


# --- loading the rows ------------------------------------------------------------------------


def _rows(
    session: Session, sql: str, params: Sequence[object] | dict[str, object] = ()
) -> list[tuple[Any, ...]]:
    """Plain tuples from the DBAPI cursor: no result rows to build (pandas probes every row
    object it is given, which cost seconds on 20,000 households)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _frame(
    session: Session,
    sql: str,
    columns: list[str],
    dates: Sequence[str] = (),
    **params: object,
) -> pd.DataFrame:
    """Rows of a plain SQL query straight into a frame: ids stay the stored hex text and
    dates are parsed by pandas in one go."""
    frame = pd.DataFrame(_rows(session, sql, params), columns=columns)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def _trajecten(session: Session, f: OverviewFilter) -> pd.DataFrame:
    """Every traject registered on or before the peildatum, with its first contact, the
    day it first reached 'plan' and the day of its latest change (an event of its course
    or a new regisseur: a handover is not a traject event)."""
    frame = _frame(
        session,
        "SELECT id, household_id, registered_on, closed_on, close_reason, herkomst "
        "FROM traject WHERE registered_on <= :end",
        ["traject_id", "household_id", "registered_on", "closed_on", "close_reason", "herkomst"],
        ("registered_on", "closed_on"),
        end=f.end.isoformat(),
    )
    # one pass over each table, grouped (a subquery per traject cost most of a second)
    events = _frame(
        session,
        "SELECT traject_id, min(CASE WHEN kind = 'fase' AND to_phase = 'plan' "
        "THEN event_date END), max(event_date) FROM traject_event WHERE event_date <= :end "
        "GROUP BY traject_id",
        ["traject_id", "to_plan", "last_event"],
        ("to_plan", "last_event"),
        end=f.end.isoformat(),
    )
    handed = _frame(
        session,
        "SELECT traject_id, max(start_on) FROM regisseur_assignment WHERE start_on <= :end "
        "GROUP BY traject_id",
        ["traject_id", "last_regisseur"],
        ("last_regisseur",),
        end=f.end.isoformat(),
    )
    frame = frame.join(events.set_index("traject_id"), on="traject_id").join(
        handed.set_index("traject_id"), on="traject_id"
    )
    frame["last_event"] = frame[["last_event", "last_regisseur"]].max(axis=1)
    frame = frame.drop(columns="last_regisseur")
    kinds = ", ".join(f"'{k.value}'" for k in FIRST_CONTACT_KINDS)
    contacts = _frame(
        session,
        f"SELECT household_id, contact_date FROM contact WHERE kind IN ({kinds}) "  # noqa: S608 our enum values
        "AND contact_date <= :end",
        ["household_id", "contact_date"],
        ("contact_date",),
        end=f.end.isoformat(),
    )
    pairs = frame[["traject_id", "household_id", "registered_on", "closed_on"]].merge(
        contacts, on="household_id"
    )
    pairs = pairs[
        (pairs["contact_date"] >= pairs["registered_on"])
        & (pairs["closed_on"].isna() | (pairs["contact_date"] <= pairs["closed_on"]))
    ]
    first = pairs.groupby("traject_id")["contact_date"].min().rename("first_contact")
    return frame.join(first, on="traject_id")


def _assignments(session: Session, f: OverviewFilter) -> pd.DataFrame:
    return _frame(
        session,
        "SELECT a.traject_id, a.medewerker_id, a.start_on, a.end_on, m.name "
        "FROM regisseur_assignment a JOIN medewerker m ON m.id = a.medewerker_id "
        "WHERE a.start_on <= :end",
        ["traject_id", "medewerker_id", "start_on", "end_on", "name"],
        ("start_on", "end_on"),
        end=f.end.isoformat(),
    )


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day)


def _open_on(trajecten: pd.DataFrame, day: date) -> pd.Series:
    t = _ts(day)
    return (trajecten["registered_on"] <= t) & (
        trajecten["closed_on"].isna() | (trajecten["closed_on"] >= t)
    )


def _open_during(trajecten: pd.DataFrame, start: date, end: date) -> pd.Series:
    return (trajecten["registered_on"] <= _ts(end)) & (
        trajecten["closed_on"].isna() | (trajecten["closed_on"] >= _ts(start))
    )


def _regisseur_on(assignments: pd.DataFrame, day: date) -> pd.DataFrame:
    """traject_id -> medewerker_id, name of the regisseur on ``day``."""
    t = _ts(day)
    current = assignments[
        (assignments["start_on"] <= t)
        & (assignments["end_on"].isna() | (assignments["end_on"] >= t))
    ]
    # two on one day (a handover, the old one ending that day): the later start wins; an
    # assignment ended by closing the traject that day still counts
    current = current.sort_values("start_on").drop_duplicates("traject_id", keep="last")
    return current.set_index("traject_id")[["medewerker_id", "name"]]


def _of_medewerker(
    trajecten: pd.DataFrame, assignments: pd.DataFrame, f: OverviewFilter
) -> pd.DataFrame:
    """The trajecten where the chosen team member was regisseur at some moment in the period."""
    if f.medewerker_id is None:
        return trajecten
    mine = assignments[
        (assignments["medewerker_id"] == f.medewerker_id.hex)
        & (assignments["start_on"] <= _ts(f.end))
        & (assignments["end_on"].isna() | (assignments["end_on"] >= _ts(f.start)))
    ]
    return trajecten[trajecten["traject_id"].isin(set(mine["traject_id"]))]


@cache
def _uuid(stored: str) -> uuid.UUID:
    return uuid.UUID(hex=stored)


def _ids(series: pd.Series) -> frozenset[str]:
    """The households of the rows, as stored (hex): turned into ids only when listed."""
    return frozenset(series.unique().tolist())


def _median(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.median()) if len(values) else None


def _months(start: date, end: date) -> list[pd.Period]:
    return list(pd.period_range(start=start, end=end, freq="M"))


def _month_name(period: pd.Period) -> str:
    return f"{MONTHS[period.month - 1]} {period.year}"


MONTHS = (
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
)  # fmt: skip


# --- the figures -------------------------------------------------------------------------------


def _caseload(trajecten: pd.DataFrame, on: pd.DataFrame, f: OverviewFilter) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)].join(on, on="traject_id")
    if f.medewerker_id is not None:
        open_ = open_[open_["medewerker_id"] == f.medewerker_id.hex]
    open_ = open_.assign(name=open_["name"].fillna("(geen regisseur)"))
    rows, households = [], []
    for name, group in sorted(open_.groupby("name"), key=lambda g: (-len(g[1]), g[0])):
        rows.append((name, len(group)))
        households.append(_ids(group["household_id"]))
    return OverviewTable(
        "caseload",
        "Caseload per regisseur",
        (Column("Regisseur"), Column("Open trajecten", "int")),
        tuple(rows),
        tuple(households),
    )


def _werkvoorraad(
    trajecten: pd.DataFrame,
    on: pd.DataFrame,
    f: OverviewFilter,
    numbers: dict[str, tuple[str, str]],
) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)].join(on, on="traject_id")
    if f.medewerker_id is not None:
        open_ = open_[open_["medewerker_id"] == f.medewerker_id.hex]
    peil = _ts(f.end)
    no_regisseur = open_["medewerker_id"].isna()
    no_contact = open_["first_contact"].isna() | (open_["first_contact"] > peil)
    waiting = open_[no_regisseur | no_contact].copy()
    waiting["days"] = (peil - waiting["registered_on"]).dt.days
    waiting = waiting.sort_values("days", ascending=False)
    regisseur = waiting["medewerker_id"].isna()
    contact = waiting["first_contact"].isna() | (waiting["first_contact"] > peil)
    missing = [
        "geen regisseur, geen eerste contact"
        if r and c
        else "geen regisseur"
        if r
        else "geen eerste contact"
        for r, c in zip(regisseur.tolist(), contact.tolist(), strict=True)
    ]
    ids = waiting["household_id"].tolist()
    rows = tuple(
        (*numbers.get(h, ("", "")), day, days, what)
        for h, day, days, what in zip(
            ids,
            waiting["registered_on"].dt.date.tolist(),
            waiting["days"].astype(int).tolist(),
            missing,
            strict=True,
        )
    )
    households = tuple(frozenset({h}) for h in ids)
    return OverviewTable(
        "werkvoorraad",
        "Werkvoorraad",
        (
            Column("Dossier"),
            Column("Huishouden"),
            Column("Aangemeld", "date"),
            Column("Dagen wachtend", "int"),
            Column("Wat ontbreekt"),
        ),
        rows,
        households,
    )


def _not_reached(group: pd.DataFrame, f: OverviewFilter) -> tuple[int, int]:
    """Of the trajecten that did not get there by the peildatum: those still open on it
    (waiting) and those closed before it without (they wait no more)."""
    missing = group[group["days"].isna()]
    closed = missing["closed_on"].notna() & (missing["closed_on"] < _ts(f.end))
    return int((~closed).sum()), int(closed.sum())


def _waiting(
    trajecten: pd.DataFrame, f: OverviewFilter, column: str, key: str, title: str
) -> tuple[OverviewTable, tuple[tuple[str, float], ...]]:
    registered = trajecten[
        (trajecten["registered_on"] >= _ts(f.start)) & (trajecten["registered_on"] <= _ts(f.end))
    ].copy()
    reached = registered[column].notna() & (registered[column] <= _ts(f.end))
    registered["days"] = (registered[column] - registered["registered_on"]).dt.days.where(reached)
    registered["month"] = registered["registered_on"].dt.to_period("M")
    rows, households, series = [], [], []
    for month in _months(f.start, f.end):
        group = registered[registered["month"] == month]
        days = group["days"].dropna()
        median = _median(days)
        bands = [
            int(((days >= low) & (days <= high if high is not None else True)).sum())
            for low, high, _label in WAIT_BANDS
        ]
        rows.append((_month_name(month), len(group), median, *bands, *_not_reached(group, f)))
        households.append(_ids(group["household_id"]))
        if median is not None:
            series.append((_month_name(month), median))
    total_days = registered["days"].dropna()
    rows.append(
        (
            "Hele periode",
            len(registered),
            _median(total_days),
            *[
                int(
                    ((total_days >= low) & (total_days <= high if high is not None else True)).sum()
                )
                for low, high, _label in WAIT_BANDS
            ],
            *_not_reached(registered, f),
        )
    )
    households.append(_ids(registered["household_id"]))
    return (
        OverviewTable(
            key,
            title,
            (
                Column("Maand van aanmelding"),
                Column("Aanmeldingen", "int"),
                Column("Mediaan (dagen)", "number"),
                *(Column(label, "int") for _low, _high, label in WAIT_BANDS),
                Column("Nog wachtend", "int"),
                Column("Afgesloten zonder", "int"),
            ),
            tuple(rows),
            tuple(households),
        ),
        tuple(series),
    )


def _flow(
    trajecten: pd.DataFrame, f: OverviewFilter
) -> tuple[OverviewTable, dict[str, tuple[tuple[str, float], ...]]]:
    rows, households = [], []
    started_series, closed_series = [], []
    for month in _months(f.start, f.end):
        first = max(month.start_time.date(), f.start)
        last = min(month.end_time.date(), f.end)
        started = trajecten[
            (trajecten["registered_on"] >= _ts(first)) & (trajecten["registered_on"] <= _ts(last))
        ]
        running = trajecten[_open_during(trajecten, first, last)]
        closed = trajecten[
            trajecten["closed_on"].notna()
            & (trajecten["closed_on"] >= _ts(first))
            & (trajecten["closed_on"] <= _ts(last))
        ]
        rows.append((_month_name(month), len(started), len(running), len(closed)))
        households.append(_ids(running["household_id"]))
        started_series.append((_month_name(month), float(len(started))))
        closed_series.append((_month_name(month), float(len(closed))))
    return (
        OverviewTable(
            "trajecten",
            "Trajecten per maand",
            (
                Column("Maand"),
                Column("Gestart", "int"),
                Column("Lopend", "int"),
                Column("Afgesloten", "int"),
            ),
            tuple(rows),
            tuple(households),
        ),
        {"gestart": tuple(started_series), "afgesloten": tuple(closed_series)},
    )


def _closed(trajecten: pd.DataFrame, f: OverviewFilter) -> tuple[OverviewTable, OverviewTable]:
    closed = trajecten[
        trajecten["closed_on"].notna()
        & (trajecten["closed_on"] >= _ts(f.start))
        & (trajecten["closed_on"] <= _ts(f.end))
    ].copy()
    closed["days"] = (closed["closed_on"] - closed["registered_on"]).dt.days
    long_ = closed[closed["days"] > LONG_DAYS]
    share = round(100 * len(long_) / len(closed), 1) if len(closed) else None
    duration = OverviewTable(
        "duur",
        "Duur van afgesloten trajecten",
        (
            Column("Afgesloten trajecten", "int"),
            Column("Mediaan duur (dagen)", "number"),
            Column("Langer dan een jaar", "int"),
            Column("Aandeel langer dan een jaar (%)", "percent"),
        ),
        ((len(closed), _median(closed["days"]), len(long_), share),),
        (_ids(closed["household_id"]),),
    )
    reasons = load_codelists().lists.get("afsluitreden", {})
    rows, households = [], []
    for code, group in sorted(
        closed.groupby(closed["close_reason"].fillna("")), key=lambda g: -len(g[1])
    ):
        rows.append((reasons.get(code, code or "(geen reden)"), len(group)))
        households.append(_ids(group["household_id"]))
    return duration, OverviewTable(
        "afsluitredenen",
        "Afsluitredenen",
        (Column("Reden"), Column("Trajecten", "int")),
        tuple(rows),
        tuple(households),
    )


def _herkomst(trajecten: pd.DataFrame, f: OverviewFilter) -> OverviewTable:
    registered = trajecten[
        (trajecten["registered_on"] >= _ts(f.start)) & (trajecten["registered_on"] <= _ts(f.end))
    ]
    names = load_codelists().lists.get("herkomst", {})
    rows, households = [], []
    for code, group in sorted(
        registered.groupby(registered["herkomst"].fillna("")), key=lambda g: -len(g[1])
    ):
        rows.append((names.get(code, code or "(onbekend)"), len(group)))
        households.append(_ids(group["household_id"]))
    return OverviewTable(
        "herkomst",
        "Herkomst van aanmeldingen",
        (Column("Herkomst"), Column("Aanmeldingen", "int")),
        tuple(rows),
        tuple(households),
    )


def _verwijzingen(
    session: Session, trajecten: pd.DataFrame, f: OverviewFilter
) -> tuple[OverviewTable, OverviewTable, OverviewTable]:
    running = trajecten[_open_during(trajecten, f.start, f.end)]
    frame = _frame(
        session,
        "SELECT traject_id, household_id, referred_on, hulpvorm, status, organisation_id "
        "FROM verwijzing WHERE referred_on <= :end",
        ["traject_id", "household_id", "referred_on", "hulpvorm", "status", "organisation_id"],
        ("referred_on",),
        end=f.end.isoformat(),
    )
    frame = frame[frame["traject_id"].isin(set(running["traject_id"]))]
    with_one = running[running["traject_id"].isin(set(frame["traject_id"]))]
    share = round(100 * len(with_one) / len(running), 1) if len(running) else None
    summary = OverviewTable(
        "verwijzingen",
        "Verwijzingen",
        (
            Column("Lopende trajecten in de periode", "int"),
            Column("Met een verwijzing", "int"),
            Column("Aandeel met een verwijzing (%)", "percent"),
        ),
        ((len(running), len(with_one), share),),
        (_ids(with_one["household_id"]),),
    )
    names: dict[str, str] = dict(_rows(session, "SELECT id, name FROM organisation"))
    hulpvormen = load_codelists().lists.get("hulpvorm", {})
    made = frame[(frame["referred_on"] >= _ts(f.start)) & (frame["referred_on"] <= _ts(f.end))]
    dest_rows, dest_households = [], []
    grouped = made.groupby(["organisation_id", "hulpvorm"])
    for (organisation_id, hulpvorm), group in sorted(grouped, key=lambda g: -len(g[1])):
        dest_rows.append(
            (names.get(organisation_id, ""), hulpvormen.get(hulpvorm, hulpvorm), len(group))
        )
        dest_households.append(_ids(group["household_id"]))
    destinations = OverviewTable(
        "verwijzingen_bestemming",
        "Verwijzingen naar bestemming",
        (Column("Organisatie"), Column("Hulpvorm"), Column("Verwijzingen", "int")),
        tuple(dest_rows),
        tuple(dest_households),
    )
    status_rows, status_households = [], []
    for status in VerwijzingStatus:
        group = made[made["status"] == status]
        status_rows.append((VERWIJZING_STATUS[status].capitalize(), len(group)))
        status_households.append(_ids(group["household_id"]))
    statuses = OverviewTable(
        "verwijzingen_status",
        "Verwijzingen naar status nu",
        (Column("Status"), Column("Verwijzingen", "int")),
        tuple(status_rows),
        tuple(status_households),
    )
    return summary, destinations, statuses


def _overdue(
    session: Session, f: OverviewFilter, households: set[uuid.UUID] | None
) -> OverviewTable:
    due = due_households(session, f.end, households)
    rows, ids = [], []
    for kind, found in sorted(due.items(), key=lambda k: TODO_KIND.get(k[0], k[0])):
        rows.append((TODO_KIND.get(kind, kind), len(found)))
        ids.append(frozenset(h.hex for h in found))
    return OverviewTable(
        "overdue",
        "Over de datum",
        (Column("Wat"), Column("Aantal", "int")),
        tuple(rows),
        tuple(ids),
    )


# the answers and levels of some measurements ({marks}: one '?' per id)
_ANSWERED_OF = (
    "SELECT measurement_id, count(*) FROM measurement_score WHERE measurement_id IN ({marks}) "
    "AND (level IS NOT NULL OR not_assessed = 1) GROUP BY measurement_id"
)
_LEVELS_OF = (
    "SELECT measurement_id, item_code, level FROM measurement_score "
    "WHERE level IS NOT NULL AND measurement_id IN ({marks})"
)


def _chunked(session: Session, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """``sql`` (with ``{marks}``) for the ids, 900 at a time (SQLite's variable limit)."""
    rows: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), 900):
        part = tuple(ids[i : i + 900])
        rows.extend(_rows(session, sql.format(marks=", ".join("?" * len(part))), part))
    return rows


def _instrument_name(instrument: Instrument | None, code: str, version: str) -> str:
    """'Zelfredzaamheid-Matrix 2017' (the name, with the version unless the name has it)."""
    name = instrument.name if instrument else code
    return name if version in name else f"{name} {version}"


# ZRM progress in one statement: measurements within a traject that ran in the period,
# complete ones only (answered items = the instrument's items, given as ``items``), the first
# and the latest per person, traject and instrument version (at least two), their levels per
# item compared; only the per-domain sums come back.
_PROGRESS = """
WITH items(code, version, n) AS (VALUES {items}),
running AS (
    SELECT id AS traject_id, household_id, registered_on, closed_on FROM traject
    WHERE registered_on <= :end AND (closed_on IS NULL OR closed_on >= :start) {only}
),
answered AS (
    SELECT measurement_id, count(*) AS n FROM measurement_score
    WHERE level IS NOT NULL OR not_assessed = 1 GROUP BY measurement_id
),
complete AS (
    SELECT m.id, m.person_id, m.household_id, m.instrument_code AS code,
           m.instrument_version AS version, m.measured_on, r.traject_id
    FROM measurement m
    JOIN running r ON r.household_id = m.household_id AND m.measured_on >= r.registered_on
         AND (r.closed_on IS NULL OR m.measured_on <= r.closed_on)
    JOIN answered a ON a.measurement_id = m.id
    JOIN items i ON i.code = m.instrument_code AND i.version = m.instrument_version AND i.n = a.n
    WHERE m.person_id IS NOT NULL AND m.measured_on <= :end
),
ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY person_id, traject_id, code, version
                           ORDER BY measured_on, id) AS first_rank,
        row_number() OVER (PARTITION BY person_id, traject_id, code, version
                           ORDER BY measured_on DESC, id DESC) AS latest_rank,
        count(*) OVER (PARTITION BY person_id, traject_id, code, version) AS measured
    FROM complete
),
pairs AS (
    SELECT f.code, f.version, f.household_id, f.id AS first_id, l.id AS latest_id
    FROM ranked f JOIN ranked l ON l.person_id = f.person_id AND l.traject_id = f.traject_id
         AND l.code = f.code AND l.version = f.version AND l.latest_rank = 1
    WHERE f.first_rank = 1 AND f.measured >= 2
)
SELECT p.code, p.version, s1.item_code, count(*), avg(s1.level), avg(s2.level),
       avg(s2.level - s1.level), sum(s2.level > s1.level), sum(s2.level = s1.level),
       sum(s2.level < s1.level), group_concat(DISTINCT p.household_id)
FROM pairs p
JOIN measurement_score s1 ON s1.measurement_id = p.first_id AND s1.level IS NOT NULL
JOIN measurement_score s2 ON s2.measurement_id = p.latest_id AND s2.item_code = s1.item_code
     AND s2.level IS NOT NULL
GROUP BY p.code, p.version, s1.item_code
"""


def _zrm_progress(session: Session, f: OverviewFilter, trajecten: pd.DataFrame) -> OverviewTable:
    """``trajecten``: with a team member chosen, only these count."""
    known = zrm.instruments(session)
    values: list[object] = []
    for (code, version), shipped in sorted(known.items()):
        values += [code, version, len(shipped.items)]
    only: list[str] = []
    if f.medewerker_id is not None:
        only = sorted(set(trajecten["traject_id"])) or [""]
    sql = (
        _PROGRESS.replace(":start", "?")
        .replace(":end", "?")
        .replace("{only}", f"AND id IN ({', '.join('?' * len(only))})" if only else "")
        .format(items=", ".join("(?, ?, ?)" for _ in known))
    )
    params = (*values, f.end.isoformat(), f.start.isoformat(), *only, f.end.isoformat())
    found = _rows(session, sql, params) if known else []
    table_rows, households = [], []
    for code, version in sorted({(row[0], row[1]) for row in found}):
        instrument = known.get((code, version))
        order = {item.code: n for n, item in enumerate(instrument.items)} if instrument else {}
        domains = sorted(
            (row for row in found if (row[0], row[1]) == (code, version)),
            key=lambda row: order.get(row[2], 99),
        )
        for _c, _v, item_code, n, first, latest, change, up, same, down, ids in domains:
            item = instrument.item(item_code) if instrument else None
            table_rows.append(
                (
                    _instrument_name(instrument, code, version),
                    item.name if item else item_code,
                    int(n),
                    round(float(first), 2),
                    round(float(latest), 2),
                    round(float(change), 2),
                    int(up),
                    int(same),
                    int(down),
                )
            )
            households.append(frozenset(ids.split(",")))
    return OverviewTable(
        "zrm",
        "ZRM-voortgang per domein",
        (
            Column("Instrument"),
            Column("Domein"),
            Column("Personen (n)", "int"),
            Column("Eerste (gem.)", "number"),
            Column("Laatste (gem.)", "number"),
            Column("Verandering (gem.)", "number"),
            Column("Vooruit", "int"),
            Column("Gelijk", "int"),
            Column("Achteruit", "int"),
        ),
        tuple(table_rows),
        tuple(households),
    )


def _members(session: Session, f: OverviewFilter) -> pd.DataFrame:
    """The members of households with a traject open on the peildatum (no names: those of
    the few a figure lists are read then), with their 18th birthday."""
    frame = _frame(
        session,
        "SELECT p.id, p.household_id, p.date_of_birth, p.bsn IS NOT NULL AND p.bsn != '', "
        "p.gezag FROM person p WHERE p.household_id IN (SELECT t.household_id FROM traject t "
        "WHERE t.registered_on <= :end AND (t.closed_on IS NULL OR t.closed_on >= :end))",
        ["person_id", "household_id", "born", "has_bsn", "gezag"],
        ("born",),
        end=f.end.isoformat(),
    )
    frame["gezag"] = frame["gezag"].astype(bool)
    frame["has_bsn"] = frame["has_bsn"].astype(bool)
    born = frame["born"]
    eighteen = pd.to_datetime(
        pd.DataFrame({"year": born.dt.year + 18, "month": born.dt.month, "day": born.dt.day}),
        errors="coerce",
    )
    # 29 February: the birthday falls on 1 March (as models.records.birthday)
    leap = born.notna() & eighteen.isna()
    eighteen[leap] = pd.to_datetime(
        pd.DataFrame({"year": born[leap].dt.year + 18, "month": 3, "day": 1})
    )
    frame["eighteen"] = eighteen
    return frame


def _turning_18(members: pd.DataFrame, f: OverviewFilter) -> OverviewTable:
    until = _months_after(f.end, ADULT_SOON_MONTHS)
    soon = members[(members["eighteen"] > _ts(f.end)) & (members["eighteen"] <= _ts(until))]
    by_month = soon.groupby(soon["eighteen"].dt.to_period("M"))
    months = _months(f.end + timedelta(days=1), until)
    groups = {month: group for month, group in by_month}
    return OverviewTable(
        "achttien",
        "Wordt binnenkort 18",
        (Column("Maand"), Column("Jongeren", "int")),
        tuple((_month_name(m), len(groups[m]) if m in groups else 0) for m in months),
        tuple(_ids(groups[m]["household_id"]) if m in groups else frozenset() for m in months),
    )


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:  # 31 August + 6 months: the end of February
        return date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)


def _quality(
    session: Session,
    trajecten: pd.DataFrame,
    on: pd.DataFrame,
    members: pd.DataFrame,
    f: OverviewFilter,
    numbers: dict[str, tuple[str, str]],
) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)].join(on, on="traject_id")
    last_contact = _frame(
        session,
        "SELECT household_id, max(contact_date) FROM contact WHERE contact_date <= :end "
        "GROUP BY household_id",
        ["household_id", "last_contact"],
        ("last_contact",),
        end=f.end.isoformat(),
    )
    open_ = open_.merge(last_contact, on="household_id", how="left")
    quiet_since = _ts(_months_after(f.end, -f.no_contact_months))
    still_since = _ts(_months_after(f.end, -STILL_MONTHS))
    found: list[pd.DataFrame] = []

    quiet = open_[
        (open_["registered_on"] <= quiet_since)
        & (open_["last_contact"].isna() | (open_["last_contact"] <= quiet_since))
    ]
    found.append(
        pd.DataFrame(
            {
                "household_id": quiet["household_id"],
                "what": f"Geen contact in {f.no_contact_months} maanden",
                "detail": [
                    "nog nooit contact" if pd.isna(d) else f"laatste contact {d:%d-%m-%Y}"
                    for d in quiet["last_contact"]
                ],
            }
        )
    )
    last = open_["last_event"].fillna(open_["registered_on"])
    still = open_[last <= still_since]
    found.append(
        pd.DataFrame(
            {
                "household_id": still["household_id"],
                "what": f"Traject {STILL_MONTHS} maanden zonder verandering",
                "detail": [f"laatste verandering {d:%d-%m-%Y}" for d in last[last <= still_since]],
            }
        )
    )
    child = members["eighteen"] > _ts(f.end)
    gezag = set(members.loc[members["gezag"], "household_id"])
    problems = (
        (members["born"].isna(), "Geboortedatum ontbreekt"),
        (child & ~members["has_bsn"], "BSN ontbreekt (nodig voor CBS)"),
        (child & ~members["household_id"].isin(gezag), "Niemand met gezag vastgelegd"),
    )
    for mask, what in problems:
        group = members[mask]
        found.append(
            pd.DataFrame({"household_id": group["household_id"], "what": what, "detail": ""})
        )
    every = pd.concat(found, ignore_index=True)
    order = [what for what, _group in every.groupby("what", sort=False)]
    rows, households = [], []
    for what in order:
        group = every[every["what"] == what]
        rows.append((what, group["household_id"].nunique(), len(group)))
        households.append(_ids(group["household_id"]))
    return OverviewTable(
        "kwaliteit",
        "Datakwaliteit",
        (Column("Wat"), Column("Dossiers", "int"), Column("Aantal", "int")),
        tuple(rows),
        tuple(households),
    )


def _numbers(session: Session) -> dict[str, tuple[str, str]]:
    """Dossier number and name of every household, by stored id."""
    return {
        household_id: (number, name)
        for household_id, number, name in _rows(
            session, "SELECT id, dossier_number, name FROM household"
        )
    }


# --- the whole overview ----------------------------------------------------------------------


def overview(session: Session, f: OverviewFilter) -> Overview:
    """Every figure of the overview for the period and team member of ``f``."""
    session.flush()  # the figures read the rows below the ORM: what is pending goes first
    every = _trajecten(session, f)
    assignments = _assignments(session, f)
    on = _regisseur_on(assignments, f.end)
    trajecten = _of_medewerker(every, assignments, f)
    # the peildatum figures with a team member chosen: the trajecten they are regisseur of then
    current = trajecten
    if f.medewerker_id is not None:
        current = every[
            every["traject_id"].isin(set(on[on["medewerker_id"] == f.medewerker_id.hex].index))
        ]
    numbers = _numbers(session)
    members = _members(session, f)
    members = members[members["household_id"].isin(set(current["household_id"]))]
    caseload = _caseload(every, on, f)
    werkvoorraad = _werkvoorraad(trajecten, on, f, numbers)
    contact_wait, contact_series = _waiting(
        trajecten, f, "first_contact", "wachttijd_contact", "Wachttijd tot eerste contact"
    )
    plan_wait, _plan_series = _waiting(
        trajecten, f, "to_plan", "wachttijd_plan", "Wachttijd tot fase plan"
    )
    flow, flow_series = _flow(trajecten, f)
    duration, reasons = _closed(trajecten, f)
    herkomst = _herkomst(trajecten, f)
    referrals, destinations, statuses = _verwijzingen(session, trajecten, f)
    mine = None
    if f.medewerker_id is not None:
        mine = set(on[on["medewerker_id"] == f.medewerker_id.hex].index)
        mine = {_uuid(h) for h in trajecten[trajecten["traject_id"].isin(mine)]["household_id"]}
    overdue = _overdue(session, f, mine)
    progress = _zrm_progress(session, f, trajecten)
    adults = _turning_18(members, f)
    quality = _quality(session, current, on, members, f, numbers)
    tables = (
        caseload,
        werkvoorraad,
        contact_wait,
        plan_wait,
        flow,
        duration,
        reasons,
        herkomst,
        referrals,
        destinations,
        statuses,
        overdue,
        progress,
        adults,
        quality,
    )
    total_open = sum(int(r[1]) for r in caseload.rows)  # type: ignore[call-overload]
    whole = contact_wait.rows[-1]
    late = frozenset().union(*overdue.households)
    headlines = (
        Headline(
            "open",
            "Open trajecten",
            number_text(total_open),
            "caseload",
            frozenset().union(*caseload.households),
        ),
        Headline(
            "werkvoorraad",
            "Werkvoorraad",
            number_text(len(werkvoorraad.rows)),
            "werkvoorraad",
            frozenset().union(*werkvoorraad.households),
            warn=bool(werkvoorraad.rows),
        ),
        Headline(
            "wachttijd",
            "Mediane wachttijd tot eerste contact",
            "–" if whole[2] is None else f"{whole[2]:g} dagen".replace(".", ","),  # 9,5
            "wachttijd_contact",
            contact_wait.households[-1],
        ),
        Headline(
            "overdue",
            f"Over de datum, in {count_text(len(late), 'huishouden', 'huishoudens')}",
            number_text(sum(int(r[1]) for r in overdue.rows)),  # type: ignore[call-overload]
            "overdue",
            late,
            warn=any(r[1] for r in overdue.rows),
        ),
    )
    return Overview(
        f,
        headlines,
        tuple(replace(t, definition=OVERVIEW_DEFINITION.get(t.key, "")) for t in tables),
        {
            "caseload": tuple((str(r[0]), float(r[1])) for r in caseload.rows),  # type: ignore[arg-type]
            "wachttijd": contact_series,
            **flow_series,
            "overdue": tuple((str(r[0]), float(r[1])) for r in overdue.rows),  # type: ignore[arg-type]
        },
    )


def households_behind(session: Session, ids: Iterable[str]) -> list[HouseholdLine]:
    """The households behind a figure (stored ids), by dossier number, with their current
    regisseur."""
    id_list = [_uuid(h) for h in ids]
    if not id_list:
        return []
    regisseur = regisseur_name(Household.id)
    lines = []
    for chunk in range(0, len(id_list), 500):
        for household_id, number, name, regisseur_text in session.execute(
            select(Household.id, Household.dossier_number, Household.name, regisseur).where(
                Household.id.in_(id_list[chunk : chunk + 500])
            )
        ):
            lines.append(HouseholdLine(household_id, number, name, regisseur_text or ""))
    return sorted(lines, key=lambda line: line.dossier_number)
