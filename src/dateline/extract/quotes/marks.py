"""Pair quote marks into quoted spans, across paragraphs, without inventing quotes.

A mark's direction is read from its shape and its neighbours; a quote left open at
the end of a paragraph continues only when the next paragraph opens with a mark
(the newsroom convention for a quote running over several paragraphs). Anything
else left open is dropped, so an odd number of marks never yields a made-up quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.extract.quotes.quote_marks import DOUBLE, MARK_RE, MARKS, SHAPED_CLOSE, SHAPED_OPEN, SINGLE
from dateline.structure.text import blocks

_OPEN_BEFORE = set("([{—–-/\u00a0") | set("".join(MARKS))
_CLOSE_AFTER = set(".,;:!?)]}—–-/…") | set("".join(MARKS))
_DECADE = re.compile(r"\d\d?s\b")
# `` opens and '' closes whatever stands beside them: tokenized copy spaces them ("`` We won , ''")
_ONE_WAY = frozenset({"``", "''"})


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span: ``start``/``end`` exclude the marks, ``open``/``close`` include them."""

    open: int
    start: int
    end: int
    close: int


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    end: int
    char: str
    family: str
    can_open: bool
    can_close: bool


def split_paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph spans, each further split on blank lines (the layout's ``blocks``) and
    trimmed of white space.

    The structure parser may still hand over the whole body as one paragraph.
    """
    return [span for start, end in spans for lo, hi in blocks(text, start, end) for span in _trimmed(text, lo, hi)]


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def find_quoted(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[Quoted, ...]:
    """Outermost quoted spans of the story, in order; nested quotes stay inside them."""
    marks_by_para = [_marks(text, s, e) for s, e in paragraphs]
    primary = DOUBLE if any(m.family == DOUBLE for ms in marks_by_para for m in ms) else SINGLE
    found: list[Quoted] = []
    carried: _Mark | None = None
    for i, marks in enumerate(marks_by_para):
        if carried is not None and not (
            marks and marks[0].pos == paragraphs[i][0] and marks[0].family == primary and marks[0].can_open
        ):
            carried = None  # the paragraph before did not close its quote: drop it
        stack: list[_Mark] = [carried] if carried else []
        if carried:
            marks = marks[1:]  # the continuation mark reopens the same quote
        for mark in marks:
            _step(stack, mark, primary, found)
        carried = _carry(stack, primary)
    return tuple(found)


def _step(stack: list[_Mark], mark: _Mark, primary: str, found: list[Quoted]) -> None:
    if mark.family != primary and not stack:
        return  # single marks count only inside a quote (or when the story uses no double marks)
    index = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == mark.family), None)
    if index is not None and mark.can_close and not _prefers_open(mark, stack[index]):
        opener = stack[index]
        del stack[index:]
        if not stack and mark.pos > opener.end and _nonblank(mark, opener):
            found.append(Quoted(opener.pos, opener.end, mark.pos, mark.end))
        return
    if mark.can_open:
        if index is not None:
            del stack[index:]  # a second opener: the first one was never closed
        stack.append(mark)


def _nonblank(mark: _Mark, opener: _Mark) -> bool:
    return mark.pos - opener.end > 0


def _prefers_open(mark: _Mark, opener: _Mark) -> bool:
    """An opening-shaped mark closes only after a low opener („…“) or when it cannot open."""
    if mark.char not in SHAPED_OPEN:
        return False
    return opener.char != "„" and mark.can_open


def _carry(stack: list[_Mark], primary: str) -> _Mark | None:
    if stack and stack[0].family == primary:
        return stack[0]
    return None


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    out = []
    for m in MARK_RE.finditer(text, start, end):
        char = m.group()
        family, may_open, may_close = MARKS[char]
        before = text[m.start() - 1] if m.start() > start else ""
        after = text[m.end()] if m.end() < end else ""
        if family == SINGLE and _is_apostrophe(text, m.end(), before, after):
            continue
        out.append(
            _Mark(
                m.start(),
                m.end(),
                char,
                family,
                may_open and _opens(char, before, after),
                may_close and _closes(char, before, after),
            )
        )
    return out


def _is_apostrophe(text: str, after_pos: int, before: str, after: str) -> bool:
    """don't, it’s, ’90s: a single mark between letters or before a decade."""
    if before.isalnum() and after.isalnum():
        return True
    return not before.isalnum() and bool(_DECADE.match(text, after_pos))


def _opens(char: str, before: str, after: str) -> bool:
    if char in _ONE_WAY:
        return True
    if not after or after.isspace():
        return False
    if char in SHAPED_OPEN:
        return True
    return not before or before.isspace() or before in _OPEN_BEFORE


def _closes(char: str, before: str, after: str) -> bool:
    if char in _ONE_WAY:
        return True
    if not before or before.isspace():
        return False
    if char in SHAPED_CLOSE:
        return True
    return not after or after.isspace() or after in _CLOSE_AFTER
