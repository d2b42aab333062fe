"""``backup``: an encrypted back-up of the database (beheerder)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import unlock_for_verb
from desktop.registry import VERBS, Verb


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="het back-upbestand (.ttbackup)")


def run(args: argparse.Namespace) -> int:
    from desktop.usecases.backup import make_backup

    unlocked = unlock_for_verb(args.db)
    try:
        print(make_backup(unlocked, args.out))
    finally:
        unlocked.close()
    return 0


VERBS.add("backup", Verb("backup", "maak een versleutelde back-up (beheerder)", configure, run, 30))
