"""Meeting mode with notes half typed, until the test kills it (test_meeting_mode)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from desktop.app import make_application, open_window
from desktop.presenters.meeting_mode import MeetingModePresenter, open_meeting_mode
from desktop.session import unlock
from tests.helpers import TEST_LOGIN, TEST_PASSWORD


def main(db: str, meeting: str) -> int:
    app = make_application()
    unlocked = unlock(Path(db), TEST_LOGIN, TEST_PASSWORD)
    controller = open_window(unlocked)
    MeetingModePresenter.KEEP_MS = 100

    def type_notes() -> None:
        presenter = open_meeting_mode(controller.ui, uuid.UUID(meeting))
        assert presenter is not None
        window = presenter.window
        QTest.keyClicks(window.edits["information"], "Moeder vertelt over de schulden")
        window.safety.setChecked(True)
        print("getypt", flush=True)  # noqa: T201  (the test waits for this line)

    QTimer.singleShot(0, type_notes)
    return app.exec()  # until kill -9


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
