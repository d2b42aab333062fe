"""A read that takes seconds runs beside the window, which shows at once and is filled in
when the answer comes (the access log's whole-chain check).

The work runs on Qt's global thread pool in a session of its own (each session takes its own
connection from the store's queue pool); the answer is delivered on the window's thread to a
receiver owned by ``owner``, so a screen closed meanwhile simply never hears it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

R = TypeVar("R")


class _Receiver(QObject):
    finished = Signal(object, bool)  # the answer (or None), and whether it succeeded

    def __init__(
        self, owner: QObject, done: Callable[[object], None], failed: Callable[[], None]
    ) -> None:
        super().__init__(owner)
        self._done, self._failed = done, failed
        self.finished.connect(self._deliver)

    @Slot(object, bool)
    def _deliver(self, answer: object, ok: bool) -> None:
        if ok:
            self._done(answer)
        else:
            self._failed()
        self.deleteLater()


class _Work(QRunnable, Generic[R]):
    def __init__(self, work: Callable[[], R], receiver: _Receiver) -> None:
        super().__init__()
        self._work = work
        self._finished = receiver.finished  # emitted from the pool thread: queued to the owner

    def run(self) -> None:
        try:
            answer = self._work()
        except Exception as exc:  # noqa: BLE001 - said to the user; the type only in the log
            log.warning("background read failed: %s", type(exc).__name__)
            self._finished.emit(None, False)
            return
        self._finished.emit(answer, True)


def in_background(
    owner: QObject,
    work: Callable[[], R],
    done: Callable[[R], None],
    failed: Callable[[], None],
) -> None:
    """Run ``work`` on the thread pool; ``done(answer)`` or ``failed()`` on the window's thread."""
    receiver = _Receiver(owner, done, failed)  # type: ignore[arg-type]
    QThreadPool.globalInstance().start(_Work(work, receiver))


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Let background reads finish (the screenshot verb, tests); their answers then arrive
    at the next processing of events."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
