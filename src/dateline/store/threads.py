"""Story versions and threads, decided when a story is written (inside its transaction).

Versions: later takes of the same story ("UPDATE 2-...", "(Updates with ...)") share the
headline slug, or their bodies are near-identical (MinHash LSH over word-and-number shingles:
buckets in the ``lsh`` table, candidates verified on the signatures). A notice that comes
back every day with new figures ("Fed adds reserves", an earnings table) shares a template,
not a story: versions must be close in time and share their figures. A version group's
newest story is marked current.

Threads: stories about the same happening. A new story joins the thread of the archive
story it is most similar to when that similarity reaches the threshold, else it starts a
thread. Similarity is a cosine over tf-idf weighted terms: the story's named entities,
places and events weigh most, content words fill in, and it is damped when the stories'
days are far apart. Two stories that share no entity or place are never one thread (a
shared template is not shared news). Versions always share their group's thread.

Cost per story is flat in the archive's size: document frequencies come from a per-term
counter (``term_df``), each term's candidates are its most recent ``POSTINGS`` stories, and
version candidates are bounded the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from dateline.store.backend import Backend
from dateline.store.features import BANDS, NAMED_PREFIXES, StoryFeatures, numbers_agree, signature_of, similarity

VERSION_SIMILARITY = 0.7  # estimated Jaccard of word shingles
SLUG_SIMILARITY = 0.3  # a shared slug also needs some shared text, unless the story says it is an update
SLUG_MAX_DAYS = 7  # same headline slug counts as a version within this many days
TEXT_MAX_DAYS = 3  # near-identical text counts as a version within this many days
THREAD_THRESHOLD = 0.15  # the best worst case of ECB+ sub-topics and WikiRef topics (docs/archive.md)
THREAD_DAYS = 14  # beyond this gap, similarity is damped
MAX_DF_SHARE = 0.3  # terms in more than this share of stories are too common to find candidates
IDF_MIN_STORIES = 1000  # a young archive's frequencies are read as if it held this many stories
POSTINGS = 15  # a term's most recent stories looked at for a new story's thread
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
        "INSERT INTO lsh (band, bucket, story) VALUES (?, ?, ?)",
        [(band, bucket, n) for band, bucket in enumerate(feats.buckets)],
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
    rows = db.query(
        "SELECT n, version_group, agency, day, minhash FROM stories WHERE slug = ? AND n <> ? ORDER BY n DESC LIMIT ?",
        (feats.slug, n, VERSION_CANDIDATES),
    )
    mine = signature_of(feats.minhash)
    for row in sorted(rows, key=lambda r: r["n"]):
        if agency and row["agency"] and agency != row["agency"]:
            continue
        if _days_apart(feats.day, row["day"]) > SLUG_MAX_DAYS:
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
    rows: dict[int, dict] = {}
    for band, bucket in enumerate(feats.buckets[:BANDS]):
        for r in db.query(
            "SELECT s.n, s.version_group, s.minhash, s.day FROM lsh l "
            "JOIN stories s ON s.n = l.story WHERE l.band = ? AND l.bucket = ? AND l.story <> ? "
            "ORDER BY l.story DESC LIMIT ?",
            (band, bucket, n, VERSION_CANDIDATES),
        ):
            rows.setdefault(r["n"], r)
    mine = signature_of(feats.minhash)
    scored = sorted(
        (
            (similarity(mine, signature_of(bytes(r["minhash"]))), -r["n"], r)
            for r in rows.values()
            if _days_apart(feats.day, r["day"]) <= TEXT_MAX_DAYS
        ),
        key=lambda t: t[:2],
        reverse=True,
    )
    for score, _, r in scored:
        if score < VERSION_SIMILARITY:
            break
        if numbers_agree(feats.figures, _figures(db, r["n"])):
            return r["version_group"]
    return None


def _figures(db: Backend, n: int) -> tuple[str, ...]:
    return tuple((db.scalar("SELECT figures FROM story_figures WHERE story = ?", (n,)) or "").split())


def _mark_current(db: Backend, group: int) -> None:
    """The newest version (by publication time, then by arrival) is the current one."""
    newest = db.scalar(
        "SELECT n FROM stories WHERE version_group = ? ORDER BY COALESCE(published, day, '') DESC, n DESC LIMIT 1",
        (group,),
    )
    db.execute(
        "UPDATE stories SET is_current = CASE WHEN n = ? THEN 1 ELSE 0 END WHERE version_group = ?", (newest, group)
    )


def assign_thread(
    db: Backend, n: int, feats: StoryFeatures, group: int, settings: ThreadSettings = ThreadSettings()
) -> int:
    """Index the story's terms and give it a thread; returns the thread id."""
    idf = _idf(db, [t for t, _ in feats.terms])
    norm = math.sqrt(sum((w * idf[t]) ** 2 for t, w in feats.terms)) or 1.0
    thread = None
    if group != n:
        thread = db.scalar("SELECT thread FROM stories WHERE n = ?", (group,))
    if thread is None:
        thread = _most_similar_thread(db, n, feats, idf, norm, settings) or n
    db.executemany("INSERT INTO terms (term, story, weight) VALUES (?, ?, ?)", [(t, n, w) for t, w in feats.terms])
    _count_terms(db, [t for t, _ in feats.terms])
    db.execute("UPDATE stories SET thread = ?, term_norm = ? WHERE n = ?", (thread, norm, n))
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


def _most_similar_thread(
    db: Backend, n: int, feats: StoryFeatures, idf: dict[str, float], norm: float, settings: ThreadSettings
) -> int | None:
    weights = {t: w * idf[t] for t, w in feats.terms if idf[t] > 0}
    if not any(t.startswith(NAMED_PREFIXES) for t in weights):
        return None
    dots: dict[int, float] = {}
    named: set[int] = set()
    for term, weight in weights.items():
        for r in db.query(
            "SELECT story, weight FROM terms WHERE term = ? AND story <> ? ORDER BY story DESC LIMIT ?",
            (term, n, POSTINGS),
        ):
            dots[r["story"]] = dots.get(r["story"], 0.0) + weight * r["weight"] * idf[term]
            if term.startswith(NAMED_PREFIXES):
                named.add(r["story"])
    candidates = [s for s in dots if s in named]
    if not candidates:
        return None
    info = {
        r["n"]: r
        for r in db.query(
            f"SELECT n, term_norm, thread, day FROM stories WHERE n IN ({','.join('?' * len(candidates))})", candidates
        )
    }
    best: tuple[float, int] | None = None
    for story in candidates:
        row = info[story]
        score = dots[story] / (norm * (row["term_norm"] or 1.0)) * _time_damping(feats.day, row["day"], settings.days)
        if score >= settings.threshold and (best is None or (score, -row["thread"]) > (best[0], -best[1])):
            best = (score, row["thread"])
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
