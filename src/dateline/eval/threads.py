"""`dateline eval threads wikiref|ecbplus DIR`: story threading scored as clustering.

The stories are read once, then written in file order into a fresh archive (a temporary
SQLite file) for each threshold asked for; the archive's threads are compared with the gold
labels by B-cubed precision, recall and F1 and the adjusted Rand index (ARI). The two
trivial clusterings (every story alone, all stories together) are printed for scale.

Gold labels:
- WikiRef220: the topic in the file name ("ParisAttacks2015 (3).txt", "premier.league.25.txt");
  5 main topics and 11 small "noise" topics, all scored as given.
- ECB+: the topic's sub-topic (``--level subtopic``, the default: the "ecb" and "ecbplus"
  documents of a topic describe two different seminal events, 86 clusters; a thread is one
  event followed, so this is the gold a thread answers to) or the topic folder (``--level topic``,
  43 topics: two events of one kind together, which threads must keep apart). Text is rebuilt from the tokens, a sentence a paragraph.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval import found
from dateline.eval.metrics import f1 as f1_score
from dateline.io.sources import Story

_WIKIREF_LABEL = re.compile(r"^(.*?)(?:\s*\(\d+\)|\.\d+)?\.txt$")
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'m\b|'d\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


@dataclass(frozen=True, slots=True)
class Labelled:
    story: Story
    label: str


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    ari: float
    clusters: int


# -- corpora ------------------------------------------------------------------------------
def wikiref_stories(directory: Path) -> Iterator[Labelled]:
    """WikiRef220 articles (searched for below ``directory``), labelled by file-name topic."""
    for path in sorted(directory.rglob("*.txt")):
        match = _WIKIREF_LABEL.match(path.name)
        if match and path.name.lower() not in {"readme.txt", "source.txt"}:
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            yield Labelled(Story(text=text, source=str(path)), match.group(1).casefold())


def ecbplus_stories(directory: Path, level: str = "subtopic") -> Iterator[Labelled]:
    """ECB+ documents rebuilt from their tokens, labelled by topic or sub-topic."""
    for path in sorted(directory.rglob("*.xml"), key=lambda p: (_topic_number(p), p.name)):
        topic = path.name.split("_")[0]
        sub = "plus" if path.stem.endswith("ecbplus") else "ecb"
        text = ecb_text(path)
        if text:
            yield Labelled(Story(text=text, source=str(path)), topic if level == "topic" else f"{topic}{sub}")


def _topic_number(path: Path) -> int:
    head = path.name.split("_")[0]
    return int(head) if head.isdigit() else 0


def ecb_text(path: Path) -> str:
    """The document's text: tokens joined with ordinary spacing, one sentence a paragraph."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    lines = [_detokenise(" ".join(words)) for _, words in sorted(sentences.items())]
    return "\n\n".join(line for line in lines if line.strip())


def _detokenise(text: str) -> str:
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


# -- metrics ------------------------------------------------------------------------------
def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` against ``gold`` (item-aligned)."""
    pairs = Counter(zip(gold, pred))
    gold_size, pred_size = Counter(gold), Counter(pred)
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / pred_size[p] for (g, p), c in pairs.items()) / n
    recall = sum(c * c / gold_size[g] for (g, p), c in pairs.items()) / n
    return precision, recall, f1_score(precision, recall)


def adjusted_rand(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie): 0 for chance, 1 for identical clusterings."""
    pairs = sum(math.comb(c, 2) for c in Counter(zip(gold, pred)).values())
    a = sum(math.comb(c, 2) for c in Counter(gold).values())
    b = sum(math.comb(c, 2) for c in Counter(pred).values())
    total = math.comb(len(gold), 2)
    if not total:
        return 1.0
    expected = a * b / total
    maximum = (a + b) / 2
    return 1.0 if maximum == expected else (pairs - expected) / (maximum - expected)


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> Scores:
    p, r, f = bcubed(gold, pred)
    return Scores(p, r, f, adjusted_rand(gold, pred), len(set(pred)))


# -- running ------------------------------------------------------------------------------
def evaluate(
    items: Sequence[Labelled],
    thresholds: Sequence[float],
    workers: int = 1,
    model: str | None = None,
    cache: Path | None = None,
) -> dict[str, Scores]:
    """Read the stories once; thread them at each threshold; score against the labels.

    ``cache``: a pickle of the read stories, written on the first run and reused after (for
    trying thresholds without reading again; delete it when the reader changes)."""
    from dateline.ingest.local import Failure
    from dateline.store import Store
    from dateline.store.threads import ThreadSettings

    read = read_cached([i.story for i in items], workers, model, cache)
    label_of: dict[str, str] = {}
    prepared = []
    for item, p in zip(items, read):
        if not isinstance(p, Failure) and p.article.id not in label_of:
            label_of[p.article.id] = item.label
            prepared.append(p)
    gold = [label_of[p.article.id] for p in prepared]
    results = {"singletons": score(gold, list(range(len(gold)))), "one cluster": score(gold, [0] * len(gold))}
    for threshold in thresholds:
        with (
            tempfile.TemporaryDirectory() as tmp,
            Store.open(Path(tmp) / "threads.db", threads=ThreadSettings(threshold=threshold)) as store,
        ):
            for start in range(0, len(prepared), 64):
                store.write(prepared[start : start + 64])
            thread_of = {r["id"]: r["thread"] for r in store.db.query("SELECT id, thread FROM stories")}
        results[f"dateline @{threshold:g}"] = score(gold, [thread_of[p.article.id] for p in prepared])
    return results


def read_cached(stories: Sequence[Story], workers: int, model: str | None, cache: Path | None) -> list:
    """The read stories (``Prepared``), in order, failures included; from ``cache`` when it exists
    (the cache holds the records: the archive features are computed again, so a change to them
    needs no new read)."""
    import pickle

    from dateline.ingest.local import Failure, read_stories
    from dateline.store.features import prepare

    if cache and cache.is_file():
        return [p if isinstance(p, Failure) else prepare(p.article) for p in pickle.loads(cache.read_bytes())]
    read = list(read_stories(stories, workers, model))
    if cache:
        cache.write_bytes(pickle.dumps(read))
    return read


def format_table(name: str, n: int, results: dict[str, Scores]) -> str:
    lines = [
        f"{name}: {n} stories",
        f"{'clustering':<22} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'clusters':>8}",
    ]
    for label, s in results.items():
        lines.append(f"{label:<22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.ari:6.3f} {s.clusters:8d}")
    return "\n".join(lines)


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("threads")
    def threads(
        corpus: str = typer.Argument(..., help="wikiref | ecbplus"),
        directory: Path = typer.Argument(..., exists=True, help="The corpus folder."),
        level: str = typer.Option("subtopic", "--level", help="ECB+ gold: subtopic (one event, the default) | topic"),
        threshold: str = typer.Option(
            None, "--threshold", help="Similarity threshold(s), comma-separated (default: the archive's)."
        ),
        limit: int = typer.Option(None, "--limit", help="Score only the first N stories."),
        workers: int = typer.Option(1, "--workers", "-w", help="Reader processes."),
        json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        cache: Path = typer.Option(None, "--cache", help="Pickle of the read stories, reused when present."),
        model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
    ) -> None:
        """Story threading as clustering: B-cubed P/R/F1 and ARI against topic labels."""
        from dateline.store.threads import THREAD_THRESHOLD

        if corpus == "wikiref":
            items = found(wikiref_stories(directory), "WikiRef articles (*.txt)", directory)
        elif corpus == "ecbplus":
            items = found(ecbplus_stories(directory, level), "ECB+ documents (*.xml)", directory)
        else:
            raise typer.BadParameter("corpus is wikiref or ecbplus")
        items = items[:limit] if limit else items
        values = [float(v) for v in threshold.split(",")] if threshold else [THREAD_THRESHOLD]
        results = evaluate(items, values, workers, model, cache)
        if json_out:
            typer.echo(json.dumps({k: dataclasses.asdict(v) for k, v in results.items()}, indent=2))
        else:
            typer.echo(format_table(f"{corpus} ({level})" if corpus == "ecbplus" else corpus, len(items), results))
