"""The docs hold: every command is named in the README or a page of docs/, and every Python
example there runs.

A Python block that cannot run here (it needs a server or the shared data) says so on the
line before its fence: ``<!-- docs-test: skip (needs a PostgreSQL server) -->``.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import typer

from dateline.cli import app
from dateline.record import Article, Mention

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCS = "".join(p.read_text(encoding="utf-8") for p in PAGES)
STORIES = Path(__file__).parent / "fixtures" / "stories"
PYTHON_BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]+)\)\s*-->")


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


def _python_examples():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in PYTHON_BLOCK.finditer(text):
            line = text.count("\n", 0, block.start()) + 1
            before = text[: block.start()].rstrip("\n").rsplit("\n", 1)[-1]
            skip = SKIP.search(before)
            marks = [pytest.mark.skip(reason=f"marked in the doc: {skip['reason']}")] if skip else []
            yield pytest.param(block.group(1), id=f"{page.relative_to(ROOT)}:{line}", marks=marks)


EXAMPLES = list(_python_examples())


def test_the_readme_has_a_python_example():
    assert any(p.id.startswith("README.md:") for p in EXAMPLES)


@pytest.mark.parametrize("code", EXAMPLES)
def test_python_example_runs(code, tmp_path, monkeypatch):
    """Run in an empty directory holding only ``stories/`` (the invented fixture stories)."""
    shutil.copytree(STORIES, tmp_path / "stories")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "<doc example>", "exec"), {"__name__": "__doc_example__"})


def _record_rows() -> dict[str, str]:
    """docs/record.md's field table: each field name named in a row -> that row."""
    rows = {}
    for row in (ROOT / "docs" / "record.md").read_text(encoding="utf-8").splitlines():
        if row.startswith("| `"):
            names = row.split("|")[1]
            rows.update({name: row for name in re.findall(r"`(\w+)`", names)})
    return rows


def _json_names(record) -> list[str]:
    return ["with" if f.name == "with_" else f.name for f in dataclasses.fields(record)]


def _nested(field: dataclasses.Field):
    """The record type of a field holding records (``tuple[Entity, ...]``, ``Dateline``), else None."""
    import dateline.record as R

    names = re.findall(r"\w+", str(field.type))
    return next(
        (
            getattr(R, n)
            for n in names
            if dataclasses.is_dataclass(getattr(R, n, None)) and n not in ("Span", "Mention")
        ),
        None,
    )


@pytest.mark.parametrize("field", dataclasses.fields(Article), ids=lambda f: f.name)
def test_record_docs_list_every_field(field):
    rows = _record_rows()
    assert field.name in rows, f"`{field.name}` is not in docs/record.md's field table"
    nested = _nested(field)
    if nested is not None:
        described = set(re.findall(r"\w+", rows[field.name].split("|", 3)[3]))  # the "what" column
        wanted = _json_names(nested)
        if {"mentions", "trigger"} & set(wanted):
            wanted += _json_names(Mention)
        missing = [n for n in wanted if n not in described]
        assert not missing, f"docs/record.md's `{field.name}` row misses {missing}"
