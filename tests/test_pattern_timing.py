"""Every pattern that runs on story text is linear in its input.

A catastrophic pattern (nested or adjacent quantifiers over the same characters) is fine on
real copy and hangs on a run of one character: "By A" and 1,500 spaces once took 90 s. Each
pattern is timed on long runs of every character class, as a ratio against a run an eighth as
long: linear work grows about 8 times, quadratic 64 times, so the test holds on a busy
machine where a wall-clock limit would not; and in CPU time, which a busy machine does not
lengthen (timed in wall time, nine time-expression patterns looked superlinear under load).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from dataclasses import fields, is_dataclass

import pytest

import dateline

# Packages that never see story text (queries, pages, benchmarks' readers).
NOT_STORY_TEXT = (
    "dateline.cli",
    "dateline.api",
    "dateline.web",
    "dateline.eval",
    "dateline.ingest",
    "dateline.store.backend",
)
SIZES = (64, 128, 256, 512, 1024, 2048, 4096)  # characters of the run, doubling
MAX_RATIO = 24  # from 512 to 4096 characters: linear work grows 8 times, quadratic 64
MAX_STEP = 3.0  # one doubling: linear 2, quadratic 4, cubic 8
MEASURABLE = 0.02  # seconds a call: past this, a superlinear step stops the climb


def story_patterns() -> list[tuple[str, re.Pattern]]:
    """Compiled patterns at module level in the reading packages, and inside their data tables."""
    found: dict[int, tuple[str, re.Pattern]] = {}

    def walk(value, where: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(id(value), (where, value))
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}[{key!r}]", depth + 1)
        elif depth < 3 and isinstance(value, (list, tuple)):
            for n, item in enumerate(value):
                named = isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                if named:
                    walk(item[1], f"{where}[{item[0]!r}]", depth + 1)
                elif is_dataclass(item) and isinstance(getattr(item, "name", None), str):  # a rule table's row
                    walk(item, f"{where}[{item.name!r}]", depth + 1)
                else:
                    walk(item, f"{where}[{n}]", depth + 1)
        elif depth < 3 and is_dataclass(value) and not isinstance(value, type):
            for f in fields(value):
                walk(getattr(value, f.name), f"{where}.{f.name}", depth + 1)

    for info in pkgutil.walk_packages(dateline.__path__, "dateline."):
        if info.name.startswith(NOT_STORY_TEXT):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, dict, list, tuple)):
                walk(value, f"{info.name}.{name}")
    return sorted(found.values(), key=lambda item: item[0])


# Runs of one character class (or a short repeating unit), bare and inside a capitalised word
# and a letter; runs of white space also after a byline's "By A", in parentheses, after a comma.
UNITS = [
    "a",
    "A",
    "1",
    ".",
    ",",
    "-",
    "\u2014",
    "=",
    "(",
    ")",
    "'",
    '"',
    "\u201c",
    "/",
    "*",
    "_",
    "\u00e9",
    "\ufffd",
    "a ",
    "A ",
    "A.",
    "1 ",
    "1,",
    ". ",
    ", ",
    "A-",
]
SPACES = [" ", "\t", "\n", "\u00a0", "\n\n", " \n"]
FRAMES = [("", ""), ("A", "x")]
SPACE_FRAMES = [("By A", ""), ("(", ")"), ("A,", "x"), ("A ", "a")]


def _inputs() -> list[tuple[str, str, str]]:
    """(label, prefix + unit, suffix): the run's unit is repeated to each size."""
    out = [(unit, prefix, suffix) for unit in UNITS + SPACES for prefix, suffix in FRAMES]
    out += [(unit, prefix, suffix) for unit in SPACES for prefix, suffix in SPACE_FRAMES]
    return out


def _text(unit: str, prefix: str, suffix: str, n: int) -> str:
    return prefix + (unit * (n // len(unit) + 1))[:n] + suffix


def _cost(pattern, text: str, repeats: int = 1) -> float:
    """CPU seconds for one full scan (every match, as ``finditer`` and ``search`` do), the best
    of ``repeats``. CPU time, not wall time: a busy machine delays a scan but does not lengthen it."""
    best = float("inf")
    for _ in range(repeats):
        loops, started = 0, time.process_time()
        while True:
            for _ in pattern.finditer(text):
                pass
            loops += 1
            elapsed = time.process_time() - started
            if elapsed > 1e-3:
                break
        best = min(best, elapsed / loops)
        if best > MEASURABLE:
            break
    return best


def superlinear(pattern, unit: str, prefix: str, suffix: str) -> str | None:
    """Why the pattern is superlinear on this run, or None: the cost at 4,096 characters against
    the cost at 512. A pattern already slow at 512 is climbed to by doubling from 64, so a cubic
    pattern costs a second to convict, not hours."""

    def cost(n: int, repeats: int = 1) -> float:
        return _cost(pattern, _text(unit, prefix, suffix, n), repeats)

    if cost(512) > MEASURABLE:
        previous = cost(SIZES[0])
        for n in SIZES[1:]:
            now = cost(n)
            if now > MEASURABLE and now / previous > MAX_STEP and cost(n, 3) / cost(n // 2, 3) > MAX_STEP:
                return f"{now:.3f} s at {n} chars, {now / previous:.1f}x the cost at half the length"
            previous = now
    ratio = cost(SIZES[-1]) / max(cost(512), 1e-7)
    if ratio > MAX_RATIO:  # once more, best of five, to tell a busy machine from a superlinear pattern
        ratio = min(ratio, cost(SIZES[-1], 5) / max(cost(512, 5), 1e-7))
        if ratio > MAX_RATIO:
            return f"{ratio:.0f}x the cost for 8x the length"
    return None


# Patterns that never scan a whole story, and how they are used instead: these are timed that
# way (``match`` at the start of the run, or a search inside a bounded window).
ANCHORED = {  # used with .match() only
    "dateline.time.handlers._FUNCTION_WORDS",
    "dateline.extract.places._LIST_GOES_ON",  # right after a place's qualifier
    "dateline.extract.quotes.attribution.SIGNATURE_RE",  # right after a closing quote mark
    "dateline.extract.quotes.attribution.SPEAKER_LABEL_RE",  # at the start of a line
}
BOUNDED = {  # searched only within a short window of the text
    "dateline.time.handlers._RATE": 30,  # the 30 characters before a number's match
}


class _Anchored:
    """A pattern timed as ``match`` (one attempt at the start), for ``superlinear``."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def finditer(self, text: str):
        m = self.pattern.match(text)
        return [m] if m else []


class _Bounded:
    """A pattern timed as a search over windows of ``width`` characters across the run."""

    def __init__(self, pattern: re.Pattern, width: int) -> None:
        self.pattern, self.width = pattern, width

    def finditer(self, text: str):
        return [
            m
            for start in range(0, len(text), self.width)
            if (m := self.pattern.search(text, start, start + self.width))
        ]


def _as_used(name: str, pattern: re.Pattern):
    if name in ANCHORED:
        return _Anchored(pattern)
    if name in BOUNDED:
        return _Bounded(pattern, BOUNDED[name])
    return pattern


PATTERNS = story_patterns()


def test_the_patterns_are_found():
    names = {name for name, _ in PATTERNS}
    assert "dateline.structure.patterns.DATELINE" in names
    assert "dateline.structure.patterns.BYLINE_TRAILER" in names
    assert len(PATTERNS) > 50


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear(name, pattern):
    slow = []
    timed = _as_used(name, pattern)
    for unit, prefix, suffix in _inputs():
        if why := superlinear(timed, unit, prefix, suffix):
            slow.append(f"{prefix!r} + {unit!r} * n + {suffix!r}: {why}")
    assert not slow, f"{name} is superlinear on: " + "; ".join(slow)
