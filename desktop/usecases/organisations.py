"""Organisations and their contact persons: the team's shared list of partners.

Any team member may add or correct an organisation (also on the spot, from a consent
form) and its contact persons.  Switching one off takes it off every picker for the
whole team, so that is for whoever manages the team's lists: coördinator and
beheerder (MANAGE_TEAM).  None of this is about a household, so nothing here writes
a dossier's access-log line; the correction history keeps every old value.
"""

from __future__ import annotations

import uuid

from desktop.session import Unlocked
from desktop.usecases.base import read, write
from models import organisations as service
from models.permissions import Permission
from models.records import OrganisationContactDraft, OrganisationDraft, OrganisationRecord

WORK = Permission.WORK_ON_DOSSIERS
SWITCH_OFF = Permission.MANAGE_TEAM


def may_switch_off(unlocked: Unlocked) -> bool:
    return unlocked.actor.may(SWITCH_OFF)


def list_organisations(
    unlocked: Unlocked, *, active_only: bool = False
) -> list[OrganisationRecord]:
    return read(unlocked, WORK, lambda s: service.list_organisations(s, active_only=active_only))


def add_organisation(unlocked: Unlocked, draft: OrganisationDraft) -> OrganisationRecord:
    """Stores a new organisation and returns it (so a form can pick it straight away)."""
    return write(
        unlocked,
        WORK,
        lambda s: service.get_organisation(s, service.add_organisation(s, draft)),
    )


def update_organisation(
    unlocked: Unlocked, organisation_id: uuid.UUID, draft: OrganisationDraft
) -> uuid.UUID:
    write(unlocked, WORK, lambda s: service.update_organisation(s, organisation_id, draft))
    return organisation_id


def deactivate_organisation(unlocked: Unlocked, organisation_id: uuid.UUID) -> None:
    write(unlocked, SWITCH_OFF, lambda s: service.deactivate_organisation(s, organisation_id))


def reactivate_organisation(unlocked: Unlocked, organisation_id: uuid.UUID) -> None:
    write(unlocked, SWITCH_OFF, lambda s: service.reactivate_organisation(s, organisation_id))


def add_contact_person(
    unlocked: Unlocked, organisation_id: uuid.UUID, draft: OrganisationContactDraft
) -> uuid.UUID:
    return write(unlocked, WORK, lambda s: service.add_contact_person(s, organisation_id, draft))


def update_contact_person(
    unlocked: Unlocked, contact_id: uuid.UUID, draft: OrganisationContactDraft
) -> uuid.UUID:
    write(unlocked, WORK, lambda s: service.update_contact_person(s, contact_id, draft))
    return contact_id


def remove_contact_person(unlocked: Unlocked, contact_id: uuid.UUID) -> None:
    write(unlocked, WORK, lambda s: service.remove_contact_person(s, contact_id))
