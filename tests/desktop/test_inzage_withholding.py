"""Reviewing an inzage before it leaves: only the casusregisseur withholds a safety passage,
with a reason and a toelichting; the family reads the reason, never the content; the export's
log line counts them, a table records them, and the dossier's destruction takes them along."""

from __future__ import annotations

import io
import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop.controller import MainController
from desktop.errors import describe
from desktop.presenters.inzage import export_inzage
from desktop.presenters.ui import Ui
from desktop.session import Unlocked, unlock
from desktop.usecases import avg, meldcode, taxatie
from desktop.usecases.accounts import add_account
from models import households as service
from models.access import household_log
from models.afwegingskader import (
    ConsultationDraft,
    ConsultationKind,
    ConversationDraft,
    DecisionDraft,
    StartDraft,
    VictimKind,
    ViolenceForm,
    WeighingDraft,
)
from models.codelists import load_codelists
from models.entities import Medewerker
from models.enums import FactorAnswer, PassageKind, PassagePart, Risk, Safety
from models.errors import NotFound, Rule, RuleViolation
from models.permissions import AccessAction, Role
from models.records import FactorDraft, Passage, TaxatieDraft, Withholding
from models.security import AccessLogEntry, Account
from models.validation import Problem, ValidationError
from models.withholding import InzageWithholding
from tests.conftest import MessageBoxes
from tests.desktop.inzage_fixture import CASE_NOTES, CONCLUSION, GOAL_MONEY, full_dossier
from tests.desktop.modal import on_modal
from tests.helpers import FAST_KDF, TEST_LOGIN, TODAY
from views import files
from views.dossier.members import MembersSection
from views.inzage_review import InzageReviewDialog
from views.pdf_preview import PdfPreviewDialog

KARIN_PASSWORD = "karin-eigen-wachtwoord"
PRIVACY = "Achtergehouden: privacy van een derde (bijv. wie een signaal meldde)"
CHILD = "Achtergehouden: veiligheid van het kind"

# What the family must not read once it is withheld, each in one passage.
REPORTER = "buurvrouw mevrouw De Groot"  # step 1: who reported the signal
ADVICE = "Noem de buurvrouw niet tegenover vader"  # step 2: Veilig Thuis's advice
VT_REFERENCE = "VT-2026-0456"  # step 5
FEEDBACK = "Veilig Thuis onderzoekt bij vader thuis"  # step 5, corrected: in the history too
CORRECTED = "Veilig Thuis start een onderzoek"  # the feedback after the correction
ONDERBOUWING = "Melding buurvrouw: geschreeuw op de trap"  # the taxatie's reasoning
TOELICHTING = "Vader mag niet weten dat mevrouw De Groot belde"  # the team's, never the family's
HIDDEN = (REPORTER, ADVICE, VT_REFERENCE, FEEDBACK, CORRECTED, ONDERBOUWING)
# What stays: the conversation (not withheld) and the taxatie's conclusion.
CONVERSATION = "Elif vertelt over de ruzies en wil hulp"


def _safety(unlocked: Unlocked, household_id: uuid.UUID) -> None:
    """A finished meldcode procedure with a corrected decision, and a risicotaxatie."""
    meldcode.start(
        unlocked,
        household_id,
        StartDraft(
            ViolenceForm.KINDERMISHANDELING,
            VictimKind.KIND,
            TODAY - timedelta(days=30),
            REPORTER,
            "Geschreeuw en gehuil in de avond, al drie weken.",
        ),
    )
    (procedure,) = meldcode.procedures(unlocked, household_id)
    meldcode.add_consultation(
        unlocked,
        procedure.id,
        ConsultationDraft(
            ConsultationKind.VEILIG_THUIS,
            TODAY - timedelta(days=28),
            "Anouk Verbeek",
            "Veilig Thuis advieslijn",
            anonymous=True,
            advice=ADVICE,
        ),
    )
    meldcode.record_conversation(
        unlocked,
        procedure.id,
        ConversationDraft(True, TODAY - timedelta(days=25), "Anouk Verbeek", CONVERSATION),
    )
    meldcode.record_weighing(
        unlocked,
        procedure.id,
        WeighingDraft((True, True), TODAY - timedelta(days=20), "Anouk Verbeek", "Structureel."),
    )
    decision = DecisionDraft(
        TODAY - timedelta(days=20),
        "Anouk Verbeek",
        melding=True,
        melding_on=TODAY - timedelta(days=20),
        vt_reference=VT_REFERENCE,
        parents_told=True,
        vt_feedback=FEEDBACK,
    )
    meldcode.record_decision(unlocked, procedure.id, decision)
    meldcode.finish(unlocked, procedure.id, TODAY - timedelta(days=19))
    meldcode.record_decision(  # a correction: the old feedback stays in the history
        unlocked,
        procedure.id,
        DecisionDraft(**{**decision.__dict__, "vt_feedback": CORRECTED}),
        reason="Terugkoppeling van Veilig Thuis ontvangen",
    )
    factors = tuple(
        FactorDraft(f.code, FactorAnswer.NIET_AANWEZIG) for f in taxatie.instrument().factors
    )
    taxatie.submit(
        unlocked,
        household_id,
        TaxatieDraft(
            None, TODAY - timedelta(days=18), factors, Safety.ONVEILIG, Risk.HOOG, ONDERBOUWING
        ),
        today=TODAY,
    )


def _make_regisseur(unlocked: Unlocked, login: str = TEST_LOGIN) -> None:
    """Link the account to Anouk Verbeek, the household's casusregisseur."""
    with unlocked.store.sessions.begin() as session:
        anouk = session.scalar(select(Medewerker.id).where(Medewerker.name == "Anouk Verbeek"))
        session.execute(update(Account).where(Account.login == login).values(medewerker_id=anouk))


@pytest.fixture
def dossier(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    """Elif Yılmaz's household with its safety records; the tester is not its regisseur yet."""
    household_id, person_id = full_dossier(unlocked)
    _safety(unlocked, household_id)
    return household_id, person_id


def _passage(passages: tuple[Passage, ...], kind: PassageKind, part: PassagePart) -> Passage:
    return next(p for p in passages if p.kind is kind and p.part is part)


def _withholdings(unlocked: Unlocked, person_id: uuid.UUID) -> tuple[Withholding, ...]:
    passages = avg.inzage_review(unlocked, person_id).passages
    return (
        Withholding(
            _passage(passages, PassageKind.MELDCODE, PassagePart.SIGNALEN).key,
            "privacy_derde",
            TOELICHTING,
        ),
        Withholding(
            _passage(passages, PassageKind.MELDCODE, PassagePart.OVERLEG).key,
            "veiligheid_kind",
            "Het advies noemt de melder.",
        ),
        Withholding(
            _passage(passages, PassageKind.MELDCODE, PassagePart.BESLISSING).key,
            "veiligheid_kind",
            "Het onderzoek loopt nog.",
        ),
        Withholding(
            _passage(passages, PassageKind.TAXATIE, PassagePart.ONDERBOUWING).key,
            "privacy_derde",
            "De onderbouwing noemt de melder.",
        ),
    )


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _rows(unlocked: Unlocked) -> list[InzageWithholding]:
    with unlocked.store.sessions() as session:
        rows = list(session.scalars(select(InzageWithholding)))
        session.expunge_all()
    return rows


def _exports(unlocked: Unlocked, household_id: uuid.UUID) -> list[str]:
    with unlocked.store.sessions() as session:
        return [
            line.detail
            for line in household_log(session, household_id)
            if line.action is AccessAction.EXPORT
        ]


def test_the_review_lists_each_safety_passage_without_its_content(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    from models.wording import passage_label

    _household_id, person_id = dossier
    review = avg.inzage_review(unlocked, person_id)
    assert review.subject == "Elif Yılmaz" and not review.may_withhold
    kinds = [(p.kind, p.part) for p in review.passages]
    assert kinds == [
        (PassageKind.MELDCODE, PassagePart.SIGNALEN),
        (PassageKind.MELDCODE, PassagePart.OVERLEG),
        (PassageKind.MELDCODE, PassagePart.GESPREK),
        (PassageKind.MELDCODE, PassagePart.AFWEGING),
        (PassageKind.MELDCODE, PassagePart.BESLISSING),
        (PassageKind.SIGNS_OF_SAFETY, PassagePart.INHOUD),
        (PassageKind.VEILIGHEIDSPLAN, PassagePart.INHOUD),
        (PassageKind.TAXATIE, PassagePart.ONDERBOUWING),
        (PassageKind.OVERLEG, PassagePart.INHOUD),  # its case in the casuïstiekoverleg
        (PassageKind.GEZINSPLAN, PassagePart.INHOUD),  # version 2 (a concept)
        (PassageKind.GEZINSPLAN, PassagePart.INHOUD),  # version 1
    ]
    assert len({p.key for p in review.passages}) == len(review.passages)  # stable and unique
    assert avg.inzage_review(unlocked, person_id).passages == review.passages
    labels = [passage_label(p) for p in review.passages]
    assert labels[1] == (
        f"Meldcode kindermishandeling sinds {(TODAY - timedelta(days=30)):%d-%m-%Y} · "
        f"stap 2: overleg met Veilig Thuis op {(TODAY - timedelta(days=28)):%d-%m-%Y}"
    )
    assert labels[6] == "Veiligheidsplan versie 1 van 07-10-2026: doel en afspraken"
    assert labels[8] == (
        "Overleg van 09-10-2026: casusvraag, verslag (ook de interne notitie) en besluiten"
    )
    assert labels[10] == (
        "Gezinsplan versie 1 van 02-11-2026: situatie, doelen, acties, netwerk en evaluaties"
    )
    for label in labels:
        assert not any(hidden in label for hidden in (*HIDDEN, CONVERSATION, "Oma Ayşe"))


def test_only_the_regisseur_may_withhold(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], db_path: Path, tmp_path: Path
) -> None:
    household_id, person_id = dossier
    withheld = _withholdings(unlocked, person_id)[:1]

    # the tester is a beheerder but not the regisseur: refused, in Dutch, nothing written
    with pytest.raises(RuleViolation) as refused:
        avg.export_inzage(unlocked, person_id, tmp_path / "uit", withheld=withheld)
    assert refused.value.rule is Rule.WITHHOLD_NOT_REGISSEUR
    assert describe(refused.value).startswith("Alleen de casusregisseur van dit huishouden")
    assert not (tmp_path / "uit").exists()
    assert _rows(unlocked) == [] and _exports(unlocked, household_id) == []

    # a colleague who is a medewerker of the team, but not this household's regisseur
    with unlocked.store.sessions.begin() as session:
        karin_id = service.add_medewerker(session, "Karin Bosman", "gedragswetenschapper")
    add_account(
        unlocked,
        login="karin",
        name="Karin Bosman",
        role=Role.COORDINATOR,
        password=KARIN_PASSWORD,
        medewerker_id=karin_id,
        cost=FAST_KDF,
    )
    karin = unlock(db_path, "karin", KARIN_PASSWORD)
    try:
        review = avg.inzage_review(karin, person_id)
        assert review.passages and not review.may_withhold  # she reads the list
        with pytest.raises(RuleViolation):
            avg.inzage_document(karin, person_id, withheld=withheld)
        avg.export_inzage(karin, person_id, tmp_path / "karin")  # and exports everything
    finally:
        karin.close()

    # the regisseur may
    _make_regisseur(unlocked)
    assert avg.inzage_review(unlocked, person_id).may_withhold
    avg.export_inzage(unlocked, person_id, tmp_path / "regisseur", withheld=withheld)
    assert [r.created_by for r in _rows(unlocked)] == [TEST_LOGIN]


def test_a_regisseur_who_handed_over_may_no_longer_withhold(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    from models.records import RegisseurChange

    household_id, person_id = dossier
    _make_regisseur(unlocked)
    with unlocked.store.sessions.begin() as session:
        other = service.add_medewerker(session, "Bas Hoekstra", "jeugd_gezinscoach")
        traject = service.load_dossier(session, household_id).traject
        assert traject is not None
        service.change_regisseur(session, traject.id, RegisseurChange(other, TODAY), today=TODAY)
    assert not avg.inzage_review(unlocked, person_id).may_withhold


def test_a_reason_and_a_toelichting_are_required(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _household_id, person_id = dossier
    _make_regisseur(unlocked)
    key = _withholdings(unlocked, person_id)[0].key
    for reason, toelichting, field, problem in (
        ("", TOELICHTING, "reason", Problem.REQUIRED),
        ("privacy_derde", "   ", "toelichting", Problem.REQUIRED),
        ("geheim", TOELICHTING, "reason", Problem.UNKNOWN_CODE),
        ("anders", "x" * 501, "toelichting", Problem.TOO_LONG),
    ):
        with pytest.raises(ValidationError) as refused:
            avg.inzage_document(
                unlocked, person_id, withheld=[Withholding(key, reason, toelichting)]
            )
        assert refused.value.problems == {field: problem}
    with pytest.raises(NotFound):  # not a passage of this inzage
        avg.inzage_document(
            unlocked,
            person_id,
            withheld=[Withholding(f"meldcode:{uuid.uuid4()}:signalen", "anders", "x")],
        )


def test_withheld_content_is_gone_from_the_pdf_and_json_and_the_export_is_logged(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    household_id, person_id = dossier
    _make_regisseur(unlocked)
    # without withholding, the family reads it all (so the test below can fail)
    full = avg.inzage_document(unlocked, person_id)
    full_text, full_json = _text(full.pdf), full.attachments[0].data.decode("utf-8")
    for hidden in HIDDEN:
        assert hidden in full_text or hidden in full_json, hidden

    withheld = _withholdings(unlocked, person_id)
    pdf, machine = avg.export_inzage(unlocked, person_id, tmp_path, withheld=withheld)
    text, raw = _text(pdf.read_bytes()), machine.read_text(encoding="utf-8")
    for hidden in (*HIDDEN, TOELICHTING, "Het onderzoek loopt nog."):
        assert hidden not in text, hidden
        assert hidden not in raw, hidden
    assert PRIVACY in text and CHILD in text
    # what was not withheld stays, the taxatie's conclusion too
    assert CONVERSATION in text and "Structureel." in text
    assert "Veiligheid nu onveilig" in text and "Risico komende periode hoog" in text

    data = json.loads(raw)
    (procedure,) = data["meldcode"]
    assert procedure["signalen"] == {
        "datum": (TODAY - timedelta(days=30)).isoformat(),
        "achtergehouden": PRIVACY,
    }
    assert procedure["overleg"] == [{"achtergehouden": CHILD}]
    assert procedure["beslissing"] == {"achtergehouden": CHILD}
    assert procedure["gesprek"]["verslag"] == CONVERSATION
    assert [c["reden"] for c in procedure["correcties"]] == [CHILD]
    (risk,) = data["risicotaxaties"]
    assert (risk["veiligheid_nu"], risk["achtergehouden"]) == ("onveilig", PRIVACY)
    assert "onderbouwing" not in risk and "factoren" not in risk
    feedback = [w for w in data["wijzigingen"] if w["gegeven"] == "meldcode_procedure.vt_feedback"]
    assert feedback and all(w["was"] == w["werd"] == CHILD for w in feedback)

    # the EXPORT line counts them, in the signed chain; the table says what, why, who, when
    assert _exports(unlocked, household_id) == ["inzage-export (AVG), 4 passages achtergehouden"]
    with unlocked.store.sessions() as session:  # written through log_access: signed
        entry = session.scalars(
            select(AccessLogEntry).where(AccessLogEntry.action == AccessAction.EXPORT)
        ).one()
        assert (entry.login, entry.person_id) == (TEST_LOGIN, person_id)
        assert entry.signature and entry.entry_hash
    rows = _rows(unlocked)
    assert sorted((r.passage_key, r.reason, r.toelichting) for r in rows) == sorted(
        (w.key, w.reason, w.toelichting) for w in withheld
    )
    for row in rows:
        assert (row.household_id, row.person_id, row.created_by) == (
            household_id,
            person_id,
            TEST_LOGIN,
        )
        assert row.created_at.date() == date.today()
        stored = f"{row.passage_key} {row.reason} {row.toelichting}"
        assert not any(hidden in stored for hidden in HIDDEN)  # never a copy of the content


def test_a_withheld_meeting_case_keeps_only_its_meeting_outcome_and_safety_check(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    """The casusvraag, every note (the internal one too), what a decision says, and what
    the correction history kept of them: gone from the PDF and the JSON."""
    _household_id, person_id = dossier
    _make_regisseur(unlocked)
    secrets = (
        "Hoe krijgen we rust in huis?",
        CASE_NOTES.information,
        CASE_NOTES.internal_note,
        CASE_NOTES.conclusion,  # only in the correction history now
        CONCLUSION,
        "Risicotaxatie binnen twee weken.",
    )
    full = avg.inzage_document(unlocked, person_id)
    full_text, full_json = _text(full.pdf), full.attachments[0].data.decode("utf-8")
    for secret in secrets:
        assert secret in full_text and secret in full_json, secret

    passages = avg.inzage_review(unlocked, person_id).passages
    case = _passage(passages, PassageKind.OVERLEG, PassagePart.INHOUD)
    pdf, machine = avg.export_inzage(
        unlocked,
        person_id,
        tmp_path,
        withheld=(Withholding(case.key, "veiligheid_kind", "De vader mag dit niet lezen."),),
    )
    text, raw = _text(pdf.read_bytes()), machine.read_text(encoding="utf-8")
    for secret in secrets:
        assert secret not in text, secret
        assert secret not in raw, secret
    assert "Casuïstiekoverleg 1 van 09-10-2026" in text and CHILD in text
    (meeting,) = json.loads(raw)["overleggen"]
    assert meeting == {
        "overleg": 1,
        "soort": "casuistiek",
        "datum": "2026-10-09",
        "uitkomst": "besproken",
        "veiligheid_besproken": True,
        "achtergehouden": CHILD,
    }


def test_a_withheld_gezinsplan_version_keeps_only_its_version_dates_and_who_agreed(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    """Version 1's texts, goals, network and what its evaluation found are gone from the
    PDF, the JSON and the correction history; version 2 (not withheld) still shows its own."""
    _household_id, person_id = dossier
    _make_regisseur(unlocked)
    secrets = ("Eerste stappen gezet.", "deels behaald", "Aangemeld, nog geen afspraak.")
    full = avg.inzage_document(unlocked, person_id)
    full_text, full_json = _text(full.pdf), full.attachments[0].data.decode("utf-8")
    assert "Eerste stappen gezet." in full_text and "Eerste stappen gezet." in full_json
    assert "deels behaald" in full_text and "Aangemeld, nog geen afspraak." in full_json

    passages = [
        p
        for p in avg.inzage_review(unlocked, person_id).passages
        if p.kind is PassageKind.GEZINSPLAN
    ]
    first = next(p for p in passages if p.version == 1)
    pdf, machine = avg.export_inzage(
        unlocked,
        person_id,
        tmp_path,
        withheld=(Withholding(first.key, "veiligheid_kind", "Wat het kind zei blijft hier."),),
    )
    text, raw = _text(pdf.read_bytes()), machine.read_text(encoding="utf-8")
    for secret in secrets:
        assert secret not in text, secret
        assert secret not in raw, secret
    assert "Gezinsplan versie 1 van 02-11-2026" in text and CHILD in text
    second, withheld = json.loads(raw)["gezinsplan"]
    assert withheld == {
        "versie": 1,
        "gemaakt_op": "2026-11-02",
        "vastgesteld_op": "2026-11-10",
        "achtergehouden": CHILD,
    }
    assert second["versie"] == 2 and second["doelen"][0]["omschrijving"] == GOAL_MONEY


def test_the_withholdings_are_destroyed_with_the_dossier(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    household_id, person_id = dossier
    _make_regisseur(unlocked)
    avg.export_inzage(unlocked, person_id, tmp_path, withheld=_withholdings(unlocked, person_id))
    assert len(_rows(unlocked)) == 4
    avg.destroy(unlocked, household_id)
    assert _rows(unlocked) == []


def test_the_regisseur_withholds_in_the_review_dialog_then_previews_and_saves(
    qtbot: QtBot,
    unlocked: Unlocked,
    dossier: tuple[uuid.UUID, uuid.UUID],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    household_id, person_id = dossier
    _make_regisseur(unlocked)
    target = tmp_path / "inzage-elif.pdf"
    monkeypatch.setattr(files, "save_path", lambda *_args: target)
    controller = MainController(unlocked)
    qtbot.addWidget(controller.window)
    controller.window.show()
    widget = controller.open_household(household_id)
    assert widget is not None
    members = widget.section("members")
    assert isinstance(members, MembersSection)
    elif_row = next(
        row
        for row in range(members.table.rowCount())
        if members.table.item(row, 0).text() == "Elif Yılmaz"  # type: ignore[union-attr]
    )
    members.table.selectRow(elif_row)
    previewed: list[str] = []

    def withhold(dialog: InzageReviewDialog) -> None:
        assert dialog.windowTitle() == "Inzage controleren — Elif Yılmaz"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        row = dialog.rows[0]  # step 1: the signals
        assert row.passage.part is PassagePart.SIGNALEN
        assert not row.reason.isVisible()
        qtbot.mouseClick(row.withhold, Qt.MouseButton.LeftButton)
        assert row.reason.isVisible() and not ok.isEnabled()  # a reason and toelichting first
        assert dialog.status.isVisible()
        row.reason.setCurrentIndex(row.reason.findData("privacy_derde"))
        assert not ok.isEnabled()
        qtbot.keyClicks(row.toelichting, TOELICHTING)
        assert ok.isEnabled() and not dialog.status.isVisible()
        on_modal(PdfPreviewDialog, preview)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def preview(dialog: PdfPreviewDialog) -> None:
        previewed.append(dialog.windowTitle())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_modal(InzageReviewDialog, withhold)
    qtbot.mouseClick(members.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists())
    assert previewed
    text = _text(target.read_bytes())
    assert PRIVACY in text and REPORTER not in text
    assert ADVICE in text  # only what was ticked is withheld
    (row,) = _rows(unlocked)
    assert (row.reason, row.toelichting, row.person_id) == ("privacy_derde", TOELICHTING, person_id)
    assert _exports(unlocked, household_id) == ["inzage-export (AVG), 1 passage achtergehouden"]
    assert any("inzage-export staat klaar" in text for _kind, text in message_boxes.shown)


def test_someone_else_reads_the_list_and_cancelling_it_exports_nothing(
    qtbot: QtBot, unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    household_id, person_id = dossier
    review = avg.inzage_review(unlocked, person_id)
    dialog = InzageReviewDialog(review, load_codelists())
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.findChild(QLabel, "read-only")
    assert note is not None and note.isVisible()
    assert "Alleen de casusregisseur" in note.text()
    assert all(not row.withhold.isEnabled() for row in dialog.rows)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.close()

    window = QWidget()
    qtbot.addWidget(window)
    on_modal(
        InzageReviewDialog,
        lambda d: qtbot.mouseClick(
            d.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        ),
    )
    assert export_inzage(Ui(window, unlocked), person_id) is None
    assert _exports(unlocked, household_id) == [] and _rows(unlocked) == []


def test_the_report_itself_no_longer_holds_what_was_withheld(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    """Behind the markers: the typed report a PDF or JSON is made from has lost the content,
    so a report layout that forgets a marker still cannot print it."""
    from models.inzage import inzage_report
    from models.withholding import withhold

    _household_id, person_id = dossier
    withheld = _withholdings(unlocked, person_id)
    with unlocked.store.sessions() as session:
        report = inzage_report(session, person_id)
    stripped = withhold(report, withheld)
    for hidden in HIDDEN:
        assert hidden in repr(report), hidden
        assert hidden not in repr(stripped), hidden
    assert stripped.withheld == {w.key: w.reason for w in withheld}
    assert CONVERSATION in repr(stripped)
    assert [t.conclusion for t in stripped.taxaties] == [Safety.ONVEILIG]
