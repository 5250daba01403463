"""`dateline eval identity DIR`: cross-story entity identity scored against Wikidata ids.

AIDA-CoNLL dev (``DIR/aida-conll-dev.benchmark.jsonl``, as converted by ELEVANT) links the
names of the 216 CoNLL-2003 testa documents to Wikidata. Its text is partly masked, so each
document is rebuilt from ``conll2003/eng.testa`` (found beside ``DIR``, or given with
``--conll``): the same tokens joined by single spaces, a sentence boundary written as a line
break (the same length, so the gold offsets hold). The documents are read as stories into a
temporary archive; the archive's entities are the predicted clusters.

What is clustered: each (document, Wikidata id) pair the gold links (``<NIL>`` left out),
predicted as the archive entity most of its gold mentions overlap; a pair none of whose
mentions the reader found as a name is a cluster of its own (a miss costs recall). B-cubed
precision, recall and F1 over the pairs; for scale, every pair alone and the pairs grouped by
their longest mention's text folded (the same-name baseline).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval.threads import bcubed, read_cached
from dateline.io.sources import Story

BENCHMARK = "aida-conll-dev.benchmark.jsonl"


@dataclass(frozen=True, slots=True)
class GoldDoc:
    story: Story
    links: dict[str, list[tuple[int, int]]]  # Wikidata id -> mention spans in the story text


@dataclass(frozen=True, slots=True)
class IdentityScores:
    precision: float
    recall: float
    f1: float
    clusters: int
    found: float  # share of gold pairs with at least one mention found as a name


def conll_texts(path: Path) -> list[str]:
    """Each CoNLL-2003 document's tokens joined by spaces, a line break between sentences."""
    from dateline.eval.conll import read_conll

    out = []
    for doc in read_conll(path):
        starts = set(doc.sent_starts)
        parts = []
        for i, word in enumerate(doc.words):
            if i:
                parts.append("\n" if i in starts else " ")
            parts.append(word)
        out.append("".join(parts))
    return out


def aida_docs(directory: Path, conll: Path) -> list[GoldDoc]:
    """The benchmark's documents with their text rebuilt from CoNLL (lengths checked)."""
    texts = conll_texts(conll)
    rows = [
        json.loads(line) for line in (directory / BENCHMARK).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if len(rows) != len(texts):
        raise typer.BadParameter(f"{conll} has {len(texts)} documents, the benchmark {len(rows)}")
    docs = []
    for row, text in zip(rows, texts):
        if len(text) != len(row["text"]):
            raise typer.BadParameter(f"document {row['id']}: CoNLL text does not align with the benchmark")
        links: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for label in row["labels"]:
            if label["entity_id"] != "<NIL>":
                links[label["entity_id"]].append(tuple(label["span"]))
        docs.append(GoldDoc(Story(text=text, source=f"aida-{row['id']}"), dict(links)))
    return docs


def pair_predictions(
    docs: Sequence[GoldDoc], mentions: Sequence[list[tuple[int, int, int]]]
) -> tuple[list[str], list[tuple[Hashable, ...]], list[Hashable], int]:
    """Gold labels, predicted archive entities and same-name baseline for every gold pair;
    ``mentions[i]`` holds document i's archive mentions as (start, end, entity)."""
    gold: list[str] = []
    pred: list[tuple[Hashable, ...]] = []
    names: list[Hashable] = []
    found = 0
    for i, (doc, rows) in enumerate(zip(docs, mentions)):
        for qid, spans in sorted(doc.links.items()):
            votes = Counter(e for s, t in spans for (ms, me, e) in rows if ms < t and s < me)
            gold.append(qid)
            if votes:
                found += 1
                pred.append(("e", votes.most_common(1)[0][0]))
            else:
                pred.append(("miss", i, qid))
            longest = max(spans, key=lambda st: (st[1] - st[0], -st[0]))
            names.append(doc.story.text[longest[0] : longest[1]].casefold())
    return gold, pred, names, found


def evaluate(
    docs: Sequence[GoldDoc], workers: int = 1, model: str | None = None, cache: Path | None = None
) -> dict[str, IdentityScores]:
    """Read the documents, write them into a fresh archive, score its entities; again with the
    stories written in reverse order (identity should not depend on the order of arrival)."""
    read = read_cached([d.story for d in docs], workers, model, cache)
    out: dict[str, IdentityScores] = {}
    for label, order in (("dateline", list(range(len(read)))), ("reversed", list(range(len(read)))[::-1])):
        gold, pred, names, found = pair_predictions(docs, _archive_mentions(read, order))
        if not out:
            for base, clusters in (("singletons", list(range(len(gold)))), ("same name", names)):
                out[base] = _scores(gold, clusters, 1.0)
        out[label] = _scores(gold, pred, found / len(gold) if gold else 0.0)
        if label == "dateline":
            hit = [i for i, p in enumerate(pred) if p[0] == "e"]
            out["found only"] = _scores([gold[i] for i in hit], [pred[i] for i in hit], 1.0)
    return out


def _scores(gold: list[str], clusters: Sequence[Hashable], found: float) -> IdentityScores:
    p, r, f = bcubed(gold, clusters)
    return IdentityScores(p, r, f, len(set(clusters)), found)


def _archive_mentions(read: list, order: list[int]) -> list[list[tuple[int, int, int]]]:
    """Each read story's archive mentions (start, end, entity) after writing them in ``order``."""
    from dateline.ingest.local import Failure
    from dateline.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "identity.db") as store:
        items = [read[i] for i in order if not isinstance(read[i], Failure)]
        for start in range(0, len(items), 32):
            store.write(items[start : start + 32])
        n_of = {r["id"]: r["n"] for r in store.db.query("SELECT id, n FROM stories")}
        by_story: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for r in store.db.query("SELECT story, start_char, end_char, entity FROM mentions"):
            by_story[r["story"]].append((r["start_char"], r["end_char"], r["entity"]))
    return [
        by_story.get(n, []) if not isinstance(p, Failure) and (n := n_of.get(p.article.id)) is not None else []
        for p in read
    ]


def format_table(n_docs: int, n_pairs: int, results: dict[str, IdentityScores]) -> str:
    lines = [
        f"AIDA-CoNLL dev: {n_docs} stories, {n_pairs} (story, Wikidata id) pairs "
        "(found: share with a mention read as a name; 'found only' scores those alone)",
        f"{'clustering':<12} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'clusters':>8} {'found':>6}",
    ]
    for label, s in results.items():
        lines.append(f"{label:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.clusters:8d} {s.found:6.3f}")
    return "\n".join(lines)


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("identity")
    def identity(
        directory: Path = typer.Argument(
            ..., exists=True, file_okay=False, help="The aida-conll folder (aida-conll-dev.benchmark.jsonl)."
        ),
        conll: Path = typer.Option(None, "--conll", help="CoNLL-2003 eng.testa (default: DIR/../conll2003/eng.testa)."),
        limit: int = typer.Option(None, "--limit", help="Score only the first N stories."),
        workers: int = typer.Option(1, "--workers", "-w", help="Reader processes."),
        json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        cache: Path = typer.Option(None, "--cache", help="Pickle of the read stories, reused when present."),
        model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
    ) -> None:
        """Cross-story entity identity: the archive's entities against AIDA-CoNLL's Wikidata ids (B-cubed)."""
        conll = conll or directory.parent / "conll2003" / "eng.testa"
        if not conll.is_file():
            raise typer.BadParameter(f"no CoNLL-2003 testa at {conll} (give it with --conll)")
        docs = aida_docs(directory, conll)[:limit] if limit else aida_docs(directory, conll)
        results = evaluate(docs, workers, model, cache)
        pairs = sum(len(d.links) for d in docs)
        if json_out:
            typer.echo(json.dumps({k: dataclasses.asdict(v) for k, v in results.items()}, indent=2))
        else:
            typer.echo(format_table(len(docs), pairs, results))
