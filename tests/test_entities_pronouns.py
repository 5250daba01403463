"""Pronoun and description mentions, through the extractor (real model)."""
from __future__ import annotations

import pytest

from dateline.extract.base import StoryContext
from dateline.extract.entities import make_entities
from dateline.structure.layout import Field, Layout


@pytest.fixture(scope="module")
def extract():
    return make_entities()


def entities(nlp, extract, text):
    body = Field(text, 0, len(text))
    return extract(StoryContext(layout=Layout(text=text, body=body, paragraphs=(body,)), doc=nlp(text)))


def mentions_of(ents, name):
    return [(m.text, m.kind) for e in ents if e.name == name for m in e.mentions]


STORY = """\
Ruritanian leader Karl Brandt arrived in Vienna on Monday. He was greeted by a band.

A senior Austrian official said the talks would be hard. "We are ready," the official said.

"The young leader wants a deal," he said.

Brandt's sister Ana Brandt stayed at home. She said she was proud.
"""


def test_pronoun_follows_the_subject(nlp, extract):
    ents = entities(nlp, extract, STORY)
    assert ("He", "pronoun") in mentions_of(ents, "Karl Brandt")


def test_indefinite_description_is_a_new_person_and_is_referred_back_to(nlp, extract):
    ents = entities(nlp, extract, STORY)
    official = [e for e in ents if e.name == "A senior Austrian official"]
    assert len(official) == 1 and official[0].type == "PERSON"
    kinds = [(m.text, m.kind) for m in official[0].mentions]
    assert ("the official", "description") in kinds and ("he", "pronoun") in kinds
    assert official[0].country == "AT"


def test_gender_agreement(nlp, extract):
    ents = entities(nlp, extract, STORY)
    assert ("She", "pronoun") in mentions_of(ents, "Ana Brandt")
    assert ("She", "pronoun") not in mentions_of(ents, "Karl Brandt")


def test_names_inside_quotes_are_not_antecedents(nlp, extract):
    text = 'Mira Holt spoke first.\n\n"Tom Reed is wrong," she said.\n'
    ents = entities(nlp, extract, text)
    assert ("she", "pronoun") in mentions_of(ents, "Mira Holt")


def test_the_company_is_the_organisation_last_in_the_subject(nlp, extract):
    text = ("Norvik Motors cut 2,000 jobs on Monday. The company said sales had fallen.\n\n"
            "It is not clear when the plant will reopen.\n")
    ents = entities(nlp, extract, text)
    company = [e for e in ents if e.type == "ORG" and "Norvik" in e.name]
    assert company and ("The company", "description") in [(m.text, m.kind) for m in company[0].mentions]
    assert not any(m.text == "It" for e in ents for m in e.mentions)
