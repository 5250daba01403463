"""Cost of the places extractor per story beside the spaCy parse of the same stories.

    .venv/bin/python benchmarks/bench_places.py [LGL_DIR] [--limit N] [--repeat N]

Reads the article texts of LGL (../shared/data/lgl by default), parses each once with
spaCy and the entities extractor, then times the places extractor alone on the parsed
stories (look-ups warm after the first pass, as in a long-running reader) and reports
the gazetteer's size on disk.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "data" / "lgl"


def best_of(repeat: int, run) -> float:
    """The fastest of ``repeat`` runs, in seconds: the machine is shared, the minimum is fairest."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from dateline.eval.geo import read_lgl
    from dateline.extract.base import StoryContext, build_extractor
    from dateline.geo.gazetteer import ensure
    from dateline.nlp import load_pipeline
    from dateline.structure import parse_structure

    texts = [d.text for d in read_lgl(args.path)[: args.limit]]
    started = time.perf_counter()
    gazetteer = ensure()
    places = build_extractor("places")
    load_s = time.perf_counter() - started
    nlp = load_pipeline()
    entities = build_extractor("entities")
    layouts = [parse_structure(t) for t in texts]
    started = time.perf_counter()
    docs = list(nlp.pipe(lay.text[: lay.body.end] for lay in layouts))
    spacy_s = time.perf_counter() - started
    contexts = []
    for layout, doc in zip(layouts, docs):
        parts = {"entities": entities(StoryContext(layout=layout, doc=doc))}
        contexts.append(StoryContext(layout=layout, doc=doc, parts=parts))
    cold = best_of(1, lambda: [places(c) for c in contexts])
    warm = best_of(args.repeat, lambda: [places(c) for c in contexts])
    n = len(contexts)
    print(f"{n} stories; gazetteer {gazetteer} {gazetteer.stat().st_size / 1e6:.1f} MB, opened in {load_s:.2f} s")
    print(f"spaCy parse: {1000 * spacy_s / n:.1f} ms/story")
    print(f"places: {1000 * cold / n:.1f} ms/story first pass, {1000 * warm / n:.1f} ms/story warm")


if __name__ == "__main__":
    main()
