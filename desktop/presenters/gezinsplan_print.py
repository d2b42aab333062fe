"""Print the gezinsplan: the family's copy (or, with consent, a partner's) in the preview of
the one print path; saving it logs PRINT under the household."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import show_error
from desktop.printing import show_document
from desktop.session import Unlocked
from desktop.usecases.gezinsplan_print import PlanNotPrinted, plan_document
from models.errors import DomainError


def print_plan(
    parent: QWidget | None,
    unlocked: Unlocked,
    household_id: uuid.UUID,
    version: int | None,
    *,
    recipient: str | None = None,
) -> Path | None:
    """Preview ``version`` of the household's plan (None: the current one), for the family
    or, with ``recipient`` (an organisation's name), for that organisation; returns the saved
    PDF's path, None when nothing was saved. Why it cannot be printed is said in Dutch."""
    try:
        document = plan_document(unlocked, household_id, version, recipient)
    except PlanNotPrinted as refused:
        QMessageBox.warning(parent, "Teamtafel", str(refused))
        return None
    except DomainError as exc:  # the household was removed meanwhile
        show_error(parent, exc)
        return None
    return show_document(parent, unlocked, document)
