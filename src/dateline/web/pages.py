"""The HTML pages. Every value reaches the page through Jinja2 autoescaping; the story text
through ``highlight``, which escapes it piece by piece."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from dateline.store import Store
from dateline.store.query import FILTERS, SearchQuery, clean
from dateline.views import entity_view, quotes_view, search_view, story_view, timeline_view
from dateline.views.dates import country_name, readable_date
from dateline.web.highlight import highlighted_paragraphs

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
PAGE_SIZE = 20
QUOTES_SHOWN = 100
QUOTE_FILTERS = ("speaker", "text", "since", "until")
# Facet name -> (heading, the search filter a facet value sets).
FACETS = {
    "people": ("People", "entity"),
    "organisations": ("Organisations", "entity"),
    "places": ("Places", "place"),
    "countries": ("Countries", "place"),
    "agencies": ("Agencies", "agency"),
    "topics": ("Topics", "topic"),
    "months": ("Months", "month"),
}


def register(app: FastAPI, store: Store) -> None:
    """Add the page routes to ``app`` (not in the OpenAPI document: they are not an API). Each
    page renders the same view its ``/api`` twin answers as JSON; its export links point there."""
    get = lambda path: app.get(path, response_class=HTMLResponse, include_in_schema=False)  # noqa: E731

    @get("/")
    def home(request: Request):
        return _page(
            request,
            "home.html",
            stories=store.search(limit=50),
            threads=store.threads(limit=20),
            stats=store.stats(),
            topics=store.topics(limit=20),
        )

    @get("/search")
    def search_page(request: Request):
        args = {k: clean(request.query_params.get(k)) for k in FILTERS}
        view = search_view(
            store, SearchQuery.from_params(request.query_params, limit=PAGE_SIZE), facets=True, always=False
        )
        found = view.results
        return _page(
            request,
            "search.html",
            view=view,
            found=found,
            args=args,
            searched=found is not None,
            links=search_links(args, found) if found else {},
            facets=FACETS,
            exports=export_links("/api/stories", {**view.query.params(), "limit": str(PAGE_SIZE)}),
        )

    @get("/stories/{story_id}")
    def story(request: Request, story_id: str):
        view = _found(story_view(store, story_id), f"no story {story_id!r}")
        return _page(
            request,
            "story.html",
            view=view,
            story=view.detail,
            article=view.article,
            dateline=view.dateline,
            panel=view.panel,
            paragraphs=highlighted_paragraphs(view.record, view.detail.entity_ids),
        )

    @get("/entities")
    def entity_search(request: Request, name: str = ""):
        found = store.entities(name.strip() or None, limit=100)
        if name.strip() and len(found) == 1:
            return RedirectResponse(f"/entities/{found[0].id}", status_code=303)
        return _page(request, "entities.html", entities=found, name=name)

    @get("/entities/{entity_id}")
    def entity(request: Request, entity_id: int):
        view = _found(entity_view(store, entity_id), f"no entity {entity_id}")
        p = view.profile
        return _page(
            request,
            "entity.html",
            view=view,
            p=p,
            bars=timeline_bars(p.timeline),
            tone=tone_summary(p.tone),
            months=month_bars(p.months),
            net=view.network,
            exports=export_links(f"/api/entities/{p.entity.id}", {}),
            quote_exports=export_links("/api/quotes", {"speaker": str(p.entity.id), "limit": "50"}),
        )

    @get("/quotes")
    def quotes(request: Request):
        args = {k: clean(request.query_params.get(k)) for k in QUOTE_FILTERS}
        view = quotes_view(store, **args, limit=QUOTES_SHOWN)
        return _page(
            request,
            "quotes.html",
            view=view,
            args=args,
            exports=export_links("/api/quotes", {**args, "limit": str(QUOTES_SHOWN)}),
        )

    @get("/threads")
    def threads_page(request: Request):
        return _page(request, "threads.html", threads=store.threads(limit=100))

    @get("/threads/{thread_id}")
    def thread(request: Request, thread_id: int):
        hits = store.thread(thread_id)
        if not hits:
            raise HTTPException(404, f"no thread {thread_id}")
        days = [h.day for h in hits if h.day]
        return _page(
            request,
            "thread.html",
            thread=thread_id,
            hits=hits,
            stories=thread_stories(hits),
            entities=store.thread_entities(thread_id),
            first_day=min(days, default=None),
            last_day=max(days, default=None),
        )

    @get("/stories/{older}/diff/{newer}")
    def version_diff(request: Request, older: str, newer: str):
        pieces = store.version_diff(older, newer)
        if pieces is None:
            raise HTTPException(404, "these are not two versions of one stored story")
        return _page(request, "diff.html", pieces=pieces, older=store.get_story(older), newer=store.get_story(newer))

    @get("/map")
    def map_page(request: Request):
        return _page(request, "map.html", exports=export_links("/api/places", {}))

    @get("/timeline")
    def timeline(request: Request, entity: str = "", since: str = "", until: str = ""):
        view = timeline_view(store, entity=entity, since=since, until=until)
        by_day: dict[str, list[Any]] = {}
        for e in view.events:
            assert e.day is not None  # store.events keeps dated events only ("e.day IS NOT NULL")
            by_day.setdefault(e.day, []).append(e)
        return _page(
            request,
            "timeline.html",
            view=view,
            bars=timeline_bars(view.days),
            events=by_day,
            entity=entity,
            since=since,
            until=until,
        )


def thread_stories(hits) -> list[dict[str, Any]]:
    """A thread's stories, one entry per story: its current version and the older ones
    (newest first), in the order the thread lists their first version."""
    groups: dict[Any, list] = {}
    for h in hits:
        groups.setdefault(h.version_group if h.version_group is not None else h.id, []).append(h)
    out = []
    for versions in groups.values():
        current = next((h for h in versions if h.is_current), versions[-1])
        older = sorted(
            (h for h in versions if h is not current), key=lambda h: h.published or h.day or "", reverse=True
        )
        out.append({"current": current, "older": older})
    return out


def _found(view: Any, message: str) -> Any:
    if view is None:
        raise HTTPException(404, message)
    return view


def export_links(path: str, params: Mapping[str, str | None]) -> dict[str, str]:
    """The URLs that download what a page shows, one per export format."""
    base = {k: v for k, v in params.items() if v}
    return {
        name: f"{path}?{urlencode({**base, 'format': fmt})}"
        for name, fmt in (("CSV", "csv"), ("JSON Lines", "jsonl"), ("GeoJSON", "geojson"))
    }


def month_bars(months) -> list[dict[str, Any]]:
    """Per-month rows with bar widths for an entity's mentions over time (busiest month 80% of its cell)."""
    top = max([m.stories for m in months] or [1]) or 1
    return [
        {
            "month": m.month,
            "stories": m.stories,
            "mentions": m.mentions,
            "quotes": m.quotes,
            "width": round(80 * m.stories / top, 1),
        }
        for m in months
    ]


def search_links(args: Mapping[str, str | None], found) -> dict[str, Any]:
    """Query strings for the search page's previous/next page, sort and facet links (filters kept)."""
    base = {k: v for k, v in args.items() if v}
    sort = {"sort": found.sort}

    def url(**changes: Any) -> str:
        return "/search?" + urlencode({**base, **sort, **changes})

    def narrowed(key: str, f, name: str) -> str:
        if key == "month":  # the month's first to last day
            return url(since=f.value, until=f.value)
        return url(**{key: f.value if key in ("entity", "topic") or name == "countries" else f.label})

    facet = {
        name: {f.value: narrowed(key, f, name) for f in found.facets.get(name, ())} for name, (_, key) in FACETS.items()
    }
    return {
        "prev": url(offset=max(0, found.offset - found.limit)) if found.offset > 0 else None,
        "next": url(offset=found.offset + found.limit) if found.offset + found.limit < found.total else None,
        "sort": {
            s: "/search?" + urlencode({**base, "sort": s})
            for s in ("relevance", "newest", "oldest")
            if s != "relevance" or base.get("q")
        },
        "facet": facet,
    }


def marked(snippet: str | None, marks: Any = ()) -> Markup:
    """A search snippet as HTML: the text escaped, each matched word in ``<mark>``."""
    if not snippet:
        return Markup("")
    out, at = [], 0
    for start, end in marks or ():
        out += [str(escape(snippet[at:start])), "<mark>", str(escape(snippet[start:end])), "</mark>"]
        at = end
    out.append(str(escape(snippet[at:])))
    return Markup("".join(out))


TEMPLATES.env.filters["marked"] = marked
TEMPLATES.env.filters["readable_date"] = readable_date
TEMPLATES.env.filters["country"] = lambda code: country_name(code) or code


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    response = _page(request, "error.html", status=status, message=message)
    response.status_code = status
    return response


def tone_summary(days) -> dict[str, Any]:
    """An entity's mentions by polarity over all its days, and per-day rows for the table."""
    total = sum(d.mentions for d in days)
    pos, neg = sum(d.positive for d in days), sum(d.negative for d in days)
    return {
        "mentions": total,
        "positive": pos,
        "negative": neg,
        "neutral": total - pos - neg,
        "mean": round(sum(d.mean * d.mentions for d in days) / total, 3) if total else None,
        "days": [
            {
                "day": d.day,
                "mentions": d.mentions,
                "mean": d.mean,
                "width": round(40 * abs(d.mean), 1),
                "sign": "pos" if d.mean > 0 else "neg",
            }
            for d in days
        ],
    }


def timeline_bars(days) -> list[dict[str, Any]]:
    """Per-day rows with bar widths for the timeline view: the busiest day fills 80% of its cell."""
    top = max([max(d.stories, d.events) for d in days] or [1]) or 1
    return [
        {
            "day": d.day,
            "stories": d.stories,
            "events": d.events,
            "s_width": round(80 * d.stories / top, 1),
            "e_width": round(80 * d.events / top, 1),
        }
        for d in days
    ]
