"""Dateline places from garbled wire copy: the famous city unless the dateline says otherwise,
however the wire mangled it. Invented datelines against a small GeoNames fixture."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer, places_reader

from dateline.geo import store

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_namesakes.txt"
WASHINGTON_DC, WASHINGTON_PA, WASHINGTON_GB, PENNSYLVANIA = 4140963, 5207490, 2634715, 6254927


@pytest.fixture(scope="module")
def read(nlp, tmp_path_factory):
    path = build_gazetteer(
        tmp_path_factory.mktemp("gaz") / "g.sqlite", FIXTURE, [("pa", PENNSYLVANIA, store.ABBREVIATION)]
    )
    return places_reader(nlp, path, by_name=True)


BODY = " - The county board met on Tuesday to discuss the budget."


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON, March 3",
        "RPT --WASHINGTON, March 3",  # a repeat mark before the place
        "c    WASHINGTON, March 3",  # a stray letter and a run of spaces
        "WASH}INGTON, March 3",  # a garbled character inside the name
        "WASHINGTON, Narch 3",  # a month one letter off
        "WASHINGTON, March 3, Reuter",  # the agency signed after the date
    ],
)
def test_a_garbled_washington_dateline_is_still_the_capital(read, dateline):
    found = read(dateline + BODY)
    assert found["Washington"].geonames_id == WASHINGTON_DC
    assert "a dateline names the famous city" in found["Washington"].evidence.why


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON, Pa., March 3",
        "WASHINGTON, Pa,. March 3",  # the state's period slipped after its comma
        "WASHINGTON, Penn., March 3",  # an abbreviation the gazetteer lacks, read as the structure step reads it
        "WASHINGTON, M Penn., March 3",  # a garbled letter before the state
        "RPT --WASHINGTON, Pa., March 3",
    ],
)
def test_a_dateline_that_names_its_state_is_the_town_there(read, dateline):
    found = read(dateline + BODY)
    assert found["Washington"].geonames_id == WASHINGTON_PA
    assert found["Washington"].evidence.why[0].startswith("written with")


def test_a_state_abbreviation_is_the_state_never_a_town_of_its_letters(read):
    found = read("WASHINGTON, Penn., March 3" + BODY, ("GPE", "Penn."))
    assert found["Penn."].geonames_id == PENNSYLVANIA and found["Penn."].name == "Pennsylvania"


def test_a_dateline_region_no_entry_bears_leaves_the_place_unresolved(read):
    found = read("WASHINGTON, Grand Zorbia, March 3" + BODY)
    washington = found["Washington"]
    assert washington.geonames_id is None
    assert washington.evidence.why == ("the dateline writes Grand Zorbia, which no entry bears",)


def test_a_second_part_after_a_city_leaves_the_famous_city(read):
    # "WASHINGTON, Dallas, Texas": filed in the capital about a firm of a Texas city
    found = read("WASHINGTON, Dallas, Texas, March 3" + BODY)
    assert found["Washington"].geonames_id == WASHINGTON_DC


def test_a_country_inside_a_taggers_run_on_person_is_still_a_place(read):
    # the tagger typed a run of a sentence as a person; the country inside it is no person's name
    found = read(
        "Officials said the plan would help control joint military operations by Canada's armed forces.",
        ("PERSON", "control joint military operations by Canada's armed forces"),
    )
    assert found["Canada"].country == "CA"


def test_a_persons_name_with_small_words_is_still_a_name(read):
    found = read("Maria de la Vernon spoke on Tuesday.", ("PERSON", "Maria de la Vernon"))
    assert "Vernon" not in found


def test_a_headline_ending_in_storm_names_no_storm_after_it(read):
    found = read("BUDGET STORM GATHERS\n\nNEW BUDGET STORM\n\nWASHINGTON, March 3" + BODY)
    assert found["Washington"].geonames_id == WASHINGTON_DC
