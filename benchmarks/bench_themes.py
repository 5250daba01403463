"""What topics, tone and sentiment add to a full read: the same stories read with every
extractor and without the three theme extractors, timed in one run (best of ``--repeat``).

    .venv/bin/python benchmarks/bench_themes.py [--stories N] [--sgm FILE]
"""

from __future__ import annotations

import argparse
import time

from bench_read import SGM, load_stories, timed

from dateline.io.sources import Story
from dateline.reader import DEFAULT_EXTRACTORS, Reader

THEMES = ("topics", "tone", "sentiments")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=200)
    ap.add_argument("--sgm", default=SGM)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    stories = [Story(text=t) for t in load_stories(args.stories, __import__("pathlib").Path(args.sgm))]
    full = Reader()
    bare = Reader(extractors=[n for n in DEFAULT_EXTRACTORS if n not in THEMES])
    bare.nlp = full.nlp  # one pipeline: only the extractors differ
    for r in (full, bare):
        list(r.read_many(stories[:5]))
    with_s, without_s = [], []
    for _ in range(args.repeat):  # interleaved, so load on a shared machine hits both sides alike
        without_s.append(timed(lambda: list(bare.read_many(stories))))
        with_s.append(timed(lambda: list(full.read_many(stories))))
    a, b = min(without_s), min(with_s)
    print(f"stories: {len(stories)}")
    print(f"read without themes: {len(stories) / a:7.1f} stories/s")
    print(f"read with topics, tone, sentiments: {len(stories) / b:7.1f} stories/s")
    print(f"added by themes: {100 * (b - a) / a:+.1f}%")
    spent = _time_extractors(full, stories)
    total = timed(lambda: list(full.read_many(stories)))
    print(
        "time in each extractor, share of the whole read: "
        + ", ".join(f"{n} {100 * t / total:.1f}%" for n, t in spent.items())
    )
    print(f"themes together: {100 * sum(spent[n] for n in THEMES) / total:.1f}% of a full read")


def _time_extractors(reader: Reader, stories) -> dict[str, float]:
    """Wrap each extractor with a clock and read the stories once."""
    spent = {name: 0.0 for _, name, _ in reader.extractors}

    def clocked(name, fn):
        def run(ctx):
            started = time.perf_counter()
            try:
                return fn(ctx)
            finally:
                spent[name] += time.perf_counter() - started

        return run

    reader.extractors = [(field, name, clocked(name, fn)) for field, name, fn in reader.extractors]
    list(reader.read_many(stories))
    for name in spent:
        spent[name] = 0.0
    list(reader.read_many(stories))
    return spent


if __name__ == "__main__":
    main()
