"""Word lists and pattern pieces for time expressions, kept as data.

Regular-expression fragments here are joined into the recogniser's patterns in
``dateline.time.patterns``; the mappings give the normaliser its numbers.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
# Abbreviated weekdays are only read with a following full stop or comma and a date.
WEEKDAY_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

NUMBERS: dict[str, float] = {  # "half a" is 0.5
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
    "single": 1, "couple": 2, "a couple of": 2, "a couple": 2, "couple of": 2,
}
# Quantities that say "some number of": TimeML writes them with X (P3M vs PXM).
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "numerous", "countless")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "final": 4, "last": 4,
}

# Duration units and their TIMEX3 letters; time units live after the "T" in a duration.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})

# Words that name the present, the past or the future without a date.
FUZZY: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    "the coming": "FUTURE_REF", "eventually": "FUTURE_REF", "later": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the distant future": "FUTURE_REF", "the distant past": "PAST_REF",
}
# Of the fuzzy words, those a TimeML annotator tags on their own (the rest only inside a phrase:
# "soon", "future" and "recent" are mostly left untagged in TimeBank).
FUZZY_ALONE = ("now", "currently", "current", "nowadays", "these days", "at present",
               "recently", "lately", "the past", "the future",
               "the present", "at the moment", "the near future", "the near term", "the short term",
               "the long term", "the distant future", "the distant past")

# Parts of the day: TIMEX3 codes after the date.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "12:00", "midnight": "24:00", "dawn": "MO",
}

# Time zones as offsets from UTC in hours; GMT/UTC are written as the plain time.
ZONES: dict[str, int] = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "ist": 5, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "aest": 10, "aedt": 11,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "et": -5, "ct": -6, "pt": -8,
}

# Holidays on the n-th (or last: -1) given ISO weekday of a month.
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

SETS: dict[str, str] = {  # adverbs of frequency
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M",
    "semiannually": "P6M", "fortnightly": "P2W",
}

HOLIDAYS: dict[str, str] = {  # fixed-date holidays: month-day
    "christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24", "new year's day": "01-01",
    "new year's eve": "12-31", "new year": "01-01", "valentine's day": "02-14", "halloween": "10-31",
    "independence day": "07-04", "bastille day": "07-14", "may day": "05-01", "boxing day": "12-26",
    "veterans day": "11-11", "armistice day": "11-11",
}

# Cues that put a bare weekday or month ahead of the story's date (searched in the clause).
FUTURE_CUES = (
    r"will", r"won't", r"wo n't", r"'ll", r"shall", r"going to", r"gonna", r"is to", r"are to", r"due to",
    r"scheduled", r"expected", r"expects?", r"set to", r"plans? to", r"planned to", r"planning", r"intends?",
    r"hopes? to", r"aims? to", r"next", r"upcoming", r"would", r"to be held", r"as soon as", r"as early as",
    r"until", r"to meet", r"to visit", r"to vote", r"to hold", r"to begin", r"to start", r"to open", r"to take place",
)
PAST_CUES = (
    r"said", r"says", r"told", r"was", r"were", r"had", r"did", r"announced", r"reported",
    r"last", r"ago", r"earlier",
)
# Any other "-ed" word: often a past verb, but also a participle or adjective ("unspecified"),
# so it counts as a weaker cue (its distance is doubled).
WEAK_PAST_CUE = r"[a-z]{2,}ed"
