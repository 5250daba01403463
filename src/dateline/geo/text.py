"""Name folding: the one key every gazetteer name and every story mention is looked up by,
and the pieces other name lists fold with (``strip_accents``, ``surface``, ``case_key``).

Case, diacritics, dots and apostrophes are dropped and hyphens read as spaces, so
"U.S." meets "US", "Côte d'Ivoire" meets "Cote dIvoire" and "Winston-Salem" meets
"Winston Salem". Nothing else is changed: no stemming, no fuzzy match, so a name
never meets a different name (Khasan is not Khasab).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[.'’‘`ʼ]")
_SPACE = re.compile(r"[\s\-‐‑–—/_,]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """The text without its combining marks (NFKD): "Mahārāshtra" -> "Maharashtra"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lower-cased, accent-free, punctuation-light key of a place name."""
    stripped = strip_accents(name)
    stripped = stripped.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ı", "i")
    return _SPACE.sub(" ", _DROP.sub("", stripped.casefold())).strip()


def is_latin_key(key: str) -> bool:
    """True for keys an English story can contain (folded Latin letters, digits, spaces)."""
    return bool(key) and key.isascii() and any(ch.isalpha() for ch in key)


@lru_cache(maxsize=200_000)
def surface(text: str) -> str:
    """The name as a mention gives it: without a leading "the" and a trailing possessive."""
    text = " ".join(text.split())
    return _ARTICLE.sub("", _POSSESSIVE.sub("", text)).strip()


def case_key(text: str) -> str:
    """A mention's surface, case-folded, accents and punctuation kept: the key of the entity
    name lists, which spell names as pycountry and the demonym table do ("the U.S.'s" -> "u.s.")."""
    return surface(text).casefold()
