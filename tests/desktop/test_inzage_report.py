"""The AVG inzage report: the PDF read back (golden text, shipped font, pages, local time) and JSON."""

from __future__ import annotations

import io
import json
import os
import re
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.session import Unlocked
from desktop.usecases.avg import export_inzage, inzage_document
from models.access import household_log
from models.enums import MemberRole
from models.permissions import AccessAction
from tests.desktop.inzage_fixture import (
    CASE_NOTES,
    CONCLUSION,
    OTHER_NOTE,
    OTHER_QUESTION,
    full_dossier,
)
from tests.helpers import TODAY, register

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "inzage.txt"
MOMENT = re.compile(r"\b\d{2}-\d{2}-\d{4}\s+\d{2}:\d{2}\b")


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _normalised(pages: list[str]) -> str:
    """The text with moments that depend on when the test ran replaced (novelWriter style)."""
    lines = []
    for number, page in enumerate(pages, 1):
        lines.append(f"=== pagina {number} ===")
        lines += [MOMENT.sub("<moment>", line).rstrip() for line in page.splitlines()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def dossier(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    return full_dossier(unlocked)


def test_inzage_pdf_reads_as_the_golden_text(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], amsterdam_time: None
) -> None:
    _household_id, person_id = dossier
    document = inzage_document(unlocked, person_id, on=TODAY)
    text = _normalised(_pages(document.pdf))
    if os.environ.get("TEAMTAFEL_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_inzage_pdf_prints_every_name_in_the_shipped_font(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _household_id, person_id = dossier
    pdf = inzage_document(unlocked, person_id, on=TODAY).pdf
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts == {"DejaVuSans", "DejaVuSans-Bold"}
    text = " ".join(" ".join(_pages(pdf)).split())
    for name in ("Elif Yılmaz", "Lan Nguyễn Thị", "Emre Çelik", "Zoë van 't Hart", "Yılmaz-Nguyễn"):
        assert name in text
    pages = _pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert "Vertrouwelijk" in page
        assert f"pagina {number} van {len(pages)}" in page


def test_inzage_pdf_shows_moments_in_local_time(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], amsterdam_time: None
) -> None:
    """The log holds 13:03 and 08:30 UTC; a Dutch family reads 14:03 and 09:30."""
    _household_id, person_id = dossier
    text = " ".join(" ".join(_pages(inzage_document(unlocked, person_id, on=TODAY).pdf)).split())
    assert "25-11-2026 14:03 anouk Dossier geopend" in text
    assert "24-11-2026 09:30 anouk Gewijzigd" in text
    assert "25 november 2026" in text  # the day it was made, in words


def test_the_inzage_holds_signs_of_safety_the_plan_and_where_it_was_escalated(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    """Elif's inzage: the household's Signs of Safety with the team's scale answer and her
    own (not Lan's, not Emre's), every plan version, and the opschaling with its target."""
    _household_id, person_id = dossier
    data = json.loads(inzage_document(unlocked, person_id, on=TODAY).attachments[0].data)
    (signs,) = data["signs_of_safety"]
    assert signs["wat_moet_er_gebeuren"].startswith("Een plek waar de kinderen heen kunnen")
    assert signs["veiligheidsschaal"] == [
        {"wie": "team", "naam": "", "score": 4},
        {"wie": "ouder", "naam": "Elif Yılmaz", "score": 6},
    ]
    (plan,) = data["veiligheidsplan"]
    assert (plan["versie"], plan["afgesproken_op"], plan["met_de_ouders"], plan["hoe"]) == (
        1,
        "2026-10-08",
        True,
        "huisbezoek",
    )
    assert [a["netwerk"] for a in plan["afspraken"]] == ["Oma Ayşe"]
    (traject,) = data["trajecten"]
    up = next(e for e in traject["verloop"] if e["soort"] == "opschalen")
    assert (up["naar"], up["reden"], up["verantwoordelijke"]) == (
        "veiligheidsteam",
        "Spanningen thuis lopen op.",
        "Anouk Verbeek",
    )


def test_inzage_json_keeps_its_keys_and_gives_moments_with_their_offset(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    _household_id, person_id = dossier
    document = inzage_document(unlocked, person_id, on=TODAY)
    (attachment,) = document.attachments
    data = json.loads(attachment.data.decode("utf-8"))
    assert "999990020" not in attachment.data.decode("utf-8")  # Lan's corrected BSN: hers
    assert list(data) == [
        "persoon",
        "huishouden",
        "trajecten",
        "contactmomenten",
        "toestemmingen",
        "zrm_metingen",
        "meldcode",
        "signs_of_safety",
        "veiligheidsplan",
        "gezinsplan",
        "acties",
        "overleggen",
        "wijzigingen",
        "inzage_in_dossier",
    ]
    person = data["persoon"]
    assert list(person) == [
        "voornaam",
        "tussenvoegsel",
        "achternaam",
        "geboortedatum",
        "rol",
        "bsn",
        "vastgelegd_op",
        "vastgelegd_door",
        "gezag",
        "woont_elders",
        "adres",
        "adres_afgeschermd",
    ]
    assert (person["achternaam"], person["geboortedatum"], person["rol"]) == (
        "Yılmaz",
        "1990-03-05",
        "ouder",
    )
    assert person["vastgelegd_op"].endswith("+00:00")
    (measurement,) = data["zrm_metingen"]
    assert (measurement["volledig"], measurement["domeinen_gescoord"]) == (False, "3 van 13")
    household = data["huishouden"]
    assert household["adres"] == "Kastanjelaan 12"
    assert household["gezinsleden"] == [
        "Lan Nguyễn Thị",
        "Elif Yılmaz",
        "Emre Çelik",
        "Zoë van 't Hart",
    ]
    (traject,) = data["trajecten"]
    assert list(traject) == [
        "aanmelddatum",
        "herkomst",
        "vraag",
        "fase",
        "aard",
        "ernst",
        "urgentie",
        "afgesloten_op",
        "afsluitreden",
        "regisseurs",
        "verloop",
    ]
    assert traject["fase"] == "vraagverheldering" and traject["aanmelddatum"] == "2026-09-01"
    assert traject["regisseurs"] == [{"naam": "Anouk Verbeek", "van": "2026-09-01", "tot": None}]
    assert [e["soort"] for e in traject["verloop"]] == ["aangemeld", "fase", "opschalen"]
    assert data["contactmomenten"] == [
        {
            "datum": "2026-10-02",
            "soort": "huisbezoek",
            "medewerker": "",
            "notitie": "Gesproken met Elif en Lan.",
        }
    ]
    assert {c["organisatie"]: c["betreft"] for c in data["toestemmingen"]} == {
        "Huisarts Jansen": "Elif Yılmaz",
        "School De Linde": "het hele huishouden",
    }
    (measurement,) = data["zrm_metingen"]
    assert measurement["instrument"] == "zrm 2017" and measurement["volledig"] is False
    assert measurement["scores"]["financien"] == {
        "niveau": 2,
        "niet_beoordeeld": False,
        "doel": 4,
        "opmerking": "Schulden bij drie schuldeisers.",
    }
    assert {
        "gegeven": "person.date_of_birth",
        "was": "1990-03-04",
        "werd": "1990-03-05",
    }.items() <= (
        next(w for w in data["wijzigingen"] if w["gegeven"] == "person.date_of_birth").items()
    )
    assert data["inzage_in_dossier"][0] == {
        "wanneer": "2026-11-25T13:03:00+00:00",
        "door": "anouk",
        "handeling": "open",
    }


def test_building_the_inzage_writes_and_logs_nothing_saving_it_does(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    household_id, person_id = dossier
    document = inzage_document(unlocked, person_id)
    assert document.action is AccessAction.EXPORT and document.household_ids == (household_id,)
    assert re.fullmatch(r"inzage-\d{4}-\d{5}-[0-9a-f]{8}\.pdf", document.file_name)
    with unlocked.store.sessions() as session:
        assert AccessAction.EXPORT not in [
            line.action for line in household_log(session, household_id)
        ]
    pdf, machine = export_inzage(unlocked, person_id, tmp_path / "uit")
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == sorted([pdf.name, machine.name])
    for path in (pdf, machine):
        assert path.stat().st_mode & 0o777 == 0o600
    assert machine.suffix == ".json" and pdf.read_bytes().startswith(b"%PDF")
    with unlocked.store.sessions() as session:
        lines = household_log(session, household_id)
    assert [line.action for line in lines].count(AccessAction.EXPORT) == 1
    assert lines[0].action is AccessAction.EXPORT and lines[0].detail == "inzage-export (AVG)"


def test_the_inzage_holds_no_other_members_corrections(unlocked: Unlocked) -> None:
    """Regression: the correction history of the whole household went into one person's export."""
    from models import households as households_service
    from models.inzage import inzage_report
    from models.records import HouseholdDraft, PersonDraft

    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
        lan = households_service.add_member(
            session, household_id, PersonDraft("Lan", "Nguyễn Thị", MemberRole.OUDER)
        )
        minh = households_service.add_member(
            session, household_id, PersonDraft("Minh", "Nguyễn", MemberRole.KIND)
        )
    with unlocked.store.sessions.begin() as session:
        households_service.update_member(
            session, minh, PersonDraft("Minh", "Nguyễn", MemberRole.KIND, bsn="999999990")
        )
        households_service.update_member(
            session, lan, PersonDraft("Lan", "Nguyễn Thị", MemberRole.OUDER, infix="")
        )
        households_service.update_household(
            session, household_id, HouseholdDraft("Nguyễn", street="Lindelaan")
        )
    with unlocked.store.sessions() as session:
        report = inzage_report(session, lan)
        other = inzage_report(session, minh)
    values = {(c.table_name, c.field, c.new_value) for c in report.changes}
    assert ("household", "street", "Lindelaan") in values  # the household's own facts
    assert not any("999999990" in (c.old_value + c.new_value) for c in report.changes)
    assert any(c.new_value == "999999990" for c in other.changes)  # Minh sees his own


def _exported_text(unlocked: Unlocked, person_id: uuid.UUID, folder: Path) -> str:
    """Everything one inzage export holds, as written to disk: the PDF's text and the JSON."""
    pdf, machine = export_inzage(unlocked, person_id, folder)
    return " ".join(_pages(pdf.read_bytes())) + "\n" + machine.read_text(encoding="utf-8")


def test_one_adults_export_holds_neither_bsn_of_the_other_adult(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    """Issue 9: Anna's old and new BSN appeared in Bert's export (history chosen by household)."""
    from desktop.usecases import households
    from models.records import PersonDraft

    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
    for first in ("Anna", "Bert"):
        households.add_member(
            unlocked, household_id, PersonDraft(first, "Bakker", MemberRole.OUDER)
        )
    anna, bert = (m.id for m in households.dossier(unlocked, household_id).members)
    for bsn in ("999990019", "999990020"):  # registered, then corrected
        households.update_member(
            unlocked, anna, PersonDraft("Anna", "Bakker", MemberRole.OUDER, bsn=bsn)
        )
    assert "999990020" in _exported_text(unlocked, anna, tmp_path / "anna")  # her own
    text = _exported_text(unlocked, bert, tmp_path / "bert")
    assert "999990019" not in text and "999990020" not in text


def test_removals_show_in_the_inzage_of_those_they_concern(
    unlocked: Unlocked, tmp_path: Path
) -> None:
    """A removed consent, contact or ZRM is kept in the history of whom it was about; a
    removed member is in no one else's inzage, not even by name."""
    from datetime import date

    from desktop.usecases import consents, contacts, households, zrm
    from models.enums import ContactKind
    from models.records import ConsentDraft, ContactDraft, MeasurementDraft, PersonDraft, ScoreDraft
    from tests.helpers import organisation

    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Bakker")
        huisarts = organisation(session, "Huisarts Jansen", "huisarts")
        school = organisation(session, "School De Linde", "school")
    for first, bsn in (("Anna", "999990019"), ("Bert", "")):
        households.add_member(
            unlocked, household_id, PersonDraft(first, "Bakker", MemberRole.OUDER, bsn=bsn)
        )
    anna, bert = (m.id for m in households.dossier(unlocked, household_id).members)
    consents.add_consent(
        unlocked, household_id, ConsentDraft(huisarts, TODAY, "medisch", "A.", person_id=anna)
    )
    consents.add_consent(unlocked, household_id, ConsentDraft(school, TODAY, "school", "B."))
    contacts.add_contact(
        unlocked, household_id, ContactDraft(TODAY, ContactKind.HUISBEZOEK, "Eerste bezoek.")
    )
    zrm.score(
        unlocked,
        anna,
        MeasurementDraft("zrm", "2017", date(2026, 10, 2), "Anouk", (ScoreDraft("financien", 2),)),
    )
    dossier = households.dossier(unlocked, household_id)
    for consent in dossier.consents:
        consents.remove_consent(unlocked, consent.id)
    contacts.remove_contact(unlocked, dossier.contacts[0].id)
    zrm.remove(unlocked, zrm.history(unlocked, anna).records[0].id)

    def removed(person_id: uuid.UUID) -> dict[str, dict[str, str]]:
        data = json.loads(inzage_document(unlocked, person_id).attachments[0].data)
        return {w["gegeven"]: w["was"] for w in data["wijzigingen"] if w["gegeven"].endswith(")")}

    assert set(removed(anna)) == {
        "consent.(verwijderd)",
        "contact.(verwijderd)",
        "measurement.(verwijderd)",
    }
    assert removed(anna)["measurement.(verwijderd)"]["measured_on"] == "2026-10-02"
    bert_sees = removed(bert)
    assert set(bert_sees) == {"consent.(verwijderd)", "contact.(verwijderd)"}
    assert bert_sees["consent.(verwijderd)"]["organisation"] == "School De Linde"  # the household's
    assert not any(key.endswith("_id") for was in bert_sees.values() for key in was)
    pdf_text = " ".join(" ".join(_pages(inzage_document(unlocked, bert).pdf)).split())
    assert "Contactmoment: verwijderd" in pdf_text and "toelichting: Eerste bezoek." in pdf_text

    households.remove_member(unlocked, anna)
    text = _exported_text(unlocked, bert, tmp_path / "bert")
    assert "Anna" not in text and "999990019" not in text and "Huisarts" not in text


def test_the_inzage_holds_the_households_own_case_in_a_meeting_and_no_other(
    unlocked: Unlocked, dossier: tuple[uuid.UUID, uuid.UUID]
) -> None:
    """The casusvraag, the notes with the internal note, the decision and its correction are
    there; the other household on the same agenda is not, in the PDF nor in the JSON."""
    _household_id, person_id = dossier
    document = inzage_document(unlocked, person_id, on=TODAY)
    text = " ".join(" ".join(_pages(document.pdf)).split())
    raw = document.attachments[0].data.decode("utf-8")
    (case,) = json.loads(raw)["overleggen"]
    assert (case["overleg"], case["datum"], case["casusvraag"]) == (
        1,
        "2026-10-09",
        "Hoe krijgen we rust in huis?",
    )
    assert case["interne_notitie"] == CASE_NOTES.internal_note
    assert case["advies_conclusie"] == CONCLUSION
    assert [(d["soort"], d["tekst"]) for d in case["besluiten"]] == [
        ("taxatie", "Risicotaxatie binnen twee weken.")
    ]
    for shown in (CASE_NOTES.internal_note, CONCLUSION, "Casuïstiekoverleg 1 van 09-10-2026"):
        assert shown in text, shown
    corrected = [
        w for w in json.loads(raw)["wijzigingen"] if w["gegeven"] == "agenda_item.conclusion"
    ]
    assert [(w["was"], w["werd"]) for w in corrected][-1] == (CASE_NOTES.conclusion, CONCLUSION)
    for other in (OTHER_QUESTION, OTHER_NOTE, "Bakker"):
        assert other not in text and other not in raw, other


def test_a_shielded_household_address_stays_out_of_the_inzage_of_a_member_living_elsewhere(
    unlocked: Unlocked,
) -> None:
    """Lan and the children live in a shelter (her address afgeschermd); Minh, the father with
    gezag, lives elsewhere: his inzage shows his own address, never theirs, nor its
    corrections. Lan's own inzage shows her household's address."""
    from models import households as service
    from models.records import HouseholdDraft, PersonDraft

    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Nguyễn")
        lan = service.add_member(
            session,
            household_id,
            PersonDraft("Lan", "Nguyễn", MemberRole.OUDER, gezag=True, address_shielded=True),
            today=TODAY,
        )
        minh = service.add_member(
            session,
            household_id,
            PersonDraft(
                "Minh",
                "Trần",
                MemberRole.OUDER,
                gezag=True,
                lives_elsewhere=True,
                address="Dorpsstraat 4, Zwolle",
            ),
            today=TODAY,
        )
        service.update_household(
            session,
            household_id,
            HouseholdDraft("Nguyễn", street="Opvangweg", house_number="1", postcode="9999 ZZ"),
        )
    his = inzage_document(unlocked, minh, on=TODAY)
    text = " ".join(" ".join(_pages(his.pdf)).split())
    raw = his.attachments[0].data.decode("utf-8")
    for shielded in ("Opvangweg", "Kastanjelaan", "9999 ZZ", "1234 AB"):
        assert shielded not in text and shielded not in raw, shielded
    assert "Adres afgeschermd (niet in dit overzicht)" in text
    assert "Dorpsstraat 4, Zwolle" in text  # his own
    assert json.loads(raw)["huishouden"]["adres_afgeschermd"] is True
    hers = " ".join(" ".join(_pages(inzage_document(unlocked, lan, on=TODAY).pdf)).split())
    assert "Opvangweg 1" in hers
