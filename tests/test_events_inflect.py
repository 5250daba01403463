"""Word forms of the event lexicon (dateline runs spaCy without a lemmatizer)."""

from __future__ import annotations

import pytest

from dateline.extract.events.frames import FrameFinder
from dateline.extract.events.inflect import forms
from dateline.extract.events.lexicon import EVENT_TYPES


@pytest.mark.parametrize(
    "word,expected",
    [
        ("visit", {"visit", "visits", "visited", "visiting"}),
        ("stop", {"stop", "stops", "stopped", "stopping"}),
        ("arrive", {"arrive", "arrives", "arrived", "arriving"}),
        ("die", {"die", "dies", "died", "dying"}),
        ("meet", {"meet", "meets", "met", "meeting"}),
        ("cross", {"cross", "crosses", "crossed", "crossing"}),
        ("expel", {"expel", "expels", "expelled", "expelling"}),
        ("fly", {"fly", "flies", "flew", "flown", "flying"}),
    ],
)
def test_verb_forms(word, expected):
    assert expected <= forms(word, "VERB")


@pytest.mark.parametrize(
    "word,expected", [("summit", {"summit", "summits"}), ("talks", {"talks"}), ("visit", {"visit", "visits"})]
)
def test_noun_forms(word, expected):
    assert forms(word, "NOUN") == expected


def test_every_type_has_words_and_a_valid_cameo_code():
    for et in EVENT_TYPES:
        assert et.verbs or et.nouns
        assert et.cameo is None or (len(et.cameo) == 2 and 1 <= int(et.cameo) <= 20)


def test_finder_tables_are_built_once():
    finder = FrameFinder()
    assert finder.verbs["met"].name == "meet" and finder.nouns["summits"].name == "meet"
