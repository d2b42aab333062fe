"""The command line: one module per verb in ``desktop/verbs``, found through the verb registry."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from desktop.database import StoreError, default_db_path
from desktop.keyring import AccountBlocked, KeyringError, WrongSecret
from desktop.private import tighten_folder
from desktop.registry import VERBS, load_verbs
from desktop.session import AccountDisabled, Unlocked
from models.permissions import PermissionDenied

log = logging.getLogger(__name__)

DEFAULT_VERB = "gui"
# The login for automation (bench, screenshots, scripts); the password comes from
# --wachtwoord-stdin, or on a demo database also from the environment.
ENV_LOGIN, ENV_PASSWORD = "TEAMTAFEL_GEBRUIKER", "TEAMTAFEL_WACHTWOORD"


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


def add_password_option(
    parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS
) -> None:
    """``--wachtwoord-stdin`` is accepted before and after the verb, like ``--db``."""
    parser.add_argument(
        "--wachtwoord-stdin",
        action="store_true",
        default=default,
        help=f"lees het wachtwoord van de standaardinvoer (de inlognaam uit {ENV_LOGIN})",
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
    add_password_option(parser, False)
    parser.add_argument(
        "--demo", action="store_true", help="maak een demo-database als er nog geen database is"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="meer meldingen in het log")
    parser.add_argument("--quit-after-load", action="store_true", help=argparse.SUPPRESS)
    verbs = parser.add_subparsers(dest="verb", metavar="OPDRACHT")
    for verb in VERBS:
        sub = verbs.add_parser(verb.name, help=verb.help, description=verb.help)
        add_db(sub)
        add_password_option(sub)
        verb.configure(sub)
    parser.epilog = (
        f"Opdrachten die de database openen, loggen in met de inlognaam uit {ENV_LOGIN} en "
        "het wachtwoord van --wachtwoord-stdin. Op een demo-database mag het wachtwoord ook "
        f"in {ENV_PASSWORD} staan, en zonder beide is het de demo-beheerder."
    )
    return parser


ENV_PASSWORD_REFUSED = (
    f"{ENV_PASSWORD} wordt alleen op een demo-database gebruikt (een wachtwoord in de "
    "omgeving kunnen andere programma's lezen); geef het wachtwoord met --wachtwoord-stdin "
    f"en de inlognaam in {ENV_LOGIN}"
)

# The password read from standard input by ``--wachtwoord-stdin``, for this run of main().
_stdin_password: ContextVar[str | None] = ContextVar("stdin_password", default=None)


@dataclass(frozen=True)
class GivenLogin:
    """A login given without the dialog; ``demo_only`` when it may open a demo only."""

    login: str
    password: str = field(repr=False)
    demo_only: bool


def given_login(db: Path, *, demo_fallback: bool) -> GivenLogin | None:
    """The login and password given on the command line or (demo only) in the environment.

    On a real database the password comes only from ``--wachtwoord-stdin``: one in
    TEAMTAFEL_WACHTWOORD is refused (CommandFailed) with the option named. The key file's
    demo mark lets the demo's documented logins through; it can be written by anyone, so
    the store's own mark is checked after the login (:func:`refuse_if_not_demo`).
    ``demo_fallback``: with nothing given, a verb logs in on a demo as its beheerder.
    """
    from desktop.demo import DEMO_ACCOUNTS
    from desktop.keyring import Keyring, KeyringError, keyring_path

    login = os.environ.get(ENV_LOGIN, "").strip()
    env_password = os.environ.get(ENV_PASSWORD, "")
    typed = _stdin_password.get()
    if typed is not None:
        if not login:
            raise CommandFailed(
                f"zet {ENV_LOGIN} op uw inlognaam; --wachtwoord-stdin leest alleen het wachtwoord"
            )
        return GivenLogin(login, typed, demo_only=False)
    try:
        demo = bool(Keyring.load(keyring_path(db)).meta.get("demo"))
    except KeyringError:
        demo = False
    if env_password and not demo:
        raise CommandFailed(ENV_PASSWORD_REFUSED)
    if demo and login and env_password:
        return GivenLogin(login, env_password, demo_only=True)
    if demo and demo_fallback:
        return GivenLogin(DEMO_ACCOUNTS[0][0], DEMO_ACCOUNTS[0][1], demo_only=True)
    return None


def refuse_if_not_demo(unlocked: Unlocked, given: GivenLogin) -> None:
    """A demo login on a store that is not a demo (its key file was marked by hand): closed."""
    from desktop.usecases.settings import is_demo

    if given.demo_only and not is_demo(unlocked):
        unlocked.close()
        raise CommandFailed(ENV_PASSWORD_REFUSED)


def unlock_for_verb(db: Path) -> Unlocked:
    """Unlock with the login in TEAMTAFEL_GEBRUIKER and the password from --wachtwoord-stdin,
    or on a demo with its documented logins (see :func:`given_login`). Throttled like the
    login screen, with the same count (the failed-logins file beside the key file).

    A database that needs a migration is migrated only while no window holds it (a window of
    an older version would go on writing the old layout): otherwise StoreProblem.IN_USE.
    """
    from desktop.attempts import COMMAND_LINE, wait_message
    from desktop.database import check_file
    from desktop.keyring import WrongSecret
    from desktop.lock import hold_for_rewrite
    from desktop.session import Throttle, unlock

    check_file(db)
    warn_if_on_network_share(db)
    given = given_login(db, demo_fallback=True)
    if given is None:
        raise CommandFailed(
            f"zet {ENV_LOGIN} op uw inlognaam en geef het wachtwoord met --wachtwoord-stdin"
        )
    throttle = Throttle.beside(db)
    wait = throttle.wait_for(given.login)
    if wait > 0:
        message = wait_message(wait)
        raise CommandFailed(message[:1].lower() + message[1:])
    try:
        unlocked = unlock(db, given.login, given.password, hold=hold_for_rewrite)
    except WrongSecret:
        throttle.failed(given.login, COMMAND_LINE)
        raise
    throttle.succeeded(given.login)
    refuse_if_not_demo(unlocked, given)
    return unlocked


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
        tighten_folder(args.db.parent)  # the data folder is the user's alone (0700)
    else:
        args.db_given = True
    verb = VERBS[args.verb or DEFAULT_VERB]
    token = _stdin_password.set(_read_password() if args.wachtwoord_stdin else None)
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
    finally:
        _stdin_password.reset(token)


def _read_password() -> str:
    """One line from standard input, without its line end (``printf … |`` or a file); typed
    at a terminal, without showing it."""
    if sys.stdin.isatty():
        return getpass.getpass("Wachtwoord: ")
    return sys.stdin.readline().rstrip("\r\n")
