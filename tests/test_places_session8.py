"""Classes of wrong readings fixed in session 8, each on invented stories against a small
GeoNames fixture of its own: a name written as a state ("Washington state", "New York's
governor"), a part of a huge city written with the city's name ("Queens, New York"), two
states written one after the other ("the Indiana, Ill., border"), and words after a comma
that only look like a region ("No. 18", "Indiana Harbor")."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer
from test_geo_resolve import story

from dateline.extract.places import written_qualifier
from dateline.geo import store
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver, Toponym, written_as_state

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_s8.txt"
NEW_YORK_STATE, NEW_YORK_CITY, WASHINGTON_DC, WASHINGTON_STATE = 5128638, 5128581, 4140963, 5815135
INDIANA, BUFFALO = 4921868, 5110629


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = build_gazetteer(
        tmp_path_factory.mktemp("gaz") / "g.sqlite",
        FIXTURE,
        [("ill", 4896861, store.ABBREVIATION), ("no", 3144096, store.ABBREVIATION)],
    )
    return Resolver(Gazetteer(path))


def read(resolver: Resolver, text: str, *names: str) -> dict[str, int | None]:
    """Resolve every occurrence of ``names`` in ``text`` as given names (the benchmark's way),
    each with the qualifier written after it; geonameid by folded name."""
    toponyms = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            toponyms.append(Toponym(name, at, end, "gold", written_qualifier(text, end, resolver)))
            at = text.find(name, end)
    readings = resolver.resolve(toponyms, text=text)
    return {key: r.entry.geonameid if r.entry else None for key, r in readings.items()}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("a cow from a Washington state farm", "Washington", True),
        ("in the state of Washington, officials said", "Washington", True),
        ("New York Governor Ann Lee declared", "New York", True),
        ("New York's attorney general said", "New York", True),
        ("Ohio Gov. Ann Lee", "Ohio", True),
        ("he moved to Washington State.", "Washington", True),
        ("a degree from Ohio State University", "Ohio", False),
        ("New York's airports were shut", "New York", False),
        ("the Washington statement said", "Washington", False),
    ],
)
def test_words_around_a_name_say_it_is_a_state(text, name, expected):
    at = text.index(name)
    assert written_as_state(text, at, at + len(name)) is expected


def test_a_name_written_as_a_state_is_the_state_not_the_capital(resolver):
    text = "A cow from a Washington state farm fell ill, the United States said."
    assert read(resolver, text, "Washington", "United States")["washington"] == WASHINGTON_STATE
    text = "Officials in Washington said the United States would act."
    assert read(resolver, text, "Washington", "United States")["washington"] == WASHINGTON_DC


def test_one_state_office_among_city_mentions_leaves_the_city(resolver):
    """One reading per name: "New York Governor" once among three mentions of the city is not
    enough to make every "New York" the state; twice in three mentions is."""
    city = (
        "Police in New York closed a street. New York Governor Ann Lee spoke. "
        "Traffic in New York was slow, and Boston was quiet."
    )
    assert read(resolver, city, "New York", "Boston")["new york"] == NEW_YORK_CITY
    state = "New York Governor Ann Lee spoke. Flu cases rose in New York, and New York state asked for help."
    assert read(resolver, state, "New York")["new york"] == NEW_YORK_STATE


def test_a_part_of_a_huge_city_is_written_with_the_city_not_the_state(resolver):
    queens = read(resolver, "Pupils at a school in Queens, New York fell ill.", "Queens", "New York")
    assert queens["new york"] == NEW_YORK_CITY
    buffalo = read(resolver, "A girl from Buffalo, New York fell ill.", "Buffalo", "New York")
    assert buffalo["new york"] == NEW_YORK_STATE and buffalo["buffalo"] == BUFFALO


def test_two_states_written_one_after_the_other_are_no_town_and_its_state(resolver):
    found = read(resolver, "The farm lies near the Indiana, Ill., border.", "Indiana")
    assert found["indiana"] == INDIANA


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("a girl from Buffalo, New York fell ill", "Buffalo", "New York"),
        ("U.S. District Court, District of Massachusetts, No. 18-cr-10083", "Massachusetts", None),
        ("offices in Chicago, Indiana Harbor and Gary", "Chicago", None),
        ("a bakery in Tacoma, Washington shares tips", "Tacoma", "Washington"),
    ],
)
def test_only_a_region_written_after_a_comma_qualifies_a_name(resolver, text, name, expected):
    end = text.index(name) + len(name)
    assert written_qualifier(text, end, resolver) == expected


def test_a_formal_name_written_without_its_the_is_still_the_country():
    """ "Democratic Republic of Congo": news drops the "the" of GeoNames' name."""
    from dateline.geo.resolve import name_keys

    assert "democratic republic of the congo" in name_keys("Democratic Republic of Congo")
    assert name_keys("Republic of the Congo") == ["republic of the congo"]


def test_a_capital_written_in_a_list_of_its_countrys_states_is_the_state(resolver):
    """The capital's support from its named country does not hold in a list of states."""
    states = "Cases in Indiana, Washington and Illinois, the United States said."
    assert (
        read(resolver, states, "Indiana", "Washington", "Illinois", "United States")["washington"] == WASHINGTON_STATE
    )
    cities = "Talks in Washington and Chicago, the United States said."
    assert read(resolver, cities, "Washington", "Chicago", "United States")["washington"] == WASHINGTON_DC


def test_a_seat_of_government_given_as_a_name_is_its_capital(resolver):
    """The resolver reads "the White House" as the reader does: Washington, whatever the story."""
    found = read(resolver, "A White House dinner for Ohio Gov. Ann Lee.", "White House", "Ohio")
    assert found["white house"] == WASHINGTON_DC


def test_a_region_known_only_by_its_divisions_sits_among_them(resolver):
    """ "Darfur": no entry of its own, but "North/South/West Darfur" are divisions of Sudan."""
    readings = resolver.resolve([Toponym("Darfur", 0, 6), Toponym("Sudan", 20, 25)])
    darfur = readings["darfur"].entry
    assert darfur is not None and darfur.country == "SD" and darfur.fcode == "RGN"
    assert 12.0 < darfur.lat < 14.0 and 23.0 < darfur.lon < 25.0  # the mean of its three parts
    assert resolver.resolve([Toponym("Province", 0, 8)])["province"].entry is None  # a division noun


def test_a_bare_dateline_is_no_part_of_a_huge_city(resolver):
    """A London district files as "LONDON": a bare "GREENWICH" is Greenwich, Connecticut, with
    no story evidence at all; "LONDON" is still London, and so is a Greenwich the story puts in
    England's capital in the body."""
    greenwich = resolver.resolve([Toponym("GREENWICH", 0, 9, "dateline")])["greenwich"].entry
    assert greenwich is not None and greenwich.country == "US"
    london = resolver.resolve([Toponym("LONDON", 0, 6, "dateline")])["london"].entry
    assert london is not None and london.country == "GB"
    body = resolver.resolve(story("Greenwich", "London", "United Kingdom"))["greenwich"].entry
    assert body is not None and body.country == "GB"
