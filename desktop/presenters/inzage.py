"""The AVG inzage export of one person, from the members section, on the one print path."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.printing import show_document
from desktop.registry import ScreenContext, screen
from desktop.usecases import avg


def export_inzage(ui: Ui, person_id: uuid.UUID) -> Path | None:
    """Preview the person's inzage PDF; on Opslaan the PDF and its JSON file are written."""
    document = ui.attempt(lambda: avg.inzage_document(ui.unlocked, person_id))
    if document is None:
        return None
    pdf = show_document(ui.window, ui.unlocked, document)
    if pdf is not None:
        json_name = pdf.with_suffix(".json").name
        ui.inform(f"De inzage-export staat klaar in {pdf.parent}:\n{pdf.name}\n{json_name}")
    return pdf


@screen("afdrukvoorbeeld", order=95)
def _preview_screen(context: ScreenContext) -> QWidget:
    """The print path's preview, with a member's inzage PDF loaded from memory."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    document = avg.inzage_document(context.unlocked, dossier.members[0].id)
    from views.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(document.title, document.pdf, context.ui.window)
    dialog.resize(900, 700)
    return dialog
