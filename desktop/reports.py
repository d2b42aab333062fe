"""PDF documents with reportlab platypus. For now: the AVG inzage export."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


@cache
def _fonts() -> tuple[str, str]:
    """DejaVu Sans where the system has it (all Dutch and Turkish letters), else Vera."""
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("TT", str(regular)))
            pdfmetrics.registerFont(TTFont("TT-Bold", str(bold)))
            return "TT", "TT-Bold"
    pdfmetrics.registerFont(TTFont("TT", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("TT-Bold", "VeraBd.ttf"))
    return "TT", "TT-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle(
            "title", parent=base["Title"], fontName=bold, fontSize=18, alignment=0
        ),
        "h2": ParagraphStyle(
            "h2", parent=base["Heading2"], fontName=bold, fontSize=12, spaceBefore=10
        ),
        "body": ParagraphStyle(
            "body", parent=base["BodyText"], fontName=regular, fontSize=9.5, leading=12
        ),
        "cell": ParagraphStyle(
            "cell", parent=base["BodyText"], fontName=regular, fontSize=8.5, leading=10.5
        ),
    }


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value) or "—"
    return str(value)


def _table(
    rows: list[dict[str, Any]], styles: dict[str, ParagraphStyle], width: float
) -> Table | Paragraph:
    if not rows:
        return Paragraph("Niets vastgelegd.", styles["body"])
    headers = list(rows[0])
    data = [[Paragraph(f"<b>{escape(h.replace('_', ' '))}</b>", styles["cell"]) for h in headers]]
    data += [
        [Paragraph(escape(_text(row.get(h))), styles["cell"]) for h in headers] for row in rows
    ]
    table = Table(data, colWidths=[width / len(headers)] * len(headers), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0b8c4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _fields(values: dict[str, Any], styles: dict[str, ParagraphStyle]) -> Table:
    data = [
        [
            Paragraph(f"<b>{escape(k.replace('_', ' '))}</b>", styles["cell"]),
            Paragraph(escape(_text(v)), styles["cell"]),
        ]
        for k, v in values.items()
    ]
    table = Table(data, colWidths=[45 * mm, 125 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
            ]
        )
    )
    return table


SECTIONS = (
    ("contactmomenten", "Contactmomenten"),
    ("toestemmingen", "Toestemmingen"),
    ("wijzigingen", "Wijzigingen (correctiegeschiedenis)"),
    ("inzage_in_dossier", "Wie heeft het dossier ingezien of gewijzigd?"),
)


def _day(value: str | None) -> str | None:
    """ISO date or timestamp to Dutch writing: 2026-11-25T10:04 -> 25-11-2026 10:04."""
    if not value:
        return value
    day = f"{value[8:10]}-{value[5:7]}-{value[0:4]}"
    return f"{day} {value[11:16]}" if len(value) > 10 else day


def present_inzage(data: dict[str, Any]) -> dict[str, Any]:
    """Codes to words and ISO dates to Dutch ones: the family reads the PDF, not the JSON."""
    from models.codelists import load_codelists
    from models.enums import ContactKind, EventKind, MemberRole, Phase
    from models.permissions import AccessAction
    from views.labels import ACCESS_ACTION, CONTACT_KIND, EVENT_KIND, PHASE, ROLE

    codes = load_codelists()
    person = dict(data["persoon"])
    person.update(
        geboortedatum=_day(person["geboortedatum"]),
        rol=ROLE[MemberRole(person["rol"])],
        vastgelegd_op=_day(person["vastgelegd_op"]),
    )
    trajecten = [
        {
            **t,
            "aanmelddatum": _day(t["aanmelddatum"]),
            "herkomst": codes.label("herkomst", t["herkomst"]),
            "fase": PHASE[Phase(t["fase"])],
            "aard": codes.label("aard", t["aard"]),
            "ernst": codes.label("ernst", t["ernst"]),
            "urgentie": codes.label("urgentie", t["urgentie"]),
            "afgesloten_op": _day(t["afgesloten_op"]),
            "afsluitreden": codes.label("afsluitreden", t["afsluitreden"]),
            "regisseurs": [
                {**r, "van": _day(r["van"]), "tot": _day(r["tot"]) or "heden"}
                for r in t["regisseurs"]
            ],
            "verloop": [
                {**e, "datum": _day(e["datum"]), "soort": EVENT_KIND[EventKind(e["soort"])]}
                for e in t["verloop"]
            ],
        }
        for t in data["trajecten"]
    ]
    return {
        **data,
        "persoon": person,
        "trajecten": trajecten,
        "contactmomenten": [
            {**c, "datum": _day(c["datum"]), "soort": CONTACT_KIND[ContactKind(c["soort"])]}
            for c in data["contactmomenten"]
        ],
        "toestemmingen": [
            {**c, "datum": _day(c["datum"]), "geldig_tot": _day(c["geldig_tot"])}
            for c in data["toestemmingen"]
        ],
        "wijzigingen": [{**w, "wanneer": _day(w["wanneer"])} for w in data["wijzigingen"]],
        "zrm_metingen": [_present_zrm(m) for m in data["zrm_metingen"]],
        "inzage_in_dossier": [
            {
                **i,
                "wanneer": _day(i["wanneer"]),
                "handeling": ACCESS_ACTION[AccessAction(i["handeling"])],
            }
            for i in data["inzage_in_dossier"]
        ],
    }


def _present_zrm(measurement: dict[str, Any]) -> dict[str, Any]:
    """A measurement as rows of domain, level (in words), target and remark."""
    from models.instruments import shipped_instruments

    code, version = measurement["instrument"].split(" ", 1)
    instrument = shipped_instruments().get((code, version))
    rows = []
    order = [item.code for item in instrument.items] if instrument else []
    scores = sorted(
        measurement["scores"].items(),
        key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order),
    )
    for item_code, score in scores:
        item = instrument.item(item_code) if instrument else None
        level = score["niveau"]
        words = (
            "niet beoordeeld"
            if score["niet_beoordeeld"]
            else (
                f"{level} · {instrument.level_name(level)}"
                if instrument and level
                else str(level or "")
            )
        )
        rows.append(
            {
                "domein": (item.client_name or item.name) if item else item_code,
                "niveau": words,
                "doel": score["doel"],
                "opmerking": score["opmerking"],
            }
        )
    return {**measurement, "datum": _day(measurement["datum"]), "scores": rows}


def inzage_pdf(data: dict[str, Any], target: Path, *, made_by: str, on: date | None = None) -> Path:
    """A readable overview of everything Teamtafel holds about one person."""
    data = present_inzage(data)
    styles = _styles()
    person = data["persoon"]
    name = " ".join(
        p for p in (person["voornaam"], person["tussenvoegsel"], person["achternaam"]) if p
    )
    document = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Inzage persoonsgegevens {name}",
        author="Teamtafel",
    )
    width = A4[0] - 36 * mm
    day = (on or date.today()).strftime("%d-%m-%Y")
    story: list[Any] = [
        Paragraph(escape(f"Inzage persoonsgegevens: {name}"), styles["title"]),
        Paragraph(
            escape(
                f"Overzicht van alle gegevens die het wijkteam in Teamtafel over u heeft vastgelegd, "
                f"gemaakt op {day} door {made_by}. Klopt er iets niet? Dan kunt u vragen om het te "
                "verbeteren of aan te vullen."
            ),
            styles["body"],
        ),
        Paragraph("Persoonsgegevens", styles["h2"]),
        _fields(person, styles),
        Paragraph("Huishouden", styles["h2"]),
        _fields(data["huishouden"], styles),
    ]
    for traject in data["trajecten"]:
        story += [
            Paragraph(escape(f"Traject, aangemeld op {traject['aanmelddatum']}"), styles["h2"]),
            _fields(
                {k: v for k, v in traject.items() if k not in ("regisseurs", "verloop")}, styles
            ),
            Spacer(1, 4),
            Paragraph("<b>Casusregisseurs</b>", styles["body"]),
            _table(traject["regisseurs"], styles, width),
            Spacer(1, 4),
            Paragraph("<b>Verloop</b>", styles["body"]),
            _table(traject["verloop"], styles, width),
        ]
    story.append(Paragraph("Zelfredzaamheid-Matrix (ZRM)", styles["h2"]))
    if not data["zrm_metingen"]:
        story.append(Paragraph("Niets vastgelegd.", styles["body"]))
    for measurement in data["zrm_metingen"]:
        story += [
            Paragraph(
                escape(
                    f"Meting van {measurement['datum']} door {measurement['beoordelaar']}"
                    + ("" if measurement["volledig"] else " (onvolledig)")
                ),
                styles["body"],
            ),
            _table(measurement["scores"], styles, width),
            Spacer(1, 4),
        ]
    for key, title in SECTIONS:
        story += [Paragraph(title, styles["h2"]), _table(data[key], styles, width)]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_fonts()[0], 8)
        canvas.drawString(18 * mm, 10 * mm, f"Teamtafel · inzage {day} · vertrouwelijk")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"pagina {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return target
