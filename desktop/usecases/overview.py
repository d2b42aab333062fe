"""The coordinator's overview: its figures, the households behind one, and its exports.

Only for those with :attr:`Permission.VIEW_OVERVIEW` (coördinator, beheerder). Reading the
figures is not logged (they are counts); an export is, with every household whose dossier
number or name is in it (the werkvoorraad's lines), as one EXPORT line with a subject row
each (issue 5's rule for an output about several households).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.exports import tables as export
from desktop.private import write_private
from desktop.session import Unlocked
from desktop.usecases.base import output, read
from models import overview as service
from models.overview_records import HouseholdLine, Overview, OverviewFilter
from models.permissions import AccessAction, Permission, require

# the tables that name households (a dossier number and a name on each line)
NAMING_TABLES = ("werkvoorraad",)


def overview(unlocked: Unlocked, f: OverviewFilter) -> Overview:
    return read(unlocked, Permission.VIEW_OVERVIEW, lambda s: service.overview(s, f))


def households_behind(unlocked: Unlocked, ids: frozenset[str]) -> list[HouseholdLine]:
    """The households behind a figure (the click on it)."""
    return read(unlocked, Permission.VIEW_OVERVIEW, lambda s: service.households_behind(s, ids))


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    household_ids: tuple[uuid.UUID, ...]  # named in it: logged when it is saved


def _named(figures: Overview, keys: tuple[str, ...]) -> tuple[uuid.UUID, ...]:
    found: set[str] = set()
    for table in figures.tables:
        if table.key in keys:
            for households in table.households:
                found |= households
    return tuple(sorted(uuid.UUID(hex=h) for h in found))


def workbook(unlocked: Unlocked, figures: Overview) -> ExportFile:
    """Every table of ``figures`` as one Excel workbook."""
    require(unlocked.actor, Permission.VIEW_OVERVIEW)
    f = figures.filter
    data = export.workbook(
        figures.tables,
        title=f"Teamtafel overzicht {f.start:%d-%m-%Y} t/m {f.end:%d-%m-%Y}",
        made_on=date.today(),
    )
    return ExportFile(data, _named(figures, NAMING_TABLES))


def table_csv(unlocked: Unlocked, figures: Overview, key: str) -> ExportFile:
    """One table of ``figures`` as CSV."""
    require(unlocked.actor, Permission.VIEW_OVERVIEW)
    table = figures.table(key)
    named = _named(figures, (key,)) if key in NAMING_TABLES else ()
    return ExportFile(export.csv(table), named)


def save(unlocked: Unlocked, file: ExportFile, target: Path, *, detail: str) -> None:
    """Write the export (0600) under a working name, log it, then give it its name: a file
    never stands under its name without its line, and a failed write logs nothing."""
    require(unlocked.actor, Permission.VIEW_OVERVIEW)
    part = target.with_name(target.name + ".deel")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_private(part, file.data)
        if file.household_ids:
            output(unlocked, AccessAction.EXPORT, list(file.household_ids), detail=detail)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)
