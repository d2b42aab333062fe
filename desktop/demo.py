"""The demo database: fictional households, a team of fifteen and three documented accounts."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from desktop.keyring import DEFAULT_COST, KdfCost, keyring_path
from desktop.session import Unlocked, create_database, unlock
from desktop.usecases.accounts import add_account
from models.demo import generate_demo
from models.entities import Medewerker
from models.permissions import Role
from models.settings import mark_demo

# (login, password, role, medewerker) — printed in the README and on the demo login screen.
DEMO_ACCOUNTS = (
    ("beheer", "demo-beheer-2026", Role.BEHEERDER, "Olga Timmer"),
    ("karin", "demo-coordinator-2026", Role.COORDINATOR, "Karin Bosman"),
    ("anouk", "demo-medewerker-2026", Role.MEDEWERKER, "Anouk Verbeek"),
)


def work_path(path: Path) -> Path:
    """Where a demo database is built before it is moved into place."""
    return path.with_name(path.name + ".wordt-gemaakt")


def create_demo_database(
    path: Path,
    households: int,
    *,
    seed: int = 2026,
    years: int = 3,
    cost: KdfCost = DEFAULT_COST,
) -> Unlocked:
    """Build the demo beside ``path`` and move it into place when it is whole; unlocked as the
    demo beheerder. A build that is killed halfway leaves no half-made database at ``path``
    (its leftovers are cleared by the next build)."""
    work = work_path(path)
    for leftover in (work, keyring_path(work)):
        leftover.unlink(missing_ok=True)
    unlocked = _build(work, households, seed=seed, years=years, cost=cost)
    unlocked.close()
    # The key file first, so the database never stands at ``path`` without its key file.
    os.replace(keyring_path(work), keyring_path(path))
    os.replace(work, path)
    login, password, _role, _name = DEMO_ACCOUNTS[0]
    return unlock(path, login, password)


def _build(path: Path, households: int, *, seed: int, years: int, cost: KdfCost) -> Unlocked:
    (login, password, _role, name), *others = DEMO_ACCOUNTS
    unlocked, _code = create_database(
        path, name=name, login=login, password=password, cost=cost, demo=True
    )
    with unlocked.store.sessions.begin() as session:
        mark_demo(session)  # for good: a demo never becomes a real database
        generate_demo(session, households, seed=seed, years=years)
    with unlocked.store.sessions() as session:
        staff = {m.name: m.id for m in session.scalars(select(Medewerker))}
    for other_login, other_password, role, medewerker in others:
        add_account(
            unlocked,
            login=other_login,
            name=medewerker,
            role=role,
            password=other_password,
            medewerker_id=staff.get(medewerker),
            cost=cost,
        )
    return unlocked
