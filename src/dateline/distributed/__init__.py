"""Reading an archive beyond one machine: an actor pool on a Ray cluster (``pip install 'dateline[ray]'``).

``ray_ingest(paths, sink)`` reads on the cluster and writes through one sink on the driver:
``ArchiveSink(Store.open(url))`` for the archive, ``RecordSink(dir, "parquet"|"jsonl")`` for
record files. Importing this package does not import ray.
"""
from __future__ import annotations

from dateline.distributed.ray_ingest import INSTALL_HINT, RayMissing, ray_ingest, require_ray
from dateline.distributed.sinks import ArchiveSink, RecordSink

__all__ = ["ray_ingest", "require_ray", "RayMissing", "INSTALL_HINT", "ArchiveSink", "RecordSink"]
