"""Verwijzingen: made in the dossier or from a meeting's decision (the same use case), and
their status as it goes (aangevraagd, gestart, afgewezen, beëindigd)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, read
from models import verwijzing as service
from models.permissions import Permission
from models.records import StatusDraft, VerwijzingDraft, VerwijzingRecord
from models.wording import VERWIJZING_STATUS

VERWIJZING = "verwijzing"  # the dossier section's kind

WORK = Permission.WORK_ON_DOSSIERS


def verwijzingen(unlocked: Unlocked, household_id: uuid.UUID) -> list[VerwijzingRecord]:
    return read(unlocked, WORK, lambda s: service.list_verwijzingen(s, household_id))


def get(unlocked: Unlocked, verwijzing_id: uuid.UUID) -> VerwijzingRecord:
    return read(unlocked, WORK, lambda s: service.get_verwijzing(s, verwijzing_id))


def make_verwijzing(
    unlocked: Unlocked,
    draft: VerwijzingDraft,
    *,
    traject_id: uuid.UUID | None = None,
    household_id: uuid.UUID | None = None,
    today: date | None = None,
) -> Changed:
    """A verwijzing in the given traject (a meeting's decision knows it) or in the household's
    current traject (the dossier). The traject stays open."""

    def work(session: Session) -> uuid.UUID:
        made = service.make_verwijzing(
            session, draft, traject_id=traject_id, household_id=household_id, today=today
        )
        return made.household_id

    return change(unlocked, work, kinds=[VERWIJZING], detail="verwijzing vastgelegd")


def change_status(
    unlocked: Unlocked, verwijzing_id: uuid.UUID, draft: StatusDraft, *, today: date | None = None
) -> Changed:
    status = VERWIJZING_STATUS[draft.status] if draft.status else ""
    return change(
        unlocked,
        lambda s: service.change_status(s, verwijzing_id, draft, today),
        kinds=[VERWIJZING],
        detail=f"status van een verwijzing: {status}",
    )
