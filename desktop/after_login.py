"""What every successful login does before anything opens (:func:`desktop.session.unlock`).

In this order: destroy again what the destruction register names (a restored back-up may
hold it), move the failed login attempts into the access log, delete the copies from
before a migration or restore whose 30 days after a good start are over, and make the
files beside the database their owner's alone (a store made by an older version may
still be readable by others).
"""

from __future__ import annotations

from datetime import date

from desktop import attempts, register
from desktop.database import Store
from desktop.keyring import keyring_path
from desktop.private import make_private
from models.permissions import Actor


def after_login(store: Store, actor: Actor, *, today: date | None = None) -> None:
    register.reapply(store, actor)
    attempts.move_to_log(store, actor)
    register.tidy_copies(store.path, today or date.today())
    db = store.path
    for path in (
        db,
        keyring_path(db),
        register.destroyed_path(db),
        register.backups_path(db),
        attempts.attempts_path(db),
        *register.copies_beside(db),
    ):
        make_private(path)
