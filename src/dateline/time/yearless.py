"""Time expressions of a story whose own day is known without its year ("CHICAGO, March 30 -"
on a story with no timestamp): values keep TIMEX3's ``XXXX`` where the year would be.

The story's month and day are a real anchor for day arithmetic ("yesterday" is XXXX-03-29)
and months ("next month" is XXXX-04). A weekday cannot be placed without the year, so it
keeps TIMEX3's weekday form (``XXXX-WXX-5``), as does a week number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from dateline.time.normalise import TimexMatch, find_timexes
from dateline.time.words import WEEKDAYS

# A leap year no news story names, standing in for the unknown year while resolving.
PROXY_YEAR = 1604
_PROXY = re.compile(r"^(?:1603|1604|1605)(?=-|$)")
_WEEK = re.compile(r"^XXXX-W\d\d")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b", re.I)


def find_timexes_yearless(text: str, month: int, day: int, hints: Sequence[tuple[int, int]] = ()) -> list[TimexMatch]:
    """``find_timexes`` anchored on a month and day of an unknown year."""
    found = find_timexes(text, date(PROXY_YEAR, month, day), hints)
    return [replace(t, value=_unknown_year(t)) for t in found]


def _unknown_year(t: TimexMatch) -> str:
    value = _PROXY.sub("XXXX", t.value)
    if value.startswith("XXXX-W"):
        return _WEEK.sub("XXXX-WXX", value)
    weekday = _WEEKDAY_WORD.search(t.text)
    if weekday and t.type == "DATE" and re.fullmatch(r"XXXX-\d\d-\d\d", value):
        return f"XXXX-WXX-{WEEKDAYS[weekday.group(1).lower()]}"
    return value
