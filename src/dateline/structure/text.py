"""Offset-keeping text helpers: every piece keeps its span in the original text."""
from __future__ import annotations

import re
from typing import Iterator

from dateline.structure.layout import Field
from dateline.structure.patterns import LOWER_WORDS

_LINE = re.compile(r"[^\n]+")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


def strip_field(text: str, offset: int, start: int, end: int) -> Field:
    """``text[start:end]`` without surrounding white space, as a Field with absolute offsets."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return Field(piece.strip(), offset + start + lead, offset + end - trail)


def lines_of(text: str) -> list[Field]:
    """The non-blank lines of ``text``, stripped, with their offsets."""
    out = []
    for m in _LINE.finditer(text):
        if m.group().strip():
            out.append(strip_field(text, 0, m.start(), m.end()))
    return out


def paragraphs_in(text: str, start: int, end: int) -> Iterator[Field]:
    """Paragraphs of ``text[start:end]``: split on blank lines, or on line breaks when the
    text has no blank line at all (one paragraph a line)."""
    region = text[start:end]
    splitter = _BLANK_LINES if _BLANK_LINES.search(region) else re.compile(r"\n+")
    pos = 0
    for m in splitter.finditer(region):
        piece = strip_field(text, 0, start + pos, start + m.start())
        if piece.text:
            yield piece
        pos = m.end()
    piece = strip_field(text, 0, start + pos, end)
    if piece.text:
        yield piece


def smart_title(name: str) -> str:
    """Title-case an ALL-CAPS name or place ("NEW YORK" -> "New York", "MCDONALD" stays readable);
    leave mixed-case text as written."""
    if name.upper() != name or not any(c.isalpha() for c in name):
        return name
    words = []
    for i, word in enumerate(name.lower().split(" ")):
        if i and word in LOWER_WORDS:
            words.append(word)
        elif re.fullmatch(r"(?:[a-z]\.)+", word):  # U.S., D.C.
            words.append(word.upper())
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(words)
