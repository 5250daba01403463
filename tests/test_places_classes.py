"""Classes of wrong readings fixed in session 4, each on invented stories against a small
GeoNames fixture of its own: a famous city over a small namesake the story's state speaks for,
a dateline's state read as a state (never a town of its name, never unread when written as a
postal code), the huge city a name is the usual name of, division points that a geocoder put on
the division's namesake town, and dateline cities told apart by their written state."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer
from test_geo_resolve import resolved, story

from dateline.eval.datelines import dateline_city
from dateline.extract.base import StoryContext, build_extractor
from dateline.geo import sources, store
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver, Toponym
from dateline.record import Entity, Mention
from dateline.structure import parse_structure

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_classes.txt"
ATLANTA_GA, ATLANTA_TX, NEW_YORK_CITY, ONTARIO_PROVINCE, MASSACHUSETTS = 4180439, 4673094, 5128581, 6093943, 6254926


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory):
    return build_gazetteer(tmp_path_factory.mktemp("gaz") / "g.sqlite", FIXTURE, [("tex", 4736286, store.ABBREVIATION)])


@pytest.fixture(scope="module")
def resolver(gazetteer_path):
    return Resolver(Gazetteer(gazetteer_path))


def test_a_famous_city_is_not_its_small_namesake_because_the_story_names_that_state(resolver):
    readings = resolver.resolve(story("Atlanta", "Texas", "America"))
    assert resolved(readings, "atlanta") == ATLANTA_GA


def test_a_county_the_story_names_still_speaks_for_the_small_namesake(resolver):
    readings = resolver.resolve(story("Atlanta", "Cass County", "Douglassville", "Texas"))
    assert resolved(readings, "atlanta") == ATLANTA_TX


def test_a_written_state_still_speaks_for_the_small_namesake(resolver):
    assert resolved(resolver.resolve(story("Atlanta|Tex.")), "atlanta") == ATLANTA_TX


def test_a_datelines_state_is_the_state_not_a_town_of_its_name(nlp, gazetteer_path):
    places = build_extractor("places", gazetteer=str(gazetteer_path))
    layout = parse_structure("CINRAM LTD YEAR NET\n\nScarborough, Ontario, Feb 26 - Shr profit 40 cts vs 35 cts.")
    found = {
        m.text: p
        for p in places(StoryContext(layout=layout, doc=nlp(layout.text), parts={"entities": ()}))
        for m in p.mentions
    }
    assert found["Ontario"].geonames_id == ONTARIO_PROVINCE
    assert found["Scarborough"].country == "CA"


def test_a_postal_code_after_a_comma_is_a_state(resolver):
    assert resolver.region_qualifier("MA.") == "MA."
    assert resolver.country_of("MA.") == "US"
    toponyms = [Toponym("North Dighton", 0, 13, "dateline", "MA."), Toponym("MA.", 15, 18, "region")]
    readings = resolver.resolve(toponyms)
    assert readings["north dighton"].entry is None and readings["north dighton"].country == "US"
    assert resolved(readings, "ma") == MASSACHUSETTS


def test_a_postal_code_elsewhere_is_no_state(resolver):
    assert resolver.resolve(story("MA"))["ma"].entry is None  # an alternate name of a Thai town, too small
    assert all(e.fcode != "ADM1" for e in resolver.candidates("MA"))


def test_new_york_beside_new_york_city_is_still_the_city(resolver):
    readings = resolver.resolve(story("New York", "New York City"))
    assert resolved(readings, "new york") == NEW_YORK_CITY


def test_a_division_point_on_its_namesake_town_gives_way_to_its_towns_centre():
    subdivisions = [
        ["New York", "US-NY", "US.NY", "5128638", "", "", "1"],
        ["Ohio", "US-OH", "US.OH", "5165418", "", "", "1"],
    ]
    official = {"US-NY": (40.71278, -74.00597), "US-OH": (40.4, -82.7)}
    towns = {("US", "NY"): [("new york city", 40.71427, -74.00597)], ("US", "OH"): [("columbus", 39.96, -83.0)]}
    points = {
        ("US", "NY"): [(40.7, -74.0), (42.9, -78.9), (44.7, -75.5), (42.1, -76.0)],
        ("US", "OH"): [(39.96, -83.0), (41.5, -81.7)],
    }
    out = sources._area_points(subdivisions, official, towns, points)
    assert out["US-OH"] == official["US-OH"]  # no namesake town under its point: kept
    lat, lon = out["US-NY"]
    assert 41.5 < lat < 43.5 and -77.5 < lon < -75.0


@pytest.mark.parametrize(
    "dateline, city",
    [
        ("    DUBLIN, March 3 - ", "DUBLIN"),
        ("    DUBLIN, Calif., March 3 - ", "DUBLIN, CALIF."),
        ("    LUDWIGSHAFEN, West Germany, March 30 - ", "LUDWIGSHAFEN, WEST GERMANY"),
    ],
)
def test_dateline_cities_are_told_apart_by_their_written_state(dateline, city):
    assert dateline_city(dateline) == city


def test_a_name_written_as_anothers_state_is_that_state(resolver):
    toponyms = [Toponym("Buffalo", 0, 7, "ner", "New York"), Toponym("New York", 9, 17)]
    readings = resolver.resolve(toponyms)
    assert readings["new york"].entry.fcode == "ADM1" and readings["buffalo"].entry.admin1 == "NY"


def test_a_list_of_towns_is_no_qualifier(nlp, gazetteer_path):
    places = build_extractor("places", gazetteer=str(gazetteer_path))
    text = "Hearings ran in Pensacola, Panama City and Gainesville, Florida officials said."
    layout = parse_structure(text)
    ents = tuple(
        Entity(f"e{n}", "GPE", name, (Mention(text.find(name), text.find(name) + len(name), name),))
        for n, name in enumerate(("Pensacola", "Panama City", "Florida"))
    )
    found = {
        m.text: p
        for p in places(StoryContext(layout=layout, doc=nlp(layout.text), parts={"entities": ents}))
        for m in p.mentions
    }
    assert found["Pensacola"].country == "US" and found["Pensacola"].lat is not None


@pytest.mark.parametrize(
    "dateline, city",
    [("    OKLAHOMA CITY, OKLA. March 11 - ", "OKLAHOMA CITY"), ("    BRUSSELS, March 27, 1987 - ", "BRUSSELS")],
)
def test_a_date_after_the_comma_is_no_written_state(dateline, city):
    assert dateline_city(dateline) == city


def test_a_states_people_name_the_state_in_the_plural_too():
    data = sources.PackageData({}, {}, {}, [["Ohio", "US-OH", "US.OH", "5165418", "", "", "1"]])
    rows = set(sources.region_abbreviation_names(data))
    assert {("ohioan", 5165418, store.DEMONYM), ("ohioans", 5165418, store.DEMONYM)} <= rows
