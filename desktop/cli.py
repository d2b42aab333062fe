"""The command line: start the GUI (default), make demo data, save screenshots."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from desktop.database import StoreError, default_db_path

log = logging.getLogger(__name__)


def _add_db(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PAD",
        help=f"het databasebestand (standaard: {default_db_path()})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teamtafel",
        description="Teamtafel: huishoudens, casuïstiek, ZRM en gezinsplan voor wijkteams.",
    )
    _add_db(parser, None)
    parser.add_argument(
        "--demo", action="store_true", help="maak een demo-database als er nog geen database is"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="meer meldingen in het log")
    parser.add_argument("--quit-after-load", action="store_true", help=argparse.SUPPRESS)
    verbs = parser.add_subparsers(dest="verb", metavar="OPDRACHT")

    gui = verbs.add_parser("gui", help="start het programma (dit is de standaard)")
    _add_db(gui, argparse.SUPPRESS)

    demo = verbs.add_parser("demo", help="maak een database met verzonnen huishoudens")
    _add_db(demo, argparse.SUPPRESS)
    demo.add_argument("--households", type=int, default=400, metavar="N", help="aantal huishoudens")
    demo.add_argument("--seed", type=int, default=2026, help="startgetal voor het toeval")
    demo.add_argument(
        "--replace", action="store_true", help="vervang een bestaand bestand (anders: weigeren)"
    )

    shot = verbs.add_parser("screenshot", help="bewaar een schermafbeelding zonder beeldscherm")
    _add_db(shot, argparse.SUPPRESS)
    shot.add_argument("screen", help="huishoudens, dossier, aanmelden of gezinslid")
    shot.add_argument("--out", type=Path, required=True, help="PNG-bestand")
    shot.add_argument("--household", metavar="DOSSIERNR", help="welk dossier (bij 'dossier')")
    shot.add_argument("--size", default="1280x800", help="venstergrootte, bijv. 1280x800")
    return parser


def _fail(message: str) -> int:
    print(f"teamtafel: {message}", file=sys.stderr)
    return 2


def run_demo(db: Path, households: int, seed: int, replace: bool) -> int:
    from desktop.database import open_store
    from desktop.session_user import session_user
    from models.demo import generate_demo

    if households < 1:
        return _fail("--households moet minstens 1 zijn")
    if db.exists():
        if not replace:
            return _fail(f"{db} bestaat al; kies een ander pad of gebruik --replace")
        db.unlink()
    store = open_store(db, create=True, user=session_user())
    try:
        with store.sessions.begin() as session:
            generate_demo(session, households, seed=seed)
    finally:
        store.close()
    print(f"{households} huishoudens aangemaakt in {db}")
    return 0


def run_screenshot(db: Path, screen: str, out: Path, household: str | None, size: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application
    from desktop.database import open_store
    from desktop.screenshot import SCREENS, UnknownScreen, save_screenshot

    try:
        width, height = (int(part) for part in size.lower().split("x"))
    except ValueError:
        return _fail(f"--size verwacht BREEDTExHOOGTE, bijv. 1280x800, niet {size!r}")
    make_application()
    store = open_store(db)
    try:
        save_screenshot(store, screen, out, household=household, size=(width, height))
    except UnknownScreen:
        return _fail(f"onbekend scherm {screen!r}; kies uit: {', '.join(SCREENS)}")
    except LookupError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    print(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    db: Path = args.db or default_db_path()
    try:
        if args.verb == "demo":
            return run_demo(db, args.households, args.seed, args.replace)
        if args.verb == "screenshot":
            return run_screenshot(db, args.screen, args.out, args.household, args.size)
        from desktop.app import run_gui

        return run_gui(args.db, demo=args.demo, quit_after_load=args.quit_after_load)
    except StoreError as exc:
        from desktop.errors import describe

        return _fail(describe(exc))
