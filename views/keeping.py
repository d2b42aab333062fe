"""Forms that keep a werkkopie, and the hook through which a presenter keeps them.

A form announces itself when it opens (:func:`announce`); whoever watches forms (the
presenter that stores werkkopieën) gets it and may fill it with texts typed before a
crash, listen to its ``edited`` signal and read its :meth:`Keepable.snapshot`. Views
never store anything themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import SignalInstance


class Keepable(Protocol):
    """A form whose texts can be kept and put back (not one that takes a password)."""

    @property
    def keeps_werkkopie(self) -> bool: ...

    @property
    def edited(self) -> SignalInstance: ...

    @property
    def finished(self) -> SignalInstance: ...

    def snapshot(self) -> dict[str, str]: ...

    def restore(self, texts: dict[str, str]) -> list[str]:
        """Put the texts back; the keys that could not be (a choice no longer offered)."""
        ...

    def field_label(self, key: str) -> str: ...

    def windowTitle(self) -> str: ...

    def isVisible(self) -> bool: ...


Watcher = Callable[[Keepable], None]
_watchers: list[Watcher] = []


def watch_forms(watcher: Watcher) -> Callable[[], None]:
    """Call ``watcher`` with every keepable form that opens; returns the way to stop."""
    _watchers.append(watcher)

    def stop() -> None:
        if watcher in _watchers:
            _watchers.remove(watcher)

    return stop


def announce(form: Keepable) -> None:
    """A form is about to open (called by the form itself, before ``exec``)."""
    if form.keeps_werkkopie:
        for watcher in _watchers:
            watcher(form)
