"""How far two PolNeAR annotators agree, scored as ``dateline eval polnear`` scores dateline.

PolNeAR annotates a few articles twice (16 of train's 840, 2 of dev's 84). Scoring the second
annotation of each such article against the first, with the eval's own matching (overlap and
exact content, source by overlap), gives the agreement a reader of these guidelines reaches:
a ceiling for the eval's figures. With ``--dateline``, dateline is scored on the same articles
against the first annotation too (on train these articles taught the cue model: in-sample).

    PYTHONPATH=src .venv/bin/python scripts/polnear_agreement.py ../shared/data/polnear/data/train --dateline
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dateline.eval.polnear import (
    _ANN_SUFFIX,
    Article,
    PredAttribution,
    format_table,
    predicted,
    read_ann,
    score,
)


def twice_annotated(directory: Path) -> list[tuple[Article, tuple[PredAttribution, ...]]]:
    """Each article annotated at least twice: its first annotation as gold, its second as predictions."""
    by_name: dict[str, list[Path]] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        by_name.setdefault(_ANN_SUFFIX.sub("", ann.stem), []).append(ann)
    out = []
    for name, paths in sorted(by_name.items()):
        text_file = directory / "text" / f"{name}.txt"
        if len(paths) < 2 or not text_file.is_file():
            continue
        text = text_file.read_text(encoding="utf-8")
        first, second = (read_ann(p.read_text(encoding="utf-8")) for p in paths[:2])
        other = tuple(PredAttribution(g.content, g.category(text), g.source) for g in second)
        out.append((Article(name, text, first), other))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="PolNeAR split dir (text/, attributions/)")
    parser.add_argument("--dateline", action="store_true", help="also score dateline on the same articles")
    args = parser.parse_args()
    pairs = twice_annotated(args.split)
    print(f"{len(pairs)} articles annotated twice: the second annotation scored against the first")
    print(format_table(score(pairs)))
    if args.dateline and pairs:
        from dateline.io.sources import Story
        from dateline.reader import Reader

        articles = [a for a, _ in pairs]
        records = Reader(extractors=("entities", "quotes")).read_many(
            [Story(text=a.text, source=a.name) for a in articles]
        )
        print("dateline on the same articles, against the first annotation")
        print(format_table(score((a, predicted(r)) for a, r in zip(articles, records))))


if __name__ == "__main__":
    main()
