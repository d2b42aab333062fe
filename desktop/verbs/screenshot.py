"""``screenshot``: save a picture of a named screen, without a display."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from desktop.cli import CommandFailed, add_dossier, unlock_for_verb
from desktop.registry import VERBS, Verb


def _naming_screens(base: Any) -> Any:
    """The verb's help ends with every screen's name (read only when help is asked for: the
    names come from the presenters, which a plain command need not import)."""

    class NamingScreens(base):  # type: ignore[misc]
        def format_help(self) -> str:
            from desktop.screenshot import screen_names

            names = "\n".join(f"  {name}" for name in screen_names())
            return f"{super().format_help()}\nschermen:\n{names}\n"

    return NamingScreens


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = _naming_screens(parser.formatter_class)
    parser.add_argument("screen", nargs="?", help="welk scherm (zie hieronder, of --lijst)")
    parser.add_argument("--out", type=Path, help="PNG-bestand")
    parser.add_argument("--lijst", action="store_true", help="noem alle schermen, één per regel")
    add_dossier(parser, "welk dossier (standaard: het volste lopende dossier)")
    parser.add_argument("--size", default="1280x800", help="venstergrootte, bijv. 1280x800")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application
    from desktop.presenters.ui import Refused
    from desktop.screenshot import UnknownScreen, save_screenshot, screen_names

    names = screen_names()
    if args.lijst:
        print("\n".join(names))
        return 0
    if not args.screen or args.out is None:
        raise CommandFailed("noem een scherm en --out BESTAND.png (of gebruik --lijst)")
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        raise CommandFailed(
            f"--size verwacht BREEDTExHOOGTE, bijv. 1280x800, niet {args.size!r}"
        ) from None
    if args.screen not in names:
        raise CommandFailed(f"onbekend scherm {args.screen!r}; kies uit: {', '.join(names)}")
    make_application()
    unlocked = unlock_for_verb(args.db)
    try:
        save_screenshot(
            unlocked, args.screen, args.out, dossier_number=args.dossier, size=(width, height)
        )
    except UnknownScreen:
        raise CommandFailed(
            f"onbekend scherm {args.screen!r}; kies uit: {', '.join(names)}"
        ) from None
    except (LookupError, Refused) as exc:
        text = str(exc).rstrip(".")
        raise CommandFailed(text[:1].lower() + text[1:]) from None
    except OSError:
        raise CommandFailed(f"kan {args.out} niet schrijven") from None
    finally:
        unlocked.close()
    print(args.out)
    return 0


VERBS.add(
    "screenshot",
    Verb("screenshot", "bewaar een schermafbeelding zonder beeldscherm", configure, run, 20),
)
