"""Places: the famous place over its namesakes unless the story says otherwise, and never a
place for a ticker, a person, a company or a ministry. Invented stories, with the entities
given (so the test does not depend on the tagger), against a small GeoNames fixture."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer, places_reader

from dateline.geo import load, store
from dateline.geo.resolve import Resolver, Toponym

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_namesakes.txt"
PARIS_TX, PARIS_FR, WASHINGTON_DC, KOELN = 4717560, 2988507, 4140963, 2886242


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory):
    return build_gazetteer(
        tmp_path_factory.mktemp("gaz") / "g.sqlite",
        FIXTURE,
        [
            ("russian", 2017370, store.DEMONYM),
            ("russians", 2017370, store.DEMONYM),
            ("pa", 6254927, store.ABBREVIATION),
            ("alta", 5883102, store.ABBREVIATION),
        ],
    )


@pytest.fixture(scope="module")
def resolver(gazetteer_path):
    return Resolver(load(gazetteer_path))


@pytest.fixture(scope="module")
def read(nlp, gazetteer_path):
    return places_reader(nlp, gazetteer_path, by_name=True)


def test_a_washington_dateline_is_the_capital(read):
    found = read("WASHINGTON, March 3 (Reuters) - Officials met on Tuesday to discuss the budget.")
    assert found["Washington"].geonames_id == WASHINGTON_DC
    assert "a dateline names the famous city" in found["Washington"].evidence.why


def test_a_dateline_that_names_its_state_is_not_the_capital(read):
    found = read("WASHINGTON, Pa., March 3 (Reuters) - The county board met on Tuesday.")
    assert found["Washington"].geonames_id == 5207490


def test_paris_texas_in_a_texas_story(read):
    found = read(
        "Storms hit Paris, Texas, on Monday, and crews from Dallas drove north to help.",
        ("GPE", "Paris"),
        ("GPE", "Texas"),
        ("GPE", "Dallas"),
    )
    paris = found["Paris"]
    assert paris.geonames_id == PARIS_TX
    assert paris.evidence.why[0] == "written with Texas"
    assert [c.geonames_id for c in paris.evidence.candidates][:2] == [PARIS_TX, PARIS_FR]
    assert paris.evidence.candidates[0].score > paris.evidence.candidates[1].score


def test_paris_alone_is_the_famous_one(read):
    assert read("Talks in Paris ended without a deal.", ("GPE", "Paris"))["Paris"].geonames_id == PARIS_FR


def test_a_ticker_is_never_a_place(read):
    found = read("Alaska Northern Co <ANC> said its profit rose, the company said in a statement.", ("ORG", "ANC"))
    assert "ANC" not in found


def test_a_person_named_like_a_town_is_not_a_place(read):
    found = read("Vernon scored twice and the home crowd cheered him.", ("PERSON", "Vernon"))
    assert "Vernon" not in found


def test_a_country_typed_as_an_organisation_is_still_a_place(read):
    found = read("Canada said the talks would resume.", ("ORG", "Canada"))
    assert found["Canada"].country == "CA" and found["Canada"].kind == "literal"


def test_a_demonym_is_a_place_of_kind_demonym_and_people_are_not(read):
    found = read(
        "Russian troops crossed the river. Russians queued for bread.", ("NORP", "Russian"), ("NORP", "Russians")
    )
    assert found["Russian"].country == "RU" and found["Russian"].kind == "demonym"
    assert "Russians" not in found


def test_a_place_naming_an_organisation_is_associative(read):
    found = read("Edmonton Police Service officers arrested two men.", ("ORG", "Edmonton Police Service"))
    assert found["Edmonton"].country == "CA" and found["Edmonton"].kind == "associative"


def test_a_ministry_is_never_a_town(read):
    found = read("The Justice Department opened an inquiry.", ("ORG", "Justice Department"))
    assert "Justice" not in found


def test_a_widely_known_city_is_meant_by_its_english_name(resolver):
    reading = resolver.resolve([Toponym("COLOGNE", 0, 7, "dateline")])["cologne"]
    assert reading.entry.geonameid == KOELN


def test_an_acronym_is_a_place_only_as_a_known_abbreviation(resolver):
    readings = resolver.resolve([Toponym("ANC", 0, 3, "ner"), Toponym("PA", 10, 12, "ner")])
    assert readings["anc"].entry is None and not readings["anc"].candidates
    assert readings["pa"].entry.geonameid == 6254927


def test_a_qualifier_outside_every_candidate_leaves_the_name_unresolved(resolver):
    reading = resolver.resolve([Toponym("Edmonton", 0, 8, "dateline", "Pa.")])["edmonton"]
    assert reading.entry is None


def test_a_list_of_places_is_not_a_qualifier(read):
    found = read(
        "Kim is wary of dealings with Washington, Moscow or Paris.",
        ("GPE", "Washington"),
        ("GPE", "Moscow"),
        ("GPE", "Paris"),
    )
    assert found["Washington"].geonames_id == WASHINGTON_DC


def test_a_misspelt_dateline_is_the_city_one_letter_off(resolver):
    reading = resolver.resolve([Toponym("DALAS", 0, 5, "dateline")])["dalas"]
    assert reading.entry.name == "Dallas" and reading.why[0] == "the dateline misspells Dallas"


def test_only_datelines_and_only_big_cities_are_respelt(resolver):
    assert resolver.resolve([Toponym("Dalas", 0, 5, "ner")])["dalas"].entry is None
    assert resolver.resolve([Toponym("VERNIN", 0, 6, "dateline")])["vernin"].entry is None  # Vernon: 40,000


def test_a_country_beside_its_capital_called_after_it_stays_the_country(resolver):
    readings = resolver.resolve([Toponym("Mexico", 0, 6), Toponym("Mexico City", 20, 31)])
    assert readings["mexico"].entry.fcode == "PCLI" and readings["mexico city"].entry.fcode == "PPLC"


def test_a_place_ending_an_organisation_name_is_associative(read):
    found = read("Flights on Air Canada were cancelled.", ("ORG", "Air Canada"))
    assert found["Canada"].kind == "associative" and found["Canada"].country == "CA"


def test_a_name_typed_as_a_person_is_a_place_when_the_text_says_so(read):
    found = read(
        "Storms flooded streets in Vernon, British Columbia, on Monday.",
        ("PERSON", "Vernon"),
        ("GPE", "British Columbia"),
    )
    assert found["Vernon"].country == "CA"


def test_a_town_missing_from_its_written_state_keeps_the_country_only(read):
    found = read("EDMONTON, Pa., March 3 - The county board met on Tuesday.")
    place = found["Edmonton"]
    assert place.geonames_id is None and place.lat is None and place.country == "US"
    assert place.evidence.why == ("no candidate lies in Pa.",)


def test_an_abbreviation_counts_only_when_written_as_one(resolver):
    assert resolver.resolve([Toponym("Pa.", 0, 3, "ner")])["pa"].entry.geonameid == 6254927
    assert resolver.resolve([Toponym("Pa", 0, 2, "ner")])["pa"].entry is None  # a word, "La Niña"-like
