"""Reading inputs: encodings, bad files, directories, globs, JSON Lines and HTML."""

from __future__ import annotations

import json

import pytest

from dateline.io.decode import DecodeError, decode
from dateline.io.sources import BadInput, Story, iter_stories


@pytest.mark.parametrize(
    "data, text",
    [
        (b"plain ascii", "plain ascii"),
        ("caf\u00e9 \u201cquoted\u201d".encode("utf-8"), "caf\u00e9 \u201cquoted\u201d"),
        (b"\xef\xbb\xbfbom", "bom"),
        (b"caf\xe9 \x93quoted\x94", "caf\u00e9 \u201cquoted\u201d"),
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("utf16".encode("utf-16"), "utf16"),
    ],
)
def test_decode(data, text):
    assert decode(data) == text


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary", bytes(range(0, 32)) * 20, b"bad \x81\x8d\x90 bytes \xff\xfe"[:14] + b"\x81"]
)
def test_decode_rejects(data):
    with pytest.raises(DecodeError):
        decode(data)


def test_directory_with_bad_files_keeps_the_good(tmp_path):
    (tmp_path / "a.txt").write_text("A good story.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")
    (tmp_path / "d.txt").write_text("Another good story.")
    (tmp_path / ".hidden").write_text("skipped")
    items = list(iter_stories([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Story", "BadInput", "BadInput", "Story"]
    assert "empty" in items[1].reason and "binary" in items[2].reason
    assert items[1].source.endswith("b.txt")


def test_size_limit_names_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300)
    (bad,) = iter_stories([str(big)], max_bytes=1024)
    assert isinstance(bad, BadInput) and "1 MB limit" not in bad.reason and "limit" in bad.reason


def test_missing_path_and_glob(tmp_path):
    (tmp_path / "x1.txt").write_text("one")
    (tmp_path / "x2.txt").write_text("two")
    items = list(iter_stories([str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt")]))
    assert [i.text for i in items[:2]] == ["one", "two"]
    assert isinstance(items[2], BadInput) and "no such file" in items[2].reason


def test_json_lines(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps({"text": "First story.", "url": "https://example.org/1", "published": "2024-01-02"}),
                "{not json",
                json.dumps({"url": "no text"}),
                json.dumps({"text": "Second story.", "headline": "Two"}),
            ]
        )
    )
    items = list(iter_stories([str(f)]))
    assert (
        isinstance(items[0], Story) and items[0].url == "https://example.org/1" and items[0].published == "2024-01-02"
    )
    assert isinstance(items[1], BadInput) and items[1].source.endswith(":2")
    assert isinstance(items[2], BadInput) and "text" in items[2].reason
    assert items[3].headline == "Two"


def test_html_page(tmp_path):
    page = tmp_path / "p.html"
    body = "".join(
        f"<p>Paragraph {i} of the story, with enough words to count as main text here.</p>" for i in range(6)
    )
    page.write_text(
        f"<html><head><title>Mayor opens new bridge</title>"
        f'<meta property="article:published_time" content="2024-05-06T10:00:00Z"></head>'
        f"<body><nav>Home | News</nav><article><h1>Mayor opens new bridge</h1>{body}</article></body></html>"
    )
    (story,) = iter_stories([str(page)])
    assert isinstance(story, Story)
    assert story.headline == "Mayor opens new bridge" and "Paragraph 3" in story.text
    assert story.published and story.published.startswith("2024-05-06")


def test_stdin():
    import io

    (story,) = iter_stories(["-"], stdin=io.BytesIO(b"From standard input."))
    assert story.text == "From standard input." and story.source == "<stdin>"
