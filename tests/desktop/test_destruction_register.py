"""Destruction that a restore cannot undo: the register, the copies beside the database, and
the back-ups the destruction dialog names."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop import register as beside
from desktop.controller import MainController
from desktop.keyring import WrongSecret
from desktop.presenters.dossier import confirm_and_destroy
from desktop.session import Unlocked, unlock
from desktop.usecases.avg import destroy
from desktop.usecases.backup import make_backup, restore_backup
from models import households as service
from models.access import household_log
from models.entities import Household
from models.permissions import AccessAction
from models.register import DestroyedHousehold
from models.wording import moment_text
from tests.conftest import MessageBoxes
from tests.desktop.test_security import decrypted_pages
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, register


def _exists(unlocked: Unlocked, household_id: uuid.UUID) -> bool:
    with unlocked.store.sessions() as session:
        return session.get(Household, household_id) is not None


def _log_in(db: Path) -> Unlocked:
    return unlock(db, TEST_LOGIN, TEST_PASSWORD)


def test_a_restore_does_not_bring_a_destroyed_dossier_back(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    """Before, restoring a back-up made before a destruction brought the dossier back whole."""
    db = unlocked.store.path
    with unlocked.store.sessions.begin() as session:
        gone = register(session, "Zwanenburg-Oudshoorn")
        kept = register(session, "Bakker")
    backup = make_backup(unlocked, tmp_path / "voor")
    destroy(unlocked, gone)
    restore_backup(unlocked, backup, TEST_PASSWORD)  # the restored store holds it again

    again = _log_in(db)  # before any dossier opens, it is destroyed again
    assert not _exists(again, gone) and _exists(again, kept)
    assert b"Zwanenburg-Oudshoorn" not in decrypted_pages(db, again.key)
    with again.store.sessions() as session:
        lines = household_log(session, gone)
        registered = session.scalars(select(DestroyedHousehold.household_id)).all()
    assert lines[0].action is AccessAction.DESTROY and lines[0].detail == beside.REDESTROYED
    assert registered == [gone]  # the restored store learnt it from the file beside it
    again.close()


def test_the_register_survives_losing_either_half(unlocked: Unlocked, tmp_path: Path) -> None:
    """The file beside the database is written again from the store, and the other way
    round; only when both are gone is a destruction forgotten."""
    db = unlocked.store.path
    with unlocked.store.sessions.begin() as session:
        gone = register(session, "Jansen")
    backup = make_backup(unlocked, tmp_path / "voor")
    destroy(unlocked, gone)
    beside.destroyed_path(db).unlink()  # the file is lost (copied without it, deleted)
    unlocked.close()
    _log_in(db).close()
    assert str(gone) in beside.destroyed_path(db).read_text(encoding="utf-8")

    again = _log_in(db)
    restore_backup(again, backup, TEST_PASSWORD)  # a store without the destruction
    restored = _log_in(db)
    assert not _exists(restored, gone)
    restored.close()


def test_copies_beside_the_database_go_30_days_after_the_next_good_start(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    db = unlocked.store.path
    backup = make_backup(unlocked, tmp_path / "b")
    restore_backup(unlocked, backup, TEST_PASSWORD)
    copies = beside.copies_beside(db)
    assert len(copies) == 2  # the database and its key file from before the restore
    with pytest.raises(WrongSecret):  # a failed login is not a good start
        unlock(db, TEST_LOGIN, "verkeerd-wachtwoord")
    noted = json.loads(beside.destroyed_path(db).read_text(encoding="utf-8"))
    assert noted["kopieen"] == {}

    _log_in(db).close()  # the good start
    today = date.today()
    assert beside.copies_deleted_on(db) == [(c.name, today + timedelta(days=30)) for c in copies]
    assert beside.tidy_copies(db, today + timedelta(days=29)) == []
    assert all(c.exists() for c in copies)
    assert beside.tidy_copies(db, today + timedelta(days=30)) == [c.name for c in copies]
    assert not any(c.exists() for c in copies)
    _log_in(db).close()  # and the database itself is untouched


def test_the_destruction_dialog_names_the_backups_that_still_hold_the_dossier(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    before = make_backup(unlocked, tmp_path / "voor-de-aanmelding")
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        number = service.load_dossier(session, household_id).dossier_number
    holding = make_backup(unlocked, tmp_path / "met-het-dossier")
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)

    assert not confirm_and_destroy(controller.ui, household_id, number)  # Nee (the default)
    (question,) = message_boxes.texts()
    assert str(holding) in question and str(before) not in question
    made_at = beside.full_register(unlocked.store).backups
    moment = next(moment_text(b.made_at) for b in made_at.values() if b.location == str(holding))
    assert moment in question
    assert _exists(unlocked, household_id)
