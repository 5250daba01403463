"""Ingest from files with the real reader: idempotent, bad input reported, CLI summary and exit code."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from store_fixtures import db_url, invented_stories  # noqa: F401  (db_url is a fixture)
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import ingest
from dateline.store import Store


@pytest.fixture
def story_dir(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(invented_stories(6)):
        (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_ingest_reads_every_story_once(story_dir, db_url, reader):  # noqa: F811  (SQLite and PostgreSQL)
    with Store.open(db_url) as store:
        report = ingest(store, [str(story_dir)], reader=reader)
        assert (report.added, report.skipped, report.failed, report.ok) == (6, 0, [], True)
        again = ingest(store, [str(story_dir)], reader=reader)
        assert (again.added, again.skipped) == (0, 6)
        assert store.stats()["stories"] == 6


def test_ingest_reports_bad_files_and_goes_on(story_dir, tmp_path, reader):
    (story_dir / "empty.txt").write_text("   \n", encoding="utf-8")
    (story_dir / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with Store.open(tmp_path / "a.db") as store:
        report = ingest(store, [str(story_dir), str(tmp_path / "missing.txt")], reader=reader)
    assert report.added == 6
    assert sorted(Path(f.source).name for f in report.failed) == ["binary.txt", "empty.txt", "missing.txt"]
    assert not report.ok


def test_ingest_jsonl_keeps_metadata(tmp_path, reader):
    lines = [
        {"text": t, "url": f"https://example.org/{i}", "published": f"2031-03-0{i + 1}T10:00:00+00:00"}
        for i, t in enumerate(invented_stories(2))
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    with Store.open(tmp_path / "a.db") as store:
        assert ingest(store, [str(path)], reader=reader).added == 2
        hit = store.search("spokesman", since="2031-03-02", until="2031-03-02")
        assert [store.get_story(h.id).record["url"] for h in hit] == ["https://example.org/1"]


def test_ingest_with_two_worker_processes(story_dir, tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        report = ingest(store, [str(story_dir)], workers=2, batch_size=2)
        assert report.added == 6 and report.ok
        assert store.stats()["stories"] == 6


def test_cli_ingest_summary_and_exit_status(story_dir, tmp_path, monkeypatch, reader):
    ingest_module = importlib.import_module("dateline.ingest.local")
    monkeypatch.setattr(ingest_module, "_new_reader", lambda *config: reader)  # the session's, loaded once
    db = str(tmp_path / "cli.db")
    ok = CliRunner().invoke(app, ["ingest", str(story_dir), "--db", db, "--workers", "1"])
    assert ok.exit_code == 0, ok.output
    assert "added 6" in ok.output
    (story_dir / "empty.txt").write_text("", encoding="utf-8")
    bad = CliRunner().invoke(app, ["ingest", str(story_dir), "--db", db, "--workers", "1"])
    assert bad.exit_code == 1
    assert "added 0, skipped 6" in bad.output and "empty.txt" in bad.output


def test_cli_search_entity_and_quotes(story_dir, tmp_path, reader):
    db = str(tmp_path / "q.db")
    with Store.open(db) as store:
        ingest(store, [str(story_dir)], reader=reader)
    runner = CliRunner()
    out = runner.invoke(app, ["search", "spokesman", "--db", db, "--format", "json"])
    assert out.exit_code == 0 and len(json.loads(out.stdout)) == 6 and "of 6 stories" in out.stderr
    out = runner.invoke(app, ["search", "--place", "Lisbon", "--db", db, "--format", "csv"])
    assert (
        out.exit_code == 0
        and out.stdout.splitlines()[0]
        == "id,day,published,headline,agency,dateline,place,country,lat,lon,snippet,source,thread,score"
    )
    out = runner.invoke(app, ["entity", "Nobody Atall", "--db", db])
    assert out.exit_code == 1
    out = runner.invoke(app, ["archive-quotes", "--db", db, "--format", "json"])
    assert out.exit_code == 0 and any("keep going" in q["text"] for q in json.loads(out.output))


def test_cli_ingest_published_dates_stories_that_do_not_say(tmp_path, monkeypatch, reader):
    ingest_module = importlib.import_module("dateline.ingest.local")
    monkeypatch.setattr(ingest_module, "_new_reader", lambda model, *config: reader)
    story = Path(__file__).parent / "fixtures" / "layouts" / "wire_indented.txt"
    db = str(tmp_path / "p.db")
    ok = CliRunner().invoke(app, ["ingest", str(story), "--db", db, "--workers", "1", "--published", "1987-03-30"])
    assert ok.exit_code == 0, ok.output
    with Store.open(db) as store:
        (row,) = store.db.query("SELECT published, record FROM stories")
    assert row["published"] == "1987-03-30"
    assert json.loads(row["record"])["dateline"]["date"] == "1987-03-30"


def test_the_store_only_stores():
    """Ingest sits above the reader and the store: importing the store never loads the reader."""
    import subprocess
    import sys

    code = (
        "import sys, dateline.store, dateline.store.api; print(sorted(m for m in sys.modules "
        "if m.startswith(('dateline.reader', 'dateline.ingest', 'dateline.nlp'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_reading_for_the_archive_leaves_the_vocabulary_as_it_was(reader):
    """A worker reads inside a spaCy memory zone: new words of a batch do not stay in its vocabulary,
    so its memory does not grow with the stories it has read."""
    from dateline.ingest.local import Failure, read_prepared
    from dateline.io.sources import Story

    story = Story(
        text="VELMORA (Dateline Wire) - Quazzelbrot Frentwick said on Monday the Zibberdane "
        "plan for Ulvarosk would go ahead.",
        source="new-words",
    )
    read_prepared(reader, [Story(text="OSLO (Wire) - The council met on Monday.")])  # warm-up
    before = len(reader.nlp.vocab.strings)
    (item,) = read_prepared(reader, [story])
    assert not isinstance(item, Failure) and "Quazzelbrot" in item.record_json
    assert len(reader.nlp.vocab.strings) == before


def _rows(path) -> dict[str, list[tuple]]:
    import sqlite3

    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables if "fts" not in t}
    con.close()
    return out


def test_two_workers_write_what_one_reader_writes(story_dir, tmp_path, reader):
    """The records cross the pool pickled: the archive's rows are those of reading here."""
    with Store.open(tmp_path / "here.db") as store:
        assert ingest(store, [str(story_dir)], reader=reader).added == 6
    with Store.open(tmp_path / "pool.db") as store:
        assert ingest(store, [str(story_dir)], workers=2).added == 6
    here, pool = _rows(tmp_path / "here.db"), _rows(tmp_path / "pool.db")
    assert here["stories"] and here["mentions"] and here == pool


def test_a_read_story_pickles_back_equal(reader):
    import pickle

    from dateline.ingest.local import read_prepared
    from dateline.io.sources import Story

    (item,) = read_prepared(reader, [Story(text=invented_stories(1)[0], source="x.txt")])
    back = pickle.loads(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == item and back.article.to_dict() == item.article.to_dict() and back.article.entities


def test_the_pool_does_not_spin_while_results_wait(monkeypatch):
    """The worker-maintenance thread wakes when a worker exits, not once per turn while a result
    sits in the pipe (``multiprocessing.Pool``'s own: thousands of turns for 20 results)."""
    import multiprocessing.pool

    from dateline.ingest.local import _Pool

    turns = []
    maintain = multiprocessing.pool.Pool._maintain_pool
    monkeypatch.setattr(
        multiprocessing.pool.Pool, "_maintain_pool", staticmethod(lambda *a: turns.append(1) or maintain(*a))
    )
    with _Pool(2) as pool:
        results = [pool.apply_async(bytes, (4_000_000,)) for _ in range(20)]
        assert all(len(r.get()) == 4_000_000 for r in results)
    assert len(turns) < 10
