"""Offset-keeping text helpers: every piece keeps its span in the original text."""

from __future__ import annotations

import re

from dateline.structure.layout import Field
from dateline.structure.patterns import LOWER_WORDS

_LINE = re.compile(r"[^\n]+")


# A blank line ends a paragraph: two line breaks with only spaces, tabs, no-break spaces or
# carriage returns between them. The layout's rule, and the one every reader of paragraphs uses.
BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")


def blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between blank lines, untrimmed: nothing read within a
    paragraph (a time expression, a quote) runs across a blank line."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for gap in BLANK_LINE.finditer(text, start, end):
        spans.append((cursor, gap.start()))
        cursor = gap.end()
    spans.append((cursor, end))
    return spans


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
