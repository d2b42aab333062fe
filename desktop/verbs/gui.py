"""``gui``: start the program (the default verb)."""

from __future__ import annotations

import argparse

from desktop.registry import VERBS, Verb


def run(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(
        args.db if args.db_given else None, demo=args.demo, quit_after_load=args.quit_after_load
    )


VERBS.add("gui", Verb("gui", "start het programma (dit is de standaard)", lambda _p: None, run, 0))
