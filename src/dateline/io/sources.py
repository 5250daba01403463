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
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.io.decode import DecodeError, decode
from dateline.io.hygiene import clean_story, path_name, too_long

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
    problems: tuple[str, ...] = ()  # what was wrong but did not stop the read (one line each)


@dataclass(frozen=True, slots=True)
class BadInput:
    """A story that could not be read, and why (one line, for the user)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def iter_stories(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES, options=None
) -> Iterator[Story | BadInput]:
    """Every story under ``paths`` (files, directories, globs, URLs, "-" for standard input), in
    order, read lazily: each file is read when the one before it has been consumed. ``options``
    (``formats.Options``) says how feeds, pages and crawls are read."""
    from dateline.io import formats

    for path in paths:
        if path == "-":
            yield from _clean(_from_bytes(_read_stream(stdin), "<stdin>", "", max_bytes))
            continue
        if formats.is_url(path):
            yield from _clean(formats.read_url(path, options))
            continue
        found = False
        for file in expand(path):
            found = True
            yield from _clean(read_file(file, max_bytes=max_bytes, options=options))
        if not found:
            yield BadInput(path_name(path), "no such file, directory or glob match")


def _clean(items: Iterable[Story | BadInput]) -> Iterator[Story | BadInput]:
    """Hygiene at the door (``dateline.io.hygiene``): scrubbed strings, a checked ``published``,
    and the per-story length limit."""
    for item in items:
        if isinstance(item, Story):
            if reason := too_long(item.text):
                yield BadInput(path_name(item.source or "<story>"), reason)
                continue
            item = clean_story(item)
        yield item


def expand(path: str) -> Iterator[Path]:
    """A file, every non-hidden file below a directory (sorted), or the files a glob matches."""
    p = Path(path)
    if p.is_dir():
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    yield Path(root) / name
    elif p.exists() or p.is_symlink():
        yield p
    elif glob.has_magic(path):
        for match in sorted(glob.glob(path, recursive=True)):
            if Path(match).is_file():
                yield Path(match)


def read_file(path: Path, *, max_bytes: int = MAX_BYTES, options=None) -> Iterator[Story | BadInput]:
    """One file's stories (a feed or a web crawl holds many). Only regular files are read: a
    FIFO, device or socket is refused at once (opened without blocking, then checked), never
    waited on."""
    from dateline.io import formats

    name = path_name(path)
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = False  # reported below, when it is opened
    if regular and (container := formats.container_reader(path)) is not None:
        yield from container(path, options)
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        yield BadInput(name, f"cannot read: {exc.strerror or exc}")
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            yield BadInput(name, f"not a regular file ({_file_kind(info.st_mode)}): only files are read")
            return
        if info.st_size > max_bytes:
            yield BadInput(
                name, f"file is {info.st_size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit"
            )
            return
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read(max_bytes + 1)  # a file growing while read stops at the limit
    except OSError as exc:
        yield BadInput(name, f"cannot read: {exc.strerror or exc}")
        return
    finally:
        os.close(fd)
    yield from _from_bytes(data, name, path.suffix.lower(), max_bytes)


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a file"


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
        yield Story(
            text=body.replace("\r\n", "\n").replace("\r", "\n"),
            source=where,
            url=_str(item.get("url")),
            published=_str(item.get("published")),
            headline=_str(item.get("headline") or item.get("title")),
        )


def _from_html(html: str, name: str) -> Story | BadInput:
    """Main text and metadata of a web page, through trafilatura."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        doc = extracted if extracted is None or isinstance(extracted, dict) else extracted.as_dict()
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return BadInput(name, f"cannot extract text from HTML ({type(exc).__name__})")
    if not doc or not (doc.get("text") or "").strip():
        return BadInput(name, "HTML page with no main text")
    title = (doc.get("title") or "").strip()
    # trafilatura puts one paragraph a line; a blank line between them is how stories mark paragraphs
    text = "\n\n".join(line for line in doc["text"].split("\n") if line.strip())
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    # a byline marked up as such is moved to trafilatura's metadata ("Jane Roe; Reuters"): put it back
    names = [n.strip() for n in (doc.get("author") or "").split(";") if n.strip()]
    return Story(
        text=compose(title, names, text),
        source=name,
        url=doc.get("url"),
        published=doc.get("date"),
        headline=title or None,
    )


def compose(headline: str | None, authors: list[str], body: str) -> str:
    """A story's text from parts given apart (web pages, feed entries): headline, a "By" line
    when the authors are names not already at the top of the body, then the body."""
    names = [n for n in authors if "@" not in n and n.casefold() not in body[:300].casefold()]
    byline = f"By {', '.join(names)}" if names else None
    return "\n\n".join(p for p in (headline, byline, body) if p)


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
