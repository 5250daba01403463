"""Titles, relations and countries read around a name (real model: the parse matters)."""

from __future__ import annotations

import pytest

from dateline.extract.entities.titles import read_role


def role_of(nlp, sentence, name, others=()):
    doc = nlp(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    people = {
        i
        for n in (name, *others)
        for s in [doc.char_span(sentence.index(n), sentence.index(n) + len(n))]
        for i in range(s.start, s.end)
    }
    return doc, read_role(doc, span.start, span.end, frozenset(people))


@pytest.mark.parametrize(
    "sentence, name, title, country",
    [
        ("Finnish Prime Minister Aino Lahti arrived on Monday.", "Aino Lahti", "Finnish Prime Minister", "FI"),
        ("The talks were led by Kremlin aide Oleg Barinov on Friday.", "Oleg Barinov", "Kremlin aide", "RU"),
        ("He met U.S. Secretary of State Dana Whitfield in Paris.", "Dana Whitfield", "U.S. Secretary of State", "US"),
        ("Veteran nuclear negotiator Ri Sol Hwa said nothing.", "Ri Sol Hwa", "Veteran nuclear negotiator", None),
        ("Chairman Pak Tong Il spoke first.", "Pak Tong Il", "Chairman", None),
        (
            "Chancellor of the Exchequer Edwin Marsh said sterling was stable.",
            "Edwin Marsh",
            "Chancellor of the Exchequer",
            None,
        ),
    ],
)
def test_premodifier_titles(nlp, sentence, name, title, country):
    _, role = role_of(nlp, sentence, name)
    assert role.titles[:1] == [title]
    assert (role.countries[:1] or [None]) == [country]


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        (
            "Lena Varga, a professor at Danube State University in Szeged, said the plan was sound.",
            "Lena Varga",
            "professor at Danube State University",
        ),
        (
            "The museum honours Omar Haddad, the founding leader of Qatari aviation, who died in 1990.",
            "Omar Haddad",
            "founding leader of Qatari aviation",
        ),
        ("They also met Petr Novak, who was then president.", "Petr Novak", "president"),
    ],
)
def test_apposition_titles(nlp, sentence, name, title):
    _, role = role_of(nlp, sentence, name)
    assert title in role.titles


@pytest.mark.parametrize(
    "sentence, name, relation, possessor, is_title",
    [
        (
            "He visited the grave of his late grandfather Ivan Petrov in May.",
            "Ivan Petrov",
            "grandfather",
            "his",
            False,
        ),
        ("His chief of staff Marta Kovac was not there.", "Marta Kovac", "chief of staff", "His", True),
        ("She thanked her sister Ana Duarte for coming.", "Ana Duarte", "sister", "her", False),
        ("He talked with his counterpart Ivo Stanek on Monday.", "Ivo Stanek", "counterpart", "his", False),
    ],
)
def test_possessive_relations(nlp, sentence, name, relation, possessor, is_title):
    doc, role = role_of(nlp, sentence, name)
    assert [(w, doc[t].text) for w, t in role.relations] == [(relation, possessor)]
    assert (relation in role.titles) is is_title


def test_relation_before_a_comma_and_a_title_beside_it(nlp):
    sentence = "A photograph of his late father and previous Ruritanian leader, Karl Brandt, hung there."
    doc, role = role_of(nlp, sentence, "Karl Brandt")
    assert [w for w, _ in role.relations] == ["father"]
    assert role.titles == ["previous Ruritanian leader"]


def test_name_as_possessor(nlp):
    sentence = "Putin met Anna Sokol's father and predecessor, Boris Sokol, in 2002."
    doc, role = role_of(nlp, sentence, "Boris Sokol", others=("Anna Sokol",))
    assert ("father", "Sokol") in [(w, doc[t].text) for w, t in role.relations]


def test_no_title_from_an_introductory_phrase(nlp):
    _, role = role_of(nlp, "In a speech to parliament, Karl Brandt said no.", "Karl Brandt")
    assert role.titles == [] and role.relations == []


def test_nationality_before_a_relation_word(nlp):
    _, role = role_of(nlp, "She met her Chilean counterpart Pablo Fierro in Oslo.", "Pablo Fierro")
    assert [w for w, _ in role.relations] == ["counterpart"] and role.countries == ["CL"]


def test_country_that_owns_the_title(nlp):
    _, role = role_of(nlp, "Senegal's foreign minister, Awa Ndiaye, said no.", "Awa Ndiaye")
    assert role.titles == ["foreign minister"] and role.countries == ["SN"]
