"""`dateline ingest --engine ray [--address ADDR] [--out DIR]`: the ingest on a Ray cluster.

``dateline ingest`` (``dateline.cli.archive``) hands over to ``ingest_ray`` when the Ray engine
or record files are asked for; the options are defined here so the two commands stay in step.
"""

from __future__ import annotations

import typer

from dateline.cli.sources import summary

ENGINE_OPT = typer.Option("local", "--engine", help="local (worker processes on this machine) or ray (a Ray cluster).")
ADDRESS_OPT = typer.Option(
    None,
    "--address",
    envvar="RAY_ADDRESS",
    help="Ray cluster to join (auto, host:6379, ray://host:10001); default: start one here.",
)
OUT_OPT = typer.Option(None, "--out", help="Write record files to this directory (data lake) instead of the archive.")
OUT_FORMAT_OPT = typer.Option("parquet", "--out-format", help="Record files: parquet or jsonl.")


def wants_ray(engine: str, out: str | None) -> bool:
    return engine != "local" or bool(out)


def ingest_ray(
    paths: list[str],
    *,
    engine: str,
    address: str | None,
    out: str | None,
    out_format: str = "parquet",
    db: str | None = None,
    workers: int = 0,
    batch_size: int = 64,
    model: str | None = None,
    quiet: bool = False,
) -> None:
    """Run the Ray ingest and print its summary; exit 1 when a story failed, 2 on a usage error."""
    from rich.console import Console

    console = Console(stderr=True)
    if engine not in ("local", "ray"):
        _usage(console, f"unknown engine {engine!r}: use local or ray")
    if engine != "ray":
        _usage(console, "--out writes record files from the Ray engine: add --engine ray")
    if out and out_format not in ("parquet", "jsonl"):
        _usage(console, f"unknown --out-format {out_format!r}: use parquet or jsonl")
    from dateline.ingest import RayMissing, ray_ingest, require_ray

    try:
        require_ray()
        if out and out_format == "parquet":
            import pyarrow  # noqa: F401
    except (RayMissing, ImportError):
        _usage(console, "the Ray engine needs the ray extra: pip install 'dateline[ray]'")
    sink = _sink(db, out, out_format)
    counter = _Counter(console, quiet)
    try:
        report = ray_ingest(
            paths,
            sink,
            address=address,
            workers=workers or None,
            batch_size=batch_size,
            model=model,
            on_story=counter.tick,
            quiet=True,
        )
    finally:
        sink.close()
    where = f"{out} ({out_format})" if out else (db or "dateline.db")
    console.print(
        f"added {report.added} to {where}, skipped {report.skipped} already there, "
        f"failed {len(report.failed)} in {report.seconds:.1f} s ({report.rate:.1f} stories/s)",
        highlight=False,
    )
    for line in summary(report)[1:]:  # languages; records passed over
        console.print(line, markup=False, highlight=False)
    for failure in report.failed[:50]:
        console.print(f"  failed {failure.source}: {failure.reason}", markup=False, highlight=False)
    if report.interrupted:
        console.print("interrupted: what was written is complete; rerun the same command to resume")
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


def _sink(db: str | None, out: str | None, out_format: str):
    from dateline.ingest import ArchiveSink, RecordSink

    if out:
        return RecordSink(out, out_format)
    from dateline.store import Store

    return ArchiveSink(Store.open(db or "dateline.db"))


def _usage(console, message: str) -> None:
    from rich.markup import escape

    console.print(f"[red]error[/red]: {escape(message)}", highlight=False)
    raise typer.Exit(2)


class _Counter:
    """One line of progress per written batch on a terminal (Ray's own bars are off)."""

    def __init__(self, console, quiet: bool) -> None:
        self.console, self.quiet, self.done = console, quiet or not console.is_terminal, 0

    def tick(self, n: int) -> None:
        self.done += n
        if not self.quiet:
            self.console.print(f"\r{self.done} stories written", end="", highlight=False)
