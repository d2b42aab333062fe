"""``gui``: start the program (the default verb)."""

from __future__ import annotations

import argparse
import sys

from desktop.registry import VERBS, Verb


def run(args: argparse.Namespace) -> int:
    from desktop.app import BroughtForward, run_gui

    try:
        return run_gui(
            args.db if args.db_given else None,
            demo=args.demo,
            quit_after_load=args.quit_after_load,
        )
    except BroughtForward as done:  # a second start: the first window came forward instead
        if sys.stderr is not None:  # none when started without a console
            print(f"teamtafel: {done}", file=sys.stderr)
        return 0


VERBS.add("gui", Verb("gui", "start het programma (dit is de standaard)", lambda _p: None, run, 0))
