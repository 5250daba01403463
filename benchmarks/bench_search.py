"""Search benchmark: latency p50/p95 of a result page (total, snippets) and of its facets.

    .venv/bin/python benchmarks/bench_search.py --db ARCHIVE [--queries 200] [--all-versions]

Runs ``Store.results`` in-process on an existing archive (``dateline ingest`` builds one) for a
seeded list of one- and two-word queries drawn from the archive's own headlines, each on a
random page of 20, first without and then with facets. ``--all-versions`` searches every stored
story, superseded versions too (an archive built by copying stories is mostly versions).
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import time

from dateline.store import Store


def queries(store: Store, n: int, seed: int = 7) -> list[str]:
    words = sorted({w.lower() for r in store.db.query("SELECT headline FROM stories WHERE headline IS NOT NULL "
                                                      "ORDER BY n LIMIT 5000")
                    for w in re.findall(r"[A-Za-z]{4,}", r["headline"])})
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(n)]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--all-versions", action="store_true")
    args = ap.parse_args()
    with Store.open(args.db) as store:
        qs = queries(store, args.queries)
        rng = random.Random(11)
        pages, facets, totals = [], [], []
        for q in qs:
            total = store.results(q, limit=1, all_versions=args.all_versions).total
            offset = rng.randrange(0, max(1, total), 20) if total > 20 else 0
            pages.append(timed(lambda q=q, offset=offset: store.results(q, limit=20, offset=offset, all_versions=args.all_versions)))
            facets.append(timed(lambda q=q, offset=offset: store.results(q, limit=20, offset=offset, facets=True,
                                                      all_versions=args.all_versions)))
            totals.append(total)
        stories = store.stats()["stories"]

    def p(values: list[float], pct: int) -> float:
        return statistics.quantiles(values, n=100)[pct - 1]

    print(f"archive {stories} stories; {len(qs)} queries, median total {statistics.median(totals):.0f} hits")
    print(f"page of 20 with total and snippets: p50 {p(pages, 50):.1f} ms, p95 {p(pages, 95):.1f} ms")
    print(f"the same with facets:              p50 {p(facets, 50):.1f} ms, p95 {p(facets, 95):.1f} ms")


if __name__ == "__main__":
    main()
