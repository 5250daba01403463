"""Evaluation on public benchmarks, apart from the unit tests. Each module reads one
benchmark format, runs dateline and prints the benchmark's standard metrics."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class BenchmarkNotFound(FileNotFoundError):
    """A benchmark's files are not where the command was pointed: said in one line, never
    scored as zero."""


def found(items: Iterable[T], what: str, where: str | Path) -> list[T]:
    """``items`` as a list, or :class:`BenchmarkNotFound` naming what was looked for where."""
    items = list(items)
    if not items:
        raise BenchmarkNotFound(f"no {what} under {where}")
    return items
