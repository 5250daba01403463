"""`dateline read` end to end through the CLI runner (the real spaCy model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

STORIES = Path(__file__).parent / "fixtures" / "stories"
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_read_json_record():
    result = run("read", str(STORIES / "reuters_summit.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "dateline.article/1"
    assert record["headline"].startswith("Freedonia's Marlow")
    assert record["dateline"] == {
        "places": ["Lisbon", "Madrid"],
        "region": None,
        "country": "PT",
        "date": "2024-03-12",
        "agency": "Reuters",
    }
    assert record["credits"]["editing"] == ["Peter Grant", "Laura Wood"]
    text = record["text"]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_read_directory_jsonl():
    result = run("read", str(STORIES), "--format", "jsonl", "--no-text")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(list(STORIES.iterdir()))
    assert all("text" not in r for r in lines)


@pytest.mark.parametrize("fmt, needle", [("text", "HEADLINE"), ("markdown", "## Story")])
def test_read_digest(fmt, needle):
    result = run("read", str(STORIES / "ap_storm.txt"), "--format", fmt)
    assert result.exit_code == 0
    assert needle.lower() in result.stdout.lower()
    assert "Lena Park" in result.stdout


def test_read_stdin():
    result = run("read", "-", input="WASHINGTON (AP) — Lawmakers met on Tuesday.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["dateline"]["places"] == ["Washington"]


def test_bad_files_are_reported_and_good_ones_written(tmp_path):
    (tmp_path / "good.txt").write_text("PARIS (AFP) - A good story about the weather.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02")
    result = run("read", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt: empty" in result.stderr and "bin.dat: binary" in result.stderr
    assert "Traceback" not in result.output


def test_missing_model_is_a_clear_error():
    result = run("read", "-", "--model", "no_such_pipeline_xyz", input="Text.")
    assert result.exit_code == 2
    assert "not installed" in result.stderr and "Traceback" not in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip()


def test_published_option_dates_a_story_without_a_year():
    story = str(STORIES.parent / "layouts" / "wire_indented.txt")
    plain = json.loads(run("read", story).stdout)
    assert plain["published"] is None and plain["dateline"]["date"] == "XXXX-03-30"
    result = run("read", story, "--published", "1987-03-30T10:00:00+00:00")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["published"] == "1987-03-30T10:00:00+00:00" and record["dateline"]["date"] == "1987-03-30"


def test_published_option_rejects_what_is_not_a_date():
    result = run("read", str(STORIES / "plain.txt"), "--published", "soon")
    assert result.exit_code == 2 and "--published" in result.output
