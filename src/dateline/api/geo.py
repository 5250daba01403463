"""Places as GeoJSON for the map."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.store.models import PlaceCount


def feature_collection(places: Iterable[PlaceCount]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of points, one per distinct resolved place."""
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                 "properties": {"name": p.name, "geonames_id": p.geonames_id, "country": p.country,
                                "feature": p.feature, "stories": p.stories}}
                for p in places if p.lat is not None and p.lon is not None]
    return {"type": "FeatureCollection", "features": features}
