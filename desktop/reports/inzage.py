"""The AVG inzage as a PDF for the family and as a JSON file, both from one typed report."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Spacer

from desktop.reports.meldcode import meldcode_json, meldcode_story
from desktop.reports.pdf import (
    body,
    build_pdf,
    data_table,
    field_table,
    heading,
    subheading,
    title,
)
from models.codelists import CodeLists, load_codelists
from models.enums import PassageKind, PassagePart
from models.gezinsplan_records import GezinsplanRecord
from models.instruments import Instrument, shipped_instruments
from models.inzage import ChangeLine, InzageMeetingCase, InzageReport
from models.records import (
    MeasurementRecord,
    SafetyPlanRecord,
    SignsOfSafetyRecord,
    TaxatieRecord,
    TrajectRecord,
    passage_key,
)
from models.taxatie import instrument as risk_instrument
from models.wording import (
    ACCESS_ACTION,
    ACTION_ORIGIN,
    ACTION_STATUS,
    CONTACT_KIND,
    DECISION_KIND,
    FACTOR_ANSWER,
    GOAL_OUTCOME,
    ITEM_OUTCOME,
    MEETING_KIND,
    NOT_ASSESSED,
    NOTHING,
    PHASE,
    RESPONDENT,
    RISK,
    ROLE,
    UNTIL_NOW,
    VERWIJZING_STATUS,
    WHOLE_HOUSEHOLD,
    changed_field_text,
    changed_value_text,
    date_text,
    event_detail,
    event_text,
    incomplete_text,
    long_date_text,
    moment_text,
    removed_text,
    safety_text,
    scale_text,
    taxatie_state_text,
    withheld_text,
    yes_no,
)

TITLE = "Inzage persoonsgegevens"
# The household's address in the inzage of a member living elsewhere, when it is shielded.
ADDRESS_WITHHELD = "afgeschermd (niet in dit overzicht)"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _withheld(
    report: InzageReport, kind: PassageKind, record_id: uuid.UUID, part: PassagePart
) -> str:
    """'Achtergehouden: <reden>' when the regisseur withheld this passage, else ''."""
    reason = report.withheld.get(passage_key(kind, record_id, part))
    return withheld_text(reason) if reason else ""


def _change_values(report: InzageReport, was: Any, became: Any, passage: str) -> tuple[Any, Any]:
    """A correction's old and new value, or the marker twice when its passage was withheld."""
    reason = report.withheld.get(passage) if passage else None
    return (withheld_text(reason),) * 2 if reason else (was, became)


def inzage_json(report: InzageReport) -> dict[str, Any]:
    """The machine-readable file: codes and ISO dates, moments in UTC with their offset."""
    person, household = report.person, report.household
    return {
        "persoon": {
            "voornaam": person.first_name,
            "tussenvoegsel": person.infix,
            "achternaam": person.last_name,
            "geboortedatum": _iso(person.date_of_birth),
            "rol": person.role.value,
            "bsn": person.bsn,
            "vastgelegd_op": person.recorded_at.isoformat(),
            "vastgelegd_door": person.recorded_by,
            "gezag": person.gezag,
            "woont_elders": person.lives_elsewhere,
            "adres": person.address,
            "adres_afgeschermd": person.address_shielded,
        },
        "huishouden": {
            "dossiernummer": household.dossier_number,
            "naam": household.address.name,
            **({"adres_afgeschermd": True} if household.address_withheld else {}),
            "adres": household.street_line,
            "postcode": household.address.postcode,
            "woonplaats": household.address.city,
            "telefoon": household.address.phone,
            "gezinsleden": list(household.members),
        },
        "trajecten": [
            {
                "aanmelddatum": _iso(t.registered_on),
                "herkomst": t.herkomst,
                "vraag": t.question,
                "fase": t.phase.value,
                "aard": t.aard,
                "ernst": t.ernst,
                "urgentie": t.urgentie,
                "afgesloten_op": _iso(t.closed_on),
                "afsluitreden": t.close_reason,
                "regisseurs": [
                    {"naam": r.name, "van": _iso(r.start_on), "tot": _iso(r.end_on)}
                    for r in t.regisseurs
                ],
                "verloop": [
                    {
                        "datum": _iso(e.event_date),
                        "soort": e.kind.value,
                        "toelichting": e.note,
                        **(
                            {
                                "naar": e.target,
                                "reden": e.reason,
                                "verantwoordelijke": e.responsible,
                            }
                            if e.target
                            else {}
                        ),
                    }
                    for e in t.events
                ],
            }
            for t in report.trajecten
        ],
        "contactmomenten": [
            {
                "datum": _iso(c.contact_date),
                "soort": c.kind.value,
                "medewerker": c.medewerker,
                "notitie": c.note,
            }
            for c in report.contacts
        ],
        "toestemmingen": [
            {
                "organisatie": c.organisation,
                "doel": c.purpose,
                "gegeven_door": c.given_by,
                "datum": _iso(c.given_on),
                "geldig_tot": _iso(c.valid_until),
                "geweigerd": c.refused,
                "betreft": c.person or WHOLE_HOUSEHOLD,
            }
            for c in report.consents
        ],
        "zrm_metingen": [
            {
                "datum": _iso(m.measured_on),
                "instrument": f"{m.draft.instrument_code} {m.draft.instrument_version}",
                "betreft": "gezinslid" if m.person_id else WHOLE_HOUSEHOLD,
                "beoordelaar": m.draft.assessor,
                "volledig": m.complete,
                "domeinen_gescoord": f"{m.scored} van {m.total}",
                "scores": {
                    s.item_code: {
                        "niveau": s.level,
                        "niet_beoordeeld": s.not_assessed,
                        "doel": s.target,
                        "opmerking": s.remark,
                    }
                    for s in m.draft.scores
                },
                "conclusies": {c.code: c.option for c in m.draft.conclusions},
                "toelichting": m.draft.note,
            }
            for m in report.measurements
        ],
        "meldcode": meldcode_json(report.meldcode, report.withheld),
        "signs_of_safety": [
            {"datum": _iso(r.assessed_on), "achtergehouden": marker}
            if (marker := _withheld(report, PassageKind.SIGNS_OF_SAFETY, r.id, PassagePart.INHOUD))
            else {
                "datum": _iso(r.assessed_on),
                "zorgen": r.draft.worries,
                "wat_gaat_goed": r.draft.going_well,
                "wat_moet_er_gebeuren": r.draft.next_steps,
                "veiligheidsschaal": [
                    {
                        "wie": a.respondent.value,
                        "naam": r.names.get(a.person_id, "") if a.person_id else "",
                        "score": a.score,
                    }
                    for a in r.draft.answers
                ],
            }
            for r in report.signs_of_safety
        ],
        "veiligheidsplan": [
            {"versie": p.version, "datum": _iso(p.made_on), "achtergehouden": marker}
            if (marker := _withheld(report, PassageKind.VEILIGHEIDSPLAN, p.id, PassagePart.INHOUD))
            else {
                "versie": p.version,
                "datum": _iso(p.made_on),
                "wat_moet_er_gebeuren": p.goal,
                "afgesproken_op": _iso(p.settlement.agreed_on) if p.settlement else None,
                "met_de_ouders": p.settlement.with_parents if p.settlement else None,
                "hoe": p.settlement.agreed_how if p.settlement else "",
                "waarom_niet": p.settlement.not_agreed_reason if p.settlement else "",
                "afspraken": [
                    {
                        "wat": a.draft.what,
                        "wie": a.draft.who,
                        "wanneer": a.draft.trigger,
                        "wie_controleert": a.draft.checker,
                        "netwerk": a.draft.network,
                    }
                    for a in p.agreements
                ],
            }
            for p in report.safety_plans
        ],
        **(
            {"gezinsplan": [_gezinsplan_json(report, p) for p in report.gezinsplannen]}
            if report.gezinsplannen
            else {}
        ),
        **(
            {"risicotaxaties": [_taxatie_json(report, t) for t in report.taxaties]}
            if report.taxaties
            else {}
        ),
        **(
            {
                "acties": [
                    {
                        "omschrijving": a.description,
                        "wie": a.owner,
                        "soort_eigenaar": a.draft.owner_kind.value,
                        "klaar_op": _iso(a.due_on),
                        "status": a.status.value,
                        "status_sinds": _iso(a.status_on),
                        "herkomst": a.draft.origin.value,
                    }
                    for a in report.actions
                ]
            }
            if report.actions
            else {}
        ),
        **(
            {
                "verwijzingen": [
                    {
                        "datum": _iso(v.draft.referred_on),
                        "voor": list(v.members),
                        "naar": v.organisation,
                        "hulpvorm": v.draft.hulpvorm,
                        "reden": v.draft.reason,
                        "besloten_door": list(v.deciders),
                        "status": [
                            {"status": s.status.value, "datum": _iso(s.on), "toelichting": s.note}
                            for s in v.history
                        ],
                    }
                    for v in report.verwijzingen
                ]
            }
            if report.verwijzingen
            else {}
        ),
        **(
            {"overleggen": [_case_json(report, c) for c in report.meeting_cases]}
            if report.meeting_cases
            else {}
        ),
        "wijzigingen": [_change_json(report, h) for h in report.changes],
        "inzage_in_dossier": [
            {"wanneer": line.at.isoformat(), "door": line.login, "handeling": line.action.value}
            for line in report.access
        ],
    }


def _gezinsplan_json(report: InzageReport, plan: GezinsplanRecord) -> dict[str, Any]:
    """One version of the gezinsplan; a withheld one keeps its version and dates."""
    draft = plan.draft
    version = {
        "versie": plan.version,
        "gemaakt_op": _iso(draft.made_on),
        "vastgesteld_op": _iso(plan.settled_on),
    }
    if marker := _withheld(report, PassageKind.GEZINSPLAN, plan.id, PassagePart.INHOUD):
        return {**version, "achtergehouden": marker}
    return {
        **version,
        "vastgesteld_door": plan.settled_by,
        "regisseur": plan.regisseur,
        "bereikbaarheid": draft.reach,
        "situatie": draft.situation,
        "vraag": draft.question,
        "eerdere_hulpverlening": draft.earlier_help,
        "krachten": draft.strengths,
        "zorgen": draft.concerns,
        "wat_het_kind_zegt": draft.child_view,
        "familiegroepsplan": {
            "aangeboden_op": _iso(draft.fgp_offered_on),
            "aangenomen": draft.fgp_accepted,
            "gemaakt_op": _iso(draft.fgp_made_on),
            "toelichting": draft.fgp_note,
        },
        "doelen": [
            {
                "omschrijving": g.description,
                "voor": list(g.members),
                "instrument": g.instrument_label,
                "domein": g.item_label,
                "doelniveau": g.draft.target_level,
                "gemeten": [{"niveau": m.level, "datum": _iso(m.measured_on)} for m in g.measured],
                "acties": [
                    {
                        "omschrijving": a.description,
                        "wie": a.owner,
                        "klaar_op": _iso(a.draft.due_on),
                        "status": a.status.value if a.status else None,
                    }
                    for a in g.actions
                ],
            }
            for g in plan.goals
        ],
        "netwerk": [
            {"naam": n.draft.name, "relatie": n.draft.relation, "wat": n.draft.role}
            for n in plan.network
        ],
        "organisaties": [
            {
                "organisatie": o.organisation,
                "contactpersoon": o.contact,
                "telefoon": o.phone,
                "email": o.email,
                "wat": o.draft.role,
            }
            for o in plan.partners
        ],
        "na_je_18e": [
            {
                "naam": a.name,
                "wat_verandert": a.draft.what_changes,
                "wie_neemt_over": a.draft.who_takes_over,
            }
            for a in plan.adulthood
        ],
        "veiligheidsafspraken": [
            {"wat": a.what, "wie": a.who, "wanneer": a.trigger} for a in plan.safety
        ],
        "evaluaties": [
            {
                "gepland_op": _iso(e.planned_on),
                "gehouden_op": _iso(e.held_on),
                "toelichting": e.note,
                "resultaten": [
                    {
                        "doel": r.goal,
                        "uitkomst": r.draft.outcome.value,
                        "wat_er_gebeurde": r.draft.what_happened,
                        "gaat_door": r.draft.continues,
                    }
                    for r in e.results
                ],
            }
            for e in plan.evaluations
        ],
        "akkoord": [
            {
                "naam": p.name,
                "akkoord_op": _iso(p.draft.agreed_on),
                "hoe": p.draft.agreed_how,
                "waarom_niet": p.draft.not_agreed_reason,
            }
            for p in plan.parties
        ],
    }


def _case_json(report: InzageReport, case: InzageMeetingCase) -> dict[str, Any]:
    """The household's case in one meeting; a withheld one keeps its meeting and outcome."""
    item, notes = case.item, case.item.notes
    meeting = {
        "overleg": case.number,
        "soort": case.kind.value,
        "datum": _iso(case.held_on),
        "uitkomst": item.outcome.value,
        "veiligheid_besproken": notes.safety_discussed,
    }
    if marker := _withheld(report, PassageKind.OVERLEG, item.id, PassagePart.INHOUD):
        return {**meeting, "achtergehouden": marker}
    return {
        **meeting,
        "casusvraag": item.question,
        "ingebracht_door": item.brought_in_by,
        "informatieronde": notes.information,
        "analyse": notes.analysis,
        "advies_conclusie": notes.conclusion,
        "interne_notitie": notes.internal_note,
        "netwerk_besproken": notes.network_discussed,
        "gezin_aanwezig": notes.family_attendance.value if notes.family_attendance else None,
        "reden_gezin": notes.family_reason,
        "besluiten": [
            {
                "soort": d.kind.value,
                "tekst": d.draft.text,
                "besloten_door": list(d.deciders),
                "uitgevoerd_op": _iso(d.carried_out_on),
            }
            for d in item.decisions
        ],
    }


def _change_json(report: InzageReport, change: ChangeLine) -> dict[str, Any]:
    was, became = _change_values(
        report,
        change.removed_values if change.removed else change.old_value,
        change.new_value,
        change.passage,
    )
    return {
        "wanneer": change.at.isoformat(),
        "door": change.login,
        "gegeven": change.what,
        "was": was,
        "werd": became,
    }


def _taxatie_json(report: InzageReport, taxatie: TaxatieRecord) -> dict[str, Any]:
    draft = taxatie.draft
    data: dict[str, Any] = {
        "datum": _iso(draft.assessed_on),
        "betreft": taxatie.subject or WHOLE_HOUSEHOLD,
        "instrument": f"{taxatie.instrument_code} {taxatie.instrument_version}",
        "status": taxatie.state.value,
        "door": taxatie.author_name,
        "factoren": {
            f.code: {"antwoord": f.answer.value if f.answer else None, "opmerking": f.remark}
            for f in draft.factors
        },
        "veiligheid_nu": draft.safety.value if draft.safety else None,
        "risico": draft.risk.value if draft.risk else None,
        "onderbouwing": draft.onderbouwing,
        "getoetst_door": taxatie.reviewer_name,
        "oordeel": taxatie.verdict.value if taxatie.verdict else None,
        "visie_toetser": taxatie.reviewer_view,
        "veiligheid_volgens_toetser": taxatie.reviewer_safety.value
        if taxatie.reviewer_safety
        else None,
        "volgende_taxatie": _iso(taxatie.next_due),
    }
    marker = _withheld(report, PassageKind.TAXATIE, taxatie.id, PassagePart.ONDERBOUWING)
    if marker:  # the conclusion stays; the reasoning is not in the file
        for reasoning in ("factoren", "onderbouwing", "visie_toetser"):
            del data[reasoning]
        data["achtergehouden"] = marker
    return data


def _taxatie(taxatie: TaxatieRecord, marker: str = "") -> list[Flowable]:
    """A risicotaxatie: its factors in the list's order, its conclusion and its review;
    with ``marker``, the conclusion and the marker instead of the reasoning."""
    draft = taxatie.draft
    texts = {f.code: f.text for f in risk_instrument().factors}
    rows = [
        (texts.get(f.code, f.code), FACTOR_ANSWER[f.answer] if f.answer else "", f.remark)
        for f in draft.factors
    ]
    about = taxatie.subject or WHOLE_HOUSEHOLD
    if marker:
        return [
            subheading(f"Risicotaxatie van {date_text(draft.assessed_on)} over {about}"),
            field_table(
                [
                    ("Status", taxatie_state_text(taxatie.state, taxatie.verdict)),
                    ("Door", taxatie.author_name),
                    ("Veiligheid nu", safety_text(draft.safety)),
                    ("Risico komende periode", RISK[draft.risk] if draft.risk else ""),
                    ("Onderbouwing en factoren", marker),
                    ("Getoetst door", taxatie.reviewer_name),
                    ("Volgende taxatie", date_text(taxatie.next_due)),
                ]
            ),
            Spacer(1, 4),
        ]
    return [
        subheading(f"Risicotaxatie van {date_text(draft.assessed_on)} over {about}"),
        field_table(
            [
                ("Status", taxatie_state_text(taxatie.state, taxatie.verdict)),
                ("Door", taxatie.author_name),
                ("Veiligheid nu", safety_text(draft.safety)),
                ("Risico komende periode", RISK[draft.risk] if draft.risk else ""),
                ("Onderbouwing", draft.onderbouwing),
                ("Getoetst door", taxatie.reviewer_name),
                ("Visie van de toetser", taxatie.reviewer_view),
                ("Volgende taxatie", date_text(taxatie.next_due)),
            ]
        ),
        data_table(["Factor", "Antwoord", "Opmerking"], rows, widths=[0.5, 0.15, 0.35]),
        Spacer(1, 4),
    ]


def _traject(traject: TrajectRecord) -> list[Flowable]:
    codes = load_codelists()
    return [
        heading(f"Traject, aangemeld op {date_text(traject.registered_on)}"),
        field_table(
            [
                ("Aanmelddatum", date_text(traject.registered_on)),
                ("Herkomst", codes.label("herkomst", traject.herkomst)),
                ("Vraag", traject.question),
                ("Fase", PHASE[traject.phase]),
                ("Aard", codes.label("aard", traject.aard)),
                ("Ernst", codes.label("ernst", traject.ernst)),
                ("Urgentie", codes.label("urgentie", traject.urgentie)),
                ("Afgesloten op", date_text(traject.closed_on)),
                ("Afsluitreden", codes.label("afsluitreden", traject.close_reason)),
            ]
        ),
        subheading("Casusregisseurs"),
        data_table(
            ["Naam", "Van", "Tot"],
            [
                (r.name, date_text(r.start_on), date_text(r.end_on) or UNTIL_NOW)
                for r in traject.regisseurs
            ],
            widths=[0.5, 0.25, 0.25],
        ),
        subheading("Verloop"),
        data_table(
            ["Datum", "Soort", "Toelichting"],
            [(date_text(e.event_date), event_text(e), event_detail(e)) for e in traject.events],
            widths=[0.15, 0.2, 0.65],
        ),
    ]


def _measurement(
    measurement: MeasurementRecord, known: Mapping[tuple[str, str], Instrument]
) -> list[Flowable]:
    """A measurement in its instrument's own order, levels and chosen conclusions in words."""
    draft = measurement.draft
    instrument = known.get((draft.instrument_code, draft.instrument_version))
    order = [item.code for item in instrument.items] if instrument else []
    rows = []
    for score in sorted(
        draft.scores,
        key=lambda s: order.index(s.item_code) if s.item_code in order else len(order),
    ):
        item = instrument.item(score.item_code) if instrument else None
        if score.not_assessed:
            level = NOT_ASSESSED
        elif instrument and score.level:
            level = f"{score.level} · {instrument.level_name(score.level)}"
        else:
            level = str(score.level or "")
        domain = (item.client_name or item.name) if item else score.item_code
        rows.append((domain, level, score.target, score.remark))
    incomplete = incomplete_text(measurement.scored, measurement.total)
    status = f" — {incomplete}" if incomplete else ""
    named = instrument.name if instrument else f"{draft.instrument_code} {draft.instrument_version}"
    about = "" if measurement.person_id else ", over het hele huishouden"
    first = "Vraag" if instrument and len(instrument.sections) > 1 else "Domein"
    story: list[Flowable] = [
        subheading(
            f"{named}{about}: meting van {date_text(draft.measured_on)} door {draft.assessor}{status}"
        ),
        data_table([first, "Niveau", "Doel", "Opmerking"], rows, widths=[0.28, 0.3, 0.08, 0.34]),
    ]
    if instrument and instrument.conclusions:
        story.append(
            field_table(
                [
                    (c.name, c.option_name(draft.conclusion(c.code)) or NOTHING)
                    for c in instrument.conclusions
                ]
            )
        )
    if draft.note:
        story.append(body(f"Toelichting: {draft.note}"))
    story.append(Spacer(1, 4))
    return story


def _signs(record: SignsOfSafetyRecord, marker: str = "") -> list[Flowable]:
    draft = record.draft
    if marker:
        return [subheading(f"Signs of Safety van {date_text(draft.assessed_on)}"), body(marker)]
    scale = [
        (
            RESPONDENT[a.respondent]
            + (f" ({record.names.get(a.person_id, '')})" if a.person_id else ""),
            scale_text(a.score),
        )
        for a in draft.answers
    ]
    return [
        subheading(f"Signs of Safety van {date_text(draft.assessed_on)}"),
        field_table(
            [
                ("Zorgen", draft.worries),
                ("Wat gaat goed", draft.going_well),
                ("Wat moet er gebeuren", draft.next_steps),
                *(("Veiligheidsschaal: " + who, score) for who, score in scale),
            ]
        ),
        Spacer(1, 4),
    ]


def _plan(plan: SafetyPlanRecord, marker: str = "") -> list[Flowable]:
    if marker:
        return [
            subheading(f"Veiligheidsplan versie {plan.version} van {date_text(plan.made_on)}"),
            body(marker),
        ]
    codes = load_codelists()
    settled = plan.settlement
    if settled is None:
        status = "concept, nog niet afgesproken"
    elif settled.with_parents:
        how = codes.label("afspraakwijze", settled.agreed_how).lower()
        status = f"afgesproken met de ouders op {date_text(settled.agreed_on)} ({how})"
    else:
        status = (
            f"vastgesteld op {date_text(settled.agreed_on)}, niet met de ouders afgesproken: "
            f"{settled.not_agreed_reason}"
        )
    return [
        subheading(f"Veiligheidsplan versie {plan.version} van {date_text(plan.made_on)}"),
        field_table([("Status", status), ("Wat moet er gebeuren", plan.goal)]),
        data_table(
            ["Afspraak", "Wie doet het", "Wanneer", "Wie controleert", "Netwerk"],
            [
                (a.draft.what, a.draft.who, a.draft.trigger, a.draft.checker, a.draft.network)
                for a in plan.agreements
            ],
            widths=[0.3, 0.17, 0.19, 0.17, 0.17],
        ),
        Spacer(1, 4),
    ]


def _gezinsplan(plan: GezinsplanRecord, codes: CodeLists, marker: str = "") -> list[Flowable]:
    """One version of the gezinsplan: what was written, the goals with their actions, who
    helps, the evaluations and who agreed."""
    draft = plan.draft
    head = subheading(f"Gezinsplan versie {plan.version} van {date_text(draft.made_on)}")
    status = (
        f"vastgesteld op {date_text(plan.settled_on)}"
        if plan.settled_on
        else "concept, nog niet vastgesteld"
    )
    if marker:
        return [head, field_table([("Status", status)]), body(marker), Spacer(1, 4)]
    story: list[Flowable] = [
        head,
        field_table(
            [
                ("Status", status),
                ("Regisseur", plan.regisseur),
                ("Situatie", draft.situation),
                ("Vraag van het gezin", draft.question),
                ("Eerdere hulpverlening", draft.earlier_help),
                ("Krachten", draft.strengths),
                ("Zorgen", draft.concerns),
                ("Wat het kind zegt", draft.child_view),
            ]
        ),
    ]
    if plan.goals:
        story.append(
            data_table(
                ["Doel", "Voor wie", "Domein en doelniveau", "Wie doet wat, wanneer"],
                [
                    (
                        g.description,
                        ", ".join(g.members),
                        f"{g.item_label} {g.draft.target_level or ''}".strip(),
                        "; ".join(
                            f"{a.description} ({a.owner}, {date_text(a.draft.due_on)}"
                            + (f", {ACTION_STATUS[a.status]})" if a.status else ")")
                            for a in g.actions
                        ),
                    )
                    for g in plan.goals
                ],
                widths=[0.3, 0.16, 0.14, 0.4],
            )
        )
    if plan.network or plan.partners:
        story.append(
            data_table(
                ["Wie helpt", "Wat"],
                [
                    *((f"{n.draft.name} ({n.draft.relation})", n.draft.role) for n in plan.network),
                    *(
                        (" · ".join(filter(None, (o.organisation, o.contact))), o.draft.role)
                        for o in plan.partners
                    ),
                ],
                widths=[0.4, 0.6],
            )
        )
    if plan.evaluations:
        story.append(
            data_table(
                ["Evaluatie", "Gehouden op", "Wat kwam eruit"],
                [
                    (
                        date_text(e.planned_on),
                        date_text(e.held_on),
                        "; ".join(
                            [
                                *([e.note] if e.note else []),
                                *(
                                    f"{r.goal}: {GOAL_OUTCOME[r.draft.outcome].lower()}"
                                    for r in e.results
                                ),
                            ]
                        ),
                    )
                    for e in plan.evaluations
                ],
                widths=[0.15, 0.15, 0.7],
            )
        )
    if plan.parties:
        story.append(
            data_table(
                ["Akkoord", "Wanneer en hoe"],
                [
                    (
                        p.name,
                        f"{date_text(p.draft.agreed_on)} "
                        f"({codes.label('afspraakwijze', p.draft.agreed_how).lower()})"
                        if p.draft.agreed_on
                        else f"niet akkoord: {p.draft.not_agreed_reason}",
                    )
                    for p in plan.parties
                ],
                widths=[0.4, 0.6],
            )
        )
    story.append(Spacer(1, 4))
    return story


def _gezinsplannen(report: InzageReport, codes: CodeLists) -> list[Flowable]:
    """Every version of the household's gezinsplan; nothing when it has none."""
    if not report.gezinsplannen:
        return []
    story: list[Flowable] = [heading("Gezinsplan")]
    for version in report.gezinsplannen:
        marker = _withheld(report, PassageKind.GEZINSPLAN, version.id, PassagePart.INHOUD)
        story += _gezinsplan(version, codes, marker)
    return story


def _actions(report: InzageReport) -> list[Flowable]:
    """The household's actions; nothing when it has none."""
    if not report.actions:
        return []
    return [
        heading("Acties"),
        data_table(
            ["Actie", "Wie", "Klaar op", "Status", "Herkomst"],
            [
                (
                    a.description,
                    a.owner,
                    date_text(a.due_on),
                    f"{ACTION_STATUS[a.status]} {date_text(a.status_on)}",
                    ACTION_ORIGIN[a.draft.origin],
                )
                for a in report.actions
            ],
            widths=[0.36, 0.2, 0.14, 0.16, 0.14],
        ),
    ]


def _meeting_cases(report: InzageReport) -> list[Flowable]:
    """The household's own cases in meetings (never another household on that agenda)."""
    if not report.meeting_cases:
        return []
    story: list[Flowable] = [heading("Besprekingen in overleggen")]
    for case in report.meeting_cases:
        item, notes = case.item, case.item.notes
        story.append(
            subheading(f"{MEETING_KIND[case.kind]} {case.number} van {date_text(case.held_on)}")
        )
        rows = [
            ("Uitkomst", ITEM_OUTCOME[item.outcome]),
            ("Veiligheid besproken", yes_no(notes.safety_discussed)),
        ]
        if marker := _withheld(report, PassageKind.OVERLEG, item.id, PassagePart.INHOUD):
            story += [field_table(rows), body(marker), Spacer(1, 4)]
            continue
        network = "" if notes.network_discussed is None else yes_no(notes.network_discussed)
        story.append(
            field_table(
                [
                    ("Casusvraag", item.question),
                    ("Ingebracht door", item.brought_in_by),
                    ("Informatieronde", notes.information),
                    ("Analyse", notes.analysis),
                    ("Advies / conclusie", notes.conclusion),
                    ("Interne notitie", notes.internal_note),
                    *rows,
                    ("Netwerk besproken", network),
                ]
            )
        )
        if item.decisions:
            story.append(
                data_table(
                    ["Besluit", "Toelichting", "Besloten door", "Uitgevoerd op"],
                    [
                        (
                            DECISION_KIND[d.kind],
                            d.draft.text,
                            ", ".join(d.deciders),
                            date_text(d.carried_out_on),
                        )
                        for d in item.decisions
                    ],
                    widths=[0.22, 0.4, 0.22, 0.16],
                )
            )
        story.append(Spacer(1, 4))
    return story


def _verwijzingen(report: InzageReport) -> list[Flowable]:
    """The verwijzingen this person is in, with each status and its date."""
    if not report.verwijzingen:
        return []
    codes = load_codelists()
    return [
        heading("Verwijzingen"),
        data_table(
            ["Datum", "Voor wie", "Naar", "Hulpvorm", "Reden", "Status"],
            [
                (
                    date_text(v.draft.referred_on),
                    ", ".join(v.members),
                    v.organisation,
                    codes.label("hulpvorm", v.draft.hulpvorm),
                    v.draft.reason,
                    "; ".join(
                        f"{VERWIJZING_STATUS[s.status]} {date_text(s.on)}" for s in v.history
                    ),
                )
                for v in report.verwijzingen
            ],
            widths=[0.11, 0.16, 0.16, 0.14, 0.25, 0.18],
        ),
    ]


def inzage_pdf(report: InzageReport, *, made_by: str, on: date | None = None) -> bytes:
    """A readable overview of everything Teamtafel holds about one person, as PDF bytes."""
    on = on or date.today()
    codes = load_codelists()
    person, household = report.person, report.household
    name = person.full_name
    story: list[Flowable] = [
        title(f"{TITLE}: {name}"),
        body(
            "Overzicht van alle gegevens die het wijkteam in Teamtafel over u heeft vastgelegd, "
            f"gemaakt op {long_date_text(on)} door {made_by}. Klopt er iets niet? Dan kunt u "
            "vragen om het te verbeteren of aan te vullen."
        ),
        heading("Persoonsgegevens"),
        field_table(
            [
                ("Voornaam", person.first_name),
                ("Tussenvoegsel", person.infix),
                ("Achternaam", person.last_name),
                ("Geboortedatum", date_text(person.date_of_birth)),
                ("Rol", ROLE[person.role]),
                ("BSN", person.bsn),
                ("Gezag", yes_no(person.gezag)),
                ("Woont elders", yes_no(person.lives_elsewhere)),
                *([("Eigen adres", person.address)] if person.lives_elsewhere else []),
                ("Adres afgeschermd", yes_no(person.address_shielded)),
                ("Vastgelegd op", moment_text(person.recorded_at)),
                ("Vastgelegd door", report.name_of(person.recorded_by)),
            ]
        ),
        heading("Huishouden"),
        field_table(
            [
                ("Dossiernummer", household.dossier_number),
                ("Naam", household.address.name),
                (
                    "Adres",
                    ADDRESS_WITHHELD if household.address_withheld else household.street_line,
                ),
                ("Postcode", household.address.postcode),
                ("Woonplaats", household.address.city),
                ("Telefoon", household.address.phone),
                ("Gezinsleden", ", ".join(household.members)),
            ]
        ),
    ]
    for traject in report.trajecten:
        story += _traject(traject)
    story.append(heading("Metingen (ZRM en andere instrumenten)"))
    if not report.measurements:
        story.append(body("Niets vastgelegd."))
    known = report.instruments or shipped_instruments()
    for measurement in report.measurements:
        story += _measurement(measurement, known)
    story += meldcode_story(report.meldcode, report.withheld)  # nothing without a procedure
    story.append(heading("Signs of Safety"))
    if not report.signs_of_safety:
        story.append(body("Niets vastgelegd."))
    for record in report.signs_of_safety:
        story += _signs(
            record, _withheld(report, PassageKind.SIGNS_OF_SAFETY, record.id, PassagePart.INHOUD)
        )
    story.append(heading("Veiligheidsplan"))
    if not report.safety_plans:
        story.append(body("Niets vastgelegd."))
    for plan in report.safety_plans:
        story += _plan(
            plan, _withheld(report, PassageKind.VEILIGHEIDSPLAN, plan.id, PassagePart.INHOUD)
        )
    story += _gezinsplannen(report, codes)
    if report.taxaties:
        story.append(heading("Risicotaxaties"))
        for taxatie in report.taxaties:
            story += _taxatie(
                taxatie,
                _withheld(report, PassageKind.TAXATIE, taxatie.id, PassagePart.ONDERBOUWING),
            )
    story += _actions(report)
    story += _verwijzingen(report)
    story += _meeting_cases(report)
    story += [
        heading("Contactmomenten"),
        data_table(
            ["Datum", "Soort", "Medewerker", "Notitie"],
            [
                (date_text(c.contact_date), CONTACT_KIND[c.kind], c.medewerker, c.note)
                for c in report.contacts
            ],
            widths=[0.13, 0.14, 0.2, 0.53],
        ),
        heading("Toestemmingen"),
        data_table(
            ["Organisatie", "Doel", "Gegeven door", "Datum", "Geldig tot", "Geweigerd", "Betreft"],
            [
                (
                    c.organisation,
                    c.purpose,
                    c.given_by,
                    date_text(c.given_on),
                    date_text(c.valid_until),
                    yes_no(c.refused),
                    c.person or WHOLE_HOUSEHOLD,
                )
                for c in report.consents
            ],
            widths=[0.16, 0.14, 0.13, 0.14, 0.14, 0.14, 0.15],
        ),
        heading("Wijzigingen (correctiegeschiedenis)"),
        data_table(
            ["Wanneer", "Door", "Gegeven", "Was", "Werd"],
            [
                (
                    moment_text(h.at),
                    report.name_of(h.login),
                    changed_field_text(h.table_name, h.field),
                    *_change_values(
                        report,
                        removed_text(h.removed_values, codes)
                        if h.removed
                        else changed_value_text(h.field, h.old_value, codes),
                        changed_value_text(h.field, h.new_value, codes),
                        h.passage,
                    ),
                )
                for h in report.changes
            ],
            widths=[0.2, 0.11, 0.23, 0.23, 0.23],
        ),
        heading("Wie heeft het dossier ingezien of gewijzigd?"),
        data_table(
            ["Wanneer", "Door", "Handeling"],
            [
                (moment_text(a.at), report.name_of(a.login), ACCESS_ACTION[a.action])
                for a in report.access
            ],
            widths=[0.25, 0.3, 0.45],
        ),
    ]
    return build_pdf(
        story,
        document_title=f"{TITLE} {name}",
        header=f"{TITLE} · dossier {household.dossier_number}",
        made_on=on,
    )


def inzage_file_stem(report: InzageReport) -> str:
    """inzage-2026-0001-1a2b3c4d: the dossier number and the start of the person's id, no name."""
    return f"inzage-{report.household.dossier_number}-{str(report.person.id)[:8]}"
