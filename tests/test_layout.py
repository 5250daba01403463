"""Layout reading and the NLP view: stories laid out as they really arrive (hard-wrapped,
indented, CRLF, tables, one paragraph a line), fixture stories written for these tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dateline.structure import parse_structure
from dateline.structure.blocks import read_blocks
from dateline.structure.view import Edit, TextView, nlp_view

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def story(name: str) -> str:
    return (LAYOUTS / name).read_bytes().decode("utf-8")


def paragraph_texts(text: str) -> list[str]:
    lay = parse_structure(text)
    return [" ".join(p.text.split()) for p in lay.paragraphs]


# --- the view and its offset map ------------------------------------------------------------


def test_view_maps_offsets_both_ways():
    text = "one\n  two   three\nfour"
    view = TextView(text, [Edit(3, 6, " "), Edit(9, 12, " ")])
    assert view.text == "one two three\nfour"
    for word in ("one", "two", "three", "four"):
        v = view.text.index(word)
        start, end = view.to_original(v), view.to_original(v + len(word), end=True)
        assert text[start:end] == word
        assert view.to_view(start) == v and view.to_view(end, end=True) == v + len(word)


def test_view_deletion_and_touching_edits_join():
    text = "A.\n\nTABLE 1 2\nTABLE 3 4\n\nB."
    t0, t1 = text.index("TABLE"), text.rindex("4") + 1
    view = TextView(text, [Edit(t0, t1, ""), Edit(2, t0, "\n\n"), Edit(t1, text.index("B."), "\n\n")])
    assert view.text == "A.\n\n\n\nB." and len(view.edits) == 1
    b = view.text.index("B.")
    assert text[view.to_original(b) : view.to_original(b + 2, end=True)] == "B."
    assert view.to_original(2, end=True) == 2  # a span ending before the table ends before it


def test_identity_view_costs_nothing():
    text = "Headline\n\nA story in blank-line paragraphs.\n\nMore of it."
    view = nlp_view(parse_structure(text))
    assert view.identity and view.text is text


def test_dateline_is_set_apart_from_the_first_sentence():
    text = "Headline\n\nLONDON (Reuters) - A story.\n\nMore of it."
    view = nlp_view(parse_structure(text))
    assert view.text == "Headline\n\nLONDON (Reuters) -\n\nA story.\n\nMore of it."


def test_overlapping_edits_keep_the_first_given():
    view = TextView("abcdef", [Edit(1, 4, "X"), Edit(2, 5, "Y")])
    assert view.text == "aXef"


# --- layouts: real paragraphs -----------------------------------------------------------------


def test_indented_wire_copy_has_real_paragraphs():
    text = story("wire_indented.txt")
    lay = parse_structure(text)
    paragraphs = paragraph_texts(text)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Grantham Mills Inc expects") and paragraphs[0].endswith("on Monday.")
    assert paragraphs[1].startswith('"We have turned') and paragraphs[1].endswith("end of the year.")
    assert lay.headline.text == "GRANTHAM MILLS SEES HIGHER 1988 EARNINGS"  # all capitals
    assert lay.agency == "Reuters" and [a.text for a in lay.authors] == ["Ellen Marsh"]
    assert [b.text for b in lay.boilerplate] == ["REUTER"]


def test_wrapped_copy_without_indents():
    paragraphs = paragraph_texts(story("wrapped_plain.txt"))
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("The board's chairman") and paragraphs[1].endswith("he said.")


def test_one_paragraph_a_line_is_kept():
    text = story("feed_lines.txt")
    lay = parse_structure(text)
    assert lay.headline.text == "Storm cuts power to thousands in coastal towns."
    assert len(paragraph_texts(text)) == 3 and lay.agency == "AP"


def test_crlf_blank_lines_are_paragraph_breaks():
    text = story("crlf_station.txt")
    assert "\r\n" in text
    lay = parse_structure(text)
    assert len(lay.paragraphs) == 2
    view = nlp_view(lay)
    assert "\r" not in view.text[: view.to_view(lay.body.end, end=True)]


def test_form_feed_is_a_paragraph_break():
    text = "A first paragraph that ends here.\fA second one on a new page."
    assert [text[b.start : b.end] for b in read_blocks(text, 0, len(text))] == [
        "A first paragraph that ends here.",
        "A second one on a new page.",
    ]


def test_table_is_a_block_apart_from_paragraphs():
    text = story("wire_table.txt")
    lay = parse_structure(text)
    (table,) = lay.tables
    assert table.text.startswith("Shr 41 cts") and table.text.endswith("104.9 mln")
    assert paragraph_texts(text) == [
        "NOTE: Prior year net includes gain of 210,000 dlrs from the sale of a warehouse in Abilene."
    ]
    assert lay.dateline.date == "XXXX-03-30" and lay.dateline.places[0].text == "Denton"
    view = nlp_view(lay)
    assert "Shr 41 cts" not in view.text and "NOTE: Prior year" in view.text


def test_columns_table_in_blank_line_story():
    text = (
        "Results of the vote\n\nThe count ended late on Sunday.\n\n"
        "Party        Seats   Share\nGreen           41    33.0\nBlue            38    30.5\n\n"
        "Turnout was low, officials said."
    )
    lay = parse_structure(text)
    assert [t.text.split()[0] for t in lay.tables] == ["Party"]
    assert paragraph_texts(text) == ["The count ended late on Sunday.", "Turnout was low, officials said."]


def test_prose_with_figures_is_not_a_table():
    text = story("wire_indented.txt")
    assert parse_structure(text).tables == ()


# --- the view: spaCy's text -------------------------------------------------------------------


def test_view_joins_wrapped_lines_and_sets_paragraphs_apart():
    lay = parse_structure(story("wire_indented.txt"))
    view = nlp_view(lay)
    assert "earnings to rise sharply next year" in view.text
    assert 'on Monday.\n\n"We have turned' in view.text


def test_long_runs_are_collapsed_in_the_view_only():
    text = "Headline here\n\nLONDON - First line.\n\n" + "=" * 10_000 + "\n\n" + "Last" + " " * 5_000 + "line."
    lay = parse_structure(text)
    view = nlp_view(lay)
    assert len(view.text) < 200
    end = view.text.index("line.") + len("line.")
    assert text[view.to_original(end - 5) : view.to_original(end, end=True)] == "line."


@pytest.mark.parametrize("filler", [" " * 3_000, "\t" * 3_000, " \n" * 1_500])
def test_structure_patterns_are_linear_in_white_space(filler):
    for text in (
        f"By A{filler}\n\nBody text.",
        f"LONDON{filler}, March 3 - Body.",
        f"Headline\n\nX{filler}Y",
        f"Headline\nLine one{filler}\nline two ends.\n    Next paragraph{filler}",
    ):
        t0 = time.process_time()  # CPU time: a busy machine's neighbours do not count
        nlp_view(parse_structure(text * 10))
        assert time.process_time() - t0 < 1.0  # about 0.1 s when linear; quadratic took minutes


# --- through the reader: every span points into the original ----------------------------------


@pytest.fixture(scope="module")
def wire_article(reader):
    return reader.read(story("wire_indented.txt"))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def test_every_span_points_into_the_original(wire_article):
    text = wire_article.text
    for e in wire_article.entities:
        for m in e.mentions:
            assert _same(text[m.start : m.end], m.text)
    for q in wire_article.quotes:
        assert _same(text[q.start : q.end], q.text)
        if q.cue_span:
            assert _same(text[q.cue_span.start : q.cue_span.end], q.cue)
    for t in wire_article.timexes:
        assert _same(text[t.start : t.end], t.text)
    for ev in wire_article.events:
        assert _same(text[ev.trigger.start : ev.trigger.end], ev.trigger.text)
    for p in wire_article.places:
        for m in p.mentions:
            assert _same(text[m.start : m.end], m.text)


def test_quotes_are_whole_across_line_ends(wire_article):
    direct = [q for q in wire_article.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We have turned the corner on costs,"]
    speaker = next(e for e in wire_article.entities if e.id == direct[0].speaker)
    assert speaker.name == "Walter Pike"
    wrapped = [q for q in wire_article.quotes if "\n" in wire_article.text[q.start : q.end]]
    assert wrapped, "a quote that runs over a line end is one quote"


def test_no_year_dates_use_xxxx(wire_article):
    assert wire_article.dateline.date == "XXXX-03-30"
    assert wire_article.dateline.region == "Okla." and wire_article.dateline.country == "US"
    values = {t.text: t.value for t in wire_article.timexes}
    assert values["Monday"] == "XXXX-WXX-1"
    assert values["March 30"] == "XXXX-03-30"


def test_published_gives_the_year(reader):
    article = reader.read(story("wire_indented.txt"), published="1987-03-30T10:00:00")
    assert article.dateline.date == "1987-03-30"
    assert {t.text: t.value for t in article.timexes}["Monday"] == "1987-03-30"


def test_nothing_is_read_from_a_table(reader):
    article = reader.read(story("wire_table.txt"))
    (table,) = article.tables
    inside = lambda s, e: table.start <= s < table.end  # noqa: E731
    assert not any(inside(m.start, m.end) for e in article.entities for m in e.mentions)
    assert not any(inside(q.start, q.end) for q in article.quotes)
    assert not any(inside(ev.trigger.start, ev.trigger.end) for ev in article.events)
    assert article.to_dict()["tables"] == [{"start": table.start, "end": table.end}]


def test_crlf_station_story(reader):
    article = reader.read(story("crlf_station.txt"))
    assert article.dateline.places == ("Harlow Falls",) and article.dateline.region == "Vt."
    assert article.dateline.country == "US"
    assert [(c.name, c.place) for c in article.credits.contributing] == [("Sam Ortiz", None)]
    (quote,) = [q for q in article.quotes if q.kind == "direct"]
    assert article.text[quote.start : quote.end] == quote.text == "This bridge is long overdue,"


@pytest.mark.parametrize("mark, separator", [("\t", "\n"), ("", "\n\n"), ("    ", "\r\n")])
def test_tab_indented_and_blank_line_wrapped_copy(mark, separator):
    text = (
        f"Harbour board delays plan{separator}{mark}DOVERTON, March 3 - The harbour board said on Thursday it"
        f" would{separator[-1]}delay a plan to dredge the eastern channel until the spring, after"
        f"{separator[-1]}objections from fishermen.{separator}{mark}The board's chairman said the delay would"
        f" cost about two million{separator[-1]}pounds, and that work would start in April.{separator}"
    )
    lay = parse_structure(text)
    assert lay.headline.text == "Harbour board delays plan" and lay.dateline.date == "XXXX-03-03"
    assert [" ".join(p.text.split()).split()[-1] for p in lay.paragraphs] == ["fishermen.", "April."]
    whole = nlp_view(lay)
    view = whole.text[: whole.to_view(lay.body.end, end=True)]  # what spaCy reads
    assert "\r" not in view and "would delay a plan" in view and "fishermen.\n\nThe board's" in view


def test_blocks_is_the_one_paragraph_splitter():
    """Blank lines (spaces, tabs, no-break spaces, a CR between the breaks) end a block;
    blocks come back untrimmed, and a range of the text splits alone."""
    from dateline.structure.text import blocks

    text = "One.\n\nTwo\nstill two.\n \u00a0\r\nThree.\n\n"
    assert [text[a:b] for a, b in blocks(text)] == ["One.", "Two\nstill two.", "Three.", ""]
    assert [text[a:b] for a, b in blocks(text, 6, 27)] == ["Two\nstill two.", "Th"]
