"""The few formulas every evaluation shares."""

from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(system_hits: float, system: float, gold_hits: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from hit counts on the system's side and on the gold side
    (the same number when matching is one to one)."""
    p, r = ratio(system_hits, system), ratio(gold_hits, gold)
    return p, r, f1(p, r)
