"""Input checks shared by the forms (as the user types) and the services (on save).

Checks return an :class:`Problem` code or ``None``; the views turn codes into Dutch.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from models.errors import DomainError


class Problem(enum.StrEnum):
    REQUIRED = "required"
    BSN_LENGTH = "bsn_length"
    BSN_ELFPROEF = "bsn_elfproef"
    DATE_FORMAT = "date_format"
    DATE_NOT_REAL = "date_not_real"
    DATE_IN_FUTURE = "date_in_future"
    DATE_TOO_OLD = "date_too_old"
    DATE_BEFORE_REGISTRATION = "date_before_registration"
    DATE_AFTER_EVENTS = "date_after_events"
    NOTHING_SCORED = "nothing_scored"
    POSTCODE = "postcode"
    TOO_LONG = "too_long"
    UNKNOWN_CODE = "unknown_code"
    END_BEFORE_START = "end_before_start"
    LEVEL_OUT_OF_RANGE = "level_out_of_range"
    WRONG_SUBJECT = "wrong_subject"  # an instrument for a household used for a person, or back
    PASSWORD_SHORT = "password_short"
    PASSWORD_MISMATCH = "password_mismatch"
    OUT_OF_RANGE = "out_of_range"
    SCALE_0_10 = "scale_0_10"  # a Signs of Safety scale answer
    DUPLICATE = "duplicate"
    EMAIL = "email"
    INACTIVE = "inactive"
    PHONE = "phone"
    BSN_IN_USE = "bsn_in_use"  # a warning the user may overrule, never a refusal
    BSN_NOT_TEST = "bsn_not_test"  # on a demo database: a warning, as BSN_IN_USE
    DATE_IN_PAST = "date_in_past"  # a new action due before today
    SAME_DECIDER = "same_decider"  # a verwijzing's two deciders are two different people
    INACTIVE_MEDEWERKER = "inactive_medewerker"  # a team member switched off
    TIME_FORMAT = "time_format"  # a meeting's starting time, 'HH:MM'
    ON_AGENDA = "on_agenda"  # a household already on this meeting's agenda
    BEFORE_MEETING = "before_meeting"  # a meeting's new action due before the meeting


class ValidationError(DomainError, ValueError):
    """Raised by services when a draft does not pass; carries one problem per field."""

    def __init__(self, problems: dict[str, Problem]) -> None:
        super().__init__(", ".join(f"{field}: {code}" for field, code in problems.items()))
        self.problems = problems


def _bsn_digits(text: str) -> str:
    """A BSN as people write it, '111 222 333' or '111.22.333': the digits count."""
    return "".join(text.split()).replace(".", "").replace("-", "")


def check_bsn(text: str) -> Problem | None:
    """An empty BSN is fine (it is often unknown); a given one must pass the elfproef."""
    digits = _bsn_digits(text)
    if not digits:
        return None
    if not digits.isdigit() or len(digits) not in (8, 9):
        return Problem.BSN_LENGTH
    digits = digits.zfill(9)
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    if total % 11 != 0 or digits == "000000000":
        return Problem.BSN_ELFPROEF
    return None


def normalize_bsn(text: str) -> str | None:
    digits = _bsn_digits(text)
    return digits.zfill(9) if digits else None


TEST_BSN_PREFIX = "9999"  # 9999xxxxx: the test range, which belongs to nobody


def is_test_bsn(bsn: str) -> bool:
    """A BSN from the test range (a normalised BSN, nine digits)."""
    return bsn.startswith(TEST_BSN_PREFIX)


_DATE_RE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")


@dataclass(frozen=True)
class ParsedDate:
    value: date | None
    problem: Problem | None


def parse_date(
    text: str,
    *,
    required: bool = True,
    not_after: date | None = None,
    not_before: date | None = None,
    earliest: date = date(1900, 1, 1),
) -> ParsedDate:
    """Parse a Dutch date (dd-mm-jjjj) and check it against its bounds."""
    if not text.strip():
        return ParsedDate(None, Problem.REQUIRED if required else None)
    match = _DATE_RE.match(text)
    if not match:
        return ParsedDate(None, Problem.DATE_FORMAT)
    day, month, year = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        return ParsedDate(None, Problem.DATE_NOT_REAL)
    return ParsedDate(value, check_date(value, not_after, not_before, earliest))


def check_date(
    value: date,
    not_after: date | None = None,
    not_before: date | None = None,
    earliest: date = date(1900, 1, 1),
) -> Problem | None:
    if value < earliest:
        return Problem.DATE_TOO_OLD
    if not_after is not None and value > not_after:
        return Problem.DATE_IN_FUTURE
    if not_before is not None and value < not_before:
        return Problem.DATE_BEFORE_REGISTRATION
    return None


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


_POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def check_postcode(text: str) -> Problem | None:
    if not text.strip():
        return None
    match = _POSTCODE_RE.match(text)
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        return Problem.POSTCODE
    return None


def normalize_postcode(text: str) -> str:
    match = _POSTCODE_RE.match(text)
    return f"{match.group(1)} {match.group(2).upper()}" if match else text.strip()


def check_required(text: str) -> Problem | None:
    return Problem.REQUIRED if not text.strip() else None


_PHONE_RE = re.compile(r"^[0-9 +\-()]*[0-9][0-9 +\-()]*$")


def check_phone(text: str) -> Problem | None:
    """An empty phone number is fine; a given one has digits, spaces and + - ( ) only."""
    return Problem.PHONE if text.strip() and not _PHONE_RE.match(text.strip()) else None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(text: str) -> Problem | None:
    """An empty e-mail address is fine; a given one must look like one."""
    return Problem.EMAIL if text.strip() and not _EMAIL_RE.match(text.strip()) else None
