"""The dict-based attribute ruler gives the same POS, morphology, tags and dependencies as spaCy's."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dateline.io.decode import decode
from dateline.nlp import model_name
from dateline.nlp.fast_attributes import FastAttributes, replace_attribute_ruler

STORIES = Path(__file__).parent / "fixtures" / "stories"


@pytest.fixture(scope="module")
def pipelines():
    spacy_own = spacy.load(model_name(), exclude=["lemmatizer"])
    ours = spacy.load(model_name(), exclude=["lemmatizer"])
    replace_attribute_ruler(ours)
    return spacy_own, ours


def test_component_is_replaced(pipelines):
    assert isinstance(pipelines[1].get_pipe("attribute_ruler"), FastAttributes)


@pytest.mark.parametrize("name", sorted(p.name for p in STORIES.glob("*.txt")))
def test_same_annotations_as_spacy(pipelines, name):
    text = decode((STORIES / name).read_bytes())
    a, b = (nlp(text) for nlp in pipelines)
    got = [(t.pos_, str(t.morph), t.tag_, t.dep_) for t in b]
    assert got == [(t.pos_, str(t.morph), t.tag_, t.dep_) for t in a]


@pytest.mark.parametrize(
    "spec, token_attrs, matched",
    [
        ({"TAG": "NN"}, {"tag_": "NN"}, True),
        ({"TAG": {"IN": ["NN", "NNS"]}}, {"tag_": "NNS"}, True),
        ({"LOWER": {"NOT_IN": ["a", "an"]}}, {"lower_": "the"}, True),
        ({"LOWER": {"REGEX": "^n'?t$"}}, {"lower_": "n't"}, True),
        ({"LOWER": {"REGEX": "^n'?t$"}}, {"lower_": "not"}, False),
    ],
)
def test_rule_operators(spec, token_attrs, matched):
    from dateline.nlp.fast_attributes import _KEYS, _test

    key = next(iter(spec))
    value = token_attrs[{"TAG": "tag_", "LOWER": "lower_"}[key]]
    assert _test(value, spec[key]) is matched and key in _KEYS
