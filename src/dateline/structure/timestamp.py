"""Read a wire timestamp line into ISO 8601 with its UTC offset."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from dateline.structure import patterns as P


def parse_timestamp(line: str) -> str | None:
    """ "Wednesday, 24 April 2019 07:35 GMT" -> "2019-04-24T07:35:00+00:00".

    A date without a time gives "YYYY-MM-DD"; a time without a zone gives no offset.
    Returns None when the line holds no full date.
    """
    d = P.TIMESTAMP_DATE.search(line)
    if d is None:
        return None
    try:
        year, month, day = _date_parts(d)
        stamp = datetime(year, month, day)
    except (KeyError, ValueError):
        return None
    rest = line[: d.start()] + " " + line[d.end() :]
    t = P.TIMESTAMP_TIME.search(rest)
    if t is None:
        return stamp.date().isoformat()
    hour, minute = int(t["h"] or t["h4"]), int(t["mi"] or t["mi4"])
    ampm = (t["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return stamp.date().isoformat()
    stamp = stamp.replace(hour=hour, minute=minute, second=int(t["s"] or 0))
    offset = _offset_minutes(t)
    if offset is None:
        return stamp.isoformat()
    return stamp.replace(tzinfo=timezone(timedelta(minutes=offset))).isoformat()


def url_date(url: str) -> tuple[str, int, int] | None:
    """The day a page's address gives ("/2008/07/23/" -> "2008-07-23") and where it is written."""
    m = P.URL_DATE.search(url)
    if m is None:
        return None
    try:
        day = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return day.date().isoformat(), m.start("y"), m.end("d")


def _date_parts(d) -> tuple[int, int, int]:
    if d["y3"]:
        return int(d["y3"]), int(d["m3"]), int(d["d3"])
    if d["y4"]:  # month first, as US pages write it, unless the first number cannot be a month
        a, b = int(d["a4"]), int(d["b4"])
        return (int(d["y4"]), b, a) if a > 12 else (int(d["y4"]), a, b)
    month_word = (d["m1"] or d["m2"]).lower().rstrip(".")
    return int(d["y1"] or d["y2"]), P.MONTHS[month_word], int(d["d1"] or d["d2"])


def is_bare_timestamp(line: str) -> bool:
    """Whether ``line`` holds a timestamp and nothing else (labels, a weekday, a zone aside):
    "Posted 12/19/2005 3:36 PM ET" is one, "Ten people died on November 28, 2005" is not."""
    d = P.TIMESTAMP_DATE.search(line)
    if d is None or parse_timestamp(line) is None:
        return False
    rest = line[: d.start()] + " " + line[d.end() :]
    t = P.TIMESTAMP_TIME.search(rest)
    if t is not None:
        rest = rest[: t.start()] + " " + rest[t.end() :]
    return P.STAMP_REST.match(rest) is not None


def _offset_minutes(t) -> int | None:
    if t["tz"]:
        return P.TIME_ZONES[t["tz"].upper()]
    if t["zulu"]:
        return 0
    if t["off"]:
        sign = -1 if t["off"][0] == "-" else 1
        digits = t["off"][1:].replace(":", "")
        return sign * (int(digits[:2]) * 60 + int(digits[2:]))
    return None
