"""What a distributed ingest reads, planned on the driver and opened on the workers.

The driver only lists: local files become one small row each (``path``), read by the worker
that gets the row through ``dateline.io.sources.iter_stories`` (so a worker needs the same
path: a laptop, or shared storage on a cluster). Parquet files and URLs (``s3://``, ``gs://``,
``hdfs://``...) are datasets that Ray Data reads on the workers, a row per story with a
``text`` column. Every source is normalised to the same string columns (``FIELDS``, "" for
absent) so the sources can be joined into one stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.io.sources import MAX_BYTES, BadInput, Story, expand, iter_stories

FIELDS = ("path", "text", "source", "url", "published", "headline", "kind", "fetched")
ALIASES = {"headline": ("headline", "title"), "source": ("source", "id")}
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz", ".ndjson.gz")


@dataclass(slots=True)
class Plan:
    """The inputs sorted by who reads them."""

    files: list[str] = field(default_factory=list)  # read by the workers with iter_stories
    parquet: list[str] = field(default_factory=list)  # datasets read by Ray Data
    jsonl: list[str] = field(default_factory=list)
    stories: list[Story | BadInput] = field(default_factory=list)  # read here (stdin, JSON Lines), shipped as rows
    missing: list[BadInput] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.files or self.parquet or self.jsonl or self.stories)


def plan_inputs(paths: Sequence[str]) -> Plan:
    """Sort ``paths`` into files, datasets and standard input; unmatched paths are failures."""
    plan = Plan()
    for path in paths:
        if path == "-" or _is_web(path):  # standard input, feed and page URLs: read here
            plan.stories.extend(iter_stories([path]))
        elif URL_SCHEME.match(path):
            (plan.jsonl if _is_json(path) else plan.parquet).append(path)
        else:
            files = list(expand(path))
            if not files:
                plan.missing.append(BadInput(path, "no such file, directory or glob match"))
            for file in files:
                _add_file(plan, file)
    return plan


def _add_file(plan: Plan, file: Path) -> None:
    name = str(file)
    if name.lower().endswith(".parquet"):
        plan.parquet.append(name)
    elif _is_json(name) and _size(file) > MAX_BYTES:  # a JSON Lines dataset, not a story file
        plan.jsonl.append(name)
    elif _is_json(name):  # many stories in one file: split here so that every reader gets some
        plan.stories.extend(iter_stories([name]))
    else:
        plan.files.append(name)


def _is_web(path: str) -> bool:
    """A feed or page URL (fetched politely by the driver), not an http(s) dataset file."""
    return path.lower().startswith(("http://", "https://")) and not path.lower().endswith((*JSON_SUFFIXES, ".parquet"))


def _is_json(name: str) -> bool:
    return name.lower().endswith(JSON_SUFFIXES)


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def path_row(path: str) -> dict[str, str]:
    return {**dict.fromkeys(FIELDS, ""), "path": path}


def story_row(story: Story) -> dict[str, str]:
    return {
        "path": "",
        "text": story.text,
        "source": story.source or "",
        "url": story.url or "",
        "published": story.published or "",
        "headline": story.headline or "",
        "kind": story.kind,
        "fetched": story.fetched or "",
    }


def normalize_batch(batch: Mapping[str, Any]) -> dict[str, list[str]]:
    """A dataset batch (any columns) as ``FIELDS`` string columns; missing values become ""."""
    size = len(next(iter(batch.values()))) if batch else 0
    out: dict[str, list[str]] = {}
    for name in FIELDS:
        column = next((batch[a] for a in ALIASES.get(name, (name,)) if a in batch), None)
        out[name] = [_text(v) for v in column] if column is not None else [""] * size
    out["source"] = [s or u or p for s, u, p in zip(out["source"], out["url"], out["path"])]
    out["path"] = [""] * size  # the file of a dataset row is its source, not a story file
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else str(value)


def stories_of(rows: Iterable[Mapping[str, str]]) -> Iterator[Story | BadInput]:
    """The stories of normalised rows: a ``path`` row is opened here (on the worker)."""
    for row in rows:
        if row.get("path"):
            yield from iter_stories([row["path"]])
        elif not (row.get("text") or "").strip():
            yield BadInput(row.get("source") or "<row>", 'no "text" in this row')
        else:
            yield Story(
                text=row["text"],
                source=row.get("source") or None,
                url=row.get("url") or None,
                published=row.get("published") or None,
                headline=row.get("headline") or None,
                kind=row.get("kind") or "file",
                fetched=row.get("fetched") or None,
            )


def rows_of(batch: Mapping[str, Sequence[Any]]) -> list[dict[str, str]]:
    """Column batch -> list of row dicts."""
    names = [n for n in FIELDS if n in batch]
    size = len(batch[names[0]]) if names else 0
    return [{n: _text(batch[n][i]) for n in names} for i in range(size)]
