"""Choosing a file: Qt's file dialog with every label in Dutch.

Qt's own Dutch catalogue leaves "Look in:" and "Files of type:" in English, so the labels
are set here. Where the platform has a native dialog, it speaks the system's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_LABELS = {
    QFileDialog.DialogLabel.LookIn: "Zoeken in:",
    QFileDialog.DialogLabel.FileName: "Bestandsnaam:",
    QFileDialog.DialogLabel.FileType: "Bestandstype:",
    QFileDialog.DialogLabel.Reject: "Annuleren",
}


def _dialog(parent: QWidget | None, title: str, name_filter: str, accept: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setNameFilter(name_filter)
    for label, text in {**_LABELS, QFileDialog.DialogLabel.Accept: accept}.items():
        dialog.setLabelText(label, text)
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        files = dialog.selectedFiles()
    finally:
        dialog.deleteLater()
    return Path(files[0]) if accepted and files else None


def save_path(
    parent: QWidget | None, title: str, name_filter: str, suggested: Path | None = None
) -> Path | None:
    """Where to save; the dialog asks before overwriting a file."""
    dialog = _dialog(parent, title, name_filter, "Opslaan")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested is not None:
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
    return _chosen(dialog)


def open_path(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    dialog = _dialog(parent, title, name_filter, "Openen")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)
