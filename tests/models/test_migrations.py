"""The schema goes through Alembic; an older database must open and keep its data."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.database import StoreError, StoreProblem, make_engine, migrate, open_store
from models import households as service
from models import migrations
from models.base import Base
from tests.helpers import register


def _revisions() -> list[str]:
    script = ScriptDirectory(str(migrations.LOCATION))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def test_head_constant_matches_alembic() -> None:
    script = ScriptDirectory(str(migrations.LOCATION))
    assert script.get_current_head() == migrations.HEAD


def test_models_match_the_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.sqlite")
    migrate(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_database_at_first_revision_upgrades_and_keeps_data(tmp_path: Path) -> None:
    """Build the file as the first released version left it, then open it with this one."""
    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    migrate(engine, _revisions()[0])
    engine.dispose()
    household_id = uuid.uuid4()
    with sqlite3.connect(path) as raw:  # rows as revision 0001 stored them
        raw.execute(
            "INSERT INTO household (id, dossier_number, name, street, house_number, postcode,"
            " city, phone, search_text, created_at, created_by, updated_at, updated_by)"
            " VALUES (?, '2025-00007', 'Bakker', 'Molenweg', '3', '1234 AB', '', '',"
            " 'bakker', '2025-01-01 10:00:00', 'oud', '2025-01-01 10:00:00', 'oud')",
            (household_id.hex,),
        )
    store = open_store(path, user="tester")
    with store.sessions() as session:
        dossier = service.load_dossier(session, household_id)
        rows = service.search_households(session, "bakker")
    store.close()
    assert dossier.dossier_number == "2025-00007" and dossier.household.name == "Bakker"
    assert [r.id for r in rows] == [household_id]


def test_migration_copies_the_file_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "teamtafel.sqlite"
    store = open_store(path, create=True)
    with store.sessions.begin() as session:
        register(session, "Bakker")
    store.close()
    # This build pretends to have a newer head than the file: opening must copy first.
    monkeypatch.setattr(migrations, "HEAD", "0002-test")
    store = open_store(path)
    store.close()
    copies = list(tmp_path.glob("teamtafel.sqlite.voor-migratie-0001-*.bak"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as raw:
        assert raw.execute("SELECT name FROM household").fetchall() == [("Bakker",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.sqlite"
    open_store(path, create=True).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.problem is StoreProblem.TOO_NEW
    assert _hash(path) == before
    assert not list(tmp_path.glob("*.bak"))


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Dit is een tekstbestand, geen database.\n" * 50, StoreProblem.NOT_A_DATABASE),
        (b"SQLite format 3\x00" + b"\x00" * 40, StoreProblem.NOT_A_DATABASE),
    ],
)
def test_foreign_or_broken_files_are_refused_untouched(
    tmp_path: Path, content: bytes, problem: StoreProblem
) -> None:
    path = tmp_path / "vreemd.sqlite"
    path.write_bytes(content)
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.problem is problem
    assert _hash(path) == before


def test_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ander.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recepten (naam TEXT)")
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.problem is StoreProblem.FOREIGN
    assert _hash(path) == before


def test_truncated_database_is_refused_untouched(store_file_with_data: Path) -> None:
    data = store_file_with_data.read_bytes()
    store_file_with_data.write_bytes(data[: len(data) // 3])
    before = _hash(store_file_with_data)
    with pytest.raises(StoreError):
        store = open_store(store_file_with_data)
        with store.sessions() as session:  # pragma: no cover - only reached if opening passed
            service.search_households(session)
    assert _hash(store_file_with_data) == before


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(tmp_path / "nergens.sqlite")
    assert raised.value.problem is StoreProblem.MISSING
    assert not (tmp_path / "nergens.sqlite").exists()


@pytest.fixture
def store_file_with_data(tmp_path: Path) -> Path:
    path = tmp_path / "vol.sqlite"
    store = open_store(path, create=True)
    with store.sessions.begin() as session:
        for index in range(60):
            register(session, f"Gezin {index}")
    store.close()
    return path
