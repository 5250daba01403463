"""Topics, tone and per-entity sentiment in the archive, the API and the pages (invented stories)."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url, make_article  # noqa: F401  (db_url is a fixture)

from dateline.api import create_app
from dateline.record import Sentiment, Tone, Topic
from dateline.store import Store

POLITICS = Topic("iptc-mediatopic", "medtop:11000000", "politics", 0.81)
WEATHER = Topic("iptc-mediatopic", "medtop:17000000", "weather", 0.77)


def _with_themes(article, topics, tone, polarities):
    """The article with topics, a tone and one sentiment per mention of its first entity."""
    first = article.entities[0]
    sentiments = tuple(Sentiment(first.id, m.start, m.end, p, 0.9) for m, p in zip(first.mentions, polarities))
    return dataclasses.replace(article, topics=topics, tone=tone, sentiments=sentiments)


VOTE = _with_themes(
    make_article(
        "Rana Holt won the council vote in Lima. Rana Holt thanked voters.",
        headline="Holt wins council vote",
        published="2031-07-01T09:00:00+00:00",
        people={"Rana Holt": ()},
    ),
    (POLITICS,),
    Tone(0.5, 0.1, 0.02, 12),
    (1, 0),
)
STORM = _with_themes(
    make_article(
        "A storm hit Lima. Rana Holt was blamed for the slow response.",
        headline="Storm hits Lima",
        published="2031-07-03T09:00:00+00:00",
        people={"Rana Holt": ()},
    ),
    (WEATHER, POLITICS),
    Tone(-0.6, 0.0, 0.15, 11),
    (-1,),
)


@pytest.fixture
def store(db_url):  # noqa: F811
    with Store.open(db_url) as s:
        s.add([VOTE, STORM])
        yield s


def test_search_by_topic_code_or_label(store):
    assert {h.id for h in store.search(topic="medtop:17000000")} == {STORM.id}
    assert {h.id for h in store.search(topic="Politics")} == {VOTE.id, STORM.id}
    assert store.search(topic="sport") == []


def test_topic_facets_count_stories(store):
    facets = {t.code: t.stories for t in store.topics()}
    assert facets == {"medtop:11000000": 2, "medtop:17000000": 1}
    assert [t.label for t in store.topics(scheme="none")] == []


def test_entity_tone_by_day(store):
    profile = store.entity("Rana Holt")
    assert [(d.day, d.mentions, d.positive, d.negative, d.mean) for d in profile.tone] == [
        ("2031-07-01", 2, 1, 0, 0.5),
        ("2031-07-03", 1, 0, 1, -1.0),
    ]


def test_stored_record_keeps_topics_tone_and_sentiments(store):
    record = store.get_story(STORM.id).record
    assert record["topics"][0] == {
        "scheme": "iptc-mediatopic",
        "code": "medtop:17000000",
        "label": "weather",
        "score": 0.77,
    }
    assert record["tone"] == {"polarity": -0.6, "positive": 0.0, "negative": 0.15, "words": 11}
    assert record["sentiments"][0]["polarity"] == -1


def test_api_and_pages(db_url):  # noqa: F811
    with Store.open(db_url) as s:
        s.add([VOTE, STORM])
    store = Store.open(db_url)
    with TestClient(create_app(store)) as client:
        found = client.get("/api/stories", params={"topic": "weather"}).json()
        assert [h["id"] for h in found["stories"]] == [STORM.id]
        facets = client.get("/api/topics").json()
        assert facets["topics"][0] == {
            "scheme": "iptc-mediatopic",
            "code": "medtop:11000000",
            "label": "politics",
            "stories": 2,
        }
        entity = client.get("/api/entities", params={"name": "Rana Holt"}).json()["entities"][0]["id"]
        profile = client.get(f"/api/entities/{entity}").json()
        assert [d["mean"] for d in profile["tone"]] == [0.5, -1.0]
        page = client.get(f"/entities/{entity}").text
        assert "3 mentions read: 1 positive, 1 neutral, 1 negative" in page
        assert "weather" in client.get("/").text
        story = client.get(f"/stories/{STORM.id}").text
        assert "tone -0.60" in story and "spoken of: negative" in story
        assert STORM.id in client.get("/search", params={"topic": "medtop:17000000"}).text
    store.close()
