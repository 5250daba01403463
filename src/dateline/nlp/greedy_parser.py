"""spaCy's greedy dependency parsing, step for step, with a batch's documents moved together in numpy.

spaCy's parser (arc-eager: shift, reduce, left-arc, right-arc and break, the last marking the
next token as a sentence start) takes about two moves per token. At each move spaCy 3.8 reads
the state (stack, buffer, children) and checks the five kinds of move for validity, in C but
taking and dropping the GIL in the state's accessors. Here every document of a batch moves at
once, a step being some 45 array operations whatever their number. Same model, same batches, same eight state features
(the buffer's first two words, the stack's top three, the last left child of the buffer's first
word and the last left and right children of the stack's top), same validity rules
(``spacy.pipeline._parser_internals.arc_eager``), the same tie-breaking (the first best valid
move), the same matrix products (thinc's ``gemm``, as spaCy calls it) and the same way of writing
the parse (heads, labels, then the parser's own post-processing, which undoes the
projectivisation).

The state is kept in one integer array: for each token (named by 8 times its row of
precomputed features; 0 is "no token") its flags, head, last left and right child, the right
child its head had before it, and label; then the stack and the buffer of each document, as a
stack each (the buffer's words in reverse, so that a word put back by a reduce goes on top, as
spaCy's "rebuffer" does). spaCy deletes an arc only by replacing a head, and a word whose head
is replaced (by a left arc) has stayed on the stack since it got that head, so it is always its
old head's last right child: a linked list of right children is exact.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from dateline.nlp.greedy_ner import GreedyDecoder, install

MOVES = "SDLRB"  # spaCy's arc-eager move types, in the order of its enum
SHIFT, REDUCE, LEFT, RIGHT, BREAK = range(len(MOVES))
IS_START, CANNOT_START, UNSHIFTABLE, PRESENT, HAS_HEAD = 1, 2, 4, 8, 16  # a token's flags
EXACT_PRODUCT = True  # the output layer's product by thinc's BLIS, as spaCy's (False: numpy's, faster)
# A token is named by 8 times its row of features; its cells in `mem` are that plus these:
_FLAGS, _HEAD, _LAST_LEFT, _LAST_RIGHT, _PREV_RIGHT, _LABEL = range(
    6
)  # _PREV_RIGHT: its head's last right child before it
# The kinds of step: spaCy's five moves, a reduce that puts the word back on the buffer, a left
# arc to a word that has a head (its old head then loses its last right child).
_UNSHIFT, _REATTACH = len(MOVES), len(MOVES) + 1
# How each kind of step moves the tops of the stack and the buffer, and the words it takes off both
_STEP = numpy.array([(1, -1), (-1, 0), (-1, 0), (1, -1), (0, 0), (-1, 1), (-1, 0)]).T
_DONE = numpy.array([0, 1, 1, 0, 0, 0, 1])
_SIDE, _BACK = numpy.array([1, 1, 0, 0, 0]), numpy.array([[0], [1], [0], [1], [2]])  # B0, B1, S0, S1, S2
_KIDS, _KID_CELL = (
    numpy.array([0, 2, 2, 2, 2]),
    numpy.array([[_LAST_LEFT], [_LAST_LEFT], [_LAST_RIGHT], [_HEAD], [_PREV_RIGHT]]),
)
_FEATURES = numpy.arange(8)[:, None]
# A situation's code: the flags of B0 and B1, whether S0 is a word and has a head, whether S1 is
# a word, whether B1 follows B0.
_CODE_MASK = numpy.array([[15], [15], [PRESENT | HAS_HEAD], [PRESENT]])
_CODE_BITS = numpy.array([1, 16, 32, 128])
_ADJACENT = 2048
# The values a step may write (rows of `values` in `_decode`), and where
(
    _B0,
    _B1,
    _S0,
    _DUMP,
    _LAB,
    _LR_S0,
    _HEAD_S0,
    _PR_S0,
    _F_B0_RESHIFT,
    _F_S0_UNSHIFT,
    _F_B1_START,
    _F_S0_HEAD,
    _F_B0_HEAD,
    _STACK_UP,
    _BUFFER_UP,
) = range(15)
_FLAG_OF = numpy.array([0, 2, 1, 2, 0])
_FLAG_AND = numpy.array([[~UNSHIFTABLE], [-1], [-1], [-1], [-1]])
_FLAG_OR = numpy.array([[0], [UNSHIFTABLE], [IS_START], [HAS_HEAD], [HAS_HEAD]])
_LEFT_WRITES = [
    (_S0, _HEAD, _B0),
    (_S0, _LABEL, _LAB),
    (_B0, _LAST_LEFT, _S0),
    (_B0, _FLAGS, _F_B0_RESHIFT),
    (_S0, _FLAGS, _F_S0_HEAD),
]
_WRITES = {  # kind: (whose cell, which cell, what value)
    SHIFT: [(_STACK_UP, 0, _B0)],
    REDUCE: [],
    LEFT: _LEFT_WRITES,
    RIGHT: [
        (_B0, _HEAD, _S0),
        (_B0, _LABEL, _LAB),
        (_B0, _PREV_RIGHT, _LR_S0),
        (_S0, _LAST_RIGHT, _B0),
        (_STACK_UP, 0, _B0),
        (_B0, _FLAGS, _F_B0_HEAD),
    ],
    BREAK: [(_B1, _FLAGS, _F_B1_START)],
    _UNSHIFT: [(_S0, _FLAGS, _F_S0_UNSHIFT), (_BUFFER_UP, 0, _S0)],
    _REATTACH: [*_LEFT_WRITES, (_HEAD_S0, _LAST_RIGHT, _PR_S0)],
}
_WHO, _CELL, _VALUE = (
    numpy.array([[w[i] for w in ws] + [(_DUMP, 0, _DUMP)[i]] * (6 - len(ws)) for _, ws in sorted(_WRITES.items())]).T
    for i in range(3)
)


def _valid(depth: int, buffer: int, b0: int, b1: int, adjacent: bool) -> list[bool]:
    """spaCy's ``is_valid`` of the five moves, for a stack of ``depth`` (0, 1 or more), a
    buffer of ``buffer`` words (0, 1 or more), the flags of its first two words, and whether
    the second follows the first."""
    shift = depth == 0 or (buffer >= 2 and not b0 & IS_START and not b0 & UNSHIFTABLE)
    reduce = depth > 0 and (buffer == 0 or not (depth == 1 and b0 & CANNOT_START))
    arc = depth > 0 and buffer > 0 and not b0 & IS_START
    brk = buffer >= 2 and adjacent and not b1 & IS_START and not b1 & CANNOT_START
    return [shift, reduce, arc, arc, brk]


class GreedyParser(GreedyDecoder):
    """Runs a spaCy ``DependencyParser``'s model (greedy, no beam) and sets heads and labels as it would."""

    def __init__(self, parser) -> None:
        super().__init__(parser)
        self.parser = parser
        moves = parser.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.move = numpy.array([MOVES.index(n[0]) for n in names])
        strings = parser.vocab.strings
        self.label = numpy.array([strings.add(n[2:]) if len(n) > 2 else 0 for n in names], dtype=numpy.uint64)
        self.root = numpy.uint64(moves.root_label)
        # validity and kind of step of every move in every situation (4,096 situations)
        codes = numpy.arange(2 * _ADJACENT)
        f0, f1, adjacent = codes & 15, (codes >> 4) & 15, (codes >> 11) & 1
        s0, s0_head, s1 = (codes >> 8) & 1, (codes >> 9) & 1, (codes >> 10) & 1
        words = (f0 & PRESENT > 0).astype(int) + (f1 & PRESENT > 0)
        valid = numpy.array(
            [_valid(*x) for x in zip((s0 + s1).tolist(), words.tolist(), f0.tolist(), f1.tolist(), adjacent.tolist())]
        )
        self.penalty = numpy.ascontiguousarray(
            numpy.where(valid[:, self.move], numpy.float32(0), numpy.float32(-numpy.inf))
        )
        kind = numpy.tile(self.move, (len(codes), 1))
        kind[(kind == REDUCE) & ((s0_head == 0) & (s1 == 1))[:, None]] = _UNSHIFT
        kind[(kind == LEFT) & (s0_head == 1)[:, None]] = _REATTACH
        self.kind = kind.ravel()
        # No state that parsing reaches is without a valid move (spaCy would then end the parse):
        # an empty stack can shift, an empty buffer reduce; else a left arc is valid unless B0
        # starts a sentence, and then a reduce is, since a word that cannot start a sentence is
        # never marked as starting one.

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
        heads, labels = self._decode(by_length, cached)
        first = 1
        for doc in by_length:
            if len(doc):
                self._set(doc, heads[first : first + len(doc)] - first, labels[first : first + len(doc)])
                first += len(doc)

    def _matmul(self, W: numpy.ndarray):
        """The output layer's product: numpy's (OpenBLAS) or, with ``EXACT_PRODUCT``, thinc's as spaCy calls it."""
        if EXACT_PRODUCT:
            gemm = self.upper.ops.gemm
            return lambda hidden: gemm(hidden, W, trans2=True)
        WT = numpy.ascontiguousarray(W.T)
        return lambda hidden: hidden @ WT

    def _set(self, doc: Doc, heads: numpy.ndarray, labels: numpy.ndarray) -> None:
        """spaCy's ``ArcEager.set_annotations``: each arc's head and label, the root label where
        the head is the token itself; then the parser's post-processing."""
        arr: Any = doc.to_array([HEAD, DEP])  # uint64 (spaCy's stubs say float)
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
        table = cached.reshape(rows * 8, -1)  # row 8 t + f: token t's feature f
        dump = rows * 8  # cells written to by the documents a step does not concern, never read
        base = 8 * (1 + numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]]))
        # `mem`: 8 cells a token (flags, head, children, label: see _FLAGS), the dump's, then each
        # document's stack and buffer (the buffer's words in reverse, so that a word put back goes
        # on top), each after a few cells of "no token" (0)
        half = int(lengths.max()) + 4
        mem = numpy.zeros(dump + 8 + n_docs * 2 * half, dtype=numpy.int64)
        mem[8:dump:8] = PRESENT
        top = numpy.empty((2, n_docs), dtype=numpy.int64)
        for i, (doc, first) in enumerate(zip(docs, base.tolist())):
            n = len(doc)
            if n:
                starts = doc.to_array([SENT_START]).astype(numpy.int64)
                mem[first : first + 8 * n : 8] |= numpy.where(starts == 1, IS_START, 0) | numpy.where(
                    starts == -1, CANNOT_START, 0
                )
            start = dump + 8 + i * 2 * half
            mem[start + half + 2 : start + half + 2 + n] = numpy.arange(first + 8 * (n - 1), first - 1, -8)
            top[:, i] = (start + 2, start + half + 1 + n)
        live = lengths > 0
        top, left = top[:, live], lengths[live]  # left: words on the stack or the buffer
        bias = self.lower.get_param("b").reshape(-1)
        matmul = self._matmul(self.upper.get_param("W"))
        b = self.upper.get_param("b")
        kinds, labels, penalty, n_moves = self.kind, self.label.view(numpy.int64), self.penalty, len(self.move)
        k = 0
        while len(left):
            if len(left) != k:
                k = len(left)
                column, dumps = numpy.arange(k), numpy.full((1, k), dump)
                who, value = _WHO * k, _VALUE * k
            r5 = mem.take(top[_SIDE] - _BACK)  # B0, B1, S0, S1, S2
            kids = mem.take(r5[_KIDS] + _KID_CELL)  # B0's and S0's last left, S0's last right, head, previous
            ids = numpy.concatenate((r5, kids[:3]))
            ids += _FEATURES
            unmaxed = numpy.add.reduce(table.take(ids, axis=0), axis=0)
            unmaxed += bias
            scores = matmul(numpy.maximum(unmaxed[:, 0::2], unmaxed[:, 1::2]))
            scores += b
            flags = mem.take(r5[:4])
            code = _CODE_BITS.dot(flags & _CODE_MASK) + (r5[1] - r5[0] == 8) * _ADJACENT
            guess = (scores + penalty.take(code, axis=0)).argmax(axis=1)
            kind = kinds.take(code * n_moves + guess)
            values = numpy.concatenate(
                (
                    r5[:3],
                    dumps,
                    labels.take(guess)[None],
                    kids[2:],
                    flags.take(_FLAG_OF, axis=0) & _FLAG_AND | _FLAG_OR,
                    top + 1,
                )
            ).ravel()
            mem[values.take(who.take(kind, axis=1) + column) + _CELL.take(kind, axis=1)] = values.take(
                value.take(kind, axis=1) + column
            )
            top += _STEP.take(kind, axis=1)
            left -= _DONE.take(kind)
            if not left.all():
                top, left = top[:, left > 0], left[left > 0]
        return mem[_HEAD:dump:8] // 8, mem[_LABEL:dump:8].view(numpy.uint64)


def use_greedy_parser(nlp: Language) -> None:
    """Run the pipeline's parser through ``GreedyParser`` when its model is one the decoder reproduces."""
    install(nlp, "parser", GreedyParser)
