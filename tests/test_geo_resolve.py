"""Disambiguation on a gazetteer built from the test's own GeoNames fixture."""

from pathlib import Path

import pytest

from dateline.geo.build import import_dump
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import Resolver, Toponym, haversine_km, name_keys

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_mini.txt"
PARIS_FR, PARIS_TX, KHASAB, HASSAN = 2988507, 4717560, 287614, 1270239


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "g.sqlite"
    import_dump(path, FIXTURE)
    return Resolver(Gazetteer(path))


def story(*names, source="ner"):
    """Toponyms at made-up offsets, in order."""
    out, at = [], 0
    for name in names:
        text, _, qualifier = name.partition("|")
        out.append(Toponym(text, at, at + len(text), source, qualifier or None))
        at += len(text) + 10
    return out


def resolved(readings, name):
    entry = readings[name.lower()].entry
    return entry.geonameid if entry else None


@pytest.mark.parametrize(
    "names, expected",
    [
        (("Paris",), PARIS_FR),
        (("Paris", "France"), PARIS_FR),
        (("Paris", "Texas", "Dallas"), PARIS_TX),
        (("Paris", "Lamar County", "Texas"), PARIS_TX),
        (("Paris|Texas",), PARIS_TX),
    ],
)
def test_paris_reads_from_the_story(resolver, names, expected):
    assert resolved(resolver.resolve(story(*names)), "Paris") == expected


def test_dateline_place_decides(resolver):
    toponyms = [Toponym("Springfield", 0, 11, "dateline", "Missouri"), Toponym("London", 40, 46)]
    assert resolver.resolve(toponyms)["springfield"].entry.admin1 == "MO"
    datelined = [Toponym("London", 0, 6, "dateline", "Ontario"), Toponym("London", 40, 46)]
    assert resolver.resolve(datelined)["london"].entry.country == "CA"
    assert resolver.resolve(story("London"))["london"].entry.country == "GB"


def test_one_reading_per_name(resolver):
    readings = resolver.resolve(story("Paris", "Texas", "Paris", "Paris"))
    assert list(readings) == ["paris", "texas"]


def test_big_city_beats_the_state_of_its_name(resolver):
    assert resolved(resolver.resolve(story("Washington")), "Washington") == 4140963


@pytest.mark.parametrize("names", [("Khasan",), ("Khasan", "Russia", "Vladivostok"), ("Khasan", "North Korea")])
def test_khasan_is_never_khasab_or_hassan(resolver, names):
    reading = resolver.resolve(story(*names))["khasan"]
    assert reading.entry is None
    assert HASSAN in {e.geonameid for e in reading.candidates}
    assert KHASAB not in {e.geonameid for e in reading.candidates}


def test_alternate_name_accepted_with_story_support(resolver):
    assert resolved(resolver.resolve(story("Khasan", "India")), "Khasan") == HASSAN


def test_place_missing_from_the_gazetteer_stays_unresolved(resolver):
    reading = resolver.resolve(story("Zyxwvut Springs"))["zyxwvut springs"]
    assert reading.entry is None and reading.candidates == ()


def test_weak_evidence_needs_support(resolver):
    weak = [Toponym("Springfield", 0, 11, "weak")]
    assert resolver.resolve(weak)["springfield"].entry is None
    supported = weak + [Toponym("Illinois", 20, 28, "ner")]
    assert resolver.resolve(supported)["springfield"].entry.admin1 == "IL"


@pytest.mark.parametrize(
    "text, key", [("N.Korea", "north korea"), ("St. Louis", "saint louis"), ("the United States", "united states")]
)
def test_name_keys(text, key):
    assert key in name_keys(text)


def test_country_of_dateline_field(resolver):
    assert resolver.country_of("Russia") == "RU"
    assert resolver.country_of("Texas") == "US"
    assert resolver.country_of("Atlantis") is None


def test_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


def test_countries_of_people_count_as_evidence(resolver):
    assert resolver.resolve(story("London"), countries=["CA", "CA"])["london"].entry.country == "GB"
    both = resolver.resolve(story("London", "Ontario"), countries=["CA"])
    assert both["london"].entry.country == "CA"


def test_a_town_in_a_county_the_story_names(resolver):
    """ "Paris" beside "Henry County": the Paris inside a Henry County, not the capital."""
    readings = resolver.resolve(story("Paris", "Henry County"))
    assert resolved(readings, "Paris") == 4647963
    assert readings["henry county"].entry.admin1 == "TN"
    assert "it lies in a county the story names" in readings["paris"].why


def test_a_county_and_a_town_of_its_own_name_are_no_evidence(resolver):
    readings = resolver.resolve(story("Paris", "Paris County"))
    assert resolved(readings, "Paris") == PARIS_FR


@pytest.mark.parametrize(
    "text, state",
    [
        ("cases in Washington, Oregon and Idaho", True),
        ("cases in Oregon and Washington", True),
        ("cases in Washington", False),
        ("a farm near Tacoma, Washington", False),  # a qualifier, not a list
    ],
)
def test_a_state_listed_with_states(resolver, text, state):
    """A name in a list of states is the state; alone it is the capital."""
    toponyms = [
        Toponym(w, text.index(w), text.index(w) + len(w))
        for w in ("Washington", "Oregon", "Idaho", "Tacoma")
        if w in text
    ]
    entry = resolver.resolve(toponyms, text=text)["washington"].entry
    assert (entry.fcode == "ADM1") is state


@pytest.fixture(scope="module")
def abbreviating(tmp_path_factory):
    """The fixture with an alternate name written in."""
    from dateline.geo import store

    path = tmp_path_factory.mktemp("gaz") / "g.sqlite"
    import_dump(path, FIXTURE)
    conn = store.connect(path)
    store.write_names(conn, [("londres", 2643743, store.ALTERNATE)])
    conn.commit()
    conn.close()
    return Resolver(Gazetteer(path))


def test_a_dotted_acronym_is_no_town(resolver):
    """ "I.R.S." (an agency) is no town called Irs."""
    assert resolver.resolve([Toponym("I.R.S.", 0, 6)])["irs"].entry is None
    assert resolver.resolve([Toponym("Irs", 0, 3)])["irs"].entry is not None


def test_a_country_after_a_country_is_a_list_not_a_qualifier(resolver):
    readings = resolver.resolve([Toponym("Canada", 0, 6, qualifier="Mexico"), Toponym("Mexico", 8, 14)])
    assert readings["canada"].entry.fcode == "PCLI"


def test_a_misspelt_dateline_may_be_a_huge_citys_alternate_name(abbreviating):
    assert abbreviating.resolve([Toponym("LONDRIS", 0, 7, "dateline")])["londris"].entry.name == "London"


def test_an_acronym_is_no_alternate_name_of_a_city(abbreviating):
    """ "TNA" (a party) is not a city that also goes by it; "L.A." written with dots may be."""
    from dateline.geo.resolve import _acronym_can_name
    from dateline.geo.store import ALTERNATE, Entry

    city = Entry(1, "Los Angeles", 34.05, -118.24, "P", "PPL", "US", "CA", "", 3_900_000, 50, ALTERNATE)
    assert _acronym_can_name(city, "L.A.") and not _acronym_can_name(city, "TNA")


def test_a_big_citys_lesser_alternate_name_needs_support_when_no_tagger_called_it_a_place(tmp_path):
    """A word typed as an index or a product ("Velmar") that a city of a million also goes by is
    not that city unless the story supports it; typed as a place, it is the city."""
    from dateline.geo import store

    path = tmp_path / "g.sqlite"
    import_dump(path, FIXTURE)
    conn = store.connect(path)
    store.write_names(conn, [("tejano", 4684888, store.ALTERNATE)])  # an invented name of Dallas
    conn.commit()
    conn.close()
    resolver = Resolver(Gazetteer(path))
    assert resolver.resolve([Toponym("Tejano", 0, 6, "weak")])["tejano"].entry is None
    assert resolver.resolve([Toponym("Tejano", 0, 6, "ner")])["tejano"].entry.geonameid == 4684888
