"""The Qt-free half of the one print path: a document, its consent check, saving and logging.

A :class:`Document` is built in memory by a use case (the PDF bytes and any file that
goes with it); :mod:`desktop.printing` previews it, and :func:`save_document` writes it
(mode 0600) and logs PRINT or EXPORT for every household it is about.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.private import write_private
from desktop.session import Unlocked
from desktop.usecases.base import output
from models.consents import list_consents, uncovered
from models.entities import Household
from models.permissions import AccessAction, Permission, require
from models.records import OrganisationRecord


@dataclass(frozen=True)
class Attachment:
    """A file saved beside the PDF, with the PDF's name and its own suffix (``.json``)."""

    suffix: str
    data: bytes


@dataclass(frozen=True)
class Document:
    """A printout or export, built in memory; nothing of it is on disk yet."""

    title: str  # for the preview window: no name needed, the PDF shows it
    pdf: bytes
    household_ids: tuple[uuid.UUID, ...]
    file_name: str  # suggested: dossier numbers and ids, never a name
    action: AccessAction = AccessAction.PRINT
    detail: str = ""  # for the access log: no personal data
    person_id: uuid.UUID | None = None  # when it is about one person
    # The organisation (record) it goes to; None when it stays in the team.
    recipient: OrganisationRecord | None = None
    attachments: tuple[Attachment, ...] = ()
    # What saving it also stores, in the transaction of its log line (an inzage's
    # withholdings): it happened only if the document left.
    keep: Callable[[Session], None] | None = None

    @property
    def leaves_team(self) -> bool:
        return self.recipient is not None


def consent_gaps(unlocked: Unlocked, document: Document, on: date | None = None) -> list[str]:
    """Dossier numbers of the households without valid consent to share with the recipient.

    Empty for a document that stays in the team.
    """
    if document.recipient is None:
        return []
    require(unlocked.actor, Permission.WORK_ON_DOSSIERS)
    on = on or date.today()
    gaps: list[str] = []
    with unlocked.store.sessions() as session:
        for household_id in document.household_ids:
            if uncovered(list_consents(session, household_id), document.recipient.id, on):
                household = session.get(Household, household_id)
                gaps.append(household.dossier_number if household else "")
    return gaps


def save_document(unlocked: Unlocked, document: Document, target: Path) -> list[Path]:
    """Write the PDF and its attachments (0600) and log the output for every household.

    The files are written under a working name first; only when all are complete is the
    line logged and are they given their names. So a file never stands under its name
    without its line, and a write that fails (a full disk, a folder without access) logs
    nothing and leaves nothing behind. Returns the paths written, the PDF first.
    """
    require(unlocked.actor, Permission.WORK_ON_DOSSIERS)
    target = target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")
    planned = _files(document, target)
    working = [(path.with_name(path.name + ".deel"), path, data) for path, data in planned]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for part, _path, data in working:
            write_private(part, data)
        output(
            unlocked,
            document.action,
            list(document.household_ids),
            detail=document.detail or document.title,
            person_id=document.person_id,
            keep=document.keep,
        )
        for part, path, _data in working:
            os.replace(part, path)
    finally:
        for part, _path, _data in working:
            part.unlink(missing_ok=True)
    return [path for path, _data in planned]


def _files(document: Document, target: Path) -> Sequence[tuple[Path, bytes]]:
    return [(target, document.pdf)] + [
        (target.with_suffix(a.suffix), a.data) for a in document.attachments
    ]
