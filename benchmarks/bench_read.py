"""Speed of a full dateline read against spaCy's default pipeline alone, on the same stories.

    .venv/bin/python benchmarks/bench_read.py [--stories N] [--sgm FILE] [--cpu]

Stories come from Reuters-21578 (../shared/data/reuters21578, when present) or else from
the project's own fixture stories. Both sides are warmed up, then timed in one run, in
alternating rounds (the best round of each side counts); the ratio is dateline's time over
spaCy's (below 1.0 means dateline is cheaper). ``--cpu`` times CPU seconds instead of wall
seconds: on a machine shared with other jobs, wall time measures the neighbours as much as
the read.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from dateline.io.sources import Story
from dateline.nlp import model_name
from dateline.reader import Reader

ROOT = Path(__file__).resolve().parents[1]
SGM = ROOT.parent / "shared" / "data" / "reuters21578" / "reut2-000.sgm"


def load_stories(n: int, sgm: Path) -> list[str]:
    if sgm.is_file():
        from dateline.eval.reuters21578 import iter_wire_stories

        texts = [s.text for s in iter_wire_stories(sgm) if len(s.text) > 1200]
    else:
        texts = [
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted((ROOT / "tests" / "fixtures" / "stories").glob("*.txt"))
        ]
    return (texts * (n // max(len(texts), 1) + 1))[:n]


def timed(fn, clock=time.perf_counter) -> float:
    start = clock()
    fn()
    return clock() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=200)
    ap.add_argument("--sgm", type=Path, default=SGM)
    ap.add_argument("--repeat", type=int, default=2, help="timed rounds per side; the best is kept")
    ap.add_argument("--cpu", action="store_true", help="time CPU seconds of this process, not wall seconds")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    texts = load_stories(args.stories, args.sgm)
    stories = [Story(text=t) for t in texts]
    chars = sum(len(t) for t in texts)

    bare = spacy.load(model_name())  # every component of the default pipeline
    reader = Reader()
    list(bare.pipe(texts[:5]))
    list(reader.read_many(stories[:5]))
    spacy_runs, dateline_runs = [], []
    for _ in range(args.repeat):  # rounds alternate, so a change in the machine's load hits both sides
        spacy_runs.append(timed(lambda: list(bare.pipe(texts, batch_size=16)), clock))
        dateline_runs.append(timed(lambda: list(reader.read_many(stories)), clock))
    spacy_s, dateline_s = min(spacy_runs), min(dateline_runs)

    print(f"stories: {len(texts)} ({chars / len(texts):.0f} characters each on average)")
    print(
        f"spaCy {model_name()} default pipeline ({', '.join(bare.pipe_names)}): {len(texts) / spacy_s:8.1f} stories/s"
    )
    print(
        f"dateline read (structure + spaCy {', '.join(reader.nlp.pipe_names)} + extractors "
        f"{', '.join(n for _, n, _ in reader.extractors)}): {len(texts) / dateline_s:8.1f} stories/s"
    )
    rounds = ", ".join(f"{d / s:.2f}" for s, d in zip(spacy_runs, dateline_runs))
    print(
        f"ratio dateline/spaCy {'CPU' if args.cpu else 'wall'} time: {dateline_s / spacy_s:.2f} (each round: {rounds})"
    )


if __name__ == "__main__":
    main()
