"""Stage 4: extractors. Each reads the parsed story, the spaCy doc and the parts the
extractors before it wrote, and returns its own part of the record.

Extractors are registered by name (see ``base.register``); the reader builds the ones
it is configured with, in order, once, and calls them for every story.
"""
from dateline.extract.base import StoryContext, build_extractor, register, registered
from dateline.extract import entities  # noqa: F401  (registers "entities")
from dateline.extract import timexes  # noqa: F401  (registers "timexes")
from dateline.extract import places  # noqa: F401  (registers "places")
from dateline.extract import quotes  # noqa: F401  (registers "quotes")
from dateline.extract import events  # noqa: F401  (registers "events")
from dateline.extract import themes  # noqa: F401  (registers "topics", "tone", "sentiments")

__all__ = ["StoryContext", "build_extractor", "register", "registered"]
