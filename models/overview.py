"""The coordinator's overview: the team's figures, each defined once, here.

Every figure is computed from the rows in SQL (aggregates where they can be) and pandas
(medians, months, first-and-latest), never in a view; a traject's first 'plan', latest
event, first and latest contact and a measurement's levels come from the summary columns
the triggers of migration 0021 keep beside them. Each table keeps, per row, the
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

import gc
import json
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy as np
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
from models.todo import due_households, regisseur_name, stored_uuid
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

log = logging.getLogger(__name__)

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
    dates are parsed in one go (:func:`_parsed`)."""
    frame = pd.DataFrame(_rows(session, sql, params), columns=columns, dtype=object)
    for column in dates:
        frame[column] = _parsed(frame[column].fillna(""))
    return frame


UNIT = "\x1f"  # ASCII unit separator: never in a stored id, date, enum value, number or hex


def _packed(
    session: Session,
    select: dict[str, str],
    rest: str,
    *,
    dates: Sequence[str] = (),
    flags: Sequence[str] = (),
    codes: Sequence[str] = (),
    **params: object,
) -> pd.DataFrame:
    """The rows of ``SELECT <select> <rest>`` as a frame, fetched as one text: SQLite joins
    the values with the unit separator and Python splits them once, half the cost of
    fetching 20,000 rows tuple by tuple. Only for ids, dates, enum values, numbers and JSON;
    ``codes`` (codelist and instrument codes a beheerder chose) travel as hex(). NULL
    arrives as '' (a date as NaT, a code as None); ``flags`` (0/1) become booleans. The rows
    come in no set order (an ORDER BY in ``rest`` sorts the one joined row, not the rows):
    sort the frame where order matters."""
    expressions = [f"hex({e})" if name in codes else e for name, e in select.items()]
    # concat() reads NULL as ''; the separator as a parameter, not a char(31) call per value
    joined = ", :packed_unit, ".join(expressions)
    found = _rows(
        session,
        f"SELECT group_concat(concat({joined}), :packed_unit) {rest}",
        {**params, "packed_unit": UNIT},
    )
    text = found[0][0] if found else None
    values = text.split(UNIT) if text else []
    if len(values) % len(select):  # cannot happen with the values above; never misread
        raise ValueError("a packed value held the separator")
    frame = pd.DataFrame(  # object columns: inferring pandas' string dtype costs a tenth
        np.array(values, dtype=object).reshape(-1, len(select)),
        columns=list(select),
        dtype=object,
    )
    for column in dates:  # numpy reads ISO dates ('' is NaT) at twice pandas' speed
        frame[column] = _parsed(frame[column])
    for column in flags:
        frame[column] = frame[column] == "1"
    for column in codes:
        decoded = {h: bytes.fromhex(h).decode() if h else None for h in set(frame[column].tolist())}
        frame[column] = frame[column].map(decoded).astype(object)
    return frame


def _parsed(days: pd.Series) -> np.ndarray:
    """Stored dates ('2026-11-25', '' for none) as datetime64[us] (NaT for none). A value
    that is no such date (written outside the app: '2008-02-30', '2008-05') is NaT too and
    counted in the log, by column and without the value: one bad row does not take the
    whole overview down."""
    values = days.to_numpy()
    if set(map(len, values)) <= {0, 10}:  # numpy also reads '2008-05' and '2008': not those
        try:
            parsed: np.ndarray = values.astype("datetime64[D]").astype("datetime64[us]")
            return parsed
        except ValueError:
            pass
    # '2008-5-1' too, but not what pandas reads besides ('today', 'now')
    shaped = days.astype(object).str.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", na=False)
    lenient = pd.to_datetime(days.where(shaped, None), format="%Y-%m-%d", errors="coerce")
    unreadable = int((lenient.isna() & (days != "")).sum())
    if unreadable:
        log.warning("overview: %d dates in %s could not be read", unreadable, days.name)
    coerced: np.ndarray = lenient.to_numpy().astype("datetime64[us]")
    return coerced


def _assignments(session: Session, f: OverviewFilter) -> pd.DataFrame:
    frame = _packed(
        session,
        {c: c for c in ("traject_id", "medewerker_id", "start_on", "end_on")},
        "FROM regisseur_assignment WHERE start_on <= :end",
        dates=("start_on", "end_on"),
        end=f.end.isoformat(),
    )
    names = dict(_rows(session, "SELECT id, name FROM medewerker"))
    return frame.assign(name=frame["medewerker_id"].map(names).astype(object))


# A traject's course and contacts up to the peildatum come with the traject: plan_on,
# last_event_on, first_contact_on and last_contact_on are kept by triggers (migration 0021).
# The earliest 'plan' and first contact are the earliest on or before the peildatum too when
# they are not after it; the latest event and contact only when they are not after it: for
# the others (a peildatum in the past) the rows are read here, by the traject's id. As in
# the triggers, only days that are real dates as the app stores them count.
_LATEST_BEFORE = {
    "last_event": """
FROM (SELECT traject_id, max(event_date) AS latest FROM traject_event
      WHERE traject_id IN (SELECT value FROM json_each(:ids)) AND event_date <= :end
        AND date(event_date, '+0 days') IS event_date
      GROUP BY traject_id)
""",
    "last_contact": """
FROM (SELECT id AS traject_id,
             (SELECT max(contact_date) FROM contact
              WHERE contact.household_id = traject.household_id AND contact_date <= :end
                AND date(contact_date, '+0 days') IS contact_date)
             AS latest
      FROM traject WHERE id IN (SELECT value FROM json_each(:ids)))
""",
}


_NAT = np.iinfo(np.int64).min  # NaT as an int64 of datetime64: below every day


def _i8(days: pd.Series) -> np.ndarray:
    """Days of a frame as int64 microseconds (NaT the smallest): for numpy's min/max.at."""
    values: np.ndarray = days.to_numpy().astype("datetime64[us]").view("i8")
    return values


def _days(values: np.ndarray) -> np.ndarray:
    return values.view("datetime64[us]")


def _trajecten(session: Session, f: OverviewFilter, assignments: pd.DataFrame) -> pd.DataFrame:
    """Every traject registered on or before the peildatum, with its first contact, the
    day it first reached 'plan', the day of its latest change (an event of its course or a
    new regisseur: a handover is not a traject event), the household's latest contact and
    the regisseur on the peildatum (``medewerker_id``, ``name``; None without).

    The regisseurs find their traject by position (numpy), not by joining frames on the
    stored text ids."""
    columns = ("id", "household_id", "registered_on", "closed_on", "close_reason", "herkomst")
    summaries = {
        "to_plan": "plan_on",
        "last_event": "last_event_on",
        "first_contact": "first_contact_on",
        "last_contact": "last_contact_on",
    }
    frame = _packed(
        session,
        {**{"traject_id" if c == "id" else c: c for c in columns}, **summaries},
        "FROM traject WHERE registered_on <= :end",
        dates=("registered_on", "closed_on", *summaries),
        codes=("close_reason", "herkomst"),
        end=f.end.isoformat(),
    )
    n = len(frame)
    position = pd.Index(frame["traject_id"])
    peil = _ts(f.end)
    for column in ("to_plan", "first_contact"):
        frame.loc[frame[column] > peil, column] = pd.NaT
    for column, rest in _LATEST_BEFORE.items():
        later = frame[column] > peil
        if later.any():
            before = _packed(
                session,
                {"traject_id": "traject_id", "latest": "latest"},
                rest,
                dates=("latest",),
                ids=json.dumps(frame.loc[later, "traject_id"].tolist()),
                end=f.end.isoformat(),
            )
            frame.loc[later, column] = pd.NaT
            frame.loc[position.get_indexer(before["traject_id"]), column] = before[
                "latest"
            ].to_numpy()
    at = position.get_indexer(assignments["traject_id"])
    mine = at >= 0
    # the latest change: the latest event or the latest new regisseur
    latest = _i8(frame["last_event"]).copy()
    np.maximum.at(latest, at[mine], _i8(assignments["start_on"])[mine])
    frame["last_event"] = _days(latest)
    # the regisseur on the peildatum: two on one day (a handover, the old one ending that
    # day): the later start wins; an assignment ended by closing the traject that day counts
    current = assignments[
        mine
        & (assignments["start_on"] <= peil).to_numpy()
        & (assignments["end_on"].isna() | (assignments["end_on"] >= peil)).to_numpy()
    ]
    # on one start day the open assignment wins over one that ended (as the dossier's
    # regisseur, models.todo.regisseur_name), whatever order the rows were stored in
    current = (
        current.assign(still=current["end_on"].isna())
        .sort_values(["start_on", "still", "end_on"], kind="stable")
        .drop_duplicates("traject_id", keep="last")
    )
    where = at[current.index.to_numpy()]
    for column in ("medewerker_id", "name"):
        values = np.full(n, None, dtype=object)
        values[where] = current[column].to_numpy()
        frame[column] = values
    return frame


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
    return trajecten[trajecten["traject_id"].isin(mine["traject_id"])]


def _ids(series: pd.Series) -> frozenset[str]:
    """The households of the rows, as stored (hex): turned into ids only when listed."""
    return frozenset(series.tolist())  # cheaper than unique() first


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


def _caseload(trajecten: pd.DataFrame, f: OverviewFilter) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)]
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


def _werkvoorraad(session: Session, trajecten: pd.DataFrame, f: OverviewFilter) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)]
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
    numbers = _numbers(session, set(ids))
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


def _day(day: date) -> np.datetime64:
    return np.datetime64(day, "us")  # the frames' unit: any year a date field allows


def _bands(days: np.ndarray) -> list[int]:
    return [
        int(((days >= low) & (days <= high if high is not None else True)).sum())
        for low, high, _label in WAIT_BANDS
    ]


def _waiting(
    trajecten: pd.DataFrame, f: OverviewFilter, column: str, key: str, title: str
) -> tuple[OverviewTable, tuple[tuple[str, float], ...]]:
    # numpy arrays, not frames: a dozen months of a few masks each over every traject
    registered_on = trajecten["registered_on"].to_numpy()
    chosen = (registered_on >= _day(f.start)) & (registered_on <= _day(f.end))
    registered_on = registered_on[chosen]
    reached_on = trajecten[column].to_numpy()[chosen]
    closed_on = trajecten["closed_on"].to_numpy()[chosen]
    household_ids = trajecten["household_id"].to_numpy()[chosen]
    reached = ~np.isnat(reached_on) & (reached_on <= _day(f.end))
    days = np.where(reached, (reached_on - registered_on) / np.timedelta64(1, "D"), np.nan)
    # of those that did not get there by the peildatum: still open on it (waiting), or
    # closed before it without (they wait no more)
    closed_without = ~reached & ~np.isnat(closed_on) & (closed_on < _day(f.end))
    still_waiting = ~reached & ~closed_without
    month_of = registered_on.astype("datetime64[M]")
    rows, households, series = [], [], []
    for month in _months(f.start, f.end):
        mask = month_of == np.datetime64(str(month), "M")
        found = days[mask & reached]
        median = float(np.median(found)) if len(found) else None
        rows.append(
            (
                _month_name(month),
                int(mask.sum()),
                median,
                *_bands(found),
                int((mask & still_waiting).sum()),
                int((mask & closed_without).sum()),
            )
        )
        households.append(frozenset(household_ids[mask].tolist()))
        if median is not None:
            series.append((_month_name(month), median))
    found = days[reached]
    rows.append(
        (
            "Hele periode",
            len(registered_on),
            float(np.median(found)) if len(found) else None,
            *_bands(found),
            int(still_waiting.sum()),
            int(closed_without.sum()),
        )
    )
    households.append(frozenset(household_ids.tolist()))
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
    registered_on = trajecten["registered_on"].to_numpy()
    closed_on = trajecten["closed_on"].to_numpy()
    still_open = np.isnat(closed_on)
    household_ids = trajecten["household_id"].to_numpy()
    rows, households = [], []
    started_series, closed_series = [], []
    for month in _months(f.start, f.end):
        first = _day(max(month.start_time.date(), f.start))
        last = _day(min(month.end_time.date(), f.end))
        started = int(((registered_on >= first) & (registered_on <= last)).sum())
        running = (registered_on <= last) & (still_open | (closed_on >= first))
        closed = int(((closed_on >= first) & (closed_on <= last)).sum())  # NaT: never
        rows.append((_month_name(month), started, int(running.sum()), closed))
        households.append(frozenset(household_ids[running].tolist()))
        started_series.append((_month_name(month), float(started)))
        closed_series.append((_month_name(month), float(closed)))
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
    frame = frame[frame["traject_id"].isin(running["traject_id"])]
    with_one = running[running["traject_id"].isin(frame["traject_id"])]
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


def _instrument_name(instrument: Instrument | None, code: str, version: str) -> str:
    """'Zelfredzaamheid-Matrix 2017' (the name, with the version unless the name has it)."""
    name = instrument.name if instrument else code
    return name if version in name else f"{name} {version}"


# The complete measurements (every item of the instrument version answered: scored or
# marked niet beoordeeld, counted on the measurement by a trigger, migration 0021); the
# versions and their item counts come as JSON [[code, version, items], ...].
_COMPLETE = """
FROM measurement WHERE person_id IS NOT NULL AND measured_on <= :end
AND (instrument_code, instrument_version, answered) IN
    (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
     FROM json_each(:complete))
"""


def _first_and_latest(
    session: Session,
    f: OverviewFilter,
    trajecten: pd.DataFrame,
    known: dict[tuple[str, str], Instrument],
) -> pd.DataFrame:
    """Per person, traject open in the period and instrument version with at least two
    complete measurements within the traject: ``code``, ``version``, ``household_id`` and
    the levels of the first and of the latest (``first``, ``latest``: JSON objects
    {item: level}; by day, then id)."""
    measured = _packed(
        session,
        {
            "id": "id",
            "person_id": "person_id",
            "household_id": "household_id",
            "code": "instrument_code",
            "version": "instrument_version",
            "on": "measured_on",
            "levels": "levels",
        },
        _COMPLETE,
        dates=("on",),
        codes=("code", "version"),
        end=f.end.isoformat(),
        complete=json.dumps([[c, v, len(shipped.items)] for (c, v), shipped in known.items()]),
    )
    # by day, then id (the first and the latest below): numpy sorts the ids as fixed-width
    # text in a few ms; SQLite's ORDER BY carried every row's packed text through its sorter
    by_day = np.lexsort((measured["id"].to_numpy().astype(str), _i8(measured["on"])))
    measured = measured.take(by_day)
    running = trajecten.loc[
        _open_during(trajecten, f.start, f.end),
        ["traject_id", "household_id", "registered_on", "closed_on"],
    ]
    within = measured.merge(running, on="household_id")  # keeps the order by day and id
    on = within["on"]
    within = within[
        (on >= within["registered_on"]) & (within["closed_on"].isna() | (on <= within["closed_on"]))
    ]
    runs = within.groupby(["person_id", "traject_id", "code", "version"], sort=False).agg(
        n=("id", "size"),
        household_id=("household_id", "first"),
        first=("levels", "first"),
        latest=("levels", "last"),
    )
    return runs[runs["n"] >= 2].reset_index()


def _objects(texts: list[str]) -> list[dict[str, int]]:
    """Measurements' levels (JSON objects {item: level}); one that is no such object
    (written over outside the app) as no levels."""
    found = []
    for levels in texts:
        try:
            value = json.loads(levels)
        except ValueError:
            value = None
        found.append(value if isinstance(value, dict) else {})
    return found


def _zrm_progress(session: Session, f: OverviewFilter, trajecten: pd.DataFrame) -> OverviewTable:
    """``trajecten``: with a team member chosen, only these count."""
    known = zrm.instruments(session)
    pairs = _first_and_latest(session, f, trajecten, known)
    table_rows, households = [], []
    for (code, version), group in pairs.groupby(["code", "version"], sort=True):
        instrument = known.get((code, version))
        firsts, latests = (_objects(group[c].tolist()) for c in ("first", "latest"))
        # the instrument's items in its order; an item it no longer has after them
        order = [item.code for item in instrument.items] if instrument else []
        items = order + sorted(set().union(*firsts) - set(order))
        # None (not scored: niet beoordeeld) becomes NaN
        before, after = (
            np.array([list(map(d.get, items)) for d in levels], dtype=float)
            for levels in (firsts, latests)
        )
        scored = ~np.isnan(before) & ~np.isnan(after)  # niet beoordeeld in either: left out
        household_ids = group["household_id"].to_numpy()
        for column, item_code in enumerate(items):
            both = scored[:, column]
            n = int(both.sum())
            if not n:
                continue
            first, latest = before[both, column], after[both, column]
            item = instrument.item(item_code) if instrument else None
            table_rows.append(
                (
                    _instrument_name(instrument, code, version),
                    item.name if item else item_code,
                    n,
                    round(float(first.sum() / n), 2),
                    round(float(latest.sum() / n), 2),
                    round(float((latest.sum() - first.sum()) / n), 2),
                    int((latest > first).sum()),
                    int((latest == first).sum()),
                    int((latest < first).sum()),
                )
            )
            households.append(frozenset(household_ids[both].tolist()))
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


def _members(session: Session, f: OverviewFilter, households: set[str]) -> pd.DataFrame:
    """The members of ``households`` a figure may count (no names: those of the few a figure
    lists are read then): those without a date of birth, those under 18 on the peildatum
    (with their 18th birthday, :func:`_plus_18_years`) and those with gezag. Reading every
    member cost more than the figures."""
    frame = _packed(
        session,
        {
            "household_id": "household_id",
            "unborn": "date_of_birth IS NULL",
            "born": "date_of_birth",  # + 18 years below: SQLite's date() per row cost more
            "has_bsn": "bsn IS NOT NULL AND bsn != ''",
            "gezag": "gezag",
        },
        # born after the cutoff: under 18 on the peildatum (compared as stored, not per row)
        "FROM person WHERE date_of_birth IS NULL OR gezag OR date_of_birth > :cutoff",
        dates=("born",),
        flags=("unborn", "has_bsn", "gezag"),
        cutoff=_eighteen_before(f.end).isoformat(),
    )
    frame["eighteen"] = _plus_18_years(frame.pop("born").to_numpy())
    return frame[frame["household_id"].isin(households)]


def _plus_18_years(born: np.ndarray) -> np.ndarray:
    """The 18th birthdays of datetime64 dates of birth (NaT stays NaT): the same day of the
    month 216 months on, counted from the first of the month, so 29 February turns 18 on
    1 March when that year has no 29 February (as SQLite's date() and
    models.records.birthday)."""
    month = born.astype("datetime64[M]")
    day_of_month = born.astype("datetime64[D]") - month.astype("datetime64[D]")
    eighteen: np.ndarray = (
        (month + np.timedelta64(216, "M")).astype("datetime64[D]") + day_of_month
    ).astype("datetime64[us]")
    return eighteen


def _eighteen_before(day: date) -> date:
    """The last date of birth of someone who is 18 on ``day``: the same day 18 years before
    (28 February for 29 February; born on 29 February one turns 18 on 1 March)."""
    return _months_after(day, -18 * 12)


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
    trajecten: pd.DataFrame,
    members: pd.DataFrame,
    f: OverviewFilter,
) -> OverviewTable:
    open_ = trajecten[_open_on(trajecten, f.end)]
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
            }
        )
    )
    child = members["eighteen"] > _ts(f.end)
    gezag = members.loc[members["gezag"], "household_id"]
    problems = (
        (members["unborn"], "Geboortedatum ontbreekt"),
        (child & ~members["has_bsn"], "BSN ontbreekt (nodig voor CBS)"),
        (child & ~members["household_id"].isin(gezag), "Niemand met gezag vastgelegd"),
    )
    for mask, what in problems:
        group = members[mask]
        found.append(pd.DataFrame({"household_id": group["household_id"], "what": what}))
    every = pd.concat(found, ignore_index=True)
    rows, households = [], []
    for what, group in every.groupby("what", sort=False):
        ids = _ids(group["household_id"])
        rows.append((what, len(ids), len(group)))
        households.append(ids)
    return OverviewTable(
        "kwaliteit",
        "Datakwaliteit",
        (Column("Wat"), Column("Dossiers", "int"), Column("Aantal", "int")),
        tuple(rows),
        tuple(households),
    )


def _numbers(session: Session, households: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Dossier number and name of ``households``, by stored id."""
    return {
        household_id: (number, name)
        for household_id, number, name in _rows(
            session,
            "SELECT id, dossier_number, name FROM household "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(households)),),
        )
    }


# --- the whole overview ----------------------------------------------------------------------


@contextmanager
def _no_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused: the figures make a few hundred thousand
    short-lived rows and values and no cycles, and its full passes over them cost a tenth of
    the overview. Re-enabled after (unless it was off before). The switch is the process's:
    the window's thread runs without collections for that second too, and of two overviews
    at once the one that paused it resumes it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def overview(session: Session, f: OverviewFilter) -> Overview:
    """Every figure of the overview for the period and team member of ``f``."""
    with _no_collection():
        return _overview(session, f)


def _overview(session: Session, f: OverviewFilter) -> Overview:
    session.flush()  # the figures read the rows below the ORM: what is pending goes first
    assignments = _assignments(session, f)
    every = _trajecten(session, f, assignments)
    trajecten = _of_medewerker(every, assignments, f)
    # the peildatum figures with a team member chosen: the trajecten they are regisseur of then
    current = trajecten
    if f.medewerker_id is not None:
        current = every[every["medewerker_id"] == f.medewerker_id.hex]
    # the members of households with a traject open on the peildatum (of the team member)
    members = _members(
        session,
        f,
        set(every.loc[_open_on(every, f.end), "household_id"].tolist())
        & set(current["household_id"].tolist()),
    )
    caseload = _caseload(every, f)
    werkvoorraad = _werkvoorraad(session, trajecten, f)
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
        mine = {stored_uuid(h) for h in current["household_id"].tolist()}
    overdue = _overdue(session, f, mine)
    progress = _zrm_progress(session, f, trajecten)
    adults = _turning_18(members, f)
    quality = _quality(current, members, f)
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
    id_list = [stored_uuid(h) for h in ids]
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
