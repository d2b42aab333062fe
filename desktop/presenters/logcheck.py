"""The access log's chain checked at every start, from where this computer last verified it.

The position verified last (entry number and hash) is kept in this computer's settings,
outside the database: a rewrite of what was verified before, or a break since, shows even
when someone with the key edited the file elsewhere. A break is told once per computer at
start; the beheerder's log screen always shows it. A restore through the app sets the
position to the back-up's signed checkpoint, verified (:func:`note_restore`): the older log
it put back is not taken for a rewrite.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.presenters.ui import Ui
from desktop.usecases import access
from models.logchain import Checkpoint
from models.permissions import Permission
from models.wording import chain_text


def _settings_key(path: Path) -> str:
    resolved = str(path.resolve())
    return "toegangslog/" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


def _checkpoint(value: object) -> Checkpoint | None:
    seq, _, entry_hash = str(value or "").partition(":")
    return Checkpoint(int(seq), entry_hash) if seq.isdigit() and entry_hash else None


def check_at_start(ui: Ui) -> None:
    settings = QSettings("Teamtafel", "Teamtafel")
    key = _settings_key(ui.unlocked.store.path)
    since = _checkpoint(settings.value(f"{key}/geverifieerd"))
    result = ui.attempt(lambda: access.check_chain(ui.unlocked, since))
    if result is None:
        return
    settings.setValue(f"{key}/geverifieerd", f"{result.last.seq}:{result.last.entry_hash}")
    if result.broken is None or settings.value(f"{key}/gemeld") == str(result.broken.seq):
        return
    settings.setValue(f"{key}/gemeld", str(result.broken.seq))
    if ui.unlocked.actor.may(Permission.READ_FULL_LOG):
        advice = "Het toegangslog (Beheer → Toegangslog) laat zien waar."
    else:
        advice = "Meld dit aan de beheerder van Teamtafel."
    ui.warn(f"{chain_text(result.broken, result.checked)}\n\n{advice}")


def note_restore(path: Path, verified: Checkpoint | None) -> None:
    """After a restore of ``path`` through the app: this computer's position becomes the
    restored log's verified one (the back-up's checkpoint, checked against the copy before
    it was put in place). Without one (a back-up made by an older version) the position is
    forgotten, so the next start checks the whole chain. A break told before is forgotten."""
    settings = QSettings("Teamtafel", "Teamtafel")
    key = _settings_key(path)
    if verified is None:
        settings.remove(f"{key}/geverifieerd")
    else:
        settings.setValue(f"{key}/geverifieerd", f"{verified.seq}:{verified.entry_hash}")
    settings.remove(f"{key}/gemeld")
