"""One place that turns expected errors into Dutch sentences for the user."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.database import StoreBusy, StoreError, StoreProblem
from models.afwegingskader import MeldcodeRefused, OutOfOrder
from models.errors import NotFound, RuleViolation
from models.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied
from models.roster import ListNotClean, NoTeamKey
from models.validation import ValidationError
from models.wording import MELDCODE_RULE, PROBLEM, ROLE_NAMES, RULE, out_of_order_text

FIELD_NAMES = {
    "name": "Naam",
    "postcode": "Postcode",
    "registered_on": "Aanmelddatum",
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "date_of_birth": "Geboortedatum",
    "bsn": "BSN",
    "contact_date": "Datum",
    "on": "Datum",
    "reason": "Reden",
    "organisation": "Organisatie",
    "given_on": "Datum",
    "valid_until": "Geldig tot",
    "infix": "Tussenvoegsel",
    "street": "Straat",
    "house_number": "Huisnummer",
    "city": "Woonplaats",
    "phone": "Telefoon",
    "given_by": "Gegeven door",
    "discipline": "Discipline",
    "login": "Inlognaam",
    "kind": "Soort",
    "email": "E-mail",
    "autolock_minutes": "Vergrendelen na",
    "retention_years": "Bewaartermijn",
    "role": "Rol",
    "phase": "Fase",
    "herkomst": "Herkomst",
    "aard": "Aard",
    "ernst": "Ernst",
    "urgentie": "Urgentie",
    "medewerker": "Medewerker",
    "regisseur_id": "Casusregisseur",
    "medewerker_id": "Medewerker",
    "question": "Vraag van het gezin",
    "note": "Toelichting",
    "purpose": "Waarvoor",
    # the verwijzing
    "referred_on": "Datum",
    "members": "Voor wie",
    "hulpvorm": "Hulpvorm",
    "decider_1": "Besloten door",
    "decider_2": "Tweede beslisser",
    "status": "Status",
    "person_id": "Voor wie",
    "refused": "Antwoord",
    "measured_on": "Datum",
    "assessor": "Beoordelaar",
    "password": "Wachtwoord",
    "scores": "Scores",
    # the meldcode's steps
    "signals_on": "Datum signalen",
    "signals_by": "Door",
    "signals": "Signalen",
    "form": "Vorm van geweld",
    "victim_kind": "Slachtoffer",
    "victim_id": "Gezinslid",
    "consulted_on": "Datum",
    "by": "Door",
    "consulted": "Met wie",
    "why_not": "Waarom geen gesprek",
    "answer_1": "Vraag 1",
    "evaluation_on": "Evaluatiedatum",
    "melding_on": "Datum melding",
    "vt_reference": "Kenmerk Veilig Thuis",
    "parents_told": "Ouders geïnformeerd",
    "parents_not_told_why": "Waarom niet geïnformeerd",
    "agreements": "Afspraken",
    # op- en afschalen
    "target": "Naar",
    "responsible": "Verantwoordelijke",
    # Signs of Safety and the veiligheidsplan
    "assessed_on": "Datum",
    "scale_team": "Veiligheidsschaal (team)",
    "made_on": "Datum",
    "what": "Afspraak",
    "who": "Wie doet het",
    "trigger": "Wanneer",
    "checker": "Wie controleert",
    "network": "Netwerkleden",
    # actions (models.actions)
    "description": "Wat",
    "owner": "Wie",
    "network_name": "Naam",
    "network_relation": "Relatie",
    # meetings (models.meetings)
    "location": "Locatie",
    "held_on": "Datum",
    "starts_at": "Tijd",
    "chair_id": "Voorzitter",
    "minute_taker_id": "Notulist",
    "household": "Huishouden",
    "urgency": "Urgentie",
    "brought_in_by": "Ingebracht door",
    "family_reason": "Reden (aanwezigheid gezin)",
    "text": "Toelichting",
    "contact": "Contactpersoon",
    "due_on": "Klaar op",
    "agreed_on": "Datum",
    "with_parents": "Met de ouders afgesproken",
    "agreed_how": "Hoe",
    "not_agreed_reason": "Waarom niet",
    "onderbouwing": "Onderbouwing",
    "safety": "Veiligheid nu",
    "risk": "Risico komende periode",
    "view": "Visie van de toetser",
    # the gezinsplan
    "situation": "Situatie",
    "earlier_help": "Eerdere hulpverlening",
    "strengths": "Krachten",
    "concerns": "Zorgen",
    "child_view": "Visie van het kind",
    "reach": "Bereikbaarheid regisseur",
    "address": "Adres",
    "fgp_offered_on": "Familiegroepsplan aangeboden op",
    "fgp_made_on": "Familiegroepsplan gemaakt op",
    "fgp_note": "Familiegroepsplan: waar is het",
    "member_ids": "Voor wie",
    "item_code": "Domein",
    "target_level": "Doel-niveau",
    "relation": "Relatie",
    "organisation_id": "Organisatie",
    "contact_id": "Contactpersoon",
    "what_changes": "Wat verandert er",
    "who_takes_over": "Wie neemt het over",
    "planned_on": "Evaluatiedatum",
    "settled_on": "Vaststellen op",
    # withholding a passage of an inzage
    "toelichting": "Toelichting",
}

STORE_PROBLEMS = {
    StoreProblem.MISSING: "Het databasebestand bestaat niet:\n{path}",
    StoreProblem.EMPTY: "Het databasebestand is leeg (0 bytes): er staat geen Teamtafel-"
    "database in, misschien is het kopiëren of opslaan misgegaan. Teamtafel maakt er geen "
    "nieuwe database van en laat het bestand ongewijzigd. Zet de database terug uit een "
    "back-up (samen met het sleutelbestand).\n{path}",
    StoreProblem.NOT_A_DATABASE: "Dit bestand is geen (leesbare) Teamtafel-database: het is "
    "beschadigd, onvolledig of iets anders. Het bestand is niet gewijzigd.\n{path}",
    StoreProblem.PLAIN: "Dit is een onversleutelde database. Teamtafel werkt alleen met een "
    "versleutelde database en laat dit bestand ongewijzigd.\n{path}",
    StoreProblem.FOREIGN: "Dit bestand is een database van een ander programma. Teamtafel opent "
    "het niet en laat het ongewijzigd.\n{path}",
    StoreProblem.TOO_NEW: "Deze database is gemaakt met een nieuwere versie van Teamtafel. "
    "Werk Teamtafel bij om hem te openen.\n{path}",
    StoreProblem.UNREADABLE: "Teamtafel kan dit bestand niet lezen (geen toegang, of het is in "
    "gebruik).\n{path}",
    StoreProblem.MIGRATION_FAILED: "Teamtafel kon deze database niet bijwerken naar de nieuwe "
    "versie. Er is niets gewijzigd, en naast het bestand staat een kopie van vóór de poging "
    "(…voor-migratie-….bak). Neem contact op met de beheerder.\n{path}",
    StoreProblem.WRONG_KEY_FILE: "Het sleutelbestand hoort niet bij deze database: het is van "
    "een andere database, of ouder dan de laatste sleutelwissel (bijvoorbeeld uit een back-up). "
    "Gebruik het sleutelbestand dat bij deze database hoort. Of het bestand is geen (leesbare) "
    "Teamtafel-database: beschadigd of afgekapt. Er is niets gewijzigd.\n{path}",
    StoreProblem.IN_USE: "Deze database moet worden bijgewerkt naar deze versie van Teamtafel, "
    "maar hij is geopend in een Teamtafel-venster (van een oudere versie). Sluit dat venster "
    "eerst; er is niets gewijzigd.\n{path}",
}


BUSY = (
    "De database is bezet: een collega of een back-up schrijft er op dit moment in. Er is "
    "niets opgeslagen; probeer het zo opnieuw."
)


def needed_roles(permission: Permission) -> str:
    """'een coördinator of een beheerder': the roles that may do this, for a refusal."""
    names = [
        f"een {ROLE_NAMES[role].lower()}"
        for role, allowed in ROLE_PERMISSIONS.items()
        if permission in allowed
    ]
    return " of ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


NO_TEAM_KEY = (
    "Accounts wijzigen kan alleen een beheerder die de teamsleutel heeft: de accountlijst "
    "wordt ermee ondertekend. Vraag een andere beheerder, of zet met de herstelcode een nieuw "
    "wachtwoord voor uw account."
)
LIST_NOT_CLEAN = (
    "De accountlijst klopt niet met de ondertekende lijst, of er zijn nieuwe sleutels nog niet "
    "bevestigd. Controleer haar eerst via Beheer → Accountlijst controleren…; er is niets "
    "veranderd."
)


def _meldcode_text(exc: Exception) -> str | None:
    """The meldcode's refusals: an afwegingskader answer out of order, a finished procedure."""
    if isinstance(exc, OutOfOrder):
        return out_of_order_text(exc)
    if isinstance(exc, MeldcodeRefused):
        return MELDCODE_RULE[exc.rule]
    return None


def _field_name(field: str) -> str:
    """A field's Dutch name; a member's scale answer (``scale_<id>``) names no id."""
    if field.startswith("scale_") and field not in FIELD_NAMES:
        return "Veiligheidsschaal"
    if field.startswith("party:"):  # a person's agreement with the gezinsplan
        return "Akkoord"
    if field.startswith("goal:"):  # a goal's result at an evaluation
        return "Doel"
    return FIELD_NAMES.get(field, field)


def describe(exc: Exception) -> str:
    """The Dutch sentence for an expected error; bugs are not described here."""
    if isinstance(exc, ValidationError):
        lines = [f"{_field_name(field)}: {PROBLEM[p]}" for field, p in exc.problems.items()]
        return "Dit kan zo niet worden opgeslagen:\n" + "\n".join(lines)
    if isinstance(exc, RuleViolation):
        return RULE[exc.rule]
    if (meldcode := _meldcode_text(exc)) is not None:
        return meldcode
    if isinstance(exc, NotFound):
        return "Dit gegeven bestaat niet meer; misschien is het intussen verwijderd."
    if isinstance(exc, StoreBusy):
        return BUSY
    if isinstance(exc, PermissionDenied):
        return f"Dit mag alleen {needed_roles(exc.permission)}."
    if isinstance(exc, NoTeamKey):
        return NO_TEAM_KEY
    if isinstance(exc, ListNotClean):
        return LIST_NOT_CLEAN
    if isinstance(exc, StoreError):
        return STORE_PROBLEMS[exc.problem].format(path=exc.path)
    return "Er ging iets mis."


def show_error(parent: QWidget | None, exc: Exception) -> None:
    QMessageBox.warning(parent, "Teamtafel", describe(exc))


def confirm(parent: QWidget | None, question: str) -> bool:
    """A Ja/Nee question with Nee as the default; True on Ja."""
    answer = QMessageBox.question(
        parent,
        "Teamtafel",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
