"""The quotes, map and timeline pages' data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.store import Store
from dateline.store.models import DayCount, EventHit, PlaceCount, QuoteHit
from dateline.store.query import BBox, check_text, clean, parse_bbox, since_day, until_day
from dateline.views.export import PLACE_COLUMNS, QUOTE_COLUMNS, Table, feature_collection, place_columns

SAY = "say"


@dataclass(frozen=True, slots=True)
class QuotesView:
    """Who said what across the archive, newest first."""

    speaker: str | None
    text: str | None
    since: str | None
    until: str | None
    quotes: list[QuoteHit]

    def to_dict(self) -> dict[str, Any]:
        return {"count": len(self.quotes), "quotes": [q.to_dict() for q in self.quotes]}

    def table(self) -> Table:
        rows = [
            {
                **q.to_dict(),
                "speaker_id": q.speaker.id if q.speaker else None,
                "speaker": q.speaker.name if q.speaker else None,
                **place_columns(q.place),
            }
            for q in self.quotes
        ]
        return Table("quotes", QUOTE_COLUMNS, rows)


def quotes_view(
    store: Store, *, speaker: Any = None, text: Any = None, since: Any = None, until: Any = None, limit: int = 50
) -> QuotesView:
    """Quotes filtered as ``Store.quotes`` filters them (dates checked as a search checks them)."""
    speaker, text = clean(speaker), clean(text)
    check_text(speaker, "speaker")
    check_text(text, "quote text")
    since, until = since_day(since), until_day(until)
    found = store.quotes(speaker, text=text, since=since, until=until, limit=limit, places=True)
    return QuotesView(speaker, text, since, until, found)


@dataclass(frozen=True, slots=True)
class PlacesView:
    """The places the stories name, with story counts (the map)."""

    bbox: BBox | None
    places: list[PlaceCount]

    def to_dict(self) -> dict[str, Any]:
        return feature_collection(self.table())

    def table(self) -> Table:
        return Table("places", PLACE_COLUMNS, [p.to_dict() for p in self.places])


def places_view(store: Store, *, bbox: Any = None, limit: int = 1000) -> PlacesView:
    box = parse_bbox(bbox)
    return PlacesView(box, store.places(box, limit=limit))


@dataclass(frozen=True, slots=True)
class TimelineView:
    """Stories and events per day, and the dated events themselves in time order."""

    entity: str | None
    since: str | None
    until: str | None
    days: list[DayCount]
    events: list[EventHit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"days": [d.to_dict() for d in self.days], "events": [e.to_dict() for e in self.events]}


EVENTS_PER_DAY = 8


def timeline_view(
    store: Store, *, entity: Any = None, since: Any = None, until: Any = None, events: int = 1000
) -> TimelineView:
    """The timeline: stories and events per day, and the first ``EVENTS_PER_DAY`` events of
    each day (reporting, "say", events left out: they are the quotes)."""
    entity = clean(entity)
    check_text(entity, "entity")
    since, until = since_day(since), until_day(until)
    days = store.timeline(entity=entity, since=since, until=until)
    found = store.events(
        entity=entity, since=since, until=until, skip_types=(SAY,), per_day=EVENTS_PER_DAY, limit=events
    )
    return TimelineView(entity, since, until, days, found)
