"""The same stories ingested by the local engine and by the Ray engine on 1 and 2 CPUs.

    .venv/bin/python benchmarks/bench_ray.py [--stories N] [--skip-local]

Stories: Reuters-21578 (../shared/data/reuters21578, when present), else the project's fixture
stories made distinct by a numbered last line. Each run ingests every story into a fresh SQLite
archive (the same writer for both engines), timed from the call to the end of the last write,
reader start-up included. Ray runs on a Ray instance started here with ``num_cpus`` 1 then 2
(its start-up not timed); for each, the CPU seconds each of its processes spent on the run
(``cpu_by_process``: the driver, the readers, Ray's own processes), which on a shared machine
say more than the rates. Prints stories per second; each run's start-up (until the first story
came back read) and its steady state after it in milliseconds per story; Ray's overhead (Ray 1
CPU against local 1 worker, as a whole and per story after start-up) and Ray's scaling.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
from pathlib import Path

from bench_ingest import fresh  # this folder is on the path when run as a script

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
    fixtures = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((ROOT / "tests" / "fixtures" / "stories").glob("*.txt"))
    ]
    return [f"{fixtures[i % len(fixtures)]}\n(copy {i})\n" for i in range(n)]


def write_jsonl(texts: list[str], directory: Path) -> str:
    path = directory / "stories.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return str(path)


def figures(report) -> dict[str, float]:
    """Stories/s over the whole run; start-up (wall seconds until the first story came back read);
    and the steady state after it, in wall milliseconds per story."""
    steady = (report.seconds - report.timing.startup) / max(report.added - 1, 1) * 1e3
    return {
        "rate": report.added / report.seconds,
        "startup_s": report.timing.startup,
        "steady_ms": steady,
        "write_ms": report.timing.write / max(report.added, 1) * 1e3,
    }


def run_local(path: str, db: Path, workers: int) -> dict[str, float]:
    from dateline.ingest import ingest
    from dateline.store import Store

    with Store.open(db) as store:
        report = ingest(store, [path], workers=workers)
    return figures(report)


ROLES = ("gcs_server", "raylet", "log_monitor", "dashboard", "monitor.py", "runtime_env")


def cpu_by_process() -> dict[int, tuple[str, float]]:
    """CPU seconds (user + system) of this process and every process under it (Ray's own and its
    workers, which Ray starts as children), by pid, with a role read from the command line.
    Linux only (``/proc``); empty elsewhere."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    stats: dict[int, list[str]] = {}
    for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            text = Path(f"/proc/{name}/stat").read_text()
        except (OSError, ValueError):
            continue
        if name.isdigit():
            stats[int(name)] = text[text.rindex(")") + 2 :].split()
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(pid)
    out, todo = {}, [os.getpid()]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        if pid in stats:
            out[pid] = (_role(pid), (int(stats[pid][11]) + int(stats[pid][12])) / tick)
    return out


def _role(pid: int) -> str:
    if pid == os.getpid():
        return "driver"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "?"
    if cmd.startswith("ray::"):
        return cmd.split()[0].split("(")[0].rstrip(".")  # ray::StoryReader, ray::IDLE, ray::_StatsActor
    return next((r for r in ROLES if r in cmd), "other")


def cpu_spent(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds by role between two ``cpu_by_process`` snapshots."""
    spent: dict[str, float] = {}
    for pid, (role, cpu) in after.items():
        spent[role] = spent.get(role, 0.0) + cpu - before.get(pid, (role, 0.0))[1]
    return {role: round(cpu, 2) for role, cpu in sorted(spent.items(), key=lambda x: -x[1]) if cpu >= 0.05}


def run_ray(path: str, db: Path, cpus: int) -> dict[str, float]:
    import ray

    from dateline.ingest import ArchiveSink, ray_ingest
    from dateline.store import Store

    ray.init(address="local", num_cpus=cpus, logging_level="ERROR", log_to_driver=False, include_dashboard=False)
    try:
        before, last, done = cpu_by_process(), {}, threading.Event()

        def sample() -> None:  # every half second: the readers' processes end with the run
            while not done.wait(0.5):
                last.update(cpu_by_process())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        sink = ArchiveSink(Store.open(db))
        report = ray_ingest([path], sink, workers=cpus)
        sink.close()
        last.update(cpu_by_process())
        done.set()
        sampler.join()
        cpu = cpu_spent(before, last)
    finally:
        ray.shutdown()
    return {**figures(report), "cpu_s": cpu}  # type: ignore[dict-item]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--skip-local", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # one machine: loopback only
    texts = load_stories(args.stories)
    print(
        f"{len(texts)} stories ({'Reuters-21578' if REUTERS.is_dir() else 'fixtures'}), "
        f"{sum(map(len, texts)) / max(len(texts), 1):.0f} characters each on average"
    )
    runs_: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_ray") as tmp:
        path = write_jsonl(texts, Path(tmp))
        runs = [] if args.skip_local else [("local, 1 worker", run_local, 1), ("local, 2 workers", run_local, 2)]
        runs += [("ray, 1 CPU", run_ray, 1), ("ray, 2 CPUs", run_ray, 2)]
        for name, fn, n in runs:
            db = Path(tmp) / f"{name.replace(' ', '_').replace(',', '')}.db"
            # each local run in a fresh process: none profits from a pipeline another one loaded
            runs_[name] = r = fresh(fn, path, db, n) if fn is run_local else fn(path, db, n)
            print(
                f"{name:<18} {r['rate']:7.2f} stories/s; start-up {r['startup_s']:5.1f} s, then "
                f"{r['steady_ms']:6.1f} ms a story (writing {r['write_ms']:.1f} ms of it); "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            if "cpu_s" in r:  # the machine may be shared: where the CPU went says more than the rate
                spent = r["cpu_s"]
                print(f"  CPU seconds by process, start-up included: {spent} ({sum(spent.values()):.1f} in all)")
    rate = {name: r["rate"] for name, r in runs_.items()}
    if "local, 1 worker" in rate:
        local, one = runs_["local, 1 worker"], runs_["ray, 1 CPU"]
        print(
            f"Ray overhead: ray 1 CPU / local 1 worker = {rate['ray, 1 CPU'] / rate['local, 1 worker']:.2f}; "
            f"per story after start-up {one['steady_ms'] - local['steady_ms']:+.1f} ms "
            f"({one['steady_ms'] / local['steady_ms'] - 1:+.0%}), "
            f"start-up {one['startup_s'] - local['startup_s']:+.1f} s"
        )
        print(f"local scaling: 2 workers / 1 = {rate['local, 2 workers'] / rate['local, 1 worker']:.2f}")
        print(f"Ray, 2 CPUs / local 1 worker = {rate['ray, 2 CPUs'] / rate['local, 1 worker']:.2f} (issue 21 asks 1.7)")
    print(f"Ray scaling: 2 CPUs / 1 CPU = {rate['ray, 2 CPUs'] / rate['ray, 1 CPU']:.2f}")
    print(json.dumps(runs_))


if __name__ == "__main__":
    main()
