"""Write one read story into the archive: every row of it inside the caller's transaction.

Order matters: the story row first (its ``n`` is every other row's key), then entities
resolved to archive identities, then mentions, quotes, places, timexes and events mapped to
those identities, then the full text index, versions and threads.
"""

from __future__ import annotations

from collections import Counter

from dateline.record import Article, Entity, Mention, Span
from dateline.store.backend import Backend
from dateline.store.features import Prepared
from dateline.store.identity import Evidence, add_days, identity_key, name_key, resolve, title_key
from dateline.store.patterns import ISO_DAY, NAME_TYPES, VERSION_PREFIX
from dateline.store.provenance import add_sources
from dateline.store.threads import ThreadSettings, assign_thread, assign_version

COMPANY_KEEP = 20  # co-occurring names used as identity evidence per story


def write_story(db: Backend, item: Prepared, settings: ThreadSettings = ThreadSettings()) -> int | None:
    """Insert the story; returns its ``n``, or None when the archive already holds it."""
    art, feats = item.article, item.features
    if (known := db.scalar("SELECT n FROM stories WHERE id = ?", (art.id,))) is not None:
        add_sources(db, known, art.sources)  # the same story found again: one more source
        return None
    n = db.insert(
        "INSERT INTO stories (id, headline, agency, published, day, source, slug, minhash, record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            art.id,
            art.headline,
            art.agency,
            art.published,
            feats.day,
            art.source,
            feats.slug,
            feats.minhash,
            item.record_json,
        ),
    )
    add_sources(db, n, art.sources)
    ids = _write_entities(db, n, art, feats.day)
    _write_quotes(db, n, art, ids)
    _write_places(db, n, art, ids)
    _write_timexes(db, n, art)
    _write_events(db, n, art, ids)
    _write_themes(db, n, art, ids)
    body = art.text[art.body.start : art.body.end]
    db.fts_insert(n, art.headline or "", body, "\n".join(q.text for q in art.quotes))
    update = bool(art.update_note) or bool(art.headline and VERSION_PREFIX.match(art.headline))
    group = assign_version(db, n, feats, art.agency, update)
    assign_thread(db, n, feats, group, settings)
    return n


def _write_entities(db: Backend, n: int, art: Article, day: str | None) -> dict[str, int]:
    """Resolve the story's entities (and byline authors) to archive entities; local id -> n; count
    the story and its mentions on each entity's day (``entity_days``: an entity's months and days
    are read from there, whatever the size of the archive)."""
    entities = [e for e in art.entities if e.type in NAME_TYPES] + _byline_entities(art)
    keys = {e.id: identity_key(e.name, e.type) for e in entities}
    ranked = sorted((e for e in entities if not e.journalist and keys[e.id][0]), key=lambda e: -len(e.mentions))
    company_all = [keys[e.id][0] for e in ranked][:COMPANY_KEEP]
    ids: dict[str, int] = {}
    done: dict[tuple[str, str, bool], int] = {}  # one archive entity per key in a story ("U.S.", "American")
    rows = []
    for ent in entities:
        key, type_ = keys[ent.id]
        if not key:
            continue
        if (same := done.get((key, type_, ent.journalist))) is not None:
            ids[ent.id] = same
            rows += [(n, same, ent.id, m.start, m.end) for m in ent.mentions]
            continue
        ev = Evidence(
            key=key,
            type=type_,
            name=ent.name,
            titles=frozenset(title_key(t) for t in ent.titles),
            country=ent.country,
            journalist=ent.journalist,
            company=frozenset(k for k in company_all if k != key),
        )
        ids[ent.id] = done[(key, type_, ent.journalist)] = resolve(db, n, ent.id, ev, ent.titles)
        rows += [(n, ids[ent.id], ent.id, m.start, m.end) for m in ent.mentions]
    db.executemany("INSERT INTO mentions (story, entity, local_id, start_char, end_char) VALUES (?, ?, ?, ?, ?)", rows)
    if day:
        add_days(db, day, Counter(r[1] for r in rows))
    return ids


def _byline_entities(art: Article) -> list[Entity]:
    """Byline authors and credited journalists the entity extractor did not already list."""
    known = {name_key(e.name) for e in art.entities if e.journalist}
    found = []
    spans = art.spans.get("authors", ())
    for i, author in enumerate(art.authors):
        found.append((author, spans[i] if i < len(spans) else None))
    for span in art.spans.get("credits", ()):
        for name in _credited_names(art):
            at = art.text.find(name, span.start, span.end)
            found.append((name, Span(at, at + len(name)) if at >= 0 else None))
    out: list[Entity] = []
    for name, where in found:
        if name_key(name) in known or not name_key(name):
            continue
        known.add(name_key(name))
        mentions = (Mention(where.start, where.end, name),) if where else ()
        out.append(Entity(id=f"byline{len(out) + 1}", type="PERSON", name=name, mentions=mentions, journalist=True))
    return out


def _credited_names(art: Article) -> list[str]:
    c = art.credits
    people = (*c.reporting, *c.additional_reporting, *c.writing, *c.compiling, *c.contributing)
    return [p.name for p in people] + list(c.editing)


def _write_quotes(db: Backend, n: int, art: Article, ids: dict[str, int]) -> None:
    db.executemany(
        "INSERT INTO quotes (story, local_id, entity, speaker_text, kind, text, start_char, end_char, cue) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (n, q.id, ids.get(q.speaker or ""), q.speaker_text, q.kind, q.text, q.start, q.end, q.cue)
            for q in art.quotes
        ],
    )


def _write_places(db: Backend, n: int, art: Article, ids: dict[str, int]) -> None:
    db.executemany(
        "INSERT INTO places (story, entity, name, geonames_id, lat, lon, country, feature) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(n, ids.get(p.entity or ""), p.name, p.geonames_id, p.lat, p.lon, p.country, p.feature) for p in art.places],
    )


def _write_timexes(db: Backend, n: int, art: Article) -> None:
    db.executemany(
        "INSERT INTO timexes (story, local_id, text, type, value, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(n, t.id, t.text, t.type, t.value, t.start, t.end) for t in art.timexes],
    )


def _write_events(db: Backend, n: int, art: Article, ids: dict[str, int]) -> None:
    values = {t.id: t.value for t in art.timexes}
    for ev in art.events:
        when = values.get(ev.when or "")
        day = when if when and ISO_DAY.match(when) else None
        e = db.insert(
            "INSERT INTO events (story, local_id, type, trigger, start_char, end_char, place, "
            "when_value, day, modality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                n,
                ev.id,
                ev.type,
                ev.trigger.text,
                ev.trigger.start,
                ev.trigger.end,
                ids.get(ev.where or ""),
                when,
                day,
                ev.modality,
            ),
        )
        args = [(e, ids[w], "who") for w in ev.who if w in ids] + [(e, ids[w], "with") for w in ev.with_ if w in ids]
        db.executemany("INSERT INTO event_args (event, entity, role) VALUES (?, ?, ?)", args)


def _write_themes(db: Backend, n: int, art: Article, ids: dict[str, int]) -> None:
    """Topics, the story's tone and the sentiment at each mention of an archive entity."""
    db.executemany(
        "INSERT INTO topics (story, scheme, code, label, score) VALUES (?, ?, ?, ?, ?)",
        [(n, t.scheme, t.code, t.label, t.score) for t in art.topics],
    )
    if art.tone is not None:
        t = art.tone
        db.execute(
            "INSERT INTO tones (story, polarity, positive, negative, words) VALUES (?, ?, ?, ?, ?)",
            (n, t.polarity, t.positive, t.negative, t.words),
        )
    db.executemany(
        "INSERT INTO sentiments (story, entity, start_char, end_char, polarity, score) VALUES (?, ?, ?, ?, ?, ?)",
        [(n, ids[s.entity], s.start, s.end, s.polarity, s.score) for s in art.sentiments if s.entity in ids],
    )
