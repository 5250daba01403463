"""Quote-mark pairing: every mark style, paragraphs, nesting, odd marks (no spaCy needed)."""

from __future__ import annotations

import pytest

from dateline.extract.quotes.marks import find_quoted, split_paragraphs


def quoted(text: str) -> list[str]:
    paragraphs = split_paragraphs(text, [(0, len(text))])
    return [text[q.start : q.end] for q in find_quoted(text, paragraphs)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"The plan works," she said.', ["The plan works,"]),
        ("“The plan works,” she said.", ["The plan works,"]),
        ("«The plan works», she said.", ["The plan works"]),
        ("„The plan works“, she said.", ["The plan works"]),
        ("``The plan works,'' she said.", ["The plan works,"]),
        ("She said: ‘The plan works.’", ["The plan works."]),
        ("She said: 'The plan works.'", ["The plan works."]),
    ],
)
def test_every_mark_style(text, expected):
    assert quoted(text) == expected


def test_quote_split_around_its_cue():
    assert quoted('"The meeting," he said, "is important."') == ["The meeting,", "is important."]


def test_nested_quote_stays_inside():
    text = "“He told me ‘never again’ and left,” Ruiz said."
    assert quoted(text) == ["He told me ‘never again’ and left,"]


def test_multi_paragraph_quote_runs_to_its_close():
    text = "“The first part ends open.\n\n“The second part closes,” Ruiz said."
    assert quoted(text) == ["The first part ends open.\n\n“The second part closes,"]


@pytest.mark.parametrize(
    "text",
    [
        'The council said "the budget will pass.',
        '"An open quote.\n\nA paragraph that does not continue it.',
        '"""',
        "“",
        "",
    ],
)
def test_odd_marks_invent_nothing(text):
    assert quoted(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It's the mayor’s plan, and the officials’ too.",
        "Rock of the ’90s and the '80s.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert quoted(text) == []


def test_second_opener_drops_the_unclosed_first():
    assert quoted('He said "we will win. Then "no way," she said.') == ["no way,"]


def test_paragraphs_split_on_blank_lines_and_trimmed():
    text = "  One.\n\nTwo.\n \nThree.  "
    assert [text[s:e] for s, e in split_paragraphs(text, [(0, len(text))])] == ["One.", "Two.", "Three."]


def test_spaced_latex_marks_of_tokenized_copy_pair():
    from dateline.extract.quotes.marks import find_quoted

    text = "`` We won the vote , '' said the mayor ."
    [quoted] = find_quoted(text, [(0, len(text))])
    assert text[quoted.start : quoted.end].strip() == "We won the vote ,"
