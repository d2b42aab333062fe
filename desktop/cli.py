"""The command line: one module per verb in ``desktop/verbs``, found through the verb registry."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from desktop.database import StoreError, default_db_path
from desktop.keyring import AccountBlocked, KeyringError, WrongSecret
from desktop.registry import VERBS, load_verbs
from desktop.session import AccountDisabled, Unlocked
from models.permissions import PermissionDenied

log = logging.getLogger(__name__)

DEFAULT_VERB = "gui"


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


# argparse's own messages, in Dutch (its catalogue has no Dutch).
_ARGPARSE_ERRORS = [
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"argument (\S+): invalid int value: (.*)", r"\1 verwacht een heel getal, niet \2"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1: onbekend: \2 (kies uit \3)",
    ),
    (r"argument (\S+): expected one argument", r"\1 verwacht een waarde"),
]


class DutchParser(argparse.ArgumentParser):
    """argparse with its headings, its -h and its error messages in Dutch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in _ARGPARSE_ERRORS:
            message = re.sub(pattern, dutch, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


class CommandFailed(Exception):
    """A verb refuses with a message for the user (exit code 2)."""


def add_db(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """``--db`` is accepted before and after the verb."""
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PAD",
        help=f"het databasebestand (standaard: {default_db_path()})",
    )


def add_dossier(parser: argparse.ArgumentParser, help: str = "het dossiernummer") -> None:
    """``--dossier NR`` wherever a verb is about one household."""
    parser.add_argument("--dossier", metavar="NR", default="", help=help)


def build_parser() -> argparse.ArgumentParser:
    load_verbs()
    parser = DutchParser(
        prog="teamtafel",
        description="Teamtafel: huishoudens, casuïstiek, ZRM en gezinsplan voor wijkteams.",
    )
    add_db(parser, None)
    parser.add_argument(
        "--demo", action="store_true", help="maak een demo-database als er nog geen database is"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="meer meldingen in het log")
    parser.add_argument("--quit-after-load", action="store_true", help=argparse.SUPPRESS)
    verbs = parser.add_subparsers(dest="verb", metavar="OPDRACHT")
    for verb in VERBS:
        sub = verbs.add_parser(verb.name, help=verb.help, description=verb.help)
        add_db(sub)
        verb.configure(sub)
    parser.epilog = (
        "Opdrachten die de database openen, loggen in met de omgevingsvariabelen "
        "TEAMTAFEL_GEBRUIKER en TEAMTAFEL_WACHTWOORD (op een demo-database: als demo-beheerder)."
    )
    return parser


def unlock_for_verb(db: Path) -> Unlocked:
    """Unlock with TEAMTAFEL_GEBRUIKER/-WACHTWOORD, or as the demo beheerder on a demo database.

    A database that needs a migration is migrated only while no window holds it (a window of
    an older version would go on writing the old layout): otherwise StoreProblem.IN_USE.
    """
    from desktop.app import ENV_LOGIN, ENV_PASSWORD
    from desktop.database import check_file
    from desktop.demo import DEMO_ACCOUNTS
    from desktop.keyring import Keyring, keyring_path
    from desktop.lock import hold_for_rewrite
    from desktop.session import unlock

    check_file(db)
    warn_if_on_network_share(db)
    login, password = os.environ.get(ENV_LOGIN, ""), os.environ.get(ENV_PASSWORD, "")
    if not (login and password):
        if not db.exists() or not Keyring.load(keyring_path(db)).meta.get("demo"):
            raise CommandFailed(f"zet {ENV_LOGIN} en {ENV_PASSWORD} om deze database te openen")
        login, password = DEMO_ACCOUNTS[0][0], DEMO_ACCOUNTS[0][1]
    return unlock(db, login, password, hold=hold_for_rewrite)


def warn_if_on_network_share(db: Path) -> None:
    from desktop.network_share import warning

    text = warning(db)
    if text:
        print(f"teamtafel: let op: {text}", file=sys.stderr)


def fail(message: str) -> int:
    print(f"teamtafel: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.db is None:
        args.db = default_db_path()
        args.db_given = False
    else:
        args.db_given = True
    verb = VERBS[args.verb or DEFAULT_VERB]
    try:
        return verb.run(args)
    except StoreError as exc:
        from desktop.errors import describe

        return fail(describe(exc))
    except AccountDisabled:
        return fail("dit account is uitgeschakeld; vraag de beheerder van uw team")
    except AccountBlocked:
        return fail(
            "dit account heeft geen geldig wachtwoord meer; vraag de beheerder om een tijdelijk"
        )
    except (KeyringError, WrongSecret):
        return fail(
            "kan de database niet openen: inlognaam, wachtwoord of sleutelbestand klopt niet"
        )
    except PermissionDenied as exc:
        from desktop.errors import needed_roles

        return fail(f"dit mag alleen {needed_roles(exc.permission)}")
    except CommandFailed as exc:
        return fail(str(exc))
    except BrokenPipeError:  # `teamtafel toegangslog | head`: the reader has had enough
        sys.stderr.close()
        return 0
    except OSError as exc:  # the environment's fault: a folder that does not exist, a full disk
        where = exc.filename or "het bestand"
        return fail(f"kan {where} niet schrijven of lezen ({exc.strerror or 'onbekende fout'})")
