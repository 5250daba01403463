"""The timeline: TIMEX3 values as date ranges, events ordered and placed against the story's day."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.events.timeline import date_range, relation, timeline, timeline_rows
from dateline.record import Article, Dateline, Entity, Event, Mention, Timex

STORY_DAY = date(2021, 3, 10)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-03-10", (date(2021, 3, 10), date(2021, 3, 10))),
        ("2021-03-10T07:35", (date(2021, 3, 10), date(2021, 3, 10))),
        ("2021-02", (date(2021, 2, 1), date(2021, 2, 28))),
        ("2020-12", (date(2020, 12, 1), date(2020, 12, 31))),
        ("2021-W10", (date(2021, 3, 8), date(2021, 3, 14))),
        ("1994", (date(1994, 1, 1), date(1994, 12, 31))),
        ("PAST_REF", None),
        ("P3M", None),
        ("", None),
        ("2021-13-45", None),
    ],
)
def test_date_range(value, expected):
    assert date_range(value) == expected


@pytest.mark.parametrize(
    "value,modality,expected",
    [
        ("1994", "asserted", "past"),
        ("2021-03-09", "asserted", "past"),
        ("2021-03-10", "asserted", "today"),
        ("2021-W10", "asserted", "today"),
        ("2021-03-12", "asserted", "planned"),
        ("2021-03-10", "planned", "planned"),
        (None, "planned", "planned"),
        (None, "asserted", "undated"),
        ("PAST_REF", "asserted", "past"),
    ],
)
def test_relation(value, modality, expected):
    assert relation(value, STORY_DAY, modality) == expected


def _article() -> Article:
    text = "Ada met Bo. Ada left in 1994. Ada will visit Bo on Friday. Ada spoke."
    ents = (
        Entity("e1", "PERSON", "Ada Lind", (Mention(0, 3, "Ada"),)),
        Entity("e2", "PERSON", "Bo Ek", (Mention(8, 10, "Bo"),)),
    )
    tx = (
        Timex("t1", "1994", 24, 28, "DATE", "1994"),
        Timex("t2", "Friday", 52, 58, "DATE", "2021-03-12"),
        Timex("t3", "March 10", 0, 0, "DATE", "2021-03-10"),
    )
    evs = (
        Event("ev1", "meet", Mention(4, 7, "met"), ("e1",), ("e2",), when="t3", inferred=("when",)),
        Event("ev2", "depart", Mention(16, 20, "left"), ("e1",), when="t1"),
        Event("ev3", "visit", Mention(40, 45, "visit"), ("e1",), ("e2",), when="t2", modality="planned"),
        Event("ev4", "say", Mention(63, 68, "spoke"), ("e1",)),
    )
    return Article(id="x", text=text, dateline=Dateline(date="2021-03-10"), entities=ents, timexes=tx, events=evs)


def test_timeline_orders_by_date_and_puts_undated_last():
    entries = timeline(_article(), everything=True)
    assert [e.event.id for e in entries] == ["ev2", "ev1", "ev3", "ev4"]
    assert [e.relation for e in entries] == ["past", "today", "planned", "undated"]


def test_rows_use_names_and_mark_inferred():
    rows = timeline_rows(_article(), everything=True)
    assert rows[1]["date"] == "2021-03-10*" and rows[1]["who"] == ["Ada Lind"] and rows[1]["with"] == ["Bo Ek"]
    assert rows[0]["date"] == "1994"


def test_anchor_falls_back_to_the_published_date():
    art = _article()
    art = Article(
        id="x",
        text=art.text,
        published="2021-03-10T07:35:00+00:00",
        entities=art.entities,
        timexes=art.timexes,
        events=art.events,
    )
    assert [e.relation for e in timeline(art, everything=True)] == ["past", "today", "planned", "undated"]


def test_repeats_and_statements_are_left_out_by_default():
    art = _article()
    again = Event(
        "ev5", "visit", Mention(40, 45, "visit"), ("e1",), ("e2",), when="t2", modality="planned", same_as="ev3"
    )
    art = Article(
        id="x",
        text=art.text,
        dateline=art.dateline,
        entities=art.entities,
        timexes=art.timexes,
        events=art.events + (again,),
    )
    assert [e.event.id for e in timeline(art)] == ["ev2", "ev1", "ev3"]
    assert len(timeline(art, everything=True)) == 5


def test_a_row_gathers_the_parties_of_all_mentions():
    art = _article()
    again = Event("ev5", "meet", Mention(40, 45, "meeting"), ("e2",), ("e1",), same_as="ev1")
    first = Event("ev1", "meet", Mention(4, 7, "met"), ("e1",), (), when="t3")
    art = Article(
        id="x", text=art.text, dateline=art.dateline, entities=art.entities, timexes=art.timexes, events=(first, again)
    )
    (row,) = timeline_rows(art)
    assert row["who"] == ["Ada Lind"] and row["with"] == ["Bo Ek"]
