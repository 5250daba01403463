"""The gazetteer a story is read against: an SQLite file, built at first use and cached.

Where it lives: ``$DATELINE_GAZETTEER`` if set, else ``gazetteer.sqlite`` in the user's
data directory (platformdirs). Look-ups are memoised per folded name, so a name repeated
across stories costs one query.
"""
from __future__ import annotations

import os
import threading
import time
from functools import lru_cache
from pathlib import Path

from dateline.geo import store
from dateline.geo.store import Entry

ENV = "DATELINE_GAZETTEER"
FILENAME = "gazetteer.sqlite"


def default_path() -> Path:
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dateline")) / FILENAME


class Gazetteer:
    """Read access to a built gazetteer file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn = store.connect(self.path, readonly=True)
        self._lock = threading.Lock()
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self.get = lru_cache(maxsize=50_000)(self._get)

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        with self._lock:
            return tuple(store.lookup(self._conn, key))

    def _get(self, geonameid: int) -> Entry | None:
        with self._lock:
            return store.by_id(self._conn, geonameid)

    @lru_cache(maxsize=4096)
    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        with self._lock:
            found = list(store.by_code(self._conn, code, ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")))
        return max(found, key=lambda e: e.population, default=None)

    @lru_cache(maxsize=8192)
    def admin1(self, country: str, code: str) -> Entry | None:
        with self._lock:
            return next(store.by_code(self._conn, country, ("ADM1", "ADM1H"), code), None)

    def meta(self) -> dict[str, str]:
        with self._lock:
            return store.read_meta(self._conn)

    def close(self) -> None:
        self._conn.close()


def ensure(path: Path | str | None = None, *, quiet: bool = False) -> Path:
    """The gazetteer's path, building it first (with a progress bar) when it is missing."""
    path = Path(path) if path else default_path()
    if not path.exists() or _stale(path):
        _build_with_progress(path, quiet=quiet)
    return path


def _stale(path: Path) -> bool:
    """A package-built gazetteer from another version of the builder (imported dumps are kept)."""
    from dateline.geo.build import BUILD_VERSION

    try:
        conn = store.connect(path, readonly=True)
        meta = store.read_meta(conn)
        conn.close()
    except Exception:  # unreadable: build afresh
        return True
    return "source" in meta and "imported" not in meta and meta.get("build_version") != BUILD_VERSION


_LOADED: dict[Path, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def load(path: Path | str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default location if None), opened once per process."""
    resolved = ensure(path)
    with _LOAD_LOCK:
        if resolved not in _LOADED:
            _LOADED[resolved] = Gazetteer(resolved)
        return _LOADED[resolved]


def _build_with_progress(path: Path, *, quiet: bool) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dateline.geo.build import build

    console = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    expected = {"continents": 10, "countries": 260, "divisions": 52_000, "cities": 235_000}
    with Progress(TextColumn("gazetteer: {task.description}"), BarColumn(), TextColumn("{task.completed:,}"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def report(stage: str, done: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=expected.get(stage))
            bar.update(tasks[stage], completed=done)

        build(path, progress=report)
    console.print(f"gazetteer built at {path} in {time.perf_counter() - started:.0f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB)")
