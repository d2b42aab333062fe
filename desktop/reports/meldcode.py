"""The meldcode procedures in a report: the inzage PDF's section and its JSON part."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from desktop.reports.pdf import body, field_table, heading, subheading
from models.afwegingskader import CorrectionRecord, ProcedureRecord
from models.enums import PassageKind, PassagePart
from models.inzage import PROCEDURE_PARTS
from models.records import passage_key
from models.wording import (
    MELDCODE_STEPS,
    correction_text,
    meldcode_step_fields,
    procedure_title,
    withheld_text,
)

NONE_WITHHELD: Mapping[str, str] = {}

HEADING = "Meldcode huiselijk geweld en kindermishandeling"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _marker(withheld: Mapping[str, str], record_id: uuid.UUID, part: PassagePart) -> str:
    """'Achtergehouden: <reden>' when the regisseur withheld this part, else ''."""
    reason = withheld.get(passage_key(PassageKind.MELDCODE, record_id, part))
    return withheld_text(reason) if reason else ""


# The rows of step 1 that say who reported what; the form, the victim and the date stay.
SIGNAL_ROWS = ("Door", "Letsel", "Signalen")
STEP_PARTS = {3: PassagePart.GESPREK, 5: PassagePart.BESLISSING}


def _step_fields(
    record: ProcedureRecord, step: int, withheld: Mapping[str, str]
) -> list[tuple[str, str]]:
    """One step's rows, with a withheld part's marker in place of its content."""
    fields = meldcode_step_fields(record, step)
    if step == 1 and (marker := _marker(withheld, record.id, PassagePart.SIGNALEN)):
        return [f for f in fields if f[0] not in SIGNAL_ROWS] + [("Signalen", marker)]
    if step == 2:
        return [
            ("Overleg", marker) if (marker := _marker(withheld, c.id, PassagePart.OVERLEG)) else f
            for c, f in zip(record.consultations, fields, strict=True)
        ]
    if step in STEP_PARTS and fields and (marker := _marker(withheld, record.id, STEP_PARTS[step])):
        return [(MELDCODE_STEPS[step], marker)]
    if step == 4 and (marker := _marker(withheld, record.id, PassagePart.AFWEGING)):
        return [f for f in fields if f[0] != "Toelichting"] + [("Toelichting", marker)]
    return fields


def _correction_marker(
    record: ProcedureRecord, correction: CorrectionRecord, withheld: Mapping[str, str]
) -> str:
    """A correction's reason may retell what it corrected: a withheld part's marker instead."""
    parts = {part for f in correction.fields if (part := PROCEDURE_PARTS.get(f)) is not None}
    return next((m for part in sorted(parts) if (m := _marker(withheld, record.id, part))), "")


def _correction(
    record: ProcedureRecord, correction: CorrectionRecord, withheld: Mapping[str, str]
) -> str:
    marker = _correction_marker(record, correction, withheld)
    return correction_text(replace(correction, reason=marker) if marker else correction)


def meldcode_story(
    procedures: Sequence[ProcedureRecord], withheld: Mapping[str, str] = NONE_WITHHELD
) -> list[Flowable]:
    """Each procedure step by step, with its corrections; nothing without procedures.
    A part the regisseur withheld shows the reason instead (``withheld``: key -> reason)."""
    if not procedures:
        return []
    story: list[Flowable] = [heading(HEADING)]
    for record in procedures:
        story.append(subheading(procedure_title(record)))
        for step, name in MELDCODE_STEPS.items():
            fields = _step_fields(record, step, withheld)
            story.append(body(f"Stap {step}: {name}"))
            story.append(field_table(fields) if fields else body("Nog niet vastgelegd."))
        story += [body(_correction(record, c, withheld)) for c in record.corrections]
        story.append(Spacer(1, 4))
    return story


def meldcode_json(
    procedures: Sequence[ProcedureRecord], withheld: Mapping[str, str] = NONE_WITHHELD
) -> list[dict[str, Any]]:
    """Codes and ISO dates, as the rest of the inzage file; a withheld part is its marker."""
    result = []
    for r in procedures:
        s, talk, weighing, decision = r.start, r.conversation, r.weighing, r.decision
        signals = _marker(withheld, r.id, PassagePart.SIGNALEN)
        result.append(
            {
                "vorm": s.form.value,
                "slachtoffer": s.victim_kind.value,
                "gezinslid": r.victim or None,
                "status": r.status.value,
                "afgerond_op": _iso(r.finished_on),
                "signalen": {"datum": _iso(s.signals_on), "achtergehouden": signals}
                if signals
                else {
                    "datum": _iso(s.signals_on),
                    "door": s.signals_by,
                    "letsel": s.injury,
                    "signalen": s.signals,
                },
                "overleg": [
                    {"achtergehouden": marker}
                    if (marker := _marker(withheld, c.id, PassagePart.OVERLEG))
                    else {
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
                else {"achtergehouden": marker}
                if (marker := _marker(withheld, r.id, PassagePart.GESPREK))
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
                    "toelichting": _marker(withheld, r.id, PassagePart.AFWEGING) or weighing.note,
                },
                "beslissing": None
                if decision is None
                else {"achtergehouden": marker}
                if (marker := _marker(withheld, r.id, PassagePart.BESLISSING))
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
                    {
                        "wanneer": c.at.isoformat(),
                        "door": c.login,
                        "reden": _correction_marker(r, c, withheld) or c.reason,
                    }
                    for c in r.corrections
                ],
            }
        )
    return result
