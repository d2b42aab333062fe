"""Moments come back from the database file aware and in UTC, stored as they always were."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.database import Store, open_store
from models.access import log_access, search_log
from models.entities import Household
from models.permissions import AccessAction, Actor, Role
from models.security import AccessLogEntry
from tests.helpers import TEST_KEY, TEST_LOGIN, raw_connect, register

ACTOR = Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)


def _reopen(store: Store, db_path: Path) -> Store:
    store.close()
    return open_store(db_path, TEST_KEY, user=TEST_LOGIN)


def test_moments_round_trip_aware_through_a_real_file(store: Store, db_path: Path) -> None:
    before = datetime.now(UTC)
    with store.sessions.begin() as session:
        household_id = register(session, "Yılmaz")
        log_access(session, ACTOR, AccessAction.OPEN, household_id=household_id)
    store = _reopen(store, db_path)
    try:
        with store.sessions() as session:
            household = session.get(Household, household_id)
            assert household is not None
            entry = session.query(AccessLogEntry).one()
            for moment in (household.created_at, household.updated_at, entry.at):
                assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
                assert before - timedelta(seconds=1) <= moment <= datetime.now(UTC)
    finally:
        store.close()


def test_the_stored_text_is_unchanged_so_old_files_read_right(store: Store, db_path: Path) -> None:
    """Older versions stored the UTC wall clock without a zone; that is still the format."""
    moment = datetime(2026, 11, 25, 14, 3, 7, 123456, tzinfo=timezone(timedelta(hours=1)))
    with store.sessions.begin() as session:
        session.add(AccessLogEntry(at=moment, login="anouk", action=AccessAction.LOGIN))
    store.close()
    raw = raw_connect(db_path)
    try:
        (stored,) = raw.execute("SELECT at FROM access_log").fetchone()
        assert stored == "2026-11-25 13:03:07.123456"
        # A line as an older version wrote it, straight into the file.
        raw.execute(
            "INSERT INTO access_log (id, at, login, action, dossier_number, detail) "
            "VALUES (?, '2025-06-30 22:15:00.000000', 'karin', 'login', '', '')",
            (uuid.uuid4().hex,),
        )
        raw.commit()
    finally:
        raw.close()
    store = open_store(db_path, TEST_KEY, user=TEST_LOGIN)
    try:
        with store.sessions() as session:
            ats = sorted(e.at for e in session.query(AccessLogEntry))
        assert ats == [
            datetime(2025, 6, 30, 22, 15, tzinfo=UTC),
            datetime(2026, 11, 25, 13, 3, 7, 123456, tzinfo=UTC),
        ]
    finally:
        store.close()


def test_a_naive_moment_is_refused(store: Store) -> None:
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="naive datetime"):
        with store.sessions.begin() as session:
            naive = datetime(2026, 1, 1)  # noqa: DTZ001 (what the store must refuse)
            session.add(AccessLogEntry(at=naive, login="x", action="login"))


def test_the_log_period_is_in_local_days(store: Store, amsterdam_time: None) -> None:
    """00:30 Dutch time on 25 November is 24 November in UTC, and belongs to the 25th."""
    with store.sessions.begin() as session:
        for at in (
            datetime(2026, 11, 24, 22, 59, tzinfo=UTC),  # 23:59 on the 24th
            datetime(2026, 11, 24, 23, 30, tzinfo=UTC),  # 00:30 on the 25th
            datetime(2026, 11, 25, 22, 59, tzinfo=UTC),  # 23:59 on the 25th
            datetime(2026, 11, 25, 23, 0, tzinfo=UTC),  # 00:00 on the 26th
        ):
            session.add(AccessLogEntry(at=at, login="anouk", action=AccessAction.LOGIN))
    with store.sessions() as session:
        day = date(2026, 11, 25)
        lines = search_log(session, start=day, end=day)
    assert [line.at for line in lines] == [
        datetime(2026, 11, 25, 22, 59, tzinfo=UTC),
        datetime(2026, 11, 24, 23, 30, tzinfo=UTC),
    ]
