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
