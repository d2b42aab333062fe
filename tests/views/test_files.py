"""The file dialog speaks Dutch, also where Qt's own catalogue leaves labels in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from views import files

ENGLISH = {"Look in:", "Files of type:", "File name:", "Cancel", "Save", "&Save", "Open", "&Open"}


def test_the_save_dialog_has_dutch_labels_and_suggests_a_name(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.app import make_application

    make_application()  # as the app starts: with Qt's Dutch catalogue
    seen: list[str] = []
    suggested: list[str] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend(w.text() for w in dialog.findChildren(QLabel) if w.isVisible())
        seen.extend(b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible())
        suggested.extend(dialog.selectedFiles())
        dialog.reject()

    QTimer.singleShot(50, look_and_cancel)
    chosen = files.save_path(
        None, "Opslaan als PDF", "PDF-bestanden (*.pdf)", tmp_path / "inzage-2026.pdf"
    )
    assert chosen is None  # cancelled
    assert {"Zoeken in:", "Bestandsnaam:", "Bestandstype:"} <= set(seen)
    assert not ENGLISH & set(seen), ENGLISH & set(seen)
    assert [Path(p).name for p in suggested] == ["inzage-2026.pdf"]
