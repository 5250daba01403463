"""Two database backends behind one small interface: SQLite (a file) and PostgreSQL (a URL).

Queries are written once with ``?`` placeholders; the PostgreSQL backend rewrites them to
psycopg's ``%s``. Each thread gets its own connection (a web server may query from many
threads); writes happen inside ``transaction()``, so a story's rows commit together or not
at all. Full text search is the only dialect-specific query: ``fts_*`` below.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dateline.store import schema

DEFAULT_DB = "dateline.db"
# Private-use characters around matched words in snippets: they never occur in news text.
MARK_START, MARK_STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 24
# SQLite's page cache per connection, in KiB (its default is 2 MiB). A batch of stories dirties
# a few thousand pages of big indexes; with the default they spill to the WAL mid-transaction
# and are read back, a cost that grows with the archive (docs/archive.md, session 11). The
# cache fills only as pages are used.
SQLITE_CACHE_KIB = 64 * 1024
_LT = "\ue002"
_PHRASE = re.compile(r'"([^"]+)"|(\S+)')


def open_backend(url: str | os.PathLike | None = None) -> Backend:
    """A backend for a SQLite path (default ``dateline.db``) or a ``postgresql://`` URL."""
    text = str(url or DEFAULT_DB)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return SqliteBackend(text)


class QueryTimeout(TimeoutError):
    """A query ran past its time budget and was stopped."""


def query_terms(text: str) -> list[str]:
    """Words and "quoted phrases" of a user's search, stripped of operator characters."""
    terms = []
    for phrase, word in _PHRASE.findall(text or ""):
        cleaned = " ".join(re.findall(r"\w+", phrase or word))
        if cleaned:
            terms.append(cleaned)
    return terms


class Backend:
    """What the store needs from a database. Subclasses set the dialect details."""

    dialect = ""
    placeholder = "?"

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()

    # -- connections -------------------------------------------------------------------
    @property
    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:  # a connection of a finished thread
                    pass
            self._all.clear()
        self._local = threading.local()

    # -- statements --------------------------------------------------------------------
    def sql(self, text: str) -> str:
        return text

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self.conn.executemany(self.sql(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        row = self.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return None if row is None else next(iter(dict(row).values()))

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT and return the new row's ``n``."""
        return int(self.scalar(sql + " RETURNING n", params))

    @contextmanager
    def transaction(self) -> Iterator[None]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def init_schema(self) -> None:
        """Create the tables unless this schema version is already there (readers then never
        wait for a writer's lock just to open the archive)."""
        try:
            if self.scalar("SELECT value FROM meta WHERE key = 'schema'") == schema.SCHEMA_VERSION:
                return
        except Exception:  # no meta table yet: a new archive
            if self.dialect == "postgresql" and self.conn.info.transaction_status:
                self.conn.rollback()
        with self.transaction():
            for statement in self.ddl():
                self.execute(statement)
            self.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ("schema", schema.SCHEMA_VERSION),
            )

    def ddl(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- full text ---------------------------------------------------------------------
    def fts_insert(self, story: int, headline: str, body: str, quotes: str) -> None:
        raise NotImplementedError

    def fts_source(self, text: str) -> tuple[str, list[Any]] | None:
        """A subquery yielding ``(story, score)`` for a user's search, best first by score."""
        raise NotImplementedError

    def snippets(self, text: str, bodies: dict[int, str]) -> dict[int, str]:
        """For each matching body, a passage around the search's words with each match between
        ``MARK_START`` and ``MARK_STOP``; bodies that do not match (a headline hit) are left out."""
        raise NotImplementedError

    def json_fields(self, column: str, keys: Sequence[str]) -> str:
        """SQL for top-level fields of a JSON text column as one JSON array text, the record
        parsed once (``keys`` are constants, never user input)."""
        return f"json_extract({column}, {', '.join(repr('$.' + k) for k in keys)})"

    def size_bytes(self) -> int:
        raise NotImplementedError

    @contextmanager
    def time_budget(self, seconds: float) -> Iterator[None]:
        """Queries in the block stop with ``QueryTimeout`` after ``seconds``."""
        raise NotImplementedError
        yield


class SqliteBackend(Backend):
    """A SQLite file in WAL mode, with foreign keys on and FTS5 for full text."""

    dialect = "sqlite"

    def _connect(self) -> sqlite3.Connection:
        Path(self.url).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.url, isolation_level=None, check_same_thread=False, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        conn = self.conn
        if conn.in_transaction:  # nested: the outer transaction decides
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def ddl(self) -> list[str]:
        return schema.statements(schema.SQLITE_TYPES, schema.SQLITE_FTS)

    def fts_insert(self, story: int, headline: str, body: str, quotes: str) -> None:
        self.execute(
            "INSERT INTO story_fts (rowid, headline, body, quotes) VALUES (?, ?, ?, ?)", (story, headline, body, quotes)
        )

    def fts_source(self, text: str) -> tuple[str, list[Any]] | None:
        terms = query_terms(text)
        if not terms:
            return None
        match = " ".join(f'"{t}"' for t in terms)
        return (
            "SELECT rowid AS story, -bm25(story_fts, 4.0, 1.0, 1.0) AS score FROM story_fts WHERE story_fts MATCH ?",
            [match],
        )

    def snippets(self, text: str, bodies: dict[int, str]) -> dict[int, str]:
        """FTS5 ``snippet()`` over a per-connection temporary index of just these bodies (the
        archive's index is contentless, so it cannot quote the text back)."""
        terms = query_terms(text)
        if not terms or not bodies:
            return {}
        self.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_fts USING fts5(body, tokenize='porter unicode61')"
        )
        self.execute("DELETE FROM temp.snippet_fts")
        self.executemany("INSERT INTO temp.snippet_fts (rowid, body) VALUES (?, ?)", bodies.items())
        rows = self.query(
            f"SELECT rowid AS story, snippet(snippet_fts, 0, ?, ?, '…', {SNIPPET_WORDS}) AS s "
            "FROM temp.snippet_fts WHERE snippet_fts MATCH ?",
            (MARK_START, MARK_STOP, " OR ".join(f'"{t}"' for t in terms)),
        )
        self.execute("DELETE FROM temp.snippet_fts")
        return {int(r["story"]): r["s"] for r in rows}

    @contextmanager
    def time_budget(self, seconds: float) -> Iterator[None]:
        """Queries in the block stop with ``QueryTimeout`` after ``seconds`` (SQLite's progress
        handler is called every few thousand virtual-machine steps)."""
        deadline = time.monotonic() + seconds
        conn = self.conn
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"query stopped after its {seconds:g} s budget") from None
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def size_bytes(self) -> int:
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in (Path(self.url), Path(self.url + "-wal")) if p.exists())


class PostgresBackend(Backend):
    """PostgreSQL through psycopg 3, with a ``tsvector`` index for full text."""

    dialect = "postgresql"
    placeholder = "%s"

    def json_fields(self, column: str, keys: Sequence[str]) -> str:
        # the record parsed once for all keys (OFFSET 0 keeps the planner from inlining the cast
        # once per key): 500 records' appearance fields in 180 ms instead of 260
        fields = ", ".join(f"j -> {k!r}" for k in keys)
        return f"(SELECT json_build_array({fields})::text FROM (SELECT ({column})::json AS j OFFSET 0) AS parsed)"

    def _connect(self):
        import psycopg
        from psycopg.rows import dict_row

        return psycopg.connect(self.url, autocommit=True, row_factory=dict_row)

    def sql(self, text: str) -> str:
        return text.replace("%", "%%").replace("?", "%s")

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def ddl(self) -> list[str]:
        return schema.statements(schema.POSTGRES_TYPES, schema.POSTGRES_FTS)

    def fts_insert(self, story: int, headline: str, body: str, quotes: str) -> None:
        self.execute(
            "INSERT INTO story_fts (story, tsv) VALUES (?, "
            "setweight(to_tsvector('english', ?), 'A') || to_tsvector('english', ?) "
            "|| to_tsvector('english', ?))",
            (story, headline, body, quotes),
        )

    def fts_source(self, text: str) -> tuple[str, list[Any]] | None:
        terms = query_terms(text)
        if not terms:
            return None
        query = " ".join(f'"{t}"' if " " in t else t for t in terms)
        return (
            "SELECT story, ts_rank(tsv, websearch_to_tsquery('english', ?)) AS score FROM story_fts "
            "WHERE tsv @@ websearch_to_tsquery('english', ?)",
            [query, query],
        )

    def snippets(self, text: str, bodies: dict[int, str]) -> dict[int, str]:
        """``ts_headline`` with the same English configuration as the index. Its parser drops
        what looks like an HTML tag, so ``<`` is swapped for a private-use stand-in meanwhile."""
        terms = query_terms(text)
        if not terms or not bodies:
            return {}
        query = " or ".join(f'"{t}"' if " " in t else t for t in terms)
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        out = {}
        for story, body in bodies.items():
            shielded = body.replace("<", _LT)
            row = self.one(
                "SELECT ts_headline('english', ?, q, ?) AS s, to_tsvector('english', ?) @@ q AS hit "
                "FROM websearch_to_tsquery('english', ?) q",
                (shielded, options, shielded, query),
            )
            if row and row["hit"]:
                out[story] = row["s"].replace(_LT, "<")
        return out

    @contextmanager
    def time_budget(self, seconds: float) -> Iterator[None]:
        """Queries in the block stop with ``QueryTimeout`` after ``seconds`` (statement_timeout)."""
        import psycopg

        self.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")
        try:
            yield
        except psycopg.errors.QueryCanceled:
            raise QueryTimeout(f"query stopped after its {seconds:g} s budget") from None
        finally:
            self.execute("SET statement_timeout = 0")

    def size_bytes(self) -> int:
        total = 0
        for table in schema.ALL_TABLES:
            total += int(self.scalar("SELECT pg_total_relation_size(to_regclass(?)::oid) AS s", (table,)) or 0)
        return total
