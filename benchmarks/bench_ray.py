"""The same stories ingested by the local engine and by the Ray engine on 1 and 2 CPUs.

    .venv/bin/python benchmarks/bench_ray.py [--stories N] [--skip-local]

Stories: Reuters-21578 (../shared/data/reuters21578, when present), else the project's fixture
stories made distinct by a numbered last line. Each run ingests every story into a fresh SQLite
archive (the same writer for both engines), timed from the call to the end of the last write,
reader start-up included. Ray runs on a Ray instance started here with ``num_cpus`` 1 then 2
(its start-up not timed). Prints stories per second, Ray's overhead (local 1 worker over Ray
1 CPU) and Ray's scaling (2 CPUs over 1).
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"


def load_stories(n: int) -> list[str]:
    texts: list[str] = []
    if REUTERS.is_dir():
        from dateline.eval.reuters21578 import iter_wire_stories

        for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
            texts += [s.text for s in iter_wire_stories(sgm)]
            if len(texts) >= n:
                break
        return texts[:n]
    fixtures = [p.read_text(encoding="utf-8", errors="replace")
                for p in sorted((ROOT / "tests" / "fixtures" / "stories").glob("*.txt"))]
    return [f"{fixtures[i % len(fixtures)]}\n(copy {i})\n" for i in range(n)]


def write_jsonl(texts: list[str], directory: Path) -> str:
    path = directory / "stories.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return str(path)


def run_local(path: str, db: Path, workers: int) -> float:
    from dateline.store import Store

    with Store.open(db) as store:
        report = store.ingest([path], workers=workers)
    return report.added / report.seconds


def run_ray(path: str, db: Path, cpus: int) -> float:
    import ray

    from dateline.distributed import ArchiveSink, ray_ingest
    from dateline.store import Store

    ray.init(address="local", num_cpus=cpus, logging_level="ERROR", log_to_driver=False, include_dashboard=False)
    try:
        sink = ArchiveSink(Store.open(db))
        report = ray_ingest([path], sink, workers=cpus)
        sink.close()
    finally:
        ray.shutdown()
    return report.added / report.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--skip-local", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # one machine: loopback only
    texts = load_stories(args.stories)
    print(f"{len(texts)} stories ({'Reuters-21578' if REUTERS.is_dir() else 'fixtures'}), "
          f"{sum(map(len, texts)) / max(len(texts), 1):.0f} characters each on average")
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench_ray") as tmp:
        path = write_jsonl(texts, Path(tmp))
        runs = [] if args.skip_local else [("local, 1 worker", run_local, 1), ("local, 2 workers", run_local, 2)]
        runs += [("ray, 1 CPU", run_ray, 1), ("ray, 2 CPUs", run_ray, 2)]
        for name, fn, n in runs:
            rates[name] = fn(path, Path(tmp) / f"{name.replace(' ', '_').replace(',', '')}.db", n)
            print(f"{name:<18} {rates[name]:7.2f} stories/s", flush=True)
    if "local, 1 worker" in rates:
        print(f"Ray overhead: ray 1 CPU / local 1 worker = {rates['ray, 1 CPU'] / rates['local, 1 worker']:.2f}")
        print(f"local scaling: 2 workers / 1 = {rates['local, 2 workers'] / rates['local, 1 worker']:.2f}")
    print(f"Ray scaling: 2 CPUs / 1 CPU = {rates['ray, 2 CPUs'] / rates['ray, 1 CPU']:.2f}")


if __name__ == "__main__":
    main()
