"""`dateline ingest`, `search`, `show`, `entity`, `archive-quotes`, `threads`: the archive from the shell.

A thin layer over ``dateline.store.Store``. The archive is ``--db`` (a SQLite path or a
``postgresql://`` URL), else ``$DATELINE_DB``, else ``dateline.db`` in the current directory.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import typer

from dateline.cli.common import PUBLISHED_OPT, TOPICS_OPT, published_value, with_published
from dateline.cli.ray_ingest import ADDRESS_OPT, ENGINE_OPT, OUT_FORMAT_OPT, OUT_OPT, ingest_ray, wants_ray
from dateline.cli.sources import DELAY_OPT, FETCH_OPT, TIMEOUT_OPT, USER_AGENT_OPT, make_options, summary
from dateline.io.sources import iter_stories
from dateline.store.query import MAX_LIMIT

DB_HELP = "Archive: SQLite file path or postgresql:// URL (default $DATELINE_DB or dateline.db)."
FORMAT_HELP = "table | json | csv"
EXPORT_HELP = "table | json | csv | jsonl | geojson (csv, jsonl, geojson: the API's export columns, docs/web.md)"
SHOW_FORMATS = ("text", "markdown", "json")
# Columns holding story ids: a table never shortens or wraps them (they are typed back in).
ID_COLUMNS = ("id", "story")
T = TypeVar("T")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("show")(show)
    app.command("entity")(entity)
    app.command("archive-quotes")(archive_quotes)
    app.command("threads")(threads)


def _db_option() -> Any:
    return typer.Option(None, "--db", envvar="DATELINE_DB", help=DB_HELP)


def _open(db: str | None, thread_threshold: float | None = None):
    from dateline.store import Store, ThreadSettings

    settings = ThreadSettings() if thread_threshold is None else ThreadSettings(threshold=thread_threshold)
    return _Querying(Store.open(db or "dateline.db", threads=settings))


class _Querying:
    """The open store; a bad query, or one over its limits or time budget, is a one-line error, exit 2."""

    def __init__(self, store) -> None:
        self.store = store

    def __enter__(self):
        return self.store

    def __exit__(self, kind, exc, tb) -> None:
        from dateline.store.backend import QueryTimeout
        from dateline.store.query import QueryError

        self.store.close()
        if isinstance(exc, (QueryError, QueryTimeout)):
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None


def ingest(
    paths: list[str] = typer.Argument(
        ...,
        help="Files, directories, globs, JSON Lines, feeds (RSS, Atom, JSON Feed), WARC files or URLs ('-' for stdin).",
    ),
    db: str = _db_option(),
    workers: int = typer.Option(0, "--workers", "-w", help="Reader processes (default: all cores)."),
    batch_size: int = typer.Option(32, "--batch-size", help="Stories per write transaction."),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline (or $DATELINE_MODEL)."),
    topics: list[str] = TOPICS_OPT,
    thread_threshold: float = typer.Option(
        None,
        "--thread-threshold",
        help="Similarity for joining a story thread (default 0.15; lower gives broader, topic-like threads).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: str = ENGINE_OPT,
    address: str = ADDRESS_OPT,
    out: str = OUT_OPT,
    out_format: str = OUT_FORMAT_OPT,
    published: str | None = PUBLISHED_OPT,
    fetch: bool = FETCH_OPT,
    delay: float = DELAY_OPT,
    timeout: float = TIMEOUT_OPT,
    user_agent: str = USER_AGENT_OPT,
) -> None:
    """Read stories into the archive. Rerun any time: stories already there are skipped."""
    published = published_value(published)
    if published and wants_ray(engine, out):
        raise typer.BadParameter("not with the Ray engine yet", param_hint="--published")
    _check_topic_models(topics or ())
    if wants_ray(engine, out):  # the Ray engine, or record files: dateline.cli.ray_ingest
        if topics:
            typer.echo("error: --topics is not available with --engine ray or --out yet", err=True)
            raise typer.Exit(2)
        return ingest_ray(
            paths,
            engine=engine,
            address=address,
            out=out,
            out_format=out_format,
            db=db,
            workers=workers,
            batch_size=batch_size,
            model=model,
            quiet=quiet,
        )
    from rich.console import Console
    from rich.markup import escape

    from dateline.ingest import ingest as ingest_stories

    console = Console(stderr=True)
    with _open(db, thread_threshold) as store:
        with _progress(console, quiet) as tick:
            options = make_options(fetch, delay, timeout, user_agent)
            stories = with_published(iter_stories(paths, options=options), published) if published else None
            report = ingest_stories(
                store,
                paths,
                workers=workers or None,
                batch_size=batch_size,
                model=model,
                on_story=tick,
                stories=stories,
                topics=tuple(topics or ()),
                options=options,
            )
    for line in summary(report):
        console.print(line, highlight=False, markup=False)
    for warning in report.warnings[:50]:
        console.print(f"  [yellow]warning[/yellow] {escape(warning.source)}: {escape(warning.reason)}", highlight=False)
    for failure in report.failed[:50]:
        console.print(f"  [red]failed[/red] {escape(failure.source)}: {escape(failure.reason)}", highlight=False)
    if len(report.failed) > 50:
        console.print(f"  ... and {len(report.failed) - 50} more")
    if report.interrupted:
        console.print("interrupted: what was written is complete; rerun the same command to resume")
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


def _check_topic_models(paths: Sequence[str]) -> None:
    """Fail before any worker starts when a --topics directory is not a topic model."""
    from dateline.extract.themes.topics import TopicModelError, load

    for path in paths:
        try:
            load(path)
        except TopicModelError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None


class _progress:
    """A Rich progress line (stories and stories/s) fed by the ingest's per-batch callback."""

    def __init__(self, console, quiet: bool) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = (
            None
            if quiet or not console.is_terminal
            else Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} stories"),
                TextColumn("{task.fields[rate]:.1f} stories/s"),
                TimeElapsedColumn(),
                console=console,
            )
        )

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=None, rate=0.0)
        return self.tick

    def tick(self, n: int) -> None:
        if self.bar is None:
            return
        self.bar.advance(self.task, n)
        task = self.bar.tasks[0]
        self.bar.update(self.task, rate=task.completed / task.elapsed if task.elapsed else 0.0)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def search(
    words: list[str] = typer.Argument(None, help='Full-text query: words and "quoted phrases", all required.'),
    entity: str = typer.Option(None, "--entity", help="Stories mentioning this entity (name or id)."),
    speaker: str = typer.Option(None, "--speaker", help="Stories quoting this speaker (name or id)."),
    place: str = typer.Option(None, "--place", help="Place name or two-letter country code."),
    bbox: str = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat"),
    since: str = typer.Option(None, "--since", help="YYYY-MM-DD, YYYY-MM or YYYY (story or event date)."),
    until: str = typer.Option(
        None, "--until", help="YYYY-MM-DD, YYYY-MM or YYYY: to the end of that day, month or year."
    ),
    agency: str = typer.Option(None, "--agency", help="News agency, e.g. Reuters."),
    topic: str = typer.Option(None, "--topic", help="Topic code (medtop:11000000) or label (politics)."),
    all_versions: bool = typer.Option(False, "--all-versions", help="List superseded versions too."),
    sort: str = typer.Option(None, "--sort", help="relevance (default with words) | newest | oldest"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=MAX_LIMIT),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many hits (the next page)."),
    facets: bool = typer.Option(
        False, "--facets", help="Print facet counts (people, organisations, places, agencies) instead of the stories."
    ),
    format: str = typer.Option("table", "--format", "-f", help=EXPORT_HELP),
    db: str = _db_option(),
) -> None:
    """Search the archive by text, entity, speaker, place, dates, agency and topic: each hit with
    its date, dateline, agency and a snippet; the total goes to standard error. The filters are
    checked as the API and the pages check them (``SearchQuery``): a bad one is exit status 2."""
    from dateline.store.query import SearchQuery
    from dateline.views import search_view

    with _open(db) as store:
        query = SearchQuery.parse(
            q=" ".join(words or ()),
            entity=entity,
            speaker=speaker,
            place=place,
            bbox=bbox,
            since=since,
            until=until,
            agency=agency,
            topic=topic,
            all_versions=all_versions,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        view = search_view(store, query, facets=facets)
    found = view.results
    assert found is not None  # search_view answers every query (``always`` is left True)
    shown = f"{offset + 1}-{offset + len(found.hits)} of " if found.hits else ""
    typer.echo(f"{shown}{found.total} {'story' if found.total == 1 else 'stories'}, by {found.sort}", err=True)
    if facets:
        rows = [{"facet": name, **f.to_dict()} for name, counts in found.facets.items() for f in counts]
        return _emit(rows, ["facet", "label", "value", "count"], format)
    if not _exported(view, format):
        _emit([h.to_dict() for h in found.hits], ["id", "day", "dateline", "agency", "headline", "snippet"], format)


def show(
    story_id: str = typer.Argument(..., help="A story id, as `dateline search` lists it."),
    format: str = typer.Option("text", "--format", "-f", help=" | ".join(SHOW_FORMATS)),
    db: str = _db_option(),
) -> None:
    """Print a stored story's digest (as `dateline read --format text` does), or its JSON record."""
    from dateline.record import article_from_dict
    from dateline.render import render_markdown, render_text

    if format not in SHOW_FORMATS:
        raise typer.BadParameter(f"unknown format {format!r}: use {' | '.join(SHOW_FORMATS)}", param_hint="--format")
    with _open(db) as store:
        found = store.get_story(story_id.strip())
    found = _found_or_exit(found, f"no story {story_id!r} in the archive (ids are listed by `dateline search`)")
    if format == "json":
        return _print_json(found.to_dict())
    article = article_from_dict(found.record)
    if format == "markdown":
        typer.echo(render_markdown(article), nl=False)
        return
    lines = [
        f"id {found.id}",
        f"source {article.source}" if article.source else None,
        f"thread {found.thread}" + (f", {len(found.thread_stories)} other stories" if found.thread_stories else ""),
        f"versions {len(found.versions)}" + ("" if found.is_current else " (this one superseded)")
        if len(found.versions) > 1
        else None,
    ]
    typer.echo("ARCHIVE\n" + "".join(f"  {line}\n" for line in lines if line))
    typer.echo(render_text(article), nl=False)


def entity(
    name: str = typer.Argument(..., help="Entity name or archive id."),
    limit: int = typer.Option(20, "--limit", "-n"),
    format: str = typer.Option("table", "--format", "-f", help=EXPORT_HELP),
    db: str = _db_option(),
) -> None:
    """An entity's titles as the stories give them, quotes, events, co-occurring entities, places
    and mentions over time; csv, jsonl and geojson list the stories it appears in."""
    from dateline.views import entity_view

    with _open(db) as store:
        view = entity_view(store, name, limit=limit)
    view = _found_or_exit(view, f"no entity named {name!r} in the archive")
    profile = view.profile
    if format == "json":
        return _print_json(profile.to_dict())
    if _exported(view, format):
        return
    e = profile.entity
    rows = [
        {
            "section": "entity",
            "day": None,
            "text": f"{e.name} ({e.type}) id {e.id}",
            "detail": ", ".join(e.titles),
            "story": f"{e.n_stories} stories",
        }
    ]
    rows += [
        {
            "section": "title",
            "day": t.last_day,
            "text": t.title,
            "detail": f"since {t.first_day}",
            "story": f"{t.stories} stories",
        }
        for t in profile.titles
    ]
    rows += [
        {
            "section": "namesake",
            "day": None,
            "text": f"{o.name} id {o.id}",
            "detail": ", ".join(o.titles),
            "story": f"{o.n_stories} stories",
        }
        for o in profile.namesakes
    ]
    rows += [
        {"section": "quote", "day": q.day, "text": q.text, "detail": q.kind, "story": q.story} for q in profile.quotes
    ]
    rows += [
        {
            "section": "event",
            "day": ev.day,
            "text": ev.trigger,
            "detail": f"{ev.type} ({ev.role}, {ev.modality})",
            "story": ev.story,
        }
        for ev in profile.events
    ]
    rows += [
        {"section": "with", "day": None, "text": o.name, "detail": o.type, "story": f"{n} shared stories"}
        for o, n in profile.co_occurring
    ]
    rows += [
        {"section": "where", "day": None, "text": p.name, "detail": p.country, "story": f"{p.stories} stories"}
        for p in profile.places
    ]
    rows += [
        {
            "section": "month",
            "day": m.month,
            "text": f"{m.stories} stories, {m.mentions} mentions, {m.quotes} quotes",
            "detail": None,
            "story": None,
        }
        for m in profile.months
    ]
    rows += [
        {
            "section": "timeline",
            "day": d.day,
            "text": f"{d.stories} stories, {d.events} events",
            "detail": None,
            "story": None,
        }
        for d in profile.timeline
    ]
    rows += [
        {
            "section": "tone",
            "day": d.day,
            "text": f"{d.mentions} mentions, mean polarity {d.mean:+.2f}",
            "detail": f"{d.positive} positive, {d.negative} negative",
            "story": None,
        }
        for d in profile.tone
    ]
    _emit(rows, ["section", "day", "text", "detail", "story"], format)


def archive_quotes(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name or archive entity id."),
    text: str = typer.Option(None, "--text", help="Quotes containing this text."),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    limit: int = typer.Option(50, "--limit", "-n"),
    format: str = typer.Option("table", "--format", "-f", help=EXPORT_HELP),
    db: str = _db_option(),
) -> None:
    """Who said what, across the archive (``dateline quotes FILE`` reads single stories)."""
    from dateline.views import quotes_view

    with _open(db) as store:
        view = quotes_view(store, speaker=speaker, text=text, since=since, until=until, limit=limit)
    if _exported(view, format):
        return
    quotes = view.quotes
    rows = [{**q.to_dict(), "speaker": q.speaker.name if q.speaker else q.speaker_text} for q in quotes]
    _emit(rows, ["day", "speaker", "kind", "text", "story"], format)


def threads(
    limit: int = typer.Option(20, "--limit", "-n"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    db: str = _db_option(),
) -> None:
    """The biggest story threads (stories about the same event)."""
    with _open(db) as store:
        rows = [t.to_dict() for t in store.threads(limit=limit)]
    _emit(rows, ["thread", "stories", "first_day", "last_day", "headline"], format)


def _found_or_exit(found: T | None, message: str) -> T:
    """A look-up that found nothing ends the command with ``message`` and exit status 1;
    else what it found."""
    if found is None:
        typer.echo(message, err=True)
        raise typer.Exit(1)
    return found


def _exported(view: Any, format: str) -> bool:
    """Print the view's rows as a CSV, JSON Lines or GeoJSON file (the API's export); False for
    the other formats, which the command prints itself."""
    from dateline.views.export import FORMATS, render

    if format not in FORMATS:
        return False
    sys.stdout.write(render(view.table(), format) + ("\n" if format == "geojson" else ""))
    return True


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _emit(rows: Sequence[dict[str, Any]], columns: Iterable[str], format: str) -> None:
    """Print rows as a Rich table, a JSON array or CSV (the named columns; JSON keeps all)."""
    columns = list(columns)
    if format == "json":
        _print_json(list(rows))
    elif format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    elif format == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for c in columns:
            if c in ID_COLUMNS:  # the full id, whatever the terminal's width
                width = max([len(c)] + [len(str(r.get(c) or "")) for r in rows])
                table.add_column(c, no_wrap=True, min_width=width)
            else:
                table.add_column(c)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console().print(table)
    else:
        raise typer.BadParameter(f"unknown format {format!r}: use {FORMAT_HELP}")
