"""NER span and type corrections from story evidence, on hand-built docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.extract.entities.corrections import correct, is_currency_sign


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, words, ents, tags=None, spaces=None):
    """A doc with the given entities [(start, end, label)] and NNP tags on capitalised words."""
    doc = Doc(vocab, words=words, spaces=spaces)
    for t in doc:
        t.tag_ = "NNP" if t.text[:1].isupper() else "NN"
        t.pos_ = "PROPN" if t.text[:1].isupper() else "NOUN"
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def texts(doc, spans):
    return [(doc[s.start : s.end].text, s.label) for s in spans]


def test_possessive_and_leading_the_are_trimmed(vocab):
    doc = make(vocab, ["the", "United", "States", "and", "Ruritania", "'s", "army"], [(0, 3, "GPE"), (4, 6, "GPE")])
    assert texts(doc, correct(doc)) == [("United States", "GPE"), ("Ruritania", "GPE")]


def test_credit_word_glued_to_a_place_is_cut(vocab):
    doc = make(vocab, ["in", "OSLO", "Additional", "reporting"], [(1, 3, "GPE")])
    assert texts(doc, correct(doc)) == [("OSLO", "GPE")]


def test_three_part_name_cut_short_is_taken_back(vocab):
    doc = make(vocab, ["negotiator", "Pak", "Song", "Hui", "and", "others"], [(1, 3, "PERSON")])
    assert texts(doc, correct(doc)) == [("Pak Song Hui", "PERSON")]


def test_majority_type_wins(vocab):
    words = ["Tromsvik", "is", "big", ".", "In", "Tromsvik", "and", "Tromsvik", "."]
    doc = make(vocab, words, [(0, 1, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")])
    assert [label for _, label in texts(doc, correct(doc))] == ["GPE", "GPE", "GPE"]


def test_place_cue_makes_a_place(vocab):
    doc = make(vocab, ["the", "settlement", "of", "Zarechny", "."], [(3, 4, "ORG")])
    assert texts(doc, correct(doc)) == [("Zarechny", "GPE")]


def test_surname_of_a_full_name_is_a_person(vocab):
    doc = make(vocab, ["Ada", "Brennick", "met", "Brennick", "."], [(0, 2, "PERSON"), (3, 4, "ORG")])
    assert texts(doc, correct(doc))[-1] == ("Brennick", "PERSON")


def test_word_of_a_title_is_not_an_organisation(vocab):
    doc = make(vocab, ["Secretary", "of", "State", "Ada", "Brennick"], [(2, 3, "ORG"), (3, 5, "PERSON")])
    assert texts(doc, correct(doc)) == [("Ada Brennick", "PERSON")]


def test_big_city_typed_person_is_a_place(vocab):
    doc = make(vocab, ["Novosibirsk", "is", "far", "."], [(0, 1, "PERSON")])
    assert texts(doc, correct(doc)) == [("Novosibirsk", "GPE")]


def test_structure_spans_win(vocab):
    doc = make(vocab, ["By", "Mina", "Sorel", "in", "LYON"], [(2, 3, "PERSON")])
    spans = correct(doc, persons=[(3, 13)], places=[(17, 21)])
    assert texts(doc, spans) == [("Mina Sorel", "PERSON"), ("LYON", "GPE")]


def test_name_after_a_role_word_is_found(vocab):
    doc = make(vocab, ["his", "counterpart", "Ivo", "Stanek", "said"], [])
    assert texts(doc, correct(doc)) == [("Ivo Stanek", "PERSON")]


def test_a_full_name_is_found_again_where_the_tagger_missed_it(vocab):
    doc = make(vocab, ["Norvik", "Motors", "won", ".", "Norvik", "Motors", "lost", "."], [(0, 2, "ORG")])
    assert texts(doc, correct(doc)) == [("Norvik Motors", "ORG"), ("Norvik Motors", "ORG")]


def test_a_dateline_place_is_a_place_everywhere(vocab):
    words = ["MIRVALE", ",", "Ore.", "-", "Fire", "near", "Mirvale", ".", "Mirvale", "burns", "."]
    doc = make(vocab, words, [(6, 7, "ORG"), (8, 9, "ORG")])
    spans = correct(doc, places=[(0, 7)])
    assert [label for _, label in texts(doc, spans)] == ["GPE", "GPE", "GPE"]


def test_a_title_is_not_part_of_the_name(vocab):
    doc = make(vocab, ["County", "Sheriff", "Ellen", "Nakai", "said"], [(2, 4, "PERSON")])
    assert texts(doc, correct(doc)) == [("Ellen Nakai", "PERSON")]


@pytest.mark.parametrize(
    "words, ents, expected",
    [
        (["Ravi", "Anand", "9-0-54-1", ","], [(0, 3, "PERSON")], [("Ravi Anand", "PERSON")]),
        (["the", "G-6", "met"], [(1, 2, "PERSON")], []),
    ],
)
def test_digits_are_not_part_of_a_persons_name(vocab, words, ents, expected):
    doc = make(vocab, words, ents)
    assert texts(doc, correct(doc)) == expected


def test_a_place_cue_makes_every_mention_a_place(vocab):
    words = ["Zarechny", "fell", ".", "The", "town", "of", "Zarechny", "is", "small", "."]
    doc = make(vocab, words, [(0, 1, "PERSON"), (6, 7, "ORG")])
    assert [label for _, label in texts(doc, correct(doc))] == ["GPE", "GPE"]


def test_agency_sign_off_is_the_agency(nlp):
    from dateline.extract.entities.corrections import correct

    for end in ("\n REUTER\n", " REUTER", " Reuter"):
        doc = nlp("Norvik Bank said profits rose 5 pct in the year.\n\nThe bank gave no forecast." + end)
        labels = {doc[s.start : s.end].text: s.label for s in correct(doc)}
        assert labels.get("REUTER", "ORG") == "ORG"


def test_a_maker_with_a_model_designation_is_a_product(vocab):
    words = [
        "Orvane",
        "Z450",
        "flies",
        ".",
        "The",
        "Z450",
        "and",
        "two",
        "Z450s",
        "wait",
        ";",
        "Orvane",
        "Airlines",
        "777s",
        "too",
        ",",
        "at",
        "US$",
        "40",
        "million",
        "in",
        "2020",
        ".",
    ]
    doc = make(vocab, words, [(0, 1, "ORG"), (11, 13, "ORG"), (17, 18, "GPE")])
    spans = correct(doc)
    assert texts(doc, spans) == [
        ("Orvane Z450", "PRODUCT"),
        ("Z450", "PRODUCT"),
        ("Z450s", "PRODUCT"),
        ("Orvane Airlines", "ORG"),
        ("US$", "GPE"),
    ]
    assert [is_currency_sign(doc, s) for s in spans] == [False, False, False, False, True]


def test_a_score_in_a_results_table_is_no_model(vocab):
    words = ["Sussex", "363", "and", "201", ";", "Kent", "296", "(", "Lee", "4-38", ")", "."]
    doc = make(vocab, words, [(0, 1, "ORG"), (5, 6, "ORG")])
    for i, pos in ((1, "NUM"), (2, "CCONJ"), (3, "NUM"), (6, "NUM"), (7, "PUNCT")):
        doc[i].pos_ = pos
    assert texts(doc, correct(doc)) == [("Sussex", "ORG"), ("Kent", "ORG")]


def test_a_version_number_after_a_product_name_is_part_of_it(vocab):
    words = [
        "Orvane",
        "launched",
        "the",
        "zPad",
        "4",
        "and",
        "sold",
        "4",
        "million",
        ";",
        "Leeds",
        "4",
        "Hull",
        "2",
        ".",
    ]
    doc = make(vocab, words, [(0, 1, "ORG"), (3, 4, "ORG"), (10, 11, "ORG"), (12, 13, "ORG")])
    assert texts(doc, correct(doc)) == [("Orvane", "ORG"), ("zPad 4", "PRODUCT"), ("Leeds", "ORG"), ("Hull", "ORG")]


def test_a_stock_index_is_one_name_with_its_number_and_head(vocab):
    words = ["The", "Dow", "Jones", "industrial", "average", "fell", "and", "the", "S&P", "500", "index", "rose", "."]
    doc = make(vocab, words, [(1, 3, "NORP"), (8, 9, "ORG")])
    assert texts(doc, correct(doc)) == [
        ("Dow Jones industrial average", "PRODUCT"),
        ("S&P 500 index", "PRODUCT"),
    ]


def test_a_glued_index_number_and_a_possessive_brand_are_read(vocab):
    words = ["London", "'s", "FTSE-100", "and", "Standard", "&", "Poor", "'s", "500", "fell", "."]
    doc = make(vocab, words, [(0, 1, "GPE"), (2, 3, "NORP"), (4, 7, "ORG")])
    assert texts(doc, correct(doc)) == [
        ("London", "GPE"),
        ("FTSE-100", "PRODUCT"),
        ("Standard & Poor 's 500", "PRODUCT"),
    ]


def test_a_brand_that_may_name_a_company_is_an_index_only_when_the_story_says_so(vocab):
    agency = make(vocab, ["S&P", "cut", "its", "rating", "of", "Dow", "Chemical", "."], [(0, 1, "ORG"), (5, 7, "ORG")])
    assert texts(agency, correct(agency)) == [("S&P", "ORG"), ("Dow Chemical", "ORG")]
    words = ["The", "Dow", "Jones", "Industrial", "Average", "fell", ".", "The", "Dow", "lost", "2", "%", "."]
    index = make(vocab, words, [(1, 4, "NORP"), (8, 9, "ORG")])
    assert texts(index, correct(index)) == [("Dow Jones Industrial Average", "PRODUCT"), ("Dow", "PRODUCT")]


def test_a_time_zone_is_no_name(vocab):
    doc = make(vocab, ["at", "14:00", "UTC", "Velda", "said", "."], [(2, 3, "ORG"), (3, 4, "ORG")])
    assert texts(doc, correct(doc)) == [("Velda", "ORG")]


def test_an_i_name_is_a_product_with_the_capitalised_words_of_its_name(vocab):
    words = ["Orvane", "sells", "the", "iZest", "Music", "Store", "and", "the", "iZest", ",", "not", "iRobot"]
    doc = make(vocab, words, [(0, 1, "ORG"), (3, 4, "NORP"), (11, 12, "ORG")])
    doc[9].tag_, doc[9].pos_ = ",", "PUNCT"
    assert texts(doc, correct(doc)) == [
        ("Orvane", "ORG"),
        ("iZest Music Store", "PRODUCT"),
        ("iZest", "PRODUCT"),
        ("iRobot", "PRODUCT"),
    ]


def test_a_lone_model_designation_is_a_product_but_a_flight_number_is_not(vocab):
    words = ["The", "Z450", "flew", ";", "Z470s", "wait", ";", "flight", "QX450", "landed", "."]
    doc = make(vocab, words, [])
    for i, pos in ((2, "VERB"), (5, "VERB"), (9, "VERB")):
        doc[i].pos_ = pos
    assert texts(doc, correct(doc)) == [("Z450", "PRODUCT"), ("Z470s", "PRODUCT")]


def test_a_legal_form_after_a_name_is_part_of_it_and_makes_a_company(vocab):
    words = ["Korlin", "Motor", "Company", "and", "Saturnia", "Corporation", "rose", "."]
    doc = make(vocab, words, [(0, 2, "ORG"), (4, 6, "PRODUCT")])
    assert texts(doc, correct(doc)) == [("Korlin Motor Company", "ORG"), ("Saturnia Corporation", "ORG")]


def test_a_name_typed_nationality_once_and_organisation_once_is_the_organisation(vocab):
    words = ["Orvane", "jets", "and", "Orvane", "said", ";", "Ruritanian", "and", "Ruritanian", "."]
    doc = make(vocab, words, [(0, 1, "NORP"), (3, 4, "ORG"), (6, 7, "NORP"), (8, 9, "NORP")])
    assert [label for _, label in texts(doc, correct(doc))] == ["ORG", "ORG", "NORP", "NORP"]


def test_a_group_name_mostly_typed_nationality_stays_so(vocab):
    words = ["Zelotes", "marched", ";", "Zelotes", "and", "Zelotes", "said", "."]
    doc = make(vocab, words, [(0, 1, "ORG"), (3, 4, "NORP"), (5, 6, "NORP")])
    assert [label for _, label in texts(doc, correct(doc))] == ["NORP", "NORP", "NORP"]


def test_a_person_tag_on_the_short_name_of_a_company_follows_the_company(vocab):
    words = ["Velmont", "SpA", "said", "Velmont", "rose", "and", "Ana", "Korlin", "of", "Korlin", "AG", "and", "Korlin"]
    ents = [(0, 1, "PERSON"), (3, 4, "PERSON"), (6, 8, "PERSON"), (9, 11, "ORG"), (12, 13, "PERSON")]
    doc = make(vocab, words, ents)
    assert texts(doc, correct(doc)) == [
        ("Velmont SpA", "ORG"),
        ("Velmont", "ORG"),
        ("Ana Korlin", "PERSON"),
        ("Korlin AG", "ORG"),
        ("Korlin", "PERSON"),
    ]


def test_a_person_tag_right_after_a_company_noun_is_the_company_everywhere(vocab):
    words = ["low-cost", "airline", ",", "Ryanor", ",", "said", "carmaker", "Velmora", "and", "Ryanor", "agreed"]
    doc = make(vocab, words, [(3, 4, "PERSON"), (7, 8, "PERSON"), (9, 10, "PERSON")])
    assert texts(doc, correct(doc)) == [("Ryanor", "ORG"), ("Velmora", "ORG"), ("Ryanor", "ORG")]
    words = ["the", "company", "Maria", "Lopez", "founded", "and", "the", "firm", ",", "Lopez", "said"]
    doc = make(vocab, words, [(2, 4, "PERSON"), (9, 10, "PERSON")])
    assert texts(doc, correct(doc)) == [("Maria Lopez", "PERSON"), ("Lopez", "PERSON")]


def test_a_word_typed_organisation_throughout_stays_so_beside_one_stray_full_name(vocab):
    words = ["Velmora", "cut", "jobs", ".", "Velmora", "said", "Velmora", "grew", ";", "Ohio", "Velmora", "."]
    ents = [(0, 1, "ORG"), (4, 5, "ORG"), (6, 7, "ORG"), (9, 11, "PERSON")]
    doc = make(vocab, words, ents)
    assert [label for _, label in texts(doc, correct(doc))][:3] == ["ORG", "ORG", "ORG"]


def test_a_person_tag_on_a_name_ending_with_a_company_head_is_the_company(vocab):
    doc = make(vocab, ["Hainan", "Airlines", "and", "Maria", "Lopez", "agreed"], [(0, 2, "PERSON"), (3, 5, "PERSON")])
    assert texts(doc, correct(doc)) == [("Hainan Airlines", "ORG"), ("Maria Lopez", "PERSON")]


@pytest.mark.parametrize("head", ["Strategies", "Roofing", "Patrol", "Holdings"])
def test_a_person_tag_on_a_name_ending_with_a_line_of_business_is_the_company(vocab, head):
    doc = make(vocab, ["Quellin", head, "and", "Maria", "Lopez", "agreed"], [(0, 2, "PERSON"), (3, 5, "PERSON")])
    assert texts(doc, correct(doc)) == [(f"Quellin {head}", "ORG"), ("Maria Lopez", "PERSON")]


def test_a_lone_person_tag_on_the_first_word_of_a_company_is_the_company(vocab):
    words = [
        "Drexa",
        "Capital",
        "Management",
        "bought",
        "it",
        ";",
        "Drexa",
        "said",
        "Ada",
        "Velt",
        "and",
        "Velt",
        "met",
    ]
    ents = [(0, 3, "ORG"), (6, 7, "PERSON"), (8, 10, "PERSON"), (11, 12, "PERSON")]
    doc = make(vocab, words, ents)
    assert [label for _, label in texts(doc, correct(doc))] == ["ORG", "ORG", "PERSON", "PERSON"]


def test_a_model_name_in_the_plural_is_part_of_the_product(vocab):
    words = ["airlines", "bought", "60", "Velmora", "787", "Skyliners", "worth", "billions"]
    doc = make(vocab, words, [(3, 4, "ORG")])
    doc[5].tag_ = "NNS"
    assert texts(doc, correct(doc)) == [("Velmora 787 Skyliners", "PRODUCT")]


def test_a_series_after_a_hyphen_is_part_of_the_model_but_a_score_is_not(vocab):
    words = ["The", "Velmora", "737", "-", "800", "flew", ";", "Sussex", "363", "-", "7", "declared"]
    doc = make(vocab, words, [(1, 2, "ORG"), (7, 8, "ORG")], spaces=[True, True, False, False, True] + [True] * 7)
    for i in (3, 9):
        doc[i].pos_ = "PUNCT"
    assert texts(doc, correct(doc)) == [("Velmora 737-800", "PRODUCT"), ("Sussex", "ORG")]


def test_a_name_no_gazetteer_knows_typed_place_and_organisation_is_the_organisation(vocab):
    words = ["ORVEX", "won", ";", "ORVEX", "lost", ";", "ORVEX", "and", "Lisbon", "and", "Lisbon"]
    ents = [(0, 1, "GPE"), (3, 4, "GPE"), (6, 7, "ORG"), (8, 9, "GPE"), (10, 11, "ORG")]
    doc = make(vocab, words, ents)
    labels = [label for _, label in texts(doc, correct(doc))]
    assert labels[:3] == ["ORG", "ORG", "ORG"] and labels[3] == "GPE"


@pytest.mark.parametrize(
    "words, ents, expected",
    [
        (["Investigator", "Lena", "Ortiz", "said"], [(0, 3, "PERSON")], ("Lena Ortiz", "PERSON")),
        (["Officers", "Ron", "Pike", "came"], [(0, 3, "PERSON")], ("Ron Pike", "PERSON")),
        (["Democrat", "Dana", "Whitfield", "won"], [(0, 3, "PERSON")], ("Dana Whitfield", "PERSON")),
        (["Campus", "Manager", "Tara", "Quill", "says"], [(2, 4, "PERSON")], ("Tara Quill", "PERSON")),
    ],
)
def test_a_role_a_plural_title_or_a_party_label_is_not_part_of_the_name(vocab, words, ents, expected):
    doc = make(vocab, words, ents)
    assert texts(doc, correct(doc)) == [expected]


def test_a_surname_typed_a_place_throughout_is_the_person_named_in_full(vocab):
    """ "Justice Maria Quorvell ... Quorvell wrote" three times typed GPE: the judge, not a place."""
    words = ["Justice", "Maria", "Quorvell", "ruled", ".", "Quorvell", "wrote", ".", "Quorvell", "said", "."]
    words += ["Quorvell", "added", "."]
    doc = make(vocab, words, [(1, 3, "PERSON"), (5, 6, "GPE"), (8, 9, "GPE"), (11, 12, "GPE")])
    assert [label for _, label in texts(doc, correct(doc))] == ["PERSON"] * 4


def test_the_last_two_names_and_a_surname_typed_nationality_are_the_person(vocab):
    words = ["Tomas", "Vela", "Quorvell", "spoke", ".", "Vela", "Quorvell", "left", "the", "Quorvell", "home", "."]
    doc = make(vocab, words, [(0, 3, "PERSON"), (5, 7, "GPE"), (9, 10, "NORP")])
    assert [label for _, label in texts(doc, correct(doc))] == ["PERSON"] * 3


def test_a_company_named_after_its_founder_keeps_its_type(vocab):
    """ "Henry Ford" beside "Ford Motor" and "Ford" four times typed ORG: the company."""
    words = ["Henry", "Ford", "founded", "Ford", "Motor", ".", "Ford", "won", ".", "Ford", "lost", "."]
    words += ["Ford", "grew", ".", "Ford", "fell", "."]
    ents = [(0, 2, "PERSON"), (3, 5, "ORG"), (6, 7, "ORG"), (9, 10, "ORG"), (12, 13, "ORG"), (15, 16, "ORG")]
    doc = make(vocab, words, ents)
    assert [label for _, label in texts(doc, correct(doc))][2:] == ["ORG"] * 4


@pytest.mark.parametrize("word, tag", [("Traditionally", "RB"), ("Schools", "NNS"), ("Photo", "NN")])
def test_a_common_word_starting_a_sentence_is_no_person(vocab, word, tag):
    doc = make(vocab, [word, ",", "said", "Lena", "Ortiz", "."], [(0, 1, "PERSON"), (3, 5, "PERSON")])
    doc[0].tag_ = tag
    assert texts(doc, correct(doc)) == [("Lena Ortiz", "PERSON")]


def test_a_surname_starting_a_sentence_stays_a_person(vocab):
    """ "Power" read as a common noun, but the surname of "Lena Power" named in the story."""
    doc = make(vocab, ["Lena", "Power", "came", ".", "Power", "spoke", "."], [(0, 2, "PERSON"), (4, 5, "PERSON")])
    doc[4].tag_ = "NN"
    assert texts(doc, correct(doc)) == [("Lena Power", "PERSON"), ("Power", "PERSON")]
