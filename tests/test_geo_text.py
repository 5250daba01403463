import pytest

from dateline.geo.text import fold, is_latin_key, surface


@pytest.mark.parametrize("name, key", [
    ("U.S.", "us"), ("US", "us"), ("Côte d'Ivoire", "cote divoire"), ("Winston-Salem", "winston salem"),
    ("  New   York ", "new york"), ("MÜNCHEN", "munchen"), ("São Paulo", "sao paulo"), ("Khasan", "khasan"),
])
def test_fold(name, key):
    assert fold(name) == key


def test_fold_never_merges_different_names():
    assert fold("Khasan") != fold("Khasab") != fold("Hassan")


@pytest.mark.parametrize("text, expected", [
    ("North Korea's", "North Korea"), ("the United States", "United States"), ("Texas", "Texas"),
    ("The Hague", "Hague"), ("Moscow’s", "Moscow"),
])
def test_surface(text, expected):
    assert surface(text) == expected


@pytest.mark.parametrize("key, ok", [("paris", True), ("москва", False), ("", False), ("123", False)])
def test_is_latin_key(key, ok):
    assert is_latin_key(key) is ok
