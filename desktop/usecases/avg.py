"""The AVG actions, each permission-checked and logged: inzage, vernietiging, retention."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop import register
from desktop.database import vacuum
from desktop.session import Unlocked
from desktop.usecases.base import read
from desktop.usecases.printing import Attachment, Document, save_document
from models import settings
from models.access import log_access
from models.avg import destroy_household, retention_candidates
from models.inzage import inzage_report
from models.permissions import AccessAction, Permission, require
from models.records import InzageReview, RetentionRow, Withholding
from models.register import Register, backups_holding, store_register
from models.withholding import (
    check_withholdings,
    may_withhold,
    passages,
    record_withholdings,
    withhold,
)

log = logging.getLogger(__name__)

INZAGE_DETAIL = "inzage-export (AVG)"

# The section kind of a destroyed dossier: its tab closes, the list drops it.
DESTROYED = "destroyed"


def withheld_detail(count: int) -> str:
    """The EXPORT line's detail: how many passages were withheld, never which or why."""
    if not count:
        return INZAGE_DETAIL
    return f"{INZAGE_DETAIL}, {count} passage{'s' if count != 1 else ''} achtergehouden"


def inzage_review(unlocked: Unlocked, person_id: uuid.UUID) -> InzageReview:
    """The passages of the person's inzage to review before it is exported (no content), and
    whether this user, the household's casusregisseur, may withhold one. Not logged."""

    def work(session: Session) -> InzageReview:
        report = inzage_report(session, person_id)
        return InzageReview(
            passages(report),
            may_withhold(session, report.household_id, unlocked.actor),
            report.person.full_name,
        )

    return read(unlocked, Permission.WORK_ON_DOSSIERS, work)


def inzage_document(
    unlocked: Unlocked,
    person_id: uuid.UUID,
    *,
    on: date | None = None,
    withheld: Collection[Withholding] = (),
) -> Document:
    """The person's data as a readable PDF with the machine-readable JSON beside it.

    Built in memory and not logged: saving it (:func:`save_document`) logs the EXPORT,
    and records what was ``withheld`` (only the casusregisseur may withhold; each needs a
    reason and a toelichting) in the same transaction. The family receives it
    themselves, so no consent is needed.
    """
    from desktop.reports.inzage import (  # reportlab loads only when a PDF is made
        inzage_file_stem,
        inzage_json,
        inzage_pdf,
    )

    require(unlocked.actor, Permission.WORK_ON_DOSSIERS)
    withheld = list({w.key: w for w in withheld}.values())  # once each
    with unlocked.store.sessions() as session:
        report = inzage_report(session, person_id)
        check_withholdings(session, report, unlocked.actor, withheld)
    report = withhold(report, withheld)
    machine = json.dumps(inzage_json(report), ensure_ascii=False, indent=1)
    return Document(
        title="Inzage persoonsgegevens",
        pdf=inzage_pdf(report, made_by=unlocked.actor.name, on=on),
        household_ids=(report.household_id,),
        file_name=f"{inzage_file_stem(report)}.pdf",
        action=AccessAction.EXPORT,
        detail=withheld_detail(len(withheld)),
        person_id=person_id,
        attachments=(Attachment(".json", machine.encode("utf-8")),),
        keep=partial(record_withholdings, report=report, withheld=withheld) if withheld else None,
    )


def export_inzage(
    unlocked: Unlocked,
    person_id: uuid.UUID,
    folder: Path,
    *,
    withheld: Collection[Withholding] = (),
) -> tuple[Path, Path]:
    """The inzage straight into ``folder`` (PDF and JSON, 0600), logged as export, with
    the passages the casusregisseur ``withheld`` (none by default).

    For the command line and tests; the window previews it first (:mod:`desktop.printing`).
    """
    document = inzage_document(unlocked, person_id, withheld=withheld)
    pdf, machine = save_document(unlocked, document, folder / document.file_name)
    return pdf, machine


def destroy(unlocked: Unlocked, household_id: uuid.UUID) -> str:
    """Vernietiging on request: gone from the file for real (secure_delete and VACUUM), and
    entered in the destruction register (in the store and beside it), so a restore of an
    older back-up destroys it again at the next login."""
    require(unlocked.actor, Permission.DESTROY_DOSSIER)
    today = date.today()
    with unlocked.store.sessions.begin() as session:
        number = destroy_household(session, household_id)
        log_access(
            session,
            unlocked.actor,
            AccessAction.DESTROY,
            household_id=household_id,
            dossier_number=number,
            detail="dossier vernietigd op verzoek",
        )
        store_register(session, Register({household_id: today}, {}))
    register.note_destroyed(unlocked.store.path, household_id, today)
    try:
        vacuum(unlocked.store.engine)  # the file shrinks; no freed page keeps an old copy
    except DBAPIError:
        # The destruction is committed and secure_delete has already zeroed what it freed;
        # only the compaction failed (a full disk, a colleague's backup reading the file).
        log.warning("VACUUM after a destruction failed; it runs again after the next one")
    return number


def retention_review(unlocked: Unlocked) -> tuple[int, list[RetentionRow]]:
    require(unlocked.actor, Permission.REVIEW_RETENTION)
    with unlocked.store.sessions() as session:
        years = settings.get_int(session, settings.RETENTION_YEARS)
        return years, retention_candidates(session, years)


@dataclass(frozen=True)
class LeftBehind:
    """Where a dossier about to be destroyed still lives on: the app's own back-ups that hold
    it (when and where each was written), and the copies beside the database from before a
    migration or a restore, with the day each goes by itself."""

    backups: list[tuple[datetime, str]]
    copies: list[tuple[str, date]]


def left_behind(unlocked: Unlocked, household_id: uuid.UUID) -> LeftBehind:
    """For the destruction dialog: what destruction in the app cannot reach."""
    require(unlocked.actor, Permission.DESTROY_DOSSIER)
    held = backups_holding(register.full_register(unlocked.store), household_id)
    return LeftBehind(
        [(b.made_at, b.location) for b in held], register.copies_deleted_on(unlocked.store.path)
    )
