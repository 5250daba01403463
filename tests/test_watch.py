"""One story from many sources, the ingest summary, and `dateline watch`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_fixtures import db_url  # noqa: F401  (a fixture: SQLite, and PostgreSQL when there is one)
from test_language import FRENCH_STORY
from test_sources import write_warc
from typer.testing import CliRunner
from web_sources import FEEDS, PAGES

from dateline.cli import app
from dateline.ingest import ingest
from dateline.ingest.watch import Watcher
from dateline.store import Store

BASE = "https://gazette.example"
STORIES = Path(__file__).parent / "fixtures" / "stories"


@pytest.fixture
def store(db_url):  # noqa: F811
    with Store.open(db_url) as s:
        yield s


def feed_file(tmp_path: Path) -> Path:
    path = tmp_path / "gazette.rss"
    path.write_text((FEEDS / "rss2.xml").read_text(encoding="utf-8").replace("{base}", BASE), encoding="utf-8")
    return path


def crawl_file(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            (
                "https://www.gazette.example/news/ferry.html?utm_source=rss",
                "200 OK",
                PAGES["/news/ferry.html"],
                "text/html",
            ),
            (f"{BASE}/news/peche.html", "200 OK", PAGES["/news/peche.html"], "text/html"),
        ],
        True,
    )
    return path


def sources_of(store, url_part: str) -> list[str]:
    [row] = store.db.query(
        "SELECT DISTINCT s.id FROM stories s JOIN story_sources ss ON ss.story = s.n WHERE ss.url LIKE ?",
        (f"%{url_part}%",),
    )
    return [s["kind"] for s in store.get_story(row["id"]).record["sources"]]


def test_feed_then_crawl_is_one_story_with_two_sources(tmp_path, store, reader):
    first = ingest(store, [str(feed_file(tmp_path))], reader=reader)
    assert (first.added, first.merged, first.failed) == (3, 0, [])
    second = ingest(store, [str(crawl_file(tmp_path))], reader=reader)
    assert second.merged == 1 and second.added == 1  # the ferry page is the feed's first story
    assert second.structure_only == 1 and second.languages == {"fr": 1}
    assert second.passed_over["WARC request record"] == 2
    assert store.db.scalar("SELECT COUNT(*) AS n FROM stories") == 4
    assert sources_of(store, "ferry") == ["feed", "warc"]
    assert store.db.scalar("SELECT COUNT(*) AS n FROM story_sources") == 5
    again = ingest(store, [str(feed_file(tmp_path)), str(crawl_file(tmp_path))], reader=reader)
    assert again.added == 0 and store.db.scalar("SELECT COUNT(*) AS n FROM story_sources") == 5


def test_feed_and_crawl_in_one_run(tmp_path, store, reader):
    report = ingest(store, [str(feed_file(tmp_path)), str(crawl_file(tmp_path))], reader=reader)
    assert (report.added, report.merged) == (4, 1)
    assert sources_of(store, "ferry") == ["feed", "warc"]


def test_same_text_in_two_files_is_one_story(tmp_path, store, reader):
    text = (STORIES / "plain.txt").read_bytes()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(text)
    report = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reader=reader)
    assert report.added == 1
    [row] = store.db.query("SELECT id FROM stories")
    sources = store.get_story(row["id"]).record["sources"]
    assert [Path(s["location"]).name for s in sources] == ["a.txt", "b.txt"]


def test_watch_reads_only_what_is_new(tmp_path, store, reader, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_bytes((STORIES / "plain.txt").read_bytes())
    polls = []
    watcher = Watcher(store, [str(folder)], reader=reader)
    monkeypatch.setattr("dateline.ingest.watch.SETTLE_SECONDS", 0.0)

    def add_file(_seconds):  # between polls: a new story arrives once
        if not (folder / "two.txt").exists():
            (folder / "two.txt").write_text(FRENCH_STORY, encoding="utf-8")

    assert watcher.run(0.0, polls=3, log=polls.append, sleep=add_file) == 3
    added = [p.report.added for p in polls]
    assert added == [1, 1, 0]
    assert [p.report.skipped for p in polls] == [0, 0, 0]  # unchanged files are not read again
    log = polls[1].to_dict()
    assert log["languages"] == {"fr": 1} and log["structure_only"] == 1 and log["time"].endswith("+00:00")


class Interrupting:
    """A reader that is stopped (Ctrl-C) on its ``stop_at``-th batch."""

    def __init__(self, reader, stop_at: int) -> None:
        self.reader, self.stop_at, self.calls = reader, stop_at, 0

    def read_all(self, stories, **kw):
        self.calls += 1
        if self.calls == self.stop_at:
            raise KeyboardInterrupt
        return self.reader.read_all(stories, **kw)


def test_stopping_a_watch_loses_no_story(tmp_path, store, reader, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(STORIES.glob("*.txt")) if p.name != "crlf_cp1252.txt"]
    for i, text in enumerate(texts * 2):
        (folder / f"{i:02}.txt").write_text(text + f"\nStory {i}.\n", encoding="utf-8")
    monkeypatch.setattr("dateline.ingest.watch.SETTLE_SECONDS", 0.0)
    first = Watcher(store, [str(folder)], reader=Interrupting(reader, stop_at=2), batch_size=4).poll()
    assert first.report.interrupted
    kept = store.db.scalar("SELECT COUNT(*) AS n FROM stories")
    assert kept == 4  # the first batch was committed before the stop; the second was in flight
    rows = store.db.scalar("SELECT COUNT(DISTINCT story) AS n FROM story_sources")
    assert rows == kept  # nothing half-written
    second = Watcher(store, [str(folder)], reader=reader).poll()  # a new run, as after a restart
    assert not second.report.interrupted
    assert store.db.scalar("SELECT COUNT(*) AS n FROM stories") == len(texts) * 2


def test_watch_command_logs_each_poll(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "peche.txt").write_text(FRENCH_STORY, encoding="utf-8")
    import os
    import time

    old = time.time() - 60
    os.utime(folder / "peche.txt", (old, old))
    log = tmp_path / "watch.jsonl"
    result = CliRunner().invoke(
        app, ["watch", str(folder), "--db", str(tmp_path / "a.db"), "--polls", "1", "--every", "0", "--log", str(log)]
    )
    assert result.exit_code == 0, result.output
    [line] = log.read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert entry["added"] == 1 and entry["languages"] == {"fr": 1} and entry["failed"] == []


def test_ingest_summary_counts_languages_and_passed_over(tmp_path):
    crawl = crawl_file(tmp_path)
    result = CliRunner().invoke(
        app, ["ingest", str(crawl), "--db", str(tmp_path / "a.db"), "--workers", "1", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "languages: en 1, fr 1; 1 not in English, stored with their structure only" in result.output
    assert "passed over: 2 WARC request record" in result.output
