"""Workflow states the code reasons about.  Dutch words for them live in ``models.wording``."""

from __future__ import annotations

import enum


class Phase(enum.StrEnum):
    """Phases of a traject, in the order a case normally goes through them."""

    AANGEMELD = "aangemeld"
    VRAAGVERHELDERING = "vraagverheldering"
    PLAN = "plan"
    UITVOERING = "uitvoering"
    AFGESLOTEN = "afgesloten"


OPEN_PHASES = (Phase.AANGEMELD, Phase.VRAAGVERHELDERING, Phase.PLAN, Phase.UITVOERING)


class MemberRole(enum.StrEnum):
    OUDER = "ouder"
    KIND = "kind"
    JONGVOLWASSENE = "jongvolwassene"
    OVERIG = "overig"


class ContactKind(enum.StrEnum):
    HUISBEZOEK = "huisbezoek"
    TELEFOON = "telefoon"
    SCHOOL = "school"
    OVERLEG = "overleg"
    OVERIG = "overig"


class EventKind(enum.StrEnum):
    """What happened to a traject; shown as its timeline."""

    AANGEMELD = "aangemeld"
    FASE = "fase"
    OPSCHALEN = "opschalen"
    AFSCHALEN = "afschalen"
    AFGESLOTEN = "afgesloten"


class KeyState(enum.StrEnum):
    """What an account's password opens in the key file (desktop.keyring)."""

    OK = "ok"
    TEMPORARY = "tijdelijk"  # set by a beheerder; the account chooses its own at next login
    OLD_FORMAT = "oud"  # a format-1 slot, converted at its next login
    BLOCKED = "geblokkeerd"  # reported leaked, or not converted before a key change


class Respondent(enum.StrEnum):
    """Who answered the Signs of Safety scale question: the team, a parent, a young person."""

    TEAM = "team"
    OUDER = "ouder"
    JONGERE = "jongere"


class Safety(enum.StrEnum):
    """A risicotaxatie's conclusion about safety now, from least to most serious."""

    VEILIG = "veilig"
    ZORGELIJK = "zorgelijk"
    ONVEILIG = "onveilig"
    ACUUT_ONVEILIG = "acuut_onveilig"

    @property
    def rank(self) -> int:
        return list(Safety).index(self)


class Risk(enum.StrEnum):
    """A risicotaxatie's risk for the coming period."""

    LAAG = "laag"
    VERHOOGD = "verhoogd"
    HOOG = "hoog"


class FactorAnswer(enum.StrEnum):
    AANWEZIG = "aanwezig"
    NIET_AANWEZIG = "niet_aanwezig"
    ONBEKEND = "onbekend"


class TaxatieState(enum.StrEnum):
    """concept → ter toetsing (concluded, locked) → getoetst."""

    CONCEPT = "concept"
    TER_TOETSING = "ter_toetsing"
    GETOETST = "getoetst"


class Verdict(enum.StrEnum):
    """The reviewer's answer: agreed, or a view of their own."""

    AKKOORD = "akkoord"
    AFWIJKEND = "afwijkend"


class PassageKind(enum.StrEnum):
    """Which kind of safety record a reviewable inzage passage is part of."""

    TAXATIE = "taxatie"
    MELDCODE = "meldcode"
    SIGNS_OF_SAFETY = "signs_of_safety"
    VEILIGHEIDSPLAN = "veiligheidsplan"
    OVERLEG = "overleg"  # a case in a meeting: its question, notes and decisions' text
    GEZINSPLAN = "gezinsplan"  # a version of the gezinsplan: its texts, goals and evaluations


class PassagePart(enum.StrEnum):
    """Which part of its record a passage is (the record's conclusion stays visible)."""

    ONDERBOUWING = "onderbouwing"  # a taxatie's onderbouwing, factors and the reviewer's view
    SIGNALEN = "signalen"  # meldcode step 1: who reported what
    OVERLEG = "overleg"  # meldcode step 2: one consultation
    GESPREK = "gesprek"  # meldcode step 3
    AFWEGING = "afweging"  # meldcode step 4: its note (the answers and conclusion stay)
    BESLISSING = "beslissing"  # meldcode step 5, with the Veilig Thuis details
    INHOUD = "inhoud"  # a whole Signs of Safety record, veiligheidsplan or gezinsplan version,
    # or meeting case


class ActionOwner(enum.StrEnum):
    """Who carries out an action: exactly one of these (models.actions)."""

    MEDEWERKER = "medewerker"  # a team member
    GEZINSLID = "gezinslid"  # a member of the household
    NETWERK = "netwerk"  # someone of the family's network: a name and a relation
    ORGANISATIE = "organisatie"  # an organisation, optionally one of its contacts


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    GEDAAN = "gedaan"
    VERVALLEN = "vervallen"


class ActionOrigin(enum.StrEnum):
    """Where an action was agreed."""

    DOSSIER = "dossier"
    OVERLEG = "overleg"
    GEZINSPLAN = "gezinsplan"


class VerwijzingStatus(enum.StrEnum):
    """aangevraagd → gestart → beëindigd, or aangevraagd → afgewezen (models.verwijzing)."""

    AANGEVRAAGD = "aangevraagd"
    GESTART = "gestart"
    AFGEWEZEN = "afgewezen"
    BEEINDIGD = "beeindigd"


# Where a verwijzing's status may go next; afgewezen and beëindigd are final.
VERWIJZING_NEXT: dict[VerwijzingStatus, tuple[VerwijzingStatus, ...]] = {
    VerwijzingStatus.AANGEVRAAGD: (VerwijzingStatus.GESTART, VerwijzingStatus.AFGEWEZEN),
    VerwijzingStatus.GESTART: (VerwijzingStatus.BEEINDIGD,),
    VerwijzingStatus.AFGEWEZEN: (),
    VerwijzingStatus.BEEINDIGD: (),
}
