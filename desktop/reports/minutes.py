"""The minutes (notulen) of a meeting as a PDF: what a coordinator hands out afterwards.

First page(s): the meeting (number, kind, date, time, place, chair, minute-taker), who
attended, then every case in agenda order — the question brought in, the informatieronde,
analysis and advice, the safety and network checks, for an MDO the family's attendance,
the outcome, the decisions and the case's actions. On a page of its own: the action list of
the whole meeting, by owner, to hand out or pin up.

The external version (``recipient`` set) is given only the cases the caller let through
(consent for that organisation) and never shows the internal note; it says for whom it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from desktop.reports.pdf import (
    body,
    build_pdf,
    data_table,
    field_table,
    heading,
    styles,
    subheading,
    title,
)
from models.codelists import CodeLists, load_codelists
from models.enums import Phase
from models.meeting_records import (
    AgendaItemRecord,
    DecisionRecord,
    ItemOutcome,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
)
from models.records import ActionRecord
from models.wording import (
    ACTION_STATUS,
    DECISION_KIND,
    FAMILY_ATTENDANCE,
    ITEM_OUTCOME,
    MEETING_KIND,
    NOTHING,
    PHASE,
    date_text,
    long_date_text,
    yes_no,
)

ACTION_LIST = "Actielijst"
LABEL = 40 * mm  # the width of every field table's labels
CONCEPT = "Concept: dit overleg is nog niet gesloten; de notulen zijn nog niet definitief."


def minutes_title(meeting: MeetingRecord) -> str:
    """'Notulen casuïstiekoverleg nr. 12'."""
    return f"Notulen {kind_in_sentence(meeting)} nr. {meeting.number}"


def kind_in_sentence(meeting: MeetingRecord) -> str:
    """The kind as it reads inside a sentence: 'casuïstiekoverleg', but 'MDO'."""
    word = MEETING_KIND[meeting.kind]
    return word if word[:3].isupper() else word[:1].lower() + word[1:]


def _header(meeting: MeetingRecord) -> str:
    """What stands top left on every page: no names, the number and the date."""
    return f"Notulen overleg nr. {meeting.number} · {date_text(meeting.held_on)}"


def _kind_word(meeting: MeetingRecord) -> str:
    word = MEETING_KIND[meeting.kind]
    return word[:1].upper() + word[1:]


def _meeting_fields(meeting: MeetingRecord) -> list[tuple[str, object]]:
    return [
        ("Datum", long_date_text(meeting.held_on) if meeting.held_on else ""),
        ("Tijd", meeting.draft.starts_at),
        ("Locatie", meeting.draft.location),
        ("Voorzitter", meeting.chair),
        ("Notulist", meeting.minute_taker),
        ("Casussen", _case_count(meeting.items)),
    ]


def _case_count(items: Sequence[AgendaItemRecord]) -> str:
    discussed = sum(1 for i in items if i.outcome is ItemOutcome.BESPROKEN)
    over = sum(1 for i in items if i.outcome is ItemOutcome.DOORGESCHOVEN)
    parts = [f"{discussed} besproken"]
    if over:
        parts.append(f"{over} doorgeschoven")
    if still := len(items) - discussed - over:
        parts.append(f"{still} nog open")
    return ", ".join(parts)


def _attendees(meeting: MeetingRecord) -> list[Flowable]:
    team = [a.name for a in meeting.attendees if not a.external]
    external = [a for a in meeting.attendees if a.external]
    story: list[Flowable] = [heading("Aanwezig")]
    story.append(
        field_table([("Team", ", ".join(team) if team else NOTHING)], label_width=LABEL, fast=True)
    )
    if external:
        story.append(Spacer(1, 4))
        story.append(subheading("Externe deelnemers"))
        story.append(
            data_table(
                ["Naam", "Organisatie", "Discipline"],
                [(a.name, a.organisation, a.draft.discipline) for a in external],
                widths=[0.34, 0.38, 0.28],
                fast=True,
            )
        )
    return story


def _network(value: bool | None) -> str:
    return NOTHING if value is None else yes_no(value)


def _case_fields(
    meeting: MeetingRecord, item: AgendaItemRecord, codes: CodeLists, internal: bool
) -> list[tuple[str, object]]:
    notes = item.notes
    fields: list[tuple[str, object]] = [
        ("Casusvraag", item.question),
        ("Ingebracht door", item.brought_in_by),
        ("Urgentie", codes.label("urgentie", item.draft.urgency)),
        ("Uitkomst", ITEM_OUTCOME[item.outcome]),
    ]
    if item.outcome is ItemOutcome.DOORGESCHOVEN and not (
        notes.information or notes.analysis or notes.conclusion
    ):
        return fields
    fields += [
        ("Informatieronde", notes.information),
        ("Analyse", notes.analysis),
        ("Advies / conclusie", notes.conclusion),
        ("Veiligheid besproken", yes_no(notes.safety_discussed)),
        ("Netwerk besproken", _network(notes.network_discussed)),
    ]
    if meeting.kind is MeetingKind.MDO or notes.family_attendance is not None:
        attendance = notes.family_attendance
        fields.append(("Gezin aanwezig", FAMILY_ATTENDANCE[attendance] if attendance else ""))
        if notes.family_reason:
            fields.append(("Reden", notes.family_reason))
    if internal and notes.internal_note:
        fields.append(("Interne notitie", notes.internal_note))
    return fields


def decision_about(decision: DecisionRecord, codes: CodeLists) -> str:
    """Whom or what a decision names: the regisseur, the phase, the verwijzing's
    organisation and hulpvorm with its two deciders; and whether it was carried out."""
    d = decision.draft
    parts: list[str] = []
    if decision.medewerker:
        parts.append(f"Regisseur: {decision.medewerker}")
    if d.phase:
        phase = PHASE[Phase(d.phase)] if d.phase in {p.value for p in Phase} else d.phase
        parts.append(f"Nieuwe fase: {phase}")
    if decision.organisation:
        where = decision.organisation
        if d.hulpvorm:
            where += f" ({codes.label('hulpvorm', d.hulpvorm)})"
        parts.append(f"Naar: {where}")
    if decision.deciders:
        parts.append("Besloten door: " + " en ".join(decision.deciders))
    if decision.carried_out_on:
        parts.append(f"Uitgevoerd op {date_text(decision.carried_out_on)}")
    return "\n".join(parts)


def _decisions(item: AgendaItemRecord, codes: CodeLists) -> Flowable:
    return data_table(
        ["Besluit", "Toelichting", "Wie / waar"],
        [
            (
                DECISION_KIND[d.kind][:1].upper() + DECISION_KIND[d.kind][1:],
                d.draft.text,
                decision_about(d, codes),
            )
            for d in item.decisions
        ],
        widths=[0.22, 0.43, 0.35],
        fast=True,
    )


def _actions(actions: Sequence[ActionRecord]) -> Flowable:
    return data_table(
        ["Wat", "Wie", "Wanneer", "Status"],
        [(a.description, a.owner, date_text(a.due_on), ACTION_STATUS[a.status]) for a in actions],
        widths=[0.45, 0.27, 0.14, 0.14],
        fast=True,
    )


def _case(
    meeting: MeetingRecord, position: int, item: AgendaItemRecord, codes: CodeLists, internal: bool
) -> list[Flowable]:
    head = subheading(f"{position}. {item.dossier_number} · {item.household_name}")
    story: list[Flowable] = [
        KeepTogether(
            [
                head,
                field_table(
                    _case_fields(meeting, item, codes, internal), label_width=LABEL, fast=True
                ),
            ]
        )
    ]
    if item.decisions:
        story += [Spacer(1, 5), KeepTogether([_label("Besluiten"), _decisions(item, codes)])]
    if item.actions:
        story += [Spacer(1, 5), KeepTogether([_label("Acties"), _actions(item.actions)])]
    story.append(Spacer(1, 6))
    return story


def _label(words: str) -> Paragraph:
    """A small bold line above a case's tables."""
    return Paragraph(words, styles().cell_header)  # plain words: nothing to escape


def action_rows(items: Sequence[AgendaItemRecord]) -> list[tuple[str, str, str, str]]:
    """The meeting's actions, by owner and then due date: wie, wat, uiterlijk, dossier."""
    actions = [(a, i) for i in items for a in i.actions]
    actions.sort(key=lambda pair: (pair[0].owner.casefold(), pair[0].due_on or date.max))
    return [
        (a.owner, a.description, date_text(a.due_on), f"{i.dossier_number} {i.household_name}")
        for a, i in actions
    ]


def _action_list(meeting: MeetingRecord) -> list[Flowable]:
    return [
        PageBreak(),
        title(f"{ACTION_LIST} overleg nr. {meeting.number}"),
        body(
            f"{_kind_word(meeting)} van "
            f"{long_date_text(meeting.held_on) if meeting.held_on else NOTHING}: "
            "alle afgesproken acties, per eigenaar."
        ),
        Spacer(1, 4),
        data_table(
            ["Wie", "Wat", "Uiterlijk", "Dossier"],
            action_rows(meeting.items),
            widths=[0.24, 0.39, 0.14, 0.23],
            fast=True,
        ),
    ]


def minutes_pdf(
    meeting: MeetingRecord,
    *,
    made_on: date,
    recipient: str | None = None,
    codes: CodeLists | None = None,
) -> bytes:
    """The minutes as PDF bytes. ``recipient``: the organisation of the external version —
    then the internal notes are left out (the caller has left out the cases too)."""
    codes = codes or load_codelists()
    internal = recipient is None
    story: list[Flowable] = [title(minutes_title(meeting))]
    if recipient is not None:
        story.append(
            body(
                f"Versie voor {recipient}: alleen de casussen waarvoor het gezin toestemming "
                "heeft gegeven om gegevens met deze organisatie te delen."
            )
        )
    if meeting.status is not MeetingStatus.GESLOTEN:
        story.append(body(CONCEPT))
    story.append(Spacer(1, 2 * mm))
    story.append(field_table(_meeting_fields(meeting), label_width=LABEL, fast=True))
    story += _attendees(meeting)
    story.append(heading("Casussen"))
    if not meeting.items:
        story.append(body("Er stonden geen casussen op de agenda."))
    for position, item in enumerate(meeting.items, 1):
        story += _case(meeting, position, item, codes, internal)
    story += _action_list(meeting)
    return build_pdf(
        story, document_title=minutes_title(meeting), header=_header(meeting), made_on=made_on
    )
