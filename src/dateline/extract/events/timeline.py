"""The story's timeline: events in time order, each placed before, on or after the story's day.

TIMEX3 values are read as date ranges ("2019", "2019-02", "2019-W16", "2019-04-24T07:35"),
so a year sorts before a month in it and a week lands on its Monday to Sunday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.record import Article, Event

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_REF = {"PAST_REF": "past", "PRESENT_REF": "today", "FUTURE_REF": "planned"}


@dataclass(frozen=True, slots=True)
class Entry:
    event: Event
    value: str | None  # the TIMEX3 value of its date
    start: date | None
    end: date | None
    relation: str  # past | today | planned | undated (relative to the story's day)
    repeats: tuple[Event, ...] = ()  # later mentions of the same happening (``same_as`` this one)


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day a TIMEX3 value covers, or None for durations, sets and references."""
    try:
        if m := _DAY.match(value):
            d = date(*map(int, m.groups()))
            return d, d
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return date(y, mo, 1), nxt - timedelta(days=1)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def relation(value: str | None, anchor: date | None, modality: str) -> str:
    span = date_range(value) if value else None
    if span is None or anchor is None:
        return "planned" if modality == "planned" else _REF.get(value or "", "undated")
    if span[1] < anchor:
        return "past"
    if span[0] > anchor or modality == "planned":
        return "planned"
    return "today"


def timeline(article: Article, everything: bool = False) -> list[Entry]:
    """The article's events in time order; undated ones last, in story order. Unless
    ``everything``, each happening is listed once (no ``same_as`` repeats) and statements
    (type "say") are left out: the timeline is of what happened, not of who said it."""
    values = {t.id: t.value for t in article.timexes}
    anchor = _anchor(article)
    repeats: dict[str, list[Event]] = {}
    for event in article.events:
        if event.same_as:
            repeats.setdefault(event.same_as, []).append(event)
    entries = []
    for event in article.events:
        if not everything and (event.same_as or event.type == "say"):
            continue
        value = values.get(event.when) if event.when else None
        span = date_range(value) if value else None
        entries.append(
            Entry(
                event,
                value,
                span[0] if span else None,
                span[1] if span else None,
                relation(value, anchor, event.modality),
                tuple(repeats.get(event.id, ())),
            )
        )
    order = {"past": 0, "today": 1, "planned": 2, "undated": 3}
    return sorted(
        entries,
        key=lambda e: (
            e.start is None,
            e.start or date.min,
            -(e.end or date.min).toordinal(),
            order[e.relation],
            e.event.trigger.start,
        ),
    )


def _anchor(article: Article) -> date | None:
    for value in (article.dateline.date, (article.published or "")[:10]):
        try:
            if value:
                return date.fromisoformat(value)
        except ValueError:
            continue
    return None


def timeline_rows(article: Article, everything: bool = False) -> list[dict]:
    """The timeline as plain rows with names instead of ids, for the CLI and the digest.
    A ``*`` after a date or place marks it inferred rather than stated beside the trigger."""
    names = {e.id: e.name for e in article.entities}
    rows = []
    for entry in timeline(article, everything):
        ev = entry.event
        group = (ev, *entry.repeats)  # a happening told several times: the parties of all its mentions
        who = list(ev.who) or list(dict.fromkeys(i for e in group for i in e.who))
        with_ = [i for i in dict.fromkeys(i for e in group for i in (*e.who, *e.with_)) if i not in who]
        where = next((e for e in group if e.where), ev)
        rows.append(
            {
                "date": (entry.value or "") + ("*" if "when" in ev.inferred else ""),
                "relation": entry.relation,
                "type": ev.type,
                "cameo": ev.cameo,
                "who": [names.get(i, i) for i in who],
                "with": [names.get(i, i) for i in with_],
                "where": (names.get(where.where, where.where) + ("*" if "where" in where.inferred else ""))
                if where.where
                else None,
                "modality": ev.modality,
                "trigger": ev.trigger.text,
                "start": ev.trigger.start,
                "id": ev.id,
                "same_as": ev.same_as,
            }
        )
    return rows
