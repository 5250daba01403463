"""Acceptance on the seed story: the gold events with the right type, participants, place and
time (at least 8 of 10), and no event from the credits or the boilerplate. Skips when
../shared is absent. Passing needs the entities, timexes and places extractors too."""

from __future__ import annotations

import pytest
from conftest import fold

REQUIRED = 8


def _names(article, eid: str | None) -> set[str]:
    """An entity's name and mention texts, folded: gold names a person as the story does."""
    for e in article.entities:
        if e.id == eid:
            return {fold(e.name)} | {fold(m.text) for m in e.mentions}
    return set()


def _same_date(value: str | None, gold: str) -> bool:
    return value is not None and (value == gold or value.startswith(gold + "T"))


def matches(article, event, gold: dict) -> bool:
    values = {t.id: t.value for t in article.timexes}
    if event.type != gold["what"]:
        return False
    if not any(fold(gold["who"]) in _names(article, w) for w in event.who):
        return False
    if "with" in gold and not any(fold(gold["with"]) in _names(article, w) for w in event.with_):
        return False
    if "where" in gold and fold(gold["where"]) not in _names(article, event.where):
        return False
    if "when" in gold and not _same_date(values.get(event.when), gold["when"]):
        return False
    return "modality" not in gold or event.modality == gold["modality"]


@pytest.fixture(scope="module")
def report(seed_article, gold):
    found = {i: any(matches(seed_article, ev, g) for ev in seed_article.events) for i, g in enumerate(gold["events"])}
    return found


def test_gold_events_found(report, gold):
    missed = [gold["events"][i] for i, ok in report.items() if not ok]
    assert sum(report.values()) >= REQUIRED, f"{sum(report.values())}/{len(report)} gold events; missed {missed}"


def test_no_event_from_credits_or_boilerplate(seed_article):
    outside = [s for key in ("credits", "boilerplate") for s in seed_article.spans.get(key, ())]
    assert outside, "the structure parser found no credits or boilerplate to check against"
    for event in seed_article.events:
        assert not any(s.start <= event.trigger.start < s.end for s in outside), event


def test_events_point_at_records(seed_article):
    entities = {e.id for e in seed_article.entities}
    timexes = {t.id for t in seed_article.timexes}
    for event in seed_article.events:
        assert set(event.who) | set(event.with_) <= entities
        assert event.where is None or event.where in entities
        assert event.when is None or event.when in timexes
        text = seed_article.text[event.trigger.start : event.trigger.end]
        assert text == event.trigger.text
