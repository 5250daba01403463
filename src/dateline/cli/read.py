"""`dateline read`: stories in, records out (JSON, JSON Lines, text digest, Markdown)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("read")(read)


def read(paths: list[str] = typer.Argument(None, help="Files, directories or globs; '-' or none for standard input."),
         format: str = typer.Option("json", "--format", "-f", help="json | jsonl | text | markdown"),
         model: str = typer.Option(None, "--model", help="Installed spaCy pipeline (or $DATELINE_MODEL).")) -> None:
    """Read stories and print their records."""
    import json
    import sys

    from dateline.reader import Reader

    reader = Reader(model=model)
    for path in paths or ["-"]:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        print(json.dumps(reader.read(text, source=path).to_dict(), ensure_ascii=False, indent=2))
