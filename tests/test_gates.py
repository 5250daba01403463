"""The gates CI holds the code to: ruff's lint (the rule set in pyproject.toml) and its formatter
over the code, and mypy over ``src/``, all clean. They run here so that the test command is the gate.

Each runs through the venv's own module and skips, saying so, when it is not installed (the
``test`` extra installs both). mypy keeps its cache in the temporary directory, one for each
checkout, so a second run takes seconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]' installs it)")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_ruff_is_clean():
    done = _run("ruff", "check", "--no-cache", "src", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, f"ruff check found problems:\n{done.stdout}{done.stderr}"


def test_ruff_format_is_clean():
    done = _run("ruff", "format", "--check", "--no-cache", "src", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, f"ruff format would change files (run `ruff format`):\n{done.stdout}{done.stderr}"


def test_mypy_is_clean():
    checkout = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    cache = Path(tempfile.gettempdir()) / f"dateline-mypy-{checkout}"
    done = _run("mypy", "--cache-dir", str(cache), "src")
    assert done.returncode == 0, f"mypy src found problems:\n{done.stdout}{done.stderr}"
