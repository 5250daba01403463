"""Keeping an archive current: poll feeds, URLs and folders on a schedule and ingest what is new.

Each poll is an ordinary ingest (idempotent: stories already archived are skipped by content
hash, pages already archived are not fetched again), so stopping at any moment loses nothing: a
story is either committed with all its rows or read again on the next run. Folders are listed
each poll and only files that are new or changed since the last poll are read. Every poll is
logged as one JSON object: when, what was added, merged, skipped, failed and passed over.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dateline.ingest.local import IngestReport, ingest
from dateline.io.formats import Options, is_url
from dateline.io.sources import expand


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll did."""

    started: str  # ISO 8601, UTC
    report: IngestReport

    def to_dict(self) -> dict:
        r = self.report
        return {
            "time": self.started,
            "added": r.added,
            "merged": r.merged,
            "skipped": r.skipped,
            "failed": [{"source": f.source, "reason": f.reason} for f in r.failed],
            "passed_over": dict(r.passed_over),
            "languages": dict(r.languages),
            "structure_only": r.structure_only,
            "seconds": round(r.seconds, 2),
            "interrupted": r.interrupted,
        }


class Watcher:
    """Polls ``sources`` (feed files or URLs, page URLs, folders, files) into ``store``."""

    def __init__(
        self, store, sources: Sequence[str], *, reader, options: Options | None = None, batch_size: int = 8
    ) -> None:
        self.store = store
        self.batch_size = batch_size  # small: a poll brings few stories, and each is committed soon
        self.sources = list(sources)
        self.reader = reader
        self.options = options or Options()
        self._stamps: dict[str, tuple[int, int]] = {}  # file -> (mtime_ns, size) when last read

    def poll(self) -> Poll:
        """One pass over every source; Ctrl-C ends it with what was committed kept."""
        started = datetime.now(UTC).replace(microsecond=0).isoformat()
        report = ingest(
            self.store, self._changed(), reader=self.reader, workers=1, options=self.options, batch_size=self.batch_size
        )
        return Poll(started, report)

    def run(
        self,
        every: float,
        *,
        polls: int | None = None,
        log: Callable[[Poll], None] = lambda p: None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> int:
        """Poll every ``every`` seconds (``polls`` times, or until stopped); returns the polls made."""
        done = 0
        while polls is None or done < polls:
            began = time.monotonic()
            result = self.poll()
            done += 1
            log(result)
            if result.report.interrupted or (polls is not None and done >= polls):
                break
            sleep(max(0.0, every - (time.monotonic() - began)))
        return done

    def _changed(self) -> list[str]:
        """URLs always (the feed says what is new); files only when new or changed since last poll."""
        out: list[str] = []
        for source in self.sources:
            if is_url(source):
                out.append(source)
                continue
            files = list(expand(source))
            if not files:
                out.append(source)  # reported by the ingest as missing
            for file in files:
                stamp = _stamp(file)
                if stamp is not None and (self._stamps.get(str(file)) == stamp or _settling(stamp)):
                    continue
                if stamp is not None:
                    self._stamps[str(file)] = stamp
                out.append(str(file))
        return out


SETTLE_SECONDS = 2.0  # a file changed this recently may still be being written: next poll


def _settling(stamp: tuple[int, int]) -> bool:
    return time.time() - stamp[0] / 1e9 < SETTLE_SECONDS


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
