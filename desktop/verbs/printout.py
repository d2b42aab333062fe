"""``print``: a printout to a PDF file, without the window: ``print notulen``, ``print
gezinsplan``.

Each printout is a subverb with its own options (:data:`PRINTOUTS`). The file is written and
logged like Opslaan in the app's preview (:func:`desktop.usecases.printing.save_document`):
PRINT under every household in it. A printout for an organisation warns on stderr about a
household without consent, as the preview asks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.cli import CommandFailed, unlock_for_verb
from desktop.registry import VERBS, Verb


@dataclass(frozen=True)
class Printout:
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _configure_minutes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--overleg",
        type=int,
        metavar="NR",
        default=None,
        help="het nummer van het overleg (standaard: het laatst gehouden, gesloten overleg)",
    )
    parser.add_argument(
        "--extern",
        metavar="ORGANISATIE",
        default="",
        help="de versie voor deze organisatie: alleen de casussen met toestemming, "
        "zonder interne notities",
    )


def _run_minutes(args: argparse.Namespace) -> int:
    from desktop.usecases import meetings
    from desktop.usecases import minutes as usecase
    from desktop.usecases.printing import consent_gaps, save_document

    unlocked = unlock_for_verb(args.db)
    try:
        if args.overleg is None:
            meeting_id = meetings.latest_held(unlocked)
            if meeting_id is None:
                raise CommandFailed("er is nog geen gesloten overleg om notulen van te maken")
        else:
            meeting_id = meetings.by_number(unlocked, args.overleg)
            if meeting_id is None:
                raise CommandFailed(f"er is geen overleg met nummer {args.overleg}")
        organisation_id = None
        if args.extern.strip():
            organisation = usecase.find_organisation(unlocked, args.extern)
            if organisation is None:
                raise CommandFailed(
                    f"onbekende organisatie: {args.extern.strip()} "
                    "(gebruik de naam zoals in Organisaties)"
                )
            organisation_id = organisation.id
        made = usecase.minutes_document(unlocked, meeting_id, organisation_id=organisation_id)
        number = made.meeting.number
        for case in made.left_out:
            print(
                f"teamtafel: niet in de notulen (geen toestemming): {case.dossier_number}",
                file=sys.stderr,
            )
        if made.document is None:
            if organisation_id is not None:
                raise CommandFailed(
                    f"in overleg {number} staat geen casus met toestemming om te delen met "
                    f"{args.extern.strip()}; er is niets afgedrukt"
                )
            raise CommandFailed(f"overleg {number} heeft geen casussen; er is niets afgedrukt")
        gaps = consent_gaps(unlocked, made.document, made.meeting.held_on)
        if gaps:  # not expected: the external version holds only covered cases
            raise CommandFailed("geen geldige toestemming voor " + ", ".join(gaps))
        out: Path = args.out
        written = save_document(unlocked, made.document, out)
    finally:
        unlocked.close()
    print(f"teamtafel: notulen van overleg {number} opgeslagen in {written[0]}", file=sys.stderr)
    return 0


def _configure_plan(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dossier",
        action="append",
        required=True,
        metavar="NR",
        help="het dossiernummer; herhaal voor meer dossiers (dan is --out een map)",
    )
    parser.add_argument(
        "--versie",
        type=int,
        metavar="N",
        default=None,
        help="deze versie van het plan (standaard: het geldende plan, anders het concept)",
    )
    parser.add_argument(
        "--extern",
        metavar="ORGANISATIE",
        default="",
        help="een kopie voor deze organisatie (alleen met toestemming van het gezin)",
    )


def _run_plan(args: argparse.Namespace) -> int:
    """One PDF, or for several dossiers one per dossier in the folder --out, with one login.
    Every plan is made before any file is written: a batch with one bad dossier writes none."""
    from desktop.usecases import households
    from desktop.usecases.gezinsplan_print import PlanNotPrinted, plan_document
    from desktop.usecases.printing import Document, save_document

    numbers = list(dict.fromkeys(n.strip() for n in args.dossier if n.strip()))
    if not numbers:
        raise CommandFailed("geef een dossiernummer met --dossier")
    out: Path = args.out
    batch = len(numbers) > 1
    if batch and out.exists() and not out.is_dir():
        raise CommandFailed(
            f"{out} is geen map: geef bij meer dan één dossier met --out een map op"
        )
    unlocked = unlock_for_verb(args.db)
    try:
        made: list[tuple[str, Document]] = []
        for number in numbers:
            household_id = households.find(unlocked, number)
            if household_id is None:
                raise CommandFailed(f"onbekend dossier: {number}")
            try:
                document = plan_document(unlocked, household_id, args.versie, args.extern or None)
            except PlanNotPrinted as refused:
                said = str(refused)
                raise CommandFailed(f"{number}: {said[:1].lower()}{said[1:]}") from None
            made.append((number, document))
        for number, document in made:
            target = out / document.file_name if batch else out
            written = save_document(unlocked, document, target)
            print(f"teamtafel: gezinsplan van {number} opgeslagen in {written[0]}", file=sys.stderr)
    finally:
        unlocked.close()
    return 0


PRINTOUTS: dict[str, Printout] = {
    "notulen": Printout("de notulen van een overleg", _configure_minutes, _run_minutes),
    "gezinsplan": Printout(
        "het gezinsplan van een of meer huishoudens, voor het gezin", _configure_plan, _run_plan
    ),
}


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.cli import DutchParser, add_db, add_password_option

    subs = parser.add_subparsers(
        dest="printout", metavar="AFDRUK", required=True, parser_class=DutchParser
    )
    for name, printout in PRINTOUTS.items():
        sub = subs.add_parser(name, help=printout.help, description=printout.help)
        add_db(sub)
        add_password_option(sub)
        sub.add_argument(
            "--out",
            type=Path,
            required=True,
            metavar="BESTAND",
            help="het PDF-bestand (bij meer dossiers: een map)",
        )
        printout.configure(sub)


def run(args: argparse.Namespace) -> int:
    return PRINTOUTS[args.printout].run(args)


VERBS.add(
    "print", Verb("print", "maak een afdruk als PDF (notulen, gezinsplan)", configure, run, 35)
)
