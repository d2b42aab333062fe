"""Every action on the dossier screen, through the controller, against a database file."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.controller import MainController
from desktop.session import Unlocked
from desktop.usecases import contacts, households
from desktop.usecases.households import medewerkers
from models import households as service
from models.enums import ContactKind, EventKind, MemberRole, Phase
from models.records import (
    ContactDraft,
    HouseholdDraft,
    PersonDraft,
    RegistrationDraft,
    TrajectDraft,
)
from models.validation import Problem, ValidationError
from models.wording import PROBLEM
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal, press_save
from views.dialogs import (
    ContactDialog,
    HouseholdDialog,
    MedewerkerDialog,
    PersonDialog,
    PhaseDialog,
    ScaleDialog,
    TrajectDialog,
)
from views.dossier import DossierWidget


@pytest.fixture
def opened(qtbot: QtBot, unlocked: Unlocked) -> tuple[MainController, DossierWidget, uuid.UUID]:
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
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.search()
    widget = controller.open_household(household_id)
    assert widget is not None
    yield controller, widget, household_id


def _stored(controller: MainController, household_id: uuid.UUID):  # type: ignore[no-untyped-def]
    with controller.unlocked.store.sessions() as session:
        return service.load_dossier(session, household_id)


def test_edit_household_details(qtbot: QtBot, opened) -> None:  # type: ignore[no-untyped-def]
    controller, widget, household_id = opened

    def edit(dialog: HouseholdDialog) -> None:
        assert dialog.field("name").text() == "Bakker"
        qtbot.keyClicks(dialog.field("street"), "Molenweg")
        qtbot.keyClicks(dialog.field("postcode"), "9999zz")
        press_save(qtbot, dialog)

    on_modal(HouseholdDialog, edit)
    qtbot.mouseClick(widget.edit_household, Qt.MouseButton.LeftButton)
    assert _stored(controller, household_id).household.postcode == "9999 ZZ"
    assert "Molenweg" in widget.subtitle.text()
    assert controller.household_list.model.row_at(0).postcode == "9999 ZZ"


def test_edit_and_remove_a_member(qtbot: QtBot, opened, message_boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    controller, widget, household_id = opened
    widget.section("members").table.selectRow(0)

    def rename(dialog: PersonDialog) -> None:
        assert dialog.field("first_name").text() == "Sem"
        dialog.field("first_name").clear()
        qtbot.keyClicks(dialog.field("first_name"), "Daan")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, rename)
    qtbot.mouseClick(widget.section("members").edit_button, Qt.MouseButton.LeftButton)
    assert widget.section("members").table.item(0, 0).text() == "Daan Bakker"

    widget.section("members").table.selectRow(0)
    qtbot.mouseClick(
        widget.section("members").remove_button, Qt.MouseButton.LeftButton
    )  # the fake box answers Cancel
    assert widget.section("members").table.rowCount() == 1
    assert message_boxes.texts() == ["Daan Bakker uit dit huishouden verwijderen?"]
    message_boxes.answer = QMessageBox.StandardButton.Yes
    widget.section("members").table.selectRow(0)
    qtbot.mouseClick(widget.section("members").remove_button, Qt.MouseButton.LeftButton)
    assert widget.section("members").table.rowCount() == 0
    assert _stored(controller, household_id).members == ()


def test_contacts_are_logged_edited_and_removed(
    qtbot: QtBot, opened, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    controller, widget, household_id = opened

    def log_visit(dialog: ContactDialog) -> None:
        dialog.field("contact_date").clear()
        qtbot.keyClicks(dialog.field("contact_date"), "20-11-2026")
        qtbot.keyClicks(dialog.field("note"), "Kennismaking thuis")
        combo = dialog.field("medewerker")
        combo.setCurrentIndex(combo.findText("Anouk Verbeek"))
        press_save(qtbot, dialog)

    on_modal(ContactDialog, log_visit)
    qtbot.mouseClick(
        widget.findChild(type(widget.section("contacts").edit_button), "add_contact"),
        Qt.MouseButton.LeftButton,
    )
    assert [widget.section("contacts").table.item(0, c).text() for c in range(4)] == [
        "20-11-2026",
        "Huisbezoek",
        "Anouk Verbeek",
        "Kennismaking thuis",
    ]

    def make_it_a_call(dialog: ContactDialog) -> None:
        kind = dialog.field("kind")
        kind.setCurrentIndex(kind.findText("Telefoon"))
        press_save(qtbot, dialog)

    widget.section("contacts").table.selectRow(0)
    on_modal(ContactDialog, make_it_a_call)
    qtbot.mouseClick(widget.section("contacts").edit_button, Qt.MouseButton.LeftButton)
    assert _stored(controller, household_id).contacts[0].kind is ContactKind.TELEFOON

    message_boxes.answer = QMessageBox.StandardButton.Yes
    widget.section("contacts").table.selectRow(0)
    qtbot.mouseClick(widget.section("contacts").remove_button, Qt.MouseButton.LeftButton)
    assert _stored(controller, household_id).contacts == ()


def test_phase_scale_events_and_a_new_aanmelding(qtbot: QtBot, opened) -> None:  # type: ignore[no-untyped-def]
    controller, widget, household_id = opened

    on_modal(PhaseDialog, lambda dialog: press_save(qtbot, dialog))  # the next phase is proposed
    qtbot.mouseClick(widget.section("traject").phase_button, Qt.MouseButton.LeftButton)
    assert widget.badge.text() == "Vraagverheldering"

    def scale_up(dialog: ScaleDialog) -> None:
        press_save(qtbot, dialog)  # without where to, why and who: refused, kept open
        assert dialog.isVisible()
        assert dialog.error_text("target") and dialog.error_text("reason")
        target = dialog.field("target")
        target.setCurrentIndex(target.findText("Veilig Thuis"))
        qtbot.keyClicks(dialog.field("reason"), "Zorgen blijven, afspraken niet nagekomen")
        dialog.field("responsible").setText("Nguyễn Thị Lan (Veilig Thuis)")
        qtbot.keyClicks(dialog.field("note"), "Veilig Thuis ingeschakeld")
        press_save(qtbot, dialog)

    def scale_down(dialog: ScaleDialog) -> None:
        assert "reason" not in dialog.snapshot()  # afschalen asks only where to
        target = dialog.field("target")
        target.setCurrentIndex(target.findText("Waakvlam"))
        press_save(qtbot, dialog)

    on_modal(ScaleDialog, scale_up)
    qtbot.mouseClick(widget.section("traject").up_button, Qt.MouseButton.LeftButton)
    on_modal(ScaleDialog, scale_down)
    qtbot.mouseClick(widget.section("traject").down_button, Qt.MouseButton.LeftButton)
    traject = _stored(controller, household_id).traject
    assert [(e.kind, e.target, e.reason, e.responsible, e.note) for e in traject.events][-2:] == [
        (
            EventKind.OPSCHALEN,
            "veilig_thuis",
            "Zorgen blijven, afspraken niet nagekomen",
            "Nguyễn Thị Lan (Veilig Thuis)",
            "Veilig Thuis ingeschakeld",
        ),
        (EventKind.AFSCHALEN, "waakvlam", "", "", ""),
    ]
    events = widget.section("traject").events
    assert events.item(0, 1).text() == "Afgeschaald naar Waakvlam"
    assert events.item(1, 1).text() == "Opgeschaald naar Veilig Thuis"
    assert events.item(1, 2).text() == (
        "Zorgen blijven, afspraken niet nagekomen · Verantwoordelijk: Nguyễn Thị Lan "
        "(Veilig Thuis) · Veilig Thuis ingeschakeld"
    )

    def correct_question(dialog: TrajectDialog) -> None:
        qtbot.keyClicks(dialog.field("question"), "Hulp bij geldzaken.")
        press_save(qtbot, dialog)

    on_modal(TrajectDialog, correct_question)
    qtbot.mouseClick(widget.section("traject").edit_button, Qt.MouseButton.LeftButton)
    assert widget.section("traject").labels["question"].text() == "Hulp bij geldzaken."

    with controller.unlocked.store.sessions.begin() as session:
        service.close_traject(
            # not before the phase change and op-/afschaling just made (dated today)
            session,
            traject.id,
            service.Closure(date.today(), "afgeschaald"),
        )
    controller.open_household(household_id)
    assert widget.section("traject").new_button.isVisible()

    def register_again(dialog: TrajectDialog) -> None:
        herkomst = dialog.field("herkomst")
        herkomst.setCurrentIndex(herkomst.findText("Huisarts"))
        press_save(qtbot, dialog)

    on_modal(TrajectDialog, register_again)
    qtbot.mouseClick(widget.section("traject").new_button, Qt.MouseButton.LeftButton)
    dossier = _stored(controller, household_id)
    assert dossier.traject.phase is Phase.AANGEMELD and dossier.traject.herkomst == "huisarts"
    assert len(dossier.earlier_trajecten) == 1
    assert widget.badge.text() == "Aangemeld"


def test_a_draft_the_store_refuses_comes_back_filled_in(
    qtbot: QtBot, opened, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    _controller, widget, _household_id = opened
    typed = PersonDraft("Noor", "Bakker", MemberRole.KIND, bsn="111222333")
    asked: list[tuple[PersonDraft | None, dict[str, Problem] | None]] = []

    def ask(
        _parent: object,
        initial: PersonDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> PersonDraft | None:
        assert adding
        asked.append((initial, problems))
        return typed if len(asked) == 1 else None  # the user gives up the second time

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError({"bsn": Problem.BSN_ELFPROEF})

    monkeypatch.setattr(PersonDialog, "ask", ask)
    monkeypatch.setattr(service, "add_member", refuse)
    qtbot.mouseClick(
        widget.findChild(type(widget.section("members").edit_button), "add_member"),
        Qt.MouseButton.LeftButton,
    )
    proposal = PersonDraft("", "Bakker", MemberRole.KIND)  # the household's surname, proposed
    assert asked == [(proposal, None), (typed, {"bsn": Problem.BSN_ELFPROEF})]
    assert "BSN: Dit BSN bestaat niet" in message_boxes.texts()[0]


def test_add_a_medewerker_from_the_team_menu(
    qtbot: QtBot, opened, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    controller, _widget, _household_id = opened
    monkeypatch.setattr(
        MedewerkerDialog,
        "ask",
        lambda _parent, _codes, *_retry: ("Bas Hoekstra", "gedragswetenschapper"),
    )
    team_menu = next(a.menu() for a in controller.window.menuBar().actions() if a.text() == "&Team")
    next(a for a in team_menu.actions() if a.text() == "Medewerker &toevoegen…").trigger()
    assert [m.name for m in medewerkers(controller.unlocked)] == ["Anouk Verbeek", "Bas Hoekstra"]


def test_the_list_refreshes_only_for_changes_it_shows(
    qtbot: QtBot, opened, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    controller, _widget, household_id = opened
    searches: list[str] = []
    monkeypatch.setattr(controller.households, "refresh", lambda: searches.append("refresh"))
    draft = ContactDraft(date(2026, 11, 20), ContactKind.TELEFOON, "gebeld")
    controller.ui.attempt(lambda: contacts.add_contact(controller.unlocked, household_id, draft))
    assert searches == []  # a contact changes no column of the list
    controller.ui.attempt(
        lambda: households.update_household(
            controller.unlocked, household_id, HouseholdDraft("Bakker-de Wit")
        )
    )
    assert searches == ["refresh"]


def test_a_phase_change_the_store_refuses_comes_back_as_typed(
    qtbot: QtBot, opened, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    """A colleague recorded a later event meanwhile: the service refuses, nothing typed is lost."""
    controller, widget, household_id = opened
    real = service.change_phase
    calls: list[str] = []

    def refuse_once(session, traject_id, change, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(change.note)
        if len(calls) == 1:
            raise ValidationError({"on": Problem.DATE_BEFORE_REGISTRATION})
        return real(session, traject_id, change, **kwargs)

    monkeypatch.setattr(service, "change_phase", refuse_once)
    seen: list[tuple[str, str]] = []

    def second_try(dialog: PhaseDialog) -> None:
        seen.append((dialog.field("note").toPlainText(), dialog.error_text("on")))
        press_save(qtbot, dialog)

    def first_try(dialog: PhaseDialog) -> None:
        qtbot.keyClicks(dialog.field("note"), "Besproken in het MDO")
        on_modal(PhaseDialog, second_try)
        press_save(qtbot, dialog)

    on_modal(PhaseDialog, first_try)
    qtbot.mouseClick(widget.section("traject").phase_button, Qt.MouseButton.LeftButton)
    assert seen == [("Besproken in het MDO", PROBLEM[Problem.DATE_BEFORE_REGISTRATION])]
    assert calls == ["Besproken in het MDO"] * 2
    assert _stored(controller, household_id).traject.phase is Phase.VRAAGVERHELDERING


def test_a_new_member_asked_again_is_still_a_new_member(
    qtbot: QtBot, opened, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    """Regression: a refused new record came back titled 'wijzigen'."""
    _controller, widget, _household_id = opened
    real = service.add_member

    def refuse_once(session, household_id, draft, **kwargs):  # type: ignore[no-untyped-def]
        if not titles[1:]:
            raise ValidationError({"bsn": Problem.BSN_ELFPROEF})
        return real(session, household_id, draft, **kwargs)

    monkeypatch.setattr(service, "add_member", refuse_once)
    titles: list[str] = []

    def second(dialog: PersonDialog) -> None:
        titles.append(dialog.windowTitle())
        assert dialog.field("first_name").text() == "Noor"
        press_save(qtbot, dialog)

    def first(dialog: PersonDialog) -> None:
        titles.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.field("first_name"), "Noor")
        assert dialog.field("last_name").text() == "Bakker"  # proposed
        on_modal(PersonDialog, second)
        press_save(qtbot, dialog)

    on_modal(PersonDialog, first)
    qtbot.mouseClick(widget.section("members").add_button, Qt.MouseButton.LeftButton)
    assert titles == ["Gezinslid toevoegen", "Gezinslid toevoegen"]
    assert "Noor Bakker" in [
        widget.section("members").table.item(r, 0).text()
        for r in range(widget.section("members").table.rowCount())
    ]


def test_a_bsn_already_in_another_dossier_is_saved_only_knowingly(
    qtbot: QtBot, opened, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    """The question names the other dossier's number, nothing about the person there."""
    controller, widget, household_id = opened
    with controller.unlocked.store.sessions.begin() as session:
        other = service.register_household(
            session, RegistrationDraft(HouseholdDraft("Jansen"), TrajectDraft(date(2026, 2, 1)))
        )
        service.add_member(
            session, other, PersonDraft("Eva", "Jansen", MemberRole.OUDER, bsn="111222333")
        )
    other_number = _stored(controller, other).dossier_number
    comeback: list[str] = []

    def second(dialog: PersonDialog) -> None:  # after Nee: the form as typed, the BSN marked
        comeback.append(dialog.field("bsn").text())
        comeback.append(dialog.error_text("bsn"))
        message_boxes.answer = QMessageBox.StandardButton.Yes
        press_save(qtbot, dialog)

    def first(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("first_name"), "Noor")
        qtbot.keyClicks(dialog.field("last_name"), "Bakker")
        qtbot.keyClicks(dialog.field("bsn"), "111 222 333")
        on_modal(PersonDialog, second)
        press_save(qtbot, dialog)  # the fake box answers Cancel: not Ja

    on_modal(PersonDialog, first)
    qtbot.mouseClick(
        widget.findChild(type(widget.section("members").edit_button), "add_member"),
        Qt.MouseButton.LeftButton,
    )
    question = f"Dit BSN staat al bij een persoon in dossier {other_number}. Toch opslaan?"
    assert message_boxes.texts() == [question, question]
    assert comeback == ["111 222 333", PROBLEM[Problem.BSN_IN_USE]]
    noor = next(m for m in _stored(controller, household_id).members if m.first_name == "Noor")
    assert noor.bsn == "111222333"

    # Changing something else of Noor asks nothing again; the same BSN for Sem does, here.
    def rename(dialog: PersonDialog) -> None:
        dialog.field("first_name").setText("Noortje")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, rename)
    widget.section("members").editRequested.emit(noor.id)
    assert len(message_boxes.texts()) == 2
    sem = next(m for m in _stored(controller, household_id).members if m.first_name == "Sem")

    def same_bsn(dialog: PersonDialog) -> None:
        qtbot.keyClicks(dialog.field("bsn"), "111222333")
        press_save(qtbot, dialog)

    on_modal(PersonDialog, same_bsn)
    widget.section("members").editRequested.emit(sem.id)
    assert message_boxes.texts()[-1] == (
        "Dit BSN staat al bij een ander gezinslid in dit dossier en bij een persoon in dossier "
        f"{other_number}. Toch opslaan?"
    )
