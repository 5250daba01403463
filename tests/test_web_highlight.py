"""Highlight markup from spans: nesting, crossing, clipping and escaping."""

from __future__ import annotations

import pytest

from dateline.store.models import DayCount
from dateline.views.story import side_panel
from dateline.web.highlight import Mark, highlight, highlighted_paragraphs, paragraphs, record_marks
from dateline.web.pages import timeline_bars


def _strip(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(
    "text, marks, expected",
    [
        ("Ana met Bo", [], "Ana met Bo"),
        ("Ana met Bo", [Mark(0, 3, "entity")], '<span class="hl hl-entity">Ana</span> met Bo'),
        # a name inside a quote nests, the quote is not split
        (
            "x said Ana ran",
            [Mark(7, 14, "quote"), Mark(7, 10, "entity")],
            'x said <span class="hl hl-quote"><span class="hl hl-entity">Ana</span> ran</span>',
        ),
        # crossing spans: the later one is split where the first ends
        (
            "abcdef",
            [Mark(0, 4, "quote"), Mark(2, 6, "time")],
            '<span class="hl hl-quote">ab<span class="hl hl-time">cd</span></span><span class="hl hl-time">ef</span>',
        ),
        # zero-length and out-of-range marks are dropped
        ("abc", [Mark(1, 1, "time"), Mark(5, 9, "entity")], "abc"),
        # text and attribute values are escaped
        (
            "<b>&</b>",
            [Mark(0, 3, "entity", (("title", '"><x'),))],
            '<span class="hl hl-entity" title="&#34;&gt;&lt;x">&lt;b&gt;</span>&amp;&lt;/b&gt;',
        ),
        ("Ana", [Mark(0, 3, "entity", (), "/entities/1")], '<a class="hl hl-entity" href="/entities/1">Ana</a>'),
    ],
)
def test_highlight(text, marks, expected):
    assert str(highlight(text, 0, len(text), marks)) == expected


@pytest.mark.parametrize("lo, hi", [(0, 5), (3, 9), (6, 11)])
def test_highlight_clips_to_the_range_and_keeps_the_text(lo, hi):
    text = "Ana met Bo in Rome"
    marks = [Mark(0, 3, "entity"), Mark(4, 10, "quote"), Mark(8, 10, "entity")]
    assert _strip(str(highlight(text, lo, hi, marks))) == text[lo:hi]


RECORD = {
    "text": 'Head\n\nAna Ruiz said "go" in Rome on Monday.\n\nMore.',
    "body": {"start": 6, "end": 50},
    "paragraphs": [],
    "entities": [
        {"id": "e1", "type": "PERSON", "name": "Ana Ruiz", "mentions": [{"start": 6, "end": 14}]},
        {"id": "e2", "type": "GPE", "name": "Rome", "mentions": [{"start": 28, "end": 32}]},
    ],
    "quotes": [
        {
            "id": "q1",
            "kind": "direct",
            "text": "go",
            "start": 21,
            "end": 23,
            "speaker": "e1",
            "speaker_text": "Ana Ruiz",
            "speaker_span": {"start": 6, "end": 14},
        }
    ],
    "timexes": [{"id": "t1", "text": "Monday", "start": 36, "end": 42, "type": "DATE", "value": "2031-01-06"}],
    "places": [{"entity": "e2", "name": "Rome", "lat": 41.9, "lon": 12.5, "country": "IT"}],
    "events": [],
}


def test_paragraphs_fall_back_to_blank_lines_in_the_body():
    assert [RECORD["text"][a:b] for a, b in paragraphs(RECORD)] == ['Ana Ruiz said "go" in Rome on Monday.', "More."]


def test_tables_are_blocks_of_their_own_in_text_order():
    text = "Head\n\nSales rose.\n\nShr 5 cts vs 4 cts\nNet 9 mln vs 8 mln\n\nMore."
    table = {"start": text.index("Shr"), "end": text.index("More.") - 2}
    record = {
        "text": text,
        "body": {"start": 6, "end": len(text)},
        "tables": [table],
        "paragraphs": [{"start": 6, "end": 17}, {"start": len(text) - 5, "end": len(text)}],
    }
    blocks = highlighted_paragraphs(record, {})
    assert [(kind, _strip(str(html))) for kind, html in blocks] == [
        ("p", "Sales rose."),
        ("table", "Shr 5 cts vs 4 cts\nNet 9 mln vs 8 mln"),
        ("p", "More."),
    ]


def test_record_marks_kinds_and_links():
    marks = {(m.kind, m.start): m for m in record_marks(RECORD, {"e1": 7})}
    assert marks[("entity", 6)].href == "/entities/7"
    assert ("place", 28) in marks and ("entity", 28) not in marks
    assert ("quote", 21) in marks and ("time", 36) in marks and ("speaker", 6) in marks


def test_side_panel_groups_the_record():
    panel = side_panel(RECORD)
    assert [e["name"] for e in panel["who"]] == ["Ana Ruiz"]
    assert panel["said"][0]["speaker_name"] == "Ana Ruiz"
    assert panel["when"][0]["value"] == "2031-01-06"
    assert [p["name"] for p in panel["where"]] == ["Rome"]


def test_timeline_bars_scale_to_the_busiest_day():
    bars = timeline_bars([DayCount("2031-01-01", 2, 0), DayCount("2031-01-02", 1, 4)])
    assert [b["e_width"] for b in bars] == [0.0, 80.0]
    assert bars[0]["s_width"] == 40.0
    assert timeline_bars([]) == []
