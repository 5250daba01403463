"""Web pages over an archive: story, entity, search, map and timeline, rendered server-side."""
