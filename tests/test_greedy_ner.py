"""The numpy decoding of the NER finds exactly the entities spaCy's own decoding finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.nlp import load_pipeline
from dateline.nlp.greedy_ner import GreedyNER

STORIES = sorted((Path(__file__).parent / "fixtures" / "stories").glob("*.txt"))
# Invented texts for the edges: a name as the last token, a name before a blank line, a
# one-token document, an empty one, and sentence breaks the recogniser may not run across.
EDGES = [
    "Mayor Ilse Brandt of Kelmarsh resigned on Tuesday, said Orvano Holdings",
    "Talks in Veldhaven\n\nThe Norvik Bank chairman, Pieter Saal, flew to Oslo.",
    "Kelmarsh",
    "",
    "Shares of Ardmore Steel rose 4 percent. Ardmore Steel said it would hire 300 workers in Leeds.",
]


def _ents(nlp, texts: list[str], batch_size: int) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=batch_size)]


@pytest.fixture(scope="module")
def spacy_decoding():
    return load_pipeline.__wrapped__(None, greedy_ner=False)


@pytest.mark.parametrize("batch_size", [1, 4, 16])
def test_same_entities_as_spacys_decoding(nlp, spacy_decoding, batch_size):
    assert isinstance(nlp.get_pipe("ner"), GreedyNER)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in STORIES] + EDGES
    ours = _ents(nlp, texts, batch_size)
    assert sum(map(len, ours)) > 20
    assert ours == _ents(spacy_decoding, texts, batch_size)


def test_one_doc_and_the_outside_tokens(nlp, spacy_decoding):
    text = EDGES[1]
    ours, theirs = nlp(text), spacy_decoding(text)
    assert [(t.ent_iob_, t.ent_type_) for t in ours] == [(t.ent_iob_, t.ent_type_) for t in theirs]


def test_the_wrapped_recogniser_answers_for_it(nlp):
    assert {"PERSON", "ORG", "GPE", "DATE"} <= set(nlp.get_pipe("ner").labels)


@pytest.mark.parametrize("favoured", [("B-",), ("U-",), ("L-",), ("B-", "L-"), ("B-", "I-"), ("B-", "I-", "U-")])
def test_same_moves_where_the_rules_bind(favoured):
    """With the output pushed towards one kind of move, the rules (no entity across a sentence
    start, none starting on white space, an open entity closed at the end) decide most moves."""
    nlp = load_pipeline.__wrapped__(None)
    ours = nlp.get_pipe("ner")
    texts = [
        "Rain fell.\n\nMarlow said so. Then Kelmarsh\n\nwept. Ardmore Steel rose.",
        "Veldhaven  talks ended. Pieter Saal left\n\n",
        "It rained. Talks in Veldhaven ended late. No. The Norvik Bank chairman left. Oslo wept. Why?",
        "Rain fell on Kelmarsh",
        "Rain fell on North Kelmarsh",
    ]
    docs = list(nlp.pipe(texts, disable=["ner", "dateline_trim_entities"]))
    bias = ours.upper.get_param("b")
    saved = bias.copy()
    try:
        bias[[i for i in range(ours.moves.n_moves) if ours.moves.get_class_name(i).startswith(favoured)]] += 20
        theirs = [d.copy() for d in docs]
        list(ours.ner.pipe(theirs, batch_size=4))
        list(ours.pipe(docs, batch_size=4))
    finally:
        bias[:] = saved
    assert [(e.start, e.end, e.label_) for d in docs for e in d.ents]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in docs] == [
        [(e.start, e.end, e.label_) for e in d.ents] for d in theirs
    ]
