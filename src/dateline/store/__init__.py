"""The archive: many read stories in SQLite or PostgreSQL, searchable and explorable.

``Store`` is the API (see ``dateline.store.api``); ``ingest`` fills it from files.
"""
from __future__ import annotations

from dateline.store.api import Store
from dateline.store.ingest import IngestReport, ingest
from dateline.store.models import (
                                   DayCount,
                                   EntityProfile,
                                   EntityRef,
                                   EventHit,
                                   FacetCount,
                                   PlaceCount,
                                   QuoteHit,
                                   SearchResults,
                                   StoryDetail,
                                   StoryHit,
                                   ThreadSummary,
)
from dateline.store.threads import ThreadSettings

__all__ = ["Store", "ThreadSettings", "ingest", "IngestReport", "StoryHit", "StoryDetail", "EntityRef", "EntityProfile",
           "QuoteHit", "EventHit", "PlaceCount", "DayCount", "ThreadSummary",
           "SearchResults", "FacetCount"]
