"""Acceptance: the seed story's 14 reference time expressions, read end to end."""

from __future__ import annotations

import re

import pytest
from conftest import fold

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def seed_timexes(seed_text):
    """The seed read by the reader (structure, spaCy, the timexes extractor only)."""
    from dateline.reader import Reader

    return Reader(extractors=("timexes",)).read(seed_text).timexes


def _span_of(text: str, phrase: str) -> tuple[int, int]:
    """Where ``phrase`` occurs in ``text``, matching case- and white-space-insensitively."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    match = re.search(pattern, text, re.IGNORECASE)
    assert match, f"gold context not found: {phrase!r}"
    return match.span()


def _matching(timexes, item: dict, text: str) -> list:
    found = [t for t in timexes if fold(t.text) == fold(item["text"])]
    if "context" in item:
        lo, hi = _span_of(text, item["context"])
        found = [t for t in found if lo <= t.start and t.end <= hi]
    return found


def test_every_gold_timex_is_found_with_its_value(seed_timexes, seed_text, gold):
    misses = []
    for item in gold["timexes"]:
        accepted = {item["value"], *item.get("also", ())}
        found = _matching(seed_timexes, item, seed_text)
        if not any(t.value in accepted for t in found):
            misses.append((item["text"], item["value"], [(t.text, t.value) for t in found]))
    assert not misses, misses
    assert len(gold["timexes"]) == 14


def test_no_timex_found_outside_the_gold_list(seed_timexes, gold):
    golden = {fold(item["text"]) for item in gold["timexes"]}
    assert [t.text for t in seed_timexes if fold(t.text) not in golden] == []


def test_types_are_timeml_types(seed_timexes):
    assert {t.type for t in seed_timexes} <= {"DATE", "TIME", "DURATION", "SET"}
    assert [t.id for t in seed_timexes] == [f"t{i}" for i in range(1, len(seed_timexes) + 1)]
