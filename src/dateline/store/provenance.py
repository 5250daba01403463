"""Where each archived story was found: one story, many sources.

The same story reached twice (a feed entry and a crawl of its page, or a wire story syndicated
under two URLs) is one story: the second copy adds a ``story_sources`` row instead of a story.
A copy is the same story when its text hashes the same (the writer checks) or when its URL is
one the archive already holds (``story_for_url``, checked before reading, so nothing is fetched
or read twice). URLs are compared by ``url_key``: scheme, "www.", fragment, tracking parameters
and a trailing slash do not make a different page.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.record import Source
from dateline.store.backend import Backend


def url_key(url: str | None) -> str | None:
    """The URL as compared: "https://www.x.org/a/?utm_source=rss#top" and "http://x.org/a" match."""
    if not url:
        return None
    from courlan import normalize_url

    try:
        url = normalize_url(url.strip())
    except (ValueError, AttributeError):  # courlan raises on URLs it cannot split
        url = url.strip()
    key = url.split("#", 1)[0].split("://", 1)[-1]
    key = key[4:] if key.lower().startswith("www.") else key
    return key.rstrip("/") or None


def add_sources(db: Backend, story: int, sources: Iterable[Source]) -> int:
    """Record the sources of story ``story`` that it does not have yet; returns how many were new."""
    rows = db.query("SELECT kind, location, url FROM story_sources WHERE story = ?", (story,))
    have = {(r["kind"], r["location"], r["url"]) for r in rows}
    new = [s for s in sources if (s.kind, s.location, s.url) not in have]
    db.executemany(
        "INSERT INTO story_sources (story, kind, location, url, url_key, fetched) VALUES (?, ?, ?, ?, ?, ?)",
        [(story, s.kind, s.location, s.url, url_key(s.url), s.fetched) for s in new],
    )
    return len(new)


def story_for_url(db: Backend, url: str | None) -> int | None:
    """The archived story found at this URL before, if any."""
    key = url_key(url)
    return db.scalar("SELECT story FROM story_sources WHERE url_key = ? LIMIT 1", (key,)) if key else None


def sources_of(db: Backend, story: int) -> list[Source]:
    rows = db.query("SELECT kind, location, url, fetched FROM story_sources WHERE story = ? ORDER BY n", (story,))
    return [Source(r["kind"], r["location"], r["url"], r["fetched"]) for r in rows]
