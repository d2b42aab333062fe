"""Moved to :mod:`models.wording`; this re-export keeps old imports working while branches merge."""

from __future__ import annotations

from models.wording import (
    ACCESS_ACTION,
    CONTACT_KIND,
    EVENT_KIND,
    INSTRUMENT_PROBLEM,
    MONTHS,
    PHASE,
    PROBLEM,
    ROLE,
    ROLE_NAMES,
    RULE,
    date_text,
    instrument_problem_text,
    long_date_text,
    moment_text,
    number_text,
    warning_text,
)

__all__ = [
    "ACCESS_ACTION",
    "CONTACT_KIND",
    "EVENT_KIND",
    "INSTRUMENT_PROBLEM",
    "MONTHS",
    "PHASE",
    "PROBLEM",
    "ROLE",
    "ROLE_NAMES",
    "RULE",
    "date_text",
    "instrument_problem_text",
    "long_date_text",
    "moment_text",
    "number_text",
    "warning_text",
]
