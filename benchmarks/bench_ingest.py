"""Archive benchmark: ingest speed (1 and 2 workers) against a bare read, size per story, search latency.

    .venv/bin/python benchmarks/bench_ingest.py [--stories N] [--pg URL] [--clients 8] [--queries 400] [--no-search] [--no-bare]

Stories: the project's example and fixture stories, then Reuters-21578 (../shared/data/
reuters21578, when present) up to N, written as one JSON Lines file (with each story's
publication time). Steps, each timed on its own:
1. bare read: ``Reader.read_many`` over all stories in this process (model already loaded),
   timed again right before each ingest since the machine may be shared;
2. ``dateline ingest``'s code path (``dateline.ingest.ingest``) into a fresh SQLite archive with 1
   worker and with 2 worker processes; wall time from start to the last commit, model loading
   included; with where the time went (``IngestReport.timing``: readers' start-up, CPU per story
   reading in the workers, writing, and the rest of the writer's process), the load average, and
   the 2-worker ratio those CPU figures give on an otherwise idle 2-core machine;
3. archive size per story (SQLite file after a WAL checkpoint);
4. search latency p50/p95 with ``--clients`` threads querying the 2-worker archive at once
   (full-text words from headlines, entity, place and date filters);
5. with ``--pg``, the 2-worker ingest again into PostgreSQL (a fresh schema, dropped after).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from dateline.ingest import ingest
from dateline.io.sources import Story, iter_stories
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"


def build_corpus(n: int, out: Path) -> int:
    """Write up to ``n`` stories as JSON Lines; returns how many."""
    own = [str(ROOT / "src" / "dateline" / "examples"), str(ROOT / "tests" / "fixtures" / "stories")]
    rows = [{"text": s.text, "published": s.published} for s in iter_stories(own) if isinstance(s, Story)]
    if REUTERS.is_dir():
        from dateline.eval.reuters21578 import iter_wire_stories

        for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
            rows += [{"text": s.text, "published": s.published} for s in iter_wire_stories(sgm)]
            if len(rows) >= n:
                break
    rows = rows[:n]
    out.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return len(rows)


def bare_read(corpus: Path) -> float:
    from dateline.reader import Reader

    stories = [s for s in iter_stories([str(corpus)]) if isinstance(s, Story)]
    reader = Reader()
    list(reader.read_many(stories[:3]))
    start = time.perf_counter()
    for i in range(0, len(stories), 64):
        list(reader.read_many(stories[i : i + 64]))
    return len(stories) / (time.perf_counter() - start)


def timed_ingest(url: str, corpus: Path, workers: int) -> tuple[float, int, dict[str, float]]:
    with Store.open(url) as store:
        report = ingest(store, [str(corpus)], workers=workers)
        assert report.ok, report.failed[:3]
        return report.rate, report.added, report.timing.per_story(report.added)


def ceiling(n: int, one: dict[str, float], two: dict[str, float], cores: int = 2) -> float:
    """The 2-worker / 1-worker ratio an otherwise idle machine with ``cores`` cores would give, from
    the CPU each part took in these runs: one worker reads, prepares and writes in one process;
    two workers share the cores with the writer's process, unless that process alone is the
    slower (the writer as the bottleneck). Forked workers share the one start-up of the writer's
    process; spawned ones load in parallel."""
    ms = n / 1e3
    t1 = one["startup_cpu_s"] + ms * (one["read_ms"] + one["write_ms"] + one["parent_ms"])
    parent = two["write_ms"] + two["parent_ms"]
    startup = two["startup_cpu_s"] / (1 if two.get("forked") else cores)
    t2 = startup + ms * max((two["read_ms"] + parent) / cores, parent)
    return t1 / t2


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def search_latency(url: str, clients: int, queries: int) -> dict[str, float]:
    """p50/p95 (ms) of mixed searches issued by ``clients`` threads at once."""
    with Store.open(url) as store:
        heads = [h.headline for h in store.search(limit=500) if h.headline]
        words = [w for h in heads for w in h.split() if len(w) > 4 and w.isalpha()]
        names = [e.name for e in store.entities(limit=200)]
        places = [p.name for p in store.places(limit=100)]
        rng = random.Random(1)
        calls = []
        for i in range(queries):
            kind = i % 4
            if kind == 0 and words:
                calls.append({"text": rng.choice(words)})
            elif kind == 1 and names:
                calls.append({"entity": rng.choice(names)})
            elif kind == 2 and places:
                calls.append({"place": rng.choice(places)})
            else:
                calls.append({"text": rng.choice(words) if words else "the", "since": "1987-03-01"})
        latencies: list[float] = []
        lock = threading.Lock()

        def client(part: list[dict]) -> None:
            for kwargs in part:
                start = time.perf_counter()
                store.search(**kwargs, limit=20)
                with lock:
                    latencies.append((time.perf_counter() - start) * 1000)

        threads = [threading.Thread(target=client, args=(calls[c::clients],)) for c in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    cuts = statistics.quantiles(latencies, n=20)
    return {"p50_ms": statistics.median(latencies), "p95_ms": cuts[18], "queries": len(latencies)}


def pg_ingest(base: str, corpus: Path, workers: int) -> tuple[float, int, int]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        rate, added, _ = timed_ingest(url, corpus, workers)
        with Store.open(url) as store:
            size = store.stats()["bytes"]
        return rate, added, size
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _run(queue, fn, args) -> None:
    queue.put(fn(*args))


def fresh(fn, *args):
    """``fn(*args)`` in a new process (not a pool worker: it may start its own workers)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(queue, fn, args))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--pg", help="PostgreSQL URL: also time the 2-worker ingest there")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--no-search", action="store_true", help="skip the search latency step")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare reads (the ingest ratio needs none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = build_corpus(args.stories, corpus)
        print(f"stories: {n}")
        results = {"stories": n, "load_before": os.getloadavg()[0]}
        print(load())
        parts = {}
        for workers in (1, 2):
            # the machine is shared: time the bare read right before each ingest, so both see the same
            # load; each step in a fresh process, so none profits from caches another one warmed
            read_rate = 0.0 if args.no_bare else fresh(bare_read, corpus)
            url = str(Path(tmp) / f"w{workers}.db")
            rate, added, parts[workers] = fresh(timed_ingest, url, corpus, workers)
            results[f"bare_read_{workers}"], results[f"ingest_{workers}"] = read_rate, rate
            results[f"parts_{workers}"] = parts[workers]
            if read_rate:
                print(f"bare read (1 process, model loaded):        {read_rate:7.2f} stories/s")
            print(
                f"ingest, {workers} worker{'s' if workers > 1 else ' '} (SQLite, load included): {rate:7.2f} "
                f"stories/s" + (f"  ratio to that bare read {rate / read_rate:.2f}" if read_rate else "")
            )
            print(f"  where the time went: {parts[workers]} ({load()})")
        results["ratio_2_to_1"] = results["ingest_2"] / results["ingest_1"]
        results["ceiling_idle_2_cores"] = ceiling(n, parts[1], parts[2])
        print(
            f"2 workers / 1 worker: {results['ratio_2_to_1']:.2f} in this run; "
            f"{results['ceiling_idle_2_cores']:.2f} on an idle 2-core machine from the CPU each part took"
        )
        with Store.open(str(Path(tmp) / "w2.db")) as store:
            stats = store.stats()
        results["bytes_per_story"] = stats["bytes"] / max(stats["stories"], 1)
        print(
            f"archive: {stats['stories']} stories, {stats['bytes'] / 1e6:.1f} MB, "
            f"{results['bytes_per_story'] / 1024:.1f} KiB per story; {stats['entities']} entities, "
            f"{stats['threads']} threads, {stats['version_groups']} version groups"
        )
        if not args.no_search:
            lat = search_latency(str(Path(tmp) / "w2.db"), args.clients, args.queries)
            results["search"] = lat
            print(
                f"search latency, {args.clients} concurrent clients, {lat['queries']} queries: "
                f"p50 {lat['p50_ms']:.1f} ms, p95 {lat['p95_ms']:.1f} ms"
            )
        if args.pg:
            rate, added, size = pg_ingest(args.pg, corpus, 2)
            results["pg_ingest_2"] = rate
            print(
                f"ingest, 2 workers (PostgreSQL):           {rate:7.2f} stories/s, "
                f"{size / max(added, 1) / 1024:.1f} KiB per story"
            )
        print(json.dumps(results))


if __name__ == "__main__":
    main()
