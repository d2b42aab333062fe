"""Meeting mode: one screen that walks a running meeting's agenda case by case.

(Placeholder for the parallel work on issue 11: the helper building meeting mode replaces
this module; the Overleggen tab calls :func:`open_meeting_mode`.)
"""

from __future__ import annotations

import uuid

from desktop.presenters.ui import Ui


def open_meeting_mode(ui: Ui, meeting_id: uuid.UUID) -> None:
    raise NotImplementedError("meeting mode is being built")
