"""Cross-story identity: the same person, organisation or country is one archive entity.

A story's entity gets an identity key from its name and type (``identity_key``): a country
and its demonyms are one key ("France", "French" -> ``country:FR``), an organisation's
aliases and word orders are one ("the Fed", "Federal Reserve Board"; "U.S. Treasury
Department", "Treasury"), a person is their full name without honorifics. Among archive
entities with that key it joins the one whose titles, country and company (the other
entities of the story) agree best (``choose``); same-key entities whose evidence conflicts
stay apart (namesakes). A name with no same-key entity may still be a short form: a
surname alone joins the one person of that surname, an acronym the one organisation with
those initials (``LOOKUP_KINDS``, from the ``entity_keys`` index), and a new full name
takes over a surname-only entity written before it, so the order stories arrive in does not
decide who is who. Every decision is kept as evidence (``entity_evidence``: how and how
well each story's entity joined), and an editor's merge or split (``entity_corrections``)
moves the rows, so every view shows it and later stories follow it.

All look-ups go through indexed keys: the cost per story does not grow with the archive.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from dateline.extract.entities import gazetteer
from dateline.extract.entities.cluster import canonical, initials
from dateline.extract.entities.entity_words import ORG_ALIASES
from dateline.geo.text import case_key, strip_accents
from dateline.store.backend import Backend
from dateline.store.patterns import HONORIFICS, NAME_SUFFIXES, NON_WORD, OWN_IDENTITY, POSSESSIVE, SPACES

CONTEXT_KEEP = 40  # co-occurring names remembered per entity
TITLES_KEEP = 20
DOMINANT = 3  # a short form goes to a candidate with this many times the stories of the next one
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
# What a name look-up (a reader's query, a short form in a story) may match, best first.
LOOKUP_KINDS = ("name", "form", "surname", "acronym")
# Tables whose ``entity`` column an editor's merge or split moves (table, column).
ENTITY_COLUMNS = (
    ("mentions", "entity"),
    ("quotes", "entity"),
    ("places", "entity"),
    ("event_args", "entity"),
    ("sentiments", "entity"),
    ("events", "place"),
    ("entity_evidence", "entity"),
)
_INSTITUTIONS = frozenset(ORG_ALIASES.values())
_INSTITUTION_HEADS = frozenset(
    {
        "department",
        "ministry",
        "treasury",
        "bank",
        "senate",
        "congress",
        "parliament",
        "army",
        "navy",
        "police",
        "government",
        "cabinet",
        "commission",
    }
)


def name_key(name: str) -> str:
    """Normalise a name for identity: accents, case, punctuation, possessive and honorifics go."""
    text = strip_accents(name or "").casefold()
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = SPACES.sub(" ", NON_WORD.sub(lambda m: "" if m.group() in {".", "'"} else " ", text)).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(words)


def identity_key(name: str, type: str) -> tuple[str, str]:
    """(key, archive type) of a story's entity: countries and their demonyms share one key,
    an organisation's aliases share its canonical name, anything else its folded name."""
    if type in PLACE_TYPES and case_key(name) not in OWN_IDENTITY:
        code = gazetteer.country_code(name) or (gazetteer.demonym_code(name) if type != "LOC" else None)
        if code:
            return f"country:{code}", "GPE"
    if type == "ORG":
        return org_key(name), "ORG"
    return name_key(name), type


def org_key(name: str) -> str:
    """An organisation's canonical folded name; a country named in front of one of its
    institutions goes ("U.S. Treasury" is the Treasury, "U.S. Federal Reserve" the Fed)."""
    folded = case_key(name)
    key = name_key(canonical(folded))
    words = folded.split()
    for cut in (2, 1):
        if len(words) > cut and gazetteer.country_code(" ".join(words[:cut])):
            rest = name_key(canonical(" ".join(words[cut:])))
            if rest in _INSTITUTIONS or rest.split()[0] in _INSTITUTION_HEADS:
                return rest
    return key


def lookup_keys(name: str) -> list[str]:
    """Keys a reader's name may be stored under, whatever its type ("the Fed", "Lawson", "French")."""
    keys = [name_key(name), org_key(name)]
    code = gazetteer.country_code(name) or gazetteer.demonym_code(name)
    if code and case_key(name) not in OWN_IDENTITY:
        keys.append(f"country:{code}")
    return list(dict.fromkeys(k for k in keys if k))


def surname(key: str) -> str | None:
    """The last word of a person's full-name key ("nigel lawson" -> "lawson"), suffixes skipped."""
    words = [w for w in key.split() if w not in NAME_SUFFIXES]
    return words[-1] if len(words) >= 2 else None


def display_name(name: str) -> str:
    """The name as shown: without a possessive ending ("Kim's" is Kim)."""
    return POSSESSIVE.sub("", name.strip())


def title_key(title: str) -> str:
    return SPACES.sub(" ", NON_WORD.sub(" ", (title or "").casefold())).strip()


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one story says about one of its entities."""

    key: str
    type: str
    name: str
    titles: frozenset[str] = frozenset()
    country: str | None = None
    journalist: bool = False
    company: frozenset[str] = frozenset()  # keys of the other entities in the story


@dataclass(slots=True)
class Known:
    """An archive entity as stored."""

    n: int
    name: str
    titles: list[str]
    country: str | None
    journalist: bool
    n_stories: int
    context: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict) -> Known:
        return cls(
            n=row["n"],
            name=row["name"],
            titles=json.loads(row["titles"] or "[]"),
            country=row["country"],
            journalist=bool(row["journalist"]),
            n_stories=row["n_stories"],
            context=json.loads(row["context"] or "{}"),
        )


def agreement(known: Known, ev: Evidence) -> float | None:
    """How well a story's entity fits an archive entity; None when the evidence conflicts."""
    if known.journalist != ev.journalist:
        return None
    if known.country and ev.country and known.country != ev.country:
        return None
    shared_titles = len({title_key(t) for t in known.titles} & ev.titles)
    shared_company = len(known.context.keys() & ev.company)
    if known.titles and ev.titles and not shared_titles and not shared_company:
        return None
    return 2.0 * shared_titles + shared_company + 0.1 * math.log1p(known.n_stories)


def choose(candidates: list[Known], ev: Evidence) -> tuple[Known, float] | None:
    """The best agreeing archive entity and its score, or None: the story's entity is someone new."""
    scored = [(s, k.n_stories, -k.n, k) for k in candidates if (s := agreement(k, ev)) is not None]
    if not scored:
        return None
    best = max(scored, key=lambda t: t[:3])
    return best[3], best[0]


def choose_short(candidates: list[Known], ev: Evidence) -> tuple[Known, float] | None:
    """A short form (surname, acronym) joins the one agreeing candidate, or the one the
    story's company points at, or one named in ``DOMINANT`` times as many stories; else none."""
    scored = sorted(
        ((s, k) for k in candidates if (s := agreement(k, ev)) is not None),
        key=lambda t: (-len(t[1].context.keys() & ev.company), -t[1].n_stories, t[1].n),
    )
    if len(scored) == 1:
        return scored[0][1], scored[0][0]
    if len(scored) < 2:
        return None
    (s1, k1), (_, k2) = scored[0], scored[1]
    if len(k1.context.keys() & ev.company) > len(k2.context.keys() & ev.company):
        return k1, s1
    if k1.n_stories >= DOMINANT * max(1, k2.n_stories):
        return k1, s1
    return None


def merged(known: Known, ev: Evidence, titles: tuple[str, ...]) -> Known:
    """The archive entity after this story: titles, country and company added."""
    all_titles = list(known.titles)
    seen = {title_key(t) for t in all_titles}
    for t in titles:
        if title_key(t) not in seen and len(all_titles) < TITLES_KEEP:
            all_titles.append(t)
            seen.add(title_key(t))
    context = Counter(known.context)
    context.update(ev.company)
    return Known(
        n=known.n,
        name=_better_name(known.name, ev),
        titles=all_titles,
        country=known.country or ev.country,
        journalist=known.journalist,
        n_stories=known.n_stories + 1,
        context=_kept(context),
    )


def _kept(context: Counter) -> dict[str, int]:
    """The ``CONTEXT_KEEP`` most frequent co-occurring names, ties by name: a story's names come
    as a set, and a tie broken by their order would depend on the process's hash seed."""
    return dict(sorted(context.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_KEEP])


def _better_name(current: str, ev: Evidence) -> str:
    """The fuller name; a country keeps the first name it was given ("U.S." stays "U.S."),
    never a demonym once it has a name ("France", not "French")."""
    new = display_name(ev.name)
    if ev.key.startswith("country:"):
        return new if gazetteer.demonym_code(current) and not gazetteer.demonym_code(new) else current
    return new if len(new) > len(current) else current


# -- the archive side ----------------------------------------------------------------------
def resolve(db: Backend, story: int, local_id: str, ev: Evidence, titles: tuple[str, ...]) -> int:
    """The archive entity of one story entity: found or created, updated, evidence kept."""
    same_key = _candidates(
        db,
        "SELECT e.* FROM entity_keys k JOIN entities e ON e.n = k.entity "
        "WHERE k.key = ? AND k.type = ? AND k.kind = 'name'",
        (ev.key, ev.type),
    )
    found, how = choose(same_key, ev), "same name"
    if found is None and not same_key:
        found, how = _short_form(db, ev)
    if found is None:
        match, score, how = _create(db, ev), 0.0, "new"
    else:
        match, score = found
    new = merged(match, ev, titles)
    db.execute(
        "UPDATE entities SET name = ?, titles = ?, country = ?, n_stories = ?, context = ? WHERE n = ?",
        (
            new.name,
            json.dumps(new.titles, ensure_ascii=False),
            new.country,
            new.n_stories,
            json.dumps(new.context, ensure_ascii=False),
            new.n,
        ),
    )
    _add_keys(db, new.n, ev, form=name_key(ev.name))
    db.execute(
        "INSERT INTO entity_evidence (story, local_id, entity, name, type, how, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (story, local_id, new.n, ev.name, ev.type, how, round(score, 3)),
    )
    if how == "new" and ev.type == "PERSON" and (last := surname(ev.key)):
        _take_over_surname(db, story, new.n, last)
    return new.n


def _candidates(db: Backend, sql: str, params: tuple[Any, ...]) -> list[Known]:
    seen: dict[int, Known] = {}
    for row in db.query(sql, params):
        seen.setdefault(row["n"], Known.from_row(row))
    return list(seen.values())


def _short_form(db: Backend, ev: Evidence) -> tuple[tuple[Known, float] | None, str]:
    """A one-word person name or an organisation's acronym, joined to the entity it stands for."""
    if ev.type == "PERSON" and " " not in ev.key and not ev.journalist:
        kind = "surname"
    elif ev.type == "ORG" and ev.name.replace(".", "").isupper() and 2 <= len(ev.key.replace(" ", "")) <= 8:
        kind = "acronym"
    else:
        return None, "new"
    rows = _candidates(
        db,
        "SELECT e.* FROM entity_keys k JOIN entities e ON e.n = k.entity WHERE k.key = ? AND k.type = ? AND k.kind = ?",
        (ev.key.replace(" ", ""), ev.type, kind),
    )
    return choose_short(rows, ev), kind


def _create(db: Backend, ev: Evidence) -> Known:
    name = display_name(ev.name)
    n = db.insert(
        "INSERT INTO entities (key, type, name, journalist) VALUES (?, ?, ?, ?)",
        (ev.key, ev.type, name, int(ev.journalist)),
    )
    db.execute("INSERT INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'name')", (ev.key, ev.type, n))
    if ev.type == "PERSON" and (last := surname(ev.key)):
        db.execute("INSERT INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'surname')", (last, ev.type, n))
    if ev.type == "ORG":
        db.executemany(
            "INSERT INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'acronym')",
            [(a.casefold(), ev.type, n) for a in initials(ev.name) if len(ev.key.split()) >= 2],
        )
    return Known(n=n, name=name, titles=[], country=None, journalist=ev.journalist, n_stories=0)


def _add_keys(db: Backend, n: int, ev: Evidence, form: str) -> None:
    """Index a written form the entity went by ("american" for the United States)."""
    if (
        form
        and form != ev.key
        and db.scalar("SELECT 1 AS x FROM entity_keys WHERE key = ? AND entity = ? AND kind = 'form'", (form, n))
        is None
    ):
        db.execute("INSERT INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'form')", (form, ev.type, n))


def _take_over_surname(db: Backend, story: int, person: int, last: str) -> None:
    """A new full name takes over the surname-only entity written before it ("Lawson" in an
    earlier story becomes Nigel Lawson) when it is the only full name with that surname; not
    one the same story keeps apart from it (its reader found the short form ambiguous)."""
    owners = db.query("SELECT entity FROM entity_keys WHERE key = ? AND type = 'PERSON' AND kind = 'surname'", (last,))
    if len(owners) != 1:
        return
    for row in db.query(
        "SELECT n FROM entities WHERE key = ? AND type = 'PERSON' AND journalist = 0 AND n NOT IN "
        "(SELECT entity FROM entity_evidence WHERE story = ?)",
        (last, story),
    ):
        merge_entities(db, row["n"], person, how="surname, later")


def add_days(db: Backend, day: str, mentions: Mapping[int, int]) -> None:
    """Count one story of ``day`` and its mentions (entity -> how many) in ``entity_days``."""
    db.executemany(
        "INSERT INTO entity_days (entity, day, stories, mentions) VALUES (?, ?, 1, ?) ON CONFLICT (entity, day) "
        "DO UPDATE SET stories = entity_days.stories + 1, mentions = entity_days.mentions + excluded.mentions",
        [(e, day, k) for e, k in mentions.items()],
    )


def count_days(db: Backend, *entities: int) -> None:
    """Count the entities' stories and mentions per day again from their mentions (after an
    editor's merge or split moved them)."""
    for e in entities:
        db.execute("DELETE FROM entity_days WHERE entity = ?", (e,))
        db.execute(
            "INSERT INTO entity_days (entity, day, stories, mentions) SELECT m.entity, s.day, COUNT(DISTINCT m.story), "
            "COUNT(*) FROM mentions m JOIN stories s ON s.n = m.story WHERE m.entity = ? AND s.day IS NOT NULL "
            "GROUP BY m.entity, s.day",
            (e,),
        )


def merge_entities(db: Backend, source: int, target: int, *, how: str) -> None:
    """Move every row of entity ``source`` to ``target`` and drop ``source``."""
    db.execute("UPDATE entity_evidence SET how = ? WHERE entity = ?", (how, source))
    for table, column in ENTITY_COLUMNS:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))
    # The keys move too, so later stories under the source's name join the target.
    db.execute("UPDATE entity_keys SET entity = ? WHERE entity = ?", (target, source))
    src, dst = (db.one("SELECT * FROM entities WHERE n = ?", (x,)) for x in (source, target))
    if src and dst:
        a, b = Known.from_row(src), Known.from_row(dst)
        titles = list(dict.fromkeys(b.titles + a.titles))[:TITLES_KEEP]
        context = Counter(b.context) + Counter(a.context)
        db.execute(
            "UPDATE entities SET titles = ?, country = ?, n_stories = ?, context = ? WHERE n = ?",
            (
                json.dumps(titles, ensure_ascii=False),
                b.country or a.country,
                _stories_of(db, target),
                json.dumps(_kept(context), ensure_ascii=False),
                target,
            ),
        )
    db.execute("DELETE FROM entities WHERE n = ?", (source,))
    count_days(db, source, target)


def _stories_of(db: Backend, entity: int) -> int:
    """How many stories name the entity (the evidence is written before the story's mentions)."""
    counts = [
        db.scalar(f"SELECT COUNT(DISTINCT story) AS c FROM {table} WHERE entity = ?", (entity,))
        for table in ("entity_evidence", "mentions")
    ]
    return max(int(c or 0) for c in counts)


def lookup(db: Backend, name: str, type: str | None = None) -> list[int]:
    """Archive entities a reader's name stands for: exact names first ("Federal Reserve"
    for "the Fed", France for "French"), then surnames and acronyms ("Lawson", "KDP")."""
    keys = lookup_keys(name)
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    typed = " AND e.type = ?" if type else ""
    rows = db.query(
        f"SELECT k.entity, k.kind, e.n_stories FROM entity_keys k JOIN entities e ON e.n = k.entity "
        f"WHERE k.key IN ({marks}){typed}",
        (*keys, *([type] if type else [])),
    )
    rank = {kind: i for i, kind in enumerate(LOOKUP_KINDS)}
    chosen = sorted(rows, key=lambda r: (rank[r["kind"]], -r["n_stories"], r["entity"]))
    return list(dict.fromkeys(r["entity"] for r in chosen))


# -- an editor's corrections ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's merge ("these are one") or split ("these stories name someone else")."""

    n: int
    kind: str  # merge | split
    entity: int  # merge: the entity merged away; split: the entity split
    other: int  # merge: the entity it joined; split: the new entity
    stories: tuple[str, ...]  # split: the stories (content ids) moved
    note: str | None
    made: str


def correct_merge(db: Backend, source: int, target: int, note: str | None = None) -> Correction:
    """Merge archive entity ``source`` into ``target``; the correction is kept in the archive."""
    if source == target:
        raise ValueError("an entity cannot be merged into itself")
    for n in (source, target):
        if db.scalar("SELECT n FROM entities WHERE n = ?", (n,)) is None:
            raise LookupError(f"no entity {n}")
    merge_entities(db, source, target, how="editor")
    return _record(db, "merge", source, target, (), note)


def correct_split(db: Backend, entity: int, stories: list[str], note: str | None = None) -> Correction:
    """Move what the given stories (content ids) say of ``entity`` to a new entity of the
    same name: the editor says those stories name someone else."""
    row = db.one("SELECT * FROM entities WHERE n = ?", (entity,))
    if row is None:
        raise LookupError(f"no entity {entity}")
    ns = (
        [r["n"] for r in db.query(f"SELECT n FROM stories WHERE id IN ({', '.join('?' * len(stories))})", stories)]
        if stories
        else []
    )
    if not ns:
        raise LookupError("none of the given stories is in the archive")
    marks = ", ".join("?" * len(ns))
    held = db.scalar(
        f"SELECT COUNT(DISTINCT story) AS c FROM mentions WHERE entity = ? AND story IN ({marks})", (entity, *ns)
    )
    total = db.scalar("SELECT COUNT(DISTINCT story) AS c FROM mentions WHERE entity = ?", (entity,))
    if not held:
        raise LookupError(f"entity {entity} is not named in those stories")
    if held == total:
        raise ValueError("a split must leave the entity some of its stories")
    new = db.insert(
        "INSERT INTO entities (key, type, name, journalist, country) VALUES (?, ?, ?, ?, ?)",
        (row["key"], row["type"], row["name"], row["journalist"], row["country"]),
    )
    db.execute(
        "INSERT INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'name')", (row["key"], row["type"], new)
    )
    for table, column in ENTITY_COLUMNS:
        story_col = "story" if table != "event_args" else "(SELECT e.story FROM events e WHERE e.n = event)"
        db.execute(
            f"UPDATE {table} SET {column} = ? WHERE {column} = ? AND {story_col} IN ({marks})", (new, entity, *ns)
        )
    db.execute("UPDATE entity_evidence SET how = 'editor' WHERE entity = ?", (new,))
    for n in (entity, new):
        db.execute("UPDATE entities SET n_stories = ? WHERE n = ?", (_stories_of(db, n), n))
    count_days(db, entity, new)
    return _record(db, "split", entity, new, tuple(stories), note)


def corrections(db: Backend, entity: int | None = None) -> list[Correction]:
    """The editor's corrections, oldest first; with ``entity``, those naming it either side."""
    where, params = ("WHERE entity = ? OR other = ?", (entity, entity)) if entity is not None else ("", ())
    return [
        Correction(r["n"], r["kind"], r["entity"], r["other"], tuple(json.loads(r["stories"])), r["note"], r["made"])
        for r in db.query(f"SELECT * FROM entity_corrections {where} ORDER BY n", params)
    ]


def merged_into(db: Backend, entity: int) -> int | None:
    """Where an entity merged away now lives (following an editor's or a later merge)."""
    seen = {entity}
    while (
        row := db.one(
            "SELECT other FROM entity_corrections WHERE kind = 'merge' AND entity = ? ORDER BY n DESC LIMIT 1",
            (entity,),
        )
    ) is not None:
        entity = row["other"]
        if entity in seen:
            return None
        seen.add(entity)
    return entity if len(seen) > 1 else None


def _record(db: Backend, kind: str, entity: int, other: int, stories: tuple[str, ...], note: str | None) -> Correction:
    from datetime import datetime

    made = datetime.now(UTC).isoformat(timespec="seconds")
    n = db.insert(
        "INSERT INTO entity_corrections (kind, entity, other, stories, note, made) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, entity, other, json.dumps(list(stories)), note, made),
    )
    return Correction(n, kind, entity, other, stories, note, made)
