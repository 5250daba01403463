"""Typed result of the structure parser: every part with its span in the original text."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.record import Span


@dataclass(frozen=True, slots=True)
class Field:
    """A piece of text found in the story, with where it was found."""

    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class DatelineField:
    places: tuple[Field, ...]
    country: str | None  # ISO 3166-1 alpha-2, when the region says it
    date: str | None  # YYYY-MM-DD, or XXXX-MM-DD when no year is known (TIMEX3's convention)
    date_text: Field | None
    agency: str | None
    start: int
    end: int
    region: Field | None = None  # what follows the place, as written: "Ky.", "Ont.", "Russia"
    division: Field | None = None  # the region when it is a state or province (not a country)
    station: str | None = None  # a local station's call sign: "LONDON, Ky. (WKYT) -"


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One person named in the closing credits, with role and place."""

    role: str  # reporting | additional_reporting | writing | editing | compiling | contributing
    name: Field
    place: Field | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """The story's structure. ``body`` and ``paragraphs`` are always set; the rest may be absent."""

    text: str
    body: Field
    paragraphs: tuple[Field, ...]
    headline: Field | None = None
    agency: str | None = None
    agency_span: Field | None = None
    published: str | None = None  # ISO 8601 with offset
    published_span: Field | None = None
    update_note: Field | None = None
    bullets: tuple[Field, ...] = ()
    byline: Field | None = None
    authors: tuple[Field, ...] = ()
    dateline: DatelineField | None = None
    credits: tuple[CreditLine, ...] = ()
    credits_span: Field | None = None
    boilerplate: tuple[Field, ...] = ()
    url: str | None = None
    tables: tuple[Field, ...] = ()  # tables and lists of figures: kept, not read as sentences
    wraps: tuple[tuple[int, int], ...] = ()  # line breaks inside paragraphs of hard-wrapped copy
    extra: dict[str, str] = field(default_factory=dict)  # metadata from HTML or JSON Lines input

    @property
    def journalist_names(self) -> tuple[str, ...]:
        """Names of the story's authors and credited staff: they are not people in the story."""
        names = [a.text for a in self.authors] + [c.name.text for c in self.credits]
        return tuple(dict.fromkeys(names))

    @property
    def anchor_date(self) -> str | None:
        """The story's own date (YYYY-MM-DD): the dateline date, else the published date."""
        if self.dateline and self.dateline.date:
            return self.dateline.date
        if self.published:
            return self.published[:10]
        return None
