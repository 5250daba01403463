"""Calendar arithmetic for the normaliser: shifting dates and writing TIMEX3 values.

Every writer takes ``None`` for "no anchor" and then writes the unanchored form
(``XXXX-XX-XX``, ``XXXX-WXX``...), so a story without a date never gets a wrong one.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the month's length (29 Feb -> 28 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, month, quarter, year, decade, century)."""
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend", "fortnight"):
        return d + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, n * months)


def day(d: date | None) -> str:
    return d.isoformat() if d else "XXXX-XX-XX"


def week(d: date | None) -> str:
    if d is None:
        return "XXXX-WXX"
    year, number, _ = d.isocalendar()
    return f"{year}-W{number:02d}"


def weekend(d: date | None) -> str:
    return week(d) + "-WE" if d else "XXXX-WXX-WE"


def month(d: date | None) -> str:
    return f"{d.year:04d}-{d.month:02d}" if d else "XXXX-XX"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(d: date | None) -> str:
    return f"{d.year:04d}-Q{quarter_of(d)}" if d else "XXXX-QX"


def half(d: date | None) -> str:
    return f"{d.year:04d}-H{1 if d.month <= 6 else 2}" if d else "XXXX-HX"


def year(d: date | None) -> str:
    return f"{d.year:04d}" if d else "XXXX"


def decade(d: date | None) -> str:
    return f"{d.year // 10:03d}X" if d else "XXXX"


def century(d: date | None) -> str:
    return f"{d.year // 100:02d}" if d else "XX"


def season(d: date | None) -> str:
    if d is None:
        return "XXXX-XX"
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    return f"{d.year - (1 if d.month < 3 else 0):04d}-{code}"


WRITERS = {
    "day": day,
    "night": day,
    "week": week,
    "weekend": weekend,
    "fortnight": week,
    "month": month,
    "quarter": quarter,
    "half": half,
    "year": year,
    "decade": decade,
    "century": century,
    "season": season,
}


def write(d: date | None, unit: str) -> str:
    """The TIMEX3 value of the ``unit`` that contains ``d``."""
    return WRITERS.get(unit, day)(d)


def nearest_weekday(anchor: date, weekday: int, direction: int, strict: bool = False) -> date:
    """The given ISO weekday seen from ``anchor``: the same day unless ``strict``, else the
    closest one before (direction < 0) or after it."""
    delta = weekday - anchor.isoweekday()
    if delta == 0 and not strict:
        return anchor
    if direction <= 0:
        return anchor - timedelta(days=(-delta) % 7 or 7)
    return anchor + timedelta(days=delta % 7 or 7)


def month_year(anchor: date, month_number: int, direction: int, strict: bool = False) -> int:
    """The year of a month named without one: the story's own month is this year's (unless
    ``strict``), as is the month next to it on either side; otherwise the closest such month
    before or after the anchor, or, with no direction (0), the nearest one, a past month
    winning ties."""
    if month_number == anchor.month and not strict:
        return anchor.year
    step = (month_number - anchor.month) % 12
    if not strict and step == 1:  # the month after the story's, whatever the tense: "said it
        return anchor.year + (month_number == 1)  # would cut supplies in September" in August
    if not strict and step == 11:  # the month before it
        return anchor.year - (month_number == 12)
    if direction == 0:
        gap = month_number - anchor.month
        return anchor.year - 1 if gap > 5 else anchor.year + 1 if gap < -6 else anchor.year
    if direction < 0:
        return anchor.year if month_number < anchor.month else anchor.year - 1
    return anchor.year if month_number > anchor.month else anchor.year + 1


def months_away(anchor: date, month_number: int, day_number: int = 1) -> float:
    """How far a day and month of the story's year lie from the story's date, in months."""
    this_year = valid_date(anchor.year, month_number, min(day_number, 28)) or anchor
    return abs((this_year - anchor).days) / 30.4


def day_month_year(
    anchor: date, month_number: int, day_number: int = 1, direction: Callable[[], int] | None = None
) -> int:
    """The year of a day and month named without one. The story's year when the date is
    within two months of the story's, or on the side the clause's tense says ("the year
    ended March 31" in an October story); a date months on the other side of its tense
    moves a year ("was shot on Oct. 23" in a May story); with no tense cue, the nearest."""
    this_year = valid_date(anchor.year, month_number, min(day_number, 28)) or anchor
    days = (this_year - anchor).days
    if abs(days) <= 60:
        return anchor.year
    way = direction() if direction is not None else 0
    if way < 0:
        return anchor.year if days < 0 else anchor.year - 1
    if way > 0:
        return anchor.year if days > 0 else anchor.year + 1
    return anchor.year - 1 if days > 183 else anchor.year + 1 if days < -183 else anchor.year


def season_year(anchor: date, code: str, direction: int, strict: bool = False) -> int:
    """The year of a season named without one (winter is written with the year it starts in)."""
    current = season(anchor)
    cur_year, cur_code = int(current[:4]), current[5:]
    order = ["SP", "SU", "FA", "WI"]  # winter last: it is written with the year it starts in
    if code == cur_code and not strict:
        return cur_year
    here = cur_year * 4 + order.index(cur_code)
    for step in range(1, 5):
        target = here - step if direction <= 0 else here + step
        if order[target % 4] == code:
            return target // 4
    return cur_year


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
