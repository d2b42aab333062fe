"""The demo database: fictional households, a team of fifteen and three documented accounts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.keyring import DEFAULT_COST, KdfCost
from desktop.session import Unlocked, create_database
from desktop.usecases.accounts import add_account
from models.demo import generate_demo
from models.entities import Medewerker
from models.permissions import Role

# (login, password, role, medewerker) — printed in the README and on the demo login screen.
DEMO_ACCOUNTS = (
    ("beheer", "demo-beheer-2026", Role.BEHEERDER, "Olga Timmer"),
    ("karin", "demo-coordinator-2026", Role.COORDINATOR, "Karin Bosman"),
    ("anouk", "demo-medewerker-2026", Role.MEDEWERKER, "Anouk Verbeek"),
)


def create_demo_database(
    path: Path, households: int, *, seed: int = 2026, cost: KdfCost = DEFAULT_COST
) -> Unlocked:
    """Unlocked as the demo beheerder."""
    (login, password, _role, name), *others = DEMO_ACCOUNTS
    unlocked, _code = create_database(
        path, name=name, login=login, password=password, cost=cost, demo=True
    )
    with unlocked.store.sessions.begin() as session:
        generate_demo(session, households, seed=seed)
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
