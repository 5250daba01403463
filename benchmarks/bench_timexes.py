"""Time per story of the time normaliser beside the spaCy parse of the same stories.

    .venv/bin/python benchmarks/bench_timexes.py [DIR_OR_FILES...] [--repeat N]

With no argument it reads the raw text of the TempEval-3 TBAQ TimeML files in
../shared/data/tempeval3/TBAQ-cleaned (each anchored on its DCT); other arguments are
.tml files, folders of them, or plain-text stories (anchored on nothing).
"""

from __future__ import annotations

import argparse
import timeit
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"


def load_stories(paths: list[str]) -> list[tuple[str, date | None]]:
    from dateline.eval.timeml import read_tml

    stories: list[tuple[str, date | None]] = []
    for raw in paths or [str(DEFAULT)]:
        path = Path(raw)
        files = sorted(path.rglob("*.tml")) + sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".tml":
                doc = read_tml(f)
                stories.append((doc.text, doc.dct))
            elif f.name != "SOURCE.txt" and f.name != "README.txt":
                stories.append((f.read_text(encoding="utf-8", errors="replace"), None))
    return stories


def best_of(repeat: int, run) -> float:
    """The fastest of ``repeat`` runs in seconds (the machine is shared: the minimum is fairest)."""
    return min(timeit.repeat(run, number=1, repeat=repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from dateline.extract.timexes import tense_hints
    from dateline.nlp import load_pipeline
    from dateline.time import find_timexes

    stories = load_stories(args.paths)
    if not stories:
        raise SystemExit("no stories found")
    nlp = load_pipeline()
    texts = [text for text, _ in stories]
    n = len(stories)
    chars = sum(map(len, texts))

    normaliser = best_of(args.repeat, lambda: [find_timexes(t, a) for t, a in stories])
    docs: list = []
    spacy_time = best_of(1, lambda: docs.extend(nlp.pipe(texts, batch_size=16)))
    extractor = best_of(
        args.repeat, lambda: [find_timexes(d.text, a, tense_hints(d)) for d, (_, a) in zip(docs, stories)]
    )
    found = sum(len(find_timexes(t, a)) for t, a in stories)

    print(f"{n} stories, {chars / n:.0f} characters a story on average, {found} timexes found")
    print(f"{'step':<34}{'ms a story':>12}")
    print(f"{'time normaliser (text only)':<34}{normaliser * 1000 / n:12.2f}")
    print(f"{'timexes extractor (with hints)':<34}{extractor * 1000 / n:12.2f}")
    print(f"{'spaCy parse (' + nlp.meta.get('name', '?') + ')':<34}{spacy_time * 1000 / n:12.2f}")
    print(
        f"normaliser / spaCy = {normaliser / spacy_time:.3f} "
        f"(the normaliser costs {normaliser / spacy_time * 100:.1f}% of the parse)"
    )


if __name__ == "__main__":
    main()
