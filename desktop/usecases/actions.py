"""Actions of a household (the dossier's section) and of the team member logged in (Mijn acties)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

import models.gezinsplan  # noqa: F401  (registers the plan's lock on its actions' what/who/when)
from desktop.session import Unlocked
from desktop.usecases.base import Changed, change, household_of, read, write
from models import actions as service
from models.actions import Action
from models.enums import ActionOrigin, ActionStatus
from models.households import own_medewerker
from models.permissions import Permission
from models.records import ActionDraft, ActionRecord

ACTIONS = "actions"
WORK = Permission.WORK_ON_DOSSIERS
STATUS_DETAIL = {
    ActionStatus.OPEN: "actie heropend",
    ActionStatus.GEDAAN: "actie gedaan",
    ActionStatus.VERVALLEN: "actie vervallen",
}


def list_actions(unlocked: Unlocked, household_id: uuid.UUID) -> list[ActionRecord]:
    return read(unlocked, WORK, lambda s: service.list_actions(s, household_id))


def add_action(
    unlocked: Unlocked, household_id: uuid.UUID, draft: ActionDraft, *, today: date | None = None
) -> Changed:
    """A new action of the dossier, due today at the earliest. Its origin is the dossier
    whatever the draft says: a meeting's actions go through desktop.usecases.meetings, which
    ties them to their case (and so to the minutes and their consent check)."""
    own = replace(draft, origin=ActionOrigin.DOSSIER, origin_id=None)

    def work(session: Session) -> uuid.UUID:
        service.add_action(session, household_id, own, not_before=today or date.today())
        return household_id

    return change(unlocked, work, kinds=(ACTIONS,), detail="actie vastgelegd")


def update_action(unlocked: Unlocked, action_id: uuid.UUID, draft: ActionDraft) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.update_action(session, action_id, draft)
        return household_of(session, Action, action_id)

    return change(unlocked, work, kinds=(ACTIONS,), detail="actie gewijzigd")


def set_status(
    unlocked: Unlocked, action_id: uuid.UUID, status: ActionStatus, *, today: date | None = None
) -> Changed:
    """Gedaan or vervallen (or open again), as of today."""

    def work(session: Session) -> uuid.UUID:
        service.set_status(session, action_id, status, today or date.today())
        return household_of(session, Action, action_id)

    return change(unlocked, work, kinds=(ACTIONS,), detail=STATUS_DETAIL[status])


@dataclass(frozen=True)
class MyActions:
    """Mijn acties; ``linked`` False: the account is no team member (nothing to show)."""

    linked: bool
    mine: tuple[ActionRecord, ...] = ()
    followed: tuple[ActionRecord, ...] = ()  # te volgen


def my_actions(unlocked: Unlocked) -> MyActions:
    """My open actions (overdue first) and the open actions of others in the households
    where I am the current casusregisseur."""
    actor = unlocked.actor

    def work(session: Session) -> MyActions:
        medewerker = own_medewerker(session, actor.account_id, actor.name)
        if medewerker is None:
            return MyActions(linked=False)
        return MyActions(
            True,
            tuple(service.my_actions(session, medewerker)),
            tuple(service.followed_actions(session, medewerker)),
        )

    return read(unlocked, WORK, work)


def link_own_account(unlocked: Unlocked, medewerker_id: uuid.UUID) -> Changed:
    """Link the account logged in to the team member it is (chosen from the active ones)."""
    account_id = unlocked.actor.account_id
    write(unlocked, WORK, lambda s: service.link_account(s, account_id, medewerker_id))
    return Changed(None, frozenset({"account"}))  # no dossier shows it
