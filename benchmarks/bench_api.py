"""API benchmark: latency p50/p95 of the JSON API and the story page under concurrent requests.

    .venv/bin/python benchmarks/bench_api.py [--db ARCHIVE] [--stories 2000] [--clients 8] [--requests 800]

The archive: ``--db`` (an existing one; a SQLite path that does not exist yet is built and kept),
else the corpus ``bench_ingest.py`` builds (the project's
example and fixture stories, then Reuters-21578 when ../shared is present, up to ``--stories``)
ingested with 2 workers into a temporary SQLite file. The server: ``dateline serve`` (uvicorn,
one process) on a free loopback port. The load: ``--clients`` threads, each with its own httpx
client, share a fixed list of ``--requests`` requests (seeded, so reruns send the same ones):
full-text, entity, speaker, place and date searches, story records, entity profiles, quotes,
places, timeline and the story page. Latency is measured at the client, connection reuse on.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import build_corpus  # noqa: E402

from dateline.ingest import ingest  # noqa: E402
from dateline.store import Store  # noqa: E402


def build_archive(db: Path, stories: int) -> None:
    corpus = db.with_suffix(".jsonl")
    n = build_corpus(stories, corpus)
    with Store.open(db) as store:
        report = ingest(store, [str(corpus)], workers=2)
    print(f"archive: {n} stories read, {report.added} added in {report.seconds:.0f} s", flush=True)


def plan(db: str, n: int) -> list[tuple[str, str]]:
    """``n`` (kind, path) requests drawn from what the archive holds."""
    from urllib.parse import quote

    with Store.open(db) as store:
        hits = store.search(limit=500)
        words = [w for h in hits if h.headline for w in h.headline.split() if len(w) > 4 and w.isalpha()]
        people = store.entities(type="PERSON", limit=200) or store.entities(limit=200)
        places = [p.name for p in store.places(limit=100)]
        days = [h.day for h in hits if h.day]
    rng = random.Random(7)
    makers = {
        "search text": lambda: f"/api/stories?q={quote(rng.choice(words))}",
        "search entity": lambda: f"/api/stories?entity={quote(rng.choice(people).name)}",
        "search place": lambda: f"/api/stories?place={quote(rng.choice(places))}" if places else "/api/stories",
        "search dates": lambda: (
            f"/api/stories?since={rng.choice(days)}&until={rng.choice(days)}" if days else "/api/stories"
        ),
        "story json": lambda: f"/api/stories/{rng.choice(hits).id}",
        "story page": lambda: f"/stories/{rng.choice(hits).id}",
        "entity": lambda: f"/api/entities/{rng.choice(people).id}",
        "quotes": lambda: f"/api/quotes?speaker={rng.choice(people).id}",
        "places": lambda: "/api/places",
        "timeline": lambda: "/api/timeline",
    }
    kinds = list(makers)
    return [(kinds[i % len(kinds)], makers[kinds[i % len(kinds)]]()) for i in range(n)]


def serve(db: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli import main; main()", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/api/stats", timeout=1).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def load(base: str, requests: list[tuple[str, str]], clients: int) -> tuple[dict[str, list[float]], float]:
    times: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()

    def client(part: list[tuple[str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            for kind, path in part:
                start = time.perf_counter()
                http.get(path).raise_for_status()
                ms = (time.perf_counter() - start) * 1000
                with lock:
                    times[kind].append(ms)

    threads = [threading.Thread(target=client, args=(requests[c::clients],)) for c in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, time.perf_counter() - start


def pct(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return (values[0], values[0]) if values else (0.0, 0.0)
    return statistics.median(values), statistics.quantiles(values, n=20)[18]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="An existing archive (SQLite path or PostgreSQL URL)")
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=800)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        if "://" not in db and not Path(db).exists():
            build_archive(Path(db), args.stories)
        with Store.open(db) as store:
            size = store.stats()["stories"]
        requests = plan(db, args.requests)
        proc, base = serve(db)
        try:
            load(base, requests[:50], 2)  # warm up
            times, wall = load(base, requests, args.clients)
        finally:
            proc.terminate()
            proc.wait(10)
    everything = [t for ts in times.values() for t in ts]
    p50, p95 = pct(everything)
    print(
        f"archive: {size} stories; {len(everything)} requests from {args.clients} concurrent clients "
        f"in {wall:.1f} s ({len(everything) / wall:.0f} requests/s)"
    )
    print(f"{'all requests':<15} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    results = {
        "stories": size,
        "clients": args.clients,
        "requests": len(everything),
        "rps": len(everything) / wall,
        "all": {"p50_ms": p50, "p95_ms": p95},
    }
    for kind, ts in times.items():
        k50, k95 = pct(ts)
        results[kind] = {"p50_ms": k50, "p95_ms": k95}
        print(f"{kind:<15} p50 {k50:7.1f} ms  p95 {k95:7.1f} ms  ({len(ts)} requests)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
