"""`dateline read`: stories in, records out (JSON, JSON Lines, a text digest, Markdown)."""

from __future__ import annotations

import itertools
import json
import textwrap
from enum import Enum

import typer

from dateline.cli.common import MODEL_OPT, PATHS_ARG, PUBLISHED_OPT, TOPICS_OPT, Tally, published_value, read_articles
from dateline.io.hygiene import scrub


class ReadFormat(str, Enum):  # noqa: UP042  (StrEnum would change str() of a member)
    json = "json"
    jsonl = "jsonl"
    text = "text"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    app.command("read")(read)


def read(
    paths: list[str] = PATHS_ARG,
    format: ReadFormat = typer.Option(ReadFormat.json, "--format", "-f", help="Output format."),
    model: str = MODEL_OPT,
    topics: list[str] = TOPICS_OPT,
    no_text: bool = typer.Option(False, "--no-text", help="Leave the story text out of JSON records."),
    published: str = PUBLISHED_OPT,
) -> None:
    """Read stories and print their records: one JSON object (an array for several), JSON Lines,
    or a readable digest."""
    from dateline.render import render_markdown, render_text

    tally = Tally()
    articles = read_articles(paths, model, tally, published=published_value(published), topics=topics or ())
    if format is ReadFormat.json:
        _json_stream(_dict(a, no_text) for a in articles)
    elif format is ReadFormat.jsonl:
        for article in articles:
            _echo(json.dumps(_dict(article, no_text), ensure_ascii=False))
    else:
        render = render_text if format is ReadFormat.text else render_markdown
        for i, article in enumerate(articles):
            if i:
                _echo("\n" + "=" * 72 + "\n" if format is ReadFormat.text else "\n---\n")
            if format is ReadFormat.text and article.source:
                _echo(f"SOURCE\n  {article.source}\n")
            _echo(render(article), nl=False)
    tally.finish()


def _json_stream(records) -> None:
    """One record as an object, several as an array, each written as soon as it is read."""
    first = next(records, None)
    if first is None:
        return
    second = next(records, None)
    if second is None:
        _echo(json.dumps(first, ensure_ascii=False, indent=2))
        return
    _echo("[")
    for n, record in enumerate(itertools.chain((first, second), records)):
        _echo((",\n" if n else "") + textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  "), nl=False)
    _echo("\n]")


def _echo(text: str, nl: bool = True) -> None:
    """Output is always valid UTF-8: anything that slipped past the door's hygiene is replaced."""
    typer.echo(scrub(text), nl=nl)


def _dict(article, no_text: bool) -> dict:
    data = article.to_dict()
    if no_text:
        data.pop("text", None)
    return data
