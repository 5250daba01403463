"""dateline: read news stories into evidence-backed records of who, what, when, where and who said what.

The data flows one way: ``io`` (bytes to text) -> ``structure`` (headline, byline,
dateline, credits) -> ``nlp`` (spaCy) -> ``extract`` (entities, quotes, timexes, places,
events) -> ``record`` -> ``store`` / ``api`` / ``web``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from dateline.io.sources import Story
from dateline.record import SCHEMA, Article

__version__ = "0.1.0"
__all__ = ["read", "Reader", "Story", "Article", "SCHEMA", "__version__"]


def __getattr__(name: str):
    if name == "Reader":
        from dateline.reader import Reader

        return Reader
    raise AttributeError(name)


@lru_cache(maxsize=2)
def _default_reader(model: str | None):
    from dateline.reader import Reader

    return Reader(model=model)


def read(
    text: str,
    *,
    model: str | None = None,
    published: str | None = None,
    anchor: date | None = None,
    source: str | None = None,
) -> Article:
    """Read one story's text into an :class:`Article` (the pipeline is loaded once and kept)."""
    return _default_reader(model).read(text, published=published, anchor=anchor, source=source)
