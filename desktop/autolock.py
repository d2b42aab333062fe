"""Locks every window after a spell without keyboard or mouse, until the password is given."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from views.lock import LockOverlay

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


class AutoLock(QObject):
    lockedChanged = Signal(bool)

    def __init__(
        self,
        minutes: float,
        verify: Callable[[str], str | None],
        user_name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self._user_name = user_name
        self._overlays: list[LockOverlay] = []
        self._focus: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_minutes(minutes)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))

    @property
    def locked(self) -> bool:
        return bool(self._overlays)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._overlays:
            # While locked, input reaches the lock screens only, never the covered forms.
            if kind in _INPUT and not self._inside_overlay(watched):
                return True
        elif kind in _ACTIVITY:
            self.timer.start()
        return False

    def _inside_overlay(self, watched: QObject) -> bool:
        widget = watched if isinstance(watched, QWidget) else None
        while widget is not None:
            if isinstance(widget, LockOverlay):
                return True
            widget = widget.parentWidget()
        return False

    def lock(self) -> None:
        if self._overlays:
            return
        self.timer.stop()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._focus = app.focusWidget()
        windows = [
            w for w in app.topLevelWidgets() if w.isVisible() and not isinstance(w, LockOverlay)
        ]
        # the password goes on the window in front; one is always chosen among those covered
        # (an active window that is hidden or already gone would leave no way to unlock)
        front = next(
            (w for w in (app.activeModalWidget(), app.activeWindow()) if w in windows),
            windows[-1] if windows else None,
        )
        for window in windows:
            overlay = LockOverlay(window, with_password=window is front, user_name=self._user_name)
            overlay.unlockRequested.connect(self.try_unlock)
            overlay.show()
            overlay.raise_()
            self._overlays.append(overlay)
            if overlay.password is not None:
                overlay.password.setFocus()
        log.info("locked after inactivity")
        self.lockedChanged.emit(True)

    def password_overlay(self) -> LockOverlay | None:
        return next((o for o in self._overlays if o.password is not None), None)

    def try_unlock(self, password: str) -> bool:
        """``verify`` says why not (a wrong password, a wait after too many), or None."""
        message = self._verify(password)
        if message is not None:
            overlay = self.password_overlay()
            if overlay is not None:
                overlay.show_error(message)
            return False
        for overlay in self._overlays:
            overlay.hide()
            overlay.deleteLater()
        self._overlays.clear()
        if self._focus is not None:
            self._focus.setFocus()
        self.timer.start()
        self.lockedChanged.emit(False)
        return True
