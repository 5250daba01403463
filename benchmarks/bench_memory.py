"""A reader worker's memory over many stories: it must stay flat after warm-up.

    .venv/bin/python benchmarks/bench_memory.py [--stories 20000] [--workers 1] [--every 500]

Stories: Reuters-21578 (../shared/data/reuters21578, every story of the .sgm files there), read
again and again as changed copies (a numbered line added, so every text and id is new) up to
``--stories``; without the data, the fixture stories the same way. They go through the local
ingest's reading path (``dateline.ingest.local.read_stories``: the worker pool with ``--workers``
2 or more, this process with 1), without an archive, so only the readers' memory is measured.
Every ``--every`` stories it prints each reader's resident memory (VmRSS) and peak (VmHWM) from
/proc (Linux), with one reader the entries in dateline's caches, flushed, so a run stopped early still says what it saw; at the end, the peak per
reader and the growth from the first sample after warm-up to the last.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

from dateline.io.sources import Story, iter_stories

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"
WARM_UP = 1000  # stories before the memory is taken as settled (caches, spaCy's string store)


def originals() -> list[str]:
    if REUTERS.is_dir():
        from dateline.eval.reuters21578 import iter_wire_stories

        return [s.text for sgm in sorted(REUTERS.glob("reut2-*.sgm")) for s in iter_wire_stories(sgm)]
    return [s.text for s in iter_stories([str(ROOT / "tests" / "fixtures" / "stories")]) if isinstance(s, Story)]


def copies(texts: list[str], n: int) -> Iterator[Story]:
    """``n`` stories: the texts, then changed copies of them (a new last line each round)."""
    for i in range(n):
        rnd, k = divmod(i, len(texts))
        yield Story(text=texts[k] if rnd == 0 else f"{texts[k]}\n\n(Copy {rnd} of story {k}.)\n", source=f"bench/{i}")


def memory(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of ``pid``, MiB."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def cached_entries() -> dict[str, int]:
    """Entries held by dateline's ``lru_cache`` functions in this process (bounded caches that
    grow until full look like a leak on a memory curve), and spaCy vocabulary strings."""
    import sys

    out = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("dateline."):
            continue
        for attr, value in vars(module).items():
            if callable(getattr(value, "cache_info", None)) and value.cache_info().currsize > 100:
                out[f"{name.removeprefix('dateline.')}.{attr}"] = value.cache_info().currsize
    return out


def readers(workers: int) -> list[int]:
    return [p.pid for p in multiprocessing.active_children()] if workers > 1 else [os.getpid()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--every", type=int, default=500)
    args = ap.parse_args()
    from dateline.ingest.local import Failure, read_stories

    texts = originals()
    started = time.perf_counter()
    samples: list[dict] = []
    failed: list[str] = []
    print(
        f"{len(texts)} distinct stories, read up to {args.stories} times with changed copies; "
        f"{args.workers} reader{'s' if args.workers > 1 else ''}",
        flush=True,
    )
    results = read_stories(copies(texts, args.stories), args.workers)
    for done, item in enumerate(results, start=1):
        if isinstance(item, Failure):
            failed.append(item.reason)
        if done % args.every == 0 or done == args.stories:
            mem = {pid: memory(pid) for pid in readers(args.workers)}
            samples.append(
                {
                    "stories": done,
                    "seconds": round(time.perf_counter() - started, 1),
                    "rss_mb": [round(m[0], 1) for m in mem.values()],
                    "peak_mb": [round(m[1], 1) for m in mem.values()],
                    "failed": len(failed),
                    "load": round(os.getloadavg()[0], 1),
                    "cached": cached_entries() if args.workers == 1 else {},
                }
            )
            print(json.dumps(samples[-1]), flush=True)
    settled = [s for s in samples if s["stories"] >= WARM_UP] or samples
    first, last = settled[0], settled[-1]
    print(
        json.dumps(
            {
                "stories": samples[-1]["stories"] if samples else 0,
                "failed": len(failed),
                "first_failures": failed[:3],
                "peak_mb_per_reader": max(max(s["peak_mb"]) for s in samples),
                "rss_after_warm_up_mb": max(first["rss_mb"]),
                "rss_at_end_mb": max(last["rss_mb"]),
                "growth_mb_per_1000_after_warm_up": round(
                    (max(last["rss_mb"]) - max(first["rss_mb"])) * 1000 / max(1, last["stories"] - first["stories"]), 2
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
