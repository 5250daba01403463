"""Write story-threading errors by class: which gold clusters ``dateline eval threads`` merges or splits, and what the features saw.

Reads a corpus as the eval does (``--cache`` from the eval works here too), threads it at the
default settings into a fresh archive, and writes a Markdown report:

- **merged**: each thread holding more than one gold cluster, with the B-cubed precision it
  costs, the terms its parts share (names ``e:``/``p:``, words ``w:``), their days, and the
  headline-less first words of each part's stories;
- **split**: each gold cluster spread over threads, with the recall it costs, the size of each
  piece, and, for every piece but the biggest, the named terms it shares with the biggest and
  its days.

The report quotes the corpus's text: it is for reading, keep it out of git.

    PYTHONPATH=src .venv/bin/python scripts/threads_errors.py ecbplus ../shared/data/ecbplus \
        --cache /tmp/ecb.pkl --out /tmp/ecb-threads.md
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from dateline.eval.threads import bcubed, ecbplus_stories, read_cached, wikiref_stories
from dateline.ingest.local import Failure
from dateline.store import Store
from dateline.store.features import NAMED_PREFIXES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=("wikiref", "ecbplus"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/threads-errors.md"))
    parser.add_argument("--examples", type=int, default=3, help="Stories quoted per part.")
    args = parser.parse_args()
    items = list(wikiref_stories(args.directory) if args.corpus == "wikiref" else ecbplus_stories(args.directory))
    read = read_cached([i.story for i in items], 1, None, args.cache)
    prepared, gold, names = [], [], []
    seen: set[str] = set()
    for item, p in zip(items, read):
        if not isinstance(p, Failure) and p.article.id not in seen:
            seen.add(p.article.id)
            prepared.append(p)
            gold.append(item.label)
            names.append(Path(item.story.source or "").name)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "t.db") as store:
        for start in range(0, len(prepared), 64):
            store.write(prepared[start : start + 64])
        thread_of = {r["id"]: r["thread"] for r in store.db.query("SELECT id, thread FROM stories")}
    pred = [thread_of[p.article.id] for p in prepared]
    p, r, f = bcubed(gold, pred)
    n = len(gold)
    terms = [dict(x.features.terms) for x in prepared]
    days = [x.features.day for x in prepared]
    by_thread: dict[int, list[int]] = defaultdict(list)
    by_gold: dict[str, list[int]] = defaultdict(list)
    for i, (g, t) in enumerate(zip(gold, pred)):
        by_thread[t].append(i)
        by_gold[g].append(i)

    def first_words(i: int) -> str:
        text = prepared[i].article.text
        return " ".join(text.split()[:18])

    def shared(a: list[int], b: list[int], named: bool) -> list[str]:
        ca = Counter(t for i in a for t in terms[i] if t.startswith(NAMED_PREFIXES) == named)
        cb = Counter(t for i in b for t in terms[i] if t.startswith(NAMED_PREFIXES) == named)
        common = sorted(set(ca) & set(cb), key=lambda t: -(ca[t] / len(a) + cb[t] / len(b)))
        return [f"{t} ({ca[t]}/{len(a)}, {cb[t]}/{len(b)})" for t in common[:12]]

    def span(members: list[int]) -> str:
        known = sorted(d for i in members if (d := days[i]))
        return f"{known[0]} .. {known[-1]} ({len(known)}/{len(members)} dated)" if known else "undated"

    lines = [f"# {args.corpus}: {n} stories, B3 P/R/F1 {p:.3f} / {r:.3f} / {f:.3f}, {len(by_thread)} threads", ""]
    merged = []
    for t, members in by_thread.items():
        labels = Counter(gold[i] for i in members)
        if len(labels) > 1:
            cost = sum(c - c * c / len(members) for c in labels.values()) / n  # precision lost
            merged.append((cost, t, members, labels))
    lines.append(f"## Merged: {len(merged)} threads, precision lost {sum(m[0] for m in merged):.3f}")
    for cost, t, members, labels in sorted(merged, key=lambda m: -m[0]):
        lines += ["", f"### thread {t}: {dict(labels)}, precision cost {cost:.3f}"]
        parts = {g: [i for i in members if gold[i] == g] for g in labels}
        main, *others = sorted(parts, key=lambda g: -len(parts[g]))
        for g in [main, *others]:
            lines.append(f"- **{g}** {len(parts[g])} stories, {span(parts[g])}")
            for i in parts[g][: args.examples]:
                lines.append(f"  - {names[i]}: {first_words(i)}")
        for g in others:
            lines.append(f"- {g} shares names with {main}: {', '.join(shared(parts[g], parts[main], True)) or 'none'}")
            lines.append(f"- {g} shares words with {main}: {', '.join(shared(parts[g], parts[main], False)[:8])}")
    split = []
    for g, members in by_gold.items():
        pieces = Counter(pred[i] for i in members)
        if len(pieces) > 1:
            cost = sum(c - c * c / len(members) for c in pieces.values()) / n  # recall lost
            split.append((cost, g, members, pieces))
    lines += ["", f"## Split: {len(split)} gold clusters, recall lost {sum(s[0] for s in split):.3f}"]
    for cost, g, members, pieces in sorted(split, key=lambda s: -s[0]):
        lines += ["", f"### {g}: pieces {sorted(pieces.values(), reverse=True)}, recall cost {cost:.3f}"]
        parts = {t: [i for i in members if pred[i] == t] for t in pieces}
        main, *others = sorted(parts, key=lambda t: -len(parts[t]))
        lines.append(f"- biggest piece (thread {main}): {span(parts[main])}")
        for t in others:
            lines.append(
                f"- piece thread {t} ({len(parts[t])}, {span(parts[t])}), "
                f"names shared with the biggest: {', '.join(shared(parts[t], parts[main], True)[:6]) or 'none'}"
            )
            for i in parts[t][: args.examples]:
                named = [k for k in terms[i] if k.startswith(NAMED_PREFIXES)]
                lines.append(f"  - {names[i]}: {first_words(i)} | names: {' '.join(named[:8]) or 'none'}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{args.corpus}: B3 P/R/F1 {p:.3f} / {r:.3f} / {f:.3f}; {len(merged)} merged threads, {len(split)} split clusters"
    )
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
