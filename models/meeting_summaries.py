"""The first providers of the household summary beside the notes in meeting mode.

Each gives one short block in Dutch: the members (name, age, role), the regie (casusregisseur
and phase of the current traject), safety (the household's maintained safety row and the
veiligheidsplan that holds now), an open meldcode procedure, the latest ZRM per member with
its lowest domains, the open actions (overdue first), and the gezinsplan (its version, the
next evaluation, its goals). Each block reads only its own few
rows of the one household (no per-member or per-action queries), so a case opens at once.
Registered in :mod:`models.summary`, which imports this module.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.actions import Action, action_records
from models.afwegingskader import Status
from models.entities import Medewerker, Person, RegisseurAssignment, Traject
from models.enums import ActionStatus, Phase, Safety
from models.gezinsplan import Gezinsplan, PlanEvaluation, PlanGoal
from models.meeting_records import SummaryBlock
from models.meldcode import open_procedures
from models.records import age_on, full_name
from models.safety_plan import current_agreements
from models.taxatie import HouseholdSafety
from models.wording import PHASE, ROLE, date_text, open_procedure_text, safety_text
from models.zrm import ZRM, instruments, latest_per_member

MAX_GOALS = 4  # goals of the gezinsplan shown; the rest is counted
MAX_ACTIONS = 6  # open actions shown; the rest is counted
MAX_AGREEMENTS = 3  # agreements of the veiligheidsplan shown
LOWEST = 3  # the lowest ZRM domains shown per member
WORRYING = frozenset({Safety.ZORGELIJK, Safety.ONVEILIG, Safety.ACUUT_ONVEILIG})


def members(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock | None:
    """'Fatma Yılmaz (38), ouder' per member, the eldest first."""
    people = session.scalars(
        select(Person)
        .where(Person.household_id == household_id)
        .order_by(Person.date_of_birth, Person.first_name)
    ).all()
    if not people:
        return None
    lines = []
    for p in people:
        age = f" ({age_on(p.date_of_birth, today)})" if p.date_of_birth else ""
        lines.append(
            f"{full_name(p.first_name, p.infix, p.last_name)}{age}, {ROLE[p.role].lower()}"
        )
    return SummaryBlock("Gezinsleden", tuple(lines), order=10)


def regie(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock:
    """The current traject's casusregisseur and phase."""
    traject = session.scalar(
        select(Traject).where(Traject.household_id == household_id, Traject.is_current.is_(True))
    )
    if traject is None:
        return SummaryBlock("Regie", ("Geen traject",), order=20)
    regisseur = session.scalar(
        select(Medewerker.name)
        .join(RegisseurAssignment, RegisseurAssignment.medewerker_id == Medewerker.id)
        .where(RegisseurAssignment.traject_id == traject.id, RegisseurAssignment.end_on.is_(None))
        .order_by(RegisseurAssignment.start_on.desc())
        .limit(1)
    )
    if traject.phase is Phase.AFGESLOTEN:
        closed = f" op {date_text(traject.closed_on)}" if traject.closed_on else ""
        return SummaryBlock("Regie", (f"Traject afgesloten{closed}",), order=20)
    lines = [
        f"Casusregisseur: {regisseur}" if regisseur else "Nog geen casusregisseur",
        f"Fase: {PHASE[traject.phase].lower()} (aangemeld {date_text(traject.registered_on)})",
    ]
    return SummaryBlock("Regie", tuple(lines), order=20, warn=regisseur is None)


def safety(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock:
    """The household's safety (the list's maintained row: the most serious of its taxaties),
    when it is to be re-assessed, and the veiligheidsplan's agreements that hold now."""
    row = session.get(HouseholdSafety, household_id)
    lines: list[str] = []
    warn = False
    if row is None or row.safety is None:
        lines.append("Nog geen risicotaxatie")
    else:
        when = f" (taxatie {date_text(row.last_on)})" if row.last_on else ""
        lines.append(f"Veiligheid: {safety_text(row.safety, row.concept)}{when}")
        warn = row.safety in WORRYING
    if row is not None and row.next_due is not None:
        late = row.next_due < today
        lines.append(
            f"Hertaxatie {'was uiterlijk' if late else 'uiterlijk'} {date_text(row.next_due)}"
            + (" (te laat)" if late else "")
        )
        warn = warn or late
    agreements = current_agreements(session, household_id)
    if agreements:
        lines.append(f"Veiligheidsplan: {len(agreements)} afspraken")
        lines += [
            f"– {a.what}" + (f" ({a.who})" if a.who else "") for a in agreements[:MAX_AGREEMENTS]
        ]
        if len(agreements) > MAX_AGREEMENTS:
            lines.append(f"– en nog {len(agreements) - MAX_AGREEMENTS}")
    return SummaryBlock("Veiligheid", tuple(lines), order=30, warn=warn)


def meldcode(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock | None:
    """Each open meldcode procedure as the dossier header says it; a passed evaluation
    date warns."""
    procedures = open_procedures(session, household_id)
    if not procedures:
        return None
    late = any(
        p.status is Status.VOLGEN and p.evaluation_on is not None and p.evaluation_on < today
        for p in procedures
    )
    lines = tuple(open_procedure_text(p, today) for p in procedures)
    return SummaryBlock("Meldcode", lines, order=35, warn=late)


def zrm(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock | None:
    """Per member the latest ZRM and its lowest domains: 'Fatma, 12-03-2026: financiën 1,
    huisvesting 2'."""
    latest = latest_per_member(session, household_id, ZRM)
    if not latest:
        return None
    names: dict[uuid.UUID, str] = {
        person_id: first
        for person_id, first in session.execute(
            select(Person.id, Person.first_name).where(Person.id.in_(list(latest)))
        )
    }
    known = instruments(session)
    lines = []
    for person_id, record in sorted(latest.items(), key=lambda kv: names.get(kv[0], "")):
        instrument = known.get((record.draft.instrument_code, record.draft.instrument_version))
        scored = sorted(
            (s.level, s.item_code)
            for s in record.draft.scores
            if s.level is not None and not s.not_assessed
        )
        lowest = []
        for level, code in scored[:LOWEST]:
            item = instrument.item(code) if instrument else None
            lowest.append(f"{(item.name if item else code).lower()} {level}")
        what = f": laagst {', '.join(lowest)}" if lowest else ""
        lines.append(f"{names.get(person_id, '?')}, {date_text(record.measured_on)}{what}")
    return SummaryBlock("Laatste ZRM", tuple(lines), order=40)


def actions(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock | None:
    """The open actions, the overdue first ('te laat'); warns when one is overdue."""
    rows = list(
        session.scalars(
            select(Action)
            .where(Action.household_id == household_id, Action.status == ActionStatus.OPEN)
            .order_by(Action.due_on, Action.description)
        )
    )
    if not rows:
        return None
    records = action_records(session, rows)
    lines = []
    for r in records[:MAX_ACTIONS]:
        due = r.draft.due_on
        when = f"te laat ({date_text(due)})" if r.overdue(today) else f"uiterlijk {date_text(due)}"
        lines.append(f"{r.description} — {r.owner}, {when}")
    if len(records) > MAX_ACTIONS:
        lines.append(f"en nog {len(records) - MAX_ACTIONS} open acties")
    overdue = sum(r.overdue(today) for r in records)
    title = f"Open acties ({len(records)}, {overdue} te laat)" if overdue else "Open acties"
    return SummaryBlock(title, tuple(lines), order=50, warn=overdue > 0)


def gezinsplan(session: Session, household_id: uuid.UUID, today: date) -> SummaryBlock | None:
    """The plan that holds (the latest vastgestelde version; else the concept): its version
    and date, the next evaluation (warns when one has passed without being held), and its
    goals in short. A fixed number of queries, whatever the plan holds."""
    versions = session.execute(
        select(Gezinsplan.id, Gezinsplan.version, Gezinsplan.settled_on)
        .where(Gezinsplan.household_id == household_id)
        .order_by(Gezinsplan.version.desc())
    ).all()
    if not versions:
        return None
    plan_id, version, settled_on = next((v for v in versions if v.settled_on), versions[0])
    concept = next((v.version for v in versions if v.settled_on is None), None)
    if settled_on is None:
        lines = [f"Versie {version}: concept, nog niet vastgesteld"]
    else:
        lines = [f"Versie {version}, vastgesteld {date_text(settled_on)}"]
        if concept is not None:
            lines[0] += f" (versie {concept} in de maak)"
    planned = list(
        session.scalars(
            select(PlanEvaluation.planned_on)
            .where(PlanEvaluation.plan_id == plan_id, PlanEvaluation.held_on.is_(None))
            .order_by(PlanEvaluation.planned_on)
        )
    )
    late = settled_on is not None and bool(planned) and planned[0] < today
    if late:
        lines.append(f"Evaluatie was {date_text(planned[0])} (te laat)")
    elif planned:
        lines.append(f"Volgende evaluatie {date_text(planned[0])}")
    else:
        lines.append("Geen evaluatie gepland")
    goals = session.execute(
        select(
            PlanGoal.description,
            PlanGoal.instrument_code,
            PlanGoal.instrument_version,
            PlanGoal.item_code,
            PlanGoal.target_level,
        )
        .where(PlanGoal.plan_id == plan_id)
        .order_by(PlanGoal.position)
    ).all()
    known = instruments(session) if any(g.item_code for g in goals) else {}
    for description, code, instrument_version, item_code, target in goals[:MAX_GOALS]:
        instrument = known.get((code, instrument_version))
        item = instrument.item(item_code) if instrument and item_code else None
        aim = f" ({item.name.lower()} → {target})" if item and target is not None else ""
        short = description if len(description) <= 60 else description[:57].rstrip() + "…"
        lines.append(f"– {short}{aim}")
    if len(goals) > MAX_GOALS:
        lines.append(f"– en nog {len(goals) - MAX_GOALS} doelen")
    return SummaryBlock("Gezinsplan", tuple(lines), order=45, warn=late)


PROVIDERS = {
    "gezinsleden": members,
    "regie": regie,
    "veiligheid": safety,
    "meldcode": meldcode,
    "zrm": zrm,
    "acties": actions,
    "gezinsplan": gezinsplan,
}
