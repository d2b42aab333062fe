"""The minutes of a meeting: built through the meeting use cases, printed, and read back.

The internal version holds every case with its question, notes, decisions and actions and a
separate action list; the external version for one organisation holds only the cases whose
household has consent for it, never an internal note; saving logs PRINT under every household
in the printout; ``print notulen`` does the same from the command line.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.cli import ENV_LOGIN, main
from desktop.controller import MainController
from desktop.presenters.minutes import print_minutes
from desktop.session import Unlocked, unlock
from desktop.usecases import consents, households, meetings
from desktop.usecases import minutes as usecase
from desktop.usecases.printing import consent_gaps, save_document
from models.entities import Household
from models.enums import ActionOwner
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    FamilyAttendance,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
)
from models.permissions import AccessAction
from models.records import ActionDraft, ConsentDraft
from tests.conftest import MessageBoxes
from tests.desktop.modal import on_modal
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, TODAY, organisation, register
from views import files
from views.minutes import MinutesDialog
from views.pdf_preview import PdfPreviewDialog

ROOT = Path(__file__).resolve().parents[2]
INTERNAL_NOTE = "Vader drinkt weer, niet met school delen"
GGZ = "GGZ Voorbeeldstad"


@dataclass
class Meeting:
    id: uuid.UUID
    number: int
    yilmaz: uuid.UUID  # consent for GGZ
    nguyen: uuid.UUID  # no consent for GGZ
    hart: uuid.UUID  # consent for GGZ refused; carried over
    ggz: uuid.UUID
    school: uuid.UUID  # an organisation no household consented to


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _held_meeting(unlocked: Unlocked) -> Meeting:
    with unlocked.store.sessions.begin() as session:
        yilmaz = register(session, "Yılmaz")
        nguyen = register(session, "Nguyễn")
        hart = register(session, "Van 't Hart")
        ggz = organisation(session, GGZ, "ggz")
        school = organisation(session, "Basisschool De Regenboog", "school")
    anouk = households.add_medewerker(unlocked, "Anouk Verbeek", "generalist")
    lan = households.add_medewerker(unlocked, "Nguyễn Thị Lan", "gedragswetenschapper")
    zoe = households.add_medewerker(unlocked, "Zoë van 't Hart", "jeugd_gezinscoach")
    consents.add_consent(unlocked, yilmaz, ConsentDraft(ggz, TODAY - timedelta(days=60)))
    consents.add_consent(
        unlocked, hart, ConsentDraft(ggz, TODAY - timedelta(days=60), refused=True)
    )
    meeting_id = meetings.plan_meeting(
        unlocked, MeetingDraft(MeetingKind.MDO, TODAY, "09:30", "Wijkcentrum De Linde", anouk, zoe)
    )
    items = {}
    for household, question, by in (
        (yilmaz, "Is jeugd-GGZ nu nodig voor Zoë?", anouk),
        (nguyen, "Wie wordt regisseur na het vertrek van Sanne?", lan),
        (hart, "Hoe gaat het met de schuldhulp?", zoe),
    ):
        meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(household, question, "hoog", by))
    for item in meetings.get_meeting(unlocked, meeting_id).items:
        items[item.household_id] = item.id
    meetings.set_attendees(
        unlocked,
        meeting_id,
        [
            AttendeeDraft(anouk),
            AttendeeDraft(zoe),
            AttendeeDraft(lan),
            AttendeeDraft(name="Jan de Wit", organisation_id=ggz, discipline="psychiater"),
        ],
    )
    meetings.start_meeting(unlocked, meeting_id)
    meetings.record_notes(
        unlocked,
        items[yilmaz],
        CaseNotes(
            information="School meldt verzuim sinds mei.",
            analysis="Angstklachten nemen toe.",
            conclusion="Verwijzen naar jeugd-GGZ.",
            internal_note=INTERNAL_NOTE,
            safety_discussed=True,
            network_discussed=True,
            family_attendance=FamilyAttendance.DEELS,
            family_reason="Moeder moest eerder weg.",
        ),
    )
    meetings.add_decision(
        unlocked,
        items[yilmaz],
        DecisionDraft(
            DecisionKind.VERWIJZEN,
            "Aanmelden bij jeugd-GGZ",
            organisation_id=ggz,
            hulpvorm="jeugd_ggz",
            decider_1=anouk,
            decider_2=lan,
        ),
    )
    meetings.add_action(
        unlocked,
        items[yilmaz],
        ActionDraft("Huisbezoek met moeder", ActionOwner.MEDEWERKER, TODAY + timedelta(7), zoe),
        today=TODAY,
    )
    meetings.add_action(
        unlocked,
        items[yilmaz],
        ActionDraft(
            "Intake plannen", ActionOwner.ORGANISATIE, TODAY + timedelta(14), organisation_id=ggz
        ),
        today=TODAY,
    )
    meetings.end_case(unlocked, items[yilmaz], ItemOutcome.BESPROKEN)
    meetings.record_notes(
        unlocked,
        items[nguyen],
        CaseNotes(
            information="Sanne vertrekt per januari.",
            conclusion="Lan neemt de regie over.",
            safety_discussed=True,
            network_discussed=False,
            family_attendance=FamilyAttendance.NIET,
            family_reason="Niet uitgenodigd: overdracht binnen het team.",
        ),
    )
    meetings.add_decision(
        unlocked,
        items[nguyen],
        DecisionDraft(DecisionKind.REGISSEUR, "Overdracht voor 1 januari", medewerker_id=lan),
    )
    meetings.add_action(
        unlocked,
        items[nguyen],
        ActionDraft("Overdrachtsgesprek", ActionOwner.MEDEWERKER, TODAY + timedelta(3), lan),
        today=TODAY,
    )
    meetings.end_case(unlocked, items[nguyen], ItemOutcome.BESPROKEN)
    meetings.end_case(unlocked, items[hart], ItemOutcome.DOORGESCHOVEN)
    meetings.close_meeting(unlocked, meeting_id)
    number = meetings.get_meeting(unlocked, meeting_id).number
    return Meeting(meeting_id, number, yilmaz, nguyen, hart, ggz, school)


def _prints(unlocked: Unlocked, household_id: uuid.UUID) -> list[str]:
    return [
        line.detail
        for line in households.household_log(unlocked, household_id)
        if line.action is AccessAction.PRINT
    ]


def _number(unlocked: Unlocked, household_id: uuid.UUID) -> str:
    with unlocked.store.sessions() as session:
        household = session.get(Household, household_id)
        assert household is not None
        return household.dossier_number


def test_the_internal_minutes_hold_every_case_and_log_print_under_each(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    held = _held_meeting(unlocked)
    made = usecase.minutes_document(unlocked, held.id, today=TODAY)
    assert made.left_out == () and made.document is not None
    document = made.document
    assert document.file_name == f"notulen-overleg-{held.number}.pdf"
    assert document.recipient is None
    text = _text(document.pdf)
    for expected in (
        f"Notulen MDO nr. {held.number}",
        "Wijkcentrum De Linde",
        "Voorzitter Anouk Verbeek",
        "Notulist Zoë van 't Hart",
        "Jan de Wit",
        GGZ,
        "psychiater",
        "Is jeugd-GGZ nu nodig voor Zoë?",
        "Wie wordt regisseur na het vertrek van Sanne?",
        "Hoe gaat het met de schuldhulp?",
        "Verwijzen naar jeugd-GGZ.",
        "Veiligheid besproken ja",
        "Netwerk besproken nee",
        "Een deel van het overleg",
        "Moeder moest eerder weg.",
        INTERNAL_NOTE,
        "Verwijzen Aanmelden bij jeugd-GGZ",
        f"Naar: {GGZ} (Jeugd-ggz)",
        "Besloten door: Anouk Verbeek en Nguyễn Thị Lan",
        "Regisseur: Nguyễn Thị Lan",
        "Niet besproken, doorgeschoven",
        "Huisbezoek met moeder",
        "Intake plannen",
        "Overdrachtsgesprek",
        f"Actielijst overleg nr. {held.number}",
    ):
        assert expected in text, expected
    # the action list: by owner, with the dossier
    action_list = text[text.index("Actielijst") :]
    assert action_list.index("GGZ Voorbeeldstad Intake plannen") < action_list.index(
        "Nguyễn Thị Lan Overdrachtsgesprek"
    )
    assert _number(unlocked, held.yilmaz) in action_list
    before = {h: _prints(unlocked, h) for h in (held.yilmaz, held.nguyen, held.hart)}
    assert before == {held.yilmaz: [], held.nguyen: [], held.hart: []}
    (written,) = save_document(unlocked, document, tmp_path / document.file_name)
    assert written.read_bytes() == document.pdf
    for household in (held.yilmaz, held.nguyen, held.hart):
        assert _prints(unlocked, household) == [f"notulen overleg nr. {held.number}"]


def test_the_external_minutes_hold_only_consented_cases_and_no_internal_note(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    held = _held_meeting(unlocked)
    made = usecase.minutes_document(unlocked, held.id, organisation_id=held.ggz, today=TODAY)
    assert made.document is not None
    document = made.document
    assert document.recipient is not None and document.recipient.id == held.ggz
    assert document.file_name == f"notulen-overleg-{held.number}-ggz-voorbeeldstad.pdf"
    assert document.household_ids == (held.yilmaz,)
    assert [c.dossier_number for c in made.left_out] == [
        _number(unlocked, held.nguyen),
        _number(unlocked, held.hart),
    ]
    text = _text(document.pdf)
    assert f"Versie voor {GGZ}" in text
    assert "Is jeugd-GGZ nu nodig voor Zoë?" in text and "Intake plannen" in text
    for absent in (
        INTERNAL_NOTE,
        "Interne notitie",
        "Nguyễn ",  # the household (the team member is 'Nguyễn Thị Lan')
        _number(unlocked, held.nguyen),
        _number(unlocked, held.hart),
        "Van 't Hart",
        "Wie wordt regisseur",
        "schuldhulp",
        "Overdrachtsgesprek",
    ):
        assert absent not in text.replace("Nguyễn Thị Lan", "LAN"), absent
    assert consent_gaps(unlocked, document, TODAY) == []
    save_document(unlocked, document, tmp_path / document.file_name)
    assert _prints(unlocked, held.yilmaz) == [f"notulen overleg nr. {held.number} voor {GGZ}"]
    assert _prints(unlocked, held.nguyen) == [] and _prints(unlocked, held.hart) == []
    message = usecase.left_out_text(made.left_out, GGZ)
    assert _number(unlocked, held.nguyen) in message and "Deze casussen staan" in message
    # an organisation no household consented to: nothing to print
    nothing = usecase.minutes_document(unlocked, held.id, organisation_id=held.school, today=TODAY)
    assert nothing.document is None and len(nothing.left_out) == 3


def test_print_minutes_asks_the_version_names_the_left_out_and_previews(
    qtbot: QtBot,
    unlocked: Unlocked,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = _held_meeting(unlocked)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    target = tmp_path / "uit" / "notulen.pdf"
    monkeypatch.setattr(files, "save_path", lambda *_args: target)
    shown: list[str] = []

    def choose(dialog: MinutesDialog) -> None:
        qtbot.mouseClick(dialog.external, Qt.MouseButton.LeftButton)
        assert dialog.external.isChecked() and dialog.organisation.isEnabled()
        dialog.organisation.setCurrentIndex(dialog.organisation.findData(str(held.ggz)))
        dialog.buttons.accepted.emit()

    def save(dialog: PdfPreviewDialog) -> None:
        shown.append(dialog.windowTitle())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_modal(MinutesDialog, choose)
    on_modal(PdfPreviewDialog, save)
    saved = print_minutes(controller.ui, held.id)
    assert saved == target and target.exists()
    (said,) = message_boxes.texts()
    assert _number(unlocked, held.nguyen) in said and GGZ in said
    assert "Yılmaz" not in said
    assert INTERNAL_NOTE not in _text(target.read_bytes())
    assert _prints(unlocked, held.yilmaz) and not _prints(unlocked, held.nguyen)


def _verb(
    db: Path, *args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSWORD + "\n"))
    code = main(["--db", str(db), "--wachtwoord-stdin", "print", "notulen", *args])
    return code, capsys.readouterr().err


def test_print_notulen_refuses_in_dutch(
    unlocked: Unlocked,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "n.pdf"
    unlocked.close()
    code, err = _verb(db_path, "--out", str(out), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "nog geen gesloten overleg" in err
    again = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    held = _held_meeting(again)
    again.close()
    for args, said in (
        (("--overleg", "99"), "geen overleg met nummer 99"),
        (("--extern", "Onbekend Bureau"), "onbekende organisatie: Onbekend Bureau"),
        (("--extern", "basisschool de regenboog"), "geen casus met toestemming"),
    ):
        code, err = _verb(db_path, "--out", str(out), *args, monkeypatch=monkeypatch, capsys=capsys)
        assert code == 2 and said in err, err
        assert not out.exists()
    code, err = _verb(
        db_path,
        "--out",
        str(out),
        "--overleg",
        str(held.number),
        "--extern",
        "  ggz  VOORBEELDSTAD ",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, err
    assert "niet in de notulen" in err and "Nguyễn" not in err  # numbers only, no names
    assert f"Versie voor {GGZ}" in _text(out.read_bytes())


def test_print_notulen_end_to_end_in_its_own_process(
    unlocked: Unlocked, db_path: Path, tmp_path: Path
) -> None:
    held = _held_meeting(unlocked)
    unlocked.close()
    out = tmp_path / "notulen.pdf"
    command = [sys.executable, "main.py", "--db", str(db_path), "--wachtwoord-stdin"]
    done = subprocess.run(
        [*command, "print", "notulen", "--out", str(out)],
        check=False,
        cwd=ROOT,
        input=TEST_PASSWORD + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, ENV_LOGIN: TEST_LOGIN, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (out.stat().st_mode & 0o777) == 0o600
    text = _text(out.read_bytes())
    assert f"Notulen MDO nr. {held.number}" in text and INTERNAL_NOTE in text
    check = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        for household in (held.yilmaz, held.nguyen, held.hart):
            assert _prints(check, household) == [f"notulen overleg nr. {held.number}"]
    finally:
        check.close()
