"""Target-dependent sentiment: how one sentence speaks of one person or group named in it
(-1 negative, 0 neutral, 1 positive), as NewsMTSC (Hamborg & Donnay, EACL 2021) annotates it.

A multinomial logistic regression over sparse features of the sentence seen from the target:
words at their distance from it (left or right), the sentence's other words and word pairs,
VADER lexicon valences summed over the near and far, left and right contexts, with negation
and quotation cues; and, from spaCy's dependency parse, the target's role and head word, the
valence of what its head says and of what modifies it ("was blamed", "the corrupt X"). Trained on NewsMTSC's train split (MIT) with scikit-learn and
kept as plain data (feature names and weights, ``model.json`` + ``weights.npz``), applied
with numpy: no pickle, no GPU, a few microseconds a mention.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.strings import get_string_id

from dateline.extract.themes.plain import save_plain
from dateline.extract.themes.tone import NEGATED, NEGATORS, lexicon

FORMAT = "dateline.sentiment/2"
CLASSES = (-1, 0, 1)
NEAR = 4  # words on each side read with their distance
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z0-9]+)*|[\"“”‘’]|[.,;:!?()]")
_QUOTES = frozenset('"“”')
SAY = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "argued",
        "claimed",
        "stated",
        "wrote",
        "insisted",
        "warned",
        "according",
    }
)


@dataclass(frozen=True)
class Target:
    sentence: str
    start: int  # the mention's offsets in ``sentence``
    end: int
    parsed: Any = None  # the sentence as a parsed spaCy Span or Doc, when there is one
    offset: int = 0  # where ``sentence`` starts in ``parsed``'s doc (token.idx counts from there)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def features(t: Target) -> dict[str, float]:
    """Sparse features of ``t.sentence`` as seen from the mention at ``t.start:t.end``."""
    left, right = _tokens(t.sentence[: t.start]), _tokens(t.sentence[t.end :])
    lex = lexicon()
    f: dict[str, float] = {"bias": 1.0}
    for side, ws in (("l", left[::-1]), ("r", right)):
        words = [w for w in ws if w[0].isalpha()]
        for d, w in enumerate(words[:NEAR], 1):
            f[f"{side}{d}={w}"] = 1.0
            f[f"{side}n={w}"] = 1.0
        for w in words[NEAR:]:
            f[f"{side}f={w}"] = 1.0
        near = far = 0.0
        for d, w in enumerate(words, 1):
            v = lex.get(w, 0.0)
            if not v:
                continue
            context = words[max(0, d - 4) : d - 1] if side == "r" else words[d : d + 3]
            if any(c in NEGATORS for c in context):
                v *= -0.74
            if d <= 6:
                near += v
            else:
                far += v
            f[f"{side}lex{'+' if v > 0 else '-'}"] = f.get(f"{side}lex{'+' if v > 0 else '-'}", 0.0) + abs(v) / (
                1 + math.log(d)
            )
        f[f"{side}near"] = near / 4.0
        f[f"{side}far"] = far / 8.0
    all_words = [w for w in left + right if w[0].isalpha()]
    for w in all_words:
        f[f"w={w}"] = 1.0
    for a, b in zip(all_words, all_words[1:]):
        f[f"b={a} {b}"] = 1.0
    quotes_before = sum(w in _QUOTES for w in left)
    if quotes_before % 2:
        f["in_quote"] = 1.0
    if any(w in _QUOTES for w in left + right):
        f["quote"] = 1.0
    if right[:1] and right[0] in SAY or right[1:2] and right[1] in SAY:
        f["speaker"] = 1.0
    if any(w in NEGATORS for w in all_words):
        f["negation"] = 1.0
    if t.parsed is not None:
        f.update(parse_features(t.parsed, t.offset + t.start, t.offset + t.end))
    return f


# Dependents of the target's head that say something about it ("called him a liar", "praised as").
HEAD_ARGS = frozenset({"dobj", "acomp", "attr", "advmod", "xcomp", "ccomp", "prep", "agent", "oprd", "npadvmod"})


def _valence(token) -> float:
    lex = lexicon()
    return lex.get(token.lower_, 0.0) or (lex.get(token.lemma_.lower(), 0.0) if token.lemma_ else 0.0)


def _bounds(sentence) -> tuple[int, int]:
    """The token range of a Span, or of a whole Doc."""
    return getattr(sentence, "start", 0), getattr(sentence, "end", len(sentence))


def _subtree(token, sentence):
    """``token.subtree`` as far as it lies in ``sentence`` (a projective parse: the tokens from its
    left edge to its right edge), so a word of a very long sentence costs no more than the window."""
    lo, hi = _bounds(sentence)
    return token.doc[max(token.left_edge.i, lo) : min(token.right_edge.i + 1, hi)]


_ARRAYS = "dateline.sentiment.arrays"  # a doc's user_data key: its ``_DocArrays``, made once a doc
_NEG = get_string_id("neg")
_NEGATORS = np.array(sorted(get_string_id(w) for w in NEGATORS), dtype=np.uint64)


@dataclass(frozen=True)
class _DocArrays:
    """What every mention of a doc asks of its tokens, computed once a doc: the root of a
    run-on sentence can have hundreds of children and a window a hundred words, and a story
    can name people a thousand times."""

    heads: np.ndarray  # each token's head
    negated: np.ndarray  # a negation hangs from the token ("not", ``neg``)
    starts: np.ndarray  # character offsets of each token in the doc
    ends: np.ndarray
    valence: list[float]  # ``_valence`` of each token


def _doc_arrays(doc) -> _DocArrays:
    cached = doc.user_data.get(_ARRAYS)
    if cached is None:
        arr = doc.to_array(["HEAD", "DEP", "LOWER", "IDX", "LENGTH"]).astype(np.int64)
        index = np.arange(len(doc))
        heads = arr[:, 0] + index  # HEAD is the offset to the head
        cue = ((arr[:, 1] == np.int64(_NEG)) | np.isin(arr[:, 2].astype(np.uint64), _NEGATORS)) & (heads != index)
        negated = np.zeros(len(doc), dtype=bool)
        negated[heads[cue]] = True
        valence = [_valence(t) for t in doc]
        cached = doc.user_data[_ARRAYS] = _DocArrays(heads, negated, arr[:, 3], arr[:, 3] + arr[:, 4], valence)
    return cached


def _children(token, sentence):
    """``token.children`` as far as they lie in ``sentence`` (the mention's window)."""
    lo, hi = _bounds(sentence)
    doc = token.doc
    found = np.flatnonzero(_doc_arrays(doc).heads[lo:hi] == token.i) + lo
    return [doc[j] for j in found.tolist() if j != token.i]


def _window_valence(doc, a: int, b: int, skip: Container[int] = ()) -> float:
    """The valences of tokens ``a`` to ``b`` summed, leaving out ``skip``."""
    valence = _doc_arrays(doc).valence
    return sum(valence[j] for j in range(a, b) if j not in skip)


def _mention(sentence, start: int, end: int):
    """The mention's tokens and the one of them that hangs from outside it (its syntactic root)."""
    lo, hi = _bounds(sentence)
    doc = sentence.doc if hasattr(sentence, "doc") else sentence
    arrays = _doc_arrays(doc)
    hits = np.flatnonzero((arrays.starts[lo:hi] < end) & (arrays.ends[lo:hi] > start)) + lo
    toks = [doc[j] for j in hits.tolist()]
    if not toks:
        return [], None
    inside = {t.i for t in toks}
    return toks, next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])


def parse_features(sentence, start: int, end: int) -> dict[str, float]:
    """Features of the parse around the mention at ``start:end`` (doc character offsets)."""
    toks, root = _mention(sentence, start, end)
    if root is None:
        return {}
    inside = {t.i for t in toks}
    dep, head = root.dep_, root.head
    f = {f"dep={dep}": 1.0, f"hd={head.lower_}|{dep}": 1.0}
    hv = _valence(head)
    if _negated(head):
        hv *= -0.74
    if hv:
        f[f"hv|{dep}"] = hv / 2
    said = 0.0  # what the head's other dependents say
    for c in _children(head, sentence):
        if c.i in inside:
            continue
        if c.dep_ in HEAD_ARGS:
            f[f"sib={c.lower_}|{c.dep_}"] = 1.0
        sub = _subtree(c, sentence)
        said += _window_valence(sub.doc, sub.start, sub.end, inside)
    if said:
        f[f"sv|{dep}"] = said / 4
    own = 0.0  # the target's own modifiers ("the corrupt X", "X, a hero,")
    for t in toks:
        for c in _children(t, sentence):
            if c.i not in inside:
                f[f"ch={c.lower_}"] = 1.0
                sub = _subtree(c, sentence)
                own += _window_valence(sub.doc, sub.start, sub.end)
    if own:
        f["cv"] = own / 4
    up = head
    for _ in range(3):  # the words the head hangs from
        if up.head.i == up.i:
            break
        up = up.head
        f[f"anc={up.lower_}"] = 1.0
        f["av"] = f.get("av", 0.0) + _valence(up) / 4
    if dep == "nsubj" and head.lower_ in SAY:
        f["is_speaker"] = 1.0
    f.update(path_features(sentence, root, inside))
    return f


# The parts of the sentence whose context vectors are read, in this order: the mention, the
# three words before and after it, its head word, the whole sentence.
CONTEXT_PARTS = ("mention", "left", "right", "head", "sentence")
CONTEXT_SCALE = 0.25  # tok2vec outputs are ~0.5 a dimension; binary features are 1.0


def context_vector(t: Target, width: int) -> np.ndarray | None:
    """The parser's own context vectors (spaCy's tok2vec output, ``doc.tensor``, which a read
    computes anyway) averaged over each of ``CONTEXT_PARTS``: what the words around the target
    mean in context, beyond the words themselves. None without a parse of that tensor width."""
    sentence = t.parsed
    tensor = getattr(getattr(sentence, "doc", sentence), "tensor", None)
    if sentence is None or tensor is None or tensor.ndim != 2 or tensor.shape[1] != width:
        return None
    toks, root = _mention(sentence, t.offset + t.start, t.offset + t.end)
    if root is None:
        return None
    lo, hi = _bounds(sentence)
    first, last = toks[0].i, toks[-1].i + 1
    spans = (
        (first, last),
        (max(lo, first - 3), first),
        (last, min(hi, last + 3)),
        (root.head.i, root.head.i + 1),
        (lo, hi),
    )
    out = np.zeros((len(spans), width), dtype=np.float32)
    for k, (a, b) in enumerate(spans):
        if b > a:
            out[k] = tensor[a:b].mean(axis=0)
    return out.ravel() * CONTEXT_SCALE


def _negated(token) -> bool:
    return bool(_doc_arrays(token.doc).negated[token.i])


def path_features(sentence, root, inside: set[int]) -> dict[str, float]:
    """Each sentiment word of the sentence by its dependency path from the target: the labels
    up to the words' common ancestor and down to the word ("nsubj^dobj:-" for "X faced a scandal")."""
    lo, hi = _bounds(sentence)
    up: dict[int, tuple[int, str]] = {}
    labels: list[str] = []
    t = root
    for _ in range(8):
        up[t.i] = (len(labels), "^".join(labels))
        if t.head.i == t.i:
            break
        labels.append(t.dep_)
        t = t.head
    f: dict[str, float] = {}
    doc = root.doc
    valence = _doc_arrays(doc).valence
    for j in range(lo, hi):
        v = valence[j]
        if not v or j in inside:
            continue
        w = doc[j]
        down: list[str] = []
        neg = _negated(w) and w.pos_ in ("VERB", "AUX", "ADJ")
        t = w
        for _ in range(8):
            if t.i in up or t.head.i == t.i:
                break
            down.append(t.dep_)
            t = t.head
            neg = neg or (_negated(t) and t.i not in up)
        if t.i not in up:
            continue
        n_up, path_up = up[t.i]
        if _negated(t):
            neg = True
        if neg:
            v *= NEGATED
        sign = "+" if v > 0 else "-"
        length = n_up + len(down)
        if length <= 3:
            f[f"p{sign}:{path_up}|{'v'.join(reversed(down))}"] = 1.0
        key = f"pl{min(length, 6)}{sign}"
        f[key] = f.get(key, 0.0) + abs(v) / 4
    return f


@dataclass
class SentimentModel:
    vocabulary: dict[str, int]
    coef: np.ndarray  # (3, F) weights of the sparse features
    bias: np.ndarray  # (3,)
    context: np.ndarray  # (3, len(CONTEXT_PARTS) * width) weights of the context vectors
    width: int = 0  # the parser's tensor width the context weights were trained on (0: none)
    made: str = ""

    def scores(self, t: Target) -> np.ndarray:
        """Probabilities of -1, 0 and 1 for the target."""
        vocab = self.vocabulary
        known = [(vocab[k], v) for k, v in features(t).items() if k in vocab]
        idx = [i for i, _ in known]
        z = self.coef[:, idx] @ np.array([v for _, v in known], dtype=np.float32) + self.bias
        vec = context_vector(t, self.width) if self.width else None
        if vec is not None:
            z += self.context @ vec
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, t: Target) -> tuple[int, float]:
        p = self.scores(t)
        i = int(np.argmax(p))
        return CLASSES[i], round(float(p[i]), 3)

    def save(self, out: Path) -> Path:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {"format": FORMAT, "made": self.made, "classes": CLASSES, "context_width": self.width, "features": names}
        return save_plain(
            out,
            meta,
            coef=self.coef.astype(np.float16),
            bias=self.bias.astype(np.float32),
            context=self.context.astype(np.float32),
        )


def load(path: str | Path) -> SentimentModel:
    path = Path(path)
    meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: model format {meta.get('format')!r}, expected {FORMAT!r}")
    arrays = np.load(path / "weights.npz", allow_pickle=False)
    return SentimentModel(
        {k: i for i, k in enumerate(meta["features"])},
        arrays["coef"].astype(np.float32),
        arrays["bias"].astype(np.float32),
        arrays["context"].astype(np.float32),
        int(meta["context_width"]),
        meta.get("made", ""),
    )


@lru_cache(maxsize=1)
def default_model() -> SentimentModel:
    """The model shipped with the package (trained by ``scripts/train_sentiment.py``)."""
    return load(Path(str(resources.files("dateline.extract.themes").joinpath("models/newsmtsc"))))


def read_newsmtsc(path: Path, nlp=None) -> list[tuple[Target, int]]:
    """NewsMTSC JSON Lines: ``{"sentence", "from", "to", "polarity"}`` a line; with a spaCy
    pipeline ``nlp`` each sentence is parsed once, as the reader parses stories."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    parsed: dict[str, Any] = {}
    if nlp is not None:
        unique = sorted({r["sentence"] for r in records})
        parsed = dict(zip(unique, nlp.pipe(unique, batch_size=64)))
    return [(Target(r["sentence"], r["from"], r["to"], parsed.get(r["sentence"])), int(r["polarity"])) for r in records]


def train(
    rows: Sequence[tuple[Target, int]],
    *,
    c: float = 1.0,
    min_count: int = 2,
    width: int = 0,
    made: str = "",
) -> SentimentModel:
    """Fit the logistic regression (scikit-learn, fixed seed) and keep its weights as data.
    With ``width`` (the parser's tensor width) the context vectors are read too."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [features(t) for t, _ in rows]
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count}
    dims = [f"\tctx{j}" for j in range(len(CONTEXT_PARTS) * width)]  # no sparse feature has a tab
    table = []
    for f, (t, _) in zip(feats, rows):
        row = {k: v for k, v in f.items() if k in keep}
        v = context_vector(t, width) if width else None
        if v is not None:
            row.update(zip(dims, v.tolist()))
        table.append(row)
    vec = DictVectorizer(dtype=np.float32)
    x = vec.fit_transform(table)
    y = np.array([p for _, p in rows])
    clf = LogisticRegression(C=c, max_iter=2000, random_state=0).fit(x, y)
    coef = clf.coef_[[list(clf.classes_).index(k) for k in CLASSES]].astype(np.float32)
    sparse = {k: i for k, i in vec.vocabulary_.items() if not k.startswith("\t")}
    context = np.zeros((len(CLASSES), len(dims)), dtype=np.float32)
    for j, k in enumerate(dims):
        if k in vec.vocabulary_:
            context[:, j] = coef[:, vec.vocabulary_[k]]
    order = sorted(sparse, key=sparse.__getitem__)
    return SentimentModel(
        {k: n for n, k in enumerate(order)},
        coef[:, [sparse[k] for k in order]],
        clf.intercept_[[list(clf.classes_).index(k) for k in CLASSES]].astype(np.float32),
        context,
        width,
        made,
    )


def macro_f1(gold: Iterable[int], pred: Iterable[int]) -> dict[str, float]:
    """NewsMTSC's F1m (macro F1 over the three classes) and accuracy."""
    from dateline.eval.metrics import prf

    pairs = list(zip(gold, pred))
    scores = {}
    for k in CLASSES:
        tp = sum(g == k and p == k for g, p in pairs)
        scores[k] = prf(tp, sum(p == k for _, p in pairs), tp, sum(g == k for g, _ in pairs))[2]
    return {
        "f1m": sum(scores.values()) / 3,
        "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        **{f"f1[{k}]": v for k, v in scores.items()},
    }
