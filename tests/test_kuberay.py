"""The KubeRay manifest, exercised: its head group and worker group started as ``ray start`` nodes
on this machine (loopback), then ``dateline ingest --engine ray --address`` run as the manifest's
notes say (the driver beside the head, the archive's URL in ``DATELINE_DB``, the stories on the
shared ``/data`` volume: here a temporary folder every node sees).

What is taken from the manifest: each group's ``rayStartParams`` (the head's ``num-cpus: 0``, so
no reader runs beside the writer), the volume every pod mounts, the archive URL from the Secret.
What is scaled down for one shared 2-core machine: each worker pod's CPUs (1, not 2) and the
replicas (``minReplicas`` + 1 nodes, not 4). Each node is a ``ray start --block`` process of its
own, stopped by its process id (never ``ray stop``, which would stop every Ray on the machine).
Skips with a reason when Ray or PyYAML is missing.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="ray not installed: pip install 'dateline[ray]'")
yaml = pytest.importorskip("yaml", reason="PyYAML (installed with ray) is missing")

pytestmark = pytest.mark.ray

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "deploy" / "kuberay" / "raycluster.yaml"
BIN = Path(sys.executable).parent
# Every node on 127.0.0.1 (--node-ip-address); RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER, which tests/ray_cluster.py
# sets for its in-process cluster, would make `ray start --address` refuse to join as a second node.
# A busy shared machine starts a node's agents slowly: the raylet waits minutes, not 15 s.
ENV = {
    "RAY_AUTH_MODE": "disabled",
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_raylet_start_wait_time_s": "180",
    "RAY_agent_register_timeout_ms": "300000",
}
WORKER_CPUS = 1  # the manifest's reader pods have 2; this machine has 2 cores for everyone
NOT_HERE = {"dashboard-host"}  # the dashboard is off on a test machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def node_ports() -> list[str]:
    """Ports of one node's own servers: several nodes on one machine must not share them."""
    names = (
        "node-manager-port",
        "object-manager-port",
        "dashboard-agent-listen-port",
        "dashboard-agent-grpc-port",
        "metrics-export-port",
        "runtime-env-agent-port",
    )
    return [f"--{name}={free_port()}" for name in names]


def start_params(params: dict, **override: str) -> list[str]:
    merged = {k: str(v) for k, v in params.items() if k not in NOT_HERE} | override
    return [f"--{key}={value}" for key, value in merged.items()]


class Nodes:
    """``ray start --block`` processes: a head and worker nodes, each stopped by its pid."""

    def __init__(self, tmp: Path) -> None:
        self.procs: list[subprocess.Popen] = []
        self.names: list[str] = []
        self.tmp = tmp
        self.env = {k: v for k, v in os.environ.items() if k != "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"} | ENV

    def start(self, args: list[str], name: str) -> None:
        log = open(self.tmp / f"{name}.log", "wb")
        self.names.append(name)
        self.procs.append(
            subprocess.Popen(
                [
                    str(BIN / "ray"),
                    "start",
                    "--block",
                    "--node-ip-address=127.0.0.1",
                    "--disable-usage-stats",
                    *node_ports(),
                    *args,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                start_new_session=True,
            )
        )  # its own process group: stopped whole

    def check(self) -> None:
        """A node that stopped by itself: fail with the end of its log."""
        for proc, name in zip(self.procs, self.names):
            if proc.poll() is not None:
                tail = (self.tmp / f"{name}.log").read_text(errors="replace")[-2000:]
                raise AssertionError(f"ray node {name} exited with {proc.returncode}: {tail}")

    def stop_last(self) -> None:
        """Stop the node started last (a failed start), so that another try can follow."""
        proc = self.procs.pop()
        self.names.pop()
        _signal_group(proc, signal.SIGKILL)
        proc.wait()

    def stop(self) -> None:
        """SIGTERM to each node's process group (``--block`` stops its raylet, object store and
        workers), SIGKILL to what is left a minute later."""
        for proc in reversed(self.procs):
            _signal_group(proc, signal.SIGTERM)
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pass
            _signal_group(proc, signal.SIGKILL)


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def wait_for(address: str, nodes: Nodes, *, alive: int, cpus: int = 0, timeout: float = 240) -> None:
    """Until the cluster at ``address`` has ``alive`` nodes and ``cpus`` CPUs (every node joined)."""
    code = (
        "import ray, sys, time; ray.init(address=sys.argv[1], logging_level='ERROR', log_to_driver=False); "
        "print(int(ray.cluster_resources().get('CPU', 0)), len([n for n in ray.nodes() if n['Alive']]))"
    )
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        nodes.check()
        try:
            out = subprocess.run(
                [sys.executable, "-c", code, address], capture_output=True, text=True, env=nodes.env, timeout=120
            )
        except subprocess.TimeoutExpired:
            continue
        seen = out.stdout.split()[-2:] if out.returncode == 0 else []
        if len(seen) == 2 and int(seen[0]) >= cpus and int(seen[1]) >= alive:
            return
        time.sleep(3)
    raise AssertionError(f"the cluster never reached {alive} nodes and {cpus} CPUs")


NODE_ATTEMPTS = 3  # a node's raylet gives its agents 15 s to start: on a busy machine, try again


def start_node(nodes: Nodes, args: list[str], name: str, address: str, **expect: int) -> None:
    for attempt in range(1, NODE_ATTEMPTS + 1):
        nodes.start(args, f"{name}-{attempt}")
        try:
            return wait_for(address, nodes, **expect)
        except AssertionError:
            if attempt == NODE_ATTEMPTS:
                raise
            nodes.stop_last()


def invented_story(i: int) -> str:
    """An invented wire story (no real news text); ``i`` makes each one different."""
    town = ["Harwick", "Lentova", "Brask", "Ostmere", "Calder", "Vinsk"][i % 6]
    return (
        f"{town} opens ferry route {i}\n\n{town.upper()}, May {i % 27 + 1} (Dateline Wire) - The port of "
        f"{town} opened ferry route {i} on Monday, its director Hana Pelt said.\n\n"
        f'"Crossings start in June," Pelt told reporters. Tickets will cost {i + 5} euros.\n'
    )


def test_the_kuberay_manifest_runs_an_ingest_on_a_local_multi_node_cluster(tmp_path):
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    head = manifest["spec"]["headGroupSpec"]
    (group,) = manifest["spec"]["workerGroupSpecs"]
    assert head["rayStartParams"]["num-cpus"] == "0", "the head only schedules and writes"
    pods = [head["template"]["spec"], group["template"]["spec"]]
    assert len({p["containers"][0]["image"] for p in pods}) == 1, "every pod runs the same image"
    mounts = [{m["mountPath"] for m in p["containers"][0]["volumeMounts"]} for p in pods]
    assert all("/data" in m for m in mounts), "every pod sees the stories at /data"
    assert all(any(e["name"] == "DATELINE_DB" for e in p["containers"][0]["env"]) for p in pods)

    data = tmp_path / "data"  # the stories' volume
    (data / "stories").mkdir(parents=True)
    n = 12
    for i in range(n):
        (data / "stories" / f"story{i}.txt").write_text(invented_story(i), encoding="utf-8")
    archive = tmp_path / "archive.db"  # DATELINE_DB: the Secret's URL (PostgreSQL in the manifest)
    replicas = min(group["minReplicas"] + 1, group["maxReplicas"])
    nodes = Nodes(tmp_path)
    port = free_port()
    address = f"127.0.0.1:{port}"
    try:
        began = time.monotonic()
        start_node(
            nodes,
            ["--head", f"--port={port}", "--include-dashboard=false", *start_params(head["rayStartParams"])],
            "head",
            address,
            alive=1,
        )
        for r in range(replicas):  # workers join a head that is up, one at a time
            start_node(
                nodes,
                [f"--address={address}", *start_params(group["rayStartParams"], **{"num-cpus": str(WORKER_CPUS)})],
                f"worker{r}",
                address,
                alive=2 + r,
                cpus=(r + 1) * WORKER_CPUS,
            )
        up = time.monotonic() - began
        env = {**nodes.env, "DATELINE_DB": str(archive), "RAY_ADDRESS": address}
        command = [
            str(BIN / "dateline"),
            "ingest",
            "--engine",
            "ray",
            "--address",
            address,
            str(data / "stories"),
            "--db",
            env["DATELINE_DB"],
            "--quiet",
        ]
        began = time.monotonic()
        first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        took = time.monotonic() - began
        assert first.returncode == 0, first.stderr[-3000:]
        assert f"added {n}" in first.stderr
        again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        assert again.returncode == 0 and "added 0" in again.stderr, again.stderr[-3000:]
    finally:
        nodes.stop()
    with sqlite3.connect(archive) as db:
        assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == n
    print(
        f"\nKubeRay manifest on loopback: head (0 CPUs) + {replicas} worker nodes x {WORKER_CPUS} CPU up in "
        f"{up:.0f} s; {n} stories ingested in {took:.0f} s (readers' start-up included); rerun added 0"
    )
