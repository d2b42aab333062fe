"""The gezinsplan as a document for the one print path: the family's copy, or a partner's.

The family's copy is for the household itself. A partner's copy goes to one organisation and
is made only when the whole household has a valid consent to share with it today, and no one
refused (as the external minutes check). Saving either logs PRINT under the household
(:func:`desktop.usecases.printing.save_document`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.reports.gezinsplan import plan_pdf
from desktop.session import Unlocked
from desktop.usecases.base import read
from desktop.usecases.minutes import find_organisation, slug
from desktop.usecases.printing import Document
from models.consents import list_consents, uncovered
from models.entities import Household
from models.errors import DomainError
from models.gezinsplan_print import PlanMissing, PlanPrint, family_print
from models.permissions import AccessAction, Permission
from models.records import OrganisationRecord

WORK = Permission.WORK_ON_DOSSIERS


class PlanNotPrinted(DomainError):
    """Why the plan was not printed, in Dutch: the screen and the command line say it as is."""


@dataclass(frozen=True)
class _Read:
    content: PlanPrint
    dossier_number: str


def missing_text(missing: PlanMissing) -> str:
    if not missing.versions:
        return "Dit huishouden heeft nog geen gezinsplan."
    there = (
        "versie 1"
        if len(missing.versions) == 1
        else f"versie {missing.versions[0]} tot en met {missing.versions[-1]}"
    )
    return f"Het gezinsplan heeft geen versie {missing.asked}; er is {there}."


def no_consent_text(organisation: str) -> str:
    return (
        f"Het gezinsplan is niet afgedrukt voor {organisation}: er is geen geldige toestemming "
        f"van het hele huishouden om gegevens met {organisation} te delen (of iemand heeft "
        "geweigerd). Leg eerst de toestemming vast."
    )


def _shared(session: Session, household_id: uuid.UUID, organisation: uuid.UUID, on: date) -> bool:
    """A consent for the whole household valid on ``on``, and no refusal by anyone (a
    member's own consent covers that member, not the plan of the whole household)."""
    consents = list_consents(session, household_id)
    counted = [c for c in consents if c.person_id is None or c.refused]
    return not uncovered(counted, organisation, on)


def plan_document(
    unlocked: Unlocked,
    household_id: uuid.UUID,
    version: int | None = None,
    recipient: str | None = None,
    *,
    today: date | None = None,
) -> Document:
    """The plan's ``version`` (None: the current one) as a document; ``recipient``: the name
    of the organisation a partner's copy is for. Raises :class:`PlanNotPrinted`."""
    made_on = today or date.today()
    organisation: OrganisationRecord | None = None
    if recipient is not None and recipient.strip():
        organisation = find_organisation(unlocked, recipient)
        if organisation is None:
            raise PlanNotPrinted(
                f"Onbekende organisatie: {recipient.strip()}. Gebruik de naam zoals die bij "
                "Organisaties staat."
            )

    def work(session: Session) -> _Read:
        try:
            content = family_print(session, household_id, version, made_on)
        except PlanMissing as missing:
            raise PlanNotPrinted(missing_text(missing)) from None
        if organisation is not None and not _shared(
            session, household_id, organisation.id, made_on
        ):
            raise PlanNotPrinted(no_consent_text(organisation.name))
        household = session.get(Household, household_id)
        return _Read(content, household.dossier_number if household else "")

    found = read(unlocked, WORK, work)
    name = organisation.name if organisation else None
    pdf = plan_pdf(found.content, made_on=made_on, recipient=name)
    number = found.content.plan.version
    file_name = f"gezinsplan-{found.dossier_number}-versie-{number}"
    detail = f"gezinsplan versie {number}"
    if organisation is not None:
        file_name += f"-{slug(organisation.name)}"
        detail += f" voor {organisation.name}"
    return Document(
        title=f"Gezinsplan versie {number}" + (f" (voor {name})" if name else ""),
        pdf=pdf,
        household_ids=(household_id,),
        file_name=f"{file_name}.pdf",
        action=AccessAction.PRINT,
        detail=detail,
        recipient=organisation,
    )
