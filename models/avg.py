"""The AVG rights: vernietiging and the retention review (the inzage is :mod:`models.inzage`)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.actions import forget_household as forget_actions
from models.entities import Household, Traject
from models.errors import NotFound
from models.gezinsplan import forget_household as forget_gezinsplan
from models.meetings import forget_household as forget_meeting_cases
from models.meldcode import destroy_for as destroy_meldcode
from models.records import RetentionRow
from models.safety_plan import forget_household as forget_safety
from models.security import ChangeRecord
from models.verwijzing import forget_household as forget_verwijzingen
from models.werkkopie import forget_household
from models.withholding import forget_household as forget_withholdings


def retention_candidates(
    session: Session, years: int, today: date | None = None
) -> list[RetentionRow]:
    """Dossiers whose trajecten all closed more than ``years`` ago: to review for destruction."""
    today = today or date.today()
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    last_closed = func.max(Traject.closed_on)
    stmt = (
        select(Household.id, Household.dossier_number, Household.name, last_closed)
        .join(Traject, Traject.household_id == Household.id)
        .group_by(Household.id, Household.dossier_number, Household.name)
        .having(func.count(Traject.id) == func.count(Traject.closed_on))  # none still open
        .having(last_closed < limit)
        .order_by(last_closed)
    )
    return [
        RetentionRow(hid, number, name, closed or limit)
        for hid, number, name, closed in session.execute(stmt)
    ]


def destroy_household(session: Session, household_id: uuid.UUID) -> str:
    """Remove a dossier for real: the household, its members, trajecten, contacts,
    consents, meldcode procedures, Signs of Safety and veiligheidsplan, risicotaxaties,
    verwijzingen (with their members and status history), its cases in meetings (the
    minutes no longer hold them) with their decisions,
    what was withheld from its inzages (and why), its actions, its correction history and every
    werkkopie about it. Returns the dossier number for the log; the access log keeps only
    ids, and the caller adds the destruction to it."""
    household = session.get(Household, household_id)
    if household is None:
        raise NotFound("household")
    number = household.dossier_number
    destroy_meldcode(session, household_id)  # its meldcode procedures, steps and corrections
    forget_safety(session, household_id)  # its rows point at the household: first
    forget_gezinsplan(session, household_id)
    forget_withholdings(session, household_id)
    forget_actions(session, household_id)
    forget_verwijzingen(session, household_id)  # they point at its trajecten and members
    forget_meeting_cases(session, household_id)  # its agenda items and their decisions
    session.delete(household)
    session.flush()
    session.execute(delete(ChangeRecord).where(ChangeRecord.household_id == household_id))
    forget_household(session, household_id)  # what colleagues were typing about it, too
    return number
