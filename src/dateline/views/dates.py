"""Dates and datelines as a reader says them ("4 March 2031", "LISBON, Portugal, 4 March"), for
the pages and the data they are built from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from dateline.render.digest import dateline_label


def dateline_line(record: Mapping[str, Any]) -> str:
    """Where and when the story says it was filed: "LISBON, Portugal, 4 March 2031"."""
    d = record.get("dateline") or {}
    where = dateline_label({**d, "country": country_name(d.get("country"))}, full=False)
    return ", ".join(filter(None, [where, readable_date(d.get("date"))]))


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A two-letter country code as its common English name (pycountry); unknown codes as given."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return (getattr(country, "common_name", None) or country.name) if country else code


def readable_date(value: str | None) -> str:
    """A date, timestamp or TIMEX3 value as a reader says it: "4 March 2031" (time kept as
    "10:00 UTC"), "4 March" when the year is unknown, "week 10 of 1987", "Q1 1987", "2 weeks",
    "now"; what is not known ("XXXX-XX-XX") or not understood stays as given."""
    if not value:
        return ""
    if value in _REFS:
        return _REFS[value]
    for pattern, say in _READABLE:
        match = pattern.match(value)
        if match:
            return say(match) or value
    return value


def _day(m: re.Match) -> str | None:
    year, month, day, clock, zone = m.groups()
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return None
    text = " ".join(
        filter(
            None,
            [
                str(int(day)) if day and day.isdigit() else None,
                _MONTHS[int(month) - 1],
                None if year == "XXXX" else year,
            ],
        )
    )
    if clock in _PARTS_OF_DAY:
        return f"{text}, {_PARTS_OF_DAY[clock]}"
    if clock:
        text += f", {clock}" + (" UTC" if zone in ("Z", "+00:00") else f" {zone}" if zone else "")
    return text


def _duration(m: re.Match) -> str:
    n, unit = int(m.group(2)), _UNITS[(m.group(1), m.group(3))]
    return f"{n} {unit}{'' if n == 1 else 's'}"


_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_UNITS = {
    ("", "Y"): "year",
    ("", "M"): "month",
    ("", "W"): "week",
    ("", "D"): "day",
    ("T", "H"): "hour",
    ("T", "M"): "minute",
    ("T", "S"): "second",
    ("", "DE"): "decade",
    ("", "CE"): "century",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# (TIMEX3 or ISO 8601 shape, how to say it), tried in order.
_READABLE = (
    (
        re.compile(
            r"^(\d{4}|XXXX)-(\d{2})(?:-(\d{2}|XX))?"
            r"(?:T(MO|AF|EV|NI|DT|\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"
        ),
        _day,
    ),
    (re.compile(r"^(\d{4})-W(\d{2})$"), lambda m: f"week {int(m.group(2))} of {m.group(1)}"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda m: f"Q{m.group(2)} {m.group(1)}"),
    (re.compile(r"^(\d{4})-H([12])$"), lambda m: f"H{m.group(2)} {m.group(1)}"),
    (
        re.compile(r"^P(T?)(\d+)(Y|M|W|D|H|S|DE|CE)$"),
        lambda m: _duration(m) if (m.group(1), m.group(3)) in _UNITS else None,
    ),
)
