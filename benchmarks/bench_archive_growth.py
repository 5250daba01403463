"""Archive growth: the store's cost per new story at N stories in the archive against at 1,000.

    .venv/bin/python benchmarks/bench_archive_growth.py ../shared/data/reuters21578 \
        [--db PATH|postgresql://...] [--stories 600] [--sizes 1000,3000,10000,30000,100000] \
        [--probe 200] [--batch 1000] [--ingest-batch 32] [--cache read.pkl] [--latency 100] [--profile 25]

Reads ``--stories`` Reuters-21578 development stories once (``--cache`` keeps the read records),
then fills an archive with changed copies of them: copy k gets a new id (its text marked) and
its days moved k * 30 days on, so copies are never versions of each other (a copy of the same
story comes a month later: it follows the story's thread, as a running story does). The
archive is filled through the store's own write path (``Store.write``: entities resolved to
archive identities, versions by slug and MinHash LSH, threads by indexed terms, full-text
index), ``--batch`` stories a transaction. At each size it then writes ``--probe`` stories one
transaction each and times them: one more copy of each of the first ``--probe`` read stories,
marked apart and moved 15 days past the round of copies being written (a follow-up of a story
in the archive: same names, same thread, not a version), so every size times the same stories.
It prints the CPU time a story and its ratio to the first size (on a busy machine wall time is
mostly other people's load): with SQLite this process's CPU time, the store's whole cost; with a
PostgreSQL server on this machine, this process's plus its server process's (from /proc). And
the wall rate. Then it writes one follow-up of each of the next ``--probe`` read stories in
transactions of ``--ingest-batch`` stories (default: what ``dateline ingest`` commits at once),
the cost per story as the ingest pays it, and prints its CPU time a story and ratio too.
``--latency N`` also times, at each size, ``N`` search result pages
(``Store.results``: total and snippets, the queries of ``bench_search.py``) and the entity
page's data (``views.entity_view``) of ``N`` entities (half the most reported, half drawn at
random), and prints their p50 and p95. ``--profile N`` runs the probe under cProfile and prints
its ``N`` costliest functions (the CPU figures then include the profiler's overhead).
A copy's features are the read story's with the day moved (its body, names and headline are
the same), checked against ``prepare`` for the first copies.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import os
import pickle
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.ingest.local import BATCH
from dateline.record import Article, content_id
from dateline.store import Store
from dateline.store.features import Prepared, prepare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import queries  # noqa: E402

SHIFT_DAYS = 30
PROBE_OFFSET = 15  # days past the current round of copies: a follow-up, not a version


def read_dev(directory: Path, n: int, cache: Path | None) -> list[Article]:
    from dateline.eval.reuters21578 import iter_wire_stories
    from dateline.ingest.local import Failure, read_stories
    from dateline.io.sources import Story

    if cache and cache.is_file():
        read = pickle.loads(cache.read_bytes())
    else:
        stories = []
        for path in sorted(directory.glob("reut2-00*.sgm")):
            for w in iter_wire_stories(path):
                stories.append(Story(text=w.text, source=f"reuters-{w.id}", published=w.published))
            if len(stories) >= n:
                break
        read = list(read_stories(stories[:n], 1))
        if cache:
            cache.write_bytes(pickle.dumps(read))
    return [p.article for p in read if not isinstance(p, Failure)][:n]


def _moved(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


class Original:
    """A read story prepared once; its copies differ in id, text mark and days."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.prepared = prepare(article)
        self.record = json.loads(self.prepared.record_json)

    def copy(self, k: int, days: int, mark: str = "copy") -> Prepared:
        art = self.article
        text = art.text + f"\n({mark} {k})"
        shifted = dataclasses.replace(
            art,
            id=content_id(text),
            text=text,
            published=_moved(art.published, days),
            dateline=dataclasses.replace(art.dateline, date=_moved(art.dateline.date, days)),
        )
        record = dict(self.record, id=shifted.id, text=text, published=shifted.published)
        record["dateline"] = dict(record["dateline"], date=shifted.dateline.date)
        feats = dataclasses.replace(self.prepared.features, day=_moved(self.prepared.features.day, days))
        return Prepared(shifted, json.dumps(record, ensure_ascii=False), feats)


class Copies:
    """An endless stream of changed copies of the read stories."""

    def __init__(self, articles: list[Article]) -> None:
        self.originals = [Original(a) for a in articles]
        self.i = 0
        for o in self.originals[:5]:  # the shortcut gives what the writer's own preparation gives
            fast, slow = o.copy(3, 3 * SHIFT_DAYS), _prepared_copy(o.article, 3, 3 * SHIFT_DAYS)
            assert (fast.features, json.loads(fast.record_json)) == (slow.features, json.loads(slow.record_json))

    @property
    def round(self) -> int:
        return self.i // len(self.originals)

    def take(self, n: int) -> list[Prepared]:
        out = []
        for _ in range(n):
            k, j = divmod(self.i, len(self.originals))
            out.append(self.originals[j].copy(k, k * SHIFT_DAYS))
            self.i += 1
        return out

    def probe(self, n: int, have: int, start: int = 0) -> list[Prepared]:
        """One follow-up of each of ``n`` read stories from the ``start``-th, marked with the
        archive's size."""
        days = self.round * SHIFT_DAYS + PROBE_OFFSET
        return [o.copy(have, days, mark="probe") for o in self.originals[start : start + n]]


def _prepared_copy(article: Article, k: int, days: int) -> Prepared:
    text = article.text + f"\n(copy {k})"
    return prepare(
        dataclasses.replace(
            article,
            id=content_id(text),
            text=text,
            published=_moved(article.published, days),
            dateline=dataclasses.replace(article.dateline, date=_moved(article.dateline.date, days)),
        )
    )


def cpu_seconds(store: Store) -> float:
    """This process's CPU time, plus, on a local PostgreSQL, its server process's (read from
    /proc): with PostgreSQL most of the store's work is the server's."""
    total = time.process_time()
    if store.db.dialect == "postgresql":
        pid = store.db.scalar("SELECT pg_backend_pid() AS p")
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a server on another machine: the client's time alone
            return total
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94]


def latency(store: Store, n: int) -> tuple[list[float], list[float]]:
    """Milliseconds of ``n`` search result pages and ``n`` entity pages' data, one thread: with
    SQLite this process's CPU time (on an idle machine its wall time; on a busy one, wall time is
    mostly waiting); with PostgreSQL wall time (the server's CPU clock ticks in 10 ms)."""
    from dateline.views.entity import entity_view

    clock = time.perf_counter if store.db.dialect == "postgresql" else time.process_time

    rng = random.Random(11)
    search = []
    for q in queries(store, n):
        total = store.results(q, limit=1).total
        offset = rng.randrange(0, max(1, total), 20) if total > 20 else 0
        t = clock()
        store.results(q, limit=20, offset=offset)
        search.append((clock() - t) * 1000)
    ids = [e.id for e in store.entities(limit=n * 3)]
    rng = random.Random(5)
    sample = ids[: n // 2] + rng.sample(ids[n // 2 :], min(len(ids) - n // 2, n - n // 2))
    entity = []
    for e in sample:
        t = clock()
        entity_view(store, e)
        entity.append((clock() - t) * 1000)
    return search, entity


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reuters", type=Path)
    ap.add_argument("--db", default=None, help="a SQLite path or postgresql:// URL (default: a temporary SQLite file)")
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--sizes", default="1000,3000,10000,30000,100000")
    ap.add_argument("--probe", type=int, default=200, help="stories timed at each size")
    ap.add_argument("--batch", type=int, default=1000, help="stories per fill transaction")
    ap.add_argument(
        "--ingest-batch", type=int, default=BATCH, help="stories per transaction of the second probe (0: none)"
    )
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--latency", type=int, default=0, help="search pages and entity pages timed at each size")
    ap.add_argument("--profile", type=int, default=0, help="print the probe's N costliest functions")
    args = ap.parse_args()
    articles = read_dev(args.reuters, args.stories, args.cache)
    copies = Copies(articles)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(args.db or str(Path(tmp) / "growth.db")) as store:
            print(f"{len(articles)} read stories; archive {store.db.dialect}", flush=True)
            rates: list[tuple[float, float]] = []
            in_batches: list[float] = []
            have = int(store.db.scalar("SELECT COUNT(*) AS c FROM stories") or 0)
            copies.i = have  # an archive filled before: the stream goes on (stories it holds are skipped)
            for size in sizes:
                wall, cpu = time.perf_counter(), cpu_seconds(store)
                start = have
                while have < size:
                    have += store.write(copies.take(min(args.batch, size - have)))
                if have > start:
                    print(
                        f"  filled {have - start} stories at {(have - start) / (time.perf_counter() - wall):.0f}/s, "
                        f"{(cpu_seconds(store) - cpu) / (have - start) * 1000:.1f} ms CPU a story",
                        flush=True,
                    )
                probe = copies.probe(args.probe, have)
                profiler = cProfile.Profile() if args.profile else None
                times, cpu = [], cpu_seconds(store)
                for item in probe:  # one transaction per story: the per-story cost, commit included
                    t = time.perf_counter()
                    if profiler:
                        profiler.enable()
                    have += store.write([item])
                    if profiler:
                        profiler.disable()
                    times.append(time.perf_counter() - t)
                cpu = (cpu_seconds(store) - cpu) / len(probe)
                rate = len(times) / sum(times)
                rates.append((rate, cpu))
                print(
                    f"at {size:>7,} stories: CPU {cpu * 1000:.2f} ms a story, ratio to the first size "
                    f"{rates[0][1] / cpu:.2f}; wall {rate:6.1f} stories/s, median {statistics.median(times) * 1000:.1f} ms, "
                    f"ratio {rate / rates[0][0]:.2f}",
                    flush=True,
                )
                if args.ingest_batch and len(copies.originals) >= 2 * args.probe:
                    batched, cpu = copies.probe(args.probe, have, start=args.probe), cpu_seconds(store)
                    for i in range(0, len(batched), args.ingest_batch):
                        have += store.write(batched[i : i + args.ingest_batch])
                    cpu = (cpu_seconds(store) - cpu) / len(batched)
                    in_batches.append(cpu)
                    print(
                        f"  in transactions of {args.ingest_batch}: CPU {cpu * 1000:.2f} ms a story, "
                        f"ratio to the first size {in_batches[0] / cpu:.2f}",
                        flush=True,
                    )
                if profiler:
                    out = io.StringIO()
                    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.profile)
                    print(out.getvalue(), flush=True)
                if args.latency:
                    search, entity = latency(store, args.latency)
                    print(
                        f"  {'wall' if store.db.dialect == 'postgresql' else 'CPU'}: search page (total, snippets) p50 {statistics.median(search):.1f} ms, p95 {p95(search):.1f} ms; "
                        f"entity page data p50 {statistics.median(entity):.1f} ms, p95 {p95(entity):.1f} ms",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
