"""The dispatch from a path or URL to the reader of its format, beyond plain files.

``dateline.io.sources`` asks ``container_reader(path)`` for each file and ``read_url`` for each
URL; everything about feeds, crawls and fetching is reached from here, with one ``Options``
saying how (fetch the entries' pages or not, how politely, and where skipped records are counted).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.io.feeds import FEED_TYPES, looks_like_feed, read_feed
from dateline.io.fetch import Fetcher, FetchSettings, Page
from dateline.io.sources import BadInput, Story, _from_bytes
from dateline.io.warc import is_warc, iter_warc

URL = re.compile(r"^https?://", re.I)
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf", ".json")
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})

Reader = Callable[[Path, "Options | None"], Iterator[Story | BadInput]]


@dataclass
class Options:
    """How containers and URLs are read. ``skipped`` counts records passed over, by reason."""

    fetch_pages: bool = False  # fetch each feed entry's page and read its main text
    fetch: FetchSettings = FetchSettings()
    skipped: Counter = field(default_factory=Counter)
    seen_url: Callable[[str], bool] | None = None  # True: already read, do not fetch again
    fetcher: Fetcher | None = None  # made on first use, then kept (robots.txt, host timing)

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.fetch)
        return self.fetcher


def is_url(path: str) -> bool:
    return bool(URL.match(path))


def container_reader(path: Path) -> Reader | None:
    """The reader of a file holding many stories (a WARC file, a feed), or None for a plain file."""
    name = str(path)
    if is_warc(name):
        return _read_warc
    if name.lower().endswith(FEED_SUFFIXES) and looks_like_feed(_head(path)):
        return _read_feed_file
    return None


def read_url(url: str, options: Options | None = None) -> Iterator[Story | BadInput]:
    """A URL: a feed's entries (and their pages with ``fetch_pages``), or one web page."""
    options = options or Options()
    page = options.get_fetcher().get(url, conditional=True)
    if isinstance(page, BadInput):
        yield page
    elif page.status == 304:  # unchanged since this fetcher last read it (a watch's next poll)
        return
    elif page.content_type in FEED_TYPES or looks_like_feed(page.data):
        yield from read_feed(
            page.data, url, fetcher=options.get_fetcher() if options.fetch_pages else None, seen_url=options.seen_url
        )
    else:
        yield story_from_page(page)


def story_from_page(page: Page) -> Story | BadInput:
    """A fetched page's story, when it is HTML."""
    if page.content_type not in PAGE_TYPES and not page.data.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return BadInput(page.url, f"not an HTML page ({page.content_type or 'no content type'})")
    return story_from_html(page.data, page.url, url=page.url, fetched=page.fetched, kind="web")


def story_from_html(data: bytes, where: str, *, url: str | None, fetched: str | None, kind: str) -> Story | BadInput:
    """HTML bytes to a story through the file path's decoding and trafilatura, keeping the
    page's own URL (not the canonical link trafilatura may find) and fetch time."""
    for item in _from_bytes(data, where, ".html", len(data)):
        if isinstance(item, BadInput):
            return item
        return replace(item, url=url or item.url, fetched=fetched, kind=kind)
    return BadInput(where, "no story in this page")


def _read_warc(path: Path, options: Options | None) -> Iterator[Story | BadInput]:
    yield from iter_warc(path, skipped=(options or Options()).skipped)


def _read_feed_file(path: Path, options: Options | None) -> Iterator[Story | BadInput]:
    options = options or Options()
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadInput(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from read_feed(
        data, str(path), fetcher=options.get_fetcher() if options.fetch_pages else None, seen_url=options.seen_url
    )


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(2048)
    except OSError:
        return b""
