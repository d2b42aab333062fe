"""Code lists (herkomst, aard, afsluitreden, …) are data under ``resources/``.

They change over time, so the database stores codes and this module gives their
labels; an unknown code (from an older list) is shown as the code itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class CodeLists:
    version: str
    lists: dict[str, dict[str, str]]

    def items(self, name: str) -> list[tuple[str, str]]:
        return list(self.lists[name].items())

    def label(self, name: str, code: str | None) -> str:
        if not code:
            return ""
        return self.lists.get(name, {}).get(code, code)

    def has(self, name: str, code: str) -> bool:
        return code in self.lists.get(name, {})


@cache
def load_codelists() -> CodeLists:
    text = resources.files("resources").joinpath("codelists.json").read_text(encoding="utf-8")
    data = json.loads(text)
    version = str(data.pop("version"))
    return CodeLists(version=version, lists={k: dict(v) for k, v in data.items()})
