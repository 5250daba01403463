"""`dateline timeline`: an invented story's events in time order, as a table and as JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.cli import app

STORY = """Sander meets Holm in Oslo

Wednesday, 10 March 2021 07:35 GMT

OSLO, March 10 (Wire) - Norland's Foreign Minister Ivo Sander arrived in Oslo on Wednesday for talks with \
Estland's Prime Minister Marta Holm.

Sander will meet Holm on Friday, officials said.

Holm visited Madrid in 2019.
"""


@pytest.fixture(scope="module")
def story_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_timeline_json_is_in_time_order(story_file):
    result = CliRunner().invoke(app, ["timeline", str(story_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)[0]["events"]
    dated = [e["date"].rstrip("*") for e in events if e["date"]]
    assert dated and dated == sorted(dated)
    assert any(e["type"] == "visit" and e["relation"] == "past" for e in events)
    assert any(e["type"] == "meet" and e["modality"] == "planned" for e in events)


def test_timeline_table_has_a_header(story_file):
    result = CliRunner().invoke(app, ["timeline", str(story_file)])
    assert result.exit_code == 0, result.output
    assert "relation" in result.stdout and "arrive" in result.stdout


def test_bad_format_is_a_usage_error(story_file):
    result = CliRunner().invoke(app, ["timeline", str(story_file), "--format", "xml"])
    assert result.exit_code != 0
