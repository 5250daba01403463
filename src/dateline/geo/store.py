"""The gazetteer's SQLite schema, and the few statements that read and write it.

Two tables, as GeoNames itself has: ``places`` (one row per GeoNames entry) and
``names`` (every folded name that points at an entry, with how it names it). The names
table is keyed by (key, geonameid) without a rowid, so a look-up is one B-tree search.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = "2"

# How a name points at an entry; lower is better and wins when a key is given twice.
NAME = 0  # the entry's own name or ASCII name
ABBREVIATION = 1  # a news-style abbreviation or code: "U.S.", "Tenn."
ALTERNATE = 2  # one of GeoNames' alternate names
DEMONYM = 3  # "Russian" -> Russia

_DDL = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL, lon REAL,
    fclass TEXT, fcode TEXT,
    country TEXT, admin1 TEXT, admin2 TEXT,
    population INTEGER DEFAULT 0,
    alternates INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
_INDEXES = "CREATE INDEX IF NOT EXISTS places_admin ON places (country, fcode, admin1);"

_PLACE_COLUMNS = "geonameid, name, lat, lon, fclass, fcode, country, admin1, admin2, population, alternates"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry as the resolver sees it."""

    geonameid: int
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    population: int
    alternates: int = 0  # how many alternate names GeoNames gives it: how widely it is known
    kind: int = NAME  # how the looked-up name named it


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database; read-only connections may be shared across threads."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path))
        conn.executescript(_DDL)
    return conn


def write_places(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """Insert or replace place rows (a later source, such as a full dump, wins)."""
    conn.executemany(f"INSERT OR REPLACE INTO places ({_PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)


def write_names(conn: sqlite3.Connection, rows: Iterable[tuple[str, int, int]]) -> None:
    """Insert (key, geonameid, kind) rows, keeping the best kind when a key repeats."""
    conn.executemany(
        "INSERT INTO names (key, geonameid, kind) VALUES (?,?,?) "
        "ON CONFLICT(key, geonameid) DO UPDATE SET kind = min(kind, excluded.kind)",
        rows,
    )


def finish(conn: sqlite3.Connection, meta: dict[str, str]) -> None:
    conn.executescript(_INDEXES)
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [(k, str(v)) for k, v in {**meta, "schema": SCHEMA_VERSION}.items()],
    )
    conn.commit()


def upgrade(path: Path | str) -> None:
    """Add the columns a gazetteer of an older schema lacks (one with imported dumps is kept)."""
    conn = sqlite3.connect(str(path))
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(places)")}
        if columns and "alternates" not in columns:
            conn.execute("ALTER TABLE places ADD COLUMN alternates INTEGER DEFAULT 0")
            conn.commit()
    finally:
        conn.close()


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta"))


def lookup(conn: sqlite3.Connection, key: str) -> list[Entry]:
    """Entries any of whose names folds to ``key``."""
    sql = f"SELECT {_prefixed('p.')}, n.kind FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?"
    return [Entry(*row) for row in conn.execute(sql, (key,))]


def by_id(conn: sqlite3.Connection, geonameid: int) -> Entry | None:
    row = conn.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
    return Entry(*row) if row else None


def big_places(conn: sqlite3.Connection, min_population: int) -> list[Entry]:
    """Populated places of at least ``min_population`` people."""
    sql = f"SELECT {_PLACE_COLUMNS} FROM places WHERE fclass = 'P' AND population >= ?"
    return [Entry(*row) for row in conn.execute(sql, (min_population,))]


def by_code(
    conn: sqlite3.Connection, country: str, fcodes: tuple[str, ...], admin1: str | None = None
) -> Iterator[Entry]:
    """Entries of a country with one of ``fcodes`` (and an admin1 code, if given)."""
    marks = ",".join("?" * len(fcodes))
    sql = f"SELECT {_PLACE_COLUMNS} FROM places WHERE country = ? AND fcode IN ({marks})"
    args: list = [country, *fcodes]
    if admin1 is not None:
        sql += " AND admin1 = ?"
        args.append(admin1)
    for row in conn.execute(sql, args):
        yield Entry(*row)


def _prefixed(prefix: str) -> str:
    return ", ".join(prefix + c.strip() for c in _PLACE_COLUMNS.split(","))


def place_name_keys(
    conn: sqlite3.Connection, min_population: int, any_name_population: int | None = None
) -> Iterator[tuple[str, int]]:
    """(key, geonameid) of the own names of populated places of at least ``min_population``, and
    every name of those of at least ``any_name_population`` ("New York" of New York City)."""
    sql = (
        "SELECT n.key, p.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid "
        "WHERE p.fclass = 'P' AND (n.kind = ? AND p.population >= ? OR p.population >= ?)"
    )
    yield from conn.execute(sql, (NAME, min_population, any_name_population or 10**12))
