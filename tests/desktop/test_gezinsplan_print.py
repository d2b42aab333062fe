"""The printed gezinsplan: the family's copy and a partner's, read back from the PDF; what
never is in it; versions that read the same ever after; a stress plan; ``print gezinsplan``."""

from __future__ import annotations

import io
import os
import re
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.cli import ENV_LOGIN, main
from desktop.presenters.gezinsplan_print import print_plan
from desktop.session import Unlocked, unlock
from desktop.usecases import households
from desktop.usecases.gezinsplan_print import PlanNotPrinted, plan_document
from desktop.usecases.printing import consent_gaps, save_document
from models import gezinsplan as plans
from models import households as household_service
from models import meldcode, taxatie
from models.afwegingskader import (
    ConsultationDraft,
    ConsultationKind,
    StartDraft,
    VictimKind,
    ViolenceForm,
)
from models.entities import Household
from models.enums import ActionOwner, FactorAnswer, MemberRole, Risk, Safety
from models.gezinsplan_records import (
    EvaluationDraft,
    GezinsplanDraft,
    GoalDraft,
    GoalOutcome,
    GoalResultDraft,
    PartnerDraft,
    PartyDraft,
)
from models.permissions import AccessAction, Actor, Role
from models.records import ActionDraft, FactorDraft, PersonDraft, TaxatieDraft
from tests.conftest import MessageBoxes
from tests.desktop.gezinsplan_fixture import (
    ELSEWHERE,
    GGZ,
    MADE,
    SCHOOL,
    Family,
    family,
    written_plan,
)
from tests.desktop.modal import on_modal
from tests.helpers import TEST_LOGIN, TEST_PASSWORD, TODAY, organisation
from views import files
from views.pdf_preview import PdfPreviewDialog

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "gezinsplan.txt"
TAXATIE_TEXT = "Blauwe plekken op de armen van Zoë gezien"
SIGNALS = "Juf zag striemen op de rug van Emre"
VT_ADVICE = "Advies: een melding doen bij Veilig Thuis"
# what never reads in a family's plan: instrument and item codes, enum values, code lists
CODES = re.compile(
    r"\b(zrm|financien|niet_behaald|deels|behaald|jeugd_gezinscoach|afspraakwijze|"
    r"ActionStatus|GoalOutcome|MemberRole|GoalChange|None|True|False|gezinsplan_\w+)\b"
)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(_pages(pdf)).split())


def _normalised(pages: list[str]) -> str:
    lines = []
    for number, page in enumerate(pages, 1):
        lines.append(f"=== pagina {number} ===")
        lines += [line.rstrip() for line in page.splitlines()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def settled(unlocked: Unlocked) -> Family:
    with unlocked.store.sessions.begin() as session:
        return written_plan(session, family(session))


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


def test_the_family_plan_holds_goals_owners_dates_and_signature_lines(
    unlocked: Unlocked, settled: Family, tmp_path: Path
) -> None:
    document = plan_document(unlocked, settled.household, today=TODAY)
    text = _text(document.pdf)
    assert "Gezinsplan van het gezin Yılmaz" in text
    assert "Vastgesteld op 25 november 2026" in text and "Versie 1" in text
    assert "Jullie regisseur Nguyễn Thị Lan" in text
    assert "06-12345678, op maandag, dinsdag en donderdag" in text
    assert "Kastanjelaan 12, 1234 AB Voorbeeldstad" in text
    assert f"woont ergens anders: {ELSEWHERE}" in text  # Hasan, with gezag
    for words in (
        "Doel 1: Schulden op een rij",
        "Doel 2: Emre gaat elke dag naar school",
        "Aanmelden bij schuldhulp Nguyễn Thị Lan 09-12-2026 Nog doen",
        "Post openen met oma Ayşe (oma) 02-12-2026",
        "Wekker zetten Elif Yılmaz 28-11-2026",
        "Gaat over Geldzaken",
        "Hoe gaat het nu 2 van de 5",
        "Waar willen we naartoe 4 van de 5",
        "Ayşe oma Helpt met de post",
        GGZ,
        "Jan de Wit",
        "Als de ruzie te hoog oploopt",
        "Deniz Yılmaz wordt 18 op 2 februari 2027",
        "25 januari 2027",
        "Jullie wilden dat niet.",
        "Zoë: ik wil dat er minder ruzie is.",
    ):
        assert words in text, words
    # a signature line for each who must agree (both parents with gezag, Zoë 14, Deniz 17)
    # and the regisseur
    for signer in ("Elif Yılmaz", "Hasan Yılmaz", "Zoë van 't Hart", "Deniz Yılmaz"):
        assert f"{signer} Akkoord gegeven op 25 november 2026, bij een huisbezoek." in text
    assert "Nguyễn Thị Lan, regisseur" in text
    assert text.count("Handtekening Datum") == 5
    # the chart: only Elif agreed to hers
    assert "Hoe gaat het nu, en waar willen we naartoe?" in text
    pages = _pages(document.pdf)
    for number, page in enumerate(pages, 1):
        assert "Vertrouwelijk" in page and f"pagina {number} van {len(pages)}" in page
    assert not CODES.search(text), CODES.search(text)
    # saving logs PRINT under the household; the file name holds no name
    assert document.file_name == f"gezinsplan-{_number(unlocked, settled.household)}-versie-1.pdf"
    save_document(unlocked, document, tmp_path / "plan.pdf")
    assert _prints(unlocked, settled.household) == ["gezinsplan versie 1"]


def test_the_family_plan_reads_as_the_golden_text(unlocked: Unlocked, settled: Family) -> None:
    document = plan_document(unlocked, settled.household, today=TODAY)
    text = _normalised(_pages(document.pdf))
    if os.environ.get("TEAMTAFEL_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_no_taxatie_meldcode_or_veilig_thuis_in_the_family_plan(
    unlocked: Unlocked, settled: Family
) -> None:
    author = Actor(uuid.uuid4(), "anouk", "Anouk Verbeek", Role.MEDEWERKER)
    with unlocked.store.sessions.begin() as session:
        factors = tuple(
            FactorDraft(f.code, FactorAnswer.AANWEZIG) for f in taxatie.instrument().factors
        )
        taxatie.submit(
            session,
            settled.household,
            TaxatieDraft(settled.zoe, TODAY, factors, Safety.ONVEILIG, Risk.HOOG, TAXATIE_TEXT),
            author,
            today=TODAY,
        )
        procedure = meldcode.start_procedure(
            session,
            settled.household,
            StartDraft(
                ViolenceForm.KINDERMISHANDELING,
                VictimKind.KIND,
                TODAY,
                "juf Marloes",
                SIGNALS,
                victim_id=settled.emre,
            ),
            today=TODAY,
        )
        meldcode.add_consultation(
            session,
            procedure,
            ConsultationDraft(
                ConsultationKind.VEILIG_THUIS, TODAY, "Anouk", "Veilig Thuis", advice=VT_ADVICE
            ),
            today=TODAY,
        )
    text = _text(plan_document(unlocked, settled.household, today=TODAY).pdf)
    for never in (
        TAXATIE_TEXT,
        SIGNALS,
        VT_ADVICE,
        "Veilig Thuis",
        "taxatie",
        "meldcode",
        "onveilig",
        "Onveilig",
        "kindermishandeling",
    ):
        assert never not in text, never
    assert not CODES.search(text)


def test_a_held_evaluation_reads_in_plain_words(unlocked: Unlocked, settled: Family) -> None:
    with unlocked.store.sessions.begin() as session:
        current = plans.plans(session, settled.household).current
        assert current is not None
        money, school = current.goals
        plans.record_evaluation(
            session,
            current.evaluations[0].id,
            EvaluationDraft(
                TODAY,
                "Goed gesprek met Elif en Hasan.",
                (
                    GoalResultDraft(money.key, GoalOutcome.NIET_BEHAALD, "Nog op de wachtlijst"),
                    GoalResultDraft(school.key, GoalOutcome.BEHAALD, "Elke dag", False),
                ),
            ),
            today=TODAY,
            by="lan",
        )
    text = _text(plan_document(unlocked, settled.household, today=TODAY).pdf)
    assert "Wat we zagen op 25 november 2026 Goed gesprek met Elif en Hasan." in text
    assert "Schulden op een rij Nog niet gelukt Nog op de wachtlijst Ja" in text
    assert "Emre gaat elke dag naar school Gelukt Elke dag Nee, klaar" in text
    assert not CODES.search(text)


def test_a_shielded_address_is_never_printed(unlocked: Unlocked) -> None:
    with unlocked.store.sessions.begin() as session:
        f = written_plan(session, family(session, hasan_shielded=True))
    text = _text(plan_document(unlocked, f.household, today=TODAY).pdf)
    assert "Dorpsstraat" not in text and "Zwolle" not in text
    assert "woont ergens anders (adres afgeschermd)" in text
    assert "Kastanjelaan" in text  # Hasan lives elsewhere: the home address still prints
    # a shielded member living in the household: the household's address is not printed
    with unlocked.store.sessions.begin() as session:
        household_service.add_member(
            session,
            f.household,
            PersonDraft(
                "Mira",
                "Yılmaz",
                MemberRole.OUDER,
                date_of_birth=date(1960, 1, 1),
                address_shielded=True,
            ),
            today=TODAY,
        )
    text = _text(plan_document(unlocked, f.household, today=TODAY).pdf)
    assert "Kastanjelaan" not in text and "1234 AB" not in text
    assert "Adres Adres afgeschermd" in text


def test_version_1_reads_the_same_after_version_2(unlocked: Unlocked, settled: Family) -> None:
    first = _pages(plan_document(unlocked, settled.household, today=TODAY).pdf)
    later = TODAY + timedelta(days=5)
    with unlocked.store.sessions.begin() as session:
        second = plans.new_version(session, settled.household, today=later)
        concept = plans.plans(session, settled.household).concept
        assert concept is not None
        goal = concept.goals[0]
        plans.update_goal(
            session, goal.id, GoalDraft("Schulden op een rij en een budget", goal.draft.member_ids)
        )
    concept_text = _text(plan_document(unlocked, settled.household, 2, today=later).pdf)
    assert "Concept: dit plan is nog niet vastgesteld" in concept_text
    assert "Veranderd in deze versie" in concept_text
    with unlocked.store.sessions.begin() as session:
        plans.set_parties(
            session,
            second,
            [
                PartyDraft(r.person_id, later, "gesprek")
                for r in plans.required_parties(session, second, later)
            ],
            today=later,
        )
        plans.settle(session, second, later, today=later, by="lan")
    again = _pages(plan_document(unlocked, settled.household, 1, today=TODAY).pdf)
    assert again == first
    current = _text(plan_document(unlocked, settled.household, today=later).pdf)
    assert "Versie 2" in current and "Schulden op een rij en een budget" in current


def test_a_partner_copy_needs_the_households_consent(unlocked: Unlocked, settled: Family) -> None:
    document = plan_document(
        unlocked, settled.household, recipient="ggz voorbeeldstad", today=TODAY
    )
    assert document.recipient is not None and document.recipient.name == GGZ
    assert consent_gaps(unlocked, document, TODAY) == []
    text = _text(document.pdf)
    assert f"Deze kopie is voor {GGZ}" in text and "Handtekening" not in text
    assert document.file_name.endswith("-ggz-voorbeeldstad.pdf")
    with pytest.raises(PlanNotPrinted) as refused:
        plan_document(unlocked, settled.household, recipient=SCHOOL, today=TODAY)
    assert "geen geldige toestemming" in str(refused.value) and SCHOOL in str(refused.value)
    with pytest.raises(PlanNotPrinted) as unknown:
        plan_document(unlocked, settled.household, recipient="Onbekend Bureau", today=TODAY)
    assert "Onbekende organisatie: Onbekend Bureau" in str(unknown.value)


def test_no_plan_or_no_such_version_is_said_in_dutch(unlocked: Unlocked, settled: Family) -> None:
    with unlocked.store.sessions.begin() as session:
        other = family(session)  # no plan yet
    with pytest.raises(PlanNotPrinted) as none:
        plan_document(unlocked, other.household, today=TODAY)
    assert str(none.value) == "Dit huishouden heeft nog geen gezinsplan."
    with pytest.raises(PlanNotPrinted) as missing:
        plan_document(unlocked, settled.household, 4, today=TODAY)
    assert str(missing.value) == "Het gezinsplan heeft geen versie 4; er is versie 1."


LONG = (
    "Dit is een lange tekst zoals een regisseur die soms schrijft, met veel uitleg over wat "
    "er speelt en wat het gezin wil bereiken in de komende maanden. "
) * 6


def stress_plan(unlocked: Unlocked) -> Family:
    """15 goals (two of them with a measured domain), 62 actions, long texts; a concept."""
    with unlocked.store.sessions.begin() as session:
        f = written_plan(session, family(session), settle=False)
        concept = plans.plans(session, f.household).concept
        assert concept is not None
        plans.update_plan(
            session,
            f.plan,
            GezinsplanDraft(MADE, situation=LONG, question=LONG, concerns=LONG, reach="06-1"),
            today=TODAY,
        )
        for n in range(13):
            goal = plans.add_goal(
                session,
                f.plan,
                GoalDraft(f"Stressdoel {n + 3}: {LONG[:160]}", (f.elif_, f.zoe)),
            )
            for k in range(5 if n < 11 else 2):
                plans.add_goal_action(
                    session,
                    goal,
                    ActionDraft(
                        f"Actie {k + 1} van doel {n + 3}: {LONG[:120]}",
                        ActionOwner.MEDEWERKER,
                        TODAY + timedelta(days=7 * (k + 1)),
                        medewerker_id=f.lan,
                    ),
                    today=TODAY,
                )
        newest = plans.plans(session, f.household).newest
        assert newest is not None
        assert len(newest.goals) == 15 and sum(len(g.actions) for g in newest.goals) == 3 + 59
    return f


def test_a_stress_plan_breaks_cleanly_with_every_goal(unlocked: Unlocked) -> None:
    f = stress_plan(unlocked)
    pdf = plan_document(unlocked, f.household, today=TODAY).pdf
    pages = _pages(pdf)
    text = _text(pdf)
    assert len(pages) > 5
    assert "Doel 1: Schulden op een rij" in text
    for n in range(3, 16):
        assert f"Doel {n}: Stressdoel {n}:" in text, n
    for number, page in enumerate(pages, 1):
        assert f"pagina {number} van {len(pages)}" in page


def test_print_plan_previews_saves_and_says_why_not(
    qtbot: QtBot,
    unlocked: Unlocked,
    settled: Family,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "uit" / "gezinsplan.pdf"
    monkeypatch.setattr(files, "save_path", lambda *_args: target)
    shown: list[str] = []

    def save(dialog: PdfPreviewDialog) -> None:
        shown.append(dialog.windowTitle())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_modal(PdfPreviewDialog, save)
    assert print_plan(None, unlocked, settled.household, None) == target
    assert shown and "Gezinsplan versie 1" in shown[0] and "Yılmaz" not in shown[0]
    assert "Doel 1: Schulden op een rij" in _text(target.read_bytes())
    assert _prints(unlocked, settled.household) == ["gezinsplan versie 1"]
    assert print_plan(None, unlocked, settled.household, 7) is None
    assert print_plan(None, unlocked, settled.household, None, recipient=SCHOOL) is None
    said = message_boxes.texts()
    assert said[0] == "Het gezinsplan heeft geen versie 7; er is versie 1."
    assert "geen geldige toestemming" in said[1]
    assert _prints(unlocked, settled.household) == ["gezinsplan versie 1"]


def _verb(
    db: Path, *args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setenv(ENV_LOGIN, TEST_LOGIN)
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEST_PASSWORD + "\n"))
    code = main(["--db", str(db), "--wachtwoord-stdin", "print", "gezinsplan", *args])
    return code, capsys.readouterr().err


def test_print_gezinsplan_one_and_a_batch(
    unlocked: Unlocked,
    settled: Family,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with unlocked.store.sessions.begin() as session:
        other = written_plan(session, family(session))
    first, second = (_number(unlocked, h) for h in (settled.household, other.household))
    unlocked.close()
    out = tmp_path / "plan.pdf"
    code, err = _verb(
        db_path, "--dossier", first, "--out", str(out), monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0, err
    assert (out.stat().st_mode & 0o777) == 0o600
    assert "Doel 1: Schulden op een rij" in _text(out.read_bytes())
    assert "Yılmaz" not in err  # numbers only, no names
    folder = tmp_path / "huisbezoeken"
    folder.mkdir()
    code, err = _verb(
        db_path,
        "--dossier",
        first,
        "--dossier",
        second,
        "--out",
        str(folder),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"gezinsplan-{first}-versie-1.pdf", f"gezinsplan-{second}-versie-1.pdf"]
    )
    code, err = _verb(
        db_path,
        "--dossier",
        first,
        "--out",
        str(tmp_path / "p1.pdf"),
        "--versie",
        "1",
        "--extern",
        GGZ,
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, err
    assert f"Deze kopie is voor {GGZ}" in _text((tmp_path / "p1.pdf").read_bytes())
    check = unlock(db_path, TEST_LOGIN, TEST_PASSWORD)
    try:
        assert sorted(_prints(check, settled.household)) == [
            "gezinsplan versie 1",
            "gezinsplan versie 1",
            f"gezinsplan versie 1 voor {GGZ}",
        ]
        assert _prints(check, other.household) == ["gezinsplan versie 1"]
    finally:
        check.close()


def test_print_gezinsplan_refuses_in_dutch(
    unlocked: Unlocked,
    settled: Family,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with unlocked.store.sessions.begin() as session:
        empty = family(session)
    first, none = _number(unlocked, settled.household), _number(unlocked, empty.household)
    unlocked.close()
    out = tmp_path / "plan.pdf"
    afile = tmp_path / "bestaat.pdf"
    afile.write_bytes(b"")
    for args, said in (
        (("--dossier", "X-999"), "onbekend dossier: X-999"),
        (("--dossier", none), f"{none}: dit huishouden heeft nog geen gezinsplan"),
        (("--dossier", first, "--versie", "3"), "geen versie 3; er is versie 1"),
        (("--dossier", first, "--extern", SCHOOL), "geen geldige toestemming"),
        (("--dossier", first, "--extern", "Onbekend Bureau"), "onbekende organisatie"),
    ):
        code, err = _verb(db_path, *args, "--out", str(out), monkeypatch=monkeypatch, capsys=capsys)
        assert code == 2 and said in err, err
        assert not out.exists()
    code, err = _verb(
        db_path,
        "--dossier",
        first,
        "--dossier",
        none,
        "--out",
        str(afile),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 2 and "een map" in err, err
    # a batch with one bad dossier prints nothing at all
    folder = tmp_path / "map"
    code, err = _verb(
        db_path,
        "--dossier",
        first,
        "--dossier",
        none,
        "--out",
        str(folder),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 2 and none in err
    assert not folder.exists() or not list(folder.iterdir())


def test_veilig_thuis_never_appears_as_an_organisation_or_an_owner(
    unlocked: Unlocked, settled: Family
) -> None:
    """Veilig Thuis in the plan (an organisation involved, the owner of an action) stays in the
    team's dossier: the family's printout leaves both out, and keeps the rest of the goal."""
    with unlocked.store.sessions.begin() as session:
        vt = organisation(session, "Veilig Thuis Regio Test", "veilig_thuis")
        concept = plans.new_version(session, settled.household, today=TODAY)
        plans.add_partner(session, concept, PartnerDraft(vt, role="Onderzoek na de melding"))
        goal = plans.plans(session, settled.household).concept.goals[0]  # type: ignore[union-attr]
        plans.add_goal_action(
            session,
            goal.id,
            ActionDraft(
                "Terugkoppeling over het onderzoek",
                ActionOwner.ORGANISATIE,
                TODAY + timedelta(days=7),
                organisation_id=vt,
            ),
            today=TODAY,
        )
    text = _text(plan_document(unlocked, settled.household, 2, today=TODAY).pdf)
    assert "Veilig Thuis" not in text
    assert "Terugkoppeling over het onderzoek" not in text
    assert "Onderzoek na de melding" not in text
    assert "Aanmelden bij schuldhulp" in text  # the goal's other actions are all there
