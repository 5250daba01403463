"""The archive: many read stories in SQLite or PostgreSQL, searchable and explorable.

``Store`` is the API (see ``dateline.store.api``); ``dateline.ingest`` fills it from files.
"""

from __future__ import annotations

from dateline.store.api import Store
from dateline.store.query import QueryError, QueryTooLarge, SearchQuery
from dateline.store.threads import ThreadSettings

__all__ = [
    "Store",
    "ThreadSettings",
    "StoryHit",
    "StoryDetail",
    "EntityRef",
    "EntityProfile",
    "QuoteHit",
    "EventHit",
    "PlaceCount",
    "DayCount",
    "ThreadSummary",
    "SearchResults",
    "FacetCount",
    "SearchQuery",
    "QueryError",
    "QueryTooLarge",
]
