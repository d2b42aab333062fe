"""Reading the access log: the beheerder's whole log (the household's own is in households)."""

from __future__ import annotations

from datetime import date

from desktop.session import Unlocked
from desktop.usecases.base import read
from models.access import search_log
from models.permissions import Permission
from models.records import LogLine


def search(
    unlocked: Unlocked,
    *,
    login: str = "",
    dossier_number: str = "",
    start: date | None = None,
    end: date | None = None,
) -> list[LogLine]:
    return read(
        unlocked,
        Permission.READ_FULL_LOG,
        lambda s: search_log(s, login=login, dossier_number=dossier_number, start=start, end=end),
    )
