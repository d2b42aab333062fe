"""``demo``: a database with clearly fictional households."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import CommandFailed, warn_if_on_network_share
from desktop.registry import VERBS, Verb


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--households", type=int, default=400, metavar="N", help="aantal huishoudens"
    )
    parser.add_argument("--seed", type=int, default=2026, help="startgetal voor het toeval")
    parser.add_argument(
        "--years",
        type=int,
        default=3,
        metavar="N",
        help="aanmeldingen verspreid over de laatste N jaar (1 tot 10, standaard 3)",
    )
    parser.add_argument(
        "--replace", action="store_true", help="vervang een bestaand bestand (anders: weigeren)"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.demo import DEMO_ACCOUNTS, create_demo_database
    from desktop.keyring import keyring_path
    from desktop.lock import DatabaseLock

    db = args.db
    if args.households < 1:
        raise CommandFailed("--households moet minstens 1 zijn")
    # members' ages count back from today: over more than ten years some would be measured
    # before they were born
    if not 1 <= args.years <= 10:
        raise CommandFailed("--years moet tussen 1 en 10 liggen")
    warn_if_on_network_share(db)
    keys = keyring_path(db)
    lock = DatabaseLock(db)
    if not lock.acquire():
        raise CommandFailed("deze database is geopend in Teamtafel; sluit dat venster eerst")
    try:
        if db.exists() or keys.exists():
            if not args.replace:
                raise CommandFailed(f"{db} bestaat al; kies een ander pad of gebruik --replace")
            if not _is_demo(db):
                raise CommandFailed(
                    f"{db} is geen demo-database; --replace vervangt alleen een demo-database"
                )
            for belonging in (db, keys, *beside(db)):
                belonging.unlink(missing_ok=True)
        create_demo_database(db, args.households, seed=args.seed, years=args.years).close()
    finally:
        lock.release()
    print(f"{args.households} huishoudens over {args.years} jaar aangemaakt in {db} (versleuteld)")
    print(
        "inloggen als: "
        + ", ".join(f"{login} / {password}" for login, password, _r, _m in DEMO_ACCOUNTS)
    )
    return 0


def beside(db: Path) -> list[Path]:
    """The registers and the failed-logins file of the demo being replaced."""
    from desktop.attempts import attempts_path
    from desktop.register import backups_path, destroyed_path

    return [destroyed_path(db), backups_path(db), attempts_path(db)]


def _is_demo(db: Path) -> bool:
    """The key file's demo mark: a real database (or a lone key file, or someone else's
    file) is never replaced by a demo."""
    from desktop.keyring import Keyring, KeyringError, keyring_path

    try:
        return bool(Keyring.load(keyring_path(db)).meta.get("demo"))
    except KeyringError:
        return False


VERBS.add("demo", Verb("demo", "maak een database met verzonnen huishoudens", configure, run, 10))
