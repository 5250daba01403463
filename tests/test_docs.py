"""Every command is documented: named in the README's command table or in a page of docs/."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer

from dateline.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, path)
        else:
            yield " ".join(path)


COMMANDS = sorted(_commands(typer.main.get_command(app)))


def test_there_are_commands():
    assert {"read", "quotes", "times", "places", "timeline", "ingest", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command):
    assert f"dateline {command}" in DOCS, f"`dateline {command}` is not in README.md or docs/"
