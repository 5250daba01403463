"""The archive's Python API: open, ingest, search and explore. The CLI and the web server use it.

>>> store = Store.open("dateline.db")            # or "postgresql://user@host/db"
>>> store.ingest(["stories/"], workers=2)
>>> [hit.headline for hit in store.search("ceasefire", since="2019-04-01")]
>>> store.entity("Kim Jong Un").quotes

A ``Store`` may be shared between threads (each thread gets its own connection); writes go
through ``write``/``add``/``ingest``, which run in transactions.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from dateline.record import Article, Source
from dateline.render.digest import dateline_label
from dateline.store.backend import MARK_START, MARK_STOP, Backend, open_backend, query_terms
from dateline.store.backend import QueryTimeout as QueryTimeout  # re-exported: the API's callers catch it here
from dateline.store.features import Prepared, prepare
from dateline.store.identity import name_key
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
    ToneDay,
    TopicCount,
)
from dateline.store.provenance import add_sources, sources_of, story_for_url
from dateline.store.threads import ThreadSettings
from dateline.store.writer import write_story

BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
SORTS = ("relevance", "newest", "oldest")
_ORDER = {"relevance": "f.score DESC, s.n DESC", "newest": "COALESCE(s.day, '') DESC, s.n DESC",
          "oldest": "s.day IS NULL, s.day, s.n"}
# Entity facets: (facet name, entity types counted); the entity id is the value to filter by.
FACET_TYPES = (("people", ("PERSON",)), ("organisations", ("ORG",)), ("places", ("GPE", "LOC", "FAC")))
FACET_SIZE = 10
MONTHS_SHOWN = 120
LEAD_CHARS = 240

# What one search may ask: a hostile query must not hold a core (a 60 KB query once took 46 s).
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 16
MAX_FILTER_CHARS = 200  # a name, place, agency or quote text
SEARCH_SECONDS = 5.0
MAX_ID = 2**63 - 1  # archive ids are 64-bit integers


class QueryTooLarge(ValueError):
    """A search parameter over its length or term limit (the message names the limit)."""


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
_HIT_COLUMNS = "s.id, s.headline, s.agency, s.published, s.day, s.source, s.thread, s.version_group, s.is_current"


class Store:
    """An archive of read stories in SQLite (a path) or PostgreSQL (a URL)."""

    def __init__(self, backend: Backend, *, threads: ThreadSettings = ThreadSettings()) -> None:
        self.db = backend
        self.thread_settings = threads
        self.db.init_schema()

    @classmethod
    def open(cls, url: str | os.PathLike | None = None, **kwargs: Any) -> Store:
        """Open (creating when needed) the archive at a SQLite path or ``postgresql://`` URL."""
        return cls(open_backend(url), **kwargs)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def ingest(self, paths: Sequence[str], **kwargs: Any):
        """Read files, directories, globs or JSON Lines into the archive (see ``store.ingest``)."""
        from dateline.store.ingest import ingest

        return ingest(self, paths, **kwargs)

    def add(self, articles: Iterable[Article]) -> int:
        """Write already-read articles in one transaction; returns how many were new."""
        return self.write([prepare(a) for a in articles])

    def write(self, items: Sequence[Prepared]) -> int:
        """Write prepared stories in one transaction: all of them or, on error, none."""
        with self.db.transaction():
            return sum(write_story(self.db, item, self.thread_settings) is not None for item in items)

    def has_story(self, story_id: str) -> bool:
        return self.db.scalar("SELECT 1 AS x FROM stories WHERE id = ?", (story_id,)) is not None

    def has_url(self, url: str) -> bool:
        """True when a story was already found at this URL (compared by ``provenance.url_key``)."""
        return story_for_url(self.db, url) is not None

    def add_source(self, source: Source, *, story_id: str | None = None) -> bool:
        """Record ``source`` on a stored story: the one with ``story_id``, else the one already found
        at the source's URL. False when there is no such story."""
        if story_id is not None:
            story = self.db.scalar("SELECT n FROM stories WHERE id = ?", (story_id,))
        else:
            story = story_for_url(self.db, source.url)
        if story is None:
            return False
        with self.db.transaction():
            add_sources(self.db, story, [source])
        return True

    # -- stories -----------------------------------------------------------------------
    def search(self, text: str | None = None, *, entity: str | int | None = None,
               speaker: str | int | None = None, place: str | None = None, bbox: BBox | None = None,
               since: str | None = None, until: str | None = None, agency: str | None = None,
               topic: str | None = None, all_versions: bool = False, sort: str | None = None, limit: int = 20,
               offset: int = 0) -> list[StoryHit]:
        """Stories matching every given filter, best full-text match first (else newest first).

        ``entity``/``speaker`` take a name (every namesake) or an archive entity id; ``place``
        a place name or a two-letter country code; ``bbox`` (min_lon, min_lat, max_lon, max_lat);
        ``since``/``until`` ISO dates matched against the story's day and its events' days;
        ``topic`` a topic code ("medtop:11000000") or label ("politics"), of any scheme.
        Only the current version of a story is listed unless ``all_versions``. ``sort`` is one
        of ``SORTS``; relevance needs text and falls back to newest without it. Raises
        ``QueryTooLarge`` past the length and term limits and ``QueryTimeout`` past
        ``SEARCH_SECONDS``.
        """
        found = self._matching(text, entity=entity, speaker=speaker, place=place, bbox=bbox, since=since,
                               until=until, agency=agency, topic=topic, all_versions=all_versions)
        if found is None:
            return []
        join, where, params, score = found
        sql = (f"SELECT {_HIT_COLUMNS}, {score} AS score FROM stories s {join} {where} "
               f"ORDER BY {_order(sort, ranked=bool(join))} LIMIT ? OFFSET ?")
        with self.db.time_budget(SEARCH_SECONDS):
            return [_hit(r) for r in self.db.query(sql, (*params, _bounded(limit), _bounded(offset)))]

    def results(self, text: str | None = None, *, sort: str | None = None, limit: int = 20, offset: int = 0,
                facets: bool = False, **filters: Any) -> SearchResults:
        """A page of ``search`` for a reader: the real total, each hit's dateline and a snippet
        with the matched words marked, and (``facets``) counts of the people, organisations,
        places and agencies of all the matching stories. Filters as for ``search``."""
        found = self._matching(text, **filters)
        ranked = bool(found and found[0])
        sort = "newest" if (sort or "relevance") == "relevance" and not ranked else sort or "relevance"
        if found is None:
            return SearchResults(0, offset, limit, sort, [], {})
        join, where, params, _ = found
        hits = self.search(text, sort=sort, limit=limit, offset=offset, **filters)
        with self.db.time_budget(SEARCH_SECONDS):
            total = int(self.db.scalar(f"SELECT COUNT(*) AS c FROM stories s {join} {where}", params) or 0)
            counts = self._facets(f"SELECT s.n FROM stories s {join} {where}", params) if facets and total else {}
        return SearchResults(total, offset, limit, sort, self._annotate(hits, text), counts)

    def _matching(self, text: str | None, *, entity: str | int | None = None,
                  speaker: str | int | None = None, place: str | None = None, bbox: BBox | None = None,
                  since: str | None = None, until: str | None = None, agency: str | None = None,
                  topic: str | None = None, all_versions: bool = False) -> tuple[str, str, list[Any], str] | None:
        """The FROM-clause join, WHERE clause, parameters and score column of a search; None
        when the text has nothing searchable in it (no story can match). Raises
        ``QueryTooLarge`` past the length and term limits."""
        check_query(text)
        for name, value in (("entity", entity), ("speaker", speaker), ("place", place), ("agency", agency),
                            ("topic", topic)):
            check_text(value if isinstance(value, str) else None, name)
        where: list[str] = []
        params: list[Any] = []
        fts = self.db.fts_source(text) if text else None
        join, score = "", "NULL"
        if fts:
            join, score = f"JOIN ({fts[0]}) f ON f.story = s.n", "f.score"
            params += fts[1]
        elif text:
            return None
        if entity is not None:
            sql, p = self._entity_filter(entity)
            where.append(f"s.n IN (SELECT m.story FROM mentions m WHERE m.entity IN ({sql}))")
            params += p
        if speaker is not None:
            sql, p = self._entity_filter(speaker)
            where.append(f"s.n IN (SELECT q.story FROM quotes q WHERE q.entity IN ({sql}))")
            params += p
        if place:
            where.append("s.n IN (SELECT story FROM places WHERE LOWER(name) = LOWER(?) OR country = ?)")
            params += [place, place.upper() if len(place) == 2 else None]
        if bbox:
            min_lon, min_lat, max_lon, max_lat = bbox
            where.append("s.n IN (SELECT story FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)")
            params += [min_lat, max_lat, min_lon, max_lon]
        if since or until:
            lo, hi = since or "0000-00-00", until or "9999-99-99"
            where.append("(s.day BETWEEN ? AND ? OR s.n IN (SELECT story FROM events WHERE day BETWEEN ? AND ?))")
            params += [lo, hi, lo, hi]
        if agency:
            where.append("LOWER(s.agency) = LOWER(?)")
            params.append(agency)
        if topic:
            where.append("s.n IN (SELECT story FROM topics WHERE code = ? OR LOWER(label) = LOWER(?))")
            params += [topic, topic]
        if not all_versions:
            where.append("s.is_current = 1")
        return join, ("WHERE " + " AND ".join(where) if where else ""), params, score

    def _annotate(self, hits: list[StoryHit], text: str | None) -> list[StoryHit]:
        """Hits with their dateline and a snippet of the body (matched words marked)."""
        if not hits:
            return hits
        rows = self.db.query(f"SELECT n, id, record FROM stories WHERE id IN ({', '.join('?' * len(hits))})",
                             [h.id for h in hits])
        records = {r["id"]: (int(r["n"]), json.loads(r["record"])) for r in rows}
        bodies = {n: _body(rec) for n, rec in records.values()}
        marked = self.db.snippets(text, bodies) if text else {}
        out = []
        for h in hits:
            n, rec = records[h.id]
            snippet, marks = _unmark(marked[n]) if n in marked else (_lead(bodies[n]), ())
            out.append(dataclasses.replace(h, dateline=dateline_label(rec.get("dateline") or {}, full=False) or None,
                                           snippet=snippet or None, marks=marks))
        return out

    def _facets(self, matching: str, params: list[Any], size: int = FACET_SIZE) -> dict[str, list[FacetCount]]:
        """Counts over the matching stories: entities by kind, agencies, and stories per month."""
        out: dict[str, list[FacetCount]] = {}
        for facet, types in FACET_TYPES:
            rows = self.db.query(
                "SELECT e.n, e.name, COUNT(DISTINCT m.story) AS c FROM mentions m JOIN entities e ON e.n = m.entity "
                f"WHERE m.story IN ({matching}) AND e.type IN ({', '.join('?' * len(types))}) AND e.journalist = 0 "
                "GROUP BY e.n, e.name ORDER BY c DESC, e.name LIMIT ?", (*params, *types, 3 * size))
            # A name that starts in lower case is a description ("a senior official") or a
            # misread word ("cts"): no use as a facet, which names who or what to narrow to.
            named = [r for r in rows if r["name"][:1].isupper() or r["name"][:1].isdigit()]
            out[facet] = [FacetCount(str(r["n"]), r["name"], int(r["c"])) for r in named[:size]]
        rows = self.db.query(f"SELECT s.agency AS a, COUNT(*) AS c FROM stories s WHERE s.n IN ({matching}) "
                             "AND s.agency IS NOT NULL GROUP BY s.agency ORDER BY c DESC, s.agency LIMIT ?",
                             (*params, size))
        out["agencies"] = [FacetCount(r["a"], r["a"], int(r["c"])) for r in rows]
        rows = self.db.query(f"SELECT SUBSTR(s.day, 1, 7) AS m, COUNT(*) AS c FROM stories s WHERE s.n IN ({matching}) "
                             "AND s.day IS NOT NULL GROUP BY SUBSTR(s.day, 1, 7) ORDER BY m DESC LIMIT ?",
                             (*params, MONTHS_SHOWN))
        out["months"] = [FacetCount(r["m"], r["m"], int(r["c"])) for r in rows]  # a histogram, newest first
        return out

    def get_story(self, story_id: str) -> StoryDetail | None:
        """The full record of a story (by content hash id) with its versions and thread."""
        row = self.db.one("SELECT * FROM stories WHERE id = ?", (story_id,))
        if row is None:
            return None
        ids = {r["local_id"]: r["entity"] for r in
               self.db.query("SELECT DISTINCT local_id, entity FROM mentions WHERE story = ?", (row["n"],))}
        versions = self.db.query(f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.version_group = ? "
                                 "ORDER BY COALESCE(s.published, s.day, '') DESC, s.n DESC", (row["version_group"],))
        thread = self.db.query(f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.thread = ? AND s.n <> ? "
                               "AND s.is_current = 1 ORDER BY COALESCE(s.day, ''), s.n LIMIT 100",
                               (row["thread"], row["n"]))
        record = json.loads(row["record"])
        if found := sources_of(self.db, row["n"]):  # every place the story was found, first first
            record["sources"] = [dataclasses.asdict(src) for src in found]
        return StoryDetail(id=row["id"], record=record, thread=row["thread"],
                           version_group=row["version_group"], is_current=bool(row["is_current"]),
                           entity_ids=ids, versions=[_hit(r) for r in versions],
                           thread_stories=[_hit(r) for r in thread])

    def thread(self, thread: int, limit: int = 200) -> list[StoryHit]:
        """The stories of one thread, oldest first."""
        if archive_id(thread) is None:
            return []
        rows = self.db.query(f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.thread = ? "
                             "ORDER BY COALESCE(s.day, ''), s.n LIMIT ?", (thread, _bounded(limit)))
        return [_hit(r) for r in rows]

    def threads(self, limit: int = 50, min_stories: int = 2) -> list[ThreadSummary]:
        """The biggest threads, with their first headline and date range."""
        rows = self.db.query("SELECT thread, COUNT(*) AS c, MIN(day) AS first_day, MAX(day) AS last_day, "
                             "MIN(n) AS first FROM stories GROUP BY thread HAVING COUNT(*) >= ? "
                             "ORDER BY COUNT(*) DESC, thread LIMIT ?", (_bounded(min_stories), _bounded(limit)))
        heads = {r["n"]: r["headline"] for r in self.db.query(
            "SELECT n, headline FROM stories WHERE n IN (SELECT MIN(n) FROM stories GROUP BY thread)")}
        return [ThreadSummary(r["thread"], heads.get(r["first"]), r["c"], r["first_day"], r["last_day"])
                for r in rows]

    # -- entities ----------------------------------------------------------------------
    def entities(self, name: str | None = None, *, type: str | None = None, limit: int = 50) -> list[EntityRef]:
        """Archive entities, most reported first; ``name`` matches the identity key."""
        where, params = [], []
        check_text(name, "name")
        check_text(type, "type")
        if name:
            where.append("key = ?")
            params.append(name_key(name))
        if type:
            where.append("type = ?")
            params.append(type)
        rows = self.db.query(f"SELECT * FROM entities {'WHERE ' + ' AND '.join(where) if where else ''} "
                             "ORDER BY n_stories DESC, n LIMIT ?", (*params, limit))
        return [_entity(r) for r in rows]

    def entity(self, name_or_id: str | int, *, limit: int = 50) -> EntityProfile | None:
        """An entity's titles, quotes, events, co-occurring entities, timeline and stories.

        A name picks the most reported of its namesakes; the others are listed in ``namesakes``.
        """
        found = self._find_entity(name_or_id)
        if not found:
            return None
        ref, namesakes = found[0], found[1:]
        n = ref.id
        return EntityProfile(
            entity=ref,
            quotes=self.quotes(speaker=n, limit=limit),
            events=self._entity_events(n, limit),
            co_occurring=self._co_occurring(n, limit),
            timeline=self.timeline(entity=n),
            stories=self.search(entity=n, all_versions=True, limit=limit),
            namesakes=namesakes,
            tone=self.entity_tone(n))

    def _find_entity(self, name_or_id: str | int) -> list[EntityRef]:
        n = archive_id(name_or_id)
        if n is not None:
            row = self.db.one("SELECT * FROM entities WHERE n = ?", (n,))
            return [_entity(row)] if row else []
        if isinstance(name_or_id, int):  # an id out of range names nothing
            return []
        check_text(str(name_or_id), "entity")
        return self.entities(str(name_or_id))

    def _entity_filter(self, value: str | int) -> tuple[str, list[Any]]:
        n = archive_id(value)
        if n is not None:
            return "?", [n]
        if isinstance(value, int):
            return "?", [-1]  # an id out of range names nothing
        check_text(str(value), "entity")
        return "SELECT n FROM entities WHERE key = ?", [name_key(str(value))]

    def _entity_events(self, n: int, limit: int) -> list[EventHit]:
        rows = self.db.query(
            "SELECT s.id AS story, s.headline, e.type, e.trigger, e.start_char, e.end_char, "
            "COALESCE(e.day, s.day) AS day, e.modality, a.role FROM event_args a "
            "JOIN events e ON e.n = a.event JOIN stories s ON s.n = e.story WHERE a.entity = ? "
            "ORDER BY COALESCE(e.day, s.day, '') DESC, e.n LIMIT ?", (n, limit))
        return [EventHit(r["story"], r["headline"], r["type"], r["trigger"], r["start_char"], r["end_char"],
                         r["day"], r["modality"], r["role"]) for r in rows]

    def _co_occurring(self, n: int, limit: int) -> list[tuple[EntityRef, int]]:
        rows = self.db.query(
            "SELECT e.*, c.shared FROM (SELECT m2.entity, COUNT(DISTINCT m2.story) AS shared "
            "FROM mentions m1 JOIN mentions m2 ON m2.story = m1.story AND m2.entity <> m1.entity "
            "WHERE m1.entity = ? GROUP BY m2.entity) c JOIN entities e ON e.n = c.entity "
            "ORDER BY c.shared DESC, e.n_stories DESC, e.n LIMIT ?", (n, limit))
        return [(_entity(r), int(r["shared"])) for r in rows]

    def entity_tone(self, entity: str | int) -> list[ToneDay]:
        """How the stories spoke of an entity, day by day: its mentions' target-dependent
        sentiment (stories without a day are left out)."""
        sql, p = self._entity_filter(entity)
        rows = self.db.query(
            "SELECT s.day AS day, COUNT(*) AS c, SUM(CASE WHEN t.polarity > 0 THEN 1 ELSE 0 END) AS pos, "
            "SUM(CASE WHEN t.polarity < 0 THEN 1 ELSE 0 END) AS neg, AVG(t.polarity * 1.0) AS mean "
            f"FROM sentiments t JOIN stories s ON s.n = t.story WHERE t.entity IN ({sql}) "
            "AND s.day IS NOT NULL GROUP BY s.day ORDER BY s.day", p)
        return [ToneDay(r["day"], int(r["c"]), int(r["pos"]), int(r["neg"]), round(float(r["mean"]), 3))
                for r in rows]

    # -- topics ------------------------------------------------------------------------
    def topics(self, *, scheme: str | None = None, limit: int = 50) -> list[TopicCount]:
        """Topics with how many current stories carry each, most frequent first."""
        where, params = ["s.is_current = 1"], []
        if scheme:
            where.append("t.scheme = ?")
            params.append(scheme)
        rows = self.db.query(
            "SELECT t.scheme, t.code, MIN(t.label) AS label, COUNT(DISTINCT t.story) AS c FROM topics t "
            f"JOIN stories s ON s.n = t.story WHERE {' AND '.join(where)} GROUP BY t.scheme, t.code "
            "ORDER BY c DESC, t.code LIMIT ?", (*params, limit))
        return [TopicCount(r["scheme"], r["code"], r["label"], int(r["c"])) for r in rows]

    # -- quotes, places, time ----------------------------------------------------------
    def quotes(self, speaker: str | int | None = None, *, text: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50) -> list[QuoteHit]:
        """Quotes, newest first; ``speaker`` is a name (every namesake) or an entity id."""
        where, params = [], []
        if speaker is not None:
            sql, p = self._entity_filter(speaker)
            where.append(f"q.entity IN ({sql})")
            params += p
        if text:
            check_text(text, "quote text")
            where.append("LOWER(q.text) LIKE ?")
            params.append(f"%{text.lower()}%")
        if since:
            where.append("s.day >= ?")
            params.append(since)
        if until:
            where.append("s.day <= ?")
            params.append(until)
        rows = self.db.query(
            "SELECT q.*, s.id AS story_id, s.headline AS headline, s.day AS day, e.n AS e_n, e.name AS e_name, "
            "e.type AS e_type, e.titles AS e_titles, e.country AS e_country, e.journalist AS e_journalist, "
            "e.n_stories AS e_n_stories FROM quotes q JOIN stories s ON s.n = q.story "
            f"LEFT JOIN entities e ON e.n = q.entity {'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY COALESCE(s.day, '') DESC, q.story DESC, q.start_char LIMIT ?", (*params, limit))
        return [_quote(r) for r in rows]

    def places(self, bbox: BBox | None = None, *, limit: int = 1000) -> list[PlaceCount]:
        """Places the stories mention, with how many stories each; resolved places only."""
        where, params = ["lat IS NOT NULL"], []
        if bbox:
            where.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [bbox[1], bbox[3], bbox[0], bbox[2]]
        rows = self.db.query(
            "SELECT name, geonames_id, lat, lon, country, feature, COUNT(DISTINCT story) AS c FROM places "
            f"WHERE {' AND '.join(where)} GROUP BY name, geonames_id, lat, lon, country, feature "
            "ORDER BY c DESC, name LIMIT ?", (*params, limit))
        return [PlaceCount(r["name"], r["geonames_id"], r["lat"], r["lon"], r["country"], r["feature"], r["c"])
                for r in rows]

    def timeline(self, *, entity: str | int | None = None, since: str | None = None,
                 until: str | None = None) -> list[DayCount]:
        """Stories and events per day (the story's day; the event's own day where known)."""
        story_where, event_where, params_s, params_e = ["s.day IS NOT NULL"], ["e.day IS NOT NULL"], [], []
        if entity is not None:
            sql, p = self._entity_filter(entity)
            story_where.append(f"s.n IN (SELECT story FROM mentions WHERE entity IN ({sql}))")
            event_where.append(f"e.n IN (SELECT event FROM event_args WHERE entity IN ({sql}))")
            params_s += p
            params_e += p
        for col, where, params in (("s.day", story_where, params_s), ("e.day", event_where, params_e)):
            if since:
                where.append(f"{col} >= ?")
                params.append(since)
            if until:
                where.append(f"{col} <= ?")
                params.append(until)
        days: dict[str, list[int]] = {}
        for r in self.db.query(f"SELECT s.day AS day, COUNT(*) AS c FROM stories s "
                               f"WHERE {' AND '.join(story_where)} GROUP BY s.day", params_s):
            days.setdefault(r["day"], [0, 0])[0] = int(r["c"])
        for r in self.db.query(f"SELECT e.day AS day, COUNT(*) AS c FROM events e "
                               f"WHERE {' AND '.join(event_where)} GROUP BY e.day", params_e):
            days.setdefault(r["day"], [0, 0])[1] = int(r["c"])
        return [DayCount(d, s, e) for d, (s, e) in sorted(days.items())]

    def stats(self) -> dict[str, int]:
        """Row counts and archive size in bytes."""
        tables = ("stories", "entities", "mentions", "quotes", "places", "timexes", "events", "topics",
                  "sentiments")
        out = {t: int(self.db.scalar(f"SELECT COUNT(*) AS c FROM {t}") or 0) for t in tables}
        out["threads"] = int(self.db.scalar("SELECT COUNT(DISTINCT thread) AS c FROM stories") or 0)
        out["version_groups"] = int(self.db.scalar("SELECT COUNT(DISTINCT version_group) AS c FROM stories") or 0)
        out["bytes"] = self.db.size_bytes()
        return out


def _order(sort: str | None, *, ranked: bool) -> str:
    if sort is not None and sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    sort = sort or ("relevance" if ranked else "newest")
    return _ORDER["newest" if sort == "relevance" and not ranked else sort]


def _body(record: dict[str, Any]) -> str:
    body, text = record.get("body") or {}, record.get("text") or ""
    return text[body.get("start", 0):body.get("end") or len(text)] or text


def _lead(body: str) -> str:
    """The body's opening, cut at a word, for a hit without a matched passage."""
    text = " ".join(body.split())
    return text if len(text) <= LEAD_CHARS else text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet with ``MARK_START``/``MARK_STOP`` around matches as (plain text, match spans),
    whitespace runs folded to one space."""
    marked = " ".join(marked.split())
    plain: list[str] = []
    marks, start, length = [], None, 0
    for ch in marked:
        if ch == MARK_START:
            start = length
        elif ch == MARK_STOP:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), tuple(marks)


def _bounded(n: int) -> int:
    """A count or offset within the database's 64-bit range."""
    return max(0, min(int(n), MAX_ID))


def _hit(r: dict[str, Any]) -> StoryHit:
    return StoryHit(r["id"], r["headline"], r["agency"], r["published"], r["day"], r["source"], r["thread"],
                    r["version_group"], bool(r["is_current"]),
                    float(r["score"]) if r.get("score") is not None else None)


def _entity(r: dict[str, Any], prefix: str = "") -> EntityRef:
    return EntityRef(id=r[prefix + "n"], name=r[prefix + "name"], type=r[prefix + "type"],
                     titles=json.loads(r[prefix + "titles"] or "[]"), country=r[prefix + "country"],
                     journalist=bool(r[prefix + "journalist"]), n_stories=int(r[prefix + "n_stories"]))


def _quote(r: dict[str, Any]) -> QuoteHit:
    speaker = _entity(r, "e_") if r["e_n"] is not None else None
    return QuoteHit(story=r["story_id"], headline=r["headline"], day=r["day"], speaker=speaker,
                    speaker_text=r["speaker_text"], kind=r["kind"], text=r["text"], start=r["start_char"],
                    end=r["end_char"], cue=r["cue"])
