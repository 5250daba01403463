import pytest

from dateline.geo.text import case_key, fold, is_latin_key, strip_accents, surface


@pytest.mark.parametrize(
    "name, key",
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Winston-Salem", "winston salem"),
        ("  New   York ", "new york"),
        ("MÜNCHEN", "munchen"),
        ("São Paulo", "sao paulo"),
        ("Khasan", "khasan"),
    ],
)
def test_fold(name, key):
    assert fold(name) == key


def test_fold_never_merges_different_names():
    assert fold("Khasan") != fold("Khasab") != fold("Hassan")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("North Korea's", "North Korea"),
        ("the United States", "United States"),
        ("Texas", "Texas"),
        ("The Hague", "Hague"),
        ("Moscow’s", "Moscow"),
    ],
)
def test_surface(text, expected):
    assert surface(text) == expected


@pytest.mark.parametrize("key, ok", [("paris", True), ("москва", False), ("", False), ("123", False)])
def test_is_latin_key(key, ok):
    assert is_latin_key(key) is ok


def test_strip_accents_keeps_case_and_punctuation():
    assert strip_accents("Mahārāshtra") == "Maharashtra"
    assert strip_accents("Côte d'Ivoire") == "Cote d'Ivoire"


@pytest.mark.parametrize(
    "text, key",
    [
        ("The U.S.'s", "u.s."),
        ("THE Fed’S", "fed"),
        ("  São   Paulo ", "são paulo"),
        ("Jones '", "jones"),
        ("the", "the"),
    ],
)
def test_case_key_folds_case_only(text, key):
    assert case_key(text) == key
