"""spaCy's greedy NER decoding, step for step, with a batch's documents moved together in numpy.

spaCy's transition-based NER takes one move per token (B-, I-, L-, U- a label, or O). At every
token it checks each of its moves (74 for the news NER) for validity, and in spaCy 3.8 each
check takes and drops the GIL: `perf` puts about half of the NER's time there. Since every
document of a batch is at the same token at each step, the checks are a few array comparisons
here. Same model, same batches, same features (the token, the entity's first token and the one
before the token, when an entity is open), same validity rules (``spacy.pipeline.
_parser_internals.ner``, with no preset entities) and the same tie-breaking (the first best
valid move); only the output layer's sums run in numpy's order instead of BLIS's, so a score
may differ in its last bit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

MOVES = "MBILUO"  # spaCy's move types, in the order of its enum (MISSING, BEGIN, IN, LAST, UNIT, OUT)
_M, _B, _I, _L, _U, _O = range(len(MOVES))


class GreedyDecoder:
    """A spaCy transition-based component (NER or parser) whose moves are chosen in numpy: its
    model's three layers, the component's batches, and everything else the wrapped component's."""

    def __init__(self, component) -> None:
        self.component = component
        self.tok2vec, self.lower, self.upper = component.model.layers

    @staticmethod
    def supports(component) -> bool:
        raise NotImplementedError

    def __getattr__(self, name: str):
        """Everything else (labels, cfg, moves, serialisation) is the wrapped component's."""
        return getattr(self.component, name)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self._annotate(batch, sub=max(batch_size // 4, 2))
            yield from batch

    def _annotate(self, docs: list[Doc], sub: int = 1) -> None:
        raise NotImplementedError

    def _features(self, docs: list[Doc]) -> numpy.ndarray:
        """The lower layer over every token: (1 + tokens, features, hidden, pieces), row 0 the padding."""
        tokvecs = self.tok2vec.predict(docs)
        cached, _ = self.lower(tokvecs, is_train=False)
        return cached


def install(nlp: Language, name: str, decoder: type[GreedyDecoder]) -> None:
    """Put ``decoder`` around the pipeline's component ``name`` when its model is one the decoder reproduces."""
    if name not in nlp.pipe_names:
        return
    component = nlp.get_pipe(name)
    if isinstance(component, decoder) or not decoder.supports(component):
        return
    # spaCy has no public way to put a built component in a pipeline's place
    nlp._components[nlp.component_names.index(name)] = (name, decoder(component))


class GreedyNER(GreedyDecoder):
    """Runs a spaCy ``EntityRecognizer``'s model (greedy, no beam) and sets ``doc.ents`` as it would."""

    def __init__(self, ner) -> None:
        super().__init__(ner)
        self.ner = ner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.move = numpy.array([MOVES.index(n[0]) for n in names])
        labels = [n[2:] for n in names]
        self.labels = sorted({x for x in labels if x})
        self.label = numpy.array([self.labels.index(x) + 1 if x else 0 for x in labels])  # 0: no label
        self.bias = self.lower.get_param("b")
        self.W = numpy.ascontiguousarray(self.upper.get_param("W").T)
        self.b = self.upper.get_param("b")

    @staticmethod
    def supports(ner) -> bool:
        """The model this decoder reproduces: greedy, three state features, maxout, an output layer,
        no class marked unseen, moves of the BILUO system."""
        model = ner.model
        return (
            ner.cfg.get("beam_width", 1) == 1
            and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes")
            and len(model.layers) == 3
            and model.layers[1].has_dim("nF")
            and model.layers[1].get_dim("nF") == 3
            and model.layers[1].get_dim("nP") >= 2
            and all(ner.moves.get_class_name(i)[0] in MOVES for i in range(ner.moves.n_moves))
        )

    def _annotate(self, docs: list[Doc], sub: int = 1) -> None:
        """spaCy's batches: by length, in sub-batches of a quarter of the batch (the features
        are computed per sub-batch, as spaCy does); then one decoding over the whole batch."""
        by_length = [d for d in sorted(docs, key=len) if len(d)]
        tables = [self._features(list(part)) for part in minibatch(by_length, size=sub)]
        if not tables:
            return
        pad = tables[0][:1]
        cached = numpy.concatenate([pad] + [t[1:] for t in tables])
        for doc, ents in zip(by_length, self._decode(by_length, cached)):
            doc.set_ents([Span(doc, s, e, label=self.labels[lab - 1]) for s, e, lab in ents], default="outside")
        for doc in docs:
            if not len(doc):
                doc.set_ents([], default="outside")

    def _decode(self, docs: list[Doc], cached: numpy.ndarray) -> list[list[tuple[int, int, int]]]:
        lengths = numpy.array([len(d) for d in docs])
        order = numpy.argsort(-lengths, kind="stable")  # longest first: the documents still reading are a prefix
        n = lengths[order]
        base = 1 + numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])[order]
        rows = len(cached)
        space = numpy.zeros(rows, dtype=bool)
        next_starts = numpy.zeros(rows, dtype=bool)  # the next token starts a sentence
        for doc, first in zip(docs, 1 + numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])):
            arr = doc.to_array([IS_SPACE, SENT_START])
            space[first : first + len(doc)] = arr[:, 0].astype(bool)
            next_starts[first : first + len(doc) - 1] = arr[1:, 1] == 1
        is_open = numpy.zeros(len(docs), dtype=bool)
        start = numpy.zeros(len(docs), dtype=numpy.int64)
        label = numpy.zeros(len(docs), dtype=numpy.int64)
        ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        move, move_label = self.move, self.label
        has_label = move_label != 0
        needs_same = (move == _I) | (move == _L)
        for t in range(int(n[0])):
            k = int(numpy.count_nonzero(n > t))
            row = base[:k] + t
            opened = is_open[:k]
            row1 = numpy.where(opened, base[:k] + start[:k], 0)
            row2 = numpy.where(opened, row - 1, 0)
            unmaxed = cached[row, 0] + cached[row1, 1] + cached[row2, 2] + self.bias
            scores = unmaxed.max(axis=2) @ self.W + self.b
            more = n[:k] - t >= 2  # a B- or I- needs a token after this one
            free, sp, nxt = ~opened, space[row], next_starts[row]
            ok = numpy.empty((k, len(MOVES)), dtype=bool)
            ok[:, _M] = False
            ok[:, _B] = free & more & ~nxt & ~sp
            ok[:, _I] = opened & more & ~nxt
            ok[:, _L] = opened
            ok[:, _U] = free & ~sp
            ok[:, _O] = free
            valid = ok[:, move] & (has_label | (move == _O))
            valid &= ~needs_same | (move_label[None, :] == label[:k, None])
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            kind, lab = move[guess], move_label[guess]
            begin = kind == _B
            if begin.any():
                is_open[:k] |= begin
                start[:k][begin] = t
                label[:k][begin] = lab[begin]
            for i in numpy.flatnonzero((kind == _L) | (kind == _U)).tolist():
                if kind[i] == _L:
                    ents[order[i]].append((int(start[i]), t + 1, int(label[i])))
                    is_open[i] = False
                else:
                    ents[order[i]].append((t, t + 1, int(lab[i])))
        return ents


def use_greedy_ner(nlp: Language) -> None:
    """Run the pipeline's NER through ``GreedyNER`` when its model is one the decoder reproduces."""
    install(nlp, "ner", GreedyNER)
