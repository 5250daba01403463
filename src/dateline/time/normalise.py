"""Find time expressions in text and give each its TIMEX3 type and value.

``find_timexes(text, anchor)`` is the whole API: no spaCy needed. The anchor is the
story's own date; relative expressions are resolved on it, looking back or ahead as
the expression and its clause say ("last", "ago", "said" look back; "next", "will",
"expected" look ahead; a weekday equal to the story's day is that day). Without an
anchor, relative expressions get unanchored values (``XXXX-XX-XX``), never wrong ones.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.structure.text import blocks
from dateline.time import rules
from dateline.time.handlers import FUTURE, PAST, State
from dateline.time.rules import Rule

__all__ = ["FUTURE", "PAST", "TimexMatch", "find_timexes"]


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """A recognised time expression: its span in the text and its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


# ---------------------------------------------------------------- driver


def _windows(text: str, rule: Rule, cache: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Where ``rule`` can match: around its key's matches (found once a text for each key), or
    the whole text."""
    if rule.key is None:
        return [(0, len(text))]
    key = rule.key
    if key.pattern not in cache:
        cache[key.pattern] = [k.span() for k in key.regex.finditer(text)]
    windows: list[tuple[int, int]] = []
    for k in cache[key.pattern]:
        lo, hi = max(0, k[0] - key.before), min(len(text), k[1] + key.after)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _within(windows: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The windows cut at paragraph breaks (both lists are sorted)."""
    if len(paragraphs) == 1:
        return windows
    out, i = [], 0
    for lo, hi in windows:
        while i < len(paragraphs) and paragraphs[i][1] <= lo:
            i += 1
        j = i
        while j < len(paragraphs) and paragraphs[j][0] < hi:
            a, b = max(lo, paragraphs[j][0]), min(hi, paragraphs[j][1])
            if b > a:
                out.append((a, b))
            j += 1
    return out


Candidate = tuple[int, int, int, Rule, re.Match[str]]  # start, end, the rule's place in RULES, rule, match


def _candidates(text: str) -> list[Candidate]:
    found = []
    keys: dict[str, list[tuple[int, int]]] = {}
    lower = text.lower()
    paragraphs = blocks(text)  # no time expression runs across a blank line
    for priority, rule in enumerate(rules.RULES):
        if rule.requires and not any(word in lower for word in rule.requires):
            continue
        for lo, hi in _within(_windows(text, rule, keys), paragraphs):
            for m in rule.regex.finditer(text, lo, hi):
                start, end = _trim(text, m)
                if end > start:
                    found.append((start, end, priority, rule, m))
    return found


_LEADING = re.compile(
    r"(?:(?:at(?!\s+least)|on|in|for|over|within)\s+|(?:the|an?)\s+(?=[\w.]+-[a-z]+(?:-long)?$)|"
    r"(?:an?\s+)?(?:about|nearly|almost|only|just|roughly|around|some)\s+(?=\S+[\s-]+[a-z]+s?$)|"
    r"an?\s+(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|"
    r"forty|fifty|hundred)[\s-]+[a-z]+$))",
    re.IGNORECASE,
)


def _trim(text: str, m: re.Match) -> tuple[int, int]:
    """Drop a leading preposition and trailing punctuation (but keep "a.m." and "Sept.")."""
    start, end = m.start(), m.end()
    lead = _LEADING.match(text, start, end)
    if lead and m.re is not None and lead.end() < end:
        start = lead.end()
    while end > start and text[end - 1] in " ,-\n\t":
        end -= 1
    return start, end


def _select(text: str, candidates: list[Candidate], state: State) -> list[Candidate]:
    """Keep the longest valid expression where candidates overlap (earlier rules win ties)."""
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[Candidate] = []
    starts: list[int] = []  # the taken spans, disjoint, kept sorted by start
    ends: list[int] = []
    for cand in ranked:
        start, end, _, rule, m = cand
        i = bisect.bisect_left(starts, end)  # spans starting before this one ends
        if i and ends[i - 1] > start:
            continue
        if rule.handler(m, State(text, state.anchor, state.hints)) is None:
            continue
        taken.append(cand)
        starts.insert(i, start)
        ends.insert(i, end)
    return sorted(taken, key=lambda c: c[0])


def find_timexes(text: str, anchor: date | None = None, hints: Sequence[tuple[int, int]] = ()) -> list[TimexMatch]:
    """All time expressions in ``text`` with TIMEX3 type and value, resolved on ``anchor``.

    ``hints`` are optional (char offset, -1 past / +1 future) tense marks, e.g. from a
    tagger's verb tags; they join the lexical cues that decide a bare weekday's direction.
    """
    if not text:
        return []
    state = State(text, anchor, tuple(sorted(hints)))
    out = []
    for start, end, _, rule, m in _select(text, _candidates(text), state):
        result = rule.handler(m, state)
        if result is None:
            continue
        out.append(TimexMatch(start, end, text[start:end], result[0], result[1]))
    return out
