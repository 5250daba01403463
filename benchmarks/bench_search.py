"""Search benchmark: latency p50/p95 of a result page (total, snippets), of its facets, and of
the entity page.

    .venv/bin/python benchmarks/bench_search.py --db ARCHIVE [--queries 200] [--entities 100] [--all-versions]
    .venv/bin/python benchmarks/bench_search.py --db BIG --build-from SMALL --stories 20000   # build, then run

Runs ``Store.results`` in-process on an existing archive (``dateline ingest`` builds one) for a
seeded list of one- and two-word queries drawn from the archive's own headlines, each on a
random page of 20, first without and then with facets; then requests the entity page
(``/entities/ID``, through the app, rendered) of a seeded sample of the archive's entities,
most reported first. ``--all-versions`` searches every stored story, superseded versions too
(an archive built by copying stories is mostly versions). ``--build-from`` first fills ``--db``
with ``--stories`` copies of the stories of a small ingested archive, each text given a line of
its own so each copy is a new story.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import statistics
import time

from dateline.record import article_from_dict, content_id
from dateline.store import Store


def queries(store: Store, n: int, seed: int = 7) -> list[str]:
    words = sorted(
        {
            w.lower()
            for r in store.db.query("SELECT headline FROM stories WHERE headline IS NOT NULL ORDER BY n LIMIT 5000")
            for w in re.findall(r"[A-Za-z]{4,}", r["headline"])
        }
    )
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(n)]


def build(target: str, source: str, stories: int, batch: int = 200) -> None:
    """``stories`` copies of ``source``'s stories in ``target``, each with its own text and id."""
    with Store.open(source) as src:
        records = [
            article_from_dict(json.loads(r["record"])) for r in src.db.query("SELECT record FROM stories ORDER BY n")
        ]
    with Store.open(target) as big:
        for start in range(big.stats()["stories"], stories, batch):
            copies = []
            for i in range(start, min(start + batch, stories)):
                text = records[i % len(records)].text + f"\n\nRef {i}."
                copies.append(dataclasses.replace(records[i % len(records)], text=text, id=content_id(text)))
            big.add(copies)


def entity_pages(db: str, n: int) -> list[float]:
    """Milliseconds to answer ``/entities/ID`` for a seeded sample of entities (most reported first)."""
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    with Store.open(db) as store:
        ids = [e.id for e in store.entities(limit=n * 3)]
        rng = random.Random(5)
        sample = ids[: n // 2] + rng.sample(ids[n // 2 :], min(len(ids) - n // 2, n - n // 2))
        with TestClient(create_app(store)) as client:
            client.get(f"/entities/{sample[0]}")  # warm: templates compiled, connection open
            times = []
            for e in sample:
                times.append(timed(lambda e=e: client.get(f"/entities/{e}").raise_for_status()))
    return times


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--entities", type=int, default=100)
    ap.add_argument("--all-versions", action="store_true")
    ap.add_argument("--build-from", help="an ingested archive whose stories fill --db first")
    ap.add_argument("--stories", type=int, default=20_000)
    args = ap.parse_args()
    if args.build_from:
        started = time.perf_counter()
        build(args.db, args.build_from, args.stories)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s")
    with Store.open(args.db) as store:
        qs = queries(store, args.queries)
        rng = random.Random(11)
        pages, facets, totals = [], [], []
        for q in qs:
            total = store.results(q, limit=1, all_versions=args.all_versions).total
            offset = rng.randrange(0, max(1, total), 20) if total > 20 else 0
            pages.append(
                timed(
                    lambda q=q, offset=offset: store.results(q, limit=20, offset=offset, all_versions=args.all_versions)
                )
            )
            facets.append(
                timed(
                    lambda q=q, offset=offset: store.results(
                        q, limit=20, offset=offset, facets=True, all_versions=args.all_versions
                    )
                )
            )
            totals.append(total)
        stories = store.stats()["stories"]

    def p(values: list[float], pct: int) -> float:
        return statistics.quantiles(values, n=100)[pct - 1]

    if qs:
        print(f"archive {stories} stories; {len(qs)} queries, median total {statistics.median(totals):.0f} hits")
        print(f"page of 20 with total and snippets: p50 {p(pages, 50):.1f} ms, p95 {p(pages, 95):.1f} ms")
        print(f"the same with facets:              p50 {p(facets, 50):.1f} ms, p95 {p(facets, 95):.1f} ms")
    if args.entities:
        pages_ms = entity_pages(args.db, args.entities)
        print(
            f"entity page (/entities/ID, rendered), {len(pages_ms)} entities: p50 {p(pages_ms, 50):.1f} ms, "
            f"p95 {p(pages_ms, 95):.1f} ms"
        )


if __name__ == "__main__":
    main()
