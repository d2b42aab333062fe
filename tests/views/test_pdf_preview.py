"""The PDF preview: loaded from memory under qtbot, nothing written to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from desktop.reports.pdf import body, build_pdf, data_table, heading, title
from tests.helpers import TODAY
from views.pdf_preview import PdfPreviewDialog


def _pdf(rows: int) -> bytes:
    story = [
        title("Proefdocument"),
        heading("Gegevens"),
        body("Zoë van 't Hart en Nguyễn Thị Lan."),
        data_table(["Nummer", "Naam"], [(str(n), f"Regel {n}") for n in range(rows)]),
    ]
    return build_pdf(story, document_title="Proef", header="Proef", made_on=TODAY)


@pytest.fixture
def empty_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary files and the working folder both point at one empty folder."""
    folder = tmp_path / "leeg"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.chdir(folder)
    return folder


def test_preview_loads_the_pdf_from_memory_and_writes_nothing(
    qtbot: QtBot, empty_temp: Path
) -> None:
    pdf = _pdf(120)
    dialog = PdfPreviewDialog("Proefdocument", pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.document.status() is QPdfDocument.Status.Ready
    pages = dialog.document.pageCount()
    assert pages >= 2 and dialog.pages_label.text() == f"{pages} pagina's"
    assert dialog.view.document() is dialog.document
    assert dialog.windowTitle() == "Proefdocument"
    assert dialog.save_button.text() == "Opslaan als PDF…"
    assert dialog.close_button.text() == "Sluiten"
    assert "Nguyễn" in dialog.document.getAllText(0).text()
    # Nothing anywhere in the test's folder: not in TMPDIR, the working folder or HOME.
    assert [p for p in empty_temp.parent.rglob("*") if p.is_file()] == []


def test_save_asks_the_caller_and_close_closes(qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog("Proefdocument", _pdf(3))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages_label.text() == "1 pagina"
    with qtbot.waitSignal(dialog.saveRequested):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # saving is the caller's business; the preview stays
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == PdfPreviewDialog.DialogCode.Rejected
    assert dialog.document.status() is QPdfDocument.Status.Null  # closed with the dialog
