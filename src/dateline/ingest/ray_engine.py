"""Ingest on a Ray cluster: a pool of actors, each holding one ``Reader``, reads batches of stories.

The flow is the local ingest's, spread out: the driver plans the inputs (file names, dataset
URLs), the rows go to a pool of actors (each loads spaCy and the gazetteer once and keeps them),
the actors return prepared stories, and the driver, the one writer, writes them in batches to the
archive or to record files. Files and stories are sent by the driver itself to plain Ray actors
(``_pool_results``: each actor has its next batch queued while it reads one); datasets (Parquet,
JSON Lines URLs) are read by Ray Data, which streams them to an actor pool (``map_batches``).
Ray Data costs a run about 10 CPU seconds more (three cluster actors of its own, importing it in
the driver and in every reader), so it is used only for datasets. A worker that is lost takes its
batch with it; Ray restarts the actor (``max_restarts``) and retries the batch
(``max_task_retries``), and since only the driver writes, keyed on the content hash, a retried
batch is never written twice. A story that fails to read comes back as a failure row.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from dateline.ingest.inputs import Plan, normalize_batch, path_row, plan_inputs, rows_of, stories_of, story_row
from dateline.ingest.local import (
    Failure,
    IngestReport,
    flush_batch,  # the one way a batch is written and counted
    read_prepared,
)
from dateline.ingest.sinks import Known
from dateline.io.sources import BadInput
from dateline.record import content_id

if TYPE_CHECKING:
    from ray.data import Dataset

READ_BATCH = 8  # stories per actor call when their size is unknown
BATCH_CHARS = 24_000  # characters per actor call: about a second of reading, so that Ray's cost per
# call (a task, an Arrow batch each way, the object store) is a few per cent of it, and a lost batch cheap
MAX_READ_BATCH = 128
LIGHT_CPUS = 0  # dataset reads and their normalising: never wait for a CPU that the reader pool holds
WRITE_BATCH = 64  # stories per write transaction or record file
INSTALL_HINT = "the Ray engine needs the ray extra: pip install 'dateline[ray]'"
OUT_COLUMNS = ("id", "source", "error", "skipped", "prepared")


class RayMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


def require_ray():
    """Import ray (and check that Ray Data is there, without importing it: about 2.5 CPU seconds,
    paid only by a run that reads datasets) or raise ``RayMissing`` with the install command."""
    import importlib.util

    try:
        import ray

        found = importlib.util.find_spec("ray.data") is not None
    except ImportError:
        raise RayMissing() from None
    if not found:
        raise RayMissing()
    return ray


class StoryReader:
    """A Ray actor's state: one reader, loaded once, and the check for stories already written."""

    def __init__(self, model: str | None, known: Known) -> None:
        from dateline.reader import Reader

        self.reader = Reader(model=model)
        self.known = known

    def read(self, rows: list[dict[str, str]]) -> dict[str, list]:
        """A batch of rows sent by the driver (``_pool_results``): result columns, no Arrow."""
        return read_rows(self.reader, rows, self.known)

    def __call__(self, batch: dict[str, Any]):
        import pyarrow as pa

        columns = read_rows(self.reader, rows_of(batch), self.known)
        return pa.table(
            {
                "id": pa.array(columns["id"], pa.string()),
                "source": pa.array(columns["source"], pa.string()),
                "error": pa.array(columns["error"], pa.string()),
                "skipped": pa.array(columns["skipped"], pa.bool_()),
                "prepared": pa.array(columns["prepared"], pa.binary()),
            }
        )


def read_rows(reader, rows: Iterable[dict[str, str]], known: Known) -> dict[str, list]:
    """Read rows into result columns: a prepared story (pickled), a skip, or a failure each."""
    out: dict[str, list] = {name: [] for name in OUT_COLUMNS}

    def emit(sid: str, source: str | None, error: str = "", skipped: bool = False, data: bytes = b"") -> None:
        for name, value in zip(OUT_COLUMNS, (sid, source or "", error, skipped, data)):
            out[name].append(value)

    items = list(stories_of(rows))
    ids = [content_id(s.text) for s in items if not isinstance(s, BadInput)]
    done = known.filter(ids)
    todo = []
    for item in items:
        if isinstance(item, BadInput):
            emit("", item.source, item.reason)
        elif content_id(item.text) in done:
            emit(content_id(item.text), item.source, skipped=True)
        else:
            todo.append(item)
    for result in read_prepared(reader, todo, chunk=READ_BATCH):
        if isinstance(result, Failure):
            emit("", result.source, result.reason)
        else:
            emit(result.article.id, result.article.source, data=pickle.dumps(result, protocol=5))
    return out


def connect(address: str | None, workers: int | None = None, quiet: bool = True):
    """Join the cluster at ``address`` ("auto", "ray://host:10001", "host:6379"), else start one here."""
    ray = require_ray()
    if not ray.is_initialized():
        # No address: a fresh instance here ("local"), never a cluster Ray would find on its own.
        kwargs: dict[str, Any] = {"address": address} if address else {"address": "local", "num_cpus": workers}
        ray.init(logging_level="WARNING", log_to_driver=not quiet, configure_logging=True, **kwargs)
    return ray


def build_dataset(plan: Plan, *, model: str | None, known: Known, workers: int, read_batch: int | None = None):
    """One Ray Dataset of result rows over every planned input, streamed: the readers start on the
    first rows while the datasets are still being read (``read_batch`` stories per actor call,
    default sized to the stories' length, ``batch_rows``).

    Ray Data's actor pools restart a lost actor and retry its batches by default
    (``max_restarts=-1``, ``max_task_retries=-1``); the cluster test kills a node to check it.
    """
    import ray.data as rd

    read_batch = read_batch or batch_rows(plan)
    parts: list[Dataset] = []
    rows = _rows(plan)
    if rows:  # blocks of at most ``read_batch`` rows: a block of 27 would make a call of 26 and one of 1
        parts.append(rd.from_items(rows, override_num_blocks=max(1, min(-(-len(rows) // read_batch), 4096))))
    # Datasets stream beside the reader pool, which holds every CPU: their read tasks ask for no CPU
    # (a task that waited for one would never run) and at most ``workers`` run at once, so only a few
    # blocks of a big file are in flight; blocks are cut small (``_configure_data``) so that one big
    # file is spread over every reader rather than given to one.
    read: dict[str, Any] = {"include_paths": True, "ray_remote_args": {"num_cpus": LIGHT_CPUS}, "concurrency": workers}
    if plan.parquet:
        parts.append(_normalized(rd.read_parquet(plan.parquet, **read), workers))
    if plan.jsonl:
        parts.append(_normalized(rd.read_json(plan.jsonl, lines=True, **read), workers))
    ds = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    return ds.map_batches(
        StoryReader,
        fn_constructor_kwargs={"model": model, "known": known},
        batch_size=read_batch,
        compute=rd.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )


def _rows(plan: Plan) -> list[dict[str, str]]:
    return [path_row(p) for p in plan.files] + [story_row(s) for s in plan.stories if not isinstance(s, BadInput)]


AHEAD = 2  # batches queued per actor: the next one waits at the actor while it reads one


def _pool_results(ray, plan: Plan, *, model: str | None, known: Known, workers: int, read_batch: int):
    """Result columns of every planned file and story, read by ``workers`` plain Ray actors, in the
    order they finish. The driver sends each actor its batches of rows, ``AHEAD`` at a time, so
    that an actor never waits for the driver to write; a lost actor is restarted and its batches
    retried by Ray (``max_restarts``, ``max_task_retries``), as in Ray Data's actor pools."""
    rows = _rows(plan)
    if not rows:  # every planned story was bad input: nothing to read
        return
    batches = iter([rows[i : i + read_batch] for i in range(0, len(rows), read_batch)])
    actor = ray.remote(StoryReader).options(num_cpus=1, max_restarts=-1, max_task_retries=-1)
    actors = [actor.remote(model, known) for _ in range(max(1, min(workers, -(-len(rows) // read_batch))))]
    owner: dict[Any, Any] = {}  # result reference -> the actor reading it

    def send(reader) -> None:
        batch = next(batches, None)
        if batch is not None:
            owner[reader.read.remote(batch)] = reader

    try:
        for reader in actors:
            for _ in range(AHEAD):
                send(reader)
        while owner:
            (done,), _ = ray.wait(list(owner), num_returns=1)
            send(owner.pop(done))
            yield ray.get(done)
    finally:
        for reader in actors:
            ray.kill(reader)


def _columns_rows(columns: dict[str, list]):
    return (dict(zip(OUT_COLUMNS, values)) for values in zip(*(columns[c] for c in OUT_COLUMNS)))


def _normalized(ds, workers: int):
    """A dataset's rows as ``FIELDS`` columns, by tasks that, like its reads, ask for no CPU."""
    import ray.data as rd

    return ds.map_batches(normalize_batch, num_cpus=LIGHT_CPUS, compute=rd.TaskPoolStrategy(size=workers))


def batch_rows(plan: Plan) -> int:
    """Stories per actor call: ``BATCH_CHARS`` over the planned stories' mean length (a file's
    size stands for its story; datasets are taken to be like the rest, else ``READ_BATCH``)."""
    sizes = [_file_chars(f) for f in plan.files] + [len(s.text) for s in plan.stories if not isinstance(s, BadInput)]
    sizes = [n for n in sizes if n > 0]
    if not sizes:
        return READ_BATCH
    return max(1, min(MAX_READ_BATCH, BATCH_CHARS * len(sizes) // sum(sizes)))


def _file_chars(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


Progress = Callable[[int], None]


def ray_ingest(
    paths: Sequence[str],
    sink,
    *,
    address: str | None = None,
    workers: int | None = None,
    batch_size: int = WRITE_BATCH,
    model: str | None = None,
    read_batch: int | None = None,
    on_story: Progress | None = None,
    quiet: bool = True,
) -> IngestReport:
    """Read ``paths`` on the Ray cluster and write them through ``sink``. Safe to rerun at any time."""
    report = IngestReport()
    started = time.perf_counter()
    plan = plan_inputs(paths)
    report.failed += [Failure(b.source, b.reason) for b in plan.missing]
    report.failed += [Failure(s.source, s.reason) for s in plan.stories if isinstance(s, BadInput)]
    if not plan.empty:
        ray = connect(address, workers, quiet)
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        known = sink.known(ray.put)
        if plan.parquet or plan.jsonl:
            _configure_data(quiet, (read_batch or batch_rows(plan)) * BLOCK_ROW_BYTES)
            ds = build_dataset(plan, model=model, known=known, workers=pool, read_batch=read_batch)
            rows = ds.iter_rows()
        else:  # files and stories only: no Ray Data
            results = _pool_results(
                ray, plan, model=model, known=known, workers=pool, read_batch=read_batch or batch_rows(plan)
            )
            rows = (row for columns in results for row in _columns_rows(columns))
        try:
            _drain(rows, sink, report, batch_size, on_story, started)
        except KeyboardInterrupt:
            report.interrupted = True
    sink.record_failures(report.failed)
    report.seconds = time.perf_counter() - started
    return report


def _drain(rows, sink, report: IngestReport, batch_size: int, on_story: Progress | None, started: float) -> None:
    """Write the result rows as they arrive: stories in batches, failures into the report.

    The batch goes through the local ingest's flush (the sink has the store's ``write``)."""
    batch, seen = [], set()
    for row in rows:
        if row["error"]:
            report.failed.append(Failure(row["source"] or "<story>", row["error"]))
        elif row["skipped"] or row["id"] in seen:
            report.skipped += 1
        else:
            report.timing.startup = report.timing.startup or time.perf_counter() - started
            seen.add(row["id"])
            batch.append(pickle.loads(row["prepared"]))
            if len(batch) >= batch_size:
                flush_batch(sink, batch, report, on_story)
    flush_batch(sink, batch, report, on_story)


BLOCK_ROW_BYTES = 2048  # a dataset row's size as Arrow, about: blocks are cut to a few actor calls


def _configure_data(quiet: bool, block_bytes: int) -> None:
    """Ray Data's settings for a run. Parquet is read by Ray Data's first datasource: the second
    (Ray 2.60's default) lists a dataset by starting 32 ``FooterReader`` actors while the
    pipeline runs, and an actor needs a free CPU to be placed: with the reader pool holding every CPU
    they never were, and the streamed read waited for ever (or, after a worker node had been
    replaced, were placed on the new node while it was still starting its worker processes)."""
    from ray.data import DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = not quiet
    ctx.print_on_execution_start = not quiet
    ctx.target_max_block_size = max(block_bytes, 64 * 1024)
    ctx.use_datasource_v2 = False
