"""The Dutch words for the codes and enums the models hand over, and Dutch dates and times.

One Qt-free module for every screen, PDF report and command-line output, so a code,
a date or a moment reads the same everywhere. Models return codes, enums and aware
UTC datetimes; this module is the only place in ``models/`` that holds Dutch words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from models.codelists import CodeLists
from models.enums import (
    ContactKind,
    EventKind,
    FactorAnswer,
    KeyState,
    MemberRole,
    Phase,
    Risk,
    Safety,
    TaxatieState,
    Verdict,
)
from models.errors import Rule
from models.instruments import InstrumentError, InstrumentProblem
from models.permissions import AccessAction, Role
from models.records import (
    ChainBreak,
    ChainProblem,
    DossierWarning,
    EventRecord,
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
    Problem.LEVEL_OUT_OF_RANGE: "Kies een niveau van 1 tot en met 5, of 'niet beoordeeld'.",
    Problem.END_BEFORE_START: "Deze einddatum ligt vóór de begindatum.",
    Problem.PASSWORD_SHORT: "Een wachtwoord heeft minstens 10 tekens.",
    Problem.PASSWORD_MISMATCH: "De twee wachtwoorden zijn niet gelijk.",
    Problem.OUT_OF_RANGE: "Deze waarde ligt buiten de toegestane grenzen.",
    Problem.DUPLICATE: "Deze naam staat al in de lijst.",
    Problem.EMAIL: "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
    Problem.INACTIVE: "Deze organisatie is uitgeschakeld; kies een andere.",
    Problem.BSN_IN_USE: "Dit BSN staat al bij een andere persoon. Controleer het; klopt het toch, "
    "sla dan op en kies Ja.",
    Problem.BSN_NOT_TEST: "Dit is een demo-database: gebruik een BSN uit de testreeks "
    "9999xxxxx, geen echt BSN.",
    Problem.PHONE: "Een telefoonnummer bestaat uit cijfers, spaties en + - ( ), bijvoorbeeld "
    "06-12345678 of +31 20 123 4567. Zet een toelichting in een notitie.",
}

RULE = {
    Rule.TRAJECT_CLOSED: "Dit traject is al afgesloten.",
    Rule.OPEN_TRAJECT_EXISTS: "Dit huishouden heeft al een lopend traject.",
    Rule.SAME_REGISSEUR: "Deze medewerker is al de casusregisseur.",
    Rule.SAME_PHASE: "Het traject is al in deze fase.",
    Rule.CLOSE_VIA_CLOSURE: "Sluit een traject af met 'Traject afsluiten'.",
    Rule.INACTIVE_MEDEWERKER: "Deze medewerker is niet meer actief in het team.",
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
    return EVENT_KIND[event.kind]


# --- the correction history, in words a family can read -------------------------------------

CHANGED_RECORD = {
    "household": "Huishouden",
    "person": "Gezinslid",
    "traject": "Traject",
    "traject_event": "Verloop",
    "regisseur_assignment": "Casusregisseur",
    "contact": "Contactmoment",
    "consent": "Toestemming",
    "measurement": "ZRM-meting",
    "measurement_score": "ZRM-score",
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
    "(verwijderd)": "verwijderd",  # models.history.REMOVED: the record itself was removed
}

# Fields whose stored value is a code from a code list (resources/codelists.json).
CODE_LIST_FIELDS = {
    "herkomst": "herkomst",
    "aard": "aard",
    "ernst": "ernst",
    "urgentie": "urgentie",
    "close_reason": "afsluitreden",
}

# Fields whose value is an internal key (another record): the family sees that it changed.
KEY_FIELDS = {"medewerker_id", "organisation_id", "person_id", "household_id", "traject_id"}


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
            return f"{who}: nieuwe ondertekeningssleutel, nog niet bevestigd"


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
# The kinds of line in the Te doen list; later issues add theirs (actions, plan evaluations).
TODO_KIND = {"hertaxatie": "Nieuwe risicotaxatie"}
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
