"""`dateline timeline FILE...`: what happened in each story, in time order."""

from __future__ import annotations

import typer

from dateline.cli.common import MODEL_OPT, PATHS_ARG, Tally, read_articles

FORMATS = ("table", "json")
COLUMNS = ("date", "relation", "type", "who", "with", "where", "modality", "trigger")


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)


def timeline(
    paths: list[str] = PATHS_ARG,
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    everything: bool = typer.Option(
        False, "--all", help="Also list statements (say) and later mentions of an event already listed."
    ),
    model: str = MODEL_OPT,
) -> None:
    """Print each story's events in time order: date (TIMEX3 value; * when inferred), past,
    today or planned relative to the story's day, type, who, with whom, where, modality.
    Each happening once, statements left out, unless --all."""
    import json

    from dateline.extract.events.timeline import timeline_rows

    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    tally = Tally()
    stories = [
        {"source": a.source, "headline": a.headline, "events": timeline_rows(a, everything)}
        for a in read_articles(paths, model, tally)
    ]
    if format == "json":
        typer.echo(json.dumps(stories, ensure_ascii=False, indent=2))
    else:
        typer.echo("\n\n".join(render_table(s) for s in stories))
    tally.finish()


def render_table(story: dict) -> str:
    """One story's timeline as an aligned plain-text table under its headline."""
    cells = [COLUMNS] + [tuple(_cell(row[c]) for c in COLUMNS) for row in story["events"]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    title = story["headline"] or story["source"] or ""
    return "\n".join(([title] if title else []) + lines)


def _cell(value) -> str:
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, list) else str(value)
