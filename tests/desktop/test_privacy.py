"""Privacy (issue 9): a removal leaves a trace, and it is the right one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.session import Unlocked
from desktop.usecases import households
from models.enums import MemberRole
from models.history import REMOVED, removed_values
from models.records import PersonDraft
from models.security import ChangeRecord
from tests.helpers import TEST_LOGIN, register
from views.admin import HouseholdLogDialog


def test_a_removed_member_shows_in_the_dossier_log_and_the_correction_history(
    qtbot: QtBot, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
    households.add_member(
        unlocked, household_id, PersonDraft("Anna", "Bakker", MemberRole.OUDER, bsn="999990019")
    )
    (anna,) = households.dossier(unlocked, household_id).members
    households.remove_member(unlocked, anna.id)

    dialog = HouseholdLogDialog("Bakker", households.household_log(unlocked, household_id))
    qtbot.addWidget(dialog)
    newest = [dialog.table.item(0, column).text() for column in range(4)]
    assert newest[1:] == [TEST_LOGIN, "Gewijzigd", "gezinslid verwijderd"]  # who, what; no name

    with unlocked.store.sessions() as session:
        (removal,) = session.scalars(select(ChangeRecord).where(ChangeRecord.field == REMOVED))
        assert (removal.table_name, removal.record_id, removal.household_id, removal.login) == (
            "person",
            anna.id,
            household_id,
            TEST_LOGIN,
        )
        assert removed_values(removal.old_value)["last_name"] == "Bakker"
        assert "999990019" not in removal.old_value
