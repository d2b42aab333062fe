"""The destruction and back-up registers beside the database, and the copies that may still
hold a destroyed dossier.

A restore puts back an older database: its own registers (:mod:`models.register`) end on
the day that back-up was made. So the same lists live in two small files beside the
database, which a restore does not touch (0600, ids and dates only):

- ``….vernietigd``: the id and day of every destroyed household, and the day each copy
  made before a migration or a restore (``….voor-migratie-…``, ``….voor-herstel-…``) was
  first followed by a good start;
- ``….back-ups``: the back-ups this app wrote, where and when, with the ids they hold.

At every login the file and the store are merged both ways (:func:`reapply`): a household
in either list that the store still holds is destroyed again before any dossier opens, and
each side gets what it lacked. So a lost file is written again from the store, and a store
restored from an older back-up learns from the file. Only when both are gone (a back-up
restored by hand on another computer) does a destroyed dossier come back unnoticed.

Whoever can write to the data folder can add an id to the file; ids are random, and only
someone who can read the encrypted store knows one.
"""

from __future__ import annotations

import base64
import json
import logging
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.database import Store, vacuum
from desktop.private import replace_private
from models.access import log_access
from models.avg import destroy_household
from models.entities import Household
from models.permissions import AccessAction, Actor
from models.register import Backup, Register, store_register, stored_register

log = logging.getLogger(__name__)

FORMAT = 1
COPY_DAYS = 30  # a copy from before a migration or restore goes this long after a good start
REDESTROYED = "opnieuw vernietigd: stond in het vernietigingsregister (na het terugzetten)"


def destroyed_path(db: Path) -> Path:
    return db.with_name(db.name + ".vernietigd")


def backups_path(db: Path) -> Path:
    return db.with_name(db.name + ".back-ups")


def copies_beside(db: Path) -> list[Path]:
    """The copies Teamtafel made beside the database before a migration or a restore."""
    found = [
        *db.parent.glob(f"{_glob_safe(db.name)}.voor-*.bak"),
        *db.parent.glob(f"{_glob_safe(db.name)}.voor-*.bak.sleutels"),
    ]
    return sorted(found)


def _glob_safe(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s is unreadable; it is written again from the database", path.name)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        log.warning("%s is not a register; it is written again from the database", path.name)
        return {}
    return data


def _write(path: Path, data: dict[str, object]) -> None:
    replace_private(path, json.dumps({"format": FORMAT, **data}, indent=1).encode("utf-8"))


def _dates(value: object) -> dict[str, date]:
    if not isinstance(value, dict):
        return {}
    dates: dict[str, date] = {}
    for key, text in value.items():
        try:
            dates[str(key)] = date.fromisoformat(str(text))
        except ValueError:
            continue
    return dates


def _load_destroyed(db: Path) -> tuple[dict[uuid.UUID, date], dict[str, date]]:
    data = _read(destroyed_path(db))
    destroyed: dict[uuid.UUID, date] = {}
    for key, on in _dates(data.get("vernietigd")).items():
        try:
            destroyed[uuid.UUID(key)] = on
        except ValueError:
            continue
    return destroyed, _dates(data.get("kopieen"))


def _save_destroyed(db: Path, destroyed: dict[uuid.UUID, date], copies: dict[str, date]) -> None:
    _write(
        destroyed_path(db),
        {
            "vernietigd": {str(k): v.isoformat() for k, v in sorted(destroyed.items())},
            "kopieen": {k: v.isoformat() for k, v in sorted(copies.items())},
        },
    )


def _load_backups(db: Path) -> dict[uuid.UUID, Backup]:
    entries = _read(backups_path(db)).get("back-ups")
    backups: dict[uuid.UUID, Backup] = {}
    if not isinstance(entries, dict):
        return backups
    for key, entry in entries.items():
        try:
            backup_id = uuid.UUID(str(key))
            made_at = datetime.fromisoformat(str(entry["gemaakt"]))
            ids = base64.b64decode(str(entry["huishoudens"]), validate=True)
            location = str(entry["pad"])
        except (KeyError, TypeError, ValueError):
            continue
        if made_at.tzinfo is not None and len(ids) % 16 == 0:
            backups[backup_id] = Backup(backup_id, made_at, location, ids)
    return backups


def _save_backups(db: Path, backups: dict[uuid.UUID, Backup]) -> None:
    _write(
        backups_path(db),
        {
            "back-ups": {
                str(b.id): {
                    "gemaakt": b.made_at.isoformat(timespec="seconds"),
                    "pad": b.location,
                    "huishoudens": base64.b64encode(b.household_ids).decode("ascii"),
                }
                for b in sorted(backups.values(), key=lambda b: b.made_at)
            }
        },
    )


def note_destroyed(db: Path, household_id: uuid.UUID, on: date) -> None:
    """After a destruction is committed (the store holds it already)."""
    destroyed, copies = _load_destroyed(db)
    destroyed.setdefault(household_id, on)
    _save_destroyed(db, destroyed, copies)


def note_backup(db: Path, backup: Backup) -> None:
    """After a back-up is written and registered in the store."""
    backups = _load_backups(db)
    backups[backup.id] = backup
    _save_backups(db, backups)


def full_register(store: Store) -> Register:
    """The store's lists and the files', together: what the destruction dialog shows."""
    with store.sessions() as session:
        register = stored_register(session)
    destroyed, _copies = _load_destroyed(store.path)
    register.add(Register(destroyed, _load_backups(store.path)))
    return register


def write_files(store: Store) -> None:
    """Before a restore replaces the store: the files get whatever only the store knew."""
    register = full_register(store)
    _destroyed, copies = _load_destroyed(store.path)
    _save_destroyed(store.path, register.destroyed, copies)
    _save_backups(store.path, register.backups)


def reapply(store: Store, actor: Actor) -> list[str]:
    """Merge the destruction register of the file and the store, and destroy again what the
    store still holds (logged). Returns the dossier numbers destroyed again."""
    from_file, copies = _load_destroyed(store.path)
    numbers: list[str] = []
    with store.sessions.begin() as session:
        known = stored_register(session, backups=False).destroyed
        wanted = {**from_file, **known}
        present = list(session.scalars(select(Household.id).where(Household.id.in_(wanted))))
        for household_id in present:
            number = destroy_household(session, household_id)
            log_access(
                session,
                actor,
                AccessAction.DESTROY,
                household_id=household_id,
                dossier_number=number,
                detail=REDESTROYED,
            )
            numbers.append(number)
        store_register(session, Register(from_file, {}))
    if numbers:
        log.info("destroyed %d dossier(s) again after a restore", len(numbers))
        vacuum(store.engine)
    if set(known) - set(from_file):
        _save_destroyed(store.path, wanted, copies)
    return numbers


def tidy_copies(db: Path, today: date) -> list[str]:
    """Every copy beside the database gets the day of its first good start; 30 days later
    it is deleted (with it goes any destroyed dossier it still held). Returns what went."""
    destroyed, noted = _load_destroyed(db)
    present = {path.name: path for path in copies_beside(db)}
    copies = {name: noted.get(name, today) for name in present}
    gone = [name for name, first in copies.items() if today - first >= timedelta(days=COPY_DAYS)]
    for name in gone:
        present[name].unlink(missing_ok=True)
        del copies[name]
    if copies != noted:
        _save_destroyed(db, destroyed, copies)
    return gone


def copies_deleted_on(db: Path) -> list[tuple[str, date]]:
    """The copies beside the database and the day each will be deleted."""
    _destroyed, noted = _load_destroyed(db)
    today = date.today()
    return [
        (path.name, noted.get(path.name, today) + timedelta(days=COPY_DAYS))
        for path in copies_beside(db)
    ]
