"""The search page's data: one checked ``SearchQuery`` and its page of results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.store import Store
from dateline.store.models import SearchResults
from dateline.store.query import SearchQuery
from dateline.views.export import STORY_COLUMNS, Table, place_columns


@dataclass(frozen=True, slots=True)
class SearchView:
    query: SearchQuery
    results: SearchResults | None  # None: nothing asked yet (the bare search page)
    facets: bool = False

    def to_dict(self) -> dict[str, Any]:
        found = self.results or SearchResults(0, self.query.offset, self.query.limit, self.query.sort or "newest", [])
        body = {
            "count": len(found.hits),
            "total": found.total,
            "offset": found.offset,
            "limit": found.limit,
            "sort": found.sort,
            "stories": [h.to_dict() for h in found.hits],
        }
        if self.facets:
            body["facets"] = {k: [f.to_dict() for f in v] for k, v in found.facets.items()}
        return body

    def table(self) -> Table:
        hits = self.results.hits if self.results else []
        return Table("stories", STORY_COLUMNS, [{**h.to_dict(), **place_columns(h.place)} for h in hits])


def search_view(store: Store, query: SearchQuery, *, facets: bool = False, always: bool = True) -> SearchView:
    """A page of ``query``'s results (with facet counts when asked); with ``always`` False a
    query that sets no filter asks nothing (the search page before a search)."""
    if not always and not query.searched:
        return SearchView(query, None, facets)
    return SearchView(query, store.results(query, facets=facets), facets)
