"""Write PolNeAR attribution errors by class: what ``dateline eval polnear`` misses and why.

Reads a split (dev, to read errors; never to fit), runs dateline (entities and quotes) as the
eval does, pairs predictions with gold attributions the same way, and writes a Markdown report:

- **missed** gold attributions by kind and, for the cue's head token, its part of speech and
  the cue model's probability ("below threshold", "near threshold", "sure but lost"), plus
  layouts: headline, transcript label, poll or survey source, signed quote;
- **spurious** predictions (no gold match) by kind and cue word;
- **wrong source** on matched attributions: no speaker, or another speaker;
- **inexact** content on matched attributions: longer or shorter than gold, at which end.

Each class lists its count and a few examples (text of the split: the report is for reading,
keep it out of git).

    PYTHONPATH=src .venv/bin/python scripts/polnear_errors.py ../shared/data/polnear/data/dev \
        --out /tmp/polnear-errors.md
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from dateline.eval.polnear import (
    Article,
    GoldAttribution,
    PredAttribution,
    _extent,
    _match,
    _overlaps,
    normalise,
    predicted,
    read_split,
)
from dateline.extract.quotes.cues import TokenIndex
from dateline.extract.quotes.model import load_model
from dateline.structure import parse_structure
from dateline.structure.view import nlp_view

_POLL = re.compile(r"\b(poll|polls|survey|surveys)\b", re.IGNORECASE)
_LABEL = re.compile(r"^[\"“]?[A-Z][A-Z.'’ -]+:")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="PolNeAR split dir (text/, attributions/)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/polnear-errors.md"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--examples", type=int, default=8, help="examples shown per class")
    args = parser.parse_args()
    articles = read_split(args.split, args.limit)
    classes = collect(articles)
    args.out.write_text(report(classes, args.examples), encoding="utf-8")
    for name, items in sorted(classes.items()):
        print(f"{len(items):5d}  {name}")
    print(f"written to {args.out}")


def collect(articles: list[Article]) -> dict[str, list[str]]:
    from dateline.io.sources import Story
    from dateline.reader import Reader

    reader = Reader(extractors=("entities", "quotes"))
    docs = []
    pipe = reader.nlp.pipe

    def keeping(texts, **kw):
        for doc in pipe(texts, **kw):
            docs.append(doc)
            yield doc

    reader.nlp.pipe = keeping  # type: ignore[method-assign]
    records = list(reader.read_many([Story(text=a.text, source=a.name) for a in articles]))
    model = load_model()
    classes: dict[str, list[str]] = defaultdict(list)
    for article, record, doc in zip(articles, records, docs):
        preds = predicted(record)
        view = nlp_view(parse_structure(article.text))
        index = TokenIndex(doc)
        pairs = dict(_match(article.gold, preds))
        matched_preds = set(pairs.values())
        for gi, gold in enumerate(article.gold):
            cat = gold.category(article.text)
            if gi not in pairs:
                cues = {(q.cue_span.start, q.cue_span.end) for q in record.quotes if q.cue_span}
                for name in _miss_classes(article, gold, cat, doc, index, view, model, cues):
                    classes[name].append(_show(article, gold))
                continue
            pred = preds[pairs[gi]]
            if gold.source and not _overlaps(gold.source, pred.speaker_spans):
                kind = "no speaker" if not pred.speaker_spans else "other speaker"
                classes[f"wrong source / {cat} / {kind}"].append(_show(article, gold, pred))
            g, p = _extent(article.text, gold.content), _extent(article.text, pred.content)
            if normalise(g) != normalise(p):
                classes[f"inexact / {cat} / {_inexact(gold, pred)}"].append(_show(article, gold, pred))
        for pi, pred in enumerate(preds):
            if pi not in matched_preds:
                cue = _pred_cue(record, pred)
                classes[f"spurious / {pred.kind}"].append(f"[cue {cue!r}] " + _snippet(article.text, pred.content))
                classes[f"spurious cue / {cue.lower()}"].append(_snippet(article.text, pred.content))
    return classes


def _miss_classes(article, gold: GoldAttribution, cat: str, doc, index, view, model, cues) -> list[str]:
    text = article.text
    names = [f"missed / {cat}"]
    start = min(s for s, _ in gold.content)
    line_start = text.rfind("\n", 0, start) + 1
    if text.find("\n") > start or line_start == 0:
        names.append("missed layout / headline")
    if _LABEL.match(text[line_start : line_start + 40]):
        names.append("missed layout / transcript label")
    if gold.source and _POLL.search(" ".join(text[s:e] for s, e in gold.source)):
        names.append("missed layout / poll or survey source")
    end = max(e for _, e in gold.content)
    if re.match(r"[\"”]?\s*[―—–-]", text[end : end + 4]):
        names.append("missed layout / followed by a dash (signed quote?)")
    if cat != "indirect":
        return names
    if not gold.cue:
        return [*names, "missed indirect / no cue span"]
    tokens = [doc[i] for s, e in gold.cue for i in index.between(view.to_view(s), view.to_view(e, end=True))]
    if not tokens:
        return [*names, "missed indirect / no cue span"]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i] or tokens
    head = heads[0]
    names.append(f"missed indirect / cue pos {head.pos_}")
    if model is not None and head.pos_ in ("VERB", "NOUN", "AUX"):
        p = model.probability(head)
        band = (
            "below 0.2"
            if p < 0.2
            else f"near threshold (0.2-{model.threshold})"
            if p < model.threshold
            else "sure but lost"
        )
        names.append(f"missed indirect / model {band}")
        if p >= model.threshold:
            names.append(f"missed sure cue / {_why_lost(head, gold, cues, model, p)}")
    return names


def _why_lost(head, gold: GoldAttribution, cues, model, p: float) -> str:
    """Why a cue the model is sure of gave no matched attribution."""
    if any(s <= head.idx < e for s, e in cues):
        return "predicted, content matched elsewhere or apart"
    clause = any(c.dep_ == "ccomp" for c in head.children)
    if not clause and p < model.object_threshold:
        return "object-only content below the object threshold"
    return "no prediction (nested, no content, or not a verb candidate)"


def _inexact(gold: GoldAttribution, pred: PredAttribution) -> str:
    gs, ge = min(s for s, _ in gold.content), max(e for _, e in gold.content)
    ps, pe = min(s for s, _ in pred.content), max(e for _, e in pred.content)
    where = []
    if ps < gs - 2:
        where.append("starts early")
    elif ps > gs + 2:
        where.append("starts late")
    if pe > ge + 2:
        where.append("ends late")
    elif pe < ge - 2:
        where.append("ends early")
    return ", ".join(where) or "edges"


def _pred_cue(record, pred: PredAttribution) -> str:
    for q in record.quotes:
        if (q.start, q.end) in pred.content:
            return q.cue or "-"
    return "-"


def _show(article: Article, gold: GoldAttribution, pred: PredAttribution | None = None) -> str:
    text = article.text
    parts = [
        f"{article.name}: content {_snippet(text, gold.content)}",
        f"cue {' '.join(text[s:e] for s, e in gold.cue)!r}",
        f"source {' '.join(text[s:e] for s, e in gold.source)!r}",
    ]
    if pred is not None:
        parts.append(f"PRED {_snippet(text, pred.content)}")
        parts.append(f"speaker at {[text[s:e] for s, e in pred.speaker_spans[:2]]}")
    return " | ".join(parts)


def _snippet(text: str, spans, width: int = 160) -> str:
    s = " ".join(text[a:b] for a, b in spans).replace("\n", " ")
    return repr(s if len(s) <= width else s[: width // 2] + " ... " + s[-width // 2 :])


def report(classes: dict[str, list[str]], examples: int) -> str:
    lines = ["# PolNeAR errors by class", ""]
    counts = Counter({k: len(v) for k, v in classes.items()})
    groups = defaultdict(list)
    for name in counts:
        groups[name.split(" / ")[0]].append(name)
    for group in sorted(groups):
        lines += [f"## {group}", ""]
        names = sorted(groups[group], key=lambda n: -counts[n])
        if group == "spurious cue":
            lines += [f"- {n.split(' / ', 1)[1]!r}: {counts[n]}" for n in names[:60]]
            lines.append("")
            continue
        for name in names:
            lines += [f"### {name}: {counts[name]}", ""]
            lines += [f"- {ex}" for ex in classes[name][:examples]]
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
