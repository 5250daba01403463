"""Text hygiene at the door: what every story passes before any parsing.

Lone UTF-16 surrogates (a JSON ``"\\ud800"`` escape, a file name that is not UTF-8) cannot be
written as UTF-8, so they would crash an archive write or corrupt an output stream far from
their source. They become U+FFFD here, one character for one, so every span still points at
the same text. A ``published`` value that is not a date is dropped with a one-line problem,
and the story is read without it. Stories longer than ``MAX_STORY_CHARS`` are refused with a
message naming the limit: the pipeline's memory and time grow with a story's length.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.io.sources import Story

# The longest stories on the wire are a few tens of thousands of characters; this leaves room
# for long features and keeps a read within a few hundred MB (see docs/record.md, "Limits").
MAX_STORY_CHARS = 200_000
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def scrub(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def scrub_optional(text: str | None) -> str | None:
    return None if text is None else scrub(text)


def path_name(path: str | os.PathLike) -> str:
    """A file name fit to print and store: bytes that are not UTF-8 become U+FFFD."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace")


def check_published(value: str | None) -> tuple[str | None, str | None]:
    """``(published, problem)``: an ISO 8601 date or time kept as given, a wire-style date
    ("April 24, 2019 07:35 GMT") normalised to ISO, anything else dropped with a problem."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value)
        return (value if _ISO_DAY.match(value) else stamp.isoformat()), None
    except ValueError:
        pass
    if len(value) <= 200:
        from dateline.structure.timestamp import parse_timestamp

        parsed = parse_timestamp(value)
        if parsed is not None:
            return parsed, None
    shown = value if len(value) <= 40 else value[:40] + "..."
    return None, f"published {shown!r} is not a date; read without it"


def too_long(text: str, limit: int = MAX_STORY_CHARS) -> str | None:
    """The reason a story is refused for its length, or None."""
    if len(text) <= limit:
        return None
    return f"story is {len(text):,} characters, over the {limit:,}-character limit"


def clean_story(story: Story) -> Story:
    """The story with its strings scrubbed and a bad ``published`` dropped (noted in ``problems``)."""
    published, problem = check_published(scrub_optional(story.published))
    problems = story.problems + ((problem,) if problem else ())
    cleaned = replace(
        story,
        text=scrub(story.text),
        source=scrub_optional(story.source),
        url=scrub_optional(story.url),
        headline=scrub_optional(story.headline),
        published=published,
        problems=problems,
    )
    return cleaned
