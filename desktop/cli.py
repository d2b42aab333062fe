"""The command line: start the GUI (default), make demo data, save screenshots."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from desktop.database import StoreError, default_db_path
from desktop.keyring import KeyringError, WrongSecret
from desktop.session import AccountDisabled, Unlocked
from models.permissions import PermissionDenied

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
    shot.add_argument(
        "screen",
        help="huishoudens, dossier, aanmelden, gezinslid, inloggen, vergrendeld, toegangslog, toestemming of dossierlog",
    )
    shot.add_argument("--out", type=Path, required=True, help="PNG-bestand")
    shot.add_argument("--household", metavar="DOSSIERNR", help="welk dossier (bij 'dossier')")
    shot.add_argument("--size", default="1280x800", help="venstergrootte, bijv. 1280x800")
    backup = verbs.add_parser("backup", help="maak een versleutelde back-up (beheerder)")
    _add_db(backup, argparse.SUPPRESS)
    backup.add_argument("--out", type=Path, required=True, help="het back-upbestand (.ttbackup)")

    log = verbs.add_parser("toegangslog", help="toon het toegangslog (beheerder)")
    _add_db(log, argparse.SUPPRESS)
    log.add_argument("--gebruiker", default="", help="alleen deze inlognaam")
    log.add_argument("--dossier", default="", help="alleen dit dossiernummer")
    parser.epilog = (
        "Opdrachten die de database openen, loggen in met de omgevingsvariabelen "
        "TEAMTAFEL_GEBRUIKER en TEAMTAFEL_WACHTWOORD (op een demo-database: als demo-beheerder)."
    )
    return parser


def run_backup(db: Path, out: Path) -> int:
    from desktop.backup import make_backup

    unlocked = _unlock_for_verb(db)
    try:
        print(make_backup(unlocked, out))
    finally:
        unlocked.close()
    return 0


def run_log(db: Path, login: str, dossier: str) -> int:
    from models.access import search_log
    from models.permissions import Permission, require

    unlocked = _unlock_for_verb(db)
    try:
        require(unlocked.actor, Permission.READ_FULL_LOG)
        with unlocked.store.sessions() as session:
            lines = search_log(session, login=login, dossier_number=dossier)
    finally:
        unlocked.close()
    for line in lines:
        print(
            f"{line.at:%Y-%m-%d %H:%M:%S}  {line.login:<12} {line.action.value:<8} {line.dossier_number:<11} {line.detail}"
        )
    return 0


def _fail(message: str) -> int:
    print(f"teamtafel: {message}", file=sys.stderr)
    return 2


def run_demo(db: Path, households: int, seed: int, replace: bool) -> int:
    from desktop.demo import DEMO_ACCOUNTS, create_demo_database
    from desktop.keyring import keyring_path

    if households < 1:
        return _fail("--households moet minstens 1 zijn")
    keys = keyring_path(db)
    if db.exists() or keys.exists():
        if not replace:
            return _fail(f"{db} bestaat al; kies een ander pad of gebruik --replace")
        db.unlink(missing_ok=True)
        keys.unlink(missing_ok=True)
    create_demo_database(db, households, seed=seed).close()
    print(f"{households} huishoudens aangemaakt in {db} (versleuteld)")
    print(
        "inloggen als: "
        + ", ".join(f"{login} / {password}" for login, password, _r, _m in DEMO_ACCOUNTS)
    )
    return 0


def _unlock_for_verb(db: Path) -> Unlocked:
    """Unlock with TEAMTAFEL_GEBRUIKER/-WACHTWOORD, or as the demo beheerder on a demo database."""
    from desktop.app import ENV_LOGIN, ENV_PASSWORD
    from desktop.database import check_file
    from desktop.demo import DEMO_ACCOUNTS
    from desktop.keyring import Keyring, keyring_path
    from desktop.session import unlock

    check_file(db)
    login, password = os.environ.get(ENV_LOGIN, ""), os.environ.get(ENV_PASSWORD, "")
    if not (login and password):
        if not db.exists() or not Keyring.load(keyring_path(db)).meta.get("demo"):
            raise LookupError(f"zet {ENV_LOGIN} en {ENV_PASSWORD} om deze database te openen")
        login, password = DEMO_ACCOUNTS[0][0], DEMO_ACCOUNTS[0][1]
    return unlock(db, login, password)


def run_screenshot(db: Path, screen: str, out: Path, household: str | None, size: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application
    from desktop.screenshot import SCREENS, UnknownScreen, save_screenshot

    try:
        width, height = (int(part) for part in size.lower().split("x"))
    except ValueError:
        return _fail(f"--size verwacht BREEDTExHOOGTE, bijv. 1280x800, niet {size!r}")
    make_application()
    if screen not in SCREENS:
        return _fail(f"onbekend scherm {screen!r}; kies uit: {', '.join(SCREENS)}")
    try:
        unlocked = _unlock_for_verb(db)
    except LookupError as exc:
        return _fail(str(exc))
    try:
        save_screenshot(unlocked, screen, out, household=household, size=(width, height))
    except UnknownScreen:
        return _fail(f"onbekend scherm {screen!r}; kies uit: {', '.join(SCREENS)}")
    except LookupError as exc:
        return _fail(str(exc))
    finally:
        unlocked.close()
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
        if args.verb == "backup":
            return run_backup(db, args.out)
        if args.verb == "toegangslog":
            return run_log(db, args.gebruiker, args.dossier)
        from desktop.app import run_gui

        return run_gui(args.db, demo=args.demo, quit_after_load=args.quit_after_load)
    except StoreError as exc:
        from desktop.errors import describe

        return _fail(describe(exc))
    except (KeyringError, WrongSecret, AccountDisabled):
        return _fail(
            "kan de database niet openen: inlognaam, wachtwoord of sleutelbestand klopt niet"
        )
    except PermissionDenied:
        return _fail("dit mag alleen een beheerder")
    except LookupError as exc:
        return _fail(str(exc))
