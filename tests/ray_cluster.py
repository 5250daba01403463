"""A real Ray cluster on loopback for tests and benchmarks: a head node and worker nodes, each
its own raylet, object store and worker processes (``ray.cluster_utils.Cluster``), with this
process connected as the driver. A node can be killed (SIGKILL, no graceful exit) mid-run."""

from __future__ import annotations

import os
import signal

# Loopback only: Ray reads RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 as "one machine, use 127.0.0.1"
# (it must be set before ray is imported).
ENV = {
    "RAY_AUTH_MODE": "disabled",
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
    "RAY_raylet_start_wait_time_s": "180",
}  # a busy shared machine starts nodes slowly
os.environ.update(ENV)
# Notice a dead node within seconds rather than the default half minute.
SYSTEM_CONFIG = {"health_check_period_ms": 1000, "health_check_failure_threshold": 3}
# A raylet stops when its dashboard agent is not up within 15 s (fixed in Ray 2.60): a loaded machine misses it.
START_TRIES = 5


def _children() -> set[int]:
    """The process ids whose parent is this process (the processes a node start spawns)."""
    me, found = os.getpid(), set()
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as stat:
                if name.isdigit() and int(stat.read().rsplit(")", 1)[1].split()[1]) == me:
                    found.add(int(name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def start_node(start):
    """``start()`` a node, again if it timed out coming up; a failed try's processes are killed by id."""
    for attempt in range(START_TRIES):
        before = _children()
        try:
            return start()
        except Exception as exc:
            if "timed out during startup" not in str(exc) or attempt == START_TRIES - 1:
                raise
            for pid in _children() - before:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


class LocalCluster:
    """A head with ``cpus`` CPUs; ``add_worker()`` adds nodes; ``kill(node)`` loses one."""

    def __init__(self, cpus: int = 1) -> None:
        import ray
        from ray.cluster_utils import Cluster

        self.cpus = cpus
        self.cluster = Cluster()
        start_node(
            lambda: self.cluster.add_node(
                num_cpus=cpus, node_ip_address="127.0.0.1", include_dashboard=False, _system_config=SYSTEM_CONFIG
            )
        )
        self.address = self.cluster.address
        ray.init(address=self.address, logging_level="WARNING", log_to_driver=False)

    def add_worker(self, wait: bool = True):
        node = start_node(lambda: self.cluster.add_node(num_cpus=self.cpus, node_ip_address="127.0.0.1"))
        if wait:
            self.cluster.wait_for_nodes()
        return node

    def kill(self, node) -> None:
        """SIGKILL a node: its raylet, object store and workers (the actors on it) at once."""
        self.cluster.remove_node(node, allow_graceful=False)

    def stop(self) -> None:
        import ray

        ray.shutdown()
        self.cluster.shutdown()
