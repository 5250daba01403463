"""``dateline serve`` and ``dateline demo``: options and the demo archive (the server itself is not started)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import dateline.cli.serve as serve_cli
from dateline.cli import app
from dateline.store import Store


@pytest.fixture
def runs(monkeypatch):
    """Record what would be served instead of starting uvicorn."""
    calls = []
    monkeypatch.setattr(serve_cli, "_run", lambda db, host, port: calls.append((db, host, port)))
    return calls


def test_serve_defaults_to_loopback(runs, monkeypatch):
    monkeypatch.delenv("DATELINE_DB", raising=False)
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert runs == [("dateline.db", "127.0.0.1", 8000)]


def test_serve_options(runs):
    result = CliRunner().invoke(app, ["serve", "--db", "x.db", "--port", "9001", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert runs == [("x.db", "0.0.0.0", 9001)]


def test_demo_ingests_the_examples_once(runs, tmp_path):
    db = str(tmp_path / "demo.db")
    examples = sorted(serve_cli.EXAMPLES.glob("*.txt"))
    assert examples, "the package ships example stories"
    for _ in range(2):  # a second run finds them all already there
        result = CliRunner().invoke(app, ["demo", "--db", db, "--port", "8123"])
        assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert store.stats()["stories"] == len(examples)
    assert runs == [(db, "127.0.0.1", 8123)] * 2
