"""Classes of wrong readings fixed in session 10, each on invented places of a small GeoNames
fixture of its own: a local story's small towns that lie together, each with bigger namesakes
elsewhere."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer
from test_geo_resolve import resolved, story

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver, Toponym, division_lists
from dateline.geo.text import fold

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_s10.txt"
MILLBROOK_IA, ASHFORD_IA, CORRAN_IA = 9100001, 9100002, 9100003
MILLBROOK_CT, ASHFORD_GB = 9100011, 9100012
BRACKTON_AL, BRACKTON_IA = 9100021, 9100022


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    return Resolver(Gazetteer(build_gazetteer(tmp_path_factory.mktemp("gaz") / "g.sqlite", FIXTURE)))


def test_small_towns_that_lie_together_are_read_together(resolver):
    """Three names each of whose bigger namesakes lies elsewhere, and whose small namesakes
    lie within 40 km of each other: a local story's towns."""
    readings = resolver.resolve(story("Millbrook", "Ashford", "Corran", source="gold"))
    assert resolved(readings, "Millbrook") == MILLBROOK_IA
    assert resolved(readings, "Ashford") == ASHFORD_IA
    assert resolved(readings, "Corran") == CORRAN_IA
    assert any("other names of the story have a town" in why for why in readings["millbrook"].why)


def test_two_names_near_each_other_are_a_coincidence(resolver):
    """One other name nearby is no cluster: the bigger namesakes keep their prominence."""
    readings = resolver.resolve(story("Millbrook", "Ashford", source="gold"))
    assert resolved(readings, "Millbrook") == MILLBROOK_CT
    assert resolved(readings, "Ashford") == ASHFORD_GB


def test_a_famous_citys_namesake_counts_only_towns_of_no_famous_name(resolver):
    """A city of 500,000 keeps its name when the towns that would place a hamlet of its name
    among them are themselves namesakes of famous cities (a story naming a famous city and a
    famous capital is no local story); among villages of no famous name, the hamlet is theirs."""
    readings = resolver.resolve(story("Millbrook", "Dunmore", "Brackton", source="gold"))
    assert resolved(readings, "Brackton") == BRACKTON_AL
    villages = resolver.resolve(story("Millbrook", "Ashford", "Corran", "Brackton", source="gold"))
    assert resolved(villages, "Brackton") == BRACKTON_IA
    assert resolved(villages, "Millbrook") == MILLBROOK_IA


FENNICK_COUNTY, FENNICK_CA, DORLEY_COUNTY = 9100031, 9100032, 9100033


def gold(text: str, *names: str) -> list[Toponym]:
    """Every occurrence of ``names`` in ``text``, as a benchmark hands its gold names."""
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            out.append(Toponym(name, at, at + len(name), "gold"))
            at = text.find(name, at + len(name))
    return out


def test_names_listed_before_counties_are_the_counties(resolver):
    """ "Fennick and Dorley counties": each name is its county, not a bigger town of its name."""
    text = "Schools closed in Fennick and Dorley counties on Monday."
    readings = resolver.resolve(gold(text, "Fennick", "Dorley"), text=text)
    assert resolved(readings, "Fennick") == FENNICK_COUNTY
    assert resolved(readings, "Dorley") == DORLEY_COUNTY
    assert [(text[s:e], noun) for s, e, noun in division_lists(text)] == [("Dorley", "County"), ("Fennick", "County")]


def test_a_name_outside_a_county_list_keeps_its_town(resolver):
    text = "Schools closed in Fennick on Monday, and in Dorley on Tuesday."
    readings = resolver.resolve(gold(text, "Fennick", "Dorley"), text=text)
    assert resolved(readings, "Fennick") == FENNICK_CA
    assert list(division_lists("Fennick, a town of two counties")) == []


VELLORIA, KORVANIA = 9100041, 9100042


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Fennick County Sheriff's Office", FENNICK_COUNTY),  # a county before a civic word
        ("Velloria State University", VELLORIA),  # a state at the head
        ("Bank of Velloria", VELLORIA),  # a state after "of"
        ("Lake Velloria", None),  # a natural feature is not the state it is named after
        ("Velloria River", None),
        ("Upper Velloria", None),  # a state at the end, not after "of": no reading
    ],
)
def test_a_place_inside_a_name_handed_whole(resolver, name, expected):
    """A benchmark hands an organisation's whole name as a toponym: the place in it, as the
    reader reads it end to end (the reader's associative places)."""
    entry = resolver.resolve(story(name, source="gold"))[fold(name)].entry
    assert (entry.geonameid if entry else None) == expected


def test_a_place_its_state_and_its_country_are_no_list_of_states(resolver):
    """ "Lindt, Oster State, Korvania": the country closes the line, it is no state listed with
    Oster, though a state of its own name exists."""
    text = "Migrants camped in Lindt, Oster State, Korvania, on Monday."
    readings = resolver.resolve(gold(text, "Lindt", "Oster State", "Korvania"), text=text)
    assert resolved(readings, "Korvania") == KORVANIA
