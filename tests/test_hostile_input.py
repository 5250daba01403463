"""Hostile input at the door and in the reader: each reproducer of issue 16 as a test.

No hang, no crash, no story lost: lone surrogates, undecodable file names, FIFOs, a bad
``published``, over-long stories, catastrophic whitespace runs, a run-on event chain, and two
entities sharing a mention span.
"""

from __future__ import annotations

import json
import os
import threading
import time
import warnings

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.io.hygiene import MAX_STORY_CHARS, check_published, path_name, scrub
from dateline.io.sources import BadInput, Story, iter_stories
from dateline.structure import parse_structure

runner = CliRunner()
GOOD = "WASHINGTON (AP) — Jane Doe, the mayor, said on Monday that the bridge would reopen.\n"


def _within(seconds: float, fn, *args):
    """``fn(*args)`` in a thread; fail (not hang) when it has not returned in ``seconds``."""
    out: dict = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", fn(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__} still running after {seconds} s"
    return out["value"]


# --- hygiene at the door -------------------------------------------------------------------


def test_scrub_replaces_lone_surrogates_one_for_one():
    text = "a\ud800b\udfffc"
    assert scrub(text) == "a\ufffdb\ufffdc" and len(scrub(text)) == len(text)
    assert scrub("plain \U0001f600") == "plain \U0001f600"


def test_json_line_with_a_lone_surrogate_is_read_scrubbed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Bad \\ud800 text."}\n{"text": "Good text."}\n')
    items = list(iter_stories([str(feed)]))
    assert [type(i) for i in items] == [Story, Story]
    assert items[0].text == "Bad \ufffd text."
    items[0].text.encode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX matter")
def test_undecodable_file_name_is_read_under_a_printable_name(tmp_path):
    name = os.fsdecode(b"story-\xff.txt")
    (tmp_path / name).write_text(GOOD)
    (story,) = iter_stories([str(tmp_path)])
    assert isinstance(story, Story) and story.text == GOOD
    assert story.source.endswith("story-\ufffd.txt")
    story.source.encode("utf-8")
    assert path_name(tmp_path / name).endswith("\ufffd.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_at_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe")
    items = _within(10, lambda: list(iter_stories([str(tmp_path)])))
    bad = [i for i in items if isinstance(i, BadInput)]
    assert len(bad) == 1 and "FIFO" in bad[0].reason and bad[0].source.endswith("pipe")
    assert [i.text for i in items if isinstance(i, Story)] == [GOOD]
    (named,) = _within(10, lambda: list(iter_stories([str(tmp_path / "pipe")])))
    assert isinstance(named, BadInput) and "not a regular file" in named.reason


@pytest.mark.parametrize(
    "value, kept",
    [
        ("2024-01-02", "2024-01-02"),
        ("2024-01-02T10:30:00+00:00", "2024-01-02T10:30:00+00:00"),
        ("April 24, 2019 07:35 GMT", "2019-04-24T07:35:00+00:00"),
        ("not a date", None),
        ("2024-13-45", None),
        ("9" * 5000, None),
    ],
)
def test_published_is_checked(value, kept):
    published, problem = check_published(value)
    assert published == kept
    assert (problem is None) == (kept is not None)
    if problem:
        assert "not a date" in problem and len(problem) < 120


def test_bad_published_is_reported_per_line_and_the_story_kept(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": GOOD, "published": "not a date"})
        + "\n"
        + json.dumps({"text": GOOD + "Again.", "published": "2024-01-02"})
        + "\n"
    )
    first, second = iter_stories([str(feed)])
    assert first.published is None and first.problems and first.source.endswith(":1")
    assert second.published == "2024-01-02" and not second.problems


def test_over_long_story_is_refused_naming_the_limit(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "word " * (MAX_STORY_CHARS // 4)}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    bad, good = iter_stories([str(feed)])
    assert isinstance(bad, BadInput) and f"{MAX_STORY_CHARS:,}-character limit" in bad.reason
    assert isinstance(good, Story)


# --- structure patterns on long runs ---------------------------------------------------------


def _parse_cost(text: str) -> float:
    """CPU seconds (a busy machine delays a parse but does not lengthen it)."""
    started = time.process_time()
    parse_structure(text)
    return time.process_time() - started


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "By A" + " " * n + "x\n\nThe body of the story.",  # the byline trailer (was cubic)
        lambda n: "A" + " " * n + "b",  # the dateline (was quadratic)
        lambda n: "By A" + ", " * n + "Reuters\n\nBody.",
        lambda n: "By Jane Doe" + " " * n + "in Paris\n\nBody.",
        lambda n: "Body.\n\n(Reporting by Jane Doe" + " " * n + "and John Roe; Editing by Ann Poe)",
    ],
    ids=["byline", "dateline", "byline-commas", "byline-place", "credits"],
)
def test_structure_is_linear_on_whitespace_runs(make):
    """10x the run costs about 10x (quadratic would be 100x), timed as a ratio."""
    short = min(_within(30, _parse_cost, make(300)) for _ in range(3))
    long = min(_within(60, _parse_cost, make(3000)) for _ in range(2))
    assert long / max(short, 1e-4) < 40, (short, long)


# --- the reader --------------------------------------------------------------------------------


def test_read_survives_surrogates_and_a_bad_published(reader):
    article = reader.read("LONDON (Reuters) - Bad \ud800 text, said Jane Doe.")
    assert "\ufffd" in article.text
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = reader.read(GOOD, published="not a date")
    assert article.published is None and article.text == GOOD
    assert any("not a date" in str(w.message) for w in caught)


def test_run_on_event_chain_is_linear(reader):
    """ "Smith met Jones and " x 750 took 60 s: the event passes were cubic in it."""

    def cost(n: int) -> float:
        started = time.process_time()
        reader.read("Smith met Jones and " * n + "left.")
        return time.process_time() - started

    cost(20)
    short, long = cost(60), _within(120, cost, 480)
    assert long / short < 24, (short, long)  # 8x the text: linear ~8, quadratic ~64


@pytest.mark.parametrize("unit", ["_", "=", ".", "-", "A-"])
def test_the_reader_is_linear_on_runs_the_tokenizer_splits(reader, unit):
    """A fuzz case of 2,800 "_" took 3 s in spaCy's tokenizer (it splits such a run one
    character at a time, rescanning the rest): the view collapses it, as it does "=" runs."""

    def cost(n: int) -> float:
        text = "LONDON (Reuters) - The minister spoke on Tuesday. " + unit * (n // len(unit)) + " Talks end.\n"
        started = time.process_time()
        article = reader.read(text)
        assert article.text == text
        return time.process_time() - started

    cost(100)
    short = min(cost(300) for _ in range(2))
    long = _within(60, cost, 3000)
    assert long / short < 20, (short, long)  # 10x the run: linear ~1-10 (was 31 for "_")


def test_place_mentions_are_their_spans(reader):
    article = reader.read(
        "KASHIKOJIMA, Japan (Reuters) - Leaders met in KASHIKOJIMA on Thursday, officials in TOKYO said."
    )
    mentions = [m for p in article.places for m in p.mentions]
    assert mentions
    for m in mentions:
        assert m.text == article.text[m.start : m.end]


def test_entities_sharing_a_mention_span_keep_the_quotes():
    """Two entities with the same mention span once raised TypeError and lost every quote."""
    from dateline.extract.quotes.speakers import SpeakerResolver
    from dateline.record import Entity, Mention

    shared = Mention(0, 8, "Jane Doe")
    a = Entity(id="e1", name="Jane Doe", type="PERSON", mentions=(shared,))
    b = Entity(id="e2", name="Jane Doe", type="ORG", mentions=(shared,))
    resolver = SpeakerResolver(doc=None, entities=[a, b], text="Jane Doe said so.")
    assert [m[:2] for m in resolver._mentions] == [(0, 8), (0, 8)]


# --- the command line ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_cli_read_hostile_directory(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "b-pipe")
    (tmp_path / "c.jsonl").write_text('{"text": "PARIS (AFP) - Bad \\ud800 text.", "published": "not a date"}\n')
    (tmp_path / os.fsdecode(b"d-\xff.txt")).write_text(GOOD + "More.")
    result = _within(300, runner.invoke, app, ["read", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    result.stdout_bytes.decode("utf-8")  # valid UTF-8, always
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    assert "FIFO" in result.stderr and "not a date" in result.stderr
    assert any(r["text"].startswith("PARIS (AFP) - Bad \ufffd") and r["published"] is None for r in records)


def test_cli_json_streams_several_records_as_one_array(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + "More.")
    result = runner.invoke(app, ["read", str(tmp_path)])
    assert result.exit_code == 0
    assert [r["text"] for r in json.loads(result.stdout)] == [GOOD, GOOD + "More."]


def test_ingest_keeps_the_good_stories_of_a_hostile_batch(tmp_path):
    from dateline.ingest import ingest
    from dateline.store import Store

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            json.dumps(s)
            for s in [
                {"text": GOOD},
                {"text": "LONDON (Reuters) - Bad \ud800 text, said Jane Doe."},
                {"text": "BERLIN (Reuters) - A third story.", "published": "not a date"},
            ]
        )
        + "\n"
    )
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        report = ingest(store, [str(feed)], workers=1)
        assert report.added == 3 and not report.failed
        assert [w.source.endswith(":3") for w in report.warnings] == [True]
        again = ingest(store, [str(feed)], workers=1)
        assert again.added == 0 and again.skipped == 3 and not again.failed


def test_cli_search_over_its_limits_is_a_one_line_error(tmp_path):
    db = str(tmp_path / "a.db")
    result = runner.invoke(app, ["search", *[f"w{n}" for n in range(40)], "--db", db])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "over the limit of" in result.stderr
    result = runner.invoke(app, ["archive-quotes", "--text", "x" * 60_000, "--db", db])
    assert result.exit_code == 2 and "-character limit" in result.stderr
    assert runner.invoke(app, ["entity", str(2**64), "--db", db]).exit_code == 1  # a name matching nothing
