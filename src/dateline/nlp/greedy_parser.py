"""spaCy's greedy dependency parsing, step for step, with a batch's documents moved together in numpy.

spaCy's parser (arc-eager: shift, reduce, left-arc, right-arc and break, the last marking the
next token as a sentence start) takes about two moves per token. At each move spaCy 3.8 reads
the state (stack, buffer, children) and checks the five kinds of move for validity, in C but
taking and dropping the GIL in the state's accessors. Here every document of a batch moves at
once and a move is a few array operations. Same model, same batches, same eight state features
(the buffer's first two words, the stack's top three, the last left child of the buffer's first
word and the last left and right children of the stack's top), same validity rules
(``spacy.pipeline._parser_internals.arc_eager``), the same tie-breaking (the first best valid
move), the same matrix products (thinc's ``gemm``, as spaCy calls it) and the same way of writing
the parse (heads, labels, then the parser's own post-processing, which undoes the
projectivisation).

The state is kept as arrays over a batch's tokens, numbered as the rows of the precomputed
features (row 0 is "no token"): the stack and the buffer as one stack each per document (the
buffer's words in reverse, so that a word put back by a reduce goes on top, as spaCy's
"rebuffer" does), and for each token its head, label, last left and right child, and flags
(sentence start, cannot start a sentence, not to be shifted again).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import product

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

MOVES = "SDLRB"  # spaCy's arc-eager move types, in the order of its enum
SHIFT, REDUCE, LEFT, RIGHT, BREAK = range(len(MOVES))
IS_START, CANNOT_START, UNSHIFTABLE, PRESENT = 1, 2, 4, 8  # a token's flags (PRESENT: a word, not "none")
_UNSHIFT = len(MOVES)  # a reduce that puts the word back on the buffer
# top's moves for each kind of move (stack, buffer), and the words each takes off both
_STEP = numpy.array([(1, -1), (-1, 0), (-1, 0), (1, -1), (0, 0), (-1, 1)])
_DONE = numpy.array([0, 1, 1, 0, 0, 0])
_SIDE, _BACK = numpy.array([1, 1, 0, 0, 0]), numpy.array([0, 1, 0, 1, 2])  # B0, B1, S0, S1, S2
_FEATURES = numpy.arange(8)
# a situation's code: the flags of B0 and B1, whether S0 and S1 are words, whether B1 follows B0
_CODE_MASK = numpy.array([15, 15, PRESENT, PRESENT, 0])
_CODE_BITS = numpy.array([1, 16, 32, 64, 0])
_ADJACENT = 1024


class Unsupported(Exception):
    """A state this decoder does not reproduce (spaCy would then delete an arc that is not the
    last of its head's): the batch is parsed again by spaCy."""


def _valid(depth: int, buffer: int, b0: int, b1: int, adjacent: bool) -> list[bool]:
    """spaCy's ``is_valid`` of the five moves, for a stack of ``depth`` (0, 1 or more), a
    buffer of ``buffer`` words (0, 1 or more), the flags of its first two words, and whether
    the second follows the first."""
    shift = depth == 0 or (buffer >= 2 and not b0 & IS_START and not b0 & UNSHIFTABLE)
    reduce = depth > 0 and (buffer == 0 or not (depth == 1 and b0 & CANNOT_START))
    arc = depth > 0 and buffer > 0 and not b0 & IS_START
    brk = buffer >= 2 and adjacent and not b1 & IS_START and not b1 & CANNOT_START
    return [shift, reduce, arc, arc, brk]


class GreedyParser:
    """Runs a spaCy ``DependencyParser``'s model (greedy, no beam) and sets heads and labels as it would."""

    def __init__(self, parser) -> None:
        self.parser = parser
        self.tok2vec, self.lower, self.upper = parser.model.layers
        moves = parser.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.move = numpy.array([MOVES.index(n[0]) for n in names])
        strings = parser.vocab.strings
        self.label = numpy.array([strings.add(n[2:]) if len(n) > 2 else 0 for n in names], dtype=numpy.uint64)
        self.root = numpy.uint64(moves.root_label)
        # validity of every move in every situation: the situations are few (2,048)
        table = numpy.zeros((2 * _ADJACENT, len(MOVES)), dtype=bool)
        for f0, f1, s0, s1, adj in product(range(16), range(16), range(2), range(2), range(2)):
            code = (f0 * 1 + f1 * 16 + s0 * 256 + s1 * 512) + adj * _ADJACENT
            words = bool(f0 & PRESENT) + bool(f1 & PRESENT)
            table[code] = _valid(s0 + s1, words, f0, f1, bool(adj))
        self.penalty = numpy.where(table[:, self.move], numpy.float32(0), numpy.float32(-numpy.inf))
        # No state that parsing reaches is without a valid move (spaCy would then end the parse):
        # an empty stack can shift, an empty buffer reduce; else a left arc is valid unless B0
        # starts a sentence, and then a reduce is, since a word that cannot start a sentence is
        # never marked as starting one.
        self.fallbacks = 0  # batches handed back to spaCy (none seen: see ``Unsupported``)

    @staticmethod
    def supports(parser) -> bool:
        """The model this decoder reproduces: greedy, eight state features, maxout, an output
        layer, no class marked unseen, arc-eager moves without the "subtok" label."""
        model = parser.model
        names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
        return (
            parser.cfg.get("beam_width", 1) == 1
            and not parser.cfg.get("learn_tokens")
            and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes")
            and len(model.layers) == 3
            and model.layers[1].has_dim("nF")
            and model.layers[1].get_dim("nF") == 8
            and model.layers[1].get_dim("nP") == 2
            and all(n[0] in MOVES and (len(n) == 1 or n[1] == "-") for n in names)
            and not any(n.endswith("-subtok") for n in names)
            and type(parser.moves).__name__ == "ArcEager"
        )

    def __getattr__(self, name: str):
        """Everything else (labels, cfg, moves, serialisation) is the wrapped parser's."""
        return getattr(self.parser, name)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self._annotate(batch, sub=max(batch_size // 4, 2))
            yield from batch

    def _annotate(self, docs: list[Doc], sub: int = 1) -> None:
        """spaCy's batches: by length, in sub-batches of a quarter of the batch (the features
        are computed per sub-batch, as spaCy does); then one decoding over the whole batch."""
        by_length = sorted(docs, key=len)
        tables = []
        for part in minibatch(by_length, size=sub):
            part = list(part)
            self.parser._ensure_labels_are_added(part)
            if any(len(d) for d in part):
                tables.append(self._features(part))
        if not tables:
            return
        cached = numpy.concatenate([tables[0][:1]] + [t[1:] for t in tables])
        try:
            heads, labels = self._decode(by_length, cached)
        except Unsupported:
            self.fallbacks += 1
            for part in minibatch(by_length, size=sub):
                part = list(part)
                self.parser.set_annotations(part, self.parser.predict(part))
            return
        first = 1
        for doc in by_length:
            if len(doc):
                self._set(doc, heads[first : first + len(doc)] - first, labels[first : first + len(doc)])
                first += len(doc)

    def _features(self, docs: list[Doc]) -> numpy.ndarray:
        """The lower layer over every token: (1 + tokens, 8 features, hidden, pieces), row 0 the padding."""
        tokvecs = self.tok2vec.predict(docs)
        cached, _ = self.lower(tokvecs, is_train=False)
        return cached

    def _set(self, doc: Doc, heads: numpy.ndarray, labels: numpy.ndarray) -> None:
        """spaCy's ``ArcEager.set_annotations``: each arc's head and label, the root label where
        the head is the token itself; then the parser's post-processing."""
        arr = doc.to_array([HEAD, DEP])
        index = numpy.arange(len(doc))
        arced = heads >= 0
        arr[arced, 0] = (heads[arced] - index[arced]).astype(numpy.uint64)
        arr[arced, 1] = labels[arced]
        arr[arr[:, 0] == 0, 1] = self.root
        doc.from_array([HEAD, DEP], arr)
        for hook in self.parser.postprocesses:
            hook(doc)

    def _decode(self, docs: list[Doc], cached: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Every document's arcs: for each row, its head's row (0: none) and label."""
        lengths = numpy.array([len(d) for d in docs])
        n_docs, rows = len(docs), len(cached)
        dump = rows  # a row written to by the documents a move does not concern, never read
        base = 1 + numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        flags = numpy.zeros(rows + 1, dtype=numpy.int64)
        flags[1:rows] = PRESENT
        for doc, first in zip(docs, base):
            if len(doc):
                starts = doc.to_array([SENT_START]).astype(numpy.int64)
                flags[first : first + len(doc)] |= numpy.where(starts == 1, IS_START, 0) | numpy.where(
                    starts == -1, CANNOT_START, 0
                )
        head = numpy.zeros(rows + 1, dtype=numpy.int64)
        label = numpy.zeros(rows + 1, dtype=numpy.uint64)
        last_left = numpy.zeros(rows + 1, dtype=numpy.int64)
        last_right = numpy.zeros(rows + 1, dtype=numpy.int64)
        prev_right = numpy.zeros(rows + 1, dtype=numpy.int64)  # the head's last right child before this one
        # One flat array holds every document's stack and buffer (the buffer's words in reverse),
        # each after a few cells of "no token"; `top` points at each one's top word.
        half = int(lengths.max()) + 4
        sb = numpy.zeros(n_docs * 2 * half, dtype=numpy.int64)
        top = numpy.empty((n_docs, 2), dtype=numpy.int64)
        for i, (n, first) in enumerate(zip(lengths.tolist(), base.tolist())):
            start = i * 2 * half
            sb[start + half + 2 : start + half + 2 + n] = numpy.arange(first + n - 1, first - 1, -1)
            top[i] = (start + 2, start + half + 1 + n)
        live = lengths > 0
        top, left = top[live], lengths[live]  # left: words on the stack or the buffer
        bias, W, b = self.lower.get_param("b"), self.upper.get_param("W"), self.upper.get_param("b")
        gemm = self.upper.ops.gemm
        move, move_label, penalty = self.move, self.label, self.penalty
        while len(top):
            k = len(top)
            r5 = sb[top[:, _SIDE] - _BACK]  # B0, B1, S0, S1, S2
            b0, b1, s0, s1 = r5[:, 0], r5[:, 1], r5[:, 2], r5[:, 3]
            ids = numpy.empty((k, 8), dtype=numpy.int64)
            ids[:, :5] = r5
            ids[:, 5] = last_left[b0]
            ids[:, 6] = last_left[s0]
            ids[:, 7] = last_right[s0]
            unmaxed = numpy.add.reduce(cached[ids, _FEATURES], axis=1)
            unmaxed += bias
            scores = gemm(numpy.maximum(unmaxed[:, :, 0], unmaxed[:, :, 1]), W, trans2=True)
            scores += b
            code = (flags[r5] & _CODE_MASK) @ _CODE_BITS + (b1 == b0 + 1) * _ADJACENT
            guess = (scores + penalty[code]).argmax(axis=1)
            kind, lab = move[guess], move_label[guess]
            is_left, is_right = kind == LEFT, kind == RIGHT
            old = numpy.where(is_left, head[s0], 0)
            if old.any():  # a left arc to a word with a head: its old head loses its last right child
                m = old > 0
                if not (last_right[old[m]] == s0[m]).all():
                    raise Unsupported("an arc deleted that is not its head's last")
                last_right[old[m]] = prev_right[s0[m]]
            child = numpy.where(is_left, s0, numpy.where(is_right, b0, dump))
            head[child] = numpy.where(is_left, b0, s0)
            label[child] = lab
            parent = numpy.where(is_left, b0, dump)
            last_left[parent] = s0
            flags[parent] &= ~UNSHIFTABLE
            parent, child = numpy.where(is_right, s0, dump), numpy.where(is_right, b0, dump)
            prev_right[child] = last_right[parent]
            last_right[parent] = child
            unshift = (kind == REDUCE) & (head[s0] == 0) & (s1 > 0)
            flags[numpy.where(unshift, s0, dump)] |= UNSHIFTABLE
            flags[numpy.where(kind == BREAK, b1, dump)] |= IS_START
            sb[top[:, 0] + 1] = b0  # a push, or a cell above the stack's top
            sb[top[:, 1] + 1] = s0  # a word put back, or a cell above the buffer's top
            kind += unshift * (_UNSHIFT - REDUCE)
            top += _STEP[kind]
            left -= _DONE[kind]
            if not left.all():
                top, left = top[left > 0], left[left > 0]
        return head[:rows], label[:rows]


def use_greedy_parser(nlp: Language) -> None:
    """Run the pipeline's parser through ``GreedyParser`` when its model is one the decoder reproduces."""
    if "parser" not in nlp.pipe_names:
        return
    parser = nlp.get_pipe("parser")
    if isinstance(parser, GreedyParser) or not GreedyParser.supports(parser):
        return
    # spaCy has no public way to put a built component in a pipeline's place
    nlp._components[nlp.component_names.index("parser")] = ("parser", GreedyParser(parser))
