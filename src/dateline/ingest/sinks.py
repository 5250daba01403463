"""Where a distributed ingest writes: the archive (one writer, batched transactions) or record files.

Workers only read; the driver is the one writer, as in the local ingest, so a story can be
written at most once: the archive's rows are keyed on the content hash, and the record files
keep a set of the ids they hold. A record file is written under a hidden temporary name and
renamed when complete, so a crash leaves either the whole batch or nothing, and a rerun finds
what is there and skips it. ``Known`` objects travel to the workers so that a rerun skips
stories already written before reading them.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.ingest.local import Failure
from dateline.store.features import Prepared

FORMATS = ("parquet", "jsonl")
RECORD_COLUMNS = ("id", "source", "url", "headline", "agency", "published", "day", "record")
FAILURES_NAME = "failed-{run}.jsonl"

if TYPE_CHECKING:
    from dateline.store.backend import Backend


class Known:
    """Which of some story ids are already written (asked by the workers before reading)."""

    def filter(self, ids: Sequence[str]) -> set[str]:
        return set()


class KnownInArchive(Known):
    """Asks the archive: a PostgreSQL URL, or a SQLite file the worker can see (same machine)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._db: Backend | None = None

    def __getstate__(self) -> dict:
        return {"url": self.url}

    def __setstate__(self, state: dict) -> None:
        self.url, self._db = state["url"], None

    def filter(self, ids: Sequence[str]) -> set[str]:
        if not ids or not self._reachable():
            return set()
        if self._db is None:
            from dateline.store.backend import open_backend

            self._db = open_backend(self.url)
        marks = ", ".join("?" * len(ids))
        return {r["id"] for r in self._db.query(f"SELECT id FROM stories WHERE id IN ({marks})", list(ids))}

    def _reachable(self) -> bool:
        return self.url.startswith(("postgresql://", "postgres://")) or Path(self.url).is_file()


class KnownIds(Known):
    """A set of ids held in Ray's object store (the ids of existing record files)."""

    def __init__(self, ref) -> None:
        self.ref = [ref]  # wrapped, so Ray passes the reference rather than resolving it early
        self._ids: set[str] | None = None

    def __getstate__(self) -> dict:
        return {"ref": self.ref}

    def __setstate__(self, state: dict) -> None:
        self.ref, self._ids = state["ref"], None

    def filter(self, ids: Sequence[str]) -> set[str]:
        if self._ids is None:
            import ray

            self._ids = ray.get(self.ref[0])
        return {i for i in ids if i in self._ids}


class ArchiveSink:
    """Writes prepared stories into a ``Store`` in one transaction per batch."""

    def __init__(self, store) -> None:
        self.store = store
        self.url = str(store.db.url)

    def known(self, put=None) -> Known:
        return KnownInArchive(self.url)

    def write(self, items: Sequence[Prepared]) -> int:
        return self.store.write(list(items)) if items else 0

    def record_failures(self, failures: Iterable[Failure]) -> None:
        """The archive keeps stories only; failures are in the report."""

    def close(self) -> None:
        self.store.close()


class RecordSink:
    """Writes one record per row into Parquet or JSON Lines files under ``out``, a file per batch."""

    def __init__(self, out: str | os.PathLike, fmt: str = "parquet") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown record format {fmt!r}: use {' or '.join(FORMATS)}")
        self.dir = Path(out)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.run = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        self.seq = 0
        self.ids = existing_ids(self.dir)

    def known(self, put=None) -> Known:
        return KnownIds(put(frozenset(self.ids))) if put and self.ids else Known()

    def write(self, items: Sequence[Prepared]) -> int:
        """Write the stories not yet in the directory as one new file; returns how many."""
        fresh: dict[str, Prepared] = {}
        for item in items:
            if item.article.id not in self.ids:
                fresh.setdefault(item.article.id, item)
        if not fresh:
            return 0
        rows = [record_row(p) for p in fresh.values()]
        self.seq += 1
        target = self.dir / f"part-{self.run}-{self.seq:06d}.{self.fmt}"
        _atomic(target, lambda tmp: (_write_parquet if self.fmt == "parquet" else _write_jsonl)(tmp, rows))
        self.ids.update(fresh)
        return len(fresh)

    def record_failures(self, failures: Iterable[Failure]) -> None:
        lines = [json.dumps({"source": f.source, "error": f.reason}, ensure_ascii=False) for f in failures]
        if lines:
            target = self.dir / FAILURES_NAME.format(run=self.run)
            _atomic(target, lambda tmp: tmp.write_text("\n".join(lines) + "\n", encoding="utf-8"))

    def close(self) -> None:
        pass


def record_row(item: Prepared) -> dict[str, str | None]:
    art = item.article
    return {
        "id": art.id,
        "source": art.source,
        "url": art.url,
        "headline": art.headline,
        "agency": art.agency,
        "published": art.published,
        "day": item.features.day,
        "record": item.record_json,
    }


def existing_ids(directory: Path) -> set[str]:
    """The ids in the record files already under ``directory`` (hidden temporary files excluded)."""
    ids: set[str] = set()
    for path in sorted(directory.glob("part-*.parquet")):
        import pyarrow.parquet as pq

        ids.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    for path in sorted(directory.glob("part-*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            ids.update(json.loads(line)["id"] for line in lines if line.strip())
    return ids


def _atomic(target: Path, write) -> None:
    """Write through a hidden temporary file, then rename: readers never see half a file."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: pa.array([r[c] for r in rows], type=pa.string()) for c in RECORD_COLUMNS})
    pq.write_table(table, path, compression="zstd")


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(row["record"] + "\n")
