"""The one print path, Qt side: preview a document, warn about consent, save it, log it.

Every printout and export goes through :func:`show_document`: the PDF is built in
memory by a use case, shown in the app, and written (0600) only to the file the user
picks, after which PRINT or EXPORT is logged for every household it is about
(:func:`desktop.usecases.printing.save_document`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import confirm, show_error
from desktop.session import Unlocked
from desktop.usecases.printing import Document, consent_gaps, save_document
from models.errors import DomainError
from views import files


def show_document(
    parent: QWidget | None, unlocked: Unlocked, document: Document, *, today: date | None = None
) -> Path | None:
    """Preview ``document``; returns the saved PDF's path, or None when nothing was saved."""
    from views.pdf_preview import PdfPreviewDialog  # QtPdf loads with the first printout

    dialog = PdfPreviewDialog(document.title, document.pdf, parent)
    saved: list[Path] = []

    def save() -> None:
        path = _save(dialog, unlocked, document, today)
        if path is not None:
            saved.append(path)
            dialog.accept()

    dialog.saveRequested.connect(save)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # not left behind as a child of the main window
    return saved[0] if saved else None


def consent_question(document: Document, gaps: list[str]) -> str:
    numbers = ", ".join(number for number in gaps if number) or "dit huishouden"
    return (
        f"Dit document gaat naar {document.recipient.name if document.recipient else '—'}. "
        f"Voor {numbers} is geen geldige "
        "toestemming vastgelegd om gegevens met deze organisatie te delen, of de toestemming "
        "is geweigerd.\n\nToch opslaan?"
    )


def ask_target(parent: QWidget | None, document: Document) -> Path | None:
    return files.save_path(
        parent, "Opslaan als PDF", "PDF-bestanden (*.pdf)", Path.home() / document.file_name
    )


def _save(
    parent: QWidget, unlocked: Unlocked, document: Document, today: date | None
) -> Path | None:
    try:
        gaps = consent_gaps(unlocked, document, today)
        if gaps and not confirm(parent, consent_question(document, gaps)):
            return None
        target = ask_target(parent, document)
        if target is None:
            return None
        return save_document(unlocked, document, target)[0]
    except DomainError as exc:  # the household was destroyed meanwhile
        show_error(parent, exc)
    except OSError:
        QMessageBox.warning(
            parent,
            "Teamtafel",
            "Het bestand kon niet worden opgeslagen. Kies een andere map of een andere naam.",
        )
    return None
