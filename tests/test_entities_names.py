"""Name splitting and short-form matching (no model needed)."""

from __future__ import annotations

import pytest

from dateline.extract.entities import names


@pytest.mark.parametrize(
    "short, full, expected",
    [
        ("Park", "Park Min Jun", True),  # Korean: family name first
        ("Xi", "Xi Jinping", True),  # Chinese
        ("Varga", "Lena Varga", True),
        ("Varga's", "Lena Varga", True),
        ("KWON", "Mary Kwon", True),  # ALL CAPS
        ("Lopez Obrador", "Andres Manuel Lopez Obrador", True),  # Spanish double surname
        ("López Obrador", "Andrés Manuel López Obrador", True),
        ("Sanchez", "Pedro Sanchez Perez-Castejon", True),  # paternal surname
        ("Sisi", "Abdel Fattah al-Sisi", True),  # Arabic article dropped
        ("Salman", "Mohammed bin Salman", False),  # a patronymic is not a surname
        ("bin Salman", "Mohammed bin Salman", True),
        ("Gaulle", "Charles de Gaulle", True),
        ("Min Jun", "Park Min Chol", False),
        ("Park Min Jun", "Park Min Jun", False),  # same length: not a short form
        ("Smith", "Adam Smithson", False),
    ],
)
def test_is_short_form(short, full, expected):
    assert names.is_short_form(short, full) is expected


@pytest.mark.parametrize(
    "forms, expected",
    [
        (["Park", "Park Min Jun", "PARK MIN JUN"], "Park Min Jun"),
        (["MARY KWON"], "MARY KWON"),
        (["Varga", "Lena Varga"], "Lena Varga"),
    ],
)
def test_fullest(forms, expected):
    assert names.fullest(forms) == expected


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("MARY KWON", "PERSON", "Mary Kwon"),
        ("Park", "PERSON", "Park"),
        ("UN", "ORG", "UN"),
        ("VARGA", "PERSON", "Varga"),
        ("NORVEX", "ORG", "NORVEX"),
        ("NORVIK BANK", "ORG", "Norvik Bank"),
    ],
)
def test_display(text, label, expected):
    assert names.display(text, label) == expected


def test_key_drops_particles_and_possessive():
    assert names.key("Charles de Gaulle's") == ("charles", "gaulle")
