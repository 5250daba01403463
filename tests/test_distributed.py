"""The Ray engine's parts that need no cluster: input planning, row handling, record files, the CLI hint."""

from __future__ import annotations

import json
import sys

import pytest

from dateline.ingest.inputs import normalize_batch, plan_inputs, rows_of, stories_of
from dateline.ingest.ray_engine import read_rows
from dateline.ingest.sinks import Known, RecordSink, existing_ids
from dateline.io.sources import BadInput, Story
from dateline.record import content_id


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text("PARIS (Wire) - One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Two."}) + "\n", encoding="utf-8")
    (tmp_path / "c.parquet").write_bytes(b"PAR1")
    return tmp_path


def test_plan_sorts_files_datasets_and_missing(tree):
    plan = plan_inputs([str(tree), "s3://bucket/stories/", "gs://b/x.jsonl", str(tree / "nothing-*.txt")])
    assert plan.files == [str(tree / "a.txt")]
    assert [s.text for s in plan.stories] == ["Two."]  # JSON Lines split here, to spread over readers
    assert plan.parquet == [str(tree / "c.parquet"), "s3://bucket/stories/"]
    assert plan.jsonl == ["gs://b/x.jsonl"]
    assert [b.reason for b in plan.missing] == ["no such file, directory or glob match"]


@pytest.mark.parametrize(
    "batch, source, headline",
    [
        ({"text": ["T"], "title": ["H"], "path": ["/lake/p.parquet"]}, "/lake/p.parquet", "H"),
        ({"text": ["T"], "source": ["wire-7"], "headline": [None]}, "wire-7", ""),
        ({"text": ["T"], "url": ["https://example.org/a"]}, "https://example.org/a", ""),
    ],
)
def test_normalize_batch_maps_dataset_columns(batch, source, headline):
    rows = rows_of(normalize_batch(batch))
    assert rows == [
        {
            "path": "",
            "text": "T",
            "source": source,
            "url": batch.get("url", [""])[0],
            "published": "",
            "headline": headline,
            "kind": "",
            "fetched": "",
        }
    ]


def test_stories_of_opens_paths_and_rejects_rows_without_text(tree):
    rows = [{"path": str(tree / "b.jsonl")}, {"text": "  ", "source": "lake/3"}, {"text": "Three.", "source": "s"}]
    out = list(stories_of(rows))
    assert isinstance(out[0], Story) and out[0].text == "Two."
    assert isinstance(out[1], BadInput) and out[1].source == "lake/3"
    assert out[2] == Story(text="Three.", source="s")


class FakeReader:
    """Stands in for ``Reader``: fails on stories containing BOOM, else returns a tiny article."""

    def read_all(self, items, chunk=8):
        from dateline.reader import article_from_layout
        from dateline.structure import parse_structure

        for story in items:
            if "BOOM" in story.text:
                yield BadInput(story.source, "failed to read: ValueError: boom")
            else:
                yield article_from_layout(parse_structure(story.text), source=story.source)


class KnownText(Known):
    def __init__(self, *texts):
        self.ids = {content_id(t) for t in texts}

    def filter(self, ids):
        return {i for i in ids if i in self.ids}


def test_read_rows_marks_failures_and_skips_known_stories():
    rows = [
        {"text": "PARIS (Wire) - Old story.", "source": "old"},
        {"text": "BOOM", "source": "bad"},
        {"text": "ROME (Wire) - New story.", "source": "new"},
        {"text": "", "source": "blank"},
    ]
    out = read_rows(FakeReader(), rows, KnownText("PARIS (Wire) - Old story."))
    by_source = {s: (e, k, bool(p)) for s, e, k, p in zip(out["source"], out["error"], out["skipped"], out["prepared"])}
    assert by_source["old"] == ("", True, False)
    assert by_source["bad"][0].startswith("failed to read") and not by_source["bad"][2]
    assert by_source["new"] == ("", False, True)
    assert by_source["blank"][0] == 'no "text" in this row'


def prepared(text: str):
    from dateline.reader import article_from_layout
    from dateline.store.features import prepare
    from dateline.structure import parse_structure

    return prepare(article_from_layout(parse_structure(text), source="t"))


def test_record_sink_writes_each_id_once_across_batches_and_runs(tmp_path):
    a, b = prepared("ROME (Wire) - A."), prepared("OSLO (Wire) - B.")
    sink = RecordSink(tmp_path, "jsonl")
    assert sink.write([a, a]) == 1
    assert sink.write([a, b]) == 1
    assert RecordSink(tmp_path, "jsonl").write([a, b]) == 0  # a rerun finds what is there
    lines = [json.loads(line) for f in sorted(tmp_path.glob("part-*.jsonl")) for line in f.open()]
    assert sorted(r["id"] for r in lines) == sorted([a.article.id, b.article.id])
    assert existing_ids(tmp_path) == {a.article.id, b.article.id}
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_record_sink_leaves_nothing_when_a_write_fails(tmp_path, monkeypatch):
    import dateline.ingest.sinks as sinks

    def broken(path, rows):
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(sinks, "_write_jsonl", broken)
    sink = RecordSink(tmp_path, "jsonl")
    with pytest.raises(OSError):
        sink.write([prepared("ROME (Wire) - A.")])
    assert list(tmp_path.iterdir()) == [] and sink.ids == set()


def test_ray_engine_without_ray_says_how_to_install(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    (tmp_path / "s.txt").write_text("ROME (Wire) - A.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", "--engine", "ray", "--db", str(tmp_path / "a.db"), str(tmp_path / "s.txt")]
    )
    assert result.exit_code == 2
    assert "pip install 'dateline[ray]'" in result.output


def test_out_needs_the_ray_engine(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["ingest", "--out", str(tmp_path / "lake"), str(tmp_path)])
    assert result.exit_code == 2 and "--engine ray" in result.output


def test_actor_batches_are_sized_to_the_stories(tmp_path):
    from dateline.ingest.inputs import Plan
    from dateline.ingest.ray_engine import BATCH_CHARS, MAX_READ_BATCH, READ_BATCH, batch_rows

    short = Plan(stories=[Story(text="x" * 500)] * 4)
    long = Plan(stories=[Story(text="x" * 12_000)] * 4)
    assert batch_rows(short) == BATCH_CHARS // 500 and batch_rows(long) == 2
    assert batch_rows(Plan(stories=[Story(text="x")])) == MAX_READ_BATCH
    (tmp_path / "a.txt").write_text("y" * 3000, encoding="utf-8")
    assert batch_rows(Plan(files=[str(tmp_path / "a.txt")])) == BATCH_CHARS // 3000
    assert batch_rows(Plan(parquet=["lake.parquet"])) == READ_BATCH  # sizes unknown


class FakeRay:
    """Stands in for ``ray`` in the actor pool: actors hold a ``FakeReader``; ``wait`` returns the
    newest reference first, so that results come back out of order as on a cluster."""

    def __init__(self):
        self.options, self.actors, self.in_flight, self.most_in_flight, self.killed = {}, [], {}, 0, []

    def remote(self, cls):
        fake = self

        class ActorClass:
            def options(self, **kwargs):
                fake.options = kwargs
                return self

            def remote(self, model, known):
                actor = cls.__new__(cls)
                actor.reader, actor.known = FakeReader(), known
                handle = Handle(fake, actor)
                fake.actors.append(handle)
                return handle

        return ActorClass()

    def wait(self, refs, num_returns=1):
        return refs[-num_returns:], refs[:-num_returns]

    def get(self, ref):
        self.in_flight[id(ref.handle)] -= 1
        return ref.handle.actor.read(ref.batch)

    def kill(self, handle):
        self.killed.append(handle)


class Handle:
    def __init__(self, fake, actor):
        self.fake, self.actor = fake, actor
        handle = self

        class Read:
            def remote(self, batch):
                flight = fake.in_flight
                flight[id(handle)] = flight.get(id(handle), 0) + 1
                fake.most_in_flight = max(fake.most_in_flight, flight[id(handle)])
                return Ref(handle, batch)

        self.read = Read()


class Ref:
    def __init__(self, handle, batch):
        self.handle, self.batch = handle, batch


def test_the_actor_pool_reads_every_row_once_with_a_few_batches_queued_per_actor():
    from dateline.ingest.inputs import Plan
    from dateline.ingest.ray_engine import AHEAD, _columns_rows, _pool_results

    texts = [f"PARIS (Wire) - Story number {i}." for i in range(23)] + ["BOOM"]
    plan = Plan(stories=[Story(text=t, source=f"s{i}") for i, t in enumerate(texts)] + [BadInput("x", "bad")])
    fake = FakeRay()
    known = KnownText(texts[0])
    rows = [
        r
        for cols in _pool_results(fake, plan, model=None, known=known, workers=3, read_batch=4)
        for r in _columns_rows(cols)
    ]
    assert sorted(r["source"] for r in rows) == sorted(f"s{i}" for i in range(24))  # each once, bad input left out
    assert [r["source"] for r in rows if r["skipped"]] == ["s0"] and [r["source"] for r in rows if r["error"]] == [
        "s23"
    ]
    assert len(fake.actors) == 3 and fake.most_in_flight == AHEAD and fake.killed == fake.actors
    assert fake.options["max_restarts"] == -1 and fake.options["max_task_retries"] == -1
    assert (
        list(
            _pool_results(fake, Plan(stories=[BadInput("x", "bad")]), model=None, known=known, workers=2, read_batch=4)
        )
        == []
    )
