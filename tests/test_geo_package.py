"""The gazetteer built from packaged GeoNames data (built once per machine, then cached)."""

import pytest

from dateline.geo import fold, load
from dateline.geo.resolve import haversine_km
from dateline.geo.store import ABBREVIATION, ALTERNATE, DEMONYM


@pytest.fixture(scope="module")
def gaz():
    return load()


def best(gaz, name, fcode=None):
    found = [e for e in gaz.lookup(fold(name)) if fcode is None or e.fcode == fcode]
    return max(found, key=lambda e: e.population)


@pytest.mark.parametrize(
    "name, fcode, lat, lon",
    [
        ("Texas", "ADM1", 31.25, -99.25),
        ("Bavaria", "ADM1", 49.0, 11.5),
        ("Ontario", "ADM1", 49.25, -84.5),
        ("France", "PCLI", 46.0, 2.0),
        ("United States", "PCLI", 39.76, -98.5),
        ("Europe", "CONT", 48.69, 9.14),
        ("Vladivostok", "PPL", 43.11, 131.87),
    ],
)
def test_entries_have_points_near_geonames(gaz, name, fcode, lat, lon):
    entry = best(gaz, name, fcode)
    assert haversine_km(entry.lat, entry.lon, lat, lon) < 500  # approximations: see docs/places.md


@pytest.mark.parametrize(
    "name, target, kind",
    [
        ("Tenn.", "Tennessee", ABBREVIATION),
        ("B.C.", "British Columbia", ABBREVIATION),
        ("U.S.", "United States", ABBREVIATION),
        ("Russian", "Russia", DEMONYM),
        ("North Korean", "North Korea", DEMONYM),
        ("English", "England", DEMONYM),
        ("Texan", "Texas", DEMONYM),
        ("Dagestan", "Dagestan, Respublika", ALTERNATE),
    ],
)
def test_abbreviations_and_demonyms(gaz, name, target, kind):
    assert any(e.name == target and e.kind == kind for e in gaz.lookup(fold(name)))


@pytest.mark.parametrize("name, lat, lon", [("Canada", 60.10867, -113.64258), ("Japan", 35.68536, 139.75309)])
def test_countries_take_the_geonames_point(gaz, name, lat, lon):
    entry = best(gaz, name, "PCLI")
    assert haversine_km(entry.lat, entry.lon, lat, lon) < 1


@pytest.mark.parametrize("name, lat, lon", [("Queensland", -20.0, 145.0), ("Alberta", 52.28, -113.8)])
def test_first_level_divisions_have_a_point_near_geonames(gaz, name, lat, lon):
    entry = best(gaz, name, "ADM1")
    assert haversine_km(entry.lat, entry.lon, lat, lon) < 400


def test_capitals_are_marked(gaz):
    assert best(gaz, "Moscow", "PPLC").country == "RU"
    assert best(gaz, "Seoul", "PPLC").country == "KR"


def test_khasan_is_absent_but_hassan_lists_it_as_alternate(gaz):
    assert all(e.name != "Khasab" for e in gaz.lookup("khasan"))
    assert "build_version" in gaz.meta()


def test_airports_are_places_near_their_city(gaz):
    airport = next(e for e in gaz.lookup(fold("Heathrow")) if e.fcode == "AIRP")
    assert haversine_km(airport.lat, airport.lon, 51.47, -0.46) < 5 and airport.country == "GB"


def test_english_is_england_not_the_kingdom(gaz):
    assert all(e.country != "GB" or e.fcode == "ADM1" for e in gaz.lookup("english"))
