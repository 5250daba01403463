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
