"""What the archive needs from a story beyond its record, computed where the story is read.

These run in the worker processes, next to the reader, so the single writer only writes:
the headline slug and MinHash signature (story versions), the weighted terms (threads), the
story's day, and the record as JSON.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from spacy.lang.en.stop_words import STOP_WORDS

from dateline.record import Article
from dateline.store.identity import identity_key, name_key
from dateline.store.patterns import ISO_DAY, NAME_TYPES, NON_WORD, NUMBER, SPACES, TOKEN, VERSION_PREFIX, WORD

NUM_PERM = 64
BANDS = 8  # 8 bands of 8 rows: stories with Jaccard >= ~0.77 almost always share a bucket
SHINGLE = 4  # words per shingle
MAX_TERMS = 40
ENTITY_BOOST = 2.0
HEADLINE_BOOST = 2.0
SURNAME_WEIGHT = (
    1.0  # a full name's surname as a term weighs as a word met once: it finds a thread, never ties namesakes
)
SLUG_MIN_WORDS = 3
LSH_MIN_WORDS = 60  # shorter bodies (dividend notices, results tables) look alike without being versions
FIGURES_KEEP = 60  # the story's distinct figures kept to tell an update from a new day's notice
FIGURES_AGREE = 0.5  # share of the smaller set of figures two versions of a story must share
NAMED_PREFIXES = ("e:", "p:")  # terms naming an entity or place: a thread needs one in common
BROAD_FEATURES = ("PCL", "CONT", "RGN")  # GeoNames codes of countries (PCLI, PCLD, ...), continents, regions


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """A story's archive features; ``terms`` maps a term to its weight in this story."""

    day: str | None
    slug: str | None
    minhash: bytes
    buckets: tuple[int, ...]  # empty for short bodies: they are matched by headline slug only
    terms: tuple[tuple[str, float], ...]
    figures: tuple[str, ...] = ()  # the body's numbers ("375", "1.5"), in order of first use


@dataclass(frozen=True, slots=True)
class Prepared:
    """A read story ready for the writer."""

    article: Article
    record_json: str
    features: StoryFeatures


def prepare(article: Article) -> Prepared:
    return Prepared(article, json.dumps(article.to_dict(), ensure_ascii=False), features(article))


def features(article: Article) -> StoryFeatures:
    body = article.text[article.body.start : article.body.end] or article.text
    signature = minhash(body)
    long_enough = len(WORD.findall(body)) >= LSH_MIN_WORDS
    return StoryFeatures(
        day=story_day(article),
        slug=slug(article.headline),
        minhash=signature.tobytes(),
        buckets=buckets(signature) if long_enough else (),
        terms=terms(article, body),
        figures=figures(body),
    )


def figures(body: str) -> tuple[str, ...]:
    """The distinct numbers of a body: what a day's notice changes and an update keeps."""
    return tuple(dict.fromkeys(m.replace(",", "") for m in NUMBER.findall(body)))[:FIGURES_KEEP]


def numbers_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two bodies report the same figures: they share at least ``FIGURES_AGREE`` of the smaller
    set (bodies with fewer than two figures say nothing either way)."""
    if min(len(a), len(b)) < 2:
        return True
    return len(set(a) & set(b)) >= FIGURES_AGREE * min(len(a), len(b))


def story_day(article: Article) -> str | None:
    """The story's own date: the dateline's, else the publication date's."""
    for value in (article.dateline.date, (article.published or "")[:10]):
        if value and ISO_DAY.match(value):
            return value
    return None


def slug(headline: str | None) -> str | None:
    """The headline without version prefixes, folded: versions of a story share it."""
    if not headline:
        return None
    text = VERSION_PREFIX.sub("", headline)
    text = SPACES.sub(" ", NON_WORD.sub(" ", text.casefold())).strip()
    return text if len(text.split()) >= SLUG_MIN_WORDS else None


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=7).permutations


def minhash(text: str) -> np.ndarray:
    """MinHash signature (uint32) of the text's shingles of words and numbers."""
    words = [w.casefold() for w in TOKEN.findall(text)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=7, permutations=_permutations(), scheme="affine32")
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype(np.uint32)


def signature_of(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def buckets(signature: np.ndarray) -> tuple[int, ...]:
    """One LSH bucket per band, as signed 64-bit integers (both databases store BIGINT)."""
    rows = NUM_PERM // BANDS
    return tuple(
        int.from_bytes(
            hashlib.blake2b(signature[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for b in range(BANDS)
    )


def terms(article: Article, body: str) -> tuple[tuple[str, float], ...]:
    """The story's top weighted terms: entities (by identity key), places and content words
    (log tf, boosted). A person's full name also gives a light term under the surname alone, so
    a story that names them by surname only ("Reid checks into rehab") meets those that give the
    full name ("Tara Reid"), while two namesakes ("Barack Obama", "Michelle Obama") share
    little. A name met only in the dateline says where the story was filed, not
    what it reports: its term is ``d:``, never one of ``NAMED_PREFIXES``. A country, continent or
    region (as an entity or a place) is ``c:``: it weighs like a name but covers too much of the
    world to tie two stories into one happening (two floods in one country are two threads)."""
    counts: defaultdict[str, float] = defaultdict(float)
    surnames: set[str] = set()
    filed = article.spans.get("dateline", ())
    broad = {p.entity for p in article.places if _broad(p.feature)}
    for ent in article.entities:
        if not ent.journalist and ent.type in NAME_TYPES and (key := identity_key(ent.name, ent.type)[0]):
            named = "c" if key.startswith("country:") or ent.id in broad else "e"
            prefix = _prefix(ent.mentions, filed, named)
            counts[f"{prefix}:{key}"] += ENTITY_BOOST * max(1, len(ent.mentions))
            if ent.type == "PERSON" and " " in key:  # "Reid" alone in another story is this "Tara Reid"
                surnames.add(f"{prefix}:{key.rsplit(' ', 1)[1]}")
    mentions_of = {e.id: e.mentions for e in article.entities}
    for place in article.places:
        said = place.mentions or mentions_of.get(place.entity or "", ())
        named = "c" if _broad(place.feature) else "p"
        counts[f"{_prefix(said, filed, named)}:{place.geonames_id or name_key(place.name)}"] += ENTITY_BOOST
    for word in _words(article.headline or ""):
        counts[f"w:{word}"] += HEADLINE_BOOST
    for word in _words(body):
        counts[f"w:{word}"] += 1
    weighted = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    for t in surnames - set(weighted):
        weighted[t] = SURNAME_WEIGHT
    top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return tuple((t, round(w, 4)) for t, w in top)


def _broad(feature: str | None) -> bool:
    """A place that covers too much of the world to tie two stories into one happening."""
    return (feature or "").startswith(BROAD_FEATURES)


def _prefix(mentions, filed, named: str) -> str:
    """``d`` for a name whose every mention is inside the dateline, else ``named``."""
    inside = mentions and all(any(s.start <= m.start and m.end <= s.end for s in filed) for m in mentions)
    return "d" if inside else named


def _words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text):
        w = w.casefold().replace("’", "'")
        if len(w) < 3 or w in STOP_WORDS or "'" in w:
            continue
        out.append(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out
