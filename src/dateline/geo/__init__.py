"""Geocoding against an embedded GeoNames gazetteer (SQLite, no server)."""

from dateline.geo.gazetteer import Gazetteer, default_path, ensure, load
from dateline.geo.store import Entry
from dateline.geo.text import fold

__all__ = ["Entry", "Gazetteer", "default_path", "ensure", "fold", "load"]
