"""The beheerder's and team's AVG actions, each permission-checked and logged."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.database import vacuum
from desktop.session import Unlocked
from models import settings
from models.access import log_access
from models.avg import destroy_household, inzage, retention_candidates
from models.entities import Person
from models.permissions import AccessAction, Permission, require
from models.records import RetentionRow


def export_inzage(unlocked: Unlocked, person_id: uuid.UUID, folder: Path) -> tuple[Path, Path]:
    """The person's data as a readable PDF and a machine-readable JSON file; logged as export."""
    require(unlocked.actor, Permission.WORK_ON_DOSSIERS)
    with unlocked.store.sessions.begin() as session:
        data = inzage(session, person_id)
        person = session.get(Person, person_id)
        assert person is not None
        log_access(
            session,
            unlocked.actor,
            AccessAction.EXPORT,
            household_id=person.household_id,
            person_id=person_id,
            dossier_number=data["huishouden"]["dossiernummer"],
            detail="inzage-export (AVG)",
        )
    from desktop.reports import inzage_pdf  # reportlab loads only when a PDF is made

    stem = f"inzage-{data['huishouden']['dossiernummer']}-{str(person_id)[:8]}"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = inzage_pdf(data, folder / f"{stem}.pdf", made_by=unlocked.actor.name)
    machine = folder / f"{stem}.json"
    machine.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return pdf, machine


def destroy(unlocked: Unlocked, household_id: uuid.UUID) -> str:
    """Vernietiging on request: gone from the file for real (secure_delete and VACUUM)."""
    require(unlocked.actor, Permission.DESTROY_DOSSIER)
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
    vacuum(unlocked.store.engine)  # no freed page keeps an old copy
    return number


def retention_review(unlocked: Unlocked) -> tuple[int, list[RetentionRow]]:
    require(unlocked.actor, Permission.REVIEW_RETENTION)
    with unlocked.store.sessions() as session:
        years = settings.get_int(session, settings.RETENTION_YEARS)
        return years, retention_candidates(session, years)
