"""What a page shows, as a file: CSV, JSON Lines or GeoJSON, with a stable column order.

Every view that can be exported gives a ``Table``: its name, its columns in their fixed order
(documented in docs/web.md; new columns are only ever added at the end) and one row per line.
CSV joins list values with "; "; JSON Lines keeps them as lists; GeoJSON makes each row that has
``lat`` and ``lon`` a Point feature whose properties are the other columns, in order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# format -> (media type, file extension)
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
}

STORY_COLUMNS = (
    "id",
    "day",
    "published",
    "headline",
    "agency",
    "dateline",
    "place",
    "country",
    "lat",
    "lon",
    "snippet",
    "source",
    "thread",
    "score",
)
QUOTE_COLUMNS = (
    "story",
    "day",
    "headline",
    "speaker_id",
    "speaker",
    "speaker_text",
    "kind",
    "cue",
    "text",
    "start",
    "end",
    "place",
    "country",
    "lat",
    "lon",
)
APPEARANCE_COLUMNS = (
    "entity_id",
    "entity",
    "story",
    "day",
    "headline",
    "titles",
    "mentions",
    "quotes",
    "place",
    "country",
    "lat",
    "lon",
)
PLACE_COLUMNS = ("name", "geonames_id", "country", "feature", "lat", "lon", "stories")


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of one view, with its columns in their export order."""

    name: str  # the file's stem: "stories", "quotes", "entity-12", "places"
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]

    def ordered(self) -> list[dict[str, Any]]:
        """Each row with exactly the table's columns, in order (a missing value is None)."""
        return [{c: row.get(c) for c in self.columns} for row in self.rows]


def render(table: Table, format: str) -> str:
    """The table as the text of a CSV, JSON Lines or GeoJSON file."""
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(table.columns)
        writer.writerows([_cell(v) for v in row.values()] for row in table.ordered())
        return out.getvalue()
    if format == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in table.ordered())
    if format == "geojson":
        return json.dumps(feature_collection(table), ensure_ascii=False)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def feature_collection(table: Table) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one Point per row with coordinates, the other columns as properties."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
        }
        for row in table.ordered()
        if row.get("lat") is not None and row.get("lon") is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def place_columns(place: Any) -> dict[str, Any]:
    """The place, country, lat and lon columns of a row from a ``StoryPlace`` (or None)."""
    if place is None:
        return {"place": None, "country": None, "lat": None, "lon": None}
    return {"place": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}


def filename(table: Table, format: str) -> str:
    return f"dateline-{table.name}.{FORMATS[format][1]}"


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    return value
