"""Web crawls to stories: WARC and WARC.gz files (Common Crawl's CC-NEWS, Heritrix, wget).

The file is streamed record by record through warcio, so a 1 GB crawl never sits in memory.
Only ``response`` records with HTTP status 200 and an HTML payload become stories (main text
through trafilatura, with the page's URL and fetch time); everything else is counted by reason
in ``skipped`` and passed over, since a crawl is mostly not stories.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from dateline.io.sources import MAX_BYTES, BadInput, Story

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAGIC = (b"WARC/", b"\x1f\x8b", b"filedesc:")  # WARC, gzip, ARC
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_warc(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def iter_warc(path: Path, *, skipped: Counter | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Story | BadInput]:
    """Stories of the HTML pages in a WARC file, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = Counter() if skipped is None else skipped
    name = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield BadInput(name, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        if not stream.read(len(MAGIC[0])).startswith(MAGIC):
            yield BadInput(name, "not a WARC file (no WARC/ or gzip header)")
            return
        stream.seek(0)
        records = ArchiveIterator(stream, arc2warc=True)
        end = 0
        try:
            for record in records:
                found = list(_story(record, name, skipped, max_bytes))
                records.read_to_end()
                if not _complete(record):  # a cut page is not a story
                    yield BadInput(name, f"truncated: the record at byte {records.get_record_offset()} is cut short")
                    return
                end = records.get_record_offset() + records.get_record_length()
                yield from found
        # a broken record header makes warcio raise these (AttributeError on a cut header line)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as exc:
            yield BadInput(name, f"cannot read the WARC file past byte {end}: {exc}")
            return
        left = os.fstat(stream.fileno()).st_size - end
        if left > len(b"\r\n\r\n"):  # a cut gzip member ends the iteration silently
            yield BadInput(name, f"truncated: {left} bytes after the last complete record")


def _complete(record) -> bool:
    """A record whose Content-Length was written in full and whose content was all there."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    return declared.isdigit() and getattr(record.raw_stream, "limit", 0) == 0


def _story(record, name: str, skipped: Counter, max_bytes: int) -> Iterator[Story | BadInput]:
    if record.rec_type != "response":
        skipped[f"WARC {record.rec_type} record"] += 1
        return
    http = record.http_headers
    if http is None:
        skipped["response without HTTP headers"] += 1
        return
    status = http.get_statuscode()
    if status != "200":
        skipped[f"HTTP status {status}"] += 1
        return
    media = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        skipped["not HTML"] += 1
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{name}:{url}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        yield BadInput(where, f"page is over the {max_bytes / 1_048_576:.0f} MB limit")
        return
    from dateline.io.formats import story_from_html

    yield story_from_html(data, where, url=url, fetched=record.rec_headers.get_header("WARC-Date"), kind="warc")
