"""`dateline eval ...`: score dateline on public benchmarks (data read from disk, never shipped)."""

from __future__ import annotations

import importlib

import typer

eval_app = typer.Typer(
    help="Evaluate on public annotated news benchmarks and print standard metrics.", no_args_is_help=True
)

# Each module defines ``register(eval_app)``; add a module here to add an evaluation.
EVAL_MODULES: tuple[str, ...] = (
    "dateline.eval.reuters21578",
    "dateline.eval.geo",
    "dateline.eval.datelines",
    "dateline.eval.polnear",
    "dateline.eval.threads",
    "dateline.eval.identity",
    "dateline.eval.timeml",
    "dateline.eval.conll",
    "dateline.eval.coref",
    "dateline.eval.meantime",
    "dateline.eval.topics",
    "dateline.eval.newsmtsc",
    "dateline.eval.layouts",
)


def register(app: typer.Typer) -> None:
    for name in EVAL_MODULES:
        importlib.import_module(name).register(eval_app)
    app.add_typer(eval_app, name="eval")
