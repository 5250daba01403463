"""Find the parts of a news story in its plain text."""
from __future__ import annotations

from dateline.structure.layout import Field, Layout


def parse_structure(text: str, *, published: str | None = None) -> Layout:
    body = Field(text, 0, len(text))
    return Layout(text=text, body=body, paragraphs=(body,), published=published)
