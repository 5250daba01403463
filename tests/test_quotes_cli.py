"""`dateline quotes`: table, CSV and JSON output on an invented story."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

STORY = (
    "Riverton harbour to reopen\n\n"
    '"The harbour will reopen on Monday," Mayor Elena Varga said on Friday.\n\n'
    "Shipping firms say the delay cost them millions.\n"
)


@pytest.fixture(scope="module")
def story_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes") / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return str(path)


def run(*args: str) -> str:
    from dateline.cli import app

    result = CliRunner().invoke(app, ["quotes", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_rows(story_file):
    rows = json.loads(run(story_file, "--format", "json"))
    direct = [r for r in rows if r["kind"] == "direct"]
    assert direct[0]["quote"] == "The harbour will reopen on Monday,"
    assert "Varga" in direct[0]["speaker"] and direct[0]["cue"] == "said"
    assert any(r["kind"] == "indirect" and r["cue"] == "say" for r in rows)


def test_csv_has_header_and_rows(story_file):
    rows = list(csv.DictReader(io.StringIO(run(story_file, "-f", "csv"))))
    assert {"speaker", "kind", "quote"} <= set(rows[0]) and len(rows) >= 2


def test_table_shows_speaker_and_kind(story_file):
    out = run(story_file)
    assert "Varga" in out and "direct" in out


def test_unknown_format_fails(story_file):
    from dateline.cli import app

    assert CliRunner().invoke(app, ["quotes", story_file, "-f", "xml"]).exit_code != 0
