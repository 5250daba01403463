"""Layouts found reading real archives (docs/real-copy.md, third round), on fixture stories
written for these tests: 1990s wire datelines with an underscore dash, web pages saved with
their address above the headline and a deck under it, broadcast transcripts closed by the
reporter's sign-off, and a newspaper's contributor line run onto the last paragraph."""

from __future__ import annotations

import pytest

from dateline.structure import parse_structure
from dateline.structure.timestamp import is_bare_timestamp, parse_timestamp

BODY = (
    "The harbour council voted on Tuesday to close the old quay for repairs, its chairman said.\n\n"
    "Work is due to start next month and last until the spring, he said.\n"
)


@pytest.mark.parametrize(
    ("top", "place", "region", "agency"),
    [
        ("PORT ELLEN, Sylvania (AP) _\n\n", "Port Ellen", "Sylvania", "AP"),
        ("PORT ELLEN, Sylvania (AP)_ ", "Port Ellen", "Sylvania", "AP"),
        ("RIVERTON _\n\n", "Riverton", None, None),
        ("RIVERTON, Ore. _ ", "Riverton", "Ore.", None),
    ],
)
def test_underscore_dash_dateline(top, place, region, agency):
    text = "Quay to close for repairs\n\n" + top + BODY
    lay = parse_structure(text)
    assert lay.dateline is not None, top
    assert [p.text for p in lay.dateline.places] == [place]
    assert (lay.dateline.region.text if lay.dateline.region else None) == region
    assert lay.agency == agency
    assert lay.headline.text == "Quay to close for repairs"
    assert text[lay.paragraphs[0].start :].startswith("The harbour council voted")


def test_underscore_in_a_capitals_headline_is_not_a_dateline():
    text = "COUNCIL TO CLOSE OLD QUAY FOR REPAIRS _ SOON\n\n" + BODY
    lay = parse_structure(text)
    assert lay.dateline is None
    assert lay.headline.text == "COUNCIL TO CLOSE OLD QUAY FOR REPAIRS _ SOON"


def test_page_address_above_headline_deck_and_timestamp():
    text = (
        "http://www.example.org/news/2031/05/02/old-quay-closed/\n\n"
        "Old Quay Closed After Storm Damage\n\n"
        "Engineers Say Repairs Will Take Months\n\n"
        "May 2, 2031 8:15 AM\n\n" + BODY
    )
    lay = parse_structure(text)
    assert lay.url == "http://www.example.org/news/2031/05/02/old-quay-closed/"
    assert lay.headline.text == "Old Quay Closed After Storm Damage"
    assert lay.published == "2031-05-02T08:15:00"
    assert text[lay.body.start :].startswith("The harbour council voted")
    assert len(lay.paragraphs) == 2


def test_callers_url_wins_and_a_story_without_headline_keeps_its_first_paragraph():
    text = "https://www.example.org/a/b.htm\n\n" + BODY
    lay = parse_structure(text, url="https://feed.example.org/1")
    assert lay.url == "https://feed.example.org/1"
    assert lay.headline is None
    assert text[lay.paragraphs[0].start :].startswith("The harbour council voted")


def test_deck_between_headline_and_a_known_place():
    text = (
        "Harbour council shuts old quay\n\n"
        "Storm left cracks in the quay wall, engineers say\n\n"
        "LISBON - The harbour council voted on Tuesday to close the old quay.\n\n"
        "Work is due to start next month.\n"
    )
    assert [p.text for p in parse_structure(text).dateline.places] == ["Lisbon"]


def test_deck_between_headline_and_dateline():
    text = (
        "Harbour council shuts old quay\n\n"
        "Storm left cracks in the quay wall, engineers say\n\n"
        "PORT ELLEN, Ore. - The harbour council voted on Tuesday to close the old quay.\n\n"
        "Work is due to start next month.\n"
    )
    lay = parse_structure(text)
    assert lay.headline.text == "Harbour council shuts old quay"
    assert [p.text for p in lay.dateline.places] == ["Port Ellen"]


def test_first_paragraph_under_a_headline_is_not_a_deck():
    text = "Harbour council shuts old quay\n\n" + BODY
    lay = parse_structure(text)
    assert text[lay.body.start :].startswith("The harbour council voted")
    assert len(lay.paragraphs) == 2


def test_desk_time_of_four_figures_before_a_zone():
    assert parse_timestamp("0930 GMT, 12 March 2031") == "2031-03-12T09:30:00+00:00"
    assert parse_timestamp("12 March 2031, 1745 EST") == "2031-03-12T17:45:00-05:00"
    assert parse_timestamp("12 March 2031 room 1745") == "2031-03-12"  # four figures without a zone


@pytest.mark.parametrize(
    ("signoff", "name", "place", "agency"),
    [
        ("Ann Lee, VOA News, Port Ellen.", "Ann Lee", "Port Ellen", "VOA"),
        ("Ann Lee, CNN, the harbour office.", "Ann Lee", "the harbour office", "CNN"),
        ("Ann Lee, ABC News, Riverton.", "Ann Lee", "Riverton", "ABC"),
        ("For NPR News, I'm Ann Lee reporting.", "Ann Lee", None, "NPR"),
        ("For NPR News, I'm Ann Lee in Riverton.", "Ann Lee", "Riverton", "NPR"),
        ("Ann Lee for VOA News, Port Ellen.", "Ann Lee", "Port Ellen", "VOA"),
        ("Ann Lee BBC news Riverton", "Ann Lee", "Riverton", "BBC"),  # a transcript without punctuation
        ("For The Evening Hour, I'm Ann Lee.", "Ann Lee", None, None),  # a programme, not an agency
    ],
)
def test_broadcast_reporter_sign_off(signoff, name, place, agency):
    text = (
        "The council voted on Tuesday to close the old quay, a spokesman said.\n\nWork starts next month, the chairman said. "
        + signoff
        + "\n"
    )
    lay = parse_structure(text)
    assert [(c.role, c.name.text, c.place.text if c.place else None) for c in lay.credits] == [
        ("reporting", name, place)
    ]
    assert lay.agency == agency
    assert text[lay.body.start : lay.body.end].endswith("the chairman said.")
    assert lay.credits_span.text == signoff


def test_one_line_transcript_keeps_its_sign_off_apart():
    text = "Work on the old quay starts next month, the chairman said. Ann Lee, VOA News, Port Ellen.\n"
    lay = parse_structure(text)
    assert [c.name.text for c in lay.credits] == ["Ann Lee"]
    assert text[lay.body.start : lay.body.end] == "Work on the old quay starts next month, the chairman said."


def test_sign_off_as_its_own_paragraph():
    text = "The council voted on Tuesday to close the old quay.\n\nWork starts next month.\n\nAnn Lee, VOA News, Port Ellen.\n"
    lay = parse_structure(text)
    assert [c.name.text for c in lay.credits] == ["Ann Lee"]
    assert text[lay.body.start : lay.body.end].endswith("Work starts next month.")


@pytest.mark.parametrize(
    "last",
    [
        "Work starts next month, said Ann Lee, CNN's harbour reporter.",
        "The vote was shown live. Ann Lee, a council member, was in the chair.",
        "Viewers wrote to Ann Lee, BBC, about the vote.",
        "The vote was shown live. Prime Minister Ann Lee told CNN.",
        "The vote was shown live. He spoke to Ann Lee, CNN.",
    ],
)
def test_names_in_the_last_sentence_are_not_a_sign_off(last):
    """A sign-off is the whole last sentence, and names a broadcaster in its place."""
    lay = parse_structure("The council voted on Tuesday to close the old quay, a spokesman said.\n\n" + last + "\n")
    assert lay.credits == ()
    assert lay.agency is None


def test_contributor_line_run_onto_the_last_paragraph():
    text = "The council voted on Tuesday to close the quay.\n\nWork starts next month. --- Ann Lee and Tom Berg contributed to this article.\n"
    lay = parse_structure(text)
    assert [(c.role, c.name.text) for c in lay.credits] == [("contributing", "Ann Lee"), ("contributing", "Tom Berg")]
    assert text[lay.body.start : lay.body.end].endswith("Work starts next month.")


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Posted 12/19/2031 3:36 PM ET", "2031-12-19T15:36:00"),
        ("Last updated 13:26 14/09/2031", "2031-09-14T13:26:00"),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2031", "2031-04-10T10:52:00+00:00"),
    ],
)
def test_page_timestamps(line, value):
    assert parse_timestamp(line) == value


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("Updated 4/9/2031 6:04 PM", True),
        ("(March 20, 2031) --", True),
        ("WEDNESDAY, APRIL 24, 2031, 10:34 AM", True),
        ("Ten people died on November 28, 2031", False),
        ("Trial is set for June 17, 2031", False),
    ],
)
def test_a_line_holding_only_a_timestamp(line, bare):
    assert is_bare_timestamp(line) is bare


def test_timestamp_above_the_headline():
    text = "https://www.example.org/quay\n\nMay 2, 2031, 1:12 PM\n\nHarbour council shuts old quay\n\n" + BODY
    lay = parse_structure(text)
    assert lay.published == "2031-05-02T13:12:00"
    assert lay.headline.text == "Harbour council shuts old quay"


def test_timestamp_below_deck_lines_is_published_not_a_paragraph():
    text = (
        "Harbour council shuts old quay\n\n"
        "Cracks found in the quay wall after the storm, the council said on Monday.\n\n"
        "Engineers will report next week.\n\n"
        "Updated 5/4/2031 6:04 PM\n\n" + BODY
    )
    lay = parse_structure(text)
    assert lay.published == "2031-05-04T18:04:00"
    assert text[lay.published_span.start : lay.published_span.end] == "Updated 5/4/2031 6:04 PM"
    assert all("Updated" not in text[p.start : p.end] for p in lay.paragraphs)
    assert text[lay.paragraphs[0].start :].startswith("Cracks found")


def test_a_dated_sentence_in_the_body_is_not_the_timestamp():
    text = "Harbour council shuts old quay\n\n" + BODY + "\nThe quay opened on June 17, 1931.\n"
    assert parse_structure(text).published is None


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("MUST SEE: Harbour council shuts the old quay after the storm", None),
        ("BREAKING NEWS - Harbour council shuts the old quay", None),
        ("POSTED: the council shut the old quay on Tuesday", None),
        ("LISBON: The harbour council shut the old quay on Tuesday.", "Lisbon"),
        ("RIVERTON, Ore.: The harbour council shut the old quay on Tuesday.", "Riverton"),
    ],
)
def test_kickers_and_labels_are_not_datelines(line, place):
    lay = parse_structure(line + "\n\nWork is due to start next month and last until the spring, he said.\n")
    assert ([p.text for p in lay.dateline.places] if lay.dateline else [None]) == [place]


@pytest.mark.parametrize("signoff", [" (aa-kjd)", "\n\n(pvs/ji)\n"])
def test_desk_initials_close_the_story_without_naming_an_agency(signoff):
    text = "The council voted on Tuesday to close the old quay.\n\nWork starts next month, he said." + signoff
    lay = parse_structure(text)
    assert [b.text for b in lay.boilerplate] == [signoff.strip()]
    assert text[lay.body.start : lay.body.end].endswith("he said.")
    assert lay.agency is None


def test_posted_and_updated_lines_above_the_headline():
    text = "Posted 5/2/2031 7:21 AM\n\nUpdated 5/2/2031 3:41 PM\n\nHarbour council shuts old quay\n\n" + BODY
    lay = parse_structure(text)
    assert lay.published == "2031-05-02T07:21:00"
    assert lay.headline.text == "Harbour council shuts old quay"


@pytest.mark.parametrize(
    "second",
    [
        "By the end of next week the harbour council will have voted on the quay.",  # a sentence, not a byline
        "QUAY WORKS FAVOUR THE EAST, BUT COSTS FAVOUR THE WEST - an engineer wrote on Monday.",  # a heading
        "Q: You first saw the quay on May 17, 2001. What did you find?",  # a date in a sentence
    ],
)
def test_a_lede_is_not_a_deck(second):
    lede = "The harbour council voted on Tuesday to close the old quay for repairs, its chairman said."
    text = f"Harbour council shuts old quay\n\n{lede}\n\n{second}\n\nWork starts next month.\n"
    lay = parse_structure(text)
    assert text[lay.body.start :].startswith("The harbour council voted")
    assert lay.dateline is None and lay.published is None and lay.byline is None


def test_sign_off_names_without_their_titles():
    text = "The council voted on Tuesday to close the quay.\n\nWork starts next month. By Ann Lee, The Canadian Press\n"
    assert [(c.name.text, parse_structure(text).agency) for c in parse_structure(text).credits] == [("Ann Lee", "CP")]
    text = "The council voted on Tuesday to close the quay, the chairman told reporters.\n\nStaff Writers Ann Lee and Tom Berg contributed to this report.\n"
    assert [c.name.text for c in parse_structure(text).credits] == ["Ann Lee", "Tom Berg"]
