"""Language identification and the reader's language seam."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.nlp.language import FULL_READING, identify, read_in_full

SAMPLES = [
    tuple(line.split("\t", 1))
    for line in (Path(__file__).parent / "fixtures" / "languages.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

FRENCH_STORY = """Les pêcheurs de Port-Lavande manifestent contre les quotas

PORT-LAVANDE (AFP) - Plusieurs centaines de pêcheurs ont défilé mardi dans les rues de Port-Lavande pour protester contre la baisse des quotas de pêche, a déclaré Jeanne Morel, porte-parole du syndicat.

"Nous ne pouvons plus vivre de notre métier", a-t-elle dit devant la préfecture.
"""


@pytest.mark.parametrize("language, text", SAMPLES)
def test_identifies_news_paragraphs(language, text):
    assert identify(text).language == language


def test_short_or_wordless_text_is_left_unsure():
    assert identify("Oil up 2 pct").language is None
    assert identify("1,234 5,678 9.10 11.12 " * 20).language is None


def test_only_iso_639_1_codes():
    from dateline.nlp.language import _identifier

    assert all(len(code) == 2 for code in _identifier().labels)


def test_unknown_language_is_read_in_full():
    assert read_in_full(None) and read_in_full("en") and not read_in_full("fr")
    assert FULL_READING == {"en"}


def test_french_story_keeps_its_structure_and_is_flagged(reader):
    article = reader.read(FRENCH_STORY, source="peche.txt")
    assert article.language == "fr" and article.reading == "structure"
    assert article.headline == "Les pêcheurs de Port-Lavande manifestent contre les quotas"
    assert article.agency == "AFP" and article.dateline.places
    assert article.body.end > article.body.start and article.paragraphs
    assert not article.entities and not article.quotes and not article.events  # no English extractor ran
    record = article.to_dict()
    assert record["language"] == "fr" and record["sources"] == [
        {"kind": "file", "location": "peche.txt", "url": None, "fetched": None}
    ]


def test_english_and_french_in_one_batch_keep_their_order(reader):
    from dateline.io.sources import Story

    english = (
        "Port Avery council extends night buses\n\nPORT AVERY (Reuters) - The city council voted on "
        "Monday to extend a trial of night buses, Mayor Ellen Brooks said.\n"
    )
    got = list(reader.read_many([Story(FRENCH_STORY), Story(english), Story(FRENCH_STORY + "\nFin.")]))
    assert [a.language for a in got] == ["fr", "en", "fr"]
    assert [a.reading for a in got] == ["structure", "full", "structure"]
    assert any(e.name == "Ellen Brooks" for e in got[1].entities)


def test_digest_says_when_only_the_structure_was_read(reader):
    from dateline.render.digest import render_text

    assert "Language: fr: structure only" in render_text(reader.read(FRENCH_STORY))
    english = reader.read(
        "Council extends night buses\n\nThe city council voted on Monday to extend "
        "a trial of night buses until the end of the year, the mayor said.\n"
    )
    assert "Language:" not in render_text(english)
