"""`dateline eval conll FILE`: NER F1 on CoNLL-2003 (IOB1): the loaded pipeline's own NER
(spaCy's), dateline's news NER alone (``dateline.nlp.use_news_ner``), and the news NER with
dateline's story-evidence corrections (what the record gets). The corrections must not lower it.

spaCy's labels map to CoNLL's: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC; numbers and dates are dropped.
Each -DOCSTART- document is one story; sentence boundaries are given to the parser.
With ``--as-text`` each document is read as text instead (its sentences as paragraphs, words
joined by spaces) through the pipeline's own tokenizer, as the record reads a story, and
scored on character spans: spaCy splits "Dar-es-Salaam" where the file keeps one word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from dateline.eval.metrics import prf

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")

Chunk = tuple[int, int, str]  # token (or character) start and end, CoNLL type


@dataclass(frozen=True)
class ConllDoc:
    words: tuple[str, ...]
    sent_starts: tuple[int, ...]
    gold: frozenset[Chunk]


def read_conll(path: str | Path) -> Iterator[ConllDoc]:
    """Documents of a CoNLL-2003 file with their gold chunks (IOB1 or IOB2 tags)."""
    words: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    new_sentence = True
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            new_sentence = True
            continue
        if parts[0] == "-DOCSTART-":
            if words:
                yield ConllDoc(tuple(words), tuple(starts), frozenset(iob_chunks(tags)))
            words, tags, starts, new_sentence = [], [], [], True
            continue
        if new_sentence:
            starts.append(len(words))
            new_sentence = False
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        yield ConllDoc(tuple(words), tuple(starts), frozenset(iob_chunks(tags)))


def iob_chunks(tags: list[str]) -> Iterator[Chunk]:
    """Chunks of IOB1/IOB2 tags: a chunk starts at B-, or at I- after another type or O."""
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (tag == "O" or prefix == "B" or label != kind):
            yield start, i, kind
            start, kind = None, ""
        if tag != "O" and start is None:
            start, kind = i, label


def score(gold: Iterable[set[Chunk]], pred: Iterable[set[Chunk]]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 per type and overall (exact span and type match)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        for chunks, counter in ((g, n_gold), (p, n_pred)):
            for c in chunks:
                counter[c[2]] += 1
                counter["ALL"] += 1
        for c in g & p:
            tp[c[2]] += 1
            tp["ALL"] += 1
    out = {}
    for t in (*TYPES, "ALL"):
        out[t] = prf(tp[t], n_pred[t], tp[t], n_gold[t])
    return out


def evaluate(
    path: str | Path, model: str | None = None, limit: int | None = None, as_text: bool = False
) -> dict[str, Any]:
    """Run each NER on each document once; score the pipeline's own, the news NER, and the
    news NER corrected (on the file's tokens, or with ``as_text`` on character spans)."""
    from dateline.extract.entities.corrections import correct
    from dateline.nlp import load_pipeline

    own, news = load_pipeline(model, news_ner=False), load_pipeline(model)
    docs = list(read_conll(path))[:limit]
    golds, raw, alone, fixed = [], [], [], []
    for cdoc in docs:
        if as_text:
            text, offsets = _as_text(cdoc)
            golds.append({(offsets[a][0], offsets[b - 1][1], t) for a, b, t in cdoc.gold})
            raw.append(_char_chunks(own(text).ents))
            doc = news(text)
            alone.append(_char_chunks(doc.ents))
            spans = [s for s in correct(doc) if s.label in LABEL_MAP]
            fixed.append(
                {(doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1]), LABEL_MAP[s.label]) for s in spans}
            )
            continue
        golds.append(set(cdoc.gold))
        raw.append(_chunks(own(_given(own, cdoc)).ents))
        doc = news(_given(news, cdoc))
        alone.append(_chunks(doc.ents))
        fixed.append({(s.start, s.end, LABEL_MAP[s.label]) for s in correct(doc) if s.label in LABEL_MAP})
    return {"spacy": score(golds, raw), "news": score(golds, alone), "dateline": score(golds, fixed), "docs": len(docs)}


def _as_text(cdoc: ConllDoc) -> tuple[str, list[tuple[int, int]]]:
    """The document as a story: sentences as paragraphs, words joined by spaces; and each word's
    character span."""
    starts = set(cdoc.sent_starts) - {0}
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    at = 0
    for i, word in enumerate(cdoc.words):
        if i:
            gap = "\n\n" if i in starts else " "
            parts.append(gap)
            at += len(gap)
        parts.append(word)
        offsets.append((at, at + len(word)))
        at += len(word)
    return "".join(parts), offsets


def _char_chunks(ents) -> set[Chunk]:
    return {(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in ents if e.label_ in LABEL_MAP}


def _given(nlp, cdoc: ConllDoc):
    """A doc on the file's own tokens and sentence starts."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=list(cdoc.words))
    starts = set(cdoc.sent_starts)
    for i, token in enumerate(doc):
        token.is_sent_start = i in starts
    return doc


def _chunks(ents) -> set[Chunk]:
    return {(e.start, e.end, LABEL_MAP[e.label_]) for e in ents if e.label_ in LABEL_MAP}


def register(eval_app: typer.Typer) -> None:
    eval_app.command("conll")(conll)


def conll(
    path: str = typer.Argument(..., help="CoNLL-2003 file, e.g. ../shared/data/conll2003/eng.testa"),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
    limit: int = typer.Option(None, "--limit", help="Only the first N documents."),
    as_text: bool = typer.Option(
        False, "--as-text", help="Read each document as text with the pipeline's tokenizer, as a story is read."
    ),
) -> None:
    """NER F1 per type: the pipeline's own NER, the news NER, the news NER with corrections."""
    result = evaluate(path, model=model, limit=limit, as_text=as_text)
    typer.echo(f"documents: {result['docs']}")
    columns = (("spacy", "spaCy"), ("news", "news NER"), ("dateline", "dateline"))
    typer.echo(f"{'type':<6}" + "".join(f"{name + ' P':>13}{'R':>7}{'F1':>7}" for _, name in columns))
    for t in (*TYPES, "ALL"):
        typer.echo(
            f"{t:<6}"
            + "".join(f"{result[k][t][0]:>13.3f}{result[k][t][1]:>7.3f}{result[k][t][2]:>7.3f}" for k, _ in columns)
        )
