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
IS_START, CANNOT_START, UNSHIFTABLE = 1, 2, 4  # a token's flags


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


def _code(depth, buffer, f0, f1, adjacent):
    """The index of a state's situation in the validity table (works on ints and on arrays)."""
    return (((numpy.minimum(depth, 2) * 3 + numpy.minimum(buffer, 2)) * 8 + f0) * 8 + f1) * 2 + adjacent


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
        # validity of every move in every situation: the situations are few (1,152)
        table = numpy.zeros((_code(2, 2, 7, 7, 1) + 1, len(MOVES)), dtype=bool)
        for d, b, f0, f1, adj in product(range(3), range(3), range(8), range(8), range(2)):
            table[_code(d, b, f0, f1, adj)] = _valid(d, b, f0, f1, bool(adj))
        self.penalty = numpy.where(table[:, self.move], numpy.float32(0), numpy.float32(-numpy.inf))
        self.has_move = table.any(axis=1)

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
        n_docs, width = len(docs), int(lengths.max()) + 1
        rows = len(cached)
        base = 1 + numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        flags = numpy.zeros(rows, dtype=numpy.int64)
        for doc, first in zip(docs, base):
            if len(doc):
                starts = doc.to_array([SENT_START]).astype(numpy.int64)
                flags[first : first + len(doc)] = numpy.where(starts == 1, IS_START, 0) | numpy.where(
                    starts == -1, CANNOT_START, 0
                )
        head = numpy.zeros(rows, dtype=numpy.int64)
        label = numpy.zeros(rows, dtype=numpy.uint64)
        last_left = numpy.zeros(rows, dtype=numpy.int64)
        last_right = numpy.zeros(rows, dtype=numpy.int64)
        prev_right = numpy.zeros(rows, dtype=numpy.int64)  # the head's last right child before this one
        # per document: the stack in columns [0, width), the buffer (reversed) in [width, 2 width);
        # column 0 of each is "no token"
        sb = numpy.zeros((n_docs, 2 * width), dtype=numpy.int64)
        for i, (n, first) in enumerate(zip(lengths.tolist(), base.tolist())):
            sb[i, width + 1 : width + 1 + n] = numpy.arange(first + n - 1, first - 1, -1)
        depth = numpy.zeros(n_docs, dtype=numpy.int64)
        buffer = lengths.copy()
        select = numpy.array([1, 1, 0, 0, 0])  # B0, B1, S0, S1, S2: from the buffer's or the stack's depth
        back = numpy.array([0, 1, 0, 1, 2])
        column = numpy.array([width, width, 0, 0, 0])
        feature = numpy.arange(8)
        bias, W, b = self.lower.get_param("b"), self.upper.get_param("W"), self.upper.get_param("b")
        gemm = self.upper.ops.gemm
        move, move_label, penalty = self.move, self.label, self.penalty
        act = numpy.flatnonzero(lengths > 0)
        while len(act):
            k = len(act)
            sizes = numpy.stack([depth[act], buffer[act]], axis=1)
            d, bl = sizes[:, 0], sizes[:, 1]
            r5 = sb[act[:, None], numpy.maximum(sizes[:, select] - back, 0) + column]
            b0, b1, s0 = r5[:, 0], r5[:, 1], r5[:, 2]
            ids = numpy.empty((k, 8), dtype=numpy.int64)
            ids[:, :5] = r5
            ids[:, 5] = last_left[b0]
            ids[:, 6] = last_left[s0]
            ids[:, 7] = last_right[s0]
            unmaxed = numpy.add.reduce(cached[ids, feature], axis=1)
            unmaxed += bias
            hidden = numpy.maximum(unmaxed[:, :, 0], unmaxed[:, :, 1])
            scores = gemm(hidden, W, trans2=True)
            scores += b
            code = _code(d, bl, flags[b0], flags[b1], b1 == b0 + 1)
            if not self.has_move[code].all():
                raise Unsupported("a state with no valid move")
            guess = (scores + penalty[code]).argmax(axis=1)
            kind, lab = move[guess], move_label[guess]
            # left-arc: S0's head becomes B0 (S0's old head, always to its left, loses its last right child)
            m = numpy.flatnonzero(kind == LEFT)
            if len(m):
                child, parent = s0[m], b0[m]
                old = head[child]
                had = old > 0
                if had.any():
                    if not (last_right[old[had]] == child[had]).all():
                        raise Unsupported("an arc deleted that is not its head's last")
                    last_right[old[had]] = prev_right[child[had]]
                head[child] = parent
                label[child] = lab[m]
                last_left[parent] = child
                flags[parent] &= ~UNSHIFTABLE
                depth[act[m]] -= 1
            # right-arc: B0's head becomes S0, then B0 is pushed
            m = numpy.flatnonzero(kind == RIGHT)
            if len(m):
                child, parent = b0[m], s0[m]
                if head[child].any():
                    raise Unsupported("a right arc to a word that has a head")
                head[child] = parent
                label[child] = lab[m]
                prev_right[child] = last_right[parent]
                last_right[parent] = child
            m = numpy.flatnonzero((kind == SHIFT) | (kind == RIGHT))
            if len(m):
                a = act[m]
                depth[a] += 1
                sb[a, depth[a]] = b0[m]
                buffer[a] -= 1
            # reduce: pop S0; put it back on the buffer if it has no head and is not alone
            m = numpy.flatnonzero(kind == REDUCE)
            if len(m):
                a = act[m]
                back_on = (head[s0[m]] == 0) & (d[m] != 1)
                if back_on.any():
                    a2, w = a[back_on], s0[m][back_on]
                    flags[w] |= UNSHIFTABLE
                    buffer[a2] += 1
                    sb[a2, width + buffer[a2]] = w
                depth[a] -= 1
            m = numpy.flatnonzero(kind == BREAK)
            if len(m):
                flags[b1[m]] |= IS_START
            if ((depth[act] == 0) & (buffer[act] == 0)).any():
                act = act[(depth[act] > 0) | (buffer[act] > 0)]
        return head, label


def use_greedy_parser(nlp: Language) -> None:
    """Run the pipeline's parser through ``GreedyParser`` when its model is one the decoder reproduces."""
    if "parser" not in nlp.pipe_names:
        return
    parser = nlp.get_pipe("parser")
    if isinstance(parser, GreedyParser) or not GreedyParser.supports(parser):
        return
    # spaCy has no public way to put a built component in a pipeline's place
    nlp._components[nlp.component_names.index("parser")] = ("parser", GreedyParser(parser))
