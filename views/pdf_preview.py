"""A PDF shown in the app before anything is saved: loaded from memory, never from a file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PdfPreviewDialog(QDialog):
    """The document as it will be saved, with "Opslaan als PDF…" and "Sluiten".

    Saving is the caller's business: the dialog only says the user asked for it
    (``saveRequested``), and stays open until the caller accepts it.
    """

    saveRequested = Signal()

    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        # The buffer is the document's child, so it lives exactly as long as the document.
        self.buffer = QBuffer(self.document)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        pages = self.document.pageCount()
        self.pages_label = QLabel("1 pagina" if pages == 1 else f"{pages} pagina's")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            "Opslaan als PDF…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("Sluiten")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.saveRequested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)
        self.resize(760, 900)

    def done(self, result: int) -> None:
        self.document.close()  # before the buffer it reads from goes
        super().done(result)
