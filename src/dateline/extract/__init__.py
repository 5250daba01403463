"""Stage 4: extractors. Each reads the parsed story, the spaCy doc and the parts the
extractors before it wrote, and returns its own part of the record.

Extractors are registered by name with what they read and fill (see ``base.register``);
the reader checks the list it is given (``check_pipeline``), builds each one once, in
order, and calls them for every story.
"""

from dateline.extract import (
    places,  # noqa: F401  (registers "places")
    timexes,  # noqa: F401  (registers "timexes")
)
from dateline.extract.base import PipelineError, StoryContext, build_extractor, check_pipeline, register, registered
from dateline.extract.entities import extractor as _entities  # noqa: F401  (registers "entities")
from dateline.extract.events import extractor as _events  # noqa: F401  (registers "events")
from dateline.extract.quotes import extractor as _quotes  # noqa: F401  (registers "quotes")
from dateline.extract.themes import extractor as _themes  # noqa: F401  (registers "topics", "tone", "sentiments")

__all__ = ["PipelineError", "StoryContext", "build_extractor", "check_pipeline", "register", "registered"]
