"""`dateline topics train`: a topic model for a newsroom's own taxonomy, from labelled stories."""

from __future__ import annotations

from pathlib import Path

import typer

topics_app = typer.Typer(help="Topic models: train one on your own labelled stories.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(topics_app, name="topics")


@topics_app.command("train")
def train(
    file: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help='JSON Lines: {"text": ..., "topics": [code | {"code", "label"}]} a line.'
    ),
    scheme: str = typer.Option(..., "--scheme", help="The taxonomy's name, written in each topic of the record."),
    out: Path = typer.Option(..., "--out", help="Directory to write the model to (model.json, weights.npz)."),
    min_examples: int = typer.Option(2, "--min-examples", help="Leave out topics with fewer stories."),
    c: float = typer.Option(1.0, "--c", help="The linear SVM's regularisation (higher fits harder)."),
    min_df: int = typer.Option(2, "--min-df", help="Keep words and word pairs seen in this many stories."),
) -> None:
    """Train a multi-label topic model (tf-idf and one linear SVM per topic) and write it as plain
    data; apply it with `dateline read|ingest --topics DIR`."""
    from dateline.extract.themes.topics import TopicModelError, read_examples
    from dateline.extract.themes.topics import train as fit

    try:
        examples, labels = read_examples(file)
        model = fit(
            examples,
            scheme,
            labels=labels,
            min_df=min_df,
            min_examples=min_examples,
            c=c,
            made=f"dateline topics train on {len(examples)} stories of {file.name}",
        )
    except TopicModelError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    model.save(out)
    typer.echo(
        f"{scheme}: {len(model.codes)} topics from {len(examples)} stories, {len(model.vocabulary)} terms -> {out}"
    )
