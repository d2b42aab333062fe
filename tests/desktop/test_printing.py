"""The one print path: preview, consent warning, a private file, and PRINT/EXPORT per household."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.printing import show_document
from desktop.reports.pdf import body, build_pdf, title
from desktop.session import Unlocked
from desktop.usecases.avg import inzage_document
from desktop.usecases.printing import Document, consent_gaps
from models import households as service
from models.access import household_log
from models.consents import add_consent
from models.enums import MemberRole
from models.organisations import get_organisation
from models.permissions import AccessAction
from models.records import ConsentDraft, OrganisationRecord, PersonDraft
from models.security import AccessLogEntry, AccessLogSubject
from tests.conftest import MessageBoxes
from tests.desktop.inzage_fixture import full_dossier
from tests.desktop.modal import on_modal
from tests.helpers import TODAY, organisation, register
from views import files
from views.inzage_review import InzageReviewDialog
from views.pdf_preview import PdfPreviewDialog


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[Path | None], list[str]]:
    """Answer the save dialog with a path (or cancel); returns the suggested names asked."""
    asked: list[str] = []

    def answer(target: Path | None) -> list[str]:
        def fake(_parent: object, _title: str, _filter: str, suggested: Path) -> Path | None:
            asked.append(suggested.name)
            return target

        monkeypatch.setattr(files, "save_path", fake)
        return asked

    return answer


def _document(
    household_ids: list[uuid.UUID], recipient: OrganisationRecord | None = None
) -> Document:
    pdf = build_pdf(
        [title("Overzicht"), body("Voor het overleg.")],
        document_title="Overzicht",
        header="Overzicht",
        made_on=TODAY,
    )
    return Document(
        title="Overzicht",
        pdf=pdf,
        household_ids=tuple(household_ids),
        file_name="overzicht.pdf",
        detail="overzicht voor overleg",
        recipient=recipient,
    )


def _save_in_preview(qtbot: QtBot, before_saving: Callable[[PdfPreviewDialog], None]) -> None:
    def act(dialog: PdfPreviewDialog) -> None:
        before_saving(dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # the save was cancelled or refused: close the preview
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    on_modal(PdfPreviewDialog, act)


def test_inzage_is_previewed_then_saved_private_with_its_json_and_logged_once(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to
) -> None:  # type: ignore[no-untyped-def]
    household_id, person_id = full_dossier(unlocked)
    target = tmp_path / "uit" / "inzage-elif.pdf"
    target.parent.mkdir()
    asked = save_to(target)
    document = inzage_document(unlocked, person_id)
    seen: list[int] = []

    def check(dialog: PdfPreviewDialog) -> None:
        seen.append(dialog.document.pageCount())
        assert list(target.parent.iterdir()) == []  # nothing on disk before the user picks

    _save_in_preview(qtbot, check)
    saved = show_document(None, unlocked, document)
    assert seen and seen[0] >= 2
    assert saved == target and asked == [document.file_name]
    machine = target.with_suffix(".json")
    assert sorted(target.parent.iterdir()) == sorted([target, machine])
    assert target.read_bytes() == document.pdf
    for path in (target, machine):
        assert path.stat().st_mode & 0o777 == 0o600
    with unlocked.store.sessions() as session:
        exports = [
            line
            for line in household_log(session, household_id)
            if line.action is AccessAction.EXPORT
        ]
        entry = session.query(AccessLogEntry).filter_by(action=AccessAction.EXPORT).one()
    assert len(exports) == 1 and exports[0].detail == "inzage-export (AVG)"
    assert entry.household_id == household_id and entry.person_id == person_id


def test_closing_the_preview_saves_and_logs_nothing(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to
) -> None:  # type: ignore[no-untyped-def]
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Çelik")
    asked = save_to(tmp_path / "nooit.pdf")
    on_modal(
        PdfPreviewDialog,
        lambda d: qtbot.mouseClick(d.close_button, Qt.MouseButton.LeftButton),
    )
    assert show_document(None, unlocked, _document([household_id])) is None
    assert asked == [] and not (tmp_path / "nooit.pdf").exists()
    with unlocked.store.sessions() as session:
        assert session.query(AccessLogEntry).filter_by(action=AccessAction.PRINT).count() == 0


def test_a_printout_about_several_households_is_one_line_with_a_subject_each(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to
) -> None:  # type: ignore[no-untyped-def]
    with unlocked.store.sessions.begin() as session:
        ids = [register(session, name) for name in ("Yılmaz", "Çelik", "Van 't Hart")]
    save_to(tmp_path / "overzicht")  # without .pdf: it is added
    _save_in_preview(qtbot, lambda _d: None)
    saved = show_document(None, unlocked, _document(ids))
    assert saved == tmp_path / "overzicht.pdf"
    assert saved.stat().st_mode & 0o777 == 0o600
    with unlocked.store.sessions() as session:
        entry = session.query(AccessLogEntry).filter_by(action=AccessAction.PRINT).one()
        subjects = {
            s.household_id for s in session.query(AccessLogSubject).filter_by(entry_id=entry.id)
        }
        seen_by_each = [
            [line.action for line in household_log(session, household_id)] for household_id in ids
        ]
    assert entry.household_id is None and entry.detail == "overzicht voor overleg"
    assert subjects == set(ids)
    assert all(actions.count(AccessAction.PRINT) == 1 for actions in seen_by_each)


def test_a_printout_for_a_single_household_is_one_ordinary_line(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to
) -> None:  # type: ignore[no-untyped-def]
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
    save_to(tmp_path / "een.pdf")
    _save_in_preview(qtbot, lambda _d: None)
    assert show_document(None, unlocked, _document([household_id])) == tmp_path / "een.pdf"
    with unlocked.store.sessions() as session:
        entry = session.query(AccessLogEntry).filter_by(action=AccessAction.PRINT).one()
        assert session.query(AccessLogSubject).count() == 0
    assert entry.household_id == household_id


def test_a_document_that_leaves_the_team_warns_without_consent(
    qtbot: QtBot,
    unlocked: Unlocked,
    tmp_path: Path,
    save_to,  # type: ignore[no-untyped-def]
    message_boxes: MessageBoxes,
) -> None:
    with unlocked.store.sessions.begin() as session:
        covered = register(session, "Bakker")
        missing = register(session, "Çelik")
        number = service.load_dossier(session, missing).dossier_number
        ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
        add_consent(session, covered, ConsentDraft(ggz, date(2026, 1, 1)), today=TODAY)
        recipient = get_organisation(session, ggz)
        service.add_member(
            session, missing, PersonDraft("Emre", "Çelik", MemberRole.KIND), today=TODAY
        )
    document = _document([covered, missing], recipient=recipient)
    assert consent_gaps(unlocked, document, TODAY) == [number]
    assert consent_gaps(unlocked, _document([covered, missing]), TODAY) == []  # stays in the team
    target = tmp_path / "ggz.pdf"
    asked = save_to(target)

    # Answered "no": the preview stays, nothing is saved or logged.
    _save_in_preview(qtbot, lambda _d: None)
    assert show_document(None, unlocked, document, today=TODAY) is None
    (question,) = message_boxes.texts()
    assert "GGZ Voorbeeldstad" in question and number in question and "Toch opslaan?" in question
    assert "Çelik" not in question  # a dossier number, never a name
    assert asked == [] and not target.exists()

    # Answered "yes": saved and logged.
    message_boxes.answer = QMessageBox.StandardButton.Yes
    _save_in_preview(qtbot, lambda _d: None)
    assert show_document(None, unlocked, document, today=TODAY) == target
    with unlocked.store.sessions() as session:
        assert session.query(AccessLogEntry).filter_by(action=AccessAction.PRINT).count() == 1


def test_a_file_that_cannot_be_written_is_explained(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    with unlocked.store.sessions.begin() as session:
        household_id = register(session)
    blocked = tmp_path / "bestand"
    blocked.write_text("")
    save_to(blocked / "onder-een-bestand.pdf")
    _save_in_preview(qtbot, lambda _d: None)
    assert show_document(None, unlocked, _document([household_id])) is None
    assert message_boxes.texts() == [
        "Het bestand kon niet worden opgeslagen. Kies een andere map of een andere naam."
    ]
    # Nothing was written, so nothing is logged as printed.
    with unlocked.store.sessions() as session:
        actions = [line.action for line in household_log(session, household_id)]
    assert AccessAction.PRINT not in actions


def test_a_write_that_fails_halfway_logs_nothing_and_leaves_nothing(
    unlocked: Unlocked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the JSON beside the PDF is written: no file, no line."""
    from desktop.usecases import printing

    with unlocked.store.sessions.begin() as session:
        household_id = register(session)
    real = printing.write_private
    calls: list[Path] = []

    def full_disk(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(printing, "write_private", full_disk)
    document = printing.Document(
        title="Test",
        pdf=b"%PDF-1.4 test",
        household_ids=(household_id,),
        file_name="test.pdf",
        attachments=(printing.Attachment(".json", b"{}"),),
    )
    with pytest.raises(OSError):
        printing.save_document(unlocked, document, tmp_path / "uit" / "test.pdf")
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == []
    with unlocked.store.sessions() as session:
        actions = [line.action for line in household_log(session, household_id)]
    assert AccessAction.PRINT not in actions


def test_inzage_export_button_previews_then_saves_pdf_and_json(
    qtbot: QtBot, unlocked: Unlocked, tmp_path: Path, save_to, message_boxes: MessageBoxes
) -> None:  # type: ignore[no-untyped-def]
    """Dossier → select a member → Inzage-export…: preview first, then both files, 0600."""
    from desktop.controller import MainController

    household_id, person_id = full_dossier(unlocked)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    row = next(
        r
        for r in range(widget.section("members").table.rowCount())
        if "Elif" in widget.section("members").table.item(r, 0).text()
    )
    widget.section("members").table.selectRow(row)
    target = tmp_path / "inzage.pdf"
    save_to(target)
    previews: list[str] = []

    def check(dialog: PdfPreviewDialog) -> None:
        previews.append(dialog.document.getAllText(0).text())
        assert not target.exists()

    reviewed: list[int] = []

    def review(dialog: InzageReviewDialog) -> None:
        """Her inzage holds Signs of Safety, a veiligheidsplan and a case discussed in a
        meeting: listed first, read-only for the tester (not the household's casusregisseur),
        then on to the preview."""
        reviewed.append(len(dialog.rows))
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    on_modal(InzageReviewDialog, review)
    _save_in_preview(qtbot, check)
    qtbot.mouseClick(widget.section("members").export_button, Qt.MouseButton.LeftButton)
    assert reviewed == [5]  # and the two versions of her household's gezinsplan
    assert previews and "Inzage persoonsgegevens: Elif Yılmaz" in previews[0]
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.with_suffix(".json").stat().st_mode & 0o777 == 0o600
    assert message_boxes.texts() == [
        f"De inzage-export staat klaar in {tmp_path}:\ninzage.pdf\ninzage.json"
    ]
    with unlocked.store.sessions() as session:
        entry = session.query(AccessLogEntry).filter_by(action=AccessAction.EXPORT).one()
    assert entry.person_id == person_id
