"""Learn single-word attribution cue forms from the PolNeAR training split.

For every word form, count how often annotators marked it alone as an attribution
cue and how often it occurs at all; write ``form, cue count, share`` to
``src/dateline/extract/quotes/cues.tsv``. Only train is read: dev is for reporting.

    python scripts/learn_cues.py ../shared/data/polnear/data/train
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "extract" / "quotes" / "cues.tsv"
MIN_KEEP = 3


def cue_texts(ann: Path) -> list[str]:
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1].startswith("Cue "):
            out.append(parts[2])
    return out


def learn(train: Path) -> list[tuple[str, int, float]]:
    cues: collections.Counter[str] = collections.Counter()
    for ann in sorted((train / "attributions").glob("*.ann")):
        for text in cue_texts(ann):
            words = WORD.findall(text.lower())
            if len(words) == 1:
                cues[words[0]] += 1
    seen: collections.Counter[str] = collections.Counter()
    annotations_per_text = collections.Counter(
        re.sub(r"_[0-9a-f]{4}$", "", a.stem) for a in (train / "attributions").glob("*.ann")
    )
    for txt in sorted((train / "text").glob("*.txt")):
        words = WORD.findall(txt.read_text(encoding="utf-8").lower())
        weight = annotations_per_text.get(txt.stem, 0)  # texts annotated twice count twice
        for w in words:
            if w in cues:
                seen[w] += weight
    rows = [(w, n, n / max(seen[w], n)) for w, n in cues.items() if n >= MIN_KEEP]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main(argv: list[str]) -> None:
    train = Path(argv[1]) if len(argv) > 1 else Path("../shared/data/polnear/data/train")
    rows = learn(train)
    lines = ["# form\tcue_count\tshare (learned from PolNeAR train by scripts/learn_cues.py)"]
    lines += [f"{w}\t{n}\t{share:.3f}" for w, n, share in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} cue forms written to {OUT}")


if __name__ == "__main__":
    main(sys.argv)
