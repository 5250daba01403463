"""A name's last word types it: laws, streets, and the news NER's catch-all "nationality"
(docs/real-copy.md, session 10). Invented names throughout."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.extract.entities.corrections import correct
from dateline.extract.entities.heads import head_type


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        # laws, whatever the tagger typed them
        ("Marsh Valley Water Act", "ORG", "LAW"),
        ("Velmar Conventions", "NORP", "LAW"),
        ("Quorvish Criminal Code", "NORP", "LAW"),
        ("Equal Pay Amendment", "NORP", "LAW"),
        ("Brennor Treaty", "ORG", "LAW"),
        ("Honda Accord", "PERSON", None),  # a car, not a law
        ("Democratic National Convention", "NORP", "EVENT"),  # a party's convention is an event
        # streets named after people, or typed as companies
        ("Quorvell Street", "PERSON", "FAC"),
        ("Tamsin Drive", "PERSON", "FAC"),
        ("Larkspur Avenue", "ORG", "FAC"),
        ("Rue Delvaux", "PERSON", "FAC"),
        ("Nathan Lane", "PERSON", None),  # an actor is no lane
        ("Wall Street", "ORG", None),  # the industry
        ("Royal Street", "ORG", "FAC"),
        ("Rue Casa Velmar", "ORG", "FAC"),
        ("Downing Street", "PERSON", None),  # a government's seat
        # the catch-all "nationality"
        ("Zephyr X5", "NORP", "PRODUCT"),
        ("Interstate 7", "NORP", "FAC"),
        ("Orbital Relay Station", "NORP", "FAC"),
        ("Quorvell Bible Church", "NORP", "ORG"),
        ("Velmar Cable Network", "NORP", "ORG"),
        ("Northern Premier League", "NORP", "EVENT"),
        ("Third Velmar War", "NORP", "EVENT"),
        ("G7", "NORP", "ORG"),
        ("Port Moresby", "NORP", "GPE"),  # a town of two words
        ("£", "NORP", ""),
        ("456th", "NORP", ""),
        ('timestamp="1474387200', "NORP", ""),
        # nationalities, religions, parties keep their type
        ("Sikh", "NORP", None),
        ("Democrats", "NORP", None),
        ("Kurdish", "NORP", None),
        ("North Korean", "NORP", None),
        ("Orion", "NORP", None),  # one word is a town only when a big city
        ("Tamsin Quorvell", "PERSON", None),
        # institutions, papers and venues named after people or places, typed as people
        ("Santa Velmar Paediatric Hospital", "PERSON", "ORG"),
        ("Quorvia News", "PERSON", "ORG"),
        ("Brennor Racecourse", "PERSON", "FAC"),
        ("John Stuart Mill", "PERSON", None),
        ("Hospital", "PERSON", ""),  # a word cut from an institution's name
        ("Charlotte Church", "PERSON", None),
        ("Quorvell Parish", "PERSON", None),  # a county in Louisiana, not a church
    ],
)
def test_head_type(name, label, expected):
    assert head_type(name.split(), label) == expected


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_correct_retypes_by_head_and_drops_the_quantity(vocab):
    words = "Nichemen 10,000 tonnes went by Tamsin Drive under the Marsh Water Act".split()
    doc = Doc(vocab, words=words)
    for t in doc:
        t.tag_ = "NNP" if t.text[:1].isupper() else "NN"
    doc.ents = [Span(doc, 0, 2, "ORG"), Span(doc, 5, 7, "PERSON"), Span(doc, 9, 12, "ORG")]
    got = [(doc[s.start : s.end].text, s.label) for s in correct(doc)]
    assert got == [("Nichemen", "ORG"), ("Tamsin Drive", "FAC"), ("Marsh Water Act", "LAW")]


def test_read_types_laws_and_streets():
    import dateline

    story = (
        "Police closed Darby Street and Wichita Drive on Monday after Marta Kell was hurt, officials said.\n\n"
        "Ana Ruiz said the Financial Services Act and the Geneva Conventions applied.\n"
    )
    types = {e.name: e.type for e in dateline.read(story).entities}
    assert types["Darby Street"] == types["Wichita Drive"] == "FAC"
    assert types["Financial Services Act"] == types["Geneva Conventions"] == "LAW"
    assert types["Marta Kell"] == types["Ana Ruiz"] == "PERSON"


def test_a_company_in_angle_brackets_is_an_organisation():
    """Reuters' wire sets a company's name in angle brackets; a ticker or an address is no name."""
    import dateline

    story = (
        "SYDNEY, March 30 - <Quorvel Nylex Ltd> said it will raise its offer for <Brennor (Australia) Ltd> "
        "(BWA) to five dlrs.\n    Quorvel Nylex, which makes rubber, first bid in January. It said "
        "<Tamsin Bell Velmar> and <Larkspur and York> agreed. Velmora Motor Co <VMC> rose, said Ana Ruiz "
        "<ana@example.com>.\n REUTER\n"
    )
    types = {e.name: (e.type, len(e.mentions)) for e in dateline.read(story).entities}
    assert types["Quorvel Nylex Ltd"] == ("ORG", 3)  # with "Quorvel Nylex" and "It"
    for name in ("Brennor (Australia) Ltd", "Tamsin Bell Velmar", "Larkspur and York", "Velmora Motor Co"):
        assert types[name][0] == "ORG", name
    assert types["Ana Ruiz"][0] == "PERSON" and "VMC" not in types


def _typed(vocab, text: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = Doc(vocab, words=text.split())
    for t in doc:
        t.tag_ = "NNP" if t.text[:1].isupper() else "NN"
    doc.ents = [Span(doc, a, b, label) for a, b, label in ents]
    return [(doc[s.start : s.end].text, s.label) for s in correct(doc)]


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Both men were charged , though not his brother Tyler .", [(9, 10, "ORG")], "Tyler"),
        ("The board hired Derek Quellin as girls basketball coach .", [(3, 5, "GPE")], "Derek Quellin"),
        (
            "An aide for Kirk Varnaby , the carmaker 's largest individual investor , said no .",
            [(3, 5, "ORG")],
            "Kirk Varnaby",
        ),
        ("He praised Lena Orvik of Ridge News on Monday .", [(2, 4, "ORG"), (5, 7, "ORG")], "Lena Orvik"),
        ("Her daughters Sasha and Malia stayed home .", [(2, 3, "PERSON"), (4, 5, "GPE")], "Malia"),
    ],
)
def test_a_first_name_with_a_person_s_words_around_it_is_a_person(vocab, text, ents, name):
    assert (name, "PERSON") in _typed(vocab, text, ents)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Dean Quellin , the big lender , cut its fees .", [(0, 2, "ORG")]),
        ("Shares of Dean Quellin rose .", [(2, 4, "ORG")]),
        ("Flights to Charlotte and Tyler were cancelled .", [(2, 3, "GPE"), (4, 5, "GPE")]),
        ("Tomas Bank , a big lender , said so .", [(0, 2, "ORG")]),
    ],
)
def test_a_first_name_alone_does_not_make_a_person(vocab, text, ents):
    assert all(label != "PERSON" for _, label in _typed(vocab, text, ents))


def test_initials_typed_a_person_in_a_line_of_ordinary_case_are_an_organisation(vocab):
    got = _typed(vocab, "Ana Ruiz said VELTRO would double its budget .", [(0, 2, "PERSON"), (3, 4, "PERSON")])
    assert got == [("Ana Ruiz", "PERSON"), ("VELTRO", "ORG")]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("RUIZ SAYS BUDGET WILL DOUBLE", [(0, 1, "PERSON")]),  # a headline in capitals
        ("RUIZ : We will double the budget .", [(0, 1, "PERSON")]),  # a transcript's turn
        ("Ana Ruiz spoke . Later RUIZ said no .", [(0, 2, "PERSON"), (5, 6, "PERSON")]),  # her surname
    ],
)
def test_a_name_in_capitals_stays_a_person_where_capitals_are_the_layout(vocab, text, ents):
    assert all(label == "PERSON" for _, label in _typed(vocab, text, ents))


def test_a_name_after_a_publication_noun_is_the_publication(vocab):
    got = _typed(vocab, "Gunmen attacked the satirical weekly Charlie Varga in May .", [(5, 7, "PERSON")])
    assert got == [("Charlie Varga", "ORG")]


def test_a_persons_mention_with_a_kin_word_vouches_for_the_names_other_mentions(vocab):
    text = "Ana Ruiz and her brother Tyler met . Later Tyler left and Tyler 's lawyer spoke ."
    got = _typed(vocab, text, [(0, 2, "PERSON"), (5, 6, "PERSON"), (9, 10, "ORG"), (12, 13, "ORG")])
    assert [label for name, label in got if name == "Tyler"] == ["PERSON"] * 3
