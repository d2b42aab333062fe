"""``toegangslog``: the access log, filtered by user and dossier (beheerder)."""

from __future__ import annotations

import argparse

from desktop.cli import add_dossier, unlock_for_verb
from desktop.registry import VERBS, Verb


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gebruiker", default="", help="alleen deze inlognaam")
    add_dossier(parser, "alleen dit dossiernummer")


def run(args: argparse.Namespace) -> int:
    from desktop.usecases import access
    from models.wording import moment_text

    unlocked = unlock_for_verb(args.db)
    try:
        lines = access.search(unlocked, login=args.gebruiker, dossier_number=args.dossier)
    finally:
        unlocked.close()
    for line in lines:
        print(
            f"{moment_text(line.at)}  {line.login:<12} {line.action.value:<8} "
            f"{line.dossier_number:<11} {line.detail}"
        )
    return 0


VERBS.add(
    "toegangslog", Verb("toegangslog", "toon het toegangslog (beheerder)", configure, run, 40)
)
