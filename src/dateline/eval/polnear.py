"""`dateline eval polnear DIR`: attribution on PolNeAR (BRAT standoff Source / Cue / Content).

Scores content detection (P/R/F1, by span overlap and exact after light normalisation)
and source accuracy on the detected attributions, separately for direct quotes,
partial (mixed) quotes and indirect speech. Cue lists are learned from train
(``scripts/learn_cues.py``); report on dev.

Gold categories: an attribution is *direct* when its content opens with a double quote
mark, *partial* when it holds one elsewhere, *indirect* otherwise. Predicted
attributions are dateline quotes grouped by cue span (the halves of a split quote are
one attribution, and a quote paragraph continuing the speaker before joins it); a group
is direct if it holds a direct quote, else partial if it holds a partial one. Articles annotated by several annotators are scored against the
first annotation file (sorted by name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval.metrics import f1 as _f1
from dateline.eval.metrics import ratio as _ratio

CATEGORIES = ("direct", "partial", "indirect")
QUOTED = "quoted"  # direct and partial together: attributions with quotation marks
DOUBLE_MARKS = '"“”«»„'
_STRIP = DOUBLE_MARKS + "'‘’ \n\t.,;:—–-"
_ANN_SUFFIX = re.compile(r"_[0-9a-f]{4}$")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans

    def category(self, text: str) -> str:
        return category_of(" ".join(text[s:e] for s, e in self.content))


@dataclass(frozen=True)
class PredAttribution:
    content: Spans
    kind: str
    speaker_spans: Spans  # every place the story names this speaker


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0
    gold_exact: int = 0
    pred_exact: int = 0
    sourced: int = 0
    source_right: int = 0

    def scores(self) -> dict[str, float]:
        return {
            "overlap_p": _ratio(self.pred_hit, self.pred),
            "overlap_r": _ratio(self.gold_hit, self.gold),
            "overlap_f1": _f1(_ratio(self.pred_hit, self.pred), _ratio(self.gold_hit, self.gold)),
            "exact_p": _ratio(self.pred_exact, self.pred),
            "exact_r": _ratio(self.gold_exact, self.gold),
            "exact_f1": _f1(_ratio(self.pred_exact, self.pred), _ratio(self.gold_exact, self.gold)),
            "source_acc": _ratio(self.source_right, self.sourced),
        }


def category_of(content: str) -> str:
    stripped = content.strip()
    if stripped[:1] in DOUBLE_MARKS:
        return "direct"
    return "partial" if any(m in stripped for m in DOUBLE_MARKS) else "indirect"


def read_ann(text: str) -> tuple[GoldAttribution, ...]:
    """Attribution relations of one .ann file (those with a Content span)."""
    spans: dict[str, Spans] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, frags = parts[1].partition(" ")
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in (f.split() for f in frags.split(";")))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    out = []
    for rel in relations:
        content = tuple(f for role, tid in rel.items() if role.startswith("Content") for f in spans.get(tid, ()))
        if content:
            out.append(
                GoldAttribution(
                    tuple(sorted(content)), spans.get(rel.get("Source", ""), ()), spans.get(rel.get("Cue", ""), ())
                )
            )
    return tuple(out)


def read_split(directory: Path, limit: int | None = None) -> list[Article]:
    """Articles of a PolNeAR split directory (with ``text/`` and ``attributions/``)."""
    directory = _split_dir(directory)
    anns: dict[str, Path] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        anns.setdefault(_ANN_SUFFIX.sub("", ann.stem), ann)
    articles = []
    for name, ann in sorted(anns.items())[:limit]:
        txt = directory / "text" / f"{name}.txt"
        if txt.is_file():
            text = txt.read_text(encoding="utf-8")
            articles.append(Article(name, text, read_ann(ann.read_text(encoding="utf-8"))))
    return articles


def _split_dir(directory: Path) -> Path:
    if (directory / "attributions").is_dir():
        return directory
    for candidate in (directory / "data" / "dev", directory / "dev"):
        if (candidate / "attributions").is_dir():
            return candidate
    raise FileNotFoundError(f"no PolNeAR split (text/ and attributions/) under {directory}")


def predicted(article) -> tuple[PredAttribution, ...]:
    """dateline quotes grouped into attributions by cue span."""
    groups: dict[object, list] = {}
    key: object = None
    previous = None
    for q in article.quotes:
        if q.cue_span:
            key = (q.cue_span.start, q.cue_span.end)
        elif not (q.speaker and previous is not None and previous.speaker == q.speaker and q.kind == "direct"):
            key = q.id  # a quote continuing the previous speaker's words joins that attribution
        groups.setdefault(key, []).append(q)
        previous = q
    named = _speaker_places(article)
    out = []
    for quotes in groups.values():
        kinds = {q.kind for q in quotes}
        kind = next(k for k in CATEGORIES if k in kinds)
        places = tuple((q.speaker_span.start, q.speaker_span.end) for q in quotes if q.speaker_span)
        speaker = quotes[0].speaker
        places += named.get(speaker, ()) if speaker else ()
        out.append(PredAttribution(tuple(sorted((q.start, q.end) for q in quotes)), kind, places))
    return tuple(out)


def _speaker_places(article) -> dict[str, Spans]:
    """Every span naming each speaker id: entity mentions, and speaker spans of its quotes."""
    places: dict[str, list[tuple[int, int]]] = {}
    for e in article.entities:
        places.setdefault(e.id, []).extend((m.start, m.end) for m in e.mentions)
    for q in article.quotes:
        if q.speaker and q.speaker_span:
            places.setdefault(q.speaker, []).append((q.speaker_span.start, q.speaker_span.end))
    return {k: tuple(v) for k, v in places.items()}


def score(pairs: Iterable[tuple[Article, Sequence[PredAttribution]]]) -> dict[str, Tally]:
    tallies = {c: Tally() for c in (*CATEGORIES, QUOTED, "all")}
    for article, preds in pairs:
        _score_article(article, preds, tallies)
    return tallies


def _score_article(article: Article, preds: Sequence[PredAttribution], tallies: dict[str, Tally]) -> None:
    golds = article.gold
    cats = [g.category(article.text) for g in golds]
    for _g, cat in zip(golds, cats):
        for key in _keys(cat):
            tallies[key].gold += 1
    for p in preds:
        for key in _keys(p.kind):
            tallies[key].pred += 1
    for gi, pi in _match(golds, preds):
        g, p, cat = golds[gi], preds[pi], cats[gi]
        exact = normalise(_extent(article.text, g.content)) == normalise(_extent(article.text, p.content))
        for key in _keys(cat):
            t = tallies[key]
            t.gold_hit += 1
            t.gold_exact += exact
            if g.source:
                t.sourced += 1
                t.source_right += _overlaps(g.source, p.speaker_spans)
        for key in _keys(p.kind):
            tallies[key].pred_hit += 1
            tallies[key].pred_exact += exact


def _keys(kind: str) -> tuple[str, ...]:
    """The tallies an attribution of this kind counts in."""
    return (kind, "all") if kind == "indirect" else (kind, QUOTED, "all")


def _match(golds: Sequence[GoldAttribution], preds: Sequence[PredAttribution]) -> Iterator[tuple[int, int]]:
    """One-to-one pairs by largest character overlap first."""
    scored = sorted(
        ((_overlap(g.content, p.content), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for amount, gi, pi in scored:
        if amount <= 0:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            yield gi, pi


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _overlaps(a: Spans, b: Spans) -> bool:
    return _overlap(a, b) > 0


def _extent(text: str, spans: Spans) -> str:
    return text[min(s for s, _ in spans) : max(e for _, e in spans)]


def normalise(content: str) -> str:
    """Compare contents without their quote marks, edge punctuation, a leading "that", or spacing."""
    text = " ".join(content.split()).strip(_STRIP)
    if text.lower().startswith("that "):
        text = text[5:]
    return text.strip(_STRIP).casefold()


def evaluate(
    directory: Path, limit: int | None = None, model: str | None = None, layout: str = "original"
) -> dict[str, Tally]:
    from dateline.io.sources import Story
    from dateline.reader import Reader

    articles = read_split(directory, limit)
    if layout == "wire":
        articles = [as_wire_copy(a) for a in articles]
    reader = Reader(model=model, extractors=("entities", "quotes"))
    records = reader.read_many([Story(text=a.text, source=a.name) for a in articles])
    return score((a, predicted(r)) for a, r in zip(articles, records))


def as_wire_copy(article: Article) -> Article:
    """The article re-laid as old wire copy (indented, wrapped at 65), gold spans mapped."""
    from dateline.eval.wire_layout import relay

    r = relay(article.text)

    def spans(ss: Spans) -> Spans:
        return tuple((r.start(s), r.end(e)) for s, e in ss)

    gold = tuple(GoldAttribution(spans(g.content), spans(g.source), spans(g.cue)) for g in article.gold)
    return Article(article.name, r.text, gold)


def format_table(tallies: dict[str, Tally]) -> str:
    head = (
        f"{'':9s} {'gold':>5s} {'pred':>5s} | {'ovl P':>6s} {'ovl R':>6s} {'ovl F1':>6s} | "
        f"{'ex P':>6s} {'ex R':>6s} {'ex F1':>6s} | {'source acc':>10s}"
    )
    lines = [head]
    for name, t in tallies.items():
        s = {k: 100 * v for k, v in t.scores().items()}
        lines.append(
            f"{name:9s} {t.gold:5d} {t.pred:5d} | {s['overlap_p']:6.1f} {s['overlap_r']:6.1f} "
            f"{s['overlap_f1']:6.1f} | {s['exact_p']:6.1f} {s['exact_r']:6.1f} {s['exact_f1']:6.1f} | "
            f"{s['source_acc']:5.1f} ({t.sourced})"
        )
    return "\n".join(lines)


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("polnear")
    def polnear(
        directory: Path = typer.Argument(..., exists=True, help="PolNeAR split dir (text/, attributions/)"),
        limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
        json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
        layout: str = typer.Option(
            "original",
            "--layout",
            help="original, or wire: re-laid as old wire copy (indented paragraphs, wrapped at 65), gold spans mapped.",
        ),
    ) -> None:
        """Attribution on PolNeAR: content P/R/F1 (overlap, exact) and source accuracy by kind."""
        if layout not in ("original", "wire"):
            raise typer.BadParameter("--layout is original or wire")
        tallies = evaluate(directory, limit, model, layout)
        if json_out:
            import json

            typer.echo(json.dumps({k: {**vars(t), **t.scores()} for k, t in tallies.items()}, indent=2))
        else:
            typer.echo(format_table(tallies))
