"""``toegangslog``: the access log, filtered by user and dossier (beheerder); after it, on
stderr, whether its chain is intact (exit status 1 when it is not)."""

from __future__ import annotations

import argparse
import sys

from desktop.cli import add_dossier, unlock_for_verb
from desktop.registry import VERBS, Verb


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gebruiker", default="", help="alleen deze inlognaam")
    add_dossier(parser, "alleen dit dossiernummer")


def run(args: argparse.Namespace) -> int:
    from desktop.usecases import access
    from models.wording import ACCESS_ACTION, chain_text, moment_text, unconfirmed_text

    unlocked = unlock_for_verb(args.db)
    try:
        lines = access.search(unlocked, login=args.gebruiker, dossier_number=args.dossier)
        chain = access.check_chain(unlocked)  # the whole chain, as the log screen does
    finally:
        unlocked.close()
    if not lines:
        print("teamtafel: geen regels in het toegangslog voor deze keuze", file=sys.stderr)
    for line in lines:
        # A line about several households names the one asked for, or says how many; a line
        # about no dossier (a login, an account change) shows a dash.
        several = f"({line.households} dossiers)" if line.households > 1 else "—"
        number = line.dossier_number or (args.dossier if line.households else "") or several
        print(
            f"{moment_text(line.at)}  {line.login:<12} {ACCESS_ACTION[line.action]:<18} "
            f"{number:<11} {line.detail}"
        )
    # After the lines, on stderr, so a script reading them is not disturbed; a broken chain
    # also shows in the exit status.
    print(f"teamtafel: {chain_text(chain.broken, chain.checked)}", file=sys.stderr)
    if extra := unconfirmed_text(chain.unconfirmed, chain.unconfirmed_count):
        print(f"teamtafel: {extra}", file=sys.stderr)
    return 0 if chain.intact else 1


VERBS.add(
    "toegangslog", Verb("toegangslog", "toon het toegangslog (beheerder)", configure, run, 40)
)
