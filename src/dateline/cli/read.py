"""`dateline read`: stories in, records out (JSON, JSON Lines, a text digest, Markdown)."""
from __future__ import annotations

import json
from enum import Enum

import typer

from dateline.cli.common import MODEL_OPT, PATHS_ARG, PUBLISHED_OPT, TOPICS_OPT, Tally, published_value, read_articles


class ReadFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    app.command("read")(read)


def read(paths: list[str] = PATHS_ARG,
         format: ReadFormat = typer.Option(ReadFormat.json, "--format", "-f", help="Output format."),
         model: str = MODEL_OPT,
         topics: list[str] = TOPICS_OPT,
         no_text: bool = typer.Option(False, "--no-text", help="Leave the story text out of JSON records."),
         published: str = PUBLISHED_OPT) -> None:
    """Read stories and print their records: one JSON object (an array for several), JSON Lines,
    or a readable digest."""
    from dateline.render import render_markdown, render_text

    tally = Tally()
    articles = read_articles(paths, model, tally, published=published_value(published), topics=topics or ())
    if format is ReadFormat.json:
        records = [_dict(a, no_text) for a in articles]
        if records:
            typer.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    elif format is ReadFormat.jsonl:
        for article in articles:
            typer.echo(json.dumps(_dict(article, no_text), ensure_ascii=False))
    else:
        render = render_text if format is ReadFormat.text else render_markdown
        for i, article in enumerate(articles):
            if i:
                typer.echo("\n" + "=" * 72 + "\n" if format is ReadFormat.text else "\n---\n")
            if format is ReadFormat.text and article.source:
                typer.echo(f"SOURCE\n  {article.source}\n")
            typer.echo(render(article), nl=False)
    tally.finish()


def _dict(article, no_text: bool) -> dict:
    data = article.to_dict()
    if no_text:
        data.pop("text", None)
    return data
