"""Story versions and threads, decided when a story is written (inside its transaction).

Versions: later takes of the same story ("UPDATE 2-...", "(Updates with ...)") share the
headline slug, or their bodies are near-identical (MinHash LSH: buckets in the ``lsh`` table,
candidates verified on the signatures). A version group's newest story is marked current.

Threads: stories about the same event. A new story joins the thread of the archive story it
is most similar to (cosine over tf-idf weighted entity, place and word terms, from the
``terms`` inverted index; damped when the stories' days are far apart) when that similarity
reaches the threshold, else it starts a thread. Versions always share their group's thread.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from dateline.store.backend import Backend
from dateline.store.features import BANDS, StoryFeatures, signature_of, similarity

VERSION_SIMILARITY = 0.7  # estimated Jaccard of word shingles
SLUG_SIMILARITY = 0.3  # a shared slug also needs some shared text, unless the story says it is an update
SLUG_MAX_DAYS = 7  # same headline slug counts as a version within this many days
THREAD_THRESHOLD = 0.2
THREAD_DAYS = 14  # beyond this gap, similarity is damped
MAX_DF_SHARE = 0.3  # terms in more than this share of stories are too common to find candidates


@dataclass(frozen=True, slots=True)
class ThreadSettings:
    threshold: float = THREAD_THRESHOLD
    days: int = THREAD_DAYS


def assign_version(db: Backend, n: int, feats: StoryFeatures, agency: str | None, update: bool = False) -> int:
    """The version group of story ``n`` (its own ``n`` when it is nobody's version).

    ``update`` says the story calls itself a later version (an update note or prefix)."""
    group = _slug_match(db, n, feats, agency, update) or _text_match(db, n, feats)
    db.executemany("INSERT INTO lsh (band, bucket, story) VALUES (?, ?, ?)",
                   [(band, bucket, n) for band, bucket in enumerate(feats.buckets)])
    group = group or n
    db.execute("UPDATE stories SET version_group = ? WHERE n = ?", (group, n))
    _mark_current(db, group)
    return group


def _slug_match(db: Backend, n: int, feats: StoryFeatures, agency: str | None, update: bool) -> int | None:
    """Same headline slug, same agency, close in time, and (unless an update) some shared text:
    a recurring headline ("Market summary") over different stories is not a version."""
    if not feats.slug:
        return None
    rows = db.query("SELECT n, version_group, agency, day, minhash FROM stories WHERE slug = ? AND n <> ? "
                    "ORDER BY n", (feats.slug, n))
    mine = signature_of(feats.minhash)
    for row in rows:
        if agency and row["agency"] and agency != row["agency"]:
            continue
        if _days_apart(feats.day, row["day"]) > SLUG_MAX_DAYS:
            continue
        if update or similarity(mine, signature_of(bytes(row["minhash"]))) >= SLUG_SIMILARITY:
            return row["version_group"]
    return None


def _text_match(db: Backend, n: int, feats: StoryFeatures) -> int | None:
    if not feats.buckets:
        return None
    where = " OR ".join("(l.band = ? AND l.bucket = ?)" for _ in range(BANDS))
    params = [v for band, bucket in enumerate(feats.buckets) for v in (band, bucket)]
    rows = db.query(f"SELECT DISTINCT s.n, s.version_group, s.minhash FROM lsh l "
                    f"JOIN stories s ON s.n = l.story WHERE ({where}) AND s.n <> ?", (*params, n))
    mine = signature_of(feats.minhash)
    best = max(((similarity(mine, signature_of(bytes(r["minhash"]))), -r["n"], r["version_group"])
                for r in rows), default=None)
    return best[2] if best and best[0] >= VERSION_SIMILARITY else None


def _mark_current(db: Backend, group: int) -> None:
    """The newest version (by publication time, then by arrival) is the current one."""
    newest = db.scalar("SELECT n FROM stories WHERE version_group = ? "
                       "ORDER BY COALESCE(published, day, '') DESC, n DESC LIMIT 1", (group,))
    db.execute("UPDATE stories SET is_current = CASE WHEN n = ? THEN 1 ELSE 0 END WHERE version_group = ?",
               (newest, group))


def assign_thread(db: Backend, n: int, feats: StoryFeatures, group: int,
                  settings: ThreadSettings = ThreadSettings()) -> int:
    """Index the story's terms and give it a thread; returns the thread id."""
    idf = _idf(db, [t for t, _ in feats.terms])
    norm = math.sqrt(sum((w * idf[t]) ** 2 for t, w in feats.terms)) or 1.0
    thread = None
    if group != n:
        thread = db.scalar("SELECT thread FROM stories WHERE n = ?", (group,))
    if thread is None:
        thread = _most_similar_thread(db, n, feats, idf, norm, settings) or n
    db.executemany("INSERT INTO terms (term, story, weight) VALUES (?, ?, ?)",
                   [(t, n, w) for t, w in feats.terms])
    db.execute("UPDATE stories SET thread = ?, term_norm = ? WHERE n = ?", (thread, norm, n))
    return thread


def _idf(db: Backend, terms: list[str]) -> dict[str, float]:
    total = int(db.scalar("SELECT COUNT(*) AS c FROM stories") or 0)
    df = {t: 0 for t in terms}
    if terms:
        marks = ",".join("?" * len(terms))
        for row in db.query(f"SELECT term, COUNT(*) AS df FROM terms WHERE term IN ({marks}) GROUP BY term",
                            terms):
            df[row["term"]] = int(row["df"])
    return {t: math.log((total + 1) / (d + 1)) + 1.0 if d <= max(5, MAX_DF_SHARE * total) else 0.0
            for t, d in df.items()}


def _most_similar_thread(db: Backend, n: int, feats: StoryFeatures, idf: dict[str, float],
                         norm: float, settings: ThreadSettings) -> int | None:
    weights = {t: w * idf[t] for t, w in feats.terms if idf[t] > 0}
    if not weights:
        return None
    marks = ",".join("?" * len(weights))
    rows = db.query(f"SELECT t.term, t.story, t.weight, s.term_norm, s.thread, s.day FROM terms t "
                    f"JOIN stories s ON s.n = t.story WHERE t.term IN ({marks}) AND t.story <> ?",
                    (*weights, n))
    dots: dict[int, float] = {}
    info: dict[int, tuple[float, int, str | None]] = {}
    for r in rows:
        dots[r["story"]] = dots.get(r["story"], 0.0) + weights[r["term"]] * r["weight"] * idf[r["term"]]
        info[r["story"]] = (r["term_norm"] or 1.0, r["thread"], r["day"])
    best: tuple[float, int] | None = None
    for story, dot in dots.items():
        other_norm, thread, day = info[story]
        score = dot / (norm * other_norm) * _time_damping(feats.day, day, settings.days)
        if score >= settings.threshold and (best is None or (score, -thread) > (best[0], -best[1])):
            best = (score, thread)
    return best[1] if best else None


def _time_damping(a: str | None, b: str | None, days: int) -> float:
    gap = _days_apart(a, b)
    return 1.0 if gap <= days else days / gap


def _days_apart(a: str | None, b: str | None) -> float:
    """Days between two ISO dates; 0 when either is unknown (no evidence against)."""
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) if a and b else 0.0
    except ValueError:
        return 0.0
