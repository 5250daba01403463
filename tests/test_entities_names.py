"""Name splitting and short-form matching (no model needed)."""
from __future__ import annotations

import pytest

from dateline.entities import names


@pytest.mark.parametrize("short, full, expected", [
    ("Kim", "Kim Jong Un", True),                      # Korean: family name first
    ("Xi", "Xi Jinping", True),                        # Chinese
    ("Putin", "Vladimir Putin", True),
    ("Putin's", "Vladimir Putin", True),
    ("KIM", "Jack Kim", True),                         # ALL CAPS
    ("Lopez Obrador", "Andres Manuel Lopez Obrador", True),  # Spanish double surname
    ("López Obrador", "Andrés Manuel López Obrador", True),
    ("Sanchez", "Pedro Sanchez Perez-Castejon", True),  # paternal surname
    ("Sisi", "Abdel Fattah al-Sisi", True),            # Arabic article dropped
    ("Salman", "Mohammed bin Salman", False),          # a patronymic is not a surname
    ("bin Salman", "Mohammed bin Salman", True),
    ("Gaulle", "Charles de Gaulle", True),
    ("Jong Un", "Kim Jong Il", False),
    ("Kim Jong Un", "Kim Jong Un", False),             # same length: not a short form
    ("Smith", "Adam Smithson", False),
])
def test_is_short_form(short, full, expected):
    assert names.is_short_form(short, full) is expected


@pytest.mark.parametrize("forms, expected", [
    (["Kim", "Kim Jong Un", "KIM JONG UN"], "Kim Jong Un"),
    (["JACK KIM"], "JACK KIM"),
    (["Putin", "Vladimir Putin"], "Vladimir Putin"),
])
def test_fullest(forms, expected):
    assert names.fullest(forms) == expected


@pytest.mark.parametrize("text, expected", [("JACK KIM", "Jack Kim"), ("Kim", "Kim"), ("UN", "UN")])
def test_display(text, expected):
    assert names.display(text) == expected


def test_key_drops_particles_and_possessive():
    assert names.key("Charles de Gaulle's") == ("charles", "gaulle")
