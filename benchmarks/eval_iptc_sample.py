"""Score the shipped IPTC Media Topic model on 50 development stories labelled by hand
(benchmarks/iptc_hand_labels.tsv: codes only; the texts are read from ../shared/data).

    python benchmarks/eval_iptc_sample.py [../shared/data] [--draw]

``--draw`` prints the sample as it was drawn for labelling (random.Random(19)).
Reports top-1 accuracy (the model's best topic is one of the story's labels), accuracy against
the main label, and micro precision, recall and F1 of the assigned topic sets.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval.geo import read_geowebnews, read_lgl  # noqa: E402
from dateline.eval.metrics import prf  # noqa: E402
from dateline.eval.polnear import read_split  # noqa: E402
from dateline.eval.reuters21578 import iter_wire_stories  # noqa: E402
from dateline.eval.threads import wikiref_stories  # noqa: E402
from dateline.extract.themes.topics import default_model  # noqa: E402

LABELS = ROOT / "benchmarks/iptc_hand_labels.tsv"
SAMPLE = {"lgl": 14, "geowebnews": 12, "polnear-dev": 8, "reuters21578": 8, "wikiref": 8}


def pools(shared: Path) -> dict[str, list[tuple[str, str]]]:
    reuters = sorted(shared.glob("reuters21578/reut2-01*.sgm")) + sorted(shared.glob("reuters21578/reut2-009.sgm"))
    return {
        "lgl": [(d.id, d.text) for d in read_lgl(shared / "lgl")],
        "geowebnews": [(d.id, d.text) for d in read_geowebnews(shared / "geowebnews")],
        "polnear-dev": [(a.name, a.text) for a in read_split(shared / "polnear/data/dev")],
        "reuters21578": [(s.id, s.text) for p in reuters for s in iter_wire_stories(p) if int(s.id) > 9000],
        "wikiref": [(Path(x.story.source).name, x.story.text) for x in wikiref_stories(shared / "wikiref")],
    }


def main(shared: Path, draw: bool) -> None:
    texts = pools(shared)
    if draw:
        rng = random.Random(19)
        for source, n in SAMPLE.items():
            for story_id, text in rng.sample(texts[source], n):
                print(f"### {source}\t{story_id}\n{' '.join(text[:650].split())}\n")
        return
    by_id = {(s, i): t for s, pool in texts.items() for i, t in pool}
    model = default_model()
    top1 = main_hits = hits = assigned = gold_total = n = 0
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, story_id, codes = line.split("\t")
        gold = codes.split(",")
        found = [t.code for t in model.predict(by_id[(source, story_id)])]
        if "--errors" in sys.argv and (not found or found[0] not in gold):
            print(source, story_id, "gold", codes, "found", found)
        n += 1
        top1 += bool(found) and found[0] in gold
        main_hits += bool(found) and found[0] == gold[0]
        hits += len(set(found) & set(gold))
        assigned += len(found)
        gold_total += len(gold)
    p, r, f = prf(hits, assigned, hits, gold_total)
    print(
        f"stories {n}: top-1 in labels {top1 / n:.3f}, top-1 = main label {main_hits / n:.3f}, "
        f"micro P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT.parent / "shared/data", "--draw" in sys.argv)
