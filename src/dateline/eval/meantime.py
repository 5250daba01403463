"""`dateline eval meantime-events DIR`: event triggers and participants on NewsReader MEANTIME.

MEANTIME (English, 120 WikiNews articles) marks every event mention (verbs and event nouns)
and links events to their participants (HAS_PARTICIPANT, PropBank roles). dateline's typed
lexicon covers the political and diplomatic events news readers ask about, not every
predicate, so two settings are scored: the record as written (typed events) and
``--open-class``, where every verb also makes a frame. Scores:

- trigger P/R/F1: a found trigger token inside a gold event mention;
- participant P/R/F1: (trigger, participant) pairs, the participant token inside a gold
  entity mention linked to that event. "entities" counts the record's who/with/where/object
  (entity ids only); "arguments" counts every argument head the parse gave, entity or not.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import typer

from dateline.eval.meantime_tokens import read_meantime
from dateline.eval.metrics import prf

SENTENCE_BREAK = "\n\n"  # WikiNews prints short paragraphs; a blank line keeps the parser inside one


@dataclass
class GoldDoc:
    name: str
    text: str
    token_at: list[int | None]  # character -> MEANTIME token id
    events: dict[str, frozenset[int]]  # event mention id -> token ids
    participants: set[tuple[str, frozenset[int]]]  # (event mention id, entity mention tokens)
    dct: date | None = None
    sentence: dict[int, int] = field(default_factory=dict)  # token id -> sentence number

    def first(self, sentences: int) -> GoldDoc:
        """Only the events (and their links) in the first ``sentences`` sentences."""
        if not sentences:
            return self
        keep = {e: toks for e, toks in self.events.items() if min(self.sentence[t] for t in toks) < sentences}
        return GoldDoc(
            self.name,
            self.text,
            self.token_at,
            keep,
            {(e, toks) for e, toks in self.participants if e in keep},
            self.dct,
            self.sentence,
        )


def read_doc(path: Path) -> GoldDoc:
    """One MEANTIME XML file: text rebuilt from its tokens, sentences a blank line apart."""
    doc = read_meantime(path, sentence_break=SENTENCE_BREAK)
    root = doc.root
    sentence_of = {int(t.id): t.sentence for t in doc.tokens}
    token_at: list[int | None] = [None] * len(doc.text)
    for t in doc.tokens:
        token_at[t.start : t.end] = [int(t.id)] * (t.end - t.start)
    markables = root.find("Markables")
    mentions = {
        m.get("m_id", ""): frozenset(int(a.get("t_id", "")) for a in m.iter("token_anchor"))
        for m in (markables if markables is not None else ())
    }
    events = {m.get("m_id", ""): mentions[m.get("m_id", "")] for m in root.iter("EVENT_MENTION")}
    entities = {m.get("m_id", "") for m in root.iter("ENTITY_MENTION")}
    links = set()
    for link in root.iter("HAS_PARTICIPANT"):
        source, target = link.find("source"), link.find("target")
        if source is None or target is None:
            continue
        sid, tid = source.get("m_id", ""), target.get("m_id", "")
        if sid in events and tid in entities:
            links.add((sid, mentions[tid]))
    return GoldDoc(doc.name, doc.text, token_at, events, links, _dct(root), sentence_of)


def _dct(root: ET.Element) -> date | None:
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            try:
                return date.fromisoformat((tx.get("value") or "")[:10])
            except ValueError:
                return None
    return None


def read_dir(directory: Path) -> list[GoldDoc]:
    """Every article under ``directory``; given the whole corpus, its cross-document copy only
    (the same articles are also in intra-doc_annotation)."""
    paths = sorted(directory.rglob("*.xml"))
    cross = [p for p in paths if "intra_cross-doc_annotation" in p.parts]
    return [read_doc(p) for p in (cross or paths)]


@dataclass
class Count:
    gold: int = 0
    found: int = 0
    gold_hit: int = 0
    found_hit: int = 0

    def add(self, other: Count) -> None:
        self.gold += other.gold
        self.found += other.found
        self.gold_hit += other.gold_hit
        self.found_hit += other.found_hit

    def prf(self) -> tuple[float, float, float]:
        return prf(self.found_hit, self.found, self.gold_hit, self.gold)


@dataclass
class Scores:
    triggers: Count = field(default_factory=Count)
    entities: Count = field(default_factory=Count)
    arguments: Count = field(default_factory=Count)


def score_doc(gold: GoldDoc, found: list[tuple[int | None, list[int], list[int]]], scores: Scores) -> None:
    """``found``: (trigger token, entity participant tokens, argument tokens) as MEANTIME token ids."""
    event_of: dict[int | None, str] = {t: eid for eid, toks in gold.events.items() for t in toks}
    hit_events = {event_of[t] for t, _, _ in found if t in event_of}
    scores.triggers.add(Count(len(gold.events), len(found), len(hit_events), sum(t in event_of for t, _, _ in found)))
    for slot, count in ((1, scores.entities), (2, scores.arguments)):
        pairs = {(t, p) for f in found for t, p in ((f[0], p) for p in (f[1] if slot == 1 else f[2]))}
        hit_gold = {
            (e, toks) for (e, toks) in gold.participants if any(event_of.get(t) == e and p in toks for t, p in pairs)
        }
        hit_found = sum(any(event_of.get(t) == e and p in toks for e, toks in gold.participants) for t, p in pairs)
        count.add(Count(len(gold.participants), len(pairs), len(hit_gold), hit_found))


def evaluate(docs: list[GoldDoc], open_class: bool = False, sentences: int = 0) -> Scores:
    """Run spaCy and the extractors over the rebuilt texts and score the event frames."""
    from dateline.extract.base import StoryContext, build_extractor, registered
    from dateline.extract.events.extractor import find_frames
    from dateline.extract.events.frames import FrameFinder
    from dateline.nlp import load_pipeline
    from dateline.structure.layout import Field, Layout

    nlp = load_pipeline()
    before = [(n, build_extractor(n)) for n in ("entities", "timexes", "places", "quotes") if n in registered()]
    finder = FrameFinder(open_class=open_class)
    scores = Scores()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        body = Field(gold.text, 0, len(gold.text))
        layout = Layout(text=gold.text, body=body, paragraphs=(body,))
        parts: dict[str, tuple] = {}
        for name, extractor in before:
            parts[name] = tuple(extractor(StoryContext(layout=layout, doc=doc, anchor=gold.dct, parts=parts)))
        frames = find_frames(StoryContext(layout=layout, doc=doc, anchor=gold.dct, parts=parts), finder)
        found = [_gold_tokens(gold, doc, f) for f in frames]
        if sentences:
            found = [f for f in found if f[0] is not None and gold.sentence.get(f[0], 0) < sentences]
        score_doc(gold.first(sentences), found, scores)
    return scores


def _gold_tokens(gold: GoldDoc, doc, frame) -> tuple[int | None, list[int], list[int]]:
    def tid(i: int) -> int | None:
        return gold.token_at[doc[i].idx] if 0 <= i < len(doc) and doc[i].idx < len(gold.token_at) else None

    stated = list(frame.who) + list(frame.with_) + [p for p in (frame.where, frame.object) if p]
    entities = [t for _, i in stated if i >= 0 and (t := tid(i)) is not None]
    arguments = [t for i in frame.roles if (t := tid(i)) is not None]
    return tid(frame.trigger.i), entities, arguments


def format_scores(scores: Scores, docs: int, seconds: float, open_class: bool, sentences: int = 0) -> str:
    setting = "every verb (--open-class)" if open_class else "typed events (the record)"
    setting += f", first {sentences} sentences" if sentences else ", all sentences"
    lines = [
        f"MEANTIME events, {setting}: {docs} documents, {scores.triggers.gold} gold event mentions, "
        f"{scores.triggers.found} found, {scores.entities.gold} gold participant links, "
        f"{seconds * 1000 / max(docs, 1):.0f} ms a document",
        f"{'measure':<24}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name, count in (
        ("trigger", scores.triggers),
        ("participant (entities)", scores.entities),
        ("participant (arguments)", scores.arguments),
    ):
        p, r, f = count.prf()
        lines.append(f"{name:<24}{p * 100:8.2f}{r * 100:8.2f}{f * 100:8.2f}")
    return "\n".join(lines)


def register(eval_app: typer.Typer) -> None:
    eval_app.command("meantime-events")(meantime_events)


def meantime_events(
    directory: Path = typer.Argument(
        ..., help="MEANTIME English XML folder (searched recursively), e.g. .../intra_cross-doc_annotation."
    ),
    open_class: bool = typer.Option(
        False,
        "--open-class",
        help="Also count every verb outside the event lexicon, as MEANTIME annotates every predicate.",
    ),
    sentences: int = typer.Option(
        6,
        "--sentences",
        help="Score the first N sentences of each "
        "article (title and date line count), where MEANTIME marks every "
        "event; 0 for all, where later events are marked only sparsely.",
    ),
    limit: int = typer.Option(0, "--limit", help="Score only the first N documents."),
) -> None:
    """Event trigger detection and participant P/R/F1 on MEANTIME."""
    docs = read_dir(directory)
    if not docs:
        raise typer.BadParameter(f"no MEANTIME .xml files under {directory}")
    docs = docs[:limit] if limit else docs
    started = time.perf_counter()
    scores = evaluate(docs, open_class=open_class, sentences=sentences)
    typer.echo(format_scores(scores, len(docs), time.perf_counter() - started, open_class, sentences))
