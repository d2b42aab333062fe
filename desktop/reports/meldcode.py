"""The meldcode procedures in a report: the inzage PDF's section and its JSON part."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from desktop.reports.pdf import body, field_table, heading, subheading
from models.afwegingskader import ProcedureRecord
from models.wording import (
    MELDCODE_STEPS,
    correction_text,
    meldcode_step_fields,
    procedure_title,
)

HEADING = "Meldcode huiselijk geweld en kindermishandeling"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def meldcode_story(procedures: Sequence[ProcedureRecord]) -> list[Flowable]:
    """Each procedure step by step, with its corrections; nothing without procedures."""
    if not procedures:
        return []
    story: list[Flowable] = [heading(HEADING)]
    for record in procedures:
        story.append(subheading(procedure_title(record)))
        for step, name in MELDCODE_STEPS.items():
            fields = meldcode_step_fields(record, step)
            story.append(body(f"Stap {step}: {name}"))
            story.append(field_table(fields) if fields else body("Nog niet vastgelegd."))
        story += [body(correction_text(c)) for c in record.corrections]
        story.append(Spacer(1, 4))
    return story


def meldcode_json(procedures: Sequence[ProcedureRecord]) -> list[dict[str, Any]]:
    """Codes and ISO dates, as the rest of the inzage file."""
    result = []
    for r in procedures:
        s, talk, weighing, decision = r.start, r.conversation, r.weighing, r.decision
        result.append(
            {
                "vorm": s.form.value,
                "slachtoffer": s.victim_kind.value,
                "gezinslid": r.victim or None,
                "status": r.status.value,
                "afgerond_op": _iso(r.finished_on),
                "signalen": {
                    "datum": _iso(s.signals_on),
                    "door": s.signals_by,
                    "letsel": s.injury,
                    "signalen": s.signals,
                },
                "overleg": [
                    {
                        "datum": _iso(c.draft.consulted_on),
                        "soort": c.draft.kind.value,
                        "door": c.draft.by,
                        "met_wie": c.draft.consulted,
                        "anoniem": c.draft.anonymous,
                        "advies": c.draft.advice,
                    }
                    for c in r.consultations
                ],
                "gesprek": None
                if talk is None
                else {
                    "gevoerd": talk.held,
                    "datum": _iso(talk.on),
                    "door": talk.by,
                    "verslag": talk.note,
                    "waarom_niet": talk.why_not,
                },
                "afwegingskader": None
                if weighing is None
                else {
                    "datum": _iso(weighing.on),
                    "door": weighing.by,
                    "antwoorden": list(weighing.answers),
                    "conclusie": r.conclusion.outcome.value if r.conclusion.outcome else None,
                    "evaluatiedatum": _iso(weighing.evaluation_on),
                    "toelichting": weighing.note,
                },
                "beslissing": None
                if decision is None
                else {
                    "datum": _iso(decision.on),
                    "door": decision.by,
                    "gemeld": decision.melding,
                    "datum_melding": _iso(decision.melding_on),
                    "kenmerk_veilig_thuis": decision.vt_reference,
                    "ouders_geinformeerd": decision.parents_told,
                    "waarom_niet_geinformeerd": decision.parents_not_told_why,
                    "terugkoppeling_veilig_thuis": decision.vt_feedback,
                    "vervolgstap_veilig_thuis": decision.vt_next_step,
                    "hulp": decision.help,
                    "afspraken": decision.agreements,
                    "toelichting": decision.note,
                },
                "correcties": [
                    {"wanneer": c.at.isoformat(), "door": c.login, "reden": c.reason}
                    for c in r.corrections
                ],
            }
        )
    return result
