"""The time rules, in one ordered table: a new rule joins here, with its handler in ``handlers``.

Each rule is a pattern (built from the word lists in ``words`` through the pieces in
``patterns``), the handler that writes its TIMEX3 value, and two speed-ups that never change
what it finds: a ``key`` (the rule runs only in windows of characters around the key's
matches, merged; the margins exceed any match's reach from its key, with room for the
patterns' look-aheads) and ``requires`` (the rule is skipped unless one of these strings is in
the lower-cased text). The table's order is the priority: where two rules match the same
longest span, the earlier one wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.time import words as W
from dateline.time.handlers import (
    Handler,
    h_ago,
    h_bareunits,
    h_century,
    h_clock,
    h_clock_date,
    h_dayafter,
    h_daymonth,
    h_decade,
    h_decade_word,
    h_duration,
    h_fuzzy,
    h_holiday,
    h_iso,
    h_midpart,
    h_month,
    h_qcode,
    h_quarter,
    h_relday,
    h_relunit,
    h_season,
    h_set,
    h_setword,
    h_slash,
    h_spoken_year,
    h_thispart,
    h_unitlong,
    h_weekday,
    h_weekdays,
    h_weekof,
    h_year,
    h_yearago,
)
from dateline.time.patterns import (
    CLOCK,
    DATE_TAIL,
    DAYNUM,
    MONTH,
    NUM,
    ONES,
    ORD,
    PART,
    SEASON,
    TEENS_AND_TENS,
    UNIT,
    VAGUE,
    WEEKDAY,
    WEEKDAY_ANY,
    WEEKDAY_PLURAL,
    YEAR4,
    ZONE,
    alt,
)


@dataclass(frozen=True)
class Key:
    """Where a rule can match: within ``before`` characters before and ``after`` characters
    after a match of ``pattern`` (case-insensitive)."""

    pattern: str
    before: int
    after: int
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, re.IGNORECASE))


@dataclass(frozen=True)
class Rule:
    """One time rule: its name, its pattern (case-insensitive unless it says ``(?-i:``), the
    handler that turns a match into (type, value) or rejects it, and its speed-ups."""

    name: str
    handler: Handler
    pattern: str
    key: Key | None = None  # None: the rule scans the whole text
    requires: tuple[str, ...] = ()  # lower-case strings, one of which must be in the text
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, re.IGNORECASE))


_CLOCK_KEY = r"\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\d{4}\s*[A-Z]|noon|midnight|midday"
_UNIT_KEY = r"\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni)"

RULES: tuple[Rule, ...] = (
    Rule(
        "iso",
        h_iso,
        r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<clock>[0-2]\d:[0-5]\d)(?::\d\d)?)?\b",
        requires=("-",),
    ),
    Rule(
        "slash",
        h_slash,
        r"(?<![\d/.])(?P<m>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])(?P<d>3[01]|[12]\d|0?[1-9])(?P=sep)"
        r"(?P<y>\d{4}|\d{2})\b(?![/]|\.\d)",
        requires=("/", "."),
    ),
    Rule(
        "dmy",
        h_daymonth,
        rf"\b(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<m>{MONTH}),?"
        rf"(?:\s+(?P<y>{YEAR4}))?{DATE_TAIL}",
        key=Key(MONTH, 60, 90),
    ),
    Rule(
        "mdy",
        h_daymonth,
        rf"\b(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?"
        rf"{DATE_TAIL}",
        key=Key(MONTH, 60, 90),
    ),
    Rule(
        "clock_date",
        h_clock_date,
        rf"(?:\b(?:at|about|around)\s+)?(?P<clock>{CLOCK})(?:\s*(?P<zone>{ZONE}))?,?\s+"
        rf"(?:(?P<rel>yesterday|today|tomorrow)|(?:on\s+)?(?P<wd>{WEEKDAY})|(?P<m>{MONTH})\s+(?P<d>{DAYNUM}))",
        key=Key(_CLOCK_KEY, 40, 90),
    ),
    Rule(
        "clock",
        h_clock,
        rf"(?:\b(?:at|about|around)\s+)?(?<![\w$.,])(?P<clock>{CLOCK})(?![\w-])(?:\s*(?P<zone>{ZONE}))?",
        key=Key(_CLOCK_KEY, 40, 90),
    ),
    Rule(
        "month",
        h_month,
        rf"\b(?:(?P<mod>early|late|mid|the end of|the beginning of|the middle of|the start of|"
        rf"last|next|this|this past|past|coming)[\s-]+)?(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|"
        rf"\s+(?P<yrel>last|this|next) year\b)?",
        key=Key(MONTH, 60, 60),
    ),
    Rule(
        "weekday",
        h_weekday,
        rf"\b(?:(?P<mod>last|next|this|this past|this coming|coming|past|previous)\s+|"
        rf"(?:earlier|later|early|late)(?:\s+on)?\s+)?"
        rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        key=Key(WEEKDAY, 40, 40),
    ),
    Rule(
        "weekdays",
        h_weekdays,
        rf"\b(?:on\s+)?(?:(?P<wd>{WEEKDAY_PLURAL})|(?P<wd1>{WEEKDAY})\s+(?P<parts>mornings|afternoons|evenings|nights))",
        requires=("days", "mornings", "afternoons", "evenings", "nights"),
    ),
    Rule(
        "relday",
        h_relday,
        r"\b(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>the day before yesterday|the day after tomorrow|"
        rf"yesterday|today|tomorrow|tonight|last night|overnight)(?:\s+(?P<part>{PART}))?\b",
        key=Key(r"yesterday|today|tomorrow|tonight|night", 40, 40),
    ),
    Rule(
        "dayafter",
        h_dayafter,
        r"\b(?:the\s+)?(?P<mod>next|previous|following|same|preceding|prior)\s+"
        r"(?P<u>day|morning|afternoon|evening|night)\b(?!-)",
    ),
    Rule(
        "thispart",
        h_thispart,
        r"\b(?:(?:later|earlier)\s+)?(?:this|that|the)\s+(?P<part>morning|afternoon|evening)\b",
        requires=("morning", "afternoon", "evening"),
    ),
    Rule("midpart", h_midpart, r"\bmid-?\s?(?P<part>morning|afternoon)\b", requires=("morning", "afternoon")),
    Rule(
        "weekof",
        h_weekof,
        rf"\b(?:the\s+)?week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?",
        requires=("week of",),
    ),
    Rule(
        "relunit",
        h_relunit,
        r"\b(?P<mod>(?:earlier|later|early|late)\s+(?:this|that|last|next)|that|the same|at the (?:end|start|beginning) of "
        r"(?:this|last|next|the)|(?:the\s+)?end of (?:this|last|next|the)|last|this|next|the past|past|"
        r"the coming|coming|the next|previous|the previous|the following|the current|current|"
        r"the same|the prior|prior|the latest|latest|the year-earlier|year-earlier|the year-ago|year-ago|"
        r"the full|full|the)\s+(?:fiscal\s+|calendar\s+)?"
        r"(?P<u>week|weekend|month|year|quarter|decade|century|season|period|half)\b(?!-)",
        key=Key(_UNIT_KEY, 90, 40),
    ),
    Rule(
        "ago",
        h_ago,
        rf"\b(?:(?P<approx>about|some|nearly|almost|more than|less than|roughly|around|over)\s+)?"
        rf"(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))[\s-]+(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|"
        rf"from now|hence|previously|back)\b",
        key=Key(r"\b(?:ago|earlier|later|from now|hence|previously|back)\b", 90, 40),
        requires=("ago", "earlier", "later", "from now", "hence", "previously", "back"),
    ),
    Rule(
        "quarter",
        h_quarter,
        rf"\b(?:(?:the|its|their)\s+)?(?:fiscal[\s-]+)?(?:(?P<yrel>this|last|next) year's\s+|(?P<y0>{YEAR4})\s+|"
        rf"(?P<ya>year-earlier|year-ago|comparable year-ago|comparable year-earlier)\s+)?"
        rf"(?:(?P<ord>{ORD}|latest|current|same|previous|prior|recent|comparable)[\s-]+)?"
        rf"(?:fiscal[\s-]+)?(?P<u>quarter|half|period)\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR4})|"
        rf"\s+(?:of\s+)?(?P<yrel2>last|this|next) year\b)?",
        key=Key(r"quarter|\bhalf|\bperiod", 90, 60),
        requires=("quarter", "half", "period"),
    ),
    Rule("qcode", h_qcode, rf"\b(?P<q>Q[1-4])(?:\s*(?P<y>{YEAR4}))?\b", requires=("q1", "q2", "q3", "q4")),
    Rule(
        "duration",
        h_duration,
        rf"\b(?:(?P<pre>the\s+(?:past|last|next|coming|first|previous|final|latest|following|remaining|"
        rf"recent|prior|preceding|ensuing|initial)|past|last|next|first|coming|another|the|an?|"
        rf"(?:more than|less than|about|some|nearly|almost|over|under|up to|at least|roughly|around|"
        rf"only|just)(?:\s+(?:a|an|the))?)\s+)?"
        rf"(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))(?:[\s-]+(?:(?P<half>and\s+a\s+half)|more|full|straight|consecutive|"
        rf"successive|long))?[\s-]+(?P<u>{UNIT})(?:[\s-]+(?P<long>long|old))?",
        key=Key(_UNIT_KEY, 90, 40),
    ),
    Rule(
        "bareunits",
        h_bareunits,
        r"\b(?:(?P<pre>for|in|over|within|recent|the past|the last|the coming|coming|past|"
        r"the next|next|future)\s+)(?P<u>years|months|weeks|"
        r"days|decades|hours|minutes|centuries|quarters)\b",
        key=Key(_UNIT_KEY, 90, 40),
    ),
    Rule("unitlong", h_unitlong, rf"\b(?P<u>{UNIT})-long\b"),
    Rule("yearago", h_yearago, r"\b(?P<w>year-earlier|year-ago|year-end)\b", requires=("year-",)),
    Rule(
        "season",
        h_season,
        rf"\b(?:(?P<mod>last|this|next|early|late|the|this past|past|coming|mid)[\s-]+)?(?P<s>{SEASON})\b"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?",
        requires=tuple(W.SEASONS),
    ),
    Rule(
        "decade",
        h_decade,
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0s|'\d0s)(?!\w)",
        requires=("0s",),
    ),
    Rule(
        "decade_word",
        h_decade_word,
        rf"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>{alt(W.DECADE_WORDS)})\b",
        requires=tuple(W.DECADE_WORDS),
    ),
    Rule(
        "spoken_year",
        h_spoken_year,
        rf"\b(?:the\s+year\s+)?(?:nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?P<tens>{alt(TEENS_AND_TENS)})"
        rf"(?:[\s-](?P<ones>{alt(ONES)}))?|two\s+thousand(?:\s+and\s+(?P<ones2>{alt(ONES)}))?)\b(?![\s-]+{UNIT})",
        requires=("nineteen", "thousand"),
    ),
    Rule(
        "century",
        h_century,
        rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alt(['nineteenth', 'twentieth', 'twenty-first', 'eighteenth'])})"
        rf"[\s-]+century\b",
        requires=("century",),
    ),
    Rule(
        "year",
        h_year,
        rf"(?<![$\d.,/#-])\b(?:(?P<mod>the year|fiscal|calendar|FY|early|late|mid|mid-|the end of|the beginning of|"
        rf"the middle of|the start of)[\s-]?)?(?P<y>{YEAR4})(?:-(?P<y2>\d\d)\b)?(?![,.]\d|-\d|\s?(?:percent|%|million|"
        rf"billion))",
        key=Key(r"\d+|noon|midnight|midday", 40, 90),
    ),
    Rule(
        "set",
        h_set,
        rf"\b(?P<every>every|each|per|a)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>{NUM})\s+)?"
        rf"(?:(?P<wd>{WEEKDAY})|(?P<m>{MONTH})|(?P<u>(?:day|week|month|year|quarter|hour|minute|morning|night|evening|"
        rf"weekend|summer|winter|spring|autumn|fall)s?)\b)",
        key=Key(r"\b(?:every|each|per|times|twice|once|thrice)\b", 10, 70),
    ),
    Rule("setword", h_setword, rf"\b(?P<w>{alt(W.SETS)})\b", requires=tuple(W.SETS)),
    Rule("fuzzy", h_fuzzy, rf"\b(?P<w>{alt(W.FUZZY_ALONE)})\b", requires=tuple({w.split()[-1] for w in W.FUZZY_ALONE})),
    Rule(
        "holiday",
        h_holiday,
        rf"\b(?:(?P<mod>last|next|this)\s+)?(?P<h>{alt(list(W.HOLIDAYS) + list(W.FLOATING_HOLIDAYS), True)})"
        rf"(?:\s+(?P<y>{YEAR4}))?",
        requires=tuple({h.split()[0].split("'")[0] for h in (*W.HOLIDAYS, *W.FLOATING_HOLIDAYS)}),
    ),
)
