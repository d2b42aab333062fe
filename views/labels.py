"""Dutch words for the codes and enums the models hand over."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from models.enums import ContactKind, EventKind, MemberRole, Phase
from models.errors import Rule
from models.instruments import InstrumentError, InstrumentProblem
from models.permissions import AccessAction, Role
from models.records import DossierWarning, WarningKind
from models.validation import Problem

LOCALE = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

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
}

RULE = {
    Rule.TRAJECT_CLOSED: "Dit traject is al afgesloten.",
    Rule.OPEN_TRAJECT_EXISTS: "Dit huishouden heeft al een lopend traject.",
    Rule.SAME_REGISSEUR: "Deze medewerker is al de casusregisseur.",
    Rule.SAME_PHASE: "Het traject is al in deze fase.",
    Rule.CLOSE_VIA_CLOSURE: "Sluit een traject af met 'Traject afsluiten'.",
    Rule.INACTIVE_MEDEWERKER: "Deze medewerker is niet meer actief in het team.",
}


def date_text(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def long_date_text(value: date) -> str:
    return LOCALE.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def warning_text(warning: DossierWarning) -> str:
    if warning.kind is WarningKind.TURNS_18 and warning.on is not None:
        return (
            f"{warning.person} wordt 18 op {long_date_text(warning.on)}: "
            "bereid de overgang naar 18+ tijdig voor."
        )
    if warning.kind is WarningKind.NO_REGISSEUR:
        return "Dit traject heeft geen casusregisseur."
    return warning.kind.value


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


def instrument_problem_text(error: InstrumentError) -> str:
    text = INSTRUMENT_PROBLEM[error.problem]
    where = f": {error.where}" if error.where else ""
    return (
        f"{text}{where}. Er is niets geladen."
        if not text.endswith(".")
        else f"{text} Er is niets geladen."
    )
