"""Shared fixtures. Acceptance tests read ../shared (or $DATELINE_SHARED) and skip when it is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The suite runs the reader in raise mode: an extractor that fails fails its test (users get "record").
os.environ.setdefault("DATELINE_ON_ERROR", "raise")

SHARED = Path(os.environ.get("DATELINE_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
SEED = SHARED / "seed" / "000_2001f4bd827ed439.txt"
GOLD = SHARED / "gold" / "000_2001f4bd827ed439.gold.json"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data absent: {SHARED} (set DATELINE_SHARED to run acceptance tests)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed story absent: {SEED} (set DATELINE_SHARED to run acceptance tests)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"gold reading absent: {GOLD} (set DATELINE_SHARED to run acceptance tests)")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the whole test session."""
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def reader():
    from dateline.reader import Reader

    return Reader()


@pytest.fixture(scope="session")
def seed_article(reader, seed_text):
    return reader.read(seed_text, source=str(SEED))


def fold(text: str | None) -> str:
    """Fold case and white space, as the gold file says to compare text fields."""
    return " ".join((text or "").split()).casefold()
