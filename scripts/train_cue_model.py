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

``--decider`` also fits a second-stage decision over candidate attributions (a cue the model
scores at least ``FLOOR`` with the content the parse gives it), on candidates scored by the
fold's model that never saw their article; measured on dev it gained nothing, so the shipped
file has none (docs/quotes.md, session 10).
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from dateline.eval.polnear import _ANN_SUFFIX, Article, read_ann, read_split
from dateline.extract.quotes.cues import TokenIndex
from dateline.extract.quotes.marks import find_quoted, split_paragraphs
from dateline.extract.quotes.model import DECISION_VERSION, FEATURES_VERSION, MODEL_FILE, candidates, features

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "extract" / "quotes" / MODEL_FILE
SEED = 15
C = 0.3  # inverse regularisation strength
MIN_WEIGHT = 0.02  # smaller weights are dropped from the shipped file
FLOOR = 0.15  # cue-model probability below which no candidate goes to the decision
DECISION_C = 0.3
QUOTED_RATE = 0.96  # share of quoted attributions found (dev): a constant in the decision's F1 estimate


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
    """The cue model's weights, its threshold picked on cross-validated probabilities, and
    each fold's weights with the articles it never saw (for the decision's examples)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(xs).tocsr()
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")  # liblinear
    names = vectorizer.get_feature_names_out()
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    probs = np.zeros(len(ys))
    held_out = []
    labels, group_ids = np.asarray(ys), np.asarray(groups)
    for train_rows, test_rows in folds.split(matrix, labels, group_ids):
        model = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
        model.fit(matrix[train_rows], labels[train_rows])
        probs[test_rows] = model.predict_proba(matrix[test_rows])[:, 1]
        held_out.append((_weights(names, model), set(group_ids[test_rows].tolist())))
    threshold, best = _best_threshold(probs, ys)
    model = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
    model.fit(matrix, ys)
    return _weights(names, model), threshold, best, held_out


def _weights(names, model) -> dict[str, float]:
    weights = {name: float(w) for name, w in zip(names, model.coef_[0])}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return weights


def decision_examples(articles, docs, extra, held_out, threshold: float):
    """Every candidate attribution the full read would weigh (a verb or copula the cue model
    of the fold that never saw its article scores at least ``FLOOR``, with the content the
    parse gives it), its decision features, and whether an annotated attribution has both its
    cue and its content: one copy per annotation, as for the cue model. Also the annotated
    attributions (per copy) each candidate stands for, to count what the decision finds."""
    from dateline.extract.quotes.cue_words import cue_forms
    from dateline.extract.quotes.cues import _according, _Cover, _in_poll, candidate_features, weighed
    from dateline.extract.quotes.model import CueModel

    forms = cue_forms()
    xs, ys, groups, hits = [], [], [], []
    totals = {"gold": 0, "quoted": 0}
    for weights, articles_out in held_out:
        model = CueModel(weights=weights, threshold=threshold)
        for k in sorted(articles_out):
            article, doc = articles[k], docs[k]
            paragraphs = split_paragraphs(article.text, [(0, len(doc.text))])
            within = _Cover([(q.open, q.close) for q in find_quoted(article.text, paragraphs)])
            found = []
            for token in doc:
                if token.idx in within or _according(token) or _in_poll(token):
                    continue
                candidate = weighed(token, forms, model, FLOOR)
                if candidate is not None:
                    item, kind, p = candidate
                    found.append((item, candidate_features(token, item, kind, p)))
            for copy, gold in enumerate([article.gold, *(extra or {}).get(article.name, [])]):
                totals["gold"] += len(gold)
                totals["quoted"] += sum(g.category(article.text) != "indirect" for g in gold)
                for item, feats in found:
                    matched = [
                        (k, copy, gi)
                        for gi, g in enumerate(gold)
                        if _overlap(g.cue, ((item.cue.start, item.cue.end),))
                        and _overlap(g.content, ((item.start, item.end),))
                    ]
                    xs.append(feats)
                    ys.append(int(bool(matched)))
                    groups.append(k)
                    hits.append(matched[0] if matched else None)
    return xs, ys, groups, hits, totals


def _overlap(a, b) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def fit_decision(xs, ys, groups, hits, totals):
    """The decision's weights, and its threshold: the one whose cross-validated choices
    (folds keep an article whole) give the best all-attributions F1 estimate on train,
    counting quoted attributions as found at the rate dev shows (``QUOTED_RATE``)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(xs).tocsr()
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    model = LogisticRegression(C=DECISION_C, solver="liblinear", random_state=SEED, max_iter=1000)
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    probs = cross_val_predict(
        model, matrix, np.asarray(ys), groups=np.asarray(groups), cv=folds, method="predict_proba"
    )[:, 1]
    quoted = QUOTED_RATE * totals["quoted"]
    best = (0.5, {"f1": -1.0})
    for step in range(10, 81, 2):
        t = step / 100
        chosen = [k for k, p in enumerate(probs) if p >= t]
        found = len({hits[k] for k in chosen if hits[k] is not None})
        precision = (found + quoted) / (len(chosen) + totals["quoted"])
        recall = (found + quoted) / totals["gold"]
        f = 2 * precision * recall / (precision + recall)
        if f > best[1]["f1"]:
            best = (t, {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f, 4)})
    model.fit(matrix, ys)
    return _weights(vectorizer.get_feature_names_out(), model), *best


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
    parser.add_argument(
        "--decider",
        action="store_true",
        help="also fit the second-stage decision over candidate attributions (measured, not shipped: see docs/quotes.md)",
    )
    args = parser.parse_args()
    articles = read_split(args.train)
    docs = parse(articles, args.cache)
    extra = other_annotations(args.train)
    xs, ys, groups = examples(articles, docs, extra)
    weights, threshold, cv, held_out = fit(xs, ys, groups)
    kept = {k: round(w, 4) for k, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    decider = None
    if args.decider:
        dx, dy, dg, hits, totals = decision_examples(articles, docs, extra, held_out, threshold)
        d_weights, d_threshold, d_cv = fit_decision(dx, dy, dg, hits, totals)
        decider = {
            "decision_version": DECISION_VERSION,
            "floor": FLOOR,
            "C": DECISION_C,
            "candidates": len(dy),
            "attributions": sum(dy),
            "cross_validation": d_cv,
            "threshold": d_threshold,
            "weights": {k: round(w, 4) for k, w in sorted(d_weights.items()) if abs(w) >= MIN_WEIGHT},
        }
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
                **({"decider": decider} if decider else {}),
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
    if decider:
        print(
            f"decision over {decider['candidates']} candidates ({decider['attributions']} attributions): threshold "
            f"{decider['threshold']} (5-fold CV estimate on train: {decider['cross_validation']}), "
            f"{len(decider['weights'])} weights"
        )


if __name__ == "__main__":
    main()
