"""``export overzicht``: the coordinator's overview to Excel or CSV, without the window.

The same figures and files as the overview tab (:mod:`desktop.usecases.overview`): one sheet
per table in an .xlsx, or one CSV per table (``F-<tabel>.csv``), or only ``--tabel KEY``.
Written 0600 and logged like the tab's export (EXPORT under the households named in it).
Only a coördinator or a beheerder; a medewerker is refused with the role that is needed.
"""

from __future__ import annotations

import argparse
import re
import sys
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import CommandFailed, unlock_for_verb
from desktop.registry import VERBS, Verb

if TYPE_CHECKING:
    from desktop.session import Unlocked

DATE_FORMATS = (
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"), "dmy"),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
)
SUFFIXES = (".xlsx", ".csv")

today: Callable[[], date] = date.today  # tests fix the day


def parse_day(text: str, option: str) -> date:
    """dd-mm-jjjj (as the app writes it) or jjjj-mm-dd (as scripts do)."""
    for pattern, order in DATE_FORMATS:
        if match := pattern.fullmatch(text.strip()):
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                break
    raise CommandFailed(
        f"{option} {text.strip()!r} is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd, "
        "bijvoorbeeld 01-09-2026"
    )


def period(van: str | None, tot: str | None, day: date) -> tuple[date, date]:
    """The chosen period; by default up to today, from the first of the month a year before
    the end."""
    end = parse_day(tot, "--tot") if tot else day
    start = parse_day(van, "--van") if van else date(end.year - 1, end.month, 1)
    if start > end:
        raise CommandFailed(
            f"--van ({start:%d-%m-%Y}) ligt na --tot ({end:%d-%m-%Y}); kies een begin vóór het eind"
        )
    return start, end


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.cli import DutchParser, add_db, add_password_option

    subs = parser.add_subparsers(
        dest="export", metavar="WAT", required=True, parser_class=DutchParser
    )
    sub = subs.add_parser(
        "overzicht",
        help="het overzicht voor de coördinator (Excel of CSV)",
        description="Het overzicht voor de coördinator, als Excel-bestand (een tabblad per "
        "tabel) of als CSV (een bestand per tabel). Alleen voor een coördinator of beheerder.",
    )
    add_db(sub)
    add_password_option(sub)
    sub.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="BESTAND",
        help="F.xlsx: een werkmap; F.csv: een bestand per tabel, F-<tabel>.csv",
    )
    sub.add_argument(
        "--van", metavar="DATUM", default=None, help="begin van de periode (dd-mm-jjjj)"
    )
    sub.add_argument(
        "--tot",
        metavar="DATUM",
        default=None,
        help="eind van de periode en peildatum (dd-mm-jjjj; standaard vandaag); zonder --van "
        "begint de periode op de eerste van de maand een jaar eerder",
    )
    sub.add_argument(
        "--medewerker",
        metavar="NAAM",
        default="",
        help="alleen de trajecten van deze casusregisseur (de naam zoals in het programma)",
    )
    sub.add_argument(
        "--tabel",
        metavar="TABEL",
        default="",
        help="bij CSV: alleen deze tabel, in BESTAND zelf (bijvoorbeeld werkvoorraad)",
    )


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def _medewerker(unlocked: Unlocked, wanted: str) -> uuid.UUID | None:
    """The team member named ``wanted`` (spaces and capitals aside), or None for the team."""
    from desktop.usecases import households

    if not wanted.strip():
        return None
    found = [m for m in households.medewerkers(unlocked) if _same(m.name) == _same(wanted)]
    if not found:
        raise CommandFailed(
            f"onbekende medewerker: {wanted.strip()} (gebruik de naam zoals in het programma)"
        )
    if len(found) > 1:  # the window lists the active ones: with one, that one
        found = [m for m in found if m.active] or found
    if len(found) > 1:
        raise CommandFailed(
            f"{len(found)} medewerkers heten {found[0].name}; geef ze in het programma "
            "verschillende namen, dan is duidelijk wie u bedoelt"
        )
    return found[0].id


def run(args: argparse.Namespace) -> int:
    from desktop.usecases import overview as usecase
    from models.overview import OverviewFilter
    from models.permissions import Permission, require

    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise CommandFailed(f"--out moet eindigen op .xlsx of .csv, niet op {out.name!r}")
    if args.tabel and suffix != ".csv":
        raise CommandFailed("--tabel hoort bij een CSV-bestand; een werkmap bevat alle tabellen")
    start, end = period(args.van, args.tot, today())
    unlocked = unlock_for_verb(args.db)
    try:
        require(unlocked.actor, Permission.VIEW_OVERVIEW)
        medewerker_id = _medewerker(unlocked, args.medewerker)
        figures = usecase.overview(unlocked, OverviewFilter(start, end, medewerker_id))
        keys = [t.key for t in figures.tables]
        if args.tabel and args.tabel not in keys:
            raise CommandFailed(f"onbekende tabel: {args.tabel}; kies uit {', '.join(keys)}")
        detail = f"overzicht {start:%d-%m-%Y} t/m {end:%d-%m-%Y}"
        written: list[Path] = []
        try:
            if suffix == ".xlsx":
                usecase.save(unlocked, usecase.workbook(unlocked, figures), out, detail=detail)
                written.append(out)
            else:
                for key in [args.tabel] if args.tabel else keys:
                    target = out if args.tabel else out.with_name(f"{out.stem}-{key}.csv")
                    made = usecase.table_csv(unlocked, figures, key)
                    usecase.save(unlocked, made, target, detail=f"{detail}: {key}")
                    written.append(target)
        except OSError as exc:
            raise CommandFailed(
                f"kan {out} niet schrijven ({exc.strerror or 'onbekende fout'}); er is "
                + (
                    "niets opgeslagen"
                    if not written
                    else f"alleen {len(written)} bestand(en) opgeslagen"
                )
            ) from exc
    finally:
        unlocked.close()
    where = written[0] if len(written) == 1 else f"{len(written)} bestanden ({out.parent})"
    print(f"teamtafel: overzicht opgeslagen in {where}", file=sys.stderr)
    return 0


VERBS.add(
    "export",
    Verb(
        "export", "exporteer het overzicht voor de coördinator (Excel of CSV)", configure, run, 37
    ),
)
