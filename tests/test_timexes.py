"""The time normaliser on invented sentences: every kind, the calendar's edges, direction."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.extract.base import StoryContext
from dateline.extract.timexes import extract_timexes, tense_hints
from dateline.structure.layout import Field, Layout
from dateline.time import calendar as cal
from dateline.time import find_timexes

WED = date(2019, 4, 24)  # a Wednesday in ISO week 17


def one(text: str, anchor: date | None = WED, hints=()) -> tuple[str, str, str]:
    found = find_timexes(text, anchor, hints)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t.text, t.type, t.value


KIND_CASES = [
    # explicit dates and times
    ("It was filed on 2019-03-02.", ("2019-03-02", "DATE", "2019-03-02")),
    ("The vote is set for 5/14/2019.", ("5/14/2019", "DATE", "2019-05-14")),
    ("The vote was held on 24/4/2019.", ("24/4/2019", "DATE", "2019-04-24")),
    ("Die Wahl war am 24.04.2019.", ("24.04.2019", "DATE", "2019-04-24")),
    ("Wednesday, 24 April 2019 07:35 GMT", ("Wednesday, 24 April 2019 07:35 GMT", "TIME", "2019-04-24T07:35")),
    ("The treaty was signed on March 3, 1998, in Lisbon.", ("March 3, 1998", "DATE", "1998-03-03")),
    ("Talks open on 2 May.", ("2 May", "DATE", "2019-05-02")),
    ("Talks began on April 12.", ("April 12", "DATE", "2019-04-12")),
    ("Polls close at 3 p.m. EDT.", ("3 p.m. EDT", "TIME", "2019-04-24T15:00")),
    ("The train left at 07:35 GMT.", ("07:35 GMT", "TIME", "2019-04-24T07:35")),
    ("They met at noon Tuesday.", ("noon Tuesday", "TIME", "2019-04-23T12:00")),
    ("Oil rose by 1430 GMT.", ("1430 GMT", "TIME", "2019-04-24T14:30")),
    ("It landed at 6:40 p.m. (GMT +8).", ("6:40 p.m. (GMT +8)", "TIME", "2019-04-24T18:40")),
    ("The siege lasted two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
    ("Net fell in the first quarter of last year.", ("the first quarter of last year", "DATE", "2018-Q1")),
    ("Crowds are due this weekend.", ("this weekend", "DATE", "2019-W17-WE")),
    ("April 24, 2019 / 7:35 AM", ("April 24, 2019 / 7:35 AM", "TIME", "2019-04-24T07:35")),
    ("Talks are set for the week of March 6.", ("the week of March 6", "DATE", "2019-W10")),
    ("Sales fell in July last year.", ("July last year", "DATE", "2018-07")),
    ("Net rose in this year's second quarter.", ("this year's second quarter", "DATE", "2019-Q2")),
    ("The plant reopened in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("Clinics shut at Thanksgiving 2018.", ("Thanksgiving 2018", "DATE", "2018-11-22")),
    # weekdays and days
    ("Mara Tellin resigned on Monday.", ("Monday", "DATE", "2019-04-22")),
    ("The council will vote on Friday.", ("Friday", "DATE", "2019-04-26")),
    ("The mayor spoke on Wednesday.", ("Wednesday", "DATE", "2019-04-24")),
    ("The mayor will speak on Wednesday.", ("Wednesday", "DATE", "2019-04-24")),
    ("Officials met last Thursday.", ("last Thursday", "DATE", "2019-04-18")),
    ("Officials meet next Monday.", ("next Monday", "DATE", "2019-04-29")),
    ("The fire started on Sunday night.", ("Sunday night", "DATE", "2019-04-21")),
    ("Shares fell yesterday.", ("yesterday", "DATE", "2019-04-23")),
    ("Shares fell today.", ("today", "DATE", "2019-04-24")),
    ("The verdict is due tomorrow.", ("tomorrow", "DATE", "2019-04-25")),
    ("Rain fell this morning.", ("this morning", "TIME", "2019-04-24TMO")),
    ("A blast was heard last night.", ("last night", "TIME", "2019-04-23TNI")),
    # weeks, months, years
    ("Prices rose last week.", ("last week", "DATE", "2019-W16")),
    ("Aides were seen earlier this week.", ("earlier this week", "DATE", "2019-W17")),
    ("Talks resume next week.", ("next week", "DATE", "2019-W18")),
    ("Sales dropped last month.", ("last month", "DATE", "2019-03")),
    ("Sales rose this year.", ("this year", "DATE", "2019")),
    ("Elections are due next year.", ("next year", "DATE", "2020")),
    ("The plant closed last year.", ("last year", "DATE", "2018")),
    ("The summit in February broke down.", ("February", "DATE", "2019-02")),
    ("The summit will be held in June.", ("June", "DATE", "2019-06")),
    ("The firm was founded in 1986.", ("1986", "DATE", "1986")),
    ("Fears about the year 2000 faded.", ("the year 2000", "DATE", "2000")),
    ("It was formed in June 2001.", ("June 2001", "DATE", "2001-06")),
    ("She left two days ago.", ("two days ago", "DATE", "2019-04-22")),
    ("The mill shut three years ago.", ("three years ago", "DATE", "2016")),
    ("The pact ends a year later.", ("a year later", "DATE", "2020")),
    # seasons, quarters, decades, centuries, holidays
    ("The bridge opens in summer 2020.", ("summer 2020", "DATE", "2020-SU")),
    ("The bridge opened last summer.", ("last summer", "DATE", "2018-SU")),
    ("Work starts this autumn.", ("this autumn", "DATE", "2019-FA")),
    ("Profit rose in the first quarter.", ("the first quarter", "DATE", "2019-Q1")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2018-Q3")),
    ("Profit rose in Q2 2018.", ("Q2 2018", "DATE", "2018-Q2")),
    ("Profit rose in the second half of 2017.", ("the second half of 2017", "DATE", "2017-H2")),
    ("Growth slowed in the 1990s.", ("the 1990s", "DATE", "199X")),
    ("It was built in the '80s.", ("the '80s", "DATE", "198X")),
    ("It was built in the 19th century.", ("the 19th century", "DATE", "18")),
    ("Shops shut on Christmas Day.", ("Christmas Day", "DATE", "2018-12-25")),
    # durations
    ("The strike lasted three months.", ("three months", "DURATION", "P3M")),
    ("In the last few months the lake rose.", ("the last few months", "DURATION", "PXM")),
    ("The trial took 14 days.", ("14 days", "DURATION", "P14D")),
    ("The flight took five hours.", ("five hours", "DURATION", "PT5H")),
    ("They waited for a decade.", ("a decade", "DURATION", "P10Y")),
    ("He signed a two-year contract.", ("two-year", "DURATION", "P2Y")),
    ("Talks dragged on for years.", ("years", "DURATION", "PXY")),
    ("It ended a decades-long feud.", ("decades-long", "DURATION", "PXY")),
    ("Profit may rise in coming quarters.", ("coming quarters", "DATE", "FUTURE_REF")),
    ("Prices rose in recent years.", ("recent years", "DATE", "PAST_REF")),
    ("It took half a year.", ("half a year", "DURATION", "P6M")),
    # sets
    ("The market opens every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("Buses run every day.", ("every day", "SET", "P1D")),
    ("The club meets on Tuesdays.", ("Tuesdays", "SET", "XXXX-WXX-2")),
    ("Flights leave on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
    ("The fair opens each July.", ("each July", "SET", "XXXX-07")),
    ("Prices are reviewed annually.", ("annually", "SET", "P1Y")),
    ("The board meets twice a year.", ("a year", "SET", "P1Y")),
    ("The plan saves $500 million a year.", ("a year", "SET", "P1Y")),
    ("He was jailed for a year.", ("a year", "DURATION", "P1Y")),
    # fuzzy
    ("Now the river is calm.", ("Now", "DATE", "PRESENT_REF")),
    ("The mill was recently sold.", ("recently", "DATE", "PAST_REF")),
    ("Ties may improve in the future.", ("the future", "DATE", "FUTURE_REF")),
    ("Such raids happened in the past.", ("the past", "DATE", "PAST_REF")),
    ("The firm is currently hiring.", ("currently", "DATE", "PRESENT_REF")),
]
EDGE_SENTENCES = [
    "Police said the raid took place last Friday.",
    "The audit ended on March 31.",
    "Sales rose in the year ended March 31.",
    "Markets shut until Friday\n\nSeptember 18, 2008",
]


@pytest.mark.parametrize("sentence, expected", KIND_CASES)
def test_kinds(sentence, expected):
    assert one(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He scored 1986 points and 10.35 percent.",
        "She may resign; troops march on.",
        "The 6-year-old girl and a 52-year-old man were hurt.",
        "It paid a quarterly dividend.",
        "The fall of the empire was swift.",
        "Three-quarters of the voters agreed.",
        "The company paid $1990 for it.",
        "He scored 1430 points at 6.43 on the index.",
        "Jan Novak spoke.",
        "Stocks fell for a second consecutive session.",
        "She told the Sunday Times about it.",
        "Install version 3.5.10 first.",
        "",
    ],
)
def test_not_time_expressions(sentence):
    assert [(t.text, t.value) for t in find_timexes(sentence, WED)] == []


@pytest.mark.parametrize(
    "anchor, sentence, value",
    [
        (date(2018, 1, 1), "Police said the raid took place last Friday.", "2017-12-29"),  # a Monday 1 January
        (date(2018, 1, 1), "Police said the raid took place on Friday.", "2017-12-29"),
        (date(2018, 1, 1), "Talks were held last week.", "2017-W52"),
        (date(2021, 1, 4), "Talks were held last week.", "2020-W53"),  # a 53-week year
        (date(2019, 12, 31), "Talks will be held next week.", "2020-W02"),  # 31 Dec 2019 is in 2020-W01
        (date(2019, 12, 31), "The shop opens tomorrow.", "2020-01-01"),
        (date(2019, 1, 2), "Sales slumped in December.", "2018-12"),
        (date(2019, 1, 2), "Sales slumped last month.", "2018-12"),
        (date(2019, 12, 30), "The law will take effect in January.", "2020-01"),
        (date(2020, 3, 1), "Sales rose yesterday.", "2020-02-29"),  # leap year
        (date(2021, 3, 1), "Sales rose yesterday.", "2021-02-28"),
        (date(2020, 2, 29), "Sales rose a year ago.", "2019"),
        (date(2020, 2, 29), "The audit ends a month later.", "2020-03"),
        (date(2019, 1, 15), "The storm hit on Dec. 30.", "2018-12-30"),
        (date(2019, 12, 20), "The talks will resume on Jan. 8.", "2020-01-08"),
        (date(2019, 10, 30), "The audit ended on March 31.", "2019-03-31"),
        (date(2019, 5, 6), "The clinic was attacked on Oct. 23.", "2018-10-23"),
        (date(2019, 10, 30), "The dividend is payable Dec. 7.", "2019-12-07"),
        (date(2019, 10, 24), "The vote on Friday, Jan. 3 was close.", "2020-01-03"),  # the weekday fits 2020
    ],
)
def test_calendar_edges(anchor, sentence, value):
    assert one(sentence, anchor)[2] == value


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Kovac will meet the envoy on Thursday.", "2019-04-25"),
        ("Kovac is expected to meet the envoy on Thursday.", "2019-04-25"),
        ("Kovac said on Thursday that talks had failed.", "2019-04-18"),
        ("Kovac met the envoy on Thursday.", "2019-04-18"),
        ("On Tuesday, the minister said the plan was dead.", "2019-04-23"),
        ("The minister is to visit Oslo on Tuesday.", "2019-04-30"),
        ("The ministry said it would publish the report on Friday.", "2019-04-26"),
    ],
)
def test_direction_from_tense_and_cues(sentence, value):
    assert one(sentence)[2] == value


def test_tense_hints_decide_irregular_verbs():
    sentence = "Petra Lind flew to Oslo on Friday."
    past = [(sentence.index("flew"), -1)]
    assert one(sentence, hints=past)[2] == "2019-04-19"


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Sales rose on Thursday.", "XXXX-XX-XX"),
        ("Sales rose last week.", "XXXX-WXX"),
        ("Sales rose last year.", "XXXX"),
        ("Sales rose in March.", "XXXX-03"),
        ("Sales rose on May 3.", "XXXX-05-03"),
        ("Sales rose in 1998.", "1998"),
        ("Sales rose three months ago.", "XXXX-XX"),
    ],
)
def test_without_anchor_values_stay_unanchored(sentence, value):
    assert one(sentence, anchor=None)[2] == value


def test_expressions_never_cross_a_blank_line():
    found = find_timexes("Markets stay shut until Friday\n\nSeptember 18, 2008", WED)
    assert [(t.text, t.value) for t in found] == [("Friday", "2019-04-26"), ("September 18, 2008", "2008-09-18")]


def test_the_next_day_follows_the_last_date_named():
    found = find_timexes("Police arrived on March 3. The next day, they left.", WED)
    assert [t.value for t in found] == ["2019-03-03", "2019-03-04"]
    assert one("He left the following morning.")[1:] == ("DATE", "2019-04-25")


def test_quarter_reference_carries_to_a_year_earlier():
    text = "Net income rose in the third quarter. A year earlier, it fell."
    values = [t.value for t in find_timexes(text, date(1995, 11, 2))]
    assert values == ["1995-Q3", "1994-Q3"]


def test_a_games_quarter_or_half_is_no_date():
    """A game's report: its quarters and halves are the game's; a company's quarter in the
    same story keeps its date, and one word of play alone does not make a game."""
    game = (
        "The Ridgebacks scored a touchdown in the fourth quarter, and their quarterback threw for 300 yards. "
        "They led at halftime and held on in the second half. A fourth-quarter field goal sealed it on Sunday."
    )
    assert [t.text for t in find_timexes(game, WED)] == ["Sunday"]
    club = "The club's NFL sponsor reported rebounds in sales. Its profit rose in the fourth quarter."
    assert [t.value for t in find_timexes(club, WED)] == ["2018-Q4"]
    alone = "Sales rebounds were strong. The second half will be calm."
    assert [t.value for t in find_timexes(alone, WED)] == ["2019-H2"]


@pytest.mark.parametrize(
    "d, unit, value",
    [
        (date(2019, 4, 24), "week", "2019-W17"),
        (date(2019, 4, 24), "quarter", "2019-Q2"),
        (date(2019, 1, 10), "season", "2018-WI"),
        (date(2019, 4, 24), "decade", "201X"),
        (None, "day", "XXXX-XX-XX"),
        (None, "month", "XXXX-XX"),
    ],
)
def test_calendar_writers(d, unit, value):
    assert cal.write(d, unit) == value


def test_add_months_clamps_to_month_end():
    assert cal.add_months(date(2019, 1, 31), 1) == date(2019, 2, 28)
    assert cal.add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)


def _context(text: str, anchor: date | None, nlp) -> StoryContext:
    layout = Layout(text=text, body=Field(text, 0, len(text)), paragraphs=(Field(text, 0, len(text)),))
    return StoryContext(layout=layout, doc=nlp(text), anchor=anchor)


def test_extractor_returns_records_with_ids_and_spans():
    text = "Ana Duran arrived on Tuesday and leaves next week."
    timexes = extract_timexes(_context(text, WED, spacy.blank("en")))
    assert [(t.id, t.text, t.value) for t in timexes] == [
        ("t1", "Tuesday", "2019-04-23"),
        ("t2", "next week", "2019-W18"),
    ]
    assert all(text[t.start : t.end] == t.text for t in timexes)


@pytest.mark.parametrize("text", ["", "\x00\x01 ??? 99:99 the the", "Tuesday" * 500, "31 February 2019"])
def test_extractor_never_raises(text):
    assert isinstance(extract_timexes(_context(text, None, spacy.blank("en"))), tuple)


def test_word_salad_never_raises():
    """Every rule's words shuffled into odd orders: handlers must cope with any match."""
    import random

    from dateline.time import words as W

    vocab = (
        list(W.MONTHS)
        + list(W.WEEKDAY_FULL)
        + list(W.UNITS)
        + list(W.NUMBERS)
        + list(W.FUZZY)
        + list(W.SETS)
        + list(W.SEASONS)
        + list(W.ORDINALS)
        + list(W.HOLIDAYS)
        + [
            "the",
            "last",
            "next",
            "ago",
            "earlier",
            "later",
            "of",
            "week",
            "1998",
            "31",
            "2:30",
            "p.m.",
            "GMT",
            "(EDT",
            "-",
            ",",
            "year-ago",
            "Q3",
            "1990s",
            "'80s",
            "5/14/99",
            "Jan.",
            "Monday",
            "Mondays",
            "Christmas",
            "Day",
            "fiscal",
            "half",
            "period",
            "that",
            "1/2",
        ]
    )
    rng = random.Random(7)
    for anchor in (WED, None, date(2020, 2, 29)):
        for _ in range(300):
            picks = (rng.choice(vocab) for _ in range(rng.randint(1, 12)))
            text = " ".join(w.capitalize() if rng.random() < 0.4 else w for w in picks)
            for t in find_timexes(text, anchor):
                assert text[t.start : t.end] == t.text and t.type in {"DATE", "TIME", "DURATION", "SET"}


def test_tense_hints_need_tags():
    assert tense_hints(spacy.blank("en")("He went home.")) == ()


def test_render_formats():
    from dateline.cli.times import render

    rows = [
        {
            "file": "a.txt",
            "anchor": "2019-04-24",
            "id": "t1",
            "start": 3,
            "end": 10,
            "type": "DATE",
            "value": "2019-04-23",
            "text": "Tuesday",
        }
    ]
    assert render(rows, "csv").splitlines() == [
        "file,anchor,id,start,end,type,value,text",
        "a.txt,2019-04-24,t1,3,10,DATE,2019-04-23,Tuesday",
    ]
    assert '"value": "2019-04-23"' in render(rows, "json")
    table = render(rows, "table").splitlines()
    assert table[0].split() == ["file", "anchor", "id", "start", "end", "type", "value", "text"]
    assert table[1].split()[-2:] == ["2019-04-23", "Tuesday"]


def test_times_command_reads_a_story_on_its_own_date(tmp_path):
    import typer
    from typer.testing import CliRunner

    from dateline.cli import times

    story = tmp_path / "story.txt"
    story.write_text(
        "OSLO, March 5 (Reuters) - Finance minister Ada Holm said on Monday that taxes will fall next year.\n",
        encoding="utf-8",
    )
    app = typer.Typer()
    times.register(app)
    app.command("noop")(lambda: None)
    result = CliRunner().invoke(app, ["times", str(story), "--format", "csv", "--anchor", "2019-03-05"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert any(line.endswith(",DATE,2019-03-04,Monday") for line in lines), lines
    assert any(line.endswith(",DATE,2020,next year") for line in lines), lines


def test_key_windows_find_what_the_whole_text_finds(monkeypatch):
    """The speed-ups (rules run only around their key words) must not change the result."""
    from dataclasses import replace

    from dateline.time import rules

    story = "\n".join(sentence for sentence, _ in KIND_CASES) + "\n\n" + " ".join(EDGE_SENTENCES)
    fast = find_timexes(story, WED)
    monkeypatch.setattr(rules, "RULES", tuple(replace(r, key=None, requires=()) for r in rules.RULES))
    assert find_timexes(story, WED) == fast
    assert len(fast) > 80


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the month next to the story's keeps the story's year whatever the tense
        ("Officials said supplies would be cut in May.", "2019-05"),
        ("The ministry said exports fell in March.", "2019-03"),
        # further away, the tense decides
        ("Officials said supplies were cut in June.", "2018-06"),
    ],
)
def test_month_next_to_the_storys(text, value):
    assert [t.value for t in find_timexes(text, WED) if t.text in ("May", "March", "June")] == [value]


def test_month_next_to_the_storys_across_the_new_year():
    assert [t.value for t in find_timexes("He said the plant would close in January.", date(2019, 12, 10))] == [
        "2020-01"
    ]
    assert [t.value for t in find_timexes("He said sales had fallen in December.", date(2019, 1, 8))] == ["2018-12"]


def test_a_month_dated_in_full_keeps_its_year_months_away():
    text = (
        "The jury met on Tuesday. She was shot on Sunday, Sept. 8, 2018, police said. "
        "She left home at 10:30 p.m. Sept. 8 and was found on Sept. 9. "
        "Sentencing is set for May 2. A vigil was held on April 20."
    )
    values = {t.text: t.value for t in find_timexes(text, WED)}
    assert values["10:30 p.m. Sept. 8"] == "2018-09-08T22:30"
    assert values["Sept. 9"] == "2018-09-09"
    assert values["May 2"] == "2019-05-02"  # near the story's date: the story's year
    assert values["April 20"] == "2019-04-20"


def test_a_time_word_inside_a_paper_or_show_name_is_no_time():
    """ "The Daily News", "NBC Nightly News", "The Sunday Times": names, not times."""
    import dateline

    story = (
        "The Daily News reported on Monday that NBC Nightly News ran the story daily, said Ana Ruiz, "
        "a columnist for The Sunday Times, on Sunday.\n"
    )
    got = [(t.text, t.value) for t in dateline.read(story, published="2031-05-07").timexes]
    assert got == [("Monday", "2031-05-05"), ("daily", "P1D"), ("Sunday", "2031-05-04")]
