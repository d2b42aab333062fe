"""The Te doen list: what is due, for my households (where I am casusregisseur) or the team."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.session import Unlocked
from desktop.usecases.base import read
from models import actions, taxatie  # noqa: F401  (they register their lines with the list)
from models.households import own_medewerker
from models.permissions import Permission
from models.records import TodoItem
from models.todo import households_of, todo_list


def todo(unlocked: Unlocked, *, mine: bool = True, today: date | None = None) -> list[TodoItem]:
    """Everything due by today; ``mine``: only the households I am casusregisseur of (none
    when my account is no team member)."""
    actor = unlocked.actor

    def work(session: Session) -> list[TodoItem]:
        households = None
        if mine:
            medewerker = own_medewerker(session, actor.account_id, actor.name)
            households = households_of(session, medewerker) if medewerker else set()
        return todo_list(session, today or date.today(), households)

    return read(unlocked, Permission.WORK_ON_DOSSIERS, work)
