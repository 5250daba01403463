"""`dateline quotes FILE...`: who said what, one row per quote (table, CSV or JSON)."""
from __future__ import annotations

import typer

from dateline.cli.common import MODEL_OPT, PATHS_ARG, Tally, read_articles

FORMATS = ("table", "csv", "json")
COLUMNS = ("file", "id", "speaker", "anonymous", "kind", "cue", "start", "end", "quote")


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)


def quotes(paths: list[str] = PATHS_ARG,
           format: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
           model: str = MODEL_OPT) -> None:
    """Print every quote and reported statement with its speaker, kind and cue."""
    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    tally = Tally()
    rows = [row for article in read_articles(paths, model, tally, ("entities", "quotes"))
            for row in quote_rows(article)]
    _print(rows, format)
    tally.finish()


def speaker_names(article) -> dict[str, str]:
    """A display name per speaker id: the entity's name, else the first words naming it."""
    names = {e.id: e.name for e in article.entities}
    for q in article.quotes:
        if q.speaker and q.speaker not in names and q.speaker_text:
            names[q.speaker] = q.speaker_text
    return names


def quote_rows(article) -> list[dict]:
    names = speaker_names(article)
    return [{"file": article.source, "id": q.id, "speaker": names.get(q.speaker) if q.speaker else None,
             "speaker_id": q.speaker, "anonymous": q.anonymous, "kind": q.kind, "cue": q.cue,
             "start": q.start, "end": q.end, "quote": q.text} for q in article.quotes]


def _print(rows: list[dict], format: str) -> None:
    if format == "json":
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format == "csv":
        import csv
        import sys

        writer = csv.DictWriter(sys.stdout, fieldnames=[*COLUMNS, "speaker_id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        table.add_column("speaker", max_width=30)
        table.add_column("kind", no_wrap=True)
        table.add_column("quote", ratio=1)
        for r in rows:
            table.add_row(r["speaker"] or "—", r["kind"], " ".join(r["quote"].split()))
        Console(soft_wrap=False).print(table)
