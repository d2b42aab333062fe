"""The schema goes through Alembic; an older database must open and keep its data."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.database import StoreError, StoreProblem, make_engine, migrate, open_store
from models import households as service
from models import migrations
from models.base import Base
from models.consents import list_consents, uncovered
from models.enums import Phase
from models.organisations import list_organisations
from tests.helpers import TEST_KEY, raw_connect, register


def _revisions() -> list[str]:
    script = ScriptDirectory(str(migrations.LOCATION))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def test_head_constant_matches_alembic() -> None:
    script = ScriptDirectory(str(migrations.LOCATION))
    assert script.get_current_head() == migrations.HEAD


def test_the_bundled_sqlite_has_what_the_overview_uses(tmp_path: Path) -> None:
    """The overview packs its reads with concat() (SQLite 3.44); the store's SQLite is the
    one sqlcipher3 bundles (pinned in requirements.txt)."""
    engine = make_engine(tmp_path / "versie.sqlite", TEST_KEY)
    with engine.connect() as connection:
        version = str(connection.execute(text("SELECT sqlite_version()")).scalar())
        joined = connection.execute(text("SELECT concat('a', NULL, 'b', 1)")).scalar()
    engine.dispose()
    assert tuple(int(p) for p in version.split(".")[:2]) >= (3, 44), version
    assert joined == "ab1"


def test_models_match_the_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.sqlite", TEST_KEY)
    migrate(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def _migrated_to(path: Path, revision: str) -> Path:
    """An empty store at ``path`` made by the version whose schema ends at ``revision``."""
    engine = make_engine(path, TEST_KEY)
    migrate(engine, revision)
    engine.dispose()
    return path


def _insert_0001_household(raw: Any, household_id: uuid.UUID) -> None:
    raw.execute(
        "INSERT INTO household (id, dossier_number, name, street, house_number, postcode,"
        " city, phone, search_text, created_at, created_by, updated_at, updated_by)"
        " VALUES (?, '2025-00007', 'Bakker', 'Molenweg', '3', '1234 AB', '', '',"
        " '2025-00007 bakker', '2025-01-01 10:00:00', 'oud', '2025-01-01 10:00:00', 'oud')",
        (household_id.hex,),
    )
    stamp = "'2025-01-01 10:00:00', 'oud', '2025-01-01 10:00:00', 'oud'"
    medewerker_id = uuid.uuid4().hex
    raw.execute(
        "INSERT INTO medewerker (id, name, discipline, active, created_at, created_by,"
        f" updated_at, updated_by) VALUES (?, 'Anouk', 'generalist', 1, {stamp})",
        (medewerker_id,),
    )
    for registered_on, phase in (("2024-02-01", "afgesloten"), ("2025-03-01", "plan")):
        traject_id = uuid.uuid4().hex
        raw.execute(
            "INSERT INTO traject (id, household_id, registered_on, herkomst, question, phase,"
            " aard, ernst, urgentie, created_at, created_by, updated_at, updated_by)"
            f" VALUES (?, ?, ?, 'school', '', ?, '', '', '', {stamp})",
            (traject_id, household_id.hex, registered_on, phase),
        )
        # Rows that point at the traject: rebuilding its table must keep them valid.
        raw.execute(
            "INSERT INTO traject_event (id, traject_id, event_date, kind, note, created_at,"
            f" created_by, updated_at, updated_by) VALUES (?, ?, ?, 'aangemeld', '', {stamp})",
            (uuid.uuid4().hex, traject_id, registered_on),
        )
        raw.execute(
            "INSERT INTO regisseur_assignment (id, traject_id, medewerker_id, start_on, created_at,"
            f" created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, {stamp})",
            (uuid.uuid4().hex, traject_id, medewerker_id, registered_on),
        )


def test_database_at_first_revision_upgrades_and_keeps_data(tmp_path: Path) -> None:
    """Build the file as the first version left it, then open it with this one."""
    path = tmp_path / "old.sqlite"
    engine = make_engine(path, TEST_KEY)
    migrate(engine, _revisions()[0])
    engine.dispose()
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        _insert_0001_household(raw, household_id)

    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions() as session:
        dossier = service.load_dossier(session, household_id)
        rows = service.search_households(session, "bakker")
        open_rows = service.search_households(session, open_only=True)
    store.close()
    assert dossier.dossier_number == "2025-00007" and dossier.household.name == "Bakker"
    # 0002: the latest traject became the current one, and the list shows it once.
    assert [(r.id, r.phase, r.regisseur) for r in rows] == [(household_id, Phase.PLAN, "Anouk")]
    assert dossier.traject is not None and len(dossier.traject.events) == 1
    assert [r.id for r in open_rows] == [household_id]
    assert len(dossier.earlier_trajecten) == 1
    with raw_connect(path) as raw:
        flags = raw.execute(
            "SELECT registered_on, is_current FROM traject ORDER BY registered_on"
        ).fetchall()
        assert flags == [("2024-02-01", 0), ("2025-03-01", 1)]
        # 0005: the Dutch sort name was filled in for the household that was already there.
        assert raw.execute("SELECT sort_name FROM household").fetchall() == [("bakker",)]
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrations.HEAD,)
        ]
    assert list(tmp_path.glob("old.sqlite.voor-migratie-0001-*.bak"))


def test_migration_copies_the_file_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "teamtafel.sqlite"
    store = open_store(path, TEST_KEY, create=True)
    with store.sessions.begin() as session:
        register(session, "Bakker")
    store.close()
    # This build pretends to have a newer head than the file: opening must copy first.
    monkeypatch.setattr(migrations, "HEAD", "9000-test")
    store = open_store(path, TEST_KEY)
    store.close()
    copies = list(tmp_path.glob(f"teamtafel.sqlite.voor-migratie-{_revisions()[-1]}-*.bak"))
    assert len(copies) == 1
    with raw_connect(copies[0]) as raw:
        assert raw.execute("SELECT name FROM household").fetchall() == [("Bakker",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.sqlite"
    open_store(path, TEST_KEY, create=True).close()
    with raw_connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path, TEST_KEY)
    assert raised.value.problem is StoreProblem.TOO_NEW
    assert _hash(path) == before
    assert not list(tmp_path.glob("*.bak"))


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Dit is een tekstbestand, geen database.\n" * 50, StoreProblem.NOT_A_DATABASE),
        (b"SQLite format 3\x00" + b"\x00" * 40, StoreProblem.PLAIN),
        (b"\x8f" * 100, StoreProblem.NOT_A_DATABASE),
        (b"", StoreProblem.EMPTY),  # was silently made into a new, empty database
    ],
)
def test_foreign_or_broken_files_are_refused_untouched(
    tmp_path: Path, content: bytes, problem: StoreProblem
) -> None:
    path = tmp_path / "vreemd.sqlite"
    path.write_bytes(content)
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path, TEST_KEY)
    assert raised.value.problem is problem
    assert _hash(path) == before


def test_plain_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "onversleuteld.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE household (name TEXT)")
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path, TEST_KEY)
    assert raised.value.problem is StoreProblem.PLAIN
    assert _hash(path) == before


def test_encrypted_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ander.sqlite"
    with raw_connect(path) as raw:
        raw.execute("CREATE TABLE recepten (naam TEXT)")
    before = _hash(path)
    with pytest.raises(StoreError) as raised:
        open_store(path, TEST_KEY)
    assert raised.value.problem is StoreProblem.FOREIGN
    assert _hash(path) == before


def test_an_existing_encrypted_file_without_our_schema_is_not_made_into_a_database(
    tmp_path: Path,
) -> None:
    """Opened with the right key but holding nothing: someone else's, or an accident."""
    path = tmp_path / "leeg-versleuteld.sqlite"
    with raw_connect(path) as raw:
        raw.execute("CREATE TABLE t (x)")
        raw.execute("DROP TABLE t")
    before = _hash(path)
    for create in (False, True):
        with pytest.raises(StoreError) as raised:
            open_store(path, TEST_KEY, create=create)
        assert raised.value.problem is StoreProblem.NOT_A_DATABASE
    assert _hash(path) == before


def test_truncated_database_is_refused_untouched(store_file_with_data: Path) -> None:
    data = store_file_with_data.read_bytes()
    store_file_with_data.write_bytes(data[: len(data) // 3])
    before = _hash(store_file_with_data)
    with pytest.raises(StoreError):
        store = open_store(store_file_with_data, TEST_KEY)
        with store.sessions() as session:  # pragma: no cover - only reached if opening passed
            service.search_households(session)
    assert _hash(store_file_with_data) == before


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(tmp_path / "nergens.sqlite", TEST_KEY)
    assert raised.value.problem is StoreProblem.MISSING
    assert not (tmp_path / "nergens.sqlite").exists()


@pytest.fixture
def store_file_with_data(tmp_path: Path) -> Path:
    path = tmp_path / "vol.sqlite"
    store = open_store(path, TEST_KEY, create=True)
    with store.sessions.begin() as session:
        for index in range(60):
            register(session, f"Gezin {index}")
    store.close()
    return path


@pytest.mark.log_warnings
def test_failed_migration_rolls_back_whole_and_says_so(tmp_path: Path) -> None:
    """An orphan row (written with foreign keys off) makes the check after migrating fail."""
    path = tmp_path / "wees.sqlite"
    engine = make_engine(path, TEST_KEY)
    migrate(engine, _revisions()[0])
    engine.dispose()
    with raw_connect(path) as raw:
        _insert_0001_household(raw, uuid.uuid4())
        raw.execute(
            "INSERT INTO traject_event (id, traject_id, event_date, kind, note, created_at,"
            " created_by, updated_at, updated_by) VALUES (?, ?, '2025-01-01', 'fase', '',"
            " '2025-01-01', 'oud', '2025-01-01', 'oud')",
            (uuid.uuid4().hex, uuid.uuid4().hex),
        )
    with pytest.raises(StoreError) as raised:
        open_store(path, TEST_KEY)
    assert raised.value.problem is StoreProblem.MIGRATION_FAILED
    with raw_connect(path) as raw:  # the DDL of 0002 was rolled back with the rest
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        columns = {row[1] for row in raw.execute("PRAGMA table_info(traject)")}
        assert "is_current" not in columns
    assert list(tmp_path.glob("wees.sqlite.voor-migratie-0001-*.bak"))


def test_0007_links_every_consent_to_one_organisation_per_name(tmp_path: Path) -> None:
    """A database at 0006 with consents typed as free text: each gets an organisation record."""
    path = _migrated_to(tmp_path / "toestemming.sqlite", "0006")
    household_id = uuid.uuid4()
    typed = {
        "2025-01-02": "GGZ Voorbeeldstad",
        "2025-02-03": "  ggz   voorbeeldstad ",
        "2025-03-04": "Huisarts Jansen",
        "2025-04-05": "GGZ VOORBEELDSTAD",
    }
    with raw_connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        _insert_0001_household(raw, household_id)
        for given_on, organisation in typed.items():
            raw.execute(
                "INSERT INTO consent (id, household_id, person_id, organisation, purpose, given_by,"
                " given_on, valid_until, refused, created_at, created_by, updated_at, updated_by)"
                " VALUES (?, ?, NULL, ?, '', 'moeder', ?, NULL, 0, '2025-01-01 10:00:00', 'oud',"
                " '2025-01-01 10:00:00', 'oud')",
                (uuid.uuid4().hex, household_id.hex, organisation, given_on),
            )

    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions() as session:
        organisations = list_organisations(session)
        consents = list_consents(session, household_id)
    store.close()
    assert [(o.name, o.kind, o.active) for o in organisations] == [
        ("GGZ Voorbeeldstad", "overig", True),
        ("Huisarts Jansen", "overig", True),
    ]
    ggz, huisarts = (o.id for o in organisations)
    by_date = {c.given_on.isoformat(): c.organisation_id for c in consents}
    assert by_date == {
        "2025-01-02": ggz,
        "2025-02-03": ggz,
        "2025-03-04": huisarts,
        "2025-04-05": ggz,
    }
    assert {c.organisation for c in consents} == {"GGZ Voorbeeldstad", "Huisarts Jansen"}
    assert not uncovered(consents, ggz, date(2025, 6, 1))
    with raw_connect(path) as raw:  # the text as typed stays beside the link
        texts = {row[0] for row in raw.execute("SELECT organisation FROM consent")}
        assert texts == set(typed.values())
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert list(tmp_path.glob("toestemming.sqlite.voor-migratie-0006-*.bak"))


def test_0010_adds_the_empty_registers_to_a_database_at_0009(tmp_path: Path) -> None:
    """A store made before the destruction register opens, keeps its data, and starts
    both registers empty (what it destroyed before 0010 was never written down)."""
    from models.register import Register, store_register, stored_register

    path = _migrated_to(tmp_path / "register.sqlite", "0009")
    store = open_store(path, TEST_KEY)
    with store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        assert not stored_register(session)
        store_register(session, Register({household_id: date(2026, 11, 26)}, {}))
    with store.sessions() as session:
        assert stored_register(session).destroyed == {household_id: date(2026, 11, 26)}
    store.close()
    assert list(tmp_path.glob("register.sqlite.voor-migratie-0009-*.bak"))


def test_0012_adds_the_meldcode_tables_to_a_database_at_0010(tmp_path: Path) -> None:
    """A store made before the meldcode opens with its households, and a procedure can be
    started in it at once."""
    from models.afwegingskader import StartDraft, VictimKind, ViolenceForm
    from models.meldcode import list_procedures, start_procedure

    path = _migrated_to(tmp_path / "meldcode.sqlite", "0010")
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        _insert_0001_household(raw, household_id)
    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions.begin() as session:
        assert list_procedures(session, household_id) == []
        draft = StartDraft(
            ViolenceForm.HUWELIJKSDWANG, VictimKind.VOLWASSENE, date(2026, 1, 5), "Anouk", "Zorgen"
        )
        start_procedure(session, household_id, draft, today=date(2026, 1, 5))
    with store.sessions() as session:
        (procedure,) = list_procedures(session, household_id)
        assert service.load_dossier(session, household_id).household.name == "Bakker"
    store.close()
    assert procedure.start == draft
    assert list(tmp_path.glob("meldcode.sqlite.voor-migratie-0010-*.bak"))


def test_0011_keeps_every_measurements_person_and_allows_one_of_the_household(
    tmp_path: Path,
) -> None:
    """A store made before measurements of the whole household: its ZRMs keep their member and
    their scores; afterwards a measurement may be about the household, with conclusions."""
    from models import zrm
    from models.records import MeasurementDraft, ScoreDraft

    path = _migrated_to(tmp_path / "metingen.sqlite", "0010")
    household_id, person_id, measurement_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    stamp = "'2025-01-01 10:00:00', 'oud', '2025-01-01 10:00:00', 'oud'"
    with raw_connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        _insert_0001_household(raw, household_id)
        raw.execute(
            "INSERT INTO person (id, household_id, first_name, infix, last_name, date_of_birth,"
            " role, bsn, created_at, created_by, updated_at, updated_by)"
            f" VALUES (?, ?, 'Zoë', 'van ''t', 'Hart', NULL, 'ouder', NULL, {stamp})",
            (person_id.hex, household_id.hex),
        )
        raw.execute(
            "INSERT INTO measurement (id, person_id, household_id, instrument_code,"
            " instrument_version, measured_on, assessor, note, created_at, created_by,"
            f" updated_at, updated_by) VALUES (?, ?, ?, 'zrm', '2017', '2025-03-04', 'Anouk', '',"
            f" {stamp})",
            (measurement_id.hex, person_id.hex, household_id.hex),
        )
        raw.execute(
            "INSERT INTO measurement_score (id, measurement_id, item_code, level, not_assessed,"
            f" target, remark, created_at, created_by, updated_at, updated_by) VALUES (?, ?,"
            f" 'financien', 2, 0, 4, '', {stamp})",
            (uuid.uuid4().hex, measurement_id.hex),
        )

    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions.begin() as session:
        (kept,) = zrm.person_measurements(session, person_id)
        assert kept.id == measurement_id and kept.person_id == person_id
        assert kept.level("financien") == 2 and kept.draft.score("financien").target == 4  # type: ignore[union-attr]
        draft = MeasurementDraft(
            "zrm-huishoudens",
            "2017",
            date(2025, 6, 1),
            "Anouk",
            (ScoreDraft("huisvesting", 3),),
        )
        zrm.save_measurement(session, household_id, draft, today=date(2026, 1, 1))
    with store.sessions() as session:
        (whole,) = zrm.household_measurements(session, household_id)
        assert whole.person_id is None and whole.draft.conclusions == ()
    store.close()
    with raw_connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM measurement_conclusion").fetchone() == (0,)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert list(tmp_path.glob("metingen.sqlite.voor-migratie-0010-*.bak"))


def test_0013_keeps_old_scale_events_and_adds_the_safety_tables(tmp_path: Path) -> None:
    """Opschalingen recorded before 0013 (a note, no target) keep their note and read as
    before; Signs of Safety and the veiligheidsplan can be stored at once."""
    from models import safety_plan
    from models.enums import EventKind
    from models.records import PlanDraft
    from models.wording import event_detail, event_text

    path = _migrated_to(tmp_path / "opschalen.sqlite", "0010")
    household_id = uuid.uuid4()
    stamp = "'2025-01-01 10:00:00', 'oud', '2025-01-01 10:00:00', 'oud'"
    with raw_connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        _insert_0001_household(raw, household_id)
        (traject_id,) = raw.execute(
            "SELECT id FROM traject WHERE registered_on = '2025-03-01'"
        ).fetchone()
        for day, kind, note in (
            ("2025-04-01", "opschalen", "Veilig Thuis ingeschakeld"),
            ("2025-06-01", "afschalen", "Waakvlam"),
        ):
            raw.execute(
                "INSERT INTO traject_event (id, traject_id, event_date, kind, note, created_at,"
                f" created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, {stamp})",
                (uuid.uuid4().hex, traject_id, day, kind, note),
            )

    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions() as session:
        dossier = service.load_dossier(session, household_id)
    with store.sessions.begin() as session:
        safety_plan.new_plan_version(session, household_id, PlanDraft(date(2025, 7, 1)))
    with store.sessions() as session:
        (plan,) = safety_plan.safety_plans(session, household_id).versions
    store.close()
    assert dossier.traject is not None
    scaled = [e for e in dossier.traject.events if e.kind is not EventKind.AANGEMELD]
    assert [(e.kind, e.note, e.target, e.reason, e.responsible) for e in scaled] == [
        (EventKind.OPSCHALEN, "Veilig Thuis ingeschakeld", "", "", ""),
        (EventKind.AFSCHALEN, "Waakvlam", "", "", ""),
    ]
    assert [(event_text(e), event_detail(e)) for e in scaled] == [
        ("Opgeschaald", "Veilig Thuis ingeschakeld"),
        ("Afgeschaald", "Waakvlam"),
    ]
    assert plan.version == 1 and not plan.agreed
    assert list(tmp_path.glob("opschalen.sqlite.voor-migratie-0010-*.bak"))


def test_0014_adds_risicotaxatie_to_a_database_at_0010(tmp_path: Path) -> None:
    """A store made before the risicotaxatie opens with its households, which have no
    taxatie and no safety status yet; a first taxatie fills the list's column."""
    from models import taxatie
    from models.enums import Safety
    from models.permissions import Actor, Role
    from models.records import TaxatieDraft

    path = _migrated_to(tmp_path / "taxatie.sqlite", "0010")
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        _insert_0001_household(raw, household_id)
    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions.begin() as session:
        (row,) = service.search_households(session, "bakker")
        assert row.safety is None and not row.safety_concept
        assert taxatie.list_taxaties(session, household_id) == []
        author = Actor(uuid.uuid4(), "tester", "Tessa Tester", Role.MEDEWERKER)
        draft = TaxatieDraft(None, date(2026, 11, 1), (), Safety.ZORGELIJK)
        taxatie.save_concept(session, household_id, draft, author, today=date(2026, 11, 2))
    with store.sessions() as session:
        (row,) = service.search_households(session, "bakker")
    store.close()
    assert (row.safety, row.safety_concept) == (Safety.ZORGELIJK, True)
    assert list(tmp_path.glob("taxatie.sqlite.voor-migratie-0010-*.bak"))


def test_0015_adds_the_inzage_withholdings_to_a_database_at_0014(tmp_path: Path) -> None:
    """A store made before an inzage could be reviewed opens with its households and nothing
    withheld; a withholding is recorded in it, and goes when the dossier is destroyed."""
    from models.avg import destroy_household
    from models.withholding import InzageWithholding, withholdings

    path = _migrated_to(tmp_path / "achterhouden.sqlite", "0014")
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        _insert_0001_household(raw, household_id)
    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions.begin() as session:
        assert withholdings(session, household_id) == []
        session.add(
            InzageWithholding(
                household_id=household_id,
                person_id=uuid.uuid4(),
                passage_key=f"meldcode:{uuid.uuid4()}:signalen",
                reason="privacy_derde",
                toelichting="De melder is een buurvrouw.",
            )
        )
    with store.sessions.begin() as session:
        (row,) = withholdings(session, household_id)
        assert (row.reason, row.created_by) == ("privacy_derde", "tester")
        assert service.load_dossier(session, household_id).household.name == "Bakker"
        destroy_household(session, household_id)
    with store.sessions() as session:
        assert withholdings(session, household_id) == []
    store.close()
    assert list(tmp_path.glob("achterhouden.sqlite.voor-migratie-0014-*.bak"))


def test_0016_adds_the_actions_to_a_database_at_0015(tmp_path: Path) -> None:
    """A store made before actions opens with its households and no actions; an action is
    added to it, and goes when the dossier is destroyed."""
    from models.actions import add_action, list_actions
    from models.avg import destroy_household
    from models.enums import ActionOwner
    from models.records import ActionDraft

    path = _migrated_to(tmp_path / "acties.sqlite", "0015")
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        _insert_0001_household(raw, household_id)
    store = open_store(path, TEST_KEY, user="tester")
    draft = ActionDraft(
        "Huisarts bellen", ActionOwner.NETWERK, date(2026, 12, 1), network_name="Zoë van 't Hart"
    )
    with store.sessions.begin() as session:
        assert list_actions(session, household_id) == []
        add_action(session, household_id, draft, not_before=date(2026, 11, 25))
    with store.sessions.begin() as session:
        (row,) = list_actions(session, household_id)
        assert (row.description, row.dossier_number) == ("Huisarts bellen", "2025-00007")
        destroy_household(session, household_id)
    with store.sessions() as session:
        assert list_actions(session, household_id) == []
    store.close()
    assert list(tmp_path.glob("acties.sqlite.voor-migratie-0015-*.bak"))


def test_0017_adds_the_verwijzingen_to_a_database_at_0015(tmp_path: Path) -> None:
    """A store made before verwijzingen opens with its households and none; a verwijzing is
    made in its open traject (its closed one stays as it was), and goes with the dossier."""
    from models import verwijzing
    from models.avg import destroy_household
    from models.enums import MemberRole
    from models.records import PersonDraft, VerwijzingDraft
    from tests.helpers import organisation

    path = _migrated_to(tmp_path / "verwijzing.sqlite", "0015")
    household_id = uuid.uuid4()
    with raw_connect(path) as raw:
        _insert_0001_household(raw, household_id)
        # rows written at 0015 say which traject is the current one, as the service does
        raw.execute("UPDATE traject SET is_current = (phase = 'plan')")
    store = open_store(path, TEST_KEY, user="tester")
    with store.sessions.begin() as session:
        assert verwijzing.list_verwijzingen(session, household_id) == []
        child = service.add_member(
            session, household_id, PersonDraft("Zoë", "Bakker", MemberRole.KIND)
        )
        (anouk,) = [m.id for m in service.list_medewerkers(session)]
        second = service.add_medewerker(session, "Nguyễn Thị Lan", "generalist")
        draft = VerwijzingDraft(
            date(2025, 4, 1),
            (child,),
            organisation(session, "GGZ Voorbeeldstad", "ggz"),
            "jeugd_ggz",
            "Angstklachten",
            anouk,
            second,
        )
        verwijzing.make_verwijzing(session, draft, household_id=household_id)
    with store.sessions.begin() as session:
        (record,) = verwijzing.list_verwijzingen(session, household_id)
        assert record.members == ("Zoë Bakker",) and record.deciders == ("Anouk", "Nguyễn Thị Lan")
        assert service.load_dossier(session, household_id).traject.phase is Phase.PLAN
        destroy_household(session, household_id)
    with store.sessions() as session:
        assert verwijzing.list_verwijzingen(session, household_id) == []
    store.close()
    assert list(tmp_path.glob("verwijzing.sqlite.voor-migratie-0015-*.bak"))


def test_a_session_keeps_its_connection_while_other_threads_come_and_go(tmp_path: Path) -> None:
    """The window's background reads run on Qt's pool threads, which come and go: a seventh
    thread reading must not close the connection a session elsewhere is still using (the
    per-thread pool SQLAlchemy picks for a URL without a file did exactly that)."""
    import threading

    store = open_store(tmp_path / "pool.sqlite", TEST_KEY, create=True)
    with store.sessions() as mine:
        register(mine, "Yılmaz")
        mine.flush()
        failures: list[BaseException] = []

        def read() -> None:
            try:
                with store.sessions() as theirs:
                    theirs.execute(text("SELECT count(*) FROM household")).scalar()
            except BaseException as exc:  # noqa: BLE001 - reported below
                failures.append(exc)

        for _ in range(7):
            worker = threading.Thread(target=read)
            worker.start()
            worker.join()
        assert failures == []
        assert mine.execute(text("SELECT count(*) FROM household")).scalar() == 1
    store.close()
