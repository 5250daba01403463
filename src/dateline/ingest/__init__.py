"""Ingest: stories in, archive rows (or record files) out. It sits above the reader and the store.

The reader reads (``Reader.read_all``: a batch, then story by story when the batch fails); the
store only stores (``Store.write``). Ingest joins them and spreads the reading:

* ``ingest(store, paths)`` (``local``): worker processes on this machine, one writer;
* ``ray_ingest(paths, sink)`` (``ray_engine``): an actor pool on a Ray cluster
  (``pip install 'dateline[ray]'``), writing through a sink (``sinks``: the archive or record
  files); importing this package does not import ray;
* ``Watcher`` (``watch``): polls feeds and folders and ingests what is new.
"""

from __future__ import annotations

from dateline.ingest.local import Failure, IngestReport, ingest
from dateline.ingest.ray_engine import INSTALL_HINT, RayMissing, ray_ingest, require_ray
from dateline.ingest.sinks import ArchiveSink, RecordSink

__all__ = [
    "ingest",
    "IngestReport",
    "Failure",
    "ray_ingest",
    "require_ray",
    "RayMissing",
    "INSTALL_HINT",
    "ArchiveSink",
    "RecordSink",
]
