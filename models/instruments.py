"""Instruments as data: the ZRM now, the risicotaxatie instruments next, by one loader.

An instrument file (JSON, schema ``teamtafel-instrument/1``) names its code and
version, a scale of levels, sections of items, and optional conclusions. Files
ship under ``resources/instruments/``; another version or variant is another
file. Licensed cell texts (the ZRM's per-level descriptions) are never shipped: a
team loads them from its own file (schema ``teamtafel-instrument-texts/1``),
checked against the instrument they belong to.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

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
class Instrument:
    code: str
    version: str
    name: str
    scale: tuple[Level, ...]
    sections: tuple[Section, ...]
    allow_not_assessed: bool = True
    conclusions: tuple[str, ...] = ()
    note: str = ""
    texts: Mapping[str, Mapping[int, str]] = field(default_factory=dict)  # item -> level -> text

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
            if code in seen:
                raise InstrumentError(InstrumentProblem.DUPLICATE_CODE, code)
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
    return Instrument(
        code=_need(data, "code", "instrument"),
        version=str(_need(data, "version", "instrument")),
        name=_need(data, "name", "instrument"),
        scale=tuple(scale),
        sections=tuple(sections),
        allow_not_assessed=bool(data.get("allow_not_assessed", True)),
        conclusions=tuple(str(c) for c in data.get("conclusions", [])),
        note=str(data.get("note", "")),
    )


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


def current_version(
    code: str, instruments: Mapping[tuple[str, str], Instrument] | None = None
) -> Instrument:
    """The newest version of an instrument (versions compare as text: '2017' > '2013')."""
    candidates = [i for (c, _v), i in (instruments or shipped_instruments()).items() if c == code]
    if not candidates:
        raise InstrumentError(InstrumentProblem.UNKNOWN_INSTRUMENT, code)
    return max(candidates, key=lambda i: i.version)
