"""Person names: split into parts, and tell whether a short form can stand for a full name.

A short form is a run of the full name's parts at its start or its end ("Park" for
"Park Min Jun", "Varga" for "Lena Varga", "Lopez Obrador" for "Andres Manuel Lopez
Obrador"), or the paternal surname after a given name ("Sanchez" for "Pedro Sanchez
Perez-Castejon"). Particles such as "al-" are dropped for matching ("Sisi" for
"al-Sisi"); a patronymic after "bin"/"ibn" is not a surname: "Salman" alone does not
name "Mohammed bin Salman".
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.extract.entities.entity_words import INDEX_BRANDS, NAME_PARTICLES
from dateline.geo.text import strip_accents

PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


def strip_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def _plain(part: str) -> str:
    """Case-folded, accents dropped, a particle prefix ("al-") dropped."""
    part = strip_accents(part.casefold())
    for prefix in ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-"):
        if part.startswith(prefix) and len(part) > len(prefix) + 1:
            return part[len(prefix) :]
    return part.rstrip(".")


@lru_cache(maxsize=8192)
def parts(name: str) -> tuple[str, ...]:
    """The name's parts for matching: folded, particles kept in place as their own parts."""
    return tuple(_plain(p) for p in strip_possessive(" ".join(name.split())).split(" ") if p)


def _core(parts_: tuple[str, ...]) -> tuple[str, ...]:
    """Parts without standalone particles ("de", "al", "van")."""
    return tuple(p for p in parts_ if p not in NAME_PARTICLES)


def key(name: str) -> tuple[str, ...]:
    """Identity key of a full name: its parts without particles."""
    return _core(parts(name))


@lru_cache(maxsize=16384)  # asked for every pair of a short form and a group member
def is_short_form(short: str, full: str) -> bool:
    """Can ``short`` (fewer parts) stand for ``full`` in the same story?"""
    s, f = parts(short), parts(full)
    if not s or len(s) >= len(f):
        return False
    if f[: len(s)] == s:
        return True
    if f[-len(s) :] == s:
        before = f[-len(s) - 1]
        return before not in PATRONYMIC
    core_s, core_f = _core(s), _core(f)
    if not core_s or len(core_s) >= len(core_f):
        return False
    if core_f[-len(core_s) :] == core_s:
        return f[-len(s) - 1] not in PATRONYMIC if len(f) > len(s) else True
    # A paternal surname after the given name: "Sanchez" of "Pedro Sanchez Perez-Castejon".
    return len(core_f) >= 3 and len(core_s) == 1 and core_f[1] == core_s[0]


def fullest(names: list[str]) -> str:
    """The fullest written form: most parts, then mixed case over ALL CAPS, then most used."""

    def rank(name: str) -> tuple[int, int, int]:
        return (len(parts(name)), int(not name.isupper()), names.count(name))

    return max(names, key=rank) if names else ""


def display(name: str, label: str = "PERSON") -> str:
    """An ALL-CAPS name written as a name ("MARY KWON" -> "Mary Kwon"); one ALL-CAPS word is an
    acronym unless it names a person ("RCMP", "NATO" stay; "PUTIN" -> "Putin")."""
    if not name.isupper() or len(name) <= 3 or (label != "PERSON" and " " not in name):
        return name
    return name.title()


# A model designation: "A380", "787", "737-800", "777-200LR", "A400M", "F-150" (three digits
# when there is no letter: "Leeds 25" in a table and a "21-17" score are not models).
_MODEL_RE = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,4}|\d{3})(?:-\d{2,3})?[A-Z]{0,3}$")
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")


def model_designation(text: str) -> str | None:
    """The model designation a word is, plural "s" dropped ("A380s" -> "A380"), else None."""
    word = text[:-1] if len(text) > 2 and text.endswith("s") and text[-2].isdigit() else text
    return word if _MODEL_RE.match(word) and not _YEAR_RE.match(word) else None


_INDEX_LONGEST = max(len(k) for k in INDEX_BRANDS)
_NUMBER_AFTER_HYPHEN = re.compile(r"-(?=\d)")


def index_brand(words: list[str]) -> tuple[int, str] | None:
    """(words taken, the index named) when ``words`` (lower case) start with a stock
    index's brand ("dow jones ...", "s&p 500", "ftse-100": the number may be glued)."""
    for n in range(min(_INDEX_LONGEST, len(words)), 0, -1):
        head = tuple(words[:n])
        if n == 1 and head[0] not in INDEX_BRANDS and "-" in head[0]:
            head = (_NUMBER_AFTER_HYPHEN.split(head[0])[0],)
        if head in INDEX_BRANDS:
            return n, INDEX_BRANDS[head]
    return None


def index_name(text: str) -> str | None:
    """The stock index a name is ("The Dow Jones Industrial Average" -> "dow jones"), else None."""
    words = text.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    found = index_brand(words)
    return found[1] if found else None
