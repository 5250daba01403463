"""Topic classification on Reuters-21578 (ModApte): train with `dateline topics train` on the
training stories, score micro and macro F1 on stories held back.

ModApte's convention: stories marked TOPICS="YES" with at least one topic; the training part
is LEWISSPLIT="TRAIN", the test part LEWISSPLIT="TEST". Given only training stories (the
development half), the ones with NEWID above ``--held-out-from`` are held back as the test
part (the later stories, as ModApte's test stories are later than its training ones). Scored
topics are those with a story on both sides (ModApte's 90 on the full collection).
"""

from __future__ import annotations

import html
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.eval.metrics import f1, prf
from dateline.eval.reuters21578 import _CONTROL, _DOC

HELD_OUT_FROM = 9001


@dataclass(frozen=True)
class TopicStory:
    newid: int
    split: str  # TRAIN | TEST
    text: str
    topics: tuple[str, ...]


def read_sgm(path: Path) -> list[TopicStory]:
    """ModApte stories of one .sgm file: TOPICS="YES", at least one topic, title and body text."""
    out = []
    for doc in _DOC.findall(path.read_text(encoding="latin-1")):
        head = doc[: doc.index(">")]
        if 'TOPICS="YES"' not in head:
            continue
        topics = tuple(re.findall(r"<D>(.*?)</D>", (re.search(r"<TOPICS>(.*?)</TOPICS>", doc, re.S) or [""])[0]))
        if not topics:
            continue
        title, body = _field(doc, "TITLE"), _field(doc, "BODY")
        text = "\n".join(t.strip() for t in (title, body) if t) or _field(doc, "TEXT") or ""
        split, newid = re.search(r'LEWISSPLIT="(\w+)"', head), re.search(r'NEWID="(\d+)"', head)
        if split is None or newid is None:
            raise ValueError(f"a Reuters-21578 story without LEWISSPLIT or NEWID: {head[:80]!r}")
        out.append(TopicStory(int(newid.group(1)), split.group(1), text, topics))
    return out


def _field(doc: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", doc, re.S)
    return html.unescape(_CONTROL.sub("", m.group(1))) if m else None


def split(stories: list[TopicStory], held_out_from: int = HELD_OUT_FROM) -> tuple[list[TopicStory], list[TopicStory]]:
    """(train, test): LEWISSPLIT when the files hold test stories, else held back by NEWID."""
    if any(s.split == "TEST" for s in stories):
        return [s for s in stories if s.split == "TRAIN"], [s for s in stories if s.split == "TEST"]
    return [s for s in stories if s.newid < held_out_from], [s for s in stories if s.newid >= held_out_from]


def score(gold: list[tuple[str, ...]], found: list[tuple[str, ...]], topics: set[str]) -> dict[str, float]:
    """Micro and macro F1 over ``topics`` (macro: the mean of each topic's F1)."""
    per = {t: [0, 0, 0] for t in topics}  # hits, found, gold
    for g, f in zip(gold, found):
        for t in topics:
            per[t][0] += t in g and t in f
            per[t][1] += t in f
            per[t][2] += t in g
    hits, n_found, n_gold = (sum(v[i] for v in per.values()) for i in range(3))
    p, r, micro = prf(hits, n_found, hits, n_gold)
    macro = sum(f1(*prf(h, nf, h, ng)[:2]) for h, nf, ng in per.values()) / len(per) if per else 0.0
    return {"micro_p": p, "micro_r": r, "micro_f1": micro, "macro_f1": macro}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("reuters21578-topics")
    def reuters21578_topics(
        path: Path = typer.Argument(..., exists=True, help="Reuters-21578 folder or .sgm file"),
        held_out_from: int = typer.Option(
            HELD_OUT_FROM, "--held-out-from", help="Without TEST stories: hold back NEWIDs from here."
        ),
        out: Path = typer.Option(None, "--out", help="Keep the trained model here."),
    ) -> None:
        """Topic F1 on Reuters-21578 ModApte: train with `dateline topics train`, score held-back stories."""
        from dateline.cli.topics import train as train_command
        from dateline.extract.themes.topics import load

        files = sorted(path.glob("reut2-*.sgm")) if path.is_dir() else [path]
        train, test = split([s for f in files for s in read_sgm(f)], held_out_from)
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "train.jsonl"
            data.write_text(
                "".join(json.dumps({"text": s.text, "topics": list(s.topics)}) + "\n" for s in train), encoding="utf-8"
            )
            model_dir = out or Path(tmp) / "model"
            train_command(data, scheme="reuters21578", out=model_dir, min_examples=1, c=1.0, min_df=2)
            model = load(model_dir)
        topics = set(model.codes) & {t for s in test for t in s.topics}
        found = [tuple(t.code for t in model.predict(s.text)) for s in test]
        scores = score([s.topics for s in test], found, topics)
        typer.echo(f"train {len(train)} stories, test {len(test)} stories, {len(topics)} topics scored")
        typer.echo(
            f"micro P {scores['micro_p']:.4f} R {scores['micro_r']:.4f} F1 {scores['micro_f1']:.4f}; "
            f"macro F1 {scores['macro_f1']:.4f}"
        )
