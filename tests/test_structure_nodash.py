"""Wire layouts with a dateline that has no dash, as Reuters' 1996 corpus sets it (a headline,
perhaps the reporter's name alone, then "PLACE 1996-08-30" on its own line), the desk's
contact line closing the story, and the guards around them. Every story here is invented
for these tests; both spacings are tried: words as written and tokens set apart by spaces."""

from __future__ import annotations

import pytest

from dateline.structure import parse_structure
from dateline.structure.parser import _is_name_line

BODY = (
    "The harbour council voted on Friday to close the old quay for repairs , its chairman said .\n"
    "Work is due to start next month and last until the spring , he said .\n"
)


def _story(*top: str, body: str = BODY, tail: str = "") -> str:
    return "\n".join(top) + "\n" + body + tail


@pytest.mark.parametrize(
    ("line", "place", "region", "country"),
    [
        ("PORT ELLEN 2031-05-02", "Port Ellen", None, None),
        ("RIVERTON , Ore . 2031-05-02", "Riverton", "Ore .", "US"),
        ("RIVERTON, Ore. 2031-05-02", "Riverton", "Ore.", "US"),
        ("NICE , France 2031-05-02", "Nice", "France", "FR"),
        ("ST. ALDWYN 2031-05-02", "St. Aldwyn", None, None),
        ("EAST HARBOUR / WEST HARBOUR 2031-05-02", "East Harbour", None, None),
        ("PORT ELLEN 2031-05-02 (Reuters)", "Port Ellen", None, None),
    ],
)
def test_dashless_dateline_with_iso_date(line, place, region, country):
    text = _story("QUAY TO CLOSE FOR REPAIRS .", line)
    lay = parse_structure(text)
    assert lay.dateline is not None
    assert lay.dateline.places[0].text == place
    assert (lay.dateline.region.text if lay.dateline.region else None) == region
    assert lay.dateline.country == country
    assert lay.dateline.date == "2031-05-02"
    assert lay.published == "2031-05-02"
    assert lay.headline is not None and lay.headline.text == "QUAY TO CLOSE FOR REPAIRS ."
    assert text[lay.paragraphs[0].start :].startswith("The harbour council voted")


def test_dashless_dateline_names_its_agency():
    lay = parse_structure(_story("Quay to close", "PORT ELLEN 2031-05-02 (Reuters)"))
    assert lay.agency == "Reuters"


def test_dashless_dateline_spans_its_line():
    text = _story("Quay to close for repairs .", "PORT ELLEN , Sylvania 2031-05-02")
    lay = parse_structure(text)
    d = lay.dateline
    assert d is not None
    assert text[d.start : d.end] == "PORT ELLEN , Sylvania 2031-05-02"
    assert d.date_text is not None and d.date_text.text == "2031-05-02"
    assert lay.published_span is not None and text[lay.published_span.start : lay.published_span.end] == "2031-05-02"


def test_iso_date_on_the_line_below_the_place():
    text = _story("Quay shares rise on merger .", "RIVERTON , Ore .", "2031-05-02")
    lay = parse_structure(text)
    assert lay.dateline is not None
    assert lay.dateline.places[0].text == "Riverton"
    assert lay.dateline.date == "2031-05-02" and lay.published == "2031-05-02"
    assert lay.headline is not None and lay.headline.text == "Quay shares rise on merger ."
    assert all("2031-05-02" not in lay.text[p.start : p.end] for p in lay.paragraphs)


def test_blank_line_layout():
    text = "Quay to close for repairs.\n\nJo Marsh\n\nPORT ELLEN, Sylvania 2031-05-02\n\n" + BODY.replace("\n", "\n\n")
    lay = parse_structure(text)
    assert lay.headline is not None and lay.headline.text == "Quay to close for repairs."
    assert [a.text for a in lay.authors] == ["Jo Marsh"]
    assert lay.dateline is not None and lay.dateline.places[0].text == "Port Ellen"
    assert lay.published == "2031-05-02"


def test_callers_published_wins_over_the_dateline():
    lay = parse_structure(_story("Quay to close", "PORT ELLEN 2031-05-02"), published="2031-05-03T09:00:00+00:00")
    assert lay.published == "2031-05-03T09:00:00+00:00"
    assert lay.dateline is not None and lay.dateline.date == "2031-05-02"


def test_month_day_dateline_with_year_sets_published():
    lay = parse_structure(_story("Quay to close", "PORT ELLEN, May 2, 2031 - The council voted."))
    assert lay.published == "2031-05-02"


def test_dateline_without_year_leaves_published_empty():
    lay = parse_structure(_story("Quay to close", "PORT ELLEN, May 2 - The council voted."))
    assert lay.published is None
    assert lay.dateline is not None and lay.dateline.date == "XXXX-05-02"


@pytest.mark.parametrize("kicker", ["ROWING - HARBOUR CREW WIN AGAIN .", "ROWING - Harbour crew win again"])
def test_kicker_above_headline_is_not_a_dateline(kicker):
    text = _story(kicker, "PORT ELLEN 2031-05-02")
    lay = parse_structure(text)
    assert lay.headline is not None and lay.headline.text == kicker
    assert lay.dateline is not None and lay.dateline.places[0].text == "Port Ellen"


def test_kicker_with_no_dated_dateline_below_stays_a_dateline():
    lay = parse_structure("RIVERTON - The harbour council voted on Friday to close the old quay.\n")
    assert lay.dateline is not None and lay.dateline.places[0].text == "Riverton"


@pytest.mark.parametrize("name", ["Jo Marsh", "Jean-Luc de Marne", "Ana Lima and Jo Marsh", "J. Roe"])
def test_byline_without_by_above_dateline(name):
    text = _story("Quay to close for repairs .", name, "PORT ELLEN 2031-05-02")
    lay = parse_structure(text)
    assert lay.byline is not None and lay.byline.text == name
    assert [a.text for a in lay.authors] == [name]
    assert lay.headline is not None and lay.headline.text == "Quay to close for repairs ."
    assert lay.dateline is not None and lay.dateline.places[0].text == "Port Ellen"


def test_label_above_dateline_is_not_a_byline():
    lay = parse_structure(_story("Quay to close for repairs", "News Analysis", "PORT ELLEN 2031-05-02"))
    assert lay.authors == ()
    assert lay.dateline is not None


def test_name_line_needs_a_dateline_below():
    text = "Quay to close for repairs\n\nJo Marsh\n\nThe harbour council voted on Friday to close the quay.\n"
    assert parse_structure(text).authors == ()


def test_name_line_shapes():
    assert _is_name_line("Jo Marsh") and _is_name_line("MaeLynn Ortiz")
    assert not _is_name_line("By Jo Marsh")  # the usual byline, read by its own rule
    assert not _is_name_line("JO MARSH") and not _is_name_line("Jo")
    assert not _is_name_line("Engineers Say Repairs Will Take Months")


@pytest.mark.parametrize("line", ["FRIDAY 2031-05-02", "Friday 2031-05-02", "MONDAY - The council voted."])
def test_weekday_is_never_a_place(line):
    lay = parse_structure(_story("Quay to close for repairs", line))
    assert lay.dateline is None


def test_weekday_before_month_day_is_not_a_dateline():
    lay = parse_structure("Monday, May 2 - The council voted on the quay.\n\nWork starts soon.\n")
    assert lay.dateline is None


@pytest.mark.parametrize("line", ["Published 2031-05-02", "Updated 2031-05-02"])
def test_label_and_iso_date_is_a_timestamp_not_a_dateline(line):
    lay = parse_structure(_story("Quay to close for repairs", line))
    assert lay.dateline is None
    assert lay.published is not None and lay.published.startswith("2031-05-02")


def test_sentence_with_iso_date_is_not_a_dateline():
    lay = parse_structure(_story("Quay to close", "The vote 2031-05-02"))
    assert lay.dateline is None


@pytest.mark.parametrize(
    "contact",
    [
        "-- Port Ellen Newsroom +99 12 345 6789",
        "-- Jo Marsh , Riverton energy desk , +1 555-010-2030",
        "-- Riverton bureau ( 555 ) 010-2030 , e-mail : desk@example.org",
        "((Port Ellen newsroom +99 12 345 6789))",
    ],
)
def test_desk_contact_line_is_boilerplate(contact):
    text = _story("Quay to close", "PORT ELLEN 2031-05-02", body=BODY + "\n", tail=contact + "\n")
    lay = parse_structure(text)
    assert [b.text for b in lay.boilerplate] == [contact]
    assert all(contact not in lay.text[p.start : p.end] for p in lay.paragraphs)
    assert lay.text[lay.paragraphs[-1].start : lay.paragraphs[-1].end].endswith("the spring , he said .")


def test_dash_sentence_closing_a_story_stays_body():
    last = "-- and the quay will reopen in the spring ."
    lay = parse_structure(_story("Quay to close", "PORT ELLEN 2031-05-02", body=BODY + "\n", tail=last + "\n"))
    assert lay.boilerplate == ()
    assert lay.text[lay.paragraphs[-1].start : lay.paragraphs[-1].end] == last


def test_date_below_a_dated_dash_dateline_alone_sets_published():
    text = "Quay to close\n\nPORT ELLEN, Sylvania -\n\n2031-05-02\n\n" + BODY
    lay = parse_structure(text)
    assert lay.dateline is not None and lay.dateline.places[0].text == "Port Ellen"
    assert lay.published == "2031-05-02"


@pytest.mark.parametrize(
    "slug", ["MARKET NOTE - Acme shares upgraded .", "FARM DIGEST - Sylvania - May 2 .", "ROWING - close ."]
)
def test_slug_and_short_title_on_the_first_line_is_a_headline(slug):
    text = slug + "\n" + BODY
    lay = parse_structure(text)
    assert lay.dateline is None
    assert lay.headline is not None and lay.headline.text == slug


def test_known_place_and_short_lead_on_the_first_line_stays_a_dateline():
    lay = parse_structure("LONDON - Shares fell.\nThe index lost two percent on the day, traders said.\n")
    assert lay.dateline is not None and lay.dateline.places[0].text == "London"


@pytest.mark.parametrize("note", ["[ CORRECTED 05:30 GMT ]", "[REFILED - adds dropped word]"])
def test_bracketed_correction_note_under_the_headline(note):
    text = _story("Quay shares rise on merger .", note, "Jo Marsh", "PORT ELLEN 2031-05-02")
    lay = parse_structure(text)
    assert lay.update_note is not None and note.strip("[] ").startswith(lay.update_note.text)
    assert lay.headline is not None and lay.headline.text == "Quay shares rise on merger ."
    assert [a.text for a in lay.authors] == ["Jo Marsh"]
    assert lay.dateline is not None and lay.published == "2031-05-02"


def test_contact_line_in_the_middle_of_the_body_is_boilerplate():
    contact = "-- Port Ellen Newsroom +99 12 345 6789"
    text = "Quay to close\n\nPORT ELLEN 2031-05-02\n\nThe council voted.\n\n" + contact + "\n\nWork starts soon.\n"
    lay = parse_structure(text)
    assert [b.text for b in lay.boilerplate] == [contact]
    assert [lay.text[p.start : p.end] for p in lay.paragraphs] == ["The council voted.", "Work starts soon."]


def test_contact_line_under_a_table_leaves_the_table():
    contact = "-- Port Ellen Newsroom +99 12 345 6789"
    rows = "Quay A    12.5    13.1\nQuay B    10.2    11.7\n"
    text = "Quay fees\n\nPORT ELLEN 2031-05-02\n\nFees in crowns this year and last:\n\n" + rows + contact + "\n"
    lay = parse_structure(text)
    assert [b.text for b in lay.boilerplate] == [contact]
    assert len(lay.tables) == 1 and lay.tables[0].text == rows.strip()


def test_row_of_stars_is_no_headline():
    lay = parse_structure("*\nThe council voted on Friday to close the quay, its chairman said.\n")
    assert lay.headline is None


@pytest.mark.parametrize("name", ["P.J. Roe", "Ann O'Marsh"])
def test_name_line_with_initials_and_apostrophes(name):
    assert _is_name_line(name)


def test_iso_date_in_a_dash_dateline_run_into_the_first_paragraph():
    lay = parse_structure("Quay to close\n\nPORT ELLEN, Sylvania, 2031-05-02 - The council voted on Friday.\n")
    assert lay.dateline is not None and lay.dateline.places[0].text == "Port Ellen"
    assert lay.dateline.date == "2031-05-02" and lay.published == "2031-05-02"
    assert lay.text[lay.paragraphs[0].start :].startswith("The council voted")


@pytest.mark.parametrize("top", [("Quay to close for repairs .",), ("Quay to close for repairs .", "Jo Marsh")])
def test_known_place_in_capitals_alone_above_the_text(top):
    lay = parse_structure(_story(*top, "LONDON"))
    assert lay.dateline is not None and lay.dateline.places[0].text == "London"
    assert lay.dateline.date is None and lay.published is None
    assert [a.text for a in lay.authors] == list(top[1:])
    assert lay.text[lay.paragraphs[0].start :].startswith("The harbour council voted")


@pytest.mark.parametrize("line", ["PORT ELLEN", "London"])
def test_unknown_or_lower_case_place_alone_is_no_dateline(line):
    lay = parse_structure(_story("Quay to close for repairs .", line))
    assert lay.dateline is None


def test_known_place_above_a_heading_is_no_dateline():
    lay = parse_structure(_story("Quay fees .", "LONDON", body="Fees in crowns\nQuay A 12.5\nQuay B 10.2\n"))
    assert lay.dateline is None


def test_summary_label_is_no_dateline():
    lay = parse_structure(_story("Harbour weather , May 2 .", "SUMMARY- Showers along the coast , heavier inland ."))
    assert lay.dateline is None
