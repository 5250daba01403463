"""One validated search: ``SearchQuery``, built by ``SearchQuery.parse`` from what a person typed.

The CLI, the JSON API, the pages and ``Store.search`` all build their query here, so a filter
means the same everywhere: ``until=2024`` is the end of 2024 wherever it is given, and a date
that is not a date ("yesterday") is a ``QueryError`` wherever it is given (a 400 from the API
and the pages, exit status 2 from the CLI).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dateline.store.backend import query_terms

BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
SORTS = ("relevance", "newest", "oldest")

# What one search may ask: a hostile query must not hold a core (a 60 KB query once took 46 s).
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 16
MAX_FILTER_CHARS = 200  # a name, place, agency or quote text
MAX_LIMIT = 1000
MAX_OFFSET = 100_000  # deep paging past this is a crawl, not a search
MAX_ID = 2**63 - 1  # archive ids are 64-bit integers
# The filters of a search, in the order a URL or a CLI line gives them.
FILTERS = ("q", "entity", "speaker", "place", "bbox", "since", "until", "agency", "topic")
_DAY_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y")


class QueryError(ValueError):
    """A search parameter that is not valid; the message names the parameter and says why."""


class QueryTooLarge(QueryError):
    """A search parameter over its length or term limit (the message names the limit)."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A checked search: every filter valid, dates as ISO days, ``until`` the last day it names."""

    text: str | None = None
    entity: str | int | None = None
    speaker: str | int | None = None
    place: str | None = None
    bbox: BBox | None = None
    since: str | None = None
    until: str | None = None
    agency: str | None = None
    topic: str | None = None
    all_versions: bool = False
    sort: str | None = None  # None: relevance with text, newest without
    limit: int = 20
    offset: int = 0

    @classmethod
    def parse(
        cls,
        *,
        q: Any = None,
        text: Any = None,
        entity: Any = None,
        speaker: Any = None,
        place: Any = None,
        bbox: Any = None,
        since: Any = None,
        until: Any = None,
        agency: Any = None,
        topic: Any = None,
        all_versions: Any = False,
        sort: Any = None,
        limit: Any = 20,
        offset: Any = 0,
    ) -> SearchQuery:
        """A query from raw values (strings from a URL or a command line, or typed values);
        empty strings mean no filter. Raises ``QueryError`` naming the first bad parameter."""
        words = clean(q if q is not None else text)
        check_query(words)
        names = {"entity": entity, "speaker": speaker, "place": place, "agency": agency, "topic": topic}
        for name, value in names.items():
            if isinstance(value, str):
                check_text(value, name)
        sort = clean(sort)
        if sort is not None and sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        return cls(
            text=words,
            entity=_name_or_id(entity),
            speaker=_name_or_id(speaker),
            place=clean(place),
            bbox=parse_bbox(bbox),
            since=since_day(since),
            until=until_day(until),
            agency=clean(agency),
            topic=clean(topic),
            all_versions=_flag(all_versions, "all_versions"),
            sort=sort,
            limit=_count(limit, "limit", 1, MAX_LIMIT),
            offset=_count(offset, "offset", 0, MAX_OFFSET),
        )

    @classmethod
    def from_params(cls, params: Mapping[str, str], **fixed: Any) -> SearchQuery:
        """A query from a URL's parameters (unknown ones ignored); ``fixed`` wins over them."""
        fields = (*FILTERS, "all_versions", "sort", "limit", "offset")
        return cls.parse(**{**{k: params[k] for k in fields if k in params}, **fixed})

    def filters(self) -> dict[str, Any]:
        """The filters as ``Store._matching`` takes them."""
        return {
            "entity": self.entity,
            "speaker": self.speaker,
            "place": self.place,
            "bbox": self.bbox,
            "since": self.since,
            "until": self.until,
            "agency": self.agency,
            "topic": self.topic,
            "all_versions": self.all_versions,
        }

    def params(self) -> dict[str, str]:
        """The query as URL parameters (only those set), to link to it or to a page of it."""
        values = {
            "q": self.text,
            "entity": self.entity,
            "speaker": self.speaker,
            "place": self.place,
            "bbox": ",".join(f"{v:g}" for v in self.bbox) if self.bbox else None,
            "since": self.since,
            "until": self.until,
            "agency": self.agency,
            "topic": self.topic,
            "all_versions": "true" if self.all_versions else None,
            "sort": self.sort,
            "offset": str(self.offset) if self.offset else None,
        }
        return {k: str(v) for k, v in values.items() if v is not None}

    def replace(self, **changes: Any) -> SearchQuery:
        return dataclasses.replace(self, **changes)

    @property
    def searched(self) -> bool:
        """True when any filter is set (a bare search page asks for nothing yet)."""
        return any(
            self.filters()[k] for k in ("entity", "speaker", "place", "bbox", "since", "until", "agency", "topic")
        ) or bool(self.text)


def clean(value: Any) -> str | None:
    """Empty form fields mean 'no filter'."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def check_text(value: str | None, name: str, limit: int = MAX_FILTER_CHARS) -> None:
    if value is not None and len(value) > limit:
        raise QueryTooLarge(f"{name} is {len(value):,} characters, over the {limit}-character limit")


def check_query(text: str | None) -> None:
    """A full-text query within ``MAX_QUERY_CHARS`` and ``MAX_QUERY_TERMS``."""
    check_text(text, "the query", MAX_QUERY_CHARS)
    if text and len(terms := query_terms(text)) > MAX_QUERY_TERMS:
        raise QueryTooLarge(f"the query has {len(terms)} terms, over the limit of {MAX_QUERY_TERMS}")


def archive_id(value: str | int) -> int | None:
    """An archive id (an int, or ASCII digits in range), else None: a name, not an id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_ID else None
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None


def parse_day(value: Any, name: str) -> str | None:
    """An ISO date as given (YYYY-MM-DD, YYYY-MM or YYYY), or None when absent."""
    text = clean(value)
    if text is None:
        return None
    for fmt in _DAY_FORMATS if text.isascii() else ():  # strptime reads "２０２４" as 2024
        try:
            dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if len(text) == len(fmt.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")):
            return text
    raise QueryError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {text[:40]!r}")


def since_day(value: Any) -> str | None:
    """A ``since`` bound: the first day of the day, month or year it names."""
    day = parse_day(value, "since")
    return {4: f"{day}-01-01", 7: f"{day}-01"}.get(len(day), day) if day else None


def until_day(value: Any) -> str | None:
    """An ``until`` bound that includes the whole month or year it names."""
    day = parse_day(value, "until")
    return {4: f"{day}-12-31", 7: f"{day}-31"}.get(len(day), day) if day else None


def parse_bbox(value: Any) -> BBox | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees (text or four numbers), or None when absent."""
    if value is None or value == "":
        return None
    try:
        parts = tuple(float(p) for p in (value.split(",") if isinstance(value, str) else value))
    except (TypeError, ValueError):
        parts = ()
    if len(parts) != 4:
        raise QueryError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise QueryError("bbox out of range: need -180<=min_lon<=max_lon<=180, -90<=min_lat<=max_lat<=90")
    return parts


def _name_or_id(value: Any) -> str | int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else clean(value)


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise QueryError(f"{name} must be true or false, got {text[:40]!r}")


def _count(value: Any, name: str, low: int, high: int) -> int:
    """A whole number in [low, high] from an int or its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    else:
        text = clean(value) or ""
        if not (text.isascii() and text.lstrip("-").isdigit() and len(text) <= 20):
            raise QueryError(f"{name} must be a whole number, got {text[:40]!r}")
        n = int(text)
    if not low <= n <= high:
        raise QueryError(f"{name} must be between {low:,} and {high:,}, got {n:,}")
    return n
