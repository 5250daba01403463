"""CPU time and peak memory of reading one long story: PolNeAR dev texts joined to N characters.

    python benchmarks/bench_story_size.py 50000     # needs ../shared/data/polnear

CPU time, not wall time: on a shared machine wall time measures the neighbours. Over the
story length limit the story is refused at once, and the message names the limit.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

TEXTS = Path(__file__).resolve().parents[2] / "shared/data/polnear/data/dev/text"


def main(n: int) -> None:
    from dateline.reader import Reader

    text = ""
    while len(text) < n:
        for path in sorted(TEXTS.glob("*.txt")):
            text += path.read_text(encoding="utf-8", errors="replace") + "\n\n"
    text = text[:n]
    reader = Reader()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu = time.perf_counter(), time.process_time()
    try:
        article = reader.read(text)
        print(
            f"{len(text):,} chars read in {time.process_time() - cpu:.1f} s CPU "
            f"({time.perf_counter() - started:.1f} s wall): {len(article.entities)} entities"
        )
    except ValueError as exc:
        print(f"{len(text):,} chars refused in {time.perf_counter() - started:.3f} s: {exc}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (after loading the pipeline: {loaded:.0f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
