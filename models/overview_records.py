"""The overview's plain values: what a window, a command line and an export are handed.

No pandas, no SQLAlchemy: the views import these (``models.overview`` computes them, and its
docstring defines every figure). The periods a coordinator picks with one click are here too,
as plain date arithmetic.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

NO_CONTACT_MONTHS = 3


@dataclass(frozen=True)
class OverviewFilter:
    start: date
    end: date  # also the peildatum
    medewerker_id: uuid.UUID | None = None
    no_contact_months: int = NO_CONTACT_MONTHS


@dataclass(frozen=True)
class Column:
    name: str  # Dutch, as on screen and in the export
    kind: str = "text"  # text, int, date, days, percent, number


@dataclass(frozen=True)
class OverviewTable:
    """One table of the overview: Dutch column names, rows of plain values, and per row the
    households behind it (what a click lists)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    households: tuple[frozenset[str], ...]  # stored ids (hex); see households_behind
    definition: str = ""


@dataclass(frozen=True)
class Headline:
    """A figure at the top of the overview (a card), with the table it comes from."""

    key: str
    label: str
    value: str
    table: str
    households: frozenset[str] = frozenset()
    warn: bool = False


@dataclass(frozen=True)
class Overview:
    filter: OverviewFilter
    headlines: tuple[Headline, ...]
    tables: tuple[OverviewTable, ...]
    chart_series: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def table(self, key: str) -> OverviewTable:
        return next(t for t in self.tables if t.key == key)


@dataclass(frozen=True)
class HouseholdLine:
    """A household behind a figure, for the list a click opens."""

    household_id: uuid.UUID
    dossier_number: str
    name: str
    regisseur: str


class QuickPeriod(StrEnum):
    """A period picked with one click (its Dutch name: ``models.wording.QUICK_PERIOD``)."""

    THIS_MONTH = "deze_maand"
    LAST_QUARTER = "vorig_kwartaal"
    THIS_YEAR = "dit_jaar"
    LAST_12_MONTHS = "afgelopen_12_maanden"
    LAST_HALF_YEAR = "vorig_half_jaar"  # H1 or H2: the CBS delivery periods


def quick_period(choice: QuickPeriod, today: date) -> tuple[date, date]:
    """The first and last day of ``choice`` as seen on ``today`` (a period still running
    ends on ``today``, its peildatum)."""
    if choice is QuickPeriod.THIS_MONTH:
        return today.replace(day=1), today
    if choice is QuickPeriod.THIS_YEAR:
        return date(today.year, 1, 1), today
    if choice is QuickPeriod.LAST_12_MONTHS:
        start = date(today.year - 1, today.month, 1) + timedelta(days=32)
        return start.replace(day=1), today  # the 12 whole months up to and with this one
    if choice is QuickPeriod.LAST_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1  # of this quarter
        end = date(today.year, first_month, 1) - timedelta(days=1)
        return date(end.year, end.month - 2, 1), end
    # the last half year that has ended: H2 of last year, or H1 of this year from July
    if today.month >= 7:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)
