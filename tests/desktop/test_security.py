"""Security: the encrypted store, accounts, the access log, destruction, backups, consent, inzage."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pypdf import PdfReader
from sqlalchemy import select

from desktop.cli import main
from desktop.demo import DEMO_ACCOUNTS, create_demo_database
from desktop.keyring import WrongSecret, keyring_path
from desktop.session import Throttle, Unlocked, unlock
from desktop.usecases.accounts import add_account, change_own_password, deactivate_account
from desktop.usecases.avg import destroy, export_inzage
from desktop.usecases.backup import BadBackup, make_backup, restore_backup
from models import households as service
from models.access import household_log, search_log
from models.consents import add_consent, list_consents, uncovered
from models.entities import Person
from models.enums import ContactKind, MemberRole
from models.organisations import list_organisations
from models.permissions import AccessAction, PermissionDenied, Role
from models.records import ConsentDraft, ContactDraft, HouseholdDraft, PersonDraft
from models.security import ChangeRecord
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, TODAY, organisation, register

PAGE_SIZE, RESERVE = 4096, 80  # SQLCipher 4 defaults: IV (16) + HMAC-SHA512 (64)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of the file decrypted (free pages too): what a thief with the key would see."""
    data = path.read_bytes()
    out = bytearray()
    for start in range(0, len(data), PAGE_SIZE):
        page = data[start : start + PAGE_SIZE]
        body_start = 16 if start == 0 else 0  # page 1 begins with the salt
        body, iv = (
            page[body_start : PAGE_SIZE - RESERVE],
            page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16],
        )
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += decryptor.update(body) + decryptor.finalize()
    return bytes(out)


@pytest.fixture
def demo(tmp_path: Path) -> Unlocked:
    unlocked = create_demo_database(tmp_path / "demo.sqlite", 40, cost=FAST_KDF)
    yield unlocked
    unlocked.close()


def _people(unlocked: Unlocked) -> list[Person]:
    with unlocked.store.sessions() as session:
        return list(session.scalars(select(Person)))


def test_file_holds_no_name_or_bsn_and_plain_sqlite_cannot_read_it(demo: Unlocked) -> None:
    people = _people(demo)
    path = demo.store.path
    demo.close()
    raw = path.read_bytes() + keyring_path(path).read_bytes()
    # Whole names (a space never appears in base64 or by chance in a short run of random
    # bytes) and nine-digit BSNs: a match would mean the data is readable.
    for person in people:
        assert f"{person.first_name} {person.last_name}".encode() not in raw
        if person.bsn:
            assert person.bsn.encode() not in raw
    assert b"Voorbeeldstad" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    # The test's own page decryption sees the data, so the check above is not vacuous.
    assert b"Voorbeeldstad" in decrypted_pages(path, demo.key)


def test_right_password_opens_wrong_one_is_refused_and_nothing_changes(demo: Unlocked) -> None:
    path = demo.store.path
    demo.close()
    before = (_hash(path), _hash(keyring_path(path)))
    login, password, _role, _name = DEMO_ACCOUNTS[2]
    with pytest.raises(WrongSecret):
        unlock(path, login, password + "x")
    with pytest.raises(WrongSecret):
        unlock(path, "niemand", password)
    assert (_hash(path), _hash(keyring_path(path))) == before
    opened = unlock(path, login, password)
    assert opened.actor.role is Role.MEDEWERKER and opened.actor.name == "Anouk Verbeek"
    opened.close()


def test_removed_account_can_no_longer_unlock(unlocked: Unlocked) -> None:
    account_id = add_account(
        unlocked,
        login="Bas",
        name="Bas Hoekstra",
        role=Role.MEDEWERKER,
        password="bas-wachtwoord-1",
        cost=FAST_KDF,
    )
    unlock(unlocked.store.path, "bas", "bas-wachtwoord-1").close()
    deactivate_account(unlocked, account_id)
    with pytest.raises(WrongSecret):
        unlock(unlocked.store.path, "bas", "bas-wachtwoord-1")
    lines = [line.detail for line in search_log(unlocked.store.sessions(), login=TEST_LOGIN)]
    assert "account uitgeschakeld: bas" in lines and "account toegevoegd: bas" in lines


def test_own_password_can_be_changed(unlocked: Unlocked) -> None:
    with pytest.raises(WrongSecret):
        change_own_password(unlocked, "verkeerd", "nieuw-wachtwoord-22")
    change_own_password(unlocked, TEST_PASSWORD, "nieuw-wachtwoord-22")
    with pytest.raises(WrongSecret):
        unlock(unlocked.store.path, TEST_LOGIN, TEST_PASSWORD)
    unlock(unlocked.store.path, TEST_LOGIN, "nieuw-wachtwoord-22").close()


def test_repeated_wrong_passwords_slow_down_further_tries() -> None:
    now = [100.0]
    throttle = Throttle(clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait_for("anouk") == 0
        throttle.failed("anouk")
    assert throttle.wait_for("Anouk") == 1.0
    throttle.failed("anouk")
    assert throttle.wait_for("anouk") == 2.0
    now[0] += 2.5
    assert throttle.wait_for("anouk") == 0
    for _ in range(20):
        throttle.failed("anouk")
    assert throttle.wait_for("anouk") == 60.0
    assert throttle.wait_for("karin") == 0
    throttle.succeeded("anouk")
    assert throttle.wait_for("anouk") == 0


def test_access_log_cannot_be_edited(unlocked: Unlocked) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with unlocked.store.sessions.begin() as session:
        assert session.scalar(text("SELECT count(*) FROM access_log")) >= 1
    for statement in ("UPDATE access_log SET login = 'iemand'", "DELETE FROM access_log"):
        with pytest.raises(IntegrityError, match="append-only"):
            with unlocked.store.sessions.begin() as session:
                session.execute(text(statement))


def test_corrections_keep_their_history(unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        person_id = service.add_member(
            session, household_id, PersonDraft("Sem", "Bakker", MemberRole.KIND), today=TODAY
        )
    with unlocked.store.sessions.begin() as session:
        service.update_member(
            session,
            person_id,
            PersonDraft("Semih", "Bakker", MemberRole.KIND, bsn="111222333"),
            today=TODAY,
        )
    with unlocked.store.sessions() as session:
        changes = {
            (c.field, c.old_value, c.new_value, c.login)
            for c in session.scalars(select(ChangeRecord))
        }
    assert ("first_name", "Sem", "Semih", TEST_LOGIN) in changes
    assert ("bsn", "", "111222333", TEST_LOGIN) in changes


def test_destruction_removes_every_trace_and_is_logged(demo: Unlocked) -> None:
    # Give one household distinctive data, so its bytes cannot match another's by chance.
    with demo.store.sessions.begin() as session:
        target_id = service.search_households(session)[0].id
        service.update_household(
            session,
            target_id,
            HouseholdDraft(
                "Zwanenburg-Oudshoorn", "Vernietigingslaan", "7", "1234 AB", phone="06-11112222"
            ),
        )
        person_id = service.add_member(
            session,
            target_id,
            PersonDraft("Quirijn", "Zwanenburg-Oudshoorn", MemberRole.KIND, bsn="111222333"),
            today=TODAY,
        )
        service.add_contact(
            session,
            target_id,
            ContactDraft(TODAY, ContactKind.HUISBEZOEK, "Geheime notitie Quirijn"),
            today=TODAY,
        )
        bureau = organisation(session, "Bureau Jeugdzorg Voorbeeldstad", "jeugdhulp")
        add_consent(
            session,
            target_id,
            ConsentDraft(bureau, TODAY, purpose="Overleg Quirijnsdijk"),
            today=TODAY,
        )
    with demo.store.sessions.begin() as session:  # a correction, so the history holds it too
        service.update_member(
            session,
            person_id,
            PersonDraft("Quirijntje", "Zwanenburg-Oudshoorn", MemberRole.KIND, bsn="111222333"),
            today=TODAY,
        )
        dossier = service.load_dossier(session, target_id)
    target = dossier
    secrets = [
        b"Zwanenburg-Oudshoorn",
        b"Vernietigingslaan",
        b"06-11112222",
        b"111222333",
        b"Geheime notitie Quirijn",
        b"Overleg Quirijnsdijk",
        b"Quirijntje",
        b"zwanenburg-oudshoorn",
    ]
    path = demo.store.path
    before = decrypted_pages(path, demo.key)
    assert all(secret in before for secret in secrets), "the test must see the data before"

    destroy(demo, target.id)
    assert b"Quirijn" not in decrypted_pages(path, demo.key)

    after = decrypted_pages(path, demo.key)
    for secret in secrets:
        assert secret not in after, secret
    with demo.store.sessions() as session:
        assert service.count_households(session) == 39
        # the organisation is the team's partner, not the family's data: it stays
        assert "Bureau Jeugdzorg Voorbeeldstad" in {o.name for o in list_organisations(session)}
        lines = household_log(session, target.id)
    assert lines[0].action is AccessAction.DESTROY and lines[0].login == "beheer"
    assert lines[0].dossier_number == dossier.dossier_number


def test_a_medewerker_cannot_destroy_export_a_backup_or_read_the_whole_log(
    demo: Unlocked, tmp_path: Path
) -> None:
    path = demo.store.path
    demo.close()
    anouk = unlock(path, "anouk", "demo-medewerker-2026")
    with anouk.store.sessions() as session:
        household_id = service.search_households(session)[0].id
    with pytest.raises(PermissionDenied):
        destroy(anouk, household_id)
    with pytest.raises(PermissionDenied):
        make_backup(anouk, tmp_path / "b")
    with pytest.raises(PermissionDenied):
        add_account(
            anouk, login="x", name="X", role=Role.BEHEERDER, password="0123456789", cost=FAST_KDF
        )
    anouk.close()


def test_command_line_refuses_beheerder_verbs_to_a_medewerker(
    demo: Unlocked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = demo.store.path
    demo.close()
    monkeypatch.setenv("TEAMTAFEL_GEBRUIKER", "anouk")
    monkeypatch.setenv("TEAMTAFEL_WACHTWOORD", "demo-medewerker-2026")
    assert main(["--db", str(path), "toegangslog"]) == 2
    assert main(["--db", str(path), "backup", "--out", str(tmp_path / "b")]) == 2
    assert capsys.readouterr().err.count("alleen een beheerder") == 2
    assert not (tmp_path / "b.ttbackup").exists()
    monkeypatch.setenv("TEAMTAFEL_GEBRUIKER", "beheer")
    monkeypatch.setenv("TEAMTAFEL_WACHTWOORD", "demo-beheer-2026")
    assert main(["--db", str(path), "toegangslog", "--gebruiker", "anouk"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and all("Ingelogd" in line and " anouk " in line for line in out)
    assert main(["--db", str(path), "toegangslog", "--dossier", "1999-00001"]) == 0
    assert "geen regels" in capsys.readouterr().err


def test_backup_and_restore_round_trip(demo: Unlocked, tmp_path: Path) -> None:
    backup = make_backup(demo, tmp_path / "kopie")
    assert backup.name == "kopie.ttbackup"
    with demo.store.sessions() as session:
        before = [
            (r.dossier_number, r.name, r.regisseur) for r in service.search_households(session)
        ]
    with demo.store.sessions.begin() as session:
        register(session, "Na de back-up")  # a change after the backup, which the restore undoes
    with pytest.raises(WrongSecret):
        restore_backup(demo, backup, "verkeerd-wachtwoord")
    (tmp_path / "kapot.ttbackup").write_bytes(b"geen zip")
    with pytest.raises(BadBackup):
        restore_backup(demo, tmp_path / "kapot.ttbackup", "demo-beheer-2026")
    assert restore_backup(demo, backup, "demo-beheer-2026").households == 40
    again = unlock(demo.store.path, "beheer", "demo-beheer-2026")
    with again.store.sessions() as session:
        after = [
            (r.dossier_number, r.name, r.regisseur) for r in service.search_households(session)
        ]
    again.close()
    assert after == before
    assert list(tmp_path.glob("demo.sqlite.voor-herstel-*.bak"))


def test_consent_covers_named_organisations_only(unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session)
        ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
        school = organisation(session, "School De Linde", "school")
        veilig_thuis = organisation(session, "Veilig Thuis", "veilig_thuis")
        add_consent(
            session,
            household_id,
            ConsentDraft(ggz, date(2026, 1, 1), "behandeling", "moeder", date(2026, 12, 31)),
            today=TODAY,
        )
        add_consent(
            session,
            household_id,
            ConsentDraft(school, date(2026, 2, 1), refused=True),
            today=TODAY,
        )
    with unlocked.store.sessions() as session:
        records = list_consents(session, household_id)
    assert not uncovered(records, ggz, date(2026, 6, 1))
    assert uncovered(records, ggz, date(2027, 1, 1))
    assert uncovered(records, school, date(2026, 6, 1))
    assert uncovered(records, veilig_thuis, date(2026, 6, 1))
    # by name, as before organisations were records
    assert not uncovered(records, "ggz voorbeeldstad", date(2026, 6, 1))
    assert uncovered(records, "GGZ Voorbeeldstad", date(2027, 1, 1))  # expired
    assert uncovered(records, "School De Linde", date(2026, 6, 1))  # refused
    assert uncovered(records, "Veilig Thuis", date(2026, 6, 1))  # not on the list


def test_inzage_export_is_readable_and_machine_readable(unlocked: Unlocked, tmp_path: Path) -> None:
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Yılmaz")
        person_id = service.add_member(
            session,
            household_id,
            PersonDraft(
                "Elif", "Yılmaz", MemberRole.OUDER, date_of_birth=date(1990, 3, 4), bsn="111222333"
            ),
            today=TODAY,
        )
        add_consent(
            session,
            household_id,
            ConsentDraft(
                organisation(session, "Huisarts Jansen", "huisarts"),
                date(2026, 1, 1),
                person_id=person_id,
            ),
            today=TODAY,
        )
    pdf, machine = export_inzage(unlocked, person_id, tmp_path / "export")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Inzage persoonsgegevens: Elif Yılmaz" in text
    assert "111222333" in text and "04-03-1990" in text and "Huisarts Jansen" in text
    data = json.loads(machine.read_text(encoding="utf-8"))
    assert (
        data["persoon"]["bsn"] == "111222333" and data["persoon"]["geboortedatum"] == "1990-03-04"
    )
    assert data["toestemmingen"][0]["organisatie"] == "Huisarts Jansen"
    with unlocked.store.sessions() as session:
        actions = [line.action for line in household_log(session, household_id)]
    assert AccessAction.EXPORT in actions


def test_unknown_person_export_is_refused(unlocked: Unlocked, tmp_path: Path) -> None:
    from models.errors import NotFound

    with pytest.raises(NotFound):
        export_inzage(unlocked, uuid.uuid4(), tmp_path)
