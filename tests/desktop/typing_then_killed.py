"""A window in which a new member is half typed, until the test kills it (test_werkkopie)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import make_application, open_window
from desktop.session import unlock
from tests.helpers import TEST_LOGIN, TEST_PASSWORD
from views.dialogs import PersonDialog


def main(db: str, household: str) -> int:
    app = make_application()
    unlocked = unlock(Path(db), TEST_LOGIN, TEST_PASSWORD)
    controller = open_window(unlocked)
    household_id = uuid.UUID(household)

    def type_in_form() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, type_in_form)
            return
        dialog.field("first_name").setText("Nguyễn Thị")
        dialog.field("last_name").setText("Lan")
        QTest.keyClicks(dialog.field("date_of_birth"), "03-07-2011")
        print("getypt", flush=True)  # noqa: T201  (the test waits for this line)

    def add_member() -> None:
        controller.open_household(household_id)
        QTimer.singleShot(0, type_in_form)
        controller.dossiers[household_id].sections["members"].add()  # type: ignore[attr-defined]

    QTimer.singleShot(0, add_member)
    return app.exec()  # until kill -9


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
