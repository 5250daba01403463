"""`dateline places` and `dateline gazetteer` on the test's own GeoNames fixture."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_mini.txt"
runner = CliRunner()


@pytest.fixture()
def gazetteer(tmp_path, monkeypatch):
    path = tmp_path / "g.sqlite"
    monkeypatch.setenv("DATELINE_GAZETTEER", str(path))
    result = runner.invoke(app, ["gazetteer", "import", str(FIXTURE), "--path", str(path), "--only"])
    assert result.exit_code == 0, result.output
    return path


def test_import_and_info(gazetteer):
    result = runner.invoke(app, ["gazetteer", "info", "--path", str(gazetteer)])
    assert result.exit_code == 0, result.output
    assert "entries: 47" in result.output and "look-up:" in result.output


def test_places_geojson(gazetteer, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("PARIS, Texas (AP) — Storms damaged homes in Lamar County on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["places", str(story), "--format", "geojson"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    paris = next(f for f in collection["features"] if f["properties"]["name"] == "Paris")
    assert paris["properties"]["geonames_id"] == 4717560
    assert paris["geometry"]["coordinates"][1] == pytest.approx(33.66, abs=0.01)


def test_places_table(gazetteer, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks in Paris ended on Friday.", encoding="utf-8")
    result = runner.invoke(app, ["places", str(story)])
    assert result.exit_code == 0, result.output
    assert "Paris" in result.output and "FR" in result.output
