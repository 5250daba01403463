"""Find the parts of a news story in its plain text: header, dateline, body, credits, boilerplate.

Short ordered fallbacks, as trafilatura does: the header is read line by line from the top
while lines look like header parts; the body starts at the dateline (or at the first line
that is not a header part); the trailer is read paragraph by paragraph from the bottom while
paragraphs look like credits or boilerplate. Whatever is not recognised is body, so a plain
story comes out as all body and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from dateline.structure import patterns as P
from dateline.structure.blocks import Block, read_blocks
from dateline.structure.credits import parse_ap_contributors, parse_credits, parse_signoff
from dateline.structure.layout import CreditLine, DatelineField, Field, Layout
from dateline.structure.regions import is_known_place, locate_region
from dateline.structure.slips import lower_words, repaired_date, slipped_month
from dateline.structure.text import BLANK_LINE, lines_of, smart_title, strip_field
from dateline.structure.timestamp import is_bare_timestamp, parse_timestamp, url_date

HEADER_MAX_LINES = 16
HEADLINE_MAX_CHARS = 250
DECK_MAX_CHARS = 200  # a deck under the headline is a line or two, never a paragraph
STAMP_BLOCKS = 5  # a page's timestamp below its deck or photo caption is within the body's first blocks
SHORT_HEADLINE_CHARS = 120  # a headline ending in a period, not in capitals or Title Case, is short
TITLE_CASE_SHARE = 0.8
TITLE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "for",
        "nor",
        "to",
        "in",
        "at",
        "by",
        "as",
        "with",
        "from",
        "into",
        "over",
        "vs",
    }
)


@dataclass
class _Header:
    """What the top-down scan found; turned into a Layout at the end."""

    headline: Field | None = None
    agency: str | None = None
    agency_span: Field | None = None
    published: str | None = None
    published_span: Field | None = None
    update_note: Field | None = None
    bullets: list[Field] = field(default_factory=list)
    byline: Field | None = None
    authors: list[Field] = field(default_factory=list)
    url: str | None = None
    url_span: Field | None = None
    lead: int = 0  # lines above the headline that are not it (the page's address, a timestamp)


def parse_structure(
    text: str, *, published: str | None = None, headline: str | None = None, url: str | None = None
) -> Layout:
    """Parse a story's structure. ``published`` and ``headline`` are metadata from the
    caller (HTML or JSON Lines input); the caller's ``published`` wins over the text's."""
    lines = lines_of(text)
    header, body_start, dateline = _scan_header(text, lines)
    blocks = read_blocks(text, body_start, len(text))
    body_end, credits, credits_span, boilerplate, signed = _scan_trailer(text, body_start, blocks)
    blocks = [b for b in blocks if b.start < body_end]
    blocks = _drop_contacts(text, blocks, boilerplate)
    if header.published is None and (found := _stamp_in_body(text, blocks)) is not None:
        stamp, alone = found
        header.published, header.published_span = parse_timestamp(stamp.text), stamp
        blocks = [b for b in blocks if not (alone and b.start == stamp.start)]
    if published is None:
        published = header.published
    else:
        header.published_span = None
    if dateline is not None:
        dateline = _date_dateline(dateline, published)
        if published is None and dateline.date and not dateline.date.startswith("X"):
            published, header.published_span = dateline.date, dateline.date_text  # the dateline's own date
    if published is None and header.url_span is not None and (day := url_date(header.url_span.text)):
        # a page copied with its address above it and no other date: the day its address gives
        start, end = header.url_span.start + day[1], header.url_span.start + day[2]
        published, header.published_span = day[0], Field(text[start:end], start, end)
    agency = header.agency or (dateline.agency if dateline else None) or signed or _agency_from_credits(boilerplate)
    if not blocks:  # nothing but header: keep the whole text as body
        body_start, body_end = 0, len(text)
        blocks = read_blocks(text, 0, len(text))
    paragraphs = tuple(_field(text, b.start, min(b.end, body_end)) for b in blocks if b.kind == "paragraph")
    tables = tuple(_field(text, b.start, min(b.end, body_end)) for b in blocks if b.kind == "table")
    wraps = tuple(w for b in blocks for w in b.breaks if w[1] <= body_end)
    body = Field(text[body_start:body_end], body_start, body_end)
    return Layout(
        text=text,
        body=body,
        paragraphs=paragraphs,
        headline=header.headline,
        agency=agency,
        agency_span=header.agency_span,
        published=published,
        published_span=header.published_span,
        update_note=header.update_note,
        bullets=tuple(header.bullets),
        byline=header.byline,
        authors=tuple(header.authors),
        dateline=dateline,
        credits=tuple(credits),
        credits_span=credits_span,
        boilerplate=tuple(boilerplate),
        url=url or header.url,
        tables=tables,
        wraps=wraps,
        extra={"headline": headline} if headline and not header.headline else {},
    )


# --- header ---------------------------------------------------------------------------------


def _scan_header(text: str, lines: list[Field]) -> tuple[_Header, int, DatelineField | None]:
    """Read header lines from the top; return them, where the body starts, and the dateline."""
    header = _Header()
    strong = _find_strong_dateline(lines[:HEADER_MAX_LINES])
    for index, line in enumerate(lines[:HEADER_MAX_LINES]):
        if strong is not None and index == strong[0]:
            return header, strong[1].end, strong[1]
        if strong is None:
            dateline = _match_dateline(line)
            if dateline is not None and _weak(dateline) and _slug(dateline, lines, index):
                header.headline = line  # "RESEARCH ALERT - Acme upgraded": the slug and title of a headline
                continue
            if dateline is not None and _weak(dateline) and _dated_below(lines, index):
                dateline = None  # a kicker above the headline ("SOCCER - JAPAN WIN"): the dated dateline follows
            dateline = dateline or _match_dashless(lines, index)
            if dateline is not None:
                return header, dateline.end, dateline
            if header.headline is not None and _is_name_line(line.text) and _dateline_at(lines, index + 1):
                header.byline = line  # a byline without "By" above the dateline: "Jane Roe"
                header.authors.append(Field(smart_title(line.text), line.start, line.end))
                continue
        if _read_header_line(header, line, index, lines, text):
            continue
        if strong is not None and index < strong[0]:
            continue  # an unrecognised line above a clear dateline is still header (a photo credit, "3 Min Read")
        if header.headline is not None and len(line.text) <= DECK_MAX_CHARS and _announces(lines, index + 1):
            continue  # a deck under the headline, above the timestamp, byline or dateline
        return header, line.start, None
    if strong is not None:
        return header, strong[1].end, strong[1]
    return header, (lines[0].start if lines else 0), None


def _read_header_line(header: _Header, line: Field, index: int, lines: list[Field], text: str) -> bool:
    """Record ``line`` as a header part if it is one; say whether it was."""
    s = line.text
    if index == header.lead and P.URL_LINE.match(s):
        header.url = header.url or s
        header.url_span = header.url_span or line
        header.lead += 1
        return True
    if m := P.AGENCY_LINE.match(s):
        if header.agency is None:
            header.agency = P.AGENCIES[m["agency"].lower()]
            header.agency_span = strip_field(line.text, line.start, m.start("agency"), m.end("agency"))
        return True
    if m := P.UPDATE_NOTE.match(s) or P.UPDATE_NOTE_BRACKETS.match(s):
        header.update_note = strip_field(s, line.start, m.start("note"), m.end("note"))
        return True
    if m := P.BULLET.match(s):
        header.bullets.append(strip_field(s, line.start, m.start("text"), m.end("text")))
        return True
    if m := P.BYLINE.match(s):
        header.byline = line
        names, agency = _split_byline(s, line.start, m.start("names"), m.end("names"))
        header.authors.extend(names)
        if agency and header.agency is None:
            header.agency = agency
        return True
    if len(s) <= 90 and P.TIMESTAMP_LINE.match(s) and (header.published is None or is_bare_timestamp(s)):
        stamp = parse_timestamp(s)
        if stamp is not None:
            if header.published is None:  # the first is the published time; "Updated ..." below it is not
                header.published, header.published_span = stamp, line
            if index == header.lead:
                header.lead += 1  # pages set the time above the headline too
            return True
    if index == header.lead and _looks_like_headline(s, lines[index:], text):
        header.headline = line
        return True
    if (
        header.headline is None
        and 0 < index <= 2
        and index + 1 < len(lines)
        and len(s) <= SHORT_HEADLINE_CHARS
        and (P.BYLINE.match(lines[index + 1].text) or _match_dateline(lines[index + 1]))
    ):
        header.headline = line  # below a timestamp or agency line: " 5-MAR-1987 09:23:44.74" then the title
        return True
    return False


def _announces(lines: list[Field], index: int) -> bool:
    """Whether the line at ``index`` clearly closes a header: a short byline of names ("By
    the end of the week, ..." is a sentence), a line holding only a timestamp, or a dateline
    that names its agency, a date, a region or known places (a heading in capitals is none)."""
    if index >= min(len(lines), HEADER_MAX_LINES):
        return False
    s = lines[index].text
    if (m := P.BYLINE.match(s)) and len(s) <= DECK_MAX_CHARS // 2 and m["names"][:1].isupper():
        return True
    if len(s) <= 90 and is_bare_timestamp(s):
        return True
    if _is_name_line(s) and _dateline_at(lines, index + 1):
        return True  # a byline without "By" above the dateline
    if P.UPDATE_NOTE.match(s) or P.UPDATE_NOTE_BRACKETS.match(s):
        return _announces(lines, index + 1)  # "[ CORRECTED 05:30 GMT ]" above the byline or dateline
    d = _match_dateline(lines[index]) or _match_dashless(lines, index)
    return d is not None and bool(
        d.agency or d.date_text or d.region or d.station or all(is_known_place(p.text) for p in d.places)
    )


def _stamp_in_body(text: str, blocks: list[Block]) -> tuple[Field, bool] | None:
    """A line holding only a timestamp among the body's first blocks: pages set the time
    below a deck or a photo caption ("Updated 4/9/2007 6:04 PM"). It is the published time,
    not a paragraph; returned with whether it is a paragraph of its own (else it opens or
    closes a table, which already stays out of the sentences)."""
    for b in blocks[:STAMP_BLOCKS]:
        block = _field(text, b.start, b.end)
        lines = lines_of(block.text)
        if b.kind == "paragraph" and len(lines) > 1:
            continue
        for line in (lines[0], lines[-1]):
            if len(line.text) <= 90 and is_bare_timestamp(line.text):
                return Field(line.text, block.start + line.start, block.start + line.end), b.kind == "paragraph"
    return None


def _looks_like_headline(line: str, lines: list[Field], text: str) -> bool:
    """A first line is a headline when it is short, not a finished sentence, and more text follows.
    A headline may end in a period when it is in capitals or Title Case, ends in an
    abbreviation ("... WITH U.S."), or a byline or dateline follows it."""
    if len(lines) < 2 or len(line) > HEADLINE_MAX_CHARS or not any(c.isalnum() for c in line):
        return False  # a rule or a row of stars ("*") is no headline
    if not line.endswith((".", "!", '"', "”")) or line.endswith("..."):
        return True
    last_word = line.split()[-1]
    if line.upper() == line or "." in last_word[:-1] or _title_case(line):
        return True
    after = lines[1]
    if len(line) > SHORT_HEADLINE_CHARS:
        return False
    if _announces(lines, 1):  # a byline, a dateline or a timestamp follows it
        return True
    # One short sentence set apart by a blank line above a longer paragraph.
    one_sentence = not re.search(r"[.!?] [A-Z]", line)
    return (
        one_sentence and len(after.text) > len(line) and BLANK_LINE.search(text, lines[0].end, after.start) is not None
    )


def _title_case(line: str) -> bool:
    """Most words capitalised, small words aside: "Stealth Over Health: Clinton Was Headed to ER"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in P.LOWER_WORDS | TITLE_SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _split_byline(line: str, offset: int, start: int, end: int) -> tuple[list[Field], str | None]:
    """Split "A, B and C, Reuters" into one field a person, and the agency if named."""
    names = line[start:end]
    agency = None
    if m := P.BYLINE_TRAILER.search(names):
        agency = P.AGENCIES.get(m.group(0).strip(" ,|/-").lower().removesuffix(" staff").split(" writer")[0])
        names = names[: m.start()]
    if m := P.CREDIT_PLACE.search(names):  # "By Jean Dupont in Paris"
        names = names[: m.start()]
    fields = []
    pos = 0
    for part in P.NAME_SEPARATOR.split(names):
        found = names.find(part, pos)
        if part.strip() and found >= 0:
            pos = found + len(part)
            f = strip_field(line, offset, start + found, start + found + len(part))
            fields.append(Field(smart_title(f.text), f.start, f.end))
    return fields, agency


def _find_strong_dateline(lines: list[Field]) -> tuple[int, DatelineField] | None:
    """A dateline naming its agency ("(Reuters) -") marks the body's start wherever it stands."""
    for index, line in enumerate(lines):
        d = _match_dateline(line)
        if d is not None and d.agency is not None:
            return index, d
    return None


def _match_dateline(line: Field) -> DatelineField | None:
    """A dateline opening a line: "SEOUL, April 24 (Reuters) - Text", or alone on its line
    ("CHICAGO, March 30 -" above a table), with or without a date."""
    m = P.DATELINE.match(line.text)
    if m is None:
        return None
    places_text = m["places"]
    all_caps = places_text.upper() == places_text and any(c.isalpha() for c in places_text)
    rest = line.text[m.end() :]
    if m["tight"] is not None and not (m["date"] or m["agency"]):
        return None  # "NEW YORK, March 2 -The ...": no space after the dash only with a date
    if m["slip"] and not slipped_month(m["slip"]):
        return None  # "LONDON, Chapter 11 -": no month, however mistyped
    known = _known(places_text)
    if lower_words(places_text) and not known:
        return None  # "Officials said on Monday, March 2 - ...": words in lower case only in a known place
    if not (m["agency"] or m["station"]):
        # Without "(Reuters)" a dateline needs a short place, a date or capitals, and a sentence after it
        # (or nothing after it on its line); copy all in capitals after a known place and a date.
        if not (m["date"] or all_caps) or len(places_text.split()) > 4:
            return None
        if rest and rest.upper() == rest and not (m["date"] and known):
            return None
        if places_text.casefold() in P.KICKERS:
            return None  # "BREAKING NEWS - ...", "POSTED: April 10"
        if m["dash"] == ":" and not (m["date"] or m["region"] or known):
            return None  # a colon after a label is a kicker ("MUST SEE: ...") unless the label is a known place
    if _names_weekday(places_text):
        return None  # "Monday, March 2 - ...": a weekday is never a place
    end = line.start + len(line.text[: m.end()].rstrip()) if not rest else line.start + m.end()
    return _dateline_field(line, m, end)


def _dateline_field(line: Field, m: re.Match[str], end: int, date_text: Field | None = None) -> DatelineField:
    """The dateline a match of ``P.DATELINE`` or ``P.DASHLESS_DATELINE`` on ``line`` gives;
    ``date_text`` when the date stands on the next line."""
    places = []
    for pm in re.finditer(r"[^/]+", m["places"]):
        f = strip_field(line.text, line.start, m.start("places") + pm.start(), m.start("places") + pm.end())
        places.append(Field(smart_title(P.GARBLE.sub("", f.text)), f.start, f.end))  # "ME}LBOURNE": Melbourne
    region = strip_field(line.text, line.start, m.start("region"), m.end("region")) if m["region"] else None
    division, country = locate_region(region)
    if country is None and m.groupdict().get("region2"):
        # "NEW YORK, Louisville, KY", "GEORGETOWN, Grand Cayman, British West Indies": the
        # country of the second part when the first names none
        country = locate_region(strip_field(line.text, line.start, m.start("region2"), m.end("region2")))[1]
    if m["date"]:
        date_text = strip_field(line.text, line.start, m.start("date"), m.end("date"))
    agency = m["agency"] or m.groupdict().get("signed")  # "March 12, Reuter -"
    return DatelineField(
        places=tuple(places),
        region=region,
        division=division,
        country=country,
        date=None,
        date_text=date_text,
        agency=P.AGENCIES[agency.lower()] if agency else None,
        start=line.start,
        end=end,
        station=m.groupdict().get("station"),
    )


def _match_dashless(lines: list[Field], index: int) -> DatelineField | None:
    """A dateline with no dash alone on its line, as Reuters' 1996 copy sets it: the place in
    capitals (or a known place), perhaps its region, and an ISO date ("LONDON 1996-08-30"), or
    with the ISO date alone on the next line ("FARMINGTON HILLS, Mich." then "1996-08-30")."""
    if index >= len(lines):
        return None
    line = lines[index]
    m = P.DASHLESS_DATELINE.match(line.text)
    if m is None or _names_weekday(m["places"]) or m["places"].casefold() in P.KICKERS:
        return None
    places = m["places"]
    if not (places.upper() == places and not lower_words(places) or _known(places)):
        return None
    if m["date"]:
        return _dateline_field(line, m, line.end)
    if m["agency"] or index + 1 >= len(lines) or index == 0:
        return None
    below = lines[index + 1]
    if P.ISO_DATE.fullmatch(below.text):
        return _dateline_field(line, m, below.end, below)
    if index <= 2 and places.upper() == places and _known(places) and _sentence(below.text):
        return _dateline_field(line, m, line.end)  # a known place in capitals alone above the text: "BANGKOK"
    return None


def _known(places: str) -> bool:
    return all(is_known_place(p.strip()) for p in places.split("/"))


def _sentence(s: str) -> bool:
    """A line of running text: a capital, then lower-case words, longer than a heading."""
    return len(s) > 60 and s[:1].isupper() and sum(c.islower() for c in s) > len(s) // 2


def _weak(d: DatelineField) -> bool:
    """A dateline of a place and a dash only: it may be a kicker ("SOCCER - ...")."""
    return not (d.agency or d.date_text or d.station)


def _slug(d: DatelineField, lines: list[Field], index: int) -> bool:
    """A first line "SLUG - short title" above more text is the headline, not a dateline,
    when its slug is no known place ("RESEARCH ALERT - Acme upgraded", "PRESS DIGEST - ...")."""
    line = lines[index]
    rest = line.text[d.end - line.start :].strip()
    return (
        index == 0
        and len(lines) > 1
        and d.region is None
        and 0 < len(rest) <= SHORT_HEADLINE_CHARS
        and not all(is_known_place(p.text) for p in d.places)
    )


def _dated_below(lines: list[Field], index: int) -> bool:
    """Whether a dateline with a date or an agency stands within the next three lines."""
    for k in range(index + 1, min(index + 4, len(lines), HEADER_MAX_LINES)):
        d = _match_dateline(lines[k]) or _match_dashless(lines, k)
        if d is not None and not _weak(d):
            return True
    return False


def _dateline_at(lines: list[Field], index: int) -> bool:
    return index < min(len(lines), HEADER_MAX_LINES) and (
        _match_dateline(lines[index]) is not None or _match_dashless(lines, index) is not None
    )


def _names_weekday(places: str) -> bool:
    return any(P.WEEKDAY_WORD.fullmatch(p.strip()) for p in places.split("/"))


def _is_name_line(s: str) -> bool:
    """A person's name alone on its line ("Jane Roe"), not a label ("News Analysis")."""
    if P.NAME_LINE.match(s) is None or P.BYLINE.match(s):
        return False
    return not any(w.lower() in P.LABEL_WORDS for w in s.split())


def _date_dateline(d: DatelineField, published: str | None) -> DatelineField:
    """Resolve "April 24" to a full date, taking the year from the published timestamp."""
    if d.date_text is None:
        return d
    if iso := P.ISO_DATE.fullmatch(d.date_text.text):
        try:
            return replace(d, date=date(int(iso["y"]), int(iso["m"]), int(iso["d"])).isoformat())
        except ValueError:  # an impossible date ("1996-02-30") leaves the dateline undated
            return d
    m = P.DATELINE_DATE.search(d.date_text.text)
    if m is not None:
        month, day = P.MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")], int(m["d1"] or m["d2"])
    elif repaired := repaired_date(d.date_text.text):  # "Marc 16": March 16
        month, day = repaired
    else:
        return d
    year = int(m["y"]) if m and m["y"] else None
    if year is None and published:
        year = int(published[:4])
        if month == 12 and published[5:7] == "01":
            year -= 1  # a late-December dateline on a story stamped in early January
    if not 1 <= day <= 31:
        return d
    return replace(d, date=f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}")


# --- trailer --------------------------------------------------------------------------------


def _field(text: str, start: int, end: int) -> Field:
    return strip_field(text, 0, start, end)


def _scan_trailer(
    text: str, body_start: int, blocks: list[Block]
) -> tuple[int, list[CreditLine], Field | None, list[Field], str | None]:
    """Read credits and boilerplate from the bottom; return where the body ends, what was found,
    and the agency a closing sign-off names."""
    paragraphs = [_field(text, b.start, b.end) for b in blocks]
    tables = {(b.start, b.end) for b in blocks if b.kind == "table"}
    credits: list[CreditLine] = []
    credits_span: Field | None = None
    boilerplate: list[Field] = []
    while len(paragraphs) > 1:
        last = paragraphs[-1]
        if (last.start, last.end) in tables:
            break
        if any(
            p.match(last.text) for p in (P.BOILERPLATE, P.AFP_SIGNOFF, P.AGENCY_SIGNOFF, P.DESK_SIGNOFF, P.DESK_CONTACT)
        ):
            boilerplate.insert(0, last)
        elif P.RULE_LINE.match(last.text):
            pass
        elif (m := P.AP_CONTRIBUTORS.match(last.text)) and not credits:
            credits, credits_span = parse_ap_contributors(text, last, m), last
        elif _is_credits_paragraph(last.text) and not credits:
            credits, credits_span = parse_credits(text, last.start, last.end), last
        else:
            break
        paragraphs.pop()
    if not paragraphs:
        return body_start, credits, credits_span, boilerplate, None
    last = paragraphs[-1]
    if (m := P.INLINE_SIGNOFF.search(last.text)) and not boilerplate:  # "... said. Reuter" on one line
        start = last.start + m.start("signoff")
        boilerplate.append(Field(m["signoff"], start, start + len(m["signoff"])))
        return len(text[:start].rstrip()), credits, credits_span, boilerplate, None
    if not credits and (m := P.REUTERS_CREDITS.search(last.text)) and m.start() > 0:
        start = last.start + m.start()
        credits_span = Field(text[start : last.end], start, last.end)
        credits = parse_credits(text, start, last.end)
        body_end = len(text[:start].rstrip())
        return body_end, credits, credits_span, boilerplate, None
    if not credits:
        for pattern, role in P.SIGNOFF_CREDITS:
            if (m := pattern.search(last.text)) and (m.start() > 0 or len(paragraphs) > 1):
                start, end = last.start + m.start("credit"), last.start + m.end("credit")
                credits_span = Field(text[start:end], start, end)
                named = m.groupdict().get("agency") or m.groupdict().get("outlet") or ""
                signed = P.AGENCIES.get(named.lower())
                cut = last.start + m.start()  # with the rule before a contributor line ("--- ")
                body_end = len(text[:cut].rstrip()) if cut > last.start else paragraphs[-2].end
                return body_end, parse_signoff(text, last, m, role), credits_span, boilerplate, signed
    return last.end, credits, credits_span, boilerplate, None


def _drop_contacts(text: str, blocks: list[Block], boilerplate: list[Field]) -> list[Block]:
    """Desk contact lines ("-- London Newsroom +44 ...") anywhere in the body, or closing a
    table of figures they were set under, go to the boilerplate."""
    kept: list[Block] = []
    for b in blocks:
        block = _field(text, b.start, b.end)
        last = lines_of(block.text)[-1] if block.text else None
        if last is None or not P.DESK_CONTACT.match(last.text):
            kept.append(b)
            continue
        boilerplate.append(Field(last.text, block.start + last.start, block.start + last.end))
        if last.start > 0:  # the table above it stays
            end = len(text[: block.start + last.start].rstrip())
            kept.append(replace(b, end=end, breaks=tuple(w for w in b.breaks if w[1] <= end)))
    boilerplate.sort(key=lambda f: f.start)
    return kept


def _is_credits_paragraph(paragraph: str) -> bool:
    inner = paragraph.strip().strip("()").strip()
    m = P.CREDIT_ROLE.match(" " + inner)
    return m is not None and m.start("role") <= 2 and len(inner) < 600


def _agency_from_credits(boilerplate: list[Field]) -> str | None:
    """The agency a sign-off ("REUTER", "(AP)") or the publisher's boilerplate names."""
    for f in boilerplate:
        if m := P.AGENCY_SIGNOFF.match(f.text):
            return P.AGENCIES[m["agency"].lower()]
        if P.AFP_SIGNOFF.match(f.text):
            return "AFP"  # desk initials ("burs-jm/kir") are AFP's sign-off
    for f in boilerplate:
        for key, name in (("reuters", "Reuters"), ("associated press", "AP"), ("afp", "AFP")):
            if key in f.text.lower():
                return name
    return None
