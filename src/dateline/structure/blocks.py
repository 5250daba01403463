"""Layout reading: the real paragraphs and tables of a region of text, whatever its layout.

Stories arrive with blank-line paragraphs (the web), one paragraph a line (feeds), or as old
wire copy: lines hard-wrapped at 65-70 columns, a paragraph marked only by an indent, tables
of figures set line by line; with CRLF, tabs or form feeds. A paragraph here is what the
writer meant by one, never a physical line of a wrapped text.

Rules, in order (each a short test on physical lines, linear in the text):
1. A blank line (or a form feed) always ends a paragraph.
2. A text is *wrapped* when its lines are short (at most ``WRAP_MAX`` columns) and most of
   them end mid-sentence; only then are lines joined.
3. In wrapped text, an indented line starts a paragraph when other lines sit at the margin;
   without indents, a line goes on the paragraph above when it starts in lower case or the
   line above is full and ends mid-sentence.
4. A line of figures (a digit, no closing sentence punctuation, or columns set apart by
   runs of spaces) next to another such line is a table row (where indents mark paragraphs,
   only a paragraph of one line); rows, with the short headings between them ("Year"), make
   a table block.
5. Text that is not wrapped keeps the old reading: a blank-line chunk is one paragraph, and
   without blank lines each line is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WRAP_MAX = 100  # wider lines are not hard-wrapped copy
FULL_LINE = 0.7  # a line this share of the widest is full: the next word did not fit
MID_SENTENCE_SHARE = 0.4  # wrapped copy breaks this share of its lines mid-sentence at least
_BREAK = re.compile(r"\r\n|[\n\r\f\v\x1c-\x1e\x85\u2028\u2029]")
_SENTENCE_END = re.compile(r"""[.!?:]["'”’)\]]*$""")
_BULLET = re.compile(r"[*•·▪‣◦-]\s|\d{1,2}[.)]\s+[A-Z]")
_COLUMNS = re.compile(r"\S(?: {2,}|\t+|\.{4,})\S")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # first visible character
    end: int  # after the last visible character
    indent: int  # columns of white space before it (a tab counts as one)
    after_blank: bool  # a blank line or a form feed comes before it


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a table; ``breaks`` are the line breaks inside a paragraph that are
    only where a line was wrapped (read as one space)."""

    kind: str  # paragraph | table
    start: int
    end: int
    breaks: tuple[tuple[int, int], ...] = ()


def physical_lines(text: str, start: int, end: int) -> list[Line]:
    """The non-blank lines of ``text[start:end]``, with indents and blank-line marks."""
    lines: list[Line] = []
    pos, blank = start, True
    stops = [m for m in _BREAK.finditer(text, start, end)]
    for stop in [*stops, None]:
        line_end = stop.start() if stop is not None else end
        a, b = pos, line_end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            lines.append(Line(a, b, a - pos, blank or not lines))
            blank = False
        else:
            blank = True
        if stop is not None:
            if stop.group() == "\f":
                blank = True
            pos = stop.end()
    return lines


def read_blocks(text: str, start: int, end: int) -> list[Block]:
    """Paragraphs and tables of ``text[start:end]``, in order."""
    lines = physical_lines(text, start, end)
    if not lines:
        return []
    wrapped = _is_wrapped(text, lines)
    starts, marked = _paragraph_starts(text, lines, wrapped)
    rows = _table_rows(text, lines, starts, marked)
    blocks: list[Block] = []
    group: list[Line] = []
    group_table = False
    for i, line in enumerate(lines):
        new = i == 0 or starts[i] or rows[i] != group_table or rows[i]
        if new and group:
            blocks.append(_block(group, group_table))
            group = []
        group.append(line)
        group_table = rows[i]
    if group:
        blocks.append(_block(group, group_table))
    return _join_tables(blocks)


def _block(group: list[Line], table: bool) -> Block:
    breaks = () if table else tuple((a.end, b.start) for a, b in zip(group, group[1:]))
    return Block("table" if table else "paragraph", group[0].start, group[-1].end, breaks)


def _join_tables(blocks: list[Block]) -> list[Block]:
    """Consecutive table rows are one table."""
    out: list[Block] = []
    for b in blocks:
        if out and b.kind == "table" and out[-1].kind == "table":
            out[-1] = Block("table", out[-1].start, b.end)
        else:
            out.append(b)
    return out


def _is_wrapped(text: str, lines: list[Line]) -> bool:
    """Short lines, most of them ending mid-sentence (rule 2)."""
    inner = [a for a, b in zip(lines, lines[1:]) if not b.after_blank]
    if len(inner) < 2:
        return False
    width = max(ln.indent + ln.end - ln.start for ln in lines)
    if width > WRAP_MAX:
        return False
    mid = sum(1 for ln in inner if not _SENTENCE_END.search(text[ln.start : ln.end]))
    return mid >= MID_SENTENCE_SHARE * len(inner)


def _paragraph_starts(text: str, lines: list[Line], wrapped: bool) -> tuple[list[bool], bool]:
    """Whether each line starts a paragraph (rules 1, 3, 5), and whether indents mark them."""
    has_blank = any(ln.after_blank for ln in lines[1:])
    if not wrapped:
        return [ln.after_blank or not has_blank or bool(_BULLET.match(text, ln.start)) for ln in lines], False
    margin = min(ln.indent for ln in lines)
    indent_marked = sum(ln.indent > margin for ln in lines) >= 1 and sum(ln.indent == margin for ln in lines[1:]) >= 2
    width = max(ln.indent + ln.end - ln.start for ln in lines)
    starts = [True]
    for a, b in zip(lines, lines[1:]):
        if b.after_blank or _BULLET.match(text, b.start):
            starts.append(True)
        elif indent_marked:
            starts.append(b.indent > margin)
        else:  # a wrapped line goes on below a full line that ends mid-sentence, or in lower case
            full = a.indent + (a.end - a.start) >= FULL_LINE * width
            ends = bool(_SENTENCE_END.search(text[a.start : a.end]))
            starts.append(not (text[b.start].islower() or (full and not ends)))
    return starts, indent_marked


def _table_rows(text: str, lines: list[Line], starts: list[bool], marked: bool) -> list[bool]:
    """Which lines are table rows (rule 4): lines of figures that no wrapped sentence runs
    through (or lines set in columns), two or more together; short headings between rows
    ("Year", "Nine mths") join them. Where indents mark paragraphs, a row is a paragraph
    of one line."""
    n = len(lines)
    kinds = []
    for i, ln in enumerate(lines):
        s = text[ln.start : ln.end]
        ends = bool(_SENTENCE_END.search(s))
        nxt = lines[i + 1] if i + 1 < n else None
        runs_on = (
            nxt is not None and not nxt.after_blank and not starts[i + 1] and (marked or text[nxt.start].islower())
        )
        if marked and not starts[i]:
            kinds.append("prose")  # a wrapped line of an indent-marked paragraph
            continue
        runs_in = i > 0 and not starts[i] and not _SENTENCE_END.search(text[lines[i - 1].start : lines[i - 1].end])
        if ends or runs_on:
            kinds.append("prose")
        elif _COLUMNS.search(s) and _DIGIT.search(s):
            kinds.append("row")
        elif len(s) > 80:
            kinds.append("prose")
        elif _DIGIT.search(s) and not (runs_in and kinds[-1] == "prose"):
            kinds.append("row")
        elif len(s) <= 60 and (s[0].isupper() or s[0].isdigit()):
            kinds.append("heading")
        else:
            kinds.append("prose")
    rows = [False] * n
    i = 0
    while i < n:  # a run of rows and headings with at least two lines and one row is a table
        j = i
        while j < n and kinds[j] != "prose" and (j == i or not lines[j].after_blank or kinds[j] == "row"):
            j += 1
        while j > i and kinds[j - 1] == "heading":
            j -= 1  # a table ends with a row: a short line after it ("Reuter") is not part of it
        if j - i >= 2:
            rows[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return rows
