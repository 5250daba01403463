"""Target-dependent sentiment on NewsMTSC (Hamborg & Donnay, EACL 2021): the shipped model's
F1m, the dataset's measure (macro F1 over negative, neutral and positive), and accuracy.
A VADER baseline (compound score of the whole sentence, ±0.05) is printed beside it."""

from __future__ import annotations

from pathlib import Path

import typer


def vader_baseline(rows) -> list[int]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = []
    for target, _ in rows:
        c = analyzer.polarity_scores(target.sentence)["compound"]
        out.append(1 if c >= 0.05 else -1 if c <= -0.05 else 0)
    return out


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("newsmtsc")
    def newsmtsc(
        file: Path = typer.Argument(
            ..., exists=True, dir_okay=False, help="NewsMTSC JSON Lines, e.g. ../shared/data/newsmtsc/rw-dev.jsonl"
        ),
        model: Path = typer.Option(None, "--model", help="A sentiment model directory (default: shipped)."),
        spacy_model: str = typer.Option(None, "--spacy-model", help="spaCy pipeline that parses the sentences."),
        baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score VADER."),
    ) -> None:
        """Target-dependent sentiment F1m (macro F1 of -1/0/1) on NewsMTSC."""
        from dateline.extract.themes.sentiment import default_model, load, macro_f1, read_newsmtsc
        from dateline.nlp import load_pipeline

        rows = read_newsmtsc(file, load_pipeline(spacy_model))
        m = load(model) if model else default_model()
        gold = [g for _, g in rows]
        systems = {"dateline": [m.predict(t)[0] for t, _ in rows]}
        if baseline:
            systems["vader (sentence)"] = vader_baseline(rows)
        typer.echo(f"{len(rows)} target mentions")
        for name, pred in systems.items():
            s = macro_f1(gold, pred)
            typer.echo(
                f"{name:18s} F1m {s['f1m']:.4f}  accuracy {s['accuracy']:.4f}  "
                f"F1 neg {s['f1[-1]']:.3f} neu {s['f1[0]']:.3f} pos {s['f1[1]']:.3f}"
            )
