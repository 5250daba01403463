"""Story versions and threads, decided when a story is written (inside its transaction).

Versions: later takes of the same story ("UPDATE 2-...", "(Updates with ...)") share the
headline slug, or their bodies are near-identical (MinHash LSH over word-and-number shingles:
buckets in the ``story_buckets`` table, candidates verified on the signatures). A notice that comes
back every day with new figures ("Fed adds reserves", an earnings table) shares a template,
not a story: versions must be close in time and share their figures. A version group's
newest story is marked current.

Threads: stories about the same happening. A new story joins the thread whose centroid (the
sum of its stories' unit tf-idf vectors, its heaviest terms kept) it is most similar to when
that similarity reaches the threshold, else it starts a thread. Similarity blends the cosine of
the whole vectors with the cosine of their entities and places alone, and is damped when the
story's day is far from the thread's days. A story that shares no entity or place with a
thread never joins it (a shared template, a dateline or a country is not shared news).
Versions always share their group's thread.

Cost per story is flat in the archive's size: document frequencies come from a per-term
counter (``term_df``), each name's candidates are its most recent ``POSTINGS`` stories, whose
threads (at most ``CANDIDATE_THREADS``) are compared through centroids of at most
``CENTROID_TERMS`` terms, and version candidates are bounded the same way: a slug's or an LSH
bucket's candidates come from an index holding their day, only those days that can match are
read (a slug that recurs for years costs what one week of it costs), and each candidate story
is read once however many buckets it shares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.store.backend import Backend
from dateline.store.features import BANDS, NAMED_PREFIXES, StoryFeatures, numbers_agree, signature_of, similarity

VERSION_SIMILARITY = 0.7  # estimated Jaccard of word shingles
SLUG_SIMILARITY = 0.3  # a shared slug also needs some shared text, unless the story says it is an update
SLUG_MAX_DAYS = 7  # same headline slug counts as a version within this many days
TEXT_MAX_DAYS = 3  # near-identical text counts as a version within this many days
THREAD_THRESHOLD = 0.15  # the best worst case of ECB+ sub-topics and WikiRef topics (docs/archive.md)
THREAD_DAYS = (
    60  # beyond this gap, similarity is damped: a followed story comes back within two months (docs/archive.md)
)
MAX_DF_SHARE = 0.3  # terms in more than this share of stories are too common to find candidates
IDF_MIN_STORIES = 1000  # a young archive's frequencies are read as if it held this many stories
POSTINGS = 15  # an entity's or place's most recent stories looked at for a new story's thread
CANDIDATE_THREADS = 30  # threads compared with a new story: those its names reach most
CENTROID_TERMS = 100  # a thread's centroid keeps its heaviest terms, however long the thread runs
ENTITY_SHARE = 0.5  # weight of the entities-and-places cosine beside the whole vector's
VERSION_CANDIDATES = 50  # stories per slug or LSH bucket looked at for a new story's versions


@dataclass(frozen=True, slots=True)
class ThreadSettings:
    threshold: float = THREAD_THRESHOLD
    days: int = THREAD_DAYS


def assign_version(db: Backend, n: int, feats: StoryFeatures, agency: str | None, update: bool = False) -> int:
    """The version group of story ``n`` (its own ``n`` when it is nobody's version).

    ``update`` says the story calls itself a later version (an update note or prefix)."""
    group = _slug_match(db, n, feats, agency, update) or _text_match(db, n, feats)
    db.executemany(
        "INSERT INTO story_buckets (band, bucket, day, story) VALUES (?, ?, ?, ?)",
        [(band, bucket, feats.day, n) for band, bucket in enumerate(feats.buckets)],
    )
    db.execute("INSERT INTO story_figures (story, figures) VALUES (?, ?)", (n, " ".join(feats.figures)))
    group = group or n
    db.execute("UPDATE stories SET version_group = ? WHERE n = ?", (group, n))
    _mark_current(db, group)
    return group


def _slug_match(db: Backend, n: int, feats: StoryFeatures, agency: str | None, update: bool) -> int | None:
    """Same headline slug, same agency, close in time, and (unless an update) shared text and
    figures: a recurring headline ("Market summary") over different stories is not a version."""
    if not feats.slug:
        return None
    rows = _near(
        db,
        "SELECT n, version_group, agency, minhash FROM stories WHERE slug = ? AND n <> ?",
        (feats.slug, n),
        feats.day,
        SLUG_MAX_DAYS,
        "n",
    )
    mine = signature_of(feats.minhash)
    for row in sorted(rows, key=lambda r: r["n"]):
        if agency and row["agency"] and agency != row["agency"]:
            continue
        if update or (
            similarity(mine, signature_of(bytes(row["minhash"]))) >= SLUG_SIMILARITY
            and numbers_agree(feats.figures, _figures(db, row["n"]))
        ):
            return row["version_group"]
    return None


def _text_match(db: Backend, n: int, feats: StoryFeatures) -> int | None:
    """A near-identical body close in time with the same figures."""
    if not feats.buckets:
        return None
    found: set[int] = set()
    for band, bucket in enumerate(feats.buckets[:BANDS]):  # the index alone answers these
        found.update(
            r["story"]
            for r in _near(
                db,
                "SELECT story FROM story_buckets WHERE band = ? AND bucket = ? AND story <> ?",
                (band, bucket, n),
                feats.day,
                TEXT_MAX_DAYS,
                "story",
            )
        )
    if not found:
        return None
    rows = {  # copies and near-copies share most buckets: each story is read once
        r["n"]: r
        for r in db.query(
            f"SELECT n, version_group, minhash FROM stories WHERE n IN ({','.join('?' * len(found))})",
            sorted(found),
        )
    }
    mine = signature_of(feats.minhash)
    scored = sorted(
        ((similarity(mine, signature_of(bytes(r["minhash"]))), -r["n"], r) for r in rows.values()),
        key=lambda t: t[:2],
        reverse=True,
    )
    for score, _, r in scored:
        if score < VERSION_SIMILARITY:
            break
        if numbers_agree(feats.figures, _figures(db, r["n"])):
            return r["version_group"]
    return None


def _near(db: Backend, select: str, params: tuple[object, ...], day: str | None, most: int, order: str) -> list[dict]:
    """The newest ``VERSION_CANDIDATES`` rows of ``select`` at most ``most`` days apart from
    ``day`` (a row without a day stays a candidate, as in ``_days_apart``), the one place this
    rule is applied. Undated rows and the window are two ranges of the (key, day) index, read
    apart: a slug or bucket that recurs for years costs what its window costs (one ``OR``
    made the database read every entry of the key)."""
    try:
        mid = date.fromisoformat(day) if day else None
    except ValueError:
        mid = None
    if mid is None:
        return db.query(f"{select} ORDER BY {order} DESC LIMIT ?", (*params, VERSION_CANDIDATES))
    span = timedelta(days=most)
    return db.query(
        f"SELECT * FROM ({select} AND day IS NULL UNION ALL {select} AND day BETWEEN ? AND ?) AS near "
        f"ORDER BY {order} DESC LIMIT ?",
        (*params, *params, (mid - span).isoformat(), (mid + span).isoformat(), VERSION_CANDIDATES),
    )


def _figures(db: Backend, n: int) -> tuple[str, ...]:
    return tuple((db.scalar("SELECT figures FROM story_figures WHERE story = ?", (n,)) or "").split())


def _mark_current(db: Backend, group: int) -> None:
    """The newest version (by publication time, then by arrival) is the current one."""
    newest = db.scalar(
        "SELECT n FROM stories WHERE version_group = ? ORDER BY COALESCE(published, day, '') DESC, n DESC LIMIT 1",
        (group,),
    )
    db.execute(  # only rows that change: a story's row holds its whole record
        "UPDATE stories SET is_current = CASE WHEN n = ? THEN 1 ELSE 0 END "
        "WHERE version_group = ? AND is_current <> CASE WHEN n = ? THEN 1 ELSE 0 END",
        (newest, group, newest),
    )


def assign_thread(
    db: Backend, n: int, feats: StoryFeatures, group: int, settings: ThreadSettings = ThreadSettings()
) -> int:
    """Index the story's terms, give it a thread and add it to that thread's centroid; returns
    the thread id."""
    idf = _idf(db, [t for t, _ in feats.terms])
    vector = {t: w * idf[t] for t, w in feats.terms if idf[t] > 0}  # the story's tf-idf terms
    thread = None
    if group != n:
        thread = db.scalar("SELECT thread FROM stories WHERE n = ?", (group,))
    if thread is None:
        thread = _best_thread(db, n, feats.day, vector, settings) or n
    db.executemany(  # postings of names only: the look-ups for candidate threads read nothing else
        "INSERT INTO terms (term, story, weight) VALUES (?, ?, ?)", [(t, n, w) for t, w in feats.terms if _named(t)]
    )
    _count_terms(db, [t for t, _ in feats.terms])
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    db.execute("UPDATE stories SET thread = ?, term_norm = ? WHERE n = ?", (thread, norm, n))
    _add_to_centroid(db, thread, feats.day, {t: v / norm for t, v in vector.items()})
    return thread


def _count_terms(db: Backend, terms: list[str]) -> None:
    db.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
        [(t,) for t in terms],
    )


def _idf(db: Backend, terms: list[str]) -> dict[str, float]:
    """Inverse document frequency of each term; 0 for a term too common to tell stories apart.
    The archive's size is its highest story number (a count would read every row), at least
    ``IDF_MIN_STORIES``: in a young archive the first stories of one event are most of it,
    and their own names must not count as too common."""
    total = max(IDF_MIN_STORIES, int(db.scalar("SELECT MAX(n) AS c FROM stories") or 0))
    df = {t: 0 for t in terms}
    if terms:
        marks = ",".join("?" * len(terms))
        for row in db.query(f"SELECT term, df FROM term_df WHERE term IN ({marks})", terms):
            df[row["term"]] = int(row["df"])
    return {
        t: math.log((total + 1) / (d + 1)) + 1.0 if d <= max(5, MAX_DF_SHARE * total) else 0.0 for t, d in df.items()
    }


def _named(term: str) -> bool:
    return term.startswith(NAMED_PREFIXES)


def _best_thread(
    db: Backend, n: int, day: str | None, vector: dict[str, float], settings: ThreadSettings
) -> int | None:
    """The thread whose centroid is most similar to the story, if that reaches the threshold.

    Candidates are the threads of the recent stories that share one of the story's entities or
    places (``POSTINGS`` a term, the ``CANDIDATE_THREADS`` most shared kept), so a thread needs
    a name in common and the cost does not grow with the archive."""
    named = {t: v for t, v in vector.items() if _named(t)}
    if not named:
        return None
    reach: dict[int, float] = {}
    for term, weight in named.items():
        for r in db.query(
            "SELECT s.thread FROM terms t JOIN stories s ON s.n = t.story "
            "WHERE t.term = ? AND t.story <> ? ORDER BY t.story DESC LIMIT ?",
            (term, n, POSTINGS),
        ):
            if r["thread"] is not None:
                reach[r["thread"]] = reach.get(r["thread"], 0.0) + weight
    threads = sorted(reach, key=lambda t: (-reach[t], t))[:CANDIDATE_THREADS]
    if not threads:
        return None
    dots: dict[int, list[float]] = {t: [0.0, 0.0] for t in threads}  # named, words
    for r in db.query(
        f"SELECT thread, term, weight FROM thread_terms WHERE thread IN ({','.join('?' * len(threads))}) "
        f"AND term IN ({','.join('?' * len(vector))})",
        [*threads, *vector],
    ):
        dots[r["thread"]][0 if _named(r["term"]) else 1] += vector[r["term"]] * r["weight"]
    mine = (sum(v * v for v in named.values()), sum(v * v for t, v in vector.items() if not _named(t)))
    best: tuple[float, int] | None = None
    for r in db.query(
        f"SELECT n, first_day, last_day, named, words FROM threads WHERE n IN ({','.join('?' * len(threads))})",
        threads,
    ):
        score = similarity_to_centroid(dots[r["n"]], mine, (r["named"], r["words"]))
        score *= _time_damping(day, r["first_day"], r["last_day"], settings.days)
        if score >= settings.threshold and (best is None or (score, -r["n"]) > (best[0], -best[1])):
            best = (score, r["n"])
    return best[1] if best else None


def similarity_to_centroid(dots: list[float], mine: tuple[float, float], theirs: tuple[float, float]) -> float:
    """The story's cosine with a thread's centroid, blended with the cosine of their entities and
    places alone (``ENTITY_SHARE``): what a story reports about whom and where counts beside
    its words. ``dots`` and the squared norms are split into (named terms, words)."""
    full = _cosine(dots[0] + dots[1], mine[0] + mine[1], theirs[0] + theirs[1])
    return (1 - ENTITY_SHARE) * full + ENTITY_SHARE * _cosine(dots[0], mine[0], theirs[0])


def _cosine(dot: float, a2: float, b2: float) -> float:
    return dot / math.sqrt(a2 * b2) if a2 > 0 and b2 > 0 else 0.0


def _add_to_centroid(db: Backend, thread: int, day: str | None, unit: dict[str, float]) -> None:
    """Add the story's unit vector to its thread's centroid (a sum, weighted by the idf of the
    day each story came), keeping the ``CENTROID_TERMS`` heaviest terms, and update the
    centroid's squared norms and the thread's days."""
    db.executemany(
        "INSERT INTO thread_terms (thread, term, weight) VALUES (?, ?, ?) "
        "ON CONFLICT (thread, term) DO UPDATE SET weight = thread_terms.weight + excluded.weight",
        [(thread, t, v) for t, v in unit.items()],
    )
    rows = db.query("SELECT term, weight FROM thread_terms WHERE thread = ? ORDER BY weight DESC, term", (thread,))
    if len(rows) > CENTROID_TERMS:
        db.executemany(
            "DELETE FROM thread_terms WHERE thread = ? AND term = ?",
            [(thread, r["term"]) for r in rows[CENTROID_TERMS:]],
        )
        rows = rows[:CENTROID_TERMS]
    named = sum(r["weight"] ** 2 for r in rows if _named(r["term"]))
    words = sum(r["weight"] ** 2 for r in rows if not _named(r["term"]))
    db.execute(
        "INSERT INTO threads (n, stories, first_day, last_day, named, words) VALUES (?, 1, ?, ?, ?, ?) "
        "ON CONFLICT (n) DO UPDATE SET stories = threads.stories + 1, named = excluded.named, words = excluded.words, "
        "first_day = CASE WHEN threads.first_day IS NULL OR excluded.first_day < threads.first_day "
        "THEN COALESCE(excluded.first_day, threads.first_day) ELSE threads.first_day END, "
        "last_day = CASE WHEN threads.last_day IS NULL OR excluded.last_day > threads.last_day "
        "THEN COALESCE(excluded.last_day, threads.last_day) ELSE threads.last_day END",
        (thread, day, day, named, words),
    )


def _time_damping(day: str | None, first: str | None, last: str | None, days: int) -> float:
    """1 within ``days`` of the thread's days, then falling as ``days / gap``."""
    if not day or not first or not last or first <= day <= last:
        return 1.0
    gap = min(_days_apart(day, first), _days_apart(day, last))
    return 1.0 if gap <= days else days / gap


def _days_apart(a: str | None, b: str | None) -> float:
    """Days between two ISO dates; 0 when either is unknown (no evidence against)."""
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) if a and b else 0.0
    except ValueError:
        return 0.0
