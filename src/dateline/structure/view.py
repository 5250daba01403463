"""The NLP view: the text spaCy reads, built from the original by a list of edits, with the
map back.

The original text is never rewritten: every span in the record points into it. What spaCy
and the extractors read is a *view* of it, where hard-wrapped lines are joined, paragraph
breaks are blank lines, tables are left out and pathological runs (10,000 "=" or spaces,
which make the tokenizer quadratic) are collapsed. Extractors work in view offsets; the
reader maps every span back in one step (``to_original``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import cache
from typing import Any, TypeVar, cast

from dateline.structure.layout import Layout

T = TypeVar("T")

# Runs longer than these are collapsed in the view (a rule line, a padding of spaces).
LONG_RUN = 40
# A run of one punctuation mark, or of "_" (a word character the tokenizer splits off one by one).
_SAME_CHAR_RUN = re.compile(rf"([^\w\s]|_)\1{{{LONG_RUN - 1},}}")
_SPACE_RUN = re.compile(rf"[ \t\u00a0]{{{LONG_RUN},}}")
_BREAK_RUN = re.compile(rf"(?<![ \t\u00a0])[ \t\u00a0]*+\n\s{{{LONG_RUN},}}")
_STRAY_BREAKS = re.compile(r"\r\n?|[\f\v\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Edit:
    """Read ``original[start:end]`` as ``text`` in the view."""

    start: int
    end: int
    text: str


class TextView:
    """The original text with edits applied, and the offset maps both ways.

    Offsets outside every edit move by the edits before them. An offset inside an edit
    maps to the edit's near side: a span start to where the edit starts (or ends, when it
    sits at the very end), a span end to where the edit ends (or starts, at its very start).
    """

    __slots__ = ("original", "text", "edits", "_o_start", "_v_start", "_v_end")

    def __init__(self, original: str, edits: Iterable[Edit] = ()) -> None:
        self.original = original
        self.edits = _merged(edits, original)
        parts, v_start, v_end, pos, size = [], [], [], 0, 0
        for e in self.edits:
            parts.append(original[pos : e.start])
            size += e.start - pos
            v_start.append(size)
            parts.append(e.text)
            size += len(e.text)
            v_end.append(size)
            pos = e.end
        parts.append(original[pos:])
        self.text = "".join(parts) if self.edits else original
        self._o_start = [e.start for e in self.edits]
        self._v_start, self._v_end = v_start, v_end

    @property
    def identity(self) -> bool:
        return not self.edits

    def to_original(self, pos: int, end: bool = False) -> int:
        """The original offset of view offset ``pos`` (``end``: it closes a span)."""
        i = bisect_right(self._v_start, pos) - 1
        if i < 0:
            return pos
        e = self.edits[i]
        if end and pos == self._v_start[i]:
            return e.start
        if pos >= self._v_end[i]:
            return e.end + pos - self._v_end[i]
        return min(e.start + pos - self._v_start[i], e.end)

    def to_view(self, pos: int, end: bool = False) -> int:
        """The view offset of original offset ``pos`` (``end``: it closes a span)."""
        i = bisect_right(self._o_start, pos) - 1
        if i < 0:
            return pos
        e = self.edits[i]
        if end and pos == e.start:
            return self._v_start[i]
        if pos >= e.end:
            return self._v_end[i] + pos - e.end
        return self._v_end[i] if end else self._v_start[i] + min(pos - e.start, len(e.text))


def _merged(edits: Iterable[Edit], original: str) -> list[Edit]:
    """Edits in text order. Of overlapping edits the one given first wins (the caller lists
    edits by priority); touching edits are joined into one. Linear after the sort."""
    ranked = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]))
    kept: list[tuple[int, Edit]] = []
    for rank, e in ranked:
        n = len(kept)
        while n and kept[n - 1][1].end > e.start or (n and kept[n - 1][1].start == e.start):
            n -= 1  # kept[n:] overlap e
        if all(rank < r for r, _ in kept[n:]):
            del kept[n:]
            kept.append((rank, e))
    out: list[Edit] = []
    for _, e in kept:
        if original[e.start : e.end] == e.text:
            continue
        if out and e.start == out[-1].end:
            out[-1] = Edit(out[-1].start, e.end, out[-1].text + e.text)
        else:
            out.append(e)
    return out


def run_edits(text: str, start: int, end: int) -> list[Edit]:
    """Collapse pathological runs and stray line breaks in ``text[start:end]``: spaCy's
    tokenizer is quadratic in a long run, and reads "\\r" or a form feed as no break."""
    edits = [Edit(m.start(), m.end(), m.group(1) * 3) for m in _SAME_CHAR_RUN.finditer(text, start, end)]
    edits += [Edit(m.start(), m.end(), "\n\n") for m in _BREAK_RUN.finditer(text, start, end)]
    edits += [Edit(m.start(), m.end(), " ") for m in _SPACE_RUN.finditer(text, start, end)]
    edits += [
        Edit(m.start(), m.end(), "\n\n" if m.group() not in ("\r\n", "\r") else "\n")
        for m in _STRAY_BREAKS.finditer(text, start, end)
    ]
    return edits


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LINE_BREAK = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]*+(?:\r\n|[\n\r])[ \t\u00a0]*+")


def nlp_view(layout: Layout, end: int | None = None) -> TextView:
    """The view spaCy reads of a parsed story, up to ``end`` (default: the body's end).

    In priority order: tables are left out; wrapped lines are joined with a space; every
    paragraph (and header line, and the dateline) is set apart by a blank line, so the parser
    never runs a sentence across two of them; long runs are collapsed and stray breaks made
    plain."""
    text = layout.text
    end = layout.body.end if end is None else end
    edits = [Edit(t.start, t.end, "") for t in layout.tables]
    edits += [Edit(a, b, " ") for a, b in layout.wraps]
    blocks = sorted([*layout.paragraphs, *layout.tables], key=lambda f: f.start)
    for a, b in zip(blocks, blocks[1:]):
        if not _BLANK_LINE.search(text, a.end, b.start):
            edits.append(Edit(a.end, b.start, "\n\n"))
    header_end = blocks[0].start if blocks else end
    for m in _LINE_BREAK.finditer(text, 0, header_end):
        if not _BLANK_LINE.search(text, max(0, m.start() - 1), min(len(text), m.end() + 1)):
            edits.append(Edit(m.start(), m.end(), "\n\n"))
    if layout.dateline is not None:  # the dateline is not the first sentence's subject ("NEW YORK ... said")
        dl = layout.dateline
        gap = len(text[dl.start : dl.end]) - len(text[dl.start : dl.end].rstrip())
        edits.append(Edit(dl.end - gap, dl.end, "\n\n"))
    edits += run_edits(text, 0, end)
    return TextView(text, edits)


def remap(
    value: T, start: Callable[[int], int], end: Callable[[int], int], text: Callable[[int, int], str] | None = None
) -> T:
    """``value`` with every ``start`` and ``end`` offset of its dataclasses (at any depth)
    moved by ``start``/``end``: one step to take spans into or out of the view. With ``text``,
    a ``text`` beside a span becomes ``text(start, end)`` of the moved span."""
    node: Any = value  # any record, walked by its fields' names
    plan = _plan(type(node))  # type: ignore[arg-type]  # a class is hashable; typeshed misses type[Any]
    if plan is not None:
        changes: dict[str, Any] = {}
        for name, kind in plan:
            old = getattr(node, name)
            if kind == "start":
                new = start(old) if type(old) is int else old
            elif kind == "end":
                new = end(old) if type(old) is int else old
            elif kind == "text" or type(old) in _LEAVES:
                continue  # a text once the span has moved, below; a leaf holds no span
            else:
                new = remap(old, start, end, text)
            if new is not old:
                changes[name] = new
        if text is not None and ("text", "text") in plan and type(node.start) is int and type(node.end) is int:
            written = text(changes.get("start", node.start), changes.get("end", node.end))
            if written != node.text:
                changes["text"] = written
        return replace(node, **changes) if changes else value
    if type(node) is tuple and node and not isinstance(node[0], _LEAVES):
        items = tuple(remap(v, start, end, text) for v in node)
        return cast(T, items) if any(a is not b for a, b in zip(items, node)) else value
    return value


_LEAVES = (int, str, float, bool, type(None))


@cache
def _plan(cls: type) -> tuple[tuple[str, str], ...] | None:
    """For a dataclass type, its fields to move: ("start"|"end"|"walk"); None for other types."""
    if not is_dataclass(cls):
        return None
    names = {f.name for f in fields(cls)}
    spanned = {"start", "end", "text"} <= names  # a text beside its span: it is the span's text
    return tuple(
        (f.name, f.name if f.name in ("start", "end") or (spanned and f.name == "text") else "walk")
        for f in fields(cls)
    )


def layout_in_view(layout: Layout, view: TextView) -> Layout:
    """The parsed story in view offsets, with the view as its text (what extractors read)."""
    if view.identity:
        return layout
    moved = remap(layout, view.to_view, lambda p: view.to_view(p, end=True))
    return replace(moved, text=view.text, wraps=())


def to_original(value: T, view: TextView) -> T:
    """Extractor output with every span mapped from the view back to the original text, and
    every text beside a span made the original's text there (the record never shows the view)."""
    if view.identity:
        return value
    return remap(value, view.to_original, lambda p: view.to_original(p, end=True), lambda a, b: view.original[a:b])
