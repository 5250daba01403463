"""The app factory: JSON endpoints under ``/api``, pages elsewhere, one ``Store`` shared by both.

Endpoints are plain (sync) functions, so FastAPI runs them in its thread pool; the ``Store``
gives each thread its own database connection.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.store import Store
from dateline.store.backend import QueryTimeout
from dateline.store.query import MAX_FILTER_CHARS, MAX_ID, MAX_OFFSET, MAX_QUERY_CHARS, QueryError, SearchQuery, clean
from dateline.views import entity_view, places_view, quotes_view, search_view, story_view, timeline_view
from dateline.views.export import FORMATS, filename, render
from dateline.web.pages import error_page, register

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
SORT = Query(
    None,
    pattern="^(relevance|newest|oldest)$",
    description="relevance (with q; the default then), newest (the default without q) or oldest.",
)
FORMAT = Query(
    "json",
    pattern="^(json|csv|jsonl|geojson)$",
    description="json (the default), or the rows as a download: csv, jsonl or geojson (docs/web.md).",
)


class MergeRequest(BaseModel):
    into: int = Field(..., ge=0, le=MAX_ID, description="The entity it is the same as.")
    note: str | None = Field(None, max_length=MAX_FILTER_CHARS, description="Why, for the record.")


class SplitRequest(BaseModel):
    stories: list[str] = Field(..., min_length=1, max_length=1000, description="Story ids naming someone else.")
    note: str | None = Field(None, max_length=MAX_FILTER_CHARS, description="Why, for the record.")


def _corrected(action) -> dict[str, Any]:
    """An editor's correction as JSON: an unknown id is a 404, an impossible correction a 422."""
    try:
        return dataclasses.asdict(action())
    except LookupError as exc:
        raise HTTPException(404, str(exc.args[0] if exc.args else exc)) from None
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


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
    app = FastAPI(
        title="dateline archive",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="Who did what with whom, where and when, and who said what, across an archive "
        "of news stories. Every fact carries its character span in the story text.",
    )
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
    register(app, store)
    return app


def _errors(app: FastAPI) -> None:
    """Every failed API request answers JSON ``{"error": ..., "detail": ...}``; pages answer HTML."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": _reason(exc.status_code), "detail": exc.detail}, exc.status_code)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(QueryError)
    @app.exception_handler(QueryTimeout)
    async def bad_query(request: Request, exc: Exception):
        """A bad search parameter, or a search over its limits or its time budget: the client's
        to mend or narrow, a 400 (JSON from the API, a page from the pages)."""
        return await http_error(request, StarletteHTTPException(400, str(exc)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "detail": detail}, 422)


def _reason(status: int) -> str:
    return {400: "bad request", 404: "not found", 405: "method not allowed"}.get(status, "error")


def _api(app: FastAPI, store: Store) -> None:
    @app.get(
        "/api/stories",
        tags=["stories"],
        summary="Search stories",
        responses={200: {"content": {media: {} for media, _ in FORMATS.values()}}},
    )
    def stories(
        q: str | None = _text('Full text: words and "quoted phrases", all required.', MAX_QUERY_CHARS),
        entity: str | None = _text("Entity name (every namesake) or archive id."),
        speaker: str | None = _text("Speaker name or archive entity id."),
        place: str | None = _text("Place name or two-letter country code."),
        bbox: str | None = _text("min_lon,min_lat,max_lon,max_lat"),
        since: str | None = _text("ISO date (YYYY, YYYY-MM, YYYY-MM-DD): story or event on or after."),
        until: str | None = _text("ISO date: story or event on or before (a year or month: to its end)."),
        agency: str | None = _text("News agency."),
        topic: str | None = _text("Topic code (medtop:11000000) or label (politics)."),
        all_versions: bool = False,
        sort: str | None = SORT,
        facets: bool = Query(False, description="Add facet counts."),
        limit: int = LIMIT,
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        format: str = FORMAT,
    ):
        query = SearchQuery.parse(
            q=q,
            entity=entity,
            speaker=speaker,
            place=place,
            bbox=bbox,
            since=since,
            until=until,
            agency=agency,
            topic=topic,
            all_versions=all_versions,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return respond(search_view(store, query, facets=facets and format == "json"), format)

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story's full record")
    def story(story_id: str = PathParam(..., max_length=64)) -> dict[str, Any]:
        return found(story_view(store, story_id), f"no story {story_id!r}").to_dict()

    @app.get("/api/stories/{older}/diff/{newer}", tags=["stories"], summary="What changed between two versions")
    def version_diff(
        older: str = PathParam(..., max_length=64), newer: str = PathParam(..., max_length=64)
    ) -> dict[str, Any]:
        pieces = store.version_diff(older, newer)
        if pieces is None:
            raise HTTPException(404, "these are not two versions of one stored story")
        return {"from": older, "to": newer, "pieces": [p.to_dict() for p in pieces]}

    @app.post(
        "/api/entities/{entity_id}/merge",
        tags=["entities"],
        summary="An editor's correction: this entity and another are one",
    )
    def merge_entity(body: MergeRequest, entity_id: int = _id("The entity merged away.")) -> dict[str, Any]:
        return _corrected(lambda: store.merge_entities(entity_id, body.into, note=body.note))

    @app.post(
        "/api/entities/{entity_id}/split",
        tags=["entities"],
        summary="An editor's correction: what these stories say of the entity is someone else",
    )
    def split_entity(body: SplitRequest, entity_id: int = _id("The entity split.")) -> dict[str, Any]:
        return _corrected(lambda: store.split_entity(entity_id, body.stories, note=body.note))

    @app.get(
        "/api/entities/{entity_id}/evidence",
        tags=["entities"],
        summary="How each story's entity came to be this one, and the editor's corrections",
    )
    def entity_evidence(
        entity_id: int = _id("Archive entity id."), limit: int = Query(100, ge=1, le=1000)
    ) -> dict[str, Any]:
        return {
            "entity": entity_id,
            "evidence": store.entity_evidence(entity_id, limit=limit),
            "corrections": [dataclasses.asdict(c) for c in store.corrections(entity_id)],
        }

    @app.get("/api/entities", tags=["entities"], summary="Entities, most reported first")
    def entities(
        name: str | None = _text("Entity name."), type: str | None = _text("PERSON, ORG, GPE..."), limit: int = LIMIT
    ) -> dict[str, Any]:
        found = store.entities(clean(name), type=clean(type), limit=limit)
        return {"count": len(found), "entities": [e.to_dict() for e in found]}

    @app.get(
        "/api/entities/{entity_id}",
        tags=["entities"],
        summary="An entity's profile",
        responses={200: {"content": {media: {} for media, _ in FORMATS.values()}}},
    )
    def entity(entity_id: int = _id("Archive entity id."), limit: int = Query(50, ge=1, le=500), format: str = FORMAT):
        return respond(found(entity_view(store, entity_id, limit=limit), f"no entity {entity_id}"), format)

    @app.get(
        "/api/quotes",
        tags=["quotes"],
        summary="Who said what",
        responses={200: {"content": {media: {} for media, _ in FORMATS.values()}}},
    )
    def quotes(
        speaker: str | None = _text("Speaker name or archive entity id."),
        text: str | None = _text("Words the quote contains."),
        since: str | None = _text(),
        until: str | None = _text(),
        limit: int = Query(50, ge=1, le=500),
        format: str = FORMAT,
    ):
        return respond(quotes_view(store, speaker=speaker, text=text, since=since, until=until, limit=limit), format)

    @app.get(
        "/api/places",
        tags=["places"],
        summary="Places as GeoJSON points",
        responses={200: {"content": {media: {} for media, _ in FORMATS.values()}}},
    )
    def places(
        bbox: str | None = _text("min_lon,min_lat,max_lon,max_lat"),
        limit: int = Query(1000, ge=1, le=10000),
        format: str = FORMAT,
    ):
        return respond(places_view(store, bbox=bbox, limit=limit), format)

    @app.get("/api/timeline", tags=["time"], summary="Stories and events per day, and the dated events")
    def timeline(
        entity: str | None = _text("Entity name or archive id."),
        since: str | None = _text(),
        until: str | None = _text(),
    ) -> dict[str, Any]:
        return timeline_view(store, entity=entity, since=since, until=until).to_dict()

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
    def topics(
        scheme: str | None = Query(None, description="iptc-mediatopic, or a trained model's scheme."),
        limit: int = Query(50, ge=1, le=500),
    ) -> dict[str, Any]:
        found = store.topics(scheme=clean(scheme), limit=limit)
        return {"count": len(found), "topics": [t.to_dict() for t in found]}

    @app.get("/api/stats", tags=["archive"], summary="Row counts and size")
    def stats() -> dict[str, int]:
        return store.stats()


def respond(view: Any, format: str) -> Any:
    """A view as its JSON (``format="json"``), or its rows as a CSV, JSON Lines or GeoJSON download."""
    if format == "json":
        return view.to_dict()
    table = view.table()
    return Response(
        render(table, format),
        media_type=FORMATS[format][0],
        headers={"Content-Disposition": f'attachment; filename="{filename(table, format)}"'},
    )


def found(view: Any, message: str) -> Any:
    """The view, or a 404 saying what was not found."""
    if view is None:
        raise HTTPException(404, message)
    return view
