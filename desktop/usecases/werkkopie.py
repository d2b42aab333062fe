"""The werkkopie of an open form (see :mod:`models.werkkopie`): the user's own typing.

No permission beyond being logged in: an account reads and writes only its own copies.
Nothing here writes an access-log line or a correction: a werkkopie is not a record
of the dossier until the form is saved, and then the save is logged as ever.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from sqlalchemy.exc import DBAPIError

from desktop.database import StoreBusy
from desktop.session import Unlocked
from models import werkkopie as model
from models.base import utc_now
from models.werkkopie import Place, WerkkopieRecord

__all__ = ["Place", "WerkkopieRecord", "discard", "keep", "waiting"]

log = logging.getLogger(__name__)

# Keeping runs in the window while the user types: it never waits long for a colleague's
# save; the next try comes a few seconds later.
KEEP_WAIT_MS = 200


def keep(
    unlocked: Unlocked,
    copy_id: uuid.UUID,
    place: Place,
    title: str,
    fields: dict[str, str],
    was: dict[str, str] | None = None,
    *,
    wait_ms: int | None = None,
) -> bool:
    """Store the texts as typed now. False when the store cannot take them at this moment
    (a colleague's save holds the file, a full disk): the caller tries again shortly, and
    the user typing on is not interrupted."""
    try:
        with unlocked.store.sessions.begin(wait_ms=wait_ms or KEEP_WAIT_MS) as session:
            model.keep(session, unlocked.actor.account_id, copy_id, place, title, fields, was)
    except StoreBusy:
        return False
    except (DBAPIError, OSError) as exc:
        log.warning("werkkopie not stored: %s", type(exc).__name__)
        return False
    return True


def discard(unlocked: Unlocked, copy_id: uuid.UUID) -> None:
    """Delete a copy; one that cannot be deleted now is offered again at the next login."""
    try:
        with unlocked.store.sessions.begin() as session:
            model.discard(session, unlocked.actor.account_id, copy_id)
    except (DBAPIError, OSError) as exc:
        log.warning("werkkopie not deleted: %s", type(exc).__name__)


def waiting(unlocked: Unlocked) -> list[WerkkopieRecord]:
    """This account's copies to offer back after a login, oldest first.

    Expired copies (of anyone) are deleted first, unless a colleague's save holds the
    store right now: then they go at a later login, and this one does not wait for it.
    """
    try:
        with unlocked.store.sessions.begin(wait_ms=KEEP_WAIT_MS) as session:
            model.purge_expired(session)
    except StoreBusy:
        pass
    with unlocked.store.sessions() as session:
        copies = model.waiting(session, unlocked.actor.account_id)
    expired = utc_now() - timedelta(days=model.KEEP_DAYS)
    return [copy for copy in copies if copy.saved_at >= expired]
