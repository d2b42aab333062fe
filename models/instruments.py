"""Instruments as data: the ZRM, its variants and any team's own instrument, by one loader.

An instrument file (JSON, schema ``teamtafel-instrument/1``) names its code and
version, whom it is about (``subject``: a person or the whole household), a scale of
levels with its direction and the levels that call for action, sections of items, and
optional conclusions the professional chooses. Files we may ship live under
``resources/instruments/``; another version or variant is another file. A licensed
instrument (LIRIK, ARIJ, CARE-NL) is never shipped: a beheerder loads the team's file,
checked here, and it is kept in the encrypted store. Licensed cell texts (the ZRM's
per-level descriptions) likewise come from a team's own file (schema
``teamtafel-instrument-texts/1``), checked against the instrument they belong to.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, TypeVar

SCHEMA = "teamtafel-instrument/1"
TEXTS_SCHEMA = "teamtafel-instrument-texts/1"


class InstrumentProblem(enum.StrEnum):
    NOT_JSON = "not_json"
    WRONG_SCHEMA = "wrong_schema"
    MISSING_FIELD = "missing_field"
    BAD_SCALE = "bad_scale"
    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_INSTRUMENT = "unknown_instrument"
    UNKNOWN_ITEM = "unknown_item"
    UNKNOWN_LEVEL = "unknown_level"
    EMPTY_TEXT = "empty_text"
    BAD_SUBJECT = "bad_subject"
    BAD_DIRECTION = "bad_direction"
    BAD_CRITICAL = "bad_critical"
    BAD_AGES = "bad_ages"
    BAD_CONCLUSION = "bad_conclusion"
    SHIPPED = "shipped"
    ALREADY_LOADED = "already_loaded"
    TOO_LARGE = "too_large"


class Subject(enum.StrEnum):
    """Whom one measurement is about."""

    PERSON = "persoon"
    HOUSEHOLD = "huishouden"


class Direction(enum.StrEnum):
    """Which way of the scale is better; ``NONE`` for answers such as ja / nee / onbekend."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NONE = "none"


class InstrumentError(ValueError):
    """A definition or text file that does not fit; ``where`` says which part (no content)."""

    def __init__(self, problem: InstrumentProblem, where: str = "") -> None:
        super().__init__(f"{problem.value}: {where}")
        self.problem = problem
        self.where = where


@dataclass(frozen=True)
class Level:
    value: int
    name: str


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    client_name: str = ""
    description: str = ""


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Option:
    code: str
    name: str


@dataclass(frozen=True)
class Conclusion:
    """A judgement the professional makes (e.g. 'Veiligheid nu'), chosen from its options;
    Teamtafel never derives it from the item answers."""

    code: str
    name: str
    options: tuple[Option, ...]
    description: str = ""

    def option_name(self, code: str | None) -> str:
        return next((o.name for o in self.options if o.code == code), "")


@dataclass(frozen=True)
class Instrument:
    code: str
    version: str
    name: str
    scale: tuple[Level, ...]
    sections: tuple[Section, ...]
    allow_not_assessed: bool = True
    conclusions: tuple[Conclusion, ...] = ()
    note: str = ""
    texts: Mapping[str, Mapping[int, str]] = field(default_factory=dict)  # item -> level -> text
    subject: Subject = Subject.PERSON
    direction: Direction = Direction.HIGHER_IS_BETTER
    critical: frozenset[int] = frozenset()  # levels that call for action: they stand out
    ages: tuple[int | None, int | None] = (None, None)  # suggested for these ages (inclusive)
    shipped: bool = True  # False: loaded by a beheerder from the team's own file

    @property
    def key(self) -> tuple[str, str]:
        return self.code, self.version

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)

    def level_name(self, value: int | None) -> str:
        return next((level.name for level in self.scale if level.value == value), "")

    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.scale)

    def with_texts(self, texts: Mapping[str, Mapping[int, str]]) -> Instrument:
        return replace(self, texts=texts)

    def conclusion(self, code: str) -> Conclusion | None:
        return next((c for c in self.conclusions if c.code == code), None)

    def goodness(self, value: int) -> float | None:
        """Where ``value`` stands from worst (0.0) to best (1.0); None without a direction."""
        values = self.values()
        if self.direction is Direction.NONE or value not in values or len(values) < 2:
            return None
        position = values.index(value) / (len(values) - 1)
        return position if self.direction is Direction.HIGHER_IS_BETTER else 1.0 - position

    def suits_age(self, age: int | None) -> bool:
        low, high = self.ages
        if age is None or (low is None and high is None):
            return False
        return (low is None or age >= low) and (high is None or age <= high)


def _need(data: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    value = data.get(key)
    empty = (isinstance(value, str) and not value.strip()) or (
        isinstance(value, list) and not value
    )
    if not isinstance(value, kind) or empty:
        raise InstrumentError(InstrumentProblem.MISSING_FIELD, f"{where}.{key}")
    return value


def _load(text: str, schema: str) -> dict[str, Any]:
    """The file's JSON object, if it is JSON and names ``schema``."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InstrumentError(InstrumentProblem.NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("schema") != schema:
        raise InstrumentError(InstrumentProblem.WRONG_SCHEMA)
    return data


def parse_instrument(text: str) -> Instrument:
    data = _load(text, SCHEMA)
    scale = []
    for index, level in enumerate(_need(data, "scale", "instrument", list)):
        if not isinstance(level, dict) or not isinstance(level.get("value"), int):
            raise InstrumentError(InstrumentProblem.BAD_SCALE, f"scale[{index}]")
        scale.append(Level(level["value"], _need(level, "name", f"scale[{index}]")))
    values = [level.value for level in scale]
    if len(set(values)) != len(values) or values != sorted(values):
        raise InstrumentError(InstrumentProblem.BAD_SCALE, "scale")
    sections, seen = [], set()
    for s_index, section in enumerate(_need(data, "sections", "instrument", list)):
        where = f"sections[{s_index}]"
        if not isinstance(section, dict):
            raise InstrumentError(InstrumentProblem.MISSING_FIELD, where)
        items = []
        for i_index, item in enumerate(_need(section, "items", where, list)):
            item_where = f"{where}.items[{i_index}]"
            if not isinstance(item, dict):
                raise InstrumentError(InstrumentProblem.MISSING_FIELD, item_where)
            code = _need(item, "code", item_where)
            if code in seen or len(code) > 40:
                raise InstrumentError(InstrumentProblem.DUPLICATE_CODE, code[:40])
            seen.add(code)
            items.append(
                Item(
                    code,
                    _need(item, "name", item_where),
                    str(item.get("client_name", "")),
                    str(item.get("description", "")),
                )
            )
        sections.append(
            Section(_need(section, "code", where), _need(section, "name", where), tuple(items))
        )
    code = _need(data, "code", "instrument")
    if len(code) > 40 or len(str(_need(data, "version", "instrument"))) > 20:
        raise InstrumentError(InstrumentProblem.MISSING_FIELD, "code/version (te lang)")
    return Instrument(
        code=code,
        version=str(_need(data, "version", "instrument")),
        name=_need(data, "name", "instrument"),
        scale=tuple(scale),
        sections=tuple(sections),
        allow_not_assessed=bool(data.get("allow_not_assessed", True)),
        conclusions=_conclusions(data.get("conclusions", []), seen),
        note=str(data.get("note", "")),
        subject=_choice(
            Subject, data.get("subject", Subject.PERSON), InstrumentProblem.BAD_SUBJECT
        ),
        direction=_choice(
            Direction,
            data.get("direction", Direction.HIGHER_IS_BETTER),
            InstrumentProblem.BAD_DIRECTION,
        ),
        critical=_critical(data.get("critical", []), values),
        ages=_ages(data.get("ages")),
    )


E = TypeVar("E", bound=enum.StrEnum)


def _choice(kind: type[E], value: object, problem: InstrumentProblem) -> E:
    try:
        return kind(str(value))
    except ValueError:
        raise InstrumentError(problem, str(value)[:40]) from None


def _critical(value: object, values: list[int]) -> frozenset[int]:
    if not isinstance(value, list) or any(not isinstance(v, int) or v not in values for v in value):
        raise InstrumentError(InstrumentProblem.BAD_CRITICAL, "critical")
    return frozenset(value)


def _ages(value: object) -> tuple[int | None, int | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict):
        raise InstrumentError(InstrumentProblem.BAD_AGES, "ages")
    low, high = value.get("from"), value.get("to")
    if any(v is not None and (not isinstance(v, int) or v < 0) for v in (low, high)) or (
        isinstance(low, int) and isinstance(high, int) and low > high
    ):
        raise InstrumentError(InstrumentProblem.BAD_AGES, "ages")
    return low, high


def _conclusions(value: object, seen: set[str]) -> tuple[Conclusion, ...]:
    """Each conclusion with its options; codes unique among themselves and the items."""
    if not isinstance(value, list):
        raise InstrumentError(InstrumentProblem.BAD_CONCLUSION, "conclusions")
    found = []
    for index, conclusion in enumerate(value):
        where = f"conclusions[{index}]"
        if not isinstance(conclusion, dict):
            raise InstrumentError(InstrumentProblem.BAD_CONCLUSION, where)
        code = _need(conclusion, "code", where)
        if code in seen or len(code) > 40:
            raise InstrumentError(InstrumentProblem.DUPLICATE_CODE, code[:40])
        seen.add(code)
        options, option_codes = [], set()
        for o_index, option in enumerate(_need(conclusion, "options", where, list)):
            option_where = f"{where}.options[{o_index}]"
            if not isinstance(option, dict):
                raise InstrumentError(InstrumentProblem.BAD_CONCLUSION, option_where)
            option_code = _need(option, "code", option_where)
            if option_code in option_codes or len(option_code) > 40:
                raise InstrumentError(InstrumentProblem.DUPLICATE_CODE, option_code[:40])
            option_codes.add(option_code)
            options.append(Option(option_code, _need(option, "name", option_where)))
        found.append(
            Conclusion(
                code,
                _need(conclusion, "name", where),
                tuple(options),
                str(conclusion.get("description", "")),
            )
        )
    return tuple(found)


def parse_texts(
    text: str, instruments: Mapping[tuple[str, str], Instrument]
) -> tuple[tuple[str, str], dict[str, dict[int, str]]]:
    """A team's cell texts, checked against the instrument they claim to belong to."""
    data = _load(text, TEXTS_SCHEMA)
    key = (str(data.get("instrument", "")), str(data.get("version", "")))
    instrument = instruments.get(key)
    if instrument is None:
        raise InstrumentError(InstrumentProblem.UNKNOWN_INSTRUMENT, f"{key[0]} {key[1]}")
    cells = data.get("cells")
    if not isinstance(cells, dict) or not cells:
        raise InstrumentError(InstrumentProblem.MISSING_FIELD, "cells")
    texts: dict[str, dict[int, str]] = {}
    for code, levels in cells.items():
        if instrument.item(code) is None:
            raise InstrumentError(InstrumentProblem.UNKNOWN_ITEM, code)
        if not isinstance(levels, dict):
            raise InstrumentError(InstrumentProblem.MISSING_FIELD, f"cells.{code}")
        texts[code] = {}
        for level, description in levels.items():
            if not str(level).isdigit() or int(level) not in instrument.values():
                raise InstrumentError(InstrumentProblem.UNKNOWN_LEVEL, f"{code}.{level}")
            if not isinstance(description, str) or not description.strip():
                raise InstrumentError(InstrumentProblem.EMPTY_TEXT, f"{code}.{level}")
            texts[code][int(level)] = description.strip()
    return key, texts


@cache
def shipped_instruments() -> dict[tuple[str, str], Instrument]:
    """Every instrument file under resources/instruments, by (code, version)."""
    found: dict[tuple[str, str], Instrument] = {}
    folder = resources.files("resources").joinpath("instruments")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            instrument = parse_instrument(entry.read_text(encoding="utf-8"))
            found[instrument.key] = instrument
    return found


def newest(instruments: Mapping[tuple[str, str], Instrument]) -> list[Instrument]:
    """Each instrument code once, at its newest version, in name order."""
    best: dict[str, Instrument] = {}
    for instrument in instruments.values():
        if instrument.code not in best or instrument.version > best[instrument.code].version:
            best[instrument.code] = instrument
    return sorted(best.values(), key=lambda i: i.name.casefold())


def current_version(
    code: str, instruments: Mapping[tuple[str, str], Instrument] | None = None
) -> Instrument:
    """The newest version of an instrument (versions compare as text: '2017' > '2013')."""
    candidates = [i for (c, _v), i in (instruments or shipped_instruments()).items() if c == code]
    if not candidates:
        raise InstrumentError(InstrumentProblem.UNKNOWN_INSTRUMENT, code)
    return max(candidates, key=lambda i: i.version)
