"""The Dutch words for the codes and enums the models hand over, and Dutch dates and times.

One Qt-free module for every screen, PDF report and command-line output, so a code,
a date or a moment reads the same everywhere. Models return codes, enums and aware
UTC datetimes; this module is the only place in ``models/`` that holds Dutch words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from models.afwegingskader import (
    ConsultationKind,
    CorrectionRecord,
    MeldcodeRule,
    OpenProcedure,
    OrderProblem,
    Outcome,
    OutOfOrder,
    ProcedureRecord,
    Question,
    Status,
    VictimKind,
    ViolenceForm,
)
from models.codelists import CodeLists, load_codelists
from models.enums import (
    ActionOrigin,
    ActionOwner,
    ActionStatus,
    ContactKind,
    EventKind,
    FactorAnswer,
    KeyState,
    MemberRole,
    PassageKind,
    PassagePart,
    Phase,
    Respondent,
    Risk,
    Safety,
    TaxatieState,
    Verdict,
    VerwijzingStatus,
)
from models.errors import Rule
from models.gezinsplan_records import GoalChange, GoalOutcome, PlanPart
from models.instruments import InstrumentError, InstrumentProblem, Subject
from models.meeting_records import (
    DecisionKind,
    FamilyAttendance,
    ItemOutcome,
    MeetingKind,
    MeetingStatus,
)
from models.permissions import AccessAction, Role
from models.records import (
    ChainBreak,
    ChainProblem,
    DossierWarning,
    EventRecord,
    Passage,
    ScoreDraft,
    WarningKind,
)
from models.roster import Difference, Finding, RosterCheck, RosterState
from models.validation import Problem

PHASE = {
    Phase.AANGEMELD: "Aangemeld",
    Phase.VRAAGVERHELDERING: "Vraagverheldering",
    Phase.PLAN: "Plan",
    Phase.UITVOERING: "Uitvoering",
    Phase.AFGESLOTEN: "Afgesloten",
}

ROLE = {
    MemberRole.OUDER: "Ouder",
    MemberRole.KIND: "Kind",
    MemberRole.JONGVOLWASSENE: "Jongvolwassene",
    MemberRole.OVERIG: "Overig",
}

CONTACT_KIND = {
    ContactKind.HUISBEZOEK: "Huisbezoek",
    ContactKind.TELEFOON: "Telefoon",
    ContactKind.SCHOOL: "School",
    ContactKind.OVERLEG: "Overleg",
    ContactKind.OVERIG: "Overig",
}

EVENT_KIND = {
    EventKind.AANGEMELD: "Aangemeld",
    EventKind.FASE: "Fase gewijzigd",
    EventKind.OPSCHALEN: "Opgeschaald",
    EventKind.AFSCHALEN: "Afgeschaald",
    EventKind.AFGESLOTEN: "Afgesloten",
}

RESPONDENT = {
    Respondent.TEAM: "Team",
    Respondent.OUDER: "Ouder",
    Respondent.JONGERE: "Jongere",
}

ROLE_NAMES = {
    Role.MEDEWERKER: "Medewerker",
    Role.COORDINATOR: "Coördinator",
    Role.BEHEERDER: "Beheerder",
}

# The status of an active account, by what its password opens (models.enums.KeyState).
KEY_STATE = {
    KeyState.OK: "actief",
    KeyState.TEMPORARY: "actief, tijdelijk wachtwoord",
    KeyState.OLD_FORMAT: "actief, nog niet omgezet",
    KeyState.BLOCKED: "geblokkeerd: tijdelijk wachtwoord nodig",
}
DEMO_BANNER = "DEMO — geen echte gegevens"
DEMO_BSN_QUESTION = (
    "Dit is een demo-database met verzonnen gegevens, en dit BSN ligt buiten de testreeks "
    "9999xxxxx: het kan van een echt persoon zijn. Toch opslaan?"
)

ACCESS_ACTION = {
    AccessAction.LOGIN: "Ingelogd",
    AccessAction.OPEN: "Dossier geopend",
    AccessAction.CHANGE: "Gewijzigd",
    AccessAction.PRINT: "Afgedrukt",
    AccessAction.EXPORT: "Geëxporteerd",
    AccessAction.DESTROY: "Dossier vernietigd",
    AccessAction.BACKUP: "Back-up gemaakt",
    AccessAction.RESTORE: "Back-up teruggezet",
    AccessAction.ACCOUNT: "Accountbeheer",
    AccessAction.LOGIN_FAILED: "Mislukte inlogpoging",
}

PROBLEM = {
    Problem.REQUIRED: "Vul dit veld in.",
    Problem.BSN_LENGTH: "Een BSN bestaat uit 9 cijfers.",
    Problem.BSN_ELFPROEF: "Dit BSN bestaat niet (het klopt niet volgens de elfproef). "
    "Controleer de cijfers.",
    Problem.DATE_FORMAT: "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 03-09-2015.",
    Problem.DATE_NOT_REAL: "Deze datum bestaat niet.",
    Problem.DATE_IN_FUTURE: "Deze datum ligt in de toekomst.",
    Problem.DATE_TOO_OLD: "Deze datum ligt vóór 1900.",
    Problem.NOTHING_SCORED: "Vul minstens één domein in (een niveau of 'niet beoordeeld').",
    Problem.DATE_AFTER_EVENTS: "Deze datum ligt na een latere stap in het traject (een "
    "fasewijziging, op- of afschaling of de start van een regisseur). Corrigeer eerst die stap.",
    Problem.DATE_BEFORE_REGISTRATION: "Deze datum ligt te vroeg: vóór de aanmelding "
    "of vóór de vorige wijziging.",
    Problem.POSTCODE: "Een postcode bestaat uit vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
    Problem.TOO_LONG: "Deze tekst is te lang.",
    Problem.UNKNOWN_CODE: "Kies een waarde uit de lijst.",
    Problem.LEVEL_OUT_OF_RANGE: "Kies een niveau van de schaal van dit instrument, of 'niet beoordeeld'.",
    Problem.WRONG_SUBJECT: "Dit instrument is voor een ander soort meting: voor één gezinslid of "
    "voor het hele huishouden.",
    Problem.END_BEFORE_START: "Deze einddatum ligt vóór de begindatum.",
    Problem.PASSWORD_SHORT: "Een wachtwoord heeft minstens 10 tekens.",
    Problem.PASSWORD_MISMATCH: "De twee wachtwoorden zijn niet gelijk.",
    Problem.OUT_OF_RANGE: "Deze waarde ligt buiten de toegestane grenzen.",
    Problem.SCALE_0_10: "Vul een cijfer van 0 tot en met 10 in (0: onveilig, 10: veilig genoeg "
    "om de zorgen los te laten), of laat het veld leeg.",
    Problem.DUPLICATE: "Deze naam staat al in de lijst.",
    Problem.EMAIL: "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
    Problem.INACTIVE: "Deze organisatie is uitgeschakeld; kies een andere.",
    Problem.DATE_IN_PAST: "Een nieuwe actie kan niet vóór vandaag klaar moeten zijn.",
    Problem.BSN_IN_USE: "Dit BSN staat al bij een andere persoon. Controleer het; klopt het toch, "
    "sla dan op en kies Ja.",
    Problem.BSN_NOT_TEST: "Dit is een demo-database: gebruik een BSN uit de testreeks "
    "9999xxxxx, geen echt BSN.",
    Problem.PHONE: "Een telefoonnummer bestaat uit cijfers, spaties en + - ( ), bijvoorbeeld "
    "06-12345678 of +31 20 123 4567. Zet een toelichting in een notitie.",
    Problem.SAME_DECIDER: "Een verwijzing wordt door twee verschillende medewerkers besloten: "
    "kies een andere tweede beslisser.",
    Problem.INACTIVE_MEDEWERKER: "Deze medewerker is niet meer actief in het team; kies een ander.",
    Problem.TIME_FORMAT: "Schrijf de tijd als uu:mm, bijvoorbeeld 09:30.",
    Problem.ON_AGENDA: "Dit huishouden staat al op de agenda van dit overleg.",
    Problem.BEFORE_MEETING: "Een nieuwe actie kan niet vóór de datum van het overleg klaar "
    "moeten zijn.",
}

RULE = {
    Rule.TRAJECT_CLOSED: "Dit traject is al afgesloten.",
    Rule.OPEN_TRAJECT_EXISTS: "Dit huishouden heeft al een lopend traject.",
    Rule.SAME_REGISSEUR: "Deze medewerker is al de casusregisseur.",
    Rule.SAME_PHASE: "Het traject is al in deze fase.",
    Rule.CLOSE_VIA_CLOSURE: "Sluit een traject af met 'Traject afsluiten'.",
    Rule.INACTIVE_MEDEWERKER: "Deze medewerker is niet meer actief in het team.",
    Rule.PLAN_AGREED: "Deze versie van het veiligheidsplan is al afgesproken en blijft zoals "
    "hij is. Maak een nieuwe versie om iets te veranderen.",
    Rule.PLAN_CONCEPT_EXISTS: "Er is al een nieuwe versie van het veiligheidsplan in "
    "voorbereiding. Werk die bij.",
    Rule.GEZINSPLAN_SETTLED: "Deze versie van het gezinsplan is vastgesteld en blijft zoals hij "
    "is. Begin een nieuwe versie om iets te veranderen.",
    Rule.GEZINSPLAN_NOT_SETTLED: "Dit gezinsplan is nog een concept: stel het eerst vast.",
    Rule.GEZINSPLAN_CONCEPT_EXISTS: "Er is al een nieuwe versie van het gezinsplan in "
    "voorbereiding. Werk die bij.",
    Rule.GEZINSPLAN_TOO_MANY_GOALS: "Een gezinsplan heeft hoogstens 15 doelen. Houd het bij een "
    "paar doelen die het gezin kan overzien.",
    Rule.GEZINSPLAN_WITHOUT_GOALS: "Een gezinsplan zonder doelen kan niet worden vastgesteld. "
    "Voeg eerst een doel toe.",
    Rule.GEZINSPLAN_AGREEMENTS_MISSING: "Nog niet iedereen die akkoord moet geven staat erbij. "
    "Leg per persoon vast wanneer en hoe die akkoord gaf (op of vóór de dag van vaststellen), "
    "of waarom niet.",
    Rule.GEZINSPLAN_ACTION_AGREED: "Deze actie hoort bij het vastgestelde gezinsplan. Wat, wie "
    "en wanneer verander je in een nieuwe versie van het plan; de stand (gedaan, vervallen) kan "
    "hier wel.",
    Rule.PLAN_WITHOUT_AGREEMENTS: "Een veiligheidsplan zonder afspraken kan niet worden "
    "vastgesteld. Voeg eerst een afspraak toe.",
    Rule.TAXATIE_INCOMPLETE: "Deze risicotaxatie is nog niet volledig: beantwoord elke factor "
    "(aanwezig, niet aanwezig of onbekend), kies de veiligheid nu en het risico, en schrijf de "
    "onderbouwing. Als concept kan hij wel worden opgeslagen.",
    Rule.TAXATIE_LOCKED: "Deze risicotaxatie is afgerond en kan niet meer worden gewijzigd.",
    Rule.TAXATIE_NOT_FOR_REVIEW: "Deze risicotaxatie staat niet ter toetsing.",
    Rule.OWN_TAXATIE: "U kunt uw eigen risicotaxatie niet toetsen: een collega moet meekijken "
    "(vier ogen). Laat een collega inloggen in het venster Meekijken.",
    Rule.REVIEWER_NOT_GEDRAGSWETENSCHAPPER: "Het team heeft ingesteld dat een gedragswetenschapper "
    "toetst. Dit account is niet gekoppeld aan een medewerker met de discipline "
    "gedragswetenschapper.",
    Rule.REVIEWER_UNKNOWN: "Deze inlognaam en dit wachtwoord horen niet bij een actief account.",
    Rule.REVIEWER_OLD_KEYS: "Dit account heeft nog sleutels van de oude soort. Laat de collega eerst "
    "zelf een keer inloggen met deze versie van Teamtafel.",
    Rule.TAXATIE_SUBJECT: "Een risicotaxatie gaat over een kind of over het hele huishouden.",
    Rule.WITHHOLD_NOT_REGISSEUR: "Alleen de casusregisseur van dit huishouden kan een deel van "
    "de inzage achterhouden. U kunt de inzage wel volledig exporteren.",
    Rule.VERWIJZING_STATUS: "Deze verwijzing kan niet naar die status. Een aangevraagde "
    "verwijzing wordt gestart of afgewezen; een gestarte wordt beëindigd; een afgewezen of "
    "beëindigde verwijzing blijft zoals hij is.",
    Rule.MEETING_CLOSED: "Dit overleg is gesloten; de agenda en de aanwezigen blijven zoals ze "
    "zijn. Het verslag en de besluiten van een casus kunnen nog worden gecorrigeerd.",
    Rule.MEETING_NOT_STARTED: "Dit overleg is nog niet begonnen. Start het overleg eerst.",
    Rule.MEETING_STARTED: "Dit overleg is al begonnen; dat kan nu niet meer.",
    Rule.MEETING_WITHOUT_ATTENDEES: "Vul eerst de aanwezigen in: zonder aanwezigen kan een "
    "overleg niet beginnen of sluiten.",
    Rule.MEETING_WITHOUT_CHAIR: "Kies eerst een voorzitter en een notulist.",
    Rule.AGENDA_EMPTY: "Er staat nog geen casus op de agenda.",
    Rule.AGENDA_CLOSED: "De voorzitter heeft de agenda gesloten. Vraag de voorzitter om deze "
    "casus toe te voegen, of breng hem in bij een volgend overleg.",
    Rule.CASES_STILL_OPEN: "Nog niet elke casus is afgerond. Rond elke casus af als besproken, "
    "of als niet besproken en doorgeschoven.",
    Rule.SAFETY_NOT_DISCUSSED: "Bevestig eerst dat de veiligheid is besproken. Is er geen tijd "
    "geweest? Rond de casus dan af als ‘niet besproken, doorgeschoven’.",
    Rule.DECISION_CARRIED_OUT: "Dit besluit is al uitgevoerd en blijft zoals het is.",
    Rule.NOT_THE_CHAIR: "Alleen de voorzitter van dit overleg (of een coördinator) kan dit: "
    "het overleg wijzigen, starten of sluiten, en de agenda ordenen of sluiten.",
    Rule.DECISION_ELSEWHERE: "Dit besluit gaat over een ander huishouden.",
    Rule.CASE_HOUSEHOLD_FIXED: "Het overleg is begonnen: wat over deze casus is geschreven, "
    "hoort bij dit huishouden. Zet een ander huishouden als nieuwe casus op de agenda.",
    Rule.NOT_YOUR_CASE: "Alleen wie deze casus inbracht of de voorzitter (of een coördinator) "
    "kan hem wijzigen of van de agenda halen.",
}

INSTRUMENT_PROBLEM = {
    InstrumentProblem.NOT_JSON: "Dit is geen geldig JSON-bestand.",
    InstrumentProblem.WRONG_SCHEMA: "Dit bestand is geen Teamtafel-instrument of -tekstbestand (het schema klopt niet).",
    InstrumentProblem.MISSING_FIELD: "In het bestand ontbreekt een verplicht onderdeel",
    InstrumentProblem.BAD_SCALE: "De schaal in het bestand klopt niet (waarden dubbel of niet oplopend)",
    InstrumentProblem.DUPLICATE_CODE: "Een code komt twee keer voor",
    InstrumentProblem.UNKNOWN_INSTRUMENT: "Dit bestand hoort bij een instrument(versie) die Teamtafel niet kent",
    InstrumentProblem.UNKNOWN_ITEM: "Het bestand noemt een domein dat het instrument niet heeft",
    InstrumentProblem.UNKNOWN_LEVEL: "Het bestand noemt een niveau buiten de schaal",
    InstrumentProblem.EMPTY_TEXT: "Een tekst in het bestand is leeg",
    InstrumentProblem.BAD_SUBJECT: "Het onderdeel ‘subject’ moet ‘persoon’ of ‘huishouden’ zijn",
    InstrumentProblem.BAD_DIRECTION: "Het onderdeel ‘direction’ moet ‘higher_is_better’, "
    "‘lower_is_better’ of ‘none’ zijn",
    InstrumentProblem.BAD_CRITICAL: "Het onderdeel ‘critical’ noemt een niveau dat niet op de schaal staat",
    InstrumentProblem.BAD_AGES: "Het onderdeel ‘ages’ klopt niet (verwacht: from en to als hele jaren, from niet na to)",
    InstrumentProblem.BAD_CONCLUSION: "Een conclusie in het bestand klopt niet (elke conclusie heeft "
    "een code, een naam en keuzes met elk een code en een naam)",
    InstrumentProblem.SHIPPED: "Dit instrument en deze versie worden al met Teamtafel meegeleverd",
    InstrumentProblem.ALREADY_LOADED: "Een ander bestand met dit instrument en deze versie is al "
    "geladen. Metingen houden hun versie: geef gewijzigde vragen een nieuw versienummer",
    InstrumentProblem.TOO_LARGE: "Dit bestand is te groot voor een instrument.",
}

SUBJECT = {
    Subject.PERSON: "gezinslid",
    Subject.HOUSEHOLD: "hele huishouden",
}

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

WHOLE_HOUSEHOLD = "het hele huishouden"  # a consent given for every member
NOT_ASSESSED = "niet beoordeeld"
NOTHING = "—"  # an empty field in a report
UNTIL_NOW = "heden"  # the end of a period that has not ended


def date_text(value: date | None) -> str:
    """25-11-2026; empty for no date."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}" if value else ""


def long_date_text(value: date) -> str:
    """25 november 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def local_time(value: datetime) -> datetime:
    """An aware moment in the computer's own time zone; a naive one is taken as UTC."""
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone()


def moment_text(value: datetime | None) -> str:
    """25-11-2026 14:03 in local time, the one way a moment is shown to a person."""
    if value is None:
        return ""
    local = local_time(value)
    return f"{date_text(local.date())} {local.hour:02d}:{local.minute:02d}"


def number_text(value: int) -> str:
    """20.000: a count with the Dutch thousands separator."""
    return f"{value:,}".replace(",", ".")


def count_text(value: int, one: str, many: str) -> str:
    """'1 seconde', '2 seconden', '1.200 regels': the noun agrees with the count."""
    return f"{number_text(value)} {one if value == 1 else many}"


def seconds_text(value: int) -> str:
    return count_text(value, "seconde", "seconden")


def bsn_in_use_question(dossier_numbers: list[str], own_number: str) -> str:
    """Where a BSN already is, by dossier number only (no name, no other detail), and whether
    to save anyway."""
    here = own_number in dossier_numbers
    others = [number for number in dossier_numbers if number != own_number]
    places = ["bij een ander gezinslid in dit dossier"] if here else []
    if len(others) == 1:
        places.append(f"bij een persoon in dossier {others[0]}")
    elif others:
        places.append(f"bij personen in de dossiers {', '.join(others[:-1])} en {others[-1]}")
    return f"Dit BSN staat al {' en '.join(places)}. Toch opslaan?"


def incomplete_text(scored: int, total: int) -> str:
    """'onvolledig (9 van 13)' for a partly scored measurement; empty for a whole one."""
    return "" if 0 < total <= scored else f"onvolledig ({scored} van {total})"


def score_text(score: ScoreDraft | None) -> str:
    """One domain's score in a table: its level, 'niet beoordeeld', or empty."""
    if score is None or not score.scored:
        return ""
    return NOT_ASSESSED if score.not_assessed else str(score.level)


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def warning_text(warning: DossierWarning) -> str:
    if warning.kind is WarningKind.TURNS_18 and warning.on is not None:
        return (
            f"{warning.person} wordt 18 op {long_date_text(warning.on)}: "
            "bereid de overgang naar 18+ tijdig voor."
        )
    if warning.kind is WarningKind.NO_REGISSEUR:
        return "Dit traject heeft geen casusregisseur."
    return warning.kind.value


def instrument_problem_text(error: InstrumentError) -> str:
    text = INSTRUMENT_PROBLEM[error.problem]
    where = f": {error.where}" if error.where else ""
    return (
        f"{text}{where}. Er is niets geladen."
        if not text.endswith(".")
        else f"{text} Er is niets geladen."
    )


def event_text(event: EventRecord) -> str:
    """A step of the traject as the screen and the PDF both show it: 'Plan → Uitvoering'."""
    if event.kind is EventKind.FASE and event.from_phase and event.to_phase:
        return f"{PHASE[event.from_phase]} → {PHASE[event.to_phase]}"
    if event.target and event.kind in SCALE_TARGETS:
        return f"{EVENT_KIND[event.kind]} naar {scale_target_text(event.kind, event.target)}"
    return EVENT_KIND[event.kind]


# Where opschalen and afschalen go: the code list of each.
SCALE_TARGETS = {EventKind.OPSCHALEN: "opschaaldoel", EventKind.AFSCHALEN: "afschaaldoel"}


def scale_target_text(kind: EventKind, code: str) -> str:
    return load_codelists().label(SCALE_TARGETS[kind], code)


def event_detail(event: EventRecord) -> str:
    """An event's explanation: for an opschaling its reason and who is responsible now,
    then the note. An event recorded before these were asked shows its note alone."""
    parts = [event.reason]
    if event.responsible:
        parts.append(f"Verantwoordelijk: {event.responsible}")
    parts.append(event.note)
    return " · ".join(p for p in parts if p)


def scale_text(score: int | None) -> str:
    """A Signs of Safety scale answer: '6 van 10'."""
    return "" if score is None else f"{score} van 10"


# --- the correction history, in words a family can read -------------------------------------

CHANGED_RECORD = {
    "household": "Huishouden",
    "person": "Gezinslid",
    "traject": "Traject",
    "traject_event": "Verloop",
    "regisseur_assignment": "Casusregisseur",
    "contact": "Contactmoment",
    "consent": "Toestemming",
    "measurement": "Meting (ZRM of ander instrument)",
    "measurement_score": "Score van een meting",
    "measurement_conclusion": "Conclusie van een meting",
    "sos_assessment": "Signs of Safety",
    "sos_scale_answer": "Veiligheidsschaal",
    "safety_plan": "Veiligheidsplan",
    "safety_agreement": "Afspraak in het veiligheidsplan",
}

CHANGED_FIELD = {
    "name": "naam",
    "street": "straat",
    "house_number": "huisnummer",
    "postcode": "postcode",
    "city": "woonplaats",
    "phone": "telefoon",
    "first_name": "voornaam",
    "infix": "tussenvoegsel",
    "last_name": "achternaam",
    "date_of_birth": "geboortedatum",
    "role": "rol",
    "bsn": "BSN",
    "registered_on": "aanmelddatum",
    "herkomst": "herkomst",
    "question": "vraag van het gezin",
    "phase": "fase",
    "aard": "aard",
    "ernst": "ernst",
    "urgentie": "urgentie",
    "closed_on": "afgesloten op",
    "close_reason": "reden van afsluiten",
    "start_on": "van",
    "end_on": "tot",
    "medewerker_id": "medewerker",
    "event_date": "datum",
    "kind": "soort",
    "note": "toelichting",
    "contact_date": "datum",
    "organisation": "organisatie",
    "organisation_id": "organisatie",
    "purpose": "waarvoor",
    "given_by": "gegeven door",
    "given_on": "datum",
    "valid_until": "geldig tot",
    "refused": "geweigerd",
    "person_id": "voor wie",
    "measured_on": "datum",
    "assessor": "beoordelaar",
    "level": "niveau",
    "target": "doel",
    "remark": "opmerking",
    "not_assessed": "niet beoordeeld",
    "item_code": "domein",
    "from_phase": "van fase",
    "to_phase": "naar fase",
    "instrument_code": "instrument",
    "instrument_version": "versie",
    "conclusion_code": "conclusie",
    "option_code": "gekozen",
    "scale_target": "naar",
    "scale_reason": "reden",
    "responsible": "verantwoordelijke",
    "assessed_on": "datum",
    "worries": "zorgen",
    "going_well": "wat gaat goed",
    "next_steps": "wat moet er gebeuren",
    "respondent": "wie",
    "score": "schaalscore",
    "version": "versie",
    "made_on": "datum",
    "goal": "wat moet er gebeuren",
    "agreed_on": "afgesproken op",
    "with_parents": "met de ouders afgesproken",
    "agreed_how": "hoe afgesproken",
    "not_agreed_reason": "waarom niet met de ouders",
    "position": "volgorde",
    "what": "afspraak",
    "who": "wie doet het",
    "trigger": "wanneer",
    "checker": "wie controleert",
    "network": "netwerk",
    "(verwijderd)": "verwijderd",  # models.history.REMOVED: the record itself was removed
}

# Fields whose stored value is a code from a code list (resources/codelists.json).
CODE_LIST_FIELDS = {
    "herkomst": "herkomst",
    "aard": "aard",
    "ernst": "ernst",
    "urgentie": "urgentie",
    "close_reason": "afsluitreden",
    "agreed_how": "afspraakwijze",
}

# Fields whose value is an internal key (another record): the family sees that it changed.
KEY_FIELDS = {
    "medewerker_id",
    "organisation_id",
    "person_id",
    "household_id",
    "traject_id",
    "assessment_id",
    "plan_id",
}


def changed_field_text(table: str, field: str) -> str:
    """'Gezinslid: geboortedatum' for person.date_of_birth."""
    record = CHANGED_RECORD.get(table, table.replace("_", " "))
    return f"{record}: {CHANGED_FIELD.get(field, field.replace('_', ' '))}"


def changed_value_text(field: str, value: str, codes: CodeLists | None = None) -> str:
    """A stored value as the family reads it: dates, phases, roles and codes in words."""
    if value in ("", "None"):
        return NOTHING
    if field in KEY_FIELDS:
        return "(een ander gegeven)"
    if value in ("True", "False"):
        return yes_no(value == "True")
    if len(value) == 10 and value[4] == value[7] == "-" and value[:4].isdigit():
        return f"{value[8:10]}-{value[5:7]}-{value[:4]}"
    words: dict[str, str] = {}
    if field == "phase" or field in ("from_phase", "to_phase"):
        words = {p.value: PHASE[p] for p in Phase}
    elif field == "role":
        words = {r.value: ROLE[r] for r in MemberRole}
    elif field == "kind":
        words = {k.value: CONTACT_KIND[k] for k in ContactKind}
        words |= {k.value: EVENT_KIND[k] for k in EventKind}
        words |= {k.value: DECISION_KIND[k] for k in DecisionKind}
    elif field == "outcome":
        words = {o.value: ITEM_OUTCOME[o] for o in ItemOutcome}
    elif field == "respondent":
        words = {r.value: RESPONDENT[r] for r in Respondent}
    elif field == "scale_target" and codes is not None:
        found = [codes.label(name, value) for name in SCALE_TARGETS.values()]
        return next((label for label in found if label != value), value)
    elif field in CODE_LIST_FIELDS and codes is not None:
        return codes.label(CODE_LIST_FIELDS[field], value) or value
    return words.get(value, value)


def chain_text(broken: ChainBreak | None, checked: int) -> str:
    """What the log screen and the start-up check say about the access log's chain."""
    if broken is None:
        return f"Het toegangslog is gecontroleerd: {count_text(checked, 'regel', 'regels')} onveranderd."
    what = {
        ChainProblem.CHANGED: "de inhoud is veranderd",
        ChainProblem.MISSING: "er ontbreekt een regel",
        ChainProblem.RELINKED: "de volgorde klopt niet (een regel is verplaatst of verwijderd)",
        ChainProblem.FORGED: "de ondertekening is niet van de medewerker die de regel zou hebben geschreven",
        ChainProblem.UNSIGNED: "de ondertekening is verwijderd",
        ChainProblem.REWRITTEN: "een eerder gecontroleerde regel is niet meer dezelfde (of verdwenen)",
        ChainProblem.UNCONFIRMED: "ondertekend met een sleutel die de accountlijst niet kent",
    }[broken.problem]
    when = f" ({moment_text(broken.at)}, {broken.login})" if broken.at is not None else ""
    return (
        f"Het toegangslog is buiten Teamtafel om gewijzigd bij regel {broken.seq}{when}: {what}. "
        "Regels vanaf daar zijn niet te vertrouwen."
    )


def _role_word(value: str) -> str:
    try:
        return ROLE_NAMES[Role(value)].lower()
    except ValueError:
        return value


def _finding_text(finding: Finding) -> str:
    who = finding.login
    match finding.kind:
        case Difference.ROLE:
            return (
                f"{who}: rol {_role_word(finding.found)} in de database, "
                f"{_role_word(finding.listed)} in de ondertekende lijst"
            )
        case Difference.ACTIVE:
            state = "actief" if finding.found == "True" else "uitgeschakeld"
            return f"{who}: {state} in de database, niet in de ondertekende lijst"
        case Difference.NEW:
            return f"{who}: staat niet in de ondertekende lijst"
        case Difference.GONE:
            return f"{who}: staat in de ondertekende lijst, maar niet meer in de database"
        case Difference.KEY:
            count = int(finding.found) if finding.found.isdigit() else 1
            keys = count_text(
                count, "nieuwe ondertekeningssleutel", "nieuwe ondertekeningssleutels"
            )
            return (
                f"{who}: {keys}, nog niet bevestigd (alleen de sleutel die bij het account in "
                "het sleutelbestand hoort, wordt bevestigd)"
            )


def roster_findings_text(result: RosterCheck, *, short: bool = False) -> str:
    """What differs between the signed account list and the accounts in the database."""
    parts: list[str] = []
    if result.state is RosterState.UNVERIFIED:
        parts.append(
            "de handtekening onder de accountlijst klopt niet"
            if short
            else "De accountlijst is niet ondertekend met de teamsleutel, of is daarna gewijzigd."
        )
    parts.extend(_finding_text(f) for f in result.findings)
    if not parts:
        return "" if short else "De accountlijst klopt: ondertekend met de teamsleutel."
    return "; ".join(parts) if short else "\n".join(f"• {p}" for p in parts)


ROSTER_DEMOTED = (
    "De accountlijst van deze database klopt niet met de handtekening van het team. Tot een "
    "beheerder met de teamsleutel haar heeft gecontroleerd, heeft iedereen de rechten van een "
    "medewerker. Meld dit aan de beheerder van Teamtafel."
)
ROSTER_DIFFERS = (
    "De accounts in de database wijken af van de accountlijst die het team heeft "
    "ondertekend. Uw rechten volgen de ondertekende lijst. Meld dit aan de beheerder van "
    "Teamtafel."
)
ROSTER_REVIEW = (
    "De accountlijst van deze database is buiten Teamtafel om gewijzigd, of nog niet "
    "ondertekend. Controleer wat hieronder staat."
)


def unconfirmed_text(first: ChainBreak | None, count: int) -> str:
    """Log lines signed with a renewed key that a beheerder has not yet confirmed."""
    if first is None:
        return ""
    return (
        f"{count_text(count, 'regel is', 'regels zijn')} ondertekend met een nieuwe sleutel die "
        f"een beheerder nog niet heeft bevestigd (eerste: regel {first.seq}, {first.login}). "
        "Bevestig die via Beheer → Accountlijst controleren…"
    )


def restore_detail(
    made_at: datetime | None, made_by: str, seq: int, *, signed: bool, dropped: int | None
) -> str:
    """The RESTORE line in a restored database: which back-up, up to which log line it went,
    and how far the log it replaced went beyond that (so what a restore drops is recorded)."""
    made = f" van {moment_text(made_at)}" if made_at is not None else ""
    by = f" door {made_by}" if made_by else ""
    point = "ondertekend controlepunt" if signed else "zonder ondertekend controlepunt"
    if dropped is None:
        after = "het vorige log bevatte die regel niet"
    elif dropped == 0:
        after = "het vorige log ging niet verder"
    else:
        after = f"het vorige log ging {count_text(dropped, 'regel', 'regels')} verder"
    return f"back-up{made}{by} teruggezet: log tot regel {seq} ({point}); {after}"[:200]


def removed_text(values: Mapping[str, str], codes: CodeLists | None = None) -> str:
    """What a removed record held, as the family reads it: 'datum: 02-10-2026; soort: Huisbezoek'."""
    parts = [
        f"{CHANGED_FIELD.get(field, field.replace('_', ' '))}: "
        f"{changed_value_text(field, value, codes)}"
        for field, value in values.items()
        if value not in ("", "None") and field not in KEY_FIELDS
    ]
    return "; ".join(parts) or NOTHING


# --- the meldcode ----------------------------------------------------------------------------

VIOLENCE_FORM = {
    ViolenceForm.KINDERMISHANDELING: "Kindermishandeling",
    ViolenceForm.PARTNERGEWELD: "Partnergeweld",
    ViolenceForm.OUDERENMISHANDELING: "Ouderenmishandeling",
    ViolenceForm.EERGERELATEERD: "Eergerelateerd geweld",
    ViolenceForm.HUWELIJKSDWANG: "Huwelijksdwang",
    ViolenceForm.VGV: "Vrouwelijke genitale verminking",
}

VICTIM_KIND = {VictimKind.KIND: "Een kind", VictimKind.VOLWASSENE: "Een volwassene"}

CONSULTATION_KIND = {
    ConsultationKind.COLLEGA: "Collega",
    ConsultationKind.AANDACHTSFUNCTIONARIS: "Aandachtsfunctionaris",
    ConsultationKind.VEILIG_THUIS: "Veilig Thuis",
    ConsultationKind.LETSELDUIDING: "Deskundige letselduiding",
}

MELDCODE_STEPS = {
    1: "Signalen in kaart brengen",
    2: "Overleggen en raadplegen",
    3: "Gesprek met betrokkenen",
    4: "Afwegingskader",
    5: "Beslissen: melden en/of hulp",
}

QUESTION = {
    Question.VERMOEDEN: "Is er op basis van stap 1 tot en met 3 een vermoeden van huiselijk "
    "geweld of kindermishandeling?",
    Question.ONVEILIGHEID: "Is er sprake van acute onveiligheid of structurele onveiligheid?",
    Question.HULP_MOGELIJK: "Bent u in staat om passende hulp te bieden of te organiseren?",
    Question.HULP_AANVAARD: "Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te "
    "zetten?",
    Question.DUURZAAM_VEILIG: "Leidt de hulp binnen de gewenste termijn tot duurzame "
    "veiligheid en welzijn van alle betrokkenen? (bij de evaluatie)",
}

OUTCOME = {
    Outcome.AFSLUITEN: "Geen vermoeden: sluit de procedure af en leg dat vast.",
    Outcome.MELDEN_ONVEILIG: "Er is acute of structurele onveiligheid: melden bij Veilig Thuis.",
    Outcome.MELDEN_GEEN_HULP: "Passende hulp bieden of organiseren lukt niet: melden bij "
    "Veilig Thuis.",
    Outcome.MELDEN_NIET_AANVAARD: "De hulp wordt niet aanvaard: melden bij Veilig Thuis.",
    Outcome.HULP_ORGANISEREN: "Hulp organiseren en de effecten volgen. Beantwoord vraag 5 op "
    "de evaluatiedatum.",
    Outcome.MELDEN_NIET_DUURZAAM: "De hulp leidt niet tot duurzame veiligheid: melden bij "
    "Veilig Thuis.",
    Outcome.HULP_VOORTZETTEN: "De hulp leidt tot duurzame veiligheid: zet de hulp voort; de "
    "procedure kan worden afgerond.",
}

MELDCODE_STATUS = {
    Status.OPEN: "Lopend",
    Status.VOLGEN: "Volgen",
    Status.AFGEROND: "Afgerond",
}

MELDCODE_RULE = {
    MeldcodeRule.FINISHED: "Deze meldcodeprocedure is afgerond en kan niet meer gewoon worden "
    "gewijzigd. Kies 'Corrigeren…' en geef de reden van de correctie; het oorspronkelijke "
    "blijft in de geschiedenis bewaard.",
    MeldcodeRule.NOT_WEIGHED: "Het afwegingskader (stap 4) heeft nog geen conclusie. "
    "Beantwoord eerst de vragen van het afwegingskader.",
    MeldcodeRule.VOLGEN: "De hulp wordt gevolgd: beantwoord op de evaluatiedatum eerst vraag 5 "
    "van het afwegingskader (leidt de hulp tot duurzame veiligheid?).",
    MeldcodeRule.NO_DECISION: "Leg eerst de beslissing vast (stap 5): melden en/of hulp.",
    MeldcodeRule.NOTHING_CHANGED: "Er is niets gewijzigd, dus er is niets te corrigeren.",
    MeldcodeRule.DECISION_OUTDATED: "De beslissing (stap 5) past niet meer bij de conclusie "
    "van het afwegingskader. Leg de beslissing opnieuw vast: melden bij Veilig Thuis, of "
    "waarom u van de conclusie afwijkt.",
}


def out_of_order_text(error: OutOfOrder) -> str:
    """Why an afwegingskader answer was refused, naming the question."""
    number = int(error.question)
    if error.problem is OrderProblem.EARLIER_OPEN:
        return (
            f"Vraag {number} van het afwegingskader kan nog niet worden beantwoord: "
            "beantwoord de vragen op volgorde, eerst de vraag ervoor."
        )
    return (
        f"Vraag {number} van het afwegingskader komt niet meer aan de orde: een eerder "
        "antwoord leidt al tot een conclusie. Wijzig eerst dat antwoord."
    )


def open_procedure_text(procedure: OpenProcedure, today: date) -> str:
    """The dossier header's line: 'Meldcode kindermishandeling: stap 3 van 5, sinds 01-10-2026';
    while help is followed, its evaluation date ('te laat' once it has passed)."""
    form = VIOLENCE_FORM[procedure.form].lower()
    if procedure.status is Status.VOLGEN:
        evaluation = procedure.evaluation_on
        when = f", evaluatie {date_text(evaluation)}" if evaluation else ""
        if evaluation is not None and evaluation < today:
            when += " (te laat)"
        return f"Meldcode {form}: hulp wordt gevolgd{when} (sinds {date_text(procedure.since)})"
    return f"Meldcode {form}: stap {procedure.step} van 5, sinds {date_text(procedure.since)}"


CHANGED_RECORD |= {
    "meldcode_procedure": "Meldcode",
    "meldcode_consultation": "Meldcode: overleg",
    "meldcode_correction": "Meldcode: correctie",
}

CHANGED_FIELD |= {
    "form": "vorm",
    "victim_kind": "slachtoffer",
    "victim_id": "slachtoffer",
    "signals_on": "datum signalen",
    "signals_by": "signalen door",
    "signals": "signalen",
    "injury": "letsel",
    "conversation_on": "datum gesprek",
    "conversation_by": "gesprek door",
    "conversation_held": "gesprek gevoerd",
    "conversation_note": "gesprek",
    "conversation_why_not": "waarom geen gesprek",
    "weighed_on": "datum afweging",
    "weighed_by": "afweging door",
    "answer_1": "vraag 1 (vermoeden)",
    "answer_2": "vraag 2 (onveiligheid)",
    "answer_3": "vraag 3 (hulp mogelijk)",
    "answer_4": "vraag 4 (hulp aanvaard)",
    "answer_5": "vraag 5 (duurzaam veilig)",
    "weighing_note": "toelichting afweging",
    "evaluation_on": "evaluatiedatum",
    "decided_on": "datum beslissing",
    "decided_by": "beslissing door",
    "melding": "gemeld bij Veilig Thuis",
    "melding_on": "datum melding",
    "vt_reference": "kenmerk Veilig Thuis",
    "parents_told": "ouders geïnformeerd",
    "parents_not_told_why": "waarom ouders niet geïnformeerd",
    "vt_feedback": "terugkoppeling Veilig Thuis",
    "vt_next_step": "vervolgstap Veilig Thuis",
    "help": "hulp",
    "agreements": "afspraken over volgen",
    "decision_note": "toelichting beslissing",
    "finished_on": "afgerond op",
    "consulted_on": "datum",
    "consulted_by": "door",
    "consulted": "met wie",
    "anonymous": "anoniem",
    "advice": "advies",
    "reason": "reden",
    "fields": "gegevens",
    "consultations": "overleggen",
}


def _answer_word(answer: bool | None) -> str:
    return "" if answer is None else yes_no(answer)


def meldcode_step_fields(record: ProcedureRecord, step: int) -> list[tuple[str, str]]:
    """What one step of a procedure holds, as labelled texts: the walk-through and the
    inzage PDF show the same."""
    start = record.start
    if step == 1:
        return [
            ("Vorm", VIOLENCE_FORM[start.form]),
            (
                "Slachtoffer",
                VICTIM_KIND[start.victim_kind] + (f": {record.victim}" if record.victim else ""),
            ),
            ("Datum", date_text(start.signals_on)),
            ("Door", start.signals_by),
            ("Letsel", yes_no(start.injury)),
            ("Signalen", start.signals),
        ]
    if step == 2:
        return [
            (
                f"{date_text(c.draft.consulted_on)} · {CONSULTATION_KIND[c.draft.kind]}",
                "; ".join(
                    part
                    for part in (
                        f"met {c.draft.consulted}" if c.draft.consulted else "",
                        f"door {c.draft.by}",
                        "anoniem" if c.draft.anonymous else "",
                        f"advies: {c.draft.advice}" if c.draft.advice else "",
                    )
                    if part
                ),
            )
            for c in record.consultations
        ]
    if step == 3:
        talk = record.conversation
        if talk is None:
            return []
        fields = [
            ("Gesprek gevoerd", yes_no(talk.held)),
            ("Datum", date_text(talk.on)),
            ("Door", talk.by),
        ]
        return fields + ([("Verslag", talk.note)] if talk.held else [("Waarom niet", talk.why_not)])
    if step == 4:
        weighing = record.weighing
        if weighing is None:
            return []
        fields = [("Datum", date_text(weighing.on)), ("Door", weighing.by)]
        fields += [
            (f"Vraag {int(q)}", _answer_word(a))
            for q, a in zip(Question, weighing.answers, strict=False)
            if a is not None
        ]
        outcome = record.conclusion.outcome
        fields.append(("Conclusie", OUTCOME[outcome] if outcome else "nog geen conclusie"))
        if weighing.evaluation_on:
            fields.append(("Evaluatiedatum", date_text(weighing.evaluation_on)))
        if weighing.note:
            fields.append(("Toelichting", weighing.note))
        return fields
    decision = record.decision
    if decision is None:
        return []
    fields = [("Datum", date_text(decision.on)), ("Door", decision.by)]
    fields.append(("Gemeld bij Veilig Thuis", yes_no(decision.melding)))
    if decision.melding:
        fields += [
            ("Datum melding", date_text(decision.melding_on)),
            ("Kenmerk Veilig Thuis", decision.vt_reference or NOTHING),
            ("Ouders geïnformeerd", _answer_word(decision.parents_told)),
        ]
        if decision.parents_told is False:
            fields.append(("Waarom niet", decision.parents_not_told_why))
        fields += [
            ("Terugkoppeling Veilig Thuis", decision.vt_feedback or NOTHING),
            ("Vervolgstap Veilig Thuis", decision.vt_next_step or NOTHING),
        ]
    fields.append(("Hulp met afspraken over volgen", yes_no(decision.help)))
    if decision.help:
        fields.append(("Afspraken", decision.agreements))
    if decision.note:
        fields.append(("Toelichting", decision.note))
    return fields


def procedure_title(record: ProcedureRecord) -> str:
    """'Kindermishandeling, sinds 01-10-2026 — Lopend (stap 3)'."""
    status = MELDCODE_STATUS[record.status]
    if record.status is Status.OPEN:
        status += f" (stap {record.step})"
    elif record.status is Status.AFGEROND:
        status += f" op {date_text(record.finished_on)}"
    return f"{VIOLENCE_FORM[record.start.form]}, sinds {date_text(record.since)} — {status}"


def correction_text(correction: CorrectionRecord) -> str:
    """'Gecorrigeerd op 26-11-2026 10:04: datum melding. Reden: typefout in de datum'."""
    what = ", ".join(CHANGED_FIELD.get(f, f.replace("_", " ")) for f in correction.fields)
    return f"Gecorrigeerd op {moment_text(correction.at)}: {what}. Reden: {correction.reason}"


# --- risicotaxatie ----------------------------------------------------------------------

SAFETY = {
    Safety.VEILIG: "veilig",
    Safety.ZORGELIJK: "zorgelijk",
    Safety.ONVEILIG: "onveilig",
    Safety.ACUUT_ONVEILIG: "acuut onveilig",
}
RISK = {Risk.LAAG: "laag", Risk.VERHOOGD: "verhoogd", Risk.HOOG: "hoog"}
FACTOR_ANSWER = {
    FactorAnswer.AANWEZIG: "aanwezig",
    FactorAnswer.NIET_AANWEZIG: "niet aanwezig",
    FactorAnswer.ONBEKEND: "onbekend",
}
TAXATIE_STATE = {
    TaxatieState.CONCEPT: "concept",
    TaxatieState.TER_TOETSING: "ter toetsing",
    TaxatieState.GETOETST: "getoetst",
}
VERDICT = {Verdict.AKKOORD: "akkoord", Verdict.AFWIJKEND: "afwijkende mening"}
# A member's marks in Gezinsleden (models.records.PersonRecord's gezag, lives_elsewhere,
# address_shielded), and the hint beside a household address that is never printed.
MEMBER_MARKS = {
    "gezag": "gezag",
    "lives_elsewhere": "woont elders",
    "address_shielded": "adres afgeschermd",
}
ADDRESS_SHIELDED_HINT = "adres afgeschermd: niet afdrukken"

# The kinds of line in the Te doen list; later issues add theirs (actions, plan evaluations).
TODO_KIND = {
    "hertaxatie": "Nieuwe risicotaxatie",
    "meldcode-evaluatie": "Meldcode: evaluatie van de hulp (vraag 5)",
    "actie": "Actie over de datum",
    "evaluatie_gezinsplan": "Evaluatie gezinsplan",
}
EMERGENCY_NUMBERS = "Veilig Thuis 0800-2000 · bij direct gevaar 112"
SAFETY_COLOURS = {
    Safety.VEILIG: "#2e7d32",
    Safety.ZORGELIJK: "#ef6c00",
    Safety.ONVEILIG: "#c62828",
    Safety.ACUUT_ONVEILIG: "#b00020",
}


def safety_text(safety: Safety | None, concept: bool = False) -> str:
    """'onveilig', 'zorgelijk (concept)', or empty when nothing was concluded."""
    if safety is None:
        return ""
    return SAFETY[safety] + (" (concept)" if concept else "")


def taxatie_state_text(state: TaxatieState, verdict: Verdict | None = None) -> str:
    """'getoetst: akkoord', 'ter toetsing', 'concept'."""
    text = TAXATIE_STATE[state]
    return f"{text}: {VERDICT[verdict]}" if verdict is not None else text


# --- reviewing the inzage (models.withholding) -----------------------------------------------

PASSAGE_KIND = {
    PassageKind.TAXATIE: "Risicotaxaties",
    PassageKind.MELDCODE: "Meldcode",
    PassageKind.SIGNS_OF_SAFETY: "Signs of Safety",
    PassageKind.VEILIGHEIDSPLAN: "Veiligheidsplan",
    PassageKind.OVERLEG: "Besprekingen in overleggen",
    PassageKind.GEZINSPLAN: "Gezinsplan",
}
WITHHELD = "Achtergehouden"


def passage_group(passage: Passage) -> str:
    """The heading a passage stands under: its kind, or for the meldcode its procedure."""
    if passage.kind is PassageKind.MELDCODE:
        form = VIOLENCE_FORM[passage.form].lower() if passage.form else ""
        return f"Meldcode {form} sinds {date_text(passage.since)}"
    return PASSAGE_KIND[passage.kind]


def passage_item(passage: Passage) -> str:
    """A passage under its heading: its part and date, none of its content."""
    on = date_text(passage.on)
    if passage.kind is PassageKind.TAXATIE:
        about = "het hele huishouden" if passage.whole_household else "dit gezinslid"
        return f"Risicotaxatie van {on} over {about}: onderbouwing en factoren"
    if passage.kind is PassageKind.SIGNS_OF_SAFETY:
        return f"Signs of Safety van {on}: zorgen, wat gaat goed, wat moet er gebeuren, schaal"
    if passage.kind is PassageKind.VEILIGHEIDSPLAN:
        return f"Veiligheidsplan versie {passage.version} van {on}: doel en afspraken"
    if passage.kind is PassageKind.OVERLEG:
        return f"Overleg van {on}: casusvraag, verslag (ook de interne notitie) en besluiten"
    if passage.kind is PassageKind.GEZINSPLAN:
        return (
            f"Gezinsplan versie {passage.version} van {on}: situatie, doelen, acties, netwerk "
            "en evaluaties"
        )
    whom = CONSULTATION_KIND[passage.consulted] if passage.consulted else ""
    if passage.consulted is not ConsultationKind.VEILIG_THUIS:  # a name keeps its capitals
        whom = whom.lower()
    steps = {
        PassagePart.SIGNALEN: "Stap 1: signalen (wie meldde wat)",
        PassagePart.OVERLEG: f"Stap 2: overleg met {whom} op {on}",
        PassagePart.GESPREK: f"Stap 3: gesprek met betrokkenen ({on})",
        PassagePart.AFWEGING: f"Stap 4: toelichting bij het afwegingskader ({on})",
        PassagePart.BESLISSING: f"Stap 5: beslissing, met de gegevens van Veilig Thuis ({on})",
    }
    return steps.get(passage.part, passage.part.value)


def passage_label(passage: Passage) -> str:
    """A passage on its own, as the reviewer recognises it: its kind, part and date.

    'Meldcode kindermishandeling sinds 01-10-2026 · stap 2: overleg met Veilig Thuis op 03-10-2026'.
    """
    if passage.kind is not PassageKind.MELDCODE:
        return passage_item(passage)
    item = passage_item(passage)
    return f"{passage_group(passage)} · {item[:1].lower()}{item[1:]}"


def withheld_text(reason: str, codes: CodeLists | None = None) -> str:
    """What the family reads instead of a withheld passage: 'Achtergehouden: veiligheid van
    het kind' (the reason's name from the code list, never the toelichting)."""
    name = (codes or load_codelists()).label("achterhoudreden", reason)
    return f"{WITHHELD}: {name[:1].lower()}{name[1:]}"


# --- actions (models.actions) ---------------------------------------------------------------
ACTION_OWNER = {
    ActionOwner.MEDEWERKER: "Teamlid",
    ActionOwner.GEZINSLID: "Gezinslid",
    ActionOwner.NETWERK: "Iemand uit het netwerk",
    ActionOwner.ORGANISATIE: "Organisatie",
}
ACTION_STATUS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.GEDAAN: "Gedaan",
    ActionStatus.VERVALLEN: "Vervallen",
}
ACTION_ORIGIN = {
    ActionOrigin.DOSSIER: "Dossier",
    ActionOrigin.OVERLEG: "Overleg",
    ActionOrigin.GEZINSPLAN: "Gezinsplan",
}
# --- the verwijzing ----------------------------------------------------------------------------

VERWIJZING_STATUS = {
    VerwijzingStatus.AANGEVRAAGD: "aangevraagd",
    VerwijzingStatus.GESTART: "gestart",
    VerwijzingStatus.AFGEWEZEN: "afgewezen",
    VerwijzingStatus.BEEINDIGD: "beëindigd",
}
CHANGED_RECORD |= {
    "verwijzing": "Verwijzing",
    "verwijzing_member": "Gezinslid van een verwijzing",
    "verwijzing_status": "Status van een verwijzing",
}
CHANGED_FIELD |= {
    "referred_on": "datum",
    "hulpvorm": "hulpvorm",
    "reason": "reden",
    "decider_1_id": "eerste beslisser",
    "decider_2_id": "tweede beslisser",
    "status_on": "status sinds",
    "on": "datum",
    "status": "status",
}
CODE_LIST_FIELDS |= {"hulpvorm": "hulpvorm"}
KEY_FIELDS |= {"decider_1_id", "decider_2_id", "verwijzing_id"}

# --- meetings (models.meetings) ---------------------------------------------------------------
MEETING_KIND = {
    MeetingKind.CASUISTIEK: "Casuïstiekoverleg",
    MeetingKind.WERKVERDELING: "Werkverdelingsoverleg",
    MeetingKind.MDO: "MDO",
    MeetingKind.OP_AFSCHALING: "Op-/afschalingsoverleg",
    MeetingKind.ANDERS: "Ander overleg",
}
MEETING_STATUS = {
    MeetingStatus.GEPLAND: "Gepland",
    MeetingStatus.BEZIG: "Bezig",
    MeetingStatus.GESLOTEN: "Gesloten",
}
ITEM_OUTCOME = {
    ItemOutcome.OPEN: "Open",
    ItemOutcome.BESPROKEN: "Besproken",
    ItemOutcome.DOORGESCHOVEN: "Niet besproken, doorgeschoven",
}
DECISION_KIND = {
    DecisionKind.REGISSEUR: "Regisseur toewijzen",
    DecisionKind.FASE: "Fase wijzigen",
    DecisionKind.OPSCHALEN: "Opschalen",
    DecisionKind.AFSCHALEN: "Afschalen",
    DecisionKind.VERWIJZEN: "Verwijzen",
    DecisionKind.TAXATIE: "Risicotaxatie laten doen",
    DecisionKind.ZRM: "ZRM laten doen",
    DecisionKind.AFSLUITEN: "Afsluiten",
    DecisionKind.ANDERS: "Ander besluit",
}
FAMILY_ATTENDANCE = {
    FamilyAttendance.HEEL: "Het hele overleg",
    FamilyAttendance.DEELS: "Een deel van het overleg",
    FamilyAttendance.NIET: "Niet aanwezig",
}
CHANGED_RECORD |= {
    "agenda_item": "Bespreking in een overleg",
    "meeting_decision": "Besluit van een overleg",
}
CHANGED_FIELD |= {
    "information": "informatieronde",
    "analysis": "analyse",
    "conclusion": "advies / conclusie",
    "internal_note": "interne notitie",
    "safety_discussed": "veiligheid besproken",
    "network_discussed": "netwerk besproken",
    "family_attendance": "aanwezigheid gezin",
    "family_reason": "reden (aanwezigheid gezin)",
    "outcome": "uitkomst",
    "carried_out_on": "uitgevoerd op",
    "brought_in_by_id": "ingebracht door",
    "text": "tekst",
}
KEY_FIELDS |= {"item_id", "meeting_id", "brought_in_by_id"}


# --- the coordinator's overview (the definitions are those of models/overview.py) -----------

OVERVIEW_DEFINITION = {
    "caseload": (
        "Trajecten die open zijn op de peildatum (de tot-datum), per casusregisseur op die dag. "
        "Een overdrachtsdag telt voor de nieuwe regisseur."
    ),
    "werkvoorraad": (
        "Trajecten die open zijn op de peildatum zonder casusregisseur of zonder eerste contact "
        "(huisbezoek, telefoon of overleg) sinds de aanmelding; dagen wachtend tot de peildatum."
    ),
    "wachttijd_contact": (
        "Dagen van aanmelding tot het eerste huisbezoek, telefonisch contact of overleg, voor "
        "trajecten aangemeld in de periode, per maand van aanmelding. Nog wachtend: op de "
        "peildatum nog open en nog geen eerste contact; afgesloten zonder: voor de peildatum "
        "afgesloten zonder eerste contact."
    ),
    "wachttijd_plan": (
        "Dagen van aanmelding tot de eerste keer dat het traject in fase plan kwam, voor "
        "trajecten aangemeld in de periode, per maand van aanmelding. Nog wachtend: op de "
        "peildatum nog open en nog niet in fase plan; afgesloten zonder: voor de peildatum "
        "afgesloten zonder fase plan."
    ),
    "trajecten": (
        "Gestart: aangemeld in de maand. Lopend: open op minstens één dag van de maand. "
        "Afgesloten: afgesloten in de maand."
    ),
    "duur": (
        "Dagen van aanmelding tot afsluiten, voor trajecten afgesloten in de periode; "
        "langer dan een jaar is meer dan 365 dagen."
    ),
    "afsluitredenen": "De reden van afsluiten van de trajecten die in de periode zijn afgesloten.",
    "herkomst": "Wie of wat de trajecten aanmeldde die in de periode zijn aangemeld.",
    "verwijzingen": (
        "Van de trajecten die in de periode open waren: hoeveel er een verwijzing hebben, "
        "gemaakt op of voor de peildatum."
    ),
    "verwijzingen_bestemming": ("Verwijzingen gemaakt in de periode, per organisatie en hulpvorm."),
    "verwijzingen_status": "Verwijzingen gemaakt in de periode, naar hun status van nu.",
    "overdue": (
        "Wat op de peildatum over de datum is in de lijst Te doen (evaluaties van het "
        "gezinsplan, veiligheidstaxaties, acties), per soort: het aantal huishoudens."
    ),
    "zrm": (
        "Per versie van het instrument: de verandering per domein tussen de eerste en de "
        "laatste volledige meting binnen één traject, alleen voor personen met minstens twee "
        "metingen. Niet beoordeeld telt niet mee; n per domein."
    ),
    "achttien": (
        "Gezinsleden in huishoudens met een open traject die in de zes maanden na de peildatum "
        "18 worden, per maand."
    ),
    "kwaliteit": (
        "Open trajecten zonder contact in de laatste maanden (standaard 3) of zonder "
        "verandering (fase, regisseur, schaal) in 6 maanden; gezinsleden zonder geboortedatum, "
        "jonger dan 18 zonder BSN (nodig voor CBS), of jonger dan 18 in een huishouden waar "
        "niemand gezag heeft."
    ),
}

QUICK_PERIOD = {
    "deze_maand": "Deze maand",
    "vorig_kwartaal": "Vorig kwartaal",
    "dit_jaar": "Dit jaar",
    "afgelopen_12_maanden": "Afgelopen 12 maanden",
    "vorig_half_jaar": "Vorig half jaar (CBS)",
}


# --- the gezinsplan ---------------------------------------------------------------------------

PLAN_PART = {
    PlanPart.SITUATION: "Situatie en vraag",
    PlanPart.GOALS: "Doelen en acties",
    PlanPart.NETWORK: "Eigen netwerk",
    PlanPart.PARTNERS: "Organisaties",
    PlanPart.SAFETY: "Veiligheidsafspraken",
    PlanPart.FAMILIEGROEPSPLAN: "Familiegroepsplan",
    PlanPart.ADULTHOOD: "Na je 18e",
    PlanPart.EVALUATION_DATES: "Evaluatiedata",
}
GOAL_CHANGE = {GoalChange.NEW: "nieuw", GoalChange.CHANGED: "gewijzigd"}
GOAL_OUTCOME = {
    GoalOutcome.BEHAALD: "Behaald",
    GoalOutcome.DEELS: "Deels behaald",
    GoalOutcome.NIET_BEHAALD: "Niet behaald",
}
PLAN_TEXTS = (  # the plan's own texts: (field, label), in the order the plan reads
    ("situation", "Situatie"),
    ("question", "Vraag van het gezin"),
    ("earlier_help", "Eerdere hulpverlening"),
    ("strengths", "Krachten"),
    ("concerns", "Zorgen"),
    ("child_view", "Visie van het kind"),
)
FGP_ANSWER = {None: "Nog geen antwoord", True: "Aangenomen", False: "Afgewezen"}


def changed_since_text(version: int) -> str:
    """The mark beside a part of a plan that differs from the version before."""
    return f"gewijzigd sinds versie {version - 1}"


def plan_state_text(version: int, settled_on: date | None) -> str:
    """'Versie 2 · Concept' or 'Versie 1 · Vastgesteld op 3-11-2026'."""
    state = f"Vastgesteld op {date_text(settled_on)}" if settled_on else "Concept"
    return f"Versie {version} · {state}"


def fgp_text(offered_on: date | None, accepted: bool | None, made_on: date | None) -> str:
    """Where the familiegroepsplan stands, in one line."""
    if offered_on is None:
        return "Niet aangeboden"
    text = f"Aangeboden op {date_text(offered_on)}: {FGP_ANSWER[accepted].lower()}"
    if made_on is not None:
        text += f", gemaakt op {date_text(made_on)}"
    return text


# --- the gezinsplan as the family reads it (B1: plain words, no codes) -------------------------

FAMILY_GOAL_OUTCOME = {
    GoalOutcome.BEHAALD: "Gelukt",
    GoalOutcome.DEELS: "Een deel is gelukt",
    GoalOutcome.NIET_BEHAALD: "Nog niet gelukt",
}
FAMILY_ACTION_STATUS = {
    ActionStatus.OPEN: "Nog doen",
    ActionStatus.GEDAAN: "Gedaan",
    ActionStatus.VERVALLEN: "Niet meer nodig",
}
FAMILY_GOAL_CHANGE = {
    GoalChange.NEW: "Nieuw in deze versie",
    GoalChange.CHANGED: "Veranderd in deze versie",
}
FAMILY_ROLE = {
    MemberRole.OUDER: "ouder",
    MemberRole.KIND: "kind",
    MemberRole.JONGVOLWASSENE: "jongvolwassene",
    MemberRole.OVERIG: "gezinslid",
}


# --- the gezinsplan (models.gezinsplan): its corrections -------------------------------------
CHANGED_RECORD |= {
    "gezinsplan": "Gezinsplan",
    "gezinsplan_goal": "Doel in het gezinsplan",
    "gezinsplan_action": "Actie in het gezinsplan",
    "gezinsplan_network": "Netwerk in het gezinsplan",
    "gezinsplan_partner": "Organisatie in het gezinsplan",
    "gezinsplan_adulthood": "Na je 18e (gezinsplan)",
    "gezinsplan_evaluation": "Evaluatie van het gezinsplan",
    "gezinsplan_goal_result": "Resultaat van een doel",
    "gezinsplan_party": "Akkoord met het gezinsplan",
    "gezinsplan_safety": "Veiligheidsafspraak in het gezinsplan",
}
CHANGED_FIELD |= {
    "gezag": "gezag",
    "lives_elsewhere": "woont elders",
    "address": "adres",
    "address_shielded": "adres afgeschermd",
    "situation": "situatie",
    "earlier_help": "eerdere hulpverlening",
    "strengths": "krachten",
    "concerns": "zorgen",
    "child_view": "wat het kind zegt",
    "reach": "bereikbaarheid regisseur",
    "fgp_offered_on": "familiegroepsplan aangeboden op",
    "fgp_accepted": "familiegroepsplan aangenomen",
    "fgp_made_on": "familiegroepsplan gemaakt op",
    "fgp_note": "familiegroepsplan",
    "settled_on": "vastgesteld op",
    "settled_by": "vastgesteld door",
    "regisseur": "regisseur",
    "description": "omschrijving",
    "member_ids": "voor wie",
    "target_level": "doelniveau",
    "due_on": "klaar op",
    "owner": "wie",
    "owner_kind": "soort eigenaar",
    "relation": "relatie",
    "contact": "contactpersoon",
    "email": "e-mail",
    "what_changes": "wat verandert er",
    "who_takes_over": "wie neemt het over",
    "planned_on": "evaluatiedatum",
    "held_on": "geëvalueerd op",
    "held_by": "geëvalueerd door",
    "what_happened": "wat is er gebeurd",
    "continues": "gaat door",
    "required": "moet akkoord geven",
    "chart_ok": "grafiek in het plan",
}
KEY_FIELDS |= {
    "goal_id",
    "evaluation_id",
    "goal_key",
    "key",
    "action_id",
    "contact_id",
    "member_ids",
}
