"""The archive commands on a SQLite archive of invented records (no NLP): show, search, tables."""

from __future__ import annotations

import json

import pytest
from store_fixtures import FLOOD, HARBOUR
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "archive.db")
    with Store.open(path) as store:
        store.add([HARBOUR, FLOOD])
    return path


def run(*args: str, columns: int = 80):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


def test_show_prints_the_digest_of_a_stored_story(db):
    out = run("show", HARBOUR.id, "--db", db)
    assert out.exit_code == 0, out.output
    assert HARBOUR.id in out.output
    assert "Headline: Velt and Brandt agree fishing quotas in Lisbon" in out.output
    assert "WHO SAID WHAT" in out.output and "Mara Velt [direct, said]: We have a deal on quotas," in out.output


def test_show_markdown_and_json(db):
    md = run("show", FLOOD.id, "--db", db, "--format", "markdown")
    assert md.exit_code == 0 and md.output.startswith("# Floods cut roads around Nairobi")
    js = run("show", FLOOD.id, "--db", db, "--format", "json")
    assert json.loads(js.output)["record"] == FLOOD.to_dict()


def test_show_unknown_id_or_format_is_a_clear_error(db):
    missing = run("show", "0" * 16, "--db", db)
    assert missing.exit_code == 1 and "no story" in missing.output
    bad = run("show", FLOOD.id, "--db", db, "--format", "pdf")
    assert bad.exit_code == 2 and "unknown format" in bad.output


@pytest.mark.parametrize("columns", [40, 80, 200])
def test_tables_never_cut_story_ids(db, columns):
    found = run("search", "--db", db, columns=columns)
    assert found.exit_code == 0
    assert HARBOUR.id in found.output and FLOOD.id in found.output
    quotes = run("archive-quotes", "--db", db, columns=columns)
    assert HARBOUR.id in quotes.output and FLOOD.id in quotes.output


def test_search_prints_total_snippet_and_pages(db):
    first = run("search", "--db", db, "--limit", "1", "--format", "json")
    second = run("search", "--db", db, "--limit", "1", "--offset", "1", "--format", "json")
    assert "1-1 of 2 stories, by newest" in first.stderr and "2-2 of 2 stories" in second.stderr
    (a,), (b,) = json.loads(first.stdout), json.loads(second.stdout)
    assert {a["id"], b["id"]} == {HARBOUR.id, FLOOD.id}
    hit = json.loads(run("search", "water", "--db", db, "--format", "json").stdout)[0]
    assert [hit["snippet"][s:e] for s, e in hit["marks"]] == ["water"]
    csv_out = run("search", "water", "--db", db, "--format", "csv", "--sort", "oldest").stdout
    assert (
        csv_out.splitlines()[0]
        == "id,day,published,headline,agency,dateline,place,country,lat,lon,snippet,source,thread,score"
    )
    assert run("search", "--db", db, "--sort", "loudest").exit_code == 2


def test_search_facets(db):
    rows = json.loads(run("search", "fishing", "--db", db, "--facets", "--format", "json").stdout)
    assert {"facet": "agencies", "value": "Reuters", "label": "Reuters", "count": 1} in rows
    assert any(r["facet"] == "people" and r["label"] == "Mara Velt" for r in rows)


def test_cli_exports_match_the_api_columns(db):
    from dateline.views.export import APPEARANCE_COLUMNS, QUOTE_COLUMNS

    lines = run("search", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert {json.loads(line)["id"] for line in lines} == {HARBOUR.id, FLOOD.id}
    geo = json.loads(run("search", "fishing", "--db", db, "--format", "geojson").stdout)
    assert [f["properties"]["place"] for f in geo["features"]] == ["Lisbon"]
    quotes = run("archive-quotes", "--db", db, "--format", "csv").stdout
    assert quotes.splitlines()[0] == ",".join(QUOTE_COLUMNS)
    entity = run("entity", "Mara Velt", "--db", db, "--format", "csv").stdout
    assert entity.splitlines()[0] == ",".join(APPEARANCE_COLUMNS) and HARBOUR.id in entity
    table = run("entity", "Mara Velt", "--db", db, columns=200).stdout
    assert "foreign minister" in table and "Lisbon" in table and "2031-03" in table
