"""The recogniser's regular expressions, built once from the word lists in ``words``.

Each rule is a name and a compiled pattern; the normaliser has one handler per name.
Month and weekday names must be capitalised ("May", "March", "Sun" are also words).
"""
from __future__ import annotations

import re

from dateline.time import words as W


def _alt(options, cased: bool = False) -> str:
    """An alternation, longest first; ``cased`` keeps it case-sensitive with capital initials."""
    opts = sorted(set(options), key=len, reverse=True)
    if cased:
        forms = {o.capitalize() for o in opts} | {o.title() for o in opts} | {o.upper() for o in opts}
        return "(?-i:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
    return "(?:" + "|".join(re.escape(o) for o in opts) + ")"


_LONG_MONTHS = [m for m in W.MONTHS if (len(m) > 3 and m != "sept") or m == "may"]
_ABBR_MONTHS = [m for m in W.MONTHS if m not in _LONG_MONTHS]
MONTH = rf"(?:{_alt(_LONG_MONTHS, True)}\b|{_alt(_ABBR_MONTHS, True)}(?:\.|\b))"
WEEKDAY = rf"(?:{_alt(W.WEEKDAY_FULL, True)}\b)"
WEEKDAY_PLURAL = rf"(?:{_alt(W.WEEKDAY_FULL, True)}(?-i:s)\b)"
WEEKDAY_ANY = rf"(?:{WEEKDAY}|{_alt([w for w in W.WEEKDAYS if w not in W.WEEKDAY_FULL], True)}\.?)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
YEAR = rf"(?:{YEAR4}|'\d\d(?!\d))"
AMPM = r"(?:[ap]\.\s?m\.?|[ap]m\b)"
_ZONE_NAMES = "|".join(sorted((z.upper() for z in W.ZONES if len(z) > 1), key=len, reverse=True))
ZONE = rf"(?-i:\((?:{_ZONE_NAMES})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\)|(?:{_ZONE_NAMES})\b(?:\s*[+-]\d{{1,2}}(?::?\d\d)?)?)"
# "1430 GMT": wire services write the 24-hour clock without a colon, always with a zone.
CLOCK = (rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*{AMPM})?|(?:1[0-2]|0?[1-9])\s*{AMPM}|noon|midnight|midday|"
         rf"(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?-i:{_ZONE_NAMES})\b))")
NUM = rf"(?:\d+\s+1/2|\d+(?:\.\d+)?|{_alt(k for k in W.NUMBERS if ' ' not in k or k.startswith(('a ', 'half', 'couple')))}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)"
VAGUE = _alt(W.VAGUE_NUMBERS)
UNIT = rf"(?:{_alt(W.UNITS)}s?)\b"
SEASON = _alt(W.SEASONS)
PART = r"(?:morning|afternoon|evening|night)"
ORD = _alt(W.ORDINALS)
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS_AND_TENS = [w for w, n in W.NUMBERS.items() if " " not in w and 10 <= n <= 90 and w != "dozen"]

DATE_TAIL = rf"(?:(?:,?\s+|\s*/\s*)(?:at\s+|about\s+|around\s+)?(?P<clock>{CLOCK})(?:\s*(?P<zone>{ZONE}))?)?"

RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<clock>[0-2]\d:[0-5]\d)(?::\d\d)?)?\b"),
    ("slash", r"(?<![\d/.])(?P<m>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])(?P<d>3[01]|[12]\d|0?[1-9])(?P=sep)"
              r"(?P<y>\d{4}|\d{2})\b(?![/]|\.\d)"),
    ("dmy", rf"\b(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<m>{MONTH}),?"
            rf"(?:\s+(?P<y>{YEAR4}))?{DATE_TAIL}"),
    ("mdy", rf"\b(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?"
            rf"{DATE_TAIL}"),
    ("clock_date", rf"(?:\b(?:at|about|around)\s+)?(?P<clock>{CLOCK})(?:\s*(?P<zone>{ZONE}))?,?\s+"
                   rf"(?:(?P<rel>yesterday|today|tomorrow)|(?:on\s+)?(?P<wd>{WEEKDAY})|(?P<m>{MONTH})\s+(?P<d>{DAYNUM}))"),
    ("clock", rf"(?:\b(?:at|about|around)\s+)?(?<![\w$.,])(?P<clock>{CLOCK})(?![\w-])(?:\s*(?P<zone>{ZONE}))?"),
    ("month", rf"\b(?:(?P<mod>early|late|mid|the end of|the beginning of|the middle of|the start of|"
              rf"last|next|this|this past|past|coming)[\s-]+)?(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|"
              rf"\s+(?P<yrel>last|this|next) year\b)?"),
    ("weekday", rf"\b(?:(?P<mod>last|next|this|this past|this coming|coming|past|previous)\s+|"
                rf"(?:earlier|later|early|late)(?:\s+on)?\s+)?"
                rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"),
    ("weekdays", rf"\b(?:on\s+)?(?:(?P<wd>{WEEKDAY_PLURAL})|(?P<wd1>{WEEKDAY})\s+(?P<parts>mornings|afternoons|evenings|nights))"),
    ("relday", r"\b(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>the day before yesterday|the day after tomorrow|"
               rf"yesterday|today|tomorrow|tonight|last night|overnight)(?:\s+(?P<part>{PART}))?\b"),
    ("dayafter", r"\b(?:the\s+)?(?P<mod>next|previous|following|same|preceding|prior)\s+"
                 r"(?P<u>day|morning|afternoon|evening|night)\b(?!-)"),
    ("thispart", rf"\b(?:(?:later|earlier)\s+)?(?:this|that|the)\s+(?P<part>morning|afternoon|evening)\b"),
    ("midpart", r"\bmid-?\s?(?P<part>morning|afternoon)\b"),
    ("weekof", rf"\b(?:the\s+)?week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?"),
    ("relunit", rf"\b(?P<mod>(?:earlier|later|early|late)\s+(?:this|that|last|next)|that|the same|at the (?:end|start|beginning) of "
                rf"(?:this|last|next|the)|(?:the\s+)?end of (?:this|last|next|the)|last|this|next|the past|past|"
                rf"the coming|coming|the next|previous|the previous|the following|the current|current|"
                rf"the same|the prior|prior|the latest|latest|the year-earlier|year-earlier|the year-ago|year-ago|"
                rf"the full|full|the)\s+(?:fiscal\s+|calendar\s+)?"
                rf"(?P<u>week|weekend|month|year|quarter|decade|century|season|period|half)\b(?!-)"),
    ("ago", rf"\b(?:(?P<approx>about|some|nearly|almost|more than|less than|roughly|around|over)\s+)?"
            rf"(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))[\s-]+(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|"
            rf"from now|hence|previously|back)\b"),
    ("quarter", rf"\b(?:(?:the|its|their)\s+)?(?:fiscal[\s-]+)?(?:(?P<yrel>this|last|next) year's\s+|(?P<y0>{YEAR4})\s+|"
                rf"(?P<ya>year-earlier|year-ago|comparable year-ago|comparable year-earlier)\s+)?"
                rf"(?:(?P<ord>{ORD}|latest|current|same|previous|prior|recent|comparable)[\s-]+)?"
                rf"(?:fiscal[\s-]+)?(?P<u>quarter|half|period)\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR4})|"
                rf"\s+(?:of\s+)?(?P<yrel2>last|this|next) year\b)?"),
    ("qcode", rf"\b(?P<q>Q[1-4])(?:\s*(?P<y>{YEAR4}))?\b"),
    ("duration", rf"\b(?:(?P<pre>the\s+(?:past|last|next|coming|first|previous|final|latest|following|remaining|"
                 rf"recent|prior|preceding|ensuing|initial)|past|last|next|first|coming|another|the|an?|"
                 rf"(?:more than|less than|about|some|nearly|almost|over|under|up to|at least|roughly|around|"
                 rf"only|just)(?:\s+(?:a|an|the))?)\s+)?"
                 rf"(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))(?:[\s-]+(?:(?P<half>and\s+a\s+half)|more|full|straight|consecutive|"
                 rf"successive|long))?[\s-]+(?P<u>{UNIT})(?:[\s-]+(?P<long>long|old))?"),
    ("bareunits", rf"\b(?:(?P<pre>for|in|over|within|recent|the past|the last|the coming|coming|past|"
                  rf"the next|next|future)\s+)(?P<u>years|months|weeks|"
                  rf"days|decades|hours|minutes|centuries|quarters)\b"),
    ("unitlong", rf"\b(?P<u>{UNIT})-long\b"),
    ("yearago", r"\b(?P<w>year-earlier|year-ago|year-end)\b"),
    ("season", rf"\b(?:(?P<mod>last|this|next|early|late|the|this past|past|coming|mid)[\s-]+)?(?P<s>{SEASON})\b"
               rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?"),
    ("decade", rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0s|'\d0s)(?!\w)"),
    ("decade_word", rf"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>{_alt(W.DECADE_WORDS)})\b"),
    ("spoken_year", rf"\b(?:the\s+year\s+)?(?:nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?P<tens>{_alt(_TEENS_AND_TENS)})"
                    rf"(?:[\s-](?P<ones>{_alt(_ONES)}))?|two\s+thousand(?:\s+and\s+(?P<ones2>{_alt(_ONES)}))?)\b(?![\s-]+{UNIT})"),
    ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(['nineteenth', 'twentieth', 'twenty-first', 'eighteenth'])})"
                rf"[\s-]+century\b"),
    ("year", rf"(?<![$\d.,/#-])\b(?:(?P<mod>the year|fiscal|calendar|FY|early|late|mid|mid-|the end of|the beginning of|"
             rf"the middle of|the start of)[\s-]?)?(?P<y>{YEAR4})(?:-(?P<y2>\d\d)\b)?(?![,.]\d|-\d|\s?(?:percent|%|million|"
             rf"billion))"),
    ("set", rf"\b(?P<every>every|each|per|a)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>{NUM})\s+)?"
            rf"(?:(?P<wd>{WEEKDAY})|(?P<m>{MONTH})|(?P<u>(?:day|week|month|year|quarter|hour|minute|morning|night|evening|"
            rf"weekend|summer|winter|spring|autumn|fall)s?)\b)"),
    ("setword", rf"\b(?P<w>{_alt(W.SETS)})\b"),
    ("fuzzy", rf"\b(?P<w>{_alt(W.FUZZY_ALONE)})\b"),
    ("holiday", rf"\b(?:(?P<mod>last|next|this)\s+)?(?P<h>{_alt(list(W.HOLIDAYS) + list(W.FLOATING_HOLIDAYS), True)})"
                rf"(?:\s+(?P<y>{YEAR4}))?"),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES
)
PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}

_FUT = "|".join(W.FUTURE_CUES)
_PAST = "|".join(W.PAST_CUES)
CUES = re.compile(rf"\b(?:(?P<f>{_FUT})|(?P<p>{_PAST})|(?P<w>{W.WEAK_PAST_CUE}))\b")
CLAUSE_BREAK = re.compile(r"[.;!?\n]\s|\n|\"|\u201c|\u201d|``|''")

# Speed: most rules must contain a key word. They run only in windows around their keys
# (chars before, chars after), merged; the margins exceed any match's reach from its key,
# with room for the patterns' look-aheads, so windows find exactly what the full text would.
_CLOCK_KEY = r"\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\d{4}\s*[A-Z]|noon|midnight|midday"
_UNIT_KEY = r"\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni)"
KEYS: dict[str, tuple[re.Pattern[str], int, int]] = {
    name: (re.compile(key, re.IGNORECASE), before, after)
    for name, key, before, after in (
        ("duration", _UNIT_KEY, 90, 40),
        ("relunit", _UNIT_KEY, 90, 40),
        ("bareunits", _UNIT_KEY, 90, 40),
        ("set", r"\b(?:every|each|per|times|twice|once|thrice)\b", 10, 70),
        ("ago", r"\b(?:ago|earlier|later|from now|hence|previously|back)\b", 90, 40),
        ("quarter", r"quarter|\bhalf|\bperiod", 90, 60),
        ("clock_date", _CLOCK_KEY, 40, 90),
        ("clock", _CLOCK_KEY, 40, 90),
        ("month", MONTH, 60, 60),
        ("mdy", MONTH, 60, 90),
        ("dmy", MONTH, 60, 90),
        ("weekday", WEEKDAY, 40, 40),
        ("year", r"\d+|noon|midnight|midday", 40, 90),
        ("relday", r"yesterday|today|tomorrow|tonight|night", 40, 40),
    )
}

# Rules that cannot match unless one of these strings is in the lower-cased text (a cheap test).
REQUIRES: dict[str, tuple[str, ...]] = {
    "season": tuple(W.SEASONS),
    "holiday": tuple({h.split()[0].split("'")[0] for h in (*W.HOLIDAYS, *W.FLOATING_HOLIDAYS)}),
    "fuzzy": tuple({w.split()[-1] for w in W.FUZZY_ALONE}),
    "setword": tuple(W.SETS),
    "spoken_year": ("nineteen", "thousand"),
    "decade_word": tuple(W.DECADE_WORDS),
    "decade": ("0s",),
    "century": ("century",),
    "thispart": ("morning", "afternoon", "evening"),
    "midpart": ("morning", "afternoon"),
    "qcode": ("q1", "q2", "q3", "q4"),
    "yearago": ("year-",),
    "weekof": ("week of",),
    "weekdays": ("days", "mornings", "afternoons", "evenings", "nights"),
    "iso": ("-",),
    "slash": ("/", "."),
    "ago": ("ago", "earlier", "later", "from now", "hence", "previously", "back"),
    "quarter": ("quarter", "half", "period"),
}
