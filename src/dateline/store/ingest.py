"""Ingest: stories in, archive rows out, with worker processes reading and one writer writing.

Each worker process holds one ``Reader`` (spaCy loaded once) and turns small chunks of
stories into ``Prepared`` records; the parent writes them in batched transactions, a story's
rows always inside one transaction, so a crash or Ctrl-C loses at most the batch in flight
and a rerun picks up where it stopped. Stories already in the archive (same content hash)
are skipped before they are read, and so are stories whose URL the archive already holds from
another source (a feed entry, then a crawl of its page): that copy becomes one more source of
the story. Unreadable input is reported and skipped.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dateline.io.hygiene import clean_story
from dateline.io.sources import BadInput, Story, iter_stories
from dateline.record import Source, content_id
from dateline.store.features import Prepared, prepare
from dateline.store.provenance import url_key

CHUNK = 4  # stories per worker task: enough for spaCy batching, small enough to balance
BATCH = 32  # stories per write transaction
FLUSH_SECONDS = 5.0  # a slow stream still commits what it has read this often


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did. ``ok`` is False when any input failed or the run was stopped."""

    added: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)  # read and stored, with a problem noted
    seconds: float = 0.0
    interrupted: bool = False
    merged: int = 0  # copies of stories already archived from another source (a source added)
    passed_over: Counter = field(default_factory=Counter)  # crawl records that are not stories, by reason
    languages: Counter = field(default_factory=Counter)  # stories read, by language ("?" unsure)
    structure_only: int = 0  # stories in a language the extractors do not read (structure kept)

    @property
    def read(self) -> int:
        return self.added + len(self.failed)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0


Progress = Callable[[int], None]


def ingest(store, paths: Sequence[str], *, workers: int | None = None, batch_size: int = BATCH,
           model: str | None = None, on_story: Progress | None = None,
           stories: Iterable[Story | BadInput] | None = None, reader=None,
           topics: Sequence[str] = (), options=None) -> IngestReport:
    """Read ``paths`` (or the given ``stories``) into ``store``. Safe to rerun at any time.

    ``workers`` reader processes (default: all cores); or pass a loaded ``reader`` to read in
    this process. ``on_story(n)`` is called after each committed batch of ``n`` stories.
    ``topics``: topic model directories the reader applies besides the shipped IPTC model.
    ``options`` (``dateline.io.formats.Options``) says how feeds, URLs and crawls are read.
    """
    from dateline.io.formats import Options

    report = IngestReport()
    options = options or Options()
    options.skipped = report.passed_over
    options.seen_url = options.seen_url or store.has_url
    started = time.perf_counter()
    later: list[tuple[str, Source]] = []  # sources of stories read earlier in this run, added after them
    todo = _new_stories(store, iter_stories(paths, options=options) if stories is None else stories, report,
                        later)
    workers = max(1, workers or os.cpu_count() or 1)
    batch: list[Prepared] = []
    flushed = time.monotonic()
    try:
        for result in read_stories(todo, workers, model, reader=reader, topics=topics):
            if isinstance(result, Failure):
                report.failed.append(result)
                continue
            batch.append(result)
            if len(batch) >= batch_size or time.monotonic() - flushed > FLUSH_SECONDS:
                flush_batch(store, batch, report, on_story)
                flushed = time.monotonic()
        flush_batch(store, batch, report, on_story)
        for sid, source in later:
            store.add_source(source, story_id=sid) or store.add_source(source)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def flush_batch(store, batch: list[Prepared], report: IngestReport, on_story: Progress | None) -> None:
    if not batch:
        return
    for item in batch:
        report.languages[item.article.language or "?"] += 1
        report.structure_only += item.article.reading != "full"
    added = store.write(batch)
    report.added += added
    report.skipped += len(batch) - added
    if on_story:
        on_story(len(batch))
    batch.clear()


def _new_stories(store, items: Iterable[Story | BadInput], report: IngestReport,
                 later: list[tuple[str, Source]]) -> Iterator[Story | Failure]:
    """Stories not in the archive yet (nor earlier in this run); bad input as failures. A copy of
    a story found at a URL earlier in this run goes to ``later``, to be added once that is written."""
    seen: set[str] = set()
    urls: set[str] = set()
    for item in items:
        if isinstance(item, BadInput):
            yield Failure(item.source, item.reason)
            continue
        item = clean_story(item)  # stories given directly have not passed the door yet
        report.warnings.extend(Failure(item.source or "<story>", p) for p in item.problems)
        sid, key = content_id(item.text), url_key(item.url)
        source = Source(item.kind, item.source, item.url, item.fetched)
        if sid in seen or (key is not None and key in urls):  # a copy of a story earlier in this run
            report.skipped += sid in seen
            report.merged += sid not in seen
            later.append((sid, source))
            continue
        if store.has_story(sid):
            report.skipped += 1
            store.add_source(source, story_id=sid)  # no-op when it is the same source again
            continue
        if key and store.add_source(source):
            report.merged += 1  # this story's page is archived already, found through another source
            continue
        seen.add(sid)
        if key is not None:
            urls.add(key)
        yield item


def read_stories(items: Iterable[Story | Failure], workers: int, model: str | None = None,
                 reader=None, topics: Sequence[str] = ()) -> Iterator[Prepared | Failure]:
    """Read stories in order: in this process with one worker (or a given reader), else in a
    pool of processes."""
    chunks = _chunks(items)
    first = list(itertools.islice(chunks, workers))  # a few stories need no more processes than chunks
    workers = max(1, min(workers, len(first)))
    chunks = itertools.chain(first, chunks)
    if workers == 1 or reader is not None:
        reader = reader or _new_reader(model, topics)
        for chunk in chunks:
            yield from _read_chunk(chunk, reader)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, tuple(topics)))
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) > workers * 2:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _chunks(items: Iterable[Story | Failure]) -> Iterator[list[Story | Failure]]:
    chunk: list[Story | Failure] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_READER = None


def _new_reader(model: str | None, topics: Sequence[str] = ()):
    from dateline.reader import Reader

    return Reader(model=model, topics=topics)


def _init_worker(model: str | None, topics: Sequence[str] = ()) -> None:
    """Worker start: ignore Ctrl-C (the parent stops the pool) and load the reader once."""
    global _READER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _READER = _new_reader(model, topics)


def _work(chunk: list[Story | Failure]) -> list[Prepared | Failure]:
    return _read_chunk(chunk, _READER)


def _read_chunk(chunk: list[Story | Failure], reader) -> list[Prepared | Failure]:
    """Read a chunk in one spaCy batch; if that fails, story by story to isolate the bad one."""
    stories = [s for s in chunk if isinstance(s, Story)]
    out: list[Prepared | Failure] = [s for s in chunk if isinstance(s, Failure)]
    try:
        return out + [prepare(a) for a in reader.read_many(stories)]
    except Exception:
        pass
    for story in stories:
        try:
            out.extend(prepare(a) for a in reader.read_many([story]))
        except Exception as exc:  # a reader bug must not stop the archive
            out.append(Failure(story.source or "<story>", f"cannot read: {type(exc).__name__}: {exc}"))
    return out
