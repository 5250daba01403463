"""Feeds to stories: RSS 0.9x-2.0 and Atom through feedparser, JSON Feed 1.x by its spec.

Each entry becomes a story of its title, author and summary (or full content), with its link
and published time. With ``fetch_pages`` the entry's page is fetched (politely, see
``dateline.io.fetch``) and its main text taken by trafilatura instead; a page that cannot be
fetched is reported and the entry's own text is kept, so no story is lost.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from dateline.io.sources import BadInput, Story, compose

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    }
)
JSON_FEED = "jsonfeed.org/version/"
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "figure",
    }
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed item, as the feed gives it."""

    link: str | None
    title: str | None
    author: str | None
    published: str | None  # ISO 8601
    html: str  # content, else summary (HTML or plain text)


def looks_like_feed(head: bytes) -> bool:
    """Sniff the first bytes: an RSS, RDF or Atom root element, or a JSON Feed version."""
    text = head[:2048].decode("utf-8", "replace").lower()
    return JSON_FEED in text or FEED_ROOT.search(text) is not None


def parse_feed(data: bytes, location: str) -> list[Entry] | BadInput:
    """The entries of a feed document, or why it is not a feed."""
    if data.lstrip()[:1] == b"{":
        return _parse_json_feed(data, location)
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.version and not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        return BadInput(location, f"not a feed (RSS, Atom or JSON Feed){': ' + str(why) if why else ''}")
    return [
        Entry(
            link=_str(e.get("link")),
            title=_str(e.get("title")),
            author=_str(e.get("author")),
            published=_iso(e.get("published_parsed") or e.get("updated_parsed")),
            html=_content(e),
        )
        for e in parsed.entries
    ]


def read_feed(data: bytes, location: str, *, fetcher=None, seen_url=None) -> Iterator[Story | BadInput]:
    """Stories of a feed; with a ``fetcher``, of the pages its entries link to. ``seen_url(url)``
    True means the page is archived already: the entry's own text is given instead of fetching it
    again (the archive then adds this feed as one more source of that story)."""
    entries = parse_feed(data, location)
    if isinstance(entries, BadInput):
        yield entries
        return
    for number, entry in enumerate(entries, start=1):
        own = entry_story(entry, f"{location}#{number}")
        if fetcher is None or not entry.link or (seen_url is not None and seen_url(entry.link)):
            yield own if own is not None else BadInput(f"{location}#{number}", "feed entry with no text")
            continue
        page = fetch_story(fetcher, entry.link)
        if isinstance(page, Story):
            yield replace(page, published=page.published or entry.published, headline=page.headline or entry.title)
            continue
        yield BadInput(page.source, f"{page.reason}; the feed's own text is kept")
        if own is not None:
            yield own


def entry_story(entry: Entry, location: str) -> Story | None:
    """The entry's own text: title, a "By" line for a named author, then the summary or content."""
    body = html_to_text(entry.html)
    if not body and not entry.title:
        return None
    text = compose(entry.title, [entry.author] if entry.author else [], body)
    return Story(
        text=text, source=location, url=entry.link, published=entry.published, headline=entry.title, kind="feed"
    )


def fetch_story(fetcher, url: str) -> Story | BadInput:
    """A web page's story: its main text through trafilatura, with the URL and fetch time."""
    from dateline.io.formats import story_from_page

    page = fetcher.get(url)
    return page if isinstance(page, BadInput) else story_from_page(page)


def html_to_text(html: str) -> str:
    """Text of an HTML fragment with a blank line between blocks (paragraphs survive)."""
    if "<" not in html:
        return _paragraphs(html)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken fragments; keep the raw text then
        return _paragraphs(html)
    parts: list[str] = []
    _walk(root, parts)
    return _paragraphs("".join(parts))


def _walk(node, parts: list[str]) -> None:
    """Document order: the node's text, its children, a block break, then its tail."""
    if not isinstance(node.tag, str) or node.tag in ("script", "style"):
        return
    block = node.tag in BLOCKS
    parts.append("\n\n" if block else "")
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts)
        parts.append(child.tail or "")
    parts.append("\n\n" if block else "")


def _paragraphs(text: str) -> str:
    blocks = (" ".join(b.split()) for b in text.replace("\r", "\n").split("\n\n"))
    return "\n\n".join(b for b in blocks if b)


def _content(entry) -> str:
    content = entry.get("content") or []
    values = [c.get("value", "") for c in content if c.get("value")]
    return max(values, key=len) if values else (entry.get("summary") or "")


def _iso(parsed) -> str | None:
    """feedparser's UTC struct_time as ISO 8601."""
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()


def _parse_json_feed(data: bytes, location: str) -> list[Entry] | BadInput:
    """JSON Feed 1.0/1.1: items with url, title, content_html/content_text/summary, date_published."""
    try:
        feed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return BadInput(location, f"not a feed: invalid JSON ({exc})")
    if (
        not isinstance(feed, dict)
        or JSON_FEED not in str(feed.get("version", ""))
        or not isinstance(feed.get("items"), list)
    ):
        return BadInput(location, "not a feed: JSON without a JSON Feed version and items")
    entries = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and _str(a.get("name"))]
        text = item.get("content_html") or item.get("content_text") or item.get("summary") or ""
        entries.append(
            Entry(
                link=_str(item.get("url")) or _str(item.get("external_url")),
                title=_str(item.get("title")),
                author=" and ".join(str(n) for n in names) or None,
                published=_json_date(item.get("date_published")),
                html=text if isinstance(text, str) else "",
            )
        )
    return entries


def _json_date(value) -> str | None:
    """RFC 3339 as written; a trailing "Z" becomes "+00:00" like the other feeds' times."""
    if not _str(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return value


def _str(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
