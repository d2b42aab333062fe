from __future__ import annotations

from datetime import date

import pytest

from models.validation import (
    Problem,
    check_bsn,
    check_phone,
    check_postcode,
    normalize_postcode,
    parse_date,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019", "", "  "])
def test_valid_or_empty_bsn_passes(bsn: str) -> None:
    assert check_bsn(bsn) is None


@pytest.mark.parametrize(
    ("bsn", "problem"),
    [
        ("123456789", Problem.BSN_ELFPROEF),
        ("111222334", Problem.BSN_ELFPROEF),
        ("000000000", Problem.BSN_ELFPROEF),
        ("12345", Problem.BSN_LENGTH),
        ("12345678a", Problem.BSN_LENGTH),
        ("1234567890", Problem.BSN_LENGTH),
    ],
)
def test_wrong_bsn_is_named(bsn: str, problem: Problem) -> None:
    assert check_bsn(bsn) is problem


def test_dates_are_parsed_dutch_style() -> None:
    assert parse_date("3-9-2015").value == date(2015, 9, 3)
    assert parse_date("03/09/2015").value == date(2015, 9, 3)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31-02-2012", Problem.DATE_NOT_REAL),
        ("2012-02-01", Problem.DATE_FORMAT),
        ("gisteren", Problem.DATE_FORMAT),
        ("01-01-1850", Problem.DATE_TOO_OLD),
        ("", Problem.REQUIRED),
    ],
)
def test_bad_dates_are_named(text: str, problem: Problem) -> None:
    assert parse_date(text).problem is problem


def test_future_and_too_early_dates() -> None:
    today = date(2026, 11, 25)
    assert parse_date("26-11-2026", not_after=today).problem is Problem.DATE_IN_FUTURE
    assert parse_date("25-11-2026", not_after=today).problem is None
    assert (
        parse_date("01-01-2026", not_before=date(2026, 2, 1)).problem
        is Problem.DATE_BEFORE_REGISTRATION
    )
    assert parse_date("", required=False).problem is None


def test_postcodes() -> None:
    assert check_postcode("1234ab") is None
    assert normalize_postcode("1234ab") == "1234 AB"
    assert check_postcode("0123 AB") is Problem.POSTCODE
    assert check_postcode("1234 SS") is Problem.POSTCODE
    assert check_postcode("12345") is Problem.POSTCODE
    assert check_postcode("") is None


def test_a_bsn_written_with_spaces_or_dots_counts_its_digits() -> None:
    """Regression: '111 222 333' was refused as 'not 9 digits'."""
    from models.validation import check_bsn, normalize_bsn

    assert check_bsn("111 222 333") is None
    assert check_bsn("111.22.2333") is None
    assert normalize_bsn(" 111 222 333 ") == "111222333"
    assert check_bsn("111 222 33a") is Problem.BSN_LENGTH


@pytest.mark.parametrize(
    "phone", ["06-12345678", "+31 (0)20 123 4567", "020 1234567", "0031-6-12345678", "", "  "]
)
def test_a_phone_number_of_digits_spaces_and_plus_minus_brackets_passes(phone: str) -> None:
    assert check_phone(phone) is None


@pytest.mark.parametrize(
    "phone", ["bel na vijven", "06-1234567 of 06-7654321", "06.12345678", "+-()"]
)
def test_a_phone_number_with_words_or_other_signs_is_refused(phone: str) -> None:
    assert check_phone(phone) is Problem.PHONE
