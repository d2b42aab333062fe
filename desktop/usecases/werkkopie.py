"""The werkkopie of an open form (see :mod:`models.werkkopie`): the user's own typing.

No permission beyond being logged in: an account reads and writes only its own copies.
Nothing here writes an access-log line or a correction: a werkkopie is not a record
of the dossier until the form is saved, and then the save is logged as ever.
"""

from __future__ import annotations

import uuid

from desktop.session import Unlocked
from models import werkkopie as model
from models.werkkopie import Place, WerkkopieRecord

__all__ = ["Place", "WerkkopieRecord", "discard", "keep", "waiting"]


def keep(
    unlocked: Unlocked, copy_id: uuid.UUID, place: Place, title: str, fields: dict[str, str]
) -> None:
    """Store the texts as typed now (StoreBusy when a colleague's save holds the file)."""
    with unlocked.store.sessions.begin() as session:
        model.keep(session, unlocked.actor.account_id, copy_id, place, title, fields)


def discard(unlocked: Unlocked, copy_id: uuid.UUID) -> None:
    with unlocked.store.sessions.begin() as session:
        model.discard(session, unlocked.actor.account_id, copy_id)


def waiting(unlocked: Unlocked) -> list[WerkkopieRecord]:
    """This account's copies to offer back after a login; expired ones (of anyone) go first."""
    with unlocked.store.sessions.begin() as session:
        model.purge_expired(session)
        return model.waiting(session, unlocked.actor.account_id)
