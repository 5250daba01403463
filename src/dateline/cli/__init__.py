"""The command line: a thin layer over the Python API. One module per command group."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="dateline",
    help="Read news stories: structure, who, who said what, when, where and what happened.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from dateline import __version__

        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """dateline reads news stories into evidence-backed records."""


# Each module defines ``register(app)``; add a module here to add its commands.
COMMAND_MODULES = (
    "dateline.cli.read",
    "dateline.cli.evaluate",
    "dateline.cli.places",
    "dateline.cli.quotes",
    "dateline.cli.times",
    "dateline.cli.archive",
    "dateline.cli.identity",
    "dateline.cli.timeline",
    "dateline.cli.serve",
    "dateline.cli.topics",
    "dateline.cli.watch",
)


def _load_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_load_commands()


def main() -> None:
    """The console entry point: a file or folder that is not there is one line on stderr and
    exit status 2, not a traceback."""
    try:
        app()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise SystemExit(2) from exc
