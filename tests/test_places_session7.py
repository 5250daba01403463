"""Classes of wrong readings fixed in session 7, each on invented stories against a small
GeoNames fixture of its own: a country's former name written as a word ("Burma"), an
agency's initials spelt like a region ("GAO"), a place that is only part of what an
organisation is "of" ("Bank of New England"), a capitalised run that crosses a sentence's
end, and a bare capital dateline against a namesake the story's area speaks for."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer, places_reader
from test_geo_resolve import resolved, story

from dateline.extract.places import _place_prefix, _runs
from dateline.geo import store
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver, Toponym
from dateline.record import Mention

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_s7.txt"
MYANMAR, BURMA_JO, GAO_REGION, ENGLAND, LONDON_GB, LONDON_ON = 1327865, 250000, 2457162, 6269131, 2643743, 6058560
VANCOUVER_BC, VANCOUVER_WA = 6173331, 5814616


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory):
    return build_gazetteer(
        tmp_path_factory.mktemp("gaz") / "g.sqlite",
        FIXTURE,
        [
            ("burma", MYANMAR, store.ABBREVIATION),
            ("uk", 2635167, store.ABBREVIATION),
            ("us", 6252001, store.ABBREVIATION),
        ],
    )


@pytest.fixture(scope="module")
def resolver(gazetteer_path):
    return Resolver(Gazetteer(gazetteer_path))


@pytest.fixture(scope="module")
def read(nlp, gazetteer_path):
    return places_reader(nlp, gazetteer_path)


def test_a_former_country_name_written_as_a_word_is_the_country(resolver):
    """ "Burma" is short, but it is no abbreviation to be read only when dotted: not Burmā, Jordan."""
    assert resolved(resolver.resolve(story("Burma")), "burma") == MYANMAR
    assert resolver.prominent("Burma")


def test_an_agencys_initials_are_not_a_region_spelt_so(resolver):
    assert resolved(resolver.resolve(story("GAO", source="weak")), "gao") is None
    assert not resolver.prominent("GAO")
    assert resolved(resolver.resolve(story("Gao", "Mali")), "gao") is not None  # the written name still is


def test_a_known_abbreviation_in_capitals_is_still_its_country(resolver):
    assert resolver.prominent("UK")


def test_a_place_that_is_only_part_of_what_an_organisation_is_of_is_no_place(resolver):
    assert _place_prefix(Mention(0, 19, "Bank of New England"), resolver) is None
    assert _place_prefix(Mention(0, 23, "University of the Mali"), resolver).text == "Mali"
    found = _place_prefix(Mention(0, 15, "Bank of England"), resolver)
    assert found is not None and found.text == "England" and found.source == "associative"


def test_an_organisation_of_a_place_keeps_no_part_of_it(read):
    found = read("Bank of New England said its loans grew.", ("ORG", "Bank of New England"))
    assert "England" not in found


@pytest.mark.parametrize(
    "text, runs",
    [
        ("He flew to Ohio. Paris said", ["He", "Ohio.", "Paris"]),
        ("from St. Louis to the U.S. Navy base", ["St. Louis", "U.S. Navy"]),
        ("made by Acme Corp. Boston officials", ["Acme Corp.", "Boston"]),
    ],
)
def test_a_capitalised_run_stops_where_a_sentence_ends(text, runs):
    assert [text[a:b] for a, b in _runs(text, len(text))] == runs


def _moved(toponyms, by):
    return [Toponym(t.text, t.start + by, t.end + by, t.source, t.qualifier) for t in toponyms]


def test_a_bare_capital_dateline_is_the_capital_though_the_story_names_a_namesakes_area(resolver):
    """ "LONDON" over a story about Toronto and Ontario towns: filed from the capital."""
    names = [Toponym("LONDON", 0, 6, "dateline"), *_moved(story("Toronto", "Ontario", "Mississauga"), 20)]
    assert resolved(resolver.resolve(names), "london") == LONDON_GB


def test_a_bare_dateline_is_the_famous_city_though_the_story_names_a_namesakes_country(resolver):
    """ "VANCOUVER" over a story about a filing with the U.S. regulator and a New Jersey firm."""
    names = [Toponym("VANCOUVER", 0, 9, "dateline"), *_moved(story("U.S.", "New Jersey", "U.S.", "America"), 20)]
    assert resolved(resolver.resolve(names), "vancouver") == VANCOUVER_BC
    body = _moved(story("Vancouver", "U.S.", "New Jersey"), 20)  # in the body the story's area speaks
    assert resolved(resolver.resolve(body), "vancouver") == VANCOUVER_WA


def test_a_bare_dateline_is_the_namesake_the_story_names_the_state_of(resolver):
    """ "VANCOUVER" over a story about Washington state is Vancouver, Washington: the namesake's own
    state still counts in full when the famous city is no capital."""
    names = [Toponym("VANCOUVER", 0, 9, "dateline"), *_moved(story("Washington"), 20)]
    assert resolved(resolver.resolve(names), "vancouver") == VANCOUVER_WA


def test_a_capital_dateline_with_its_province_written_is_the_namesake(resolver):
    names = [Toponym("LONDON", 0, 6, "dateline", "Ontario"), *_moved(story("Toronto", "Mississauga"), 20)]
    assert resolved(resolver.resolve(names), "london") == LONDON_ON


def test_a_capitals_namesake_in_the_body_keeps_the_areas_evidence(resolver):
    """Only a dateline is filed from the capital: "London" in a story about Ontario towns is the
    Ontario city."""
    assert resolved(resolver.resolve(story("London", "Toronto", "Ontario", "Mississauga")), "london") == LONDON_ON


def test_a_countrys_whole_name_typed_as_a_person_is_still_a_place(read):
    found = read("Cocoa exports to the United Kingdom rose, officials said.", ("PERSON", "United Kingdom"))
    assert found["United Kingdom"].country == "GB"


def test_a_country_code_heading_a_run_on_person_is_the_country(read):
    found = read("Reserves stood at 50 billion UK Pounds at the end of January.", ("PERSON", "UK Pounds"))
    assert found["UK"].country == "GB"


def test_a_first_name_is_no_place_for_a_parish_spelt_so(resolver, read):
    """A division of a few thousand people ("Paul", Cape Verde) does not make a name typed as a
    person a place; a region of 240,000 people does; typed as an organisation, a division of any
    size still does ("Nelson", "Manchester" typed as organisations are mostly towns)."""
    assert resolver.prominent("Paul")
    assert not resolver.prominent("Paul", person=True) and resolver.prominent("Gao", person=True)
    assert "Paul" not in read("Paul said the plan would work.", ("PERSON", "Paul"))


def test_a_part_of_a_province_the_gazetteer_lacks_lies_in_the_province(resolver, read):
    """ "Southern Ontario", "Metro Vancouver": no entry of their own, a part of a place that has one."""
    assert [e.name for e in resolver.candidates("Southern Ontario")] == ["Ontario"]
    assert [e.country for e in resolver.candidates("Metro Vancouver")] == ["CA"]
    assert resolver.candidates("East Coast") == ()
    assert resolver.candidates("Northern Ontario Region") == ()  # a region in its own right
    assert resolver.candidates("North Central Ontario") == ()  # "Central Ontario" is no name the gazetteer has
    found = read("Farmers in Southern Ontario said the rain came late.", ("GPE", "Southern Ontario"))
    assert found["Southern Ontario"].geonames_id == 6093943
