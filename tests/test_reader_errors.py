"""The reader's one error policy: extractors raise; the reader records the failure or raises it."""

from __future__ import annotations

import json

import pytest

from dateline.extract.base import _REGISTRY, register
from dateline.reader import Reader
from dateline.render.digest import render_text

STORY = "OSLO (Wire) - Ivo Sander met Marta Holm on Tuesday."


class Boom(RuntimeError):
    pass


@pytest.fixture
def failing():
    """Registers "quotes" as an extractor that always raises, and restores the real one after."""
    real = _REGISTRY["quotes"]

    @register("quotes", requires=("entities",))
    def make_failing():
        def extract(ctx):
            raise Boom("no quotes today")

        return extract

    yield
    _REGISTRY["quotes"] = real


def test_record_mode_keeps_the_story_and_names_the_failure(failing):
    article = Reader(extractors=("entities", "quotes"), on_error="record").read(STORY)
    assert "Marta Holm" in {e.name for e in article.entities}  # the parts before it are kept
    assert article.quotes == ()
    [error] = article.errors
    assert (error.extractor, error.type, error.message) == ("quotes", "Boom", "no quotes today")
    assert json.loads(json.dumps(article.to_dict()))["errors"] == [
        {"extractor": "quotes", "type": "Boom", "message": "no quotes today"}
    ]
    assert "NOT READ\n  quotes: Boom: no quotes today" in render_text(article)


def test_raise_mode_lets_the_failure_through(failing):
    with pytest.raises(Boom, match="no quotes today"):
        Reader(extractors=("entities", "quotes"), on_error="raise").read(STORY)


def test_a_clean_read_has_no_errors():
    article = Reader(extractors=("entities", "timexes"), on_error="record").read(STORY)
    assert article.errors == () and article.to_dict()["errors"] == []
    assert [t.text for t in article.timexes] == ["Tuesday"]


def test_the_suite_runs_in_raise_mode():
    assert Reader(extractors=()).on_error == "raise"


def test_an_extractor_that_cannot_be_built(monkeypatch, tmp_path):
    """An unusable gazetteer path: every story says so in record mode; raise mode fails the build."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("DATELINE_GAZETTEER", str(blocker / "sub" / "g.sqlite"))
    article = Reader(extractors=("entities", "places"), on_error="record").read(STORY)
    assert article.places == ()
    assert [(e.extractor, e.type) for e in article.errors] == [("places", "ExtractorUnavailable")]
    assert "NotADirectoryError" in article.errors[0].message
    with pytest.raises(OSError):
        Reader(extractors=("entities", "places"), on_error="raise")


def test_an_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="on_error"):
        Reader(extractors=(), on_error="ignore")
