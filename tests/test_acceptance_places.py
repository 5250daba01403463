"""Acceptance on the seed story: every gold place resolved (within 25 km, or by country code for
countries); Khasan resolved correctly or left unresolved, never wrong. Skips without ../shared."""

import pytest

from dateline.geo.resolve import haversine_km
from dateline.geo.text import fold, surface

pytestmark = pytest.mark.acceptance


def _written(place) -> set[str]:
    return {fold(place.name)} | {fold(surface(m.text)) for m in place.mentions}


def _matches(article, gold_place):
    names = {fold(gold_place["name"])} | {fold(surface(n)) for n in gold_place.get("also_written", ())}
    return [p for p in article.places if _written(p) & names]


def _correct(place, gold_place) -> bool:
    if gold_place.get("kind") == "country":
        return place.country == gold_place["country"] and place.feature.startswith("PCL")
    return place.lat is not None and haversine_km(place.lat, place.lon, gold_place["lat"], gold_place["lon"]) <= 25


def test_every_gold_place_is_resolved(seed_article, gold):
    missing = []
    for gold_place in gold["places"]:
        if fold(gold_place["name"]) == "khasan":
            continue
        found = [p for p in _matches(seed_article, gold_place) if not p.metonym or p.name == gold_place["name"]]
        if not any(_correct(p, gold_place) for p in found):
            missing.append((gold_place["name"], [(p.name, p.country, p.lat, p.lon) for p in found]))
    assert not missing


def test_khasan_is_right_or_unresolved(seed_article, gold):
    gold_place = next(p for p in gold["places"] if fold(p["name"]) == "khasan")
    for place in _matches(seed_article, gold_place):
        assert place.geonames_id is None or _correct(place, gold_place)


def test_no_place_is_resolved_far_from_every_gold_place(seed_article, gold):
    """Nothing resolved to the wrong namesake: each resolved place is a gold place or near one."""
    points = [(g["lat"], g["lon"]) for g in gold["places"] if "lat" in g]
    codes = {g["country"] for g in gold["places"]}
    for place in seed_article.places:
        if place.geonames_id is None or place.feature.startswith("PCL"):
            continue
        assert place.country in codes, place
        assert min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in points) < 25, place
