"""Multi-label topic models kept as plain data: a vocabulary, idf weights and one linear
scorer per topic, applied with numpy.

A model is a directory holding ``model.json`` (scheme, topics, vocabulary, how it was made)
and ``weights.npz`` (arrays only, loaded with ``allow_pickle=False``), so it loads on any
Python, numpy or scikit-learn version and nothing in it can run code. scikit-learn is used to
train (``train``), never to read.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.extract.themes.plain import save_plain
from dateline.extract.themes.text import terms
from dateline.record import Topic

FORMAT = "dateline.topics/1"


class TopicModelError(ValueError):
    """A model directory or a training file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Example:
    text: str
    topics: tuple[str, ...]


@dataclass
class TopicModel:
    scheme: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (V,)
    coef: np.ndarray  # (L, V)
    bias: np.ndarray  # (L,)
    threshold: np.ndarray  # (L,) margin above which a topic is assigned
    at_least_one: bool = True  # every story gets its best topic even below the threshold
    made: str = ""

    def margins(self, text: str) -> np.ndarray:
        """One linear score per topic for ``text`` (tf-idf with sublinear tf, L2-normalised)."""
        counts = Counter(t for t in terms(text) if t in self.vocabulary)
        if not counts:
            return np.full(len(self.codes), -np.inf)
        idx = np.fromiter((self.vocabulary[t] for t in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        x = tf * self.idf[idx]
        x /= np.linalg.norm(x)
        return self.coef[:, idx] @ x + self.bias

    def predict(self, text: str) -> tuple[Topic, ...]:
        """The topics assigned to ``text``, best first; ``score`` is the squashed margin
        (0.5 at the model's decision boundary), a ranking, not a calibrated probability."""
        m = self.margins(text)
        if not np.isfinite(m).any():
            return ()
        chosen = np.flatnonzero(m > self.threshold)
        if not len(chosen) and self.at_least_one:
            chosen = np.array([int(np.argmax(m - self.threshold))])
        return tuple(
            Topic(
                self.scheme,
                self.codes[i],
                self.labels[i],
                round(0.5 * (1.0 + math.tanh(float(m[i] - self.threshold[i]))), 3),
            )
            for i in sorted(chosen, key=lambda i: -m[i])
        )

    def save(self, out: Path) -> Path:
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {
            "format": FORMAT,
            "scheme": self.scheme,
            "made": self.made,
            "at_least_one": self.at_least_one,
            "topics": [{"code": c, "label": lab} for c, lab in zip(self.codes, self.labels)],
            "vocabulary": vocab,
        }
        return save_plain(
            out,
            meta,
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float16),
            bias=self.bias.astype(np.float32),
            threshold=self.threshold.astype(np.float32),
        )


def load(path: str | Path) -> TopicModel:
    """Load a model directory written by ``TopicModel.save`` (``dateline topics train``)."""
    path = Path(path)
    try:
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        arrays = np.load(path / "weights.npz", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise TopicModelError(f"{path}: not a topic model directory ({exc})") from None
    if meta.get("format") != FORMAT:
        raise TopicModelError(f"{path}: model format {meta.get('format')!r}, expected {FORMAT!r}")
    topics = meta["topics"]
    return TopicModel(
        scheme=meta["scheme"],
        codes=tuple(t["code"] for t in topics),
        labels=tuple(t["label"] for t in topics),
        vocabulary={t: i for i, t in enumerate(meta["vocabulary"])},
        idf=arrays["idf"].astype(np.float32),
        coef=arrays["coef"].astype(np.float32),
        bias=arrays["bias"].astype(np.float32),
        threshold=arrays["threshold"].astype(np.float32),
        at_least_one=bool(meta.get("at_least_one", True)),
        made=meta.get("made", ""),
    )


@lru_cache(maxsize=1)
def default_model() -> TopicModel:
    """The IPTC Media Topic model shipped with the package (see ``scripts/train_iptc.py``)."""
    return load(Path(str(resources.files("dateline.extract.themes").joinpath("models/iptc-mediatopic"))))


def read_examples(path: Path) -> tuple[list[Example], dict[str, str]]:
    """Training examples from JSON Lines: ``{"text": ..., "topics": [code | {"code", "label"}]}``.

    Returns the examples and a label for every code (the code itself where none is given)."""
    examples: list[Example] = []
    labels: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, topics = row["text"], row["topics"]
            except (ValueError, KeyError, TypeError) as exc:
                raise TopicModelError(f'{path}:{n}: expected {{"text", "topics"}} ({exc})') from None
            if not isinstance(text, str) or not isinstance(topics, list):
                raise TopicModelError(f'{path}:{n}: "text" must be a string and "topics" a list')
            codes = []
            for t in topics:
                code = t.get("code") if isinstance(t, dict) else t
                if not isinstance(code, str) or not code:
                    raise TopicModelError(f'{path}:{n}: a topic must be a code or {{"code", "label"}}')
                labels.setdefault(code, t.get("label") or code if isinstance(t, dict) else code)
                codes.append(code)
            examples.append(Example(text, tuple(dict.fromkeys(codes))))
    if not examples:
        raise TopicModelError(f"{path}: no training examples")
    return examples, labels


def train(
    examples: Sequence[Example],
    scheme: str,
    *,
    labels: dict[str, str] | None = None,
    min_df: int = 2,
    min_examples: int = 1,
    c: float = 1.0,
    folds: int = 3,
    made: str = "",
) -> TopicModel:
    """Train one linear SVM per topic (one-vs-rest) on tf-idf of words and word pairs.

    Each topic's decision threshold is then chosen on out-of-fold margins (``folds``-fold
    cross-validation, fixed seed) to maximise its F1, and moved halfway back towards the SVM's
    own zero (``SHRINK``): zero suits frequent topics and under-assigns rare ones, while the
    out-of-fold models, trained on less, give noisier margins than the final one. Topics with fewer than ``min_examples`` stories are
    left out (a model cannot learn them).
    """
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError as exc:  # pragma: no cover - scikit-learn is a dependency
        raise TopicModelError(f"training needs scikit-learn ({exc})") from None
    counts = Counter(code for ex in examples for code in ex.topics)
    codes = tuple(sorted(code for code, n in counts.items() if n >= min_examples))
    if not codes:
        raise TopicModelError(f"no topic has {min_examples} or more examples")
    vectorizer = TfidfVectorizer(analyzer=terms, min_df=min(min_df, len(examples)), sublinear_tf=True, dtype=np.float32)
    x = vectorizer.fit_transform([ex.text for ex in examples])
    coef = np.zeros((len(codes), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(codes), dtype=np.float32)
    threshold = np.zeros(len(codes), dtype=np.float32)
    for i, code in enumerate(codes):
        y = np.fromiter((code in ex.topics for ex in examples), dtype=np.int8, count=len(examples))
        if y.min() == y.max():  # every story has it (or none): a constant scorer
            bias[i] = 1.0 if y[0] else -1.0
            continue
        svm = LinearSVC(C=c, random_state=0).fit(x, y)
        coef[i], bias[i] = svm.coef_[0], svm.intercept_[0]
        threshold[i] = SHRINK * _tuned_threshold(LinearSVC(C=c, random_state=0), x, y, folds)
    labels = labels or {}
    return TopicModel(
        scheme=scheme,
        codes=codes,
        labels=tuple(labels.get(code, code) for code in codes),
        vocabulary={t: int(i) for t, i in vectorizer.vocabulary_.items()},
        idf=vectorizer.idf_.astype(np.float32),
        coef=coef,
        bias=bias,
        threshold=threshold,
        made=made,
    )


SHRINK = 0.5  # chosen on the Reuters-21578 development half (held-back part), not on ModApte test
MIN_TUNED = 3  # positives needed in every fold before a topic's threshold is tuned


def _tuned_threshold(svm, x, y: np.ndarray, folds: int) -> float:
    """The margin threshold with the best out-of-fold F1 (0.0, the SVM's own, for rare topics)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    if folds < 2 or int(y.sum()) < MIN_TUNED * folds:
        return 0.0
    margins = cross_val_predict(
        svm, x, y, cv=StratifiedKFold(folds, shuffle=True, random_state=0), method="decision_function"
    )
    order = np.argsort(-margins)
    hits = np.cumsum(y[order])
    f1s = 2 * hits / (np.arange(1, len(y) + 1) + y.sum())
    best = int(np.argmax(f1s))
    below = margins[order[best + 1]] if best + 1 < len(order) else margins[order[best]] - 1.0
    return float((margins[order[best]] + below) / 2)
