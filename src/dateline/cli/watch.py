"""`dateline watch`: keep an archive current from feeds, URLs and folders (see dateline.ingest.watch)."""

from __future__ import annotations

import json
import signal

import typer

from dateline.cli.sources import DELAY_OPT, FETCH_OPT, TIMEOUT_OPT, USER_AGENT_OPT, make_options, summary


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)


def watch(
    sources: list[str] = typer.Argument(..., help="Feed URLs or files, page URLs, folders or files."),
    db: str = typer.Option(
        None, "--db", envvar="DATELINE_DB", help="Archive: SQLite file path or postgresql:// URL (default dateline.db)."
    ),
    every: float = typer.Option(300.0, "--every", help="Seconds from the start of one poll to the next."),
    polls: int = typer.Option(0, "--polls", help="Stop after this many polls (default: run until stopped)."),
    log: str = typer.Option(None, "--log", help="Append one JSON line per poll to this file."),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline (or $DATELINE_MODEL)."),
    fetch: bool = FETCH_OPT,
    delay: float = DELAY_OPT,
    timeout: float = TIMEOUT_OPT,
    user_agent: str = USER_AGENT_OPT,
) -> None:
    """Poll feeds and folders on a schedule and ingest what is new. Ctrl-C stops it at any moment:
    what was committed stays, and the next run reads the rest."""
    from rich.console import Console

    from dateline.cli.common import make_reader
    from dateline.ingest.watch import Watcher
    from dateline.store import Store

    console = Console(stderr=True)
    reader = make_reader(model)

    def record(poll) -> None:
        console.print(f"{poll.started} " + "; ".join(summary(poll.report)), highlight=False, markup=False)
        for failure in poll.report.failed:
            console.print(f"  failed {failure.source}: {failure.reason}", highlight=False, markup=False)
        if log:
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps(poll.to_dict(), ensure_ascii=False) + "\n")

    before = signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops as cleanly as Ctrl-C
    with Store.open(db or "dateline.db") as store:
        watcher = Watcher(store, sources, reader=reader, options=make_options(fetch, delay, timeout, user_agent))
        try:
            watcher.run(every, polls=polls or None, log=record)
        except KeyboardInterrupt:  # between polls: nothing in flight
            pass
        finally:
            signal.signal(signal.SIGTERM, before)
    console.print("stopped: everything read so far is in the archive; rerun to go on")
