"""Archive growth: the store's cost per new story at N stories in the archive against at 1,000.

    .venv/bin/python benchmarks/bench_archive_growth.py ../shared/data/reuters21578 \
        [--db postgresql://...] [--stories 300] [--sizes 1000,10000,100000] [--cache read.pkl]

Reads ``--stories`` Reuters-21578 development stories once (``--cache`` keeps the read records),
then fills an archive with changed copies of them: copy k gets a new id (its text marked) and
its days moved k * 30 days on, so copies are neither versions of each other nor one thread.
At each size it times the real store path, ``Store.write`` (entities resolved to archive
identities, versions by slug and MinHash LSH, threads by indexed terms, full-text index), on
``--probe`` fresh copies in one transaction each, and prints stories/s and the ratio to the
rate at the first size, and the same for this process's CPU time (on a busy machine wall
time is mostly other people's load; with SQLite the CPU time is the store's whole cost). The archive is filled through the same path, so a large size takes
a while: the fill rate is printed as it goes.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.record import Article, content_id
from dateline.store import Store
from dateline.store.features import Prepared, prepare

SHIFT_DAYS = 30


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


def copy_of(article: Article, k: int) -> Prepared:
    """Copy ``k`` of a read story: a marked text (a new id), its days moved on."""
    text = article.text + f"\n(copy {k})"
    shifted = dataclasses.replace(
        article,
        id=content_id(text),
        text=text,
        published=_moved(article.published, k * SHIFT_DAYS),
        dateline=dataclasses.replace(article.dateline, date=_moved(article.dateline.date, k * SHIFT_DAYS)),
    )
    return prepare(shifted)


class Copies:
    """An endless stream of changed copies of the read stories."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.i = 0

    def take(self, n: int) -> list[Prepared]:
        out = []
        for _ in range(n):
            k, j = divmod(self.i, len(self.articles))
            out.append(copy_of(self.articles[j], k))
            self.i += 1
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reuters", type=Path)
    ap.add_argument("--db", default=None, help="postgresql:// URL (default: a temporary SQLite file)")
    ap.add_argument("--stories", type=int, default=300)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--probe", type=int, default=200, help="stories timed at each size")
    ap.add_argument("--batch", type=int, default=64, help="stories per fill transaction")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--postings", type=int, default=None, help="try another threads.POSTINGS")
    args = ap.parse_args()
    if args.postings:
        from dateline.store import threads

        threads.POSTINGS = args.postings
    articles = read_dev(args.reuters, args.stories, args.cache)
    copies = Copies(articles)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(args.db or str(Path(tmp) / "growth.db")) as store:
            print(f"{len(articles)} read stories; archive {store.db.dialect}")
            rates = []
            have = int(store.db.scalar("SELECT COUNT(*) AS c FROM stories") or 0)
            for size in sizes:
                filled = time.perf_counter()
                start = have
                while have < size:
                    have += store.write(copies.take(min(args.batch, size - have)))
                if have > start:
                    print(f"  filled {have - start} stories at {(have - start) / (time.perf_counter() - filled):.0f}/s")
                probe = copies.take(args.probe)
                times, cpu = [], time.process_time()
                for item in probe:  # one transaction per story: the per-story cost, commit included
                    t = time.perf_counter()
                    store.write([item])
                    times.append(time.perf_counter() - t)
                cpu = (time.process_time() - cpu) / len(probe)
                have += len(probe)
                rate = len(times) / sum(times)
                rates.append((rate, cpu))
                print(
                    f"at {size:>7,} stories: {rate:6.1f} stories/s, median {statistics.median(times) * 1000:.1f} ms, "
                    f"ratio to the first size {rate / rates[0][0]:.2f}; this process's CPU {cpu * 1000:.1f} ms "
                    f"a story, ratio {rates[0][1] / cpu:.2f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
