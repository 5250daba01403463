"""One data function per page, shared by the JSON API and the HTML pages (datasette's way).

Each ``*_view(store, ...)`` checks its parameters (a bad one is a ``QueryError``), reads the
store and returns a typed value: ``to_dict()`` is the API's JSON, the same value fills the
page's template, and ``table()`` (where a page has rows) is what ``export`` writes as CSV,
JSON Lines or GeoJSON. ``api`` and ``web`` both import this package; neither imports the other's
routes.
"""

from dateline.views.entity import EntityView, entity_view
from dateline.views.listing import PlacesView, QuotesView, TimelineView, places_view, quotes_view, timeline_view
from dateline.views.search import SearchView, search_view
from dateline.views.story import StoryView, story_view

__all__ = [
    "EntityView",
    "PlacesView",
    "QuotesView",
    "SearchView",
    "StoryView",
    "TimelineView",
    "entity_view",
    "places_view",
    "quotes_view",
    "search_view",
    "story_view",
    "timeline_view",
]
