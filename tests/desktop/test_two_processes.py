"""Two processes on one database: every save lands once, with exactly one log line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from desktop.database import StoreBusy
from desktop.session import Unlocked
from models.entities import Contact
from models.permissions import AccessAction
from models.security import AccessLogEntry
from tests.conftest import MessageBoxes
from tests.helpers import register

ROOT = Path(__file__).resolve().parents[2]
SAVES = 200


def test_two_processes_saving_at_once_lose_nothing_and_log_each_save_once(
    db_path: Path, unlocked: Unlocked
) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.desktop.two_writers",
                str(db_path),
                str(household_id),
                name,
                str(SAVES),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("venster", "tweede")
    ]
    results = [writer.communicate(timeout=300) for writer in writers]
    assert [out.strip() for out, _err in results] == ["0", "0"], [e for _o, e in results]
    with unlocked.store.sessions() as session:
        notes = list(
            session.scalars(select(Contact.note).where(Contact.household_id == household_id))
        )
        lines = session.scalar(
            select(func.count())
            .select_from(AccessLogEntry)
            .where(
                AccessLogEntry.household_id == household_id,
                AccessLogEntry.action == AccessAction.CHANGE,
                AccessLogEntry.detail == "contactmoment toegevoegd",
            )
        )
    assert len(notes) == len(set(notes)) == 2 * SAVES  # none failed, none doubled
    assert lines == 2 * SAVES  # exactly one log line per save


def test_a_lock_that_does_not_clear_says_bezet_and_keeps_the_form(
    qtbot: object, message_boxes: MessageBoxes
) -> None:
    """When the busy timeout runs out, nothing was written: say so, and ask again as typed."""
    from PySide6.QtWidgets import QWidget

    from desktop.errors import BUSY
    from desktop.presenters.ui import ask_until_stored

    asked: list[str | None] = []

    def ask(draft: str | None, _problems: object) -> str | None:
        asked.append(draft)
        return "typed" if len(asked) < 3 else None

    def locked(_draft: str) -> str:
        raise StoreBusy from OperationalError("BEGIN IMMEDIATE", {}, Exception("locked"))

    parent = QWidget()
    assert ask_until_stored(parent, ask, locked) is None
    assert asked == [None, "typed", "typed"]  # asked again with what was typed
    assert message_boxes.texts() == [BUSY, BUSY]
    parent.deleteLater()


def test_a_write_lock_held_past_the_timeout_raises_store_busy_before_writing(
    store: object, db_path: Path
) -> None:
    from desktop.database import Store
    from tests.helpers import raw_connect

    assert isinstance(store, Store)
    holder = raw_connect(db_path)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # a colleague's back-up, say, holding the lock
    try:
        with pytest.raises(StoreBusy), store.sessions.begin() as session:
            session.add(AccessLogEntry(login="x", action=AccessAction.LOGIN))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AccessLogEntry)) == 0
    with store.sessions() as session:  # reads were never blocked
        session.scalar(select(func.count()).select_from(Contact))
