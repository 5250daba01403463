"""Acceptance on the seed story: the gold quotes and reported speech (skips when ../shared is absent)."""

from __future__ import annotations

import pytest
from conftest import fold

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def article(seed_text):
    from dateline.reader import Reader

    return Reader(extractors=("entities", "quotes")).read(seed_text)


def _names(article) -> dict[str, str]:
    return {e.id: e.name for e in article.entities}


def _speaker_matches(article, quote, gold_speaker: str, anonymous: bool) -> bool:
    """Named: the entity's name is the gold name or part of it. Described: one of the
    texts the story uses for that speaker id is the gold description."""
    if quote.speaker is None:
        return False
    if anonymous:
        texts = {fold(q.speaker_text) for q in article.quotes if q.speaker == quote.speaker}
        return quote.anonymous and fold(gold_speaker) in texts
    name = fold(_names(article).get(quote.speaker))
    return bool(name) and (name in fold(gold_speaker) or fold(gold_speaker) in name)


def _find(article, gold_quote):
    return next((q for q in article.quotes if fold(q.text) == fold(gold_quote["text"])), None)


def test_every_gold_quote_with_kind_and_speaker(article, gold):
    for gq in gold["quotes"]:
        found = _find(article, gq)
        assert found is not None, gq["text"]
        assert found.kind == gq["kind"], gq["text"]
        assert _speaker_matches(article, found, gq["speaker"], gq.get("anonymous", False)), (gq, found)
        assert fold(found.cue or "") == fold(gq["cue"] or ""), (gq, found)


def test_one_speaker_per_described_source(article, gold):
    for speaker in {gq["speaker"] for gq in gold["quotes"]}:
        ids = {_find(article, gq).speaker for gq in gold["quotes"] if gq["speaker"] == speaker}
        assert len(ids) == 1 and None not in ids, (speaker, ids)


def test_reported_speech(article, gold):
    found = 0
    for ga in gold["indirect_attributions"]:
        for q in article.quotes:
            if (
                q.kind == "indirect"
                and fold(q.text).startswith(fold(ga["content_starts_with"]))
                and fold(q.cue) == fold(ga["cue"])
                and (_speaker_matches(article, q, ga["speaker"], False) or fold(q.speaker_text) == fold(ga["speaker"]))
            ):
                found += 1
                break
    assert found >= 5, found
