"""The AVG inzage export of one person, from the members section, on the one print path.

When the inzage holds safety records, they are reviewed first (:class:`InzageReviewDialog`):
the casusregisseur may withhold a passage with a reason; anyone else reads the list and
exports everything. Then the preview, and on Opslaan the PDF and its JSON file.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.presenters.ui import Ui
from desktop.printing import show_document
from desktop.registry import ScreenContext, screen
from desktop.usecases import avg
from models.records import InzageReview, Withholding
from views.inzage_review import InzageReviewDialog


def review(ui: Ui, person_id: uuid.UUID) -> tuple[Withholding, ...] | None:
    """What the regisseur withholds (empty: nothing, or no safety passages); None: cancelled."""
    found = ui.attempt(lambda: avg.inzage_review(ui.unlocked, person_id))
    if found is None:
        return None
    if not found.passages:
        return ()  # nothing about safety: straight to the preview, as before
    return InzageReviewDialog.ask(ui.window, found, ui.codes)


def export_inzage(ui: Ui, person_id: uuid.UUID) -> Path | None:
    """Review the safety passages, preview the person's inzage PDF; on Opslaan the PDF and
    its JSON file are written, and what was withheld is recorded."""
    withheld = review(ui, person_id)
    if withheld is None:
        return None
    document = ui.attempt(lambda: avg.inzage_document(ui.unlocked, person_id, withheld=withheld))
    if document is None:
        return None
    pdf = show_document(ui.window, ui.unlocked, document)
    if pdf is not None:
        json_name = pdf.with_suffix(".json").name
        ui.inform(f"De inzage-export staat klaar in {pdf.parent}:\n{pdf.name}\n{json_name}")
    return pdf


def _reviewed_member(context: ScreenContext) -> tuple[uuid.UUID, InzageReview]:
    """A member of the picked household, the one whose inzage has the most safety passages."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    reviews = [(m.id, avg.inzage_review(context.unlocked, m.id)) for m in dossier.members]
    return max(reviews, key=lambda r: len(r[1].passages))


@screen("inzage-controle", order=94)
def _review_screen(context: ScreenContext) -> QWidget:
    """The review before an inzage export, as the logged-in user sees it (the regisseur
    with 'Achterhouden', anyone else read-only)."""
    _person_id, found = _reviewed_member(context)
    dialog = InzageReviewDialog(found, context.ui.codes, context.ui.window)
    dialog.resize(820, 620)
    return dialog


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
