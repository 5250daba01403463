"""The pieces the time rules' patterns are built from (months, weekdays, clocks, numbers,
units), made once from the word lists in ``words``; and the tense cues of a clause.

The rules themselves are the table in ``rules``. Month and weekday names must be
capitalised ("May", "March", "Sun" are also words).
"""

from __future__ import annotations

import re

from dateline.time import words as W


def alt(options, cased: bool = False) -> str:
    """An alternation, longest first; ``cased`` keeps it case-sensitive with capital initials."""
    opts = sorted(set(options), key=len, reverse=True)
    if cased:
        forms = {o.capitalize() for o in opts} | {o.title() for o in opts} | {o.upper() for o in opts}
        return "(?-i:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
    return "(?:" + "|".join(re.escape(o) for o in opts) + ")"


_LONG_MONTHS = [m for m in W.MONTHS if (len(m) > 3 and m != "sept") or m == "may"]
_ABBR_MONTHS = [m for m in W.MONTHS if m not in _LONG_MONTHS]
MONTH = rf"(?:{alt(_LONG_MONTHS, True)}\b|{alt(_ABBR_MONTHS, True)}(?:\.|\b))"
WEEKDAY = rf"(?:{alt(W.WEEKDAY_FULL, True)}\b)"
WEEKDAY_PLURAL = rf"(?:{alt(W.WEEKDAY_FULL, True)}(?-i:s)\b)"
WEEKDAY_ANY = rf"(?:{WEEKDAY}|{alt([w for w in W.WEEKDAYS if w not in W.WEEKDAY_FULL], True)}\.?)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
YEAR = rf"(?:{YEAR4}|'\d\d(?!\d))"
AMPM = r"(?:[ap]\.\s?m\.?|[ap]m\b)"
_ZONE_NAMES = "|".join(sorted((z.upper() for z in W.ZONES if len(z) > 1), key=len, reverse=True))
ZONE = rf"(?-i:\((?:{_ZONE_NAMES})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\)|(?:{_ZONE_NAMES})\b(?:\s*[+-]\d{{1,2}}(?::?\d\d)?)?)"
# "1430 GMT": wire services write the 24-hour clock without a colon, always with a zone.
CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*{AMPM})?|(?:1[0-2]|0?[1-9])\s*{AMPM}|noon|midnight|midday|"
    rf"(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?-i:{_ZONE_NAMES})\b))"
)
NUM = rf"(?:\d+\s+1/2|\d+(?:\.\d+)?|{alt(k for k in W.NUMBERS if ' ' not in k or k.startswith(('a ', 'half', 'couple')))}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)"
VAGUE = alt(W.VAGUE_NUMBERS)
UNIT = rf"(?:{alt(W.UNITS)}s?)\b"
SEASON = alt(W.SEASONS)
PART = r"(?:morning|afternoon|evening|night)"
ORD = alt(W.ORDINALS)
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS_AND_TENS = [w for w, n in W.NUMBERS.items() if " " not in w and 10 <= n <= 90 and w != "dozen"]

DATE_TAIL = rf"(?:(?:,?\s+|\s*/\s*)(?:at\s+|about\s+|around\s+)?(?P<clock>{CLOCK})(?:\s*(?P<zone>{ZONE}))?)?"


_FUT = "|".join(W.FUTURE_CUES)
_PAST = "|".join(W.PAST_CUES)
CUES = re.compile(rf"\b(?:(?P<f>{_FUT})|(?P<p>{_PAST})|(?P<w>{W.WEAK_PAST_CUE}))\b")
CLAUSE_BREAK = re.compile(r"[.;!?\n]\s|\n|\"|\u201c|\u201d|``|''")
