"""The archive's Python API: open, write, search and explore. The CLI and the web server use it.

The store only stores: reading stories into it is ``dateline.ingest``'s work, above it.

>>> store = Store.open("dateline.db")            # or "postgresql://user@host/db"
>>> dateline.ingest.ingest(store, ["stories/"], workers=2)
>>> [hit.headline for hit in store.search("ceasefire", since="2019-04-01")]
>>> store.entity("Kim Jong Un").quotes

A ``Store`` may be shared between threads (each thread gets its own connection); writes go
through ``write``/``add``, which run in transactions.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from dateline.record import Article, Source
from dateline.render.digest import dateline_label
from dateline.store import identity
from dateline.store.backend import MARK_START, MARK_STOP, Backend, QueryTimeout, open_backend  # noqa: F401 (QueryTimeout re-exported)
from dateline.store.features import Prepared, prepare
from dateline.store.models import (
    Appearance,
    DayCount,
    EntityProfile,
    EntityRef,
    EventHit,
    FacetCount,
    Link,
    MonthCount,
    PlaceCount,
    QuoteHit,
    SearchResults,
    StoryDetail,
    StoryHit,
    StoryPlace,
    ThreadSummary,
    TitleUse,
    ToneDay,
    TopicCount,
)
from dateline.store.provenance import add_sources, sources_of, story_for_url
from dateline.store.query import (  # noqa: F401
    MAX_FILTER_CHARS,
    MAX_ID,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    SORTS,
    BBox,
    QueryError,
    QueryTooLarge,
    SearchQuery,
    archive_id,
    check_text,
    since_day,
    until_day,  # the limits and errors re-exported for older imports
)
from dateline.store.threads import ThreadSettings
from dateline.store.versions import Piece, diff
from dateline.store.writer import write_story

_ORDER = {
    "relevance": "f.score DESC, s.n DESC",
    "newest": "COALESCE(s.day, '') DESC, s.n DESC",
    "oldest": "s.day IS NULL, s.day, s.n",
}
# Entity facets: (facet name, entity types counted); the entity id is the value to filter by.
FACET_TYPES = (("people", ("PERSON",)), ("organisations", ("ORG",)), ("places", ("GPE", "LOC", "FAC")))
FACET_SIZE = 10
MONTHS_SHOWN = 120
LEAD_CHARS = 240
SEARCH_SECONDS = 5.0
APPEARANCES = 50  # the stories an entity page reads titles from (its newest; each read costs a record)
NETWORK_SIZE = 12  # co-occurring entities drawn in an entity's network
# An entity page's stories, appearances, events, co-occurring names, network and places are read
# from the entity's newest stories (by arrival), so its cost does not grow with how much the
# archive says of it; its months, days and tone count every story.
ENTITY_RECENT = 500
_RECENT = "SELECT DISTINCT story FROM mentions WHERE entity IN ({ids}) ORDER BY story DESC LIMIT {limit}"
_APPEARANCE_FIELDS = ("entities", "places", "dateline")  # what an appearance reads of a stored record
_HIT_FIELDS = ("text", "body", "places", "dateline")  # what a search hit reads of a stored record
_HIT_COLUMNS = "s.id, s.headline, s.agency, s.published, s.day, s.source, s.thread, s.version_group, s.is_current"


@dataclasses.dataclass(frozen=True)
class _Match:
    """A search as SQL parts: the full-text source (``story``, ``score`` rows) if the search has
    text, and its conditions on a story. Conditions on the story's number alone (``{n}``) can be
    checked on the full-text matches without reading each story's row: with only those, the count
    and the ranked page come from the index and the page's rows alone are read."""

    fts: tuple[str, list[Any]] | None
    on_n: list[tuple[str, list[Any]]]
    on_row: list[tuple[str, list[Any]]]

    @property
    def narrow(self) -> bool:
        return self.fts is not None and not self.on_row

    @property
    def join(self) -> str:
        return f"JOIN ({self.fts[0]}) f ON f.story = s.n" if self.fts else ""

    @property
    def score(self) -> str:
        return "f.score" if self.fts else "NULL"

    @property
    def where(self) -> str:
        conds = [c.format(n="s.n") for c, _ in self.on_n] + [c for c, _ in self.on_row]
        return "WHERE " + " AND ".join(conds) if conds else ""

    @property
    def params(self) -> list[Any]:
        return [*(self.fts[1] if self.fts else ()), *(p for _, ps in (*self.on_n, *self.on_row) for p in ps)]

    def stories(self) -> str:
        """A FROM clause of the matching stories' numbers (as ``story``), taking ``params``."""
        if self.narrow:
            conds = " AND ".join(c.format(n="f.story") for c, _ in self.on_n)
            return f"({self.fts[0]}) f" + (f" WHERE {conds}" if conds else "")  # type: ignore[index]
        return f"(SELECT s.n AS story FROM stories s {self.join} {self.where}) m"

    def ranked_page(self) -> str:
        """The best-scoring matches' ``story, score`` for one page (``LIMIT ? OFFSET ?`` follow
        ``params``); only when ``narrow``."""
        return f"SELECT story, score FROM {self.stories()} ORDER BY score DESC, story DESC LIMIT ? OFFSET ?"


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
    def search(self, text: str | SearchQuery | None = None, **filters: Any) -> list[StoryHit]:
        """Stories matching every given filter, best full-text match first (else newest first).

        Takes a ``SearchQuery`` or its fields (``SearchQuery.parse`` checks them): ``entity``/
        ``speaker`` a name (every namesake) or an archive entity id; ``place`` a place name or a
        two-letter country code; ``bbox`` (min_lon, min_lat, max_lon, max_lat); ``since``/``until``
        ISO dates (YYYY, YYYY-MM or YYYY-MM-DD; ``until`` includes the whole month or year) matched
        against the story's day and its events' days; ``topic`` a topic code ("medtop:11000000")
        or label ("politics"), of any scheme. Only the current version of a story is listed unless
        ``all_versions``. ``sort`` is one of ``SORTS``; relevance needs text and falls back to
        newest without it. Raises ``QueryError`` for a bad parameter (``QueryTooLarge`` past the
        length and term limits) and ``QueryTimeout`` past ``SEARCH_SECONDS``.
        """
        query = _query(text, filters)
        match = self._matching(query)
        if match is None:
            return []
        order = _sort(query, ranked=match.fts is not None)
        if order == "relevance" and match.narrow:  # rank in the index, read only the page's rows
            sql = (
                f"SELECT {_HIT_COLUMNS}, f.score AS score FROM ({match.ranked_page()}) f "
                f"JOIN stories s ON s.n = f.story ORDER BY {_ORDER[order]}"
            )
        else:
            sql = (
                f"SELECT {_HIT_COLUMNS}, {match.score} AS score FROM stories s {match.join} {match.where} "
                f"ORDER BY {_ORDER[order]} LIMIT ? OFFSET ?"
            )
        with self.db.time_budget(SEARCH_SECONDS):
            return [_hit(r) for r in self.db.query(sql, (*match.params, query.limit, query.offset))]

    def results(self, text: str | SearchQuery | None = None, *, facets: bool = False, **filters: Any) -> SearchResults:
        """A page of ``search`` for a reader: the real total, each hit's dateline, place and a
        snippet with the matched words marked, and (``facets``) counts of the people,
        organisations, places and agencies of all the matching stories. Takes what ``search``
        takes."""
        query = _query(text, filters)
        match = self._matching(query)
        sort = _sort(query, ranked=bool(match and match.fts))
        if match is None:
            return SearchResults(0, query.offset, query.limit, sort, [], {})
        hits = self.search(query.replace(sort=sort))
        with self.db.time_budget(SEARCH_SECONDS):
            total = int(self.db.scalar(f"SELECT COUNT(*) AS c FROM {match.stories()}", match.params) or 0)
            counts = self._facets(f"SELECT story FROM {match.stories()}", match.params) if facets and total else {}
        return SearchResults(total, query.offset, query.limit, sort, self._annotate(hits, query.text), counts)

    def _matching(self, query: SearchQuery) -> _Match | None:
        """A search's SQL parts; None when the text has nothing searchable in it (no story can
        match)."""
        q = query
        fts = self.db.fts_source(q.text) if q.text else None
        if q.text and not fts:
            return None
        on_n: list[tuple[str, list[Any]]] = []  # conditions on the story's number alone: "{n}"
        on_row: list[tuple[str, list[Any]]] = []  # conditions reading the story's row: "s."
        if q.entity is not None:
            sql, p = self._entity_filter(q.entity)
            on_n.append((f"{{n}} IN (SELECT m.story FROM mentions m WHERE m.entity IN ({sql}))", p))
        if q.speaker is not None:
            sql, p = self._entity_filter(q.speaker)
            on_n.append((f"{{n}} IN (SELECT q.story FROM quotes q WHERE q.entity IN ({sql}))", p))
        if q.place:
            on_n.append(
                (
                    "{n} IN (SELECT story FROM places WHERE LOWER(name) = LOWER(?) OR country = ?)",
                    [q.place, q.place.upper() if len(q.place) == 2 else None],
                )
            )
        if q.bbox:
            min_lon, min_lat, max_lon, max_lat = q.bbox
            on_n.append(
                (
                    "{n} IN (SELECT story FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)",
                    [min_lat, max_lat, min_lon, max_lon],
                )
            )
        if q.since or q.until:
            lo, hi = q.since or "0000-00-00", q.until or "9999-99-99"
            on_row.append(
                (
                    "(s.day BETWEEN ? AND ? OR s.n IN (SELECT story FROM events WHERE day BETWEEN ? AND ?))",
                    [lo, hi, lo, hi],
                )
            )
        if q.agency:
            on_row.append(("LOWER(s.agency) = LOWER(?)", [q.agency]))
        if q.topic:
            on_n.append(
                ("{n} IN (SELECT story FROM topics WHERE code = ? OR LOWER(label) = LOWER(?))", [q.topic, q.topic])
            )
        if not q.all_versions and fts:  # earlier versions are few: their numbers, not every match's row
            on_n.append(("{n} NOT IN (SELECT n FROM stories WHERE is_current = 0)", []))
        elif not q.all_versions:
            on_row.append(("s.is_current = 1", []))
        return _Match(fts, on_n, on_row)

    def _annotate(self, hits: list[StoryHit], text: str | None) -> list[StoryHit]:
        """Hits with their dateline and a snippet of the body (matched words marked)."""
        if not hits:
            return hits
        rows = self.db.query(  # the fields a hit shows, not the whole record (its entities, events...)
            f"SELECT n, id, {self.db.json_fields('record', _HIT_FIELDS)} AS parts FROM stories "
            f"WHERE id IN ({', '.join('?' * len(hits))})",
            [h.id for h in hits],
        )
        records = {r["id"]: (int(r["n"]), dict(zip(_HIT_FIELDS, json.loads(r["parts"])))) for r in rows}
        bodies = {n: _body(rec) for n, rec in records.values()}
        marked = self.db.snippets(text, bodies) if text else {}
        out = []
        for h in hits:
            n, rec = records[h.id]
            snippet, marks = _unmark(marked[n]) if n in marked else (_lead(bodies[n]), ())
            out.append(
                dataclasses.replace(
                    h,
                    dateline=dateline_label(rec.get("dateline") or {}, full=False) or None,
                    place=story_place(rec),
                    snippet=snippet or None,
                    marks=marks,
                )
            )
        return out

    def _facets(self, matching: str, params: list[Any], size: int = FACET_SIZE) -> dict[str, list[FacetCount]]:
        """Counts over the matching stories: entities by kind, agencies, stories per month, the
        countries of the places they name (ISO codes, which the ``place`` filter takes) and topics."""
        out: dict[str, list[FacetCount]] = {}
        for facet, types in FACET_TYPES:
            rows = self.db.query(
                "SELECT e.n, e.name, COUNT(DISTINCT m.story) AS c FROM mentions m JOIN entities e ON e.n = m.entity "
                f"WHERE m.story IN ({matching}) AND e.type IN ({', '.join('?' * len(types))}) AND e.journalist = 0 "
                "GROUP BY e.n, e.name ORDER BY c DESC, e.name LIMIT ?",
                (*params, *types, 3 * size),
            )
            # A name that starts in lower case is a description ("a senior official") or a
            # misread word ("cts"): no use as a facet, which names who or what to narrow to.
            named = [r for r in rows if r["name"][:1].isupper() or r["name"][:1].isdigit()]
            out[facet] = [FacetCount(str(r["n"]), r["name"], int(r["c"])) for r in named[:size]]
        rows = self.db.query(
            f"SELECT s.agency AS a, COUNT(*) AS c FROM stories s WHERE s.n IN ({matching}) "
            "AND s.agency IS NOT NULL GROUP BY s.agency ORDER BY c DESC, s.agency LIMIT ?",
            (*params, size),
        )
        out["agencies"] = [FacetCount(r["a"], r["a"], int(r["c"])) for r in rows]
        rows = self.db.query(
            f"SELECT SUBSTR(s.day, 1, 7) AS m, COUNT(*) AS c FROM stories s WHERE s.n IN ({matching}) "
            "AND s.day IS NOT NULL GROUP BY SUBSTR(s.day, 1, 7) ORDER BY m DESC LIMIT ?",
            (*params, MONTHS_SHOWN),
        )
        out["months"] = [FacetCount(r["m"], r["m"], int(r["c"])) for r in rows]  # a histogram, newest first
        rows = self.db.query(
            f"SELECT country AS cc, COUNT(DISTINCT story) AS c FROM places WHERE story IN ({matching}) "
            "AND country IS NOT NULL GROUP BY country ORDER BY c DESC, country LIMIT ?",
            (*params, size),
        )
        out["countries"] = [FacetCount(r["cc"], r["cc"], int(r["c"])) for r in rows]
        rows = self.db.query(
            f"SELECT code, MIN(label) AS label, COUNT(DISTINCT story) AS c FROM topics "
            f"WHERE story IN ({matching}) GROUP BY code ORDER BY c DESC, code LIMIT ?",
            (*params, size),
        )
        out["topics"] = [FacetCount(r["code"], r["label"], int(r["c"])) for r in rows]
        return out

    def get_story(self, story_id: str) -> StoryDetail | None:
        """The full record of a story (by content hash id) with its versions and thread."""
        row = self.db.one("SELECT * FROM stories WHERE id = ?", (story_id,))
        if row is None:
            return None
        ids = {
            r["local_id"]: r["entity"]
            for r in self.db.query("SELECT DISTINCT local_id, entity FROM mentions WHERE story = ?", (row["n"],))
        }
        versions = self.db.query(
            f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.version_group = ? "
            "ORDER BY COALESCE(s.published, s.day, '') DESC, s.n DESC",
            (row["version_group"],),
        )
        thread = self.db.query(
            f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.thread = ? AND s.n <> ? "
            "AND s.is_current = 1 ORDER BY COALESCE(s.day, ''), s.n LIMIT 100",
            (row["thread"], row["n"]),
        )
        record = json.loads(row["record"])
        if found := sources_of(self.db, row["n"]):  # every place the story was found, first first
            record["sources"] = [dataclasses.asdict(src) for src in found]
        return StoryDetail(
            id=row["id"],
            record=record,
            thread=row["thread"],
            version_group=row["version_group"],
            is_current=bool(row["is_current"]),
            entity_ids=ids,
            versions=[_hit(r) for r in versions],
            thread_stories=[_hit(r) for r in thread],
        )

    def thread(self, thread: int, limit: int = 200) -> list[StoryHit]:
        """The stories of one thread, oldest first."""
        if archive_id(thread) is None:
            return []
        rows = self.db.query(
            f"SELECT {_HIT_COLUMNS} FROM stories s WHERE s.thread = ? ORDER BY COALESCE(s.day, ''), s.n LIMIT ?",
            (thread, _bounded(limit)),
        )
        return [_hit(r) for r in rows]

    def version_diff(self, older: str, newer: str) -> list[Piece] | None:
        """What changed from one version of a story to another (story ids): word-level pieces
        of their bodies; None when either is missing or they are not versions of one story."""
        rows = {
            r["id"]: r
            for r in self.db.query("SELECT id, version_group, record FROM stories WHERE id IN (?, ?)", (older, newer))
        }
        if len(rows) != 2 or rows[older]["version_group"] != rows[newer]["version_group"]:
            return None
        return diff(*(_body(json.loads(rows[i]["record"])) for i in (older, newer)))

    def thread_entities(self, thread: int, limit: int = 12) -> list[tuple[EntityRef, int]]:
        """The entities that hold a thread together: those named in most of its stories."""
        rows = self.db.query(
            "SELECT e.*, c.shared FROM (SELECT m.entity, COUNT(DISTINCT m.story) AS shared FROM mentions m "
            "JOIN stories s ON s.n = m.story WHERE s.thread = ? GROUP BY m.entity) c "
            "JOIN entities e ON e.n = c.entity WHERE e.journalist = 0 AND c.shared > 1 "
            "ORDER BY c.shared DESC, e.n_stories DESC, e.n LIMIT ?",
            (thread, _bounded(limit)),
        )
        return [(_entity(r), int(r["shared"])) for r in rows]

    def threads(self, limit: int = 50, min_stories: int = 2) -> list[ThreadSummary]:
        """The biggest threads, with their first headline and date range."""
        rows = self.db.query(
            "SELECT thread, COUNT(*) AS c, MIN(day) AS first_day, MAX(day) AS last_day, "
            "MIN(n) AS first FROM stories GROUP BY thread HAVING COUNT(*) >= ? "
            "ORDER BY COUNT(*) DESC, thread LIMIT ?",
            (_bounded(min_stories), _bounded(limit)),
        )
        heads = {
            r["n"]: r["headline"]
            for r in self.db.query(
                "SELECT n, headline FROM stories WHERE n IN (SELECT MIN(n) FROM stories GROUP BY thread)"
            )
        }
        return [ThreadSummary(r["thread"], heads.get(r["first"]), r["c"], r["first_day"], r["last_day"]) for r in rows]

    # -- entities ----------------------------------------------------------------------
    def entities(self, name: str | None = None, *, type: str | None = None, limit: int = 50) -> list[EntityRef]:
        """Archive entities, most reported first. ``name`` finds an entity by any name it went
        by, its aliases ("the Fed"), a demonym ("French"), else a surname ("Lawson") or an
        acronym: the entities it stands for, best match first."""
        where, params = [], []
        check_text(name, "name")
        check_text(type, "type")
        if name:
            found = identity.lookup(self.db, name, type)
            if not found:
                return []
            by_n = {
                r["n"]: r
                for r in self.db.query(f"SELECT * FROM entities WHERE n IN ({', '.join('?' * len(found))})", found)
            }
            return [_entity(by_n[n]) for n in found if n in by_n][:limit]
        if type:
            where.append("type = ?")
            params.append(type)
        rows = self.db.query(
            f"SELECT * FROM entities {'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY n_stories DESC, n LIMIT ?",
            (*params, limit),
        )
        return [_entity(r) for r in rows]

    def merge_entities(self, source: int, target: int, note: str | None = None) -> identity.Correction:
        """An editor's correction: ``source`` and ``target`` are one; every row of ``source``
        moves to ``target``, later stories under its names join ``target``, and the correction
        is kept (``corrections``). Raises ``LookupError`` for an unknown id."""
        with self.db.transaction():
            return identity.correct_merge(self.db, source, target, note)

    def split_entity(self, entity: int, stories: Sequence[str], note: str | None = None) -> identity.Correction:
        """An editor's correction: what ``stories`` (story ids) say of ``entity`` is someone
        else, a new entity of the same name (its id is the correction's ``other``)."""
        with self.db.transaction():
            return identity.correct_split(self.db, entity, list(stories), note)

    def corrections(self, entity: int | None = None) -> list[identity.Correction]:
        """The editor's merges and splits, oldest first (those naming ``entity`` when given)."""
        return identity.corrections(self.db, entity)

    def entity_evidence(self, entity: int, limit: int = 100) -> list[dict[str, Any]]:
        """How each story's entity came to be this archive entity: the story, the name as
        written, the rule ("same name", "surname", "acronym", "new", "editor") and its score."""
        return self.db.query(
            "SELECT s.id AS story, s.headline, v.local_id, v.name, v.type, v.how, v.score "
            "FROM entity_evidence v JOIN stories s ON s.n = v.story WHERE v.entity = ? "
            "ORDER BY v.story LIMIT ?",
            (entity, _bounded(limit)),
        )

    def entity(self, name_or_id: str | int, *, limit: int = 50) -> EntityProfile | None:
        """An entity's titles, quotes, events, co-occurring entities, timeline and stories.

        A name picks the most reported of its namesakes; the others are listed in ``namesakes``.
        """
        found = self._find_entity(name_or_id)
        if not found:
            return None
        ref, namesakes = found[0], found[1:]
        n = ref.id
        co_occurring = self._co_occurring(n, limit)
        return EntityProfile(
            entity=ref,
            quotes=self.quotes(speaker=n, limit=limit),
            events=self._entity_events(n, limit),
            co_occurring=co_occurring,
            timeline=self.timeline(entity=n),
            stories=self._newest_stories(n, limit),
            namesakes=namesakes,
            tone=self.entity_tone(n),
            months=self.entity_months(n),
            places=self.entity_places(n, limit=limit),
            titles=_title_uses(appearances := self.appearances(n, limit=APPEARANCES)),
            appearances=appearances[:limit],
            links=self.links(n, [o.id for o, _ in co_occurring[:NETWORK_SIZE]]),
        )

    def _find_entity(self, name_or_id: str | int) -> list[EntityRef]:
        n = archive_id(name_or_id)
        if n is not None:
            row = self.db.one("SELECT * FROM entities WHERE n = ?", (n,))
            if row is None and (moved := identity.merged_into(self.db, n)) is not None:
                row = self.db.one("SELECT * FROM entities WHERE n = ?", (moved,))  # merged by an editor
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
        found = identity.lookup(self.db, str(value))
        return (", ".join("?" * len(found)), found) if found else ("?", [-1])

    def _newest_stories(self, n: int, limit: int) -> list[StoryHit]:
        """The entity's newest stories (every version), from its ``ENTITY_RECENT`` latest."""
        rows = self.db.query(
            f"SELECT {_HIT_COLUMNS}, NULL AS score FROM stories s WHERE s.n IN "
            f"({_RECENT.format(ids='?', limit=ENTITY_RECENT)}) ORDER BY {_ORDER['newest']} LIMIT ?",
            (n, limit),
        )
        return [_hit(r) for r in rows]

    def _entity_events(self, n: int, limit: int) -> list[EventHit]:
        rows = self.db.query(
            "SELECT s.id AS story, s.headline, e.type, e.trigger, e.start_char, e.end_char, "
            "COALESCE(e.day, s.day) AS day, e.modality, a.role FROM event_args a "
            "JOIN events e ON e.n = a.event JOIN stories s ON s.n = e.story WHERE a.entity = ? "
            f"AND e.story IN ({_RECENT.format(ids='?', limit=ENTITY_RECENT)}) "
            "ORDER BY COALESCE(e.day, s.day, '') DESC, e.n LIMIT ?",
            (n, n, limit),
        )
        return [_event_hit(r, r["role"]) for r in rows]

    def _co_occurring(self, n: int, limit: int) -> list[tuple[EntityRef, int]]:
        """Who the stories name with entity ``n`` (bylines left out: they report, they do not appear)."""
        rows = self.db.query(
            "SELECT e.*, c.shared FROM (SELECT m2.entity, COUNT(DISTINCT m2.story) AS shared "
            f"FROM ({_RECENT.format(ids='?', limit=ENTITY_RECENT)}) m1 JOIN mentions m2 ON m2.story = m1.story "
            "WHERE m2.entity <> ? GROUP BY m2.entity) c JOIN entities e ON e.n = c.entity WHERE e.journalist = 0 "
            "ORDER BY c.shared DESC, e.n_stories DESC, e.n LIMIT ?",
            (n, n, limit),
        )
        return [(_entity(r), int(r["shared"])) for r in rows]

    def entity_months(self, entity: str | int) -> list[MonthCount]:
        """An entity's mentions over time: per month of the stories' days, the stories naming it,
        its mentions and its quotes, oldest first."""
        sql, p = self._entity_filter(entity)
        if len(p) == 1:  # one entity: its counts per day (namesakes together would count a story twice)
            rows = self.db.query(
                "SELECT SUBSTR(day, 1, 7) AS m, SUM(stories) AS c, SUM(mentions) AS k FROM entity_days "
                "WHERE entity = ? GROUP BY SUBSTR(day, 1, 7) ORDER BY m",
                p,
            )
        else:
            rows = self.db.query(
                "SELECT SUBSTR(s.day, 1, 7) AS m, COUNT(DISTINCT s.n) AS c, COUNT(*) AS k FROM mentions x "
                f"JOIN stories s ON s.n = x.story WHERE x.entity IN ({sql}) AND s.day IS NOT NULL "
                "GROUP BY SUBSTR(s.day, 1, 7) ORDER BY m",
                p,
            )
        said = {
            r["m"]: int(r["c"])
            for r in self.db.query(
                "SELECT SUBSTR(s.day, 1, 7) AS m, COUNT(*) AS c FROM quotes q JOIN stories s ON s.n = q.story "
                f"WHERE q.entity IN ({sql}) AND s.day IS NOT NULL GROUP BY SUBSTR(s.day, 1, 7)",
                p,
            )
        }
        return [MonthCount(r["m"], int(r["c"]), int(r["k"]), said.get(r["m"], 0)) for r in rows]

    def entity_places(self, entity: str | int, *, limit: int = 50) -> list[PlaceCount]:
        """Where an entity is reported: the resolved places its stories name (itself left out),
        with how many of its stories name each (its ``ENTITY_RECENT`` newest)."""
        sql, p = self._entity_filter(entity)
        rows = self.db.query(
            "SELECT name, geonames_id, lat, lon, country, feature, COUNT(DISTINCT story) AS c FROM places "
            f"WHERE lat IS NOT NULL AND story IN ({_RECENT.format(ids=sql, limit=ENTITY_RECENT)}) "
            f"AND (entity IS NULL OR entity NOT IN ({sql})) "
            "GROUP BY name, geonames_id, lat, lon, country, feature ORDER BY c DESC, name LIMIT ?",
            (*p, *p, limit),
        )
        return [
            PlaceCount(r["name"], r["geonames_id"], r["lat"], r["lon"], r["country"], r["feature"], r["c"])
            for r in rows
        ]

    def appearances(self, entity: int, *, limit: int = 50) -> list[Appearance]:
        """The stories an archive entity appears in, newest first, each with the titles that story
        gives it (read from the stored record), its mentions and quotes there, and where it was filed."""
        rows = self.db.query(
            f"SELECT s.n, s.id, s.day, s.headline, c.k, {self.db.json_fields('s.record', _APPEARANCE_FIELDS)} AS parts "
            "FROM (SELECT c.story, c.k FROM (SELECT story, COUNT(*) AS k FROM mentions WHERE entity = ? "
            f"AND story IN ({_RECENT.format(ids='?', limit=ENTITY_RECENT)}) GROUP BY story) c "
            "JOIN stories t ON t.n = c.story ORDER BY COALESCE(t.day, '') DESC, t.n DESC LIMIT ?) c "
            "JOIN stories s ON s.n = c.story ORDER BY COALESCE(s.day, '') DESC, s.n DESC",
            (entity, entity, limit),
        )
        # (the newest stories are chosen before their records are read: reading every record to sort is slow)
        chosen = [int(r["n"]) for r in rows] or [-1]
        marks = ", ".join("?" * len(chosen))
        said = {
            int(r["story"]): int(r["c"])
            for r in self.db.query(
                f"SELECT story, COUNT(*) AS c FROM quotes WHERE entity = ? AND story IN ({marks}) GROUP BY story",
                (entity, *chosen),
            )
        }
        local: dict[int, set[str]] = {}
        for r in self.db.query(
            f"SELECT DISTINCT story, local_id FROM mentions WHERE entity = ? AND story IN ({marks})", (entity, *chosen)
        ):
            local.setdefault(int(r["story"]), set()).add(r["local_id"])
        out = []
        for r in rows:
            ids = local.get(int(r["n"]), set())
            entities, places, dateline = json.loads(r["parts"])
            titles = tuple(
                dict.fromkeys(t for e in entities or () if e.get("id") in ids for t in e.get("titles") or ())
            )
            where = story_place({"places": places or [], "dateline": dateline or {}})
            out.append(
                Appearance(r["id"], r["day"], r["headline"], titles, int(r["k"]), said.get(int(r["n"]), 0), where)
            )
        return out

    def links(self, entity: int, others: Sequence[int]) -> list[Link]:
        """Co-occurrence among an entity and ``others`` in the entity's stories: how many of them
        name each pair (its ego network)."""
        ids = [entity, *others]
        if len(ids) < 2:
            return []
        rows = self.db.query(
            f"WITH named AS (SELECT DISTINCT m.story, m.entity FROM ({_RECENT.format(ids='?', limit=ENTITY_RECENT)}) e "
            "JOIN mentions m ON m.story = e.story "
            f"WHERE m.entity IN ({', '.join('?' * len(ids))})) "
            "SELECT a.entity AS x, b.entity AS y, COUNT(*) AS c FROM named a JOIN named b "
            "ON b.story = a.story AND a.entity < b.entity GROUP BY a.entity, b.entity ORDER BY c DESC, x, y",
            (entity, *ids),
        )  # driven from the entity's own stories, whatever the size of the others
        return [Link(int(r["x"]), int(r["y"]), int(r["c"])) for r in rows]

    def story_places(self, story_ids: Sequence[str]) -> dict[str, StoryPlace]:
        """Where each story was filed (``story_place``), for the ids that have a resolved place."""
        out: dict[str, StoryPlace] = {}
        for chunk in (story_ids[i : i + 200] for i in range(0, len(story_ids), 200)):
            rows = self.db.query(
                f"SELECT id, record FROM stories WHERE id IN ({', '.join('?' * len(chunk))})", list(chunk)
            )
            out.update({r["id"]: place for r in rows if (place := story_place(json.loads(r["record"])))})
        return out

    def entity_tone(self, entity: str | int) -> list[ToneDay]:
        """How the stories spoke of an entity, day by day: its mentions' target-dependent
        sentiment (stories without a day are left out)."""
        sql, p = self._entity_filter(entity)
        rows = self.db.query(
            "SELECT s.day AS day, COUNT(*) AS c, SUM(CASE WHEN t.polarity > 0 THEN 1 ELSE 0 END) AS pos, "
            "SUM(CASE WHEN t.polarity < 0 THEN 1 ELSE 0 END) AS neg, AVG(t.polarity * 1.0) AS mean "
            f"FROM sentiments t JOIN stories s ON s.n = t.story WHERE t.entity IN ({sql}) "
            "AND s.day IS NOT NULL GROUP BY s.day ORDER BY s.day",
            p,
        )
        return [ToneDay(r["day"], int(r["c"]), int(r["pos"]), int(r["neg"]), round(float(r["mean"]), 3)) for r in rows]

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
            "ORDER BY c DESC, t.code LIMIT ?",
            (*params, limit),
        )
        return [TopicCount(r["scheme"], r["code"], r["label"], int(r["c"])) for r in rows]

    # -- quotes, places, time ----------------------------------------------------------
    def quotes(
        self,
        speaker: str | int | None = None,
        *,
        text: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        places: bool = False,
    ) -> list[QuoteHit]:
        """Quotes, newest first; ``speaker`` is a name (every namesake) or an entity id; ``since``/
        ``until`` as in ``search`` (a bad date is a ``QueryError``)."""
        since, until = since_day(since), until_day(until)
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
            "ORDER BY COALESCE(s.day, '') DESC, q.story DESC, q.start_char LIMIT ?",
            (*params, limit),
        )
        found = [_quote(r) for r in rows]
        if places:  # where each quote's story was filed, for a map or GeoJSON
            filed = self.story_places(list(dict.fromkeys(q.story for q in found)))
            found = [dataclasses.replace(q, place=filed.get(q.story)) for q in found]
        return found

    def places(self, bbox: BBox | None = None, *, limit: int = 1000) -> list[PlaceCount]:
        """Places the stories mention, with how many stories each; resolved places only."""
        where, params = ["lat IS NOT NULL"], []
        if bbox:
            where.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [bbox[1], bbox[3], bbox[0], bbox[2]]
        rows = self.db.query(
            "SELECT name, geonames_id, lat, lon, country, feature, COUNT(DISTINCT story) AS c FROM places "
            f"WHERE {' AND '.join(where)} GROUP BY name, geonames_id, lat, lon, country, feature "
            "ORDER BY c DESC, name LIMIT ?",
            (*params, limit),
        )
        return [
            PlaceCount(r["name"], r["geonames_id"], r["lat"], r["lon"], r["country"], r["feature"], r["c"])
            for r in rows
        ]

    def timeline(
        self, *, entity: str | int | None = None, since: str | None = None, until: str | None = None
    ) -> list[DayCount]:
        """Stories and events per day (the story's day; the event's own day where known); ``since``/
        ``until`` as in ``search``."""
        since, until = since_day(since), until_day(until)
        story_where, event_where, params_s, params_e = ["s.day IS NOT NULL"], ["e.day IS NOT NULL"], [], []
        p: list[Any] = []
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
        story_sql = (
            f"SELECT s.day AS day, COUNT(*) AS c FROM stories s WHERE {' AND '.join(story_where)} GROUP BY s.day"
        )
        if len(p) == 1:  # one entity: its stories counted per day as they were written
            story_sql = (
                f"SELECT day, stories AS c FROM entity_days WHERE entity = ?{' AND day >= ?' if since else ''}"
                f"{' AND day <= ?' if until else ''}"
            )
        for r in self.db.query(story_sql, params_s):
            days.setdefault(r["day"], [0, 0])[0] = int(r["c"])
        for r in self.db.query(
            f"SELECT e.day AS day, COUNT(*) AS c FROM events e WHERE {' AND '.join(event_where)} GROUP BY e.day",
            params_e,
        ):
            days.setdefault(r["day"], [0, 0])[1] = int(r["c"])
        return [DayCount(d, s, e) for d, (s, e) in sorted(days.items())]

    def events(
        self,
        *,
        entity: str | int | None = None,
        since: str | None = None,
        until: str | None = None,
        types: Sequence[str] | None = None,
        skip_types: Sequence[str] = (),
        per_day: int | None = None,
        limit: int = 200,
    ) -> list[EventHit]:
        """Dated events in time order (the event's own day), each with its trigger and story;
        ``entity`` keeps those it takes part in; ``since``/``until`` as in ``search``; ``per_day``
        keeps the first of each day (a busy wire day holds hundreds)."""
        since, until = since_day(since), until_day(until)
        where, params = ["e.day IS NOT NULL"], []
        if entity is not None:
            sql, p = self._entity_filter(entity)
            where.append(f"e.n IN (SELECT event FROM event_args WHERE entity IN ({sql}))")
            params += p
        for op, value in ((">=", since), ("<=", until)):
            if value:
                where.append(f"e.day {op} ?")
                params.append(value)
        for op, values in (("IN", types), ("NOT IN", skip_types)):
            if values:
                where.append(f"e.type {op} ({', '.join('?' * len(values))})")
                params += list(values)
        rank = "ROW_NUMBER() OVER (PARTITION BY e.day ORDER BY e.n)" if per_day else "1"
        rows = self.db.query(
            "SELECT * FROM (SELECT s.id AS story, s.headline, e.type, e.trigger, e.start_char, e.end_char, e.day, "
            f"e.modality, e.n, {rank} AS nth FROM events e JOIN stories s ON s.n = e.story "
            f"WHERE {' AND '.join(where)}) x WHERE nth <= ? ORDER BY day, n LIMIT ?",
            (*params, max(1, int(per_day or 1)), max(0, min(int(limit), 10_000))),
        )
        return [_event_hit(r) for r in rows]

    def stats(self) -> dict[str, int]:
        """Row counts and archive size in bytes."""
        tables = ("stories", "entities", "mentions", "quotes", "places", "timexes", "events", "topics", "sentiments")
        out = {t: int(self.db.scalar(f"SELECT COUNT(*) AS c FROM {t}") or 0) for t in tables}
        out["threads"] = int(self.db.scalar("SELECT COUNT(DISTINCT thread) AS c FROM stories") or 0)
        out["version_groups"] = int(self.db.scalar("SELECT COUNT(DISTINCT version_group) AS c FROM stories") or 0)
        out["bytes"] = self.db.size_bytes()
        return out


def _query(text: str | SearchQuery | None, fields: dict[str, Any]) -> SearchQuery:
    """A ``SearchQuery`` as given, or checked from its fields (a query with changes is checked again)."""
    if isinstance(text, SearchQuery):
        return SearchQuery.parse(**{**dataclasses.asdict(text), **fields}) if fields else text
    return SearchQuery.parse(text=text, **fields)


def _sort(query: SearchQuery, *, ranked: bool) -> str:
    """The order a search runs in: relevance only when there is a ranking to order by."""
    sort = query.sort or ("relevance" if ranked else "newest")
    return "newest" if sort == "relevance" and not ranked else sort


def story_place(record: dict[str, Any]) -> StoryPlace | None:
    """Where a story was filed: the resolved place its dateline names, else the first resolved
    place of the story (places are in reading order), else None."""
    resolved = [p for p in record.get("places") or () if p.get("lat") is not None and p.get("lon") is not None]
    filed = {str(name).casefold() for name in (record.get("dateline") or {}).get("places") or ()}
    best = next((p for p in resolved if str(p.get("name", "")).casefold() in filed), None) or (
        resolved[0] if resolved else None
    )
    return StoryPlace(best["name"], float(best["lat"]), float(best["lon"]), best.get("country")) if best else None


def _title_uses(appearances: Sequence[Appearance]) -> list[TitleUse]:
    """The titles the stories give an entity, most used first, with the days they span."""
    days: dict[str, list[str | None]] = {}
    for a in appearances:
        for title in a.titles:
            days.setdefault(title, []).append(a.day)
    uses = [
        TitleUse(t, len(d), min((x for x in d if x), default=None), max((x for x in d if x), default=None))
        for t, d in days.items()
    ]
    return sorted(uses, key=lambda u: (-u.stories, u.title))


def _body(record: dict[str, Any]) -> str:
    body, text = record.get("body") or {}, record.get("text") or ""
    return text[body.get("start", 0) : body.get("end") or len(text)] or text


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
    return StoryHit(
        r["id"],
        r["headline"],
        r["agency"],
        r["published"],
        r["day"],
        r["source"],
        r["thread"],
        r["version_group"],
        bool(r["is_current"]),
        float(r["score"]) if r.get("score") is not None else None,
    )


def _entity(r: dict[str, Any], prefix: str = "") -> EntityRef:
    return EntityRef(
        id=r[prefix + "n"],
        name=r[prefix + "name"],
        type=r[prefix + "type"],
        titles=json.loads(r[prefix + "titles"] or "[]"),
        country=r[prefix + "country"],
        journalist=bool(r[prefix + "journalist"]),
        n_stories=int(r[prefix + "n_stories"]),
    )


def _quote(r: dict[str, Any]) -> QuoteHit:
    speaker = _entity(r, "e_") if r["e_n"] is not None else None
    return QuoteHit(
        story=r["story_id"],
        headline=r["headline"],
        day=r["day"],
        speaker=speaker,
        speaker_text=r["speaker_text"],
        kind=r["kind"],
        text=r["text"],
        start=r["start_char"],
        end=r["end_char"],
        cue=r["cue"],
    )


def _event_hit(row: Any, role: str | None = None) -> EventHit:
    """An event row of the archive (story, headline, type, trigger, offsets, day, modality)."""
    return EventHit(
        row["story"],
        row["headline"],
        row["type"],
        row["trigger"],
        row["start_char"],
        row["end_char"],
        row["day"],
        row["modality"],
        role,
    )
