"""Hyphenated names read as one name (dateline.nlp.compounds), on invented sentences."""

from __future__ import annotations

import spacy

from dateline.nlp.compounds import join_hyphen_compounds

BLANK = spacy.blank("en")


def joined(text: str, *ents: tuple[str, str]) -> list[tuple[str, str]]:
    """The entities after joining, given (text, label) pairs found by their first occurrence."""
    doc = BLANK(text)
    spans = []
    for name, label in ents:
        span = doc.char_span(text.index(name), text.index(name) + len(name), label=label)
        assert span is not None, name
        spans.append(span)
    return [(e.text, e.label_) for e in join_hyphen_compounds(doc, sorted(spans, key=lambda e: e.start))]


def test_a_part_of_a_hyphenated_place_grows_to_the_whole_name():
    assert joined("They sailed to Port-le-Roi on Monday.", ("Port-le", "GPE")) == [("Port-le-Roi", "GPE")]
    assert joined("Troops took Varn-es-Salim.", ("Varn", "GPE"), ("Salim", "GPE")) == [("Varn-es-Salim", "GPE")]


def test_two_halves_of_a_company_name_are_one_name():
    assert joined("Brell-Hovik said sales rose.", ("Brell", "ORG"), ("Hovik", "ORG")) == [("Brell-Hovik", "ORG")]


def test_a_persons_lower_case_second_syllable_stays_with_the_name():
    assert joined("Pak Sung-ho met Lee Min-jun.", ("Pak Sung", "PERSON"), ("Lee Min", "PERSON")) == [
        ("Pak Sung-ho", "PERSON"),
        ("Lee Min-jun", "PERSON"),
    ]


def test_pairs_of_places_and_adjectives_stay_apart():
    assert joined("The Osla-Varn talks and Norvish-Kestic trade.", ("Osla", "GPE"), ("Varn", "GPE")) == [
        ("Osla", "GPE"),
        ("Varn", "GPE"),
    ]
    assert joined("Maren-era rules and Osla-backed troops.", ("Maren", "PERSON"), ("Osla", "GPE")) == [
        ("Maren", "PERSON"),
        ("Osla", "GPE"),
    ]
