"""Patterns of wire-story structure, kept as data apart from the parsing logic.

Each pattern matches one line or paragraph of a story. They are written for the
house styles of Reuters, AP and AFP and for their common variants; a story that
matches none of them is read as plain text.
"""

from __future__ import annotations

import re

# Agencies as they appear in datelines "(Reuters)" and bylines, with the name the record uses.
AGENCIES: dict[str, str] = {
    "reuters": "Reuters",
    "reuter": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ians": "IANS",
    "ansa": "ANSA",
    "efe": "EFE",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "cnn": "CNN",
    "bernama": "Bernama",
    "aap": "AAP",
    "cp": "CP",
    "the canadian press": "CP",
    # Broadcasters sign their reports as agencies do: "Jane Roe, VOA News, Miami."
    "abc": "ABC",
    "abc news": "ABC",
    "cbs": "CBS",
    "cbs news": "CBS",
    "nbc": "NBC",
    "nbc news": "NBC",
    "npr": "NPR",
    "npr news": "NPR",
    "voa": "VOA",
    "voa news": "VOA",
    "bbc": "BBC",
    "bbc news": "BBC",
    "cnn news": "CNN",
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH = rf"(?i:{_MONTH_ALT})\.?"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"

# Time zone abbreviations used on wire timestamps, as UTC offsets in minutes.
TIME_ZONES: dict[str, int] = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "IST": 330,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "HST": -600,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "SGT": 480,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
}
_TZ_ALT = "|".join(sorted(TIME_ZONES, key=len, reverse=True))

# "by Reuters" / "Reuters" / "By Associated Press" on a line of its own.
AGENCY_LINE = re.compile(rf"^\s*(?:by\s+)?(?P<agency>{_AGENCY_ALT})(?:\s+staff)?\s*$", re.I)

# A timestamp line: "Wednesday, 24 April 2019 07:35 GMT", "26-FEB-1987 15:01:01.79" (old wire), "April 24, 2019 / 7:35 AM / Updated ...",
# "Published 3:15 p.m. EDT, April 24, 2019", "2019-04-24T07:35:00Z".
TIMESTAMP_DATE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)(?P<m1>{MONTH})(?:\s*,?\s*|-)(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
    rf"|(?<![\d/])(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})/(?P<y4>\d{{4}})(?![\d/]))",  # 4/9/2007: month first unless > 12
    re.I,
)
# "07:35", "7.35 p.m.", or four figures before a zone as desks write them: "0930 GMT".
TIMESTAMP_TIME = re.compile(
    rf"(?<![\d:])(?:(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?|"
    rf"(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s*(?:{_TZ_ALT})\b))\s*"
    rf"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?P<tz>{_TZ_ALT})\b|\s*(?P<off>[+-]\d{{2}}:?\d{{2}})|(?P<zulu>Z))?",
    re.I,
)
TIMESTAMP_LINE = re.compile(
    rf"^\s*(?:(?:published|updated|posted|first published)\s*:?\s*(?:on\s+)?)?(?:{WEEKDAY}\s*,?\s*)?"
    rf"(?:[^\n]{{0,40}}?)(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{1,2}}|\d{{1,2}}(?:\s+|-){MONTH}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    rf"[^\n]{{0,60}}$",
    re.I,
)

# The story's address alone on a line above it, as pages saved from the web keep it.
URL_LINE = re.compile(r"^\s*+(?:https?://|www\.)\S++\s*+$", re.I)
# The day a page's address gives: ".../2008/07/23/story-name/", ".../2013-09-14/...".
URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?:[/.?#_-]|$)")

# What a line holding only a timestamp may hold besides the date and the time: labels,
# a weekday, a zone, an agency, the time in a second zone, separators. "Posted 12/19/2005
# 3:36 PM ET", "(March 20, 2007) --", "AFP, Tuesday 2 Jul 2013", "07:58 GMT (23:58 PST)".
STAMP_REST = re.compile(
    rf"^(?:[\s,.|:;()@/–—-]++|(?i:published|updated|posted|first|last|on|at|by|am|pm|a\.m\.|p\.m\.|et|pt|ct|"
    rf"mt|story|article|created|release|for|immediate|{_TZ_ALT}|{_AGENCY_ALT})\b|{WEEKDAY}\b|"
    rf"\d{{1,2}}:\d\d\b)*+$",
    re.I,
)

# "(Updates with details of stop at border)", "(Adds comment from ministry, paragraphs 5-6)".
UPDATE_NOTE = re.compile(
    r"^\s*\((?P<note>(?:Updates?|Adds?|Corrects?|Recasts?|Rewrites?|Refiles?|Repeats?|Changes?|Fixes|"
    r"Inserts?|Removes?|Deletes?|Clarifies|Amends?|Writethru|New throughout|Re-?issues?|Updated)\b[^()\n]*"
    r"(?:\([^()\n]*\)[^()\n]*)*)\)\s*$",
    re.I,
)

# The same note in brackets, as Reuters' 1996 copy sets a correction under the headline:
# "[ CORRECTED 05:30 GMT ]", "[REFILED - adds dropped word]".
UPDATE_NOTE_BRACKETS = re.compile(
    r"^\s*+\[\s*+(?P<note>(?:Updated?|Adds?|Added|Correct(?:s|ed|ion)|Recast|Rewrit(?:es?|ten)|Refiled?|"
    r"Repeat(?:s|ed)?|Amended|Re-?issued?|Fix(?:es|ed))\b[^\[\]\n]*?)\s*+\]\s*+$",
    re.I,
)

BULLET = re.compile(r"^\s*(?:[*•·▪‣◦]|-(?=\s))\s+(?P<text>\S.*?)\s*$")

# "By Hyonhee Shin and Maria Vasilyeva", "By JANE DOE, Associated Press", "By Jean Dupont with Anne Roe in Paris".
BYLINE = re.compile(r"^\s*+[Bb][Yy]\s++(?P<names>\S(?:[^\n]*\S)?)\s*+$")
# The separator before the agency starts where a white-space run starts, so that a search
# never retries inside a run.
BYLINE_TRAILER = re.compile(
    rf"(?<![\s,|/-])(?:\s*+[,|/-]\s*+|\s++)(?:{_AGENCY_ALT})(?:\s++(?:staff|writers?|reporters?))?\s*+$", re.I
)
NAME_SEPARATOR = re.compile(r"(?<!\s)(?:\s*+,\s*+(?:and\s++|&\s*+)?|\s++and\s++|\s*+&\s*+|\s++with\s++)", re.I)

# The dateline opening the first body paragraph:
#   "SEOUL/VLADIVOSTOK, Russia, April 24 (Reuters) - ", "WASHINGTON (AP) — ", "Paris (AFP) - ",
#   "PARIS, France, Nov 3, 2020 (AFP) -", "SPRINGFIELD, Ill. (AP) —", "LONDON, April 24 -",
#   and the underscore dash of 1990s AP and New York Times copy: "NAIROBI, Kenya (AP) _", "MIAMI _".
# Every white-space run is possessive (``\s++``): a long run of spaces must never make a
# pattern backtrack through it (a line of 3,000 spaces took seconds).
# A word of a place: a capital, then word characters; a garbled character between two capitals
# is wire noise ("ME}LBOURNE", `GARBLE`), and a word in lower case after the first ("La paz",
# "Mexico city": copy typed without its capitals) is taken only for a place known by that name.
GARBLE = re.compile(r"(?<=[A-Z])[{}|~^\\](?=[A-Z])")
_WORD = r"[A-Z](?:[\w.'’\-]|(?<=[A-Z])[{}|~^\\](?=[A-Z]))*"
_PLACE = rf"{_WORD}(?:\s++(?:{_WORD}|[a-z][a-z.'’\-]*))*"
# The words in lower case a place's name holds as it is written ("Rio de Janeiro", "Stratford upon Avon").
PLACE_CONNECTORS = frozenset({"de", "del", "da", "do", "al", "el", "es", "la", "le", "on", "upon", "of"})
# Marks a wire line may carry before its dateline: a repeat or correction mark ("RPT --PARIS"),
# stars ("****LONDON"), a stray lower-case letter and a run of spaces ("c    CHICAGO").
_LEAD = r"(?:(?:RPT|REPEAT|REFILE|CORRECTED)\s*+[-–—]{1,2}\s*+|\*++|[a-z]\s{2,}+(?=[A-Z]{2}))?"
# A date the wire mistyped ("Narch 2", "Marc 16", "March 187", "March 2O"): a word, one letter
# off a month's name (checked by the parser), and a number; read only after a place and a comma.
_SLIPPED_DATE = r"[A-Z][A-Za-z]{2,9}\.?\s++\d[\dO]{0,2}"
# A local station after the place: "LONDON, Ky. (WKYT) -", "DALLAS (KDFW-TV) -".
_STATION = r"\(\s*+(?P<station>[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?)\s*+\)"
_REGION = rf"(?!{MONTH}\s+\d)[A-Z][\w.'’\-]*+(?:\s++[A-Z][\w.'’\-]*+){{0,3}}"
DATELINE = re.compile(
    rf"^{_LEAD}(?P<places>{_PLACE}(?:\s*+/\s*+{_PLACE})*)"
    rf"(?:\s*+,\s*+(?P<region>{_REGION})(?:\s*+,\s*+(?P<region2>{_REGION}))?)?"
    rf"(?:\s*+(?:,\.?)?\s*+(?P<date>(?:{MONTH}\s++\d{{1,2}}|\d{{1,2}}\s++{MONTH})(?:\s*+,?\s*+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|(?<=,\s)(?P<slip>{_SLIPPED_DATE})))?"
    rf"\s*+,?\s*+(?:\(\s*+(?P<agency>(?i:{_AGENCY_ALT}))\s*+\)\s*+|{_STATION}\s*+"
    rf"|(?<=\d,\s)(?P<signed>(?i:reuters?))\s*+)?"
    rf"(?P<dash>[-–—]{{1,2}}|:|_)(?:\s++|$|(?P<tight>(?=[A-Z\"“])))",
)
# Kickers and page labels set before a headline or a timestamp the way a place is set before
# a dateline's dash: "BREAKING NEWS - ...", "EXCLUSIVE: ...", "POSTED: April 10, 2007".
KICKERS = frozenset(
    {
        "breaking",
        "breaking news",
        "exclusive",
        "update",
        "updated",
        "updates",
        "watch",
        "video",
        "photos",
        "live",
        "analysis",
        "opinion",
        "editorial",
        "commentary",
        "review",
        "must see",
        "posted",
        "published",
        "first published",
        "last updated",
        "news",
        "factbox",
        "explainer",
        "summary",
    }
)
# A dateline with no dash, as Reuters' 1996 corpus (RCV1) sets it on a line of its own under
# the headline: the place, its region, and an ISO date ("LONDON 1996-08-30", "NICE, France
# 1996-08-30", tokenised "FARMINGTON HILLS , Mich ."), perhaps the agency after it. Without
# the date it is a dateline only when a line holding only an ISO date follows it.
ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
DASHLESS_DATELINE = re.compile(
    rf"^\**(?P<places>{_PLACE}(?:\s*+/\s*+{_PLACE})*)"
    rf"(?:\s*+,\s*+(?P<region>[A-Z][\w.'’\-]*+(?:\s++[A-Z][\w.'’\-]*+){{0,3}}(?:\s++\.)?))?"
    rf"(?:(?:\s*+,\s*+|\s++)(?P<date>\d{{4}}-\d{{2}}-\d{{2}}))?"
    rf"(?:\s*+\(\s*+(?P<agency>(?i:{_AGENCY_ALT}))\s*+\))?\s*+(?:[-–—]{{1,2}}|_)?\s*+$"
)
WEEKDAY_WORD = re.compile(rf"(?i:{WEEKDAY})")
# A byline without "By" above a dateline: a person's name alone on its line ("Jane Roe",
# "Jean-Luc de Marne", "J. Roe"), two to four words, or two names joined by "and".
_NAME_WORD = r"(?:[A-Z][a-z][\w'’-]*+|(?:[A-Z]\.)++|[A-Z][a-z]?[A-Z][a-z][\w'’-]*+|[A-Z]['’][A-Z][a-z][\w'’-]*+)"
_PERSON = rf"{_NAME_WORD}(?:\s++(?:(?:de|da|van|von|der|den|del|di|du|la|le|bin|al|el)\s++)*{_NAME_WORD}){{1,3}}"
NAME_LINE = re.compile(rf"^\s*+{_PERSON}(?:\s*+(?:,|and|&)\s*+{_PERSON})?\s*+$")
# Words of a label set where a byline stands ("News Analysis", "Staff Report"): not a name.
LABEL_WORDS = frozenset(
    {
        "news",
        "analysis",
        "feature",
        "report",
        "staff",
        "update",
        "column",
        "interview",
        "review",
        "special",
        "correspondent",
        "editor",
        "editorial",
        "opinion",
        "comment",
        "commentary",
        "diary",
        "focus",
        "preview",
        "factbox",
        "insight",
        "breakingviews",
        "wrapup",
        "market",
        "markets",
        "sports",
        "results",
    }
)

DATELINE_DATE = re.compile(
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?![\dO])|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}))(?:\s*,?\s*(?P<y>\d{{4}}))?",
    re.I,
)

# Closing credits. Reuters: "(Reporting by X in SEOUL; Editing by Y)", AP: "Associated Press writer X
# in Y contributed to this report.", AFP: a sign-off like "burs-jm/kir".
CREDIT_ROLES: dict[str, str] = {
    "additional reporting by": "additional_reporting",
    "additional reporting from": "additional_reporting",
    "reporting by": "reporting",
    "reported by": "reporting",
    "reporting from": "reporting",
    "writing by": "writing",
    "written by": "writing",
    "editing by": "editing",
    "edited by": "editing",
    "compiled by": "compiling",
    "compiling by": "compiling",
    "graphics by": "graphics",
    "research by": "research",
    "contributing": "contributing",  # US web stories: "Contributing: Jane Roe, John Doe"
    "contributors": "contributing",
}
_ROLE_ALT = "|".join(sorted((re.escape(k) for k in CREDIT_ROLES), key=len, reverse=True))
CREDIT_ROLE = re.compile(rf"(?:^|[\s;:,(])(?P<role>{_ROLE_ALT})\s*:?\s+", re.I)
REUTERS_CREDITS = re.compile(rf"\(\s*(?:{_ROLE_ALT})\b[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.I)
AP_CONTRIBUTORS = re.compile(
    r"^\s*(?:The\s+)?(?:Associated\s+Press|AP)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|"
    r"journalists?|photographers?|videographers?)\s+(?P<names>.+?)\s+(?:contributed|reported)\b[^\n]*$",
    re.I,
)
CREDIT_PLACE = re.compile(r"(?<!\s)\s++(?:in|from)\s++(?P<place>[A-Z][\w.'’\-]*+(?:[ ,]++[A-Z][\w.'’\-]*+)*+)\s*+$")
# A sign-off closing the story: the agency alone ("REUTER", "Reuters", "(AP)", "AFP", "(UPI)"),
# or AFP's desk initials ("burs-jm/kir").
AGENCY_SIGNOFF = re.compile(rf"^\s*+[(\[]?\s*+(?P<agency>(?i:{_AGENCY_ALT}))\s*+[)\]]?[\s.]*+$")
# The same sign-off closing the last paragraph's line: "... the company said. REUTER".
# Or desk initials in parentheses, as AP's 1990s copy closes: "... the OAU said. (aa-kjd)".
_DESK = r"\([a-z]{2,6}(?:[-/][a-z]{2,6})++\)"
INLINE_SIGNOFF = re.compile(
    rf"""(?<=[.!?"”)'])[ \t]++(?P<signoff>REUTER|Reuters?|\((?:AP|UPI|AFP)\)|{_DESK})[ \t]*+$"""
)
DESK_SIGNOFF = re.compile(rf"^\s*+{_DESK}\s*+$")
# Credits closing the last paragraph in one sentence. A broadcast reporter's sign-off names the
# reporter, the broadcaster and the place ("Jane Roe, VOA News, Miami.", "Jane Roe for VOA News,
# Geneva.", "For NPR News, I'm Jane Roe.", and without punctuation in some transcripts: "Jane
# Roe ABC news Washington"); a newspaper's names who helped ("--- John Doe contributed to this
# article."). Ordered: (pattern, role); each has ``credit`` (where the credit starts) and
# ``names``, and may have ``agency`` (a known agency or broadcaster), ``outlet`` (a programme:
# "For The World, I'm Jane Roe.") and ``place``.
_NAME = r"[A-Z][\w.'’-]*+(?:[ \t]++[A-Z][\w.'’-]*+){1,3}"
_SIGNOFF_START = r"""(?:^|(?<=[.!?"”'’)])[ \t]++)"""
_SIGNOFF_AGENCY = rf"(?P<agency>(?i:{_AGENCY_ALT}))(?:[ \t]++(?i:news))?+"
_SIGNOFF_PLACE = r"(?P<place>[A-Za-z][^,.!?\n]{0,39}+)"
SIGNOFF_CREDITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"{_SIGNOFF_START}(?P<credit>(?:(?:I'm|I am|This is|By)[ \t]++)?(?P<names>{_NAME})"
            rf"(?:[ \t]*+,[ \t]*+|[ \t]++for[ \t]++|[ \t]++){_SIGNOFF_AGENCY}"
            rf"(?:(?:[ \t]*+,[ \t]*+|[ \t]++){_SIGNOFF_PLACE})?[ \t]*+\.?)\s*+$"
        ),
        "reporting",
    ),
    (
        re.compile(
            rf"{_SIGNOFF_START}(?P<credit>(?i:for)[ \t]++(?:{_SIGNOFF_AGENCY}|(?P<outlet>[A-Z][\w'’-]*+"
            rf"(?:[ \t]++[A-Z][\w'’-]*+){{0,2}}))[ \t]*+,?[ \t]*+(?:I'm|I am|this is)[ \t]++(?P<names>{_NAME})"
            rf"(?:[ \t]++(?:reporting|in[ \t]++{_SIGNOFF_PLACE}))?[ \t]*+\.?)\s*+$"
        ),
        "reporting",
    ),
    (
        re.compile(
            rf"{_SIGNOFF_START}(?:(?:-{{2,}}|—)[ \t]*+)?(?P<credit>(?:(?i:staff[ \t]++)?(?i:writers?|reporters?|"
            rf"correspondents?)[ \t]++)?(?P<names>{_NAME}(?:[ \t]*+(?:,|and)[ \t]++{_NAME})*+)"
            rf"[ \t]++(?:also[ \t]++)?contributed[ \t]++to[ \t]++this[ \t]++(?:article|report|story)\.?)\s*+$"
        ),
        "contributing",
    ),
)
# A desk's contact line closing a wire story: "-- London Newsroom +44 171 542 8062",
# "-- Jane Roe, New York Energy Desk, +1 212-859-1761", "((Jakarta bureau +62 21 384 6364))":
# a line opening with two dashes that names a newsroom, desk or bureau or gives a telephone
# number, or a line in double parentheses.
# At most 160 characters: the lookahead then scans a short line, never a long run.
DESK_CONTACT = re.compile(
    r"^\s*+(?=[^\n]{0,160}+\s*+$)(?:-{2,}+[ \t]*+(?=[^\n]*?(?:\b(?i:news ?room|news ?desk|desk|bureau|tel|fax|"
    r"e-?mail)\b|\d(?:[ \t()+./-]*+\d){6}))[^\n]*+|\(\([^\n]*\)\))\s*+$"
)
AFP_SIGNOFF = re.compile(r"^\s*(?:[a-z]{2,6}(?:[-/][a-z]{2,6})+|burs?(?:[-/][a-z]{2,6})*)\s*$")
RULE_LINE = re.compile(r"^\s*(?:_{3,}|-{3,}|\*{3,}|={3,})\s*$")

# Boilerplate: text that belongs to the publisher, not the story.
# A copyright line may sit in parentheses or follow a short wire name ("The-CNN-Wire & © 2018").
BOILERPLATE = re.compile(
    r"^\s*(?:\(\s*(?=©|Copyright\b)|[^\n©]{1,30}?[ \t](?=©[ \t]*\d{4}))?"
    r"(?:Our Standards\s*:|©|\(c\)\s|Copyright\b|All rights reserved|"
    r"This material may not be published|Follow\s+(?:us|@|[A-Z][\w ]+\s+on\s+(?:Twitter|X)\b)|"
    r"Read more\s*:|Sign up for|Subscribe to|Click here|For more (?:news|stories)|Related\s*:|"
    r"The Associated Press (?:receives|is solely responsible)|This story (?:was|has been) (?:corrected|updated)|"
    r"Thomson Reuters|Get the latest)",
    re.I,
)

# Small words left lower-case when ALL-CAPS dateline and credit places are title-cased.
LOWER_WORDS = frozenset({"de", "del", "da", "do", "al", "el", "la", "le", "of", "on", "upon", "and"})
