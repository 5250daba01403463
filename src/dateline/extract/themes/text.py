"""Words as the theme models count them: lower-cased, no spaCy needed, the same at training
and at reading time."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Lower-cased words; numbers and punctuation dropped (they carry no topic)."""
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """Words and adjacent word pairs ("interest rates" is a topic where "interest" is not)."""
    ws = words(text)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])]
