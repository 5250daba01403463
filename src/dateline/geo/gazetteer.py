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
        self._deletions: dict[str, set[tuple[str, int]]] | None = None  # built at the first misspelt dateline

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        with self._lock:
            return tuple(store.lookup(self._conn, key))

    def _get(self, geonameid: int) -> Entry | None:
        with self._lock:
            return store.by_id(self._conn, geonameid)

    @lru_cache(maxsize=4096)  # noqa: B019  (one gazetteer a process: the cache may keep it)
    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        with self._lock:
            found = list(store.by_code(self._conn, code, ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")))
        return max(found, key=lambda e: e.population, default=None)

    @lru_cache(maxsize=8192)  # noqa: B019  (one gazetteer a process: the cache may keep it)
    def admin1(self, country: str, code: str) -> Entry | None:
        with self._lock:
            return next(store.by_code(self._conn, country, ("ADM1", "ADM1H"), code), None)

    @lru_cache(maxsize=8)  # noqa: B019  (one gazetteer a process: the cache may keep it)
    def big_places(self, min_population: int) -> tuple[Entry, ...]:
        """Populated places of at least ``min_population`` people (the huge cities: a few dozen)."""
        with self._lock:
            return tuple(store.big_places(self._conn, min_population))

    def near_spellings(self, key: str) -> tuple[Entry, ...]:
        """Cities of 50,000 people or more whose own name (any name, for a city of five million:
        "New York") is one letter off ``key`` (a deletion, an insertion, a changed or a swapped
        letter): "ALTANTA", "PHILADEPHIA", "NEDW YORK" on a wire dateline."""
        if self._deletions is None:
            with self._lock:
                index: dict[str, set[tuple[str, int]]] = {}
                for name, gid in store.place_name_keys(
                    self._conn, SPELLING_MIN_POPULATION, SPELLING_ANY_NAME_POPULATION
                ):
                    for variant in _deletions(name) | {name}:
                        index.setdefault(variant, set()).add((name, gid))
                self._deletions = index
        near = set().union(*(self._deletions.get(v, ()) for v in _deletions(key) | {key}))
        ids = sorted({gid for name, gid in near if _one_edit(key, name)})
        return tuple(e for e in (self.get(gid) for gid in ids) if e is not None)

    def meta(self) -> dict[str, str]:
        with self._lock:
            return store.read_meta(self._conn)

    def close(self) -> None:
        self._conn.close()


SPELLING_MIN_POPULATION = 50_000
SPELLING_ANY_NAME_POPULATION = 5_000_000  # a huge city's usual name may be an alternate one ("New York")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of exactly one (an adjacent swap counts as one)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def ensure(path: Path | str | None = None, *, quiet: bool = False) -> Path:
    """The gazetteer's path, building it first (with a progress bar) when it is missing."""
    path = Path(path) if path else default_path()
    if not path.exists() or _stale(path):
        _build_with_progress(path, quiet=quiet)
    else:
        store.upgrade(path)
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
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from dateline.geo.build import build

    console = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    expected = {"continents": 10, "countries": 260, "divisions": 52_000, "cities": 235_000}
    with Progress(
        TextColumn("gazetteer: {task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=expected.get(stage))
            bar.update(tasks[stage], completed=done)

        build(path, progress=report)
    console.print(
        f"gazetteer built at {path} in {time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e6:.0f} MB)"
    )
