"""Where stories come from. Decoding never raises; unreadable input becomes a ``BadInput``."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Story:
    """A decoded story before any parsing."""

    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    headline: str | None = None  # from HTML or JSON metadata, when the text itself has none
