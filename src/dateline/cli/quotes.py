"""`dateline quotes FILE...`: who said what, one row per quote (table, CSV or JSON)."""

from __future__ import annotations

import typer

from dateline.cli.common import MODEL_OPT, PATHS_ARG, Tally, read_articles
from dateline.extract.quotes.cite import attribution, citation, speaker_names

FORMATS = ("table", "csv", "json")
COLUMNS = (
    "file",
    "id",
    "speaker",
    "speaker_type",
    "anonymous",
    "kind",
    "modality",
    "cue",
    "start",
    "end",
    "quote",
    "sentence",
)


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)


def quotes(
    paths: list[str] = PATHS_ARG,
    format: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    sentences: bool = typer.Option(
        False, "--sentences", "-s", help="Table: show each quote's whole sentence with its attribution."
    ),
    model: str = MODEL_OPT,
) -> None:
    """Print every quote and reported statement with its speaker, kind and cue."""
    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    tally = Tally()
    rows = [
        row for article in read_articles(paths, model, tally, ("entities", "quotes")) for row in quote_rows(article)
    ]
    _print(rows, format, sentences)
    tally.finish()


def quote_rows(article) -> list[dict]:
    """One row per quote; ``sentence`` is the citation: its whole sentence, with the speaker."""
    record = article.to_dict()
    names = speaker_names(record)
    rows = []
    for q in record["quotes"]:
        name = names.get(q["speaker"]) if q["speaker"] else None
        rows.append(
            {
                "file": article.source,
                "id": q["id"],
                "speaker": name,
                "speaker_id": q["speaker"],
                "speakers": [names.get(i, i) for i in q.get("speakers") or ()],
                "speaker_type": q.get("speaker_type"),
                "anonymous": q["anonymous"],
                "kind": q["kind"],
                "modality": q.get("modality"),
                "cue": q["cue"],
                "start": q["start"],
                "end": q["end"],
                "quote": q["text"],
                "sentence": citation(article.text, q, name),
                "attribution": attribution(q, names),
            }
        )
    return rows


def _print(rows: list[dict], format: str, sentences: bool = False) -> None:
    if format == "json":
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format == "csv":
        import csv
        import sys

        writer = csv.DictWriter(
            sys.stdout, fieldnames=[*COLUMNS, "speaker_id"], lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        table.add_column("speaker", max_width=30)
        table.add_column("kind", no_wrap=True)
        table.add_column("sentence" if sentences else "quote", ratio=1)
        for r in rows:
            kind = r["kind"] if r["modality"] in (None, "asserted") else f"{r['kind']}, {r['modality']}"
            table.add_row(r["speaker"] or "—", kind, r["sentence"] if sentences else " ".join(r["quote"].split()))
        Console(soft_wrap=False).print(table)
