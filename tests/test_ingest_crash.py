"""Crash test: SIGKILL `dateline ingest` at random points while it writes, rerun, and check that
every story is in the archive exactly once with all of its rows, and no row without its story."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_fixtures import invented_stories

from dateline.store.features import BANDS
from dateline.store.patterns import NAME_TYPES

STORIES = 14
KILLS = 3
DATELINE = [sys.executable, "-c", "from dateline.cli import main; main()"]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _start(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*DATELINE, "ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "2", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill_while_writing(proc: subprocess.Popen, db: Path, rng: random.Random) -> None:
    """Wait until this run has committed a batch, then SIGKILL it after a random delay."""
    before = _count(db)
    deadline = time.monotonic() + 300
    while _count(db) == before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(0.0, 1.5))
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _expected_rows(record: dict) -> dict[str, int]:
    mentions = sum(len(e["mentions"]) for e in record["entities"] if e["type"] in NAME_TYPES)
    journalists = {e["name"] for e in record["entities"] if e["journalist"]}
    mentions += sum(1 for a in record["authors"] if a not in journalists) if record["spans"].get("authors") else 0
    return {
        "quotes": len(record["quotes"]),
        "timexes": len(record["timexes"]),
        "places": len(record["places"]),
        "events": len(record["events"]),
        "story_buckets": (0, BANDS),
        "mentions_at_least": mentions - len(journalists),
    }


def test_sigkill_then_rerun_leaves_every_story_once_and_whole(tmp_path):
    seed = int(os.environ.get("DATELINE_CRASH_SEED", time.time()))
    rng = random.Random(seed)
    folder = tmp_path / "in"
    folder.mkdir()
    texts = invented_stories(STORIES)
    for i, text in enumerate(texts):
        (folder / f"s{i:02d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "crash.db"
    for _ in range(KILLS):
        _kill_while_writing(_start(folder, db), db, rng)
    final = _start(folder, db)
    _, err = final.communicate(timeout=900)
    assert final.returncode == 0, f"seed {seed}: {err.decode()[-2000:]}"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    ids = [r[0] for r in conn.execute("SELECT id FROM stories")]
    assert len(ids) == len(set(ids)) == STORIES, f"seed {seed}"
    assert conn.execute("SELECT COUNT(*) FROM story_fts").fetchone()[0] == STORIES
    for n, record_json in conn.execute("SELECT n, record FROM stories"):
        expected = _expected_rows(json.loads(record_json))
        for table in ("quotes", "timexes", "places", "events", "story_buckets"):
            got = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE story = ?", (n,)).fetchone()[0]
            want = expected[table] if isinstance(expected[table], tuple) else (expected[table],)
            assert got in want, f"seed {seed}: story {n} has {got} {table}, expected {want}"
        mentions = conn.execute("SELECT COUNT(*) FROM mentions WHERE story = ?", (n,)).fetchone()[0]
        assert mentions >= expected["mentions_at_least"], f"seed {seed}: story {n}"
        assert conn.execute("SELECT COUNT(*) FROM terms WHERE story = ?", (n,)).fetchone()[0] > 0
