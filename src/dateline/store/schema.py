"""The archive's tables, written once for both SQLite and PostgreSQL.

Column types are placeholders filled per dialect (``{pk}``, ``{blob}``), so the two backends
share one schema and one set of queries. The full text index is the one dialect-specific part:
an FTS5 table in SQLite, a ``tsvector`` column with a GIN index in PostgreSQL.

Every row of a story refers to ``stories.n`` (an integer) so the per-story tables stay small;
``stories.id`` is the record's content hash, unique, so ingesting a story twice is a no-op.
"""

from __future__ import annotations

# 2: identity keys, evidence, corrections, term counts; 3: thread centroids (filled from 2's rows);
# 4: mentions indexed by (entity, story) and (story, entity), entity_days (filled from 3's rows), redundant
# term and bucket indexes dropped; 5: slugs indexed with their day, MinHash buckets with their story's day
# (``story_buckets``, filled from 4's ``lsh``), so version candidates are read only from the days that can match;
# earlier versions indexed apart, so a search leaves them out without reading every match's row; ``terms``
# holds names' postings only (the thread look-ups read nothing else; older rows stay)
SCHEMA_VERSION = "5"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    n {pk},
    id TEXT NOT NULL UNIQUE,
    headline TEXT,
    agency TEXT,
    published TEXT,
    day TEXT,
    source TEXT,
    slug TEXT,
    version_group BIGINT,
    is_current INTEGER NOT NULL DEFAULT 1,
    thread BIGINT,
    term_norm REAL NOT NULL DEFAULT 0,
    minhash {blob},
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_day ON stories (day);
DROP INDEX IF EXISTS stories_slug;
CREATE INDEX IF NOT EXISTS stories_slug_day ON stories (slug, day);
CREATE INDEX IF NOT EXISTS stories_group ON stories (version_group);
CREATE INDEX IF NOT EXISTS stories_superseded ON stories (n) WHERE is_current = 0;
CREATE INDEX IF NOT EXISTS stories_thread ON stories (thread);
CREATE INDEX IF NOT EXISTS stories_agency ON stories (agency);
CREATE TABLE IF NOT EXISTS story_sources (
    n {pk},
    story BIGINT NOT NULL REFERENCES stories (n),
    kind TEXT NOT NULL,
    location TEXT,
    url TEXT,
    url_key TEXT,
    fetched TEXT
);
CREATE INDEX IF NOT EXISTS story_sources_story ON story_sources (story);
CREATE INDEX IF NOT EXISTS story_sources_url ON story_sources (url_key);
CREATE TABLE IF NOT EXISTS entities (
    n {pk},
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',
    country TEXT,
    journalist INTEGER NOT NULL DEFAULT 0,
    n_stories INTEGER NOT NULL DEFAULT 0,
    context TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX IF NOT EXISTS entities_key ON entities (key, type);
CREATE TABLE IF NOT EXISTS mentions (
    story BIGINT NOT NULL REFERENCES stories (n),
    entity BIGINT NOT NULL REFERENCES entities (n),
    local_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
DROP INDEX IF EXISTS mentions_story;
CREATE INDEX IF NOT EXISTS mentions_story_entity ON mentions (story, entity);
DROP INDEX IF EXISTS mentions_entity;
CREATE INDEX IF NOT EXISTS mentions_entity_story ON mentions (entity, story);
CREATE TABLE IF NOT EXISTS quotes (
    story BIGINT NOT NULL REFERENCES stories (n),
    local_id TEXT NOT NULL,
    entity BIGINT REFERENCES entities (n),
    speaker_text TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    cue TEXT
);
CREATE INDEX IF NOT EXISTS quotes_story ON quotes (story);
CREATE INDEX IF NOT EXISTS quotes_entity ON quotes (entity);
CREATE TABLE IF NOT EXISTS places (
    story BIGINT NOT NULL REFERENCES stories (n),
    entity BIGINT REFERENCES entities (n),
    name TEXT NOT NULL,
    geonames_id BIGINT,
    lat REAL,
    lon REAL,
    country TEXT,
    feature TEXT
);
CREATE INDEX IF NOT EXISTS places_story ON places (story);
CREATE INDEX IF NOT EXISTS places_name ON places (name);
CREATE INDEX IF NOT EXISTS places_latlon ON places (lat, lon);
CREATE TABLE IF NOT EXISTS timexes (
    story BIGINT NOT NULL REFERENCES stories (n),
    local_id TEXT NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS timexes_story ON timexes (story);
CREATE TABLE IF NOT EXISTS events (
    n {pk},
    story BIGINT NOT NULL REFERENCES stories (n),
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    trigger TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    place BIGINT REFERENCES entities (n),
    when_value TEXT,
    day TEXT,
    modality TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_story ON events (story);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE TABLE IF NOT EXISTS event_args (
    event BIGINT NOT NULL REFERENCES events (n),
    entity BIGINT NOT NULL REFERENCES entities (n),
    role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_args_event ON event_args (event);
CREATE INDEX IF NOT EXISTS event_args_entity ON event_args (entity);
CREATE TABLE IF NOT EXISTS topics (
    story BIGINT NOT NULL REFERENCES stories (n),
    scheme TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS topics_story ON topics (story);
CREATE INDEX IF NOT EXISTS topics_code ON topics (code);
CREATE TABLE IF NOT EXISTS tones (
    story BIGINT PRIMARY KEY REFERENCES stories (n),
    polarity REAL NOT NULL,
    positive REAL NOT NULL,
    negative REAL NOT NULL,
    words INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sentiments (
    story BIGINT NOT NULL REFERENCES stories (n),
    entity BIGINT NOT NULL REFERENCES entities (n),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    polarity INTEGER NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS sentiments_story ON sentiments (story);
CREATE INDEX IF NOT EXISTS sentiments_entity ON sentiments (entity);
CREATE TABLE IF NOT EXISTS lsh (  -- schema 4's MinHash buckets: moved into story_buckets below, then dropped
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    story BIGINT NOT NULL REFERENCES stories (n)
);
CREATE TABLE IF NOT EXISTS terms (
    term TEXT NOT NULL,
    story BIGINT NOT NULL REFERENCES stories (n),
    weight REAL NOT NULL
);
DROP INDEX IF EXISTS terms_term;
CREATE TABLE IF NOT EXISTS term_df (
    term TEXT PRIMARY KEY,
    df BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS terms_term_story ON terms (term, story);
CREATE TABLE IF NOT EXISTS story_buckets (
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    day TEXT,
    story BIGINT NOT NULL REFERENCES stories (n)
);
CREATE INDEX IF NOT EXISTS story_buckets_day ON story_buckets (band, bucket, day, story);
CREATE TABLE IF NOT EXISTS thread_terms (
    thread BIGINT NOT NULL,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (thread, term)
);
CREATE TABLE IF NOT EXISTS threads (
    n BIGINT PRIMARY KEY,
    stories INTEGER NOT NULL DEFAULT 0,
    first_day TEXT,
    last_day TEXT,
    named REAL NOT NULL DEFAULT 0,
    words REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS entity_days (
    entity BIGINT NOT NULL,
    day TEXT NOT NULL,
    stories INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity, day)
);
CREATE TABLE IF NOT EXISTS story_figures (
    story BIGINT PRIMARY KEY REFERENCES stories (n),
    figures TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_keys (
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    entity BIGINT NOT NULL REFERENCES entities (n),
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_keys_key ON entity_keys (key, type, kind);
CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys (entity);
CREATE TABLE IF NOT EXISTS entity_evidence (
    story BIGINT NOT NULL REFERENCES stories (n),
    local_id TEXT NOT NULL,
    entity BIGINT NOT NULL REFERENCES entities (n),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    how TEXT NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_evidence_story ON entity_evidence (story);
CREATE INDEX IF NOT EXISTS entity_evidence_entity ON entity_evidence (entity);
CREATE TABLE IF NOT EXISTS entity_corrections (
    n {pk},
    kind TEXT NOT NULL,
    entity BIGINT NOT NULL,
    other BIGINT NOT NULL,
    stories TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    made TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_corrections_entity ON entity_corrections (entity);
INSERT INTO entity_keys (key, type, entity, kind)
    SELECT key, type, n, 'name' FROM entities WHERE NOT EXISTS (SELECT 1 FROM entity_keys);
INSERT INTO entity_days (entity, day, stories, mentions)
    SELECT m.entity, s.day, COUNT(DISTINCT m.story), COUNT(*) FROM mentions m JOIN stories s ON s.n = m.story
    WHERE s.day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity_days) GROUP BY m.entity, s.day;
INSERT INTO story_buckets (band, bucket, day, story)
    SELECT l.band, l.bucket, s.day, l.story FROM lsh l JOIN stories s ON s.n = l.story
    WHERE NOT EXISTS (SELECT 1 FROM story_buckets);
DROP TABLE lsh;
INSERT INTO term_df (term, df)
    SELECT term, COUNT(*) FROM terms WHERE NOT EXISTS (SELECT 1 FROM term_df) GROUP BY term;
INSERT INTO thread_terms (thread, term, weight)
    SELECT s.thread, t.term, SUM(t.weight) FROM terms t JOIN stories s ON s.n = t.story
    WHERE s.thread IS NOT NULL AND NOT EXISTS (SELECT 1 FROM thread_terms) GROUP BY s.thread, t.term;
INSERT INTO threads (n, stories, first_day, last_day, named, words)
    SELECT s.thread, COUNT(*), MIN(s.day), MAX(s.day),
        (SELECT COALESCE(SUM(c.weight * c.weight), 0) FROM thread_terms c
            WHERE c.thread = s.thread AND (c.term LIKE 'e:%' OR c.term LIKE 'p:%')),
        (SELECT COALESCE(SUM(c.weight * c.weight), 0) FROM thread_terms c
            WHERE c.thread = s.thread AND NOT (c.term LIKE 'e:%' OR c.term LIKE 'p:%'))
    FROM stories s WHERE s.thread IS NOT NULL AND NOT EXISTS (SELECT 1 FROM threads) GROUP BY s.thread;
"""

SQLITE_TYPES = {"pk": "INTEGER PRIMARY KEY", "blob": "BLOB"}
POSTGRES_TYPES = {"pk": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "blob": "BYTEA"}

SQLITE_FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS story_fts USING fts5(
    headline, body, quotes, content='', tokenize='porter unicode61'
);
"""

POSTGRES_FTS = """
CREATE TABLE IF NOT EXISTS story_fts (
    story BIGINT PRIMARY KEY REFERENCES stories (n),
    tsv TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS story_fts_tsv ON story_fts USING GIN (tsv);
"""

# Deleting order: children before parents (foreign keys).
ALL_TABLES = (
    "story_fts",
    "term_df",
    "entity_days",
    "story_figures",
    "thread_terms",
    "threads",
    "entity_keys",
    "entity_evidence",
    "entity_corrections",
    "event_args",
    "events",
    "mentions",
    "quotes",
    "places",
    "timexes",
    "topics",
    "tones",
    "sentiments",
    "story_buckets",
    "terms",
    "story_sources",
    "stories",
    "entities",
    "meta",
)


def statements(types: dict[str, str], fts: str) -> list[str]:
    """The DDL for one dialect, split into single statements."""
    ddl = TABLES.format(**types) + fts
    return [s.strip() for s in ddl.split(";") if s.strip()]
