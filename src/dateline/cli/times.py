"""`dateline times FILE...`: the time expressions of stories with their TIMEX3 values."""

from __future__ import annotations

import typer

FORMATS = ("table", "json", "csv")


def register(app: typer.Typer) -> None:
    app.command("times")(times)


def times(
    paths: list[str] = typer.Argument(..., help="Story files ('-' for standard input)."),
    format: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    anchor: str = typer.Option(None, "--anchor", help="YYYY-MM-DD to use when a story has no date."),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline (or $DATELINE_MODEL)."),
) -> None:
    """Print every time expression with its type and value, resolved on the story's own date."""
    import sys
    from datetime import date

    from dateline.reader import Reader

    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    fallback = date.fromisoformat(anchor) if anchor else None
    reader = Reader(model=model, extractors=("timexes",))
    rows: list[dict] = []
    for path in paths:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        article = reader.read(text, source=path, anchor=fallback)
        story_date = article.dateline.date or (article.published or "")[:10] or anchor
        rows.extend(
            {
                "file": path,
                "anchor": story_date,
                "id": t.id,
                "start": t.start,
                "end": t.end,
                "type": t.type,
                "value": t.value,
                "text": t.text,
            }
            for t in article.timexes
        )
    typer.echo(render(rows, format))


def render(rows: list[dict], format: str) -> str:
    """The rows as an aligned table, JSON or CSV."""
    import csv
    import io
    import json

    columns = ("file", "anchor", "id", "start", "end", "type", "value", "text")
    if format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    cells = [columns] + [tuple(str(r[c] if r[c] is not None else "") for c in columns) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells)
