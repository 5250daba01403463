"""`dateline entity-merge`, `entity-split`, `entity-evidence`: an editor's corrections to the
archive's entities, kept in the archive and applied to every view (API: POST
/api/entities/{id}/merge and /split)."""

from __future__ import annotations

import dataclasses

import typer

from dateline.cli.archive import FORMAT_HELP, _db_option, _emit, _open, _print_json


def register(app: typer.Typer) -> None:
    app.command("entity-merge")(entity_merge)
    app.command("entity-split")(entity_split)
    app.command("entity-evidence")(entity_evidence)


def _correct(action) -> None:
    """Run one correction; an unknown id or an impossible correction is one line, exit 1."""
    try:
        done = action()
    except (LookupError, ValueError) as exc:
        typer.echo(f"error: {exc.args[0] if exc.args else exc}", err=True)
        raise typer.Exit(1) from None
    _print_json(dataclasses.asdict(done))


def entity_merge(
    source: int = typer.Argument(..., help="Archive entity id merged away."),
    into: int = typer.Argument(..., help="Archive entity id it is the same as."),
    note: str = typer.Option(None, "--note", help="Why, kept with the correction."),
    db: str = _db_option(),
) -> None:
    """Merge two archive entities: every story, quote and event of SOURCE goes to INTO."""
    with _open(db) as store:
        _correct(lambda: store.merge_entities(source, into, note=note))


def entity_split(
    entity: int = typer.Argument(..., help="Archive entity id."),
    stories: list[str] = typer.Argument(..., help="Ids of the stories that name someone else."),
    note: str = typer.Option(None, "--note", help="Why, kept with the correction."),
    db: str = _db_option(),
) -> None:
    """Split an archive entity: what STORIES say of it goes to a new entity of the same name."""
    with _open(db) as store:
        _correct(lambda: store.split_entity(entity, stories, note=note))


def entity_evidence(
    entity: int = typer.Argument(..., help="Archive entity id."),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    db: str = _db_option(),
) -> None:
    """How each story's entity joined this archive entity, and the editor's corrections."""
    with _open(db) as store:
        rows = store.entity_evidence(entity)
        fixes = store.corrections(entity)
    rows += [
        {
            "story": ",".join(c.stories),
            "name": f"{c.kind} {c.entity} -> {c.other}",
            "how": "editor",
            "score": None,
            "headline": c.note,
        }
        for c in fixes
    ]
    if format == "json":
        return _print_json(rows)
    _emit(rows, ["story", "name", "how", "score", "headline"], format)
