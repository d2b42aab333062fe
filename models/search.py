"""The household search seam.

Search text is kept lower-cased and without accents in ``household.search_text``;
a query matches when every word of it occurs somewhere in that text.  This is
plain ``LIKE`` and portable; a server database can swap in its own index (for
PostgreSQL a trigram index on the same column) without touching callers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, true

from models.entities import Household

# Letters that carry no combining accent, so NFKD leaves them alone.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Özdemir' is found by 'ozdemir', 'Yılmaz' by 'yilmaz'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(parts: Iterable[str | None]) -> str:
    words: list[str] = []
    for part in parts:
        if part:
            folded = fold(part)
            words.append(folded)
            compact = folded.replace(" ", "")
            if compact != folded and len(compact) <= 9:  # '1234 ab' is also '1234ab'
                words.append(compact)
    return " ".join(words)


def match_clause(query: str) -> ColumnElement[bool]:
    words = fold(query).split()
    if not words:
        return true()
    return and_(*(Household.search_text.contains(word, autoescape=True) for word in words))


# Tussenvoegsels, longest first, that Dutch lists skip when sorting on a surname.
_INFIXES = (
    "van der ",
    "van den ",
    "van de ",
    "van het ",
    "van 't ",
    "in 't ",
    "in het ",
    "op de ",
    "uit de ",
    "van ",
    "de ",
    "den ",
    "der ",
    "het ",
    "'t ",
    "ten ",
    "ter ",
    "te ",
    "la ",
    "le ",
    "du ",
    "d'",
)


def split_surname(name: str) -> tuple[str, str]:
    """A household's name as a member's tussenvoegsel and achternaam: 'De Vries' ->
    ('de', 'Vries'), 'van der Meer' -> ('van der', 'Meer'), 'Yılmaz' -> ('', 'Yılmaz').
    The tussenvoegsel is written small, as it is after a first name ('Jan de Vries')."""
    name = " ".join(name.split())
    for word in ("familie ", "gezin "):
        if name.casefold().startswith(word):
            name = name[len(word) :]
    for infix in _INFIXES:
        if name.casefold().startswith(infix) and len(name) > len(infix):
            return infix.strip().casefold(), name[len(infix) :].strip()
    return "", name


def sort_name(name: str) -> str:
    """'De Vries' -> 'vries', 'van der Meer' -> 'meer', 'Öztürk' -> 'ozturk'."""
    folded = " ".join(fold(name).split())
    for infix in _INFIXES:
        if folded.startswith(infix) and len(folded) > len(infix):
            return folded[len(infix) :]
    return folded
