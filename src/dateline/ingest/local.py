"""The local ingest: stories in, archive rows out, with worker processes reading and one writer writing.

Each worker process holds one ``Reader`` (spaCy loaded once) and turns small chunks of
stories into ``Prepared`` records through the reader's own batch-with-fallback
(``Reader.read_all``); the parent writes them with ``Store.write`` in batched transactions, a story's
rows always inside one transaction, so a crash or Ctrl-C loses at most the batch in flight
and a rerun picks up where it stopped. Stories already in the archive (same content hash)
are skipped before they are read, and so are stories whose URL the archive already holds from
another source (a feed entry, then a crawl of its page): that copy becomes one more source of
the story. Unreadable input is reported and skipped.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import multiprocessing.pool
import os
import pickle
import resource
import signal
import sys
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
AHEAD = 4  # chunks queued per worker: a worker never waits while the parent writes a batch
BATCH = 32  # stories per write transaction
FLUSH_SECONDS = 5.0  # a slow stream still commits what it has read this often


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str


@dataclass(slots=True)
class Timing:
    """Where an ingest's time went: what says whether more workers can help (bench_ingest --profile).

    ``read`` is the readers' CPU (all workers), ``write`` the writer's; ``parent`` is the
    writer's process's CPU besides reading and writing (listing and deduplicating stories,
    sending them out and taking the records back)."""

    startup: float = 0.0  # wall seconds from the start until the first story came back read
    startup_cpu: float = 0.0  # CPU seconds of the readers' start-up, all workers
    read: float = 0.0
    write: float = 0.0
    parent: float = 0.0
    here: float = 0.0  # the part of ``read`` and ``startup_cpu`` spent in the writer's process
    forked: bool = False  # workers forked with the reader loaded here (else each loaded its own)

    def per_story(self, n: int) -> dict[str, float]:
        """CPU milliseconds per story of each part (start-up as a whole, in seconds)."""
        n = max(n, 1)
        return {
            "startup_s": round(self.startup, 2),
            "startup_cpu_s": round(self.startup_cpu, 2),
            "read_ms": round(self.read / n * 1e3, 2),
            "write_ms": round(self.write / n * 1e3, 2),
            "parent_ms": round(self.parent / n * 1e3, 2),
            "forked": self.forked,
        }


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
    timing: Timing = field(default_factory=lambda: Timing())

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


def ingest(
    store,
    paths: Sequence[str],
    *,
    workers: int | None = None,
    batch_size: int = BATCH,
    model: str | None = None,
    on_story: Progress | None = None,
    stories: Iterable[Story | BadInput] | None = None,
    reader=None,
    topics: Sequence[str] = (),
    options=None,
) -> IngestReport:
    """Read ``paths`` (or the given ``stories``) into ``store``. Safe to rerun at any time.

    ``workers`` reader processes (default: all cores); or pass a loaded ``reader`` to read in
    this process. ``on_story(n)`` is called after each committed batch of ``n`` stories.
    ``topics``: topic model directories the reader applies besides the shipped IPTC model.
    ``options`` (``dateline.io.formats.Options``) says how feeds, URLs and crawls are read.
    """
    from dateline.io.formats import Options

    report = IngestReport()
    parent_cpu = _cpu()
    options = options or Options()
    options.skipped = report.passed_over
    options.seen_url = options.seen_url or store.has_url
    started = time.perf_counter()
    later: list[tuple[str, Source]] = []  # sources of stories read earlier in this run, added after them
    todo = _new_stories(store, iter_stories(paths, options=options) if stories is None else stories, report, later)
    workers = max(1, workers or os.cpu_count() or 1)
    batch: list[Prepared] = []
    flushed = time.monotonic()
    try:
        for result in read_stories(todo, workers, model, reader=reader, topics=topics, timing=report.timing):
            if isinstance(result, Failure):
                report.failed.append(result)
                continue
            report.timing.startup = report.timing.startup or time.perf_counter() - started
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
    t = report.timing
    t.parent = max(0.0, _cpu() - parent_cpu - t.write - t.here)
    return report


def _cpu() -> float:
    """This process's CPU seconds, every thread (the pool's result thread unpickles records)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def flush_batch(store, batch: list[Prepared], report: IngestReport, on_story: Progress | None) -> None:
    if not batch:
        return
    for item in batch:
        report.languages[item.article.language or "?"] += 1
        report.structure_only += item.article.reading != "full"
    cpu = time.thread_time()  # this thread only: the pool's result thread runs beside it
    added = store.write(batch)
    report.timing.write += time.thread_time() - cpu
    report.added += added
    report.skipped += len(batch) - added
    if on_story:
        on_story(len(batch))
    batch.clear()


def _new_stories(
    store, items: Iterable[Story | BadInput], report: IngestReport, later: list[tuple[str, Source]]
) -> Iterator[Story | BadInput]:
    """Stories not in the archive yet (nor earlier in this run); bad input as failures. A copy of
    a story found at a URL earlier in this run goes to ``later``, to be added once that is written."""
    seen: set[str] = set()
    urls: set[str] = set()
    for item in items:
        if isinstance(item, BadInput):
            yield item
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


def read_stories(
    items: Iterable[Story | BadInput],
    workers: int,
    model: str | None = None,
    reader=None,
    topics: Sequence[str] = (),
    timing: Timing | None = None,
) -> Iterator[Prepared | Failure]:
    """Read stories in order: in this process with one worker (or a given reader), else in a
    pool of processes. ``timing`` (when given) gets the readers' start-up and CPU seconds."""
    timing = timing if timing is not None else Timing()
    chunks = _chunks(items)
    first = list(itertools.islice(chunks, workers))  # a few stories need no more processes than chunks
    workers = max(1, min(workers, len(first)))
    chunks = itertools.chain(first, chunks)
    if workers == 1 or reader is not None:
        yield from _read_here(chunks, reader or _timed_reader(model, topics, timing), timing)
        return
    pool = _pool(workers, model, topics, timing)
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) > workers * AHEAD:
                yield from _collect(pending.popleft().get(), timing)
        while pending:
            yield from _collect(pending.popleft().get(), timing)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


FORK_PLATFORMS = ("linux",)  # where forking a process that has loaded spaCy is safe


def _pool(workers: int, model: str | None, topics: Sequence[str], timing: Timing):
    """Worker processes, each with a reader. On Linux the reader is loaded once, here, and warmed
    (``warm``: what it loads on its first story), and the workers are forked with it: its start-up
    is paid once, not once a worker (spawned workers import everything again: about 4 CPU seconds
    more each; forked from a cold reader, each paid about 1 CPU second more on its first chunk),
    and its memory is shared until written. Elsewhere each worker is spawned and loads its own."""
    global _READER
    if sys.platform.startswith(FORK_PLATFORMS):
        _READER = _timed_reader(model, topics, timing, warm=True)
        timing.forked = True
        ctx: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
    else:
        ctx = multiprocessing.get_context("spawn")
    gc.freeze()  # the reader's objects out of the collector's reach: a worker's collections do not
    # walk (and so copy) the pages it shares with this process
    try:
        pool = _Pool(workers, initializer=_init_worker, initargs=(model, tuple(topics)), context=ctx)
    finally:
        gc.unfreeze()
    _drop_reader()  # the workers have theirs; one that dies is replaced by a worker loading its own
    return pool


class _Pool(multiprocessing.pool.Pool):
    """``multiprocessing.Pool`` whose worker-maintenance thread wakes only when a worker exits or
    the pool's state changes. The standard one also wakes whenever a result is waiting in the
    result pipe, and until the result thread has taken it (70 KB for a chunk of 4 stories) it
    loops without blocking: about 230 turns a chunk, 0.6 CPU ms a story in the writer's process
    (CPython 3.11). Results are still taken by the result thread; the pool learns that its work
    is done through its cache, which wakes the thread when it empties (``ThreadPool`` waits the
    same way)."""

    def _get_sentinels(self):
        return [self._change_notifier._reader]


def _drop_reader() -> None:
    global _READER
    _READER = None


def _chunks(items: Iterable[Story | BadInput]) -> Iterator[list[Story | BadInput]]:
    chunk: list[Story | BadInput] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_prepared(reader, items: Iterable[Story | BadInput], chunk: int = CHUNK) -> list[Prepared | Failure]:
    """The reader's own batch-with-fallback (``Reader.read_all``), then ``prepare`` for the writer:
    bad input and stories that cannot be read or prepared come out as failures, in their place.
    The local workers and the Ray actors both read through here, inside a spaCy memory zone: the
    strings a batch adds to the vocabulary are dropped after it (the records hold their own), so
    a reader's memory stays flat over any number of stories."""
    out: list[Prepared | Failure] = []
    with _memory_zone(reader):
        for result in reader.read_all(items, chunk=chunk):
            if isinstance(result, BadInput):
                out.append(Failure(result.source, result.reason))
                continue
            try:
                out.append(prepare(result))
            except Exception as exc:  # a feature bug must not stop the archive
                out.append(Failure(result.source or "<story>", f"cannot prepare: {type(exc).__name__}: {exc}"))
    return out


def _memory_zone(reader):
    nlp = getattr(reader, "nlp", None)
    return nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()


def _read_here(chunks: Iterable[list[Story | BadInput]], reader, timing: Timing) -> Iterator[Prepared | Failure]:
    """Read in this process. The reader's objects (spaCy's, the gazetteer's: hundreds of
    thousands, alive for the whole run) are frozen out of the collector's reach while it reads,
    as they are in forked workers: else each full collection walks them all (about 6 CPU ms a
    story of 49 on Reuters-21578)."""
    gc.freeze()
    try:
        for chunk in chunks:
            cpu = time.thread_time()
            out = read_prepared(reader, chunk)
            timing.read += time.thread_time() - cpu
            timing.here += time.thread_time() - cpu
            yield from out
    finally:
        gc.unfreeze()


def _timed_reader(model: str | None, topics: Sequence[str], timing: Timing, warm: bool = False):
    cpu = time.thread_time()
    reader = _new_reader(model, topics)
    if warm:
        _warm(reader)
    timing.startup_cpu += time.thread_time() - cpu
    timing.here += time.thread_time() - cpu
    return reader


WARM_STORY = """Harbour board raises port fees by 4 percent

By Jane Doe

SPRINGFIELD, March 3 (Wire) - The harbour board of Springfield said on Tuesday it would raise its
fees by 4 percent from April 1, its chairman John Smith told reporters.

"Costs have risen," Smith said. The Acme Shipping Co said it would pay $1.2 million more a year.
"""  # invented: a story that reaches every part of the reader (dateline, names, places, a quote, figures)


def _warm(reader) -> None:
    """Read one invented story, so that what a reader loads lazily on its first story (about a CPU
    second: the models' first call, the gazetteer's tables) is loaded before the workers are forked."""
    read_prepared(reader, [Story(text=WARM_STORY, source="<warm-up>")])


def _collect(result: tuple[bytes, float, float], timing: Timing) -> list:
    items, cpu, startup_cpu = result
    timing.read += cpu
    timing.startup_cpu += startup_cpu  # not 0 on a worker's first chunk only
    return pickle.loads(items)


_READER = None
_STARTUP_CPU = 0.0  # this worker's start-up CPU seconds, reported with its first chunk


def _new_reader(model: str | None, topics: Sequence[str] = ()):
    from dateline.reader import Reader

    return Reader(model=model, topics=topics)


def _init_worker(model: str | None, topics: Sequence[str] = ()) -> None:
    """Worker start: ignore Ctrl-C (the parent stops the pool) and load the reader once, unless
    the worker was forked with it."""
    global _READER, _STARTUP_CPU
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _READER is None:
        _READER = _new_reader(model, topics)
        _STARTUP_CPU = time.process_time()  # the process's whole life so far: imports and loading


def _work(chunk: list[Story | BadInput]) -> tuple[bytes, float, float]:
    """A chunk read in a worker, pickled, with the CPU seconds that took and (once) the worker's
    start-up. Pickled here, so that its cost counts as the worker's (the records are unpickled
    in the writer's process, and counted there)."""
    global _STARTUP_CPU
    cpu = time.process_time()
    out = pickle.dumps(read_prepared(_READER, chunk), protocol=pickle.HIGHEST_PROTOCOL)
    startup, _STARTUP_CPU = _STARTUP_CPU, 0.0
    return out, time.process_time() - cpu, startup
