"""Query parameter parsing shared by the JSON API and the pages: bad values become a 400."""
from __future__ import annotations

import datetime as dt

from fastapi import HTTPException

BBox = tuple[float, float, float, float]


def parse_bbox(text: str | None) -> BBox | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees, or None when absent."""
    if not text:
        return None
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise HTTPException(400, "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(400, "bbox out of range: need -180<=min_lon<=max_lon<=180, -90<=min_lat<=max_lat<=90")
    return parts


def parse_day(text: str | None, name: str) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or None when absent."""
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(text, fmt)
            return text
        except ValueError:
            continue
    raise HTTPException(400, f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {text!r}")


def until_day(text: str | None) -> str | None:
    """An ``until`` bound that includes the whole month or year it names."""
    day = parse_day(text, "until")
    if day and len(day) == 4:
        return f"{day}-12-31"
    if day and len(day) == 7:
        return f"{day}-31"
    return day


def clean(text: str | None) -> str | None:
    """Empty form fields mean 'no filter'."""
    text = (text or "").strip()
    return text or None
