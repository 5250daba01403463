"""`dateline places FILE` and `dateline gazetteer build|import|info`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer

gazetteer_app = typer.Typer(help="The embedded GeoNames gazetteer places are resolved against.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("places")(places)
    app.add_typer(gazetteer_app, name="gazetteer")


def places(
    paths: list[str] = typer.Argument(None, help="Story files; '-' or none for standard input."),
    format: str = typer.Option("table", "--format", "-f", help="table | json | geojson"),
    model: str = typer.Option(None, "--model", help="Installed spaCy pipeline."),
) -> None:
    """Print a story's places: name, GeoNames id, coordinates, country, feature."""
    from dateline.reader import Reader

    reader = Reader(model=model, extractors=["entities", "places"])
    for path in paths or ["-"]:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        found = reader.read(text, source=path).places
        if format == "json":
            typer.echo(json.dumps([_plain(p) for p in found], ensure_ascii=False, indent=2))
        elif format == "geojson":
            typer.echo(json.dumps(to_geojson(found, source=path), ensure_ascii=False, indent=2))
        else:
            _table(found, path)


def to_geojson(found, source: str | None = None) -> dict:
    """A GeoJSON FeatureCollection of the resolved places (unresolved ones have no point)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "name": p.name,
                "geonames_id": p.geonames_id,
                "country": p.country,
                "feature": p.feature,
                "metonym": p.metonym,
                "kind": p.kind,
                "mentions": [[m.start, m.end, m.text] for m in p.mentions],
            },
        }
        for p in found
        if p.lat is not None
    ]
    return {"type": "FeatureCollection", "features": features, **({"source": source} if source else {})}


def _plain(place) -> dict:
    from dateline.record import _plain as plain

    return plain(place)


def _table(found, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in ("place", "geonames", "lat", "lon", "country", "feature", "mentions"):
        table.add_column(column)
    for p in sorted(found, key=lambda p: (p.country or "~", p.name)):
        name = p.name + (f" ({p.kind})" if p.kind != "literal" else "")
        gid = str(p.geonames_id or "region") if p.lat is not None else f"unresolved {len(p.candidates)} cand."
        table.add_row(name, gid, _num(p.lat), _num(p.lon), p.country or "", p.feature or "", str(len(p.mentions)))
    Console().print(table)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


@gazetteer_app.command("build")
def build(
    path: str = typer.Option(
        None, "--path", help="Where to write it (default: $DATELINE_GAZETTEER or the user data directory)."
    ),
    force: bool = typer.Option(False, "--force", help="Rebuild even if it exists."),
) -> None:
    """Build the gazetteer from the GeoNames data that installed packages ship."""
    from dateline.geo.gazetteer import default_path, ensure

    target = Path(path) if path else default_path()
    if force and target.exists():
        target.unlink()
    if target.exists():
        typer.echo(f"{target} exists (use --force to rebuild)")
        return
    ensure(target)


@gazetteer_app.command("import")
def import_(
    dump: str = typer.Argument(..., help="GeoNames dump: allCountries.zip, RU.zip, cities15000.txt..."),
    path: str = typer.Option(None, "--path", help="Gazetteer file (default location if omitted)."),
    only: bool = typer.Option(
        False,
        "--only",
        help="Without the packaged data: a gazetteer of this dump alone (or added to the file as it is).",
    ),
) -> None:
    """Add a raw GeoNames dump (tab-separated 'geoname' table) to the gazetteer."""
    from rich.progress import Progress

    from dateline.geo.build import import_dump
    from dateline.geo.gazetteer import default_path, ensure

    target = (Path(path) if path else default_path()) if only else ensure(path)
    started = time.perf_counter()
    with Progress(transient=True) as bar:
        task = bar.add_task(f"importing {Path(dump).name}", total=None)
        count = import_dump(target, dump, progress=lambda _stage, done: bar.update(task, completed=done))
    typer.echo(f"imported {count:,} entries from {dump} into {target} in {time.perf_counter() - started:.0f} s")


@gazetteer_app.command("info")
def info(path: str = typer.Option(None, "--path", help="Gazetteer file (default location if omitted).")) -> None:
    """Where the gazetteer is, its size, what it was built from and how fast a look-up is."""
    from dateline.geo import fold
    from dateline.geo.gazetteer import Gazetteer, ensure

    target = ensure(path)
    gaz = Gazetteer(target)
    rows = gaz._conn.execute("SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names)").fetchone()
    typer.echo(f"path: {target}\nsize: {target.stat().st_size / 1e6:.1f} MB\nentries: {rows[0]:,}\nnames: {rows[1]:,}")
    for key, value in sorted(gaz.meta().items()):
        typer.echo(f"{key}: {value}")
    probes = ["london", "paris", "springfield", "washington", "new york", "moscow", "texas", "lagos"]
    started = time.perf_counter()
    for probe in probes:
        gaz.lookup(fold(probe))
    typer.echo(f"look-up: {1000 * (time.perf_counter() - started) / len(probes):.2f} ms per uncached name")
