"""The numpy decoding of the parser finds exactly the heads, labels and sentences spaCy's own decoding finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.nlp import load_pipeline
from dateline.nlp.greedy_parser import GreedyParser, use_greedy_parser

# Invented texts for the edges: paragraph breaks the parser may not parse across, a one-token
# document, an empty one, white space runs, a headline without a verb, long coordinations and
# relative clauses (non-projective arcs, words put back on the buffer), quotes, lists.
EDGES = [
    "Talks in Veldhaven\n\nThe Norvik Bank chairman, Pieter Saal, flew to Oslo.",
    "Kelmarsh",
    "",
    "   \n\n  ",
    "Shares of Ardmore Steel rose 4 percent. Ardmore Steel said it would hire 300 workers in Leeds.",
    "Mayor Ilse Brandt of Kelmarsh, who resigned on Tuesday after a row that the council, which "
    "had backed her, said it regretted, will stay until a successor, yet to be named, takes over.",
    '"We will not sign," said the minister, "unless the deal, which we never saw, changes."',
    "A man was seen yesterday who had a red coat. What did the board say it wanted to buy?",
    "Wheat, corn, barley and oats fell; soybeans rose.\n- exports: 4 mln tonnes\n- imports: none",
    "Orvano Holdings\nQ3 results\n\n\nNet profit 12 mln vs 9 mln. Revenue up 4 pct. Shares up",
    "Rain. Rain! Rain? Yes. No... Maybe -- or not.",
]


TEXTS = [
    story.read_text(encoding="utf-8", errors="replace")
    for story in sorted((Path(__file__).parent / "fixtures" / "stories").glob("*.txt"))
] + EDGES


def _parses(nlp, batch_size: int, texts: list[str] = TEXTS):
    """Each token's index, head, label and sentence start."""
    return [[(t.i, t.head.i, t.dep_, t.is_sent_start) for t in doc] for doc in nlp.pipe(texts, batch_size=batch_size)]


@pytest.fixture(scope="module")
def spacy_decoding():
    """The same pipeline with spaCy's own decoding."""
    return load_pipeline.__wrapped__(None, greedy_parser=False)


@pytest.mark.parametrize("batch_size", [1, 4, 16])
def test_same_parse_as_spacys_decoding(nlp, spacy_decoding, batch_size):
    assert isinstance(nlp.get_pipe("parser"), GreedyParser)
    expected = _parses(spacy_decoding, batch_size)
    assert sum(map(len, expected)) > 500
    assert _parses(nlp, batch_size) == expected


def test_one_doc_by_call(nlp, spacy_decoding):
    text = EDGES[5]
    ours, theirs = nlp(text), spacy_decoding(text)
    assert [(t.head.i, t.dep_, t.is_sent_start, t.left_edge.i, t.right_edge.i) for t in ours] == [
        (t.head.i, t.dep_, t.is_sent_start, t.left_edge.i, t.right_edge.i) for t in theirs
    ]
    assert len(list(ours.sents)) == len(list(theirs.sents))


def test_the_wrapped_parser_answers_for_it(nlp):
    assert {"nsubj", "dobj", "ROOT"} <= set(nlp.get_pipe("parser").labels)


@pytest.fixture(scope="module")
def own_pipeline():
    """A pipeline of its own, whose parser's output layer the next test changes (and restores)."""
    return load_pipeline.__wrapped__(None)


@pytest.mark.parametrize("push", [8.0, 20.0])
@pytest.mark.parametrize("favoured", ["S", "D", "L-", "R-", "B-", ("L-", "D"), ("R-", "B-"), ("R-", "L-")])
def test_same_moves_where_the_rules_bind(own_pipeline, favoured, push):
    """With the output pushed towards one kind of move, the rules (no arc across a sentence
    start, a word put back on the buffer never shifted again, a break only between neighbours)
    decide most moves; these pushes take the rarer steps often (shift: words put back on the
    buffer; right and left arcs: a word's head replaced; break: sentence starts)."""
    nlp = own_pipeline
    ours = nlp.get_pipe("parser")
    texts = [
        "Rain fell.\n\nMarlow said so. Then Kelmarsh\n\nwept. Ardmore Steel rose.",
        "Veldhaven  talks ended. Pieter Saal left\n\n",
        "It rained. Talks in Veldhaven ended late. No. The Norvik Bank chairman left. Oslo wept. Why?",
        "Rain fell on Kelmarsh",
        "The council, which had backed her, said it regretted the row that she started.",
    ]
    before = nlp.pipe_names[: nlp.pipe_names.index("parser")]
    docs = list(nlp.pipe(texts, disable=[n for n in nlp.pipe_names if n not in before]))
    bias = ours.upper.get_param("b")
    saved = bias.copy()
    try:
        bias[[i for i in range(ours.moves.n_moves) if ours.moves.get_class_name(i).startswith(favoured)]] += push
        theirs = [d.copy() for d in docs]
        list(ours.parser.pipe(theirs, batch_size=4))
        list(ours.pipe(docs, batch_size=4))
    finally:
        bias[:] = saved
    assert [[(t.head.i, t.dep_, t.is_sent_start) for t in d] for d in docs] == [
        [(t.head.i, t.dep_, t.is_sent_start) for t in d] for d in theirs
    ]


def test_a_beam_parser_is_left_to_spacy(spacy_decoding):
    parser = spacy_decoding.get_pipe("parser")
    assert GreedyParser.supports(parser)
    parser.cfg["beam_width"] = 4
    try:
        assert not GreedyParser.supports(parser)
        use_greedy_parser(spacy_decoding)
        assert spacy_decoding.get_pipe("parser") is parser
    finally:
        parser.cfg["beam_width"] = 1
