"""Datelines the wire garbled, read for what they say: repeat marks, stray characters, mistyped
months, places typed without capitals, a signature after the date. Invented datelines."""

from __future__ import annotations

import pytest

from dateline.structure import parse_structure
from dateline.structure.slips import repaired_date, slipped_month


def dateline_of(line: str):
    return parse_structure(f"A headline here\n\n{line}\n\nMore text.", published="1987-05-01").dateline


@pytest.mark.parametrize(
    "line, places, region, country, date, agency",
    [
        # a repeat mark before the place
        ("RPT --DORTMUND, West Germany, May 4 - Text follows.", ["Dortmund"], "West Germany", "DE", "1987-05-04", None),
        ("REPEAT - TULSA, Okla., May 4 - Text follows.", ["Tulsa"], "Okla.", "US", "1987-05-04", None),
        # a garbled character inside the name, a stray letter and spaces before it
        ("AU}CKLAND, May 4 - Text follows.", ["Auckland"], None, None, "1987-05-04", None),
        ("c    DENVER, May 4 - Text follows.", ["Denver"], None, None, "1987-05-04", None),
        # the state's period slipped after its comma
        ("Hartford, Conn,. May 4 - Text follows.", ["Hartford"], "Conn", "US", "1987-05-04", None),
        # a month one letter off; a day garbled too leaves the dateline undated
        ("DENVER, Aprl 2 - Text follows.", ["Denver"], None, None, "1987-04-02", None),
        ("TULSA, Okla., Septmber 4 - Text follows.", ["Tulsa"], "Okla.", "US", "1987-09-04", None),
        ("DENVER, April 215 - Text follows.", ["Denver"], None, None, None, None),
        ("DENVER, April 2O - Text follows.", ["Denver"], None, None, None, None),
        # the agency signed after the date, without parentheses
        ("TULSA, Okla. May 4, Reuter - Text follows.", ["Tulsa"], "Okla.", "US", "1987-05-04", "Reuters"),
        # two parts after the place: the first is the region, the country from the second if need be
        ("DENVER, Aurora, Colo., May 4 - Text follows.", ["Denver"], "Aurora", "US", "1987-05-04", None),
        ("TULSA, Okla., Kan., May 4 - Text follows.", ["Tulsa"], "Okla.", "US", "1987-05-04", None),
    ],
)
def test_garbled_datelines(line, places, region, country, date, agency):
    d = dateline_of(line)
    assert [p.text for p in d.places] == places
    assert (d.region.text if d.region else None) == region
    assert d.country == country and d.date == date and d.agency == agency


def test_the_place_span_covers_the_garbled_name():
    text = "A headline here\n\nAU}CKLAND, May 4 - Text follows.\n\nMore text."
    place = parse_structure(text).dateline.places[0]
    assert place.text == "Auckland" and text[place.start : place.end] == "AU}CKLAND"


def test_a_place_typed_without_capitals_is_read_when_known():
    d = dateline_of("Buenos aires, may 4 - text follows in lower case.")
    assert [p.text for p in d.places] == ["Buenos aires"] and d.date == "1987-05-04"


@pytest.mark.parametrize(
    "line",
    [
        "Officials said on Monday, May 4 - the talks went on.",  # words in lower case: no known place
        "DENVER, Chapter 11 - Text follows.",  # no month, however mistyped
        "SOCCER - ENGLISH LEAGUE RESULTS",  # a kicker over copy in capitals, no date
    ],
)
def test_what_is_no_dateline(line):
    assert dateline_of(line) is None


def test_copy_in_capitals_after_a_known_place_and_a_date():
    d = dateline_of("DENVER, MAY 4 - THE FOLLOWING RAINFALL WAS RECORDED")
    assert [p.text for p in d.places] == ["Denver"] and d.date == "1987-05-04"


def test_month_slips():
    assert slipped_month("Narch 2") == 3 and slipped_month("Marchg 12") == 3 and slipped_month("Mach 4") == 3
    assert slipped_month("Chapter 11") is None and slipped_month("Mat 2") is None  # "Mar", "May": too short
    assert repaired_date("Marc 16") == (3, 16) and repaired_date("March 187") is None
