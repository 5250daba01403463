"""Models kept as plain data: ``model.json`` (what the model is) and ``weights.npz`` (arrays
only, read with ``allow_pickle=False``), so nothing in a model directory can run code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np


def save_plain(out: Path, meta: dict[str, Any], **arrays: np.ndarray) -> Path:
    """Write ``meta`` and ``arrays`` to the model directory ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")
    np.savez_compressed(out / "weights.npz", **arrays)  # type: ignore[arg-type]
    return out
