"""The gezinsplan as a PDF for the family (and, with consent, for a partner organisation).

Written to be read at the kitchen table: plain Dutch at B1 level, type of 10.5 pt and up,
no codes. The first page says whose plan it is, which version, whether it is vastgesteld,
and who the regisseur is and how to reach them. Then the situation and the question, what
goes well and the worries, earlier help, what the child says, the goals each with a "wie doet
wat, wanneer" table, the charts (now and target, only for who agreed), the network, the
organisations, the safety agreements in the family's words, the familiegroepsplan, "na je
18e", the evaluation dates (and what held ones found), and signature lines.

Never in it: anything of a risicotaxatie, the meldcode or Veilig Thuis (the plan holds only
the veiligheidsplan's agreements), instrument codes or enum values, a shielded address.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from functools import cache
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.reports.pdf import WIDTH, build_pdf, register_fonts
from models.codelists import CodeLists, load_codelists
from models.gezinsplan_print import PlanPrint, PrintedMember, Signer
from models.gezinsplan_records import ChartSeries, EvaluationRecord, GoalRecord
from models.wording import (
    FAMILY_ACTION_STATUS,
    FAMILY_GOAL_CHANGE,
    FAMILY_GOAL_OUTCOME,
    FAMILY_ROLE,
    date_text,
    long_date_text,
)

_INK = colors.HexColor("#1f2933")
_GREY = colors.HexColor("#5a6270")
_LINE = colors.HexColor("#b0b8c4")
_FILL = colors.HexColor("#e8f0f7")
_ACCENT = colors.HexColor("#2f5f8a")
_NOW = colors.HexColor("#2f5f8a")
_TARGET = colors.HexColor("#9fd3a8")
_TARGET_EDGE = colors.HexColor("#3f8f4f")
_CONCEPT = colors.HexColor("#fff3cd")

LEVELS = 5  # the ZRM's scale: 1 (acute problemen) to 5 (helemaal zelf)


# --- type --------------------------------------------------------------------------------


@cache
def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle(
        "plan-body", fontName=regular, fontSize=11, leading=15.5, spaceAfter=6, textColor=_INK
    )
    return {
        "title": ParagraphStyle(
            "plan-title", fontName=bold, fontSize=22, leading=27, spaceAfter=4, textColor=_ACCENT
        ),
        "lead": ParagraphStyle("plan-lead", parent=body, fontSize=12, leading=17),
        "heading": ParagraphStyle(
            "plan-heading",
            fontName=bold,
            fontSize=15,
            leading=19,
            spaceBefore=16,
            spaceAfter=6,
            textColor=_ACCENT,
            keepWithNext=True,
        ),
        "subheading": ParagraphStyle(
            "plan-subheading",
            fontName=bold,
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=3,
            textColor=_INK,
            keepWithNext=True,
        ),
        "goal": ParagraphStyle(
            "plan-goal",
            fontName=bold,
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=3,
            textColor=_INK,
        ),
        "body": body,
        "small": ParagraphStyle(
            "plan-small", parent=body, fontSize=10.5, leading=14, textColor=_GREY
        ),
        "cell": ParagraphStyle("plan-cell", fontName=regular, fontSize=10.5, leading=13.5),
        "cell_bold": ParagraphStyle("plan-cell-bold", fontName=bold, fontSize=10.5, leading=13.5),
        "banner": ParagraphStyle("plan-banner", parent=body, fontName=bold, spaceAfter=0),
    }


def _words(value: str) -> str:
    """Typed text as a paragraph shows it: escaped, its line breaks kept."""
    return escape(value.strip()).replace("\n", "<br/>")


def _p(value: str, style: str = "body") -> Paragraph:
    return Paragraph(_words(value), _styles()[style])


def _heading(words: str) -> Paragraph:
    return _p(words, "heading")


def _sub(words: str) -> Paragraph:
    return _p(words, "subheading")


def _cell(value: str, *, bold: bool = False) -> Paragraph:
    return Paragraph(_words(value) or "—", _styles()["cell_bold" if bold else "cell"])


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    """A plain table: a tinted header that repeats on a new page, light lines between rows."""
    data = [[_cell(h, bold=True) for h in headers]]
    data += [[_cell(v) for v in row] for row in rows]
    table = Table(data, colWidths=[WIDTH * w for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, _LINE),
                ("BOX", (0, 0), (-1, -1), 0.5, _LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _fields(rows: Sequence[tuple[str, str]], label: float = 60 * mm) -> Table:
    data = [[_cell(k, bold=True), _cell(v)] for k, v in rows]
    table = Table(data, colWidths=[label, WIDTH - label], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, _LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _banner(words: str, fill: colors.Color) -> Table:
    box = Table([[_p(words, "banner")]], colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _lower(words: str) -> str:
    return words[:1].lower() + words[1:]


# --- the first page ----------------------------------------------------------------------


def plan_title(content: PlanPrint) -> str:
    return f"Gezinsplan van het gezin {content.household}"


def _header(content: PlanPrint) -> str:
    """Top left on every page: no names, the version and its date."""
    return f"Gezinsplan · versie {content.plan.version} · {date_text(content.plan.draft.made_on)}"


def _status(content: PlanPrint) -> str:
    plan = content.plan
    if plan.settled_on is None:
        return "Concept: dit plan is nog niet vastgesteld. Er kan nog iets veranderen."
    return f"Vastgesteld op {long_date_text(plan.settled_on)}"


def _about(content: PlanPrint) -> list[tuple[str, str]]:
    plan = content.plan
    # nothing here about later versions: a printed version reads the same ever after
    rows = [
        ("Versie", f"Versie {plan.version}"),
        ("Gemaakt op", long_date_text(plan.draft.made_on)),
        ("Jullie regisseur", plan.regisseur or "Nog niet bekend"),
    ]
    if plan.draft.reach:
        rows.append(("Zo bereik je de regisseur", plan.draft.reach))
    if content.address_shielded:
        rows.append(("Adres", "Adres afgeschermd"))
    elif content.address:
        rows.append(("Adres", content.address))
    return rows


def _member_note(member: PrintedMember) -> str:
    parts = [FAMILY_ROLE[member.role]]
    if member.gezag:
        parts.append("heeft gezag")
    if member.lives_elsewhere:
        if member.address_shielded:
            parts.append("woont ergens anders (adres afgeschermd)")
        elif member.address:
            parts.append(f"woont ergens anders: {member.address}")
        else:
            parts.append("woont ergens anders")
    return ", ".join(parts)


def _born(member: PrintedMember) -> str:
    if member.born is None:
        return "—"
    if member.age is not None and member.age < 18:
        return f"{date_text(member.born)} ({member.age} jaar)"
    return date_text(member.born)


def _first_page(content: PlanPrint, recipient: str | None) -> list[Flowable]:
    story: list[Flowable] = [_p(plan_title(content), "title")]
    if recipient is not None:
        story.append(
            _p(
                f"Deze kopie is voor {recipient}. Het gezin heeft toestemming gegeven om "
                f"dit plan met {recipient} te delen.",
                "small",
            )
        )
    concept = content.plan.settled_on is None
    story += [Spacer(1, 3 * mm), _banner(_status(content), _CONCEPT if concept else _FILL)]
    story += [Spacer(1, 4 * mm), _fields(_about(content)), Spacer(1, 4 * mm)]
    story.append(
        _p(
            "In dit plan staat wat jullie willen bereiken, wie wat doet en wanneer. "
            "We kijken samen op vaste momenten hoe het gaat. Klopt er iets niet, of "
            "verandert er iets? Laat het de regisseur weten.",
            "lead",
        )
    )
    if content.members:
        story.append(
            KeepTogether(
                [
                    _heading("Wie horen bij dit plan"),
                    _table(
                        ["Naam", "Geboren", "Wie"],
                        [(m.name, _born(m), _member_note(m)) for m in content.members],
                        [0.3, 0.27, 0.43],
                    ),
                ]
            )
        )
    return story


# --- the texts ---------------------------------------------------------------------------


def _texts(content: PlanPrint) -> list[Flowable]:
    d = content.plan.draft
    story: list[Flowable] = []

    def part(heading: str, pieces: Sequence[tuple[str, str]]) -> None:
        filled = [(sub, text) for sub, text in pieces if text.strip()]
        if not filled:
            return
        story.append(_heading(heading))
        for sub, text in filled:
            if sub:
                story.append(_sub(sub))
            story.extend(_p(block) for block in text.strip().split("\n\n"))

    part("Jullie situatie en vraag", [("Zo is het nu", d.situation), ("Jullie vraag", d.question)])
    part(
        "Wat gaat goed, en wat zijn de zorgen?",
        [("Wat gaat goed", d.strengths), ("Waar maken we ons zorgen over", d.concerns)],
    )
    part("Hulp die jullie eerder kregen", [("", d.earlier_help)])
    part("Wat het kind of de jongere zegt", [("", d.child_view)])
    return story


# --- the goals -----------------------------------------------------------------------------


def _level(value: int | None) -> str:
    return f"{value} van de {LEVELS}" if value is not None else "nog niet gemeten"


def _goal_facts(goal: GoalRecord, shown: frozenset[uuid.UUID]) -> list[tuple[str, str]]:
    """``shown``: the members whose measured level may be printed (who agreed to their chart)."""
    facts: list[tuple[str, str]] = []
    if goal.members:
        facts.append(("Voor wie", ", ".join(goal.members)))
    if goal.client_label:
        facts.append(("Gaat over", goal.client_label))
        measured = [m for m in goal.measured if m.person_id in shown]
        for m in measured:
            if len(measured) > 1:
                facts.append((f"Nu ({m.name})", _level(m.level)))
            else:
                facts.append(("Hoe gaat het nu", _level(m.level)))
        if goal.draft.target_level is not None:
            facts.append(("Waar willen we naartoe", _level(goal.draft.target_level)))
    return facts


def _goal(
    number: int,
    goal: GoalRecord,
    concept: bool,
    shown: frozenset[uuid.UUID],
    lead: Sequence[Flowable] = (),
) -> list[Flowable]:
    """``lead``: what stands above the goal and goes where it goes (the section heading)."""
    head: list[Flowable] = [*lead, _p(f"Doel {number}: {goal.description}", "goal")]
    if goal.change is not None:
        head.append(_p(FAMILY_GOAL_CHANGE[goal.change], "small"))
    facts = _goal_facts(goal, shown)
    if facts:
        head.append(_fields(facts))
    head.append(Spacer(1, 2 * mm))
    if not goal.actions:
        head.append(_p("Voor dit doel zijn nog geen afspraken gemaakt.", "small"))
        return [CondPageBreak(_height(head)), *head, Spacer(1, 4 * mm)]
    headers = ["Wat", "Wie", "Wanneer"]
    widths = [0.5, 0.3, 0.2]
    rows: list[list[str]] = [
        [a.description, a.owner, date_text(a.draft.due_on)] for a in goal.actions
    ]
    if not concept:
        headers.append("Klaar?")
        widths = [0.44, 0.26, 0.15, 0.15]
        for row, a in zip(rows, goal.actions, strict=True):
            row.append(FAMILY_ACTION_STATUS[a.status] if a.status else "—")
    head.append(_p("Wie doet wat, wanneer", "small"))
    table = _table(headers, rows, widths)
    # A goal that fits on a third of a page stays whole; a longer one starts only where its
    # heading, facts and the first two rows of its table fit, and its table runs on over
    # the page with its header repeated.
    whole = _height([*head, table])
    needed = whole if whole < _WHOLE else _height([*head, _table(headers, rows[:2], widths)])
    return [CondPageBreak(needed + 1 * mm), *head, table, Spacer(1, 4 * mm)]


_WHOLE = 85 * mm


def _height(flowables: Sequence[Flowable]) -> float:
    """How tall ``flowables`` are one under the other at the page's width."""
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(WIDTH, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _goals(content: PlanPrint) -> list[Flowable]:
    plan = content.plan
    title = _heading("Onze doelen")
    if not plan.goals:
        return [title, _p("Er staan nog geen doelen in dit plan.")]
    shown = frozenset(p.draft.person_id for p in plan.parties if p.draft.chart_ok)
    story: list[Flowable] = []
    for number, goal in enumerate(plan.goals, 1):
        story += _goal(number, goal, plan.settled_on is None, shown, [title] if number == 1 else [])
    if plan.removed_goals:
        story.append(_sub("Niet meer in het plan"))
        story += [_p(f"• {g}") for g in plan.removed_goals]
    return story


# --- the charts ----------------------------------------------------------------------------

_LABEL_W = 48 * mm
_ROW = 15 * mm


def chart(series: ChartSeries) -> Drawing:
    """Per domain two bars on the 1-5 scale: now (filled) and the goal's target (light)."""
    regular, bold = register_fonts()
    points = series.points
    scale_w = WIDTH - _LABEL_W - 30 * mm
    top = 12 * mm
    height = top + len(points) * _ROW + 10 * mm
    drawing = Drawing(WIDTH, height)
    x0 = _LABEL_W
    step = scale_w / LEVELS
    y_axis_top = height - top + 2 * mm
    for level in range(LEVELS + 1):
        x = x0 + level * step
        drawing.add(Line(x, 8 * mm, x, y_axis_top, strokeColor=_LINE, strokeWidth=0.5))
        if level:
            drawing.add(
                String(
                    x,
                    y_axis_top + 2,
                    str(level),
                    fontName=bold,
                    fontSize=10.5,
                    textAnchor="middle",
                    fillColor=_GREY,
                )
            )
    for index, (label, now, target) in enumerate(points):
        y = height - top - (index + 1) * _ROW + 3 * mm
        words = label
        while stringWidth(words, regular, 11) > _LABEL_W - 4 * mm and len(words) > 4:
            words = words[:-2] + "…"
        drawing.add(String(0, y + 3.5 * mm, words, fontName=regular, fontSize=11, fillColor=_INK))
        for offset, value, fill, edge, name in (
            (5 * mm, now, _NOW, _NOW, "Nu"),
            (0, target, _TARGET, _TARGET_EDGE, "Doel"),
        ):
            bar_y = y + offset
            if value is None:
                drawing.add(
                    String(
                        x0 + 2,
                        bar_y + 1,
                        f"{name}: nog niet gemeten" if name == "Nu" else f"{name}: niet gekozen",
                        fontName=regular,
                        fontSize=10,
                        fillColor=_GREY,
                    )
                )
                continue
            drawing.add(
                Rect(
                    x0,
                    bar_y,
                    value * step,
                    4 * mm,
                    fillColor=fill,
                    strokeColor=edge,
                    strokeWidth=0.6,
                )
            )
            drawing.add(
                String(
                    x0 + value * step + 2 * mm,
                    bar_y + 1,
                    f"{name}: {value}",
                    fontName=regular,
                    fontSize=10,
                    fillColor=_INK,
                )
            )
    # the legend
    drawing.add(Rect(x0, 1.5 * mm, 6 * mm, 3 * mm, fillColor=_NOW, strokeColor=_NOW))
    drawing.add(String(x0 + 8 * mm, 2 * mm, "Nu", fontName=regular, fontSize=10, fillColor=_INK))
    drawing.add(
        Rect(x0 + 22 * mm, 1.5 * mm, 6 * mm, 3 * mm, fillColor=_TARGET, strokeColor=_TARGET_EDGE)
    )
    drawing.add(String(x0 + 30 * mm, 2 * mm, "Doel", fontName=regular, fontSize=10, fillColor=_INK))
    return drawing


def _charts(content: PlanPrint) -> list[Flowable]:
    if not content.charts:
        return []
    story: list[Flowable] = [
        _heading("Hoe gaat het nu, en waar willen we naartoe?"),
        _p(
            "Per onderwerp een cijfer van 1 tot 5. 1 betekent: het gaat helemaal niet, er is "
            "veel hulp nodig. 5 betekent: het gaat goed, helemaal zelf. Alleen voor wie dat "
            "goed vond."
        ),
    ]
    blocks = [[_sub(series.name), chart(series), Spacer(1, 3 * mm)] for series in content.charts]
    blocks[0] = story + blocks[0]  # the heading never stands alone at the foot of a page
    return [KeepTogether(block) for block in blocks]


# --- the people and organisations around the family ----------------------------------------


def _network(content: PlanPrint) -> list[Flowable]:
    plan = content.plan
    if not plan.network:
        return []
    return [
        KeepTogether(
            [
                _heading("Wie helpen mee: jullie eigen netwerk"),
                _table(
                    ["Naam", "Wie is dat", "Wat doet hij of zij"],
                    [(n.draft.name, n.draft.relation, n.draft.role) for n in plan.network],
                    [0.28, 0.22, 0.5],
                ),
            ]
        )
    ]


def _partners(content: PlanPrint) -> list[Flowable]:
    plan = content.plan
    if not plan.partners:
        return []
    rows = []
    for p in plan.partners:
        reach = "\n".join(x for x in (p.phone, p.email) if x)
        rows.append((p.organisation, p.contact, reach, p.draft.role))
    return [
        KeepTogether(
            [
                _heading("Organisaties die meehelpen"),
                _table(
                    ["Organisatie", "Contactpersoon", "Telefoon en e-mail", "Wat doen zij"],
                    rows,
                    [0.25, 0.22, 0.25, 0.28],
                ),
            ]
        )
    ]


def _safety(content: PlanPrint) -> list[Flowable]:
    agreements = content.plan.safety
    if not agreements:
        return []
    rows = []
    for a in agreements:
        who = a.who + (f", samen met {a.network}" if a.network else "")
        rows.append((a.trigger, a.what, who, a.checker))
    return [
        KeepTogether(
            [
                _heading("Afspraken over veiligheid"),
                _p(
                    "Dit spraken we samen af, zodat iedereen in huis veilig is. "
                    "Zo weet iedereen wat hij moet doen."
                ),
                _table(
                    ["Wanneer", "Wat doen we dan", "Wie doet het", "Wie kijkt of het lukt"],
                    rows,
                    [0.24, 0.34, 0.2, 0.22],
                ),
            ]
        )
    ]


def _familiegroepsplan(content: PlanPrint) -> list[Flowable]:
    d = content.plan.draft
    story: list[Flowable] = [
        _heading("Familiegroepsplan"),
        _p(
            "Een familiegroepsplan maken jullie zelf, samen met familie, vrienden en buren. "
            "Jullie bedenken dan zelf hoe het beter kan gaan."
        ),
    ]
    if d.fgp_offered_on is None:
        story.append(_p("Jullie hebben nog niet gekozen of jullie een familiegroepsplan maken."))
        return [KeepTogether(story)]
    said = f"Op {long_date_text(d.fgp_offered_on)} kregen jullie het aanbod om dit te doen."
    if d.fgp_accepted is True:
        said += " Jullie zeiden ja."
        if d.fgp_made_on is not None:
            said += f" Het plan is gemaakt op {long_date_text(d.fgp_made_on)}."
    elif d.fgp_accepted is False:
        said += " Jullie wilden dat niet."
    else:
        said += " Jullie hebben nog niet gezegd of jullie dat willen."
    story.append(_p(said))
    if d.fgp_note:
        story.append(_p(d.fgp_note))
    return [KeepTogether(story)]


def _adulthood(content: PlanPrint) -> list[Flowable]:
    parts = content.plan.adulthood
    if not parts:
        return []
    when = {e.person_id: e.on for e in content.eighteen}
    story: list[Flowable] = [_heading("Na je 18e")]
    for a in parts:
        on = when.get(a.draft.person_id)
        block: list[Flowable] = [
            _sub(f"{a.name} wordt 18" + (f" op {long_date_text(on)}" if on else ""))
        ]
        rows = [
            ("Wat verandert er", a.draft.what_changes),
            ("Wie neemt het over", a.draft.who_takes_over),
        ]
        block.append(_fields([(k, v) for k, v in rows if v]))
        story.append(KeepTogether(block))
    return story


def _result(evaluation: EvaluationRecord) -> list[Flowable]:
    assert evaluation.held_on is not None
    block: list[Flowable] = [_sub(f"Wat we zagen op {long_date_text(evaluation.held_on)}")]
    if evaluation.note:
        block.append(_p(evaluation.note))
    if evaluation.results:
        block.append(
            _table(
                ["Doel", "Hoe ging het", "Wat is er gebeurd", "Gaan we door?"],
                [
                    (
                        r.goal,
                        FAMILY_GOAL_OUTCOME[r.draft.outcome],
                        r.draft.what_happened,
                        "Ja" if r.draft.continues else "Nee, klaar",
                    )
                    for r in evaluation.results
                ],
                [0.3, 0.18, 0.36, 0.16],
            )
        )
    return [KeepTogether(block)]


def _evaluations(content: PlanPrint) -> list[Flowable]:
    evaluations = content.plan.evaluations
    story: list[Flowable] = [_heading("Wanneer kijken we samen hoe het gaat?")]
    if not evaluations:
        story.append(_p("Daar is nog geen datum voor afgesproken."))
        return story
    planned = [e for e in evaluations if not e.held]
    held = [e for e in evaluations if e.held]
    if planned:
        story.append(
            _p(
                "We praten samen over het plan op: "
                + ", ".join(long_date_text(e.planned_on) for e in planned)
                + "."
            )
        )
    for e in held:
        story += _result(e)
    return story


# --- signing -----------------------------------------------------------------------------


def _signature(signer: Signer, codes: CodeLists) -> list[Flowable]:
    """The name (and when and how they agreed), then room to sign: a line for the
    signature and one for the date, each with its word under it."""
    if signer.regisseur:
        who = f"{signer.name}, regisseur" if signer.name else "De regisseur"
    else:
        who = signer.name
    said = ""
    if signer.agreed_on is not None:
        how = codes.label("afspraakwijze", signer.agreed_how)
        said = f"Akkoord gegeven op {long_date_text(signer.agreed_on)}"
        said += f", {_lower(how)}." if how else "."
    rows: list[list[Flowable | str]] = [
        ["", "", ""],
        [_p("Handtekening", "small"), "", _p("Datum", "small")],
    ]
    lines = Table(rows, colWidths=[WIDTH * 0.56, WIDTH * 0.06, WIDTH * 0.38], hAlign="LEFT")
    lines.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.7, _INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.7, _INK),
                ("TOPPADDING", (0, 0), (-1, 0), 13 * mm),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    block: list[Flowable] = [_p(who, "subheading")]
    if said:
        block.append(_p(said, "small"))
    return [*block, lines, Spacer(1, 5 * mm)]


def _signatures(content: PlanPrint, codes: CodeLists) -> list[Flowable]:
    if not content.signers:
        return []
    intro = _p(
        "Met mijn handtekening laat ik zien dat ik het eens ben met dit plan "
        f"(versie {content.plan.version})."
    )
    # one page to sign, when it fits on one
    lines = [f for signer in content.signers for f in _signature(signer, codes)]
    return [KeepTogether([_heading("Handtekeningen"), intro, *lines])]


# --- the whole -----------------------------------------------------------------------------


def plan_pdf(
    content: PlanPrint,
    *,
    made_on: date,
    recipient: str | None = None,
    codes: CodeLists | None = None,
) -> bytes:
    """The plan as PDF bytes; ``recipient``: the organisation of a partner's copy (then no
    charts and no signature lines: those are the family's)."""
    codes = codes or load_codelists()
    story = _first_page(content, recipient)
    story += _texts(content)
    story += _goals(content)
    if recipient is None:
        story += _charts(content)
    story += _network(content)
    story += _partners(content)
    story += _safety(content)
    story += _familiegroepsplan(content)
    story += _adulthood(content)
    story += _evaluations(content)
    if recipient is None:
        story += _signatures(content, codes)
    return build_pdf(
        story,
        document_title=plan_title(content),
        header=_header(content),
        made_on=made_on,
    )
