"""The structure parser on fixture stories written for these tests (no NLP needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.io.decode import decode
from dateline.structure import parse_structure
from dateline.structure.text import smart_title
from dateline.structure.timestamp import parse_timestamp

STORIES = Path(__file__).parent / "fixtures" / "stories"


def layout_of(name: str):
    return parse_structure(decode((STORIES / name).read_bytes()))


def test_reuters_header():
    lay = layout_of("reuters_summit.txt")
    assert lay.headline.text == "Freedonia's Marlow arrives in Sylvania for trade summit"
    assert lay.agency == "Reuters"
    assert lay.published == "2024-03-12T14:05:00+00:00"
    assert lay.update_note.text == "Adds comment from trade ministry, paragraphs 6-7"
    assert [b.text for b in lay.bullets] == [
        "Marlow's motorcade crosses into Sylvania",
        "Leaders to sign grain accord on Wednesday",
        "Tariffs top agenda: ministry official",
    ]
    assert [a.text for a in lay.authors] == ["Anna Berg", "Tomas Lind", "Rafael Ortiz"]


def test_reuters_dateline_and_body():
    lay = layout_of("reuters_summit.txt")
    d = lay.dateline
    assert [p.text for p in d.places] == ["Lisbon", "Madrid"]
    assert (
        d.region.text == "Portugal"
        and d.country == "PT"
        and d.division is None
        and d.date == "2024-03-12"
        and d.agency == "Reuters"
    )
    assert lay.body.text.startswith("Freedonian President Elena Marlow arrived")
    assert lay.body.text.endswith("by a third.")
    assert len(lay.paragraphs) == 6


def test_reuters_credits_roles_and_places():
    lay = layout_of("reuters_summit.txt")
    got = [(c.role, c.name.text, c.place.text if c.place else None) for c in lay.credits]
    assert got == [
        ("reporting", "Anna Berg", "Lisbon"),
        ("reporting", "Tomas Lind", "Madrid"),
        ("additional_reporting", "Sara Holm", "Brussels"),
        ("writing", "Rafael Ortiz", None),
        ("editing", "Peter Grant", None),
        ("editing", "Laura Wood", None),
    ]
    assert [b.text for b in lay.boilerplate] == ["Our Standards: The Thomson Reuters Trust Principles."]


def test_every_span_points_at_its_text():
    lay = layout_of("reuters_summit.txt")
    text = lay.text
    for f in [lay.headline, lay.update_note, *lay.bullets, *lay.authors, *lay.paragraphs, *lay.boilerplate]:
        assert text[f.start : f.end] == f.text
    for c in lay.credits:
        assert text[c.name.start : c.name.end].lower() == c.name.text.lower()
        if c.place:
            assert text[c.place.start : c.place.end].lower() == c.place.text.lower()


def test_ap_story():
    lay = layout_of("ap_storm.txt")
    assert lay.agency == "AP"
    assert [a.text for a in lay.authors] == ["Jane Morrow", "David Okafor"]
    assert [p.text for p in lay.dateline.places] == ["New Orleans"] and lay.dateline.agency == "AP"
    assert lay.body.text.startswith("A fast-moving storm") and lay.body.text.endswith("by the weekend.")
    got = [(c.role, c.name.text, c.place.text) for c in lay.credits]
    assert got == [
        ("contributing", "Lena Park", "Baton Rouge, Louisiana"),
        ("contributing", "Tom Reyes", "Jackson, Mississippi"),
    ]
    assert lay.boilerplate[0].text.startswith("Copyright 2023 The Associated Press")


def test_afp_story():
    lay = layout_of("afp_vote.txt")
    assert lay.agency == "AFP" and [p.text for p in lay.dateline.places] == ["Paris"]
    assert lay.body.text.startswith("French lawmakers") and lay.body.text.endswith("next Tuesday.")
    assert [b.text for b in lay.boilerplate] == ["burs-ach/jm"]


def test_plain_story_is_all_body_with_nulls():
    text = (STORIES / "plain.txt").read_text()
    lay = parse_structure(text)
    assert lay.headline is None and lay.agency is None and lay.dateline is None and lay.published is None
    assert lay.authors == () and lay.credits == () and lay.boilerplate == ()
    assert lay.body.start == 0 and lay.body.text == text.strip()
    assert len(lay.paragraphs) == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "x",
        "(Reuters) -",
        "By",
        "* ",
        "Reporting by",
        "HEADLINE ONLY\n",
        "\x0c\x0b",
        "WASHINGTON (AP) —",
    ],
)
def test_odd_text_never_raises(text):
    lay = parse_structure(text)
    assert lay.body.start <= lay.body.end <= len(text)


def test_crlf_windows_1252():
    lay = layout_of("crlf_cp1252.txt")
    assert "\r" not in lay.text
    assert lay.headline.text == "Café owners protest new rules"
    assert "\u201chundreds of jobs\u201d" in lay.body.text
    assert [c.name.text for c in lay.credits] == ["Karl Weber", "Mia Stone"]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Wednesday, 24 April 2019 07:35 GMT", "2019-04-24T07:35:00+00:00"),
        ("April 24, 2019 / 7:35 PM / Updated 2 hours ago", "2019-04-24T19:35:00"),
        ("Published 3:15 p.m. EDT, April 24, 2019", "2019-04-24T15:15:00-04:00"),
        ("2019-04-24T07:35:00Z", "2019-04-24T07:35:00+00:00"),
        ("Mon 1 Jan 2024 00:05 CET", "2024-01-01T00:05:00+01:00"),
        ("March 3, 2021", "2021-03-03"),
        ("12:30 +0530 5 Nov 2020", "2020-11-05T12:30:00+05:30"),
        ("no date here", None),
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
        ("February 30, 2021 10:00 GMT", None),
    ],
)
def test_timestamps(line, expected):
    assert parse_timestamp(line) == expected


@pytest.mark.parametrize(
    "dateline, places, region, country, date, agency",
    [
        ("SEOUL, March 2 (Reuters) - Text follows.", ["Seoul"], None, None, "2024-03-02", "Reuters"),
        ("WASHINGTON (AP) — Text follows.", ["Washington"], None, None, None, "AP"),
        ("SPRINGFIELD, Ill. (AP) — Text follows.", ["Springfield"], "Ill.", "US", None, "AP"),
        ("Paris (AFP) - Text follows.", ["Paris"], None, None, None, "AFP"),
        ("PARIS, France, Nov 3, 2020 (AFP) - Text follows.", ["Paris"], None, "FR", "2020-11-03", "AFP"),
        (
            "NEW YORK/LONDON, Jan 5 (Reuters) - Text follows.",
            ["New York", "London"],
            None,
            None,
            "2024-01-05",
            "Reuters",
        ),
        ("RIO DE JANEIRO, 3 May (Reuters) - Text follows.", ["Rio de Janeiro"], None, None, "2024-05-03", "Reuters"),
        ("LONDON — Text follows.", ["London"], None, None, None, None),
        ("LONDON, Ky. (WKYT) - Text follows.", ["London"], "Ky.", "US", None, None),
        ("LONDON, Ont., March 2 - Text follows.", ["London"], "Ont.", "CA", "2024-03-02", None),
        ("DAYTON, Ohio, March 2 - Text follows.", ["Dayton"], "Ohio", "US", "2024-03-02", None),
        ("LEXINGTON, KY. (AP) - Text follows.", ["Lexington"], "KY.", "US", None, "AP"),
    ],
)
def test_datelines(dateline, places, region, country, date, agency):
    lay = parse_structure(f"A headline here\n\n{dateline}\n\nMore text.", published="2024-03-02")
    d = lay.dateline
    assert [p.text for p in d.places] == places
    assert (d.division.text if d.division else None) == region
    assert d.country == country and d.date == date and d.agency == agency
    assert lay.body.text.startswith("Text follows.")


def test_december_dateline_in_january_story():
    lay = parse_structure("Year-end story\n\nTOKYO, Dec 31 (Reuters) - Text.", published="2025-01-01T01:00:00+09:00")
    assert lay.dateline.date == "2024-12-31"


def test_sentence_with_dash_is_not_a_dateline():
    lay = parse_structure("The talks - which lasted hours - ended without a deal.\n\nMore.")
    assert lay.dateline is None and lay.body.start == 0


@pytest.mark.parametrize(
    "byline, names",
    [
        ("By Ann Lee", ["Ann Lee"]),
        ("By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
        ("By Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("By Ann Lee, Bo Chen, and Cy Diaz, Reuters", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("By ANN LEE Associated Press", ["Ann Lee"]),
        ("By María José García-López & Kwame Mensah", ["María José García-López", "Kwame Mensah"]),
    ],
)
def test_bylines(byline, names):
    lay = parse_structure(f"Headline\n\n{byline}\n\nBody text is here.")
    assert [a.text for a in lay.authors] == names


@pytest.mark.parametrize(
    "raw, title",
    [
        ("NEW YORK", "New York"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("WASHINGTON, D.C.", "Washington, D.C."),
        ("Paris", "Paris"),
    ],
)
def test_smart_title(raw, title):
    assert smart_title(raw) == title


def test_wire_timestamp_line_above_the_title():
    text = (
        " 5-MAR-1987 09:23:44.74\nACME TOOLS <ACM> 4TH QTR NET\n    SPRINGVALE, Ohio, March 5 -\n"
        "    Shr 19 cts vs 13 cts\n    Net 2,656,000 vs 1,712,000\n Reuter\n"
    )
    lay = parse_structure(text)
    assert lay.published == "1987-03-05T09:23:44" and lay.headline.text == "ACME TOOLS <ACM> 4TH QTR NET"
    assert lay.dateline.date == "1987-03-05" and lay.dateline.division.text == "Ohio"
    assert lay.agency == "Reuters" and len(lay.tables) == 1 and lay.paragraphs == ()


def test_credits_line_without_parentheses():
    text = (
        "Mill to close\n\nSPRINGVALE, Ohio (Reuters) - The mill will close, its owner said.\n\n"
        "Reporting by Jane Roe in Chicago; Editing by Sam Poe\n"
    )
    lay = parse_structure(text)
    assert [(c.role, c.name.text, c.place.text if c.place else None) for c in lay.credits] == [
        ("reporting", "Jane Roe", "Chicago"),
        ("editing", "Sam Poe", None),
    ]
    assert lay.body.text == "The mill will close, its owner said."


def test_contributing_line_keeps_people_not_outlets():
    text = (
        "Town votes\n\nHARLOW FALLS, Vt. - The town voted on Tuesday to build a bridge, the mayor said.\n\n"
        "Contributing: Jane Doe, USA TODAY; The Associated Press\n"
    )
    lay = parse_structure(text)
    assert [(c.role, c.name.text) for c in lay.credits] == [("contributing", "Jane Doe")]


def test_names_in_capitals_are_still_people():
    text = (
        "Town votes\n\nHARLOW FALLS, Vt. - The town voted on Tuesday to build a bridge, the mayor said.\n\n"
        "Contributing: JANE DOE, JOHN ROE\n"
    )
    assert [c.name.text for c in parse_structure(text).credits] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(
    "dateline, region, country",
    [
        ("SYDNEY, N.S.W., March 2 - Text follows.", "N.S.W.", "AU"),
        ("PUNE, Maharashtra - Text follows.", "Maharashtra", "IN"),
        ("CALGARY, Alberta, March 2 - Text follows.", "Alberta", "CA"),
        ("GLASGOW, Scotland (Reuters) - Text follows.", None, "GB"),
        ("SEOUL/VLADIVOSTOK, Russia, April 24 (Reuters) - Text follows.", None, "RU"),
    ],
)
def test_dateline_regions_and_iso_countries(dateline, region, country):
    d = parse_structure(f"A headline here\n\n{dateline}\n\nMore text.").dateline
    assert (d.division.text if d.division else None) == region and d.country == country


@pytest.mark.parametrize(
    "signoff, agency", [("REUTER", "Reuters"), ("(AP)", "AP"), ("AFP", "AFP"), ("(UPI)", "UPI"), ("burs-jm/kir", "AFP")]
)
def test_agency_from_the_sign_off(signoff, agency):
    text = f"Mill to close\n\nThe mill will close next month, its owner said.\n\nWorkers were told on Monday.\n\n{signoff}\n"
    lay = parse_structure(text)
    assert lay.agency == agency and [b.text for b in lay.boilerplate] == [signoff]


def test_sign_off_at_the_end_of_the_last_line():
    lay = parse_structure(
        "Mill to close\n\nThe mill will close, its owner said.\n\nWorkers were told on Monday. Reuter\n"
    )
    assert lay.agency == "Reuters" and lay.body.text.endswith("told on Monday.")
    assert parse_structure("Mill to close\n\nThe mill will close.\n\nThe owner told Reuters.\n").agency is None


def test_a_page_address_gives_the_day_when_the_story_gives_none():
    text = (
        "https://news.example.org/2011/03/09/valley-floods/\n\nFloods close valley roads\n\n"
        "Heavy rain closed roads across the valley on Tuesday, officials said.\n"
    )
    layout = parse_structure(text)
    assert layout.published == "2011-03-09" and layout.headline.text == "Floods close valley roads"
    span = layout.published_span
    assert text[span.start : span.end] == span.text == "2011/03/09"


def test_a_written_timestamp_wins_over_the_address_and_bad_days_give_none():
    dated = "https://news.example.org/2011/03/09/floods/\n\nFloods close roads\n\nMarch 10, 2011\n\nRain fell.\n"
    assert parse_structure(dated).published == "2011-03-10"
    assert (
        parse_structure("https://news.example.org/2011/02/30/x/\n\nFloods close roads\n\nRain fell.\n").published
        is None
    )


@pytest.mark.parametrize(
    ("closing", "agency"),
    [
        ("(Copyright ©2031 by The Associated Press. All Rights Reserved.)", "AP"),
        ("The-Wire & © 2031 Example News Network, Inc. All rights reserved.", None),
        ("Copyright 2031 Example Media, Inc. All rights reserved.", None),
    ],
)
def test_copyright_closing_line_is_boilerplate(closing, agency):
    """A publisher's copyright line closing the story, in parentheses or after a wire's name."""
    text = "Mayor Ana Ruiz opened the bridge on Tuesday, officials said.\n\nIt cost $4 million, she said.\n\n" + closing
    lay = parse_structure(text + "\n")
    assert [b.text for b in lay.boilerplate] == [closing]
    assert lay.body.text.endswith("she said.") and lay.agency == agency
