"""The werkkopie: what is typed in a form survives a crash, and only there, for its own account."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from desktop.presenters.werkkopie import Keeper, offer_box
from desktop.session import Unlocked, unlock
from desktop.usecases import accounts, avg, households, werkkopie
from desktop.usecases.werkkopie import Place
from models import households as service
from models.enums import MemberRole
from models.permissions import Role
from models.records import HouseholdDraft, PersonDraft, RegistrationDraft, TrajectDraft
from models.security import AccessLogEntry, ChangeRecord
from models.werkkopie import Werkkopie
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from tests.desktop.werkkopie_helpers import click_offer, open_window, stored
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, raw_connect
from views.dialogs import MedewerkerDialog, PersonDialog, RegistrationDialog
from views.forms import FormDialog
from views.instrument_choice import InstrumentChoiceDialog
from views.login import PasswordDialog
from views.zrm import ZrmScoringDialog

NAME = "Zoë"
SURNAME = "van 't Hart"


@pytest.fixture(autouse=True)
def quick_keeper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Keeper, "INTERVAL_MS", 50)


@pytest.fixture
def household(unlocked: Unlocked) -> uuid.UUID:
    with unlocked.store.sessions.begin() as session:
        anouk = service.add_medewerker(session, "Anouk Verbeek", "generalist")
        household_id = service.register_household(
            session,
            RegistrationDraft(
                HouseholdDraft("Bakker"), TrajectDraft(date(2026, 1, 5), regisseur_id=anouk)
            ),
        )
        service.add_member(
            session,
            household_id,
            PersonDraft("Sem", "Bakker", MemberRole.KIND, date_of_birth=date(2015, 4, 1)),
        )
    return household_id


def _count(unlocked: Unlocked, table: type) -> int:
    with unlocked.store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _type_a_member(qtbot: QtBot, dialog: PersonDialog) -> None:
    dialog.field("first_name").setText(NAME)  # keyClicks types ASCII only
    dialog.field("last_name").setText(SURNAME)
    qtbot.keyClicks(dialog.field("date_of_birth"), "12-03-20")  # half typed


def test_a_form_keeps_what_is_typed_and_cancelling_deletes_it(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, message_boxes: MessageBoxes
) -> None:
    controller = open_window(qtbot, unlocked)
    controller.open_household(household)
    members = controller.dossiers[household].sections["members"]
    log_lines, corrections = _count(unlocked, AccessLogEntry), _count(unlocked, ChangeRecord)
    seen: list[Werkkopie] = []

    def type_then_cancel(dialog: PersonDialog) -> None:
        _type_a_member(qtbot, dialog)
        qtbot.waitUntil(lambda: bool(stored(unlocked)) and "12-03-20" in stored(unlocked)[0].fields)
        seen.extend(stored(unlocked))
        message_boxes.answer = QMessageBox.StandardButton.Discard
        dialog.reject()

    on_modal(PersonDialog, type_then_cancel)
    members.add()  # type: ignore[attr-defined]
    assert len(seen) == 1
    copy = seen[0]
    assert (copy.owner, copy.action, copy.household_id) == ("members", "add", household)
    assert copy.account_id == unlocked.actor.account_id
    assert NAME in copy.fields and SURNAME in copy.fields
    assert stored(unlocked) == []  # discarded with the form
    # a werkkopie is not a record: no correction, no access-log line
    assert _count(unlocked, ChangeRecord) == corrections
    assert _count(unlocked, AccessLogEntry) == log_lines


def test_saving_the_form_deletes_its_werkkopie(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    controller = open_window(qtbot, unlocked)
    controller.open_household(household)

    def type_and_save(dialog: PersonDialog) -> None:
        _type_a_member(qtbot, dialog)
        qtbot.keyClicks(dialog.field("date_of_birth"), "15")
        qtbot.waitUntil(lambda: bool(stored(unlocked)))
        press_save(qtbot, dialog)

    on_modal(PersonDialog, type_and_save)
    controller.dossiers[household].sections["members"].add()  # type: ignore[attr-defined]
    assert stored(unlocked) == []
    with unlocked.store.sessions() as session:
        names = [m.full_name for m in service.load_dossier(session, household).members]
    assert f"{NAME} {SURNAME}" in names


def test_a_password_form_is_never_kept(qtbot: QtBot, unlocked: Unlocked) -> None:
    keeper = Keeper(open_window(qtbot, unlocked).ui)

    def type_password(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.field("old"), "geheim-wachtwoord-1")
        qtbot.wait(200)  # four intervals
        dialog.done(0)

    on_modal(PasswordDialog, type_password)
    with keeper.keeping(Place("account", "change_password")):
        PasswordDialog.ask(None)
    assert stored(unlocked) == []


def test_a_snapshot_leaves_out_password_fields(qtbot: QtBot) -> None:
    dialog = PasswordDialog()
    qtbot.addWidget(dialog)
    dialog.field("old").setText("geheim")
    assert "geheim" not in dialog.snapshot().values()


def _leave_a_copy(unlocked: Unlocked, household: uuid.UUID) -> uuid.UUID:
    """What a killed window leaves behind (the kill itself: test_werkkopie_survives_kill_9)."""
    copy_id = uuid.uuid4()
    fields = {"first_name": NAME, "last_name": SURNAME, "date_of_birth": "12-03-2019"}
    werkkopie.keep(unlocked, copy_id, Place("members", "add", household), "Nieuw gezinslid", fields)
    return copy_id


def test_after_a_crash_the_next_login_offers_it_back(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    _leave_a_copy(unlocked, household)
    controller = open_window(qtbot, unlocked)
    filled: list[dict[str, str]] = []

    def check_and_save(dialog: PersonDialog) -> None:
        filled.append(dialog.snapshot())
        qtbot.keyClicks(dialog.field("first_name"), "!")  # go on typing where it was left
        dialog.field("first_name").setText(NAME)
        press_save(qtbot, dialog)

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(PersonDialog, check_and_save, tries=400)
    controller.offer_werkkopieen()
    assert filled[0]["first_name"] == NAME
    assert filled[0]["last_name"] == SURNAME
    assert filled[0]["date_of_birth"] == "12-03-2019"
    assert household in controller.dossiers  # its dossier opened to put it back
    assert stored(unlocked) == []
    with unlocked.store.sessions() as session:
        members = service.load_dossier(session, household).members
    assert [m.date_of_birth for m in members if m.first_name == NAME] == [date(2019, 3, 12)]


def test_later_keeps_it_and_verwerpen_deletes_it(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    _leave_a_copy(unlocked, household)
    controller = open_window(qtbot, unlocked)
    on_modal(QMessageBox, lambda _box: click_offer("later"))
    controller.offer_werkkopieen()
    assert len(stored(unlocked)) == 1
    on_modal(QMessageBox, lambda _box: click_offer("verwerpen"))
    controller.offer_werkkopieen()
    assert stored(unlocked) == []


def test_only_the_account_that_typed_it_is_offered_it(
    unlocked: Unlocked, household: uuid.UUID, db_path: Path
) -> None:
    _leave_a_copy(unlocked, household)
    accounts.add_account(
        unlocked,
        login="pim",
        name="Pim Collega",
        role=Role.MEDEWERKER,
        password="collega-wachtwoord-1",
        cost=FAST_KDF,
    )
    colleague = unlock(db_path, "pim", "collega-wachtwoord-1")
    try:
        assert werkkopie.waiting(colleague) == []
    finally:
        colleague.close()
    [mine] = werkkopie.waiting(unlocked)
    assert mine.dossier_number and mine.title == "Nieuw gezinslid"


def test_it_goes_with_the_dossier_and_after_30_days(
    unlocked: Unlocked, household: uuid.UUID
) -> None:
    _leave_a_copy(unlocked, household)
    old = _leave_a_copy(unlocked, household)
    with unlocked.store.sessions.begin() as session:
        session.execute(
            update(Werkkopie)
            .where(Werkkopie.id == old)
            .values(saved_at=datetime.now(UTC) - timedelta(days=31))
        )
    assert len(werkkopie.waiting(unlocked)) == 1  # the old one is purged on the way
    assert len(stored(unlocked)) == 1
    avg.destroy(unlocked, household)
    assert stored(unlocked) == []


def test_the_offer_speaks_dutch(qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID) -> None:
    _leave_a_copy(unlocked, household)
    [copy] = werkkopie.waiting(unlocked)
    box = offer_box(None, copy)
    qtbot.addWidget(box)
    texts = sorted(b.text().replace("&", "") for b in box.buttons())
    assert texts == ["Later", "Terugzetten", "Verwerpen"]
    assert "Nieuw gezinslid" in box.text() and copy.dossier_number in box.text()


def test_the_login_account_sees_it_after_unlock(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, db_path: Path
) -> None:
    _leave_a_copy(unlocked, household)
    unlocked.close()
    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        assert [c.place.action for c in werkkopie.waiting(again)] == ["add"]
    finally:
        again.close()


def test_werkkopie_survives_kill_9_while_typing(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, db_path: Path
) -> None:
    """A real window is killed with a half-typed member; the next login offers it back."""
    root = Path(__file__).resolve().parents[2]
    window = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("typing_then_killed.py")),
            str(db_path),
            str(household),
        ],
        env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "getypt"
        deadline = time.monotonic() + 20  # the window keeps a copy within its 3 seconds
        while not any("03-07-2011" in c.fields for c in stored(unlocked)):
            assert time.monotonic() < deadline, "no werkkopie was stored"
            time.sleep(0.2)
    finally:
        window.send_signal(signal.SIGKILL)
        _out, errors = window.communicate(timeout=30)
    assert window.returncode == -signal.SIGKILL
    assert "Nguy" not in errors  # nothing typed went to a log or crash output

    controller = open_window(qtbot, unlocked)
    filled: list[dict[str, str]] = []

    def check_and_save(dialog: PersonDialog) -> None:
        filled.append(dialog.snapshot())
        press_save(qtbot, dialog)

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(PersonDialog, check_and_save, tries=400)
    controller.offer_werkkopieen()
    assert filled and filled[0]["first_name"] == "Nguyễn Thị"
    assert filled[0]["last_name"] == "Lan" and filled[0]["date_of_birth"] == "03-07-2011"
    assert stored(unlocked) == []
    with unlocked.store.sessions() as session:
        members = service.load_dossier(session, household).members
    assert "Nguyễn Thị Lan" in [m.full_name for m in members]


def test_a_half_scored_zrm_is_kept_and_put_back(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    controller = open_window(qtbot, unlocked)
    controller.open_household(household)
    section = controller.dossiers[household].sections["measurements"]
    sem = controller.dossiers[household].current().members[0].id

    def score_then_vanish(dialog: ZrmScoringDialog) -> None:
        qtbot.keyClicks(dialog.grid, "32")
        qtbot.waitUntil(lambda: bool(stored(unlocked)))
        controller.ui.keeper._reset()  # as if the window was killed here: the copy stays
        dialog.done(0)

    on_modal(InstrumentChoiceDialog, lambda dialog: dialog.accept())  # the proposed ZRM
    on_modal(ZrmScoringDialog, score_then_vanish)
    section.score(sem)  # type: ignore[attr-defined]
    [copy] = werkkopie.waiting(unlocked)
    assert (copy.place.owner, copy.place.action, copy.place.argument) == (
        "measurements",
        "score",
        str(sem),
    )

    put_back: list[tuple[int | None, ...]] = []

    def check(dialog: ZrmScoringDialog) -> None:
        put_back.append(tuple(s.level for s in dialog.grid.scores()[:3]))
        dialog.done(0)  # Annuleren after a restore asks first; the fake box says Cancel

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(ZrmScoringDialog, check, tries=400)
    controller.offer_werkkopieen()
    assert put_back == [(3, 2, None)]


def test_a_fault_in_the_program_keeps_the_copy(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug that ends the action mid-form must not take what was typed with it."""
    controller = open_window(qtbot, unlocked)
    controller.open_household(household)
    members = controller.dossiers[household].sections["members"]

    def broken(*_args: object) -> None:
        raise RuntimeError("a bug in the save")

    monkeypatch.setattr("desktop.usecases.households.add_member", broken)

    def type_and_save(dialog: PersonDialog) -> None:
        _type_a_member(qtbot, dialog)
        qtbot.keyClicks(dialog.field("date_of_birth"), "15")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, type_and_save)
    with pytest.raises(RuntimeError):
        members.add()  # type: ignore[attr-defined]
    [copy] = werkkopie.waiting(unlocked)
    assert copy.fields["date_of_birth"] == "12-03-2015"


def test_keeping_does_not_freeze_typing_behind_a_colleagues_save(
    unlocked: Unlocked, household: uuid.UUID, db_path: Path
) -> None:
    """A save waits its turn (seconds); the werkkopie gives up at once and tries again later."""
    colleague = raw_connect(db_path, unlocked.key)
    colleague.execute("BEGIN IMMEDIATE")  # a long save in another window
    try:
        started = time.monotonic()
        stored = werkkopie.keep(
            unlocked, uuid.uuid4(), Place("members", "add", household), "Nieuw gezinslid", {}
        )
        waited = time.monotonic() - started
    finally:
        colleague.rollback()
        colleague.close()
    assert stored is False and waited < 3  # a save would have waited 10 s
    assert werkkopie.keep(
        unlocked, uuid.uuid4(), Place("members", "add", household), "Nieuw gezinslid", {}
    )


def test_registration_and_the_team_list_are_put_back_too(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID
) -> None:
    """Actions outside a dossier: a new household, a new team member."""
    werkkopie.keep(
        unlocked,
        uuid.uuid4(),
        Place("huishoudens", "register"),
        "Nieuw huishouden",
        {"name": "Yılmaz", "postcode": "1234 AB"},
    )
    werkkopie.keep(
        unlocked, uuid.uuid4(), Place("team", "add_medewerker"), "Medewerker", {"name": "Zoë"}
    )
    controller = open_window(qtbot, unlocked)
    seen: list[tuple[str, str]] = []

    def look(dialog: FormDialog) -> None:
        seen.append((type(dialog).__name__, dialog.snapshot()["name"]))
        dialog.done(0)
        if len(seen) == 1:  # then the second copy is offered
            on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
            on_modal(MedewerkerDialog, look, tries=400)

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(RegistrationDialog, look, tries=400)
    controller.offer_werkkopieen()
    assert seen == [("RegistrationDialog", "Yılmaz"), ("MedewerkerDialog", "Zoë")]


def test_a_field_a_colleague_changed_too_is_named_when_put_back(
    qtbot: QtBot, unlocked: Unlocked, household: uuid.UUID, message_boxes: MessageBoxes
) -> None:
    with unlocked.store.sessions() as session:
        [sem] = service.load_dossier(session, household).members
    werkkopie.keep(
        unlocked,
        uuid.uuid4(),
        Place("members", "edit", household, str(sem.id)),
        "Gezinslid wijzigen",
        {"first_name": "Semmie"},
        {"first_name": "Sem"},
    )
    households.update_member(unlocked, sem.id, replace(sem.draft(), first_name="Samuel"))
    controller = open_window(qtbot, unlocked)
    shown: list[str] = []

    def look(dialog: PersonDialog) -> None:
        qtbot.waitUntil(lambda: bool(message_boxes.texts()))
        shown.append(dialog.field("first_name").text())
        dialog.done(0)

    on_modal(QMessageBox, lambda _box: click_offer("terugzetten"))
    on_modal(PersonDialog, look, tries=400)
    controller.offer_werkkopieen()
    assert shown == ["Semmie"]  # what the user typed
    [message] = message_boxes.texts()
    assert "ook gewijzigd: Voornaam" in message
