"""Train the attribution-cue classifier (``dateline.extract.quotes.model``) on PolNeAR train.

Every verb of every training article, every noun with a holder and a complement, and every
copula with a subject and a stance, outside quoted words (where a full read looks for no cue),
is a candidate; it is a cue when an annotator's Cue span is headed by it. A logistic regression
(scikit-learn, the ``train`` extra) over the features of ``dateline.extract.quotes.model.features`` is
fitted with a fixed seed, its threshold picked by 5-fold cross-validation on train (folds keep
each article whole; an article annotated several times gives one copy per annotation), and the
weights written as plain JSON to
``src/dateline/extract/quotes/cue_model.json``. Only train is read: dev is for reporting.

    OMP_NUM_THREADS=1 nice -n 10 python scripts/train_cue_model.py ../shared/data/polnear/data/train \
        --cache /tmp/polnear-train.pkl

Parsing the 840 articles takes a few minutes on one core; ``--cache`` keeps the parses
(spaCy docs, pickled, outside git) so a second run only fits.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from dateline.eval.polnear import _ANN_SUFFIX, Article, read_ann, read_split
from dateline.extract.quotes.cues import TokenIndex
from dateline.extract.quotes.marks import find_quoted, split_paragraphs
from dateline.extract.quotes.model import FEATURES_VERSION, MODEL_FILE, candidates, features

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "extract" / "quotes" / MODEL_FILE
SEED = 15
C = 0.3  # inverse regularisation strength
MIN_WEIGHT = 0.02  # smaller weights are dropped from the shipped file


def parse(articles: list[Article], cache: Path | None):
    """Docs as a full read makes them (structure first, then spaCy up to the body's end),
    cached as bytes between runs."""
    from spacy.tokens import Doc

    from dateline.nlp import load_pipeline
    from dateline.structure import parse_structure

    nlp = load_pipeline(None)
    if cache is not None and cache.is_file():
        docs = [Doc(nlp.vocab).from_bytes(b) for b in pickle.loads(cache.read_bytes())]
        if len(docs) == len(articles):
            return docs
    texts = []
    for a in articles:
        layout = parse_structure(a.text)
        texts.append(layout.text[: layout.body.end])
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        cache.write_bytes(pickle.dumps([d.to_bytes(exclude=["user_data"]) for d in docs]))
    return docs


def cue_heads(doc, article: Article) -> set[int]:
    """The verb (else the noun, else the copula) heading each gold Cue span: the one whose head lies outside it."""
    index = TokenIndex(doc)
    heads = set()
    for gold in article.gold:
        tokens = [i for s, e in gold.cue for i in index.between(s, e)]
        inside = set(tokens)
        for pos in ("VERB", "NOUN", "AUX"):
            words = [i for i in tokens if doc[i].pos_ == pos]
            top = [i for i in words if doc[i].head.i not in inside or doc[i].head.i == i]
            if top or words:
                heads.add((top or words)[0])
                break
    return heads


def examples(articles: list[Article], docs, extra: dict[str, list] | None = None):
    """Features and labels of every candidate, and its article's number (the folds keep an
    article whole). An article annotated by several annotators gives one copy of its
    candidates per annotation (``extra``: the annotations after the first)."""
    xs, ys, groups = [], [], []
    for k, (article, doc) in enumerate(zip(articles, docs)):
        paragraphs = split_paragraphs(article.text, [(0, len(doc.text))])
        quoted = [(q.open, q.close) for q in find_quoted(article.text, paragraphs)]
        tokens = [t for t in candidates(doc) if not any(s <= t.idx < e for s, e in quoted)]
        # a full read looks for no cue inside quoted words
        feats = [dict.fromkeys(features(t), 1) for t in tokens]
        for gold in [article.gold, *(extra or {}).get(article.name, [])]:
            heads = cue_heads(doc, Article(article.name, article.text, gold))
            xs += feats
            ys += [int(t.i in heads) for t in tokens]
            groups += [k] * len(tokens)
    return xs, ys, groups


def other_annotations(directory: Path) -> dict[str, list]:
    """The second and later annotation files of articles annotated more than once."""
    by_name: dict[str, list[Path]] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        by_name.setdefault(_ANN_SUFFIX.sub("", ann.stem), []).append(ann)
    return {name: [read_ann(p.read_text(encoding="utf-8")) for p in paths[1:]] for name, paths in by_name.items()}


def fit(xs, ys, groups):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(xs).tocsr()
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")  # liblinear
    model = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    probs = cross_val_predict(model, matrix, ys, groups=groups, cv=folds, method="predict_proba")[:, 1]
    threshold, best = _best_threshold(probs, ys)
    model.fit(matrix, ys)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return weights, threshold, best


def _best_threshold(probs, ys) -> tuple[float, dict[str, float]]:
    best = (0.5, {"f1": -1.0})
    for step in range(20, 71, 2):
        t = step / 100
        tp = sum(1 for p, y in zip(probs, ys) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, ys) if p >= t and not y)
        fn = sum(1 for p, y in zip(probs, ys) if p < t and y)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[1]["f1"]:
            best = (t, {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="PolNeAR train split (text/, attributions/)")
    parser.add_argument("--cache", type=Path, help="DocBin file keeping the parses between runs")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    articles = read_split(args.train)
    docs = parse(articles, args.cache)
    xs, ys, groups = examples(articles, docs, other_annotations(args.train))
    weights, threshold, cv = fit(xs, ys, groups)
    kept = {k: round(w, 4) for k, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    args.out.write_text(
        json.dumps(
            {
                "about": "Attribution-cue classifier for dateline.extract.quotes.model, trained by scripts/train_cue_model.py "
                "on the PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018; "
                "https://github.com/networkdynamics/PolNeAR). The corpus states no licence for its data; "
                "its helper software is MIT. Weights only: no text of the corpus is stored here.",
                "features_version": FEATURES_VERSION,
                "seed": SEED,
                "C": C,
                "candidates": len(ys),
                "cues": sum(ys),
                "cross_validation": cv,
                "threshold": threshold,
                "weights": kept,
            },
            indent=0,
            sort_keys=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(ys)} candidates, {sum(ys)} cues; threshold {threshold} (5-fold CV on train: {cv}); "
        f"{len(kept)} weights written to {args.out}"
    )


if __name__ == "__main__":
    main()
