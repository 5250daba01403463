"""Where stories come from: files, directories, globs, standard input, HTML and JSON Lines.

Containers of many stories (feeds, web crawls) and URLs are read by ``dateline.io.formats``,
reached through one hook (``formats.container_reader``) so this module stays about files.

Nothing here raises for a user's bad input: an unreadable story becomes a ``BadInput``
naming the file and the reason, so a batch goes on past it and reports it.
"""
from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from dateline.io.decode import DecodeError, decode

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Story:
    """A decoded story before any parsing."""

    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    headline: str | None = None  # from HTML or JSON metadata
    kind: str = "file"  # file | feed | web | warc: what ``source`` names
    fetched: str | None = None  # when a web page was fetched (ISO 8601)


@dataclass(frozen=True, slots=True)
class BadInput:
    """A story that could not be read, and why (one line, for the user)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def iter_stories(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                 max_bytes: int = MAX_BYTES, options=None) -> Iterator[Story | BadInput]:
    """Every story under ``paths`` (files, directories, globs, URLs, "-" for standard input), in
    order. ``options`` (``formats.Options``) says how feeds, pages and crawls are read."""
    from dateline.io import formats

    for path in paths:
        if path == "-":
            yield from _from_bytes(_read_stream(stdin), "<stdin>", "", max_bytes)
            continue
        if formats.is_url(path):
            yield from formats.read_url(path, options)
            continue
        files = list(expand(path))
        if not files:
            yield BadInput(path, "no such file, directory or glob match")
        for file in files:
            yield from read_file(file, max_bytes=max_bytes, options=options)


def expand(path: str) -> Iterator[Path]:
    """A file, every non-hidden file below a directory (sorted), or the files a glob matches."""
    p = Path(path)
    if p.is_dir():
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    yield Path(root) / name
    elif p.exists():
        yield p
    elif glob.has_magic(path):
        for match in sorted(glob.glob(path, recursive=True)):
            if Path(match).is_file():
                yield Path(match)


def read_file(path: Path, *, max_bytes: int = MAX_BYTES, options=None) -> Iterator[Story | BadInput]:
    from dateline.io import formats

    name = str(path)
    if (container := formats.container_reader(path)) is not None:  # a feed or a web crawl
        yield from container(path, options)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield BadInput(name, f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield BadInput(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, name, path.suffix.lower(), max_bytes)


def _read_stream(stream: BinaryIO | None) -> bytes:
    import sys

    stream = stream or sys.stdin.buffer
    return stream.read(MAX_BYTES + 1)


def _from_bytes(data: bytes, name: str, suffix: str, max_bytes: int) -> Iterator[Story | BadInput]:
    if len(data) > max_bytes:
        yield BadInput(name, f"input is over the {max_bytes / 1_048_576:.0f} MB limit")
        return
    try:
        text = decode(data)
    except DecodeError as exc:
        yield BadInput(name, str(exc))
        return
    if not text.strip():
        yield BadInput(name, "empty: no text to read")
        return
    if suffix in JSONL_SUFFIXES or (suffix == ".json" and text.lstrip().startswith("{") and "\n{" in text):
        yield from _from_jsonl(text, name)
    elif suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield _from_html(text, name)
    else:
        yield Story(text=text, source=name)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text[:5000].lower())


def _from_jsonl(text: str, name: str) -> Iterator[Story | BadInput]:
    """One story a line: ``{"text": ..., "url": ..., "published": ..., "headline": ...}``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(where, f"invalid JSON ({exc.msg})")
            continue
        body = item.get("text") if isinstance(item, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield BadInput(where, 'no "text" string in this JSON line')
            continue
        yield Story(text=body.replace("\r\n", "\n").replace("\r", "\n"), source=where,
                    url=_str(item.get("url")), published=_str(item.get("published")),
                    headline=_str(item.get("headline") or item.get("title")))


def _from_html(html: str, name: str) -> Story | BadInput:
    """Main text and metadata of a web page, through trafilatura."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        doc = extracted.as_dict() if extracted is not None else None
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return BadInput(name, f"cannot extract text from HTML ({type(exc).__name__})")
    if not doc or not (doc.get("text") or "").strip():
        return BadInput(name, "HTML page with no main text")
    title = (doc.get("title") or "").strip()
    # trafilatura puts one paragraph a line; a blank line between them is how stories mark paragraphs
    text = "\n\n".join(line for line in doc["text"].split("\n") if line.strip())
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    # a byline marked up as such is moved to trafilatura's metadata ("Jane Roe; Reuters"): put it back
    names = [n.strip() for n in (doc.get("author") or "").split(";") if n.strip()]
    return Story(text=compose(title, names, text), source=name, url=doc.get("url"),
                 published=doc.get("date"), headline=title or None)


def compose(headline: str | None, authors: list[str], body: str) -> str:
    """A story's text from parts given apart (web pages, feed entries): headline, a "By" line
    when the authors are names not already at the top of the body, then the body."""
    names = [n for n in authors if "@" not in n and n.casefold() not in body[:300].casefold()]
    byline = f"By {', '.join(names)}" if names else None
    return "\n\n".join(p for p in (headline, byline, body) if p)


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
