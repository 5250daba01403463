"""Closing credits: who reported from where, who wrote, who edited."""

from __future__ import annotations

import re

from dateline.structure import patterns as P
from dateline.structure.layout import CreditLine, Field
from dateline.structure.text import smart_title, strip_field

# Separators start where a white-space run starts (``(?<!\s)``, possessive runs): a split
# never retries inside a long run of spaces.
_AND = re.compile(r"(?<!\s)(?:\s++and\s++|\s*+&\s*+)", re.I)
_CHUNK = re.compile(r"(?<!\s)\s*+[,;]\s*+(?:and\s++)?")


def parse_credits(text: str, start: int, end: int) -> list[CreditLine]:
    """Parse "(Reporting by A and B in SEOUL, C in MOSCOW Additional reporting by D Editing by E)"."""
    region = text[start:end]
    roles = list(P.CREDIT_ROLE.finditer(region))
    lines: list[CreditLine] = []
    for i, m in enumerate(roles):
        seg_start = m.end()
        seg_end = roles[i + 1].start("role") if i + 1 < len(roles) else len(region)
        role = P.CREDIT_ROLES[m["role"].lower()]
        lines.extend(_names_with_places(text, start + seg_start, start + seg_end, role))
    return lines


def parse_ap_contributors(text: str, paragraph: Field, m: re.Match) -> list[CreditLine]:
    """ "Associated Press writers A in Chicago and B contributed to this report.\""""
    start = paragraph.start + m.start("names")
    return _names_with_places(text, start, paragraph.start + m.end("names"), "contributing")


def parse_signoff(text: str, paragraph: Field, m: re.Match, role: str) -> list[CreditLine]:
    """A credit closing the last paragraph: "Jane Roe, VOA News, Miami.", "A and B contributed to
    this article." (``m`` from ``patterns.SIGNOFF_CREDITS``, matched on the paragraph's text)."""
    names = _names_with_places(text, paragraph.start + m.start("names"), paragraph.start + m.end("names"), role)
    if "place" not in m.groupdict() or m["place"] is None:
        return names
    raw = strip_field(paragraph.text, paragraph.start, m.start("place"), m.end("place"))
    place = Field(smart_title(raw.text), raw.start, raw.end)
    return [CreditLine(c.role, c.name, c.place or place) for c in names]


def _names_with_places(text: str, start: int, end: int, role: str) -> list[CreditLine]:
    """Split a credit segment into people; "A and B in SEOUL" gives both the place SEOUL."""
    segment = text[start:end]
    out: list[CreditLine] = []
    pos = 0
    previous: str | None = None
    for chunk in _CHUNK.split(segment.rstrip(" );.")):
        if not chunk.strip():
            continue
        found = segment.find(chunk, pos)
        pos = found + len(chunk)
        if _is_region(chunk) and out and out[-1].place is not None:
            out = _widen_place(out, text, start + found + len(chunk))  # "in Jackson, Mississippi"
            continue
        if _is_outlet(chunk, previous):
            continue  # "Jane Doe, USA TODAY; The Associated Press": the outlet, not a person
        previous = chunk
        out.extend(_chunk_names(text, start + found, start + found + len(chunk), role))
    return out


def _is_outlet(chunk: str, previous: str | None) -> bool:
    """An agency, or a name in capitals after a name written otherwise (the person's outlet)."""
    text = chunk.strip()
    if text.lower() in P.AGENCIES:
        return True
    return previous is not None and text.isupper() and not previous.isupper() and " IN " not in text


def _is_region(chunk: str) -> bool:
    """A one-word chunk after a place is its state or country, not a person."""
    words = chunk.split()
    return len(words) == 1 and " in " not in chunk and words[0][:1].isupper()


def _widen_place(lines: list[CreditLine], text: str, end: int) -> list[CreditLine]:
    """Extend the last place (and everyone who shares it) to ``end``."""
    last = lines[-1].place
    if last is None:
        return lines
    wider = Field(text[last.start : end], last.start, end)
    return [CreditLine(c.role, c.name, wider) if c.place == last else c for c in lines]


def _chunk_names(text: str, start: int, end: int, role: str) -> list[CreditLine]:
    chunk = text[start:end]
    people: list[tuple[Field, Field | None]] = []
    pos = 0
    for part in _AND.split(chunk):
        found = chunk.find(part, pos)
        pos = found + len(part)
        name_end = found + len(part)
        place = None
        if m := P.CREDIT_PLACE.search(part):
            raw = strip_field(chunk, start, found + m.start("place"), found + m.end("place"))
            place = Field(smart_title(raw.text), raw.start, raw.end)
            name_end = found + m.start()
        name = strip_field(chunk, start, found, name_end)
        if name.text and name.text[0].isupper():
            people.append((Field(smart_title(name.text), name.start, name.end), place))
    # A place named after several people belongs to each of them before it.
    out: list[CreditLine] = []
    pending: list[Field] = []
    for name, place in people:
        pending.append(name)
        if place is not None:
            out.extend(CreditLine(role, n, place) for n in pending)
            pending = []
    out.extend(CreditLine(role, n, None) for n in pending)
    return out
