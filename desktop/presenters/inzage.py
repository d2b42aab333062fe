"""The AVG inzage export of one person, from the members section."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.presenters.ui import Ui
from desktop.usecases import avg


def export_inzage(ui: Ui, person_id: uuid.UUID) -> tuple[Path, Path] | None:
    folder = QFileDialog.getExistingDirectory(ui.window, "Map voor de inzage-export")
    if not folder:
        return None
    written = ui.attempt(lambda: avg.export_inzage(ui.unlocked, person_id, Path(folder)))
    if written is not None:
        pdf, machine = written
        ui.inform(f"De inzage-export staat klaar:\n{pdf.name}\n{machine.name}")
    return written
