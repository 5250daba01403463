"""``dateline serve`` (the JSON API and pages over an archive) and ``dateline demo``."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.common import err

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DB_HELP = "Archive: SQLite file path or postgresql:// URL (default $DATELINE_DB or dateline.db)."
HOST_HELP = "Interface to listen on; loopback by default. Another address exposes the archive to the network."


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)


def serve(
    db: str = typer.Option(None, "--db", envvar="DATELINE_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help=HOST_HELP),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
) -> None:
    """Serve the archive: web pages at / and the JSON API at /api (OpenAPI at /openapi.json)."""
    _run(db or "dateline.db", host, port)


def demo(
    db: str = typer.Option("dateline-demo.db", "--db", help="Where to build the demo archive."),
    host: str = typer.Option("127.0.0.1", "--host", help=HOST_HELP),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", "-w", help="Reader processes for the ingest."),
) -> None:
    """Read the example stories shipped with dateline into a local archive and serve it."""
    from dateline.ingest import ingest
    from dateline.store import Store

    stories = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    with Store.open(db) as store:
        report = ingest(store, stories, workers=workers)
    err.print(f"demo archive {db}: {report.added} stories added, {report.skipped} already there", highlight=False)
    for failure in report.failed:
        err.print(f"[red]error[/red]: {failure.source}: {failure.reason}", highlight=False)
    _run(db, host, port)


def _run(db: str, host: str, port: int) -> None:
    import uvicorn

    from dateline.api import create_app

    err.print(f"serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
