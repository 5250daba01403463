"""The handlers of the time rules: each turns one rule's match into a TIMEX3 (type, value).

A handler reads its match and the ``State`` (the text, the story's date, what the text has
named so far) and returns ``(type, value)``, or None to reject the match ("May" the verb,
"the Sunday Times"). Which pattern feeds which handler is the rule table in ``rules``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.time import calendar as cal
from dateline.time import words as W
from dateline.time.patterns import CLAUSE_BREAK, CUES

PAST, FUTURE = -1, 1


@dataclass
class State:
    """What the text has said so far: the last quarter named anchors "a year earlier"."""

    text: str
    anchor: date | None
    hints: Sequence[tuple[int, int]] = ()  # (char offset, PAST or FUTURE) from a tagger
    quarter: date | None = None
    year: int | None = None  # the last year named outright, for "that year", "the following year"
    last_date: date | None = None
    month_years: dict[int, int] = field(default_factory=dict)  # month -> year of the last full date in it
    _game: bool | None = None

    @property
    def game_story(self) -> bool:
        """The story reports a game: two or more different words of play ("touchdown",
        "halftime", "rebounds"), so its "fourth quarter" and "second half" are the game's."""
        if self._game is None:
            self._game = len({m.group().lower() for m in _GAME_WORDS.finditer(self.text)}) >= 2
        return self._game

    def direction(self, start: int, end: int) -> int:
        """Past (-1) or future (+1) for a bare expression, from the nearest tense cue in its
        clause; 0 when the clause has none."""
        lo, hi = _clause(self.text, start, end)
        best: tuple[float, int] | None = None
        for m in CUES.finditer(self.text, lo, hi):
            if start <= m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else 1.5 * (m.start() - end)
            dist *= 2 if m.group("w") else 1
            sign = FUTURE if m.group("f") else PAST
            if best is None or dist < best[0]:
                best = (dist, sign)
        for offset, sign in self.hints:
            if lo <= offset < hi and not start <= offset < end:
                dist = start - offset if offset < start else 1.5 * (offset - end)
                if best is None or dist < best[0]:
                    best = (dist, sign)
        return best[1] if best else 0


# Words of a game's report, never of a company's (seen in American football, basketball,
# soccer and ice hockey reports: docs/real-copy.md, session 10).
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field goals?|quarterbacks?|halftime|half-time|free throws?|three-pointers?|rebounds|"
    r"interceptions?|fumbles?|punts?|end zone|goalkeeper|penalty kicks?|power play|hat trick|innings|"
    r"(?:rushing|passing) yards|scored (?:a|the|his|her|their|two|three|\d+) (?:goals?|points|runs|baskets?|tries)|"
    r"NFL|NBA|NHL|WNBA|Super Bowl|playoff (?:game|berth|spot))\b",
    re.I,
)
# Words of a company's or an economy's period, in the sentence of a quarter or a half.
_ACCOUNTS = re.compile(
    r"\b(?:profits?|earnings|revenues?|sales|net|loss(?:es)?|shares?|dividends?|fiscal|results|dlrs|pct|"
    r"percent|output|growth|economy|GDP|income|orders|deliveries)\b|[$€£]",
    re.I,
)


def _game_period(m: re.Match, st: State) -> bool:
    """A game's "fourth quarter", "first half" or "final period": the story reports a game and
    no company's or economy's word shares the sentence."""
    if not st.game_story:
        return False
    lo = max(st.text.rfind(". ", 0, m.start()), st.text.rfind("\n", 0, m.start())) + 1
    hi = [i for i in (st.text.find(". ", m.end()), st.text.find("\n", m.end())) if i >= 0]
    return not _ACCOUNTS.search(st.text, lo, min(hi) if hi else len(st.text))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 200)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, lo, start)]
    lo = breaks[-1] if breaks else lo
    after = CLAUSE_BREAK.search(text, end, min(len(text), end + 200))
    return lo, after.start() if after else min(len(text), end + 200)


Result = tuple[str, str] | None
Handler = Callable[[re.Match, State], Result]


def _g(m: re.Match, name: str) -> str | None:
    value = m.groupdict().get(name)
    return value.lower().strip() if value else None


def _num(word: str | None) -> float | None:
    if word is None:
        return None
    word = word.lower().replace("-", " ").strip()
    if word.endswith(" 1/2") and word[:-4].strip().isdigit():
        return int(word[:-4]) + 0.5
    try:
        return float(word)
    except ValueError:
        pass
    if word in W.NUMBERS:
        return W.NUMBERS[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in W.NUMBERS and parts[1] in W.NUMBERS:
        return W.NUMBERS[parts[0]] + W.NUMBERS[parts[1]]
    return None


def _unit(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and word[:-1] in W.UNITS else word


def _month(word: str) -> int:
    return W.MONTHS[word.lower().rstrip(".")]


def _clock(text: str | None) -> str | None:
    """ "7:35", "3 p.m.", "noon" -> "07:35", "15:00", "12:00"."""
    if not text:
        return None
    t = text.lower().strip()
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00"
    m = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", t) or re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    meridiem = m.group(3) if m.lastindex and m.lastindex >= 3 else None
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _with_clock(day_value: str, m: re.Match) -> Result:
    clock = _clock(m.groupdict().get("clock"))
    return ("TIME", f"{day_value}T{clock}") if clock else ("DATE", day_value)


def _leading_int(word: str) -> int:
    """The number a matched "3rd" or "21st" starts with."""
    digits = re.match(r"\d+", word)
    if digits is None:
        raise ValueError(f"no leading digits in {word!r}")
    return int(digits.group())


def _two_digit_year(y: str) -> int:
    n = int(y.lstrip("'"))
    return n + (1900 if n >= 30 else 2000) if len(y.lstrip("'")) == 2 else n


# ---------------------------------------------------------------- handlers


def h_iso(m: re.Match, st: State) -> Result:
    d = cal.valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _with_clock(d.isoformat(), m) if d else None


def h_slash(m: re.Match, st: State) -> Result:
    """ "5/14/2019" is month first (American); "24/4/2019" and "24.04.2019" are day first."""
    first, second = int(m["m"]), int(m["d"])
    if m["sep"] == "." and len(m["y"]) != 4:
        return None  # "3.5.10" is a version or a score
    if m["sep"] == "." or first > 12:
        first, second = second, first
    d = cal.valid_date(_two_digit_year(m["y"]), first, second)
    return ("DATE", d.isoformat()) if d else None


def h_daymonth(m: re.Match, st: State) -> Result:
    month, day = _month(m["m"]), _leading_int(m["d"])
    if m["y"]:
        year = st.year = st.month_years[month] = int(m["y"])
    elif st.anchor:
        year = _year_of_day_month(m, st, month, day)
        year = _year_of_weekday(m.groupdict().get("wd"), year, month, day)
    else:
        return _with_clock(f"XXXX-{month:02d}-{day:02d}", m)
    d = cal.valid_date(year, month, day)
    if d is None:
        return None
    st.last_date = d
    return _with_clock(d.isoformat(), m)


def _year_of_day_month(m: re.Match, st: State, month: int, day: int) -> int:
    """The year of a day and month named without one, on the story's date. Months away from
    it, a month the story has already dated in full keeps that year ("shot on Sunday, April 8,
    2012 ... left home at 10:30 p.m. April 8" in a 2013 story); near it, the story's year."""
    assert st.anchor is not None
    if month in st.month_years and cal.months_away(st.anchor, month, day) > 2:
        return st.month_years[month]
    return cal.day_month_year(st.anchor, month, day, lambda: st.direction(m.start(), m.end()))


def _year_of_weekday(weekday: str | None, year: int, month: int, day: int) -> int:
    """A named weekday settles the year of "Friday, Jan. 3": the guess or a neighbour that fits."""
    if not weekday:
        return year
    number = W.WEEKDAYS[weekday.lower().rstrip(".")]
    for candidate in (year, year - 1, year + 1):
        d = cal.valid_date(candidate, month, day)
        if d and d.isoweekday() == number:
            return candidate
    return year


def h_weekof(m: re.Match, st: State) -> Result:
    result = h_daymonth(m, st)
    if result is None or result[1].startswith("X"):
        return ("DATE", "XXXX-WXX") if result else None
    return "DATE", cal.week(date.fromisoformat(result[1][:10]))


def _relday(rel: str, st: State) -> tuple[date | None, str | None]:
    offsets = {
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "tonight": 0,
        "last night": -1,
        "overnight": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    part = "NI" if rel in ("tonight", "last night", "overnight") else None
    return (st.anchor + timedelta(days=offsets[rel]) if st.anchor else None), part


def _weekday_date(wd: str, st: State, start: int, end: int, mod: str | None = None) -> date | None:
    if st.anchor is None:
        return None
    number = W.WEEKDAYS[wd.lower().rstrip(".")]
    if mod in ("last", "past", "previous", "this past"):
        return cal.nearest_weekday(st.anchor, number, PAST, strict=True)
    if mod in ("next", "coming", "this coming"):
        return cal.nearest_weekday(st.anchor, number, FUTURE, strict=True)
    return cal.nearest_weekday(st.anchor, number, st.direction(start, end))


def h_clock_date(m: re.Match, st: State) -> Result:
    if re.fullmatch(r"\d{1,2}\.\d\d", m["clock"]):
        return None  # "6.43, on Friday" is an index move
    clock = _clock(m["clock"])
    if m["rel"]:
        d, _ = _relday(m["rel"].lower(), st)
    elif m["wd"]:
        d = _weekday_date(m["wd"], st, m.start(), m.end())
    else:
        month = _month(m["m"])
        day = _leading_int(m["d"])
        year = _year_of_day_month(m, st, month, day) if st.anchor else None
        d = cal.valid_date(year, month, day) if year else None
    return "TIME", f"{cal.day(d)}T{clock}"


def h_clock(m: re.Match, st: State) -> Result:
    raw = m["clock"].lower()
    if re.fullmatch(r"\d{1,2}[.:]\d\d", raw) and not m["zone"] and ":" not in raw:
        return None  # "10.35" is a number unless a zone or "a.m." says otherwise
    if re.fullmatch(r"\d{1,2}[.:]\d\d", raw) and not m["zone"]:
        before = st.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(at|by|until|from|since|before|after|about|around)\s*$", before):
            return None  # "3:2" scores and ratios; a bare clock needs a preposition or zone
    return "TIME", f"{cal.day(st.anchor)}T{_clock(raw)}"


_FULL_MONTHS = frozenset(name for name, number in W.MONTHS.items() if len(name) > 4 or name in ("may", "june", "july"))
_MAY_CONTEXT = re.compile(
    r"\b(in|since|by|until|of|from|through|during|to|before|after|between|and|"
    r"early|late|mid|last|next|this|or|till|as of)\s*-?$",
    re.IGNORECASE,
)


def h_month(m: re.Match, st: State) -> Result:
    month, mod = _month(m["m"]), _g(m, "mod")
    word = m["m"].lower().rstrip(".")
    if word not in _FULL_MONTHS and not m["m"].endswith(".") and not m["y"]:
        return None  # "Jan" alone is a name; "Jan." or "Jan 2019" is a month
    if word in ("may", "march") and not m["y"] and not mod:
        if not _MAY_CONTEXT.search(st.text[max(0, m.start() - 12) : m.start()]):
            return None
    if m["y"]:
        st.year = int(m["y"])
        return "DATE", f"{int(m['y']):04d}-{month:02d}"
    if st.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    if m["yrel"]:
        return "DATE", f"{st.anchor.year + {'last': -1, 'this': 0, 'next': 1}[m['yrel'].lower()]:04d}-{month:02d}"
    if mod in ("last", "past", "this past"):
        year = cal.month_year(st.anchor, month, PAST, strict=True)
    elif mod in ("next", "coming"):
        year = cal.month_year(st.anchor, month, FUTURE, strict=True)
    elif mod == "this":
        year = st.anchor.year
    else:
        year = cal.month_year(st.anchor, month, st.direction(m.start(), m.end()))
    return "DATE", f"{year:04d}-{month:02d}"


def h_weekday(m: re.Match, st: State) -> Result:
    if (
        re.search(r"\bthe\s+$", st.text[max(0, m.start() - 5) : m.start()])
        and re.match(r" [A-Z][a-z]", st.text[m.end() : m.end() + 3])
        and not m["part"]
    ):
        return None  # "the Sunday Times", "the Monday Club": a name
    d = _weekday_date(m["wd"], st, m.start(), m.end(), _g(m, "mod"))
    if d:
        st.last_date = d
    return "DATE", cal.day(d)  # "Friday night": TimeBank mostly writes the day alone


def h_weekdays(m: re.Match, st: State) -> Result:
    if m["wd1"]:
        part = W.DAY_PARTS[m["parts"].lower()[:-1]]
        return "SET", f"XXXX-WXX-{W.WEEKDAYS[m['wd1'].lower()]}T{part}"
    return "SET", f"XXXX-WXX-{W.WEEKDAYS[m['wd'].lower()[:-1]]}"


def h_relday(m: re.Match, st: State) -> Result:
    d, part = _relday(m["rel"].lower(), st)
    part = W.DAY_PARTS[m["part"].lower()] if m["part"] else part
    return ("TIME", f"{cal.day(d)}T{part}") if part else ("DATE", cal.day(d))


def h_dayafter(m: re.Match, st: State) -> Result:
    """ "the next day", "the previous evening": a day beside the last date named (the story's
    own date when none was); a part of the day is written as the day, as for "Friday night"."""
    base = st.last_date or st.anchor
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(_g(m, "mod") or "", 0)
    return "DATE", cal.day(base + timedelta(days=step) if base else None)


def h_thispart(m: re.Match, st: State) -> Result:
    if m.group(0).lower().startswith("the") and not re.search(
        r"\b(in|on|during|by|until|this)\s*$", st.text[max(0, m.start() - 8) : m.start()]
    ):
        return None
    return "TIME", f"{cal.day(st.anchor)}T{W.DAY_PARTS[m['part'].lower()]}"


def h_midpart(m: re.Match, st: State) -> Result:
    return "TIME", f"{cal.day(st.anchor)}T{W.DAY_PARTS[m['part'].lower()]}"


_BACK_MODS = ("last", "past", "the past", "previous", "the previous", "prior", "the prior")
_NEXT_MODS = ("next", "the next", "coming", "the coming", "the following")
_REF_MODS = ("the", "the latest", "latest", "the same", "the year-earlier", "year-earlier", "the year-ago", "year-ago")


def _quarter_value(mod: str, unit: str, st: State) -> Result:
    """Quarters and fiscal periods: financial news reports the last completed one."""
    if st.anchor is None:
        return "DATE", "XXXX-QX" if unit != "half" else "XXXX-HX"
    step = 3 if unit != "half" else 6
    current = date(st.anchor.year, (st.anchor.month - 1) // step * step + 1, 1)
    reference = st.quarter or cal.add_months(current, -step)
    if mod in ("this", "the current", "current"):
        d = current
    elif mod in ("the latest", "latest", "the recent", "recent"):
        d = cal.add_months(current, -step)
    elif mod in _NEXT_MODS:
        d = cal.add_months(current, step)
    elif mod in _BACK_MODS:
        d = cal.add_months(reference if st.quarter else current, -step)
    elif "year" in mod:
        d = cal.add_months(reference, -12)
    elif mod in _REF_MODS:
        d = reference
    else:
        return None
    return "DATE", cal.half(d) if unit == "half" else cal.quarter(d)


_PERIOD_MODS = (
    "the latest",
    "latest",
    "the same",
    "the year-earlier",
    "the year-ago",
    "year-earlier",
    "year-ago",
    "the prior",
)


def h_relunit(m: re.Match, st: State) -> Result:
    """ "last week", "earlier this month", "next year", "the latest quarter", "that year"."""
    mod, unit = " ".join(m["mod"].lower().split()), m["u"].lower()
    if unit in ("quarter", "half", "period"):
        if unit == "period" and mod not in _PERIOD_MODS:
            return None
        return _quarter_value(mod, "half" if unit == "half" else "quarter", st)
    if unit == "season" or mod == "the" and unit not in ("year", "week", "month", "weekend"):
        return None
    if mod in ("the past", "past") and unit in ("decade", "century"):
        return "DURATION", "P10Y" if unit == "decade" else "P100Y"
    if unit == "year":
        special = _relative_year(mod, m, st)
        if special:
            return special
    elif "year-" in mod:
        return None
    if st.anchor is None:
        return "DATE", cal.write(None, unit)
    if unit == "weekend":
        return "DATE", _weekend(st.anchor, mod, st, m.start(), m.end())
    return "DATE", cal.write(cal.shift(st.anchor, unit, _step(mod)), unit)


def _step(mod: str) -> int:
    """How many units from the story's date a modifier points: "last" -1, "later this" 0."""
    if mod.startswith(("earlier", "later", "early", "late", "at the", "end of", "the end of")):
        return {"last": -1, "next": 1}.get(mod.split()[-1], 0)
    if mod in _BACK_MODS:
        return -1
    return 1 if mod in _NEXT_MODS else 0


def _relative_year(mod: str, m: re.Match, st: State) -> Result:
    """Years read from a reference rather than the story's date: "year-earlier", "that year",
    "the following year"; and "the year ended Sept. 30", a fiscal year's length."""
    if "year-" in mod:
        return "DATE", cal.year(cal.add_years(st.anchor, -1) if st.anchor else None)
    if "that" in mod or mod in ("the following", "the previous", "the prior", "the same"):
        base = st.year or (st.anchor.year if st.anchor else None)
        if base is None:
            return "DATE", "XXXX"
        return "DATE", str(base + {"the following": 1, "the previous": -1, "the prior": -1}.get(mod, 0))
    if mod == "the" and re.match(r"\s+(?:ended|ending|to|through)\b", st.text[m.end() : m.end() + 9]):
        return "DURATION", "P1Y"
    return None


def _weekend(anchor: date, mod: str, st: State, start: int, end: int) -> str:
    saturday = cal.nearest_weekday(anchor, 6, PAST)
    if mod in _NEXT_MODS:
        return cal.weekend(saturday + timedelta(days=7))
    if mod in _BACK_MODS:
        return cal.weekend(saturday if anchor.isoweekday() < 6 else saturday - timedelta(days=7))
    if anchor.isoweekday() >= 6 or mod in ("this", "this coming"):
        return cal.weekend(anchor)  # the weekend of the story's own ISO week
    direction = st.direction(start, end)
    return cal.weekend(saturday if direction != FUTURE else saturday + timedelta(days=7))


def h_ago(m: re.Match, st: State) -> Result:
    unit = _unit(m["u"])
    way = m["dir"].lower()
    sign = FUTURE if way in ("later", "after", "from now", "hence") else PAST
    n = _num(m["n"])
    if m["vague"] or n is None or n != int(n):
        return "DATE", "PAST_REF" if sign == PAST else "FUTURE_REF"
    if unit == "year" and n == 1 and st.quarter and way in ("earlier", "ago", "before"):
        return "DATE", cal.quarter(cal.add_months(st.quarter, -12))
    if st.anchor is None:
        return "DATE", cal.write(None, unit)
    if unit in W.TIME_UNITS:
        return "DATE", cal.day(st.anchor)
    d = cal.shift(st.anchor, unit, int(n) * sign)
    return "DATE", cal.write(d, unit)


_RELATIVE_ORDINALS = ("latest", "current", "same", "previous", "prior", "recent", "comparable", "last", "final")


def h_quarter(m: re.Match, st: State) -> Result:
    """ "the third quarter", "third-quarter", "this year's second quarter", "the 1988 period"."""
    ordinal, unit = _g(m, "ord"), _g(m, "u")
    year_word, year_rel, year_ago = m["y"] or m["y0"], _g(m, "yrel") or _g(m, "yrel2"), _g(m, "ya")
    if not (year_word or year_rel or year_ago) and _game_period(m, st):
        return None  # "a fourth-quarter touchdown": a game's period, no date
    number = W.ORDINALS.get(ordinal) if ordinal else None
    if ordinal in ("last", "final") and not (year_word or year_rel):
        number = None
    elif ordinal in ("last", "final") and unit == "half":
        number = 2
    if number is None:
        if ordinal is None and not (year_word or year_rel or year_ago):
            return None
        if ordinal is not None and ordinal not in _RELATIVE_ORDINALS:
            return None
        if ordinal is not None and not (year_word or year_rel or year_ago):  # (a None ordinal returned above)
            mod = "last" if ordinal in ("last", "final") else ordinal if ordinal == "current" else "the " + ordinal
            return _quarter_value(mod, "half" if unit == "half" else "quarter", st)
        if unit == "half":
            return None
        if not st.quarter:
            year = _quarter_year(st, m, 1, "Q", year_word, year_rel, year_ago)
            return "DATE", f"{year or 'XXXX'}-QX"
        number = cal.quarter_of(st.quarter)
    if number > (2 if unit == "half" else 4):
        return None
    letter = "H" if unit == "half" else "Q"
    year = _quarter_year(st, m, number, letter, year_word, year_rel, year_ago)
    value = f"{year}-{letter}{number}" if year else f"XXXX-{letter}{number}"
    if letter == "Q" and year and not year_ago:
        st.quarter = date(year, 3 * number - 2, 1)
    return "DATE", value


def _quarter_year(
    st: State, m: re.Match, number: int, letter: str, year_word: str | None, year_rel: str | None, year_ago: str | None
) -> int | None:
    if year_word:
        return int(year_word)
    if st.anchor is None:
        return None
    if year_rel:
        return st.anchor.year + {"this": 0, "last": -1, "next": 1}[year_rel]
    if year_ago:
        return (st.quarter.year if st.quarter else st.anchor.year) - 1
    current = cal.quarter_of(st.anchor) if letter == "Q" else (1 if st.anchor.month <= 6 else 2)
    if number <= current or st.direction(m.start(), m.end()) == FUTURE:
        return st.anchor.year
    return st.anchor.year - 1


def h_yearago(m: re.Match, st: State) -> Result:
    """ "year-earlier", "year-ago": the quarter a year before the one in talk, else last year."""
    if m["w"].lower() == "year-end":
        return "DATE", f"{st.anchor.year:04d}-12-31" if st.anchor else "XXXX-12-31"
    if st.quarter:
        return "DATE", cal.quarter(cal.add_months(st.quarter, -12))
    return "DATE", cal.year(cal.add_years(st.anchor, -1) if st.anchor else None)


def h_qcode(m: re.Match, st: State) -> Result:
    year = m["y"] or (str(st.anchor.year) if st.anchor else "XXXX")
    return "DATE", f"{year}-{m['q'].upper()}"


_DURATION_LETTERS = {"second": "TS", "minute": "TM", "hour": "TH"}


def _duration(n: float | None, unit: str) -> str:
    """ "P3M", "PT5H30M"; "PXY" for some years (``n`` None)."""
    letter, scale = W.UNITS[unit], 1
    if unit == "decade":
        letter, scale = "Y", 10
    elif unit in ("century", "centurie"):
        letter, scale = "Y", 100
    elif unit == "fortnight":
        letter, scale = "W", 2
    elif unit == "night":
        letter = "D"
    elif unit == "quarter" and n is not None:
        letter, scale = "M", 3
    prefix = "PT" if unit in W.TIME_UNITS else "P"
    if n is None:
        return f"{prefix}X{letter}"
    amount = n * scale
    halves = {"Y": "6M", "D": "T12H", "H": "30M", "M": "2W"}
    if amount != int(amount) and amount % 1 == 0.5 and letter in halves:
        whole = f"{int(amount)}{letter}" if amount >= 1 else ""
        return f"{prefix}{whole}{halves[letter]}"
    shown: float = int(amount) if amount == int(amount) else amount
    return f"{prefix}{shown}{letter}"


_RATE = re.compile(
    r"(?:\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?))(?:[\w$,.%]*[\w$%])?"
    r"(?:\s+(?:of\s+)?[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)


def h_duration(m: re.Match, st: State) -> Result:
    unit = _unit(m["u"])
    if unit not in W.UNITS:
        return None
    n = None if m["vague"] else _num(m["n"])
    if n is None and not m["vague"]:
        return None
    if n is not None and m["half"]:
        n += 0.5
    if (m["n"] or "").lower() in ("a", "an", "one") and m["u"].lower() != unit:
        return None  # "a decades-long feud": the article belongs to the noun
    if (
        unit == "second"
        and (m["n"] or "").lower() in ("a", "the")
        and not re.match(r"\s*(?:[,.;)]|$|later|earlier|ago|before|after|or|and)", st.text[m.end() : m.end() + 8])
    ):
        return None  # "a second day", "the second time": an ordinal
    if n is not None and n >= 1000 or _g(m, "long") == "old":
        return None  # "1988 second", ages ("a 6-year-old")
    if unit == "quarter" and (re.search(r"\w-quarter", m.group(0)) or st.text.startswith(" of", m.end())):
        return None  # "three-quarters of", "four-quarter average": fractions, not durations
    if m["n"] and m["n"].lower() in ("a", "an") and m.group(0)[:2].lower() in ("a ", "an"):
        before = st.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"\b(times|twice|once)\s*$", before):
            return None  # "twice a year" is a frequency
        if not m["pre"] and _RATE.search(st.text, max(0, m.start() - 30), m.start()):
            return "SET", _duration(1, unit)  # "$5 million a year", "24 hours a day": a rate
    return "DURATION", _duration(n, unit)


def h_bareunits(m: re.Match, st: State) -> Result:
    """ "for years" is a duration; "recent years", "coming months" point at the past or future."""
    pre = " ".join((m["pre"] or "").lower().split())
    if pre in ("recent", "past", "the past", "the last"):
        return "DATE", "PAST_REF"
    if pre in ("coming", "the coming", "next", "the next", "future"):
        return "DATE", "FUTURE_REF"
    return "DURATION", _duration(None, _unit(m["u"]))


def h_unitlong(m: re.Match, st: State) -> Result:
    """ "decades-long" (some decades), "day-long" (one day)."""
    word = m["u"].lower()
    unit = _unit(word)
    if unit not in W.UNITS:
        return None
    return "DURATION", _duration(None if word != unit else 1, unit)


def h_season(m: re.Match, st: State) -> Result:
    code, mod = W.SEASONS[m["s"].lower()], _g(m, "mod")
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if mod is None:
        return None
    after = st.text[m.end() : m.end() + 4].lower()
    if mod == "the" and (
        after.startswith(" of")
        or not re.search(r"\b(in|during|this|by|until|over)\s+$", st.text[max(0, m.start() - 9) : m.start()])
    ):
        return None  # "the fall of the empire"
    if st.anchor is None:
        return "DATE", f"XXXX-{code}"
    if mod == "this":
        year = st.anchor.year
    elif mod in ("last", "past", "this past"):
        year = cal.season_year(st.anchor, code, PAST, strict=True)
    elif mod in ("next", "coming"):
        year = cal.season_year(st.anchor, code, FUTURE, strict=True)
    else:
        year = cal.season_year(st.anchor, code, st.direction(m.start(), m.end()))
    return "DATE", f"{year}-{code}"


def h_decade(m: re.Match, st: State) -> Result:
    raw = m["dec"].lower()
    if raw.startswith("'"):
        year = _two_digit_year(raw[:-1])
    else:
        year = int(raw[:-1])
    return "DATE", f"{year // 10:03d}X"


def h_century(m: re.Match, st: State) -> Result:
    words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
    raw = m["ord"].lower()
    number = words.get(raw) or _leading_int(raw)
    return "DATE", f"{number - 1:02d}"


_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|number|flight|route|room|page|pages|article|section|chapter|"
    r"model|item|highway|interstate|channel|boeing|airbus|of|to|at|mph|"
    r"about|some|nearly|over|under|than|and)\.?|[$#\u00a3\u20ac])\s*$",
    re.IGNORECASE,
)
_YEAR_CUE_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|from|through|during|before|after|for|early|late|mid|"
    r"fiscal|calendar|the|and|to|between|year|'s|summer|spring|autumn|fall|winter|"
    r"season|as of|circa)\s*-?$",
    re.IGNORECASE,
)


def h_year(m: re.Match, st: State) -> Result:
    year = int(m["y"])
    st.year = year
    before = st.text[max(0, m.start() - 14) : m.start()]
    if not m["mod"]:
        if _NOT_YEAR_BEFORE.search(before) and not _YEAR_CUE_BEFORE.search(before[-6:]):
            return None
        after = st.text[m.end() : m.end() + 12].lower()
        if re.match(
            r"\s*(?:people|persons|men|women|troops|soldiers|cars|units|shares|votes|times|jobs|"
            r"feet|meters|metres|miles|km|tons|tonnes|acres|seats|rounds|points|yards|barrels)\b",
            after,
        ):
            return None
    return "DATE", f"{year:04d}"


def h_set(m: re.Match, st: State) -> Result:
    every = m["every"].lower()
    if every in ("a", "per"):
        before = st.text[max(0, m.start() - 14) : m.start()].lower()
        if every == "a" and not re.search(r"\b(times|twice|once|thrice)\s*$", before):
            return None
    n = _num(m["n"]) if m["n"] else 1
    if m["other"] and m["other"].lower() == "other":
        n = 2
    if m["wd"]:
        return "SET", f"XXXX-WXX-{W.WEEKDAYS[m['wd'].lower()]}"
    if m["m"]:
        return "SET", f"XXXX-{_month(m['m']):02d}"
    unit = _unit(m["u"])
    if unit in W.DAY_PARTS:
        return "SET", f"XXXX-XX-XXT{W.DAY_PARTS[unit]}"
    if unit in W.SEASONS:
        return "SET", f"XXXX-{W.SEASONS[unit]}"
    if unit not in W.UNITS or n is None:
        return None
    return "SET", _duration(n, unit)


_FUNCTION_WORDS = re.compile(
    r"\s+(?:and|or|but|to|in|on|at|for|by|from|with|since|until|as|than|"
    r"through|during|over|after|before|the|a|an|is|are|was|were)\b"
)


def h_setword(m: re.Match, st: State) -> Result:
    after = st.text[m.end() : m.end() + 12]
    if re.match(r"\s+[a-z]", after) and not _FUNCTION_WORDS.match(after):
        return None  # "a quarterly dividend": an adjective, not a frequency
    return "SET", W.SETS[m["w"].lower()]


def h_fuzzy(m: re.Match, st: State) -> Result:
    word = " ".join(m["w"].lower().split())
    if word in ("current", "future") and not re.match(r"\s+[a-z]", st.text[m.end() : m.end() + 3]):
        return None  # "the current" must qualify something
    return "DATE", W.FUZZY[word]


def _holiday_date(name: str, year: int) -> date:
    if name in W.HOLIDAYS:
        month_day = W.HOLIDAYS[name]
        return date(year, int(month_day[:2]), int(month_day[3:]))
    month, weekday, nth = W.FLOATING_HOLIDAYS[name]
    first = date(year, month, 1)
    if nth > 0:
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = cal.add_months(first, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def h_holiday(m: re.Match, st: State) -> Result:
    name, mod = " ".join(m["h"].lower().split()), _g(m, "mod")
    if m["y"]:
        return "DATE", _holiday_date(name, int(m["y"])).isoformat()
    if st.anchor is None:
        return "DATE", "XXXX-XX-XX"
    way = {"last": PAST, "next": FUTURE}.get(mod or "") or st.direction(m.start(), m.end())
    this_year = _holiday_date(name, st.anchor.year)
    if this_year == st.anchor:
        return "DATE", this_year.isoformat()
    if way == PAST and this_year > st.anchor or way == 0 and (this_year - st.anchor).days > 182:
        return "DATE", _holiday_date(name, st.anchor.year - 1).isoformat()
    if way == FUTURE and this_year < st.anchor or way == 0 and (st.anchor - this_year).days > 182:
        return "DATE", _holiday_date(name, st.anchor.year + 1).isoformat()
    return "DATE", this_year.isoformat()


def h_decade_word(m: re.Match, st: State) -> Result:
    return "DATE", f"19{W.DECADE_WORDS[m['dec'].lower()]}X"


def h_spoken_year(m: re.Match, st: State) -> Result:
    if m["tens"]:
        year = int(1900 + W.NUMBERS[m["tens"].lower()] + (W.NUMBERS[m["ones"].lower()] if m["ones"] else 0))
    else:
        year = int(2000 + (W.NUMBERS[m["ones2"].lower()] if m["ones2"] else 0))
    st.year = year
    return "DATE", str(year)
