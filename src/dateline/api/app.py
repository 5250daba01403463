"""The app factory: JSON endpoints under ``/api``, pages elsewhere, one ``Store`` shared by both.

Endpoints are plain (sync) functions, so FastAPI runs them in its thread pool; the ``Store``
gives each thread its own database connection.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.api.geo import feature_collection
from dateline.api.params import clean, parse_bbox, parse_day, until_day
from dateline.store import Store
from dateline.store.api import MAX_FILTER_CHARS, MAX_ID, MAX_QUERY_CHARS, SORTS, QueryTimeout, QueryTooLarge
from dateline.store.models import SearchResults

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
# The pages load nothing from elsewhere and run no inline script: a browser enforces both.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
LIMIT = Query(20, ge=1, le=200, description="Rows per page.")
SORT = Query(None, pattern="^(relevance|newest|oldest)$",
             description="relevance (with q; the default then), newest (the default without q) or oldest.")
MAX_OFFSET = 100_000  # deep paging past this is a crawl, not a search


def _text(description: str | None = None, limit: int = MAX_FILTER_CHARS):
    """A free-text query parameter, with its length capped (longer is a 422 naming the limit)."""
    return Query(None, max_length=limit, description=description)


def _id(description: str):
    """A 64-bit archive id in the path (anything else is a 422, never an overflow)."""
    return PathParam(..., ge=0, le=MAX_ID, description=description)


def create_app(store_url: str | os.PathLike | Store | None = None) -> FastAPI:
    """The JSON API and the web pages over the archive at ``store_url`` (path, URL or open ``Store``).

    The interactive API docs are off: they load scripts from a CDN, and the pages make no
    request beyond this server. ``/openapi.json`` describes the API.
    """
    owned = not isinstance(store_url, Store)
    store = store_url if isinstance(store_url, Store) else Store.open(store_url or "dateline.db")
    app = FastAPI(title="dateline archive", version=__version__, docs_url=None, redoc_url=None,
                  description="Who did what with whom, where and when, and who said what, across an archive "
                              "of news stories. Every fact carries its character span in the story text.")
    app.state.store = store
    if owned:  # a Store passed in belongs to the caller, who closes it
        app.router.on_shutdown.append(store.close)
    _errors(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    _api(app, store)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    from dateline.web.pages import register

    register(app, store)
    return app


def _errors(app: FastAPI) -> None:
    """Every failed API request answers JSON ``{"error": ..., "detail": ...}``; pages answer HTML."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": _reason(exc.status_code), "detail": exc.detail}, exc.status_code)
        from dateline.web.pages import error_page

        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(QueryTooLarge)
    @app.exception_handler(QueryTimeout)
    async def too_much(request: Request, exc: Exception):
        """A search over its limits or its time budget: the client's to narrow, a 400."""
        return await http_error(request, StarletteHTTPException(400, str(exc)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "detail": detail}, 422)


def _reason(status: int) -> str:
    return {400: "bad request", 404: "not found", 405: "method not allowed"}.get(status, "error")


def _api(app: FastAPI, store: Store) -> None:
    @app.get("/api/stories", tags=["stories"], summary="Search stories")
    def stories(q: str | None = _text("Full text: words and \"quoted phrases\", all required.", MAX_QUERY_CHARS),
                entity: str | None = _text("Entity name (every namesake) or archive id."),
                speaker: str | None = _text("Speaker name or archive entity id."),
                place: str | None = _text("Place name or two-letter country code."),
                bbox: str | None = _text("min_lon,min_lat,max_lon,max_lat"),
                since: str | None = _text("ISO date: story or event on or after."),
                until: str | None = _text("ISO date: story or event on or before."),
                agency: str | None = _text("News agency."),
                topic: str | None = _text("Topic code (medtop:11000000) or label (politics)."),
                all_versions: bool = False,
                sort: str | None = SORT, facets: bool = Query(False, description="Add facet counts."),
                limit: int = LIMIT, offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        found = search(store, q=q, entity=entity, speaker=speaker, place=place, bbox=bbox, since=since,
                       until=until, agency=agency, topic=topic, all_versions=all_versions, sort=sort,
                       facets=facets, limit=limit, offset=offset)
        return {"count": len(found.hits), "total": found.total, "offset": offset, "limit": limit,
                "sort": found.sort, "stories": [h.to_dict() for h in found.hits],
                **({"facets": {k: [f.to_dict() for f in v] for k, v in found.facets.items()}} if facets else {})}

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story's full record")
    def story(story_id: str = PathParam(..., max_length=64)) -> dict[str, Any]:
        found = store.get_story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return found.to_dict()

    @app.get("/api/entities", tags=["entities"], summary="Entities, most reported first")
    def entities(name: str | None = _text("Entity name."), type: str | None = _text("PERSON, ORG, GPE..."),
                 limit: int = LIMIT) -> dict[str, Any]:
        found = store.entities(clean(name), type=clean(type), limit=limit)
        return {"count": len(found), "entities": [e.to_dict() for e in found]}

    @app.get("/api/entities/{entity_id}", tags=["entities"], summary="An entity's profile")
    def entity(entity_id: int = _id("Archive entity id."), limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        profile = store.entity(entity_id, limit=limit)
        if profile is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return profile.to_dict()

    @app.get("/api/quotes", tags=["quotes"], summary="Who said what")
    def quotes(speaker: str | None = _text("Speaker name or archive entity id."),
               text: str | None = _text("Words the quote contains."),
               since: str | None = _text(), until: str | None = _text(),
               limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        found = store.quotes(clean(speaker), text=clean(text), since=parse_day(since, "since"),
                             until=until_day(until), limit=limit)
        return {"count": len(found), "quotes": [q.to_dict() for q in found]}

    @app.get("/api/places", tags=["places"], summary="Places as GeoJSON points")
    def places(bbox: str | None = _text("min_lon,min_lat,max_lon,max_lat"),
               limit: int = Query(1000, ge=1, le=10000)) -> dict[str, Any]:
        return feature_collection(store.places(parse_bbox(bbox), limit=limit))

    @app.get("/api/timeline", tags=["time"], summary="Stories and events per day")
    def timeline(entity: str | None = _text("Entity name or archive id."), since: str | None = _text(),
                 until: str | None = _text()) -> dict[str, Any]:
        days = store.timeline(entity=clean(entity), since=parse_day(since, "since"), until=until_day(until))
        return {"days": [d.to_dict() for d in days]}

    @app.get("/api/threads", tags=["threads"], summary="The biggest story threads")
    def threads(limit: int = Query(50, ge=1, le=500), min_stories: int = Query(2, ge=1, le=MAX_ID)) -> dict[str, Any]:
        return {"threads": [t.to_dict() for t in store.threads(limit=limit, min_stories=min_stories)]}

    @app.get("/api/threads/{thread_id}", tags=["threads"], summary="The stories of one thread")
    def thread(thread_id: int = _id("Thread id.")) -> dict[str, Any]:
        found = store.thread(thread_id)
        if not found:
            raise HTTPException(404, f"no thread {thread_id}")
        return {"thread": thread_id, "stories": [h.to_dict() for h in found]}

    @app.get("/api/topics", tags=["topics"], summary="Topics with their story counts (facets)")
    def topics(scheme: str | None = Query(None, description="iptc-mediatopic, or a trained model's scheme."),
               limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        found = store.topics(scheme=clean(scheme), limit=limit)
        return {"count": len(found), "topics": [t.to_dict() for t in found]}

    @app.get("/api/stats", tags=["archive"], summary="Row counts and size")
    def stats() -> dict[str, int]:
        return store.stats()


def search(store: Store, *, q: str | None = None, entity: str | None = None, speaker: str | None = None,
           place: str | None = None, bbox: str | None = None, since: str | None = None,
           until: str | None = None, agency: str | None = None, topic: str | None = None,
           all_versions: bool = False, sort: str | None = None, facets: bool = False, limit: int = 20,
           offset: int = 0) -> SearchResults:
    """``Store.results`` with the request's raw strings checked (bad ones raise a 400)."""
    sort = clean(sort)
    if sort is not None and sort not in SORTS:
        raise HTTPException(400, f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    return store.results(clean(q), entity=clean(entity), speaker=clean(speaker), place=clean(place),
                         bbox=parse_bbox(bbox), since=parse_day(since, "since"), until=until_day(until),
                         agency=clean(agency), topic=clean(topic), all_versions=all_versions, sort=sort,
                         facets=facets, limit=limit, offset=offset)
